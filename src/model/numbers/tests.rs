use super::*;
use crate::model::objective::{KeyResult, Kind, Measure, Status};
use crate::model::{FiscalYear, Quarter};

const Q3: Quarter = Quarter { year: 2026, q: 3 };
const Q4: Quarter = Quarter { year: 2026, q: 4 };

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A Mål of `quarter` under `parent`, with one key result at `reach`
/// (0..=1) or none.
fn mal(id: &str, quarter: Quarter, parent: Option<&str>, reach: Option<f64>) -> Objective {
    let mut o = Objective::new(
        id.into(),
        id.into(),
        Kind::Committed,
        quarter,
        chrono::Utc::now(),
    );
    o.parent = parent.map(str::to_string);
    if let Some(r) = reach {
        let mut k = KeyResult::new(
            format!("kr{id}"),
            "k".into(),
            Measure::numeric(0.0, 10.0, ""),
        );
        k.measure.set_current(10.0 * r);
        o.key_results.push(k);
    }
    o
}

/// 2026-11-15: 46 of Q4's 92 days have passed, pace 0.5.
fn today() -> NaiveDate {
    d(2026, 11, 15)
}

#[test]
fn a_parent_without_key_results_is_the_mean_of_its_children_recursively() {
    // o1 ← o2 (0.5), o3 ← o4 (1.0); o5 stands alone at 0.2.
    let all = [
        mal("o1", Q4, None, None),
        mal("o2", Q4, Some("o1"), Some(0.5)),
        mal("o3", Q4, Some("o1"), None),
        mal("o4", Q4, Some("o3"), Some(1.0)),
        mal("o5", Q4, None, Some(0.2)),
    ];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today());
    let f = |i: usize| n.get(&all[i]);
    assert_eq!((f(2).progress, f(2).from_children), (Some(1.0), 1));
    assert_eq!((f(0).progress, f(0).from_children), (Some(0.75), 2));
    assert_eq!((f(4).progress, f(4).from_children), (Some(0.2), 0));
    // The parent's status is its own number against the quarter's pace.
    assert_eq!(f(0).status, Some(PaceStatus::OnTrack));
    assert_eq!(f(0).pace, Q4.dates(FiscalYear::CALENDAR).elapsed(today()));
    assert_eq!(f(0).suggested_score(), 0.8);
    // The quarter: each Mål counted once, parents with their rolled number.
    let mean = (0.75 + 0.5 + 1.0 + 1.0 + 0.2) / 5.0;
    assert!((n.mean(&all).unwrap() - mean).abs() < 1e-12);
    // One owner's part: the same numbers, fewer of them.
    assert_eq!(n.mean([&all[0]]), Some(0.75));
}

#[test]
fn a_mal_with_neither_key_results_nor_children_has_no_number_yet() {
    let all = [mal("o1", Q4, None, None), mal("o2", Q4, None, Some(0.4))];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today());
    let f = n.get(&all[0]);
    assert_eq!((f.progress, f.status, f.behind), (None, None, None));
    // Never "0 % behind pace", and not in the quarter's mean.
    assert_eq!(n.mean(&all), Some(0.4));
    assert_eq!(n.mean([&all[0]]), None);
    // A parent whose children have no number has none either.
    let all = [mal("o1", Q4, None, None), mal("o2", Q4, Some("o1"), None)];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today());
    assert_eq!(n.get(&all[0]).progress, None);
    // Once its quarter has ended it is judged: not reached.
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, d(2027, 1, 2));
    let f = n.get(&all[0]);
    assert_eq!(
        (f.succeeded, f.status),
        (Some(false), Some(PaceStatus::NotReached))
    );
}

#[test]
fn a_closed_quarter_never_changes_because_of_another_quarter() {
    // A Q3 parent with one Q3 child at 0.4; a Q4 Mål aligned under it too.
    let mut all = vec![
        mal("o1", Q3, None, None),
        mal("o2", Q3, Some("o1"), Some(0.4)),
    ];
    let before = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today()).get(&all[0]);
    all.push(mal("o3", Q4, Some("o1"), Some(0.0)));
    all.push(mal("o4", Q4, Some("o1"), Some(1.0)));
    let after = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today()).get(&all[0]);
    assert_eq!(before, after);
    assert_eq!(after.progress, Some(0.4));
}

#[test]
fn a_parent_is_judged_by_its_rolled_number() {
    // Q4 has ended: a committed parent of two reached children succeeded.
    let all = [
        mal("o1", Q4, None, None),
        mal("o2", Q4, Some("o1"), Some(1.0)),
        mal("o3", Q4, Some("o1"), Some(1.0)),
    ];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, d(2027, 1, 5));
    assert_eq!(n.get(&all[0]).succeeded, Some(true));
    // Running, a parent of children below pace is behind.
    let all = [
        mal("o1", Q4, None, None),
        mal("o2", Q4, Some("o1"), Some(0.1)),
    ];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today());
    assert_eq!(n.get(&all[0]).status, Some(PaceStatus::Behind));
    // A set status judges it as before.
    let mut done = all.clone();
    done[0].status = Status::Achieved;
    let n = Numbers::of(&done, crate::model::FiscalYear::CALENDAR, today());
    assert_eq!(n.get(&done[0]).status, Some(PaceStatus::Achieved));
}

#[test]
fn a_circle_or_a_deep_chain_of_parents_ends() {
    let all = [
        mal("o1", Q4, Some("o2"), None),
        mal("o2", Q4, Some("o1"), None),
        mal("o3", Q4, Some("o3"), Some(0.5)),
    ];
    let n = Numbers::of(&all, crate::model::FiscalYear::CALENDAR, today());
    assert_eq!(n.get(&all[0]).progress, None);
    assert_eq!(n.get(&all[2]).progress, Some(0.5));
    // Fifty thousand Mål each under the one before: no stack runs out.
    let deep: Vec<Objective> = (0..50_000)
        .map(|i: usize| {
            let parent = i.checked_sub(1).map(|p| format!("o{p}"));
            let reach = (i == 49_999).then_some(0.3);
            mal(&format!("o{i}"), Q4, parent.as_deref(), reach)
        })
        .collect();
    let n = Numbers::of(&deep, crate::model::FiscalYear::CALENDAR, today());
    assert_eq!(n.get(&deep[0]).progress, Some(0.3));
}

#[test]
fn a_mal_not_computed_counts_its_own_key_results() {
    let all = [mal("o1", Q4, None, Some(0.6))];
    let n = Numbers::default();
    assert_eq!(n.get(&all[0]).progress, Some(0.6));
}
