//! End to end in a real terminal (tmux): the tracker open while another
//! process rewrites its file. The screen follows without a key press; a
//! change of ours and theirs both end up in the file; a field changed both
//! ways waits on the conflicts screen.

use std::path::Path;
use std::sync::Arc;

use crate::support::app::{demo, today};
use crate::support::data::titles_in;
use crate::support::term::{Term, sh_quote};
use crate::support::{Immutable, Sandbox};
use okr::model::{Data, Objective};

fn demo_sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let bytes = okr::store::format::serialize(&demo()).unwrap();
    std::fs::write(sandbox.file(), bytes).unwrap();
    sandbox
}

/// Another program's save: read, changed, written whole and renamed over
/// the file (`in_place`: written into the file itself, as some editors do).
fn someone_else_saves(path: &Path, in_place: bool, change: impl FnOnce(&mut Data)) {
    let mut data = okr::store::read(path).unwrap();
    change(&mut data);
    let bytes = okr::store::format::serialize(&data).unwrap();
    if in_place {
        std::fs::write(path, bytes).unwrap();
    } else {
        let tmp = path.with_extension("other.tmp");
        std::fs::write(&tmp, bytes).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    }
}

fn retitle(data: &mut Data, id: &str, title: &str) {
    let at = data.objective_index(id).unwrap();
    Arc::make_mut(&mut data.objectives[at]).title = title.into();
}

fn add_objective(data: &mut Data, id: &str, title: &str) {
    let o = Objective::new(
        id.into(),
        title.into(),
        okr::model::Kind::Committed,
        okr::model::Quarter::of(today(), okr::model::FiscalYear::CALENDAR),
        chrono::Utc::now(),
    );
    data.objectives.push(Arc::new(o));
}

#[test]
fn the_screen_shows_their_changes_without_a_key_press() {
    let sandbox = demo_sandbox();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("Expandera globalt");
    someone_else_saves(&sandbox.file(), false, |d| {
        retitle(d, "o1", "Erövra världen");
        add_objective(d, "o900", "Deras nya mål");
    });
    let screen = t.wait_for("Reloaded: 2 objectives changed by someone else.");
    assert!(screen.contains("Erövra världen"), "{screen}");
    assert!(screen.contains("Deras nya mål"), "{screen}");
    assert!(!screen.contains("Expandera globalt"), "{screen}");
    // Written in place by another program: followed the same way.
    someone_else_saves(&sandbox.file(), true, |d| retitle(d, "o1", "Erövra månen"));
    t.wait_for("Erövra månen");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let file = titles_in(&sandbox.file());
    assert!(file.contains(&"Erövra månen".to_string()), "{file:?}");
}

#[test]
fn with_a_change_of_ours_in_flight_both_survive_in_the_file() {
    let sandbox = demo_sandbox();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("sv"));
    t.wait_for("Expandera globalt");
    t.press("a");
    t.type_text("Vårt nya mål");
    t.wait_for("Vårt nya mål");
    // They save while our form is open; ours is saved right after.
    someone_else_saves(&sandbox.file(), false, |d| {
        add_objective(d, "o900", "Deras nya mål")
    });
    t.press("Enter");
    t.wait_until("both Mål in the file", |_| {
        let file = titles_in(&sandbox.file());
        file.contains(&"Vårt nya mål".to_string()) && file.contains(&"Deras nya mål".to_string())
    });
    let screen = t.wait_for("Deras nya mål");
    assert!(screen.contains("Vårt nya mål"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let file = titles_in(&sandbox.file());
    for want in ["Vårt nya mål", "Deras nya mål", "Expandera globalt"] {
        assert!(file.contains(&want.to_string()), "{want}: {file:?}");
    }
    let left: Vec<String> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".conflict"))
        .collect();
    assert!(left.is_empty(), "no conflict file: {left:?}");
}

/// The same title changed both ways: ours cannot be saved at first (its
/// folder refuses new files), theirs is written into the file in place.
#[test]
fn a_true_conflict_shows_the_conflicts_screen_and_t_takes_theirs() {
    for lang in ["en", "sv"] {
        true_conflict_in(lang);
    }
}

/// The words of the conflicts screen in a language: its title, the field,
/// ours and theirs, and what `t` says.
fn conflict_words(lang: &str) -> [&'static str; 5] {
    match lang {
        "sv" => [
            "Konflikter (1)",
            "(o1) · titel",
            "Vårt: Vår titel",
            "Deras: Deras titel",
            "Tog deras version av titel; 0 konflikter kvar.",
        ],
        _ => [
            "Conflicts (1)",
            "(o1) · title",
            "Ours: Vår titel",
            "Theirs: Deras titel",
            "Took theirs for title; 0 left.",
        ],
    }
}

fn true_conflict_in(lang: &str) {
    let sandbox = Sandbox::new();
    let shared = sandbox.path().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    let file = shared.join("okr.json");
    std::fs::write(&file, okr::store::format::serialize(&demo()).unwrap()).unwrap();
    let command = sandbox.session_command(lang).replace(
        &sh_quote(&sandbox.file().to_string_lossy()),
        &sh_quote(&file.to_string_lossy()),
    );
    let t = Term::start(&sandbox, 100, 30, &command);
    t.wait_for("Expandera globalt");
    let Some(guard) = Immutable::make(&shared) else {
        crate::support::not_applicable("chattr +i is not available on this file system");
        t.press("q");
        t.wait_exit();
        return;
    };
    t.press("e");
    t.press("C-u");
    t.type_text("Vår titel");
    t.wait_for("Vår titel");
    t.press("Enter");
    t.wait_for(if lang == "sv" {
        "Kunde inte spara"
    } else {
        "Could not save"
    });
    someone_else_saves(&file, true, |d| retitle(d, "o1", "Deras titel"));
    t.wait_for(if lang == "sv" {
        "1 konflikt: tryck !"
    } else {
        "1 conflict: press ! to choose"
    });
    drop(guard);
    // The merge is saved once the folder lets it: ours, with theirs recorded.
    t.wait_until("the conflict in the file", |_| {
        okr::store::read(&file).is_ok_and(|d| d.conflicts.len() == 1)
    });
    let [title, field, ours, theirs, took] = conflict_words(lang);
    t.press("!");
    let screen = t.wait_for(title);
    for want in [field, ours, theirs] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    // Enter shows it whole; Esc goes back to the list.
    t.press("Enter");
    t.wait_gone(ours);
    t.press("Escape");
    t.wait_for(ours);
    t.press("t");
    t.wait_for(took);
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = okr::store::read(&file).unwrap();
    assert!(data.conflicts.is_empty());
    assert_eq!(data.objectives[0].title, "Deras titel");
}

#[test]
fn both_notes_are_kept_and_a_refused_choice_says_why_in_a_real_terminal() {
    use serde_json::json;
    let sandbox = Sandbox::new();
    let mut data = demo();
    let (o1, o2) = (data.objectives[0].id.clone(), data.objectives[1].id.clone());
    let kr = data.objectives[0].key_results[0].id.clone();
    Arc::make_mut(&mut data.objectives[1]).parent = Some(o1.clone());
    let entry = |v: f64, note: &str| json!({"date": "2026-11-20", "value": v, "note": note});
    data.conflicts = vec![
        okr::model::Conflict::new(
            &kr,
            "history.2026-11-20",
            entry(4.0, "Bra"),
            entry(5.0, "Sämre"),
        ),
        okr::model::Conflict::new(&o1, "parent", json!(null), json!(o2)),
    ];
    std::fs::write(
        sandbox.file(),
        okr::store::format::serialize(&data).unwrap(),
    )
    .unwrap();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("Expandera globalt");
    t.press("!");
    t.wait_for("Conflicts (2)");
    t.wait_for("value on 2026-11-20");
    t.press("b");
    t.wait_for("Kept our value and both notes for value on 2026-11-20; 1 left.");
    t.press("t");
    let screen = t.wait_for("Cannot take theirs:").replace('\n', " ");
    assert!(screen.contains(&format!("{o1} → {o2} → {o1}")), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let file = okr::store::read(&sandbox.file()).unwrap();
    assert_eq!(file.conflicts.len(), 1, "the refused one waits");
    let day = "2026-11-20".parse().unwrap();
    let k = &file.objectives[0].key_results[0];
    let e = k.history.iter().find(|e| e.date == day).unwrap();
    assert_eq!((e.value, e.note.as_str()), (4.0, "Bra / Sämre"));
}

#[test]
fn the_selection_stays_on_its_item_when_their_version_moves_it() {
    let sandbox = demo_sandbox();
    let q = okr::model::Quarter::of(today(), okr::model::FiscalYear::CALENDAR);
    let mine: Vec<String> = demo()
        .objectives
        .iter()
        .filter(|o| o.quarter == q)
        .map(|o| o.title.clone())
        .collect();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(&format!("▸ {}", mine[0]));
    t.press("j");
    t.wait_for(&format!("▸ {}", mine[1]));
    // They put a new Mål first: what was second is third now.
    someone_else_saves(&sandbox.file(), false, |d| {
        add_objective(d, "o900", "Deras nya mål");
        d.objectives.rotate_right(1);
    });
    let screen = t.wait_for("Reloaded");
    assert!(screen.contains(&format!("▸ {}", mine[1])), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
