//! `okr NAME ARGS`: a command okr does not have runs `okr-NAME ARGS` from
//! PATH, as git runs `git-NAME`, told the data file in `OKR_FILE` (and the
//! config file in `OKR_CONFIG`, when one was named). Its exit code is okr's.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, ExitCode};

use super::error::CliError;
use crate::error::Result;

/// Runs `okr-NAME` with the rest of `args`; a NAME that could be a path,
/// or no such program, is "no okr command".
pub fn run(args: &[OsString], file: Option<&Path>, config: Option<&Path>) -> Result<ExitCode> {
    let Some((name, rest)) = args.split_first() else {
        return Err(CliError::NoCommand(String::new()).into());
    };
    let name = name.to_string_lossy();
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !plain {
        return Err(CliError::NoCommand(name.into_owned()).into());
    }
    let mut command = Command::new(format!("okr-{name}"));
    command.args(rest);
    if let Some(f) = file {
        command.env("OKR_FILE", f);
    }
    if let Some(c) = config {
        command.env("OKR_CONFIG", c);
    }
    match command.status() {
        Ok(status) => Ok(ExitCode::from(
            status
                .code()
                .and_then(|c| u8::try_from(c).ok())
                .unwrap_or(1),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(CliError::NoCommand(name.into_owned()).into())
        }
        Err(e) => Err(crate::error::Error::Output(crate::store::IoReason::of(&e))),
    }
}
