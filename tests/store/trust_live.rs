//! A teammate's save while the tracker runs, watched at every moment: a
//! state of ours made before their version never reaches the file, not
//! even until the merge repairs it; undo never reaches back past their
//! version; okr's own saves, seen by the real file watcher, never come back
//! as a reload; a save of theirs during the merge's own save is merged
//! again; and fields a newer okr wrote at the file's top level survive.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::support::WAIT;
use crate::support::app::*;
use crate::support::data::{new_objective, titles};
use crate::support::team::someone_else_saves;
use okr::app::saver::{SaveReport, Saver};
use okr::app::{App, Setup};
use okr::model::Lang;
use okr::store::Store;
use serde_json::json;

/// A report of the writer and the titles the file held right after it:
/// every version the writer put in the file is seen, however soon the
/// next one replaced it.
type Seen = (SaveReport, Vec<String>);

/// An app over the example in a temporary folder whose writer reports, with
/// each report, what the file holds then. `setup` sets the store up first.
struct Watched {
    app: App,
    path: PathBuf,
    rx: Receiver<Seen>,
    /// Everything reported so far, in order.
    seen: Vec<Seen>,
    _dir: tempfile::TempDir,
}

impl Watched {
    fn new(setup: impl FnOnce(&mut Store)) -> Watched {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        std::fs::write(&path, okr::store::format::serialize(&demo()).unwrap()).unwrap();
        let (mut store, data) = Store::open(&path).unwrap();
        setup(&mut store);
        let (tx, rx) = mpsc::channel();
        let file = path.clone();
        let saver = Saver::spawn(store, move |r| {
            let _ = tx.send((r, titles_in(&file)));
        });
        Watched {
            app: App::new(
                data,
                Setup {
                    saver: Some(saver),
                    ..Setup::new(Lang::En, today())
                },
            ),
            path,
            rx,
            seen: Vec::new(),
            _dir: dir,
        }
    }

    /// Waits for the writer's next report, hands it to the app as the event
    /// loop does, and returns it.
    fn next(&mut self) -> SaveReport {
        let (report, titles) = self
            .rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|e| panic!("the writer reported nothing in {WAIT:?}: {e}"));
        self.seen.push((report.clone(), titles));
        self.app.on_save(report.clone());
        report
    }

    /// Hands reports to the app until their version arrives.
    fn until_changed(&mut self) {
        while !matches!(self.next(), SaveReport::Changed { .. }) {}
    }

    /// Writes everything and hands every report to the app, until the
    /// writer has nothing left.
    fn settle(&mut self) {
        loop {
            assert!(flushed(&self.app), "everything is on disk");
            let before = self.seen.len();
            while let Ok((report, titles)) = self.rx.try_recv() {
                self.seen.push((report.clone(), titles));
                self.app.on_save(report);
            }
            if self.seen.len() == before {
                return;
            }
        }
    }

    /// The titles of every version of the file the writer saved.
    fn saved_versions(&self) -> Vec<&Vec<String>> {
        self.seen
            .iter()
            .filter(|(r, _)| *r == SaveReport::Saved)
            .map(|(_, t)| t)
            .collect()
    }
}

fn titles_in(path: &Path) -> Vec<String> {
    okr::store::read(path)
        .map(|d| titles(&d))
        .unwrap_or_default()
}

fn has(titles: &[String], title: &str) -> bool {
    titles.iter().any(|t| t == title)
}

#[test]
fn a_state_made_before_their_version_never_reaches_the_file_not_even_for_a_moment() {
    // Made while the writer reads their version (held on a slow disk).
    let mut read = None;
    let mut w = Watched::new(|s| read = Some(s.faults().hold_reads()));
    let read = HeldGate(read.unwrap());
    someone_else_saves(&w.path, |d| new_objective(d, "o900", "Deras nya mål"));
    w.app.poke().unwrap().look();
    read.wait_for_writer();
    add_objective(&mut w.app, "Vårt nya mål");
    read.open();
    w.until_changed();
    w.settle();
    both_in_every_version_from_theirs_on(&w);

    // Waiting to be tried again after a failed save when their version arrives.
    let mut w = Watched::new(|s| s.faults().fail_nth_write(1));
    add_objective(&mut w.app, "Vårt nya mål");
    let failed = w.next();
    assert!(matches!(failed, SaveReport::Failed { .. }), "{failed:?}");
    someone_else_saves(&w.path, |d| new_objective(d, "o900", "Deras nya mål"));
    w.app.poke().unwrap().look();
    w.until_changed();
    w.settle();
    both_in_every_version_from_theirs_on(&w);
}

/// Each version the writer saved holds their Mål (it was on disk before
/// any of them), and the last holds ours too: the merge.
fn both_in_every_version_from_theirs_on(w: &Watched) {
    let versions = w.saved_versions();
    assert!(!versions.is_empty(), "{:?}", w.seen);
    for v in &versions {
        assert!(has(v, "Deras nya mål"), "their version was replaced: {v:?}");
    }
    let file = titles_in(&w.path);
    assert!(has(&file, "Vårt nya mål") && has(&file, "Deras nya mål"));
    assert_eq!(message(&w.app), "Merged with changes by someone else.");
}

#[test]
fn undo_never_reaches_back_past_their_version() {
    // Their version taken as it is (ours saved), or merged with ours.
    for ours_unsaved in [false, true] {
        let mut h = Harness::new(Some(demo()), Lang::En);
        let before = h.app.data().objectives[0].clone();
        if ours_unsaved {
            someone_else_saves(&h.path, |d| {
                Arc::make_mut(&mut d.objectives[0]).why = "Deras varför".into()
            });
        }
        h.keys(&[ch('e'), ctrl('u')]);
        h.type_text("Vår titel");
        h.keys(&[code(ENTER)]);
        flushed(&h.app);
        if !ours_unsaved {
            someone_else_saves(&h.path, |d| {
                let o = Arc::make_mut(&mut d.objectives[0]);
                o.why = "Deras varför".into();
                o.title = "Deras titel".into();
            });
            h.app.poke().unwrap().look();
        }
        flushed(&h.app);
        let reports: Vec<SaveReport> = h.reports.lock().unwrap().drain(..).collect();
        assert!(
            reports
                .iter()
                .any(|r| matches!(r, SaveReport::Changed { .. })),
            "{reports:?}"
        );
        for r in reports {
            h.app.on_save(r);
        }
        let now = h.file().objectives[0].clone();
        assert_eq!(now.why, "Deras varför", "theirs arrived");
        assert_ne!(now, before);
        h.keys(&[ch('u')]);
        assert_eq!(message(&h.app), "Nothing to undo.", "merge: {ours_unsaved}");
        assert_eq!(h.app.data().objectives[0], now);
        assert_eq!(
            h.file().objectives[0],
            now,
            "our old Mål is not written over theirs (merge: {ours_unsaved})"
        );
    }
}

#[test]
fn okrs_own_saves_seen_by_the_file_watcher_never_come_back_as_a_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    std::fs::write(&path, okr::store::format::serialize(&demo()).unwrap()).unwrap();
    let (mut store, data) = Store::open(&path).unwrap();
    let read = store.faults().hold_reads();
    let target = store.target().to_path_buf();
    let (tx, rx) = mpsc::channel();
    let saver = Saver::spawn(store, move |r| {
        let _ = tx.send(r);
    });
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            ..Setup::new(Lang::En, today())
        },
    );
    let read = HeldGate(read);
    let _watch = okr::app::watch::watch(&target, app.poke().unwrap()).unwrap();
    let first = app.data().objectives[0].title.clone();

    app.handle_key(ch('e'));
    app.handle_key(ctrl('u'));
    for c in "Vår titel".chars() {
        app.handle_key(ch(c));
    }
    app.handle_key(code(ENTER));
    // The watcher saw our save land and had the writer read the file.
    read.wait_for_writer();
    read.open();
    assert!(flushed(&app));
    while let Ok(r) = rx.try_recv() {
        assert!(!matches!(r, SaveReport::Changed { .. }), "reloaded: {r:?}");
        app.on_save(r);
    }
    // The step is still there to undo, with no quiet time waited for.
    app.handle_key(ch('u'));
    assert_eq!(message(&app), "Undone.");
    assert_eq!(app.data().objectives[0].title, first);
    assert!(flushed(&app));
    assert_eq!(okr::store::read(&path).unwrap().objectives[0].title, first);
}

#[test]
fn their_save_during_the_merges_own_save_is_merged_again() {
    let (mut read, mut flush) = (None, None);
    let mut w = Watched::new(|s| {
        // Saved once: the merge's save goes straight to its flush.
        let data = okr::store::read(s.path()).unwrap();
        s.save(&data).unwrap();
        read = Some(s.faults().hold_reads());
        flush = Some(s.faults().hold_flushes());
    });
    let (read, flush) = (HeldGate(read.unwrap()), HeldGate(flush.unwrap()));
    someone_else_saves(&w.path, |d| new_objective(d, "o900", "Deras första"));
    w.app.poke().unwrap().look();
    read.wait_for_writer();
    add_objective(&mut w.app, "Vårt nya mål");
    read.open();
    // Their first version arrives; the app merges ours into it and hands
    // the merge over, whose save is held at its flush.
    w.until_changed();
    flush.wait_for_writer();
    someone_else_saves(&w.path, |d| new_objective(d, "o901", "Deras andra"));
    flush.open();
    w.until_changed();
    w.settle();
    let file = titles_in(&w.path);
    for want in ["Deras första", "Vårt nya mål", "Deras andra"] {
        assert!(has(&file, want), "{want}: {file:?}");
    }
    for v in w.saved_versions() {
        assert!(
            has(v, "Deras andra"),
            "their second save was replaced: {v:?}"
        );
    }
    assert_eq!(titles(w.app.data()), file, "the app shows what was saved");
    assert_eq!(message(&w.app), "Merged with changes by someone else.");
}

#[test]
fn fields_a_newer_okr_wrote_at_the_top_of_the_file_survive_a_merge() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // A newer okr saves: fields of its own at the top and in `next_ids`.
    someone_else_saves(&h.path, |d| {
        d.extra
            .insert("team".into(), json!({"name": "Sälj", "since": 2027}));
        d.next_ids.extra.insert("goal".into(), json!(7));
        new_objective(d, "o900", "Deras nya mål");
    });
    // Ours, made before we saw it: merged with theirs.
    add_objective(&mut h.app, "Vårt nya mål");
    flushed(&h.app);
    let reports: Vec<SaveReport> = h.reports.lock().unwrap().drain(..).collect();
    for r in reports {
        h.app.on_save(r);
    }
    assert_eq!(message(&h.app), "Merged with changes by someone else.");
    let file = h.file_json();
    assert_eq!(
        file["team"],
        json!({"name": "Sälj", "since": 2027}),
        "{file:#}"
    );
    assert_eq!(file["next_ids"]["goal"], 7, "{file:#}");
    let titles: Vec<&str> = file["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Vårt nya mål") && titles.contains(&"Deras nya mål"));
}
