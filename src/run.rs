//! From a parsed command line to an exit code: every error becomes one
//! sentence on stderr and exit code 1 (clap's usage errors exit 2).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::app;
use crate::app::terminal::{Options, TerminalError};
use clap::Parser;

use crate::cli::{self, Cli, Command, QuarterChoice};
use crate::i18n;
use crate::model::Quarter;
use crate::store;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Errors speak the flag's language, else the locale's (the file may be unreadable).
    let lang = i18n::choose_lang(cli.lang, None);
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "okr: {}",
                one_sentence(&e, i18n::strings(lang))
            );
            ExitCode::from(1)
        }
    }
}

/// An error as one sentence in the given language: okr's own errors are
/// worded from the string table; anything else is its chain on one line.
pub fn one_sentence(e: &anyhow::Error, s: &i18n::Strings) -> String {
    for cause in e.chain() {
        if let Some(x) = cause.downcast_ref::<store::LoadError>() {
            return x.text(s);
        }
        if let Some(x) = cause.downcast_ref::<store::OpenError>() {
            return x.text(s);
        }
        if let Some(x) = cause.downcast_ref::<store::SaveError>() {
            return x.text(s);
        }
        if let Some(x) = cause.downcast_ref::<cli::CliError>() {
            return x.text(s);
        }
        if let Some(x) = cause.downcast_ref::<TerminalError>() {
            return x.text(s);
        }
    }
    format!("{e:#}")
}

/// Today's local date, decided once for the whole run; `OKR_TODAY=2026-11-24`
/// pins it (for demos and tests).
pub fn today() -> chrono::NaiveDate {
    std::env::var("OKR_TODAY")
        .ok()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let file = cli::data_file(&cli)?;
    let today = today();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match &cli.command {
        Some(Command::Path) => cli::path(&file, &mut out)?,
        Some(Command::Export { quarter, format }) => {
            let data = store::read(&file)?;
            let lang = i18n::choose_lang(cli.lang, data.settings.language);
            let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today)));
            cli::export(&data, which, *format, lang, today, &mut out)?;
        }
        Some(Command::Update { id, value, note }) => {
            cli::update(&file, id, value, note.as_deref(), cli.lang, today, &mut out)?
        }
        Some(Command::Review { quarter }) => {
            drop(out);
            let q = quarter.unwrap_or_else(|| crate::model::review::default_review_quarter(today));
            let code = app::terminal::run(
                &file,
                Options {
                    lang: cli.lang,
                    today,
                    review: Some(q),
                    ..Options::default()
                },
            )?;
            return Ok(ExitCode::from(code));
        }
        Some(Command::Checkin) => {
            drop(out);
            let code = app::terminal::run(
                &file,
                Options {
                    lang: cli.lang,
                    today,
                    checkin: true,
                    ..Options::default()
                },
            )?;
            return Ok(ExitCode::from(code));
        }
        Some(Command::Demo) => {
            drop(out);
            let dir = tempfile::Builder::new()
                .prefix("okr-demo-")
                .tempdir()
                .map_err(|e| {
                    TerminalError::TempFolder(std::env::temp_dir(), store::IoReason::of(&e))
                })?;
            let path = dir.path().join("okr.json");
            let mut store = store::Store::open(&path)?.0;
            store.save(&crate::demo::example(today))?;
            drop(store);
            let code = app::terminal::run(
                &path,
                Options {
                    lang: cli.lang,
                    today,
                    demo: true,
                    ..Options::default()
                },
            )?;
            return Ok(ExitCode::from(code));
        }
        None => {
            drop(out);
            let code = app::terminal::run(
                &file,
                Options {
                    lang: cli.lang,
                    today,
                    ..Options::default()
                },
            )?;
            return Ok(ExitCode::from(code));
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
