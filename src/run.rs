//! From a parsed command line to an exit code: every error becomes one
//! sentence on stderr and exit code 1 (clap's usage errors, and a config
//! file's `keys` okr cannot use, exit 2). Output
//! to a reader that has stopped reading (`okr export | head -1`) ends okr
//! quietly with exit code 0, as other Unix tools do.

use std::io::Write;
use std::process::ExitCode;

use crate::error::Result;
use chrono::NaiveDate;
use clap::FromArgMatches;

use crate::cli::{Cli, Command};
use crate::commands::{self, Me, on_stdout};
use crate::config::{self, ConfigError, PersonalFile};
use crate::i18n;
use crate::model::owners::OwnerFilter;
use crate::tui::Start;

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
            // An error may quote the file (an id, a value): never raw.
            let _ = writeln!(
                std::io::stderr(),
                "okr: {}",
                crate::text::line(&e.text(i18n::strings(lang)))
            );
            // A `keys` section okr cannot use is a usage error, as a bad flag is.
            ExitCode::from(if e.is_usage() { 2 } else { 1 })
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
    let Ok(mut path) = config::config_path(cli.config.as_deref()) else {
        return Ok(None);
    };
    // An earlier okr's `config.json`, in the default place: moved once
    // into `config.toml`, and the user told where everything is.
    let earlier = config::named(cli.config.as_deref()).is_none()
        && config::Format::of(&path) == config::Format::Json;
    let moved = match config::default_toml().filter(|_| earlier) {
        Some(toml) => config::migrate(&path, &toml)?,
        None => None,
    };
    if let Some(m) = &moved {
        path = m.to.clone();
    }
    let personal = config::load(&path)?;
    if let Some(m) = moved {
        let lang = i18n::choose_lang(cli.lang.or(personal.language), None);
        let show = |p: &std::path::Path| crate::text::line(&p.display().to_string());
        let said =
            (i18n::strings(lang).team.config_moved)(&show(&m.from), &show(&m.to), &show(&m.kept));
        let _ = writeln!(std::io::stderr(), "okr: {said}");
    }
    Ok(Some(PersonalFile { path, personal }))
}

fn dispatch(cli: Cli, personal: Result<Option<PersonalFile>, ConfigError>) -> Result<ExitCode> {
    // Before the config file is needed: its language when it can be read.
    let readable = personal.as_ref().ok().and_then(Option::as_ref);
    let early = i18n::choose_lang(
        cli.lang.or(readable.and_then(|p| p.personal.language)),
        None,
    );
    match &cli.command {
        // git's merge driver: a broken config file must not stop it.
        Some(Command::Merge { base, ours, theirs }) => {
            let s = i18n::strings(early);
            let code = commands::merge::merge_driver(base, ours, theirs, s, &mut std::io::stderr());
            return Ok(ExitCode::from(code));
        }
        // An extension command: okr's files are named to it, nothing more.
        Some(Command::External(args)) => {
            let file = commands::data_file(&cli).ok();
            let config = config::named(cli.config.as_deref());
            return commands::external::run(args, file.as_deref(), config.as_deref());
        }
        Some(Command::Path { which, verbose }) => {
            let file = commands::data_file(&cli)?;
            let config = config::config_path(cli.config.as_deref())?;
            let s = i18n::strings(early);
            return on_stdout(|mut out| {
                commands::path::path((&file, &config), *which, *verbose, s, &mut out)?;
                Ok(ExitCode::SUCCESS)
            });
        }
        _ => {}
    }
    let config = personal?;
    let keymap = config
        .as_ref()
        .map(|c| c.personal.keymap.clone())
        .unwrap_or_default();
    let lang = cli
        .lang
        .or(config.as_ref().and_then(|c| c.personal.language));
    // Completions, the manual and the keys need no data file, nor a home.
    match &cli.command {
        Some(Command::Keys) => {
            let s = i18n::strings(i18n::choose_lang(lang, None));
            let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
            return on_stdout(|mut out| {
                commands::keys::print(&keymap, s, terminal, &mut out)?;
                Ok(ExitCode::SUCCESS)
            });
        }
        Some(Command::Completions { shell }) => {
            return on_stdout(|mut out| {
                commands::completions::completions(*shell, &mut out)?;
                Ok(ExitCode::SUCCESS)
            });
        }
        Some(Command::Man) => {
            return on_stdout(|mut out| {
                commands::man::man(i18n::choose_lang(lang, None), &mut out)?;
                Ok(ExitCode::SUCCESS)
            });
        }
        Some(Command::Schema) => {
            return on_stdout(|mut out| {
                commands::schema::print(&mut out)?;
                Ok(ExitCode::SUCCESS)
            });
        }
        _ => {}
    }
    let file = commands::data_file(&cli)?;
    // On the commands where `--owner` narrows to someone's Mål (checkin,
    // list, export, status) it says whose, not who I am: Anna running
    // `okr checkin --owner Bo` checks in for Bo, and her changes say Anna.
    let narrows = matches!(
        cli.command,
        Some(
            Command::Checkin
                | Command::List { .. }
                | Command::Export { .. }
                | Command::Report { .. }
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
        lang,
        config,
        owner: cli.owner.as_deref().map(OwnerFilter::from_flag),
    };
    // Changes and values of this run say who made them.
    crate::model::author::set(who.me.clone());
    let today = today();
    let done = |()| Ok(ExitCode::SUCCESS);
    match cli.command {
        None => commands::tracker::open(&file, who, keymap, Start::Quarter, today),
        Some(Command::Checkin) => {
            commands::tracker::open(&file, who, keymap, Start::CheckIn, today)
        }
        Some(Command::Review { quarter }) => {
            commands::tracker::open(&file, who, keymap, Start::Review(quarter), today)
        }
        Some(Command::Demo) => commands::demo::run(cli.file.is_some(), who, keymap, today),
        Some(Command::Report { week, format }) => on_stdout(|mut out| {
            commands::report::run(&file, &who, (week.as_deref(), format), today, &mut out)
                .and_then(done)
        }),
        Some(Command::Export { quarter, format }) => on_stdout(|mut out| {
            commands::export::run(&file, &who, (quarter, format), today, &mut out).and_then(done)
        }),
        Some(Command::Update { id, value, note }) => on_stdout(|mut out| {
            let lang = who.lang;
            let hooks = who.hooks();
            let said = (lang, &hooks);
            commands::update::update(&file, &id, &value, note.as_deref(), said, today, &mut out)
                .and_then(done)
        }),
        Some(Command::Refresh { ids, dry_run }) => on_stdout(|mut out| {
            commands::refresh::run(&file, &who, (&ids, dry_run), today, &mut out)
        }),
        Some(Command::Status { short, json, check }) => on_stdout(|mut out| {
            commands::status::run(&file, &who, (short, json, check), today, &mut out)
        }),
        Some(Command::List { quarter, json }) => on_stdout(|mut out| {
            commands::list::run(&file, &who, (quarter, json), today, &mut out).and_then(done)
        }),
        Some(Command::Import {
            format,
            input,
            dry_run,
        }) => on_stdout(|mut out| {
            commands::import::run(
                &file,
                format,
                &input,
                dry_run,
                (who.lang, &who.hooks()),
                today,
                &mut out,
            )
            .and_then(done)
        }),
        Some(Command::Sync { setup }) => on_stdout(|mut out| {
            commands::sync::run(&file, setup, &who, keymap, &mut out).and_then(done)
        }),
        Some(Command::Ids) => {
            on_stdout(|mut out| commands::completions::ids_of(&file, &mut out).and_then(done))
        }
        Some(
            Command::Path { .. } | Command::Merge { .. } | Command::Keys | Command::External(_),
        )
        | Some(Command::Completions { .. } | Command::Man | Command::Schema) => {
            Ok(ExitCode::SUCCESS)
        }
    }
}
