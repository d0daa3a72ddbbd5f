//! Choosing a side for one recorded conflict: ours drops the record (the
//! data holds ours); theirs puts their value in through the model's normal
//! edit path, then drops it.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::value::{get_path, set_path};
use crate::model::validate::Broken;
use crate::model::{CheckIn, CheckInEntry, Data, IsoWeek, Objective};

/// Which side's value a conflict takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// Takes `side`'s value for the conflict at `index` and drops the record.
/// False when there is no such conflict, or its item or field no longer
/// exists (or taking the value would break a rule of the file): nothing
/// changed then.
pub fn resolve(data: &mut Data, index: usize, side: Side) -> bool {
    resolve_or_why(data, index, side).is_ok()
}

/// Like [`resolve`], saying why not: the rule of the file the choice would
/// break, or `None` when the conflict, its item or its field is gone.
pub fn resolve_or_why(data: &mut Data, index: usize, side: Side) -> Result<(), Option<Broken>> {
    let Some(c) = data.conflicts.get(index) else {
        return Err(None);
    };
    let value = match side {
        Side::Ours => c.ours.clone(),
        Side::Theirs => c.theirs.clone(),
    };
    let (item, field) = (c.item.clone(), c.field.clone());
    let before = data.clone();
    if !apply(data, &item, &field, value) {
        *data = before;
        return Err(None);
    }
    if let Err(broken) = crate::model::validate::validate(data) {
        *data = before;
        return Err(Some(broken));
    }
    data.conflicts.remove(index);
    Ok(())
}

/// For two values recorded for one key result on one day (a conflict of a
/// `history.DATE` field, an entry on each side): keeps ours with both
/// notes, theirs after ours. `Err(None)` for any other conflict.
pub fn keep_both_notes(data: &mut Data, index: usize) -> Result<(), Option<Broken>> {
    let Some(c) = data.conflicts.get(index) else {
        return Err(None);
    };
    let note = |v: &Value| {
        v.get("note")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (Value::Object(_), Value::Object(_)) = (&c.ours, &c.theirs) else {
        return Err(None);
    };
    if !c.field.starts_with("history.") {
        return Err(None);
    }
    let (mine, theirs) = (note(&c.ours), note(&c.theirs));
    let both = match (mine.is_empty(), theirs.is_empty()) {
        (_, true) => mine,
        (true, false) => theirs,
        _ if mine == theirs => mine,
        _ => format!("{mine} / {theirs}"),
    };
    let before = c.clone();
    let mut merged = c.ours.clone();
    merged["note"] = Value::String(both);
    data.conflicts[index].ours = merged;
    let result = resolve_or_why(data, index, Side::Ours);
    if result.is_err() && data.conflicts.get(index).is_some() {
        data.conflicts[index] = before;
    }
    result
}

/// Puts `value` into the field (nothing when it is there already).
fn apply(data: &mut Data, item: &str, field: &str, value: Value) -> bool {
    // Another start of the year renames the quarters, keeping every Mål's
    // days, or cannot be chosen.
    if item == "settings" && field == super::FISCAL {
        let to = value
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .and_then(crate::model::FiscalYear::starting);
        return match to.map(|to| crate::model::fiscal::relabel(data, to)) {
            Some(crate::model::fiscal::Relabel::Renamed { data: renamed, .. }) => {
                *data = renamed;
                true
            }
            _ => false,
        };
    }
    if item == "settings" {
        return set_in(&mut data.settings, field, value);
    }
    if item == "file"
        && let Some(field) = field.strip_prefix("next_ids.")
    {
        return set_in(&mut data.next_ids, field, value);
    }
    if item == "file" {
        let mut all = Value::Object(std::mem::take(&mut data.extra).into_iter().collect());
        let mut ok = true;
        if get_path(&all, field).unwrap_or(&Value::Null) != &value {
            ok = set_path(&mut all, field, value);
        }
        data.extra = match all {
            Value::Object(m) => m.into(),
            _ => Default::default(),
        };
        return ok;
    }
    if let Some(index) = checkin_index(data, item) {
        return checkin(data, index, field, value);
    }
    if let Some(index) = data.objective_index(item) {
        if field == "deleted" {
            if value == Value::Bool(true) {
                data.objectives.remove(index);
            }
            return true;
        }
        return change(data, index, |o| set_in(o, field, value));
    }
    let Some(index) = data.objectives.iter().position(|o| {
        o.key_results.iter().any(|k| k.id == item) || o.initiatives.iter().any(|u| u.id == item)
    }) else {
        return false;
    };
    if field == "objective" {
        return move_to(data, index, item, &value);
    }
    let delete = field == "deleted";
    if delete && value != Value::Bool(true) {
        return true;
    }
    change(data, index, |o| {
        if let Some(at) = o.key_results.iter().position(|k| k.id == item) {
            if delete {
                o.key_results.remove(at);
                // Uppgifter linked to it lose the link, as deleting it in the tracker does.
                for u in &mut o.initiatives {
                    if u.key_result.as_deref() == Some(item) {
                        u.key_result = None;
                    }
                }
                return true;
            }
            let k = &mut o.key_results[at];
            if let Some(day) = field.strip_prefix("history.") {
                return history(k, day, value);
            }
            return set_in(k, field, value);
        }
        let Some(at) = o.initiatives.iter().position(|u| u.id == item) else {
            return false;
        };
        if delete {
            o.initiatives.remove(at);
            return true;
        }
        set_in(&mut o.initiatives[at], field, value)
    })
}

/// Moves the key result or Uppgift `item` from the Mål at `from` to the Mål
/// `to` names, as the side that put it there had it: links that would lead
/// out of a Mål are dropped, as moving it in the tracker does.
fn move_to(data: &mut Data, from: usize, item: &str, to: &Value) -> bool {
    let Some(to) = to.as_str().and_then(|id| data.objective_index(id)) else {
        return false;
    };
    if to == from {
        return true;
    }
    let mut key_result = None;
    let mut initiative = None;
    let taken = change(data, from, |o| {
        if let Some(at) = o.key_results.iter().position(|k| k.id == item) {
            key_result = Some(o.key_results.remove(at));
            for u in &mut o.initiatives {
                if u.key_result.as_deref() == Some(item) {
                    u.key_result = None;
                }
            }
        } else if let Some(at) = o.initiatives.iter().position(|u| u.id == item) {
            initiative = Some(o.initiatives.remove(at));
        }
        key_result.is_some() || initiative.is_some()
    });
    taken
        && change(data, to, |o| {
            o.key_results.extend(key_result);
            if let Some(mut u) = initiative {
                if u.key_result
                    .as_deref()
                    .is_some_and(|k| o.key_result(k).is_none())
                {
                    u.key_result = None;
                }
                o.initiatives.push(u);
            }
            true
        })
}

/// Changes the Mål at `index` through [`Objective::changed`] when `edit`
/// changes anything.
fn change(data: &mut Data, index: usize, edit: impl FnOnce(&mut Objective) -> bool) -> bool {
    let Some(o) = data.objectives.get(index) else {
        return false;
    };
    let (changed, ok) = o.changed(crate::model::now(), edit);
    // Only a real change counts as one (and moves `updated`).
    if ok && !same_but_updated(&changed, o) {
        data.objectives[index] = Arc::new(changed);
    }
    ok
}

fn same_but_updated(a: &Objective, b: &Objective) -> bool {
    Objective {
        updated: b.updated,
        ..a.clone()
    } == *b
}

/// Sets a field of an item through its JSON form; false when the path does
/// not lead to a field, or the result is not a valid item.
fn set_in<T: Serialize + DeserializeOwned>(x: &mut T, field: &str, value: Value) -> bool {
    let Ok(mut v) = serde_json::to_value(&*x) else {
        return false;
    };
    if get_path(&v, field).unwrap_or(&Value::Null) == &value {
        return true;
    }
    if !set_path(&mut v, field, value) {
        return false;
    }
    match serde_json::from_value(v) {
        Ok(new) => {
            *x = new;
            true
        }
        Err(_) => false,
    }
}

/// A key result's history entry of a day (`2026-11-24`, `2026-11-24#2`):
/// corrected, deleted or recorded as the side had it.
fn history(k: &mut crate::model::KeyResult, day: &str, value: Value) -> bool {
    let (date, nth) = match day.split_once('#') {
        Some((d, n)) => (d, n.parse::<usize>().unwrap_or(1).saturating_sub(1)),
        None => (day, 0),
    };
    let Ok(date) = date.parse::<chrono::NaiveDate>() else {
        return false;
    };
    let at = k
        .history
        .iter()
        .enumerate()
        .filter(|(_, h)| h.date == date)
        .nth(nth)
        .map(|(i, _)| i);
    if value.is_null() {
        if let Some(i) = at {
            k.delete_entry(i);
        }
        return true;
    }
    let Ok(entry) = serde_json::from_value::<crate::model::HistoryEntry>(value) else {
        return false;
    };
    let confidence = entry.confidence.unwrap_or(k.confidence);
    match at {
        Some(i) => {
            if k.history[i] != entry {
                k.correct_entry(i, entry.value, confidence, entry.note.clone());
                k.history[i].extra = entry.extra;
            }
        }
        None => k.record(date, entry.value, entry.confidence, entry.note, None),
    }
    true
}

/// The check-in a conflict item names: `2026-W48` or `2026-W48 Anna`.
fn checkin_index(data: &Data, item: &str) -> Option<usize> {
    let (week, owner) = match item.split_once(' ') {
        Some((w, o)) => (w, Some(o)),
        None => (item, None),
    };
    let week: IsoWeek = week.parse().ok()?;
    data.checkins
        .iter()
        .position(|c| c.week == week && c.belongs_to(owner))
}

fn checkin(data: &mut Data, index: usize, field: &str, value: Value) -> bool {
    if field == "deleted" {
        if value == Value::Bool(true) {
            data.checkins.remove(index);
        }
        return true;
    }
    let c: &mut CheckIn = Arc::make_mut(&mut data.checkins[index]);
    if let Some(kr) = field.strip_prefix("entries.") {
        let at = c.entries.iter().position(|e| e.key_result == kr);
        if value.is_null() {
            if let Some(i) = at {
                c.entries.remove(i);
            }
            return true;
        }
        let Ok(entry) = serde_json::from_value::<CheckInEntry>(value) else {
            return false;
        };
        c.set_entry(entry);
        return true;
    }
    set_in(c, field, value)
}
