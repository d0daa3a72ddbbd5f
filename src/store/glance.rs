//! A quick read of one quarter, for `okr status` on every shell prompt: the
//! Mål of the years around today (every owner's: a parent's number takes in
//! its children's, which may span quarters, in a year that starts in any
//! month) and the check-ins of one period are read in full into the
//! model's own types, and the owners of every Mål are noted; the rest of the file
//! is checked to be JSON and skipped without being built. Like
//! [`super::read`], it takes no lock and writes nothing.
//!
//! A file the fast path cannot read, or whose part read here breaks a value
//! rule, is read again in full, so that its error is the very one every
//! other command gives (path, line, column, item, field and rule). A rule
//! broken elsewhere in the file is left to the commands that read it all.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde::de::value::MapDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{IoReason, LoadError, Problem};
use crate::model::validate::validate;
use crate::model::{CheckIn, Data, FORMAT_VERSION, IsoWeek, Objective, Quarter, Settings, owners};

/// What [`glance`] read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glance {
    pub settings: Settings,
    /// The Mål that start within [`Wanted::YEARS`] years of today's, in
    /// file order: today's quarter's and every Mål their numbers take in.
    pub objectives: Vec<Objective>,
    /// The check-ins that may be of today's period (keyed by one of the
    /// last five weeks: a month, the longest period, has at most five), in
    /// file order.
    pub checkins: Vec<std::sync::Arc<CheckIn>>,
    /// The owners of the Mål of the whole file, of any quarter, each once
    /// (as first written), in name order. With any, each person checks in
    /// for their own Mål ([`crate::model::owners::any_owner`]).
    pub owners: Vec<String>,
}

/// Which Mål and which check-in to read.
#[derive(Clone, Copy, Debug)]
pub struct Wanted {
    pub today: NaiveDate,
    pub week: IsoWeek,
}

impl Wanted {
    /// How many years before and after today's a Mål read may start: a Mål
    /// spans two years at most ([`crate::model::term::MAX_SPAN`]), and a
    /// year may be named by the calendar year it ends in.
    pub const YEARS: i32 = 3;

    fn objective(&self, quarter: Quarter) -> bool {
        (quarter.year - self.today.year()).abs() <= Self::YEARS
    }

    /// Whether a check-in keyed by `week` may be of the period of
    /// `self.week`: keyed by it or by one of the four weeks before.
    fn checkin(&self, week: IsoWeek) -> bool {
        let earliest = self
            .week
            .monday()
            .and_then(|m| m.checked_sub_days(chrono::Days::new(28)))
            .map_or(self.week, IsoWeek::of);
        earliest <= week && week <= self.week
    }
}

/// Reads the part of the file at `path` that `wanted` names. A missing file
/// is an empty store.
pub fn glance(path: &Path, wanted: Wanted) -> Result<Glance, LoadError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Glance::default()),
        Err(e) => {
            return Err(LoadError {
                path: path.to_path_buf(),
                position: None,
                problem: Problem::Io(IoReason::of(&e)),
            });
        }
    };
    match fast(&bytes, wanted).filter(keeps_the_rules) {
        Some(g) => Ok(g),
        // The full read names the problem exactly as every other command
        // does: a file that is not JSON as okr writes it, or a part read
        // here that breaks a rule.
        None => super::parse_checked(path, &bytes).map(|data| of_data(&data, wanted)),
    }
}

/// Whether what was read keeps every value rule ([`validate`]) that can be
/// judged from it: its ids, numbers, texts, links and parents.
fn keeps_the_rules(g: &Glance) -> bool {
    let part = Data {
        objectives: g.objectives.iter().cloned().map(Arc::new).collect(),
        checkins: g.checkins.clone(),
        ..Data::default()
    };
    validate(&part).is_ok()
}

/// The glance of a store already in memory.
pub fn of_data(data: &Data, wanted: Wanted) -> Glance {
    Glance {
        settings: data.settings.clone(),
        objectives: data
            .objectives
            .iter()
            .filter(|o| wanted.objective(o.quarter))
            .map(|o| (**o).clone())
            .collect(),
        checkins: data
            .checkins
            .iter()
            .filter(|c| wanted.checkin(c.week))
            .cloned()
            .collect(),
        owners: owners::owners_in_file(data),
    }
}

/// The fast path: `None` when anything is not as okr writes it.
fn fast(bytes: &[u8], wanted: Wanted) -> Option<Glance> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let top = Top(wanted).deserialize(&mut de).ok()?;
    de.end().ok()?;
    let (version, glance) = top;
    (1..=FORMAT_VERSION).contains(&version).then_some(glance)
}

/// The top level: the version, the settings, the Mål and the check-ins.
struct Top(Wanted);

impl<'de> DeserializeSeed<'de> for Top {
    type Value = (u32, Glance);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top {
    type Value = (u32, Glance);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an okr file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut version = None;
        let mut glance = Glance::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "version" => version = Some(map.next_value::<u32>()?),
                "settings" => glance.settings = map.next_value()?,
                "objectives" => {
                    let picked = map.next_value_seed(Each(Pick::Objectives(self.0)))?;
                    glance.owners = picked.owners;
                    glance.owners.sort_by_key(|w| w.to_lowercase());
                    glance.objectives = picked
                        .items
                        .into_iter()
                        .filter_map(Item::objective)
                        .collect();
                }
                "checkins" => {
                    let picked = map.next_value_seed(Each(Pick::Week(self.0)))?;
                    glance.checkins = picked
                        .items
                        .into_iter()
                        .filter_map(Item::checkin)
                        .map(std::sync::Arc::new)
                        .collect();
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let version = version.ok_or_else(|| serde::de::Error::missing_field("version"))?;
        Ok((version, glance))
    }
}

/// Which items of a list to read in full.
#[derive(Clone, Copy)]
enum Pick {
    Objectives(Wanted),
    Week(Wanted),
}

/// A list of Mål or check-ins, keeping only the picked ones.
struct Each(Pick);

/// One item of the list: read in full when picked, else `None`.
enum Item {
    Objective(Objective),
    Week(CheckIn),
}

impl Item {
    fn objective(self) -> Option<Objective> {
        match self {
            Item::Objective(o) => Some(o),
            Item::Week(_) => None,
        }
    }

    fn checkin(self) -> Option<CheckIn> {
        match self {
            Item::Week(c) => Some(c),
            Item::Objective(_) => None,
        }
    }
}

/// The picked items of a list, and the owners of all its Mål.
struct Picked {
    items: Vec<Item>,
    owners: Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Each {
    type Value = Picked;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Each {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut picked = Picked {
            items: Vec::new(),
            owners: Vec::new(),
        };
        while let Some(fields) = seq.next_element::<Fields<'de>>()? {
            if let Some(item) = fields
                .pick(self.0, &mut picked.owners)
                .map_err(serde::de::Error::custom)?
            {
                picked.items.push(item);
            }
        }
        Ok(picked)
    }
}

/// An object's fields, each as the JSON text it is in the file: checked,
/// not built.
struct Fields<'de>(Vec<(String, &'de RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    fields.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Fields<'de> {
    fn field<T: Deserialize<'de>>(&self, name: &str) -> Result<Option<T>, serde_json::Error> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, raw)| T::deserialize(*raw))
            .transpose()
    }

    /// The whole object in the model's own type.
    fn build<T: Deserialize<'de>>(self) -> Result<T, serde_json::Error> {
        T::deserialize(MapDeserializer::new(self.0.into_iter()))
    }

    /// The item, when picked; a Mål's owner is added to `owners` when new.
    fn pick(self, pick: Pick, owners: &mut Vec<String>) -> Result<Option<Item>, serde_json::Error> {
        match pick {
            Pick::Objectives(wanted) => {
                if let Some(w) = self.field::<Option<String>>("owner")?.flatten() {
                    owners::add_owner(owners, &w);
                }
                // Only the picked Mål are built: most of a file is other years' history.
                if !self
                    .field::<Quarter>("quarter")?
                    .is_some_and(|q| wanted.objective(q))
                {
                    return Ok(None);
                }
                Ok(Some(Item::Objective(self.build()?)))
            }
            Pick::Week(wanted) => {
                if !self
                    .field::<IsoWeek>("week")?
                    .is_some_and(|w| wanted.checkin(w))
                {
                    return Ok(None);
                }
                Ok(Some(Item::Week(self.build()?)))
            }
        }
    }
}
