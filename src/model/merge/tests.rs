//! The merge's rules, one by one.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::model::{CheckIn, CheckInEntry, Initiative, KeyResult, Kind, Measure, Quarter};

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn q() -> Quarter {
    "2026-Q4".parse().unwrap()
}

fn objective(id: &str, krs: &[&str]) -> Objective {
    let mut o = Objective::new(
        id.into(),
        format!("Mål {id}"),
        Kind::Committed,
        q(),
        crate::model::now(),
    );
    for k in krs {
        o.key_results.push(KeyResult::new(
            (*k).into(),
            format!("KR {k}"),
            Measure::numeric(0.0, 100.0, ""),
        ));
    }
    o
}

fn base() -> Data {
    Data {
        objectives: vec![
            Arc::new(objective("o1", &["kr1", "kr2"])),
            Arc::new(objective("o2", &["kr3"])),
            Arc::new(objective("o3", &[])),
        ],
        ..Data::default()
    }
}

fn edit(data: &mut Data, id: &str, f: impl FnOnce(&mut Objective)) {
    let i = data.objective_index(id).unwrap();
    f(data.objective_mut(i).unwrap());
}

fn ok(m: &Merged) {
    crate::model::validate::validate(&m.data).unwrap();
}

#[test]
fn fields_changed_on_different_sides_both_arrive() {
    let b = base();
    let mut o = b.clone();
    edit(&mut o, "o1", |x| x.title = "Ours".into());
    let mut t = b.clone();
    edit(&mut t, "o1", |x| x.why = "Theirs".into());
    edit(&mut t, "o2", |x| x.owner = Some("Bo".into()));
    let m = merge(&b, &o, &t);
    ok(&m);
    let o1 = m.data.objective_at(0).unwrap();
    assert_eq!((o1.title.as_str(), o1.why.as_str()), ("Ours", "Theirs"));
    assert_eq!(m.data.objective_at(1).unwrap().owner.as_deref(), Some("Bo"));
    assert_eq!((m.conflicts, m.from_theirs), (0, 2));
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_that_keeps_ours() {
    let b = base();
    let mut o = b.clone();
    edit(&mut o, "o1", |x| x.key_results[0].title = "Ours".into());
    let mut t = b.clone();
    edit(&mut t, "o1", |x| x.key_results[0].title = "Theirs".into());
    let m = merge(&b, &o, &t);
    ok(&m);
    assert_eq!(m.data.objective_at(0).unwrap().key_results[0].title, "Ours");
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new(
            "kr1",
            "title",
            json!("Ours"),
            json!("Theirs")
        )]
    );
    assert_eq!(m.conflicts, 1);
    let mut data = m.data.clone();
    assert!(resolve(&mut data, 0, Side::Theirs));
    assert_eq!(data.objective_at(0).unwrap().key_results[0].title, "Theirs");
    assert!(data.conflicts.is_empty());
    assert!(
        !resolve(&mut data, 0, Side::Ours),
        "no such conflict any more"
    );
    let mut data = m.data;
    assert!(resolve(&mut data, 0, Side::Ours));
    assert_eq!(data.objective_at(0).unwrap().key_results[0].title, "Ours");
    assert!(data.conflicts.is_empty());
}

#[test]
fn ids_given_by_hand_on_both_sides_give_theirs_new_ids_and_their_references_follow() {
    let b = base();
    let mut t = b.clone();
    let mut mine = objective("o4", &["kr4"]);
    mine.initiatives.push(Initiative {
        key_result: Some("kr4".into()),
        ..Initiative::new("u1".into(), "Do".into())
    });
    t.objectives.push(Arc::new(mine));
    edit(&mut t, "o3", |x| x.parent = Some("o4".into()));
    let mut c = CheckIn::of(d(24), Some("Anna"));
    c.entries.push(CheckInEntry {
        key_result: "kr4".into(),
        value: 1.0,
        confidence: 5,
        note: String::new(),
        extra: Default::default(),
    });
    c.skipped.push("kr4".into());
    t.checkins.push(Arc::new(c));
    let mut o = b.clone();
    o.objectives.push(Arc::new(objective("o4", &["kr4"])));
    let m = merge(&b, &o, &t);
    ok(&m);
    let renamed: std::collections::HashMap<&str, &str> = m
        .renumbered
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (o5, kr5) = (renamed["o4"], renamed["kr4"]);
    assert!(o5.starts_with('o') && kr5.starts_with("kr"));
    // Ours keep their ids; theirs follows its predecessor o3, before ours.
    let ids: Vec<&str> = m.data.ids().collect();
    assert_eq!(
        ids,
        [
            "o1", "kr1", "kr2", "o2", "kr3", "o3", o5, kr5, "u1", "o4", "kr4"
        ]
    );
    let theirs = &m.data.objectives[m.data.objective_index(o5).unwrap()];
    assert_eq!(theirs.initiatives[0].key_result.as_deref(), Some(kr5));
    assert_eq!(m.data.objective_at(2).unwrap().parent.as_deref(), Some(o5));
    let checkin = &m.data.checkins[0];
    assert_eq!(checkin.entries[0].key_result, kr5);
    assert_eq!(checkin.skipped, [kr5.to_string()]);
    // Said in the conflicts list, theirs not to be taken back.
    let said: Vec<(&str, &str)> = m
        .data
        .conflicts
        .iter()
        .map(|c| (c.item.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(said, [(o5, "id"), (kr5, "id")]);
    assert_eq!(m.conflicts, 2);
    let mut data = m.data.clone();
    assert!(
        !resolve(&mut data, 0, Side::Theirs),
        "two o4 would break a rule"
    );
    assert!(resolve(&mut data, 0, Side::Ours));
}

#[test]
fn a_delete_of_something_the_other_side_changed_keeps_it_and_says_so() {
    let b = base();
    let mut o = b.clone();
    o.objectives.remove(1);
    let mut t = b.clone();
    edit(&mut t, "o2", |x| x.title = "Still here".into());
    edit(&mut t, "o3", |x| x.key_results.clear());
    let m = merge(&b, &o, &t);
    ok(&m);
    assert_eq!(m.data.objective_at(1).unwrap().title, "Still here");
    // Kept whole: its key result the changing side did not touch too,
    // either way round.
    assert_eq!(m.data.objective_at(1).unwrap().key_results.len(), 1);
    let other_way = merge(&b, &t, &o);
    ok(&other_way);
    let kept = &other_way.data.objectives[other_way.data.objective_index("o2").unwrap()];
    assert_eq!(kept.key_results[0].id, "kr3");
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new("o2", "deleted", json!(true), json!(false))]
    );
    let mut data = m.data.clone();
    assert!(resolve(&mut data, 0, Side::Ours));
    assert!(data.objective_index("o2").is_none(), "ours deleted it");
    // Deleted on one side, untouched on the other: deleted.
    let m = merge(&b, &o, &b);
    assert!(m.data.objective_index("o2").is_none());
    assert!(m.data.conflicts.is_empty());
}

#[test]
fn history_and_checkins_are_unioned_the_latest_value_current() {
    let b = base();
    let mut o = b.clone();
    edit(&mut o, "o1", |x| {
        x.key_results[0].record(d(2), 10.0, Some(6), "a".into(), None)
    });
    o.checkins.push(Arc::new(CheckIn::of(d(2), Some("Anna"))));
    let mut t = b.clone();
    edit(&mut t, "o1", |x| {
        x.key_results[0].record(d(9), 20.0, Some(7), "b".into(), None)
    });
    t.checkins.push(Arc::new(CheckIn::of(d(3), Some("Bo"))));
    t.checkins.push(Arc::new(CheckIn::of(d(24), Some("anna "))));
    let m = merge(&b, &o, &t);
    ok(&m);
    let k = &m.data.objective_at(0).unwrap().key_results[0];
    assert_eq!(k.history.len(), 2);
    assert_eq!((k.measure.current(), k.confidence), (20.0, 7));
    assert_eq!(m.data.checkins.len(), 3);
    assert!(m.data.conflicts.is_empty(), "{:?}", m.data.conflicts);
}

#[test]
fn the_same_entry_of_one_checkin_changed_on_both_sides_is_a_conflict() {
    let mut b = base();
    b.checkins.push(Arc::new(CheckIn::of(d(23), Some("Anna"))));
    let entry = |v: f64| CheckInEntry {
        key_result: "kr1".into(),
        value: v,
        confidence: 5,
        note: String::new(),
        extra: Default::default(),
    };
    let mut o = b.clone();
    Arc::make_mut(&mut o.checkins[0]).set_entry(entry(1.0));
    Arc::make_mut(&mut o.checkins[0]).wins = "won".into();
    let mut t = b.clone();
    Arc::make_mut(&mut t.checkins[0]).set_entry(entry(2.0));
    Arc::make_mut(&mut t.checkins[0]).set_entry(CheckInEntry {
        key_result: "kr2".into(),
        ..entry(3.0)
    });
    let m = merge(&b, &o, &t);
    ok(&m);
    let c = &m.data.checkins[0];
    assert_eq!(
        (c.entries.len(), c.wins.as_str(), c.entries[0].value),
        (2, "won", 1.0)
    );
    assert_eq!(m.data.conflicts.len(), 1);
    assert_eq!(
        (
            m.data.conflicts[0].item.as_str(),
            m.data.conflicts[0].field.as_str()
        ),
        ("2026-W48 Anna", "entries.kr1")
    );
    let mut data = m.data.clone();
    assert!(resolve(&mut data, 0, Side::Theirs));
    assert_eq!(data.checkins[0].entries[0].value, 2.0);
}

#[test]
fn merging_with_an_unchanged_side_gives_the_other_back() {
    let b = base();
    let mut o = b.clone();
    edit(&mut o, "o1", |x| x.title = "Ours".into());
    o.objectives.swap(0, 2);
    assert_eq!(merge(&b, &o, &b).data, o);
    assert_eq!(merge(&b, &b, &o).data, o);
}

#[test]
fn parents_set_on_each_side_that_close_a_circle_go_back_to_ours() {
    let b = base();
    let mut o = b.clone();
    edit(&mut o, "o1", |x| x.parent = Some("o2".into()));
    let mut t = b.clone();
    edit(&mut t, "o2", |x| x.parent = Some("o1".into()));
    let m = merge(&b, &o, &t);
    ok(&m);
    assert_eq!(
        m.data.conflicts,
        vec![Conflict::new("o2", "parent", json!(null), json!("o1"))]
    );
}

#[test]
fn unknown_fields_and_settings_merge_like_known_ones() {
    let b = base();
    let mut o = b.clone();
    o.settings.checkin_weekday = chrono::Weekday::Fri;
    edit(&mut o, "o1", |x| {
        x.extra.insert("color".into(), json!("red"));
    });
    let mut t = b.clone();
    t.settings.extra.insert("rhythm".into(), json!(2));
    edit(&mut t, "o1", |x| {
        x.extra.insert("shape".into(), json!("round"));
    });
    let m = merge(&b, &o, &t);
    ok(&m);
    assert_eq!(m.data.settings.checkin_weekday, chrono::Weekday::Fri);
    assert_eq!(m.data.settings.extra["rhythm"], json!(2));
    let o1 = m.data.objective_at(0).unwrap();
    assert_eq!(
        (o1.extra["color"].clone(), o1.extra["shape"].clone()),
        (json!("red"), json!("round"))
    );
}

/// Moves key result `kr` of the Mål `from` to the Mål `to`.
fn move_kr(data: &mut Data, kr: &str, from: &str, to: &str) {
    let mut k = None;
    edit(data, from, |o| {
        let at = o.key_results.iter().position(|k| k.id == kr).unwrap();
        k = Some(o.key_results.remove(at));
    });
    edit(data, to, |o| o.key_results.extend(k));
}

#[test]
fn a_key_result_moved_on_one_side_and_edited_on_the_other_arrives_moved_and_edited() {
    let b = base();
    let mut o = b.clone();
    move_kr(&mut o, "kr1", "o1", "o3");
    let mut t = b.clone();
    edit(&mut t, "o1", |o| o.key_results[0].title = "Renamed".into());
    for m in [merge(&b, &o, &t), merge(&b, &t, &o)] {
        ok(&m);
        assert_eq!(m.conflicts, 0, "{:?}", m.data.conflicts);
        let at = |id: &str| {
            m.data
                .objectives
                .iter()
                .find(|x| x.id == id)
                .unwrap()
                .clone()
        };
        assert!(at("o1").key_result("kr1").is_none(), "in one place only");
        assert_eq!(at("o3").key_result("kr1").unwrap().title, "Renamed");
    }
}

#[test]
fn a_key_result_moved_to_two_places_is_one_conflict_ours_kept_and_theirs_can_be_taken() {
    let b = base();
    let mut o = b.clone();
    move_kr(&mut o, "kr1", "o1", "o3");
    let mut t = b.clone();
    move_kr(&mut t, "kr1", "o1", "o2");
    let m = merge(&b, &o, &t);
    ok(&m);
    assert_eq!(m.conflicts, 1);
    let c = &m.data.conflicts[0];
    assert_eq!((c.item.as_str(), c.field.as_str()), ("kr1", "objective"));
    assert_eq!(
        (c.ours.clone(), c.theirs.clone()),
        (json!("o3"), json!("o2"))
    );
    let holder = |d: &Data| {
        d.objectives
            .iter()
            .find(|x| x.key_result("kr1").is_some())
            .map(|x| x.id.clone())
    };
    assert_eq!(holder(&m.data).as_deref(), Some("o3"));
    let mut taken = m.data.clone();
    assert!(resolve(&mut taken, 0, Side::Theirs));
    assert_eq!(holder(&taken).as_deref(), Some("o2"));
    assert!(taken.conflicts.is_empty());
    crate::model::validate::validate(&taken).unwrap();
}

#[test]
fn an_initiative_linked_to_a_key_result_moved_away_loses_the_link_with_a_conflict() {
    let b = base();
    let mut o = b.clone();
    move_kr(&mut o, "kr1", "o1", "o3");
    let mut t = b.clone();
    edit(&mut t, "o1", |o| {
        let mut u = Initiative::new("u1".into(), "Do it".into());
        u.key_result = Some("kr1".into());
        o.initiatives.push(u);
    });
    let m = merge(&b, &o, &t);
    ok(&m);
    let o1 = m.data.objectives.iter().find(|x| x.id == "o1").unwrap();
    assert_eq!(o1.initiatives[0].key_result, None);
    let c = m.data.conflicts.iter().find(|c| c.item == "u1").unwrap();
    assert_eq!(
        (c.field.as_str(), c.theirs.clone()),
        ("key_result", json!("kr1"))
    );
}

#[test]
fn a_drawn_id_both_sides_have_without_a_base_is_one_item_merged_not_two() {
    // A commit picked onto both sides: the same Mål, then changed apart.
    let b = base();
    let picked = objective("obcdfghjk", &["krbcdfghjk"]);
    let mut o = b.clone();
    o.objectives.push(Arc::new(picked.clone()));
    edit(&mut o, "obcdfghjk", |x| x.title = "Ours".into());
    let mut t = b.clone();
    t.objectives.push(Arc::new(picked));
    edit(&mut t, "obcdfghjk", |x| x.why = "Theirs".into());
    let m = merge(&b, &o, &t);
    ok(&m);
    assert!(m.renumbered.is_empty(), "{:?}", m.renumbered);
    let at = m.data.objective_index("obcdfghjk").unwrap();
    let x = &m.data.objectives[at];
    assert_eq!((x.title.as_str(), x.why.as_str()), ("Ours", "Theirs"));
    assert_eq!(m.data.ids().filter(|id| *id == "krbcdfghjk").count(), 1);
}

#[test]
fn a_side_that_moved_the_start_of_the_year_renames_the_other_sides_quarters() {
    use crate::model::FiscalYear;
    use crate::model::fiscal::{Relabel, relabel};
    let july = FiscalYear::starting(7).unwrap();
    let b = base();
    let Relabel::Renamed { data: renamed, .. } = relabel(&b, july) else {
        panic!("refused")
    };
    // The other side adds a Mål for January to March 2027, and one spanning.
    let mut added = b.clone();
    let mut new = objective("o9", &[]);
    new.quarter = "2027-Q1".parse().unwrap();
    added.objectives.push(Arc::new(new));
    let mut span = objective("o8", &[]);
    span.until = Some("2027-Q1".parse().unwrap());
    added.objectives.push(Arc::new(span));
    for (ours, theirs) in [(&renamed, &added), (&added, &renamed)] {
        let m = merge(&b, ours, theirs);
        ok(&m);
        assert_eq!(m.data.conflicts, []);
        assert_eq!(m.data.fiscal_year(), july);
        let at = |id: &str| {
            let o = &m.data.objectives[m.data.objective_index(id).unwrap()];
            (o.quarter.key(), o.until.map(Quarter::key))
        };
        assert_eq!(at("o1"), ("2027-Q2".into(), None));
        assert_eq!(
            at("o9"),
            ("2027-Q3".into(), None),
            "January 2027 keeps its days"
        );
        assert_eq!(at("o8"), ("2027-Q2".into(), Some("2027-Q3".into())));
    }
}

#[test]
fn a_new_start_of_the_year_the_other_side_cannot_take_stays_a_conflict_and_moves_nothing() {
    use crate::model::FiscalYear;
    use crate::model::fiscal::{Relabel, relabel};
    let july = FiscalYear::starting(7).unwrap();
    let b = base();
    // Ours moves the start to July and adds a Mål for October to December 2026.
    let Relabel::Renamed { data: mut ours, .. } = relabel(&b, july) else {
        panic!("refused")
    };
    let mut new = objective("o9", &[]);
    new.quarter = "2027-Q2".parse().unwrap();
    ours.objectives.push(Arc::new(new));
    // Theirs adds a Mål for the calendar year 2027, which no July year is.
    let mut theirs = b.clone();
    let mut year = objective("o8", &[]);
    year.quarter = "2027".parse().unwrap();
    theirs.objectives.push(Arc::new(year));
    let mut m = merge(&b, &ours, &theirs);
    ok(&m);
    assert_eq!(m.data.fiscal_year(), FiscalYear::CALENDAR);
    let at = |d: &Data, id: &str| d.objectives[d.objective_index(id).unwrap()].quarter.key();
    assert_eq!(
        at(&m.data, "o9"),
        "2026-Q4",
        "October to December 2026 still"
    );
    assert_eq!(at(&m.data, "o8"), "2027");
    assert_eq!(at(&m.data, "o1"), "2026-Q4");
    let c = m
        .data
        .conflicts
        .iter()
        .position(|c| c.field == "fiscal_year_start");
    let c = c.expect("the month not kept is a conflict");
    assert_eq!(m.data.conflicts[c].theirs, json!(7));
    // Choosing July cannot be done while the year's Mål is there.
    let before = m.data.clone();
    assert!(!resolve(&mut m.data, c, Side::Theirs));
    assert_eq!(m.data, before);
    // Without it, choosing July renames every quarter by its days.
    let mut without = m.data.clone();
    let i = without.objective_index("o8").unwrap();
    without.objectives.remove(i);
    assert!(resolve(&mut without, c, Side::Theirs));
    assert_eq!(without.fiscal_year(), july);
    assert_eq!(at(&without, "o9"), "2027-Q2");
}
