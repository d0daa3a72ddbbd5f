//! From a parsed command line to an exit code: every error becomes one
//! sentence on stderr and exit code 1 (clap's usage errors exit 2). Output
//! to a reader that has stopped reading (`okr export | head -1`) ends okr
//! quietly with exit code 0, as other Unix tools do.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Parser;

use crate::cli::{self, Cli, Command, QuarterChoice};
use crate::i18n;
use crate::model::{Lang, Quarter};
use crate::store;
use crate::tui::{self, Options, Start, TerminalError};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Errors speak the flag's language, else the locale's (the file may be unreadable).
    let lang = i18n::choose_lang(cli.lang, None);
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            // An error may quote the file (an id, a value): never raw.
            let _ = writeln!(
                std::io::stderr(),
                "okr: {}",
                crate::text::line(&one_sentence(&e, i18n::strings(lang)))
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
        if let Some(x) = cause.downcast_ref::<crate::import::ImportError>() {
            return x.text(s);
        }
    }
    format!("{e:#}")
}

/// Today's local date, decided once for the whole run; `OKR_TODAY=2026-11-24`
/// pins it (for demos and tests).
pub fn today() -> NaiveDate {
    std::env::var("OKR_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    // Completions and the manual need no data file, nor a home to find one in.
    let file = match &cli.command {
        Some(Command::Completions { .. } | Command::Man) => std::path::PathBuf::new(),
        _ => cli::data_file(&cli)?,
    };
    let today = today();
    let start = match &cli.command {
        None => Start::Quarter,
        Some(Command::Checkin) => Start::CheckIn,
        Some(Command::Review { quarter }) => Start::Review(
            quarter.unwrap_or_else(|| crate::model::review::default_review_quarter(today)),
        ),
        Some(Command::Demo) if cli.file.is_some() => return Err(cli::CliError::DemoFile.into()),
        Some(Command::Demo) => return demo(cli.lang, today),
        Some(command) => {
            report(command, &file, cli.lang, today)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let options = Options {
        lang: cli.lang,
        today,
        demo: false,
        start,
        trip: None,
    };
    tracker(&file, options)
}

/// Runs the tracker; afterwards, on the restored terminal, says why it ended
/// when that was not the user's choice, and where unsaved changes went.
fn tracker(file: &Path, options: Options) -> Result<ExitCode> {
    let exit = tui::run(file, options)?;
    let s = i18n::strings(exit.lang);
    let mut err = std::io::stderr();
    if let Some(gone) = &exit.gone {
        let _ = writeln!(err, "okr: {}", gone.text(s));
    }
    match &exit.rescue {
        Some(Ok(path)) => {
            let _ = writeln!(err, "okr: {}", (s.rescued)(&path.display().to_string()));
        }
        Some(Err(e)) => {
            let _ = writeln!(err, "okr: {}", (s.rescue_failed)(&e.text(s)));
        }
        None => {}
    }
    let failed = exit.gone.is_some() || matches!(exit.rescue, Some(Err(_)));
    Ok(ExitCode::from(if exit.code == 0 && failed {
        1
    } else {
        exit.code
    }))
}

/// The commands that need no terminal: their output on stdout. A closed
/// pipe ends the output, not in an error: whoever read it has what it wanted
/// (an update is saved before its line is written).
fn report(command: &Command, file: &Path, lang: Option<Lang>, today: NaiveDate) -> Result<()> {
    let mut out = std::io::BufWriter::new(Stdout {
        inner: std::io::stdout().lock(),
        closed: false,
    });
    let result = write_report(command, file, lang, today, &mut out);
    if out.get_ref().closed {
        return Ok(());
    }
    result
}

fn write_report(
    command: &Command,
    file: &Path,
    lang: Option<Lang>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    match command {
        Command::Path => cli::path(file, out)?,
        Command::Export { quarter, format } => {
            let data = store::read(file)?;
            let lang = i18n::choose_lang(lang, data.settings.language);
            let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today)));
            cli::export(&data, which, *format, lang, today, out)?;
        }
        Command::Update { id, value, note } => {
            cli::update(file, id, value, note.as_deref(), lang, today, out)?
        }
        Command::Status { short, owner } => {
            crate::status::status(file, owner.as_deref(), *short, lang, today, out)?
        }
        Command::List { quarter, owner } => {
            let data = store::read(file)?;
            let s = i18n::strings(i18n::choose_lang(lang, data.settings.language));
            let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today)));
            crate::list::list(
                &data,
                which,
                owner.as_deref(),
                s,
                today,
                terminal_width(),
                out,
            )?;
        }
        Command::Import {
            format,
            input,
            dry_run,
        } => crate::import::import(file, *format, input, *dry_run, lang, today, out)?,
        Command::Completions { shell } => crate::manual::completions(*shell, out)?,
        Command::Man => crate::manual::man(out)?,
        Command::Checkin | Command::Review { .. } | Command::Demo => {}
    }
    out.flush()?;
    Ok(())
}

/// The width of the terminal standard output goes to; `None` when it goes
/// to a pipe or a file.
fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal().then(|| {
        ratatui::crossterm::terminal::size()
            .map(|(w, _)| w)
            .unwrap_or(80)
    })
}

/// Standard output that remembers whether its reader has gone (a broken
/// pipe), whichever error type a writer above it wraps that in.
struct Stdout<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Stdout<W> {
    fn seen<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        result
    }
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.seen(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.seen(result)
    }
}

/// `okr demo`: the tracker on the example data in a temporary file.
fn demo(lang: Option<Lang>, today: NaiveDate) -> Result<ExitCode> {
    let dir = tempfile::Builder::new()
        .prefix("okr-demo-")
        .tempdir()
        .map_err(|e| TerminalError::TempFolder(std::env::temp_dir(), store::IoReason::of(&e)))?;
    let path = dir.path().join("okr.json");
    let mut store = store::Store::open(&path)?.0;
    store.save(&crate::demo::example(today))?;
    drop(store);
    let options = Options {
        lang,
        today,
        demo: true,
        start: Start::Quarter,
        trip: None,
    };
    tracker(&path, options)
}
