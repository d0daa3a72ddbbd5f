//! The command line (PRODUCT.md sections 6 and 10) as clap reads it: the
//! flags, the subcommands and their arguments. What each subcommand does is
//! in [`crate::commands`], one file each.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::{Format, QuarterChoice};
use crate::model::{Lang, Quarter};

#[derive(Parser, Debug)]
#[command(
    name = "okr",
    version,
    about = "A keyboard-driven terminal OKR tracker: Mål, Nyckelresultat and Uppgifter in one local JSON file",
    after_help = "Without a command, okr opens the tracker on today's quarter.\n\
                  The data file: --file, else OKR_FILE, else okr.json in the platform's data folder (see `okr path`).\n\
                  The personal config file: --config, else OKR_CONFIG, else config.toml in the platform's config folder.\n\
                  Any other NAME: okr NAME runs okr-NAME from PATH, as git does (docs/hooks.md)."
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
    /// Who I am (else OKR_OWNER, the config file, the user name); on checkin, status, list, export and report also whose Mål: a name, or `me`
    #[arg(long, global = true, value_name = "NAME|me")]
    pub owner: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open straight into the weekly check-in
    Checkin,
    /// Open straight into a quarter's (or a year's) review
    Review {
        /// The quarter, like 2026-Q4, or a year, like 2027 (default: the current quarter, or the one just ended during the first two weeks of a new quarter)
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
        /// A quarter like 2026-Q4 (FY2027-Q2 in a year that does not start in January), a year like 2027, or `all` (default: the current one)
        #[arg(long, value_name = "Q|all")]
        quarter: Option<QuarterChoice>,
        /// The Mål with their key results and Uppgifter as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print a report to stdout
    Export {
        /// A quarter like 2026-Q4 (FY2027-Q2 in a year that does not start in January), a year like 2027, or `all` (default: the current one)
        #[arg(long, value_name = "Q|all")]
        quarter: Option<QuarterChoice>,
        /// The report format
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
    },
    /// A digest of a check-in period: what moved, what is behind pace or stale, blockers and next steps, who has not checked in, the team pulse
    Report {
        /// The period of this ISO week (like 2026-W48); without it, the last whole period
        #[arg(long, value_name = "WEEK", num_args = 0..=1, default_missing_value = "")]
        week: Option<String>,
        /// The digest's format
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
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
    /// Measure the key results of the config file's [refresh]: run each one's command and record the number it prints (for cron)
    Refresh {
        /// Only these key results (any beginning of an id, as okr list shows it); without them, every one of [refresh]
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Run the commands and print what would be recorded, and save nothing
        #[arg(long)]
        dry_run: bool,
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
        shell: Shell,
    },
    /// Print the manual page (roff: `okr man | man -l -`)
    Man,
    /// Print the data file's JSON Schema (draft 2020-12), for editors and validators
    Schema,
    /// In a git working tree: commit the data file (and nothing else) with a message saying what changed, pull with okr's merge driver, push
    Sync {
        /// Write what this clone needs first (the .gitattributes line, the merge driver in git config, the .gitignore lines), and do nothing else
        #[arg(long)]
        setup: bool,
    },
    /// The ids `okr update` takes, with their titles, for shell completion
    #[command(name = "__ids", hide = true)]
    Ids,
    /// `okr NAME ARGS`: runs `okr-NAME ARGS` from PATH, like git
    #[command(external_subcommand)]
    External(Vec<OsString>),
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

/// The formats of `okr report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Plain text, for the terminal
    Text,
    /// Markdown, for a chat or a mail
    Md,
    /// JSON, for a script
    Json,
    /// One HTML page that stands alone, for a browser or a mail
    Html,
}

/// The shells `okr completions` writes a script for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}
