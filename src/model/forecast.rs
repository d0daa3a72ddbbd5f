//! Where a key result is heading: a straight line through its recent
//! history, evaluated at its quarter's last day (PRODUCT.md section 12). A
//! forecast, never a promise: every surface says "at this rate".
//!
//! - **Which key results**: numeric ones only. Done / not done and keep-at
//!   levels have no line to follow.
//! - **Recent history**: the entries dated at most [`RECENT_DAYS`] (six
//!   weeks) before the latest entry, and at least the entries of the last
//!   two days with an entry, however old. Fewer than two days with an
//!   entry give no forecast.
//! - **The line**: least squares through those entries (date, value), each
//!   entry one point.
//! - **When**: only while the quarter has not ended; on its last day the
//!   line is read at that day.
//! - **Its progress**: the forecast value put through the same progress
//!   rule as every other number ([`progress::measure_progress`]).
//! - **Finite**: values are scaled before they are summed, so huge numbers
//!   cannot overflow on the way; a forecast that would still not be a
//!   finite number is no forecast.

use chrono::NaiveDate;

use super::objective::{KeyResult, Measure};
use super::progress;
use super::quarter::Dates;

/// How far back from the latest entry "recent" reaches, in days.
pub const RECENT_DAYS: i64 = 42;

/// A key result's forecast.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    /// The day it is for: the quarter's last day.
    pub date: NaiveDate,
    /// The value the line reaches on that day.
    pub value: f64,
    /// The progress that value would mean, 0..=1, by the one progress rule.
    pub progress: f64,
    /// The latest entry (its date and value), where the line to the
    /// forecast is drawn from.
    pub from: (NaiveDate, f64),
    /// How many entries the line was drawn through.
    pub points: usize,
}

/// The forecast of `kr` on `today` for the last of its Mål's days
/// (`dates`): `None` for a measure that is not a number from a start to a
/// target, with fewer than two days of history, once those days are over,
/// or when the line gives no finite number.
pub fn of(kr: &KeyResult, dates: Dates, today: NaiveDate) -> Option<Forecast> {
    if !matches!(kr.measure, Measure::Numeric(_)) || dates.ended(today) {
        return None;
    }
    let points = recent(kr.history.iter().map(|h| (h.date, h.value)));
    let date = dates.last;
    let value = line_at(&points, date)?;
    let mut measure = kr.measure.clone();
    measure.set_current(value);
    let from = points.last().copied()?;
    Some(Forecast {
        date,
        value,
        progress: progress::measure_progress(&measure),
        from,
        points: points.len(),
    })
}

/// The recent entries of a history, in date order (entries of one day in
/// the order given): those at most [`RECENT_DAYS`] before the latest, and
/// at least those of the last two days that have one. Entries that are not
/// finite are left out.
pub fn recent(history: impl IntoIterator<Item = (NaiveDate, f64)>) -> Vec<(NaiveDate, f64)> {
    let mut points: Vec<(NaiveDate, f64)> =
        history.into_iter().filter(|(_, v)| v.is_finite()).collect();
    points.sort_by_key(|(d, _)| *d);
    let Some(&(latest, _)) = points.last() else {
        return points;
    };
    let window = latest
        .checked_sub_signed(chrono::Duration::days(RECENT_DAYS))
        .unwrap_or(NaiveDate::MIN);
    // The day before the latest that has an entry, however long ago.
    let second = points.iter().rev().map(|(d, _)| *d).find(|d| *d < latest);
    let from = second.map_or(window, |s| s.min(window));
    points.retain(|(d, _)| *d >= from);
    points
}

/// The value at `at` of the least-squares line through `points`; `None`
/// with fewer than two distinct days or when the result is not finite.
pub fn line_at(points: &[(NaiveDate, f64)], at: NaiveDate) -> Option<f64> {
    let &(origin, _) = points.last()?;
    let day = |d: NaiveDate| (d - origin).num_days() as f64;
    if points.iter().all(|(d, _)| *d == origin) {
        return None;
    }
    // Scaled to the largest value, so that sums of huge values stay finite.
    let scale = points.iter().map(|(_, v)| v.abs()).fold(0.0, f64::max);
    if !scale.is_finite() {
        return None;
    }
    if scale == 0.0 {
        return Some(0.0);
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|(d, _)| day(*d)).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, v)| v / scale).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (d, v) in points {
        let dx = day(*d) - mean_x;
        sxy += dx * (v / scale - mean_y);
        sxx += dx * dx;
    }
    if sxx <= 0.0 {
        return None;
    }
    let value = (mean_y + sxy / sxx * (day(at) - mean_x)) * scale;
    // `+ 0.0` turns -0 into 0.
    value.is_finite().then_some(value + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, Quarter};

    const CAL: FiscalYear = FiscalYear::CALENDAR;
    use crate::model::objective::HistoryEntry;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    const Q4: Quarter = Quarter { year: 2026, q: 4 };

    fn kr(measure: Measure, history: &[(NaiveDate, f64)]) -> KeyResult {
        let mut k = KeyResult::new("kr1".into(), "Sälj".into(), measure);
        k.history = history
            .iter()
            .map(|(d, v)| HistoryEntry::new(*d, *v, None, String::new()))
            .collect();
        k
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn a_line_through_points_on_a_line_lands_where_the_line_does() {
        // One a day from 1 December: 31 on the 31st.
        let k = kr(
            Measure::numeric(0.0, 100.0, ""),
            &[(d(12, 1), 1.0), (d(12, 3), 3.0), (d(12, 10), 10.0)],
        );
        let f = of(&k, Q4.dates(CAL), d(12, 10)).unwrap();
        assert!(close(f.value, 31.0), "{f:?}");
        assert!(close(f.progress, 0.31), "{f:?}");
        assert_eq!(f.date, d(12, 31));
        assert_eq!(f.from, (d(12, 10), 10.0));
        assert_eq!(f.points, 3);
    }

    #[test]
    fn scattered_points_give_the_least_squares_line() {
        // x = 0, 1, 2 (days), y = 0, 2, 1: slope 0.5, through (1, 1).
        let points = [(d(12, 1), 0.0), (d(12, 2), 2.0), (d(12, 3), 1.0)];
        assert!(close(line_at(&points, d(12, 5)).unwrap(), 2.5));
    }

    #[test]
    fn its_progress_follows_the_progress_rule_falling_and_beyond_the_target() {
        // Reduce from 10 to 2, one a day less: below the target by the end.
        let k = kr(
            Measure::numeric(10.0, 2.0, "dagar"),
            &[(d(12, 20), 10.0), (d(12, 21), 9.0)],
        );
        let f = of(&k, Q4.dates(CAL), d(12, 21)).unwrap();
        assert!(close(f.value, -1.0), "{f:?}");
        assert_eq!(f.progress, 1.0);
        // Going the wrong way: no progress, never below 0.
        let k = kr(
            Measure::numeric(0.0, 100.0, ""),
            &[(d(12, 1), 10.0), (d(12, 2), 5.0)],
        );
        let f = of(&k, Q4.dates(CAL), d(12, 2)).unwrap();
        assert_eq!(f.progress, 0.0);
    }

    #[test]
    fn no_forecast_for_done_or_keep_at_measures() {
        let days = [(d(11, 1), 0.0), (d(11, 8), 1.0)];
        for m in [
            Measure::done(false),
            Measure::at_least(98.0, 96.0, "%"),
            Measure::at_most(500.0, 420.0, "kr"),
        ] {
            assert_eq!(of(&kr(m, &days), Q4.dates(CAL), d(11, 24)), None);
        }
    }

    #[test]
    fn no_forecast_without_two_days_of_history() {
        let m = || Measure::numeric(0.0, 100.0, "");
        assert_eq!(of(&kr(m(), &[]), Q4.dates(CAL), d(11, 24)), None);
        assert_eq!(
            of(&kr(m(), &[(d(11, 1), 5.0)]), Q4.dates(CAL), d(11, 24)),
            None
        );
        let same_day = [(d(11, 1), 5.0), (d(11, 1), 9.0), (d(11, 1), 7.0)];
        assert_eq!(of(&kr(m(), &same_day), Q4.dates(CAL), d(11, 24)), None);
    }

    #[test]
    fn no_forecast_once_the_quarter_has_ended() {
        let k = kr(
            Measure::numeric(0.0, 100.0, ""),
            &[(d(11, 1), 10.0), (d(11, 8), 20.0)],
        );
        assert!(
            of(&k, Q4.dates(CAL), d(12, 31)).is_some(),
            "its last day still runs"
        );
        let after = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(of(&k, Q4.dates(CAL), after), None);
    }

    #[test]
    fn recent_is_six_weeks_before_the_latest_entry_but_at_least_two_days() {
        let weekly: Vec<(NaiveDate, f64)> = (0..10)
            .map(|w| (d(10, 1) + chrono::Duration::days(7 * w), w as f64))
            .collect();
        let got = recent(weekly.iter().copied());
        // The latest on 3 December: six weeks back is 22 October.
        assert_eq!(got.first().map(|p| p.0), Some(d(10, 22)));
        assert_eq!(got.len(), 7);
        // Two entries far apart: both, however old the first.
        let sparse = [(d(12, 1), 3.0), (d(7, 1), 1.0)];
        assert_eq!(recent(sparse), [(d(7, 1), 1.0), (d(12, 1), 3.0)]);
        // The latest day's entries and the one before it, not more.
        let late = [
            (d(7, 1), 0.0),
            (d(8, 1), 1.0),
            (d(12, 1), 2.0),
            (d(12, 1), 3.0),
        ];
        assert_eq!(recent(late).len(), 3);
    }

    #[test]
    fn huge_and_tiny_values_stay_finite_or_give_none() {
        let big = [(d(12, 1), -f64::MAX), (d(12, 2), f64::MAX)];
        // The line would pass the largest number: no forecast.
        assert_eq!(line_at(&big, d(12, 31)), None);
        let flat = [(d(12, 1), f64::MAX), (d(12, 2), f64::MAX)];
        assert_eq!(line_at(&flat, d(12, 31)), Some(f64::MAX));
        let tiny = [(d(12, 1), 0.0), (d(12, 2), f64::MIN_POSITIVE)];
        assert!(line_at(&tiny, d(12, 31)).unwrap().is_finite());
        let zeros = [(d(12, 1), 0.0), (d(12, 2), -0.0)];
        assert_eq!(line_at(&zeros, d(12, 31)), Some(0.0));
        let nan = [(d(12, 1), f64::NAN), (d(12, 2), 1.0), (d(12, 3), 2.0)];
        assert!(close(line_at(&recent(nan), d(12, 4)).unwrap(), 3.0));
        let k = kr(
            Measure::numeric(0.0, f64::MAX, ""),
            &[(d(12, 1), 0.0), (d(12, 2), f64::MAX / 2.0)],
        );
        assert_eq!(of(&k, Q4.dates(CAL), d(12, 2)), None);
    }
}
