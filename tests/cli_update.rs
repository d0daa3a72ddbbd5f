//! `okr update` without a terminal: the value and a history entry recorded,
//! for every kind of measure, with or without a note, in either language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::fs;

use serde_json::Value;
use support::fixture::FIXTURE;
use support::{Sandbox, TODAY, key_result};

#[test]
fn update_records_the_value_and_a_history_entry_with_the_note() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let r = w.okr(&["update", "kr1", "40", "--note", "  Stor order från Berlin "]);
    r.ok();
    assert!(r.stdout.contains("kr1"), "{}", r.stdout);
    // The file's language is Swedish: numbers in its convention.
    assert!(r.stdout.contains("12,5 → 40 MSEK"), "{}", r.stdout);

    let r = w.okr(&["export", "--format", "json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let kr1 = key_result(&v, "kr1");
    assert_eq!(kr1["measure"]["current"], 40.0);
    let history = kr1["history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    let last = &history[1];
    assert_eq!(last["date"], TODAY);
    assert_eq!(last["value"], 40.0);
    assert_eq!(last["confidence"], 7);
    assert_eq!(last["note"], "Stor order från Berlin");

    // Nothing else moved; the unknown field survived; the old file was kept.
    let saved = w.json();
    assert_eq!(key_result(&saved, "kr2")["measure"]["current"], 6.0);
    assert_eq!(saved["from_a_newer_okr"]["keep"], "me");
    assert_eq!(
        fs::read_to_string(w.path().join("okr.json.bak")).unwrap(),
        FIXTURE
    );
    assert!(fs::read_to_string(&file).unwrap().ends_with("}\n"));

    // Ids are matched as people type them.
    let r = w.okr(&["update", "KR1", "41"]);
    r.ok();
    assert_eq!(key_result(&w.json(), "kr1")["measure"]["current"], 41.0);
}

#[test]
fn update_without_a_note_keeps_no_note() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr2", "4"]).ok();
    let saved = w.json();
    let last = key_result(&saved, "kr2")["history"][0].clone();
    assert_eq!(last["value"], 4.0);
    assert!(last.get("note").is_none(), "{last}");
}

#[test]
fn update_takes_a_decimal_comma_and_a_decimal_point() {
    for typed in ["12,5", "12.5"] {
        let w = Sandbox::new();
        w.write(FIXTURE);
        w.okr(&["update", "kr2", typed]).ok();
        let saved = w.json();
        let kr2 = key_result(&saved, "kr2");
        assert_eq!(kr2["measure"]["current"], 12.5, "{typed}");
        assert_eq!(kr2["history"][0]["value"], 12.5, "{typed}");
    }
}

#[test]
fn update_takes_a_negative_value() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr2", "-3"]).ok();
    assert_eq!(key_result(&w.json(), "kr2")["measure"]["current"], -3.0);
    w.okr(&["update", "kr2", "-0,5", "--note", "under noll"])
        .ok();
    let saved = w.json();
    let kr2 = key_result(&saved, "kr2");
    assert_eq!(kr2["measure"]["current"], -0.5);
    // One entry a day: the day's last value, its notes together.
    assert_eq!(kr2["history"][0]["value"], -0.5);
    assert_eq!(kr2["history"][0]["note"], "under noll");
    // The note may come first, and `--` works as in every command line.
    w.okr(&["update", "kr2", "--note", "före", "-1.25"]).ok();
    let saved = w.json();
    let kr2 = key_result(&saved, "kr2");
    assert_eq!(kr2["history"][0]["value"], -1.25);
    assert_eq!(kr2["history"][0]["note"], "under noll; före");
    w.okr(&["update", "kr2", "--", "-7"]).ok();
    let saved = w.json();
    let kr2 = key_result(&saved, "kr2");
    assert_eq!(kr2["history"].as_array().map(Vec::len), Some(1));
    assert_eq!(kr2["history"][0]["value"], -7.0);
    assert_eq!(kr2["measure"]["current"], -7.0);
}

#[test]
fn update_of_a_done_key_result_takes_words() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr3", "done"]).ok();
    let saved = w.json();
    let kr3 = key_result(&saved, "kr3");
    assert_eq!(kr3["measure"]["done"], true);
    assert_eq!(kr3["history"][0]["value"], 1.0);

    w.okr(&["update", "kr3", "nej"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], false);
    w.okr(&["update", "kr3", "ja"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], true);
    w.okr(&["update", "kr3", "0"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], false);

    let before = fs::read(w.file()).unwrap();
    let r = w.okr(&["update", "kr3", "kanske"]);
    r.fails(&["kanske", "done", "no"]);
    assert_eq!(fs::read(w.file()).unwrap(), before);
}

#[test]
fn update_of_levels_records_the_new_value() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr4", "97"]).ok();
    w.okr(&["update", "kr5", "1800"]).ok();
    let saved = w.json();
    assert_eq!(key_result(&saved, "kr4")["measure"]["current"], 97.0);
    assert_eq!(key_result(&saved, "kr4")["measure"]["level"], 98.0);
    assert_eq!(key_result(&saved, "kr5")["measure"]["current"], 1800.0);
}

#[test]
fn update_speaks_the_chosen_language() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "update", "kr1", "40,5"]);
    r.ok();
    assert!(r.stdout.contains("12.5 → 40.5 MSEK"), "{}", r.stdout);
}

#[test]
fn update_takes_any_beginning_that_names_one_id_and_lists_them_when_several() {
    let w = Sandbox::new();
    let kr = |id: &str| {
        serde_json::json!({"id": id, "title": format!("Mät {id}"),
            "measure": {"type": "numeric", "start": 0.0, "target": 10.0, "current": 0.0}})
    };
    w.write_json(&serde_json::json!({
        "version": 2,
        "objectives": [{
            "id": "obcdfghjk", "title": "Mål", "quarter": "2026-Q4",
            "created": "2026-10-01T00:00:00Z", "updated": "2026-10-01T00:00:00Z",
            "key_results": [kr("krbcdfghjk"), kr("krbcdxxxxx"), kr("kr1")]
        }]
    }));
    let r = w.okr(&["--lang", "en", "update", "krbcdf", "5"]);
    r.ok();
    assert!(
        r.stdout.starts_with("krbcdf Mät krbcdfghjk: 0 → 5"),
        "{}",
        r.stdout
    );
    assert_eq!(
        key_result(&w.json(), "krbcdfghjk")["measure"]["current"],
        5.0
    );
    // Any case; an exact id wins over the ids it begins (kr1 is not kr1…).
    w.okr(&["--lang", "en", "update", "KRBCDX", "6"]).ok();
    assert_eq!(
        key_result(&w.json(), "krbcdxxxxx")["measure"]["current"],
        6.0
    );
    w.okr(&["--lang", "en", "update", "kr1", "7"]).ok();
    assert_eq!(key_result(&w.json(), "kr1")["measure"]["current"], 7.0);
    // A beginning of two: both named, nothing changed.
    let before = fs::read(w.file()).unwrap();
    w.okr(&["--lang", "en", "update", "krbcd", "8"]).fails(&[
        "krbcd",
        "krbcdfghjk",
        "krbcdxxxxx",
        "type more",
    ]);
    w.okr(&["--lang", "sv", "update", "krbcd", "8"])
        .fails(&["krbcdfghjk", "skriv mer"]);
    assert_eq!(fs::read(w.file()).unwrap(), before);
}
