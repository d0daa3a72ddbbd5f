//! Whose each value of a conflict is, and from which day, where the file
//! knows: a value recorded for a day by who recorded it, a Mål's field by
//! who changed the Mål last, a check-in's by its owner. git's "ours" and
//! "theirs" swap during a rebase; a person's name does not.

use chrono::NaiveDate;

use super::items::checkin_item;
use crate::model::{Conflict, Data};

/// Notes on `c` who made each side's value and when, where the file names
/// the person (a day alone tells nobody apart).
pub fn annotate(c: &mut Conflict, ours: &Data, theirs: &Data) {
    let named = |(by, on): (Option<String>, Option<NaiveDate>)| match by {
        Some(by) => (Some(by), on),
        None => (None, None),
    };
    (c.ours_by, c.ours_on) = named(whose(ours, &c.item, &c.field));
    (c.theirs_by, c.theirs_on) = named(whose(theirs, &c.item, &c.field));
}

fn whose(side: &Data, item: &str, field: &str) -> (Option<String>, Option<NaiveDate>) {
    if let Some(day) = field.strip_prefix("history.") {
        // `2026-11-24`, or `2026-11-24#2` for the second entry of that day.
        let (date, nth) = match day.split_once('#') {
            Some((d, n)) => (d, n.parse::<usize>().unwrap_or(1).saturating_sub(1)),
            None => (day, 0),
        };
        let date: Option<NaiveDate> = date.parse().ok();
        let entry = side
            .objectives
            .iter()
            .find_map(|o| o.key_result(item))
            .and_then(|k| k.history.iter().filter(|h| Some(h.date) == date).nth(nth));
        return (entry.and_then(|h| h.by.clone()), date);
    }
    let holder = side.objectives.iter().find(|o| {
        o.id == item || o.key_result(item).is_some() || o.initiatives.iter().any(|u| u.id == item)
    });
    if let Some(o) = holder {
        let day = o.updated.with_timezone(&chrono::Local).date_naive();
        return (o.updated_by.clone(), Some(day));
    }
    match side.checkins.iter().find(|c| checkin_item(c) == item) {
        Some(c) => (c.owner.clone(), Some(c.date)),
        None => (None, None),
    }
}
