//! Personal settings, apart from the team's file: who I am (`owner`) and my
//! `language`, in a per-user TOML file (`config.toml` in the platform's
//! config folder; `--config` or `OKR_CONFIG` name another). The shared data
//! file keeps only the team's settings.
//!
//! ```toml
//! owner = "Anna"
//! language = "sv"
//!
//! [keys]
//! undo = ["ctrl-z", "u"]
//!
//! [refresh]
//! kr3 = ["gh", "issue", "list", "--state", "closed", "--json", "number", "--jq", "length"]
//! ```
//!
//! `keys` gives actions of the key table other keys (see
//! [`crate::keys::user`]); `refresh` the commands that measure key results
//! ([`refresh`]); okr only reads them. The settings screen changes
//! `owner` and `language` in place and keeps every comment and every other
//! entry. A file named `*.json` is read and written as JSON (what okr kept
//! before); the default `config.json` of an earlier okr is moved into
//! `config.toml` once ([`migrate`]).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::keys::Keymap;
use crate::model::Lang;
use crate::model::owners::ME;
use crate::store::{IoReason, OpenError};

mod error;
mod read;
pub mod refresh;
mod write;

pub use error::{ConfigError, ConfigProblem};
pub use read::{Place, parse};
pub use write::{Migration, migrate, save, serialize_json};

/// The environment variable that names the config file.
pub const CONFIG_ENV: &str = "OKR_CONFIG";
/// The environment variable that says who I am.
pub const OWNER_ENV: &str = "OKR_OWNER";

/// The config file the user named: `--config`, else `OKR_CONFIG`.
pub fn named(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(CONFIG_ENV)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    })
}

/// The config file: the one [`named`], else `config.toml` in the
/// platform's config folder, unless only an earlier okr's `config.json`
/// is there (see [`default_toml`] for where that one moves).
pub fn config_path(flag: Option<&Path>) -> Result<PathBuf, OpenError> {
    if let Some(p) = named(flag) {
        return Ok(p);
    }
    let toml = default_toml().ok_or(OpenError::NoHome)?;
    match crate::places::file_in(crate::places::config_dir(), "config.json") {
        Some(json) if !toml.exists() && json.exists() => Ok(json),
        _ => Ok(toml),
    }
}

/// Where the default config file goes: `config.toml` in the config folder
/// (where an earlier okr kept it, on macOS, if that is where it is).
pub fn default_toml() -> Option<PathBuf> {
    crate::places::file_in(crate::places::config_dir(), "config.toml")
}

/// How a config file is written: by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    /// A name ending in `.json`.
    Json,
}

impl Format {
    pub fn of(path: &Path) -> Format {
        match path.extension() {
            Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// What the config file holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Personal {
    pub owner: Option<String>,
    pub language: Option<Lang>,
    /// The key table with the file's `keys` applied.
    pub keymap: Keymap,
    /// The commands that measure key results (`[refresh]`).
    pub refresh: refresh::Refresh,
    /// In a `.json` file: keys okr does not know, and `keys` as written,
    /// kept as they were (a TOML file is edited in place instead).
    rest: Map<String, Value>,
}

/// Reads the config file; a missing one holds nothing.
pub fn load(path: &Path) -> Result<Personal, ConfigError> {
    let Some(bytes) = bytes_of(path)? else {
        return Ok(Personal::default());
    };
    parse(&bytes, Format::of(path)).map_err(|(position, problem)| ConfigError {
        path: path.to_path_buf(),
        position,
        problem,
    })
}

/// A config file's bytes; `None` when there is no such file.
fn bytes_of(path: &Path) -> Result<Option<Vec<u8>>, ConfigError> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError {
            path: path.to_path_buf(),
            position: None,
            problem: ConfigProblem::Io(IoReason::of(&e)),
        }),
    }
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
    use crate::keys::Action;

    fn json(bytes: &[u8]) -> Result<Personal, (Place, ConfigProblem)> {
        parse(bytes, Format::Json)
    }

    fn toml(text: &str) -> Result<Personal, (Place, ConfigProblem)> {
        parse(text.as_bytes(), Format::Toml)
    }

    #[test]
    fn a_toml_file_reads_like_a_json_one_and_every_problem_has_its_place() {
        let text = "# mine\nowner = \" Anna \"\nlanguage = \"en\"\ntheme = 3\n\n[keys]\nadd = \"ctrl-n\"\nundo = [\"ctrl-z\", \"u\"]\n";
        let p = toml(text).unwrap();
        assert_eq!(p.owner.as_deref(), Some("Anna"));
        assert_eq!(p.language, Some(Lang::En));
        assert_eq!(
            p.keymap.key_of(Action::Add, crate::keys::Context::Quarter),
            "Ctrl-N"
        );
        let (place, problem) = toml("owner = \"a\"\n  language = \"fr\"\n").unwrap_err();
        assert_eq!(
            (place, problem),
            (Some((2, 3)), ConfigProblem::Language("\"fr\"".into()))
        );
        let (place, problem) = toml("owner = 7").unwrap_err();
        assert_eq!(
            (place, problem),
            (Some((1, 1)), ConfigProblem::OwnerNotText)
        );
        let (place, problem) = toml("owner = \"a\"\nlanguage = \"sv\n").unwrap_err();
        assert_eq!(place.map(|p| p.0), Some(2), "{problem:?}");
        assert!(matches!(problem, ConfigProblem::NotToml(_)), "{problem:?}");
        let bad = text.replace("\"u\"", "\"ctrl+u\"");
        let (place, problem) = toml(&bad).unwrap_err();
        assert_eq!(place, Some((8, 1)));
        assert!(matches!(problem, ConfigProblem::Keys { .. }), "{problem:?}");
        // An inline `keys` table is placed at its entry as well.
        let (place, _) = toml("keys = { down = \"up\", up = \"x+\" }").unwrap_err();
        assert_eq!(place, Some((1, 23)));
        // A file that is not UTF-8 says where it stops being text.
        let (place, problem) = parse(b"owner = \"a\"\n\xff", Format::Toml).unwrap_err();
        assert_eq!(place, Some((2, 1)));
        assert!(matches!(problem, ConfigProblem::NotToml(_)));
        assert_eq!(toml("\n  \n").unwrap(), Personal::default());
        // `quarter.undo` as a dotted key or a table is the entry `quarter.undo`.
        for text in [
            "[keys]\nquarter.undo = \"ctrl-z\"\n",
            "[keys.quarter]\nundo = \"ctrl-z\"\n",
        ] {
            let p = toml(text).unwrap();
            assert_eq!(
                p.keymap.key_of(Action::Undo, crate::keys::Context::Quarter),
                "Ctrl-Z",
                "{text}"
            );
            let (place, _) = toml(&text.replace("ctrl-z", "ctrl+z")).unwrap_err();
            assert_eq!(place.map(|p| p.0), Some(2), "{text}");
        }
    }

    #[test]
    fn a_config_file_reads_and_keeps_what_it_does_not_know() {
        let p = json(b"{\"theme\": 3, \"owner\": \" Anna \", \"language\": \"en\"}").unwrap();
        assert_eq!(p.owner.as_deref(), Some("Anna"));
        assert_eq!(p.language, Some(Lang::En));
        let back = String::from_utf8(serialize_json(&p)).unwrap();
        assert!(back.contains("\"theme\": 3"), "{back}");
        assert_eq!(json(back.as_bytes()).unwrap(), p);
    }

    #[test]
    fn a_bad_value_is_placed_at_its_key() {
        let (place, problem) =
            json(b"{\n  \"owner\": \"a\",\n  \"language\": \"fr\"\n}").unwrap_err();
        assert_eq!(place, Some((3, 3)));
        assert_eq!(problem, ConfigProblem::Language("\"fr\"".into()));
        let (place, problem) = json(b"{\"owner\": 7}").unwrap_err();
        assert_eq!(
            (place, problem),
            (Some((1, 2)), ConfigProblem::OwnerNotText)
        );
        assert!(matches!(json(b"[1]"), Err((_, ConfigProblem::NotObject))));
        assert!(matches!(
            json(b"{\"owner\": "),
            Err((Some(_), ConfigProblem::NotJson(_)))
        ));
    }

    #[test]
    fn keys_are_read_placed_at_their_entry_and_kept_as_written() {
        let text = "{\n  \"language\": \"en\",\n  \"keys\": {\n    \"add\": \"ctrl-n\",\n    \"undo\": [\"ctrl-z\", \"u\"]\n  }\n}\n";
        let p = json(text.as_bytes()).unwrap();
        assert_eq!(
            p.keymap.key_of(Action::Add, crate::keys::Context::Quarter),
            "Ctrl-N"
        );
        let back = String::from_utf8(serialize_json(&p)).unwrap();
        assert!(back.contains("\"add\": \"ctrl-n\""), "{back}");
        assert_eq!(json(back.as_bytes()).unwrap(), p);
        let bad = text.replace("\"u\"", "\"ctrl+u\"");
        let (place, problem) = json(bad.as_bytes()).unwrap_err();
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
        let (place, _) = json(b"{\"keys\": {\"down\": \"up\",\n  \"up\": \"x+\"}}").unwrap_err();
        assert_eq!(place, Some((2, 3)));
        // An entry that is also a name before `keys` is placed inside it.
        let (place, _) =
            json(b"{\"owner\": \"x\",\n \"keys\": {\n  \"owner\": \"a\"}}").unwrap_err();
        assert_eq!(place, Some((3, 3)));
    }

    #[test]
    fn refresh_is_read_and_each_bad_entry_placed_at_its_line_and_column() {
        use refresh::{Command, RefreshProblem};
        let text = "language = \"en\"\n[refresh]\nkr3 = [\"gh\", \"issue\", \"list\"]\nkr7 = { shell = \"psql -tAc 'select 1'\" }\n";
        let p = toml(text).unwrap();
        let ids: Vec<&str> = p.refresh.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["kr3", "kr7"]);
        assert_eq!(
            p.refresh.entries[1].command,
            Command::Shell("psql -tAc 'select 1'".into())
        );
        let refused = |text: &str| {
            let (place, problem) = toml(text).unwrap_err();
            let ConfigProblem::Refresh {
                entry,
                problem,
                language,
            } = problem
            else {
                panic!("{problem:?}");
            };
            (place, entry, problem, language)
        };
        // At the entry, in the language the file asks for.
        let (place, entry, problem, language) =
            refused("language = \"sv\"\n[refresh]\n  kr3 = \"gh issue list\"\n");
        assert_eq!(
            (place, entry.as_deref(), problem, language),
            (
                Some((3, 3)),
                Some("kr3"),
                RefreshProblem::Text,
                Some(Lang::Sv)
            )
        );
        // At the name inside an entry's table, dotted or inline.
        let (place, ..) =
            refused("[refresh]\nkr1 = [\"a\"]\nkr3 = { shell = \"x\", seconds = 0 }\n");
        assert_eq!(place, Some((3, 22)));
        let (place, ..) = refused("[refresh.kr3]\nshell = \"x\"\nseconds = 99999\n");
        assert_eq!(place, Some((3, 1)));
        let (place, _, problem, _) = refused("[refresh]\nkr3 = { shel = \"x\" }\n");
        assert_eq!(
            (place, problem),
            (Some((2, 1)), RefreshProblem::Unknown("shel".into()))
        );
        // The section itself.
        let (place, entry, problem, _) = refused("owner = \"a\"\nrefresh = 3\n");
        assert_eq!(
            (place, entry, problem),
            (Some((2, 1)), None, RefreshProblem::NotTable)
        );
        // A JSON file too, and the section is kept as written on a save.
        let json_text = "{\n  \"owner\": \"a\",\n  \"refresh\": {\n    \"kr3\": [\"echo\", \"1\"],\n    \"kr4\": []\n  }\n}\n";
        let (place, problem) = json(json_text.as_bytes()).unwrap_err();
        assert_eq!(place, Some((5, 5)));
        assert!(
            matches!(problem, ConfigProblem::Refresh { .. }),
            "{problem:?}"
        );
        let fine = json_text.replace("[]", "[\"true\"]");
        let p = json(fine.as_bytes()).unwrap();
        let back = String::from_utf8(serialize_json(&p)).unwrap();
        assert_eq!(json(back.as_bytes()).unwrap().refresh, p.refresh);
        // Its sentence says the entry and what to write.
        let e = ConfigError {
            path: PathBuf::from("/h/config.toml"),
            position: Some((3, 3)),
            problem: toml("[refresh]\n\nkr3 = \"gh\"\n").unwrap_err().1,
        };
        assert_eq!(
            e.text(&crate::i18n::EN),
            "cannot use the config file /h/config.toml (line 3, column 3): [refresh] kr3: a command is written as a list of the program and its arguments, like [\"gh\", \"issue\", \"list\"], or as { shell = \"…\" } to be run by sh; correct it or remove it (okr path shows where it is)"
        );
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
