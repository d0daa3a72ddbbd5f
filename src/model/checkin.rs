//! The weekly check-in: one per ISO week, with an entry per key result, wins,
//! blockers, next steps and an optional team pulse; plus when one is due and the streak.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::de::deserialize_keeping_unknown;
use super::objective::Extra;
use super::quarter::IsoWeek;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckIn {
    pub week: IsoWeek,
    pub date: NaiveDate,
    #[serde(default)]
    pub entries: Vec<CheckInEntry>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wins: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub blockers: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_steps: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulse: Option<Pulse>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl CheckIn {
    pub fn new(date: NaiveDate) -> Self {
        CheckIn {
            week: IsoWeek::of(date),
            date,
            entries: Vec::new(),
            wins: String::new(),
            blockers: String::new(),
            next_steps: String::new(),
            pulse: None,
            extra: Extra::new(),
        }
    }

    /// Records (or replaces) the entry for one key result.
    pub fn set_entry(&mut self, entry: CheckInEntry) {
        match self
            .entries
            .iter_mut()
            .find(|e| e.key_result == entry.key_result)
        {
            // The entry's fields this version does not know stay.
            Some(e) => {
                let mut extra = std::mem::take(&mut e.extra);
                extra.extend(entry.extra.clone());
                *e = CheckInEntry { extra, ..entry };
            }
            None => self.entries.push(entry),
        }
    }
}

/// One key result's line in a check-in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckInEntry {
    pub key_result: String,
    pub value: f64,
    pub confidence: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The team pulse: the five pillars of a good team culture, each 1–5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pulse {
    pub structure: u8,
    pub safety: u8,
    pub meaning: u8,
    pub dependability: u8,
    pub impact: u8,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Pulse {
    pub fn ratings(&self) -> [u8; 5] {
        [
            self.structure,
            self.safety,
            self.meaning,
            self.dependability,
            self.impact,
        ]
    }
}

/// Adds a check-in, or replaces the one of the same week: never two for one week.
pub fn upsert(checkins: &mut Vec<CheckIn>, checkin: CheckIn) {
    match checkins.iter_mut().find(|c| c.week == checkin.week) {
        Some(c) => *c = checkin,
        None => {
            checkins.push(checkin);
            checkins.sort_by_key(|c| c.week);
        }
    }
}

/// Whether the weekly check-in is due: this ISO week has none, there is
/// something to check in on, and the check-in weekday has come.
pub fn is_due(
    checkins: &[CheckIn],
    has_key_results: bool,
    weekday: Weekday,
    today: NaiveDate,
) -> bool {
    let week = IsoWeek::of(today);
    has_key_results
        && today.weekday().num_days_from_monday() >= weekday.num_days_from_monday()
        && !checkins.iter().any(|c| c.week == week)
}

/// Consecutive weeks with a check-in, ending this week (or last week, while
/// this week's is still to come).
pub fn streak(checkins: &[CheckIn], today: NaiveDate) -> u32 {
    let has = |w: IsoWeek| checkins.iter().any(|c| c.week == w);
    let mut week = IsoWeek::of(today);
    if !has(week) {
        match week.prev() {
            Some(w) => week = w,
            None => return 0,
        }
    }
    let mut n = 0;
    while has(week) {
        n += 1;
        match week.prev() {
            Some(w) => week = w,
            None => break,
        }
    }
    n
}

/// How many of the key results (by id) have no entry yet in the check-in of
/// `today`'s ISO week: what the banner and `okr status` count as waiting.
pub fn waiting<'a>(
    checkins: &[CheckIn],
    key_results: impl IntoIterator<Item = &'a str>,
    today: NaiveDate,
) -> usize {
    let week = IsoWeek::of(today);
    let entered: std::collections::HashSet<&str> = checkins
        .iter()
        .filter(|c| c.week == week)
        .flat_map(|c| &c.entries)
        .map(|e| e.key_result.as_str())
        .collect();
    key_results
        .into_iter()
        .filter(|id| !entered.contains(id))
        .count()
}

deserialize_keeping_unknown!(CheckIn {
    week: IsoWeek,
    date: NaiveDate,
    entries: Vec<CheckInEntry> = Vec::new(),
    wins: String = String::new(),
    blockers: String = String::new(),
    next_steps: String = String::new(),
    pulse: Option<Pulse> = None,
});

deserialize_keeping_unknown!(CheckInEntry {
    key_result: String,
    value: f64,
    confidence: u8,
    note: String = String::new(),
});

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_by_week_and_weekday() {
        let tuesday = d(2026, 11, 24);
        assert!(is_due(&[], true, Weekday::Mon, tuesday));
        assert!(!is_due(&[], false, Weekday::Mon, tuesday));
        assert!(!is_due(&[], true, Weekday::Wed, tuesday));
        assert!(is_due(&[], true, Weekday::Tue, tuesday));
        let done = vec![CheckIn::new(d(2026, 11, 23))];
        assert!(!is_due(&done, true, Weekday::Mon, tuesday));
        // The next Monday is a new week.
        assert!(is_due(&done, true, Weekday::Mon, d(2026, 11, 30)));
        // Across the year: 2027-01-03 is still 2026-W53.
        let w53 = vec![CheckIn::new(d(2026, 12, 28))];
        assert!(!is_due(&w53, true, Weekday::Mon, d(2027, 1, 3)));
        assert!(is_due(&w53, true, Weekday::Mon, d(2027, 1, 4)));
    }

    #[test]
    fn streak_counts_consecutive_weeks() {
        let today = d(2027, 1, 5); // 2027-W01
        assert_eq!(streak(&[], today), 0);
        let c = |y, m, day| CheckIn::new(d(y, m, day));
        // W53 and W52 of 2026, nothing yet this week: 2.
        let s = vec![c(2026, 12, 21), c(2026, 12, 29)];
        assert_eq!(streak(&s, today), 2);
        let mut s2 = s.clone();
        s2.push(c(2027, 1, 4));
        assert_eq!(streak(&s2, today), 3);
        // A gap breaks it.
        let gap = vec![c(2026, 12, 7), c(2026, 12, 29), c(2027, 1, 4)];
        assert_eq!(streak(&gap, today), 2);
    }

    #[test]
    fn second_checkin_in_a_week_replaces_the_first() {
        let mut all = Vec::new();
        let mut first = CheckIn::new(d(2026, 11, 23));
        first.wins = "first".into();
        upsert(&mut all, first);
        let mut second = CheckIn::new(d(2026, 11, 26));
        second.wins = "second".into();
        upsert(&mut all, second);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].wins, "second");
    }
}
