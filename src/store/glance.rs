//! A quick read of one quarter, for `okr status` on every shell prompt: the
//! Mål of today's quarter, of its year, and those a Mål spanning it takes
//! its number from (every owner's: a parent's number takes in its
//! children's) and the check-ins of one period are read in full into the
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

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::value::MapDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{IoReason, LoadError, Problem};
use crate::model::term::{MAX_SPAN, checked_in, quarters_of};
use crate::model::validate::validate;
use crate::model::{
    CheckIn, Data, FORMAT_VERSION, FiscalYear, IsoWeek, Objective, Quarter, Settings, owners,
};

/// What [`glance`] read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Glance {
    pub settings: Settings,
    /// Today's quarter's Mål (those spanning it among them), the year's, and
    /// every Mål within the quarters those span (their numbers take them
    /// in), in file order ([`settle`]).
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
    /// Today's quarter in a year that starts as `fy` says.
    fn quarter(&self, fy: FiscalYear) -> Quarter {
        Quarter::of(self.today, fy)
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
    let quarter = wanted.quarter(data.fiscal_year());
    let candidates = data.objectives.iter().filter_map(|o| {
        let sure = candidate(quarter, (o.quarter, o.until), o.parent.is_some())?;
        Some(if sure {
            Candidate::Sure(Box::new((**o).clone()))
        } else {
            Candidate::Maybe(&**o, o.quarters())
        })
    });
    let objectives = settle(candidates.collect(), quarter, |o| {
        Ok::<_, std::convert::Infallible>(o.clone())
    });
    Glance {
        settings: data.settings.clone(),
        objectives: objectives.unwrap_or_default(),
        checkins: data
            .checkins
            .iter()
            .filter(|c| wanted.checkin(c.week))
            .cloned()
            .collect(),
        owners: owners::owners_in_file(data),
    }
}

/// A Mål a glance may read: surely (today's quarter's, those spanning it,
/// the year's), or maybe (aligned under another, within the quarters a
/// Mål spanning today's quarter may reach), with its first and last quarter.
enum Candidate<M> {
    Sure(Box<Objective>),
    Maybe(M, (Quarter, Quarter)),
}

/// Whether a Mål of `term` (its quarter and `until`) is read for a glance
/// of `today`'s quarter: `Some(true)` surely, `Some(false)` maybe (it has a
/// parent and lies within [`MAX_SPAN`] quarters of today's), `None` not.
fn candidate(today: Quarter, term: (Quarter, Option<Quarter>), has_parent: bool) -> Option<bool> {
    if checked_in(term.0, term.1, today) {
        return Some(true);
    }
    let (first, last) = quarters_of(term.0, term.1);
    let reach = |step: fn(Quarter) -> Quarter| (1..MAX_SPAN).fold(today, |q, _| step(q));
    let near = first <= reach(Quarter::next) && reach(Quarter::prev) <= last;
    (has_parent && near).then_some(false)
}

/// The Mål a glance of `today`'s quarter keeps, in order: the sure ones,
/// and the maybe ones (each built by `build`) within the quarters the sure
/// ones of today's quarter span, whose numbers take them in.
fn settle<M, E>(
    candidates: Vec<Candidate<M>>,
    today: Quarter,
    build: impl Fn(M) -> Result<Objective, E>,
) -> Result<Vec<Objective>, E> {
    let (mut lo, mut hi) = (today, today);
    for c in &candidates {
        if let Candidate::Sure(o) = c
            && !o.is_yearly()
        {
            let (a, b) = o.quarters();
            (lo, hi) = (lo.min(a), hi.max(b));
        }
    }
    let mut out = Vec::new();
    for c in candidates {
        match c {
            Candidate::Sure(o) => out.push(*o),
            Candidate::Maybe(m, (a, b)) if a <= hi && lo <= b => out.push(build(m)?),
            Candidate::Maybe(..) => {}
        }
    }
    Ok(out)
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
        // The month the year starts in, as the Mål were picked by it.
        let mut picked_by = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "version" => version = Some(map.next_value::<u32>()?),
                "settings" => {
                    glance.settings = map.next_value()?;
                    if picked_by.is_some_and(|fy| fy != glance.settings.fiscal_year) {
                        return Err(serde::de::Error::custom("settings after the Mål"));
                    }
                }
                "objectives" => {
                    let fy = glance.settings.fiscal_year;
                    picked_by = Some(fy);
                    let today = self.0.quarter(fy);
                    let picked = map.next_value_seed(Each(Pick::Objectives(today)))?;
                    glance.owners = picked.owners;
                    glance.owners.sort_by_key(|w| w.to_lowercase());
                    let candidates = picked.items.into_iter().filter_map(Item::objective);
                    glance.objectives = settle(candidates.collect(), today, Fields::build)
                        .map_err(serde::de::Error::custom)?;
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
    /// The Mål of a glance of today's quarter ([`candidate`]).
    Objectives(Quarter),
    Week(Wanted),
}

/// A list of Mål or check-ins, keeping only the picked ones.
struct Each(Pick);

/// One item of the list: read in full when picked (a Mål that may be
/// picked as it is in the file), else `None`.
enum Item<'de> {
    Objective(Candidate<Fields<'de>>),
    Week(CheckIn),
}

impl<'de> Item<'de> {
    fn objective(self) -> Option<Candidate<Fields<'de>>> {
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
struct Picked<'de> {
    items: Vec<Item<'de>>,
    owners: Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Each {
    type Value = Picked<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Each {
    type Value = Picked<'de>;

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
    fn pick(
        self,
        pick: Pick,
        owners: &mut Vec<String>,
    ) -> Result<Option<Item<'de>>, serde_json::Error> {
        match pick {
            Pick::Objectives(today) => {
                if let Some(w) = self.field::<Option<String>>("owner")?.flatten() {
                    owners::add_owner(owners, &w);
                }
                // Only the picked Mål are built: most of a file is other quarters' history.
                let Some(quarter) = self.field::<Quarter>("quarter")? else {
                    return Ok(None);
                };
                let until = self.field::<Option<Quarter>>("until")?.flatten();
                let parent = self.field::<Option<String>>("parent")?.flatten();
                Ok(match candidate(today, (quarter, until), parent.is_some()) {
                    None => None,
                    Some(true) => Some(Item::Objective(Candidate::Sure(Box::new(self.build()?)))),
                    Some(false) => {
                        let span = quarters_of(quarter, until);
                        Some(Item::Objective(Candidate::Maybe(self, span)))
                    }
                })
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
