//! `okr refresh [ID…] [--dry-run]`: key results that measure themselves.
//! Each command of the config file's `[refresh]` (never the shared data
//! file's) runs with a time limit; the one number it prints is recorded as
//! `okr update` records a value. One that fails is said and the others go
//! on; the lock is taken only for the save, after every command has run.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;

use super::Me;
use super::error::CliError;
use super::update::{Recorded, record};
use crate::config::refresh::{Command, Entry, Refresh};
use crate::error::Result;
use crate::hooks::{self, Bounded, HookProblem};
use crate::i18n::{self, Strings};
use crate::model::ids::{Lookup, ShortIds, lookup};
use crate::model::number::{NumberError, parse_plain};
use crate::model::{Data, Measure};
use crate::store::{self, Store};
use crate::text::quoted;

/// The environment variable that gives every command another time limit
/// (1 to 3600 seconds; an entry's own `seconds` comes first).
pub const SECONDS_ENV: &str = "OKR_REFRESH_SECONDS";

/// `okr refresh`: runs the commands of the key results `ids` name (each
/// one any beginning of an id), or of every key result of `[refresh]`,
/// records what they measured (with `dry_run`, says what it would record),
/// and says each failure on stderr. Exit code 0 only when all succeeded.
pub fn run(
    file: &Path,
    who: &Me,
    (ids, dry_run): (&[String], bool),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let empty = Refresh::default();
    let refresh = who.config.as_ref().map_or(&empty, |c| &c.personal.refresh);
    let config = who.config.as_ref().map_or_else(
        || "config.toml".to_string(),
        |c| c.path.display().to_string(),
    );
    // A command that fails creates nothing: no folder, no lock file.
    if !file.exists() {
        return Err(CliError::NoFileToRefresh(file.display().to_string()).into());
    }
    if refresh.entries.is_empty() {
        return Err(CliError::NothingToRefresh(config).into());
    }
    if !dry_run && store::is_read_only(file) {
        return Err(store::SaveError::ReadOnly(file.to_path_buf()).into());
    }
    // Read without the lock: the tracker may keep the file open while the
    // commands run.
    let data = store::read(file)?;
    let s = i18n::strings(i18n::choose_lang(who.lang, data.settings.language));
    let mut said = Said { s, failures: 0 };
    let shown_file = file.display().to_string();
    let jobs = chosen(&data, refresh, ids, (&shown_file, &config), &mut said);
    let short = ShortIds::new(data.ids());
    let mut measured = Vec::new();
    for (id, entry) in jobs {
        match measure(&data, &id, entry) {
            Ok(value) => measured.push((id, value)),
            Err(why) => said.failure(&why.text(short.shown(&id), s)),
        }
    }
    let note = s.refresh.note;
    if dry_run {
        let mut preview = data;
        for (id, value) in measured {
            if let Some(pos) = preview.find_key_result(&id) {
                let r = record(&mut preview, pos, value, note, today, s);
                let line = format!("{} {}", r.line, s.refresh.not_saved);
                writeln!(out, "{}", crate::text::line(&line))?;
            }
        }
        return Ok(said.code());
    }
    if measured.is_empty() {
        return Ok(said.code());
    }
    let (mut store, mut data) = Store::open(file)?;
    let mut recorded: Vec<Recorded> = Vec::new();
    for (id, value) in measured {
        match data.find_key_result(&id) {
            Some(pos) => recorded.push(record(&mut data, pos, value, note, today, s)),
            None => said.failure(&(s.refresh.f_gone)(short.shown(&id), &shown_file)),
        }
    }
    if recorded.is_empty() {
        return Ok(said.code());
    }
    store.save(&data)?;
    drop(store);
    let mut changes = Vec::new();
    for r in recorded {
        writeln!(out, "{}", crate::text::line(&r.line))?;
        changes.push(r.change);
    }
    out.flush()?;
    super::saved(&who.hooks(), file, changes, s);
    Ok(said.code())
}

/// The failures said so far, each on stderr as it happens.
struct Said {
    s: &'static Strings,
    failures: usize,
}

impl Said {
    fn failure(&mut self, sentence: &str) {
        self.failures += 1;
        let _ = writeln!(std::io::stderr(), "okr: {}", crate::text::line(sentence));
    }

    fn code(&self) -> ExitCode {
        if self.failures == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

/// The key results to measure, each by its id and its entry: those `ids`
/// name, else every one `[refresh]` names. What names none is said.
fn chosen<'a>(
    data: &Data,
    refresh: &'a Refresh,
    ids: &[String],
    (file, config): (&str, &str),
    said: &mut Said,
) -> Vec<(String, &'a Entry)> {
    let r = &said.s.refresh;
    let key_results = data
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(|k| k.id.as_str()));
    let short = ShortIds::new(data.ids());
    let many = |some: Vec<&str>| {
        let some: Vec<String> = some.iter().map(|x| quoted(short.shown(x))).collect();
        some.join(", ")
    };
    let mut jobs: Vec<(String, &Entry)> = Vec::new();
    if ids.is_empty() {
        for entry in &refresh.entries {
            match lookup(key_results.clone(), &entry.id) {
                Lookup::One(id) => match jobs.iter().find(|(j, _)| j == id) {
                    Some((_, first)) => {
                        let twice =
                            (r.f_twice)(short.shown(id), &quoted(&first.id), &quoted(&entry.id));
                        said.failure(&twice);
                    }
                    None => jobs.push((id.to_string(), entry)),
                },
                Lookup::None => said.failure(&(r.f_unknown_entry)(&quoted(&entry.id), file)),
                Lookup::Many(some) => {
                    said.failure(&(r.f_ambiguous)(&quoted(&entry.id), &many(some)));
                }
            }
        }
        return jobs;
    }
    for typed in ids {
        match lookup(key_results.clone(), typed) {
            // The same key result typed twice runs once.
            Lookup::One(id) if jobs.iter().any(|(j, _)| j == id) => {}
            Lookup::One(id) => match refresh.of(id, key_results.clone()) {
                Some(entry) => jobs.push((id.to_string(), entry)),
                None => said.failure(&(r.f_not_measured)(short.shown(id), config)),
            },
            Lookup::None => said.failure(&(r.f_no_such)(&quoted(typed), file)),
            Lookup::Many(some) => said.failure(&(r.f_ambiguous)(&quoted(typed), &many(some))),
        }
    }
    jobs
}

/// Why a key result was not measured.
#[derive(Debug)]
enum Unmeasured {
    /// The command did not end well: its program, what happened.
    Command(String, HookProblem),
    /// It printed nothing but blanks.
    Nothing,
    /// What it printed is not one number.
    NotANumber(String),
    /// A number other than 1 or 0 for a done / not done key result.
    NotDone(String),
}

impl Unmeasured {
    fn text(&self, id: &str, s: &Strings) -> String {
        let r = &s.refresh;
        match self {
            Unmeasured::Command(program, problem) => {
                let said = (r.f_command)(id, &quoted(program), &problem.clause(s));
                match problem {
                    HookProblem::TooLong(_) => format!("{said}; {}", r.f_more_time),
                    _ => said,
                }
            }
            Unmeasured::Nothing => (r.f_nothing_printed)(id),
            Unmeasured::NotANumber(printed) => (r.f_not_a_number)(id, &quoted(printed)),
            Unmeasured::NotDone(printed) => (r.f_not_done_value)(id, &quoted(printed)),
        }
    }
}

/// Runs the command of the key result `id` and reads the number it printed.
fn measure(data: &Data, id: &str, entry: &Entry) -> Result<f64, Unmeasured> {
    let program = entry.command.program().to_string();
    let command = match &entry.command {
        Command::Program(words) => {
            let (first, rest) = words
                .split_first()
                .map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
            let mut c = std::process::Command::new(first);
            c.args(rest);
            c
        }
        Command::Shell(line) => {
            let mut c = std::process::Command::new("sh");
            c.arg("-c").arg(line);
            c
        }
    };
    let seconds = entry
        .seconds
        .or_else(|| hooks::seconds_from_env(SECONDS_ENV))
        .unwrap_or(hooks::SECONDS);
    let run = Bounded {
        input: None,
        keep_output: true,
        limit: Duration::from_secs(seconds),
    };
    let printed = run
        .run(command)
        .map_err(|problem| Unmeasured::Command(program, problem))?;
    let printed = String::from_utf8_lossy(&printed);
    let printed = printed.trim();
    let value = match parse_plain(printed) {
        Ok(v) => v,
        Err(NumberError::Empty) => return Err(Unmeasured::Nothing),
        Err(_) => return Err(Unmeasured::NotANumber(printed.to_string())),
    };
    let done = data
        .find_key_result(id)
        .and_then(|pos| {
            data.objectives
                .get(pos.objective)?
                .key_results
                .get(pos.key_result)
        })
        .is_some_and(|k| matches!(k.measure, Measure::Done(_)));
    if done && value != 0.0 && value != 1.0 {
        return Err(Unmeasured::NotDone(printed.to_string()));
    }
    Ok(value)
}
