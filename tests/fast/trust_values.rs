//! The file's values are checked on load, not only its shape (PRODUCT.md
//! section 7): each rule is refused with the item's id, the field and the
//! rule in English and in Swedish, through the store and the binary, and the
//! file is left byte for byte; and the bounds at input that keep new values
//! (quarters, ids, typed text) within the rules.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::app::{ENTER, Harness, TAB, ch, code};
use crate::support::{Run, Sandbox};
use okr::app::{App, Setup};
use okr::i18n::{EN, SV};
use okr::model::data::MAX_ID_NUMBER;
use okr::model::validate::{Broken, Item, Rule, validate};
use okr::model::{Data, IsoWeek, Lang, Quarter};
use okr::store::{Problem, Store};
use serde_json::{Value, json};

/// A small file that keeps every rule: two Mål (one under the other), key
/// results with history, a linked Uppgift, a check-in with a pulse, line
/// breaks and tabs in the longer texts, and the id counters.
fn valid() -> Value {
    let times = |o: Value| {
        let mut o = o;
        o["created"] = json!("2026-10-01T08:00:00Z");
        o["updated"] = json!("2026-11-16T09:30:00Z");
        o
    };
    json!({
        "version": 1,
        "objectives": [
            times(json!({
                "id": "o1", "title": "Expandera globalt", "why": "Rad ett\nrad\ttvå",
                "quarter": "2026-Q4", "owner": "Säljteamet",
                "key_results": [
                    {
                        "id": "kr1", "title": "Sälj för 100 miljoner",
                        "measure": { "type": "numeric", "start": 0.0, "target": 100.0, "current": 12.5 },
                        "confidence": 7,
                        "history": [
                            { "date": "2026-11-16", "value": 12.5, "confidence": 7, "note": "Två\nnya" }
                        ]
                    },
                    { "id": "kr2", "title": "Lansera", "measure": { "type": "done", "done": false } }
                ],
                "initiatives": [ { "id": "u1", "title": "Anställ", "key_result": "kr1" } ]
            })),
            times(json!({
                "id": "o2", "title": "Nöjdare kunder", "quarter": "2026-Q3", "parent": "o1",
                "score": 0.7, "retro": { "went_well": "fokus\n" },
                "key_results": [
                    { "id": "kr3", "title": "NPS", "measure": { "type": "at_least", "level": 40.0, "current": 42.0 } }
                ]
            }))
        ],
        "checkins": [
            {
                "week": "2026-W47", "date": "2026-11-16",
                "entries": [ { "key_result": "kr1", "value": 12.5, "confidence": 7, "note": "ok" } ],
                "wins": "en affär\n\tstor",
                "pulse": { "structure": 4, "safety": 5, "meaning": 3, "dependability": 2, "impact": 1 }
            }
        ],
        "next_ids": { "o": 3, "kr": 4, "u": 2 }
    })
}

/// `file` with the value at a JSON pointer set (a new key or array element too).
fn with(mut file: Value, pointer: &str, value: Value) -> Value {
    let (head, key) = pointer.rsplit_once('/').unwrap();
    match file.pointer_mut(head).unwrap() {
        Value::Object(m) => {
            m.insert(key.to_string(), value);
        }
        Value::Array(a) => {
            let i: usize = key.parse().unwrap();
            if i == a.len() {
                a.push(value);
            } else {
                a[i] = value;
            }
        }
        other => panic!("{head} is {other}"),
    }
    file
}

fn write(dir: &Path, file: &Value) -> (PathBuf, Vec<u8>) {
    let path = dir.join("okr.json");
    let bytes = serde_json::to_vec_pretty(file).unwrap();
    fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

/// A file refused for its values: the broken rule and the two sentences.
struct Refusal {
    broken: Broken,
    en: String,
    sv: String,
}

/// [`refused`] for the valid file with one value set.
fn refused_at(pointer: &str, value: Value) -> Refusal {
    refused(&with(valid(), pointer, value))
}

/// Loads `file` through the store, read-only and for writing: both refuse it
/// the same way, and the file is left byte for byte, with no backup.
fn refused(file: &Value) -> Refusal {
    let dir = tempfile::tempdir().unwrap();
    let (path, bytes) = write(dir.path(), file);
    let e = okr::store::read(&path).unwrap_err();
    let Problem::Invalid(broken) = e.problem.clone() else {
        panic!("refused, but not for a value: {e}");
    };
    assert_eq!(e.position, None);
    let opened = Store::open(&path).unwrap_err();
    let okr::store::Error::Load(opened) = opened else {
        panic!("refused, but not as unreadable: {opened}");
    };
    assert_eq!(opened.problem, e.problem);
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "the file is left as it was"
    );
    assert!(!dir.path().join("okr.json.bak").exists());
    Refusal {
        broken: *broken,
        en: e.text(&EN),
        sv: e.text(&SV),
    }
}

impl Refusal {
    /// The item, the field and the rule, in the error and in both sentences.
    fn names(&self, item: Item, field: &str, en_rule: &str, sv_rule: &str) -> &Self {
        assert_eq!(self.broken.item, item);
        assert_eq!(self.broken.field, field);
        let id = match &item {
            Item::Objective(id) | Item::KeyResult(id) | Item::Initiative(id) => id.clone(),
            Item::CheckIn(week) => week.to_string(),
            Item::NextIds => "next_ids".into(),
            Item::Conflict(n) => (n + 1).to_string(),
        };
        for (text, rule, left) in [
            (&self.en, en_rule, "the file was left as it is"),
            (&self.sv, sv_rule, "filen har inte ändrats"),
        ] {
            let field = format!("\"{field}\"");
            for part in [id.as_str(), field.as_str(), rule, left] {
                assert!(text.contains(part), "{part:?} is not in: {text}");
            }
            assert!(!text.chars().any(|c| c.is_control()), "raw: {text:?}");
        }
        self
    }
}

fn kr(id: &str) -> Item {
    Item::KeyResult(id.into())
}

fn objective(id: &str) -> Item {
    Item::Objective(id.into())
}

fn week47() -> Item {
    Item::CheckIn("2026-W47".parse::<IsoWeek>().unwrap())
}

#[test]
fn the_valid_file_the_docs_example_and_the_demo_keep_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = write(dir.path(), &valid());
    okr::store::read(&path).unwrap();
    let doc =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/file-format.md")).unwrap();
    let from = doc.find("### An example").unwrap();
    let start = from + doc[from..].find("```json\n").unwrap() + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    fs::write(&path, &doc[start..end]).unwrap();
    okr::store::read(&path).unwrap();
    assert_eq!(validate(&crate::support::app::demo()), Ok(()));
}

#[test]
fn a_confidence_outside_1_to_10_is_refused() {
    let places = [
        (
            "/objectives/0/key_results/0/confidence",
            kr("kr1"),
            "confidence",
        ),
        (
            "/objectives/0/key_results/0/history/0/confidence",
            kr("kr1"),
            "history[0].confidence",
        ),
        (
            "/checkins/0/entries/0/confidence",
            week47(),
            "entries[0].confidence",
        ),
    ];
    for (pointer, item, field) in places {
        for bad in [0u8, 11, 255] {
            refused_at(pointer, json!(bad)).names(
                item.clone(),
                field,
                &format!("from 1 to 10, not {bad}"),
                &format!("från 1 till 10, inte {bad}"),
            );
        }
    }
}

#[test]
fn a_score_outside_0_to_1_is_refused() {
    for (bad, en, sv) in [(2.5, "2.5", "2,5"), (-0.25, "-0.25", "-0,25")] {
        refused_at("/objectives/1/score", json!(bad)).names(
            objective("o2"),
            "score",
            &format!("from 0 to 1, not {en}"),
            &format!("från 0 till 1, inte {sv}"),
        );
    }
}

#[test]
fn a_pulse_rating_outside_1_to_5_is_refused() {
    for (name, bad) in [("safety", 9), ("impact", 0)] {
        refused_at(&format!("/checkins/0/pulse/{name}"), json!(bad)).names(
            week47(),
            &format!("pulse.{name}"),
            &format!("from 1 to 5, not {bad}"),
            &format!("från 1 till 5, inte {bad}"),
        );
    }
}

#[test]
fn an_id_used_twice_is_refused_whatever_its_case_and_kind() {
    let cases = [
        ("/objectives/1/key_results/0/id", "kr1", kr("kr1")),
        ("/objectives/1/key_results/0/id", "KR1", kr("KR1")),
        ("/objectives/1/id", "o1", objective("o1")),
        (
            "/objectives/0/initiatives/0/id",
            "kr2",
            Item::Initiative("kr2".into()),
        ),
    ];
    for (pointer, id, item) in cases {
        refused_at(pointer, json!(id)).names(
            item,
            "id",
            "another item already has this id",
            "något annat har redan det här id:t",
        );
    }
}

#[test]
fn an_initiative_linked_to_a_key_result_its_objective_lacks_is_refused() {
    // Missing, in another Mål, or differing in case from the one it means.
    for link in ["kr9", "kr3", "KR1"] {
        refused_at("/objectives/0/initiatives/0/key_result", json!(link)).names(
            Item::Initiative("u1".into()),
            "key_result",
            &format!("links to key result {link}, which its objective does not have"),
            &format!("pekar på nyckelresultatet {link}, som inte finns i uppgiftens mål"),
        );
    }
}

#[test]
fn two_checkins_for_one_week_are_refused() {
    let second = json!({ "week": "2026-W47", "date": "2026-11-19" });
    refused_at("/checkins/1", second).names(
        week47(),
        "week",
        "already a check-in for this week",
        "redan en incheckning för den här veckan",
    );
}

#[test]
fn a_circle_of_parents_is_refused_also_through_a_chain() {
    for (parent, ring) in [("o1", "o1 → o1"), ("o2", "o1 → o2 → o1")] {
        refused_at("/objectives/0/parent", json!(parent)).names(
            objective("o1"),
            "parent",
            &format!("go round in a circle: {ring}"),
            &format!("går runt i en cirkel: {ring}"),
        );
    }
    // A parent deleted since is no circle: the Mål stands at the top.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = write(
        dir.path(),
        &with(valid(), "/objectives/1/parent", json!("o7")),
    );
    okr::store::read(&path).unwrap();
}

#[test]
fn a_circle_of_carries_is_refused() {
    let file = with(valid(), "/objectives/0/carried_from", json!("o2"));
    refused(&with(file, "/objectives/1/carried_from", json!("o1"))).names(
        objective("o1"),
        "carried_from",
        "carried over from each other in a circle: o1 → o2 → o1",
        "flyttats över från varandra i en cirkel: o1 → o2 → o1",
    );
}

#[test]
fn a_nul_in_an_uppgifts_owner_or_a_conflicts_value_is_refused() {
    let rule = ("U+0000", "U+0000");
    let path = "/objectives/0/initiatives/0/owner";
    refused_at(path, json!("An\0na")).names(Item::Initiative("u1".into()), "owner", rule.0, rule.1);
    let conflict = json!({"item": "o1", "field": "title", "ours": {"a": "x\0"}, "theirs": "y"});
    refused_at("/conflicts", json!([conflict])).names(Item::Conflict(0), "ours", rule.0, rule.1);
}

#[test]
fn a_quarter_outside_years_1_to_9999_is_refused() {
    for (quarter, year) in [("-5-Q1", "-5"), ("10000-Q1", "10000"), ("0-Q4", "0")] {
        refused_at("/objectives/0/quarter", json!(quarter)).names(
            objective("o1"),
            "quarter",
            &format!("from 1 to 9999, not {year}"),
            &format!("från 1 till 9999, inte {year}"),
        );
    }
}

#[test]
fn an_empty_id_is_refused() {
    for (pointer, id, item) in [
        ("/objectives/0/key_results/1/id", "", kr("")),
        ("/objectives/1/id", "  ", objective("  ")),
    ] {
        refused_at(pointer, json!(id)).names(
            item,
            "id",
            "an id may not be empty",
            "ett id får inte vara tomt",
        );
    }
}

#[test]
fn a_nul_in_a_text_or_a_control_character_in_an_id_is_refused() {
    let cases = [
        (
            "/objectives/0/key_results/0/title",
            "Sälj\u{0}",
            kr("kr1"),
            "title",
        ),
        (
            "/objectives/0/key_results/0/history/0/note",
            "a\u{0}b",
            kr("kr1"),
            "history[0].note",
        ),
        (
            "/checkins/0/blockers",
            "semester\u{0}",
            week47(),
            "blockers",
        ),
    ];
    for (pointer, text, item, field) in cases {
        refused_at(pointer, json!(text)).names(
            item,
            field,
            "control character U+0000",
            "styrtecknet U+0000",
        );
    }
    // Any other control character in a text loads, to be shown neutralised.
    for (pointer, text) in [
        ("/objectives/0/owner", "\u{1b}[31mRöd"),
        ("/objectives/0/title", "två\nrader"),
        ("/objectives/0/key_results/0/history/0/note", "a\rb"),
        ("/checkins/0/blockers", "semester\u{85}"),
    ] {
        let data: Data = serde_json::from_value(with(valid(), pointer, json!(text))).unwrap();
        assert_eq!(validate(&data), Ok(()), "{pointer}");
    }
    // An id with one is named with the character escaped, never raw.
    let r = refused_at("/objectives/0/id", json!("o\u{1b}]2;x\u{7}"));
    assert_eq!(r.broken.rule, Rule::ControlCharacter('\u{1b}'));
    assert!(
        r.en.contains("objective o\\u{1b}]2;x\\u{7}, field \"id\""),
        "{}",
        r.en
    );
}

#[test]
fn a_number_too_large_to_be_finite_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = serde_json::to_string_pretty(&valid())
        .unwrap()
        .replacen("12.5", "1e400", 1);
    let path = dir.path().join("okr.json");
    fs::write(&path, &text).unwrap();
    let e = okr::store::read(&path).unwrap_err();
    assert!(e.position.is_some(), "{e}");
    assert!(e.to_string().contains("number out of range"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn an_id_or_counter_near_the_integer_limit_is_refused() {
    let limit = u64::MAX.to_string();
    let above = (MAX_ID_NUMBER + 1).to_string();
    for number in [&limit, &above] {
        let id = format!("kr{number}");
        refused_at("/objectives/0/key_results/1/id", json!(id)).names(
            kr(&id),
            "id",
            &format!("the number {number} is above 1000000000000"),
            &format!("talet {number} är större än 1000000000000"),
        );
    }
    refused_at("/next_ids/kr", json!(u64::MAX)).names(
        Item::NextIds,
        "next_ids.kr",
        &format!("the number {limit} is above"),
        &format!("talet {limit} är större än"),
    );
}

#[test]
fn at_the_id_bound_a_new_key_result_gets_a_free_id_and_the_file_still_loads() {
    let top = format!("kr{MAX_ID_NUMBER}");
    let file = with(valid(), "/objectives/0/key_results/1/id", json!(top));
    let file = with(file, "/next_ids/kr", json!(MAX_ID_NUMBER));
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = write(dir.path(), &file);
    let data: Data = okr::store::read(&path).unwrap();

    let mut h = Harness::new(Some(data), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('a')]);
    h.type_text("Ny");
    h.keys(&[code(TAB), code(TAB)]);
    h.type_text("0");
    h.keys(&[code(TAB)]);
    h.type_text("10");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "the form closed");
    // Reading the file back checks every rule again.
    let saved = h.file();
    let ids: Vec<String> = saved.objectives[0]
        .key_results
        .iter()
        .map(|k| k.id.clone())
        .collect();
    assert_eq!(ids[..2], ["kr1".to_string(), top]);
    assert!(ids[2].starts_with("kr") && ids[2].len() == 10, "{ids:?}");
    assert!(saved.next_ids.kr <= MAX_ID_NUMBER);
}

/// The binary on `path`, in the sandbox's clean, pinned environment.
fn okr(sandbox: &Sandbox, path: &Path, args: &[&str]) -> Run {
    let file = path.to_str().unwrap();
    let mut all = vec!["--file", file];
    all.extend_from_slice(args);
    sandbox.run(&all)
}

#[test]
fn export_update_and_the_tracker_refuse_a_file_that_breaks_a_rule() {
    let twice = ["kr1, field \"id\"", "already has this id"];
    let twice_sv = ["kr1, fältet \"id\"", "har redan det här id:t"];
    let confidence = ["kr1, field \"confidence\"", "from 1 to 10, not 255"];
    let confidence_sv = ["kr1, fältet \"confidence\"", "från 1 till 10, inte 255"];
    let cases = [
        (
            "/objectives/1/key_results/0/id",
            json!("kr1"),
            twice,
            twice_sv,
        ),
        (
            "/objectives/0/key_results/0/confidence",
            json!(255),
            confidence,
            confidence_sv,
        ),
    ];
    for (pointer, value, en, sv) in cases {
        let dir = Sandbox::new();
        let (path, bytes) = write(dir.path(), &with(valid(), pointer, value));
        for format in ["md", "csv", "json"] {
            okr(&dir, &path, &["export", "--format", format]).fails(&en);
        }
        okr(&dir, &path, &["update", "kr1", "50"]).fails(&en);
        okr(&dir, &path, &["--lang", "sv", "update", "kr1", "50"]).fails(&sv);
        okr(&dir, &path, &["--lang", "sv", "export", "--quarter", "all"]).fails(&sv);
        // The tracker reads the file before it takes the terminal.
        okr(&dir, &path, &[]).fails(&en);
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "the file is left as it was"
        );
        assert!(!dir.path().join("okr.json.bak").exists());
    }
}

#[test]
fn update_refuses_a_note_with_a_control_character_and_keeps_the_file() {
    let dir = Sandbox::new();
    let (path, bytes) = write(dir.path(), &valid());
    okr(
        &dir,
        &path,
        &["update", "kr1", "20", "--note", "\u{1b}[2Jx"],
    )
    .fails(&["the note holds the control character U+001B"]);
    assert_eq!(fs::read(&path).unwrap(), bytes);
    // A line break or a tab is fine in a note.
    let r = okr(&dir, &path, &["update", "kr1", "20", "--note", "a\nb\tc"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let back = okr::store::read(&path).unwrap();
    assert_eq!(back.objectives[0].key_results[0].history[1].note, "a\nb\tc");
}

#[test]
fn a_quarter_beyond_9999_is_refused_at_the_command_line() {
    let dir = Sandbox::new();
    let (path, _) = write(dir.path(), &valid());
    for args in [
        &["review", "10000-Q1"][..],
        &["review", "262142-Q4"],
        &["export", "--quarter=0-Q4"],
    ] {
        let r = okr(&dir, &path, args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("from 1 to 9999"), "{}", r.stderr);
    }
}

#[test]
fn next_and_previous_quarter_stop_at_the_years_okr_knows() {
    let at = crate::support::date;
    let mut app = App::new(Data::default(), Setup::new(Lang::En, at(9999, 11, 1)));
    assert_eq!(app.quarter(), Quarter::LAST);
    app.handle_key(ch(']'));
    assert_eq!(
        app.quarter(),
        Quarter::LAST,
        "] at the last quarter stays put"
    );
    app.handle_key(ch('['));
    assert_eq!(app.quarter(), Quarter::new(9999, 3).unwrap());
    let mut app = App::new(Data::default(), Setup::new(Lang::En, at(1, 2, 1)));
    app.handle_key(ch('['));
    assert_eq!(
        app.quarter(),
        Quarter::FIRST,
        "[ at the first quarter stays put"
    );
}

#[test]
fn control_characters_typed_into_a_form_are_dropped() {
    let mut h = Harness::new(None, Lang::En);
    h.keys(&[ch('a')]);
    h.type_text("Väx\u{1b}a\u{85} \u{0}nu");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "the form closed");
    // `h.file()` reads the file through the store's checks.
    assert_eq!(h.file().objectives[0].title, "Växa nu");
}
