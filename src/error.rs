//! The one error a command can end in: each layer's own error, and the
//! sentence `okr: …` that says it in the user's language. Nothing is found
//! again by its type: every error arrives here through a `From`.

use std::io;

use crate::commands::error::CliError;
use crate::config::ConfigError;
use crate::i18n::Strings;
use crate::import::ImportError;
use crate::store::{self, IoReason};
use crate::sync::SyncError;
use crate::tui::TerminalError;

#[derive(Debug)]
pub enum Error {
    /// The data file: opening, reading or saving it.
    Store(store::Error),
    /// The personal config file.
    Config(ConfigError),
    /// What was asked on the command line.
    Command(CliError),
    /// A file to import.
    Import(ImportError),
    /// The terminal the tracker runs in.
    Terminal(TerminalError),
    /// `okr sync`: git, the set-up, the repository.
    Sync(SyncError),
    /// The output could not be written (a reader that stopped reading ends
    /// the output quietly instead; see [`crate::commands::on_stdout`]).
    Output(IoReason),
}

impl Error {
    /// One sentence in the given language.
    pub fn text(&self, s: &Strings) -> String {
        match self {
            Error::Store(e) => e.text(s),
            Error::Config(e) => e.text(s),
            Error::Command(e) => e.text(s),
            Error::Import(e) => e.text(s),
            Error::Terminal(e) => e.text(s),
            Error::Sync(e) => e.text(s),
            Error::Output(r) => (s.e_output)(&r.text(s)),
        }
    }

    /// A usage error (exit code 2), as a bad flag is: a config file's `keys`
    /// that okr cannot use.
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Config(e) if e.is_keys())
            || matches!(self, Error::Command(CliError::NoCommand(_)))
    }
}

impl From<store::Error> for Error {
    fn from(e: store::Error) -> Error {
        Error::Store(e)
    }
}

impl From<store::OpenError> for Error {
    fn from(e: store::OpenError) -> Error {
        Error::Store(e.into())
    }
}

impl From<store::LoadError> for Error {
    fn from(e: store::LoadError) -> Error {
        Error::Store(e.into())
    }
}

impl From<store::SaveError> for Error {
    fn from(e: store::SaveError) -> Error {
        Error::Store(e.into())
    }
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Error {
        Error::Config(e)
    }
}

impl From<CliError> for Error {
    fn from(e: CliError) -> Error {
        Error::Command(e)
    }
}

impl From<ImportError> for Error {
    fn from(e: ImportError) -> Error {
        Error::Import(e)
    }
}

impl From<TerminalError> for Error {
    fn from(e: TerminalError) -> Error {
        Error::Terminal(e)
    }
}

impl From<SyncError> for Error {
    fn from(e: SyncError) -> Error {
        Error::Sync(e)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Output(IoReason::of(&e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        io::Error::from(e).into()
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for Error {}

/// A command's result: its value, or the one error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};

    #[test]
    fn each_layers_error_is_one_sentence_in_the_language_asked() {
        let e = TerminalError::Draw(IoReason::Other("os says no".into()));
        let wrapped = Error::from(e.clone());
        assert_eq!(wrapped.text(&SV), e.text(&SV));
        assert_eq!(wrapped.text(&EN), e.text(&EN));
        assert!(!wrapped.is_usage());
        let out = Error::from(io::Error::from(io::ErrorKind::StorageFull));
        assert_eq!(out.text(&EN), "cannot write the output: the disk is full");
    }
}
