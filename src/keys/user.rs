//! A user's own keys: the `keys` section of the config file. Each entry
//! names an action (`undo`), or an action in one context (`quarter.undo`),
//! and gives it a key or a list of keys, which replace the action's default
//! keys there. The result is checked whole before anything starts: a key
//! that would mean two things where the user is, is refused.
//!
//! `Esc`, `F1` and `Ctrl-C` keep their meaning wherever they have one: an
//! entry for an action they belong to keeps them beside its own keys, and
//! they cannot be bound to any other action.

use serde_json::Value;

use super::{Action, Binding, Context, Contexts, Key, Keymap, modes};
use Context as C;

/// Keys that are never lost: leaving, the help, quitting.
pub const FIXED_KEYS: &[Key] = &[Key::Esc, Key::F(1), Key::Ctrl('c')];

/// Actions whose keys are what they do (the characters typed, the digit of
/// a rating): they cannot be given other keys.
pub const FIXED_ACTIONS: &[Action] = &[Action::EditText, Action::Rate];

/// Contexts where characters are typed, or that lie under a field that
/// types them: a plain character bound there would never reach the text.
const TYPED: Contexts = Contexts::of(&[
    C::Form,
    C::CheckInWalk,
    C::CheckInReflect,
    C::LastWeek,
    C::TextField,
    C::AreaField,
    C::Search,
]);

/// Why a `keys` section was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyError {
    /// The entry at fault, as written in the file (its line is found there);
    /// `None` for the section as a whole.
    pub entry: Option<String>,
    pub problem: KeyProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum KeyProblem {
    /// `keys` is not an object of entries.
    NotObject,
    /// No action (or context) of that name: the entry's name.
    Unknown(String),
    /// The action has no key in that context.
    NotHere(Context, Action),
    /// The entry's value is not a key or a list of keys.
    NotKeys,
    /// A key that cannot be read, as written.
    BadKey(String),
    /// An action whose keys are what it does.
    Fixed(Action),
    /// `Esc`, `F1` or `Ctrl-C` bound to an action they do not belong to.
    FixedKey(Key, Action),
    /// A plain character where text is typed.
    Typed(Key, Action, Context),
    /// One key for two actions where the user is (the innermost context).
    Conflict {
        key: Key,
        first: Action,
        second: Action,
        context: Context,
    },
}

/// One entry of the section, read.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    action: Action,
    context: Option<Context>,
    keys: Vec<Key>,
}

impl Keymap {
    /// The default table with the `keys` section of a config file applied,
    /// or why it cannot be.
    pub fn with_user_keys(section: &Value) -> Result<Keymap, KeyError> {
        let Value::Object(map) = section else {
            return Err(KeyError {
                entry: None,
                problem: KeyProblem::NotObject,
            });
        };
        let defaults = Keymap::default();
        let mut entries = Vec::new();
        for (name, value) in map {
            let entry = read_entry(&defaults, name, value).map_err(|problem| KeyError {
                entry: Some(name.clone()),
                problem,
            })?;
            entries.push(entry);
        }
        let mut keymap = defaults.clone();
        // Entries for one context after those for everywhere: the narrower wins.
        for e in entries.iter().filter(|e| e.context.is_none()) {
            keymap.apply(e);
        }
        for e in entries.iter().filter(|e| e.context.is_some()) {
            keymap.apply(e);
        }
        keymap.check(&defaults, &entries)?;
        Ok(keymap)
    }

    /// Gives the entry's action its keys, in its context or everywhere; the
    /// fixed keys a row had stay.
    fn apply(&mut self, e: &Entry) {
        let mut i = 0;
        while i < self.bindings.len() {
            let b = &self.bindings[i];
            if b.action != e.action {
                i += 1;
                continue;
            }
            let mut keys = e.keys.clone();
            for k in b.keys.iter().filter(|k| FIXED_KEYS.contains(k)) {
                if !keys.contains(k) {
                    keys.push(*k);
                }
            }
            match e.context {
                None if b.contexts.0 & TYPED.0 == 0 || !e.keys.iter().any(is_plain) => {
                    self.bindings[i].keys = keys
                }
                // Where text is typed, an entry for everywhere gives only its
                // keys that are not characters (none: the defaults stay).
                None => {
                    let mut typed: Vec<Key> =
                        keys.iter().copied().filter(|k| !is_plain(k)).collect();
                    if !e.keys.iter().any(|k| !is_plain(k)) {
                        typed = b.keys.clone();
                    }
                    let elsewhere = Contexts(b.contexts.0 & !TYPED.0);
                    let there = Binding {
                        keys: typed,
                        contexts: Contexts(b.contexts.0 & TYPED.0),
                        ..b.clone()
                    };
                    if elsewhere.0 == 0 {
                        self.bindings[i] = there;
                    } else {
                        self.bindings[i].keys = keys;
                        self.bindings[i].contexts = elsewhere;
                        self.bindings.insert(i + 1, there);
                        i += 1;
                    }
                }
                Some(ctx) if b.contexts == Contexts::of(&[ctx]) => self.bindings[i].keys = keys,
                Some(ctx) if b.contexts.contains(&ctx) => {
                    let own = Binding {
                        keys,
                        contexts: Contexts::of(&[ctx]),
                        ..b.clone()
                    };
                    self.bindings[i].contexts = b.contexts.without(ctx);
                    self.bindings.insert(i + 1, own);
                    i += 1;
                }
                Some(_) => {}
            }
            i += 1;
        }
    }

    /// Refuses plain characters in a context where text is typed, one key for two
    /// actions in a context, and an action that loses its last key in a
    /// mode to an inner layer.
    fn check(&self, defaults: &Keymap, entries: &[Entry]) -> Result<(), KeyError> {
        for e in entries {
            let typed = e.keys.iter().find(|k| is_plain(k));
            // Named, or the only places the action works (a character
            // there would be dropped without a word).
            let place = match e.context {
                Some(ctx) => Some(ctx),
                None => {
                    let all = defaults
                        .bindings
                        .iter()
                        .filter(|b| b.action == e.action)
                        .fold(0, |bits, b| bits | b.contexts.0);
                    let first = super::ALL_CONTEXTS
                        .iter()
                        .copied()
                        .find(|c| defaults.in_context(*c).any(|b| b.action == e.action));
                    first.filter(|_| all & !TYPED.0 == 0)
                }
            };
            if let (Some(k), Some(ctx)) = (typed, place.filter(|c| TYPED.contains(c))) {
                return Err(KeyError {
                    entry: Some(e.name.clone()),
                    problem: KeyProblem::Typed(*k, e.action, ctx),
                });
            }
        }
        for ctx in super::ALL_CONTEXTS {
            let bs: Vec<&Binding> = self.in_context(*ctx).collect();
            for (i, a) in bs.iter().enumerate() {
                for b in bs[i + 1..].iter().filter(|b| b.action != a.action) {
                    if let Some(k) = a
                        .keys
                        .iter()
                        .find(|k| b.keys.iter().any(|x| x.overlaps(**k)))
                    {
                        return Err(conflict(entries, *k, a.action, b.action, *ctx));
                    }
                }
            }
        }
        for mode in &modes() {
            let after = self.bindings_for(mode);
            for lost in defaults
                .bindings_for(mode)
                .into_iter()
                .filter(|b| !after.iter().any(|a| a.action == b.action))
            {
                if let Some((key, inner)) = self.shadow(mode, lost.action) {
                    return Err(conflict(entries, key, inner, lost.action, mode[0]));
                }
            }
        }
        Ok(())
    }

    /// A key of `action` in `mode` that an inner layer takes, and the
    /// action it takes it for.
    fn shadow(&self, mode: &[Context], action: Action) -> Option<(Key, Action)> {
        mode.iter().enumerate().find_map(|(depth, ctx)| {
            self.in_context(*ctx)
                .filter(|b| b.action == action)
                .flat_map(|b| b.keys.iter())
                .find_map(|k| {
                    mode[..depth].iter().find_map(|inner| {
                        self.in_context(*inner)
                            .find(|x| x.keys.iter().any(|y| y.overlaps(*k)))
                            .map(|x| (*k, x.action))
                    })
                })
        })
    }
}

/// A character typed as it is: never a key where text is typed.
fn is_plain(k: &Key) -> bool {
    matches!(k, Key::Char(_) | Key::Space | Key::Range(..))
}

/// An entry read: its name known, its keys readable and allowed.
fn read_entry(defaults: &Keymap, name: &str, value: &Value) -> Result<Entry, KeyProblem> {
    let unknown = || KeyProblem::Unknown(name.to_string());
    let (context, action) = match name.split_once('.') {
        Some((c, a)) => (
            Some(Context::from_id(c).ok_or_else(unknown)?),
            Action::from_id(a).ok_or_else(unknown)?,
        ),
        None => (None, Action::from_id(name).ok_or_else(unknown)?),
    };
    if FIXED_ACTIONS.contains(&action) {
        return Err(KeyProblem::Fixed(action));
    }
    if let Some(ctx) = context
        && !defaults.in_context(ctx).any(|b| b.action == action)
    {
        return Err(KeyProblem::NotHere(ctx, action));
    }
    let texts: Vec<&Value> = match value {
        Value::Array(items) if !items.is_empty() => items.iter().collect(),
        Value::String(_) => vec![value],
        _ => return Err(KeyProblem::NotKeys),
    };
    let mut keys = Vec::new();
    for text in texts {
        let Value::String(text) = text else {
            return Err(KeyProblem::NotKeys);
        };
        let key = Key::parse(text).ok_or_else(|| KeyProblem::BadKey(text.clone()))?;
        let its_own = defaults
            .bindings
            .iter()
            .any(|b| b.action == action && b.keys.contains(&key));
        if FIXED_KEYS.contains(&key) && !its_own {
            return Err(KeyProblem::FixedKey(key, action));
        }
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    Ok(Entry {
        name: name.to_string(),
        action,
        context,
        keys,
    })
}

/// A conflict, placed at the entry that gave one of the two actions the key.
fn conflict(entries: &[Entry], key: Key, a: Action, b: Action, context: Context) -> KeyError {
    let entry = entries
        .iter()
        .rev()
        .find(|e| (e.action == a || e.action == b) && e.keys.iter().any(|k| k.overlaps(key)))
        .map(|e| e.name.clone());
    KeyError {
        entry,
        problem: KeyProblem::Conflict {
            key,
            first: a,
            second: b,
            context,
        },
    }
}

#[cfg(test)]
mod tests;
