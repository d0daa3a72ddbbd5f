//! End to end in a real terminal (tmux): the file and the terminal are kept
//! safe through SIGTERM, a second okr, a second run, a file changed by
//! others, a read-only file and a window too small to show anything.

use std::process::Command;

use crate::support::Sandbox;
use crate::support::term::{EN, Term, add_objective, sh_quote};
use serde_json::Value;

#[test]
fn sigterm_keeps_the_change_restores_the_terminal_and_exits_143() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "okr draws on the alternate screen"
    );
    add_objective(&t, "Survive a SIGTERM");

    // okr runs under the session's shell; its pid is in the lock file.
    let pid = sandbox.locker_pid();
    let kill = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("running kill");
    assert!(kill.success(), "kill -TERM {pid} failed");

    assert_eq!(t.wait_exit(), 143, "128 + SIGTERM");
    let screen = t.screen();
    assert!(
        !screen.contains("Survive a SIGTERM"),
        "the alternate screen was left:\n{screen}"
    );
    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 1, "the change was saved: {data:#}");
    assert_eq!(objectives[0]["title"], "Survive a SIGTERM");
}

#[test]
fn a_second_okr_on_the_same_file_is_told_and_exits_1() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Only one writer");
    let before = sandbox.wait_for_file("Only one writer");

    let second = sandbox.okr_e2e(&["--lang", "en"]);
    let stderr = &second.stderr;
    assert_eq!(
        second.code,
        Some(1),
        "the second okr exits 1; stderr: {stderr}"
    );
    assert!(
        stderr.contains("is already open in another okr"),
        "the second okr says why: {stderr}"
    );
    assert!(
        stderr.contains(&*sandbox.file().to_string_lossy()),
        "and names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        before,
        "the second okr wrote nothing"
    );

    // The first one is unharmed and still saves.
    add_objective(&t, "Still mine");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    assert_eq!(
        data["objectives"].as_array().map(Vec::len),
        Some(2),
        "{data:#}"
    );
}

#[test]
fn a_second_run_keeps_a_copy_of_the_file_before_its_first_write() {
    let sandbox = Sandbox::new();
    let first = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    first.wait_for(EN.empty_hint);
    add_objective(&first, "From the first run");
    first.press("q");
    assert_eq!(first.wait_exit(), 0);
    drop(first);
    let before = std::fs::read_to_string(sandbox.file()).unwrap();

    let second = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    second.wait_for("From the first run");
    second.press("j"); // Stay on the list; a new Mål goes last.
    add_objective(&second, "From the second run");
    second.press("q");
    assert_eq!(second.wait_exit(), 0);

    let backup = sandbox.path().join("okr.json.bak");
    let kept = std::fs::read_to_string(&backup)
        .unwrap_or_else(|e| panic!("reading {}: {e}", backup.display()));
    assert_eq!(
        kept, before,
        "the backup is the file as the second run found it"
    );
    let titles: Vec<Value> = sandbox.json()["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .map(|o| o["title"].clone())
        .collect();
    assert_eq!(titles, ["From the first run", "From the second run"]);
}

/// okr with one saved Mål whose file someone else then rewrote into
/// something okr cannot read (cut short), and a second Mål added after
/// that. Returns what the other program wrote. (A file okr can read is
/// merged instead: tests/store/team_live.rs, tests/terminal/e2e_live.rs.)
fn conflict(sandbox: &Sandbox) -> (Term, String) {
    let t = Term::start(sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Mine");
    sandbox.wait_for_file("Mine");

    let theirs = sandbox.json().to_string();
    let theirs = theirs[..theirs.len() / 2].replace("Mine", "Theirs");
    std::fs::write(sandbox.file(), &theirs).unwrap();
    t.wait_for("cannot be read now");

    add_objective(&t, "Also mine");
    t.wait_for("was changed by another program");
    (t, theirs)
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten() {
    let sandbox = Sandbox::new();
    let (t, theirs) = conflict(&sandbox);
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        theirs,
        "their file is left as they wrote it"
    );
    let copy = sandbox.path().join("okr.json.conflict");
    let copy = std::fs::read_to_string(&copy)
        .unwrap_or_else(|e| panic!("reading {}: {e}", copy.display()));
    assert!(
        copy.contains("Mine") && copy.contains("Also mine"),
        "okr's state is in the conflict copy:\n{copy}"
    );

    // With a save problem the first q only warns; the second quits.
    t.press("q");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        theirs,
        "quitting does not overwrite their file either"
    );
}

#[test]
fn quitting_with_a_save_problem_says_press_q_again() {
    let sandbox = Sandbox::new();
    let (t, _) = conflict(&sandbox);
    t.press("q");
    t.wait_for("Press q again");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_conflict_says_where_the_changes_went() {
    let sandbox = Sandbox::new();
    let (t, _) = conflict(&sandbox);
    t.wait_for("okr.json.conflict");
}

#[test]
fn the_tracker_on_a_new_path_makes_nothing_until_it_saves() {
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("not").join("yet").join("okr.json");
    let command = sandbox.session_command("en").replace(
        &sh_quote(&sandbox.file().to_string_lossy()),
        &sh_quote(&file.to_string_lossy()),
    );
    let t = Term::start(&sandbox, 80, 24, &command);
    t.wait_for(EN.empty_hint);
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(
        !sandbox.path().join("not").exists(),
        "opening and quitting left no folder and no lock"
    );

    // Once it saves, the folder, the file and its lock are there, and a
    // second okr is refused.
    let t = Term::start(&sandbox, 80, 24, &command);
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Made at last");
    let start = std::time::Instant::now();
    while !std::fs::read_to_string(&file).is_ok_and(|f| f.contains("Made at last")) {
        assert!(start.elapsed() < crate::support::WAIT, "never saved");
        std::thread::sleep(crate::support::POLL);
    }
    let second = sandbox.run_with(
        sandbox.command_of(crate::support::okr_binary()),
        &["--file", file.to_str().unwrap(), "--lang", "en"],
    );
    assert_eq!(second.code, Some(1), "{}", second.stderr);
    assert!(
        second.stderr.contains("is already open in another okr"),
        "{}",
        second.stderr
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// A sandbox whose data file holds the example; returns its bytes.
fn example_file(sandbox: &Sandbox) -> Vec<u8> {
    let bytes = okr::store::format::serialize(&crate::support::app::demo()).unwrap();
    std::fs::write(sandbox.file(), &bytes).unwrap();
    bytes
}

/// The names in the sandbox's folder that a save, a backup, a conflict or
/// a rescue would leave.
fn left_behind(sandbox: &Sandbox) -> Vec<String> {
    std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            [".bak", ".tmp", "conflict", "rescue"]
                .iter()
                .any(|s| n.contains(s))
        })
        .collect()
}

#[test]
fn the_tracker_on_a_read_only_file_changes_nothing_in_a_real_terminal() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let before = example_file(&sandbox);
    let read_only = std::fs::Permissions::from_mode(0o444);
    std::fs::set_permissions(sandbox.file(), read_only).unwrap();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("is read-only: okr shows it and changes nothing.");
    t.wait_for("▸ Expandera globalt");
    t.press("d");
    t.wait_for("Delete");
    t.press("y");
    let screen = t.wait_for("The file is read-only: nothing was changed.");
    assert!(screen.contains("▸ Expandera globalt"), "{screen}");
    // Nothing unsaved: one q quits.
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), before);
    let mode = std::fs::metadata(sandbox.file())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(left_behind(&sandbox), Vec::<String>::new());
}

#[test]
fn keys_do_nothing_in_a_really_small_window_but_quit() {
    let sandbox = Sandbox::new();
    let before = example_file(&sandbox);
    let t = Term::start(&sandbox, 30, 8, &sandbox.session_command("en"));
    t.wait_for("too small");
    // Down to the second Mål, delete it, yes: each would act unseen.
    for key in ["j", "d", "y"] {
        t.press(key);
    }
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), before);
    assert_eq!(left_behind(&sandbox), Vec::<String>::new());
}
