//! The weekly rhythm around one check-in: the one before it (its plans,
//! marked done or carried), the weeks of a quarter with and without one,
//! the day a missed week is dated, and a key result's value on a day.

use std::borrow::Borrow;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::checkin::{CheckIn, Pulse};
use super::objective::{HistoryEntry, KeyResult};
use super::quarter::{Dates, Quarter};
use super::settings::Settings;
use super::week::IsoWeek;

/// Which list of a check-in a plan came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    NextStep,
    Blocker,
}

/// One line of a check-in's next steps or blockers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub kind: PlanKind,
    /// The line as written, without a leading `-`, `*` or `•`.
    pub text: String,
    /// Marked done since (kept in that check-in's `done`).
    pub done: bool,
}

/// A line of a list, without its bullet and surrounding space.
pub fn plan_text(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix(['-', '*', '•']).map_or(t, str::trim_start)
}

/// The next steps, then the blockers, of a check-in: one plan a line.
pub fn plans(c: &CheckIn) -> Vec<Plan> {
    let lines = |text: &str, kind: PlanKind| -> Vec<Plan> {
        text.lines()
            .map(plan_text)
            .filter(|t| !t.is_empty())
            .map(|t| Plan {
                kind,
                text: t.to_string(),
                done: c.done.iter().any(|d| d == t),
            })
            .collect()
    };
    let mut out = lines(&c.next_steps, PlanKind::NextStep);
    out.extend(lines(&c.blockers, PlanKind::Blocker));
    out
}

/// Marks a plan of `c` done, or not done again; true when it is done now.
pub fn toggle_done(c: &mut CheckIn, text: &str) -> bool {
    if c.done.iter().any(|d| d == text) {
        c.done.retain(|d| d != text);
        false
    } else {
        c.done.push(text.to_string());
        true
    }
}

/// `text` with `line` added as its last line, unless it has it already.
pub fn with_line(text: &str, line: &str) -> String {
    if text.lines().any(|l| plan_text(l) == line) {
        return text.to_string();
    }
    let body = text.trim_end_matches('\n');
    if body.is_empty() {
        line.to_string()
    } else {
        format!("{body}\n{line}")
    }
}

/// `owner`'s last check-in before `week` (a check-in of the whole file,
/// from before owners, counts).
pub fn previous<'a>(
    checkins: &'a [impl Borrow<CheckIn>],
    owner: Option<&str>,
    week: IsoWeek,
) -> Option<&'a CheckIn> {
    checkins
        .iter()
        .map(Borrow::borrow)
        .filter(|c: &&CheckIn| c.week < week && (c.owner.is_none() || c.belongs_to(owner)))
        .max_by_key(|c| c.week)
}

/// Whole weeks from `earlier` to `later` (1: the week before).
pub fn weeks_between(earlier: IsoWeek, later: IsoWeek) -> i64 {
    match (earlier.monday(), later.monday()) {
        (Some(a), Some(b)) => (b - a).num_days() / 7,
        _ => 0,
    }
}

/// The ISO weeks of a quarter (its `dates`) up to `today`'s, newest first.
/// A week is in the quarter that holds its Thursday, as ISO 8601 puts it in
/// the year that does: each week is in one quarter, and never in a quarter
/// of another year (2026-W53 is 2026 Q4's, not 2027 Q1's).
pub fn quarter_weeks(dates: Dates, today: NaiveDate) -> Vec<IsoWeek> {
    let first = dates.first;
    let ahead =
        (7 + Weekday::Thu.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let mut out = Vec::new();
    let mut thursday = first.checked_add_days(Days::new(u64::from(ahead)));
    while let Some(day) = thursday.filter(|d| *d <= dates.last) {
        let week = IsoWeek::of(day);
        if week.monday().is_none_or(|monday| monday > today) {
            break;
        }
        out.push(week);
        thursday = day.checked_add_days(Days::new(7));
    }
    out.reverse();
    out
}

/// The check-in periods of a quarter up to `today`'s, newest first, each
/// by its key (its first week, [`crate::model::cadence`]): the periods
/// whose first week is one of the quarter's ([`quarter_weeks`]).
pub fn quarter_periods(quarter: Quarter, today: NaiveDate, settings: &Settings) -> Vec<IsoWeek> {
    let weeks = quarter_weeks(quarter.dates(settings.fiscal_year), today);
    let mut out: Vec<IsoWeek> = Vec::new();
    for w in &weeks {
        let key = settings.period_key(*w);
        if weeks.contains(&key) && !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// The check-in periods of a year (or of the year a quarter is in) up to
/// `today`'s, newest first: those of its four quarters.
pub fn year_periods(year: Quarter, today: NaiveDate, settings: &Settings) -> Vec<IsoWeek> {
    (1..=4)
        .rev()
        .filter_map(|q| Quarter::new(year.year, q))
        .flat_map(|q| quarter_periods(q, today, settings))
        .collect()
}

/// How many of a year's check-in periods so far have a check-in (`has`),
/// of how many: a period off (every week a holiday) counts only with one,
/// and today's only once it has one or its check-in day has come.
pub fn year_checkins(
    year: Quarter,
    today: NaiveDate,
    settings: &Settings,
    has: impl Fn(IsoWeek) -> bool,
) -> (usize, usize) {
    let mut counted = (0, 0);
    for week in year_periods(year, today, settings) {
        let period = settings.period(week);
        let done = has(week);
        let owed = settings.due_from(period).is_some_and(|day| day <= today);
        if done || owed {
            counted.1 += 1;
        }
        counted.0 += usize::from(done);
    }
    counted
}

/// Whether a key result was there on `date`: added (its first history
/// entry, which a new key result records) on or before it. One without any
/// history (carried over, or written by hand) is taken to have been.
pub fn existed_on(k: &KeyResult, date: NaiveDate) -> bool {
    k.history
        .iter()
        .map(|h| h.date)
        .min()
        .is_none_or(|d| d <= date)
}

/// The day a check-in of the period keyed `week` is dated: the day it was
/// due from ([`Settings::due_from`]), kept within the quarter and never
/// after `today`.
pub fn checkin_date(
    week: IsoWeek,
    settings: &Settings,
    quarter: Quarter,
    today: NaiveDate,
) -> NaiveDate {
    let period = settings.period(week);
    let day = settings
        .due_from(period)
        .or(period.first_day())
        .unwrap_or(today);
    let dates = quarter.dates(settings.fiscal_year);
    day.max(dates.first).min(dates.last).min(today)
}

/// The history entry in force on `date`: the last one on or before it.
pub fn entry_on(k: &KeyResult, date: NaiveDate) -> Option<&HistoryEntry> {
    k.history.iter().rev().find(|h| h.date <= date)
}

/// The mean of a pulse's five ratings.
pub fn pulse_mean(p: &Pulse) -> f64 {
    f64::from(p.ratings().iter().map(|r| u32::from(*r)).sum::<u32>()) / 5.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Weekly check-ins on `day`.
    fn on(day: Weekday) -> Settings {
        Settings {
            checkin_weekday: day,
            ..Settings::default()
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn plans_are_lines_without_bullets_and_know_they_are_done() {
        let mut c = CheckIn::new(d(2026, 11, 17));
        c.next_steps = "- Ring Bo\n\n* Skriv offert\n".into();
        c.blockers = "• Ingen budget".into();
        assert!(toggle_done(&mut c, "Skriv offert"));
        let p = plans(&c);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Ring Bo", "Skriv offert", "Ingen budget"]);
        assert_eq!(p[2].kind, PlanKind::Blocker);
        assert!(!p[0].done && p[1].done);
        assert!(!toggle_done(&mut c, "Skriv offert"));
        assert!(c.done.is_empty());
    }

    #[test]
    fn a_carried_line_is_added_once() {
        assert_eq!(with_line("", "Ring Bo"), "Ring Bo");
        assert_eq!(with_line("A\n", "Ring Bo"), "A\nRing Bo");
        assert_eq!(with_line("- Ring Bo", "Ring Bo"), "- Ring Bo");
    }

    #[test]
    fn the_weeks_of_a_quarter_newest_first_up_to_today() {
        let q = Quarter::of(d(2026, 11, 24), crate::model::FiscalYear::CALENDAR);
        let weeks = quarter_weeks(q.dates(crate::model::FiscalYear::CALENDAR), d(2026, 11, 24));
        assert_eq!(weeks.first().unwrap().to_string(), "2026-W48");
        // 2026-10-01 is a Thursday of W40.
        assert_eq!(weeks.last().unwrap().to_string(), "2026-W40");
        assert_eq!(weeks.len(), 9);
    }

    #[test]
    fn a_week_is_in_the_quarter_that_holds_its_thursday() {
        let names = |q: Quarter, today| -> Vec<String> {
            quarter_weeks(q.dates(crate::model::FiscalYear::CALENDAR), today)
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        let q1 = Quarter::of(d(2027, 1, 1), crate::model::FiscalYear::CALENDAR);
        // 2027-01-01 is a Friday of 2026-W53: that week is 2026 Q4's.
        assert_eq!(names(q1, d(2027, 1, 5)), ["2027-W01"]);
        assert!(names(q1, d(2027, 1, 2)).is_empty());
        let q4 = Quarter::of(d(2026, 12, 1), crate::model::FiscalYear::CALENDAR);
        let all = names(q4, d(2027, 2, 1));
        assert_eq!(all.first().unwrap(), "2026-W53");
        assert_eq!(all.last().unwrap(), "2026-W40");
        assert_eq!(all.len(), 14);
        // 2026-W40 (Monday 2026-09-28) is Q4's, not Q3's too.
        let q3 = Quarter::of(d(2026, 8, 1), crate::model::FiscalYear::CALENDAR);
        let all = names(q3, d(2027, 2, 1));
        assert_eq!(all.first().unwrap(), "2026-W39");
        assert_eq!(all.last().unwrap(), "2026-W27");
    }

    #[test]
    fn a_years_check_ins_count_the_periods_so_far_of_its_quarters() {
        let today = d(2026, 11, 24);
        let year = Quarter::year(2026).unwrap();
        let weeks = year_periods(year, today, &on(Weekday::Thu));
        // 2026-01-01 is the Thursday of 2026-W01; today is in W48.
        assert_eq!(weeks.len(), 48);
        assert_eq!(weeks.first().unwrap().to_string(), "2026-W48");
        assert_eq!(weeks.last().unwrap().to_string(), "2026-W01");
        let w = |n: u32| IsoWeek {
            year: 2026,
            week: n,
        };
        let done = [w(2), w(10), w(48)];
        let has = |week: IsoWeek| done.contains(&week);
        // On Tuesday a Thursday check-in is not yet owed, unless it is done.
        assert_eq!(
            year_checkins(year, today, &on(Weekday::Thu), |_| false),
            (0, 47)
        );
        assert_eq!(year_checkins(year, today, &on(Weekday::Thu), has), (3, 48));
        assert_eq!(
            year_checkins(year, today, &on(Weekday::Mon), |_| false),
            (0, 48)
        );
        // A holiday week is owed nothing; done all the same, it counts.
        let mut off = on(Weekday::Mon);
        off.holidays = vec![w(10), w(11)];
        assert_eq!(year_checkins(year, today, &off, has), (3, 47));
        // A quarter stands for its year; a year to come has no periods yet.
        assert_eq!(
            year_periods(Quarter::new(2026, 2).unwrap(), today, &off).len(),
            48
        );
        assert!(year_periods(Quarter::year(2027).unwrap(), today, &off).is_empty());
    }

    #[test]
    fn a_key_result_existed_from_its_first_entry() {
        let mut k = KeyResult::new(
            "kr1".into(),
            "Ring".into(),
            crate::model::Measure::done(false),
        );
        assert!(existed_on(&k, d(2026, 1, 1)));
        k.record(d(2026, 11, 18), 1.0, None, String::new(), None);
        k.record(d(2026, 11, 20), 2.0, None, String::new(), None);
        assert!(!existed_on(&k, d(2026, 11, 17)));
        assert!(existed_on(&k, d(2026, 11, 18)));
    }

    #[test]
    fn a_missed_week_is_dated_on_its_check_in_day_within_the_quarter() {
        let q = Quarter::of(d(2026, 11, 24), crate::model::FiscalYear::CALENDAR);
        let today = d(2026, 11, 24);
        let w46 = IsoWeek::of(d(2026, 11, 11));
        assert_eq!(
            checkin_date(w46, &on(Weekday::Mon), q, today),
            d(2026, 11, 9)
        );
        let w40 = IsoWeek::of(d(2026, 10, 1));
        assert_eq!(
            checkin_date(w40, &on(Weekday::Mon), q, today),
            d(2026, 10, 1)
        );
        let w48 = IsoWeek::of(today);
        assert_eq!(checkin_date(w48, &on(Weekday::Fri), q, today), today);
        assert_eq!(weeks_between(w46, w48), 2);
    }
}
