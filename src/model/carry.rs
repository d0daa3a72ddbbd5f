//! Where a carried Mål came from: the quarter of the Mål it was carried over
//! from and how many quarters in a row it has run, and a carried key
//! result's history before the carry (the history of the key results it was
//! carried from, over every carry before it).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::data::Data;
use super::objective::{HistoryEntry, KeyResult, Objective};
use super::quarter::{Dates, Quarter};

/// A carried Mål's origin: the quarter it was carried from and the how
/// many-th quarter in a row this one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub quarter: Quarter,
    /// Its last quarter, when it spanned several (else its quarter).
    pub last: Quarter,
    pub running: usize,
}

/// The Mål `o` was carried from, the one that was carried from, and so on,
/// nearest first, as far as the file has them: one look-up per carry, and
/// each Mål once (a circle, refused on load, ends the walk).
pub fn carried_chain<'a>(data: &'a Data, o: &Objective) -> Vec<&'a Objective> {
    let Some(first) = o.carried_from.as_deref() else {
        return Vec::new();
    };
    let index: HashMap<&str, &Objective> = data
        .objectives
        .iter()
        .map(|x| (x.id.as_str(), &**x))
        .collect();
    let mut seen = HashSet::from([o.id.as_str()]);
    let mut out = Vec::new();
    let mut next = Some(first);
    while let Some(id) = next {
        match index.get(id) {
            Some(x) if seen.insert(id) => {
                out.push(*x);
                next = x.carried_from.as_deref();
            }
            _ => break,
        }
    }
    out
}

/// How many quarters a Mål has been running: 1, plus one per carry before it.
pub fn quarters_running(data: &Data, objective: &Objective) -> usize {
    1 + carried_chain(data, objective).len()
}

/// The origin of `o`, when it was carried from a Mål the file still has.
pub fn origin(data: &Data, o: &Objective) -> Option<Origin> {
    let chain = carried_chain(data, o);
    let from = chain.first()?;
    Some(Origin {
        quarter: from.quarter,
        last: if from.spans() {
            from.last_quarter()
        } else {
            from.quarter
        },
        running: 1 + chain.len(),
    })
}

/// The history of the key results `k` (of Mål `o`) was carried from,
/// oldest first, over every carry before it. The original is the key result
/// `k.carried_from` names in the Mål `o` was carried from; a file written
/// before that link was kept has none, and then the original is the key
/// result of that Mål with the same title.
pub fn history_before_carry<'a>(
    data: &'a Data,
    o: &Objective,
    k: &KeyResult,
) -> Vec<&'a HistoryEntry> {
    let mut entries: Vec<&HistoryEntry> = Vec::new();
    let mut link = (k.carried_from.clone(), k.title.clone());
    for original in carried_chain(data, o) {
        let found = match &link.0 {
            Some(kr) => original.key_results.iter().find(|x| &x.id == kr),
            None => original.key_results.iter().find(|x| x.title == link.1),
        };
        let Some(kr) = found else {
            break;
        };
        entries.extend(kr.history.iter());
        link = (kr.carried_from.clone(), kr.title.clone());
    }
    entries.sort_by_key(|h| h.date);
    entries
}

/// Days left of `dates` (a quarter's) after `today` (0 on its last day);
/// `None` when they are not running (ended or not begun).
pub fn days_left(dates: Dates, today: NaiveDate) -> Option<i64> {
    dates
        .contains(today)
        .then(|| (dates.last - today).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::review::carry_copy;
    use crate::model::{Kind, Measure};
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A Q3 Mål with a history, carried into Q4 and then into 2027 Q1.
    fn chain() -> Data {
        let now = Utc.with_ymd_and_hms(2026, 9, 30, 0, 0, 0).unwrap();
        let mut o = Objective::new(
            "o1".into(),
            "El".into(),
            Kind::Aspirational,
            Quarter::new(2026, 3).unwrap(),
            now,
        );
        let mut k = KeyResult::new("kr1".into(), "kWh".into(), Measure::numeric(0.0, 90.0, ""));
        k.record(d(2026, 8, 1), 10.0, None, String::new(), None);
        k.record(d(2026, 9, 1), 20.0, None, String::new(), None);
        o.key_results.push(k);
        let mut data = Data::default();
        data.objectives.push(o.into());
        let mut copy = carry_copy(&data, 0, &["kr1".into()], now).unwrap();
        copy.key_results[0].record(d(2026, 11, 1), 30.0, None, String::new(), None);
        data.objectives.push(copy.into());
        let first_copy = data.objectives[1].key_results[0].id.clone();
        let again = carry_copy(&data, 1, &[first_copy], now).unwrap();
        data.objectives.push(again.into());
        data
    }

    #[test]
    fn the_origin_names_the_quarter_and_the_quarters_in_a_row() {
        let data = chain();
        assert_eq!(origin(&data, &data.objectives[0]), None);
        assert_eq!(
            origin(&data, &data.objectives[2]),
            Some(Origin {
                quarter: Quarter::new(2026, 4).unwrap(),
                last: Quarter::new(2026, 4).unwrap(),
                running: 3
            })
        );
        // One that spanned quarters is named by all of them.
        let mut spanned = data.clone();
        let first = std::sync::Arc::make_mut(&mut spanned.objectives[1]);
        first.until = Some(Quarter::new(2027, 2).unwrap());
        let from = origin(&spanned, &spanned.objectives[2]).unwrap();
        assert_eq!(from.last, Quarter::new(2027, 2).unwrap());
    }

    #[test]
    fn history_before_the_carry_follows_every_carry_and_old_files_by_title() {
        let mut data = chain();
        let values = |data: &Data, i: usize| -> Vec<f64> {
            let o = &data.objectives[i];
            history_before_carry(data, o, &o.key_results[0])
                .iter()
                .map(|h| h.value)
                .collect()
        };
        assert_eq!(values(&data, 2), [10.0, 20.0, 30.0]);
        assert_eq!(values(&data, 1), [10.0, 20.0]);
        assert!(values(&data, 0).is_empty());
        // A file from before the link: found by the title.
        for i in 1..3 {
            data.objective_mut(i).unwrap().key_results[0].carried_from = None;
        }
        assert_eq!(values(&data, 2), [10.0, 20.0, 30.0]);
        // A renamed key result without the link is not guessed at.
        data.objective_mut(2).unwrap().key_results[0].title = "Annat".into();
        assert!(values(&data, 2).is_empty());
    }

    #[test]
    fn days_left_while_the_quarter_runs() {
        let q4 = Quarter::new(2026, 4).unwrap();
        assert_eq!(
            days_left(
                q4.dates(crate::model::FiscalYear::CALENDAR),
                d(2026, 11, 25)
            ),
            Some(36)
        );
        assert_eq!(
            days_left(
                q4.dates(crate::model::FiscalYear::CALENDAR),
                d(2026, 12, 31)
            ),
            Some(0)
        );
        assert_eq!(
            days_left(q4.dates(crate::model::FiscalYear::CALENDAR), d(2027, 1, 1)),
            None
        );
        assert_eq!(
            days_left(q4.dates(crate::model::FiscalYear::CALENDAR), d(2026, 9, 30)),
            None
        );
    }
}
