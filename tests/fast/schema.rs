//! `okr schema`: the data file's JSON Schema. It is a schema (draft
//! 2020-12, checked against its meta-schema by a validator of its own),
//! every file okr writes and every fixture of the tests keeps it, and a
//! file okr would refuse breaks it.

use std::sync::LazyLock;

use serde_json::{Value, json};

use crate::support::Sandbox;
use crate::support::app::today;
use crate::support::data::{bytes, populated, state};
use crate::support::fixture::FIXTURE;
use okr::model::Lang;

/// The schema `okr schema` prints, compiled once.
static SCHEMA: LazyLock<(boon::Schemas, boon::SchemaIndex)> = LazyLock::new(|| {
    let r = Sandbox::new().okr(&["schema"]);
    r.ok();
    let schema: Value = serde_json::from_str(&r.stdout).expect("okr schema prints JSON");
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource("okr-schema.json", schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile("okr-schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e:#}"));
    (schemas, index)
});

/// Whether `file` keeps the schema: the validator's words when not.
pub fn check(file: &Value) -> Result<(), String> {
    let (schemas, index) = &*SCHEMA;
    schemas.validate(file, *index).map_err(|e| format!("{e:#}"))
}

fn json_of(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn okr_schema_prints_a_draft_2020_12_schema_of_this_format() {
    let r = Sandbox::new().okr(&["schema"]);
    r.ok();
    let schema: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["version"]["maximum"],
        okr::model::FORMAT_VERSION
    );
    assert!(r.stdout.ends_with("}\n"));
    // Its own words only: the code's comments stay in the code.
    assert!(!r.stdout.contains("[`"), "{}", r.stdout);
    // It needs no data file, and it compiles.
    let _ = &*SCHEMA;
}

#[test]
fn every_file_okr_writes_and_every_fixture_keeps_the_schema() {
    let mut files: Vec<(String, Value)> = vec![
        ("the fixture".into(), serde_json::from_str(FIXTURE).unwrap()),
        ("populated".into(), json_of(&bytes(&populated()))),
        (
            "empty".into(),
            json_of(&bytes(&okr::model::Data::default())),
        ),
    ];
    for lang in [Lang::Sv, Lang::En] {
        let demo = okr::demo::example_in(today(), lang);
        files.push((format!("the demo ({lang:?})"), json_of(&bytes(&demo))));
    }
    for n in 0..8 {
        files.push((format!("state {n}"), json_of(&bytes(&state(n)))));
    }
    for (name, file) in &files {
        if let Err(e) = check(file) {
            panic!("{name} breaks the schema: {e}");
        }
    }
}

/// A way to break a file: what it does, and how.
type Break = (&'static str, fn(&mut Value));

#[test]
fn a_file_okr_would_refuse_breaks_the_schema() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let broken: [Break; 9] = [
        ("no title", |f| {
            f["objectives"][0].as_object_mut().unwrap().remove("title");
        }),
        ("a kind okr does not know", |f| {
            f["objectives"][0]["kind"] = json!("bogus")
        }),
        ("a fifth quarter", |f| {
            f["objectives"][0]["quarter"] = json!("2026-Q5")
        }),
        ("a measure without its type", |f| {
            f["objectives"][0]["key_results"][0]["measure"]
                .as_object_mut()
                .unwrap()
                .remove("type");
        }),
        ("a step of 0", |f| {
            f["objectives"][0]["key_results"][0]["step"] = json!(0)
        }),
        ("a newer format", |f| {
            f["version"] = json!(okr::model::FORMAT_VERSION + 1)
        }),
        ("a date that is no date", |f| {
            f["objectives"][0]["key_results"][0]["history"][0]["date"] = json!("2026-11-31")
        }),
        ("a weekday that is no weekday", |f| {
            f["settings"]["checkin_weekday"] = json!("someday")
        }),
        ("Mål that are no list", |f| f["objectives"] = json!({})),
    ];
    assert_eq!(check(&fixture), Ok(()));
    for (what, breaks) in broken {
        let mut file = fixture.clone();
        breaks(&mut file);
        assert!(check(&file).is_err(), "{what}: the schema takes it");
        // And okr refuses it too: the schema says no more than okr does.
        let w = Sandbox::new();
        w.write(&serde_json::to_string(&file).unwrap());
        let r = w.okr(&["status"]);
        assert_ne!(r.code, Some(0), "{what}: okr takes it\n{}", r.stdout);
    }
}
