//! Someone else changes the file while the tracker runs (PRODUCT.md section
//! 9): their version is read and taken in with the selection kept; with
//! changes of ours not yet saved the two are merged and saved; a field
//! changed both ways waits on the conflicts screen. The writer is made to
//! read the file as the file watcher makes it (tests/terminal/e2e_live.rs
//! drives the real watcher).

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

use crate::support::WAIT;
use crate::support::app::*;
use crate::support::data::{new_objective, titles};
use crate::support::team::someone_else_saves;
use okr::app::saver::{SaveReport, Saver};
use okr::app::{App, Modal, Screen, Setup};
use okr::model::{Data, Lang, Objective};
use okr::store::Store;

/// What the file watcher does after a change: the writer reads the file;
/// then what it reported is handed to the app, as the event loop does.
fn notice(h: &mut Harness) {
    h.app.poke().unwrap().look();
    flushed(&h.app);
    deliver(h);
}

/// The writer's reports so far, handed to the app in order.
fn deliver(h: &mut Harness) {
    let reports: Vec<SaveReport> = h.reports.lock().unwrap().drain(..).collect();
    for r in reports {
        h.app.on_save(r);
    }
}

fn objective_mut<'a>(data: &'a mut Data, id: &str) -> &'a mut Objective {
    let at = data.objective_index(id).unwrap();
    Arc::make_mut(&mut data.objectives[at])
}

fn selected_id(app: &App) -> String {
    app.objective().unwrap().id.clone()
}

#[test]
fn a_reload_takes_their_version_keeps_the_selection_by_id_and_says_how_many_changed() {
    for (lang, said) in [
        (Lang::En, "Reloaded: 2 objectives changed by someone else."),
        (
            Lang::Sv,
            "Läste in filen igen: någon annan har ändrat 2 mål.",
        ),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        h.select_objective(2);
        h.focus_key_results();
        h.keys(&[ch('j')]);
        let (o, kr) = (selected_id(&h.app), h.app.sel_key_result());
        someone_else_saves(&h.path, |d| {
            new_objective(d, "o900", "Deras nya mål");
            objective_mut(d, &o).title = "Deras titel".into();
        });
        notice(&mut h);
        assert_eq!(h.app.data().objectives[0].title, "Deras nya mål");
        assert_eq!(selected_id(&h.app), o, "the same Mål stays selected");
        assert_eq!(h.app.sel_objective(), 3, "found where it is now");
        assert_eq!(h.app.sel_key_result(), kr);
        assert_eq!(h.app.objective().unwrap().title, "Deras titel");
        assert_eq!(message(&h.app), said);
        // Taken as it is: nothing of ours to write, the file stays theirs.
        let before = std::fs::read(&h.path).unwrap();
        assert!(flushed(&h.app));
        assert_eq!(std::fs::read(&h.path).unwrap(), before);
    }
}

#[test]
fn a_reload_of_a_deleted_selection_clamps_and_leaves_the_detail() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.open_detail_of(4);
    let gone = selected_id(&h.app);
    someone_else_saves(&h.path, |d| {
        let at = d.objective_index(&gone).unwrap();
        d.objectives.remove(at);
    });
    notice(&mut h);
    assert!(
        matches!(h.app.screen(), Screen::Quarter),
        "{:?}",
        h.app.screen()
    );
    assert!(h.app.data().objective_index(&gone).is_none());
    assert!(h.app.sel_objective() < h.app.quarter_objectives().len());
    screen(&h.app, 80, 24);
}

#[test]
fn our_unsaved_change_and_theirs_are_merged_and_both_saved() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // They save first; our next save finds the file changed under it.
    someone_else_saves(&h.path, |d| new_objective(d, "o900", "Deras nya mål"));
    let theirs = std::fs::read(&h.path).unwrap();
    h.keys(&[ch('a')]);
    h.type_text("Vårt nya mål");
    h.keys(&[code(ENTER)]);
    flushed(&h.app);
    deliver(&mut h);
    let file = titles(&h.file());
    assert!(file.contains(&"Deras nya mål".to_string()), "{file:?}");
    assert!(file.contains(&"Vårt nya mål".to_string()), "{file:?}");
    assert_eq!(titles(h.app.data()), file, "the app shows what was saved");
    assert_eq!(message(&h.app), "Merged with changes by someone else.");
    assert_eq!(
        h.app.objective().unwrap().title,
        "Vårt nya mål",
        "ours stays selected"
    );
    let conflict_copies = std::fs::read_dir(h.dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("conflict")
        })
        .count();
    assert_eq!(conflict_copies, 0, "nothing went to a conflict file");
    // The first write of the run replaced their version: that is the backup.
    assert_eq!(std::fs::read(h.dir().join("okr.json.bak")).unwrap(), theirs);
}

/// An app whose writer reads the file only when a test opens the gate.
fn app_with_held_reads() -> (App, mpsc::Receiver<SaveReport>, HeldGate, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    std::fs::write(&path, okr::store::format::serialize(&demo()).unwrap()).unwrap();
    let (mut store, data) = Store::open(&path).unwrap();
    let gate = HeldGate(store.faults().hold_reads());
    let (tx, rx) = mpsc::channel();
    let saver = Saver::spawn(store, move |r| {
        let _ = tx.send(r);
    });
    (
        App::new(
            data,
            Setup {
                saver: Some(saver),
                ..Setup::new(Lang::En, today())
            },
        ),
        rx,
        gate,
        dir,
    )
}

#[test]
fn keys_are_handled_while_a_reload_is_held_up_and_nothing_of_either_is_lost() {
    let (mut app, rx, gate, dir) = app_with_held_reads();
    let path = dir.path().join("okr.json");
    someone_else_saves(&path, |d| new_objective(d, "o900", "Deras nya mål"));
    app.poke().unwrap().look();
    // The writer is now inside the read, as on a slow disk. Keys go on.
    gate.wait_for_writer();
    app.handle_key(ch('a'));
    for c in "Vårt nya mål".chars() {
        app.handle_key(ch(c));
    }
    app.handle_key(code(ENTER));
    assert!(titles(app.data()).contains(&"Vårt nya mål".to_string()));
    gate.open();
    // Their version arrives; ours, made meanwhile, is merged into it.
    let report = rx.recv_timeout(WAIT).unwrap();
    assert!(matches!(report, SaveReport::Changed { .. }), "{report:?}");
    app.on_save(report);
    assert!(flushed(&app));
    while let Ok(r) = rx.try_recv() {
        app.on_save(r);
    }
    assert!(flushed(&app));
    let file = titles(&okr::store::read(&path).unwrap());
    assert!(file.contains(&"Deras nya mål".to_string()), "{file:?}");
    assert!(file.contains(&"Vårt nya mål".to_string()), "{file:?}");
}

#[test]
fn a_form_open_during_a_reload_keeps_what_is_typed_and_saves_it() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('e'), ctrl('u')]);
    h.type_text("Halvskrivet");
    someone_else_saves(&h.path, |d| new_objective(d, "o900", "Deras nya mål"));
    notice(&mut h);
    assert!(
        matches!(h.app.modal(), Some(Modal::Form(_))),
        "the form stays open"
    );
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none());
    let file = titles(&h.file());
    assert!(file.contains(&"Halvskrivet".to_string()), "{file:?}");
    assert!(file.contains(&"Deras nya mål".to_string()), "{file:?}");
}

#[test]
fn saving_a_form_whose_item_they_deleted_says_so_and_changes_nothing() {
    for (lang, said) in [
        (
            Lang::En,
            "was deleted by someone else while the form was open",
        ),
        (
            Lang::Sv,
            "togs bort av någon annan medan formuläret var öppet",
        ),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        let gone = selected_id(&h.app);
        h.keys(&[ch('e')]);
        h.type_text(" mer");
        someone_else_saves(&h.path, |d| {
            let at = d.objective_index(&gone).unwrap();
            d.objectives.remove(at);
        });
        notice(&mut h);
        h.keys(&[code(ENTER)]);
        assert!(h.app.modal().is_none());
        let m = message(&h.app);
        assert!(m.contains(said) && m.contains(&gone), "{m}");
        assert!(
            h.file().objective_index(&gone).is_none(),
            "not brought back"
        );
    }
}

/// Both sides change the first Mål's title: ours through its form, theirs on disk.
fn a_true_conflict(lang: Lang) -> Harness {
    let mut h = Harness::new(Some(demo()), lang);
    let id = selected_id(&h.app);
    someone_else_saves(&h.path, |d| {
        objective_mut(d, &id).title = "Deras titel".into()
    });
    h.keys(&[ch('e'), ctrl('u')]);
    h.type_text("Vår titel");
    h.keys(&[code(ENTER)]);
    flushed(&h.app);
    deliver(&mut h);
    h
}

#[test]
fn a_field_changed_both_ways_keeps_ours_and_waits_on_the_conflicts_screen() {
    for (lang, said) in [
        (
            Lang::En,
            "Merged with changes by someone else. 1 conflict: press ! to choose.",
        ),
        (
            Lang::Sv,
            "Slog ihop med någon annans ändringar. 1 konflikt: tryck ! för att välja.",
        ),
    ] {
        let mut h = a_true_conflict(lang);
        assert_eq!(message(&h.app), said);
        assert_eq!(h.app.objective().unwrap().title, "Vår titel");
        let file = h.file();
        assert_eq!(file.conflicts.len(), 1, "the conflict is in the file");
        // The status line says it until it is chosen, also after other keys.
        h.keys(&[ch('j')]);
        let text = screen(&h.app, 100, 30);
        assert!(text.contains(&said[said.find("1 ").unwrap()..]), "{text}");
        h.keys(&[ch('k'), ch('!')]);
        assert!(matches!(h.app.screen(), Screen::Conflicts { .. }));
        let text = screen(&h.app, 100, 30);
        // The field in the user's words.
        let field = if lang == Lang::Sv {
            "· titel"
        } else {
            "· title"
        };
        for want in ["Vår titel", "Deras titel", field] {
            assert!(text.contains(want), "{want}:\n{text}");
        }
    }
}

#[test]
fn t_takes_theirs_o_keeps_ours_and_u_undoes_the_choice() {
    let mut h = a_true_conflict(Lang::En);
    let id = selected_id(&h.app);
    h.keys(&[ch('!'), ch('t')]);
    assert!(h.app.data().conflicts.is_empty());
    assert!(matches!(h.app.screen(), Screen::Quarter), "none left: back");
    let file = h.file();
    assert_eq!(
        file.objectives[file.objective_index(&id).unwrap()].title,
        "Deras titel"
    );
    assert!(file.conflicts.is_empty(), "saved like every change");
    assert_eq!(message(&h.app), "Took theirs for title; 0 left.");

    h.keys(&[ch('u')]);
    assert_eq!(
        h.app.data().conflicts.len(),
        1,
        "undo brings the conflict back"
    );
    assert_eq!(h.app.objective().unwrap().title, "Vår titel");
    h.keys(&[ch('!'), ch('o')]);
    assert!(h.app.data().conflicts.is_empty());
    let file = h.file();
    assert_eq!(
        file.objectives[file.objective_index(&id).unwrap()].title,
        "Vår titel"
    );
    assert!(file.conflicts.is_empty());
}

#[test]
fn an_exclamation_mark_without_conflicts_says_so() {
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.keys(&[ch('!')]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(message(&h.app), "Inga konflikter att lösa.");
}

#[test]
fn a_file_they_left_unreadable_is_said_and_our_changes_go_to_a_conflict_file() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    std::fs::write(&h.path, "{ this is not json").unwrap();
    notice(&mut h);
    let m = message(&h.app);
    assert!(
        m.starts_with(
            "Someone else changed the file and it cannot be read now (line 1, column 3: "
        ),
        "{m}"
    );
    assert!(m.ends_with("). okr keeps showing what you see."), "{m}");
    assert!(!m.contains(&h.path.display().to_string()), "no path: {m}");
    assert_eq!(
        h.app.data().objectives.len(),
        demo().objectives.len(),
        "okr keeps what it has"
    );
    h.keys(&[ch('a')]);
    h.type_text("Vårt nya mål");
    h.keys(&[code(ENTER)]);
    flushed(&h.app);
    deliver(&mut h);
    assert_eq!(
        std::fs::read_to_string(&h.path).unwrap(),
        "{ this is not json"
    );
    let copy = h.dir().join("okr.json.conflict");
    let saved = okr::store::read(&copy).unwrap();
    assert!(titles(&saved).contains(&"Vårt nya mål".to_string()));
    assert!(
        h.app
            .save_problem()
            .unwrap_or("")
            .contains("okr.json.conflict")
    );
    // They put a readable file back: it is merged with ours and saved.
    let mut fixed = demo();
    new_objective(&mut fixed, "o900", "Deras nya mål");
    std::fs::write(&h.path, okr::store::format::serialize(&fixed).unwrap()).unwrap();
    notice(&mut h);
    let file = titles(&h.file());
    for want in ["Vårt nya mål", "Deras nya mål"] {
        assert!(file.contains(&want.to_string()), "{want}: {file:?}");
    }
    deliver(&mut h);
    assert_eq!(
        h.app.save_problem(),
        None,
        "the merge was saved to the file"
    );
    assert_eq!(
        okr::store::read(&copy).unwrap(),
        saved,
        "the conflict file stays"
    );
}

#[test]
fn their_version_of_our_new_mål_is_merged_into_it_and_ours_stays_selected() {
    let mut gate = None;
    let mut h = Harness::with_store(Some(demo()), Lang::En, |store| {
        gate = Some(store.faults().hold_writes());
    });
    let gate = HeldGate(gate.unwrap());
    h.keys(&[ch('a')]);
    h.type_text("Vårt nya mål");
    h.keys(&[code(ENTER)]);
    let ours = selected_id(&h.app);
    gate.wait_for_writer();
    // While our save waits, they save a Mål with our id (as a commit
    // picked onto both sides would have it).
    someone_else_saves(&h.path, |d| new_objective(d, &ours, "Deras nya mål"));
    h.keys(&[code(ENTER)]);
    gate.open();
    flushed(&h.app);
    deliver(&mut h);
    assert_eq!(selected_id(&h.app), ours, "our id never changes");
    assert_eq!(h.app.objective().unwrap().title, "Vårt nya mål");
    assert!(matches!(h.app.screen(), Screen::Detail { objective } if *objective == ours));
    // A drawn id is one item wherever it is: theirs is merged into ours,
    // field by field, the title both changed a conflict that keeps ours.
    let file = h.file();
    let same: Vec<_> = file.objectives.iter().filter(|o| o.id == ours).collect();
    assert_eq!(same.len(), 1, "one Mål with the id");
    assert_eq!(same[0].title, "Vårt nya mål");
    let said = &file.conflicts[0];
    assert_eq!(
        (said.item.as_str(), said.field.as_str()),
        (ours.as_str(), "title")
    );
    assert_eq!(said.theirs, serde_json::json!("Deras nya mål"));
}

#[test]
fn a_reload_that_removes_what_a_screen_shows_never_panics() {
    type Step = (&'static str, fn(&mut Harness));
    let steps: [Step; 9] = [
        ("check-in walk", |h| h.walk_to(1)),
        ("pulse", |h| h.walk_to_pulse()),
        ("review", |h| h.keys(&[ch('r'), ch('j')])),
        ("review form", |h| h.open_review_form_of(3)),
        ("carry", |h| h.open_carry_dialog_of(3)),
        ("key result view", |h| h.open_key_result_view(1)),
        ("search", |h| h.search_for("kund")),
        ("detail", |h| h.open_initiatives_of(4)),
        ("conflicts", |h| h.open_conflicts()),
    ];
    for (name, step) in steps {
        for keep in [0, 1] {
            let mut h = Harness::new(Some(demo()), Lang::En);
            step(&mut h);
            flushed(&h.app);
            // They delete every Mål but the first `keep`, and the check-ins.
            someone_else_saves(&h.path, |d| {
                d.objectives.truncate(keep);
                d.checkins.clear();
            });
            notice(&mut h);
            // Taken in, or merged where the step changed something of ours.
            assert!(
                h.app.live_generation() > 0,
                "{name}: their version taken in"
            );
            for k in [
                ch('j'),
                code(ENTER),
                ch('k'),
                ch('x'),
                code(ESC),
                code(ENTER),
                code(ESC),
            ] {
                h.app.handle_key(k);
                for (w, hgt) in [(80, 24), (40, 12), (1, 1)] {
                    screen(&h.app, w, hgt);
                }
            }
        }
    }
}

#[test]
fn a_file_changed_while_okr_writes_its_save_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    std::fs::write(&path, okr::store::format::serialize(&demo()).unwrap()).unwrap();
    let (store, data) = Store::open(&path).unwrap();
    // okr's save has checked the file and is writing (held at the gate);
    // a third writer replaces the file meanwhile.
    their_save_during_ours_stays(store, data, &path, Held::Write);
}

/// The example with a "why" long enough to make the file over a megabyte.
fn large_demo() -> Data {
    let mut data = demo();
    Arc::make_mut(&mut data.objectives[0]).why = "Varför det spelar roll. ".repeat(50_000);
    data
}

#[test]
fn a_file_changed_during_a_later_save_is_not_replaced_at_any_size() {
    // Saved once already (the backup taken): only the look at the last
    // moment stands between okr's save and their work. Their save lands
    // while okr writes its new version, or while it flushes it to the disk.
    for data in [demo(), large_demo()] {
        for during in [Held::Write, Held::Flush] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("okr.json");
            std::fs::write(&path, okr::store::format::serialize(&data).unwrap()).unwrap();
            let (mut store, data) = Store::open(&path).unwrap();
            store.save(&data).unwrap();
            their_save_during_ours_stays(store, data, &path, during);
        }
    }
    assert!(okr::store::format::serialize(&large_demo()).unwrap().len() > 1 << 20);
}

/// Where okr's save is held while someone else saves.
#[derive(Clone, Copy, Debug)]
enum Held {
    /// At its first write.
    Write,
    /// At the flush of its new version to the disk.
    Flush,
}

/// Holds okr's save of `data` (a Mål fewer) while a third writer saves the
/// file, then lets it go: the save is refused as a conflict and their file
/// stays.
fn their_save_during_ours_stays(mut store: Store, mut data: Data, path: &Path, during: Held) {
    let gate = HeldGate(match during {
        Held::Write => store.faults().hold_writes(),
        Held::Flush => store.faults().hold_flushes(),
    });
    data.objectives.pop();
    let saving = std::thread::spawn(move || store.save(&data));
    gate.wait_for_writer();
    someone_else_saves(path, |d| new_objective(d, "o900", "Deras nya mål"));
    let theirs = std::fs::read(path).unwrap();
    gate.open();
    let result = join(saving);
    assert!(
        matches!(result, Err(okr::store::SaveError::Conflict(_))),
        "{during:?}: {result:?}"
    );
    assert_eq!(
        std::fs::read(path).unwrap(),
        theirs,
        "{during:?}: their file stays"
    );
}

#[test]
fn their_save_during_the_trackers_flush_is_merged_and_the_user_told() {
    for data in [demo(), large_demo()] {
        let mut gate = None;
        let mut before = Vec::new();
        let mut h = Harness::with_store(Some(data), Lang::En, |store| {
            before = std::fs::read(store.path()).unwrap();
            let data = okr::store::read(store.path()).unwrap();
            store.save(&data).unwrap();
            gate = Some(store.faults().hold_flushes());
        });
        let gate = HeldGate(gate.unwrap());
        h.keys(&[ch('a')]);
        h.type_text("Vårt nya mål");
        h.keys(&[code(ENTER)]);
        gate.wait_for_writer();
        someone_else_saves(&h.path, |d| new_objective(d, "o900", "Deras nya mål"));
        gate.open();
        flushed(&h.app);
        deliver(&mut h);
        let file = titles(&h.file());
        assert!(file.contains(&"Deras nya mål".to_string()), "{file:?}");
        assert!(file.contains(&"Vårt nya mål".to_string()), "{file:?}");
        assert_eq!(message(&h.app), "Merged with changes by someone else.");
        let backup = std::fs::read(h.dir().join("okr.json.bak")).unwrap();
        assert_eq!(backup, before, "the backup is the file before the run");
    }
}

#[test]
fn the_conflicts_screen_shows_their_text_without_its_control_characters() {
    // A file that holds the conflicts a merge left.
    let mut data = demo();
    let ours = data.objectives[0].title.clone();
    data.conflicts.push(okr::model::Conflict::new(
        "2026-W48 Anna",
        "wins",
        serde_json::Value::Null,
        "Röd\u{1b}[31m\u{202e}text\nrad två".into(),
    ));
    data.conflicts.push(okr::model::Conflict::new(
        data.objectives[0].id.clone(),
        "title",
        ours.into(),
        "Deras titel".into(),
    ));
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('!')]);
    for (w, hgt) in [(100, 30), (40, 12), (1, 1)] {
        let text = screen(&h.app, w, hgt);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
    }
    let text = screen(&h.app, 100, 30);
    for want in [
        "Conflicts (2)",
        "▶ 2026-W48 Anna · wins",
        "Ours: (none)",
        "Theirs: Röd",
        "Expandera globalt (o1) · title",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    h.keys(&[ch('j'), ch('t')]);
    assert_eq!(
        h.app.data().objectives[0].title,
        "Deras titel",
        "j chose the second"
    );
    assert_eq!(h.app.data().conflicts.len(), 1);
    assert!(
        matches!(h.app.screen(), Screen::Conflicts { sel: 0, .. }),
        "{:?}",
        h.app.screen()
    );
}

#[test]
fn a_teammate_who_moves_the_start_of_the_year_leaves_the_view_on_the_same_days() {
    use okr::model::FiscalYear;
    use okr::model::fiscal::{Relabel, relabel};
    let mut h = Harness::new(Some(demo()), Lang::En);
    assert_eq!(h.app.label(h.app.quarter()), "2026 Q4");
    someone_else_saves(&h.path, |d| {
        let Relabel::Renamed { data, .. } = relabel(d, FiscalYear::starting(7).unwrap()) else {
            panic!("refused")
        };
        *d = data;
    });
    notice(&mut h);
    assert_eq!(h.app.label(h.app.quarter()), "FY2027 Q2");
    assert_eq!(h.app.quarter_objectives().len(), demo().objectives.len());
}
