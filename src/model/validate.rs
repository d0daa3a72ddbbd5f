//! The value rules of a file that parsed (PRODUCT.md section 7): numbers in
//! their ranges and finite, ids unique and with room to count on, links that
//! resolve, one check-in a week, no parent cycles, no control character in an
//! id and no NUL in a text.
//!
//! One pass over the store with hash maps, so a large file is checked in
//! about the time it takes to walk it. The first broken rule found is
//! returned (in file order; a circle of parents once every Mål is read); the
//! store reports it and leaves the file as it was.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::checkin::CheckIn;
use super::conflict::Conflict;
use super::data::{Data, MAX_ID_NUMBER, NextIds, any_id_number};
use super::objective::{KeyResult, Measure, Objective};
use super::week::IsoWeek;

/// What holds a broken value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Objective(String),
    KeyResult(String),
    Initiative(String),
    /// A check-in, by its week.
    CheckIn(IsoWeek),
    /// The `next_ids` counters at the top level.
    NextIds,
    /// An entry of the conflicts list, by its place in it.
    Conflict(usize),
}

/// The rule a value breaks, with the value where it helps to show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// A confidence must be a whole number from 1 to 10.
    Confidence(u8),
    /// A score must be from 0 to 1.
    Score(f64),
    /// A pulse rating must be from 1 to 5.
    Pulse(u8),
    /// A number must be finite.
    NotFinite,
    /// An id may not be empty.
    EmptyId,
    /// Another item has the same id (ignoring the case of ASCII letters, as
    /// `okr update` finds ids).
    DuplicateId,
    /// The number in an id or a counter is above [`MAX_ID_NUMBER`].
    IdTooLarge(u64),
    /// An Uppgift links to a key result its Mål does not have (the link).
    NoSuchKeyResult(String),
    /// A second check-in for one week and owner.
    WeekTwice,
    /// Following the parents comes back here: the ids around the circle,
    /// the first one again at the end.
    ParentCycle(Vec<String>),
    /// Following `carried_from` comes back here: the ids around the circle.
    CarryCycle(Vec<String>),
    /// A control character in an id, or NUL in a text.
    ControlCharacter(char),
    /// A quarter outside the years okr knows (the year).
    QuarterOutOfRange(i32),
    /// `until` is not a quarter after the Mål's own, or the Mål is a year's.
    UntilNotAfter,
    /// A Mål spans more quarters than [`crate::model::term::MAX_SPAN`] (how many).
    SpanTooLong(usize),
}

/// A broken rule: which item, which field (as named in the file, relative to
/// the item: `confidence`, `history[2].confidence`, `pulse.safety`), which rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    pub item: Item,
    pub field: String,
    pub rule: Rule,
}

/// Checks every value rule; the first broken one found.
pub fn validate(data: &Data) -> Result<(), Broken> {
    let count = data
        .objectives
        .iter()
        .map(|o| 1 + o.key_results.len() + o.initiatives.len())
        .sum();
    let mut ids = Ids {
        all: HashMap::with_capacity(count),
    };
    for (index, o) in data.objectives.iter().enumerate() {
        objective(o, index, &mut ids)?;
    }
    parent_cycle(&data.objectives)?;
    carry_cycle(&data.objectives)?;
    // One check-in a week per owner (names as people type them).
    let mut weeks = std::collections::HashSet::with_capacity(data.checkins.len());
    for c in &data.checkins {
        checkin(c)?;
        let owner = c.owner.as_deref().map(|o| o.trim().to_lowercase());
        if !weeks.insert((c.week, owner)) {
            return Err(Broken {
                item: Item::CheckIn(c.week),
                field: "week".into(),
                rule: Rule::WeekTwice,
            });
        }
    }
    for (n, c) in data.conflicts.iter().enumerate() {
        conflict(c, n)?;
    }
    next_ids(&data.next_ids)
}

/// The first character of `text` that may not be there: any control
/// character, except a line break or a tab when `multi_line`.
pub fn control_character(text: &str, multi_line: bool) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !(multi_line && matches!(c, '\n' | '\t')))
}

/// Where an error about an item is: the item, the field, then the rule.
struct At<'a> {
    item: &'a dyn Fn() -> Item,
}

impl At<'_> {
    fn broken(&self, field: impl Into<String>, rule: Rule) -> Broken {
        Broken {
            item: (self.item)(),
            field: field.into(),
            rule,
        }
    }

    /// An id is typed on the command line: no control character at all.
    fn id(&self, field: &str, id: &str) -> Result<(), Broken> {
        match control_character(id, false) {
            Some(c) => Err(self.broken(field, Rule::ControlCharacter(c))),
            None => Ok(()),
        }
    }

    /// A text may hold anything but NUL, which no text means and many tools
    /// take for its end: every other control character is shown neutralised
    /// wherever okr prints the text (`crate::text`), never acted on.
    fn text(&self, field: &str, text: &str, _multi_line: bool) -> Result<(), Broken> {
        match text.chars().find(|c| *c == '\0') {
            Some(c) => Err(self.broken(field, Rule::ControlCharacter(c))),
            None => Ok(()),
        }
    }

    fn finite(&self, field: impl FnOnce() -> String, value: f64) -> Result<(), Broken> {
        if value.is_finite() {
            Ok(())
        } else {
            Err(self.broken(field(), Rule::NotFinite))
        }
    }

    fn confidence(&self, field: impl FnOnce() -> String, value: u8) -> Result<(), Broken> {
        if (1..=10).contains(&value) {
            Ok(())
        } else {
            Err(self.broken(field(), Rule::Confidence(value)))
        }
    }
}

/// An id compared as `okr update` finds it: ASCII letters in any case.
#[derive(Clone, Copy)]
struct NoCase<'a>(&'a str);

impl Hash for NoCase<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        // Lower-cased a chunk at a time: one call to the hasher per chunk.
        let mut buf = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(buf.len()) {
            let lower = &mut buf[..chunk.len()];
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            h.write(lower);
        }
        h.write_u8(0xff);
    }
}

impl PartialEq for NoCase<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for NoCase<'_> {}

/// Every id seen so far; for a key result, its exact id and its Mål's index.
struct Ids<'a> {
    all: HashMap<NoCase<'a>, Option<(&'a str, usize)>>,
}

impl<'a> Ids<'a> {
    /// Checks an id and notes it; `objective` is the Mål's index for a key result.
    fn add(&mut self, at: &At, id: &'a str, key_result_of: Option<usize>) -> Result<(), Broken> {
        if id.trim().is_empty() {
            return Err(at.broken("id", Rule::EmptyId));
        }
        at.id("id", id)?;
        if let Some((_, n)) = any_id_number(id)
            && n > MAX_ID_NUMBER
        {
            return Err(at.broken("id", Rule::IdTooLarge(n)));
        }
        let value = key_result_of.map(|o| (id, o));
        if self.all.insert(NoCase(id), value).is_some() {
            return Err(at.broken("id", Rule::DuplicateId));
        }
        Ok(())
    }

    /// Whether `link` is exactly the id of a key result of Mål `objective`.
    fn is_key_result_of(&self, link: &str, objective: usize) -> bool {
        matches!(self.all.get(&NoCase(link)), Some(Some((id, o))) if *id == link && *o == objective)
    }
}

fn objective<'a>(o: &'a Objective, index: usize, ids: &mut Ids<'a>) -> Result<(), Broken> {
    let item = || Item::Objective(o.id.clone());
    let at = At { item: &item };
    ids.add(&at, &o.id, None)?;
    objective_values(o, &at)?;
    for k in &o.key_results {
        key_result(k, index, ids)?;
    }
    for u in &o.initiatives {
        let item = || Item::Initiative(u.id.clone());
        let at = At { item: &item };
        ids.add(&at, &u.id, None)?;
        at.text("title", &u.title, false)?;
        if let Some(owner) = &u.owner {
            at.text("owner", owner, false)?;
        }
        if let Some(link) = &u.key_result
            && !ids.is_key_result_of(link, index)
        {
            return Err(at.broken("key_result", Rule::NoSuchKeyResult(link.clone())));
        }
    }
    Ok(())
}

/// A Mål's own values, in the order [`validate`] checks them.
fn objective_values(o: &Objective, at: &At) -> Result<(), Broken> {
    at.text("title", &o.title, false)?;
    at.text("why", &o.why, true)?;
    if !o.quarter.in_bounds() {
        return Err(at.broken("quarter", Rule::QuarterOutOfRange(o.quarter.year)));
    }
    if let Some(until) = o.until {
        if !until.in_bounds() {
            return Err(at.broken("until", Rule::QuarterOutOfRange(until.year)));
        }
        if until.is_year() || o.quarter.is_year() || until <= o.quarter {
            return Err(at.broken("until", Rule::UntilNotAfter));
        }
        let quarters = super::term::span_length(o.quarter, until);
        if quarters > super::term::MAX_SPAN {
            return Err(at.broken("until", Rule::SpanTooLong(quarters)));
        }
    }
    for (field, text) in [
        ("owner", &o.owner),
        ("updated_by", &o.updated_by),
        ("parent", &o.parent),
        ("carried_from", &o.carried_from),
    ] {
        if let Some(text) = text {
            at.text(field, text, false)?;
        }
    }
    if let Some(score) = o.score {
        at.finite(|| "score".into(), score)?;
        if !(0.0..=1.0).contains(&score) {
            return Err(at.broken("score", Rule::Score(score)));
        }
    }
    at.text("retro.went_well", &o.retro.went_well, true)?;
    at.text("retro.to_change", &o.retro.to_change, true)
}

fn key_result<'a>(k: &'a KeyResult, objective: usize, ids: &mut Ids<'a>) -> Result<(), Broken> {
    let item = || Item::KeyResult(k.id.clone());
    let at = At { item: &item };
    ids.add(&at, &k.id, Some(objective))?;
    at.text("title", &k.title, false)?;
    let numbers: &[(&str, f64)] = match &k.measure {
        Measure::Numeric(n) => &[
            ("start", n.start),
            ("target", n.target),
            ("current", n.current),
        ],
        Measure::Done(_) => &[],
        Measure::AtLeast(l) | Measure::AtMost(l) => &[("level", l.level), ("current", l.current)],
    };
    for (name, value) in numbers {
        at.finite(|| format!("measure.{name}"), *value)?;
    }
    at.text("measure.unit", k.measure.unit(), false)?;
    if let Some(from) = &k.carried_from {
        at.text("carried_from", from, false)?;
    }
    at.finite(|| "weight".into(), k.weight)?;
    at.confidence(|| "confidence".into(), k.confidence)?;
    for (n, h) in k.history.iter().enumerate() {
        at.finite(|| format!("history[{n}].value"), h.value)?;
        if let Some(c) = h.confidence {
            at.confidence(|| format!("history[{n}].confidence"), c)?;
        }
        if let Some(by) = &h.by {
            at.text(&format!("history[{n}].by"), by, false)?;
        }
        if control_character(&h.note, true).is_some() {
            at.text(&format!("history[{n}].note"), &h.note, true)?;
        }
    }
    Ok(())
}

fn checkin(c: &CheckIn) -> Result<(), Broken> {
    let item = || Item::CheckIn(c.week);
    let at = At { item: &item };
    for (n, e) in c.entries.iter().enumerate() {
        if control_character(&e.key_result, false).is_some() {
            at.id(&format!("entries[{n}].key_result"), &e.key_result)?;
        }
        at.finite(|| format!("entries[{n}].value"), e.value)?;
        at.confidence(|| format!("entries[{n}].confidence"), e.confidence)?;
        if control_character(&e.note, true).is_some() {
            at.text(&format!("entries[{n}].note"), &e.note, true)?;
        }
    }
    if let Some(owner) = &c.owner {
        at.text("owner", owner, false)?;
    }
    at.text("wins", &c.wins, true)?;
    at.text("blockers", &c.blockers, true)?;
    at.text("next_steps", &c.next_steps, true)?;
    for (n, line) in c.done.iter().enumerate() {
        at.text(&format!("done[{n}]"), line, false)?;
    }
    for (n, id) in c.skipped.iter().enumerate() {
        if control_character(id, false).is_some() {
            at.id(&format!("skipped[{n}]"), id)?;
        }
    }
    if let Some(p) = &c.pulse {
        let names = ["structure", "safety", "meaning", "dependability", "impact"];
        for (name, rating) in names.into_iter().zip(p.ratings()) {
            if !(1..=5).contains(&rating) {
                return Err(at.broken(format!("pulse.{name}"), Rule::Pulse(rating)));
            }
        }
    }
    Ok(())
}

/// An entry of the conflicts list: its texts, and every text in its two
/// values, hold no NUL either.
fn conflict(c: &Conflict, n: usize) -> Result<(), Broken> {
    let item = || Item::Conflict(n);
    let at = At { item: &item };
    at.text("item", &c.item, false)?;
    at.text("field", &c.field, false)?;
    for (field, by) in [("ours_by", &c.ours_by), ("theirs_by", &c.theirs_by)] {
        if let Some(by) = by {
            at.text(field, by, false)?;
        }
    }
    for (field, value) in [("ours", &c.ours), ("theirs", &c.theirs)] {
        if let Some(c) = value_nul(value) {
            return Err(at.broken(field, Rule::ControlCharacter(c)));
        }
    }
    Ok(())
}

/// A NUL in any text of a JSON value (its strings and its keys).
fn value_nul(v: &serde_json::Value) -> Option<char> {
    use serde_json::Value;
    let nul = |s: &str| s.contains('\0').then_some('\0');
    match v {
        Value::String(s) => nul(s),
        Value::Array(a) => a.iter().find_map(value_nul),
        Value::Object(o) => o.iter().find_map(|(k, v)| nul(k).or_else(|| value_nul(v))),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn next_ids(n: &NextIds) -> Result<(), Broken> {
    for (name, value) in [("o", n.o), ("kr", n.kr), ("u", n.u)] {
        if value > MAX_ID_NUMBER {
            return Err(Broken {
                item: Item::NextIds,
                field: format!("next_ids.{name}"),
                rule: Rule::IdTooLarge(value),
            });
        }
    }
    Ok(())
}

/// A Mål whose parents lead back to it. Each Mål has at most one parent, so
/// one walk per Mål that stops at a Mål an earlier walk saw finds every
/// circle in time proportional to the number of Mål. A parent that names no
/// Mål (one deleted since) ends the walk: the Mål then stands at the top.
pub(crate) fn parent_cycle(objectives: &[Arc<Objective>]) -> Result<(), Broken> {
    match cycle(objectives, |o| o.parent.as_deref()) {
        Some(ids) => Err(Broken {
            item: Item::Objective(ids[0].clone()),
            field: "parent".into(),
            rule: Rule::ParentCycle(ids),
        }),
        None => Ok(()),
    }
}

/// A Mål carried from one that was (after some carries) carried from it: a
/// file written by hand, which no walk back through the carries could end.
fn carry_cycle(objectives: &[Arc<Objective>]) -> Result<(), Broken> {
    match cycle(objectives, |o| o.carried_from.as_deref()) {
        Some(ids) => Err(Broken {
            item: Item::Objective(ids[0].clone()),
            field: "carried_from".into(),
            rule: Rule::CarryCycle(ids),
        }),
        None => Ok(()),
    }
}

/// The ids around the first circle that following `link` from Mål to Mål
/// makes, the first one again at the end.
fn cycle(
    objectives: &[Arc<Objective>],
    link: impl Fn(&Objective) -> Option<&str>,
) -> Option<Vec<String>> {
    if objectives.iter().all(|o| link(o).is_none()) {
        return None;
    }
    let index: HashMap<&str, usize> = objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let parent_of = |i: usize| link(&objectives[i]).and_then(|p| index.get(p).copied());
    // The walk that first reached each Mål (walks are numbered from 1).
    let mut reached_by = vec![0usize; objectives.len()];
    for start in 0..objectives.len() {
        if reached_by[start] != 0 {
            continue;
        }
        let walk = start + 1;
        let mut at = start;
        reached_by[at] = walk;
        while let Some(next) = parent_of(at) {
            if reached_by[next] == walk {
                return Some(circle(objectives, next, parent_of));
            }
            if reached_by[next] != 0 {
                break;
            }
            reached_by[next] = walk;
            at = next;
        }
    }
    None
}

/// The ids around the circle through `first`.
fn circle(
    objectives: &[Arc<Objective>],
    first: usize,
    parent_of: impl Fn(usize) -> Option<usize>,
) -> Vec<String> {
    let mut ids = vec![objectives[first].id.clone()];
    let mut at = parent_of(first);
    while let Some(i) = at {
        ids.push(objectives[i].id.clone());
        if i == first || ids.len() > objectives.len() {
            break;
        }
        at = parent_of(i);
    }
    ids
}

#[cfg(test)]
mod tests;
