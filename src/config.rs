//! Personal settings, apart from the team's file: who I am (`owner`) and my
//! `language`, in a per-user JSON file (`config.json` in the platform's
//! config folder; `--config` or `OKR_CONFIG` name another). The shared data
//! file keeps only the team's settings.
//!
//! ```json
//! { "owner": "Anna", "language": "sv", "keys": { "undo": ["ctrl-z", "u"] } }
//! ```
//!
//! `keys` gives actions of the key table other keys (see
//! [`crate::keys::user`]); okr only reads it. Keys okr does not know,
//! and `keys`, are kept as they were when it writes the file.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::i18n::Strings;
use crate::keys::{Action, KeyProblem, Keymap};
use crate::model::Lang;
use crate::model::owners::ME;
use crate::store::{IoReason, OpenError, SaveError};

/// The environment variable that names the config file.
pub const CONFIG_ENV: &str = "OKR_CONFIG";
/// The environment variable that says who I am.
pub const OWNER_ENV: &str = "OKR_OWNER";

/// The config file: `--config`, else `OKR_CONFIG`, else `config.json` in
/// the platform's config folder.
pub fn config_path(flag: Option<&Path>) -> Result<PathBuf, OpenError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    crate::places::file_in(crate::places::config_dir(), "config.json").ok_or(OpenError::NoHome)
}

/// What the config file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Personal {
    pub owner: Option<String>,
    pub language: Option<Lang>,
    /// The key table with the file's `keys` applied.
    pub keymap: Keymap,
    /// Keys okr does not know, and `keys` as written, kept as they were.
    rest: Map<String, Value>,
}

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
}

impl ConfigError {
    /// The language the file asks for, when it could be read that far.
    pub fn language(&self) -> Option<Lang> {
        match &self.problem {
            ConfigProblem::Keys { language, .. } => *language,
            _ => None,
        }
    }

    /// A `keys` section okr cannot use (a usage error: exit code 2).
    pub fn is_keys(&self) -> bool {
        matches!(self.problem, ConfigProblem::Keys { .. })
    }

    pub fn text(&self, s: &Strings) -> String {
        let t = &s.team;
        let mut out = (t.e_config)(&self.path.display().to_string());
        if let Some((line, column)) = self.position {
            out.push_str(&format!(" ({})", (s.e_at)(line, column)));
        }
        let what = match &self.problem {
            ConfigProblem::Io(r) => return format!("{out}: {}", r.text(s)),
            ConfigProblem::NotJson(d) => format!("{} ({d})", s.e_not_json),
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

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for ConfigError {}

/// Reads the config file; a missing one holds nothing.
pub fn load(path: &Path) -> Result<Personal, ConfigError> {
    let err = |position, problem| ConfigError {
        path: path.to_path_buf(),
        position,
        problem,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Personal::default()),
        Err(e) => return Err(err(None, ConfigProblem::Io(IoReason::of(&e)))),
    };
    parse(&bytes).map_err(|(position, problem)| err(position, problem))
}

type Place = Option<(usize, usize)>;

/// The config file's bytes read and checked; an empty file holds nothing.
pub fn parse(bytes: &[u8]) -> Result<Personal, (Place, ConfigProblem)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Personal::default());
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let place = (e.line() > 0).then(|| (e.line(), e.column().max(1)));
        (place, ConfigProblem::NotJson(message))
    })?;
    let Value::Object(mut map) = value else {
        return Err((Some((1, 1)), ConfigProblem::NotObject));
    };
    let owner = match map.remove("owner") {
        None | Some(Value::Null) => None,
        Some(Value::String(o)) => {
            if let Some(c) = o.chars().find(|c| crate::text::hides_in_a_name(*c)) {
                return Err((key_place(bytes, "owner"), ConfigProblem::OwnerControl(c)));
            }
            Some(o.trim().to_string()).filter(|o| !o.is_empty())
        }
        Some(_) => return Err((key_place(bytes, "owner"), ConfigProblem::OwnerNotText)),
    };
    let language = match map.remove("language") {
        None | Some(Value::Null) => None,
        Some(Value::String(l)) if l == "sv" => Some(Lang::Sv),
        Some(Value::String(l)) if l == "en" => Some(Lang::En),
        Some(Value::String(other)) => {
            let found = Value::String(other).to_string();
            return Err((key_place(bytes, "language"), ConfigProblem::Language(found)));
        }
        Some(other) => {
            return Err((
                key_place(bytes, "language"),
                ConfigProblem::Language(other.to_string()),
            ));
        }
    };
    let keymap = match map.get("keys") {
        None | Some(Value::Null) => Keymap::default(),
        Some(section) => Keymap::with_user_keys(section).map_err(|e| {
            let place = entry_place(bytes, e.entry.as_deref());
            let problem = ConfigProblem::Keys {
                entry: e.entry,
                problem: e.problem,
                language,
            };
            (place, problem)
        })?,
    };
    Ok(Personal {
        owner,
        language,
        keymap,
        rest: map,
    })
}

/// The place of an entry of `keys` (of `keys` itself for `None`).
fn entry_place(bytes: &[u8], entry: Option<&str>) -> Place {
    let keys = key_place_from(bytes, 0, "keys")?;
    let Some(name) = entry else {
        return Some(keys.1);
    };
    let name = serde_json::to_string(name).unwrap_or_default();
    key_place_from(bytes, keys.0, name.trim_matches('"'))
        .map(|(_, place)| place)
        .or(Some(keys.1))
}

/// The line and column of a key (`"owner"`) in the text.
fn key_place(bytes: &[u8], key: &str) -> Place {
    key_place_from(bytes, 0, key).map(|(_, place)| place)
}

/// The first `"key"` at or after byte `from` that names a member (a `:`
/// follows it, not a value's text): where it is, and its line and column.
fn key_place_from(bytes: &[u8], from: usize, key: &str) -> Option<(usize, (usize, usize))> {
    let needle = format!("\"{key}\"");
    let needle = needle.as_bytes();
    let names = |at: &usize| {
        bytes[at + needle.len()..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            == Some(&b':')
    };
    let at = (from..bytes.len().saturating_sub(needle.len()) + 1)
        .filter(|at| bytes[*at..].starts_with(needle))
        .find(names)?;
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&bytes[start..at]).chars().count() + 1;
    Some((at, (line, column)))
}

/// The bytes of the config file: pretty JSON, `owner` and `language` first.
pub fn serialize(p: &Personal) -> Vec<u8> {
    let mut map = Map::new();
    if let Some(o) = &p.owner {
        map.insert("owner".into(), Value::String(o.clone()));
    }
    if let Some(l) = p.language {
        let code = match l {
            Lang::Sv => "sv",
            Lang::En => "en",
        };
        map.insert("language".into(), Value::String(code.into()));
    }
    for (k, v) in &p.rest {
        map.insert(k.clone(), v.clone());
    }
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(map)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Writes the config file atomically (its folder made first): the old file
/// or the new one, whole, whatever happens.
pub fn save(path: &Path, p: &Personal) -> Result<(), SaveError> {
    let io = |e| SaveError::Io(path.to_path_buf(), e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    crate::store::atomic::write_atomic(path, &serialize(p), &mut Default::default()).map_err(io)
}

/// Who I am: `--owner` (unless it says `me`), else `OKR_OWNER`, else the
/// config file, else the OS user name (`USER`, `USERNAME`). `env` reads a
/// variable (the process environment, or a test's).
pub fn who_am_i(
    flag: Option<&str>,
    personal: &Personal,
    env: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let given = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    given(
        flag.filter(|f| !f.trim().eq_ignore_ascii_case(ME))
            .map(str::to_string),
    )
    .or_else(|| given(env(OWNER_ENV)))
    .or_else(|| personal.owner.clone())
    .or_else(|| given(env("USER")))
    .or_else(|| given(env("USERNAME")))
}

/// The process environment, for [`who_am_i`].
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// The config file in use and what it held, for the settings screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonalFile {
    pub path: PathBuf,
    pub personal: Personal,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_reads_and_keeps_what_it_does_not_know() {
        let p = parse(b"{\"theme\": 3, \"owner\": \" Anna \", \"language\": \"en\"}").unwrap();
        assert_eq!(p.owner.as_deref(), Some("Anna"));
        assert_eq!(p.language, Some(Lang::En));
        let back = String::from_utf8(serialize(&p)).unwrap();
        assert!(back.contains("\"theme\": 3"), "{back}");
        assert_eq!(parse(back.as_bytes()).unwrap(), p);
    }

    #[test]
    fn a_bad_value_is_placed_at_its_key() {
        let (place, problem) =
            parse(b"{\n  \"owner\": \"a\",\n  \"language\": \"fr\"\n}").unwrap_err();
        assert_eq!(place, Some((3, 3)));
        assert_eq!(problem, ConfigProblem::Language("\"fr\"".into()));
        let (place, problem) = parse(b"{\"owner\": 7}").unwrap_err();
        assert_eq!(
            (place, problem),
            (Some((1, 2)), ConfigProblem::OwnerNotText)
        );
        assert!(matches!(parse(b"[1]"), Err((_, ConfigProblem::NotObject))));
        assert!(matches!(
            parse(b"{\"owner\": "),
            Err((Some(_), ConfigProblem::NotJson(_)))
        ));
    }

    #[test]
    fn keys_are_read_placed_at_their_entry_and_kept_as_written() {
        let text = "{\n  \"language\": \"en\",\n  \"keys\": {\n    \"add\": \"ctrl-n\",\n    \"undo\": [\"ctrl-z\", \"u\"]\n  }\n}\n";
        let p = parse(text.as_bytes()).unwrap();
        assert_eq!(
            p.keymap.key_of(Action::Add, crate::keys::Context::Quarter),
            "Ctrl-N"
        );
        let back = String::from_utf8(serialize(&p)).unwrap();
        assert!(back.contains("\"add\": \"ctrl-n\""), "{back}");
        assert_eq!(parse(back.as_bytes()).unwrap(), p);
        let bad = text.replace("\"u\"", "\"ctrl+u\"");
        let (place, problem) = parse(bad.as_bytes()).unwrap_err();
        assert_eq!(place, Some((5, 5)));
        let ConfigProblem::Keys {
            entry, language, ..
        } = &problem
        else {
            panic!("{problem:?}");
        };
        assert_eq!(
            (entry.as_deref(), *language),
            (Some("undo"), Some(Lang::En))
        );
        // A value that reads like the entry's name is passed over.
        let (place, _) = parse(b"{\"keys\": {\"down\": \"up\",\n  \"up\": \"x+\"}}").unwrap_err();
        assert_eq!(place, Some((2, 3)));
        // An entry that is also a name before `keys` is placed inside it.
        let (place, _) =
            parse(b"{\"owner\": \"x\",\n \"keys\": {\n  \"owner\": \"a\"}}").unwrap_err();
        assert_eq!(place, Some((3, 3)));
    }

    #[test]
    fn who_am_i_takes_the_flag_then_the_variable_then_the_file_then_the_user() {
        let file = Personal {
            owner: Some("fil".into()),
            ..Personal::default()
        };
        let all = |n: &str| match n {
            OWNER_ENV => Some("env".to_string()),
            "USER" => Some("user".to_string()),
            _ => None,
        };
        assert_eq!(who_am_i(Some("flag"), &file, all).as_deref(), Some("flag"));
        assert_eq!(who_am_i(Some("me"), &file, all).as_deref(), Some("env"));
        assert_eq!(who_am_i(None, &file, all).as_deref(), Some("env"));
        let no_env = |n: &str| (n == "USER").then(|| "user".to_string());
        assert_eq!(who_am_i(None, &file, no_env).as_deref(), Some("fil"));
        assert_eq!(
            who_am_i(None, &Personal::default(), no_env).as_deref(),
            Some("user")
        );
        let windows = |n: &str| (n == "USERNAME").then(|| "win".to_string());
        assert_eq!(
            who_am_i(None, &Personal::default(), windows).as_deref(),
            Some("win")
        );
        assert_eq!(who_am_i(None, &Personal::default(), |_| None), None);
    }
}
