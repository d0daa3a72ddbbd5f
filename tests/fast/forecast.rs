//! The forecast (PRODUCT.md section 12): the arithmetic by properties, the
//! screens that show it in both languages (and those that must not), and
//! the reports.

use chrono::{Duration, NaiveDate};
use okr::export::{Format, QuarterChoice, export};
use okr::model::forecast::{self, RECENT_DAYS};
use okr::model::progress::measure_progress;
use okr::model::{Data, HistoryEntry, KeyResult, Lang, Measure, Quarter};
use proptest::prelude::*;

use crate::support::app::*;
use crate::support::{Sandbox, date};

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
        match forecast::of(&k, Q4.dates(okr::model::FiscalYear::CALENDAR), today) {
            None => {}
            Some(f) => {
                prop_assert!(matches!(m, Measure::Numeric(_)), "{f:?}");
                prop_assert!(days.len() >= 2, "{f:?}");
                prop_assert!(today <= Q4.last_day(okr::model::FiscalYear::CALENDAR), "{f:?}");
                prop_assert!(f.value.is_finite(), "{f:?}");
                prop_assert!((0.0..=1.0).contains(&f.progress), "{f:?}");
                prop_assert_eq!(f.date, Q4.last_day(okr::model::FiscalYear::CALENDAR));
                let mut at = m.clone();
                at.set_current(f.value);
                prop_assert_eq!(f.progress, measure_progress(&at));
                prop_assert!(f.points >= 2 && f.points <= h.len());
            }
        }
        if !matches!(m, Measure::Numeric(_)) || days.len() < 2 || today > Q4.last_day(okr::model::FiscalYear::CALENDAR) {
            prop_assert_eq!(forecast::of(&k, Q4.dates(okr::model::FiscalYear::CALENDAR), today), None);
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
        let f = forecast::of(&k, Q4.dates(okr::model::FiscalYear::CALENDAR), date(2026, 12, 20)).unwrap();
        let end = (Q4.last_day(okr::model::FiscalYear::CALENDAR) - origin).num_days() as f64;
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
    let f = forecast::of(k, o.dates(okr::model::FiscalYear::CALENDAR), today()).unwrap();
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
    let last = Q4.first_day(okr::model::FiscalYear::CALENDAR) - Duration::days(1);
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

// ---------------------------------------------------------------- the reports

/// A file with a key result rising one a day (forecast 77 on 31 December),
/// one done / not done and one kept at a level with as much history, and a
/// Mål of an ended quarter with a rising key result.
fn file() -> String {
    let entries = |values: [(&str, f64); 3]| {
        values
            .iter()
            .map(|(d, v)| format!(r#"{{"date": "{d}", "value": {v}}}"#))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rising = entries([
        ("2026-11-21", 37.0),
        ("2026-11-22", 38.0),
        ("2026-11-23", 39.0),
    ]);
    let binary = entries([
        ("2026-11-21", 0.0),
        ("2026-11-22", 0.0),
        ("2026-11-23", 1.0),
    ]);
    let earlier = entries([
        ("2026-09-01", 1.0),
        ("2026-09-08", 2.0),
        ("2026-09-15", 3.0),
    ]);
    let kr = |id: &str, measure: &str, history: &str| {
        format!(
            r#"{{"id": "{id}", "title": "Nyckel {id}", "measure": {measure}, "history": [{history}]}}"#
        )
    };
    let objective = |id: &str, quarter: &str, krs: Vec<String>| {
        format!(
            r#"{{"id": "{id}", "title": "Mål {id}", "quarter": "{quarter}",
                "created": "2026-07-01T08:00:00Z", "updated": "2026-07-01T08:00:00Z",
                "key_results": [{}]}}"#,
            krs.join(", ")
        )
    };
    let o1 = objective(
        "o1",
        "2026-Q4",
        vec![
            kr(
                "kr1",
                r#"{"type": "numeric", "start": 0, "target": 100, "current": 39, "unit": "MSEK"}"#,
                &rising,
            ),
            kr("kr2", r#"{"type": "done", "done": true}"#, &binary),
            kr(
                "kr3",
                r#"{"type": "at_least", "level": 30, "current": 39}"#,
                &rising,
            ),
        ],
    );
    let o2 = objective(
        "o2",
        "2026-Q3",
        vec![kr(
            "kr4",
            r#"{"type": "numeric", "start": 0, "target": 10, "current": 3}"#,
            &earlier,
        )],
    );
    format!(r#"{{"version": 2, "objectives": [{o1}, {o2}]}}"#)
}

#[test]
fn the_markdown_report_says_the_forecast_under_its_key_result_in_each_language() {
    let w = Sandbox::new();
    w.write(&file());
    for (lang, words, rate) in [
        (
            "sv",
            "  - i den här takten: 77\u{a0}MSEK (77\u{a0}%) den 31 dec\n",
            "i den här takten",
        ),
        (
            "en",
            "  - at this rate: 77 MSEK (77%) by 2026-12-31\n",
            "at this rate",
        ),
    ] {
        let r = w.okr(&["--lang", lang, "export", "--quarter", "all"]);
        r.ok();
        let md = &r.stdout;
        let kr1 = md.find("`kr1`").unwrap();
        let kr2 = md.find("`kr2`").unwrap();
        let at = md
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} missing:\n{md}"));
        assert!(kr1 < at && at < kr2, "{md}");
        // Only there: not for done / not done, a level or an ended quarter.
        assert_eq!(md.matches(rate).count(), 1, "{md}");
    }
}

#[test]
fn the_json_report_adds_the_forecasts_and_leaves_its_other_keys() {
    let data: Data = serde_json::from_str(&file()).unwrap();
    let json = |today: NaiveDate| {
        let mut out = Vec::new();
        export(
            &data,
            None,
            QuarterChoice::All,
            Format::Json,
            Lang::En,
            today,
            &mut out,
        )
        .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    let v = json(today());
    let numbers = v["numbers"].as_object().unwrap();
    let keys: Vec<&str> = numbers.keys().map(String::as_str).collect();
    assert_eq!(keys, ["quarters", "objectives", "forecasts"]);
    let forecasts = numbers["forecasts"].as_array().unwrap();
    assert_eq!(forecasts.len(), 1, "{forecasts:?}");
    let f = &forecasts[0];
    assert_eq!(f["key_result"], "kr1");
    assert_eq!(f["date"], "2026-12-31");
    assert!((f["value"].as_f64().unwrap() - 77.0).abs() < 1e-9, "{f}");
    assert!((f["progress"].as_f64().unwrap() - 0.77).abs() < 1e-9, "{f}");
    // Once every quarter has ended there is none, and the key is left out.
    let v = json(date(2027, 1, 1));
    let keys: Vec<&str> = v["numbers"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["quarters", "objectives"]);
}
