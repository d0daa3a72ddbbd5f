//! The three-way merge of two changed copies of one file (PRODUCT.md
//! section 9): by id, field by field, from the copy both started from. Used
//! by `okr merge` (git's merge driver) and by the tracker when the file
//! changed on disk while it had changes of its own.
//!
//! Additions of both sides are kept; a field changed on one side takes that
//! change; key results and Uppgifter are matched by id across the whole
//! file, so one moved to another Mål is merged where it went; history
//! entries and check-ins are unioned; new ids made on both
//! sides never collide, but for ids given by hand, where theirs gets a new
//! one; an item deleted on one
//! side and changed on the other is kept. Only the same field changed to
//! different values on both sides is a conflict: the data holds ours, and a
//! [`Conflict`] in [`Data::conflicts`] holds theirs, until [`resolve`]d.

mod items;
mod keyed;
mod placed;
mod renumber;
mod resolve;
mod value;
mod whose;

#[cfg(test)]
mod resolve_tests;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::sync::Arc;

use serde_json::Value;

use super::checkin::CheckIn;
use super::data::NextIds;
use super::{Conflict, Data, FORMAT_VERSION, FiscalYear, Objective, Settings};
use items::{Conflicts, deleted};
use keyed::{Outcome, merge_keyed};
use value::{fields, merge_map};

pub use resolve::{Side, keep_both_notes, resolve, resolve_or_why};

/// What a merge made.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub data: Data,
    /// Their new ids that ours had too, given by hand: (their id, its new id).
    pub renumbered: Vec<(String, String)>,
    /// How many conflicts this merge added.
    pub conflicts: usize,
    /// How many Mål they added or changed that are now in the data.
    pub from_theirs: usize,
}

/// Merges `ours` and `theirs`, two changed copies of `base`.
pub fn merge(base: &Data, ours: &Data, theirs: &Data) -> Merged {
    let renamed = one_year(base, ours, theirs);
    let [base, ours, theirs] = match &renamed {
        Some(([b, o, t], _)) => [b, o, t],
        None => [base, ours, theirs],
    };
    let copy;
    // Only ids given by hand collide: the item of the side merged in gets
    // a new id, said in the conflicts list.
    let (theirs, renumbered) = match renumber::renumber(base, theirs, ours) {
        Some((data, pairs)) => {
            copy = data;
            (&copy, pairs)
        }
        None => (theirs, Vec::new()),
    };
    let mut found: Conflicts = renumbered
        .iter()
        .map(|(old, new)| renumbered_conflict(old, new))
        .collect();
    // A start month one side chose that the merge could not keep.
    found.extend(renamed.as_ref().and_then(|(_, lost)| lost.clone()));
    // Mål one side deleted and the other changed: kept whole, so their key
    // results and Uppgifter are merged as if the deleting side had left
    // the Mål as it was.
    let mut revived: Vec<(String, bool)> = Vec::new();
    let mut objectives = merge_keyed(
        &base.objectives,
        &ours.objectives,
        &theirs.objectives,
        |o| o.id.clone(),
        |out| match out {
            Outcome::Both(b, x, y) => Some(Arc::new(items::objective(
                b.map(|b| &**b),
                x,
                y,
                &mut found,
            ))),
            Outcome::DeletedChanged { kept, ours_deleted } => {
                found.push(deleted(&kept.id, ours_deleted));
                revived.push((kept.id.clone(), ours_deleted));
                Some(Arc::clone(kept))
            }
        },
    );
    // Copies of the sides only when a Mål came back.
    let seen = (!revived.is_empty()).then(|| with_revived(base, ours, theirs, &revived));
    let sides = match &seen {
        Some((o, t)) => [base, o, t],
        None => [base, ours, theirs],
    };
    placed::place(&mut objectives, sides, &mut found);
    let checkins = merge_checkins(base, ours, theirs, &mut found);
    let settings = merge_settings(&base.settings, &ours.settings, &theirs.settings, &mut found);
    let extra = merge_map(
        &base.extra,
        &ours.extra,
        &theirs.extra,
        ("file", ""),
        &[],
        &mut found,
    );
    let mut data = Data {
        version: FORMAT_VERSION,
        settings,
        objectives,
        checkins,
        next_ids: next_ids(&base.next_ids, &ours.next_ids, &theirs.next_ids, &mut found),
        conflicts: Vec::new(),
        extra: extra.into(),
    };
    break_parent_cycles(&mut data, ours, &mut found);
    data.conflicts = merge_conflicts(base, ours, theirs);
    let mut added = 0;
    for mut c in found {
        whose::annotate(&mut c, ours, theirs);
        if !data.conflicts.contains(&c) {
            data.conflicts.push(c);
            added += 1;
        }
    }
    let from_theirs = count_from_theirs(&data, ours);
    Merged {
        data,
        renumbered,
        conflicts: added,
        from_theirs,
    }
}

/// Each side as the placement of key results and Uppgifter sees it: a Mål
/// the side deleted while the other changed it (`revived`: its id, and
/// whether ours deleted it) is back on the deleting side as the base had
/// it, so that what the other side did not touch in it is kept; but for
/// what that side moved elsewhere before it deleted the Mål.
fn with_revived(
    base: &Data,
    ours: &Data,
    theirs: &Data,
    revived: &[(String, bool)],
) -> (Data, Data) {
    let (mut o, mut t) = (ours.clone(), theirs.clone());
    for (id, ours_deleted) in revived {
        let Some(was) = base.objectives.iter().find(|b| &b.id == id) else {
            continue;
        };
        let side = if *ours_deleted { &mut o } else { &mut t };
        let has: HashSet<String> = side.ids().map(str::to_ascii_lowercase).collect();
        let mut back = (**was).clone();
        back.key_results
            .retain(|k| !has.contains(&k.id.to_ascii_lowercase()));
        back.initiatives
            .retain(|u| !has.contains(&u.id.to_ascii_lowercase()));
        side.objectives.push(Arc::new(back));
    }
    (o, t)
}

/// The record of an item of theirs that had the id of another of ours: it
/// is `new` now; theirs (`old`) cannot be taken back while ours has it.
fn renumbered_conflict(old: &str, new: &str) -> Conflict {
    Conflict::new(
        new,
        "id",
        Value::String(new.into()),
        Value::String(old.into()),
    )
}

/// Mål in the merge that are not as ours had them.
fn count_from_theirs(data: &Data, ours: &Data) -> usize {
    let mine: std::collections::HashMap<&str, &Arc<Objective>> =
        ours.objectives.iter().map(|o| (o.id.as_str(), o)).collect();
    data.objectives
        .iter()
        .filter(|o| {
            mine.get(o.id.as_str())
                .is_none_or(|m| !Arc::ptr_eq(m, o) && m != o)
        })
        .count()
}

/// Check-ins by week and owner (owner names as people type them).
fn merge_checkins(
    base: &Data,
    ours: &Data,
    theirs: &Data,
    found: &mut Conflicts,
) -> Vec<Arc<CheckIn>> {
    let key = |c: &Arc<CheckIn>| (c.week, c.owner.as_deref().map(|o| o.trim().to_lowercase()));
    let mut out = merge_keyed(
        &base.checkins,
        &ours.checkins,
        &theirs.checkins,
        key,
        |out| match out {
            Outcome::Both(b, x, y) => Some(Arc::new(items::checkin(b.map(|c| &**c), x, y, found))),
            Outcome::DeletedChanged { kept, ours_deleted } => {
                found.push(deleted(&items::checkin_item(kept), ours_deleted));
                Some(kept.clone())
            }
        },
    );
    out.sort_by_key(|c| c.week);
    out
}

/// When a side changed the month the team's year starts, and with it the
/// names of its quarters ([`super::fiscal`]): the three copies with every
/// quarter named by one month, so that every Mål keeps its days. The month
/// is the changed one (ours, when both changed it), else, when some Mål
/// of a side has no quarter of the same days in that year (a year's Mål,
/// a quarter it would split), the month before; a month chosen and not
/// kept is given as a conflict on the setting. `None` when neither side
/// changed it, or no month keeps every Mål's days.
fn one_year(base: &Data, ours: &Data, theirs: &Data) -> Option<([Data; 3], Option<Conflict>)> {
    use super::fiscal::{Relabel, relabel};
    let was = base.fiscal_year();
    let (o, t) = (ours.fiscal_year(), theirs.fiscal_year());
    if o == was && t == was {
        return None;
    }
    let wanted = if o != was { o } else { t };
    let named = |fy| {
        let one = |d: &Data| match relabel(d, fy) {
            Relabel::Renamed { data, .. } => Some(data),
            Relabel::Moves(_) => None,
        };
        Some([one(base)?, one(ours)?, one(theirs)?])
    };
    [wanted, was].into_iter().find_map(|fy| {
        let copies = named(fy)?;
        let lost = [o, t].into_iter().find(|m| *m != fy && *m != was);
        let month = |m: FiscalYear| Value::from(m.start_month());
        let conflict = lost.map(|m| Conflict::new("settings", FISCAL, month(fy), month(m)));
        Some((copies, conflict))
    })
}

/// The setting of the month the team's year starts, as the file names it.
pub(super) const FISCAL: &str = "fiscal_year_start";

/// Team settings, field by field.
fn merge_settings(
    base: &Settings,
    ours: &Settings,
    theirs: &Settings,
    found: &mut Conflicts,
) -> Settings {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let v = |s: &Settings| fields(serde_json::to_value(s).unwrap_or(Value::Null));
    let mut mine = Vec::new();
    let merged = merge_map(
        &v(base),
        &v(ours),
        &v(theirs),
        ("settings", ""),
        &[],
        &mut mine,
    );
    match serde_json::from_value(Value::Object(merged)) {
        Ok(s) => {
            found.extend(mine);
            s
        }
        Err(_) => {
            let (o, t) = (v(ours), v(theirs));
            for (k, tv) in &t {
                if o.get(k) != Some(tv) {
                    let ov = o.get(k).cloned().unwrap_or(Value::Null);
                    found.push(Conflict::new("settings", k.clone(), ov, tv.clone()));
                }
            }
            ours.clone()
        }
    }
}

/// The id counters: the higher of each, so no id is given out twice.
fn next_ids(base: &NextIds, ours: &NextIds, theirs: &NextIds, found: &mut Conflicts) -> NextIds {
    NextIds {
        o: ours.o.max(theirs.o),
        kr: ours.kr.max(theirs.kr),
        u: ours.u.max(theirs.u),
        extra: merge_map(
            &base.extra,
            &ours.extra,
            &theirs.extra,
            ("file", "next_ids."),
            &[],
            found,
        )
        .into(),
    }
}

/// Conflicts both sides had: a record one side resolved (in the base, gone
/// on that side) stays resolved; the others are kept, each once.
fn merge_conflicts(base: &Data, ours: &Data, theirs: &Data) -> Vec<Conflict> {
    let dropped =
        |side: &Data, c: &Conflict| base.conflicts.contains(c) && !side.conflicts.contains(c);
    let mut out: Vec<Conflict> = Vec::new();
    for c in ours.conflicts.iter().chain(&theirs.conflicts) {
        if !dropped(ours, c) && !dropped(theirs, c) && !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

/// Each side's parents are a tree, but a parent set on each side can make a
/// circle together: the parents that close it go back to ours, each with a
/// conflict holding theirs.
fn break_parent_cycles(data: &mut Data, ours: &Data, found: &mut Conflicts) {
    let mut fixed: HashSet<String> = HashSet::new();
    while let Err(broken) = super::validate::parent_cycle(&data.objectives) {
        let super::validate::Rule::ParentCycle(ids) = broken.rule else {
            return;
        };
        let ours_parent = |id: &str| {
            ours.objectives
                .iter()
                .find(|o| o.id == id)
                .and_then(|o| o.parent.clone())
        };
        let Some((index, id)) = ids.iter().find_map(|id| {
            let index = data.objective_index(id)?;
            let theirs = data.objectives[index].parent.clone();
            (theirs != ours_parent(id) && !fixed.contains(id)).then(|| (index, id.clone()))
        }) else {
            return;
        };
        let mine = ours_parent(&id);
        let Some(o) = data.objective_mut(index) else {
            return;
        };
        let theirs = std::mem::replace(&mut o.parent, mine.clone());
        found.push(Conflict::new(
            id.clone(),
            "parent",
            mine.map_or(Value::Null, Value::String),
            theirs.map_or(Value::Null, Value::String),
        ));
        fixed.insert(id);
    }
}
