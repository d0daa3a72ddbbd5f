use proptest::prelude::*;

use super::*;

const CAL: FiscalYear = FiscalYear::CALENDAR;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn q(year: i32, q: u8) -> Quarter {
    Quarter { year, q }
}

#[test]
fn quarter_of_edges() {
    assert_eq!(Quarter::of(d(2026, 1, 1), CAL), q(2026, 1));
    assert_eq!(Quarter::of(d(2026, 3, 31), CAL), q(2026, 1));
    assert_eq!(Quarter::of(d(2026, 4, 1), CAL), q(2026, 2));
    assert_eq!(Quarter::of(d(2026, 12, 31), CAL), q(2026, 4));
    let q4 = Quarter::of(d(2026, 11, 24), CAL);
    assert_eq!(q4.first_day(CAL), d(2026, 10, 1));
    assert_eq!(q4.last_day(CAL), d(2026, 12, 31));
    assert_eq!(q4.next(), q(2027, 1));
    assert_eq!(q4.next().prev(), q4);
    assert_eq!(q(2027, 1).prev(), q4);
}

#[test]
fn leap_year_first_quarter_has_91_days() {
    assert_eq!(q(2028, 1).dates(CAL).days(), 91);
    assert_eq!(q(2027, 1).dates(CAL).days(), 90);
    assert_eq!(q(2028, 1).last_day(CAL), d(2028, 3, 31));
    assert_eq!(q(2026, 3).dates(CAL).days(), 92);
    assert_eq!(Quarter::year(2028).unwrap().dates(CAL).days(), 366);
}

#[test]
fn elapsed_share() {
    let dates = q(2026, 4).dates(CAL);
    assert_eq!(dates.elapsed(d(2026, 9, 30)), 0.0);
    assert!((dates.elapsed(d(2026, 10, 1)) - 1.0 / 92.0).abs() < 1e-12);
    assert!((dates.elapsed(d(2026, 11, 15)) - 46.0 / 92.0).abs() < 1e-12);
    assert_eq!(dates.elapsed(d(2026, 12, 31)), 1.0);
    assert_eq!(dates.elapsed(d(2027, 2, 1)), 1.0);
    assert!(!dates.ended(d(2026, 12, 31)));
    assert!(dates.ended(d(2027, 1, 1)));
}

#[test]
fn quarter_parse_and_print() {
    let four: Quarter = "2026-Q4".parse().unwrap();
    assert_eq!(four.label(CAL).to_string(), "2026 Q4");
    assert_eq!(four.key(), "2026-Q4");
    assert_eq!("2026q1".parse::<Quarter>().unwrap(), q(2026, 1));
    assert_eq!("2026 Q2".parse::<Quarter>().unwrap(), q(2026, 2));
    assert_eq!("fy2027-q2".parse::<Quarter>().unwrap(), q(2027, 2));
    assert_eq!("FY2027 Q2".parse::<Quarter>().unwrap(), q(2027, 2));
    assert!("2026-Q5".parse::<Quarter>().is_err());
    assert!("2026-Q0".parse::<Quarter>().is_err());
    assert!("Q4".parse::<Quarter>().is_err());
    assert!("".parse::<Quarter>().is_err());
    assert!("FY".parse::<Quarter>().is_err());
    assert!("2026-".parse::<Quarter>().is_err());
    assert_eq!(serde_json::to_string(&four).unwrap(), "\"2026-Q4\"");
    assert_eq!(
        serde_json::from_str::<Quarter>("\"2026-Q4\"").unwrap(),
        four
    );
}

#[test]
fn a_year_is_read_written_and_shown() {
    let year: Quarter = "2027".parse().unwrap();
    assert!(year.is_year());
    assert_eq!(year, Quarter::year(2027).unwrap());
    assert_eq!("FY2027".parse::<Quarter>().unwrap(), year);
    assert_eq!(year.key(), "2027");
    assert_eq!(year.label(CAL).to_string(), "2027");
    assert_eq!(serde_json::to_string(&year).unwrap(), "\"2027\"");
    assert_eq!(serde_json::from_str::<Quarter>("\"2027\"").unwrap(), year);
    assert_eq!(year.next(), Quarter::year(2028).unwrap());
    assert_eq!(year.prev(), Quarter::year(2026).unwrap());
    assert_eq!(year.first_quarter(), q(2027, 1));
    assert_eq!(year.last_quarter(), q(2027, 4));
    assert_eq!(q(2027, 3).whole_year(), year);
    // A year sorts before its own quarters and after the year before's.
    assert!(q(2026, 4) < year && year < q(2027, 1));
    assert_eq!(year.first_day(CAL), d(2027, 1, 1));
    assert_eq!(year.last_day(CAL), d(2027, 12, 31));
    assert!("12027".parse::<Quarter>().is_err());
    assert!("27x".parse::<Quarter>().is_err());
    assert_eq!(
        Quarter::year(9999).unwrap().next(),
        Quarter::year(9999).unwrap()
    );
}

#[test]
fn a_fiscal_year_from_july_is_named_by_the_year_it_ends() {
    let july = FiscalYear::starting(7).unwrap();
    assert_eq!(Quarter::of(d(2026, 7, 1), july), q(2027, 1));
    assert_eq!(Quarter::of(d(2026, 6, 30), july), q(2026, 4));
    assert_eq!(Quarter::of(d(2026, 12, 7), july), q(2027, 2));
    assert_eq!(Quarter::of(d(2027, 1, 1), july), q(2027, 3));
    let fy = Quarter::year(2027).unwrap();
    assert_eq!(fy.first_day(july), d(2026, 7, 1));
    assert_eq!(fy.last_day(july), d(2027, 6, 30));
    assert_eq!(q(2027, 2).label(july).to_string(), "FY2027 Q2");
    assert_eq!(fy.label(july).to_string(), "FY2027");
    assert_eq!(q(2027, 2).name(july), "FY2027-Q2");
    assert_eq!(q(2027, 2).name(CAL), "2027-Q2");
    assert!(FiscalYear::starting(0).is_none());
    assert!(FiscalYear::starting(13).is_none());
}

#[test]
fn runs_of_quarters_are_labelled_once() {
    let july = FiscalYear::starting(7).unwrap();
    assert_eq!(
        q(2027, 1).label_to(q(2027, 2), CAL).to_string(),
        "2027 Q1–Q2"
    );
    assert_eq!(
        q(2026, 4).label_to(q(2027, 1), july).to_string(),
        "FY2026 Q4–FY2027 Q1"
    );
    assert_eq!(q(2027, 1).label_to(q(2027, 1), CAL).to_string(), "2027 Q1");
}

#[test]
fn quarters_stay_within_years_1_to_9999() {
    assert_eq!(Quarter::new(9999, 4), Some(Quarter::LAST));
    assert_eq!(Quarter::new(10000, 1), None);
    assert_eq!(Quarter::new(0, 4), None);
    assert_eq!(Quarter::new(1, 1), Some(Quarter::FIRST));
    assert_eq!(Quarter::year(0), None);
    for text in ["10000-Q1", "262142-Q4", "-5-Q1", "0-Q4", "0", "10000"] {
        let e = text.parse::<Quarter>().unwrap_err();
        assert!(e.to_string().contains("from 1 to 9999"), "{e}");
    }
    assert_eq!("9999-Q4".parse::<Quarter>(), Ok(Quarter::LAST));
    // `]` and `[` stop at the ends instead of making a quarter with no dates.
    assert_eq!(Quarter::LAST.next(), Quarter::LAST);
    assert_eq!(Quarter::FIRST.prev(), Quarter::FIRST);
    assert_eq!(Quarter::LAST.last_day(CAL), d(9999, 12, 31));
    assert_eq!(Quarter::LAST.dates(CAL).days(), 92);
    assert_eq!(Quarter::FIRST.first_day(CAL), d(1, 1, 1));
    // A date outside them falls in the nearest quarter okr knows.
    assert_eq!(Quarter::of(d(12000, 5, 1), CAL), Quarter::LAST);
    assert_eq!(Quarter::of(d(-3, 5, 1), CAL), Quarter::FIRST);
    // The file is read with any year, for the check to name the Mål.
    let far: Quarter = serde_json::from_str("\"-5-Q1\"").unwrap();
    assert_eq!(far, q(-5, 1));
    assert!(!far.in_bounds());
    let december = FiscalYear::starting(12).unwrap();
    assert_eq!(Quarter::FIRST.first_day(december), d(0, 12, 1));
    assert_eq!(Quarter::LAST.last_day(december), d(9999, 11, 30));
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // Years 2 to 9998, away from the ends okr clamps to.
    (2i32..9999, 1u32..=12, 1u32..=31).prop_filter_map("a real date", |(y, m, day)| {
        NaiveDate::from_ymd_opt(y, m, day)
    })
}

proptest! {
    /// Every date belongs to exactly one quarter and one year, whatever month
    /// the year starts in; the quarter is in the year, and the quarters
    /// follow each other without a gap.
    #[test]
    fn every_date_is_in_exactly_one_quarter_and_year(date in any_date(), start in 1u32..=12) {
        let fy = FiscalYear::starting(start).unwrap();
        let quarter = Quarter::of(date, fy);
        prop_assert!(quarter.contains(fy, date));
        prop_assert!(quarter.whole_year().contains(fy, date));
        for other in [quarter.prev(), quarter.next()] {
            prop_assert!(!other.contains(fy, date));
        }
        prop_assert_eq!(quarter.prev().last_day(fy).succ_opt(), Some(quarter.first_day(fy)));
        prop_assert_eq!(quarter.last_day(fy).succ_opt(), Some(quarter.next().first_day(fy)));
        let days = quarter.dates(fy).days();
        prop_assert!((89..=92).contains(&days), "{} days", days);
        // The year is its four quarters, end to end.
        let year = quarter.whole_year();
        prop_assert_eq!(year.first_day(fy), year.first_quarter().first_day(fy));
        prop_assert_eq!(year.last_day(fy), year.last_quarter().last_day(fy));
        prop_assert!((365..=366).contains(&year.dates(fy).days()));
        // The year starts in its month, and ends in the calendar year it names.
        prop_assert_eq!(year.first_day(fy).month(), start);
        prop_assert_eq!(year.last_day(fy).year(), year.year);
        // Round trips through the name people type.
        prop_assert_eq!(quarter.name(fy).parse::<Quarter>(), Ok(quarter));
        prop_assert_eq!(year.name(fy).parse::<Quarter>(), Ok(year));
    }

    /// Pace over a run of days climbs with the days, from 0 before the first
    /// to 1 on the last.
    #[test]
    fn pace_over_a_span_climbs_day_by_day(
        date in any_date(), start in 1u32..=12, quarters in 1u8..=6, offset in -30i64..600
    ) {
        let fy = FiscalYear::starting(start).unwrap();
        let first = Quarter::of(date, fy);
        let mut last = first;
        for _ in 1..quarters {
            last = last.next();
        }
        let span = Dates { first: first.first_day(fy), last: last.last_day(fy) };
        let day = span.first + chrono::Days::new(offset.unsigned_abs());
        let day = if offset < 0 { span.first - chrono::Days::new(offset.unsigned_abs()) } else { day };
        let pace = span.elapsed(day);
        prop_assert!((0.0..=1.0).contains(&pace));
        let next = span.elapsed(day + chrono::Days::new(1));
        prop_assert!(next >= pace);
        if day < span.first { prop_assert_eq!(pace, 0.0); }
        if day >= span.last { prop_assert_eq!(pace, 1.0); }
        if span.contains(day) && day < span.last {
            let passed = (day - span.first).num_days() + 1;
            prop_assert!((pace - passed as f64 / span.days() as f64).abs() < 1e-12);
        }
    }
}

#[test]
fn the_start_month_is_read_and_written_as_a_number_from_1_to_12() {
    let july: FiscalYear = serde_json::from_str("7").unwrap();
    assert_eq!(july.start_month(), 7);
    assert_eq!(serde_json::to_string(&july).unwrap(), "7");
    assert_eq!(FiscalYear::CALENDAR.start_month(), 1);
    for bad in ["0", "13", "-1", "\"july\""] {
        assert!(serde_json::from_str::<FiscalYear>(bad).is_err(), "{bad}");
    }
    let e = serde_json::from_str::<FiscalYear>("13").unwrap_err();
    assert!(e.to_string().contains("a month from 1 to 12"), "{e}");
}
