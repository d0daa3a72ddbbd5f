//! The overview's figures for one quarter: how many Mål, the mean score (or
//! progress while none is scored), committed Mål achieved and the team pulse.

use super::data::Data;
use super::objective::{Kind, Status};
use super::progress;
use super::quarter::Quarter;

/// One quarter's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterFacts {
    pub quarter: Quarter,
    pub objectives: usize,
    /// The mean of the set scores, if any is set.
    pub mean_score: Option<f64>,
    pub progress: f64,
    /// Committed Mål achieved, and committed Mål in all.
    pub committed: (usize, usize),
    /// Mean rating per pillar over the quarter's check-ins with a pulse.
    pub pulse: Option<[f64; 5]>,
}

/// The figures of quarter `q`.
pub fn quarter_facts(data: &Data, q: Quarter) -> QuarterFacts {
    let os: Vec<_> = data.in_quarter(q).map(|(_, o)| o).collect();
    let scores: Vec<f64> = os.iter().filter_map(|o| o.score).collect();
    let mean_score = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    let committed: Vec<_> = os.iter().filter(|o| o.kind == Kind::Committed).collect();
    let achieved = committed
        .iter()
        .filter(|o| o.status == Status::Achieved || o.score.is_some_and(|s| s >= 1.0))
        .count();
    let pulses: Vec<[u8; 5]> = data
        .checkins
        .iter()
        .filter(|c| q.contains(c.date))
        .filter_map(|c| c.pulse.as_ref().map(|p| p.ratings()))
        .collect();
    let pulse = (!pulses.is_empty()).then(|| {
        let mut m = [0.0; 5];
        for p in &pulses {
            for (i, r) in p.iter().enumerate() {
                m[i] += f64::from(*r) / pulses.len() as f64;
            }
        }
        m
    });
    QuarterFacts {
        quarter: q,
        objectives: os.len(),
        mean_score,
        progress: progress::quarter_progress(os.iter().copied()),
        committed: (achieved, committed.len()),
        pulse,
    }
}

/// Quarters with Mål, newest first.
pub fn quarters_with_objectives(data: &Data) -> Vec<Quarter> {
    let mut qs: Vec<Quarter> = data.objectives.iter().map(|o| o.quarter).collect();
    qs.sort_unstable_by(|a, b| b.cmp(a));
    qs.dedup();
    qs
}
