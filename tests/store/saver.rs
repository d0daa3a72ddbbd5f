//! The tracker's background writer: the screen never waits for the disk,
//! changes that come faster than saves are written as one (the newest state),
//! and a failed save is shown, retried and loses nothing.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use crate::support::WAIT;
use crate::support::app::*;
use crate::support::data::titles_in;
use okr::app::saver::{SaveReport, Saver};
use okr::app::{App, Setup};
use okr::model::Lang;
use okr::store::Store;

/// An app on a new file in a temporary folder, its store set up by `faults`
/// before the writer starts.
fn app_on_a_new_file(
    faults: impl FnOnce(&mut Store),
    report: impl Fn(SaveReport) + Send + 'static,
) -> (App, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let (mut store, data) = Store::open(&path).unwrap();
    faults(&mut store);
    let saver = Saver::spawn(store, report);
    (
        App::new(
            data,
            Setup {
                saver: Some(saver),
                ..Setup::new(Lang::En, today())
            },
        ),
        path,
        dir,
    )
}

/// The next report of the writer; a writer that never reports fails the test.
fn next_report(rx: &Receiver<SaveReport>) -> SaveReport {
    rx.recv_timeout(WAIT)
        .unwrap_or_else(|e| panic!("the writer reported nothing in {WAIT:?}: {e}"))
}

#[test]
fn keys_are_handled_while_a_save_is_held_up() {
    // The writer is stuck at a gate, as on a slow disk.
    let mut gate = None;
    let (mut app, path, _dir) =
        app_on_a_new_file(|s| gate = Some(s.faults().hold_writes()), |_| {});
    let gate = HeldGate(gate.unwrap());
    add_objective(&mut app, "Första");
    gate.wait_for_writer();
    // The writer is now inside a save. Keys go on being handled.
    add_objective(&mut app, "Andra");
    add_objective(&mut app, "Tredje");
    let titles: Vec<_> = app
        .data()
        .objectives
        .iter()
        .map(|o| o.title.clone())
        .collect();
    assert_eq!(titles, ["Första", "Andra", "Tredje"]);
    assert!(!path.exists(), "nothing reached the disk yet");
    gate.open();
    assert!(flushed(&app));
    assert_eq!(titles_in(&path), titles);
}

/// A report of the writer and the titles in the file when it was made.
type Seen = (SaveReport, Vec<String>);

#[test]
fn changes_made_during_a_save_are_written_as_one_save_of_the_newest_state() {
    // Each report with the titles the file held when it was made.
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let (mut store, data) = Store::open(&path).unwrap();
    let gate = store.faults().hold_writes();
    let (record, file) = (Arc::clone(&seen), path.clone());
    let saver = Saver::spawn(store, move |r| {
        let titles = if file.exists() {
            titles_in(&file)
        } else {
            Vec::new()
        };
        record.lock().unwrap().push((r, titles));
    });
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            ..Setup::new(Lang::En, today())
        },
    );
    // Declared after the app: a failing test opens it before the app waits.
    let gate = HeldGate(gate);

    add_objective(&mut app, "Ett");
    gate.wait_for_writer();
    // While the first save waits at the gate, three more changes.
    for title in ["Två", "Tre", "Fyra"] {
        add_objective(&mut app, title);
    }
    gate.open();
    assert!(flushed(&app), "everything handed over is on disk");

    let all = ["Ett", "Två", "Tre", "Fyra"].map(String::from).to_vec();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            (SaveReport::Saved, vec!["Ett".to_string()]),
            (SaveReport::Saved, all.clone()),
        ],
        "the save in progress, then one save of the newest state"
    );
    assert_eq!(titles_in(&path), all);
}

#[test]
fn a_failed_save_is_shown_and_retried_and_nothing_is_lost() {
    // A store whose next write fails like a full disk.
    let (tx, rx) = mpsc::channel();
    let (mut app, path, _dir) = app_on_a_new_file(
        |s| s.faults().fail_nth_write(1),
        move |r| {
            let _ = tx.send(r);
        },
    );
    add_objective(&mut app, "Spara mig");
    let first = next_report(&rx);
    assert!(matches!(first, SaveReport::Failed { .. }), "{first:?}");
    app.on_save(first);
    assert!(app.save_problem().unwrap().contains("disk is full"));
    assert_eq!(
        app.data().objectives[0].title,
        "Spara mig",
        "kept in memory"
    );
    // q does not quit at once while a change is unsaved.
    app.handle_key(ch('q'));
    assert!(!app.should_quit());
    // The writer retries by itself and succeeds.
    let second = next_report(&rx);
    assert_eq!(second, SaveReport::Saved);
    app.on_save(second);
    assert!(app.save_problem().is_none());
    assert_eq!(titles_in(&path), ["Spara mig"]);
}

#[test]
fn a_data_file_that_is_a_link_stays_a_link_through_saves_and_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("synced").join("okr.json");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    let link = dir.path().join("okr.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (store, data) = Store::open(&link).unwrap();
    let reports = Arc::new(Mutex::new(Vec::new()));
    let r = Arc::clone(&reports);
    let saver = Saver::spawn(store, move |rep| r.lock().unwrap().push(rep));
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            ..Setup::new(Lang::En, today())
        },
    );
    let is_link = || std::fs::symlink_metadata(&link).unwrap().is_symlink();

    add_objective(&mut app, "Vårt första");
    assert!(flushed(&app));
    assert!(is_link(), "a link after the first save");
    assert_eq!(titles_in(&real), ["Vårt första"], "the target has it");

    // Someone else saves the target; the tracker reloads it.
    let mut theirs = okr::store::read(&real).unwrap();
    std::sync::Arc::make_mut(&mut theirs.objectives[0]).title = "Deras titel".into();
    std::fs::write(&real, okr::store::format::serialize(&theirs).unwrap()).unwrap();
    app.poke().unwrap().look();
    flushed(&app);
    let delivered: Vec<SaveReport> = reports.lock().unwrap().drain(..).collect();
    assert!(
        delivered
            .iter()
            .any(|r| matches!(r, SaveReport::Changed { .. })),
        "{delivered:?}"
    );
    for r in delivered {
        app.on_save(r);
    }
    add_objective(&mut app, "Vårt andra");
    assert!(flushed(&app));
    assert!(is_link(), "a link after a reload and a save");
    assert_eq!(titles_in(&real), ["Deras titel", "Vårt andra"]);
    assert_eq!(titles_in(&link), titles_in(&real));
}
