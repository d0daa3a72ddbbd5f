#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The data file's promises (PRODUCT.md sections 4 and 7), each checked on a
//! temporary folder: round trip, stable pretty output, permissions, symlinks,
//! the backup, crash safety under `kill -9`, failed saves, the lock, changes
//! by others, refusal of damaged files and unknown fields kept.

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use okr::model::{
    CheckIn, CheckInEntry, Data, Extra, HistoryEntry, Initiative, KeyResult, Kind, Lang, Measure,
    Objective, Pulse, Quarter, Retro, Status,
};
use okr::store::{self, SaveError, Store, format};
use proptest::prelude::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------- helpers

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A store with every kind of measure, Uppgifter, history and check-ins with a pulse.
fn populated() -> Data {
    let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 30, 0).unwrap();
    let later = Utc.with_ymd_and_hms(2026, 11, 20, 16, 5, 7).unwrap();
    let q4 = Quarter::new(2026, 4).unwrap();

    let mut grow = KeyResult::new(
        "kr1".into(),
        "Öka antalet kunder".into(),
        Measure::numeric(10.0, 40.0, "kunder"),
    );
    grow.measure.set_current(22.5);
    grow.weight = 2.5;
    grow.confidence = 7;
    grow.history = vec![
        HistoryEntry::new(date(2026, 10, 12), 15.0, Some(6), "bra start".into()),
        HistoryEntry::new(date(2026, 11, 16), 22.5, None, String::new()),
    ];
    let mut reduce = KeyResult::new(
        "kr2".into(),
        "Minska svarstiden".into(),
        Measure::numeric(48.0, 8.0, "h"),
    );
    reduce.measure.set_current(30.25);
    reduce.confidence = 3;
    let done = KeyResult::new("kr3".into(), "Lansera v2".into(), Measure::done(true));
    let keep_up = KeyResult::new(
        "kr4".into(),
        "Upptid".into(),
        Measure::at_least(99.5, 99.9, "%"),
    );
    let keep_down = KeyResult::new(
        "kr5".into(),
        "Kostnad per månad".into(),
        Measure::at_most(5000.0, 5200.0, "kr"),
    );

    let mut o1 = Objective::new(
        "o1".into(),
        "Nöjdare kunder \"på riktigt\"".into(),
        Kind::Committed,
        q4,
        now,
    );
    o1.why = "Because\nit matters".into();
    o1.owner = Some("Team Ö".into());
    o1.parent = Some("o9".into());
    o1.updated = later;
    o1.key_results = vec![grow, reduce, done, keep_up, keep_down];
    let mut i1 = Initiative::new("u1".into(), "Ring tio kunder".into());
    i1.done = Some(date(2026, 10, 20));
    i1.key_result = Some("kr1".into());
    o1.initiatives = vec![i1, Initiative::new("u2".into(), "Skriv FAQ".into())];

    let mut o2 = Objective::new(
        "o2".into(),
        "Last quarter's aspiration".into(),
        Kind::Aspirational,
        Quarter::new(2026, 3).unwrap(),
        now,
    );
    o2.status = Status::CarriedOver;
    o2.score = Some(0.6);
    o2.retro = Retro {
        went_well: "focus".into(),
        to_change: "fewer meetings".into(),
        extra: Extra::new(),
    };
    o2.carried_from = Some("o0".into());

    let mut c1 = CheckIn::new(date(2026, 11, 16));
    c1.set_entry(CheckInEntry {
        key_result: "kr1".into(),
        value: 22.5,
        confidence: 7,
        note: "två nya".into(),
        extra: Extra::new(),
    });
    c1.wins = "won a deal".into();
    c1.blockers = "vacation".into();
    c1.next_steps = "call back".into();
    c1.pulse = Some(Pulse {
        structure: 4,
        safety: 5,
        meaning: 3,
        dependability: 2,
        impact: 1,
        extra: Extra::new(),
    });
    let c2 = CheckIn::new(date(2026, 11, 24));

    let mut data = Data::default();
    data.settings.language = Some(Lang::En);
    data.settings.checkin_weekday = Weekday::Thu;
    data.objectives = vec![o1.into(), o2.into()];
    data.checkins = vec![c1, c2];
    data
}

/// State number `n` of a sequence of saves: the title says which, and the
/// size changes with `n` so that a torn file could not pass for another state.
fn state(n: u64) -> Data {
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
    let mut o = Objective::new(
        "o1".into(),
        format!("state {n}"),
        Kind::Committed,
        Quarter::new(2026, 4).unwrap(),
        now,
    );
    for i in 0..(n % 7) {
        o.initiatives
            .push(Initiative::new(format!("u{i}"), format!("step {i} of {n}")));
    }
    let mut data = Data::default();
    data.objectives.push(o.into());
    data
}

/// The `n` of a [`state`], if the data is one.
fn state_number(data: &Data) -> Option<u64> {
    data.objectives
        .first()?
        .title
        .strip_prefix("state ")?
        .parse()
        .ok()
}

fn bytes(data: &Data) -> Vec<u8> {
    format::serialize(data).unwrap()
}

/// Temporary files a save may leave in `dir` (there should be none).
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
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
                saver.save(std::sync::Arc::new(state(n)));
                if n.is_multiple_of(8) {
                    saver.flush();
                }
            }
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
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_saver_entry", "--nocapture", "--ignored"])
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

// ---------------------------------------------------------------- round trip

#[test]
fn populated_data_round_trips_pretty_and_stable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let data = populated();
    let (mut store, empty) = Store::open(&path).unwrap();
    assert_eq!(empty, Data::default(), "a missing file is an empty store");
    store.save(&data).unwrap();
    let first = fs::read(&path).unwrap();
    assert_eq!(store::read(&path).unwrap(), data);

    let text = String::from_utf8(first.clone()).unwrap();
    assert!(text.starts_with("{\n  \"version\": 1,\n"), "{text}");
    assert!(text.contains("\n      \"key_results\": [\n"), "{text}");
    assert!(text.ends_with("}\n"));

    // Same data, same bytes: from the same store, and from a new run.
    store.save(&data).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    drop(store);
    let (mut store, again) = Store::open(&path).unwrap();
    assert_eq!(again, data);
    store.save(&again).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn save_keeps_the_permission_bits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&state(1)).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    assert_eq!(store::read(&path).unwrap(), state(1));
}

#[test]
fn save_through_a_symlink_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("okr.json");
    fs::write(&target, bytes(&state(0))).unwrap();
    let link = dir.path().join("link.json");
    symlink("real/okr.json", &link).unwrap();

    let (mut store, data) = Store::open(&link).unwrap();
    assert_eq!(data, state(0));
    store.save(&state(1)).unwrap();
    store.save(&state(2)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), bytes(&state(2)));
    assert_eq!(store::read(&link).unwrap(), state(2));
}

#[test]
fn backup_holds_the_bytes_from_before_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    // Hand-written bytes, not as okr would write them.
    let original = b"{\"version\":1,\"objectives\":[]}".to_vec();
    fs::write(&path, &original).unwrap();
    let bak = dir.path().join("okr.json.bak");

    let (mut store, _) = Store::open(&path).unwrap();
    assert_eq!(store.backup_path(), bak);
    assert!(!bak.exists(), "no backup before the first write");
    store.save(&state(1)).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), original);
    store.save(&state(2)).unwrap();
    assert_eq!(
        fs::read(&bak).unwrap(),
        original,
        "rewritten in the same run"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes(&state(2)));
    drop(store);

    // A new run backs up what the last one left.
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&state(3)).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), bytes(&state(2)));
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
/// after each kill the file must be whole and one of the states written.
fn kill_9_loop(mode: &str, kills: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    {
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&state(0)).unwrap();
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut last = 0u64;
    let mut killed_after_saving = 0;
    for round in 0..kills {
        let (child, rx) = spawn_child(mode, &path);
        assert_eq!(wait_ready(&rx), format!("READY {last}"), "round {round}");
        std::thread::sleep(Duration::from_millis(rng.between(1, 20)));
        kill9(child);
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
        // The backup is written atomically too.
        if let Ok(bak) = fs::read(dir.path().join("okr.json.bak")) {
            format::parse(Path::new("okr.json.bak"), &bak).unwrap();
        }
    }
    eprintln!("{mode}: {kills} kills, {killed_after_saving} while saving, {last} states written");
    assert!(
        killed_after_saving > 0 && last > 0,
        "the child never got to save: the test checked nothing"
    );
}

// ---------------------------------------------------------------- failed saves

#[test]
fn a_failed_write_step_leaves_the_file_as_it_was() {
    for n in 1..=4 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        let old = bytes(&state(0));
        fs::write(&path, &old).unwrap();
        let (mut store, _) = Store::open(&path).unwrap();
        store.faults().fail_nth_write(n);
        let err = store.save(&state(1)).unwrap_err();
        assert!(matches!(err, SaveError::Io(..)), "step {n}: {err:?}");
        assert!(err.to_string().contains("disk is full"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), old, "step {n}");
        assert!(temp_files(dir.path()).is_empty(), "step {n}");
        // Retried, it goes through; the backup is the file from before the run.
        store.save(&state(1)).unwrap();
        assert_eq!(store::read(&path).unwrap(), state(1), "step {n}");
        assert_eq!(fs::read(dir.path().join("okr.json.bak")).unwrap(), old);
    }
}

#[test]
fn a_failed_write_after_the_backup_leaves_the_file_as_it_was() {
    // Once the backup is taken a save has three write steps.
    for n in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&state(0)).unwrap();
        let old = fs::read(&path).unwrap();
        store.faults().fail_nth_write(n);
        assert!(store.save(&state(1)).is_err(), "step {n}");
        assert_eq!(fs::read(&path).unwrap(), old, "step {n}");
        assert!(temp_files(dir.path()).is_empty(), "step {n}");
        store.save(&state(1)).unwrap();
        assert_eq!(store::read(&path).unwrap(), state(1), "step {n}");
    }
}

/// Makes a folder immutable with `chattr +i` for as long as it lives.
struct Immutable(PathBuf);

impl Immutable {
    /// `None` when `chattr` is missing or not allowed here.
    fn set(dir: &Path) -> Option<Immutable> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Immutable(dir.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("okr.json");
    let old = bytes(&state(0));
    fs::write(&path, &old).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();

    // Tests run as root here, where `chmod a-w` does not stop writes; an
    // immutable folder does. Where neither works, the fault seam stands in.
    let mut guard = Immutable::set(&folder);
    let blocked = guard.is_some() && fs::write(folder.join("probe"), b"x").is_err();
    if !blocked {
        guard = None;
        let _ = fs::remove_file(folder.join("probe"));
        eprintln!(
            "cannot make a folder read-only here; simulating the failure with the fault seam"
        );
        store.faults().fail_nth_write(1);
    }
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, SaveError::Io(..)), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), old);
    drop(guard);

    store.save(&state(1)).unwrap();
    assert_eq!(store::read(&path).unwrap(), state(1));
    assert!(temp_files(&folder).is_empty());
}

// ---------------------------------------------------------------- the lock

#[test]
fn a_second_open_is_refused_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let (first, _) = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains(&std::process::id().to_string()), "{err}");
    drop(first);
    Store::open(&path).unwrap();
}

#[test]
fn a_lock_held_by_another_process_refuses_and_dies_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
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

// ---------------------------------------------------------------- changes by others

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    let theirs = bytes(&state(8));
    fs::write(&path, &theirs).unwrap();
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
    // And it stays refused: nothing is overwritten on a retry either.
    assert!(matches!(store.save(&state(1)), Err(SaveError::Conflict(_))));
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[test]
fn a_change_of_the_same_size_and_time_is_still_noticed() {
    // A synced folder or `touch -r` can restore the old modification time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let ours = bytes(&state(1));
    fs::write(&path, &ours).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    let theirs = String::from_utf8(ours.clone())
        .unwrap()
        .replace("state 1", "STATE 1")
        .into_bytes();
    assert_eq!(theirs.len(), ours.len());
    assert_ne!(theirs, ours);
    fs::write(&path, &theirs).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let err = store.save(&state(3)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[test]
fn a_file_deleted_by_another_program_is_written_anew() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    store.save(&state(1)).unwrap();
    assert_eq!(store::read(&path).unwrap(), state(1));
}

// ---------------------------------------------------------------- refusals

fn damaged_files() -> Vec<(&'static str, Vec<u8>)> {
    let good = bytes(&populated());
    let mut title_number: Value = serde_json::from_slice(&good).unwrap();
    title_number["objectives"][0]["title"] = json!(5);
    let newer =
        String::from_utf8(good.clone())
            .unwrap()
            .replacen("\"version\": 1", "\"version\": 999", 1);
    vec![
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        ("binary garbage", b"\x00\xff\xfe\x01okr\x89PNG\r\n".to_vec()),
        (
            "trailing comma",
            b"{\n  \"version\": 1,\n  \"objectives\": [],\n}\n".to_vec(),
        ),
        (
            "objectives not a list",
            b"{\n  \"version\": 1,\n  \"objectives\": \"x\"\n}\n".to_vec(),
        ),
        (
            "title a number",
            serde_json::to_vec_pretty(&title_number).unwrap(),
        ),
        ("newer version", newer.into_bytes()),
    ]
}

#[test]
fn damaged_or_newer_files_are_refused_with_place_and_left_alone() {
    for (what, content) in damaged_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        fs::write(&path, &content).unwrap();
        let shown = path.display().to_string();

        let err = store::read(&path).unwrap_err();
        assert!(err.position.is_some(), "{what}: {err}");
        let text = err.to_string();
        for word in ["line", "column", shown.as_str()] {
            assert!(text.contains(word), "{what}: no {word:?} in: {text}");
        }
        assert!(!text.contains('\n'), "{what}: not one sentence: {text}");

        let text = Store::open(&path).unwrap_err().to_string();
        for word in ["line", "column", shown.as_str()] {
            assert!(text.contains(word), "{what}: no {word:?} in: {text}");
        }
        assert_eq!(
            fs::read(&path).unwrap(),
            content,
            "{what}: the file changed"
        );
        assert!(!dir.path().join("okr.json.bak").exists(), "{what}");
    }
}

#[test]
fn a_newer_file_says_so() {
    let (_, newer) = damaged_files().pop().unwrap();
    let err = format::parse(Path::new("okr.json"), &newer).unwrap_err();
    assert!(matches!(err.problem, store::Problem::Newer(999)), "{err}");
}

// ---------------------------------------------------------------- unknown fields

#[test]
fn unknown_fields_survive_a_load_and_a_save() {
    let file = json!({
        "version": 1,
        "x_top": {"nested": [1, 2.5, "three"]},
        "settings": {"checkin_weekday": "monday", "x_settings": true},
        "objectives": [{
            "id": "o1",
            "title": "Mål",
            "quarter": "2026-Q4",
            "created": "2026-10-01T00:00:00Z",
            "updated": "2026-10-01T00:00:00Z",
            "x_objective": "keep me",
            "retro": {"went_well": "a", "x_retro": 1},
            "key_results": [{
                "id": "kr1",
                "title": "KR",
                "measure": {"type": "numeric", "start": 0.0, "target": 10.0, "current": 2.0,
                            "x_measure": [null]},
                "history": [{"date": "2026-10-05", "value": 2.0, "x_history": {"a": "b"}}],
                "x_key_result": 42
            }, {
                "id": "kr2",
                "title": "Done?",
                "measure": {"type": "done", "done": false, "x_done": "d"}
            }],
            "initiatives": [{"id": "u1", "title": "U", "x_initiative": false}]
        }],
        "checkins": [{
            "week": "2026-W41",
            "date": "2026-10-05",
            "entries": [{"key_result": "kr1", "value": 2.0, "confidence": 6, "x_entry": "e"}],
            "pulse": {"structure": 1, "safety": 2, "meaning": 3, "dependability": 4,
                      "impact": 5, "x_pulse": "p"},
            "x_checkin": [1, 2]
        }]
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();

    let (mut store, mut data) = Store::open(&path).unwrap();
    data.objective_mut(0).unwrap().title = "Changed".into();
    store.save(&data).unwrap();

    let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["objectives"][0]["title"], "Changed");
    for pointer in [
        "/x_top",
        "/settings/x_settings",
        "/objectives/0/x_objective",
        "/objectives/0/retro/x_retro",
        "/objectives/0/key_results/0/measure/x_measure",
        "/objectives/0/key_results/0/history/0/x_history",
        "/objectives/0/key_results/0/x_key_result",
        "/objectives/0/key_results/1/measure/x_done",
        "/objectives/0/initiatives/0/x_initiative",
        "/checkins/0/entries/0/x_entry",
        "/checkins/0/pulse/x_pulse",
        "/checkins/0/x_checkin",
    ] {
        assert_eq!(
            saved.pointer(pointer),
            file.pointer(pointer),
            "{pointer} was not kept"
        );
        assert!(saved.pointer(pointer).is_some(), "{pointer}");
    }
    // The measure keeps its tag next to the unknown field.
    assert_eq!(
        saved["objectives"][0]["key_results"][0]["measure"]["type"],
        "numeric"
    );
}

// ---------------------------------------------------------------- non-finite numbers

#[test]
fn a_number_json_cannot_hold_is_refused_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let old = fs::read(&path).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut data = populated();
        data.objective_mut(0).unwrap().key_results[0]
            .measure
            .set_current(bad);
        // JSON has no NaN or infinity: writing `null` would make a file okr
        // cannot read back. Either the save is refused, or it reads back.
        match store.save(&data) {
            Err(SaveError::Encode(_)) => assert_eq!(fs::read(&path).unwrap(), old),
            Err(e) => panic!("{e:?}"),
            Ok(()) => {
                store::read(&path).unwrap();
            }
        }
    }
}

// ---------------------------------------------------------------- parse never panics

fn mutate(mut bytes: Vec<u8>, edits: &[(u8, usize, u8)]) -> Vec<u8> {
    for &(op, at, byte) in edits {
        let len = bytes.len();
        match op % 3 {
            0 if len > 0 => bytes[at % len] ^= byte | 1,
            1 => bytes.insert(at % (len + 1), byte),
            _ if len > 0 => {
                bytes.remove(at % len);
            }
            _ => {}
        }
    }
    bytes
}

/// Whatever `parse` makes of some bytes, it does not panic; what it accepts
/// saves and reads back the same.
fn parse_is_total(input: &[u8]) {
    match format::parse(Path::new("okr.json"), input) {
        Ok(data) => {
            let out = format::serialize(&data).unwrap();
            let back = format::parse(Path::new("okr.json"), &out).unwrap();
            assert_eq!(back, data);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(input in prop::collection::vec(any::<u8>(), 0..600)) {
        parse_is_total(&input);
    }

    #[test]
    fn parse_never_panics_on_damaged_files(
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..8)
    ) {
        let good = bytes(&populated());
        parse_is_total(&mutate(good, &edits));
    }
}

#[test]
fn open_removes_temp_files_left_by_a_killed_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let stale = dir.path().join(".okr.json.XyZ123.tmp");
    let other = dir.path().join(".notes.json.XyZ123.tmp");
    std::fs::write(&stale, b"{\"half\": ").unwrap();
    std::fs::write(&other, b"not ours").unwrap();
    let _store = okr::store::Store::open(&path).unwrap();
    assert!(!stale.exists(), "the half-written temporary file is gone");
    assert!(
        other.exists(),
        "another file's temporary file is left alone"
    );
}

#[test]
fn the_readmes_example_file_reads_and_saves_back_unchanged() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let from = readme
        .find("### An example")
        .expect("the README has an example file");
    let start = from + readme[from..].find("```json\n").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example = &readme[start..end];
    let data = format::parse(Path::new("README.md"), example.as_bytes()).unwrap();
    let saved = format::serialize(&data).unwrap();
    assert_eq!(
        String::from_utf8(saved).unwrap(),
        example,
        "the README's example is what okr writes"
    );
}
