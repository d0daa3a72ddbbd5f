//! Ids never collide by themselves (see [`crate::model::ids`]); two items
//! given the same id by hand, one on each side, do. The merge keeps both:
//! the one of the side being merged in gets a new id, and every reference
//! to it on that side follows (a parent, a carried-from of a Mål or a key
//! result, an Uppgift's key result, a check-in's entry and skipped list, a
//! conflict).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::data::any_id_number;
use crate::model::ids::new_ids;
use crate::model::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use crate::model::{Data, Objective};

/// Where an id is: a Mål, or a key result / Uppgift of the Mål at an index.
#[derive(Clone, Copy, PartialEq)]
enum Place<'a> {
    Objective(&'a Objective),
    KeyResult(&'a Objective, usize),
    Initiative(&'a Objective, usize),
}

impl Place<'_> {
    fn prefix(self) -> &'static str {
        match self {
            Place::Objective(_) => OBJECTIVE_PREFIX,
            Place::KeyResult(..) => KEY_RESULT_PREFIX,
            Place::Initiative(..) => INITIATIVE_PREFIX,
        }
    }

    /// The same item on both sides: same kind, same content, in the same
    /// Mål (one that keeps its id).
    fn same(self, other: Place, renamed: &HashSet<String>) -> bool {
        let kept = |a: &Objective, b: &Objective| a.id == b.id && !renamed.contains(&a.id);
        match (self, other) {
            (Place::Objective(a), Place::Objective(b)) => a == b,
            (Place::KeyResult(a, i), Place::KeyResult(b, j)) => {
                kept(a, b) && a.key_results[i] == b.key_results[j]
            }
            (Place::Initiative(a, i), Place::Initiative(b, j)) => {
                kept(a, b) && a.initiatives[i] == b.initiatives[j]
            }
            _ => false,
        }
    }
}

/// Every id of a store, lower-cased (ids are unique ignoring case), with its place.
fn places(data: &Data) -> HashMap<String, Place<'_>> {
    let mut out = HashMap::new();
    for o in &data.objectives {
        out.insert(o.id.to_ascii_lowercase(), Place::Objective(o));
        for (i, k) in o.key_results.iter().enumerate() {
            out.insert(k.id.to_ascii_lowercase(), Place::KeyResult(o, i));
        }
        for (i, u) in o.initiatives.iter().enumerate() {
            out.insert(u.id.to_ascii_lowercase(), Place::Initiative(o, i));
        }
    }
    out
}

/// `side` with its new ids that `other` also has for something else given
/// new ones, and the pairs (old id, new id); `None` when none collide.
pub fn renumber(base: &Data, side: &Data, other: &Data) -> Option<(Data, Vec<(String, String)>)> {
    let (ours, theirs) = (side, other);
    let in_base: HashSet<String> = base.ids().map(|i| i.to_ascii_lowercase()).collect();
    let their_new: HashMap<String, Place> = places(theirs)
        .into_iter()
        .filter(|(id, _)| !in_base.contains(id))
        .collect();
    if their_new.is_empty() {
        return None;
    }
    let mut clashes: Vec<(String, &'static str)> = Vec::new();
    // Mål come before their key results and Uppgifter: a renamed Mål's
    // items are all new ones.
    let mut renamed: HashSet<String> = HashSet::new();
    for (o, p) in ours.objectives.iter().flat_map(|o| {
        std::iter::once((o.id.as_str(), Place::Objective(o)))
            .chain(
                o.key_results
                    .iter()
                    .enumerate()
                    .map(move |(i, k)| (k.id.as_str(), Place::KeyResult(o, i))),
            )
            .chain(
                o.initiatives
                    .iter()
                    .enumerate()
                    .map(move |(i, u)| (u.id.as_str(), Place::Initiative(o, i))),
            )
    }) {
        let lower = o.to_ascii_lowercase();
        // A drawn id on both sides is one item both have (a commit picked
        // onto both), merged field by field, never two.
        if in_base.contains(&lower) || crate::model::ids::kind_of(o).is_some() {
            continue;
        }
        if let Some(theirs_place) = their_new.get(&lower)
            && !p.same(*theirs_place, &renamed)
        {
            if let Place::Objective(_) = p {
                renamed.insert(o.to_string());
            }
            clashes.push((o.to_string(), p.prefix()));
        }
    }
    if clashes.is_empty() {
        return None;
    }
    let mut taken: HashSet<String> = ours
        .ids()
        .chain(theirs.ids())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut map: HashMap<String, String> = HashMap::new();
    let mut pairs = Vec::new();
    for (old, kind) in clashes {
        let prefix = any_id_number(&old).map_or(kind, |(p, _)| p);
        let new = new_ids(prefix, 1, &taken).pop().unwrap_or_default();
        taken.insert(new.clone());
        map.insert(old.clone(), new.clone());
        pairs.push((old, new));
    }
    let mut copy = ours.clone();
    apply(&mut copy, &map);
    Some((copy, pairs))
}

/// Renames the ids in `map` and every reference to them.
fn apply(data: &mut Data, map: &HashMap<String, String>) {
    let follow = |id: &mut String| {
        if let Some(new) = map.get(id.as_str()) {
            *id = new.clone();
        }
    };
    let follow_opt = |id: &mut Option<String>| {
        if let Some(id) = id {
            follow(id);
        }
    };
    for o in &mut data.objectives {
        let touches = map.contains_key(&o.id)
            || o.parent.as_ref().is_some_and(|p| map.contains_key(p))
            || o.carried_from.as_ref().is_some_and(|p| map.contains_key(p))
            || o.key_results.iter().any(|k| {
                map.contains_key(&k.id)
                    || k.carried_from.as_ref().is_some_and(|p| map.contains_key(p))
            })
            || o.initiatives.iter().any(|u| map.contains_key(&u.id));
        if !touches {
            continue;
        }
        let o: &mut Objective = Arc::make_mut(o);
        follow(&mut o.id);
        follow_opt(&mut o.parent);
        follow_opt(&mut o.carried_from);
        for k in &mut o.key_results {
            follow(&mut k.id);
            follow_opt(&mut k.carried_from);
        }
        for u in &mut o.initiatives {
            follow(&mut u.id);
            follow_opt(&mut u.key_result);
        }
    }
    for c in &mut data.checkins {
        if !c.entries.iter().any(|e| map.contains_key(&e.key_result))
            && !c.skipped.iter().any(|k| map.contains_key(k))
        {
            continue;
        }
        let c = Arc::make_mut(c);
        for e in &mut c.entries {
            follow(&mut e.key_result);
        }
        c.skipped.iter_mut().for_each(follow);
    }
    for c in &mut data.conflicts {
        follow(&mut c.item);
    }
}
