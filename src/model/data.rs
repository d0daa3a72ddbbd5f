//! The whole store in memory: settings, Mål (with their key results and
//! Uppgifter) and check-ins, with the look-ups the rest of okr needs.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;
use super::conflict::Conflict;
use super::de::deserialize_keeping_unknown;
use super::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use super::objective::{Extra, KeyResult, Objective};
use super::quarter::{FiscalYear, Quarter};
pub use super::settings::{Lang, Settings};

/// The file format version this okr writes. Format 2 has a check-in per
/// week and owner; format 3 adds years (`"quarter": "2027"`), Mål spanning
/// quarters (`"until"`) and the month the year starts
/// (`settings.fiscal_year_start`). An older file is read and written as
/// format 3 from its first save on, after a copy of it is kept (see
/// [`crate::store::Store::open`]).
pub const FORMAT_VERSION: u32 = 3;

/// Everything in the file.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Data {
    pub version: u32,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    /// Shared, so that a snapshot for the writer costs a pointer per Mål, not a copy.
    pub objectives: Vec<Arc<Objective>>,
    /// Shared like the Mål: a snapshot copies a pointer per check-in.
    #[serde(default)]
    pub checkins: Vec<Arc<CheckIn>>,
    /// The next number of each kind of id: ids are never given out twice,
    /// even after a delete, so `okr update kr7` never hits another key result.
    #[serde(default, skip_serializing_if = "NextIds::is_unset")]
    pub next_ids: NextIds,
    /// Fields both sides of a merge changed: ours is in the data, theirs
    /// here, until someone chooses (see [`super::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The next free number per kind of id (`o`, `kr`, `u`); 0 until okr first
/// adds or deletes something of that kind (then the highest id in use counts).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NextIds {
    #[serde(default)]
    pub o: u64,
    #[serde(default)]
    pub kr: u64,
    #[serde(default)]
    pub u: u64,
    #[serde(flatten)]
    pub extra: Extra,
}

impl NextIds {
    pub fn is_unset(&self) -> bool {
        self.o == 0 && self.kr == 0 && self.u == 0 && self.extra.is_empty()
    }
}

impl Default for Data {
    fn default() -> Self {
        Data {
            version: FORMAT_VERSION,
            settings: Settings::default(),
            objectives: Vec::new(),
            checkins: Vec::new(),
            next_ids: NextIds::default(),
            conflicts: Vec::new(),
            extra: Extra::new(),
        }
    }
}

deserialize_keeping_unknown!(Data {
    version: u32,
    settings: Settings = Settings::default(),
    objectives: Vec<Arc<Objective>> = Vec::new(),
    checkins: Vec<Arc<CheckIn>> = Vec::new(),
    next_ids: NextIds = NextIds::default(),
    conflicts: Vec<Conflict> = Vec::new(),
});

/// Where a key result sits: the index of its Mål and its own index there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KrPos {
    pub objective: usize,
    pub key_result: usize,
}

impl Data {
    /// The Mål of one quarter (with those spanning it), or of a year, in
    /// file order, with their indexes.
    pub fn in_quarter(&self, quarter: Quarter) -> impl Iterator<Item = (usize, &Objective)> {
        self.objectives
            .iter()
            .map(|o| &**o)
            .enumerate()
            .filter(move |(_, o)| o.covers(quarter))
    }

    /// The Mål the numbers of a quarter's (or a year's) view are taken
    /// from ([`super::numbers::Numbers::of`]): every Mål whose quarters
    /// reach into those of a Mål shown there. Each Mål shown so has every
    /// Mål within its time beside it, and the same number on every screen.
    pub fn around(&self, quarter: Quarter) -> Vec<&Objective> {
        let (mut first, mut last) = (quarter.first_quarter(), quarter.last_quarter());
        for (_, o) in self.in_quarter(quarter) {
            let (a, b) = o.quarters();
            first = first.min(a);
            last = last.max(b);
        }
        self.objectives
            .iter()
            .map(|o| &**o)
            .filter(|o| o.overlaps(first, last))
            .collect()
    }

    /// The month the team's year starts in.
    pub fn fiscal_year(&self) -> FiscalYear {
        self.settings.fiscal_year
    }

    /// The Mål at an index.
    pub fn objective_at(&self, index: usize) -> Option<&Objective> {
        self.objectives.get(index).map(|o| &**o)
    }

    /// The Mål at an index, to change (copied first if a snapshot shares it).
    pub fn objective_mut(&mut self, index: usize) -> Option<&mut Objective> {
        self.objectives.get_mut(index).map(Arc::make_mut)
    }

    pub fn objective_index(&self, id: &str) -> Option<usize> {
        self.objectives.iter().position(|o| o.id == id)
    }

    /// Finds a key result by id (case-insensitive, as people type it).
    pub fn find_key_result(&self, id: &str) -> Option<KrPos> {
        let id = id.trim();
        self.objectives.iter().enumerate().find_map(|(oi, o)| {
            o.key_results
                .iter()
                .position(|k| k.id.eq_ignore_ascii_case(id))
                .map(|ki| KrPos {
                    objective: oi,
                    key_result: ki,
                })
        })
    }

    pub fn key_result(&self, pos: KrPos) -> Option<&KeyResult> {
        self.objectives
            .get(pos.objective)?
            .key_results
            .get(pos.key_result)
    }

    pub fn key_result_mut(&mut self, pos: KrPos) -> Option<&mut KeyResult> {
        self.objective_mut(pos.objective)?
            .key_results
            .get_mut(pos.key_result)
    }

    /// Every id in the store: Mål, key results and Uppgifter.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.objectives.iter().flat_map(|o| {
            std::iter::once(o.id.as_str())
                .chain(o.key_results.iter().map(|k| k.id.as_str()))
                .chain(o.initiatives.iter().map(|i| i.id.as_str()))
        })
    }

    /// A new id of a kind (`o`, `kr`, `u`): its letters and eight drawn at
    /// random (see [`super::ids`]), never one in use.
    pub fn next_id(&self, prefix: &str) -> String {
        self.fresh_ids(prefix, 1).pop().unwrap_or_default()
    }

    /// `count` new ids of a kind, all different, none in use.
    pub fn fresh_ids(&self, prefix: &str, count: usize) -> Vec<String> {
        let taken = self.ids().map(str::to_ascii_lowercase).collect();
        super::ids::new_ids(prefix, count, &taken)
    }

    /// Notes the numbered ids (from before ids were drawn at random) a Mål
    /// uses in `next_ids`, so that an older okr, which counts on from
    /// there, never gives one out again.
    pub fn remember_ids(&mut self, o: &Objective) {
        let ids = std::iter::once(o.id.as_str())
            .chain(o.key_results.iter().map(|k| k.id.as_str()))
            .chain(o.initiatives.iter().map(|i| i.id.as_str()));
        for id in ids {
            if let Some((prefix, n)) = any_id_number(id) {
                let counter = self.next_ids.of_mut(prefix);
                // The counter stays within the bound a file is checked against.
                *counter = (*counter).max(n.saturating_add(1).min(MAX_ID_NUMBER));
            }
        }
    }
}

/// The highest number an id (`kr1000000000000`) or a `next_ids` counter may
/// have in a file: far above any real use, and far below the integer limit,
/// so that a new id always has room above every id in use.
pub const MAX_ID_NUMBER: u64 = 1_000_000_000_000;

/// The number of an id with the given prefix, the prefix in any case:
/// `kr7` and `KR7` are 7 for `kr`.
pub fn id_number(id: &str, prefix: &str) -> Option<u64> {
    let head = id.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    id[prefix.len()..].parse().ok()
}

/// The prefix and number of an id of any kind: `("kr", 7)` for `kr7`.
pub fn any_id_number(id: &str) -> Option<(&'static str, u64)> {
    [OBJECTIVE_PREFIX, KEY_RESULT_PREFIX, INITIATIVE_PREFIX]
        .into_iter()
        .find_map(|p| id_number(id, p).map(|n| (p, n)))
}

impl NextIds {
    /// The counter of a prefix (`o`, `kr`, `u`).
    pub fn of(&self, prefix: &str) -> u64 {
        match prefix {
            OBJECTIVE_PREFIX => self.o,
            KEY_RESULT_PREFIX => self.kr,
            _ => self.u,
        }
    }

    fn of_mut(&mut self, prefix: &str) -> &mut u64 {
        match prefix {
            OBJECTIVE_PREFIX => &mut self.o,
            KEY_RESULT_PREFIX => &mut self.kr,
            _ => &mut self.u,
        }
    }
}
