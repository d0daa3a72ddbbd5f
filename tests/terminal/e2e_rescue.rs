//! End to end in a real terminal (tmux): when saves fail to the end, a
//! SIGTERM or a quit the user insists on writes a rescue file and names it.

use std::path::PathBuf;
use std::process::Command;

use crate::support::term::{EN, Term, sh_quote};
use crate::support::{Immutable, Sandbox};

/// okr in tmux on `shared/okr.json` in the sandbox, a folder that refuses
/// writes once okr has started.
fn start_on_a_folder_that_refuses(sandbox: &Sandbox) -> Option<(Term, Immutable, PathBuf)> {
    let shared = sandbox.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    let file = shared.join("okr.json");
    // A file that is there is locked at once: its lock names okr's pid.
    std::fs::write(&file, "{\"version\": 2}\n").unwrap();
    let command = sandbox.session_command("en").replace(
        &sh_quote(&sandbox.file().to_string_lossy()),
        &sh_quote(&file.to_string_lossy()),
    );
    let t = Term::start(sandbox, 100, 30, &command);
    t.wait_for(EN.empty_hint);
    let guard = Immutable::make(&shared)?;
    Some((t, guard, shared))
}

/// Adds a Mål, which cannot be saved, and waits for the status line to say so.
fn add_unsaveable_objective(t: &Term, title: &str) {
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text(title);
    t.wait_for(title);
    t.press("Enter");
    t.wait_for("Could not save");
}

/// The rescue file okr named on the screen after it ended.
fn rescue_named_on(screen: &str) -> PathBuf {
    let line = screen
        .lines()
        .find(|l| l.contains("your last changes are in"))
        .unwrap_or_else(|| panic!("no rescue named:\n{screen}"));
    let path = line.rsplit(" in ").next().unwrap().trim();
    PathBuf::from(path)
}

#[test]
fn sigterm_while_saves_fail_writes_a_rescue_file_and_names_it() {
    let sandbox = Sandbox::new();
    let Some((t, guard, shared)) = start_on_a_folder_that_refuses(&sandbox) else {
        crate::support::not_applicable("chattr +i is not available on this file system");
        return;
    };
    add_unsaveable_objective(&t, "Rädda mig");
    let lock = std::fs::read_to_string(shared.join("okr.json.lock")).unwrap();
    let kill = Command::new("kill")
        .args(["-TERM", lock.trim()])
        .status()
        .unwrap();
    assert!(kill.success());
    assert_eq!(t.wait_exit(), 143, "128 + SIGTERM");
    let screen = t.history();
    let rescue = rescue_named_on(&screen);
    // The folder refuses even the rescue file: it goes to the temporary folder.
    assert!(rescue.starts_with(std::env::temp_dir()), "{screen}");
    let kept = std::fs::read_to_string(&rescue).unwrap();
    assert!(kept.contains("Rädda mig"), "{kept}");
    drop(guard);
    assert_eq!(
        std::fs::read_to_string(shared.join("okr.json")).unwrap(),
        "{\"version\": 2}\n",
        "nothing was saved in the folder"
    );
    std::fs::remove_file(rescue).unwrap();
}

#[test]
fn quitting_twice_while_saves_fail_writes_a_rescue_file_and_names_it() {
    let sandbox = Sandbox::new();
    let Some((t, guard, _shared)) = start_on_a_folder_that_refuses(&sandbox) else {
        crate::support::not_applicable("chattr +i is not available on this file system");
        return;
    };
    add_unsaveable_objective(&t, "Glöm mig inte");
    t.press("q");
    t.wait_for("Press q again");
    t.press("q");
    assert_eq!(t.wait_exit(), 0, "the user chose to quit");
    let rescue = rescue_named_on(&t.history());
    let kept = std::fs::read_to_string(&rescue).unwrap();
    assert!(kept.contains("Glöm mig inte"), "{kept}");
    drop(guard);
    std::fs::remove_file(rescue).unwrap();
}
