//! Reading the data file: damaged and newer files refused with their place,
//! unknown fields kept, parsing total on any bytes, the file format's example.

use std::fs;
use std::path::Path;

use crate::support::data::{bytes, populated};
use okr::store::{self, Store, format};
use proptest::prelude::*;
use serde_json::{Value, json};

// ---------------------------------------------------------------- refusals

fn damaged_files() -> Vec<(&'static str, Vec<u8>)> {
    let good = bytes(&populated());
    let mut title_number: Value = serde_json::from_slice(&good).unwrap();
    title_number["objectives"][0]["title"] = json!(5);
    let newer = String::from_utf8(good.clone()).unwrap().replacen(
        &format!("\"version\": {}", okr::model::FORMAT_VERSION),
        "\"version\": 999",
        1,
    );
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
    // A second unknown field after each first one: their order is not the
    // order of the alphabet, so a sorted save would show.
    let mut file = file;
    add_a_second_unknown_field(&mut file);
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
    let objects = unknown_fields_come_last_in_their_order(&file, &saved, "");
    assert_eq!(objects, 12, "every object with unknown fields was checked");
}

/// Adds `"x_a"` after the unknown fields (`x_…`) of every object that has some.
fn add_a_second_unknown_field(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.values_mut().for_each(add_a_second_unknown_field);
            if map.keys().any(|k| k.starts_with("x_")) {
                map.insert("x_a".into(), json!("second"));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(add_a_second_unknown_field),
        _ => {}
    }
}

/// Checks that in every object of `saved` the unknown fields (`x_…`) of the
/// same object in `input` come after all known ones, in the input's order.
/// Returns how many objects had unknown fields.
fn unknown_fields_come_last_in_their_order(input: &Value, saved: &Value, at: &str) -> usize {
    match (input, saved) {
        (Value::Object(i), Value::Object(s)) => {
            let unknown: Vec<&String> = i.keys().filter(|k| k.starts_with("x_")).collect();
            let keys: Vec<&String> = s.keys().collect();
            assert!(keys.len() >= unknown.len(), "{at}: {keys:?}");
            assert_eq!(
                keys[keys.len() - unknown.len()..],
                unknown,
                "{at}: the unknown fields are not last in their order: {keys:?}"
            );
            let inner: usize = i
                .iter()
                .filter(|(k, _)| !k.starts_with("x_"))
                .filter_map(|(k, v)| {
                    let here = format!("{at}/{k}");
                    Some(unknown_fields_come_last_in_their_order(v, s.get(k)?, &here))
                })
                .sum();
            inner + usize::from(!unknown.is_empty())
        }
        (Value::Array(i), Value::Array(s)) => i
            .iter()
            .zip(s)
            .enumerate()
            .map(|(n, (i, s))| unknown_fields_come_last_in_their_order(i, s, &format!("{at}/{n}")))
            .sum(),
        _ => 0,
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

// ------------------------------------------------ the file format's example

#[test]
fn the_docs_example_file_reads_and_saves_back_unchanged() {
    let doc =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/file-format.md")).unwrap();
    let from = doc
        .find("### An example")
        .expect("docs/file-format.md has an example file");
    let start = from + doc[from..].find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let data = format::parse(Path::new("docs/file-format.md"), example.as_bytes()).unwrap();
    let saved = format::serialize(&data).unwrap();
    assert_eq!(
        String::from_utf8(saved).unwrap(),
        example,
        "the file format's example is what okr writes"
    );
}
