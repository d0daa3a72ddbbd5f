//! Key results and Uppgifter matched by id across the whole file, wherever
//! each side has put them: a key result one side moved to another Mål and
//! the other side edited arrives moved and edited, once. Where each item
//! goes is merged like a field: moved on one side, it goes where that side
//! put it; moved to two different Mål, ours is kept and the other recorded
//! as a conflict of its field `objective`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::items::{Conflicts, deleted};
use super::keyed::{Outcome, merge_keyed};
use crate::model::{Conflict, Data, Initiative, KeyResult, Objective};

/// An item with the id of the Mål it is in.
type Placed<T> = (String, T);

/// Every `items` of a store with its Mål's id, in file order.
fn placed<T: Clone>(data: &Data, items: impl Fn(&Objective) -> &[T]) -> Vec<Placed<T>> {
    data.objectives
        .iter()
        .flat_map(|o| items(o).iter().map(|x| (o.id.clone(), x.clone())))
        .collect()
}

/// The items of all three sides merged by id (ids are unique ignoring
/// case), each with the Mål it goes to.
fn merge_placed<T: Clone + PartialEq>(
    sides: [&Data; 3],
    items: impl Fn(&Objective) -> &[T],
    id: impl Fn(&T) -> &str,
    mut merge_item: impl FnMut(Option<&T>, &T, &T, &mut Conflicts) -> T,
    found: &mut Conflicts,
) -> Vec<Placed<T>> {
    let [b, o, t] = sides.map(|d| placed(d, &items));
    merge_keyed(
        &b,
        &o,
        &t,
        |(_, x)| id(x).to_ascii_lowercase(),
        |out| match out {
            Outcome::Both(base, (ours_at, x), (theirs_at, y)) => {
                let item = merge_item(base.map(|(_, b)| b), x, y, found);
                let base_at = base.map(|(at, _)| at);
                let at = if base_at == Some(ours_at) || ours_at == theirs_at {
                    theirs_at
                } else {
                    if base_at != Some(theirs_at) {
                        found.push(Conflict::new(
                            id(x),
                            "objective",
                            Value::String(ours_at.clone()),
                            Value::String(theirs_at.clone()),
                        ));
                    }
                    ours_at
                };
                Some((at.clone(), item))
            }
            Outcome::DeletedChanged { kept, ours_deleted } => {
                found.push(deleted(id(&kept.1), ours_deleted));
                Some(kept.clone())
            }
        },
    )
}

/// Puts the key results and Uppgifter of the three sides, merged by id, in
/// the merged Mål. An item whose Mål is gone from the merge goes to the Mål
/// another side had it in. An Uppgift's link to a key result that is now in
/// another Mål is dropped, with a conflict holding it; a key result one side
/// deleted that the other side's Uppgift still links to is kept.
pub fn place(objectives: &mut [Arc<Objective>], sides: [&Data; 3], found: &mut Conflicts) {
    let key_results = merge_placed(
        sides,
        |o| &o.key_results,
        |k: &KeyResult| &k.id,
        super::items::key_result,
        found,
    );
    let initiatives = merge_placed(
        sides,
        |o| &o.initiatives,
        |u: &Initiative| &u.id,
        |b, x, y, found| super::items::merge_fields(b, x, y, &x.id, &[], found),
        found,
    );
    let index: HashMap<String, usize> = objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.to_ascii_lowercase(), i))
        .collect();
    let n = objectives.len();
    let krs = into_slots(key_results, n, &index, sides, |o| &o.key_results, |k| &k.id);
    let us = into_slots(initiatives, n, &index, sides, |o| &o.initiatives, |u| &u.id);
    let mut all: HashSet<String> = krs
        .iter()
        .flatten()
        .map(|k| k.id.to_ascii_lowercase())
        .collect();
    let by_id = sides.map(|d| {
        d.objectives
            .iter()
            .map(|o| (o.id.to_ascii_lowercase(), &**o))
            .collect::<HashMap<String, &Objective>>()
    });
    for (i, (mut krs, mut us)) in krs.into_iter().zip(us).enumerate() {
        let o = &objectives[i];
        let there = by_id
            .each_ref()
            .map(|m| m.get(&o.id.to_ascii_lowercase()).copied());
        in_order(&mut krs, there, |o| &o.key_results, |k| &k.id);
        in_order(&mut us, there, |o| &o.initiatives, |u| &u.id);
        if o.key_results == krs && o.initiatives == us {
            continue;
        }
        let mut new = (**o).clone();
        new.key_results = krs;
        new.initiatives = us;
        link_within(&mut new, &mut all, sides, found);
        objectives[i] = Arc::new(new);
    }
}

/// Puts the items of a Mål in the order the sides give them there (`there`:
/// the Mål on each side that has it),
/// merged as every list is (see [`merge_keyed`]): ours, with their
/// additions after their predecessor, or theirs when only they reordered.
/// An item no side had in this Mål comes last.
fn in_order<T: Clone + PartialEq>(
    placed: &mut [T],
    there: [Option<&Objective>; 3],
    items: impl Fn(&Objective) -> &[T],
    item_id: impl Fn(&T) -> &str,
) {
    let [b, o, t] = there.map(|o| {
        o.map(|o| {
            items(o)
                .iter()
                .map(|x| item_id(x).to_ascii_lowercase())
                .collect::<Vec<String>>()
        })
        .unwrap_or_default()
    });
    let order = merge_keyed(
        &b,
        &o,
        &t,
        |x| x.clone(),
        |out| match out {
            Outcome::Both(_, x, _) => Some(x.clone()),
            Outcome::DeletedChanged { kept, .. } => Some(kept.clone()),
        },
    );
    let rank = |x: &T| {
        let id = item_id(x).to_ascii_lowercase();
        order.iter().position(|o| *o == id).unwrap_or(usize::MAX)
    };
    placed.sort_by_key(rank);
}

/// The placed items Mål by Mål (by their index among the `count` merged
/// Mål, `index`): an item whose Mål is gone from the merge goes to the Mål
/// another side had it in (ours first, then theirs, then the base).
fn into_slots<T>(
    placed: Vec<Placed<T>>,
    count: usize,
    index: &HashMap<String, usize>,
    sides: [&Data; 3],
    items: impl Fn(&Objective) -> &[T],
    id: impl Fn(&T) -> &str,
) -> Vec<Vec<T>> {
    let mut slots: Vec<Vec<T>> = (0..count).map(|_| Vec::new()).collect();
    let [b, o, t] = sides;
    for (at, x) in placed {
        let elsewhere = || {
            [o, t, b].into_iter().find_map(|d| {
                d.objectives
                    .iter()
                    .find(|m| items(m).iter().any(|y| id(y).eq_ignore_ascii_case(id(&x))))
                    .and_then(|m| index.get(&m.id.to_ascii_lowercase()).copied())
            })
        };
        let slot = index
            .get(&at.to_ascii_lowercase())
            .copied()
            .or_else(elsewhere);
        if let Some(slot) = slot.and_then(|i| slots.get_mut(i)) {
            slot.push(x);
        }
    }
    slots
}

/// Each Uppgift's link leads to a key result of its own Mål: a key result
/// deleted on one side is brought back from the side that still has it
/// (the link is a change to it); a link to one now in another Mål is
/// dropped, with a conflict holding it.
fn link_within(
    o: &mut Objective,
    all: &mut HashSet<String>,
    sides: [&Data; 3],
    found: &mut Conflicts,
) {
    for n in 0..o.initiatives.len() {
        let Some(link) = o.initiatives[n].key_result.clone() else {
            continue;
        };
        if o.key_result(&link).is_some() {
            continue;
        }
        let [_, ours, theirs] = sides;
        let find = |d: &Data| {
            d.objectives
                .iter()
                .find_map(|o| o.key_result(&link).cloned())
        };
        let kept = (!all.contains(&link.to_ascii_lowercase()))
            .then(|| {
                find(ours)
                    .map(|k| (k, false))
                    .or_else(|| find(theirs).map(|k| (k, true)))
            })
            .flatten();
        match kept {
            Some((k, ours_deleted)) => {
                found.push(deleted(&k.id, ours_deleted));
                all.insert(k.id.to_ascii_lowercase());
                o.key_results.push(k);
            }
            None => {
                let u = &mut o.initiatives[n];
                found.push(Conflict::new(
                    u.id.clone(),
                    "key_result",
                    Value::Null,
                    Value::String(link),
                ));
                u.key_result = None;
            }
        }
    }
}
