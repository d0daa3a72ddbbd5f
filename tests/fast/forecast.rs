//! The forecast (PRODUCT.md section 12): the arithmetic by properties.

use chrono::{Duration, NaiveDate};
use okr::model::forecast::{self, RECENT_DAYS};
use okr::model::progress::measure_progress;
use okr::model::{HistoryEntry, KeyResult, Measure, Quarter};
use proptest::prelude::*;

use crate::support::date;

const Q4: Quarter = Quarter { year: 2026, q: 4 };

fn with_history(measure: Measure, history: &[(NaiveDate, f64)]) -> KeyResult {
    let mut k = KeyResult::new("kr1".into(), "Sälj".into(), measure);
    k.history = history
        .iter()
        .map(|(d, v)| HistoryEntry::new(*d, *v, None, String::new()))
        .collect();
    k
}

// ---------------------------------------------------------------- the arithmetic

/// Any finite value, near the largest ones too.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1000.0..1000.0f64,
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        1e306..=f64::MAX,
        -f64::MAX..=-1e306,
    ]
}

/// A history of a key result in 2026 Q4 and around it, in any order.
fn history() -> impl Strategy<Value = Vec<(NaiveDate, f64)>> {
    prop::collection::vec(
        (
            (-30i64..120).prop_map(|d| date(2026, 10, 1) + Duration::days(d)),
            value(),
        ),
        0..12,
    )
}

fn measure() -> impl Strategy<Value = Measure> {
    prop_oneof![
        (value(), value(), value()).prop_map(|(s, t, c)| {
            let mut m = Measure::numeric(s, t, "");
            m.set_current(c);
            m
        }),
        any::<bool>().prop_map(Measure::done),
        (value(), value()).prop_map(|(l, c)| Measure::at_least(l, c, "")),
        (value(), value()).prop_map(|(l, c)| Measure::at_most(l, c, "")),
    ]
}

proptest! {
    #[test]
    fn a_forecast_is_finite_and_its_progress_is_the_progress_rules(
        m in measure(),
        h in history(),
        today in (0i64..140).prop_map(|d| date(2026, 10, 1) + Duration::days(d)),
    ) {
        let k = with_history(m.clone(), &h);
        let days: std::collections::HashSet<NaiveDate> = h.iter().map(|p| p.0).collect();
        match forecast::of(&k, Q4, today) {
            None => {}
            Some(f) => {
                prop_assert!(matches!(m, Measure::Numeric(_)), "{f:?}");
                prop_assert!(days.len() >= 2, "{f:?}");
                prop_assert!(today <= Q4.last_day(), "{f:?}");
                prop_assert!(f.value.is_finite(), "{f:?}");
                prop_assert!((0.0..=1.0).contains(&f.progress), "{f:?}");
                prop_assert_eq!(f.date, Q4.last_day());
                let mut at = m.clone();
                at.set_current(f.value);
                prop_assert_eq!(f.progress, measure_progress(&at));
                prop_assert!(f.points >= 2 && f.points <= h.len());
            }
        }
        if !matches!(m, Measure::Numeric(_)) || days.len() < 2 || today > Q4.last_day() {
            prop_assert_eq!(forecast::of(&k, Q4, today), None);
        }
    }

    #[test]
    fn points_on_a_line_give_that_line_at_the_quarters_end(
        a in -1e6..1e6f64,
        b in -1e3..1e3f64,
        offsets in prop::collection::btree_set(0i64..RECENT_DAYS, 2..8),
    ) {
        // Days from 1 November, all within six weeks of the latest.
        let origin = date(2026, 11, 1);
        let points: Vec<(NaiveDate, f64)> = offsets
            .iter()
            .map(|d| (origin + Duration::days(*d), a + b * *d as f64))
            .collect();
        let k = with_history(Measure::numeric(0.0, 1.0, ""), &points);
        let f = forecast::of(&k, Q4, date(2026, 12, 20)).unwrap();
        let end = (Q4.last_day() - origin).num_days() as f64;
        let want = a + b * end;
        prop_assert!((f.value - want).abs() <= 1e-6 * want.abs().max(1.0), "{} {want}", f.value);
        prop_assert_eq!(f.points, points.len());
    }
}
