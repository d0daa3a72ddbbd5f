//! The team's settings in the data file: the language of a format-1 file,
//! the check-in weekday, the cadence and the holiday weeks; and, from
//! them, the check-in periods ([`super::cadence`]).

use chrono::{Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cadence::{Cadence, FORTNIGHT_ANCHOR, Period, month_of};
use super::objective::Extra;
use super::quarter::FiscalYear;
use super::week::IsoWeek;

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// A locale value such as `sv_SE.UTF-8` or `en_GB`; `None` for anything else.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.to_ascii_lowercase();
        if v.starts_with("sv") {
            Some(Lang::Sv)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    #[serde(default = "monday", with = "weekday_name")]
    #[schemars(schema_with = "super::schema::weekday")]
    pub checkin_weekday: Weekday,
    /// How often the team checks in ([`super::cadence`]).
    #[serde(default, skip_serializing_if = "Cadence::is_weekly")]
    pub cadence: Cadence,
    /// The first week two-week periods count from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence_start: Option<IsoWeek>,
    /// Weeks the team is away: no check-in is due in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<IsoWeek>,
    /// The month the team's year starts (1 to 12, January unless set): its
    /// quarters are counted from there ([`FiscalYear`]).
    #[serde(
        default,
        rename = "fiscal_year_start",
        skip_serializing_if = "is_calendar"
    )]
    pub fiscal_year: FiscalYear,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            checkin_weekday: Weekday::Mon,
            cadence: Cadence::Weekly,
            cadence_start: None,
            holidays: Vec::new(),
            fiscal_year: FiscalYear::CALENDAR,
            extra: Extra::new(),
        }
    }
}

fn is_calendar(fy: &FiscalYear) -> bool {
    fy.is_calendar()
}

fn monday() -> Weekday {
    Weekday::Mon
}

/// Weekdays as lower-case English names: `monday`.
mod weekday_name {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        let name = match w {
            Weekday::Mon => "monday",
            Weekday::Tue => "tuesday",
            Weekday::Wed => "wednesday",
            Weekday::Thu => "thursday",
            Weekday::Fri => "friday",
            Weekday::Sat => "saturday",
            Weekday::Sun => "sunday",
        };
        s.serialize_str(name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse::<Weekday>().map_err(|_| {
            serde::de::Error::custom(format!("'{s}' is not a weekday; write it like \"monday\""))
        })
    }
}

impl Settings {
    /// The period that holds `week`.
    pub fn period(&self, week: IsoWeek) -> Period {
        let Some(monday) = week.monday() else {
            return Period {
                start: week,
                weeks: 1,
            };
        };
        match self.cadence {
            Cadence::Weekly => Period {
                start: week,
                weeks: 1,
            },
            Cadence::Fortnightly => {
                let (year, w) = self
                    .cadence_start
                    .map_or(FORTNIGHT_ANCHOR, |s| (s.year, s.week));
                let anchor = NaiveDate::from_isoywd_opt(year, w, Weekday::Mon).unwrap_or(monday);
                let since = (monday - anchor).num_days().div_euclid(7);
                let back = u64::try_from(since.rem_euclid(2)).unwrap_or(0);
                let start = monday
                    .checked_sub_days(Days::new(7 * back))
                    .unwrap_or(monday);
                Period {
                    start: IsoWeek::of(start),
                    weeks: 2,
                }
            }
            Cadence::Monthly => month_of(monday),
        }
    }

    /// The period that holds `day`.
    pub fn period_of(&self, day: NaiveDate) -> Period {
        self.period(IsoWeek::of(day))
    }

    /// The key a check-in of `week` has in the file: its period's first week.
    pub fn period_key(&self, week: IsoWeek) -> IsoWeek {
        self.period(week).start
    }

    /// The period before `p`.
    pub fn prev_period(&self, p: Period) -> Option<Period> {
        p.start.prev().map(|w| self.period(w))
    }

    /// Whether `week` is one of the team's holiday weeks.
    pub fn is_holiday(&self, week: IsoWeek) -> bool {
        self.holidays.contains(&week)
    }

    /// Whether every week of `p` is a holiday: nothing is due in it.
    pub fn is_off(&self, p: Period) -> bool {
        p.weeks().all(|w| self.is_holiday(w))
    }

    /// The day `p`'s check-in is due from: its first check-in weekday that
    /// is not in a holiday week (`None` for a period that is off).
    pub fn due_from(&self, p: Period) -> Option<NaiveDate> {
        p.weeks()
            .filter(|w| !self.is_holiday(*w))
            .find_map(|w| NaiveDate::from_isoywd_opt(w.year, w.week, self.checkin_weekday))
    }

    /// Whether a check-in that waits is due on `today`: its period's check-in
    /// day has come and today's week is no holiday.
    pub fn due_on(&self, today: NaiveDate) -> bool {
        !self.is_holiday(IsoWeek::of(today))
            && self
                .due_from(self.period_of(today))
                .is_some_and(|d| d <= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn w(s: &str) -> IsoWeek {
        s.parse().unwrap()
    }

    fn every(cadence: Cadence) -> Settings {
        Settings {
            cadence,
            ..Settings::default()
        }
    }

    #[test]
    fn a_weekly_period_is_its_week() {
        let s = Settings::default();
        let p = s.period_of(d(2026, 11, 24));
        assert_eq!((p.start, p.weeks), (w("2026-W48"), 1));
        assert_eq!(s.due_from(p), Some(d(2026, 11, 23)));
        assert!(s.due_on(d(2026, 11, 23)));
    }

    #[test]
    fn two_week_periods_count_from_their_start() {
        let s = Settings {
            cadence_start: Some(w("2026-W45")),
            ..every(Cadence::Fortnightly)
        };
        let key = |day| s.period_of(day).start.to_string();
        assert_eq!(key(d(2026, 11, 2)), "2026-W45");
        assert_eq!(key(d(2026, 11, 15)), "2026-W45");
        assert_eq!(key(d(2026, 11, 16)), "2026-W47");
        assert_eq!(key(d(2026, 10, 30)), "2026-W43");
        // Across the year's end, W53 included: two weeks are two weeks.
        assert_eq!(key(d(2026, 12, 28)), "2026-W53");
        assert_eq!(key(d(2027, 1, 4)), "2026-W53");
        assert_eq!(key(d(2027, 1, 11)), "2027-W02");
        let p = s.period_of(d(2026, 11, 24));
        assert_eq!(
            p.weeks().map(|x| x.to_string()).collect::<Vec<_>>(),
            ["2026-W47", "2026-W48"]
        );
        // Due from the Monday of its first week, all through the period.
        assert_eq!(s.due_from(p), Some(d(2026, 11, 16)));
        assert!(s.due_on(d(2026, 11, 27)));
        assert_eq!(p.label(), "2026-W47–W48");
        assert_eq!(s.period_of(d(2027, 1, 1)).label(), "2026-W53–2027-W01");
        assert_eq!(
            Settings::default().period_of(d(2027, 1, 1)).label(),
            "2026-W53"
        );
    }

    #[test]
    fn a_month_is_the_weeks_whose_thursday_is_in_it() {
        let s = every(Cadence::Monthly);
        let p = s.period_of(d(2026, 11, 24));
        assert_eq!((p.start.to_string(), p.weeks), ("2026-W45".into(), 4));
        assert_eq!(p.first_day(), Some(d(2026, 11, 2)));
        assert_eq!(p.last_day(), Some(d(2026, 11, 29)));
        // 2026-10-01 is a Thursday: October has five weeks, W40 to W44.
        let oct = s.period_of(d(2026, 10, 1));
        assert_eq!((oct.start.to_string(), oct.weeks), ("2026-W40".into(), 5));
        assert_eq!(s.prev_period(p), Some(oct));
        // Monday 2026-11-30 is in December's first week (Thursday 3 Dec).
        assert_eq!(s.period_of(d(2026, 11, 30)).start.to_string(), "2026-W49");
    }

    #[test]
    fn a_holiday_week_is_never_due_and_a_period_of_holidays_is_off() {
        let s = Settings {
            holidays: vec![w("2026-W52"), w("2026-W53")],
            ..Settings::default()
        };
        assert!(!s.due_on(d(2026, 12, 23)));
        assert!(s.is_off(s.period_of(d(2026, 12, 23))));
        let two = Settings {
            cadence: Cadence::Fortnightly,
            cadence_start: Some(w("2026-W51")),
            holidays: vec![w("2026-W51")],
            ..Settings::default()
        };
        let p = two.period_of(d(2026, 12, 15));
        assert!(!two.is_off(p));
        // Due from the first weekday of a week that is no holiday.
        assert_eq!(two.due_from(p), Some(d(2026, 12, 21)));
        assert!(!two.due_on(d(2026, 12, 16)));
        assert!(two.due_on(d(2026, 12, 22)));
    }

    #[test]
    fn every_week_is_in_one_period_of_each_cadence() {
        for cadence in Cadence::ALL {
            let s = Settings {
                cadence_start: Some(w("2026-W03")),
                ..every(cadence)
            };
            let mut day = d(2025, 12, 1);
            while day < d(2028, 2, 1) {
                let p = s.period_of(day);
                assert!(p.contains(day), "{cadence:?} {day}");
                assert!((1..=5).contains(&p.weeks));
                assert_eq!(s.period(p.start), p, "{cadence:?} {day}");
                let next = p.last_day().unwrap().succ_opt().unwrap();
                assert_eq!(s.prev_period(s.period_of(next)), Some(p));
                day = day.checked_add_days(Days::new(3)).unwrap();
            }
        }
    }
}
