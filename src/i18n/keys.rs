//! The words of a user's own keys: a `keys` section of the config file
//! refused, and `okr keys` (each language's table is in `sv/keys.rs` and
//! `en/keys.rs`, beside `sv.rs` and `en.rs`).

use crate::keys::Context;

/// The words of the `keys` section and of `okr keys`.
pub struct KeyWords {
    /// `keys` is not an object of entries.
    pub e_not_object: &'static str,
    /// No action of that name: the entry, quoted.
    pub e_unknown: fn(&str) -> String,
    /// The action has no key there: the action, the context.
    pub e_not_here: fn(&str, &str) -> String,
    /// The entry's value is not a key or a list of them: the entry.
    pub e_not_keys: fn(&str) -> String,
    /// A key that cannot be read: as written, the entry.
    pub e_bad_key: fn(&str, &str) -> String,
    /// An action whose keys are what it does.
    pub e_fixed: fn(&str) -> String,
    /// Esc, F1 or Ctrl-C bound elsewhere: the key, the action.
    pub e_fixed_key: fn(&str, &str) -> String,
    /// A character where text is typed: the key, the action, the context.
    pub e_typed: fn(&str, &str, &str) -> String,
    /// One key, two actions: the key, both actions, the context.
    pub e_conflict: fn(&str, &str, &str, &str) -> String,
    /// What to do about a refused entry.
    pub e_fix: &'static str,
    /// Each context, as a place: "the quarter view (objectives)".
    pub context: fn(Context) -> &'static str,
}
