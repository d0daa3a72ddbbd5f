//! The subcommands, one file each: what `okr status`, `list`, `update`,
//! `refresh`, `export`, `import`, `merge`, `keys`, `path`, `man`,
//! `completions`, `schema`, `sync` and `demo` do, and the tracker that `okr`, `okr checkin` and `okr review`
//! open. [`crate::run`] picks one from the parsed command line.

pub mod completions;
pub mod demo;
pub mod error;
pub mod export;
pub mod external;
pub mod import;
pub mod keys;
pub mod list;
pub mod man;
pub mod merge;
pub mod path;
pub mod refresh;
pub mod report;
pub mod schema;
pub mod status;
pub mod sync;
pub mod tracker;
pub mod update;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::Result;

use crate::cli::Cli;
use crate::config::PersonalFile;
use crate::model::Lang;
use crate::model::owners::OwnerFilter;
use crate::store;

/// Who I am and the language asked for: the command line, then the
/// environment and the config file (the data file's own setting comes after).
pub struct Me {
    pub me: Option<String>,
    pub lang: Option<Lang>,
    pub config: Option<PersonalFile>,
    /// `--owner`: whose Mål a report or the check-in is about.
    pub owner: Option<OwnerFilter>,
}

impl Me {
    /// The hooks beside my config file ([`crate::hooks`]).
    pub fn hooks(&self) -> crate::hooks::Hooks {
        crate::hooks::Hooks::beside(self.config.as_ref().map(|c| c.path.as_path()))
    }

    /// The owner `--owner NAME|me` narrows a report to, by name.
    pub fn narrowed(&self) -> Option<String> {
        match &self.owner {
            Some(OwnerFilter::Mine) => self.me.clone(),
            Some(OwnerFilter::Owner(name)) => Some(name.clone()),
            Some(OwnerFilter::Everyone) | None => None,
        }
    }
}

/// The data file of a parsed command line.
pub fn data_file(cli: &Cli) -> Result<PathBuf> {
    Ok(store::data_path(cli.file.as_deref())?)
}

/// Runs `write` on standard output. A reader that stopped reading
/// (`okr export | head -1`) ends the output, not in an error: it has what
/// it wanted (an update is saved before its line is written).
pub fn on_stdout(write: impl FnOnce(&mut dyn Write) -> Result<ExitCode>) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(Stdout {
        inner: std::io::stdout().lock(),
        closed: false,
    });
    let result = write(&mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    if out.get_ref().closed {
        return Ok(ExitCode::SUCCESS);
    }
    result
}

/// The width of the terminal standard output goes to; `None` when it goes
/// to a pipe or a file.
pub fn terminal_width() -> Option<u16> {
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

/// After a command saved the data file (its lock let go): the `on-save`
/// hook, told what `changed`; what went wrong with it is said on stderr,
/// and the command still succeeds, since the save is done.
pub fn saved(
    hooks: &crate::hooks::Hooks,
    file: &std::path::Path,
    changed: Vec<serde_json::Value>,
    s: &crate::i18n::Strings,
) {
    use crate::hooks::Event;
    let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let by = crate::model::author::get();
    let mut payload =
        crate::app::hooks::event(Event::Save, &file.display().to_string(), by.as_deref());
    payload["changed"] = serde_json::Value::Array(changed);
    if let Some(Err(e)) = hooks.run(Event::Save, &payload) {
        let _ = writeln!(std::io::stderr(), "okr: {}", e.text(s));
    }
}
