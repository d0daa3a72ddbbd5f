//! Mål, Nyckelresultat and Uppgifter as they are stored: plain data with serde,
//! each keeping the fields a newer `okr` wrote that this one does not know.

use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::de::{FastDate, deserialize_keeping_unknown};
use super::quarter::Quarter;
use super::step::Step;

pub use super::de::Extra;
pub use super::measure::{Binary, Level, Measure, MeasureKind, MeasureParts, Numeric};

/// The four kinds of OKR in the method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Hängiven: fully achievable, expected to reach 1.0.
    #[default]
    Committed,
    /// Ambitiös: about 0.7 is success; it stays until achieved.
    Aspirational,
    /// Personlig.
    Personal,
    /// Ekonomisk.
    Economic,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Committed,
        Kind::Aspirational,
        Kind::Personal,
        Kind::Economic,
    ];

    /// The score at which a Mål of this kind counts as a success.
    pub fn success_at(self) -> f64 {
        match self {
            Kind::Aspirational => 0.7,
            _ => 1.0,
        }
    }
}

/// Where a Mål stands in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Achieved,
    Dropped,
    CarriedOver,
}

/// A Mål: "Var ska jag?"
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Objective {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    #[serde(default)]
    pub kind: Kind,
    /// Its quarter, its first quarter when it spans several, or its year
    /// ([`super::term`]).
    pub quarter: Quarter,
    /// The last quarter of a Mål that spans several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Quarter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "Retro::is_empty")]
    pub retro: Retro,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Who made the last change (see [`super::author`]), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
    #[serde(default)]
    pub initiatives: Vec<Initiative>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Objective {
    pub fn new(
        id: String,
        title: String,
        kind: Kind,
        quarter: Quarter,
        now: DateTime<Utc>,
    ) -> Self {
        Objective {
            id,
            title,
            why: String::new(),
            kind,
            quarter,
            until: None,
            owner: None,
            parent: None,
            status: Status::Active,
            score: None,
            retro: Retro::default(),
            created: now,
            updated: now,
            updated_by: super::author::get(),
            carried_from: None,
            key_results: Vec::new(),
            initiatives: Vec::new(),
            extra: Extra::new(),
        }
    }

    pub fn key_result(&self, id: &str) -> Option<&KeyResult> {
        self.key_results.iter().find(|k| k.id == id)
    }

    /// A changed copy: `change` applied and `updated` set to `now`. The one
    /// way a Mål is changed, by the tracker and the command line alike; it
    /// keeps every field it does not touch, the unknown ones included.
    pub fn changed<R>(
        &self,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Objective) -> R,
    ) -> (Objective, R) {
        let mut o = self.clone();
        let r = change(&mut o);
        o.updated = now;
        o.updated_by = super::author::get();
        (o, r)
    }

    /// Uppgifter done and in all.
    pub fn initiatives_done(&self) -> (usize, usize) {
        let done = self.initiatives.iter().filter(|i| i.done.is_some()).count();
        (done, self.initiatives.len())
    }
}

/// The quarter's retro of one Mål.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Retro {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub went_well: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to_change: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Retro {
    pub fn is_empty(&self) -> bool {
        self.went_well.is_empty() && self.to_change.is_empty() && self.extra.is_empty()
    }
}

/// A Nyckelresultat: "Hur vet jag att jag kommer närmare målet?"
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct KeyResult {
    pub id: String,
    pub title: String,
    pub measure: Measure,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default = "five")]
    pub confidence: u8,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// How far `+` and `-` move the value; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Step>,
    /// The id of the key result this one was carried over from (in the Mål
    /// its own Mål was carried from); absent in files written before the link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn one() -> f64 {
    1.0
}

fn five() -> u8 {
    5
}

impl KeyResult {
    pub fn new(id: String, title: String, measure: Measure) -> Self {
        KeyResult {
            id,
            title,
            measure,
            weight: 1.0,
            confidence: 5,
            history: Vec::new(),
            step: None,
            carried_from: None,
            extra: Extra::new(),
        }
    }

    /// How far `+` and `-` move the value: its own step, else 1.
    pub fn step_size(&self) -> f64 {
        self.step.map_or(1.0, Step::get)
    }

    /// The date of the last recorded value, if any.
    pub fn last_update(&self) -> Option<NaiveDate> {
        self.history.iter().map(|h| h.date).max()
    }

    /// Records a new value: the measure's current value, the confidence when
    /// one is given, and the day's history entry. The one way a value is
    /// recorded, by keys, the check-in, `okr update` and the demo.
    ///
    /// The history stays in date order and the current value is the latest
    /// by date: a value recorded for a date before the last entry's goes in
    /// its place in the history and leaves the current value as it is.
    ///
    /// A key result has one history entry per day: a value recorded on a
    /// day that has one already updates it (the day's last value and
    /// confidence, the notes of the day joined), keeping the fields this
    /// version does not know.
    ///
    /// `replacing` names the last entry's (date, value) when this recording
    /// stands in for it (a second check-in in one week): that entry is then
    /// rewritten, keeping the fields this version does not know, if it is
    /// still the last one; otherwise the day's entry is updated or added.
    pub fn record(
        &mut self,
        date: NaiveDate,
        value: f64,
        confidence: Option<u8>,
        mut note: String,
        replacing: Option<(NaiveDate, f64)>,
    ) {
        let replaces_last = matches!(
            (replacing, self.history.last()),
            (Some((d, v)), Some(h)) if h.date == d && h.value == v
        );
        let before_last = !replaces_last && self.history.last().is_some_and(|h| h.date > date);
        let mut measure = self.measure.clone();
        measure.set_current(value);
        let value = measure.current();
        let confidence = confidence.unwrap_or(self.confidence);
        if !before_last {
            self.measure = measure;
            self.confidence = confidence;
        }
        let confidence = Some(confidence);
        // The entry this value updates: the last one when it is replaced,
        // else the last one of the same day.
        let at = if replaces_last {
            self.history.len().checked_sub(1)
        } else {
            self.history.iter().rposition(|h| h.date == date)
        };
        match at.and_then(|i| self.history.get_mut(i)) {
            Some(h) => {
                if !replaces_last {
                    note = joined_notes(&h.note, note);
                }
                h.date = date;
                h.value = value;
                h.confidence = confidence;
                h.note = note;
                h.by = super::author::get();
            }
            None => {
                let at = self.history.partition_point(|h| h.date <= date);
                let entry = HistoryEntry::new(date, value, confidence, note);
                self.history.insert(at, entry);
            }
        }
    }
}

/// The notes of one day kept together: the earlier one, then the new one
/// after `; ` (a note the day has already is not repeated).
fn joined_notes(earlier: &str, note: String) -> String {
    if note.is_empty() || earlier == note {
        earlier.to_string()
    } else if earlier.is_empty() {
        note
    } else {
        format!("{earlier}; {note}")
    }
}

/// One recorded value of a key result: from a check-in or an update.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct HistoryEntry {
    pub date: NaiveDate,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who recorded it (see [`super::author`]), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl HistoryEntry {
    pub fn new(date: NaiveDate, value: f64, confidence: Option<u8>, note: String) -> Self {
        HistoryEntry {
            date,
            value,
            confidence,
            note,
            by: super::author::get(),
            extra: Extra::new(),
        }
    }
}

/// An Uppgift: "Vad behöver jag göra för att komma dit?"
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Initiative {
    pub id: String,
    pub title: String,
    /// The date it was done; `None` while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    /// The id of the key result of the same Mål it moves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_result: Option<String>,
    /// Who does it: a person or a team, free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The day it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Initiative {
    pub fn new(id: String, title: String) -> Self {
        Initiative {
            id,
            title,
            done: None,
            key_result: None,
            owner: None,
            due: None,
            extra: Extra::new(),
        }
    }

    /// Not done and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done.is_none() && self.due.is_some_and(|d| d < today)
    }
}

deserialize_keeping_unknown!(Objective {
    id: String,
    title: String,
    why: String = String::new(),
    kind: Kind = Kind::default(),
    quarter: Quarter,
    until: Option<Quarter> = None,
    owner: Option<String> = None,
    parent: Option<String> = None,
    status: Status = Status::default(),
    score: Option<f64> = None,
    retro: Retro = Retro::default(),
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
    updated_by: Option<String> = None,
    carried_from: Option<String> = None,
    key_results: Vec<KeyResult> = Vec::new(),
    initiatives: Vec<Initiative> = Vec::new(),
});

deserialize_keeping_unknown!(KeyResult {
    id: String,
    title: String,
    measure: Measure,
    weight: f64 = one(),
    confidence: u8 = five(),
    history: Vec<HistoryEntry> = Vec::new(),
    step: Option<Step> = None,
    carried_from: Option<String> = None,
});

deserialize_keeping_unknown!(HistoryEntry {
    date: NaiveDate as FastDate,
    value: f64,
    confidence: Option<u8> = None,
    note: String = String::new(),
    by: Option<String> = None,
});
