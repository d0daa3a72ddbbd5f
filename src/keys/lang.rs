//! The key table in the interface language: Swedish answers yes with `j`
//! (the table's `y` keeps working) and names the space key `Mellanslag`.

use super::{Action, Binding, Context, Key, Keymap};
use crate::model::Lang;

impl Key {
    /// The key's name on screen, in Swedish where a Swedish keyboard names
    /// it otherwise (`Mellanslag`); Enter, Esc, Tab and the rest are printed
    /// on the keys as they are.
    pub fn label_in(self, swedish: bool) -> String {
        match self {
            Key::Space if swedish => "Mellanslag".into(),
            k => k.label(),
        }
    }
}

impl Keymap {
    /// The same keys in a language's words: in Swedish a yes is `j`/`J`
    /// where the table has `y`/`Y` (which keep working, unshown).
    pub fn in_lang(mut self, lang: Lang) -> Keymap {
        self.swedish = lang == Lang::Sv;
        self
    }

    /// The keys a binding shows: `y`/`Y` of a yes as `j`/`J` in Swedish.
    pub(super) fn shown_keys(&self, b: &Binding) -> Vec<Key> {
        if !self.swedish || !matches!(b.action, Action::Yes | Action::CorrectCheckIn) {
            return b.keys.clone();
        }
        b.keys
            .iter()
            .map(|k| match k {
                Key::Char('y') => Key::Char('j'),
                Key::Char('Y') => Key::Char('J'),
                k => *k,
            })
            .collect()
    }

    /// The label of the first key of `action` in a context, like `u` or `Tab`.
    pub fn key_of(&self, action: Action, ctx: Context) -> String {
        self.bindings
            .iter()
            .find(|b| b.action == action && b.contexts.contains(&ctx))
            .and_then(|b| self.shown_keys(b).first().copied())
            .map_or_else(String::new, |k| k.label_in(self.swedish))
    }
}

/// `j/↓`-style label of a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label_in(b.swedish))
        .collect::<Vec<_>>()
        .join("/")
}
