//! A mistake in what was asked on the command line, in one sentence of
//! either language.

use crate::i18n::{self, Strings};
use crate::model::Lang;
use crate::model::number::NumberError;
use crate::text::quoted;

/// A mistake in what was asked on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// The id, and the file searched.
    NoSuchKeyResult(String, String),
    /// What was typed, and (some of) the ids it begins.
    AmbiguousId(String, Vec<String>),
    /// What was typed, what is wrong with it, and the language it was read in.
    NotANumber {
        typed: String,
        why: NumberError,
        lang: Lang,
    },
    NotADoneValue(String),
    /// `okr update o3 VALUE`: a Mål's id, its title and its key results' ids.
    ObjectiveGiven {
        id: String,
        title: String,
        key_results: Vec<String>,
    },
    /// `okr update u3 VALUE` with a value that is neither done nor open.
    NotAnInitiativeValue(String),
    /// `okr update` on a file that is not there: nothing is created.
    NoSuchFile(String, String),
    /// `okr demo --file`: the demo never touches a file of the user's.
    DemoFile,
    /// A control character in `--note` (a line break or a tab may be there).
    ControlInNote(char),
    /// `okr NAME`: no such command, built in or `okr-NAME` on PATH.
    NoCommand(String),
    /// `okr report --week WEEK` with no ISO week.
    NotAWeek(String),
    /// `okr refresh` on a file that is not there: its path.
    NoFileToRefresh(String),
    /// `okr refresh` with no `[refresh]` in the config file: its path.
    NothingToRefresh(String),
}

impl CliError {
    pub fn text(&self, s: &Strings) -> String {
        match self {
            CliError::NoSuchKeyResult(id, path) => (s.e_no_such_kr)(&quoted(id), path),
            CliError::AmbiguousId(id, some) => {
                let some: Vec<String> = some.iter().map(|x| quoted(x)).collect();
                (s.e_ambiguous_id)(&quoted(id), &some.join(", "))
            }
            CliError::NotANumber { typed, why, lang } => s.number_refused(typed, *why, *lang),
            CliError::NotADoneValue(t) => (s.e_not_done_value)(&quoted(t)),
            CliError::ObjectiveGiven {
                id,
                title,
                key_results,
            } => (s.commands.e_objective_given)(
                &crate::text::line(id),
                &crate::text::line(title),
                &crate::text::line(&key_results.join(", ")),
            ),
            CliError::NotAnInitiativeValue(t) => (s.commands.e_not_initiative_value)(&quoted(t)),
            CliError::NoSuchFile(p, id) => (s.e_no_such_file)(p, &quoted(id)),
            CliError::DemoFile => s.e_demo_file.to_string(),
            CliError::ControlInNote(c) => (s.e_note_control)(&format!("U+{:04X}", u32::from(*c))),
            CliError::NoCommand(name) => (s.hooks.no_command)(&quoted(name)),
            CliError::NotAWeek(t) => (s.commands.i_week)(&quoted(t)),
            CliError::NoFileToRefresh(p) => (s.refresh.e_no_file)(p),
            CliError::NothingToRefresh(p) => (s.refresh.e_nothing)(p),
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&i18n::EN))
    }
}

impl std::error::Error for CliError {}
