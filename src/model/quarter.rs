//! Quarters and years of a team's year: the time frames OKRs are set in.
//! The year starts in the month the team's settings name (January unless
//! told otherwise, see [`FiscalYear`]); a quarter is numbered within it.
//! Pure date arithmetic over the user's local dates; no clock is read here.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The month a team's year starts: January for the calendar year. A year
/// that starts in another month is named by the calendar year it ends in:
/// from July, `FY2027` runs from July 2026 to June 2027.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FiscalYear {
    start: u8,
}

impl Default for FiscalYear {
    fn default() -> Self {
        Self::CALENDAR
    }
}

impl FiscalYear {
    /// The calendar year: quarters are January–March and so on.
    pub const CALENDAR: FiscalYear = FiscalYear { start: 1 };

    /// The year that starts in `month` (1 to 12); `None` for any other number.
    pub fn starting(month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(FiscalYear { start: month as u8 })
    }

    /// The month it starts in, 1 to 12.
    pub fn start_month(self) -> u32 {
        u32::from(self.start)
    }

    pub fn is_calendar(self) -> bool {
        self.start == 1
    }

    /// Months count from year 0 January (`year * 12 + month0`): the first
    /// month of a quarter, or of a whole year.
    fn first_month(self, quarter: Quarter) -> i64 {
        let shift = i64::from(!self.is_calendar());
        let q = i64::from(quarter.q.max(1)) - 1;
        (i64::from(quarter.year) - shift) * 12 + i64::from(self.start) - 1 + 3 * q
    }
}

impl Serialize for FiscalYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.start)
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let month = u64::deserialize(d)?;
        u32::try_from(month)
            .ok()
            .and_then(FiscalYear::starting)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "{month} is not a month; the year starts in a month from 1 to 12"
                ))
            })
    }
}

/// The first day of a month counted as in [`FiscalYear::first_month`].
fn month_start(month: i64) -> Option<NaiveDate> {
    let year = i32::try_from(month.div_euclid(12)).ok()?;
    NaiveDate::from_ymd_opt(year, month.rem_euclid(12) as u32 + 1, 1)
}

/// A quarter of a team's year (`q` 1 to 4), or the whole year (`q` 0):
/// keyed `2026-Q4` and `2027` in the file, shown `2026 Q4` and `2027`, and
/// `FY2027 Q1` when the year starts in another month than January.
///
/// ```
/// use okr::model::{FiscalYear, Quarter};
/// let q: Quarter = "2026-Q4".parse().unwrap();
/// assert_eq!(q.label(FiscalYear::CALENDAR).to_string(), "2026 Q4");
/// assert_eq!(q.next().key(), "2027-Q1");
/// let july = FiscalYear::starting(7).unwrap();
/// let first = Quarter::new(2027, 1).unwrap();
/// assert_eq!(first.label(july).to_string(), "FY2027 Q1");
/// assert_eq!(first.first_day(july).to_string(), "2026-07-01");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4; 0 for the whole year (which so sorts before its quarters).
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

    /// A whole year; `None` outside the years okr knows.
    pub fn year(year: i32) -> Option<Self> {
        let whole = Quarter { year, q: 0 };
        whole.in_bounds().then_some(whole)
    }

    /// Whether this is a whole year rather than one of its quarters.
    pub fn is_year(self) -> bool {
        self.q == 0
    }

    /// The whole year this quarter is in (a year is its own).
    pub fn whole_year(self) -> Quarter {
        Quarter {
            year: self.year,
            q: 0,
        }
    }

    /// The first quarter in it: a year's Q1, a quarter itself.
    pub fn first_quarter(self) -> Quarter {
        Quarter {
            year: self.year,
            q: self.q.max(1),
        }
    }

    /// The last quarter in it: a year's Q4, a quarter itself.
    pub fn last_quarter(self) -> Quarter {
        Quarter {
            year: self.year,
            q: if self.is_year() { 4 } else { self.q },
        }
    }

    /// Whether the year is one okr can date: from year 1 to year 9999.
    pub fn in_bounds(self) -> bool {
        (Self::FIRST_YEAR..=Self::LAST_YEAR).contains(&self.year)
    }

    /// The quarter a date falls in (the first or the last quarter okr knows
    /// for a date before or after them).
    pub fn of(date: NaiveDate, fy: FiscalYear) -> Self {
        let start0 = u32::from(fy.start) - 1;
        let late = !fy.is_calendar() && date.month0() >= start0;
        let quarter = Quarter {
            year: date.year() + i32::from(late),
            q: (((date.month0() + 12 - start0) % 12) / 3 + 1) as u8,
        };
        quarter.clamp(Self::FIRST, Self::LAST)
    }

    pub fn first_day(self, fy: FiscalYear) -> NaiveDate {
        month_start(fy.first_month(self)).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self, fy: FiscalYear) -> NaiveDate {
        let months = if self.is_year() { 12 } else { 3 };
        month_start(fy.first_month(self) + months)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// Its first and last day.
    pub fn dates(self, fy: FiscalYear) -> Dates {
        Dates {
            first: self.first_day(fy),
            last: self.last_day(fy),
        }
    }

    /// Whether `date` falls in it.
    pub fn contains(self, fy: FiscalYear, date: NaiveDate) -> bool {
        self.dates(fy).contains(date)
    }

    /// The quarter (or year) after this one; the last okr knows stays itself.
    pub fn next(self) -> Self {
        let next = match self.q {
            0 => Quarter::year(self.year + 1),
            4 => Quarter::new(self.year + 1, 1),
            q => Quarter::new(self.year, q + 1),
        };
        next.unwrap_or(self)
    }

    /// The quarter (or year) before this one; the first okr knows stays itself.
    pub fn prev(self) -> Self {
        let prev = match self.q {
            0 => Quarter::year(self.year - 1),
            1 => Quarter::new(self.year - 1, 4),
            q => Quarter::new(self.year, q - 1),
        };
        prev.unwrap_or(self)
    }

    /// The file key, `2026-Q4`, or `2027` for a year.
    pub fn key(self) -> String {
        if self.is_year() {
            self.year.to_string()
        } else {
            format!("{}-Q{}", self.year, self.q)
        }
    }

    /// The name as typed on the command line and written in exports:
    /// the file key, with `FY` before a year that does not start in January.
    pub fn name(self, fy: FiscalYear) -> String {
        let fy_mark = if fy.is_calendar() { "" } else { "FY" };
        format!("{fy_mark}{}", self.key())
    }

    /// The screen form: `2026 Q4`, `2027`, `FY2027 Q1`.
    pub fn label(self, fy: FiscalYear) -> Label {
        Label {
            first: self,
            last: self,
            fy,
        }
    }

    /// The screen form of the quarters from this one to `last`:
    /// `2027 Q1–Q2`, `2026 Q4–2027 Q1`; one quarter as [`Quarter::label`].
    pub fn label_to(self, last: Quarter, fy: FiscalYear) -> Label {
        Label {
            first: self,
            last: last.max(self),
            fy,
        }
    }
}

/// A quarter, a year or a run of quarters as the screen shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    first: Quarter,
    last: Quarter,
    fy: FiscalYear,
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fy_mark = if self.fy.is_calendar() { "" } else { "FY" };
        let (a, b) = (self.first, self.last);
        write!(f, "{fy_mark}{}", a.year)?;
        if !a.is_year() {
            write!(f, " Q{}", a.q)?;
        }
        if b == a {
            Ok(())
        } else if b.year == a.year {
            write!(f, "–Q{}", b.q)
        } else {
            write!(f, "–{fy_mark}{} Q{}", b.year, b.q)
        }
    }
}

/// A run of days from `first` to `last`, both included: a quarter's, a
/// year's, or a Mål's over the quarters it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Dates {
    /// How many days it has (90 to 92 for a quarter).
    pub fn days(self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// The share of its days that have passed by the end of `today`:
    /// 0 before it starts, 1 from its last day on.
    pub fn elapsed(self, today: NaiveDate) -> f64 {
        if today < self.first {
            return 0.0;
        }
        if today >= self.last {
            return 1.0;
        }
        let passed = (today - self.first).num_days() + 1;
        (passed as f64 / self.days() as f64).clamp(0.0, 1.0)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// Whether it is over on `today`: pace words give way to final ones.
    pub fn ended(self, today: NaiveDate) -> bool {
        today > self.last
    }
}

/// Why a quarter could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadQuarter(pub String);

impl fmt::Display for BadQuarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a quarter or a year; write it like 2026-Q4 or 2027 (a year from {} to {})",
            self.0,
            Quarter::FIRST_YEAR,
            Quarter::LAST_YEAR
        )
    }
}

impl std::error::Error for BadQuarter {}

impl Quarter {
    /// Reads `2026-Q4`, `2026Q4`, `2026 Q4`, lower-case `q`, a year `2027`,
    /// each with or without `FY` before it, with any year.
    fn parse_any_year(s: &str) -> Result<Self, BadQuarter> {
        let bad = || BadQuarter(s.to_string());
        let t = s.trim().to_ascii_uppercase();
        let t = t.strip_prefix("FY").unwrap_or(&t).trim_start();
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        let Some((year, q)) = t.split_once('Q') else {
            return match t.parse::<i32>() {
                Ok(year) if digits(t) => Ok(Quarter { year, q: 0 }),
                _ => Err(bad()),
            };
        };
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

    /// Accepts `2026-Q4`, `2026Q4`, `2026 Q4`, lower-case `q` and a year
    /// `2027`, with or without `FY`, for a year from [`Quarter::FIRST_YEAR`]
    /// to [`Quarter::LAST_YEAR`].
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

#[cfg(test)]
#[path = "quarter_tests.rs"]
mod tests;
