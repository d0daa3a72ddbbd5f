//! Choosing a side for a recorded conflict, and the conflicts list itself.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::model::{Initiative, KeyResult, Kind, Measure, Quarter};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn store() -> Data {
    let q: Quarter = "2026-Q4".parse().unwrap();
    let mut o = Objective::new(
        "o1".into(),
        "Mål".into(),
        Kind::Committed,
        q,
        crate::model::now(),
    );
    let mut k = KeyResult::new(
        "kr1".into(),
        "Sälj".into(),
        Measure::numeric(0.0, 100.0, ""),
    );
    k.record(d(2), 10.0, Some(5), String::new(), None);
    o.key_results.push(k);
    o.initiatives.push(Initiative {
        key_result: Some("kr1".into()),
        ..Initiative::new("u1".into(), "Ring".into())
    });
    Data {
        objectives: vec![Arc::new(o)],
        ..Data::default()
    }
}

fn record(data: &mut Data, day: u32, value: f64) {
    let o = data.objective_mut(0).unwrap();
    o.key_results[0].record(d(day), value, Some(6), String::new(), None);
}

#[test]
fn the_same_days_entry_recorded_on_both_sides_is_a_conflict_theirs_corrects_the_entry() {
    let base = store();
    let mut ours = base.clone();
    record(&mut ours, 9, 20.0);
    let mut theirs = base.clone();
    record(&mut theirs, 9, 25.0);
    let m = merge(&base, &ours, &theirs);
    crate::model::validate::validate(&m.data).unwrap();
    let fields: Vec<&str> = m.data.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert!(fields.contains(&"history.2026-11-09"), "{fields:?}");
    let at = m
        .data
        .conflicts
        .iter()
        .position(|c| c.field == "history.2026-11-09")
        .unwrap();
    let mut data = m.data.clone();
    assert!(resolve(&mut data, at, Side::Theirs));
    let k = &data.objective_at(0).unwrap().key_results[0];
    assert_eq!(k.history.len(), 2);
    assert_eq!(k.history[1].value, 25.0);
    assert_eq!(
        k.measure.current(),
        25.0,
        "the latest entry's value is current"
    );
}

#[test]
fn a_deleted_key_result_kept_for_a_change_goes_when_ours_deleted_it_and_its_links_with_it() {
    let base = store();
    let mut ours = base.clone();
    let o = ours.objective_mut(0).unwrap();
    o.key_results.clear();
    o.initiatives[0].key_result = None;
    let mut theirs = base.clone();
    record(&mut theirs, 9, 30.0);
    let m = merge(&base, &ours, &theirs);
    crate::model::validate::validate(&m.data).unwrap();
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new("kr1", "deleted", json!(true), json!(false))]
    );
    assert_eq!(m.data.objective_at(0).unwrap().key_results.len(), 1, "kept");
    let mut data = m.data.clone();
    assert!(resolve(&mut data, 0, Side::Ours));
    let o = data.objective_at(0).unwrap();
    assert!(o.key_results.is_empty());
    assert_eq!(o.initiatives[0].key_result, None);
    let mut data = m.data;
    assert!(resolve(&mut data, 0, Side::Theirs));
    assert_eq!(
        data.objective_at(0).unwrap().key_results[0]
            .measure
            .current(),
        30.0
    );
}

#[test]
fn a_key_result_deleted_on_one_side_stays_while_the_other_sides_new_uppgift_links_to_it() {
    let base = store();
    let mut ours = base.clone();
    ours.objective_mut(0).unwrap().initiatives.push(Initiative {
        key_result: Some("kr1".into()),
        ..Initiative::new("u2".into(), "Mejla".into())
    });
    let mut theirs = base.clone();
    let o = theirs.objective_mut(0).unwrap();
    o.key_results.clear();
    o.initiatives[0].key_result = None;
    let m = merge(&base, &ours, &theirs);
    crate::model::validate::validate(&m.data).unwrap();
    assert_eq!(m.data.objective_at(0).unwrap().key_results[0].id, "kr1");
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new("kr1", "deleted", json!(false), json!(true))]
    );
}

#[test]
fn resolving_what_is_gone_or_would_break_a_rule_changes_nothing() {
    let mut data = store();
    data.conflicts
        .push(Conflict::new("o9", "title", json!("A"), json!("B")));
    data.conflicts
        .push(Conflict::new("kr1", "confidence", json!(5), json!(99)));
    data.conflicts
        .push(Conflict::new("kr1", "no.such.path", json!(1), json!(2)));
    let before = data.clone();
    assert!(!resolve(&mut data, 0, Side::Theirs), "no such Mål");
    assert!(
        !resolve(&mut data, 1, Side::Theirs),
        "a confidence of 99 breaks a rule"
    );
    assert!(!resolve(&mut data, 2, Side::Theirs), "no such field");
    assert!(!resolve(&mut data, 3, Side::Ours), "no such conflict");
    assert_eq!(data, before);
    assert!(resolve(&mut data, 1, Side::Ours));
    assert_eq!(data.conflicts.len(), 2);
}

#[test]
fn choosing_ours_leaves_the_mal_untouched_and_theirs_moves_its_updated_time() {
    let mut data = store();
    let updated = data.objective_at(0).unwrap().updated;
    data.conflicts
        .push(Conflict::new("o1", "why", json!(null), json!("Därför")));
    data.conflicts.push(Conflict::new(
        "u1",
        "title",
        json!("Ring"),
        json!("Ring alla"),
    ));
    let before = data.objectives.clone();
    assert!(resolve(&mut data, 0, Side::Ours));
    assert_eq!(data.objectives, before);
    assert!(resolve(&mut data, 0, Side::Theirs));
    let o = data.objective_at(0).unwrap();
    assert_eq!(o.initiatives[0].title, "Ring alla");
    assert!(o.updated >= updated);
    assert!(data.conflicts.is_empty());
}

#[test]
fn conflicts_of_both_sides_are_kept_once_and_one_resolved_on_a_side_stays_resolved() {
    let mut base = store();
    let old = Conflict::new("o1", "title", json!("A"), json!("B"));
    base.conflicts.push(old.clone());
    let mut ours = base.clone();
    ours.conflicts.clear();
    let mut theirs = base.clone();
    let new = Conflict::new("u1", "title", json!("C"), json!("D"));
    theirs.conflicts.push(new.clone());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.data.conflicts, vec![new]);
    assert_eq!(m.conflicts, 0, "no conflict added by this merge");
}

#[test]
fn the_conflicts_list_is_left_out_of_a_file_without_conflicts_and_keeps_unknown_fields() {
    let data = store();
    let text = serde_json::to_string(&data).unwrap();
    assert!(!text.contains("conflicts"));
    let with = r#"{"version": 2, "conflicts": [{"item": "o1", "field": "title", "ours": "A", "theirs": "B", "x_by": "Anna"}]}"#;
    let read: Data = serde_json::from_str(with).unwrap();
    assert_eq!(read.conflicts[0].extra["x_by"], json!("Anna"));
    let again = serde_json::to_value(&read).unwrap();
    assert_eq!(again["conflicts"][0]["x_by"], json!("Anna"));
    assert_eq!(again["conflicts"][0]["theirs"], json!("B"));
}

#[test]
fn a_confidence_set_on_one_side_and_a_value_recorded_on_the_other_is_a_conflict_not_lost() {
    let base = store();
    let mut ours = base.clone();
    record(&mut ours, 9, 20.0);
    let mut theirs = base.clone();
    theirs.objective_mut(0).unwrap().key_results[0].confidence = 2;
    let m = merge(&base, &ours, &theirs);
    let k = &m.data.objective_at(0).unwrap().key_results[0];
    assert_eq!((k.measure.current(), k.confidence), (20.0, 6));
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new("kr1", "confidence", json!(6), json!(2))]
    );
}
