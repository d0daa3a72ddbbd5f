//! ISO 8601 weeks: the weeks check-ins are kept by.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
