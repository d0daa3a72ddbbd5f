//! Every way the tracker and `okr update` change the file keeps the fields this
//! version does not know, at every level of the file.

use crate::support::app::*;
use okr::model::{Data, Lang};
use ratatui::crossterm::event::KeyCode;
use serde_json::{Value, json};

/// Today's quarter (2026-Q4, today is in 2026-W48) with an unknown field at
/// every level: the file, settings, Mål, retro, key result, measure, history
/// entry, Uppgift, check-in, check-in entry and pulse.
fn file_with_unknown_fields() -> Value {
    json!({
        "version": 1,
        "x_top": {"nested": [1, 2.5, "three"]},
        "settings": {"checkin_weekday": "monday", "x_settings": true},
        "objectives": [{
            "id": "o1",
            "title": "Bli självförsörjande på el",
            "kind": "aspirational",
            "quarter": "2026-Q4",
            "created": "2026-10-01T00:00:00Z",
            "updated": "2026-10-01T00:00:00Z",
            "x_objective": "keep me",
            "retro": {"went_well": "a", "x_retro": 1},
            "key_results": [{
                "id": "kr1",
                "title": "Producera solel",
                "measure": {"type": "numeric", "start": 0.0, "target": 10.0, "current": 2.0,
                            "x_measure": [null]},
                "confidence": 6,
                "history": [{"date": "2026-10-05", "value": 2.0, "x_history": {"a": "b"}}],
                "x_key_result": 42
            }, {
                "id": "kr2",
                "title": "Plan klar",
                "measure": {"type": "done", "done": false, "x_done": "d"}
            }],
            "initiatives": [{"id": "u1", "title": "Ring elektrikern", "x_initiative": false}]
        }],
        "checkins": [{
            "week": "2026-W48",
            "date": "2026-11-23",
            "entries": [
                {"key_result": "kr1", "value": 2.0, "confidence": 6, "x_entry": "e"},
                {"key_result": "kr2", "value": 0.0, "confidence": 5}
            ],
            "wins": "En vinst",
            "pulse": {"structure": 1, "safety": 2, "meaning": 3, "dependability": 4,
                      "impact": 5, "x_pulse": "p"},
            "x_checkin": [1, 2]
        }]
    })
}

const UNKNOWN: [&str; 11] = [
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
];

fn harness() -> Harness {
    let data: Data = serde_json::from_value(file_with_unknown_fields()).unwrap();
    Harness::new(Some(data), Lang::En)
}

/// Every unknown field is in the saved file as it was, and the file changed.
fn assert_kept(saved: &Value, path: &str) {
    let original = file_with_unknown_fields();
    assert_ne!(saved, &original, "{path}: the edit changed nothing");
    for pointer in UNKNOWN.iter().chain(&["/checkins/0/x_checkin"]) {
        assert_eq!(
            saved.pointer(pointer),
            original.pointer(pointer),
            "{path}: {pointer} was not kept"
        );
    }
}

fn edit_by_keys(path: &str, steps: impl FnOnce(&mut Harness)) {
    let mut h = harness();
    steps(&mut h);
    assert!(h.app.modal().is_none(), "{path}: the form closed");
    assert_kept(&h.file_json(), path);
}

#[test]
fn editing_a_mal_in_its_form_keeps_unknown_fields() {
    edit_by_keys("Mål form", |h| {
        h.keys(&[ch('e')]);
        h.type_text(" i Hjulsjö");
        h.keys(&[code(ENTER)]);
    });
}

#[test]
fn editing_a_key_result_in_its_form_keeps_unknown_fields_also_in_its_measure() {
    edit_by_keys("key result form", |h| {
        h.keys(&[code(TAB), ch('e'), code(KeyCode::End)]);
        h.type_text("!");
        h.keys(&[code(ENTER)]);
    });
    // A new kind of measure keeps them too.
    edit_by_keys("key result form, new measure", |h| {
        h.keys(&[
            code(TAB),
            ch('e'),
            code(TAB),
            code(KeyCode::Right),
            code(ENTER),
        ]);
        assert_eq!(
            h.file_json()["objectives"][0]["key_results"][0]["measure"]["type"],
            "done"
        );
    });
}

#[test]
fn editing_an_uppgift_in_its_form_and_toggling_it_keep_unknown_fields() {
    edit_by_keys("Uppgift form", |h| {
        h.keys(&[code(ENTER), code(TAB), ch('e')]);
        h.type_text(" i dag");
        h.keys(&[code(ENTER)]);
    });
    edit_by_keys("toggle", |h| h.keys(&[code(ENTER), code(TAB), ch('x')]));
}

#[test]
fn values_set_by_v_and_stepped_by_plus_and_minus_keep_unknown_fields() {
    edit_by_keys("v", |h| {
        h.keys(&[code(TAB), ch('v')]);
        h.type_text("5");
        h.keys(&[code(ENTER)]);
    });
    edit_by_keys("+ and -", |h| {
        h.keys(&[code(TAB), ch('+'), ch('+'), ch('-')])
    });
}

#[test]
fn a_check_in_keeps_unknown_fields_of_the_check_in_its_entries_and_pulse() {
    edit_by_keys("check-in", |h| {
        // The week is checked in: c opens it from the top, to edit.
        h.keys(&[ch('c'), code(TAB), code(TAB)]);
        h.type_text("bättre nu");
        h.keys(&[
            code(ENTER),
            code(ENTER),
            ctrl('s'),
            code(ENTER),
            code(ENTER),
        ]);
    });
    let mut h = harness();
    h.keys(&[ch('c'), code(TAB), code(TAB)]);
    h.type_text("bättre nu");
    h.keys(&[code(ENTER)]);
    let saved = h.file_json();
    assert_eq!(saved["checkins"][0]["entries"][0]["note"], "bättre nu");
    assert_eq!(saved["checkins"][0]["entries"][0]["x_entry"], "e");
}

#[test]
fn the_review_form_and_a_carry_keep_unknown_fields() {
    edit_by_keys("review and carry", |h| {
        // The aspirational Mål is offered to carry: Ctrl-S saves, Enter carries.
        h.keys(&[ch('r'), code(ENTER), ctrl('s'), code(ENTER)]);
        assert_eq!(
            h.file().objectives.len(),
            2,
            "carried into the next quarter"
        );
    });
}

#[test]
fn okr_update_keeps_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    std::fs::write(
        &path,
        serde_json::to_vec_pretty(&file_with_unknown_fields()).unwrap(),
    )
    .unwrap();
    let mut out = Vec::new();
    okr::commands::update::update(
        &path,
        "kr1",
        "7",
        Some("ny"),
        (Some(Lang::En), &okr::hooks::Hooks::default()),
        today(),
        &mut out,
    )
    .unwrap();
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        saved["objectives"][0]["key_results"][0]["measure"]["current"],
        7.0
    );
    assert_kept(&saved, "okr update");
}
