//! The command line in the user's language: clap's tree from [`Cli`] with,
//! in Swedish, every help text, heading and usage name from the string
//! table ([`crate::i18n::help`]). `okr --help`, usage errors and `okr man`
//! all come from here.

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::cli::Cli;
use crate::i18n::help::{self, HelpWords};
use crate::model::Lang;

/// The Swedish help words; English is the doc comments in `cli.rs`.
pub fn words(lang: Lang) -> Option<&'static HelpWords> {
    match lang {
        Lang::Sv => Some(&help::SV),
        Lang::En => None,
    }
}

/// The language of the help before the command line is parsed: `--lang`
/// as typed, else the locale (else Swedish, as everywhere).
pub fn lang_of_args(args: &[std::ffi::OsString]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(v) => v.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("sv") => flag = Some(Lang::Sv),
            Some("en") => flag = Some(Lang::En),
            _ => {}
        }
    }
    crate::i18n::choose_lang(flag, None)
}

/// The whole command line in `lang`, built.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    if let Some(w) = words(lang) {
        cmd = in_swedish(cmd, "", w);
    }
    cmd.build();
    if let Some(w) = words(lang) {
        cmd = usages(cmd, w);
    }
    cmd
}

/// A command and its subcommands with the Swedish texts.
fn in_swedish(mut cmd: Command, name: &str, w: &'static HelpWords) -> Command {
    cmd = match name {
        "" => cmd.about(w.about).after_help(w.after_help),
        _ => match w.text(name, "") {
            Some(t) => cmd.about(t),
            None => cmd,
        },
    };
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| argument(a, name, w));
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        w.usage
    );
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help_flag)
                .help_heading(w.options),
        )
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_name)
        .help_template(template);
    if name.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version_flag)
                .help_heading(w.options),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |c| in_swedish(c, &sub, w));
    }
    cmd
}

/// An argument's Swedish help, heading, default and values.
fn argument(a: Arg, command: &str, w: &HelpWords) -> Arg {
    let own = w.text(command, a.get_id().as_str());
    let text = own.or_else(|| w.text("", a.get_id().as_str()));
    let heading = if a.is_positional() {
        w.arguments
    } else {
        w.options
    };
    let mut help = text.map(str::to_string).unwrap_or_default();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        help = format!("{help} {}", (w.default)(&defaults.join(", ")));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // `--lang sv|en` names its values already.
    if !values.is_empty() && !a.is_hide_possible_values_set() && a.get_id() != "lang" {
        help = format!("{help} {}", (w.values)(&values.join(", ")));
    }
    let takes_values = a.get_action().takes_values();
    let name = match a.get_value_names() {
        Some([one]) => one.to_string(),
        _ => a.get_id().as_str().to_uppercase(),
    };
    let mut a = a.help(help).help_heading(heading);
    if let Some((_, sv)) = w.value_names.iter().find(|(en, _)| *en == name) {
        a = a.value_name(*sv);
    }
    if takes_values {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    }
}

/// Usage lines with Swedish names for `[OPTIONS]` and `[COMMAND]`, and the
/// help subcommand's line.
fn usages(mut cmd: Command, w: &'static HelpWords) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", w.options_name)
        .replace("[COMMAND]", &format!("[{}]", w.command_name))
        .replace("<COMMAND>", &format!("<{}>", w.command_name));
    cmd = cmd.override_usage(usage);
    if cmd.get_name() == "okr" {
        cmd = cmd.mut_subcommand("help", |c| c.about(w.help_flag));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |c| usages(c, w));
    }
    cmd
}
