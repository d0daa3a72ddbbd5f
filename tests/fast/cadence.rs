//! The team's cadence and holiday weeks: a check-in every week, every two
//! weeks or every month, none due in a holiday week; the banner, `okr
//! status --check`, the streak and the past check-ins follow it; the
//! settings set it, undoably.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use okr::model::cadence::Cadence;
use okr::model::checkin::streak;
use okr::model::{CheckIn, IsoWeek, Lang, Settings};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::Sandbox;
use crate::support::app::*;
use crate::support::fixture::FIXTURE;
use crate::support::screen::render;

/// The fixture as one person's file, its check-ins gone and its settings
/// given `settings`; plus a check-in keyed `week`, dated `date`, of every
/// key result of the quarter, when one is given.
fn file(settings: Value, checkin: Option<(&str, &str)>) -> Value {
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    let mut ids = Vec::new();
    for o in v["objectives"].as_array_mut().unwrap() {
        o.as_object_mut().unwrap().remove("owner");
        if o["quarter"] == "2026-Q4" {
            for k in o["key_results"].as_array().unwrap() {
                ids.push(k["id"].clone());
            }
        }
    }
    for (k, value) in settings.as_object().unwrap() {
        v["settings"][k] = value.clone();
    }
    let entries: Vec<Value> = ids
        .iter()
        .map(|k| json!({"key_result": k, "value": 1.0, "confidence": 5}))
        .collect();
    v["checkins"] = match checkin {
        Some((week, date)) => json!([{"week": week, "date": date, "entries": entries}]),
        None => json!([]),
    };
    v
}

/// `okr status --check` on `file` with today pinned to `today`: its exit code.
fn check(file: &Value, today: &str) -> Option<i32> {
    let w = Sandbox::new();
    w.write_json(file);
    let mut c = w.command();
    c.env("OKR_TODAY", today);
    let r = w.okr_with(c, &["status", "--check"]);
    assert_eq!(r.stderr, "");
    r.code
}

#[test]
fn a_check_in_every_two_weeks_is_due_once_in_them() {
    let two = json!({"cadence": "fortnightly", "cadence_start": "2026-W47"});
    // Done in the period's first week: not due in its second.
    let done = file(two.clone(), Some(("2026-W47", "2026-11-16")));
    assert_eq!(check(&done, "2026-11-24"), Some(0));
    // A weekly team would owe this week's.
    let weekly = file(json!({}), Some(("2026-W47", "2026-11-16")));
    assert_eq!(check(&weekly, "2026-11-24"), Some(1));
    // The next period (W49–W50) owes one from its Monday on.
    assert_eq!(check(&done, "2026-11-30"), Some(1));
    assert_eq!(check(&done, "2026-12-08"), Some(1));
    // None at all: due all through the period.
    assert_eq!(check(&file(two, None), "2026-11-24"), Some(1));
}

#[test]
fn a_monthly_check_in_is_the_months_and_a_holiday_week_owes_none() {
    let monthly = file(
        json!({"cadence": "monthly"}),
        Some(("2026-W45", "2026-11-03")),
    );
    assert_eq!(check(&monthly, "2026-11-24"), Some(0));
    // Monday 30 November is in December's first week.
    assert_eq!(check(&monthly, "2026-11-30"), Some(1));
    let away = file(json!({"holidays": ["2026-W48"]}), None);
    assert_eq!(check(&away, "2026-11-24"), Some(0));
    assert_eq!(check(&file(json!({}), None), "2026-11-24"), Some(1));
}

#[test]
fn the_settings_set_the_cadence_and_the_holidays_undoably() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.open_settings();
    // Owner, language, weekday, then the cadence: every two weeks.
    h.keys(&[code(TAB), code(TAB), code(TAB), ch('l'), code(TAB)]);
    h.type_text("2026-W52, 2026-W54");
    h.keys(&[code(ENTER)]);
    let Some(okr::app::Modal::Form(f)) = h.app.modal() else {
        panic!("the form stays open");
    };
    let error = f.fields.iter().find_map(|f| f.error.clone());
    assert_eq!(
        error.as_deref(),
        Some("2026-W54 is no week: write weeks like 2026-W52, 2026-W53"),
        "a holiday that is no week is refused"
    );
    let text = render(&h.app, 100, 30);
    assert!(text.contains("⚠ 2026-W54 is no week"), "{text}");
    h.keys(&[code(ratatui::crossterm::event::KeyCode::Backspace)]);
    h.type_text("3");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "saved");
    let settings = h.file_json()["settings"].clone();
    assert_eq!(settings["cadence"], "fortnightly");
    // Two-week periods count from the week they were chosen in.
    assert_eq!(settings["cadence_start"], "2026-W48");
    assert_eq!(settings["holidays"], json!(["2026-W52", "2026-W53"]));
    h.keys(&[ch('u')]);
    let settings = h.file_json()["settings"].clone();
    assert_eq!(settings.get("cadence"), None, "undone: weekly again");
    assert_eq!(settings.get("holidays"), None);
}

#[test]
fn the_banner_the_streak_and_the_past_check_ins_speak_of_the_cadence() {
    let mut data = demo();
    data.settings.cadence = Cadence::Monthly;
    data.checkins.clear();
    let h = Harness::new(Some(data), Lang::En);
    let text = render(&h.app, 100, 30);
    assert!(text.contains("This month's check-in"), "{text}");
    // A holiday period in the past check-ins: nothing was due.
    let mut data = demo();
    data.checkins.clear();
    data.settings.holidays = vec!["2026-W46".parse().unwrap()];
    let mut h = Harness::new(Some(data), Lang::Sv);
    h.keys(&[ch('w')]);
    let text = render(&h.app, 100, 30);
    let line = text.lines().find(|l| l.contains("2026-W46")).unwrap();
    assert!(
        line.contains("ledigt: ingen incheckning behövdes"),
        "{text}"
    );
    let line = text.lines().find(|l| l.contains("2026-W45")).unwrap();
    assert!(line.contains("ingen incheckning – tryck"), "{text}");
}

fn week_of(n: u64) -> IsoWeek {
    let monday = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    IsoWeek::of(monday.checked_add_days(Days::new(7 * n)).unwrap())
}

fn rhythm() -> impl Strategy<Value = Settings> {
    (
        prop::sample::select(Cadence::ALL.to_vec()),
        0u64..60,
        0u32..7,
        prop::collection::vec(0u64..60, 0..12),
    )
        .prop_map(|(cadence, start, day, holidays)| Settings {
            cadence,
            cadence_start: Some(week_of(start)),
            checkin_weekday: Weekday::try_from(u8::try_from(day).unwrap()).unwrap(),
            holidays: holidays.into_iter().map(week_of).collect(),
            ..Settings::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A holiday never breaks a streak: marking any week one leaves it as
    /// long or longer.
    #[test]
    fn a_holiday_never_breaks_a_streak(
        settings in rhythm(),
        done in prop::collection::vec(0u64..60, 0..20),
        away in 0u64..60,
        today in 0u64..60,
    ) {
        let checkins: Vec<CheckIn> = done
            .iter()
            .map(|n| CheckIn::new(week_of(*n).monday().unwrap()))
            .collect();
        let today = week_of(today).monday().unwrap().checked_add_days(Days::new(3)).unwrap();
        let before = streak(&checkins, &settings, today);
        let mut more = settings.clone();
        more.holidays.push(week_of(away));
        prop_assert!(streak(&checkins, &more, today) >= before);
    }

    /// Each period is due from a check-in weekday of a week in it that is
    /// no holiday; a period of holidays is never due.
    #[test]
    fn a_period_is_due_on_its_weekday_outside_the_holidays(settings in rhythm(), n in 0u64..60) {
        let day = week_of(n).monday().unwrap();
        let period = settings.period_of(day);
        match settings.due_from(period) {
            Some(due) => {
                prop_assert!(period.contains(due));
                prop_assert_eq!(due.weekday(), settings.checkin_weekday);
                prop_assert!(!settings.is_holiday(IsoWeek::of(due)));
                prop_assert!(settings.due_on(due));
            }
            None => {
                prop_assert!(settings.is_off(period));
                for d in (0..7 * u64::from(period.weeks)).filter_map(|i| period.first_day()?.checked_add_days(Days::new(i))) {
                    prop_assert!(!settings.due_on(d));
                }
            }
        }
    }
}

#[test]
fn a_check_in_of_two_weeks_is_kept_under_its_first_week_and_resumed_in_the_second() {
    let mut data = demo();
    data.checkins.clear();
    data.settings.cadence = Cadence::Fortnightly;
    data.settings.cadence_start = Some("2026-W47".parse().unwrap());
    let mut h = Harness::new(Some(data), Lang::En);
    // Today (2026-11-24) is in the period's second week.
    h.walk_to(2);
    h.keys(&[code(ESC)]);
    let checkins = h.file_json()["checkins"].clone();
    let weeks: Vec<&Value> = checkins
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["week"])
        .collect();
    assert_eq!(weeks, [&json!("2026-W47")], "{checkins}");
    assert_eq!(checkins[0]["date"], "2026-11-24");
    // `c` again resumes the same check-in, where it was left.
    h.walk_to_summary();
    let checkins = h.file_json()["checkins"].clone();
    assert_eq!(checkins.as_array().unwrap().len(), 1, "{checkins}");
    // The past check-ins name the period by its two weeks.
    h.keys(&[code(ESC), ch('w')]);
    let text = render(&h.app, 100, 30);
    assert!(text.contains("2026-W47–W48  2026-11-24"), "{text}");
    let text = render(&h.app, 100, 30);
    assert!(
        !text.contains("fortnight's check-in:"),
        "nothing waits:\n{text}"
    );
}
