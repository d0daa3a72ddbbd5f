//! The names a config file gives actions, contexts and keys: `undo`,
//! `quarter.undo`, `ctrl-z`. They are stable: a config file written for one
//! version keeps working in the next.

use super::{ALL_CONTEXTS, Action, Context, Key};

impl Action {
    /// The action a config file names (`snake_case` is read as `kebab-case`).
    pub fn from_id(id: &str) -> Option<Action> {
        let id = id.replace('_', "-");
        Action::ALL.iter().copied().find(|a| a.id() == id)
    }
}

impl Context {
    /// The context a config file names (`snake_case` is read as `kebab-case`).
    pub fn from_id(id: &str) -> Option<Context> {
        let id = id.replace('_', "-");
        ALL_CONTEXTS.iter().copied().find(|c| c.id() == id)
    }
}

impl Key {
    /// The key as a config file writes it: `ctrl-z`, `up`, `J`.
    pub fn id(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("ctrl-{}", c.to_ascii_lowercase()),
            Key::Alt(c) => format!("alt-{c}"),
            Key::Range(a, b) => format!("{a}–{b}"),
            Key::F(n) => format!("f{n}"),
            Key::Enter => "enter".into(),
            Key::Esc => "esc".into(),
            Key::Tab => "tab".into(),
            Key::BackTab => "shift-tab".into(),
            Key::Up => "up".into(),
            Key::Down => "down".into(),
            Key::Left => "left".into(),
            Key::Right => "right".into(),
            Key::Home => "home".into(),
            Key::End => "end".into(),
            Key::PageUp => "pgup".into(),
            Key::PageDown => "pgdn".into(),
            Key::Backspace => "backspace".into(),
            Key::Delete => "delete".into(),
            Key::Space => "space".into(),
        }
    }

    /// A key as people write it: one character (`J`, `?`), a name
    /// (`enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `home`, `space`,
    /// `f1`–`f12`, …), `ctrl-` and a letter, `alt-` and a character. Names
    /// and `ctrl-` letters take any case; a character alone or after `alt-`
    /// is taken as written (`J` is Shift-J). `None` for anything else,
    /// `ctrl-i` and `ctrl-m` among them: a terminal sends them as Tab and Enter.
    pub fn parse(text: &str) -> Option<Key> {
        if let Some(c) = single(text) {
            return match c {
                ' ' => Some(Key::Space),
                '↑' => Some(Key::Up),
                '↓' => Some(Key::Down),
                '←' => Some(Key::Left),
                '→' => Some(Key::Right),
                c if c.is_control() || c.is_whitespace() => None,
                c => Some(Key::Char(c)),
            };
        }
        let lower = text.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("ctrl-") {
            return single(rest)
                .filter(|c| c.is_ascii_lowercase() && !matches!(c, 'i' | 'm'))
                .map(Key::Ctrl);
        }
        if lower.starts_with("alt-") {
            return single(text.get(4..)?)
                .filter(|c| !c.is_control() && !c.is_whitespace())
                .map(Key::Alt);
        }
        if let Some(n) = lower.strip_prefix('f')
            && !n.starts_with('0')
            && let Ok(n) = n.parse::<u8>()
            && (1..=12).contains(&n)
        {
            return Some(Key::F(n));
        }
        Some(match lower.as_str() {
            "enter" | "return" => Key::Enter,
            "esc" | "escape" => Key::Esc,
            "tab" => Key::Tab,
            "shift-tab" | "backtab" => Key::BackTab,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            "home" => Key::Home,
            "end" => Key::End,
            "pgup" | "pageup" => Key::PageUp,
            "pgdn" | "pagedown" => Key::PageDown,
            "backspace" => Key::Backspace,
            "delete" | "del" => Key::Delete,
            "space" => Key::Space,
            _ => return None,
        })
    }
}

/// The only character of a text, if it has exactly one.
fn single(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_as_people_write_them() {
        let cases = [
            ("ctrl-z", Key::Ctrl('z')),
            ("Ctrl-Z", Key::Ctrl('z')),
            ("alt-x", Key::Alt('x')),
            ("Alt-X", Key::Alt('X')),
            ("up", Key::Up),
            ("↑", Key::Up),
            ("PgDn", Key::PageDown),
            ("pageup", Key::PageUp),
            ("f1", Key::F(1)),
            ("F12", Key::F(12)),
            ("enter", Key::Enter),
            ("esc", Key::Esc),
            ("space", Key::Space),
            (" ", Key::Space),
            ("shift-tab", Key::BackTab),
            ("J", Key::Char('J')),
            ("j", Key::Char('j')),
            ("?", Key::Char('?')),
            ("-", Key::Char('-')),
            ("ö", Key::Char('ö')),
        ];
        for (text, key) in cases {
            assert_eq!(Key::parse(text), Some(key), "{text}");
        }
    }

    #[test]
    fn what_cannot_be_read_as_one_key_is_refused() {
        for text in [
            "",
            "ctrl+z",
            "ctrl-",
            "ctrl-zz",
            "ctrl-1",
            "ctrl-i",
            "ctrl-m",
            "alt-",
            "alt-xy",
            "f0",
            "f13",
            "f01",
            "jk",
            "shift-j",
            "ctrl-alt-x",
            "\t",
            "\u{1b}",
            "pgdown ",
        ] {
            assert_eq!(Key::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn every_key_reads_back_from_how_it_is_written() {
        let keys = [
            Key::Char('J'),
            Key::Ctrl('r'),
            Key::Alt('x'),
            Key::F(1),
            Key::Enter,
            Key::Esc,
            Key::Tab,
            Key::BackTab,
            Key::Up,
            Key::Down,
            Key::Left,
            Key::Right,
            Key::Home,
            Key::End,
            Key::PageUp,
            Key::PageDown,
            Key::Backspace,
            Key::Delete,
            Key::Space,
        ];
        for k in keys {
            assert_eq!(Key::parse(&k.id()), Some(k), "{k:?}");
        }
    }

    #[test]
    fn every_action_and_context_has_its_own_name() {
        for a in Action::ALL {
            assert_eq!(Action::from_id(a.id()), Some(*a));
        }
        for c in ALL_CONTEXTS {
            assert_eq!(Context::from_id(c.id()), Some(*c));
        }
        assert_eq!(Action::from_id("next_pane"), Some(Action::NextPane));
        assert_eq!(Action::from_id("nope"), None);
    }
}
