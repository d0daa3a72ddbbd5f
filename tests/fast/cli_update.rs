//! `okr update` without a terminal: the value and a history entry recorded,
//! for every kind of measure, with or without a note, in either language.

use std::fs;

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, TODAY, key_result};
use serde_json::Value;

#[test]
fn update_records_the_value_and_a_history_entry_with_the_note() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let r = w.okr(&["update", "kr1", "40", "--note", "  Stor order från Berlin "]);
    r.ok();
    assert!(r.stdout.contains("kr1"), "{}", r.stdout);
    // The file's language is Swedish: numbers in its convention.
    assert!(r.stdout.contains("12,5 → 40\u{a0}MSEK"), "{}", r.stdout);

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

/// The fixture with kr1's latest entry dated after today: 25 MSEK on
/// 2026-11-30 (a teammate's clock, or a value entered ahead).
fn with_a_later_entry(w: &Sandbox) {
    let mut data: Value = serde_json::from_str(FIXTURE).unwrap();
    let kr1 = &mut data["objectives"][0]["key_results"][0];
    kr1["measure"]["current"] = 25.0.into();
    kr1["history"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"date": "2026-11-30", "value": 25.0, "confidence": 7}));
    w.write_json(&data);
}

#[test]
fn update_before_a_later_entry_says_the_current_value_stays() {
    for (lang, said, not_said) in [
        (
            "en",
            "kr1 Sälj för 100 miljoner: 30 MSEK recorded for 2026-11-24; the current value stays 25 MSEK (the latest by date, from 2026-11-30)",
            "25 → 30",
        ),
        (
            "sv",
            "kr1 Sälj för 100 miljoner: 30\u{a0}MSEK sparades för 2026-11-24; värdet nu är fortfarande 25\u{a0}MSEK (det senast daterade, från 2026-11-30)",
            "25 → 30",
        ),
    ] {
        let w = Sandbox::new();
        with_a_later_entry(&w);
        let r = w.okr(&["--lang", lang, "update", "kr1", "30"]);
        r.ok();
        assert_eq!(r.stdout.trim_end(), said, "{lang}");
        assert!(!r.stdout.contains(not_said), "{lang}: {}", r.stdout);
        // What it says is what the file holds.
        let saved = w.json();
        let kr1 = key_result(&saved, "kr1");
        assert_eq!(kr1["measure"]["current"], 25.0, "{lang}");
        let history = kr1["history"].as_array().unwrap();
        assert_eq!(history[1]["date"], TODAY, "{lang}: {history:?}");
        assert_eq!(history[1]["value"], 30.0, "{lang}");
        assert_eq!(history[2]["date"], "2026-11-30", "{lang}");
    }
    // Once today is the latest date, the arrow is true again.
    let w = Sandbox::new();
    with_a_later_entry(&w);
    let mut later = w.command();
    later.env("OKR_TODAY", "2026-12-01");
    let r = w.okr_with(later, &["--lang", "en", "update", "kr1", "30"]);
    r.ok();
    assert!(r.stdout.contains("25 → 30 MSEK"), "{}", r.stdout);
}

#[test]
fn update_of_a_mals_id_says_it_is_a_mal_whose_progress_comes_from_its_key_results() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let before = fs::read(w.file()).unwrap();
    let line = w
        .okr(&["--lang", "en", "update", "o1", "3"])
        .fails(&[
            "o1 is an objective (“Expandera globalt”), not a key result",
            "an objective's progress comes from its key results",
            "update one of them (kr1, kr2, kr3)",
        ])
        .to_string();
    assert!(!line.contains("no initiative"), "{line}");
    w.okr(&["--lang", "sv", "update", "O2", "3"]).fails(&[
        "o2 är ett mål (”Gör våra kunder glada”), inget nyckelresultat",
        "ett mål får sitt framsteg från sina nyckelresultat",
        "uppdatera något av dem (kr4)",
    ]);
    // A Mål without key results of its own says so.
    let mut data: Value = serde_json::from_str(FIXTURE).unwrap();
    data["objectives"][1]["key_results"] = serde_json::json!([]);
    w.write_json(&data);
    let before_empty = fs::read(w.file()).unwrap();
    w.okr(&["--lang", "en", "update", "o2", "3"])
        .fails(&["o2 is an objective", "it has none of its own yet"]);
    w.okr(&["--lang", "sv", "update", "o2", "3"])
        .fails(&["o2 är ett mål", "det har inga egna än"]);
    assert_eq!(fs::read(w.file()).unwrap(), before_empty);
    // An id of nothing at all is still said to be neither.
    w.write(std::str::from_utf8(&before).unwrap());
    w.okr(&["--lang", "en", "update", "x9", "3"])
        .fails(&["no key result", "x9"]);
    assert_eq!(fs::read(w.file()).unwrap(), before);
}
