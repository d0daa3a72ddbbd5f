//! The check-in's summary: what moved, what lags, the quarter's progress
//! before and after, the streak, and the key results skipped this week.

use super::App;
use super::checkin::{Baseline, CheckInState};
use crate::model::checkin as ck;
use crate::model::{Objective, progress, weekly};

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
            for k in &now_o.key_results {
                let now = k.measure.current();
                if let Some(Baseline { value: was, .. }) = st.baseline.get(&k.id)
                    && (now - was).abs() > f64::EPSILON
                {
                    let forward = progress::key_result_progress(k)
                        > progress::key_result_progress(then.key_result(&k.id).unwrap_or(k));
                    moved.push(Moved {
                        title: k.title.clone(),
                        before: *was,
                        after: now,
                        before_text: self.s.measure_value(&k.measure, *was),
                        after_text: self.s.measure_value(&k.measure, now),
                        forward,
                    });
                }
            }
            for k in &o.key_results {
                let stale = progress::is_stale(k, self.today);
                let behind = progress::key_result_status(k, st.quarter, self.today)
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
        Summary {
            moved,
            lagging,
            skipped,
            before: progress::quarter_progress(before_data.iter()),
            after: progress::quarter_progress(after_data.iter()),
            streak: ck::streak_of(
                &self.data.checkins,
                self.checkin_owner().as_deref(),
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub moved: Vec<Moved>,
    /// Title, and whether it is stale (else it is behind pace).
    pub lagging: Vec<(String, bool)>,
    /// The titles of the key results skipped this week.
    pub skipped: Vec<String>,
    pub before: f64,
    pub after: f64,
    pub streak: u32,
}
