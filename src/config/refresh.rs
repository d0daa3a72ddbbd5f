//! The config file's `[refresh]` section: the command that measures each
//! key result for `okr refresh`, by the key result's id.
//!
//! ```toml
//! [refresh]
//! kr3 = ["gh", "issue", "list", "--state", "closed", "--json", "number", "--jq", "length"]
//! kr7 = { shell = "psql -tAc 'select count(*) from customers'", seconds = 30 }
//! ```
//!
//! A list is a program and its arguments, run as they are, with no shell;
//! `shell = "…"` is run by `sh -c`, only because the entry says so;
//! `command = [ … ]` is the list in a table, beside `seconds`, the time
//! the command may run. Commands come only from this file, never from the
//! shared data file. An id names a key result as `okr update` takes one
//! (any beginning that names one); whether it does is for `okr refresh`
//! to say, since the data file may change after the config is read.

use serde_json::{Map, Value};

use crate::model::ids::{self, Lookup};

/// The least and the most seconds an entry's `seconds` may give.
pub const SECONDS: std::ops::RangeInclusive<u64> = 1..=3600;

/// How a key result is measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// A program and its arguments, run as they are (no shell).
    Program(Vec<String>),
    /// A command line for `sh -c`.
    Shell(String),
}

impl Command {
    /// The program that runs: the list's first word, or `sh`.
    pub fn program(&self) -> &str {
        match self {
            Command::Program(words) => words.first().map_or("", String::as_str),
            Command::Shell(_) => "sh",
        }
    }
}

/// One entry of `[refresh]`: the id as written, the command, and how long
/// it may run when the entry says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub command: Command,
    pub seconds: Option<u64>,
}

/// The `[refresh]` section, its entries in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    pub entries: Vec<Entry>,
}

impl Refresh {
    /// The entry of the key result `id` among `key_results` (every key
    /// result's id): the first whose id names it.
    pub fn of<'a>(
        &self,
        id: &str,
        key_results: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| matches!(ids::lookup(key_results.clone(), &e.id), Lookup::One(k) if k == id))
    }

    /// The key results among `key_results` that an entry names.
    pub fn measured<'a>(&self, key_results: impl Iterator<Item = &'a str> + Clone) -> Vec<&'a str> {
        self.entries
            .iter()
            .filter_map(|e| match ids::lookup(key_results.clone(), &e.id) {
                Lookup::One(k) => Some(k),
                Lookup::None | Lookup::Many(_) => None,
            })
            .collect()
    }
}

/// What is wrong with the section or one of its entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefreshProblem {
    /// The section is not a table.
    NotTable,
    /// An entry that is one text: a command line needs `shell =`.
    Text,
    /// An entry that is neither a list nor a table (a number, say).
    NotCommand,
    /// A list with no program, or an empty `shell`.
    Empty,
    /// A word of a list that is not a text.
    NotWords,
    /// A NUL character in a word, which no program can be given.
    Nul,
    /// A table with neither `command` nor `shell`, or both.
    OneOf,
    /// A name a table may not hold.
    Unknown(String),
    /// `shell` that is not a text.
    ShellNotText,
    /// `seconds` that is not a whole number of [`SECONDS`]: as written.
    Seconds(String),
}

/// A problem, the entry it is in (`None`: the section) and the name in the
/// entry's table it is at.
pub type Refused = (Option<String>, Option<&'static str>, RefreshProblem);

/// Reads the section (as the one map of the config file holds it).
pub fn read(section: &Value) -> Result<Refresh, Refused> {
    let Value::Object(map) = section else {
        return Err((None, None, RefreshProblem::NotTable));
    };
    let entries = map
        .iter()
        .map(|(id, value)| {
            entry(id, value).map_err(|(at, problem)| (Some(id.clone()), at, problem))
        })
        .collect::<Result<_, _>>()?;
    Ok(Refresh { entries })
}

fn entry(id: &str, value: &Value) -> Result<Entry, (Option<&'static str>, RefreshProblem)> {
    let id = id.to_string();
    match value {
        Value::Array(words) => Ok(Entry {
            id,
            command: program(words).map_err(|p| (None, p))?,
            seconds: None,
        }),
        Value::Object(table) => table_entry(id, table),
        Value::String(_) => Err((None, RefreshProblem::Text)),
        _ => Err((None, RefreshProblem::NotCommand)),
    }
}

fn table_entry(
    id: String,
    table: &Map<String, Value>,
) -> Result<Entry, (Option<&'static str>, RefreshProblem)> {
    if let Some(name) = table
        .keys()
        .find(|k| !matches!(k.as_str(), "command" | "shell" | "seconds"))
    {
        return Err((None, RefreshProblem::Unknown(name.clone())));
    }
    let command = match (table.get("command"), table.get("shell")) {
        (Some(Value::Array(words)), None) => program(words).map_err(|p| (Some("command"), p))?,
        (Some(_), None) => return Err((Some("command"), RefreshProblem::NotWords)),
        (None, Some(Value::String(line))) => {
            if line.trim().is_empty() {
                return Err((Some("shell"), RefreshProblem::Empty));
            }
            if line.contains('\0') {
                return Err((Some("shell"), RefreshProblem::Nul));
            }
            Command::Shell(line.clone())
        }
        (None, Some(_)) => return Err((Some("shell"), RefreshProblem::ShellNotText)),
        _ => return Err((None, RefreshProblem::OneOf)),
    };
    let seconds = match table.get("seconds") {
        None => None,
        Some(v) => match v.as_u64().filter(|s| SECONDS.contains(s)) {
            Some(s) => Some(s),
            None => return Err((Some("seconds"), RefreshProblem::Seconds(v.to_string()))),
        },
    };
    Ok(Entry {
        id,
        command,
        seconds,
    })
}

/// A list's words as a program and its arguments.
fn program(words: &[Value]) -> Result<Command, RefreshProblem> {
    let words = words
        .iter()
        .map(|w| w.as_str().map(str::to_string))
        .collect::<Option<Vec<String>>>()
        .ok_or(RefreshProblem::NotWords)?;
    if words.first().is_none_or(|p| p.trim().is_empty()) {
        return Err(RefreshProblem::Empty);
    }
    if words.iter().any(|w| w.contains('\0')) {
        return Err(RefreshProblem::Nul);
    }
    Ok(Command::Program(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_list_is_a_program_and_a_table_a_shell_line_or_a_list_with_seconds() {
        let r = read(&json!({
            "kr3": ["gh", "issue", "list"],
            "kr7": {"shell": "psql -tAc 'select 1'", "seconds": 30},
            "kr1": {"command": ["echo", "4"]},
        }))
        .unwrap();
        let words = |w: &[&str]| Command::Program(w.iter().map(|w| w.to_string()).collect());
        assert_eq!(
            r.entries,
            [
                Entry {
                    id: "kr3".into(),
                    command: words(&["gh", "issue", "list"]),
                    seconds: None
                },
                Entry {
                    id: "kr7".into(),
                    command: Command::Shell("psql -tAc 'select 1'".into()),
                    seconds: Some(30)
                },
                Entry {
                    id: "kr1".into(),
                    command: words(&["echo", "4"]),
                    seconds: None
                },
            ]
        );
        assert_eq!(r.entries[0].command.program(), "gh");
        assert_eq!(r.entries[1].command.program(), "sh");
    }

    #[test]
    fn each_bad_entry_is_refused_at_its_entry_and_name() {
        let bad = |v: Value| read(&json!({"kr3": v})).unwrap_err();
        let at = |name: Option<&'static str>, p: RefreshProblem| (Some("kr3".to_string()), name, p);
        assert_eq!(bad(json!("gh issue list")), at(None, RefreshProblem::Text));
        assert_eq!(bad(json!(3)), at(None, RefreshProblem::NotCommand));
        assert_eq!(bad(json!([])), at(None, RefreshProblem::Empty));
        assert_eq!(bad(json!(["", "x"])), at(None, RefreshProblem::Empty));
        assert_eq!(bad(json!(["echo", 3])), at(None, RefreshProblem::NotWords));
        assert_eq!(bad(json!(["ec\u{0}ho"])), at(None, RefreshProblem::Nul));
        assert_eq!(bad(json!({})), at(None, RefreshProblem::OneOf));
        assert_eq!(
            bad(json!({"shell": "x", "command": ["x"]})),
            at(None, RefreshProblem::OneOf)
        );
        assert_eq!(
            bad(json!({"shel": "x"})),
            at(None, RefreshProblem::Unknown("shel".into()))
        );
        assert_eq!(
            bad(json!({"shell": " "})),
            at(Some("shell"), RefreshProblem::Empty)
        );
        assert_eq!(
            bad(json!({"shell": ["x"]})),
            at(Some("shell"), RefreshProblem::ShellNotText)
        );
        assert_eq!(
            bad(json!({"command": "x"})),
            at(Some("command"), RefreshProblem::NotWords)
        );
        for seconds in [json!(0), json!(3601), json!(1.5), json!("10")] {
            assert_eq!(
                bad(json!({"shell": "x", "seconds": seconds.clone()})),
                at(
                    Some("seconds"),
                    RefreshProblem::Seconds(seconds.to_string())
                )
            );
        }
        assert_eq!(
            read(&json!([1])).unwrap_err(),
            (None, None, RefreshProblem::NotTable)
        );
    }

    #[test]
    fn an_id_names_its_key_result_as_okr_update_takes_it() {
        let r = read(&json!({"KR3": ["a"], "krqx": ["b"], "kr": ["c"], "kr9": ["d"]})).unwrap();
        let ids = ["kr3", "krqxbtmwzd", "kr30"];
        let of = |id| r.of(id, ids.iter().copied()).map(|e| e.id.as_str());
        assert_eq!(of("kr3"), Some("KR3"));
        assert_eq!(of("krqxbtmwzd"), Some("krqx"));
        // `kr` begins every id, and `kr9` none: neither measures anything.
        assert_eq!(of("kr30"), None);
        assert_eq!(r.measured(ids.iter().copied()), ["kr3", "krqxbtmwzd"]);
    }
}
