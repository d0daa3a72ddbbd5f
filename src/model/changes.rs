//! What changed between two versions of a data file, counted the way a
//! person tells a teammate: who checked in which week, how many values were
//! recorded, which Mål and key results came or went. `okr sync` words it
//! into a commit message. Pure: both versions are passed in.

use std::collections::{HashMap, HashSet};

use super::{CheckIn, Data, HistoryEntry, IsoWeek, KeyResult, Objective};

/// The changes from one version of a file to the next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The check-ins added or changed: whose (none in a one-person file)
    /// and which week, in file order.
    pub checked_in: Vec<(Option<String>, IsoWeek)>,
    /// Values recorded or corrected: history entries new or changed, or a
    /// current value changed without one.
    pub values: usize,
    pub new_objectives: usize,
    pub removed_objectives: usize,
    pub new_key_results: usize,
    pub removed_key_results: usize,
    /// Mål changed in other ways (a title, a score, an Uppgift, …).
    pub changed_objectives: usize,
    /// Conflicts resolved (fewer waiting than before).
    pub resolved: usize,
    /// The team settings changed.
    pub settings: bool,
    /// Who made the changes, as the file says, first seen first.
    pub by: Vec<String>,
}

impl Changes {
    /// Nothing a person would count (the file may still differ, in its
    /// layout or in fields this okr does not know).
    pub fn is_empty(&self) -> bool {
        self.checked_in.is_empty()
            && self.values == 0
            && self.new_objectives == 0
            && self.removed_objectives == 0
            && self.new_key_results == 0
            && self.removed_key_results == 0
            && self.changed_objectives == 0
            && self.resolved == 0
            && !self.settings
    }

    fn by(&mut self, name: Option<&str>) {
        if let Some(n) = name.map(str::trim).filter(|n| !n.is_empty())
            && !self.by.iter().any(|b| b.eq_ignore_ascii_case(n))
        {
            self.by.push(n.to_string());
        }
    }
}

/// What changed from `before` to `after`. Items are matched by id across
/// the whole file: a key result moved to another Mål is neither new nor
/// removed.
pub fn between(before: &Data, after: &Data) -> Changes {
    let mut c = Changes::default();
    checkins(before, after, &mut c);
    let old_krs: HashMap<&str, &KeyResult> = key_results(before).collect();
    let new_krs: HashMap<&str, &KeyResult> = key_results(after).collect();
    for (id, kr) in key_results(after) {
        match old_krs.get(id) {
            None => {
                c.new_key_results += 1;
                count_values(None, kr, &mut c);
            }
            Some(old) => count_values(Some(old), kr, &mut c),
        }
    }
    c.removed_key_results = old_krs
        .keys()
        .filter(|id| !new_krs.contains_key(*id))
        .count();
    let old_objectives: HashMap<&str, &Objective> = before
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), &**o))
        .collect();
    let new_ids: HashSet<&str> = after.objectives.iter().map(|o| o.id.as_str()).collect();
    for o in &after.objectives {
        match old_objectives.get(o.id.as_str()) {
            None => {
                c.new_objectives += 1;
                c.by(o.updated_by.as_deref());
            }
            Some(old) if !same_apart_from_values(old, o) => {
                c.changed_objectives += 1;
                c.by(o.updated_by.as_deref());
            }
            Some(_) => {}
        }
    }
    c.removed_objectives = old_objectives
        .keys()
        .filter(|id| !new_ids.contains(*id))
        .count();
    c.resolved = before.conflicts.len().saturating_sub(after.conflicts.len());
    c.settings = before.settings != after.settings;
    c
}

fn key_results(data: &Data) -> impl Iterator<Item = (&str, &KeyResult)> {
    data.objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(|k| (k.id.as_str(), k)))
}

/// The check-ins added or changed, by week and owner.
fn checkins(before: &Data, after: &Data, c: &mut Changes) {
    let key = |x: &CheckIn| (x.week, x.owner.as_deref().map(str::to_lowercase));
    let old: HashMap<_, &CheckIn> = before.checkins.iter().map(|x| (key(x), &**x)).collect();
    for x in &after.checkins {
        if old.get(&key(x)).is_some_and(|o| **o == **x) {
            continue;
        }
        c.checked_in.push((x.owner.clone(), x.week));
        c.by(x.owner.as_deref());
    }
}

/// The values of a key result recorded or corrected since `old`.
fn count_values(old: Option<&KeyResult>, kr: &KeyResult, c: &mut Changes) {
    let before: HashMap<_, &HistoryEntry> = old
        .map(|o| o.history.iter().map(|h| (h.date, h)).collect())
        .unwrap_or_default();
    let mut found = 0;
    for h in &kr.history {
        if before.get(&h.date).is_none_or(|b| *b != h) {
            found += 1;
            c.by(h.by.as_deref());
        }
    }
    if found == 0 && old.is_some_and(|o| o.measure.current() != kr.measure.current()) {
        found = 1;
    }
    c.values += found;
}

/// Whether a Mål is as it was, its key results' values and history aside
/// (those are counted as values).
fn same_apart_from_values(old: &Objective, new: &Objective) -> bool {
    let plain = |o: &Objective| {
        let mut o = o.clone();
        o.updated = old.updated;
        o.updated_by = None;
        for k in &mut o.key_results {
            k.history.clear();
            k.measure.set_current(0.0);
            k.confidence = 0;
        }
        o
    };
    plain(old) == plain(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckInEntry, Extra, Kind, Measure, Quarter};

    fn data() -> Data {
        let mut d = Data::default();
        let mut o = Objective::new(
            "o1".into(),
            "Sälj".into(),
            Kind::Committed,
            Quarter::new(2027, 1).unwrap(),
            crate::model::now(),
        );
        for id in ["kr1", "kr2"] {
            o.key_results.push(KeyResult::new(
                id.into(),
                id.into(),
                Measure::numeric(0.0, 10.0, ""),
            ));
        }
        d.objectives.push(o.into());
        d
    }

    fn day(d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2027, 2, d).unwrap()
    }

    #[test]
    fn a_check_in_with_values_says_whose_and_how_many() {
        let before = data();
        let mut after = before.clone();
        let o = std::sync::Arc::make_mut(&mut after.objectives[0]);
        for (k, v) in [(0, 3.0), (1, 4.0)] {
            let kr = &mut o.key_results[k];
            kr.record(day(1), v, Some(7), String::new(), None);
            if let Some(h) = kr.history.last_mut() {
                h.by = Some("Anna".into());
            }
        }
        let mut c = CheckIn::of(day(1), Some("Anna"));
        c.set_entry(CheckInEntry {
            key_result: "kr1".into(),
            value: 3.0,
            confidence: 7,
            note: String::new(),
            extra: Extra::new(),
        });
        after.checkins.push(c.into());
        let changes = between(&before, &after);
        assert_eq!(changes.values, 2);
        assert_eq!(
            changes.checked_in,
            [(Some("Anna".into()), "2027-W05".parse().unwrap())]
        );
        assert_eq!(changes.by, ["Anna"]);
        assert_eq!(
            changes.changed_objectives, 0,
            "values are not other changes"
        );
    }

    #[test]
    fn new_removed_and_moved_items_are_counted_by_id() {
        let before = data();
        let mut after = before.clone();
        let mut moved = Objective::new(
            "o2".into(),
            "Ny".into(),
            Kind::Committed,
            Quarter::new(2027, 1).unwrap(),
            crate::model::now(),
        );
        let o1 = std::sync::Arc::make_mut(&mut after.objectives[0]);
        moved.key_results.push(o1.key_results.remove(1));
        o1.key_results.remove(0);
        after.objectives.push(moved.into());
        let changes = between(&before, &after);
        assert_eq!(changes.new_objectives, 1);
        assert_eq!(changes.removed_key_results, 1, "kr1 went; kr2 moved");
        assert_eq!(changes.new_key_results, 0);
        assert_eq!(changes.changed_objectives, 1);
        assert!(between(&after, &after).is_empty());
    }
}
