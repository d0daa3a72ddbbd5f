//! The merge of one Mål both sides changed (its own fields), of one key
//! result (its fields and history), and of one check-in both sides changed.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::keyed::{Outcome, merge_keyed};
use super::value::{fields, merge_map};
use crate::model::{CheckIn, CheckInEntry, Conflict, HistoryEntry, KeyResult, Objective};

/// The conflicts found so far.
pub type Conflicts = Vec<Conflict>;

/// A conflict for an item one side deleted and the other changed (kept).
pub fn deleted(item: &str, ours_deleted: bool) -> Conflict {
    Conflict::new(item, "deleted", json!(ours_deleted), json!(!ours_deleted))
}

fn to_value(x: &impl Serialize) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// The fields of `ours`, `theirs` (and `base`) merged as JSON, all but `skip`;
/// read back into the type. When the merged fields do not make a valid item
/// (a measure of one kind with the values of another), ours is kept and
/// every field theirs changed is a conflict.
pub fn merge_fields<T: Serialize + DeserializeOwned + Clone>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    item: &str,
    skip: &[&str],
    conflicts: &mut Conflicts,
) -> T {
    let b = base.map(to_value).map(fields).unwrap_or_default();
    let o = fields(to_value(ours));
    let t = fields(to_value(theirs));
    let mut found = Vec::new();
    let mut merged = merge_map(&b, &o, &t, (item, ""), skip, &mut found);
    // The caller merges these itself: lists start empty, the rest as ours.
    for k in skip {
        match o.get(*k) {
            Some(Value::Array(_)) => merged.insert((*k).to_string(), Value::Array(Vec::new())),
            Some(v) => merged.insert((*k).to_string(), v.clone()),
            None => None,
        };
    }
    match serde_json::from_value::<T>(Value::Object(merged)) {
        Ok(x) => {
            conflicts.extend(found);
            x
        }
        Err(_) => {
            for (k, tv) in &t {
                if skip.contains(&k.as_str()) || o.get(k) == Some(tv) || b.get(k) == Some(tv) {
                    continue;
                }
                let ov = o.get(k).cloned().unwrap_or(Value::Null);
                conflicts.push(Conflict::new(item, k.clone(), ov, tv.clone()));
            }
            ours.clone()
        }
    }
}

/// One Mål both sides changed: its own fields. Its key results and
/// Uppgifter are merged across the whole file (see [`super::placed`]).
pub fn objective(
    base: Option<&Objective>,
    ours: &Objective,
    theirs: &Objective,
    conflicts: &mut Conflicts,
) -> Objective {
    let skip = ["key_results", "initiatives", "updated", "updated_by"];
    let mut o = merge_fields(base, ours, theirs, &ours.id, &skip, conflicts);
    // When and by whom: the side that changed it last.
    let last = if theirs.updated > ours.updated {
        theirs
    } else {
        ours
    };
    o.updated = last.updated;
    o.updated_by.clone_from(&last.updated_by);
    o
}

/// One key result both sides changed. History entries are unioned by day;
/// when both recorded a value, the current value and confidence are those
/// of the side whose latest entry is later (as recording keeps them). A
/// value or confidence set on a side that recorded nothing counts as a
/// change of that field like any other.
pub fn key_result(
    base: Option<&KeyResult>,
    ours: &KeyResult,
    theirs: &KeyResult,
    conflicts: &mut Conflicts,
) -> KeyResult {
    let mut theirs_view = theirs.clone();
    let mut ours_view = ours.clone();
    let before = base.and_then(KeyResult::last_update);
    let both_recorded = ours.last_update() != before && theirs.last_update() != before;
    match ours.last_update().cmp(&theirs.last_update()) {
        _ if !both_recorded => {}
        std::cmp::Ordering::Greater => {
            theirs_view.measure.set_current(ours.measure.current());
            theirs_view.confidence = ours.confidence;
        }
        std::cmp::Ordering::Less => {
            ours_view.measure.set_current(theirs.measure.current());
            ours_view.confidence = theirs.confidence;
        }
        std::cmp::Ordering::Equal => {}
    }
    let mut k = merge_fields(
        base,
        &ours_view,
        &theirs_view,
        &ours.id,
        &["history"],
        conflicts,
    );
    let bh = base.map_or(&[][..], |b| &b.history[..]);
    k.history = merge_keyed(
        &numbered(bh),
        &numbered(&ours.history),
        &numbered(&theirs.history),
        |(n, h)| (h.date, *n),
        |out| {
            let (x, y, keep) = match out {
                Outcome::Both(_, x, y) => (Some(x), Some(y), x),
                Outcome::DeletedChanged {
                    kept,
                    ours_deleted: true,
                } => (None, Some(kept), kept),
                Outcome::DeletedChanged {
                    kept,
                    ours_deleted: false,
                } => (Some(kept), None, kept),
            };
            let v = |e: Option<&(usize, HistoryEntry)>| e.map_or(Value::Null, |(_, h)| to_value(h));
            conflicts.push(Conflict::new(&ours.id, entry_field(keep), v(x), v(y)));
            Some(keep.clone())
        },
    )
    .into_iter()
    .map(|(_, h)| h)
    .collect();
    k.history.sort_by_key(|h| h.date);
    k
}

/// History entries with their place among the entries of the same day.
fn numbered(history: &[HistoryEntry]) -> Vec<(usize, HistoryEntry)> {
    let mut out: Vec<(usize, HistoryEntry)> = Vec::with_capacity(history.len());
    for h in history {
        let n = out
            .iter()
            .rev()
            .take_while(|(_, e)| e.date == h.date)
            .count();
        out.push((n, h.clone()));
    }
    out
}

/// The conflict field of a history entry: `history.2026-11-24` (`#2` after
/// it for the second entry of one day, in a file written by hand).
pub fn entry_field((n, h): &(usize, HistoryEntry)) -> String {
    if *n == 0 {
        format!("history.{}", h.date)
    } else {
        format!("history.{}#{}", h.date, n + 1)
    }
}

/// The conflict item of a check-in: its week, and its owner after a space.
pub fn checkin_item(c: &CheckIn) -> String {
    match &c.owner {
        Some(o) => format!("{} {o}", c.week),
        None => c.week.to_string(),
    }
}

/// One check-in both sides changed (or both made for one week and owner):
/// its fields, and its entries by key result.
pub fn checkin(
    base: Option<&CheckIn>,
    ours: &CheckIn,
    theirs: &CheckIn,
    conflicts: &mut Conflicts,
) -> CheckIn {
    let item = checkin_item(ours);
    let mut c = merge_fields(base, ours, theirs, &item, &["entries"], conflicts);
    let be = base.map_or(&[][..], |b| &b.entries[..]);
    c.entries = merge_keyed(
        be,
        &ours.entries,
        &theirs.entries,
        |e| e.key_result.clone(),
        |out| {
            let (x, y, keep): (Option<&CheckInEntry>, Option<&CheckInEntry>, &CheckInEntry) =
                match out {
                    Outcome::Both(_, x, y) => (Some(x), Some(y), x),
                    Outcome::DeletedChanged {
                        kept,
                        ours_deleted: true,
                    } => (None, Some(kept), kept),
                    Outcome::DeletedChanged {
                        kept,
                        ours_deleted: false,
                    } => (Some(kept), None, kept),
                };
            let v = |e: Option<&CheckInEntry>| e.map_or(Value::Null, to_value);
            let field = format!("entries.{}", keep.key_result);
            conflicts.push(Conflict::new(&item, field, v(x), v(y)));
            Some(keep.clone())
        },
    );
    c
}
