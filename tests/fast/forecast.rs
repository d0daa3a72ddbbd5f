//! The forecast (PRODUCT.md section 12): the arithmetic by properties, and
//! the screens that show it in both languages (and those that must not).

use chrono::{Duration, NaiveDate};
use okr::model::forecast::{self, RECENT_DAYS};
use okr::model::progress::measure_progress;
use okr::model::{HistoryEntry, KeyResult, Lang, Measure, Quarter};
use proptest::prelude::*;

use crate::support::app::*;
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

// ---------------------------------------------------------------- the screens

/// The demo's first key result at 2026-11-24: about 6,9 a week since 1 October.
fn first_forecast(lang: Lang) -> String {
    let data = demo();
    let o = &data.objectives[0];
    let k = &o.key_results[0];
    let f = forecast::of(k, o.quarter, today()).unwrap();
    okr::i18n::strings(lang).forecast(&k.measure, &f)
}

#[test]
fn the_forecast_reads_as_one_in_each_language() {
    let sv = first_forecast(Lang::Sv);
    assert_eq!(
        sv,
        "i den här takten: 91,32\u{a0}MSEK (91\u{a0}%) den 31 dec"
    );
    let en = first_forecast(Lang::En);
    assert_eq!(en, "at this rate: 91.32 MSEK (91%) by 2026-12-31");
}

#[test]
fn the_key_result_view_the_detail_and_a_running_review_show_the_same_forecast() {
    for lang in [Lang::Sv, Lang::En] {
        let words = first_forecast(lang);
        let legend = okr::i18n::strings(lang).daily.legend_forecast;

        let mut h = Harness::new(Some(demo()), lang);
        h.open_key_result_view(0);
        let text = screen(&h.app, 100, 30);
        assert!(text.contains(&format!("╌ {words}")), "{lang:?}:\n{text}");
        assert!(text.contains(&format!("╌ {legend}")), "{lang:?}:\n{text}");

        let mut h = Harness::new(Some(demo()), lang);
        h.open_detail_of(0);
        let text = screen(&h.app, 100, 30);
        assert!(text.contains(&format!(" · {words}")), "{lang:?}:\n{text}");

        let mut h = Harness::new(Some(demo()), lang);
        h.keys(&[ch('r')]);
        let text = screen(&h.app, 100, 30);
        assert!(text.contains(&words), "{lang:?}:\n{text}");
    }
}

#[test]
fn no_forecast_for_done_or_keep_at_key_results_on_screen() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // The second Mål's second key result keeps a level.
    h.select_objective(1);
    h.open_key_result_view(1);
    let text = screen(&h.app, 100, 30);
    assert!(!text.contains("at this rate"), "{text}");
    assert!(!text.contains('╌'), "{text}");
    // The third Mål's second key result is done / not done.
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.select_objective(2);
    h.open_key_result_view(1);
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("kr8"), "{text}");
    assert!(!text.contains("at this rate"), "{text}");
}

/// The demo's quarter, looked at after it has ended.
fn after_the_quarter(lang: Lang) -> Harness {
    let mut data = demo();
    let last = Q4.first_day() - Duration::days(1);
    // The same OKRs, a quarter earlier: 2026 Q3 has ended by today.
    for o in &mut data.objectives {
        let o = std::sync::Arc::make_mut(o);
        o.quarter = Quarter { year: 2026, q: 3 };
        for k in &mut o.key_results {
            for h in &mut k.history {
                h.date = last - (today() - h.date);
            }
        }
    }
    let mut h = Harness::new(Some(data), lang);
    h.keys(&[ch('[')]);
    h
}

#[test]
fn an_ended_quarter_shows_no_forecast_anywhere() {
    for lang in [Lang::Sv, Lang::En] {
        let legend = okr::i18n::strings(lang).daily.legend_forecast;
        let mut h = after_the_quarter(lang);
        h.keys(&[ch('r')]);
        let review = screen(&h.app, 100, 30);
        assert!(review.contains("2026 Q3"), "{review}");
        assert!(!review.contains(legend), "{lang:?}:\n{review}");

        let mut h = after_the_quarter(lang);
        h.open_detail_of(0);
        let detail = screen(&h.app, 100, 30);
        assert!(!detail.contains(legend), "{lang:?}:\n{detail}");

        let mut h = after_the_quarter(lang);
        h.open_key_result_view(0);
        let view = screen(&h.app, 100, 30);
        assert!(view.contains("kr1"), "{view}");
        assert!(!view.contains(legend) && !view.contains('╌'), "{view}");
    }
}

#[test]
fn a_legend_too_wide_for_one_line_keeps_every_entry_whole_on_two() {
    use crate::support::quarterly::carried;
    for lang in [Lang::Sv, Lang::En] {
        let d = &okr::i18n::strings(lang).daily;
        let mut h = Harness::new(Some(carried()), lang);
        h.open_key_result_view(0);
        let text = screen(&h.app, 80, 24);
        for entry in [
            format!("╌ {}", d.legend_forecast),
            format!("│ {}", d.legend_today),
        ] {
            assert!(text.contains(&entry), "{entry:?} in {lang:?}:\n{text}");
        }
    }
}

#[test]
fn the_forecast_screens_draw_at_every_size() {
    for lang in [Lang::Sv, Lang::En] {
        let mut states = Vec::new();
        let mut h = Harness::new(Some(demo()), lang);
        h.open_key_result_view(0);
        states.push(h);
        let mut h = Harness::new(Some(demo()), lang);
        h.open_detail_of(0);
        states.push(h);
        let mut h = Harness::new(Some(demo()), lang);
        h.keys(&[ch('r')]);
        states.push(h);
        for h in &states {
            for w in (1..=130).step_by(3) {
                for hgt in (1..=45).step_by(4) {
                    screen(&h.app, w, hgt);
                }
            }
        }
    }
}
