//! Nothing is lost and nothing unseen is touched: conflict and rescue files
//! never overwrite, read-only and missing files are left alone, history stays
//! in date order, the lock never names a wrong process, a tiny window acts on nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::app::*;
use crate::support::{Sandbox, date, display, listing};
use chrono::NaiveDate;
use okr::app::saver::Saver;
use okr::app::{App, Setup};
use okr::model::{Data, KeyResult, Lang, Measure};
use okr::store::{self, SaveError, Store};

fn write_demo(path: &Path) {
    fs::write(path, okr::store::format::serialize(&demo()).unwrap()).unwrap();
}

#[test]
fn a_second_runs_conflict_never_overwrites_the_first_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    write_demo(&path);
    let mut copies = Vec::new();
    for run in 0..3 {
        let (mut store, mut data) = crate::support::reopen(&path);
        // Someone else writes the file while this run has it open.
        let mut theirs = data.clone();
        theirs.settings.extra.insert("run".into(), run.into());
        fs::write(&path, okr::store::format::serialize(&theirs).unwrap()).unwrap();
        data.settings.extra.insert("mine".into(), run.into());
        assert!(matches!(store.save(&data), Err(SaveError::Conflict(_))));
        let copy = store.save_conflict_copy(&data).unwrap();
        // A later change of the same run goes to the same copy.
        data.settings.extra.insert("later".into(), run.into());
        assert_eq!(store.save_conflict_copy(&data).unwrap(), copy);
        copies.push(copy);
    }
    assert_eq!(
        copies,
        [".conflict", ".conflict.2", ".conflict.3"]
            .map(|s| dir.path().join(format!("okr.json{s}")))
    );
    for (run, copy) in copies.iter().enumerate() {
        let kept = okr::store::read(copy).unwrap();
        assert_eq!(kept.settings.extra["mine"], run, "{}", copy.display());
        assert_eq!(kept.settings.extra["later"], run);
    }
}

#[test]
fn what_cannot_be_saved_is_written_to_a_new_rescue_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    write_demo(&path);
    let before = fs::read(&path).unwrap();
    let (mut store, data) = Store::open(&path).unwrap();
    store.faults().fail_all_writes();
    let saver = Saver::spawn(store, |_| {});
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            ..Setup::new(Lang::En, today())
        },
    );
    app.handle_key(ch('d'));
    app.handle_key(ch('y'));
    assert!(!flushed(&app), "the change is not on disk");
    assert_eq!(fs::read(&path).unwrap(), before, "the file is as it was");
    let first = store::write_rescue(&path, app.data()).unwrap();
    let second = store::write_rescue(&path, app.data()).unwrap();
    assert_eq!(first, dir.path().join("okr.json.rescue"));
    assert_eq!(
        second,
        dir.path().join("okr.json.rescue.2"),
        "never overwritten"
    );
    let rescued = okr::store::read(&first).unwrap();
    assert_eq!(rescued.objectives.len(), demo().objectives.len() - 1);
    use std::os::unix::fs::PermissionsExt;
    for rescue in [&first, &second] {
        let mode = fs::metadata(rescue).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by its owner only");
    }
    assert_eq!(rescued, *app.data());
}

#[test]
fn with_the_folder_unwritable_the_rescue_goes_to_the_temporary_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    write_demo(&path);
    // Root ignores permission bits; an immutable folder stops even root.
    let locked = Command::new("chattr")
        .arg("+i")
        .arg(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    if !locked {
        crate::support::not_applicable("chattr +i is not available on this file system");
        return;
    }
    // Made once: the demo's Mål carry the second they were made in.
    let data = demo();
    let result = store::write_rescue(&path, &data);
    let _ = Command::new("chattr").arg("-i").arg(dir.path()).status();
    let rescue = result.unwrap();
    assert!(
        rescue.starts_with(std::env::temp_dir()),
        "{}",
        rescue.display()
    );
    assert_eq!(okr::store::read(&rescue).unwrap(), data);
    fs::remove_file(rescue).unwrap();
}

#[test]
fn update_of_a_read_only_file_is_refused_and_leaves_it_and_its_folder_alone() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let path = sandbox.file();
    write_demo(&path);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = (fs::read(&path).unwrap(), listing(sandbox.path()));
    sandbox
        .okr(&["update", "kr1", "70"])
        .fails(&["read-only", &display(&path)]);
    assert_eq!((fs::read(&path).unwrap(), listing(sandbox.path())), before);
    sandbox
        .okr(&["--lang", "sv", "update", "kr1", "70"])
        .fails(&["skrivskyddad"]);
}

#[test]
fn update_through_a_missing_folder_or_a_broken_link_creates_nothing() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path();
    std::os::unix::fs::symlink("nowhere/okr.json", dir.join("dangling.json")).unwrap();
    std::os::unix::fs::symlink("loop-b.json", dir.join("loop-a.json")).unwrap();
    std::os::unix::fs::symlink("loop-a.json", dir.join("loop-b.json")).unwrap();
    let before = listing(dir);
    for file in ["missing/folder/okr.json", "dangling.json", "loop-a.json"] {
        sandbox
            .run(&["--file", file, "update", "kr1", "70"])
            .fails(&[file, "does not exist", "kr1"]);
        assert_eq!(listing(dir), before, "{file} created something");
    }
}

#[test]
fn the_tracker_on_a_read_only_file_shows_it_and_changes_nothing() {
    let mut h = Harness::with_setup(Some(demo()), Lang::En, |s| s.read_only = true);
    let before = std::fs::read(&h.path).unwrap();
    h.keys(&[ch('d'), ch('y')]);
    assert_eq!(h.app.data().objectives.len(), demo().objectives.len());
    let message = h.app.message().unwrap().text.clone();
    assert!(message.contains("read-only"), "{message}");
    flushed(&h.app);
    assert_eq!(std::fs::read(&h.path).unwrap(), before);
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_but_quit() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.app.resize(okr::ui::MIN_WIDTH - 1, okr::ui::MIN_HEIGHT);
    for key in [
        ch('j'),
        ch('d'),
        ch('y'),
        ch('a'),
        ch('c'),
        code(ENTER),
        ch('?'),
    ] {
        assert!(!h.app.handle_key(key), "{key:?} acted unseen");
    }
    assert!(h.app.modal().is_none() && !h.app.help_open());
    assert_eq!(h.app.sel_objective(), 0);
    assert_eq!(h.file().objectives.len(), demo().objectives.len());
    assert!(h.app.handle_key(ch('q')));
    assert!(h.app.should_quit());
}

#[test]
fn a_value_recorded_for_an_earlier_date_keeps_the_history_in_order_and_the_latest_value() {
    let mut k = KeyResult::new(
        "kr1".into(),
        "Sälj".into(),
        Measure::numeric(0.0, 100.0, ""),
    );
    k.record(date(2026, 11, 10), 40.0, Some(6), String::new(), None);
    k.record(date(2026, 11, 20), 60.0, Some(7), String::new(), None);
    // A check-in dated before the last entry (a teammate's clock, a pinned date).
    k.record(date(2026, 11, 16), 50.0, Some(5), "sen".into(), None);
    let dates: Vec<NaiveDate> = k.history.iter().map(|h| h.date).collect();
    assert_eq!(
        dates,
        [date(2026, 11, 10), date(2026, 11, 16), date(2026, 11, 20)]
    );
    assert_eq!(
        k.measure.current(),
        60.0,
        "the latest by date stays current"
    );
    assert_eq!(k.confidence, 7);
    assert_eq!(k.history[1].value, 50.0);
    // A later one becomes current.
    k.record(date(2026, 11, 24), 70.0, None, String::new(), None);
    assert_eq!(k.measure.current(), 70.0);
    assert_eq!(k.history.last().map(|h| h.confidence), Some(Some(7)));
}

#[test]
fn a_refused_second_okr_never_names_a_process_that_is_gone() {
    use std::io::{Seek, Write};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    write_demo(&path);
    let lock_path: PathBuf = dir.path().join("okr.json.lock");
    // A process that has ended: its id is free.
    let mut child = Command::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    let mut holder = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&lock_path)
        .unwrap();
    holder.try_lock().unwrap();
    for (text, named) in [
        (format!("{gone}\n"), None),
        (
            format!("{}\n", std::process::id()),
            Some(std::process::id()),
        ),
        // Half-written: no whole line yet.
        (format!("{}", std::process::id()), None),
    ] {
        holder.set_len(0).unwrap();
        holder.rewind().unwrap();
        holder.write_all(text.as_bytes()).unwrap();
        let err = Store::open(&path).unwrap_err();
        let store::Error::Open(open) = err else {
            panic!("refused, but not for the lock: {err}");
        };
        assert_eq!(
            open,
            store::OpenError::LockHeld(path.clone(), named),
            "{text:?}"
        );
        let sentence = open.text(&okr::i18n::EN);
        assert!(sentence.contains("another okr"), "{sentence}");
        assert!(!sentence.contains(&gone.to_string()), "{sentence}");
    }
    drop(holder);
    // A holder that ends cleanly leaves no id behind.
    drop(crate::support::reopen(&path));
    assert_eq!(fs::read_to_string(&lock_path).unwrap(), "");
}

#[test]
fn demo_refuses_a_file_of_the_users_and_leaves_it_alone() {
    let sandbox = Sandbox::new();
    let path = sandbox.file();
    write_demo(&path);
    let before = fs::read(&path).unwrap();
    sandbox.okr(&["demo"]).fails(&["--file", "temporary"]);
    assert_eq!(fs::read(&path).unwrap(), before);
    let _: Data = okr::store::read(&path).unwrap();
}
