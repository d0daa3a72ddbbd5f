//! The check-in's summary: what moved since where each key result stood
//! before the check-in (its baseline), what lags, the quarter's progress
//! before and after, the streak, and the key results skipped this week.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::App;
use super::checkin::CheckInState;
use crate::model::checkin::{self as ck, CheckInEntry};
use crate::model::numbers::Numbers;
use crate::model::{Data, IsoWeek, KeyResult, Measure, Objective, Quarter, progress, weekly};

/// Where a key result stood just before this week's check-in touched it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    pub value: f64,
    pub confidence: Option<u8>,
    /// The day that value was recorded, when a history entry says.
    pub date: Option<NaiveDate>,
}

/// Each key result of `quarter` as it stood just before the check-in of
/// `week` touched it. A key result with an entry in that check-in stood at
/// the history entry before the one its step recorded; one without stands
/// at its current value, which the check-in has not touched (in a missed
/// week filled in afterwards, `back_to` its day: at the entry before that
/// day). Every kind of measure has one, so the summary compares like with like.
pub fn baseline(
    data: &Data,
    quarter: Quarter,
    week: IsoWeek,
    owner: Option<&str>,
    back_to: Option<NaiveDate>,
) -> HashMap<String, Baseline> {
    let checkin = data
        .checkins
        .iter()
        .find(|c| data.settings.period_key(c.week) == week && c.belongs_to(owner));
    let monday = week.monday().unwrap_or(NaiveDate::MIN);
    let mut out = HashMap::new();
    for (_, o) in data.in_quarter(quarter) {
        for k in &o.key_results {
            let entry = checkin.and_then(|c| {
                c.entries
                    .iter()
                    .find(|e| e.key_result == k.id)
                    .map(|e| (c.date, e))
            });
            let b = match (entry, back_to) {
                (Some((date, e)), _) => before_step(k, e, monday, date),
                (None, Some(day)) => before_day(k, day),
                (None, None) => Baseline {
                    value: k.measure.current(),
                    confidence: Some(k.confidence),
                    date: k.last_update(),
                },
            };
            out.insert(k.id.clone(), b);
        }
    }
    out
}

/// Where a key result stood before `day`: its last history entry before
/// it, else where it started.
fn before_day(k: &KeyResult, day: NaiveDate) -> Baseline {
    match k.history.iter().rev().find(|h| h.date < day) {
        Some(h) => Baseline {
            value: h.value,
            confidence: h.confidence,
            date: Some(h.date),
        },
        None => Baseline {
            value: started(k, k.measure.current()),
            confidence: None,
            date: None,
        },
    }
}

/// Where a key result started: its start, not done, or (a level) `level`.
fn started(k: &KeyResult, level: f64) -> f64 {
    match &k.measure {
        Measure::Numeric(n) => n.start,
        Measure::Done(_) => 0.0,
        Measure::AtLeast(_) | Measure::AtMost(_) => level,
    }
}

/// The value a key result had before its check-in step `e` (made between
/// `monday` and `until`) recorded one: the history entry before that step's.
fn before_step(k: &KeyResult, e: &CheckInEntry, monday: NaiveDate, until: NaiveDate) -> Baseline {
    let step = k.history.iter().rposition(|h| {
        (monday..=until).contains(&h.date)
            && h.value == e.value
            && h.confidence == Some(e.confidence)
            && h.note == e.note
    });
    // Without the step's entry (a file edited by hand), the last one before the week.
    let earlier = match step {
        Some(i) => i.checked_sub(1).and_then(|j| k.history.get(j)),
        None => k.history.iter().rev().find(|h| h.date < monday),
    };
    match earlier {
        Some(h) => Baseline {
            value: h.value,
            confidence: h.confidence,
            date: Some(h.date),
        },
        // Nothing recorded before the step: where the key result started.
        None => Baseline {
            value: started(k, e.value),
            confidence: None,
            date: None,
        },
    }
}

impl App {
    /// The Mål of the walk, in walk order, each once.
    fn walked(&self, st: &CheckInState) -> Vec<&Objective> {
        let mut out: Vec<&Objective> = Vec::new();
        for (oid, _) in &st.items {
            if out.last().is_some_and(|o| &o.id == oid) {
                continue;
            }
            if let Some(o) = self
                .find_objective(oid)
                .and_then(|i| self.data.objective_at(i))
            {
                out.push(o);
            }
        }
        out
    }

    /// The summary's facts, of my key results (those of the walk): (key
    /// result title, before, after) for what moved, the titles of those
    /// behind pace or stale, progress before and after, my streak.
    pub fn checkin_summary(&self, st: &CheckInState) -> Summary {
        let mut moved = Vec::new();
        let mut lagging = Vec::new();
        let mut before_data: Vec<Objective> = Vec::new();
        let mut after_data: Vec<Objective> = Vec::new();
        for o in self.walked(st) {
            let mut then = o.clone();
            for k in &mut then.key_results {
                if let Some(b) = st.baseline.get(&k.id) {
                    k.measure.set_current(b.value);
                }
            }
            // A missed week filled in afterwards: each key result as it stood that day.
            let mut now_o = o.clone();
            if st.date != self.today {
                for k in &mut now_o.key_results {
                    if let Some(v) = weekly::entry_on(k, st.date).map(|h| h.value) {
                        k.measure.set_current(v);
                    }
                }
            }
            // Of the walk's key results only: a missed week's leaves out
            // those added after its day.
            let walked = |k: &&KeyResult| st.items.iter().any(|(_, id)| *id == k.id);
            for k in now_o.key_results.iter().filter(walked) {
                let now = k.measure.current();
                if let Some(Baseline { value: was, .. }) = st.baseline.get(&k.id)
                    && (now - was).abs() > f64::EPSILON
                {
                    let (after, before) = (
                        progress::key_result_progress(k),
                        progress::key_result_progress(then.key_result(&k.id).unwrap_or(k)),
                    );
                    let (forward, backward) = (after > before, after < before);
                    moved.push(Moved {
                        title: k.title.clone(),
                        before: *was,
                        after: now,
                        before_text: self.s.measure_value(&k.measure, *was),
                        after_text: self.s.measure_value(&k.measure, now),
                        forward,
                        backward,
                    });
                }
            }
            for k in o.key_results.iter().filter(walked) {
                let stale = progress::is_stale(k, self.today);
                let behind = progress::key_result_status(k, o.dates(self.fy()), self.today)
                    == progress::PaceStatus::Behind;
                if behind || stale {
                    lagging.push((k.title.clone(), stale));
                }
            }
            before_data.push(then);
            after_data.push(now_o);
        }
        let checkin = self.checkin_of(st.week);
        let skipped = st
            .items
            .iter()
            .filter(|(_, k)| checkin.is_some_and(|c| c.skipped.contains(k)))
            .filter_map(|(o, k)| {
                let o = self
                    .find_objective(o)
                    .and_then(|i| self.data.objective_at(i))?;
                o.key_result(k).map(|k| k.title.clone())
            })
            .collect();
        // The quarter's progress as its header says it (every owner's Mål
        // counted, the filter's part shown), before and after this check-in.
        let progress_with = |changed: &[Objective]| {
            let all: Vec<Objective> = self
                .data
                .around(st.quarter)
                .into_iter()
                .map(|o| changed.iter().find(|c| c.id == o.id).unwrap_or(o).clone())
                .collect();
            let shown = all.iter().filter(|o| o.covers(st.quarter) && self.keeps(o));
            Numbers::of(&all, self.fy(), self.today).mean(shown)
        };
        Summary {
            moved,
            lagging,
            skipped,
            before: progress_with(&before_data),
            after: progress_with(&after_data),
            streak: ck::streak_of(
                &self.data.checkins,
                self.checkin_owner().as_deref(),
                &self.data.settings,
                self.today,
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub title: String,
    pub before: f64,
    pub after: f64,
    /// The two values as read: numbers, or done / not done.
    pub before_text: String,
    pub after_text: String,
    /// Progress went up (for a falling key result, the value went down).
    pub forward: bool,
    /// Progress went down (for a falling key result, the value went up).
    pub backward: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub moved: Vec<Moved>,
    /// Title, and whether it is stale (else it is behind pace).
    pub lagging: Vec<(String, bool)>,
    /// The titles of the key results skipped this week.
    pub skipped: Vec<String>,
    /// The quarter's progress (the filter's part) before and after.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub streak: u32,
}
