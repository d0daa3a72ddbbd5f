//! `okr refresh`, with real commands: the number a command prints is
//! recorded as `okr update` records it; one that prints something else,
//! fails, hangs or cannot start is said and the others still recorded;
//! `--dry-run` saves nothing; a shell runs only for `shell =`; the lock is
//! not held while the commands run; and a data file that names a command
//! runs nothing.

use std::fs;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::fixture::FIXTURE;
use crate::support::{Run, Sandbox, key_result};

/// Writes the default config file of the sandbox (`okr/config.toml` in
/// its config folder) with this `[refresh]` section.
fn measuring(w: &Sandbox, section: &str) {
    let dir = w.config_home().join("okr");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), format!("[refresh]\n{section}")).unwrap();
}

fn current(w: &Sandbox, id: &str) -> Value {
    key_result(&w.json(), id)["measure"]["current"].clone()
}

fn history(w: &Sandbox, id: &str) -> Vec<Value> {
    key_result(&w.json(), id)["history"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `okr --lang en refresh ARGS` on the sandbox's data file.
fn refresh(w: &Sandbox, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "en", "refresh"];
    all.extend_from_slice(args);
    w.okr(&all)
}

/// The lines of stderr, each one sentence beginning `okr: `.
fn said(r: &Run) -> Vec<&str> {
    let lines: Vec<&str> = r.stderr.lines().collect();
    for l in &lines {
        assert!(l.starts_with("okr: "), "{l}");
        assert!(
            !l.contains('\u{1b}'),
            "an escape reached the terminal: {l:?}"
        );
    }
    lines
}

#[test]
fn the_number_a_command_prints_is_recorded_today_with_a_note_once_a_day() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let got = w.path().join("got");
    let hook = w.config_home().join("okr").join("hooks").join("on-save");
    fs::create_dir_all(hook.parent().unwrap()).unwrap();
    fs::write(&hook, format!("#!/bin/sh\ncat > \"{}\"\n", got.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).unwrap();
    measuring(&w, "kr1 = [\"echo\", \"42.5\"]\n");
    let r = refresh(&w, &[]);
    r.ok();
    assert_eq!(r.stdout, "kr1 Sälj för 100 miljoner: 12.5 → 42.5 MSEK\n");
    assert_eq!(current(&w, "kr1"), 42.5);
    let last = history(&w, "kr1").last().cloned().unwrap();
    assert_eq!(last["date"], "2026-11-24");
    assert_eq!(last["value"], 42.5);
    assert_eq!(last["note"], "measured automatically");
    // The on-save hook ran after the save, told what changed.
    let event: Value = serde_json::from_slice(&fs::read(&got).unwrap()).unwrap();
    assert_eq!(event["changed"][0]["item"], "kr1");
    assert_eq!(event["changed"][0]["value"], 42.5);
    // Again the same day: today's entry is replaced, not a second one added,
    // and in Swedish the note is Swedish (the notes of a day joined).
    measuring(&w, "kr1 = [\"printf\", \"  43\\n\"]\n");
    let before = history(&w, "kr1").len();
    let r = w.okr(&["--lang", "sv", "refresh"]);
    r.ok();
    assert_eq!(r.stdout, "kr1 Sälj för 100 miljoner: 42,5 → 43\u{a0}MSEK\n");
    let entries = history(&w, "kr1");
    assert_eq!(entries.len(), before);
    let last = entries.last().unwrap();
    assert_eq!(
        (last["date"].as_str(), last["value"].as_f64()),
        (Some("2026-11-24"), Some(43.0))
    );
    assert_eq!(last["note"], "measured automatically; mätt automatiskt");
}

#[test]
fn what_is_not_one_number_is_refused_shown_safely_and_the_others_still_recorded() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = [\"echo\", \"12,5\"]\n\
         kr2 = [\"echo\", \"4\"]\n\
         kr4 = [\"printf\", \"\\u001b[2J7\\n8\"]\n\
         kr5 = [\"true\"]\n\
         kr3 = [\"echo\", \"2\"]\n",
    );
    let r = refresh(&w, &[]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let lines = said(&r);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines[0].contains("kr1: the command printed '12,5'"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("like 12.5"), "{}", lines[0]);
    assert!(
        lines[1].contains("kr4") && lines[1].contains("'�[2J7�8'"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("kr5: the command printed nothing"),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains("kr3 is done or not done") && lines[3].contains("'2'"));
    assert_eq!(r.stdout, "kr2 Sänk ledtiden för offerter: 6 → 4 dagar\n");
    assert_eq!(current(&w, "kr2"), 4.0);
    assert_eq!(current(&w, "kr1"), 12.5);
}

#[test]
fn a_command_past_its_time_limit_is_stopped_and_said() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = { command = [\"sleep\", \"30\"], seconds = 1 }\n\
         kr2 = { shell = \"sleep 30; echo 3\" }\n\
         kr4 = [\"echo\", \"80\"]\n",
    );
    let mut c = w.command();
    c.env("OKR_REFRESH_SECONDS", "2");
    let start = Instant::now();
    let r = w.okr_with(c, &["--lang", "en", "refresh"]);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(r.code, Some(1));
    let lines = said(&r);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0]
            .contains("kr1: the command sleep did not end well: it was stopped after 1 seconds")
    );
    assert!(lines[0].contains("OKR_REFRESH_SECONDS"), "{}", lines[0]);
    assert!(
        lines[1].contains("kr2: the command sh did not end well: it was stopped after 2 seconds")
    );
    assert_eq!(current(&w, "kr4"), 80.0);
}

#[test]
fn a_command_that_fails_is_said_with_its_exit_code_and_last_line() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = [\"sh\", \"-c\", \"echo 5; echo first >&2; echo 'token expired' >&2; exit 4\"]\n\
         kr2 = [\"okr-no-such-program\", \"x\"]\n",
    );
    let r = w.okr(&["--lang", "sv", "refresh"]);
    assert_eq!(r.code, Some(1));
    let lines = said(&r);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].ends_with("kr1: kommandot sh gick inte bra: den slutade med kod 4: token expired"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("kr2: kommandot okr-no-such-program gick inte bra"),
        "{}",
        lines[1]
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(current(&w, "kr1"), 12.5, "a failed command records nothing");
}

#[test]
fn dry_run_runs_the_commands_and_saves_nothing() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let ran = w.path().join("ran");
    measuring(
        &w,
        &format!(
            "kr1 = {{ shell = \"touch '{}'; echo 70\" }}\n",
            ran.display()
        ),
    );
    let before = w.files();
    let r = refresh(&w, &["--dry-run"]);
    r.ok();
    assert!(ran.exists(), "the command did not run");
    fs::remove_file(&ran).unwrap();
    assert_eq!(
        r.stdout,
        "kr1 Sälj för 100 miljoner: 12.5 → 70 MSEK (--dry-run: not saved)\n"
    );
    assert_eq!(w.files(), before, "a dry run changed a file");
}

#[test]
fn a_list_runs_without_a_shell_and_a_shell_only_when_the_entry_says_so() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = [\"echo\", \"$((1+2))\"]\n\
         kr2 = { shell = \"echo $((1+2))\" }\n\
         kr4 = [\"echo 5\"]\n",
    );
    let r = refresh(&w, &[]);
    let lines = said(&r);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].contains("kr1: the command printed '$((1+2))'"),
        "{}",
        lines[0]
    );
    // A list's first word is the program's name, spaces and all.
    assert!(
        lines[1].contains("kr4: the command echo 5 did not end well"),
        "{}",
        lines[1]
    );
    assert_eq!(current(&w, "kr2"), 3.0);
    assert_eq!(current(&w, "kr1"), 12.5);
}

#[test]
fn the_ids_given_choose_what_runs_and_each_one_is_checked() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = [\"echo\", \"20\"]\n\
         KR2 = [\"echo\", \"5\"]\n\
         kr9 = [\"echo\", \"1\"]\n",
    );
    let r = refresh(&w, &["kr2", "kr2"]);
    r.ok();
    assert_eq!(r.stdout, "kr2 Sänk ledtiden för offerter: 6 → 5 dagar\n");
    assert_eq!(current(&w, "kr1"), 12.5, "kr1 was not asked for");
    let r = refresh(&w, &["kr3", "kr8", "k", "kr1"]);
    assert_eq!(r.code, Some(1));
    let lines = said(&r);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].contains("kr3 is not measured automatically"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("[refresh] in "), "{}", lines[0]);
    assert!(
        lines[1].contains("no key result with the id 'kr8'"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("'k' is the beginning of more than one"),
        "{}",
        lines[2]
    );
    assert_eq!(current(&w, "kr1"), 20.0);
    // Every entry: one that names no key result is said, the rest recorded.
    measuring(&w, "kr9 = [\"echo\", \"1\"]\nkr1 = [\"echo\", \"21\"]\n");
    let r = refresh(&w, &[]);
    assert_eq!(r.code, Some(1));
    let lines = said(&r);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("[refresh] names 'kr9'"), "{}", lines[0]);
    assert_eq!(current(&w, "kr1"), 21.0);
}

#[test]
fn the_lock_is_free_while_the_commands_run() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    // The command records another value with okr itself, which it could
    // not while refresh held the lock; refresh then saves over neither.
    let okr = env!("CARGO_BIN_EXE_okr");
    let file = w.file();
    measuring(
        &w,
        &format!(
            "kr1 = {{ shell = \"'{okr}' --file '{}' update kr2 5 >/dev/null && echo 30\" }}\n",
            file.display()
        ),
    );
    let r = refresh(&w, &[]);
    r.ok();
    assert_eq!(current(&w, "kr2"), 5.0);
    assert_eq!(current(&w, "kr1"), 30.0);
}

#[test]
fn without_a_refresh_section_nothing_runs_even_when_the_data_file_names_commands() {
    let w = Sandbox::new();
    let ran = w.path().join("ran");
    let touch = format!("touch '{}'; echo 99", ran.display());
    // A shared file naming commands, where a key result's fields and the
    // file's settings would hold them.
    let mut data: Value = serde_json::from_str(FIXTURE).unwrap();
    data["refresh"] = serde_json::json!({"kr1": {"shell": touch}});
    data["settings"]["refresh"] = serde_json::json!({"kr1": ["sh", "-c", touch]});
    data["objectives"][0]["key_results"][0]["refresh"] = serde_json::json!({"shell": touch});
    data["objectives"][0]["key_results"][0]["command"] = serde_json::json!(["sh", "-c", touch]);
    w.write_json(&data);
    let r = refresh(&w, &[]);
    r.fails(&[
        "no key result is measured automatically",
        "[refresh]",
        "config.toml",
    ]);
    let r = refresh(&w, &["kr1"]);
    assert_eq!(r.code, Some(1));
    // A config file that measures another key result runs only that one.
    measuring(&w, "kr2 = [\"echo\", \"3\"]\n");
    let r = refresh(&w, &[]);
    r.ok();
    let r = refresh(&w, &["kr1"]);
    assert!(
        said(&r)[0].contains("kr1 is not measured automatically"),
        "{}",
        r.stderr
    );
    assert!(!ran.exists(), "a command of the data file ran");
    assert_eq!(current(&w, "kr1"), 12.5);
    // And the file's unknown fields are kept on the save.
    assert_eq!(key_result(&w.json(), "kr1")["refresh"]["shell"], touch);
}

#[test]
fn a_bad_entry_refuses_the_config_file_at_its_line_and_column() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    measuring(
        &w,
        "kr1 = [\"echo\", \"1\"]\nkr2 = { shell = \"echo 1\", seconds = 0 }\n",
    );
    let r = refresh(&w, &[]);
    let line = r.fails(&[
        "config.toml",
        "line 3, column 27",
        "[refresh] kr2",
        "seconds",
        "not 0",
    ]);
    assert!(line.contains("1 to 3600"), "{line}");
    assert_eq!(current(&w, "kr1"), 12.5);
    measuring(&w, "kr1 = \"gh issue list\"\n");
    let r = w.okr(&["--lang", "sv", "status"]);
    r.fails(&["rad 2, kolumn 1", "[refresh] kr1", "{ shell = \"…\" }"]);
}
