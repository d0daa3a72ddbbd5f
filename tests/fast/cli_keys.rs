//! `okr keys`: the key table in force, in either language, with the config
//! file's own keys; a `keys` section okr cannot use refused, by every
//! command, with the file, the line and what is wrong, and exit code 2.

use std::fs;
use std::path::PathBuf;

use crate::support::fixture::FIXTURE;
use crate::support::{Run, Sandbox, display};

/// A config file in the sandbox holding `text`.
fn config(w: &Sandbox, text: &str) -> PathBuf {
    let path = w.path().join("config.json");
    fs::write(&path, text).unwrap();
    path
}

/// Exit code 2, nothing on stdout and one sentence on stderr beginning
/// `okr: ` with each of `words` in it.
fn refused<'a>(r: &'a Run, words: &[&str]) -> &'a str {
    assert_eq!(r.code, Some(2), "expected exit 2\nstderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
    let line = r.stderr.strip_suffix('\n').unwrap_or(&r.stderr);
    assert!(!line.contains('\n'), "more than one line: {line:?}");
    assert!(line.starts_with("okr: "), "{line}");
    for w in words {
        assert!(line.contains(w), "{w:?} is not in: {line}");
    }
    line
}

#[test]
fn keys_lists_every_context_and_action_in_either_language() {
    let w = Sandbox::new();
    let r = w.okr(&["keys"]);
    r.ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines.iter().all(|l| l.split('\t').count() == 4),
        "{}",
        r.stdout
    );
    for want in [
        "quarter\tadd\ta\tadd",
        "quarter\tundo\tu\tundo",
        "quarter\tquit\tq ctrl-c\tquit",
        "form\tsave\tenter ctrl-s\tsave",
        "text-field\thelp\tf1\thelp",
        "pulse\trate\t1–5\trate the pillar",
    ] {
        assert!(lines.contains(&want), "{want:?} in\n{}", r.stdout);
    }
    let contexts: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    for ctx in [
        "quarter",
        "detail-initiatives",
        "help",
        "confirm",
        "search",
        "area-field",
    ] {
        assert!(contexts.contains(&ctx), "{ctx}");
    }
    let r = w.okr(&["--lang", "sv", "keys"]);
    r.ok();
    assert!(
        r.stdout.contains("quarter\tadd\ta\tlägg till\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("quarter\tundo\tu\tångra\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn keys_shows_the_config_files_own_keys_in_its_language() {
    let w = Sandbox::new();
    let c = config(
        &w,
        r#"{"language": "sv", "keys": {"add": "ctrl-n", "quarter.undo": ["ctrl-z", "u"], "quit": "ctrl-q"}}"#,
    );
    let r = w.okr(&["--config", c.to_str().unwrap(), "keys"]);
    r.ok();
    for want in [
        "quarter\tadd\tctrl-n\tlägg till",
        "detail-initiatives\tadd\tctrl-n\tlägg till",
        "quarter\tundo\tctrl-z u\tångra",
        "review\tundo\tu\tångra",
        // Ctrl-C quits whatever the file says.
        "quarter\tquit\tctrl-q ctrl-c\tavsluta",
    ] {
        assert!(
            r.stdout.contains(&format!("{want}\n")),
            "{want:?} in\n{}",
            r.stdout
        );
    }
    // It needs no data file: a broken one does not matter.
    fs::write(w.file(), "{ not json").unwrap();
    w.okr(&["--config", c.to_str().unwrap(), "keys"]).ok();
}

#[test]
fn a_conflicting_binding_is_refused_with_the_file_the_line_and_both_actions() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let before = fs::read(&file).unwrap();
    let c = config(
        &w,
        "{\n  \"owner\": \"Anna\",\n  \"keys\": {\n    \"quit\": \"ctrl-q\",\n    \"add\": \"e\"\n  }\n}\n",
    );
    let cs = c.to_str().unwrap();
    let name = display(&c);
    for args in [
        &["keys"][..],
        &["export"][..],
        &["update", "kr1", "5"][..],
        &[][..],
    ] {
        let mut all = vec!["--config", cs];
        all.extend_from_slice(args);
        refused(
            &w.okr(&all),
            &[
                &name,
                "line 5, column 5",
                "\"e\"",
                "\"add\"",
                "\"edit\"",
                "quarter view",
            ],
        );
    }
    refused(
        &w.okr(&["--config", cs, "--lang", "sv", "keys"]),
        &[
            "inställningsfilen",
            &name,
            "rad 5, kolumn 5",
            "både \"add\" och \"edit\"",
            "kvartalsvyn",
        ],
    );
    // A key that would take another's last key in a mode: both named too.
    let c = config(&w, "{\"keys\": {\n\"form.save\": \"ctrl-u\"}}");
    refused(
        &w.okr(&["--config", c.to_str().unwrap(), "keys"]),
        &[
            "line 2",
            "\"Ctrl-U\"",
            "\"edit-text\"",
            "\"save\"",
            "a text field",
        ],
    );
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the data file is untouched"
    );
}

#[test]
fn an_unknown_action_or_a_key_okr_cannot_read_is_refused() {
    let w = Sandbox::new();
    let cases = [
        (
            "{\"keys\": {\n  \"undoo\": \"z\"\n}}",
            vec!["line 2", "\"undoo\"", "no action"],
        ),
        (
            "{\"keys\": {\"add\": \"ctrl-n\",\n \"undo\": [\"ctrl+z\"]}}",
            vec!["line 2", "\"ctrl+z\"", "\"undo\"", "ctrl-z, alt-x"],
        ),
        (
            "{\"keys\": {\n \"add\": 3}}",
            vec!["line 2", "\"add\"", "a list of keys"],
        ),
        ("{\"keys\": [\"add\"]}", vec!["line 1", "a table"]),
        (
            "{\"keys\": {\"add\": \"esc\"}}",
            vec!["\"Esc\"", "\"add\"", "keeps its meaning"],
        ),
        (
            "{\"keys\": {\"form.save\": \"s\"}}",
            vec!["\"s\"", "\"save\"", "typed"],
        ),
        (
            "{\"keys\": {\"rate\": \"r\"}}",
            vec!["\"rate\"", "cannot be changed"],
        ),
    ];
    for (text, words) in cases {
        let c = config(&w, text);
        refused(&w.okr(&["--config", c.to_str().unwrap(), "keys"]), &words);
    }
    // In the language the file asks for, when no flag says otherwise.
    let c = config(&w, "{\"language\": \"sv\",\n\"keys\": {\"undoo\": \"z\"}}");
    refused(
        &w.okr(&["--config", c.to_str().unwrap(), "keys"]),
        &["rad 2", "\"undoo\"", "inte är något kommando"],
    );
    // `okr path` still answers, to say where the file is.
    w.okr(&["--config", c.to_str().unwrap(), "path"]).ok();
}
