//! The quarter review: which quarter to review, whether a Mål succeeded and
//! a quarter is scored, carrying a Mål into the next quarter, how long an
//! aspirational Mål has been running, and the focus checklist for planning.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::data::Data;
use super::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use super::numbers::{Figures, Numbers};
use super::objective::{Extra, Initiative, KeyResult, Kind, Measure, Objective};
use super::progress;
use super::quarter::{Dates, FiscalYear, Quarter};

/// The focus rules of the method, used by the warnings while editing and by
/// the planning checklist: 3–5 Mål a quarter (per owner), at most five key
/// results on a Mål, a Mål on one line. (Every measure okr offers is
/// measurable, done / not done too, so there is no rule about numbers.)
pub const MIN_OBJECTIVES: usize = 3;
pub const MAX_OBJECTIVES: usize = 5;
pub const MAX_KEY_RESULTS: usize = 5;
/// A Mål title wider than this (in terminal cells) no longer fits on one line.
pub const ONE_LINE: usize = 70;

/// The quarter a review opens on: the one just ended during the first two
/// weeks of a new quarter, else the current one.
pub fn default_review_quarter(today: NaiveDate, fy: FiscalYear) -> Quarter {
    let q = Quarter::of(today, fy);
    if (today - q.first_day(fy)).num_days() < 14 {
        q.prev()
    } else {
        q
    }
}

/// The Mål a quarter's (or a year's) review scores: those that end with
/// it. A Mål spanning on into later quarters is shown there, not closed.
pub fn to_score(data: &Data, quarter: Quarter) -> impl Iterator<Item = (usize, &Objective)> {
    data.in_quarter(quarter)
        .filter(move |(_, o)| o.is_yearly() || o.last_quarter() == quarter)
}

/// Whether a quarter counts as scored: it has ended, or every one of its Mål
/// has a score. A running quarter with some scores set is still running.
pub fn quarter_scored(data: &Data, quarter: Quarter, today: NaiveDate) -> bool {
    let mut objectives = to_score(data, quarter).map(|(_, o)| o).peekable();
    objectives.peek().is_some()
        && (quarter.dates(data.fiscal_year()).ended(today) || objectives.all(|o| o.score.is_some()))
}

/// A scored quarter's score: the mean of its Mål's scores, a Mål without one
/// counting its suggested score (one with neither a score nor any progress
/// is left out, as from the quarter's progress); `None` while the quarter
/// is not scored.
pub fn quarter_score(data: &Data, quarter: Quarter, today: NaiveDate) -> Option<f64> {
    let objectives: Vec<&Objective> = to_score(data, quarter).map(|(_, o)| o).collect();
    let fy = data.fiscal_year();
    let numbers = Numbers::of(data.around(quarter), fy, today);
    quarter_score_of(&objectives, &numbers, quarter.dates(fy), today)
}

/// [`quarter_score`] of some of a quarter's Mål (one owner's), by `numbers`
/// (the quarter's).
pub fn quarter_score_of(
    objectives: &[&Objective],
    numbers: &Numbers,
    dates: Dates,
    today: NaiveDate,
) -> Option<f64> {
    let scored = dates.ended(today) || objectives.iter().all(|o| o.score.is_some());
    if objectives.is_empty() || !scored {
        return None;
    }
    let scores: Vec<f64> = objectives
        .iter()
        .filter_map(|o| {
            let f = numbers.get(o);
            o.score.or(f.progress.map(|_| f.suggested_score()))
        })
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// Whether the review proposes carrying a Mål: aspirational and not reached
/// ("låt målet vara kvar tills du lyckats"), by its `figures`.
pub fn proposed_for_carry(o: &Objective, figures: &Figures) -> bool {
    o.kind == Kind::Aspirational && figures.progress.is_none_or(|p| p < 1.0)
}

/// The copy of `data.objectives[index]` already carried into the next quarter.
pub fn carried_copy(data: &Data, index: usize) -> Option<usize> {
    let o = data.objectives.get(index)?;
    let next = o.carry_target();
    data.objectives
        .iter()
        .position(|c| c.quarter == next && c.carried_from.as_deref() == Some(o.id.as_str()))
}

/// The new Mål for the next quarter, carrying the key results named (each
/// starting from its current value) and the Uppgifter not done. New ids are
/// given, as key result ids must stay unique for `okr update`.
pub fn carry_copy(
    data: &Data,
    index: usize,
    key_results: &[String],
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Objective> {
    let o = data.objectives.get(index)?;
    // The last quarter okr knows has no next one to carry into.
    let next = o.carry_target();
    if next <= o.last_quarter() {
        return None;
    }
    let mut copy = Objective::new(
        data.next_id(OBJECTIVE_PREFIX),
        o.title.clone(),
        o.kind,
        next,
        now,
    );
    copy.why = o.why.clone();
    copy.owner = o.owner.clone();
    copy.parent = o.parent.as_deref().and_then(|p| parent_in(data, p, next));
    copy.carried_from = Some(o.id.clone());
    let picked: Vec<&KeyResult> = o
        .key_results
        .iter()
        .filter(|k| key_results.contains(&k.id))
        .collect();
    let kr_ids = data.fresh_ids(KEY_RESULT_PREFIX, picked.len());
    let mut renamed = Vec::new();
    for (id, k) in kr_ids.into_iter().zip(picked) {
        let mut nk = k.clone();
        nk.id = id;
        nk.carried_from = Some(k.id.clone());
        nk.history.clear();
        nk.extra = Extra::new();
        // It goes on from where it stands; one that already reached its target
        // keeps its start (moving it past the target would turn the measure around).
        if let Measure::Numeric(n) = &mut nk.measure
            && progress::numeric_progress(n.start, n.target, n.current) < 1.0
        {
            n.start = n.current;
        }
        renamed.push((k.id.clone(), nk.id.clone()));
        copy.key_results.push(nk);
    }
    let open: Vec<&Initiative> = o.initiatives.iter().filter(|i| i.done.is_none()).collect();
    let u_ids = data.fresh_ids(INITIATIVE_PREFIX, open.len());
    for (id, i) in u_ids.into_iter().zip(open) {
        let mut ni = i.clone();
        ni.id = id;
        ni.key_result = i
            .key_result
            .as_ref()
            .and_then(|k| renamed.iter().find(|(old, _)| old == k))
            .map(|(_, new)| new.clone());
        copy.initiatives.push(ni);
    }
    Some(copy)
}

/// The parent a Mål carried into `quarter` keeps: the parent itself when
/// it is in that quarter, else the parent's copy carried there; a parent in
/// another quarter of the same year stays (the copy still serves it, and
/// goes under the parent's copy once that is carried,
/// [`copies_to_move_under`]); one of another year is let go.
fn parent_in(data: &Data, parent: &str, quarter: Quarter) -> Option<String> {
    let i = data.objective_index(parent)?;
    let p = &data.objectives[i];
    if p.covers(quarter) {
        return Some(p.id.clone());
    }
    // The parent's copy, when that is in the quarter (or its year).
    let copy_holds = |c: &usize| {
        let copy = &data.objectives[*c];
        copy.covers(quarter) || copy.quarter == quarter.whole_year()
    };
    if let Some(c) = carried_copy(data, i).filter(copy_holds) {
        return Some(data.objectives[c].id.clone());
    }
    (p.quarter.year == quarter.year).then(|| p.id.clone())
}

/// The Mål carried before `data.objectives[index]` into the quarter after
/// it, whose originals it was the parent of: once it is carried too, they
/// go under its copy, so the next quarter's tree is the old one's.
pub fn copies_to_move_under(data: &Data, index: usize) -> Vec<usize> {
    let Some(p) = data.objectives.get(index) else {
        return Vec::new();
    };
    let next = p.carry_target();
    // Within the copy's time: its quarter, or a quarter of its year.
    let within = |c: &Objective| {
        if p.is_yearly() {
            !c.is_yearly() && c.quarter.whole_year() == next
        } else {
            c.quarter == next
        }
    };
    let served = |c: &Objective| {
        c.carried_from
            .as_deref()
            .and_then(|f| data.objective_index(f))
            .is_some_and(|f| data.objectives[f].parent.as_deref() == Some(p.id.as_str()))
    };
    data.objectives
        .iter()
        .enumerate()
        .filter(|(_, c)| within(c) && c.parent.as_deref().is_none_or(|x| x == p.id))
        .filter(|(_, c)| served(c))
        .map(|(i, _)| i)
        .collect()
}

/// One line of the planning checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// 3–5 Mål per owner: the smallest and largest count, and whether both
    /// are fine; each owner's count (`None`: the Mål without an owner), in
    /// name order, when some Mål has an owner.
    Objectives {
        least: usize,
        count: usize,
        ok: bool,
        owners: Vec<(Option<String>, usize)>,
    },
    /// At most 5 key results on any Mål.
    KeyResults { most: usize, ok: bool },
    /// Mål wider than one line.
    OneLine { too_long: usize },
}

impl Check {
    pub fn ok(&self) -> bool {
        match self {
            Check::Objectives { ok, .. } | Check::KeyResults { ok, .. } => *ok,
            Check::OneLine { too_long } => *too_long == 0,
        }
    }
}

/// The focus checklist of a quarter (limits count per owner when owners are set).
pub fn checklist(data: &Data, quarter: Quarter) -> [Check; 3] {
    let objectives: Vec<&Objective> = data.in_quarter(quarter).map(|(_, o)| o).collect();
    checklist_of(&objectives)
}

/// The focus checklist of these Mål (one quarter's, or one owner's of it).
pub fn checklist_of(objectives: &[&Objective]) -> [Check; 3] {
    let mut owners: Vec<(Option<String>, usize)> = Vec::new();
    for o in objectives {
        let at = owners.iter().position(|(w, _)| match (w, &o.owner) {
            (Some(a), Some(b)) => super::author::same(a, b),
            (a, b) => a.is_none() && b.is_none(),
        });
        match at {
            Some(i) => owners[i].1 += 1,
            None => owners.push((o.owner.as_ref().map(|w| w.trim().to_string()), 1)),
        }
    }
    owners.sort_by_key(|(w, _)| (w.is_none(), w.as_ref().map(|w| w.to_lowercase())));
    let per_owner: Vec<usize> = owners.iter().map(|(_, n)| *n).collect();
    let count = per_owner.iter().copied().max().unwrap_or(0);
    let least = per_owner.iter().copied().min().unwrap_or(0);
    let most = objectives
        .iter()
        .map(|o| o.key_results.len())
        .max()
        .unwrap_or(0);
    let too_long = objectives
        .iter()
        .filter(|o| o.title.width() > ONE_LINE)
        .count();
    [
        Check::Objectives {
            least,
            count,
            ok: least >= MIN_OBJECTIVES && count <= MAX_OBJECTIVES,
            owners: if objectives.iter().any(|o| o.owner.is_some()) {
                owners
            } else {
                Vec::new()
            },
        },
        Check::KeyResults {
            most,
            ok: most <= MAX_KEY_RESULTS,
        },
        Check::OneLine { too_long },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Initiative, KeyResult};
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn store() -> Data {
        let now = Utc.with_ymd_and_hms(2026, 12, 20, 0, 0, 0).unwrap();
        let q4 = Quarter { year: 2026, q: 4 };
        let mut data = Data::default();
        let mut o = Objective::new(
            "o1".into(),
            "Bli självförsörjande på el".into(),
            Kind::Aspirational,
            q4,
            now,
        );
        let mut k1 = KeyResult::new(
            "kr1".into(),
            "kWh".into(),
            Measure::numeric(0.0, 8000.0, "kWh"),
        );
        k1.measure.set_current(3000.0);
        let k2 = KeyResult::new("kr2".into(), "Plan".into(), Measure::done(false));
        o.key_results = vec![k1, k2];
        let mut done = Initiative::new("u1".into(), "Klar".into());
        done.done = Some(d(2026, 11, 1));
        let mut open = Initiative::new("u2".into(), "Öppen".into());
        open.key_result = Some("kr1".into());
        o.initiatives = vec![done, open];
        data.objectives.push(o.into());
        data
    }

    #[test]
    fn review_quarter_is_the_one_just_ended_early_in_a_quarter() {
        assert_eq!(
            default_review_quarter(d(2027, 1, 5), crate::model::FiscalYear::CALENDAR),
            Quarter { year: 2026, q: 4 }
        );
        assert_eq!(
            default_review_quarter(d(2027, 1, 14), crate::model::FiscalYear::CALENDAR),
            Quarter { year: 2026, q: 4 }
        );
        assert_eq!(
            default_review_quarter(d(2027, 1, 15), crate::model::FiscalYear::CALENDAR),
            Quarter { year: 2027, q: 1 }
        );
        assert_eq!(
            default_review_quarter(d(2026, 12, 20), crate::model::FiscalYear::CALENDAR),
            Quarter { year: 2026, q: 4 }
        );
    }

    #[test]
    fn carry_copies_the_chosen_key_results_from_their_current_value() {
        let data = store();
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap();
        let copy = carry_copy(&data, 0, &["kr1".to_string()], now).unwrap();
        assert_eq!(copy.quarter, Quarter { year: 2027, q: 1 });
        assert_eq!(copy.carried_from.as_deref(), Some("o1"));
        assert_eq!(copy.key_results.len(), 1);
        let k = &copy.key_results[0];
        assert!(
            k.id.starts_with("kr") && data.ids().all(|id| id != k.id),
            "a new id, unique in the store: {}",
            k.id
        );
        assert_eq!(
            k.carried_from.as_deref(),
            Some("kr1"),
            "linked to its original"
        );
        match &k.measure {
            Measure::Numeric(n) => {
                assert_eq!((n.start, n.current, n.target), (3000.0, 3000.0, 8000.0))
            }
            m => panic!("{m:?}"),
        }
        // Only the open Uppgift, linked to the new key result.
        assert_eq!(copy.initiatives.len(), 1);
        assert_eq!(copy.initiatives[0].title, "Öppen");
        assert_eq!(
            copy.initiatives[0].key_result.as_deref(),
            Some(k.id.as_str())
        );
        assert!(copy.initiatives[0].id.starts_with('u'));
        assert!(data.ids().all(|id| id != copy.initiatives[0].id));
    }

    #[test]
    fn carrying_past_the_target_keeps_the_direction() {
        let mut data = store();
        let o = data.objective_mut(0).unwrap();
        o.key_results[0].measure = Measure::numeric(0.0, 100.0, "");
        o.key_results[0].measure.set_current(120.0);
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap();
        let copy = carry_copy(&data, 0, &["kr1".to_string()], now).unwrap();
        match &copy.key_results[0].measure {
            Measure::Numeric(n) => assert_eq!((n.start, n.target, n.current), (0.0, 100.0, 120.0)),
            m => panic!("{m:?}"),
        }
    }

    #[test]
    fn carrying_is_found_again_and_running_quarters_count_the_chain() {
        let mut data = store();
        let today = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let figures = Numbers::of(
            [&*data.objectives[0]],
            crate::model::FiscalYear::CALENDAR,
            today,
        )
        .get(&data.objectives[0]);
        assert!(proposed_for_carry(&data.objectives[0], &figures));
        assert_eq!(carried_copy(&data, 0), None);
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap();
        let copy = carry_copy(&data, 0, &[], now).unwrap();
        data.objectives.push(copy.into());
        assert_eq!(carried_copy(&data, 0), Some(1));
        use crate::model::carry::quarters_running;
        assert_eq!(quarters_running(&data, &data.objectives[1]), 2);
        let again = carry_copy(&data, 1, &[], now).unwrap();
        data.objectives.push(again.into());
        assert_eq!(quarters_running(&data, &data.objectives[2]), 3);
        assert_eq!(quarters_running(&data, &data.objectives[0]), 1);
    }

    #[test]
    fn a_carried_child_keeps_its_place_in_the_tree_and_the_old_quarter_its_numbers() {
        // o1 (no key results) ← o2 (the store's o1, 3000 of 8000 kWh) and o3 (done).
        let now = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap();
        let q4 = Quarter { year: 2026, q: 4 };
        let mut data = store();
        let child = data.objective_mut(0).unwrap();
        child.id = "o2".into();
        child.parent = Some("o1".into());
        let mut o3 = Objective::new("o3".into(), "Klar".into(), Kind::Committed, q4, now);
        o3.parent = Some("o1".into());
        o3.key_results = vec![KeyResult::new(
            "kr9".into(),
            "Ja".into(),
            Measure::done(true),
        )];
        let parent = Objective::new("o1".into(), "Över".into(), Kind::Committed, q4, now);
        data.objectives.push(o3.into());
        data.objectives.insert(0, parent.into());
        let today = d(2026, 12, 31);
        let q4_numbers = |data: &Data| {
            let all: Vec<&Objective> = data.in_quarter(q4).map(|(_, o)| o).collect();
            let n = Numbers::of(
                all.iter().copied(),
                crate::model::FiscalYear::CALENDAR,
                today,
            );
            (n.get(&data.objectives[0]), n.mean(all.iter().copied()))
        };
        let closed = q4_numbers(&data);
        // The child first: o1 is of another year than 2027 Q1, so the copy
        // stands at the top until o1 is carried too.
        let copy = carry_copy(&data, 1, &[], now).unwrap();
        assert_eq!(copy.parent, None, "a parent of another year is let go");
        data.objectives.push(copy.into());
        assert_eq!(q4_numbers(&data), closed, "Q4's numbers stay");
        // Then the parent: the child's copy goes under the parent's copy.
        assert_eq!(copies_to_move_under(&data, 0), [3]);
        let parent_copy = carry_copy(&data, 0, &[], now).unwrap();
        data.objectives.push(parent_copy.into());
        // The parent first: a child carried after goes straight under its copy.
        let mut data2 = data.clone();
        data2.objectives.truncate(3);
        let parent_copy = carry_copy(&data2, 0, &[], now).unwrap();
        let id = parent_copy.id.clone();
        data2.objectives.push(parent_copy.into());
        let child_copy = carry_copy(&data2, 1, &[], now).unwrap();
        assert_eq!(child_copy.parent.as_deref(), Some(id.as_str()));
        // A parent already in the next quarter is kept as it is.
        let mut data3 = data2.clone();
        data3.objectives.truncate(3);
        data3.objective_mut(0).unwrap().quarter = q4.next();
        let copy = carry_copy(&data3, 1, &[], now).unwrap();
        assert_eq!(copy.parent.as_deref(), Some("o1"));
    }

    #[test]
    fn a_parent_in_another_quarter_of_the_year_is_kept() {
        let now = Utc.with_ymd_and_hms(2026, 9, 30, 0, 0, 0).unwrap();
        let mut data = store();
        let year = Objective::new(
            "o9".into(),
            "Året".into(),
            Kind::Committed,
            Quarter { year: 2026, q: 1 },
            now,
        );
        data.objectives.push(year.into());
        let child = data.objective_mut(0).unwrap();
        child.quarter = Quarter { year: 2026, q: 3 };
        child.parent = Some("o9".into());
        let copy = carry_copy(&data, 0, &[], now).unwrap();
        assert_eq!(copy.parent.as_deref(), Some("o9"));
        assert!(copies_to_move_under(&data, 1).is_empty());
    }

    #[test]
    fn checklist_flags_focus_problems() {
        let mut data = store();
        let c = checklist(&data, Quarter { year: 2026, q: 4 });
        assert_eq!(
            c[0],
            Check::Objectives {
                least: 1,
                count: 1,
                ok: false,
                owners: Vec::new(),
            }
        );
        assert!(c[1].ok());
        assert!(c[2].ok());
        data.objective_mut(0).unwrap().title = "x".repeat(80);
        assert_eq!(
            checklist(&data, Quarter { year: 2026, q: 4 })[2],
            Check::OneLine { too_long: 1 }
        );
    }
}
