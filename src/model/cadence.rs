//! The team's rhythm (PRODUCT.md section 12): a check-in every week, every
//! two weeks or every month, on the team's check-in weekday, with holiday
//! weeks in which none is due. A check-in belongs to a *period* and is
//! keyed in the file by the period's first ISO week (for a weekly team, its
//! week, as always).
//!
//! - **Weekly**: each ISO week is a period.
//! - **Every two weeks**: two weeks at a time, counted from `cadence_start`
//!   (without one, from 2001-W01).
//! - **Monthly**: the ISO weeks whose Thursday falls in one calendar month
//!   (four or five), as ISO 8601 puts a week in the year of its Thursday.
//!
//! A period is due from the first check-in weekday in it that is not in a
//! holiday week. A period whose every week is a holiday is *off*: no
//! check-in is due in it, and the streak passes over it. The team's
//! settings say which ([`super::settings`]: `period`, `due_from`, ...).

use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::week::IsoWeek;

/// How often the team checks in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    #[default]
    Weekly,
    Fortnightly,
    Monthly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly];

    pub fn is_weekly(&self) -> bool {
        *self == Cadence::Weekly
    }
}

/// The weeks of one period: `start` and the `weeks - 1` after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: IsoWeek,
    pub weeks: u8,
}

impl Period {
    /// The ISO weeks of the period, first to last.
    pub fn weeks(self) -> impl Iterator<Item = IsoWeek> {
        let monday = self.start.monday();
        (0..u64::from(self.weeks)).filter_map(move |i| {
            let day = monday?.checked_add_days(Days::new(7 * i))?;
            Some(IsoWeek::of(day))
        })
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        self.start.monday()
    }

    /// The Sunday that ends the period.
    pub fn last_day(self) -> Option<NaiveDate> {
        let days = 7 * u64::from(self.weeks) - 1;
        self.start.monday()?.checked_add_days(Days::new(days))
    }

    /// The period as the screens name it: its week (`2026-W47`), or its
    /// first and last week (`2026-W47–W48`, `2026-W53–2027-W01`).
    pub fn label(self) -> String {
        let last = self.weeks().last().unwrap_or(self.start);
        if last == self.start {
            self.start.to_string()
        } else if last.year == self.start.year {
            format!("{}–W{:02}", self.start, last.week)
        } else {
            format!("{}–{last}", self.start)
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first_day().is_some_and(|f| f <= day) && self.last_day().is_some_and(|l| day <= l)
    }
}

/// The Monday two-week periods count from when the file names none.
pub(super) const FORTNIGHT_ANCHOR: (i32, u32) = (2001, 1);

/// The month period of the week that starts on `monday`: the weeks whose
/// Thursday is in the month of its Thursday.
pub(super) fn month_of(monday: NaiveDate) -> Period {
    let thursday = |m: NaiveDate| m.checked_add_days(Days::new(3)).unwrap_or(m);
    let month = |m: NaiveDate| {
        let t = thursday(m);
        (t.year(), t.month())
    };
    let this = month(monday);
    let mut start = monday;
    while let Some(before) = start.checked_sub_days(Days::new(7)) {
        if month(before) != this {
            break;
        }
        start = before;
    }
    let mut weeks = 1u8;
    while let Some(after) = start.checked_add_days(Days::new(7 * u64::from(weeks))) {
        if month(after) != this || weeks >= 5 {
            break;
        }
        weeks += 1;
    }
    Period {
        start: IsoWeek::of(start),
        weeks,
    }
}
