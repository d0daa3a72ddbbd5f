//! The data file and other processes: `kill -9` in the middle of saves leaves
//! a whole file, and the lock keeps a second okr out until the first is gone.

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::data::{bytes, state};
use crate::support::temp_files;
use okr::model::Data;
use okr::store::{self, Store, format};

// ---------------------------------------------------------------- helpers

/// The `n` of a [`state`], if the data is one.
fn state_number(data: &Data) -> Option<u64> {
    data.objectives
        .first()?
        .title
        .strip_prefix("state ")?
        .parse()
        .ok()
}

/// A tiny deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

// ---------------------------------------------------------------- child processes

const CHILD_MODE: &str = "OKR_STORE_TEST_CHILD";

const CHILD_FILE: &str = "OKR_STORE_TEST_FILE";

/// Not a test of its own: other tests run this test binary again with this
/// one selected and `OKR_STORE_TEST_CHILD` set, to have a second process.
/// - `save-loop`: opens the file and saves states n+1, n+2, … forever,
///   printing `SAVING n` before each save.
/// - `hold`: opens the file and keeps it open (and locked) forever.
/// - `rescue-on-a-small-disk`: writes a rescue file where a file can grow
///   to 4 KiB only, and prints `READY true` when that failed.
#[test]
#[ignore = "a helper process for other tests"]
fn child_saver_entry() {
    let Ok(mode) = std::env::var(CHILD_MODE) else {
        return;
    };
    let path = PathBuf::from(std::env::var_os(CHILD_FILE).unwrap());
    let (mut store, data) = Store::open(&path).unwrap();
    match mode.as_str() {
        "save-loop" => {
            let mut n = state_number(&data).unwrap_or(0);
            println!("READY {n}");
            loop {
                n += 1;
                println!("SAVING {n}");
                store.save(&state(n)).unwrap();
            }
        }
        "saver-loop" => {
            // The tracker's background writer: states handed over faster than
            // they are written, so saves are coalesced; now and then a flush.
            let mut n = state_number(&data).unwrap_or(0);
            println!("READY {n}");
            let saver = okr::app::saver::Saver::spawn(store, |_| {});
            loop {
                n += 1;
                println!("SAVING {n}");
                saver.save(std::sync::Arc::new(state(n)), 0);
                if n.is_multiple_of(8) {
                    saver.flush();
                }
            }
        }
        "rescue-on-a-small-disk" => {
            // Files may grow to 4 KiB here, as on a disk that fills up:
            // the rescue of a larger store fails part-way, here and in the
            // temporary folder.
            // SAFETY: plain system calls on this process's own limits.
            unsafe {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit {
                    rlim_cur: 4096,
                    rlim_max: 4096,
                };
                libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
            }
            let result = store::write_rescue(&path, &larger_than_4_kib());
            println!("READY {}", result.is_err());
        }
        "hold" => {
            println!("READY");
            loop {
                std::thread::park();
            }
        }
        other => panic!("unknown child mode {other}"),
    }
}

/// A child process that is killed when the test ends, however it ends.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts this test binary as a child in `mode` on `path`; its stdout lines
/// arrive on the returned channel.
fn spawn_child(mode: &str, path: &Path) -> (ChildGuard, mpsc::Receiver<String>) {
    let name = crate::support::test_name(module_path!(), "child_saver_entry");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &name, "--nocapture", "--ignored"])
        .env(CHILD_MODE, mode)
        .env(CHILD_FILE, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (ChildGuard(child), rx)
}

/// Waits for the child's `READY` line (a bound only against hanging forever).
fn wait_ready(rx: &mpsc::Receiver<String>) -> String {
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the child process never said READY");
        if line.starts_with("READY") {
            return line;
        }
    }
}

/// Kills the child with SIGKILL and checks that it was the kill that ended it.
fn kill9(mut guard: ChildGuard) {
    guard.0.kill().unwrap();
    let status = guard.0.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the child ended by itself ({status}) instead of being killed"
    );
}

// ---------------------------------------------------------------- crash safety

#[test]
fn kill_9_while_saving_leaves_a_whole_file() {
    kill_9_loop("save-loop", 200);
}

#[test]
fn kill_9_while_the_background_writer_saves_leaves_a_whole_file() {
    kill_9_loop("saver-loop", 100);
}

/// Starts a child saving in `mode` and kills it with SIGKILL `kills` times;
/// after each kill the file must be whole and one of the states written,
/// and so must the backup. Some kills must land in the middle of a write,
/// between the temporary file's creation and its rename: the rounds that
/// leave one behind are counted (each child's open removed those of the
/// round before, so what is there after a kill is this round's).
fn kill_9_loop(mode: &str, kills: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    // Written without a store: the children must find the lock free.
    fs::write(&path, crate::support::data::bytes(&state(0))).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut last = 0u64;
    let mut killed_after_saving = 0;
    let mut killed_mid_write = 0;
    for round in 0..kills {
        let (child, rx) = spawn_child(mode, &path);
        assert_eq!(wait_ready(&rx), format!("READY {last}"), "round {round}");
        std::thread::sleep(Duration::from_millis(rng.between(1, 20)));
        kill9(child);
        if !temp_files(dir.path()).is_empty() {
            killed_mid_write += 1;
        }
        // Every `SAVING n` the child printed, up to its death.
        let announced = rx
            .iter()
            .filter_map(|l| {
                l.strip_prefix("SAVING ")
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .max()
            .unwrap_or(last);

        let data = store::read(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file is damaged after kill -9: {e}"));
        let n = state_number(&data)
            .unwrap_or_else(|| panic!("round {round}: not a state the child wrote: {data:?}"));
        assert!(
            (last..=announced).contains(&n),
            "round {round}: state {n} is not between {last} and {announced}"
        );
        assert_eq!(data, state(n), "round {round}");
        if announced > last {
            killed_after_saving += 1;
        }
        last = n;
        // The backup is written atomically too, and before the file: once a
        // child's state is in the file, the backup is there and whole.
        let bak = dir.path().join("okr.json.bak");
        match fs::read(&bak) {
            Ok(bytes) => {
                format::parse(Path::new("okr.json.bak"), &bytes)
                    .unwrap_or_else(|e| panic!("round {round}: the backup is damaged: {e}"));
            }
            Err(e) => assert!(
                n == 0 && e.kind() == std::io::ErrorKind::NotFound,
                "round {round}: state {n} is in the file but no backup: {e}"
            ),
        }
    }
    println!(
        "{mode}: {kills} kills, {killed_after_saving} while saving, \
         {killed_mid_write} left a temporary file behind, {last} states written"
    );
    assert!(
        killed_after_saving > 0 && last > 0,
        "the child never got to save: the test checked nothing"
    );
    assert!(
        killed_mid_write > 0,
        "no kill landed between a temporary file's creation and its rename"
    );
}

#[test]
fn open_removes_temp_files_left_by_a_killed_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let stale = dir.path().join(".okr.json.XyZ123.tmp");
    let other = dir.path().join(".notes.json.XyZ123.tmp");
    std::fs::write(&stale, b"{\"half\": ").unwrap();
    std::fs::write(&other, b"not ours").unwrap();
    // A file that is there is locked at once, and then tidied.
    std::fs::write(&path, bytes(&state(0))).unwrap();
    let _store = okr::store::Store::open(&path).unwrap();
    assert!(!stale.exists(), "the half-written temporary file is gone");
    assert!(
        other.exists(),
        "another file's temporary file is left alone"
    );
}

// ---------------------------------------------------------------- the lock

#[test]
fn a_second_open_is_refused_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (first, _) = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains(&std::process::id().to_string()), "{err}");
    drop(first);
    crate::support::reopen(&path);
}

#[test]
fn a_lock_held_by_another_process_refuses_and_dies_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (child, rx) = spawn_child("hold", &path);
    let pid = child.0.id().to_string();
    let lock = dir.path().join("okr.json.lock");
    let mut seen = false;
    for _ in 0..12_000 {
        if fs::read_to_string(&lock).is_ok_and(|s| s.trim() == pid) {
            seen = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(seen, "the child never wrote its pid into the lock file");
    wait_ready(&rx);

    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains(&pid), "{err}");
    kill9(child);
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&state(1)).unwrap();
}

#[test]
fn a_lock_file_that_is_a_link_or_no_file_is_refused_and_nothing_is_written_through_it() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("bashrc");
    fs::write(&victim, "export KEEP=me\n").unwrap();
    let refused = |err: String, lock: &str| {
        assert!(err.contains(lock), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    };
    // A file that is there is locked when opened: refused then.
    let there = dir.path().join("okr.json");
    fs::write(&there, bytes(&state(0))).unwrap();
    symlink(&victim, dir.path().join("okr.json.lock")).unwrap();
    refused(
        Store::open(&there).unwrap_err().to_string(),
        "okr.json.lock",
    );
    // A new file is locked when first saved: refused then, nothing written.
    let new = dir.path().join("new.json");
    symlink(&victim, dir.path().join("new.json.lock")).unwrap();
    let (mut store, _) = Store::open(&new).unwrap();
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, store::SaveError::Open(_)), "{err:?}");
    refused(err.to_string(), "new.json.lock");
    assert!(!new.exists());
    // A link to nowhere: nothing is made where it points.
    let nowhere = dir.path().join("nowhere");
    let third = dir.path().join("third.json");
    fs::write(&third, bytes(&state(0))).unwrap();
    symlink(&nowhere, dir.path().join("third.json.lock")).unwrap();
    refused(
        Store::open(&third).unwrap_err().to_string(),
        "third.json.lock",
    );
    assert!(fs::symlink_metadata(&nowhere).is_err(), "nothing made");
    // A folder or a pipe in its place.
    let fourth = dir.path().join("fourth.json");
    fs::write(&fourth, bytes(&state(0))).unwrap();
    fs::create_dir(dir.path().join("fourth.json.lock")).unwrap();
    refused(
        Store::open(&fourth).unwrap_err().to_string(),
        "fourth.json.lock",
    );
    let fifth = dir.path().join("fifth.json");
    fs::write(&fifth, bytes(&state(0))).unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("fifth.json.lock"))
        .status()
        .unwrap();
    assert!(made.success());
    refused(
        Store::open(&fifth).unwrap_err().to_string(),
        "fifth.json.lock",
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "export KEEP=me\n");
    for data in [&there, &third, &fourth, &fifth] {
        assert_eq!(fs::read(data).unwrap(), bytes(&state(0)));
    }
}

#[test]
fn update_and_import_refuse_a_lock_file_that_is_a_link() {
    let sandbox = crate::support::Sandbox::new();
    let victim = sandbox.path().join("bashrc");
    fs::write(&victim, "export KEEP=me\n").unwrap();
    fs::write(sandbox.file(), bytes(&crate::support::data::populated())).unwrap();
    let export = sandbox.path().join("export.json");
    let out = sandbox.okr(&["export", "--format", "json"]);
    fs::write(&export, &out.ok().stdout).unwrap();
    std::os::unix::fs::symlink(&victim, sandbox.path().join("okr.json.lock")).unwrap();
    let before = fs::read(sandbox.file()).unwrap();
    sandbox
        .okr(&["update", "kr1", "5"])
        .fails(&["okr.json.lock", "symbolic link"]);
    sandbox
        .okr(&["import", "--format", "json", export.to_str().unwrap()])
        .fails(&["okr.json.lock", "symbolic link"]);
    sandbox
        .okr(&["--lang", "sv", "update", "kr1", "5"])
        .fails(&["okr.json.lock", "symbolisk länk"]);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "export KEEP=me\n");
    assert_eq!(fs::read(sandbox.file()).unwrap(), before);
}

// ---------------------------------------------------------------- nothing made before the first save

#[test]
fn a_new_file_makes_nothing_on_disk_until_it_is_saved_and_then_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("not").join("yet");
    let path = folder.join("okr.json");
    let (first, data) = Store::open(&path).unwrap();
    let (mut second, _) = Store::open(&path).unwrap();
    assert_eq!(data, Data::default());
    assert!(!dir.path().join("not").exists(), "no folder, no lock");
    drop(first);
    assert!(!dir.path().join("not").exists());
    // Once saved, the file is locked: a third okr is refused, and so is
    // a save of the second, which opened the path while it was new.
    let (mut first, _) = Store::open(&path).unwrap();
    first.save(&state(1)).unwrap();
    assert!(folder.join("okr.json.lock").exists());
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("already open in another okr"), "{err}");
    let err = second.save(&state(2)).unwrap_err().to_string();
    assert!(err.contains("already open in another okr"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes(&state(1)));
}

// ---------------------------------------------------------------- rescue files

fn larger_than_4_kib() -> Data {
    let mut data = state(0);
    std::sync::Arc::make_mut(&mut data.objectives[0]).why = "Därför. ".repeat(1000);
    data
}

#[test]
fn a_rescue_that_fails_part_way_leaves_no_rescue_file() {
    let dir = tempfile::tempdir().unwrap();
    // A name of its own, so that the rescue in the shared temporary folder
    // is this test's alone.
    let name = format!("okr-rescue-test-{}.json", std::process::id());
    let path = dir.path().join(&name);
    assert!(bytes(&larger_than_4_kib()).len() > 4096);
    let (_child, rx) = spawn_child("rescue-on-a-small-disk", &path);
    assert_eq!(wait_ready(&rx), "READY true", "the rescue failed");
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing cut short is left: {left:?}");
    let in_temp = std::env::temp_dir().join(format!("{name}.rescue"));
    assert!(!in_temp.exists(), "{}", in_temp.display());
}
