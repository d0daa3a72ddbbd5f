//! The overview's figures for one quarter (or a year, of its own Mål): how
//! many Mål, the score (or the progress while it is not scored), committed
//! Mål achieved, the team pulse and the number of check-ins.

use chrono::NaiveDate;

use super::checkin::CheckIn;
use super::data::Data;
use super::numbers::Numbers;
use super::objective::{Kind, Objective};
use super::quarter::Quarter;
use super::review;

/// One quarter's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterFacts {
    pub quarter: Quarter,
    /// Its name on screen: `2026 Q4`, `FY2027 Q2`, `2027`.
    pub label: String,
    pub objectives: usize,
    /// The quarter's score once it is scored ([`review::quarter_score`]).
    pub score: Option<f64>,
    /// The mean progress of its Mål ([`Numbers::mean`]).
    pub progress: Option<f64>,
    /// Committed Mål achieved, and committed Mål in all.
    pub committed: (usize, usize),
    /// Mean rating per pillar over the quarter's check-ins with a pulse
    /// (each person's, with check-ins per person: the team's mean).
    pub pulse: Option<[f64; 5]>,
    /// How many people gave a pulse in the quarter (a check-in without an
    /// owner counts as one person).
    pub answered: usize,
    /// The check-ins dated in the quarter (with check-ins per person, each
    /// person's weekly check-in is one).
    pub checkins: usize,
}

/// The figures of quarter `q` on `today`. A committed Mål counts as achieved
/// when it succeeded by [`super::numbers::succeeded`], as the review says.
pub fn quarter_facts(data: &Data, q: Quarter, today: NaiveDate) -> QuarterFacts {
    quarter_facts_of(data, q, today, &|_| true, &|_| true)
}

/// [`quarter_facts`] of the Mål `keep` keeps and the pulses of the
/// check-ins `keep_checkin` keeps (one owner's).
pub fn quarter_facts_of(
    data: &Data,
    q: Quarter,
    today: NaiveDate,
    keep: &dyn Fn(&Objective) -> bool,
    keep_checkin: &dyn Fn(&CheckIn) -> bool,
) -> QuarterFacts {
    let fy = data.fiscal_year();
    let numbers = Numbers::of(data.around(q), fy, today);
    let os: Vec<&Objective> = data
        .in_quarter(q)
        .map(|(_, o)| o)
        .filter(|o| keep(o))
        .collect();
    // A Mål spanning on into later quarters is scored in its last one.
    let ending: Vec<&Objective> = os
        .iter()
        .copied()
        .filter(|o| o.is_yearly() || o.last_quarter() == q)
        .collect();
    let committed: Vec<_> = os.iter().filter(|o| o.kind == Kind::Committed).collect();
    let achieved = committed
        .iter()
        .filter(|o| numbers.get(o).succeeded == Some(true))
        .count();
    let answers: Vec<&CheckIn> = data
        .checkins
        .iter()
        .filter(|c| q.contains(fy, c.date) && c.pulse.is_some() && keep_checkin(c))
        .map(|c| &**c)
        .collect();
    let mut people: Vec<Option<String>> = answers
        .iter()
        .map(|c| c.owner.as_deref().map(|o| o.trim().to_lowercase()))
        .collect();
    people.sort();
    people.dedup();
    let pulses: Vec<[u8; 5]> = answers
        .iter()
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
        label: q.label(fy).to_string(),
        objectives: os.len(),
        score: review::quarter_score_of(&ending, &numbers, q.dates(fy), today),
        progress: numbers.mean(os.iter().copied()),
        committed: (achieved, committed.len()),
        pulse,
        answered: people.len(),
        checkins: data
            .checkins
            .iter()
            .filter(|c| q.contains(fy, c.date) && keep_checkin(c))
            .count(),
    }
}

/// The quarters (and years) of the views that show Mål
/// ([`super::term::views`]: a Mål over several quarters is in each),
/// newest first, each year with Mål of its own before its quarters:
/// `2027`, `2027 Q2`, `2027 Q1`, `2026 Q4`.
pub fn newest_first(views: impl IntoIterator<Item = Quarter>) -> Vec<Quarter> {
    let mut qs: Vec<Quarter> = views.into_iter().collect();
    qs.sort_unstable_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then_with(|| a.is_year().cmp(&b.is_year()).reverse())
            .then_with(|| b.q.cmp(&a.q))
    });
    qs.dedup();
    qs
}
