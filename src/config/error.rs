//! Why the config file was refused, in one sentence that names the file,
//! the line and column, and what to do.

use std::path::PathBuf;

use super::refresh::{RefreshProblem, SECONDS};
use crate::i18n::Strings;
use crate::keys::{Action, KeyProblem};
use crate::model::Lang;
use crate::store::IoReason;

/// Why the config file was refused. Its text is one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column of the problem, when it has a place.
    pub position: Option<(usize, usize)>,
    pub problem: ConfigProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    Io(IoReason),
    /// Not JSON: serde_json's words.
    NotJson(String),
    /// Not TOML: toml_edit's words.
    NotToml(String),
    NotObject,
    /// `owner` is not a text.
    OwnerNotText,
    /// A control, bidi or invisible character in `owner`
    /// ([`crate::text::hides_in_a_name`]).
    OwnerControl(char),
    /// `language` is not `"sv"` or `"en"`: what it is, as JSON.
    Language(String),
    /// The `keys` section cannot be used: the entry at fault (as written),
    /// what is wrong, and the language the file asks for.
    Keys {
        entry: Option<String>,
        problem: KeyProblem,
        language: Option<Lang>,
    },
    /// The `refresh` section cannot be used: the entry at fault (its id as
    /// written), what is wrong, and the language the file asks for.
    Refresh {
        entry: Option<String>,
        problem: RefreshProblem,
        language: Option<Lang>,
    },
}

impl ConfigError {
    /// The language the file asks for, when it could be read that far.
    pub fn language(&self) -> Option<Lang> {
        match &self.problem {
            ConfigProblem::Keys { language, .. } | ConfigProblem::Refresh { language, .. } => {
                *language
            }
            _ => None,
        }
    }

    /// A `keys` section okr cannot use (a usage error: exit code 2).
    pub fn is_keys(&self) -> bool {
        matches!(self.problem, ConfigProblem::Keys { .. })
    }

    pub fn text(&self, s: &Strings) -> String {
        self.sentence(s, &self.path.display().to_string())
    }

    /// The sentence with the file's name alone, for a screen that shows
    /// its whole path beside it (the settings).
    pub fn brief(&self, s: &Strings) -> String {
        let name = self.path.file_name().unwrap_or(self.path.as_os_str());
        self.sentence(s, &name.to_string_lossy())
    }

    fn sentence(&self, s: &Strings, name: &str) -> String {
        let t = &s.team;
        let mut out = (t.e_config)(name);
        if let Some((line, column)) = self.position {
            out.push_str(&format!(" ({})", (s.e_at)(line, column)));
        }
        let what = match &self.problem {
            ConfigProblem::Io(r) => return format!("{out}: {}", r.text(s)),
            ConfigProblem::NotJson(d) => format!("{} ({d})", s.e_not_json),
            ConfigProblem::NotToml(d) => format!("{} ({d})", s.team.e_not_toml),
            ConfigProblem::NotObject => t.e_config_object.to_string(),
            ConfigProblem::OwnerNotText => t.e_config_owner.to_string(),
            ConfigProblem::OwnerControl(c) => {
                (t.e_config_control)(&format!("U+{:04X}", u32::from(*c)))
            }
            ConfigProblem::Language(found) => (t.e_config_language)(&crate::text::quoted(found)),
            ConfigProblem::Keys { entry, problem, .. } => {
                let what = key_problem(entry.as_deref(), problem, s);
                return format!("{out}: {what}; {}", s.keys.e_fix);
            }
            ConfigProblem::Refresh { entry, problem, .. } => {
                refresh_problem(entry.as_deref(), problem, s)
            }
        };
        format!("{out}: {what}; {}", t.e_config_fix)
    }
}

/// What is wrong with a `keys` entry, as a clause.
fn key_problem(entry: Option<&str>, problem: &KeyProblem, s: &Strings) -> String {
    let k = &s.keys;
    let quote = |text: &str| format!("\"{}\"", crate::text::quoted(text));
    let entry = quote(entry.unwrap_or("keys"));
    let action = |a: &Action| format!("\"{}\"", a.id());
    match problem {
        KeyProblem::NotObject => k.e_not_object.to_string(),
        KeyProblem::Unknown(name) => (k.e_unknown)(&quote(name)),
        KeyProblem::NotHere(ctx, a) => (k.e_not_here)(&action(a), (k.context)(*ctx)),
        KeyProblem::NotKeys => (k.e_not_keys)(&entry),
        KeyProblem::BadKey(text) => (k.e_bad_key)(&quote(text), &entry),
        KeyProblem::Fixed(a) => (k.e_fixed)(&action(a)),
        KeyProblem::FixedKey(key, a) => (k.e_fixed_key)(&quote(&key.label()), &action(a)),
        KeyProblem::Typed(key, a, ctx) => {
            (k.e_typed)(&quote(&key.label()), &action(a), (k.context)(*ctx))
        }
        KeyProblem::Conflict {
            key,
            first,
            second,
            context,
        } => (k.e_conflict)(
            &quote(&key.label()),
            &action(first),
            &action(second),
            (k.context)(*context),
        ),
    }
}

/// What is wrong with `[refresh]` or one of its entries, as a clause.
fn refresh_problem(entry: Option<&str>, problem: &RefreshProblem, s: &Strings) -> String {
    let r = &s.refresh;
    let what = match problem {
        RefreshProblem::NotTable => return r.c_not_table.to_string(),
        RefreshProblem::Text => r.c_text.to_string(),
        RefreshProblem::NotCommand => r.c_not_command.to_string(),
        RefreshProblem::Empty => r.c_empty.to_string(),
        RefreshProblem::NotWords => r.c_not_words.to_string(),
        RefreshProblem::Nul => r.c_nul.to_string(),
        RefreshProblem::OneOf => r.c_one_of.to_string(),
        RefreshProblem::Unknown(name) => (r.c_unknown)(&crate::text::quoted(name)),
        RefreshProblem::ShellNotText => r.c_shell_not_text.to_string(),
        RefreshProblem::Seconds(found) => (r.c_seconds)(
            *SECONDS.start(),
            *SECONDS.end(),
            &crate::text::quoted(found),
        ),
    };
    let entry = crate::text::quoted(entry.unwrap_or_default());
    format!("[refresh] {entry}: {what}")
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for ConfigError {}
