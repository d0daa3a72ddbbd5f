//! Progress, pace, status, staleness, confidence and score bands, exactly as
//! PRODUCT.md section 4 words them. Every result is finite and within 0..=1.

use chrono::NaiveDate;

use super::objective::{KeyResult, Kind, Measure, Objective};
use super::quarter::{Dates, FiscalYear};

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
    weighted_mean(o, key_result_progress).unwrap_or(0.0)
}

/// The mean of `f` over a Mål's key results with their weights; `None` with none.
fn weighted_mean(o: &Objective, f: impl Fn(&KeyResult) -> f64) -> Option<f64> {
    let krs = &o.key_results;
    if krs.is_empty() {
        return None;
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
    let mean = if largest > 0.0 {
        let share = |k: &KeyResult| weight(k) / largest;
        let total: f64 = krs.iter().map(share).sum();
        krs.iter().map(|k| share(k) * f(k)).sum::<f64>() / total
    } else {
        krs.iter().map(&f).sum::<f64>() / krs.len() as f64
    };
    Some(unit_clamp(mean))
}

/// Nothing is behind pace in its first week: the Mål's, or a key
/// result's first week from the day it was added.
pub const FIRST_WEEK_DAYS: i64 = 7;

/// The day a key result's pace counts from: the day it was added (its first
/// history entry, which a new key result records) when that falls inside
/// its Mål's days (`dates`: a quarter's, a year's or a span's), else their
/// first day.
pub fn key_result_start(kr: &KeyResult, dates: Dates) -> NaiveDate {
    kr.history
        .iter()
        .map(|h| h.date)
        .min()
        .filter(|d| *d > dates.first && *d <= dates.last)
        .unwrap_or(dates.first)
}

/// A key result's pace: the share of the days from the day it was added to
/// its Mål's last day that have passed by the end of `today`; 1 from that
/// last day on.
pub fn key_result_pace(kr: &KeyResult, dates: Dates, today: NaiveDate) -> f64 {
    Dates {
        first: key_result_start(kr, dates),
        last: dates.last,
    }
    .elapsed(today)
}

/// A Mål's pace, the mark on its bar: its key results' paces weighted as
/// their progress is, so that progress and pace compare like with like; the
/// pace of its days with none.
pub fn objective_pace(o: &Objective, fy: FiscalYear, today: NaiveDate) -> f64 {
    let dates = o.dates(fy);
    weighted_mean(o, |k| key_result_pace(k, dates, today)).unwrap_or_else(|| dates.elapsed(today))
}

/// Whether `today` is still within the first week from `start`.
fn in_first_week(start: NaiveDate, today: NaiveDate) -> bool {
    (today - start).num_days() < FIRST_WEEK_DAYS
}

/// Where a Mål or key result stands: against pace while its quarter runs,
/// reached or not once it has ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaceStatus {
    /// Below the pace mark (or, for a level, not holding it).
    Behind,
    /// At or above the pace mark, or still in its first week.
    OnTrack,
    /// Fully reached, while the quarter runs.
    Done,
    /// The quarter is over and it was reached.
    Achieved,
    /// The quarter is over and it was not reached.
    NotReached,
}

impl PaceStatus {
    /// Its name for scripts (`okr status --json`, `okr list --json`, the
    /// JSON report): `behind`, `on_track`, `done`, `achieved`, `not_reached`.
    pub fn id(self) -> &'static str {
        match self {
            PaceStatus::Behind => "behind",
            PaceStatus::OnTrack => "on_track",
            PaceStatus::Done => "done",
            PaceStatus::Achieved => "achieved",
            PaceStatus::NotReached => "not_reached",
        }
    }
}

/// A key result's status on `today`, its Mål's days being `dates`.
pub fn key_result_status(kr: &KeyResult, dates: Dates, today: NaiveDate) -> PaceStatus {
    let p = key_result_progress(kr);
    if dates.ended(today) {
        return final_status(p >= 1.0);
    }
    let first_week = in_first_week(key_result_start(kr, dates), today);
    match &kr.measure {
        Measure::AtLeast(_) | Measure::AtMost(_) => {
            if p >= 1.0 || first_week {
                PaceStatus::OnTrack
            } else {
                PaceStatus::Behind
            }
        }
        _ if first_week && p < 1.0 => PaceStatus::OnTrack,
        _ => status_of(p, key_result_pace(kr, dates, today)),
    }
}

/// A running Mål's status from its progress `p` and its pace mark `pace`
/// ([`super::numbers`] gives both, and the judged status once its quarter
/// ends): never behind in its first week.
pub fn objective_status(
    o: &Objective,
    dates: Dates,
    (p, pace): (f64, f64),
    today: NaiveDate,
) -> PaceStatus {
    let start = o
        .key_results
        .iter()
        .map(|k| key_result_start(k, dates))
        .min()
        .unwrap_or(dates.first);
    if in_first_week(start, today) && p < 1.0 {
        return PaceStatus::OnTrack;
    }
    status_of(p, pace)
}

/// How many of a Mål's key results are behind pace, and how many it has,
/// shown beside the Mål's own status while its quarter runs: `None` when
/// none is behind, when it has a single one (whose status is the Mål's
/// own), or once the quarter has ended.
pub fn key_results_behind(o: &Objective, dates: Dates, today: NaiveDate) -> Option<(usize, usize)> {
    let behind = o
        .key_results
        .iter()
        .filter(|k| key_result_status(k, dates, today) == PaceStatus::Behind)
        .count();
    let all = o.key_results.len();
    (behind > 0 && all > 1 && !dates.ended(today)).then_some((behind, all))
}

fn final_status(reached: bool) -> PaceStatus {
    if reached {
        PaceStatus::Achieved
    } else {
        PaceStatus::NotReached
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

/// The suggested score at review: a Mål's progress rounded to one decimal;
/// 0 with no progress.
pub fn suggested_score(p: Option<f64>) -> f64 {
    (p.unwrap_or(0.0) * 10.0).round() / 10.0
}

/// Whether a score is a success for the kind (aspirational at 0.7, others at
/// 1.0). Whether a Mål succeeded is [`super::numbers::succeeded`].
pub fn score_succeeds(kind: Kind, score: f64) -> bool {
    score + 1e-9 >= kind.success_at()
}

/// A committed Mål scored below 1.0 is flagged at review.
pub fn committed_flag(kind: Kind, score: f64) -> bool {
    kind == Kind::Committed && score < 1.0 - 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, Quarter};

    const CAL: FiscalYear = FiscalYear::CALENDAR;
    use crate::model::numbers::Numbers;
    use crate::model::objective::HistoryEntry;
    use chrono::{TimeZone, Utc};

    /// A Mål's status, as [`Numbers`] gives it.
    fn status(o: &Objective, today: NaiveDate) -> PaceStatus {
        let numbers = Numbers::of([o], crate::model::FiscalYear::CALENDAR, today);
        numbers
            .get(o)
            .status
            .expect("a Mål with key results has a status")
    }

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
    }

    fn at(k: &KeyResult, share: f64) -> KeyResult {
        let mut k = k.clone();
        k.measure = Measure::numeric(0.0, 100.0, "");
        k.measure.set_current(share * 100.0);
        k
    }

    const Q4: Quarter = Quarter { year: 2026, q: 4 };

    #[test]
    fn a_mal_is_judged_by_its_own_progress_and_counts_its_key_results_behind() {
        // 2026-11-15: 46 of 92 days, pace 0.5.
        let today = d(2026, 11, 15);
        let k = kr(Measure::done(false));
        let o = objective(vec![at(&k, 0.8), at(&k, 0.2), at(&k, 0.6)]);
        assert!(
            (objective_pace(&o, crate::model::FiscalYear::CALENDAR, today) - 0.5).abs() < 1e-12
        );
        assert_eq!(
            key_result_status(&o.key_results[1], Q4.dates(CAL), today),
            PaceStatus::Behind
        );
        // 0.8, 0.2 and 0.6 make 0.53: past the mark, so on pace, with one key result behind.
        assert_eq!(status(&o, today), PaceStatus::OnTrack);
        assert_eq!(key_results_behind(&o, Q4.dates(CAL), today), Some((1, 3)));
        let o = objective(vec![at(&k, 0.4), at(&k, 0.5)]);
        assert_eq!(status(&o, today), PaceStatus::Behind);
        assert_eq!(key_results_behind(&o, Q4.dates(CAL), today), Some((1, 2)));
        assert_eq!(
            key_results_behind(&objective(vec![at(&k, 0.1)]), Q4.dates(CAL), today),
            None
        );
        assert_eq!(
            status(&objective(vec![at(&k, 1.0)]), today),
            PaceStatus::Done
        );
        assert_eq!(
            key_result_status(&kr(Measure::at_least(1.0, 0.0, "")), Q4.dates(CAL), today),
            PaceStatus::Behind
        );
    }

    #[test]
    fn nothing_is_behind_in_the_quarters_first_week() {
        let k = kr(Measure::numeric(0.0, 10.0, ""));
        let o = objective(vec![k.clone(), kr(Measure::at_most(5.0, 9.0, ""))]);
        for day in 1..=7 {
            let today = d(2026, 10, day);
            assert_eq!(
                key_result_status(&k, Q4.dates(CAL), today),
                PaceStatus::OnTrack,
                "{today}"
            );
            assert_eq!(status(&o, today), PaceStatus::OnTrack, "{today}");
            assert_eq!(
                key_results_behind(&o, Q4.dates(CAL), today),
                None,
                "{today}"
            );
        }
        assert_eq!(
            key_result_status(&k, Q4.dates(CAL), d(2026, 10, 8)),
            PaceStatus::Behind
        );
        assert_eq!(status(&o, d(2026, 10, 8)), PaceStatus::Behind);
        // A Mål without key results has no status yet: "no key results yet".
        let none = objective(vec![]);
        let numbers = Numbers::of([&none], crate::model::FiscalYear::CALENDAR, d(2026, 10, 3));
        assert_eq!(numbers.get(&none).status, None);
    }

    #[test]
    fn a_key_result_added_later_is_judged_from_the_day_it_was_added() {
        let mut k = kr(Measure::numeric(0.0, 100.0, ""));
        k.history.push(HistoryEntry::new(
            d(2026, 11, 1),
            0.0,
            Some(5),
            String::new(),
        ));
        assert_eq!(key_result_start(&k, Q4.dates(CAL)), d(2026, 11, 1));
        // Added on 1 November: in its first week nothing is behind.
        assert_eq!(
            key_result_status(&k, Q4.dates(CAL), d(2026, 11, 7)),
            PaceStatus::OnTrack
        );
        // 2026-11-30: 30 of its 61 days, while the quarter is at 61 of 92.
        let today = d(2026, 11, 30);
        assert!((key_result_pace(&k, Q4.dates(CAL), today) - 30.0 / 61.0).abs() < 1e-12);
        k.measure.set_current(50.0);
        assert_eq!(
            key_result_status(&k, Q4.dates(CAL), today),
            PaceStatus::OnTrack
        );
        k.measure.set_current(45.0);
        assert_eq!(
            key_result_status(&k, Q4.dates(CAL), today),
            PaceStatus::Behind
        );
        // Its Mål's pace mark weighs it in like its progress.
        let old = at(&kr(Measure::done(false)), 0.0);
        let o = objective(vec![old, k.clone()]);
        let expected = (61.0 / 92.0 + 30.0 / 61.0) / 2.0;
        assert!(
            (objective_pace(&o, crate::model::FiscalYear::CALENDAR, today) - expected).abs()
                < 1e-12
        );
        // A first entry before the quarter counts from the quarter's start.
        k.history[0].date = d(2026, 9, 20);
        assert_eq!(key_result_start(&k, Q4.dates(CAL)), d(2026, 10, 1));
        assert_eq!(key_result_pace(&k, Q4.dates(CAL), d(2026, 12, 31)), 1.0);
        assert_eq!(key_result_pace(&k, Q4.dates(CAL), d(2026, 9, 1)), 0.0);
    }

    #[test]
    fn an_ended_quarter_says_reached_or_not() {
        let after = d(2027, 1, 2);
        let k = kr(Measure::done(false));
        let mut o = objective(vec![at(&k, 0.8)]);
        assert_eq!(
            key_result_status(&o.key_results[0], Q4.dates(CAL), after),
            PaceStatus::NotReached
        );
        assert_eq!(status(&o, after), PaceStatus::NotReached);
        // Set achieved at the review: achieved, not behind pace.
        o.status = crate::model::Status::Achieved;
        assert_eq!(status(&o, after), PaceStatus::Achieved);
        assert_eq!(
            key_result_status(&at(&k, 1.0), Q4.dates(CAL), after),
            PaceStatus::Achieved
        );
        // Judged before the end, it says so too; not judged, it is behind pace (1 on the last day).
        assert_eq!(status(&o, d(2026, 12, 31)), PaceStatus::Achieved);
        o.status = crate::model::Status::Active;
        assert_eq!(status(&o, d(2026, 12, 31)), PaceStatus::Behind);
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
        assert!(score_succeeds(Kind::Aspirational, 0.7));
        assert!(!score_succeeds(Kind::Committed, 0.9));
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
        let o = objective(vec![a]);
        let numbers = Numbers::of([&o], crate::model::FiscalYear::CALENDAR, d(2026, 11, 1));
        assert_eq!(numbers.get(&o).suggested_score(), 0.7);
    }
}
