//! The check-in: one per period ([`super::cadence`]: a week, two weeks or
//! a month, keyed by its first ISO week) and owner (file format 2; a
//! check-in without an owner is the whole file's, as in format 1), with an
//! entry per key result, wins, blockers, next steps and an optional team
//! pulse; plus when one is due and the streak.

use std::borrow::Borrow;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::de::{FastDate, deserialize_keeping_unknown};
use super::objective::{Extra, HistoryEntry};
use super::settings::Settings;
use super::week::IsoWeek;

#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct CheckIn {
    pub week: IsoWeek,
    pub date: NaiveDate,
    /// Whose check-in it is; `None`: the whole file's (no Mål had an owner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
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
    /// Lines of `next_steps` and `blockers` marked done in a later week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    /// Key results skipped this week on purpose (by id): no value, yet answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl CheckIn {
    pub fn new(date: NaiveDate) -> Self {
        CheckIn {
            week: IsoWeek::of(date),
            date,
            owner: None,
            entries: Vec::new(),
            wins: String::new(),
            blockers: String::new(),
            next_steps: String::new(),
            pulse: None,
            done: Vec::new(),
            skipped: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// Whether a key result has an entry this week, or was skipped.
    pub fn answered(&self, key_result: &str) -> bool {
        self.entries.iter().any(|e| e.key_result == key_result)
            || self.skipped.iter().any(|k| k == key_result)
    }

    /// A check-in of `owner` (`None`: the whole file's).
    pub fn of(date: NaiveDate, owner: Option<&str>) -> Self {
        CheckIn {
            owner: owner.map(|o| o.trim().to_string()),
            ..CheckIn::new(date)
        }
    }

    /// Whether this is `owner`'s check-in (`None`: the whole file's).
    pub fn belongs_to(&self, owner: Option<&str>) -> bool {
        match (self.owner.as_deref(), owner) {
            (Some(a), Some(b)) => super::author::same(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }

    /// Records (or replaces) the entry for one key result (no longer skipped).
    pub fn set_entry(&mut self, entry: CheckInEntry) {
        self.skipped.retain(|k| *k != entry.key_result);
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
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// Adds a check-in, or replaces the one of the same week and owner: never
/// two for one week and owner.
pub fn upsert(checkins: &mut Vec<Arc<CheckIn>>, checkin: CheckIn) {
    let owner = checkin.owner.clone();
    match checkins
        .iter_mut()
        .find(|c| c.week == checkin.week && c.belongs_to(owner.as_deref()))
    {
        Some(c) => *c = Arc::new(checkin),
        None => {
            checkins.push(Arc::new(checkin));
            checkins.sort_by_key(|c| c.week);
        }
    }
}

/// Whether a check-in waits for someone: the one rule the tracker's banner,
/// `okr status` and `okr status --short` share ([`due`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Due {
    /// Nothing waits.
    #[default]
    No,
    /// This week's check-in is due and not begun: `waiting` of `total` key
    /// results have no entry this week.
    Due { waiting: usize, total: usize },
    /// This week's check-in was begun and `waiting` of `total` key results
    /// (one added since, or one not reached) still have no entry.
    Begun { waiting: usize, total: usize },
}

impl Due {
    /// How many key results wait, if any.
    pub fn waiting(self) -> Option<usize> {
        match self {
            Due::No => None,
            Due::Due { waiting, .. } | Due::Begun { waiting, .. } => Some(waiting),
        }
    }
}

/// [`Due`] of `owner`'s check-in of `today`'s period ([`super::cadence`])
/// on `key_results` (the ids of what they check in on): begun with some
/// still waiting, whatever the day; not begun, once the period's check-in
/// day has come (outside a holiday week) and something waits.
pub fn due(
    checkins: &[impl Borrow<CheckIn>],
    owner: Option<&str>,
    key_results: &[&str],
    settings: &Settings,
    today: NaiveDate,
) -> Due {
    let total = key_results.len();
    let waiting = waiting(checkins, key_results.iter().copied(), settings, today);
    let key = settings.period_of(today).start;
    let begun = checkins
        .iter()
        .map(Borrow::borrow)
        .any(|c| settings.period_key(c.week) == key && c.belongs_to(owner));
    if waiting == 0 {
        Due::No
    } else if begun {
        Due::Begun { waiting, total }
    } else if is_due(checkins, owner, total > 0, settings, today) {
        Due::Due { waiting, total }
    } else {
        Due::No
    }
}

/// The check-ins with a key result's entry corrected as its latest history
/// entry was, from `old` to `new`: an entry of the entry's week holding the
/// old value takes the new value and confidence, and the new note where it
/// had the old one. `None` when no check-in would change.
pub fn corrected(
    checkins: &[Arc<CheckIn>],
    key_result: &str,
    (old, new): (&HistoryEntry, &HistoryEntry),
    settings: &Settings,
) -> Option<Vec<Arc<CheckIn>>> {
    let key = settings.period_of(old.date).start;
    let mut out = checkins.to_vec();
    let mut changed = false;
    for c in out
        .iter_mut()
        .filter(|c| settings.period_key(c.week) == key)
    {
        let Some(at) = c
            .entries
            .iter()
            .position(|e| e.key_result == key_result && e.value == old.value)
        else {
            continue;
        };
        let e = &c.entries[at];
        let value = new.value;
        let confidence = new.confidence.unwrap_or(e.confidence);
        let note = if e.note == old.note {
            &new.note
        } else {
            &e.note
        }
        .clone();
        if e.value == value && e.confidence == confidence && e.note == note {
            continue;
        }
        if let Some(e) = Arc::make_mut(c).entries.get_mut(at) {
            (e.value, e.confidence, e.note) = (value, confidence, note);
            changed = true;
        }
    }
    changed.then_some(out)
}

/// Whether `owner`'s check-in is due: this period has none of theirs,
/// there is something to check in on, and the period's check-in day has
/// come in a week that is no holiday ([`Settings::due_on`]).
pub fn is_due(
    checkins: &[impl Borrow<CheckIn>],
    owner: Option<&str>,
    has_key_results: bool,
    settings: &Settings,
    today: NaiveDate,
) -> bool {
    let key = settings.period_of(today).start;
    has_key_results
        && settings.due_on(today)
        && !checkins
            .iter()
            .map(Borrow::borrow)
            .any(|c| settings.period_key(c.week) == key && c.belongs_to(owner))
}

/// `owner`'s streak: consecutive periods with a check-in of theirs, or of
/// the whole file (one made before anyone owned a Mål counts for everyone).
pub fn streak_of(
    checkins: &[impl Borrow<CheckIn>],
    owner: Option<&str>,
    settings: &Settings,
    today: NaiveDate,
) -> u32 {
    let theirs: Vec<&CheckIn> = checkins
        .iter()
        .map(Borrow::borrow)
        .filter(|c| c.owner.is_none() || c.belongs_to(owner))
        .collect();
    streak(&theirs, settings, today)
}

/// Consecutive periods with a check-in, ending with this one (or the one
/// before, while this one's is still to come). A period that is all
/// holidays ([`Settings::is_off`]) neither counts nor breaks it.
pub fn streak(checkins: &[impl Borrow<CheckIn>], settings: &Settings, today: NaiveDate) -> u32 {
    let keys: std::collections::HashSet<IsoWeek> = checkins
        .iter()
        .map(|c| settings.period_key(c.borrow().week))
        .collect();
    let Some(oldest) = keys.iter().min().copied() else {
        return 0;
    };
    let mut period = settings.period_of(today);
    if !keys.contains(&period.start) {
        match settings.prev_period(period) {
            Some(p) => period = p,
            None => return 0,
        }
    }
    let mut n = 0;
    while period.start >= oldest {
        if keys.contains(&period.start) {
            n += 1;
        } else if !settings.is_off(period) {
            break;
        }
        match settings.prev_period(period) {
            Some(p) => period = p,
            None => break,
        }
    }
    n
}

/// How many of the key results (by id) have no entry yet in a check-in of
/// `today`'s period (a key result skipped there counts as answered): what
/// the banner and `okr status` count as waiting.
pub fn waiting<'a>(
    checkins: &[impl Borrow<CheckIn>],
    key_results: impl IntoIterator<Item = &'a str>,
    settings: &Settings,
    today: NaiveDate,
) -> usize {
    let key = settings.period_of(today).start;
    let entered: std::collections::HashSet<&str> = checkins
        .iter()
        .map(Borrow::borrow)
        .filter(|c| settings.period_key(c.week) == key)
        .flat_map(|c| {
            c.entries
                .iter()
                .map(|e| e.key_result.as_str())
                .chain(c.skipped.iter().map(String::as_str))
        })
        .collect();
    key_results
        .into_iter()
        .filter(|id| !entered.contains(id))
        .count()
}

deserialize_keeping_unknown!(CheckIn {
    week: IsoWeek,
    date: NaiveDate as FastDate,
    owner: Option<String> = None,
    entries: Vec<CheckInEntry> = Vec::new(),
    wins: String = String::new(),
    blockers: String = String::new(),
    next_steps: String = String::new(),
    pulse: Option<Pulse> = None,
    done: Vec<String> = Vec::new(),
    skipped: Vec<String> = Vec::new(),
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
    use chrono::Weekday;

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
    fn a_corrected_entry_corrects_the_check_in_of_its_week_holding_its_old_value() {
        let entry = |date: NaiveDate, value: f64, note: &str| HistoryEntry {
            date,
            value,
            confidence: Some(8),
            note: note.into(),
            by: None,
            extra: Extra::new(),
        };
        let with = |date: NaiveDate, value: f64, note: &str| {
            let mut c = CheckIn::new(date);
            c.set_entry(CheckInEntry {
                key_result: "kr1".into(),
                value,
                confidence: 6,
                note: note.into(),
                extra: Extra::new(),
            });
            Arc::new(c)
        };
        let old = entry(d(2026, 11, 24), 5.0, "gammal");
        let new = entry(d(2026, 11, 24), 7.0, "ny");
        // Its week's check-in with the old value; the week before stays.
        let checkins = vec![
            with(d(2026, 11, 17), 5.0, "gammal"),
            with(d(2026, 11, 23), 5.0, "gammal"),
        ];
        let after = corrected(&checkins, "kr1", (&old, &new), &Settings::default()).unwrap();
        assert_eq!(after[0], checkins[0]);
        let e = &after[1].entries[0];
        assert_eq!((e.value, e.confidence, e.note.as_str()), (7.0, 8, "ny"));
        // A note of its own stays.
        let own = vec![with(d(2026, 11, 23), 5.0, "egen")];
        let after = corrected(&own, "kr1", (&old, &new), &Settings::default()).unwrap();
        assert_eq!(after[0].entries[0].note, "egen");
        // Another value, another key result or nothing to change: none.
        assert!(
            corrected(
                &[with(d(2026, 11, 23), 6.0, "")],
                "kr1",
                (&old, &new),
                &Settings::default()
            )
            .is_none()
        );
        assert!(corrected(&checkins, "kr2", (&old, &new), &Settings::default()).is_none());
        let mut same = old.clone();
        same.confidence = Some(6);
        assert!(corrected(&checkins, "kr1", (&same, &same), &Settings::default()).is_none());
    }

    #[test]
    fn due_by_week_and_weekday() {
        let tuesday = d(2026, 11, 24);
        let none: &[CheckIn] = &[];
        assert!(is_due(none, None, true, &on(Weekday::Mon), tuesday));
        assert!(!is_due(none, None, false, &on(Weekday::Mon), tuesday));
        assert!(!is_due(none, None, true, &on(Weekday::Wed), tuesday));
        assert!(is_due(none, None, true, &on(Weekday::Tue), tuesday));
        let done = vec![CheckIn::new(d(2026, 11, 23))];
        assert!(!is_due(&done, None, true, &on(Weekday::Mon), tuesday));
        // The next Monday is a new week.
        assert!(is_due(
            &done,
            None,
            true,
            &on(Weekday::Mon),
            d(2026, 11, 30)
        ));
        // Across the year: 2027-01-03 is still 2026-W53.
        let w53 = vec![CheckIn::new(d(2026, 12, 28))];
        assert!(!is_due(&w53, None, true, &on(Weekday::Mon), d(2027, 1, 3)));
        assert!(is_due(&w53, None, true, &on(Weekday::Mon), d(2027, 1, 4)));
    }

    #[test]
    fn streak_counts_consecutive_weeks() {
        let today = d(2027, 1, 5); // 2027-W01
        assert_eq!(streak(&[] as &[CheckIn], &Settings::default(), today), 0);
        let c = |y, m, day| CheckIn::new(d(y, m, day));
        // W53 and W52 of 2026, nothing yet this week: 2.
        let s = vec![c(2026, 12, 21), c(2026, 12, 29)];
        assert_eq!(streak(&s, &Settings::default(), today), 2);
        let mut s2 = s.clone();
        s2.push(c(2027, 1, 4));
        assert_eq!(streak(&s2, &Settings::default(), today), 3);
        // A gap breaks it.
        let gap = vec![c(2026, 12, 7), c(2026, 12, 29), c(2027, 1, 4)];
        assert_eq!(streak(&gap, &Settings::default(), today), 2);
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

    #[test]
    fn one_checkin_a_week_per_owner() {
        let mut all = Vec::new();
        let tuesday = d(2026, 11, 24);
        upsert(&mut all, CheckIn::of(tuesday, Some("Anna")));
        upsert(&mut all, CheckIn::of(tuesday, Some("Bo")));
        let mut again = CheckIn::of(tuesday, Some(" anna"));
        again.wins = "again".into();
        upsert(&mut all, again);
        assert_eq!(all.len(), 2);
        assert_eq!(all.iter().filter(|c| c.wins == "again").count(), 1);
        assert!(!is_due(
            &all,
            Some("ANNA"),
            true,
            &on(Weekday::Mon),
            tuesday
        ));
        assert!(is_due(&all, Some("Cy"), true, &on(Weekday::Mon), tuesday));
        assert!(is_due(&all, None, true, &on(Weekday::Mon), tuesday));
    }

    #[test]
    fn a_skipped_key_result_is_not_waiting() {
        let tuesday = d(2026, 11, 24);
        let mut c = CheckIn::new(tuesday);
        c.skipped.push("kr2".into());
        assert_eq!(
            waiting(
                &[c.clone()],
                ["kr1", "kr2", "kr3"],
                &Settings::default(),
                tuesday
            ),
            2
        );
        assert!(c.answered("kr2") && !c.answered("kr1"));
        // A value recorded later ends the skip.
        c.set_entry(CheckInEntry {
            key_result: "kr2".into(),
            value: 1.0,
            confidence: 5,
            note: String::new(),
            extra: Extra::new(),
        });
        assert!(c.skipped.is_empty());
    }

    #[test]
    fn a_streak_is_mine_and_the_whole_files() {
        let today = d(2026, 11, 24);
        let all = vec![
            CheckIn::new(d(2026, 11, 9)),
            CheckIn::of(d(2026, 11, 16), Some("Anna")),
            CheckIn::of(d(2026, 11, 23), Some("Bo")),
        ];
        assert_eq!(
            streak_of(&all, Some("anna"), &Settings::default(), today),
            2
        );
        assert_eq!(streak_of(&all, Some("Bo"), &Settings::default(), today), 1);
    }
}
