//! The command line (PRODUCT.md sections 6 and 10) and the subcommands that
//! need no terminal: `path`, `update` and `merge` (git's merge driver) here;
//! `export`, `status`, `list`, `import`, `completions` and `man` in their own
//! modules.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::{self, Strings};
use crate::model::number::{self, NumberError};
use crate::model::{Lang, Measure, Quarter};

pub use crate::export::{Format, Narrow, QuarterChoice, describe_measure, export};
use crate::store::{self, Store};
use crate::text::quoted;

#[derive(Parser, Debug)]
#[command(
    name = "okr",
    version,
    about = "A keyboard-driven terminal OKR tracker: Mål, Nyckelresultat and Uppgifter in one local JSON file",
    after_help = "Without a command, okr opens the tracker on today's quarter.\n\
                  The data file: --file, else OKR_FILE, else okr.json in the platform's data folder (see `okr path`).\n\
                  The personal config file: --config, else OKR_CONFIG, else config.json in the platform's config folder."
)]
pub struct Cli {
    /// The data file to use
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub file: Option<PathBuf>,
    /// The UI language
    #[arg(long, global = true, value_name = "sv|en", value_parser = lang_parser())]
    pub lang: Option<Lang>,
    /// The personal config file (who I am, my language, my keys) to use
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Who I am (else OKR_OWNER, the config file, the user name); on checkin, status, list and export also whose Mål: a name, or `me`
    #[arg(long, global = true, value_name = "NAME|me")]
    pub owner: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open straight into the weekly check-in
    Checkin,
    /// Open straight into a quarter's review
    Review {
        /// The quarter, like 2026-Q4 (default: the current one, or the one just ended during the first two weeks of a new quarter)
        quarter: Option<Quarter>,
    },
    /// One line for a shell prompt or a tmux status bar: check-in due, progress, key results behind pace
    Status {
        /// A few characters for a prompt while the check-in is due: a pencil and the number of key results waiting; nothing when none is due
        #[arg(long, conflicts_with_all = ["json", "check"])]
        short: bool,
        /// The same facts as JSON, for scripts (see docs/command-line.md for its keys)
        #[arg(long, conflicts_with = "check")]
        json: bool,
        /// Print nothing; exit 1 while a check-in waits, else 0 (for cron and notifications)
        #[arg(long)]
        check: bool,
    },
    /// List objectives, key results and initiatives with their ids, owners, progress and values
    List {
        /// A quarter like 2026-Q4, or `all` (default: the current one)
        #[arg(long, value_name = "Q|all")]
        quarter: Option<QuarterChoice>,
        /// The Mål with their key results and Uppgifter as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print a report to stdout
    Export {
        /// A quarter like 2026-Q4, or `all` (default: the current one)
        #[arg(long, value_name = "Q|all")]
        quarter: Option<QuarterChoice>,
        /// The report format
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
    },
    /// Record a key result's new value, or mark an initiative done or open (for scripts and cron)
    Update {
        /// The key result's or initiative's id, as `okr list` shows it (like kr3 or u2)
        id: String,
        /// The new value: a number in the language's convention (sv: 12,5 or 17 500; en: 12.5 or 17,500), for done/not-done: done/yes/ja/1 or no/nej/0, for an initiative: done/klar or open/öppen
        // Hyphen values, not just clap's negative numbers: those miss `-0,5`.
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// A short note kept in the key result's history
        #[arg(long)]
        note: Option<String>,
    },
    /// Add objectives, key results and initiatives from a CSV or JSON file (okr's own export, or a spreadsheet saved as CSV)
    Import {
        /// The file's format
        #[arg(long, value_enum)]
        format: ImportFormat,
        /// The file to import; `-` reads standard input
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        input: PathBuf,
        /// Print what would be added, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the data file's path, bare for scripts (`okr path config`: the personal config file's)
    Path {
        /// Which path: the data file (default) or the personal config file
        #[arg(value_enum, default_value_t = Which::Data)]
        which: Which,
        /// Both paths, each with its label
        #[arg(long)]
        verbose: bool,
    },
    /// Print the keys in force (the config file's `keys` applied): context, action, keys, what it does
    Keys,
    /// Open the tracker on example data in a temporary file
    Demo,
    /// Print a shell completion script (see docs/command-line.md for where to put it)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: crate::manual::Shell,
    },
    /// Print the manual page (roff: `okr man | man -l -`)
    Man,
    /// The ids `okr update` takes, with their titles, for shell completion
    #[command(name = "__ids", hide = true)]
    Ids,
    /// Merge two changed copies of a data file (a git merge driver: `okr merge %O %A %B`); exit 1 when some fields conflict
    Merge {
        /// The copy both sides started from
        #[arg(value_name = "BASE", value_hint = clap::ValueHint::FilePath)]
        base: PathBuf,
        /// Our copy: the merge is written here
        #[arg(value_name = "OURS", value_hint = clap::ValueHint::FilePath)]
        ours: PathBuf,
        /// Their copy
        #[arg(value_name = "THEIRS", value_hint = clap::ValueHint::FilePath)]
        theirs: PathBuf,
    },
}

/// Which path `okr path` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    Data,
    Config,
}

/// What `okr import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    Csv,
    Json,
}

/// `--lang`: the two languages by their codes (the model knows no command line).
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["sv", "en"]).map(|v| match v.as_str() {
        "en" => Lang::En,
        _ => Lang::Sv,
    })
}

/// `okr path`: the data file, then the personal config file, each named.
pub fn path(
    (file, config): (&Path, &Path),
    which: Which,
    verbose: bool,
    s: &Strings,
    out: &mut impl Write,
) -> Result<()> {
    let full = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if !verbose {
        let path = match which {
            Which::Data => file,
            Which::Config => config,
        };
        writeln!(
            out,
            "{}",
            crate::text::line(&full(path).display().to_string())
        )?;
        return Ok(());
    }
    let t = &s.team;
    let w = t
        .path_data
        .chars()
        .count()
        .max(t.path_config.chars().count())
        + 1;
    let label = |l: &str| format!("{:<w$}", format!("{l}:"));
    // A folder may have any name (a cloned repository's): never printed raw.
    let shown = |p: &Path| crate::text::line(&full(p).display().to_string());
    writeln!(out, "{} {}", label(t.path_data), shown(file))?;
    writeln!(out, "{} {}", label(t.path_config), shown(config))?;
    Ok(())
}

/// `okr update ID VALUE [--note TEXT]`: records a key result's value, or
/// marks an Uppgift done (dated today) or open, and saves.
pub fn update(
    file: &Path,
    id: &str,
    value: &str,
    note: Option<&str>,
    lang: Option<Lang>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    // A command that fails creates nothing: no folder, no lock file.
    if !file.exists() {
        return Err(CliError::NoSuchFile(file.display().to_string(), id.to_string()).into());
    }
    if store::is_read_only(file) {
        return Err(store::SaveError::ReadOnly(file.to_path_buf()).into());
    }
    let (mut store, mut data) = Store::open(file)?;
    let lang = i18n::choose_lang(lang, data.settings.language);
    let s = i18n::strings(lang);
    // Any beginning of an id that names one key result or Uppgift.
    let typed = id;
    let ids = data.objectives.iter().flat_map(|o| {
        o.key_results
            .iter()
            .map(|k| k.id.as_str())
            .chain(o.initiatives.iter().map(|u| u.id.as_str()))
    });
    let id = match crate::model::ids::lookup(ids, typed) {
        crate::model::ids::Lookup::One(id) => id.to_string(),
        crate::model::ids::Lookup::Many(some) => {
            let some = some.iter().map(|x| x.to_string()).collect();
            return Err(CliError::AmbiguousId(typed.to_string(), some).into());
        }
        crate::model::ids::Lookup::None => {
            // A Mål's id: its number comes from its key results, never typed.
            let objectives = data.objectives.iter().map(|o| o.id.as_str());
            if let crate::model::ids::Lookup::One(o) = crate::model::ids::lookup(objectives, typed)
            {
                return Err(objective_given(&data, o).into());
            }
            typed.to_string()
        }
    };
    let id = id.as_str();
    let Some(pos) = data.find_key_result(id) else {
        let Some((o, i)) = find_initiative(&data, id) else {
            return Err(
                CliError::NoSuchKeyResult(id.to_string(), file.display().to_string()).into(),
            );
        };
        let done = initiative_value(value)?;
        let objective = &data.objectives[o];
        let before = objective.initiatives[i].clone();
        let after = match (before.done, done) {
            (None, true) => Some(today),
            (Some(d), true) => Some(d),
            (_, false) => None,
        };
        if after != before.done {
            let (changed, ()) = objective.changed(crate::model::now(), |o| {
                if let Some(u) = o.initiatives.get_mut(i) {
                    u.done = after;
                }
            });
            data.objectives[o] = std::sync::Arc::new(changed);
            store.save(&data)?;
        }
        let word = |d: Option<NaiveDate>| match d {
            Some(d) => (s.commands.done_on)(&d.to_string()),
            None => s.commands.open.to_string(),
        };
        let line = format!(
            "{} {}: {} → {}",
            crate::model::ids::ShortIds::new(data.ids()).shown(&before.id),
            before.title,
            word(before.done),
            word(after)
        );
        writeln!(out, "{}", crate::text::line(&line))?;
        return Ok(());
    };
    let objective = &data.objectives[pos.objective];
    let kr = &objective.key_results[pos.key_result];
    // A number is read in the language the answer is given in.
    let new = parse_value(&kr.measure, value, lang)?;
    let before = kr.measure.current();
    let kr_id = kr.id.clone();
    let title = kr.title.clone();
    let unit = kr.measure.unit().to_string();
    let measure = kr.measure.clone();
    let note = note.unwrap_or("").trim().to_string();
    // The file would be refused with it on the next load.
    if let Some(c) = crate::model::validate::control_character(&note, true) {
        return Err(CliError::ControlInNote(c).into());
    }
    let (changed, latest) = objective.changed(crate::model::now(), |o| {
        let k = o.key_results.get_mut(pos.key_result)?;
        k.record(today, new, None, note, None);
        // A later-dated entry keeps the current value (the latest by date).
        k.last_update()
            .filter(|d| *d > today)
            .map(|d| (d, k.measure.current()))
    });
    data.objectives[pos.objective] = std::sync::Arc::new(changed);
    store.save(&data)?;
    let kr_id = crate::model::ids::ShortIds::new(data.ids()).shown(&kr_id);
    let shown = |v: f64| s.with_unit(&s.measure_value(&measure, v), &unit);
    let said = match latest {
        Some((date, current)) => (s.commands.recorded_before_latest)(
            &shown(new),
            &today.to_string(),
            &shown(current),
            &date.to_string(),
        ),
        None => format!("{} → {}", s.measure_value(&measure, before), shown(new)),
    };
    let line = format!("{kr_id} {title}: {said}");
    writeln!(out, "{}", crate::text::line(&line))?;
    Ok(())
}

/// The Mål and the index of the Uppgift with this id (case-insensitive).
fn find_initiative(data: &crate::model::Data, id: &str) -> Option<(usize, usize)> {
    let id = id.trim();
    data.objectives.iter().enumerate().find_map(|(oi, o)| {
        o.initiatives
            .iter()
            .position(|u| u.id.eq_ignore_ascii_case(id))
            .map(|ui| (oi, ui))
    })
}

/// The mistake of giving a Mål's id to `okr update`: which Mål, and the
/// key results its progress comes from (as `okr list` shows their ids).
fn objective_given(data: &crate::model::Data, id: &str) -> CliError {
    let short = crate::model::ids::ShortIds::new(data.ids());
    let objective = data.objectives.iter().find(|o| o.id == id);
    CliError::ObjectiveGiven {
        id: short.shown(id).to_string(),
        title: objective.map(|o| o.title.clone()).unwrap_or_default(),
        key_results: objective
            .map(|o| {
                o.key_results
                    .iter()
                    .map(|k| short.shown(&k.id).to_string())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Done or open, in either language's words, for an Uppgift.
fn initiative_value(text: &str) -> Result<bool> {
    i18n::typed::initiative_value(text)
        .ok_or_else(|| CliError::NotAnInitiativeValue(text.to_string()).into())
}

/// Reads a typed value for a measure: a number in `lang`'s convention, or
/// yes/no words for done/not-done.
fn parse_value(measure: &Measure, text: &str, lang: Lang) -> Result<f64> {
    if let Measure::Done(_) = measure {
        return match i18n::typed::done_value(text) {
            Some(done) => Ok(if done { 1.0 } else { 0.0 }),
            None => Err(CliError::NotADoneValue(text.to_string()).into()),
        };
    }
    number::parse(text, lang).map_err(|why| {
        CliError::NotANumber {
            typed: text.to_string(),
            why,
            lang,
        }
        .into()
    })
}

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
}

impl CliError {
    pub fn text(&self, s: &Strings) -> String {
        match self {
            CliError::NoSuchKeyResult(id, path) => (s.e_no_such_kr)(&quoted(id), path),
            CliError::AmbiguousId(id, some) => {
                let some: Vec<String> = some.iter().map(|x| quoted(x)).collect();
                (s.e_ambiguous_id)(&quoted(id), &some.join(", "))
            }
            CliError::NotANumber { typed, why, lang } => match why {
                NumberError::Empty | NumberError::NotANumber => {
                    (s.e_not_number)(&quoted(typed), &s.number_examples(*lang))
                }
                _ => (s.e_number_refused)(&quoted(typed), &s.number_advice(*why, *lang, "; ")),
            },
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
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&i18n::EN))
    }
}

impl std::error::Error for CliError {}

/// Resolves the data file for a parsed command line.
pub fn data_file(cli: &Cli) -> Result<PathBuf> {
    store::data_path(cli.file.as_deref())
}

/// `okr merge BASE OURS THEIRS`, git's merge driver (`%O %A %B`): the three
/// copies merged (see [`crate::model::merge`]) and written atomically over
/// OURS. Exit code 0 when clean, 1 when the result holds conflicts (in its
/// `conflicts` list), 2 when a copy cannot be read or the result not written
/// (nothing written then). No lock and no backup: these are git's own
/// temporary files, and git keeps every side.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    s: &Strings,
    err: &mut impl Write,
) -> u8 {
    let read = |path: &Path, empty_is_new: bool| -> Result<crate::model::Data, store::LoadError> {
        // git passes an empty base when both sides added the file.
        if empty_is_new && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Ok(crate::model::Data::default());
        }
        if let Err(e) = std::fs::metadata(path) {
            return Err(store::LoadError {
                path: path.to_path_buf(),
                position: None,
                problem: store::Problem::Io(store::IoReason::of(&e)),
            });
        }
        store::read(path)
    };
    // The three copies are read side by side: nothing of one waits for another.
    let (b, o, t) = std::thread::scope(|scope| {
        let b = scope.spawn(|| read(base, true));
        let t = scope.spawn(|| read(theirs, false));
        let o = read(ours, false);
        let join = |h: std::thread::ScopedJoinHandle<'_, _>, path: &Path| {
            h.join().unwrap_or_else(|_| {
                Err(store::LoadError {
                    path: path.to_path_buf(),
                    position: None,
                    problem: store::Problem::Io(store::IoReason::Other("the read stopped".into())),
                })
            })
        };
        (join(b, base), o, join(t, theirs))
    });
    let sides = b.and_then(|b| Ok((b, o?, t?)));
    let (b, o, t) = match sides {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "okr: {}", crate::text::line(&e.text(s)));
            return 2;
        }
    };
    let merged = crate::model::merge::merge(&b, &o, &t);
    // A result no okr would read is never written, nor committed by git.
    if let Err(broken) = crate::model::validate::validate(&merged.data) {
        let _ = writeln!(
            err,
            "okr: {}",
            crate::text::line(&(s.merge_invalid)(&store::format::broken_text(&broken, s)))
        );
        return 2;
    }
    let written = store::format::serialize(&merged.data)
        .map_err(store::SaveError::Encode)
        .and_then(|bytes| {
            store::atomic::write_atomic(ours, &bytes, &mut store::Faults::default())
                .map_err(|e| store::SaveError::Io(ours.to_path_buf(), e))
        });
    if let Err(e) = written {
        let _ = writeln!(err, "okr: {}", crate::text::line(&e.text(s)));
        return 2;
    }
    for (old, new) in &merged.renumbered {
        let _ = writeln!(
            err,
            "okr: {}",
            crate::text::line(&(s.merge_renumbered)(old, new))
        );
    }
    // Only what this merge found: conflicts already in a file are waiting
    // on the conflicts screen, and must not stop every later pull.
    let open = merged.conflicts;
    if open > 0 {
        // git's temporary file names mean nothing to a person: no path.
        let _ = writeln!(err, "okr: {}", (s.merge_conflicts)(open));
        return 1;
    }
    0
}
