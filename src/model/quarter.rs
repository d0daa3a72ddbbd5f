//! Calendar quarters and ISO weeks: the time frames OKRs are set and checked in.
//! Pure date arithmetic over the user's local dates; no clock is read here.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar quarter: shown `2026 Q4`, keyed `2026-Q4`.
///
/// ```
/// use okr::model::Quarter;
/// let q: Quarter = "2026-Q4".parse().unwrap();
/// assert_eq!(q.to_string(), "2026 Q4");
/// assert_eq!(q.next().key(), "2027-Q1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    /// The first year a quarter may have: years are written with four digits
    /// at most and every date of them exists for the date library.
    pub const FIRST_YEAR: i32 = 1;
    /// The last year a quarter may have.
    pub const LAST_YEAR: i32 = 9999;
    /// The first quarter okr knows.
    pub const FIRST: Quarter = Quarter {
        year: Self::FIRST_YEAR,
        q: 1,
    };
    /// The last quarter okr knows: `]` stops there.
    pub const LAST: Quarter = Quarter {
        year: Self::LAST_YEAR,
        q: 4,
    };

    /// Builds a quarter; `None` unless `q` is 1 to 4 and the year is from
    /// [`Quarter::FIRST_YEAR`] to [`Quarter::LAST_YEAR`].
    pub fn new(year: i32, q: u8) -> Option<Self> {
        let quarter = Quarter { year, q };
        ((1..=4).contains(&q) && quarter.in_bounds()).then_some(quarter)
    }

    /// Whether the year is one okr can date: from year 1 to year 9999.
    pub fn in_bounds(self) -> bool {
        (Self::FIRST_YEAR..=Self::LAST_YEAR).contains(&self.year)
    }

    /// The quarter a date falls in (the first or the last quarter okr knows
    /// for a date before or after them).
    pub fn of(date: NaiveDate) -> Self {
        let quarter = Quarter {
            year: date.year(),
            q: (date.month0() / 3 + 1) as u8,
        };
        quarter.clamp(Self::FIRST, Self::LAST)
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.q) * 3 - 2, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        let last = if self.q >= 4 {
            NaiveDate::from_ymd_opt(self.year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(self.year, u32::from(self.q) * 3 + 1, 1)
                .and_then(|d| d.pred_opt())
        };
        last.unwrap_or(NaiveDate::MAX)
    }

    /// Number of days in the quarter (90 to 92).
    pub fn days(self) -> i64 {
        (self.last_day() - self.first_day()).num_days() + 1
    }

    /// The share of the quarter's days that have passed by the end of `today`:
    /// 0 before it starts, 1 from its last day on.
    pub fn elapsed(self, today: NaiveDate) -> f64 {
        if today < self.first_day() {
            return 0.0;
        }
        if today >= self.last_day() {
            return 1.0;
        }
        let passed = (today - self.first_day()).num_days() + 1;
        (passed as f64 / self.days() as f64).clamp(0.0, 1.0)
    }

    /// The quarter after this one; the last quarter okr knows stays itself.
    pub fn next(self) -> Self {
        if self >= Self::LAST {
            self
        } else if self.q >= 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    /// The quarter before this one; the first quarter okr knows stays itself.
    pub fn prev(self) -> Self {
        if self <= Self::FIRST {
            self
        } else if self.q <= 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    /// The file key, `2026-Q4`.
    pub fn key(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Quarter::of(date) == self
    }
}

impl fmt::Display for Quarter {
    /// The screen form, `2026 Q4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Q{}", self.year, self.q)
    }
}

/// Why a quarter could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadQuarter(pub String);

impl fmt::Display for BadQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a quarter; write it like 2026-Q4 (a year from {} to {})",
            self.0,
            Quarter::FIRST_YEAR,
            Quarter::LAST_YEAR
        )
    }
}

impl std::error::Error for BadQuarter {}

impl Quarter {
    /// Reads `2026-Q4`, `2026Q4`, `2026 Q4` or lower-case `q`, with any year.
    fn parse_any_year(s: &str) -> Result<Self, BadQuarter> {
        let bad = || BadQuarter(s.to_string());
        let t = s.trim().to_ascii_uppercase();
        let (year, q) = t.split_once('Q').ok_or_else(bad)?;
        let year = year.trim_end_matches(['-', ' ']).trim();
        let year: i32 = year.parse().map_err(|_| bad())?;
        let q: u8 = q.trim().parse().map_err(|_| bad())?;
        if (1..=4).contains(&q) {
            Ok(Quarter { year, q })
        } else {
            Err(bad())
        }
    }
}

impl FromStr for Quarter {
    type Err = BadQuarter;

    /// Accepts `2026-Q4`, `2026Q4`, `2026 Q4` and lower-case `q`, for a year
    /// from [`Quarter::FIRST_YEAR`] to [`Quarter::LAST_YEAR`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let quarter = Quarter::parse_any_year(s)?;
        if quarter.in_bounds() {
            Ok(quarter)
        } else {
            Err(BadQuarter(s.to_string()))
        }
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Quarter {
    /// Any year is read, so that the file's check can name the Mål of a year
    /// out of bounds (see `model::validate`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Quarter::parse_any_year(&s).map_err(serde::de::Error::custom)
    }
}

/// An ISO 8601 week: shown and keyed `2026-W48`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u32,
}

impl IsoWeek {
    pub fn of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> Option<NaiveDate> {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
    }

    /// The week before this one.
    pub fn prev(self) -> Option<Self> {
        let monday = self.monday()?;
        Some(IsoWeek::of(monday - chrono::Days::new(7)))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not an ISO week; write it like 2026-W48");
        let t = s.trim().to_ascii_uppercase();
        let (year, week) = t.split_once("-W").ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        let w = IsoWeek { year, week };
        w.monday().map(|_| w).ok_or_else(bad)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarter_of_edges() {
        assert_eq!(Quarter::of(d(2026, 1, 1)), Quarter { year: 2026, q: 1 });
        assert_eq!(Quarter::of(d(2026, 3, 31)), Quarter { year: 2026, q: 1 });
        assert_eq!(Quarter::of(d(2026, 4, 1)), Quarter { year: 2026, q: 2 });
        assert_eq!(Quarter::of(d(2026, 12, 31)), Quarter { year: 2026, q: 4 });
        let q4 = Quarter::of(d(2026, 11, 24));
        assert_eq!(q4.first_day(), d(2026, 10, 1));
        assert_eq!(q4.last_day(), d(2026, 12, 31));
        assert_eq!(q4.next(), Quarter { year: 2027, q: 1 });
        assert_eq!(q4.next().prev(), q4);
        assert_eq!(Quarter { year: 2027, q: 1 }.prev(), q4);
    }

    #[test]
    fn leap_year_first_quarter_has_91_days() {
        assert_eq!(Quarter { year: 2028, q: 1 }.days(), 91);
        assert_eq!(Quarter { year: 2027, q: 1 }.days(), 90);
        assert_eq!(Quarter { year: 2028, q: 1 }.last_day(), d(2028, 3, 31));
        assert_eq!(Quarter { year: 2026, q: 3 }.days(), 92);
    }

    #[test]
    fn elapsed_share() {
        let q = Quarter { year: 2026, q: 4 };
        assert_eq!(q.elapsed(d(2026, 9, 30)), 0.0);
        assert!((q.elapsed(d(2026, 10, 1)) - 1.0 / 92.0).abs() < 1e-12);
        assert!((q.elapsed(d(2026, 11, 15)) - 46.0 / 92.0).abs() < 1e-12);
        assert_eq!(q.elapsed(d(2026, 12, 31)), 1.0);
        assert_eq!(q.elapsed(d(2027, 2, 1)), 1.0);
    }

    #[test]
    fn quarter_parse_and_print() {
        let q: Quarter = "2026-Q4".parse().unwrap();
        assert_eq!(q.to_string(), "2026 Q4");
        assert_eq!(q.key(), "2026-Q4");
        assert_eq!(
            "2026q1".parse::<Quarter>().unwrap(),
            Quarter { year: 2026, q: 1 }
        );
        assert_eq!(
            "2026 Q2".parse::<Quarter>().unwrap(),
            Quarter { year: 2026, q: 2 }
        );
        assert!("2026-Q5".parse::<Quarter>().is_err());
        assert!("Q4".parse::<Quarter>().is_err());
        assert!("".parse::<Quarter>().is_err());
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2026-Q4\"");
        assert_eq!(serde_json::from_str::<Quarter>("\"2026-Q4\"").unwrap(), q);
    }

    #[test]
    fn quarters_stay_within_years_1_to_9999() {
        assert_eq!(Quarter::new(9999, 4), Some(Quarter::LAST));
        assert_eq!(Quarter::new(10000, 1), None);
        assert_eq!(Quarter::new(0, 4), None);
        assert_eq!(Quarter::new(1, 1), Some(Quarter::FIRST));
        for text in ["10000-Q1", "262142-Q4", "-5-Q1", "0-Q4"] {
            let e = text.parse::<Quarter>().unwrap_err();
            assert!(e.to_string().contains("from 1 to 9999"), "{e}");
        }
        assert_eq!("9999-Q4".parse::<Quarter>(), Ok(Quarter::LAST));
        // `]` and `[` stop at the ends instead of making a quarter with no dates.
        assert_eq!(Quarter::LAST.next(), Quarter::LAST);
        assert_eq!(Quarter::FIRST.prev(), Quarter::FIRST);
        assert_eq!(Quarter::LAST.last_day(), d(9999, 12, 31));
        assert_eq!(Quarter::LAST.days(), 92);
        assert_eq!(Quarter::FIRST.first_day(), d(1, 1, 1));
        // A date outside them falls in the nearest quarter okr knows.
        assert_eq!(Quarter::of(d(12000, 5, 1)), Quarter::LAST);
        assert_eq!(Quarter::of(d(-3, 5, 1)), Quarter::FIRST);
        // The file is read with any year, for the check to name the Mål.
        let far: Quarter = serde_json::from_str("\"-5-Q1\"").unwrap();
        assert_eq!(far, Quarter { year: -5, q: 1 });
        assert!(!far.in_bounds());
    }

    #[test]
    fn iso_week_53_and_year_edges() {
        // 2026 has 53 ISO weeks: 2026-12-31 is a Thursday.
        assert_eq!(IsoWeek::of(d(2026, 12, 31)).to_string(), "2026-W53");
        assert_eq!(IsoWeek::of(d(2027, 1, 3)).to_string(), "2026-W53");
        assert_eq!(IsoWeek::of(d(2027, 1, 4)).to_string(), "2027-W01");
        // 2024-12-30 is in week 1 of 2025.
        assert_eq!(IsoWeek::of(d(2024, 12, 30)).to_string(), "2025-W01");
        assert_eq!(IsoWeek::of(d(2026, 11, 24)).to_string(), "2026-W48");
        let w: IsoWeek = "2027-W01".parse().unwrap();
        assert_eq!(w.prev().unwrap().to_string(), "2026-W53");
        assert!("2025-W53".parse::<IsoWeek>().is_err());
    }
}
