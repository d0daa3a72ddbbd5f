//! The value rules on data built in code: what a file cannot hold (numbers
//! that are not finite) and the walks over parents and ids.

use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::model::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use crate::model::{Initiative, Kind, Quarter};

fn objective(id: &str, parent: Option<&str>) -> Objective {
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
    let mut o = Objective::new(
        id.into(),
        "Mål".into(),
        Kind::Committed,
        Quarter::new(2026, 4).unwrap(),
        now,
    );
    o.parent = parent.map(str::to_string);
    o
}

fn data(objectives: Vec<Objective>) -> Data {
    Data {
        objectives: objectives.into_iter().map(Arc::new).collect(),
        ..Data::default()
    }
}

#[test]
fn a_number_that_is_not_finite_is_named() {
    // JSON cannot hold one, but data made in code can: the check does not trust either.
    for (bad, field) in [(f64::NAN, "weight"), (f64::INFINITY, "measure.current")] {
        let mut o = objective("o1", None);
        let mut k = KeyResult::new("kr1".into(), "K".into(), Measure::numeric(0.0, 10.0, ""));
        if field == "weight" {
            k.weight = bad;
        } else {
            k.measure.set_current(bad);
        }
        o.key_results.push(k);
        let e = validate(&data(vec![o])).unwrap_err();
        assert_eq!(e.item, Item::KeyResult("kr1".into()));
        assert_eq!(e.field, field);
        assert_eq!(e.rule, Rule::NotFinite);
    }
    let mut o = objective("o1", None);
    o.score = Some(f64::NAN);
    let e = validate(&data(vec![o])).unwrap_err();
    assert_eq!((e.field.as_str(), e.rule), ("score", Rule::NotFinite));
}

#[test]
fn a_circle_of_parents_is_found_with_every_id_on_it() {
    let chain = vec![
        objective("o1", Some("o2")),
        objective("o2", Some("o3")),
        objective("o3", Some("o1")),
        objective("o4", Some("o1")),
    ];
    let e = validate(&data(chain)).unwrap_err();
    assert_eq!(e.item, Item::Objective("o1".into()));
    assert_eq!(e.field, "parent");
    assert_eq!(
        e.rule,
        Rule::ParentCycle(vec!["o1".into(), "o2".into(), "o3".into(), "o1".into()])
    );
    // One reached from a Mål outside it is found too, and named from itself.
    let tail = vec![
        objective("o9", Some("o2")),
        objective("o2", Some("o3")),
        objective("o3", Some("o2")),
    ];
    let e = validate(&data(tail)).unwrap_err();
    assert_eq!(e.item, Item::Objective("o2".into()));
    assert_eq!(
        e.rule,
        Rule::ParentCycle(vec!["o2".into(), "o3".into(), "o2".into()])
    );
}

#[test]
fn parents_without_a_circle_pass_even_a_deleted_one() {
    // A long line of parents, and one naming a Mål deleted since.
    let mut line: Vec<Objective> = (1..=2000)
        .map(|n| objective(&format!("o{n}"), Some(&format!("o{}", n + 1))))
        .collect();
    line.push(objective("o2001", Some("o-gone")));
    assert_eq!(validate(&data(line)), Ok(()));
}

#[test]
fn control_characters_are_found_but_line_breaks_only_in_longer_texts() {
    assert_eq!(control_character("a\nb\tc", true), None);
    assert_eq!(control_character("a\nb", false), Some('\n'));
    assert_eq!(control_character("a\rb", true), Some('\r'));
    assert_eq!(control_character("a\u{85}b", true), Some('\u{85}'));
    assert_eq!(control_character("Sälj för 100 miljoner", false), None);
}

#[test]
fn numbered_ids_at_the_bound_still_load_and_new_ids_are_drawn_beside_them() {
    let top = MAX_ID_NUMBER;
    let mut o = objective(&format!("o{top}"), None);
    o.key_results.push(KeyResult::new(
        format!("kr{top}"),
        "K".into(),
        Measure::done(false),
    ));
    o.initiatives.push(Initiative::new("u3".into(), "U".into()));
    let mut d = data(vec![o.clone()]);
    d.remember_ids(&o);
    assert_eq!(d.next_ids.kr, top, "the counter stays within the bound");
    assert_eq!(validate(&d), Ok(()));
    let new = d.fresh_ids(KEY_RESULT_PREFIX, 3);
    assert_eq!(new.len(), 3);
    for id in &new {
        assert!(id.starts_with("kr") && id.len() == 10, "{id}");
        assert!(d.ids().all(|old| !old.eq_ignore_ascii_case(id)));
    }
    assert!(d.next_id(OBJECTIVE_PREFIX).starts_with('o'));
    assert!(d.next_id(INITIATIVE_PREFIX).starts_with('u'));
}

#[test]
fn a_checkins_done_plans_and_skipped_ids_are_checked_like_its_other_text() {
    use crate::model::CheckIn;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut c = CheckIn::new(day);
    c.done.push("Ring\0 Bo".into());
    let d = Data {
        checkins: vec![c.into()],
        ..Data::default()
    };
    let e = validate(&d).unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.rule),
        ("done[0]", Rule::ControlCharacter('\0'))
    );
    let mut c = CheckIn::new(day);
    c.skipped.push("kr\u{1b}1".into());
    let d = Data {
        checkins: vec![c.into()],
        ..Data::default()
    };
    let e = validate(&d).unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.rule),
        ("skipped[0]", Rule::ControlCharacter('\u{1b}'))
    );
}

#[test]
fn a_circle_of_carries_is_refused_like_a_circle_of_parents() {
    let mut a = objective("o1", None);
    a.carried_from = Some("o2".into());
    let mut b = objective("o2", None);
    b.carried_from = Some("o1".into());
    let e = validate(&data(vec![a.clone(), b])).unwrap_err();
    assert_eq!(
        (e.item, e.field.as_str()),
        (Item::Objective("o1".into()), "carried_from")
    );
    assert_eq!(
        e.rule,
        Rule::CarryCycle(vec!["o1".into(), "o2".into(), "o1".into()])
    );
    // A line of carries, and one from a Mål deleted since, pass.
    let mut c = objective("o2", None);
    c.carried_from = Some("o-gone".into());
    assert_eq!(validate(&data(vec![a, c])), Ok(()));
}

#[test]
fn no_text_holds_a_nul_not_an_uppgifts_owner_nor_a_conflicts_value() {
    let mut o = objective("o1", None);
    let mut u = Initiative::new("u1".into(), "U".into());
    u.owner = Some("An\0na".into());
    o.initiatives.push(u);
    let e = validate(&data(vec![o])).unwrap_err();
    assert_eq!(
        (e.item, e.field.as_str(), e.rule),
        (
            Item::Initiative("u1".into()),
            "owner",
            Rule::ControlCharacter('\0')
        )
    );
    let conflict = |ours: serde_json::Value, by: Option<&str>| {
        let mut d = data(vec![objective("o1", None)]);
        let c = serde_json::json!({
            "item": "o1", "field": "title", "ours": ours, "theirs": "B",
        });
        let mut c: Conflict = serde_json::from_value(c).unwrap();
        c.ours_by = by.map(str::to_string);
        d.conflicts.push(c);
        validate(&d)
    };
    assert_eq!(conflict("A".into(), Some("Anna")), Ok(()));
    for (ours, by, field) in [
        (serde_json::json!("A\0"), None, "ours"),
        (serde_json::json!({"x": ["ok", "A\0"]}), None, "ours"),
        (serde_json::json!({"A\0": 1}), None, "ours"),
        (serde_json::json!("A"), Some("An\0na"), "ours_by"),
    ] {
        let e = conflict(ours, by).unwrap_err();
        assert_eq!((e.item, e.field.as_str()), (Item::Conflict(0), field));
    }
}
