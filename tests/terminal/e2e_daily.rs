//! End to end in a real terminal (tmux): a day's work from an empty file to
//! quit in English and Swedish, bad input in a form, and windows of any size.

use std::time::Instant;

use crate::support::term::{EN, SV, Term, Words};
use crate::support::{POLL, Sandbox, TODAY, WAIT};
use serde_json::Value;

/// The scenario: a day's work from an empty file to quit, with the
/// screen checked after every step and the file checked at the end.
fn daily_scenario(w: &Words, objective: &str, key_result: &str, initiative: &str) {
    let sandbox = Sandbox::new();
    assert!(!sandbox.file().exists());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command(w.lang));
    t.wait_for(w.empty_hint);

    // A Mål.
    t.press("a");
    t.wait_for(w.new_objective);
    t.type_text(objective);
    t.wait_for(objective);
    t.press("Enter");
    t.wait_gone(w.new_objective);
    t.wait_for(&format!("▸ {objective}"));
    t.wait_for(w.no_key_results);

    // A numeric key result: start 0 (prefilled), target 10, unit "calls".
    t.press("Tab");
    t.wait_for(&format!("▶ {}", w.key_results));
    t.press("a");
    t.wait_for(w.new_key_result);
    t.type_text(key_result);
    t.wait_for(key_result);
    t.press("Tab"); // Measure: a number is the first choice.
    t.press("Tab"); // Start, prefilled 0.
    t.press("Tab"); // Target.
    t.type_text("10");
    t.press("Tab"); // Current: empty means the start.
    t.press("Tab"); // Unit.
    t.type_text(w.unit);
    t.wait_for(w.unit);
    t.press("Enter");
    t.wait_gone(w.new_key_result);
    t.wait_for(&format!("0 / 10{}{}", w.unit_gap, w.unit));

    // Its value with `v`: the field holds the current value, so clear it first.
    t.press("v");
    t.wait_for(w.new_value);
    t.press("C-u");
    t.type_text("4");
    t.press("Enter");
    t.wait_gone(w.new_value);
    t.wait_for(&format!("4 / 10{}{}", w.unit_gap, w.unit));

    // The detail (from the Mål list: Enter on a key result opens its own
    // view), an Uppgift, ticked and the tick undone.
    t.press("Escape");
    t.wait_gone(&format!("▶ {}", w.key_results));
    t.press("Enter");
    t.wait_for(&format!("{} (0/0)", w.initiatives));
    t.press("Tab");
    t.wait_for(&format!("▶ {} (0/0)", w.initiatives));
    t.press("a");
    t.wait_for(w.new_initiative);
    t.type_text(initiative);
    t.wait_for(initiative);
    t.press("Enter");
    t.wait_gone(w.new_initiative);
    t.wait_for(&format!("[ ] {initiative}"));
    t.press("x");
    t.wait_for(&format!("[x] {initiative}"));
    t.wait_for(&format!("{} (1/1)", w.initiatives));
    t.press("u");
    t.wait_for(w.undone);
    t.wait_for(&format!("[ ] {initiative}"));
    t.wait_for(&format!("{} (0/1)", w.initiatives));

    t.press("q");
    assert_eq!(t.wait_exit(), 0, "okr exits 0 on q");

    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 1, "one objective: {data:#}");
    let o = &objectives[0];
    assert_eq!(o["title"], objective);
    assert_eq!(o["quarter"], "2026-Q4");
    let krs = o["key_results"].as_array().expect("key_results");
    assert_eq!(krs.len(), 1, "one key result: {o:#}");
    let k = &krs[0];
    assert_eq!(k["title"], key_result);
    assert_eq!(k["measure"]["type"], "numeric");
    assert_eq!(k["measure"]["start"], 0.0);
    assert_eq!(k["measure"]["target"], 10.0);
    assert_eq!(k["measure"]["current"], 4.0);
    assert_eq!(k["measure"]["unit"], w.unit);
    let history = k["history"].as_array().expect("history");
    assert!(
        history
            .iter()
            .any(|h| h["value"] == 4.0 && h["date"] == TODAY),
        "a history entry with value 4 today: {history:#?}"
    );
    let inits = o["initiatives"].as_array().expect("initiatives");
    assert_eq!(inits.len(), 1, "one initiative: {o:#}");
    assert_eq!(inits[0]["title"], initiative);
    assert!(
        inits[0].get("done").is_none_or(Value::is_null),
        "the tick was undone: {:#}",
        inits[0]
    );
}

#[test]
fn a_days_work_in_english_ends_up_in_the_file() {
    daily_scenario(
        &EN,
        "Happy customers",
        "Customer calls",
        "Call ten customers",
    );
}

#[test]
fn a_days_work_in_swedish_ends_up_in_the_file() {
    daily_scenario(&SV, "Nöjda kunder", "Kundsamtal", "Ring tio kunder");
}

#[test]
fn bad_input_keeps_the_form_open_with_what_was_typed() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);

    // An empty title.
    t.press("a");
    t.wait_for(EN.new_objective);
    t.press("Enter");
    t.wait_for("Write a title.");
    t.wait_for(EN.new_objective);
    t.type_text("Fewer bugs");
    t.wait_gone("Write a title.");
    t.press("Enter");
    t.wait_gone(EN.new_objective);
    t.wait_for("▸ Fewer bugs");

    // A target that is not a number.
    t.press("Tab");
    t.wait_for(&format!("▶ {}", EN.key_results));
    t.press("a");
    t.wait_for(EN.new_key_result);
    t.type_text("Open bugs");
    t.press("Tab"); // Measure.
    t.press("Tab"); // Start.
    t.press("Tab"); // Target.
    t.type_text("abc");
    t.press("Enter");
    let screen = t.wait_for("Not a number");
    assert!(
        screen.contains(EN.new_key_result),
        "the form stays:\n{screen}"
    );
    let target = screen
        .lines()
        .find(|l| l.contains("Target"))
        .unwrap_or_else(|| panic!("a Target field:\n{screen}"));
    assert!(target.contains("abc"), "what was typed is kept:\n{screen}");
    assert!(screen.contains("Open bugs"), "the title is kept:\n{screen}");

    t.press("C-u");
    t.type_text("10");
    t.wait_gone("Not a number");
    t.press("Enter");
    t.wait_gone(EN.new_key_result);
    t.wait_for("0 / 10");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let o = &data["objectives"][0];
    assert_eq!(o["title"], "Fewer bugs");
    assert_eq!(o["key_results"][0]["title"], "Open bugs");
    assert_eq!(o["key_results"][0]["measure"]["target"], 10.0);
}

/// Whether a process has a handler for SIGWINCH (Linux: `SigCgt` in
/// `/proc/PID/status`); `None` where that cannot be read.
fn catches_sigwinch(pid: u32) -> Option<bool> {
    const SIGWINCH: u32 = 28;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let mask = status.lines().find_map(|l| l.strip_prefix("SigCgt:"))?;
    let mask = u64::from_str_radix(mask.trim(), 16).ok()?;
    Some(mask & (1 << (SIGWINCH - 1)) != 0)
}

#[test]
fn a_small_window_says_so_and_a_larger_one_shows_the_quarter() {
    let sandbox = Sandbox::new();
    // A file that is there is locked at once, so its lock names okr's pid.
    std::fs::write(sandbox.file(), "{\"version\": 2}\n").unwrap();
    let t = Term::start(&sandbox, 30, 8, &sandbox.session_command("en"));
    t.wait_for("too small");

    // okr listens for resizes only once its input thread has started
    // reading (crossterm registers SIGWINCH lazily); a resize before that is
    // lost. Wait for the handler, so the test checks the redraw, not the race.
    let pid = sandbox.locker_pid();
    let start = Instant::now();
    loop {
        match catches_sigwinch(pid) {
            Some(true) => break,
            Some(false) => {}
            None if cfg!(target_os = "linux") => {
                panic!("/proc/{pid}/status cannot be read on Linux")
            }
            None => {
                println!("no /proc here: the resize is sent without waiting for okr to listen");
                break;
            }
        }
        assert!(start.elapsed() < WAIT, "okr never listened for SIGWINCH");
        std::thread::sleep(POLL);
    }

    t.resize(100, 30);
    t.wait_for(EN.empty_hint);
    t.wait_gone("too small");

    // No size panics, down to 1×1, and what is typed survives the sizes.
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text("Tiny windows");
    t.wait_for("Tiny windows");
    t.resize(1, 1);
    t.wait_until("the 1×1 screen", |s| s.trim() == "T");
    t.resize(39, 12);
    t.wait_for("too small");
    t.resize(40, 12);
    t.wait_for("Tiny windows");
    t.wait_gone("too small");
    t.resize(100, 30);
    t.wait_for(EN.form_keys);
    t.press("Enter");
    t.wait_for("▸ Tiny windows");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(sandbox.json()["objectives"][0]["title"], "Tiny windows");
}
