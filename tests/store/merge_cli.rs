//! `okr merge BASE OURS THEIRS` on files: exit codes, what it writes and
//! what it leaves alone (git's contract for a merge driver).

use std::path::{Path, PathBuf};

use crate::support::{Run, Sandbox};
use serde_json::{Value, json};

fn store(objectives: Value) -> Value {
    json!({"version": 2, "objectives": objectives})
}

fn objective(id: &str, title: &str) -> Value {
    json!({"id": id, "title": title, "quarter": "2026-Q4",
           "created": "2026-10-01T00:00:00Z", "updated": "2026-10-01T00:00:00Z"})
}

fn put(s: &Sandbox, name: &str, v: &Value) -> PathBuf {
    let p = s.path().join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).unwrap()).unwrap();
    p
}

fn merge(s: &Sandbox, base: &Path, ours: &Path, theirs: &Path) -> Run {
    let arg = |p: &Path| p.to_str().unwrap().to_string();
    s.run(&["merge", &arg(base), &arg(ours), &arg(theirs)])
}

/// The names in the sandbox's folder, but for its home and data folders.
fn names(s: &Sandbox) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(s.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "home" && n != "data")
        .collect();
    n.sort();
    n
}

#[test]
fn a_clean_merge_exits_0_and_writes_ours_only() {
    let s = Sandbox::new();
    let base = put(&s, "base", &store(json!([objective("o1", "A")])));
    let ours = put(
        &s,
        "ours",
        &store(json!([objective("o1", "A"), objective("o2", "Mine")])),
    );
    let theirs = put(&s, "theirs", &store(json!([objective("o1", "Renamed")])));
    let before_theirs = std::fs::read(&theirs).unwrap();
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = crate::support::read_json(&ours);
    let titles: Vec<&str> = out["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Renamed", "Mine"]);
    assert!(
        out.get("conflicts").is_none(),
        "no conflicts list when clean"
    );
    assert_eq!(std::fs::read(&theirs).unwrap(), before_theirs);
    // No lock, no backup, no temporary file beside git's files.
    assert_eq!(names(&s), ["base", "ours", "theirs"]);
}

#[test]
fn a_conflict_exits_1_with_a_valid_file_holding_the_conflicts_list() {
    let s = Sandbox::new();
    let base = put(&s, "base", &store(json!([objective("o1", "A")])));
    let ours = put(&s, "ours", &store(json!([objective("o1", "Mine")])));
    let theirs = put(&s, "theirs", &store(json!([objective("o1", "Theirs")])));
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "okr: 1 field changed differently on both sides; ours is kept, theirs is in the file's conflicts list until someone chooses\n"
    );
    let out = okr::store::read(&ours).unwrap();
    assert_eq!(out.objectives[0].title, "Mine");
    assert_eq!(out.conflicts[0].theirs, json!("Theirs"));
    assert_eq!(names(&s), ["base", "ours", "theirs"]);
}

#[test]
fn the_count_of_conflicts_is_worded_for_one_and_for_many_in_either_language() {
    let s = Sandbox::new();
    let two = |a: &str, b: &str| store(json!([objective("o1", a), objective("o2", b)]));
    let run = |lang: &str, theirs: &Value| {
        let base = put(&s, "base", &two("A", "B"));
        let ours = put(&s, "ours", &two("Mine", "Mine too"));
        let theirs = put(&s, "theirs", theirs);
        let arg = |p: &Path| p.to_str().unwrap().to_string();
        let r = s.run(&[
            "--lang",
            lang,
            "merge",
            &arg(&base),
            &arg(&ours),
            &arg(&theirs),
        ]);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        r.stderr
    };
    let one = two("Theirs", "B");
    let both = two("Theirs", "Theirs too");
    assert!(run("en", &both).starts_with(
        "okr: 2 fields changed differently on both sides; ours are kept, theirs are in"
    ));
    for said in [run("en", &one), run("en", &both)] {
        assert!(!said.contains("(s)"), "{said}");
    }
    assert!(run("sv", &one).contains(
        "1 fält har ändrats på olika sätt på båda sidor; vårt värde behölls och deras ligger"
    ));
    assert!(run("sv", &both).contains(
        "2 fält har ändrats på olika sätt på båda sidor; våra värden behölls och deras ligger"
    ));
}

#[test]
fn a_copy_that_cannot_be_read_is_named_exit_2_and_nothing_is_written() {
    let s = Sandbox::new();
    let base = put(&s, "base", &store(json!([])));
    let ours = put(&s, "ours", &store(json!([objective("o1", "Mine")])));
    let theirs = s.path().join("theirs");
    std::fs::write(&theirs, "{ not json").unwrap();
    let before = std::fs::read(&ours).unwrap();
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("cannot read {}", theirs.display())),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "one sentence: {}", r.stderr);
    assert_eq!(std::fs::read(&ours).unwrap(), before);
    let gone = s.path().join("gone");
    let r = merge(&s, &base, &gone, &ours);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("gone"), "{}", r.stderr);
    assert!(!gone.exists());
    assert_eq!(names(&s), ["base", "ours", "theirs"]);
}

#[test]
fn format_1_copies_and_an_empty_base_merge_into_this_format() {
    let s = Sandbox::new();
    // git gives an empty base when both sides added the file.
    let base = s.path().join("base");
    std::fs::write(&base, "").unwrap();
    let v1 = json!({"version": 1, "objectives": [objective("o1", "Old")],
                    "checkins": [{"week": "2026-W47", "date": "2026-11-16"}]});
    let ours = put(&s, "ours", &v1);
    let theirs = put(&s, "theirs", &store(json!([objective("o2", "New")])));
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = okr::store::read(&ours).unwrap();
    assert_eq!(out.version, okr::model::FORMAT_VERSION);
    assert_eq!(out.objectives.len(), 2);
    assert_eq!(out.checkins.len(), 1);
}

#[test]
fn an_id_given_by_hand_on_both_sides_keeps_ours_and_gives_theirs_a_new_one() {
    let s = Sandbox::new();
    let base = put(&s, "base", &store(json!([objective("o1", "A")])));
    let ours = put(
        &s,
        "ours",
        &store(json!([objective("o1", "A"), objective("o2", "Mine")])),
    );
    let theirs = put(
        &s,
        "theirs",
        &store(json!([objective("o1", "A"), objective("o2", "Theirs")])),
    );
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(1), "in the conflicts list: {}", r.stderr);
    assert!(r.stderr.contains("their o2 is now o"), "{}", r.stderr);
    let out = okr::store::read(&ours).unwrap();
    let ids: Vec<(&str, &str)> = out
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.title.as_str()))
        .collect();
    assert!(
        ids.contains(&("o1", "A")) && ids.contains(&("o2", "Mine")),
        "ours keep their ids: {ids:?}"
    );
    let (new, _) = *ids.iter().find(|(_, t)| *t == "Theirs").unwrap();
    assert!(new.starts_with('o') && new != "o2", "{new}");
    let c = &out.conflicts[0];
    assert_eq!((c.item.as_str(), c.field.as_str()), (new, "id"));
    assert_eq!(c.theirs, json!("o2"));
}

fn with_krs(id: &str, title: &str, krs: &[&str]) -> Value {
    let mut o = objective(id, title);
    o["key_results"] = krs
        .iter()
        .map(|k| json!({"id": k, "title": format!("KR {k}"), "measure": {"type": "done", "done": false}}))
        .collect();
    o
}

#[test]
fn conflicts_already_in_the_file_do_not_stop_a_clean_merge() {
    let s = Sandbox::new();
    let waiting = json!([{"item": "o1", "field": "title", "ours": "A", "theirs": "B"}]);
    let mut b = store(json!([objective("o1", "A")]));
    b["conflicts"] = waiting.clone();
    let mut o = store(json!([objective("o1", "A"), objective("o2", "Mine")]));
    o["conflicts"] = waiting.clone();
    let mut t = store(json!([objective("o1", "A"), objective("o3", "Theirs")]));
    t["conflicts"] = waiting.clone();
    let (base, ours, theirs) = (
        put(&s, "base", &b),
        put(&s, "ours", &o),
        put(&s, "theirs", &t),
    );
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let out = crate::support::read_json(&ours);
    assert_eq!(out["conflicts"], waiting, "the waiting conflict stays");
    assert_eq!(out["objectives"].as_array().unwrap().len(), 3);
}

#[test]
fn key_results_moved_on_both_sides_give_a_file_okr_reads() {
    let s = Sandbox::new();
    let base = put(
        &s,
        "base",
        &store(json!([
            with_krs("o1", "A", &["kr1"]),
            with_krs("o2", "B", &[]),
            with_krs("o3", "C", &[])
        ])),
    );
    // Moved one way on our side, another way on theirs.
    let ours = put(
        &s,
        "ours",
        &store(json!([
            with_krs("o1", "A", &[]),
            with_krs("o2", "B", &["kr1"]),
            with_krs("o3", "C", &[])
        ])),
    );
    let theirs = put(
        &s,
        "theirs",
        &store(json!([
            with_krs("o1", "A", &[]),
            with_krs("o2", "B", &[]),
            with_krs("o3", "C", &["kr1"])
        ])),
    );
    let r = merge(&s, &base, &ours, &theirs);
    assert_eq!(r.code, Some(1), "a conflict: {}", r.stderr);
    let data = okr::store::read(&ours).unwrap();
    let holders: Vec<&str> = data
        .objectives
        .iter()
        .filter(|o| o.key_result("kr1").is_some())
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(holders, ["o2"], "once, where ours put it");
    assert_eq!(data.conflicts[0].field, "objective");
}

#[test]
fn fields_a_newer_okr_wrote_at_the_top_and_in_next_ids_survive_on_either_side() {
    let s = Sandbox::new();
    let plain = store(json!([objective("o1", "A")]));
    let mut newer = plain.clone();
    newer["team"] = json!({"name": "Sälj", "since": 2027});
    newer["next_ids"] = json!({"o": 2, "goal": 7});
    let mut ours_change = store(json!([objective("o1", "A"), objective("o2", "Mine")]));
    ours_change["next_ids"] = json!({"o": 3});
    // Written by a newer okr on their side, then on ours.
    for (ours, theirs) in [(&ours_change, &newer), (&newer, &ours_change)] {
        let base = put(&s, "base", &plain);
        let ours = put(&s, "ours", ours);
        let theirs = put(&s, "theirs", theirs);
        let r = merge(&s, &base, &ours, &theirs);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let out = crate::support::read_json(&ours);
        assert_eq!(
            out["team"],
            json!({"name": "Sälj", "since": 2027}),
            "{out:#}"
        );
        assert_eq!(out["next_ids"]["goal"], 7, "{out:#}");
        assert_eq!(out["next_ids"]["o"], 3, "{out:#}");
        assert_eq!(out["objectives"].as_array().unwrap().len(), 2, "{out:#}");
    }
}
