//! End to end in a real terminal (tmux): however the tracker ends (SIGHUP,
//! SIGTERM with a save still on its way to the disk, an error, a panic), the
//! terminal is given back in its normal mode, off the alternate screen, and
//! the last change is in the file.

use std::path::PathBuf;
use std::process::Command;

use crate::support::data::titles_in;
use crate::support::term::{EN, Term, add_objective, session_of};
use crate::support::{Sandbox, TODAY, WAIT, okr_binary};
use okr::model::Lang;
use okr::tui::{Options, Trip};

/// Sends `signal` (`"HUP"`, `"TERM"`) to the process `pid`.
fn kill(signal: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("running kill")
        .success();
    assert!(ok, "kill -{signal} {pid} failed");
}

#[test]
fn sighup_keeps_the_change_restores_the_terminal_and_exits_129() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    assert_eq!(t.format("#{alternate_on}"), "1");
    add_objective(&t, "Survive a SIGHUP");
    kill("HUP", sandbox.locker_pid());
    assert_eq!(t.wait_exit(), 129, "128 + SIGHUP");
    assert!(!t.screen().contains("Survive a SIGHUP"), "{}", t.screen());
    assert_eq!(titles_in(&sandbox.file()), ["Survive a SIGHUP"]);
}

#[test]
fn an_error_while_the_terminal_is_set_up_gives_it_back() {
    // Output to /dev/full: raw mode is switched on, then writing the switch
    // to the full screen fails. The terminal must not be left raw.
    let sandbox = Sandbox::new();
    let file = sandbox.file();
    let args = ["--file", file.to_str().unwrap(), "--lang", "en"];
    let command = session_of(&[], &okr_binary().to_string_lossy(), &args, "> /dev/full");
    let t = Term::start(&sandbox, 100, 30, &command);
    assert_eq!(t.wait_exit(), 1);
    let screen = t.history();
    assert!(
        screen.contains("okr: cannot open the terminal: the disk is full"),
        "one sentence says why:\n{screen}"
    );
    assert!(!screen.contains("Failed to restore"), "{screen}");
    assert!(!file.exists(), "nothing was written");
}

// ---------------------------------------------------------------- the tracker of the library

/// Which [`Trip`] the child runs with: `panic` or `error`, both on `!`.
const TRIP: &str = "OKR_RESTORE_TEST_TRIP";
const CHILD_FILE: &str = "OKR_RESTORE_TEST_FILE";

/// Not a test of its own: the tests below run this test binary again in
/// tmux with this one selected and `OKR_RESTORE_TEST_TRIP` set. It runs the
/// tracker of the library, `okr::tui::run`, as the okr binary does, but with
/// a [`Trip`] on `!`; the binary has no way to set one (see its comment).
#[test]
#[ignore = "the tracker with a trip, run in tmux by other tests"]
fn tracker_with_a_trip() {
    let Ok(trip) = std::env::var(TRIP) else {
        return;
    };
    let trip = match trip.as_str() {
        "panic" => Trip::Panic('!'),
        "error" => Trip::Error('!'),
        other => panic!("unknown trip {other}"),
    };
    let file = PathBuf::from(std::env::var_os(CHILD_FILE).unwrap());
    let options = Options {
        lang: Some(Lang::En),
        today: TODAY.parse().unwrap(),
        trip: Some(trip),
        ..Options::default()
    };
    let (store, data) = okr::store::Store::open(&file).unwrap();
    let code = match okr::tui::run(store, data, options) {
        Ok(exit) => i32::from(exit.code),
        Err(e) => {
            eprintln!("okr: {}", e.text(&okr::i18n::EN));
            1
        }
    };
    std::process::exit(code);
}

/// The tracker of the library in tmux, tripping on `!` as `trip` says.
fn start_with_a_trip(sandbox: &Sandbox, trip: &str) -> Term {
    let exe = std::env::current_exe().unwrap();
    let file = sandbox.file();
    let env = [(TRIP, trip), (CHILD_FILE, file.to_str().unwrap())];
    let name = crate::support::test_name(module_path!(), "tracker_with_a_trip");
    let args = ["--exact", &name, "--ignored", "--nocapture"];
    let t = Term::start(
        sandbox,
        100,
        30,
        &session_of(&env, &exe.to_string_lossy(), &args, ""),
    );
    t.wait_for(EN.empty_hint);
    assert_eq!(t.format("#{alternate_on}"), "1");
    t
}

/// Adds a Mål and, without waiting for the file, trips the tracker.
fn add_objective_and_trip(t: &Term, title: &str) {
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text(title);
    t.wait_for(title);
    t.press("Enter");
    t.press("!");
}

#[test]
fn a_panic_gives_the_terminal_back_and_keeps_the_last_change() {
    let sandbox = Sandbox::new();
    let t = start_with_a_trip(&sandbox, "panic");
    add_objective(&t, "Saved before");
    add_objective_and_trip(&t, "Saved while panicking");
    // The test harness around the tracker exits 101 for a panic, as Rust does.
    assert_eq!(t.wait_exit(), 101);
    let screen = t.history();
    assert!(
        screen.contains("a test tripped the tracker"),
        "the panic is told on the normal screen:\n{screen}"
    );
    assert_eq!(
        titles_in(&sandbox.file()),
        ["Saved before", "Saved while panicking"]
    );
}

#[test]
fn an_error_in_the_loop_gives_the_terminal_back_and_keeps_the_last_change() {
    let sandbox = Sandbox::new();
    let t = start_with_a_trip(&sandbox, "error");
    add_objective_and_trip(&t, "Saved despite the error");
    assert_eq!(t.wait_exit(), 1);
    let screen = t.history();
    assert!(
        screen.contains("okr: cannot draw") && screen.contains("a test tripped the tracker"),
        "the error is told on the normal screen:\n{screen}"
    );
    assert_eq!(titles_in(&sandbox.file()), ["Saved despite the error"]);
}

// ---------------------------------------------------------------- a save held in flight

/// A small ext4 file system in a file of the sandbox, mounted beside it, that
/// the test can freeze (`fsfreeze`): every write to it waits until it is
/// thawed, as on a disk that has stopped answering. Thawed and unmounted on
/// drop, whatever happened.
struct Freezable {
    mount: PathBuf,
    frozen: bool,
}

impl Freezable {
    /// Why not, where the system cannot (not root, no loop devices, no tools).
    fn make(sandbox: &Sandbox) -> Result<Freezable, String> {
        let image = sandbox.path().join("fs.img");
        let mount = sandbox.path().join("frozen");
        std::fs::create_dir(&mount).unwrap();
        std::fs::File::create(&image)
            .unwrap()
            .set_len(4 << 20)
            .unwrap();
        run("mkfs.ext4", &["-q", "-F", image.to_str().unwrap()])?;
        run(
            "mount",
            &[
                "-o",
                "loop",
                image.to_str().unwrap(),
                mount.to_str().unwrap(),
            ],
        )?;
        Ok(Freezable {
            mount,
            frozen: false,
        })
    }

    fn freeze(&mut self) {
        run("fsfreeze", &["-f", self.mount.to_str().unwrap()]).unwrap();
        self.frozen = true;
    }

    fn thaw(&mut self) {
        if std::mem::take(&mut self.frozen) {
            run("fsfreeze", &["-u", self.mount.to_str().unwrap()]).unwrap();
        }
    }
}

impl Drop for Freezable {
    fn drop(&mut self) {
        if std::mem::take(&mut self.frozen) {
            let _ = run("fsfreeze", &["-u", self.mount.to_str().unwrap()]);
        }
        // Lazily: the tracker may still hold its lock file there.
        let _ = run("umount", &["-l", self.mount.to_str().unwrap()]);
    }
}

/// Runs a system tool; its error output when it fails.
fn run(tool: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(tool)
        .args(args)
        .output()
        .map_err(|e| format!("{tool}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{tool} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The threads of process `pid`: (name, state letter as in `ps`).
fn threads(pid: u32) -> Vec<(String, char)> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|t| {
            let comm = std::fs::read_to_string(t.path().join("comm")).ok()?;
            let stat = std::fs::read_to_string(t.path().join("stat")).ok()?;
            let state = stat.rsplit(") ").next()?.chars().next()?;
            Some((comm.trim().to_string(), state))
        })
        .collect()
}

/// Polls `done` until it holds, failing with `what` after [`WAIT`].
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < WAIT, "waited {WAIT:?} for {what}");
        std::thread::sleep(crate::support::POLL);
    }
}

#[test]
fn sigterm_and_sighup_wait_for_the_save_in_flight_then_exit() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        signal_while_a_save_is_in_flight(signal, code);
    }
}

/// `signal` arrives while a save waits on a frozen disk: okr takes it, waits
/// for the save to land, then exits with `code` (128 + the signal).
fn signal_while_a_save_is_in_flight(signal: &str, code: i32) {
    let sandbox = Sandbox::new();
    let mut fs = match Freezable::make(&sandbox) {
        Ok(fs) => fs,
        Err(why) => {
            crate::support::not_applicable(&format!("no file system to freeze ({why})"));
            return;
        }
    };
    let file = fs.mount.join("okr.json");
    let args = ["--file", file.to_str().unwrap(), "--lang", "en"];
    let t = Term::start(
        &sandbox,
        100,
        30,
        &session_of(&[], &okr_binary().to_string_lossy(), &args, ""),
    );
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Saved before the freeze");
    wait_until("the first save", || {
        file.exists() && titles_in(&file).len() == 1
    });
    let pid: u32 = std::fs::read_to_string(fs.mount.join("okr.json.lock"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();

    fs.freeze();
    add_objective(&t, "Held in flight");
    // The writer is inside the save, waiting for the disk.
    wait_until("the writer to wait for the frozen disk", || {
        threads(pid).contains(&("okr-saver".to_string(), 'D'))
    });
    kill(signal, pid);
    // The signal is taken (its thread ends once it has passed it on); okr
    // now waits for the save, on the alternate screen still.
    wait_until("the signal to be taken", || {
        let names = threads(pid);
        !names.is_empty() && !names.iter().any(|(n, _)| n == "okr-signals")
    });
    assert!(
        !threads(pid).is_empty(),
        "SIG{signal}: okr ended before its save was done"
    );
    assert_eq!(t.format("#{alternate_on}"), "1", "okr is still running");
    assert_eq!(titles_in(&file), ["Saved before the freeze"]);

    fs.thaw();
    assert_eq!(t.wait_exit(), code, "128 + SIG{signal}");
    assert_eq!(
        titles_in(&file),
        ["Saved before the freeze", "Held in flight"],
        "SIG{signal}: the save in flight was finished before okr ended"
    );
    assert!(
        !t.history().contains("rescue"),
        "nothing needed rescuing:\n{}",
        t.history()
    );
}
