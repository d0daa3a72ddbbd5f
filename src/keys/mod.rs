//! Key bindings as data: one table for every mode (screens, forms, fields,
//! questions, each check-in step, the help) that handles the keys, draws the
//! footer and fills the help overlay, so the three can never disagree.
//!
//! Where the user is, as far as keys go, is a stack of [`Context`]s, the
//! innermost first: in a form, the focused field's kind over the form itself.
//! A key is looked up layer by layer; a key an inner layer binds shadows the
//! same key further out, and the footer and help show only what works.

mod actions;
mod contexts;
mod lang;
mod names;
mod table;
pub mod user;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use actions::Action;
pub use contexts::{ALL_CONTEXTS, Context, modes};
pub use lang::keys_label;
pub use table::SCREENS;
pub use user::{KeyError, KeyProblem};

/// A key as written in the help: `j`, `Ctrl-R`, `Enter`, `1–5`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    /// Alt (or Meta) with a character, like `Alt-x`.
    Alt(char),
    /// Any character from the first to the last, like `1–5`.
    Range(char, char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Backspace,
    Delete,
    Space,
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match (self, ev.code) {
            (Key::Char(c), KeyCode::Char(e)) => !ctrl && !alt && c == e,
            (Key::Range(a, b), KeyCode::Char(e)) => !ctrl && !alt && (a..=b).contains(&e),
            (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
            (Key::Alt(c), KeyCode::Char(e)) => alt && !ctrl && c == e,
            (Key::F(n), KeyCode::F(e)) => n == e,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            (Key::Backspace, KeyCode::Backspace) => true,
            (Key::Delete, KeyCode::Delete) => true,
            (Key::Space, KeyCode::Char(' ')) => !ctrl && !alt,
            _ => false,
        }
    }

    /// Whether two keys can match the same key press.
    pub fn overlaps(self, other: Key) -> bool {
        match (self, other) {
            (Key::Range(a, b), Key::Range(c, d)) => a <= d && c <= b,
            (Key::Range(a, b), Key::Char(c)) | (Key::Char(c), Key::Range(a, b)) => {
                (a..=b).contains(&c)
            }
            (Key::Space, Key::Char(' ')) | (Key::Char(' '), Key::Space) => true,
            (x, y) => x == y,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Range(a, b) => format!("{a}–{b}"),
            Key::F(n) => format!("F{n}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
            Key::Space => "Space".into(),
        }
    }

    /// A press of this key (the first of a range).
    pub fn event(self) -> KeyEvent {
        let (code, modifiers) = match self {
            Key::Char(c) => (KeyCode::Char(c), KeyModifiers::NONE),
            Key::Ctrl(c) => (KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Alt(c) => (KeyCode::Char(c), KeyModifiers::ALT),
            Key::Range(a, _) => (KeyCode::Char(a), KeyModifiers::NONE),
            Key::F(n) => (KeyCode::F(n), KeyModifiers::NONE),
            Key::Enter => (KeyCode::Enter, KeyModifiers::NONE),
            Key::Esc => (KeyCode::Esc, KeyModifiers::NONE),
            Key::Tab => (KeyCode::Tab, KeyModifiers::NONE),
            Key::BackTab => (KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::Up => (KeyCode::Up, KeyModifiers::NONE),
            Key::Down => (KeyCode::Down, KeyModifiers::NONE),
            Key::Left => (KeyCode::Left, KeyModifiers::NONE),
            Key::Right => (KeyCode::Right, KeyModifiers::NONE),
            Key::Home => (KeyCode::Home, KeyModifiers::NONE),
            Key::End => (KeyCode::End, KeyModifiers::NONE),
            Key::PageUp => (KeyCode::PageUp, KeyModifiers::NONE),
            Key::PageDown => (KeyCode::PageDown, KeyModifiers::NONE),
            Key::Backspace => (KeyCode::Backspace, KeyModifiers::NONE),
            Key::Delete => (KeyCode::Delete, KeyModifiers::NONE),
            Key::Space => (KeyCode::Char(' '), KeyModifiers::NONE),
        };
        KeyEvent::new(code, modifiers)
    }
}

/// A set of contexts, as a binding names where it works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contexts(u32);

impl Contexts {
    pub const fn of(contexts: &[Context]) -> Contexts {
        let mut bits = 0;
        let mut i = 0;
        while i < contexts.len() {
            bits |= 1 << contexts[i] as u32;
            i += 1;
        }
        Contexts(bits)
    }

    /// This set and those.
    pub const fn and(self, more: &[Context]) -> Contexts {
        Contexts(self.0 | Contexts::of(more).0)
    }

    pub fn contains(&self, ctx: &Context) -> bool {
        self.0 & (1 << *ctx as u32) != 0
    }

    /// This set without `ctx`.
    fn without(self, ctx: Context) -> Contexts {
        Contexts(self.0 & !(1 << ctx as u32))
    }

    /// Whether the two sets share a context.
    pub fn meets(&self, other: Contexts) -> bool {
        self.0 & other.0 != 0
    }
}

/// Keys bound to one action in some contexts.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub contexts: Contexts,
    /// Shown in the footer (the rest only in the help).
    pub footer: bool,
    /// Labelled in Swedish (`Mellanslag`), as [`Keymap::bindings_for`] gives it.
    pub swedish: bool,
}

/// The key table in force: the defaults, or with a user's own keys
/// ([`Keymap::with_user_keys`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// Swedish asks yes or no with `j` and `n` (`y` stays as an alias).
    swedish: bool,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: table::DEFAULTS
                .iter()
                .map(|(keys, action, contexts, shown)| Binding {
                    keys: keys.to_vec(),
                    action: *action,
                    contexts: *contexts,
                    footer: shown.footer,
                    swedish: false,
                })
                .collect(),
            swedish: false,
        }
    }
}

impl Keymap {
    /// The action a key asks for where the user is (`layers`, innermost first).
    pub fn action_for(&self, layers: &[Context], ev: &KeyEvent) -> Option<Action> {
        layers.iter().find_map(|ctx| {
            self.bindings
                .iter()
                .filter(|b| b.contexts.contains(ctx))
                .find(|b| {
                    b.keys.iter().any(|k| k.matches(ev))
                        || self.shown_keys(b).iter().any(|k| k.matches(ev))
                })
                .map(|b| b.action)
        })
    }

    /// A key bound somewhere on the screens: its label and action, for a hint.
    pub fn elsewhere(&self, ev: &KeyEvent) -> Option<(String, Action)> {
        self.bindings
            .iter()
            .filter(|b| b.contexts.meets(SCREENS))
            .find_map(|b| {
                b.keys
                    .iter()
                    .find(|k| k.matches(ev))
                    .map(|k| (k.label(), b.action))
            })
    }

    /// The bindings that work where the user is (`layers`, innermost first),
    /// each with only the keys no inner layer shadows, and one entry per
    /// action (a footer key first: `Tab/↓ next field`). The outermost layer's
    /// come first, so a form's save and cancel lead its field's keys.
    pub fn bindings_for(&self, layers: &[Context]) -> Vec<Binding> {
        // (layer, place in the table, binding)
        let mut out: Vec<(usize, usize, Binding)> = Vec::new();
        for (depth, ctx) in layers.iter().enumerate() {
            for (place, b) in self.bindings.iter().enumerate() {
                if !b.contexts.contains(ctx) {
                    continue;
                }
                let keys: Vec<Key> = self
                    .shown_keys(b)
                    .into_iter()
                    .filter(|k| {
                        !out.iter()
                            .any(|(_, _, o)| o.keys.iter().any(|x| x.overlaps(*k)))
                    })
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                match out.iter_mut().find(|(_, _, o)| o.action == b.action) {
                    Some((at, from, o)) if b.footer && !o.footer => {
                        o.keys.splice(0..0, keys);
                        o.footer = true;
                        (*at, *from) = (depth, place);
                    }
                    Some((_, _, o)) => o.keys.extend(keys),
                    None => {
                        let swedish = self.swedish;
                        let shown = Binding {
                            keys,
                            swedish,
                            ..b.clone()
                        };
                        out.push((depth, place, shown));
                    }
                }
            }
        }
        out.sort_by_key(|(depth, place, _)| (std::cmp::Reverse(*depth), *place));
        out.into_iter().map(|(_, _, b)| b).collect()
    }

    /// Gives `action` other keys wherever it is bound (a user's own keys).
    pub fn rebind(&mut self, action: Action, keys: &[Key]) {
        for b in self.bindings.iter_mut().filter(|b| b.action == action) {
            b.keys = keys.to_vec();
        }
    }

    /// Bindings of one context, as the table has them.
    pub fn in_context(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.contexts.contains(&ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        let map = Keymap::default();
        for ctx in ALL_CONTEXTS {
            let bs: Vec<_> = map.in_context(*ctx).collect();
            for (i, a) in bs.iter().enumerate() {
                for b in &bs[i + 1..] {
                    for ka in &a.keys {
                        assert!(
                            !b.keys.iter().any(|kb| kb.overlaps(*ka)),
                            "{ka:?} bound twice in {ctx:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_context_has_keys_and_a_way_to_help() {
        let map = Keymap::default();
        for ctx in ALL_CONTEXTS {
            assert!(map.in_context(*ctx).next().is_some(), "{ctx:?} has no keys");
            let f1 = key(KeyCode::F(1), KeyModifiers::NONE);
            let help = map.action_for(&[*ctx], &f1);
            assert!(
                matches!(help, Some(Action::Help | Action::CloseHelp)) || !is_leaf(*ctx),
                "F1 does not help in {ctx:?}"
            );
        }
    }

    /// Contexts that stand alone or innermost (a form is always under a
    /// field) and show a help (a window too small shows nothing but its size).
    fn is_leaf(ctx: Context) -> bool {
        !matches!(
            ctx,
            C::Form | C::CheckInWalk | C::CheckInReflect | C::LastWeek | C::TooSmall
        )
    }

    use Context as C;

    #[test]
    fn arrows_and_letters() {
        let map = Keymap::default();
        let none = KeyModifiers::NONE;
        let q = [C::Quarter];
        assert_eq!(
            map.action_for(&q, &key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            map.action_for(&q, &key(KeyCode::Down, none)),
            Some(Action::Down)
        );
        assert_eq!(
            map.action_for(&q, &key(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::Redo)
        );
        assert_eq!(
            map.action_for(&q, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(map.action_for(&q, &key(KeyCode::Char('x'), none)), None);
        assert_eq!(
            map.action_for(&[C::DetailInitiatives], &key(KeyCode::Char(' '), none)),
            Some(Action::Toggle)
        );
        assert_eq!(
            map.action_for(&q, &key(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
    }

    #[test]
    fn an_inner_layer_shadows_the_same_key_further_out() {
        let map = Keymap::default();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        let layers = [C::AreaField, C::Form];
        assert_eq!(map.action_for(&layers, &enter), Some(Action::NewLine));
        let shown = map.bindings_for(&layers);
        let save = shown.iter().find(|b| b.action == Action::Save).unwrap();
        assert_eq!(
            save.keys,
            vec![Key::Ctrl('s')],
            "Enter is not shown as save"
        );
        // `?` is typed in a text field, and helps in a number field.
        let question = key(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(map.action_for(&[C::TextField, C::Form], &question), None);
        assert_eq!(
            map.action_for(&[C::NumberField, C::Form], &question),
            Some(Action::Help)
        );
    }
}
