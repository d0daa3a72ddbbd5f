//! New ids made on both sides that collide: ours are renumbered, and every
//! reference to them follows (a parent, a carried-from, an Uppgift's key
//! result, a check-in entry, a conflict).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::data::{
    INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX, any_id_number, id_number,
};
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

/// Ours with its new ids that theirs also made for something else
/// renumbered, and the pairs (old id, new id); `None` when none collide.
pub fn renumber(base: &Data, ours: &Data, theirs: &Data) -> Option<(Data, Vec<(String, String)>)> {
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
        if in_base.contains(&lower) {
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
    // New numbers above every id and counter of either side.
    let mut next: HashMap<&str, u64> = HashMap::new();
    for prefix in [OBJECTIVE_PREFIX, KEY_RESULT_PREFIX, INITIATIVE_PREFIX] {
        let highest = ours
            .ids()
            .chain(theirs.ids())
            .filter_map(|id| id_number(id, prefix))
            .max()
            .unwrap_or(0);
        let counter = ours.next_ids.of(prefix).max(theirs.next_ids.of(prefix));
        next.insert(prefix, highest.saturating_add(1).max(counter).max(1));
    }
    let mut map: HashMap<String, String> = HashMap::new();
    let mut pairs = Vec::new();
    for (old, kind) in clashes {
        let prefix = any_id_number(&old).map_or(kind, |(p, _)| p);
        let n = next.entry(prefix).or_insert(1);
        let new = format!("{prefix}{n}");
        *n += 1;
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
            || o.key_results.iter().any(|k| map.contains_key(&k.id))
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
        }
        for u in &mut o.initiatives {
            follow(&mut u.id);
            follow_opt(&mut u.key_result);
        }
    }
    for c in &mut data.checkins {
        if !c.entries.iter().any(|e| map.contains_key(&e.key_result)) {
            continue;
        }
        for e in &mut Arc::make_mut(c).entries {
            follow(&mut e.key_result);
        }
    }
    for c in &mut data.conflicts {
        follow(&mut c.item);
    }
    for prefix in [OBJECTIVE_PREFIX, KEY_RESULT_PREFIX, INITIATIVE_PREFIX] {
        let highest = map.values().filter_map(|id| id_number(id, prefix)).max();
        if let Some(h) = highest {
            let counter = match prefix {
                OBJECTIVE_PREFIX => &mut data.next_ids.o,
                KEY_RESULT_PREFIX => &mut data.next_ids.kr,
                _ => &mut data.next_ids.u,
            };
            *counter = (*counter).max(h + 1);
        }
    }
}
