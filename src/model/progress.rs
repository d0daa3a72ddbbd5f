//! Progress, pace, status, staleness, confidence and score bands, exactly as
//! PRODUCT.md section 4 words them. Every result is finite and within 0..=1.

use chrono::NaiveDate;

use super::objective::{KeyResult, Kind, Measure, Objective};
use super::quarter::Quarter;

/// A key result not updated for more than this many days is stale.
pub const STALE_AFTER_DAYS: i64 = 14;

/// Keeps a ratio within 0..=1; anything not finite counts 0.
pub fn unit_clamp(x: f64) -> f64 {
    // `+ 0.0` turns -0 into 0, so a falling key result at its start shows "0 %".
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0) + 0.0
    }
}

/// Progress of a measure, 0..=1.
pub fn measure_progress(m: &Measure) -> f64 {
    match m {
        Measure::Numeric(n) => numeric_progress(n.start, n.target, n.current),
        Measure::Done(b) => f64::from(u8::from(b.done)),
        Measure::AtLeast(l) => f64::from(u8::from(l.current >= l.level)),
        Measure::AtMost(l) => f64::from(u8::from(l.current <= l.level)),
    }
}

/// `clamp((current − start) / (target − start), 0, 1)`; a target equal to its
/// start counts 1 once the current value has reached it (is at or past it).
pub fn numeric_progress(start: f64, target: f64, current: f64) -> f64 {
    let span = target - start;
    if span == 0.0 {
        return f64::from(u8::from(current >= target));
    }
    let moved = current - start;
    if span.is_finite() && moved.is_finite() {
        unit_clamp(moved / span)
    } else {
        // Numbers near the largest f64 overflow when subtracted; halved they do not.
        unit_clamp((current / 2.0 - start / 2.0) / (target / 2.0 - start / 2.0))
    }
}

pub fn key_result_progress(kr: &KeyResult) -> f64 {
    measure_progress(&kr.measure)
}

/// The weighted mean of a Mål's key results; 0 with none. Negative weights count 0;
/// when every weight is 0 the plain mean is used.
pub fn objective_progress(o: &Objective) -> f64 {
    let krs = &o.key_results;
    if krs.is_empty() {
        return 0.0;
    }
    let weight = |k: &KeyResult| {
        if k.weight.is_finite() && k.weight > 0.0 {
            k.weight
        } else {
            0.0
        }
    };
    // Weights as shares of the largest, so that huge weights cannot overflow the sum.
    let largest = krs.iter().map(weight).fold(0.0, f64::max);
    if largest > 0.0 {
        let share = |k: &KeyResult| weight(k) / largest;
        let total: f64 = krs.iter().map(share).sum();
        unit_clamp(
            krs.iter()
                .map(|k| share(k) * key_result_progress(k))
                .sum::<f64>()
                / total,
        )
    } else {
        unit_clamp(krs.iter().map(key_result_progress).sum::<f64>() / krs.len() as f64)
    }
}

/// The mean progress of the given Mål; 0 with none.
pub fn quarter_progress<'a>(objectives: impl IntoIterator<Item = &'a Objective>) -> f64 {
    let (sum, n) = objectives.into_iter().fold((0.0, 0usize), |(s, n), o| {
        (s + objective_progress(o), n + 1)
    });
    if n == 0 {
        0.0
    } else {
        unit_clamp(sum / n as f64)
    }
}

/// Pace: the share of the quarter's days that have passed.
pub fn pace(quarter: Quarter, today: NaiveDate) -> f64 {
    quarter.elapsed(today)
}

/// Whether progress keeps up with the pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PaceStatus {
    /// Below the pace mark (or, for a level, not holding it).
    Behind,
    /// At or above the pace mark.
    OnTrack,
    /// Fully reached.
    Done,
}

/// A key result's pace status.
pub fn key_result_status(kr: &KeyResult, pace: f64) -> PaceStatus {
    let p = key_result_progress(kr);
    match &kr.measure {
        Measure::AtLeast(_) | Measure::AtMost(_) => {
            if p >= 1.0 {
                PaceStatus::OnTrack
            } else {
                PaceStatus::Behind
            }
        }
        _ => status_of(p, pace),
    }
}

fn status_of(progress: f64, pace: f64) -> PaceStatus {
    if progress >= 1.0 {
        PaceStatus::Done
    } else if progress + 1e-9 >= pace {
        PaceStatus::OnTrack
    } else {
        PaceStatus::Behind
    }
}

/// A Mål's status is its weakest key result's; with none, its own progress against pace.
pub fn objective_status(o: &Objective, pace: f64) -> PaceStatus {
    o.key_results
        .iter()
        .map(|k| key_result_status(k, pace))
        .min()
        .unwrap_or_else(|| status_of(objective_progress(o), pace))
}

/// Confidence bands: 1–3 at risk, 4–7 needs attention, 8–10 on track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConfidenceBand {
    AtRisk,
    NeedsAttention,
    OnTrack,
}

pub fn confidence_band(confidence: u8) -> ConfidenceBand {
    match confidence {
        0..=3 => ConfidenceBand::AtRisk,
        4..=7 => ConfidenceBand::NeedsAttention,
        _ => ConfidenceBand::OnTrack,
    }
}

/// A Mål's confidence: the lowest of its key results', if it has any.
pub fn objective_confidence(o: &Objective) -> Option<u8> {
    o.key_results.iter().map(|k| k.confidence).min()
}

/// Stale: the last recorded value is more than 14 days old.
pub fn is_stale(kr: &KeyResult, today: NaiveDate) -> bool {
    kr.last_update()
        .is_some_and(|last| (today - last).num_days() > STALE_AFTER_DAYS)
}

/// Score bands at review: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green
/// (a score is first rounded to one decimal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScoreBand {
    Red,
    Yellow,
    Green,
}

pub fn score_band(score: f64) -> ScoreBand {
    let tenths = (unit_clamp(score) * 10.0).round();
    if tenths <= 3.0 {
        ScoreBand::Red
    } else if tenths <= 6.0 {
        ScoreBand::Yellow
    } else {
        ScoreBand::Green
    }
}

/// The suggested score at review: progress rounded to one decimal.
pub fn suggested_score(o: &Objective) -> f64 {
    (objective_progress(o) * 10.0).round() / 10.0
}

/// Whether a score is a success for the kind (aspirational at 0.7, others at 1.0).
pub fn succeeded(kind: Kind, score: f64) -> bool {
    score + 1e-9 >= kind.success_at()
}

/// A committed Mål scored below 1.0 is flagged at review.
pub fn committed_flag(kind: Kind, score: f64) -> bool {
    kind == Kind::Committed && score < 1.0 - 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::objective::HistoryEntry;
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn kr(m: Measure) -> KeyResult {
        KeyResult::new("k1".into(), "kr".into(), m)
    }

    fn objective(krs: Vec<KeyResult>) -> Objective {
        let now = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let mut o = Objective::new(
            "o1".into(),
            "Mål".into(),
            Kind::Committed,
            Quarter { year: 2026, q: 4 },
            now,
        );
        o.key_results = krs;
        o
    }

    #[test]
    fn rising_and_falling_numeric() {
        assert_eq!(numeric_progress(0.0, 100.0, 25.0), 0.25);
        assert_eq!(numeric_progress(0.0, 100.0, 150.0), 1.0);
        assert_eq!(numeric_progress(0.0, 100.0, -5.0), 0.0);
        // Reduce from 80 to 60: at 70 half way.
        assert_eq!(numeric_progress(80.0, 60.0, 70.0), 0.5);
        assert_eq!(numeric_progress(80.0, 60.0, 90.0), 0.0);
        assert_eq!(numeric_progress(80.0, 60.0, 50.0), 1.0);
    }

    #[test]
    fn a_falling_key_result_at_its_start_is_plain_zero() {
        let p = numeric_progress(800.0, 200.0, 800.0);
        assert!(p == 0.0 && p.is_sign_positive(), "{p}");
        assert_eq!(format!("{:.3}", p), "0.000");
    }

    #[test]
    fn target_equal_to_start_counts_once_reached() {
        assert_eq!(numeric_progress(5.0, 5.0, 4.0), 0.0);
        assert_eq!(numeric_progress(5.0, 5.0, 5.0), 1.0);
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(numeric_progress(-f64::MAX, f64::MAX, f64::MAX), 1.0);
        assert_eq!(numeric_progress(f64::MAX, -f64::MAX, 0.0), 0.5);
        let mut done = kr(Measure::done(true));
        done.weight = f64::MAX;
        let mut open = kr(Measure::done(false));
        open.weight = f64::MAX;
        let mut light = kr(Measure::done(false));
        light.weight = 1.0;
        let p = objective_progress(&objective(vec![done, open, light]));
        assert!((p - 0.5).abs() < 1e-9, "{p}");
    }

    #[test]
    fn done_and_levels() {
        assert_eq!(measure_progress(&Measure::done(true)), 1.0);
        assert_eq!(measure_progress(&Measure::done(false)), 0.0);
        assert_eq!(measure_progress(&Measure::at_least(98.0, 98.0, "%")), 1.0);
        assert_eq!(measure_progress(&Measure::at_least(98.0, 97.9, "%")), 0.0);
        assert_eq!(measure_progress(&Measure::at_most(500.0, 400.0, "kr")), 1.0);
        assert_eq!(measure_progress(&Measure::at_most(500.0, 501.0, "kr")), 0.0);
    }

    #[test]
    fn weighted_mean() {
        let mut a = kr(Measure::numeric(0.0, 10.0, ""));
        a.measure.set_current(10.0);
        a.weight = 3.0;
        let b = kr(Measure::done(false));
        let o = objective(vec![a, b]);
        assert_eq!(objective_progress(&o), 0.75);
        assert_eq!(objective_progress(&objective(vec![])), 0.0);
        let mut zero = kr(Measure::done(true));
        zero.weight = 0.0;
        assert_eq!(objective_progress(&objective(vec![zero])), 1.0);
        assert_eq!(quarter_progress([&o, &objective(vec![])]), 0.375);
        assert_eq!(quarter_progress(std::iter::empty()), 0.0);
    }

    #[test]
    fn status_is_the_weakest_key_result() {
        let mut ahead = kr(Measure::numeric(0.0, 10.0, ""));
        ahead.measure.set_current(8.0);
        let mut behind = kr(Measure::numeric(0.0, 10.0, ""));
        behind.measure.set_current(2.0);
        assert_eq!(key_result_status(&ahead, 0.5), PaceStatus::OnTrack);
        assert_eq!(key_result_status(&behind, 0.5), PaceStatus::Behind);
        assert_eq!(
            objective_status(&objective(vec![ahead.clone(), behind]), 0.5),
            PaceStatus::Behind
        );
        assert_eq!(
            objective_status(&objective(vec![ahead]), 0.5),
            PaceStatus::OnTrack
        );
        assert_eq!(
            key_result_status(&kr(Measure::done(true)), 0.9),
            PaceStatus::Done
        );
        assert_eq!(
            key_result_status(&kr(Measure::at_least(1.0, 0.0, "")), 0.0),
            PaceStatus::Behind
        );
    }

    #[test]
    fn bands() {
        assert_eq!(confidence_band(1), ConfidenceBand::AtRisk);
        assert_eq!(confidence_band(3), ConfidenceBand::AtRisk);
        assert_eq!(confidence_band(4), ConfidenceBand::NeedsAttention);
        assert_eq!(confidence_band(7), ConfidenceBand::NeedsAttention);
        assert_eq!(confidence_band(8), ConfidenceBand::OnTrack);
        assert_eq!(score_band(0.0), ScoreBand::Red);
        assert_eq!(score_band(0.3), ScoreBand::Red);
        assert_eq!(score_band(0.4), ScoreBand::Yellow);
        assert_eq!(score_band(0.6), ScoreBand::Yellow);
        assert_eq!(score_band(0.7), ScoreBand::Green);
        assert_eq!(score_band(1.0), ScoreBand::Green);
        assert!(succeeded(Kind::Aspirational, 0.7));
        assert!(!succeeded(Kind::Committed, 0.9));
        assert!(committed_flag(Kind::Committed, 0.9));
        assert!(!committed_flag(Kind::Aspirational, 0.5));
    }

    #[test]
    fn stale_after_fourteen_days() {
        let mut k = kr(Measure::done(false));
        assert!(!is_stale(&k, d(2026, 11, 24)));
        k.history
            .push(HistoryEntry::new(d(2026, 11, 10), 0.0, None, String::new()));
        assert!(!is_stale(&k, d(2026, 11, 24)));
        assert!(is_stale(&k, d(2026, 11, 25)));
    }

    #[test]
    fn suggested_score_rounds() {
        let mut a = kr(Measure::numeric(0.0, 100.0, ""));
        a.measure.set_current(66.0);
        assert_eq!(suggested_score(&objective(vec![a])), 0.7);
    }
}
