//! `okr man`: the manual page, generated from the command-line definition
//! in [`crate::cli`] (in the language asked), so it never falls behind it.

use std::io::Write;

use crate::error::Result;
use clap::Arg;
use roff::{Roff, bold, italic, roman};

use crate::model::Lang;

/// `okr man`: the manual page, okr(1), in roff: clap's sections, then one
/// per command with its arguments, the environment and the files.
pub fn man(lang: Lang, out: &mut impl Write) -> Result<()> {
    let cmd = crate::help::command(lang);
    let words = crate::help::words(lang);
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    let mut roff = Roff::default();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
    {
        command_section(&mut roff, sub);
    }
    match words {
        Some(w) => {
            section(&mut roff, "ENVIRONMENT", true, w.environment);
            section(&mut roff, "FILES", false, w.files);
            roff.control("SH", ["NOTE"]);
            roff.text([roman(w.man_note)]);
        }
        None => {
            section(&mut roff, "ENVIRONMENT", true, ENVIRONMENT);
            section(&mut roff, "FILES", false, FILES);
        }
    }
    roff.to_writer(out)?;
    page.render_extra_section(out)?;
    page.render_version_section(out)?;
    Ok(())
}

/// A command's own part of the page: its synopsis, what it does, and each
/// of its arguments.
fn command_section(roff: &mut Roff, sub: &clap::Command) {
    let own: Vec<&Arg> = sub
        .get_arguments()
        .filter(|a| !a.is_global_set() && !a.is_hide_set())
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .collect();
    let mut synopsis = vec![bold(format!("okr {}", sub.get_name()))];
    for a in &own {
        synopsis.push(roman(" "));
        let shape = shape(a);
        synopsis.push(roman(if a.is_required_set() {
            shape
        } else {
            format!("[{shape}]")
        }));
    }
    roff.control("SS", [sub.get_name()]);
    roff.text(synopsis);
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        roff.control("PP", []);
        roff.text([roman(about.to_string())]);
    }
    for a in own {
        roff.control("TP", []);
        roff.text([italic(shape(a))]);
        if let Some(help) = a.get_long_help().or(a.get_help()) {
            roff.text([roman(help.to_string())]);
        }
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            roff.text([roman(format!(" ({})", values.join(", ")))]);
        }
    }
}

/// How an argument is written: `--owner NAME`, `--short`, `ID`.
fn shape(a: &Arg) -> String {
    let value = a
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
    match a.get_long() {
        Some(long) if takes_value => format!("--{long} {value}"),
        Some(long) => format!("--{long}"),
        None => value,
    }
}

/// The ENVIRONMENT section in English.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("OKR_FILE", "The data file, when --file is not given."),
    (
        "OKR_CONFIG",
        "The personal config file, when --config is not given.",
    ),
    (
        "OKR_OWNER",
        "Who I am, when --owner is not given; before the config file's owner and the user name (USER, USERNAME).",
    ),
    (
        "OKR_TODAY",
        "Pins today's date (YYYY-MM-DD), for demos and tests.",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The interface language when neither --lang, the config file's language nor a data file of format 1 sets one: a value starting with sv gives Swedish, en English.",
    ),
    ("NO_COLOR", "Turns colour off in the tracker."),
    (
        "OKR_REFRESH_SECONDS",
        "How long each command of okr refresh may run (1 to 3600 seconds; default 10), unless its entry gives seconds.",
    ),
];

/// The FILES section in English.
const FILES: &[(&str, &str)] = &[
    (
        "okr.json",
        "The data file, in the platform's data folder unless --file or OKR_FILE names another (okr path prints it). Beside it: okr.json.lock while okr writes, okr.json.bak, the file as it was before a run's first save.",
    ),
    (
        "config.toml",
        "The personal config file (TOML), never shared: owner (who I am), language (sv or en: after --lang, before a data file's own setting and the locale), keys (your own key bindings; okr keys prints them) and refresh (the commands okr refresh measures key results with, by id). It is in the platform's config folder unless --config or OKR_CONFIG names another (okr path prints it); a file whose name ends in .json is read as JSON. A config.json of an earlier okr is moved here once and kept as config.json.bak.",
    ),
];

/// A section of names, each with its text (ENVIRONMENT, FILES).
/// The names are bold, or (files) italic.
fn section(roff: &mut Roff, title: &str, bold_names: bool, items: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (name, what) in items {
        roff.control("TP", []);
        roff.text([if bold_names {
            bold(*name)
        } else {
            italic(*name)
        }]);
        roff.text([roman(*what)]);
    }
}
