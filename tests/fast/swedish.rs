//! The Swedish interface reads as Swedish: the glossary's terms stay (no
//! retired word, French quotation mark or English em dash comes back in the
//! Swedish tables), the help and manual are Swedish, `j` answers yes, and
//! Swedish words are read where a user types them.

use crate::support::Sandbox;
use crate::support::app::*;
use okr::app::Modal;
use okr::model::Lang;

/// The Swedish tables: every source file of Swedish words, and the Swedish
/// half of the files that hold both languages.
fn swedish_tables() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    let mut files = vec![root.join("sv.rs"), root.join("help.rs")];
    for e in std::fs::read_dir(root.join("sv")).unwrap() {
        files.push(e.unwrap().path());
    }
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect();
    let live = std::fs::read_to_string(root.join("live.rs")).unwrap();
    let start = live.find("pub const SV").unwrap();
    let end = live.find("pub const EN").unwrap();
    out.push(("live.rs (SV)".into(), live[start..end].to_string()));
    out
}

/// The lines of a table that are words, not comments, and not the old
/// Swedish words kept on purpose as aliases for what a user types.
fn worded_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut aliases = false;
    text.lines().enumerate().filter(move |(_, l)| {
        let t = l.trim_start();
        if t.starts_with("// aliases:") {
            aliases = true;
        }
        if t.starts_with("// end of aliases") {
            aliases = false;
        }
        !t.starts_with("//") && !aliases && !t.starts_with("#[cfg(test)]")
    })
}

#[test]
fn the_swedish_tables_use_no_retired_word_and_no_foreign_marks() {
    // The glossary in SWEDISH.md: the words it retired, and the marks that
    // are not Swedish typography.
    let retired = [
        "efter takt",
        "inaktuell",
        "flyttat vidare",
        "föra vidare",
        "föras vidare",
        "fört vidare",
        "för vidare",
        "överföring",
        "övermål",
        "betygsät",
        "hoppades över",
        "\"lyckat\"",
        "\"missat\"",
        "gjort igen",
        "handling",
        "siffra (",
        "ideal takt",
        "detta kvartal",
        "denna vecka",
        "rörde sig",
        "har inte formen",
        "lämnades som den var",
        "la till",
        "ej klar",
        "«",
        "»",
        "—",
    ];
    let mut found = Vec::new();
    for (file, text) in swedish_tables() {
        let text = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .to_string();
        for (n, line) in worded_lines(&text) {
            let lower = line.to_lowercase();
            for word in retired {
                if lower.contains(&word.to_lowercase()) {
                    found.push(format!("{file}:{}: {word:?} in {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn help_and_manual_follow_the_language() {
    let w = Sandbox::new();
    let r = w.run(&["--lang", "sv", "--help"]);
    r.ok();
    for sv in [
        "Användning: okr [FLAGGOR] [KOMMANDO]",
        "Kommandon:",
        "Flaggor:",
        "Visa hjälpen",
        "Öppna direkt i veckans incheckning",
        "--file <SÖKVÄG>",
    ] {
        assert!(r.stdout.contains(sv), "{sv} missing:\n{}", r.stdout);
    }
    for en in ["Usage:", "Options:", "Print help", "Open straight"] {
        assert!(!r.stdout.contains(en), "{en} in:\n{}", r.stdout);
    }
    let r = w.run(&["--lang=sv", "update", "--help"]);
    r.ok();
    assert!(r.stdout.contains("<VÄRDE>"), "{}", r.stdout);
    assert!(r.stdout.contains("inte klar"), "{}", r.stdout);
    // The locale decides when --lang is not given.
    let mut c = w.command();
    c.env("LC_ALL", "sv_SE.UTF-8");
    let r = w.run_with(c, &["--help"]);
    assert!(r.stdout.contains("Användning:"), "{}", r.stdout);
    // English stays English.
    let r = w.run(&["--lang", "en", "export", "--help"]);
    assert!(r.stdout.contains("[default: md]"), "{}", r.stdout);
    let r = w.run(&["--lang", "sv", "export", "--help"]);
    assert!(r.stdout.contains("[standard: md]"), "{}", r.stdout);

    let r = w.run(&["--lang", "sv", "man"]);
    r.ok();
    for sv in ["Öppna direkt i veckans incheckning", "Datafilen, när"] {
        assert!(r.stdout.contains(sv), "{sv} missing:\n{}", r.stdout);
    }
    assert!(r.stdout.contains("står på engelska"), "{}", r.stdout);
    assert!(!r.stdout.contains("Open straight"), "{}", r.stdout);
}

#[test]
fn every_argument_has_its_swedish_help() {
    let cmd = okr::help::command(Lang::Sv);
    let en = okr::help::command(Lang::En);
    for sub in en.get_subcommands().filter(|c| !c.is_hide_set()) {
        let name = sub.get_name();
        let sv = cmd.find_subcommand(name).unwrap();
        assert_ne!(
            sv.get_about().map(|a| a.to_string()),
            sub.get_about().map(|a| a.to_string()),
            "{name} has no Swedish line"
        );
        for a in sub.get_arguments() {
            let id = a.get_id().as_str();
            let there = sv.get_arguments().find(|b| b.get_id() == id).unwrap();
            assert_ne!(
                there.get_help().map(|h| h.to_string()),
                a.get_help().map(|h| h.to_string()),
                "{name} {id} has no Swedish help"
            );
        }
    }
}

#[test]
fn j_answers_yes_in_swedish_and_y_still_does() {
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    let n = h.file().objectives.len();
    h.keys(&[ch('d')]);
    assert!(matches!(h.app.modal(), Some(Modal::Confirm { .. })));
    let shown = screen(&h.app, 120, 30);
    assert!(shown.contains("j/J ja, ta bort"), "{shown}");
    assert!(!shown.contains("y/Y"), "{shown}");
    h.keys(&[ch('j')]);
    assert_eq!(h.file().objectives.len(), n - 1, "j deletes");
    h.keys(&[ch('d'), ch('y')]);
    assert_eq!(h.file().objectives.len(), n - 2, "y is kept as an alias");
    // In English, j is no answer at all.
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('d'), ch('j')]);
    assert!(matches!(h.app.modal(), Some(Modal::Confirm { .. })));
    assert_eq!(h.file().objectives.len(), n);
}

#[test]
fn the_space_key_is_mellanslag_in_swedish() {
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.keys(&[ch('?')]);
    let shown = screen(&h.app, 120, 60);
    assert!(shown.contains("Mellanslag"), "{shown}");
    assert!(!shown.contains("Space"), "{shown}");
}

/// At 80 columns the review's rows end on whole words in Swedish: the bar
/// gives way to the longer words (status, score band) and the carry
/// proposal fits, so no word is cut and nothing shows beside the form.
#[test]
fn the_review_rows_fit_80_columns_in_swedish() {
    let mut h = Harness::new(Some(crate::support::quarterly::carried()), Lang::Sv);
    h.keys(&[ch('['), ch('r')]);
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("· inte i mål · överflyttat"), "{text}");
    let mut h = Harness::new(Some(crate::support::quarterly::carried()), Lang::Sv);
    h.keys(&[ch('r')]);
    let text = screen(&h.app, 80, 24);
    assert!(
        text.contains("→ Förslag: flytta över – låt målet vara kvar tills du lyckats"),
        "{text}"
    );
}
