//! From a parsed command line to an exit code: every error becomes one
//! sentence on stderr and exit code 1 (clap's usage errors, and a config
//! file's `keys` okr cannot use, exit 2). Output
//! to a reader that has stopped reading (`okr export | head -1`) ends okr
//! quietly with exit code 0, as other Unix tools do.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::FromArgMatches;

use crate::cli::{self, Cli, Command, QuarterChoice};
use crate::config::{self, ConfigError, PersonalFile};
use crate::i18n;
use crate::model::owners::OwnerFilter;
use crate::model::{Lang, Quarter};
use crate::store;
use crate::tui::{self, Options, Start, TerminalError};

pub fn main() -> ExitCode {
    // The help and usage errors speak `--lang` as typed, else the locale.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = crate::help::command(crate::help::lang_of_args(&args))
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    let personal = personal(&cli);
    // Errors speak the flag's language, else the config file's, else the
    // locale's (the data file may be unreadable).
    let mine = match &personal {
        Ok(p) => p.as_ref().and_then(|p| p.personal.language),
        Err(e) => e.language(),
    };
    let lang = i18n::choose_lang(cli.lang.or(mine), None);
    match dispatch(cli, personal) {
        Ok(code) => code,
        Err(e) => {
            // A `keys` section okr cannot use is a usage error, as a bad flag is.
            let usage = e.chain().any(|c| {
                c.downcast_ref::<ConfigError>()
                    .is_some_and(ConfigError::is_keys)
            });
            // An error may quote the file (an id, a value): never raw.
            let _ = writeln!(
                std::io::stderr(),
                "okr: {}",
                crate::text::line(&one_sentence(&e, i18n::strings(lang)))
            );
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// clap's help, version or usage error, printed as clap prints it but with
/// every character a terminal could act on neutralised: a usage error
/// quotes the argument it could not take, and that may hold anything.
fn usage(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let text = crate::text::neutralise(&text, crate::text::Output::Lines);
    let _ = if e.use_stderr() {
        write!(std::io::stderr(), "{text}")
    } else {
        write!(std::io::stdout(), "{text}")
    };
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
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
        if let Some(x) = cause.downcast_ref::<ConfigError>() {
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

/// The personal config file and what it holds: `None` when there is no
/// home to keep one in; an error when it cannot be read or breaks a rule.
fn personal(cli: &Cli) -> Result<Option<PersonalFile>, ConfigError> {
    let Ok(path) = config::config_path(cli.config.as_deref()) else {
        return Ok(None);
    };
    let personal = config::load(&path)?;
    Ok(Some(PersonalFile { path, personal }))
}

/// Who I am and the language asked for: the command line, then the
/// environment and the config file (the file's own setting comes after).
struct Me {
    me: Option<String>,
    lang: Option<Lang>,
    config: Option<PersonalFile>,
    /// `--owner`: whose Mål a report or the check-in is about.
    owner: Option<OwnerFilter>,
}

fn dispatch(cli: Cli, personal: Result<Option<PersonalFile>, ConfigError>) -> Result<ExitCode> {
    // Completions and the manual need no data file, nor a home to find one in.
    let file = match &cli.command {
        Some(
            Command::Completions { .. } | Command::Man | Command::Keys | Command::Merge { .. },
        ) => std::path::PathBuf::new(),
        _ => cli::data_file(&cli)?,
    };
    if let Some(Command::Path { which, verbose }) = &cli.command {
        let config = config::config_path(cli.config.as_deref())?;
        let mine = personal
            .as_ref()
            .ok()
            .and_then(|p| p.as_ref()?.personal.language);
        let s = i18n::strings(i18n::choose_lang(cli.lang.or(mine), None));
        let mut out = Vec::new();
        cli::path((&file, &config), *which, *verbose, s, &mut out)?;
        let mut stdout = Stdout {
            inner: std::io::stdout().lock(),
            closed: false,
        };
        let result = stdout.write_all(&out).and_then(|()| stdout.flush());
        if !stdout.closed {
            result?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    // git's merge driver: it needs no config file, and a broken one must not stop it.
    if let Some(Command::Merge { base, ours, theirs }) = &cli.command {
        let mine = personal.ok().flatten().and_then(|p| p.personal.language);
        let s = i18n::strings(i18n::choose_lang(cli.lang.or(mine), None));
        let code = cli::merge_driver(base, ours, theirs, s, &mut std::io::stderr());
        return Ok(ExitCode::from(code));
    }
    let config = personal?;
    let keymap = config
        .as_ref()
        .map(|c| c.personal.keymap.clone())
        .unwrap_or_default();
    if let Some(Command::Keys) = &cli.command {
        let mine = config.as_ref().and_then(|c| c.personal.language);
        let s = i18n::strings(i18n::choose_lang(cli.lang.or(mine), None));
        let mut out = std::io::BufWriter::new(Stdout {
            inner: std::io::stdout().lock(),
            closed: false,
        });
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        let result =
            crate::keytable::print(&keymap, s, terminal, &mut out).and_then(|()| Ok(out.flush()?));
        if !out.get_ref().closed {
            result?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    // On the commands where `--owner` narrows to someone's Mål (checkin,
    // list, export, status) it says whose, not who I am: Anna running
    // `okr checkin --owner Bo` checks in for Bo, and her changes say Anna.
    let narrows = matches!(
        cli.command,
        Some(
            Command::Checkin
                | Command::List { .. }
                | Command::Export { .. }
                | Command::Status { .. }
        )
    );
    let who = Me {
        me: config::who_am_i(
            cli.owner.as_deref().filter(|_| !narrows),
            &config
                .as_ref()
                .map(|c| c.personal.clone())
                .unwrap_or_default(),
            config::process_env,
        ),
        lang: cli
            .lang
            .or(config.as_ref().and_then(|c| c.personal.language)),
        config,
        owner: cli.owner.as_deref().map(OwnerFilter::from_flag),
    };
    // Changes and values of this run say who made them.
    crate::model::author::set(who.me.clone());
    let today = today();
    let start = match &cli.command {
        None => Start::Quarter,
        Some(Command::Checkin) => Start::CheckIn,
        Some(Command::Review { quarter }) => Start::Review(
            quarter.unwrap_or_else(|| crate::model::review::default_review_quarter(today)),
        ),
        Some(Command::Demo) if cli.file.is_some() => return Err(cli::CliError::DemoFile.into()),
        Some(Command::Demo) => return demo(who, keymap, today),
        Some(command) => return report(command, &file, &who, today),
    };
    // `okr checkin --owner NAME|me`: NAME's (or my) Mål, checked in for them.
    let filter = match (start, &who.owner) {
        (Start::CheckIn, Some(owner)) => owner.clone(),
        _ => OwnerFilter::Everyone,
    };
    let options = Options {
        lang: who.lang,
        today,
        demo: false,
        start,
        me: who.me,
        config: who.config,
        filter,
        trip: None,
        keymap,
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
fn report(command: &Command, file: &Path, who: &Me, today: NaiveDate) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(Stdout {
        inner: std::io::stdout().lock(),
        closed: false,
    });
    let result = write_report(command, file, who, today, &mut out);
    if out.get_ref().closed {
        return Ok(ExitCode::SUCCESS);
    }
    result
}

fn write_report(
    command: &Command,
    file: &Path,
    who: &Me,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let lang = who.lang;
    let mut code = ExitCode::SUCCESS;
    // `--owner NAME|me` for the commands that narrow to one owner's Mål.
    let owner: Option<String> = match &who.owner {
        Some(OwnerFilter::Mine) => who.me.clone(),
        Some(OwnerFilter::Owner(name)) => Some(name.clone()),
        Some(OwnerFilter::Everyone) | None => None,
    };
    match command {
        Command::Export { quarter, format } => {
            let data = store::read(file)?;
            let lang = i18n::choose_lang(lang, data.settings.language);
            let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today)));
            let narrow = who.owner.as_ref().map(|filter| cli::Narrow {
                filter,
                me: who.me.as_deref(),
            });
            cli::export(&data, narrow, which, *format, lang, today, out)?;
            // The process ends next: its memory goes back whole, not item by item.
            std::mem::forget(data);
        }
        Command::Update { id, value, note } => {
            cli::update(file, id, value, note.as_deref(), lang, today, out)?
        }
        Command::Status { short, json, check } => {
            let form = match (*short, *json, *check) {
                (true, _, _) => crate::status::Form::Short,
                (_, true, _) => crate::status::Form::Json,
                (_, _, true) => crate::status::Form::Check,
                _ => crate::status::Form::Line,
            };
            let waits = crate::status::status(
                file,
                (owner.as_deref(), who.me.as_deref()),
                form,
                lang,
                today,
                out,
            )?;
            if form == crate::status::Form::Check && waits {
                code = ExitCode::from(1);
            }
        }
        Command::List {
            quarter,
            json: true,
        } => {
            let data = store::read(file)?;
            let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today)));
            crate::list::list_json(&data, which, owner.as_deref(), today, out)?;
            std::mem::forget(data);
        }
        Command::List { quarter, .. } => {
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
            std::mem::forget(data);
        }
        Command::Import {
            format,
            input,
            dry_run,
        } => crate::import::import(file, *format, input, *dry_run, lang, today, out)?,
        Command::Completions { shell } => crate::manual::completions(*shell, out)?,
        Command::Man => crate::manual::man(i18n::choose_lang(lang, None), out)?,
        Command::Ids => {
            // For a shell completing `okr update`: nothing when the file
            // cannot be read, never an error in the middle of a command line.
            if let Ok(data) = store::read(file) {
                crate::manual::ids(&data, out)?;
            }
        }
        Command::Checkin
        | Command::Review { .. }
        | Command::Demo
        | Command::Path { .. }
        | Command::Keys
        | Command::Merge { .. } => {}
    }
    out.flush()?;
    Ok(code)
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
fn demo(who: Me, keymap: crate::keys::Keymap, today: NaiveDate) -> Result<ExitCode> {
    let dir = tempfile::Builder::new()
        .prefix("okr-demo-")
        .tempdir()
        .map_err(|e| TerminalError::TempFolder(std::env::temp_dir(), store::IoReason::of(&e)))?;
    let path = dir.path().join("okr.json");
    let mut store = store::Store::open(&path)?.0;
    // The example speaks the demo's language, as the screens do.
    let lang = i18n::choose_lang(who.lang, None);
    store.save(&crate::demo::example_in(today, lang))?;
    drop(store);
    // Settings changed in the demo are kept for its run only.
    let options = Options {
        lang: who.lang,
        today,
        demo: true,
        start: Start::Quarter,
        me: who.me,
        config: None,
        filter: OwnerFilter::Everyone,
        trip: None,
        keymap,
    };
    tracker(&path, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};
    use crate::store::IoReason;

    #[test]
    fn a_terminal_error_is_one_sentence_in_the_language_asked() {
        let e = TerminalError::Draw(IoReason::Other("os says no".into()));
        let wrapped = anyhow::Error::new(e.clone());
        assert_eq!(one_sentence(&wrapped, &SV), e.text(&SV));
        assert_eq!(one_sentence(&wrapped, &EN), e.text(&EN));
    }
}
