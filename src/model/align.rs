//! Alignment: Mål serving a parent Mål, drawn as a tree. A parent may be in
//! the same quarter or another quarter of the same year; what a parent's
//! progress takes from its children is [`super::numbers`].

use std::collections::{HashMap, HashSet};

use super::data::Data;
use super::objective::Objective;

/// Each Mål's children (indexes into `data.objectives`, in file order), by
/// the parent's id.
pub type Children = HashMap<String, Vec<usize>>;

/// The children of every Mål with any.
pub fn children(data: &Data) -> Children {
    let mut out: Children = HashMap::new();
    for (i, o) in data.objectives.iter().enumerate() {
        if let Some(p) = &o.parent {
            out.entry(p.clone()).or_default().push(i);
        }
    }
    out
}

/// One row of a tree: the Mål's index, its depth (0 at the top), how
/// many children it has among the rows (shown or folded away) and, when it
/// is folded, how many Mål folding hides (children, theirs, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub index: usize,
    pub depth: usize,
    pub children: usize,
    pub hidden: usize,
}

/// `members` (indexes, in file order) as a tree: each Mål whose parent is
/// not among them at the top, in order, each followed by its children among
/// them, depth first. The children of a Mål whose id is in `folded` are
/// left out (the Mål itself stays, with its count of children).
pub fn tree(data: &Data, members: &[usize], folded: &HashSet<String>) -> Vec<Row> {
    let id_of = |i: usize| data.objective_at(i).map(|o| o.id.as_str());
    let here: HashMap<&str, usize> = members
        .iter()
        .filter_map(|i| id_of(*i).map(|id| (id, *i)))
        .collect();
    let mut kids: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for &i in members {
        let parent = data
            .objective_at(i)
            .and_then(|o| o.parent.as_deref())
            .and_then(|p| here.get(p))
            .filter(|p| **p != i);
        match parent {
            Some(p) => kids.entry(*p).or_default().push(i),
            None => roots.push(i),
        }
    }
    let mut out = Vec::with_capacity(members.len());
    let mut placed = HashSet::new();
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|r| (*r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        if !placed.insert(i) {
            continue;
        }
        let own = kids.get(&i).map_or(&[][..], Vec::as_slice);
        let open = id_of(i).is_none_or(|id| !folded.contains(id));
        out.push(Row {
            index: i,
            depth,
            children: own.len(),
            hidden: if open { 0 } else { below(&kids, i) },
        });
        if open {
            stack.extend(own.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

/// How many Mål are under `i` in `kids`, at any depth.
fn below(kids: &HashMap<usize, Vec<usize>>, i: usize) -> usize {
    let mut seen = HashSet::from([i]);
    let mut stack = vec![i];
    while let Some(j) = stack.pop() {
        for k in kids.get(&j).map_or(&[][..], Vec::as_slice) {
            if seen.insert(*k) {
                stack.push(*k);
            }
        }
    }
    seen.len() - 1
}

/// What a Mål serves: its parent, the parent's parent, … (indexes), nearest
/// first, as far as they are in the store.
pub fn serves(data: &Data, o: &Objective) -> Vec<usize> {
    let mut out = Vec::new();
    let mut next = o.parent.clone();
    while let Some(id) = next {
        match data.objective_index(&id) {
            Some(i) if !out.contains(&i) && out.len() < data.objectives.len() => {
                out.push(i);
                next = data.objectives[i].parent.clone();
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KeyResult, Kind, Measure, Quarter};

    /// o1 (no key results) ← o2 (half way) and o3 (no key results) ← o4 (done);
    /// o5 stands alone.
    fn store() -> Data {
        let q = Quarter { year: 2026, q: 4 };
        let mut data = Data::default();
        for (id, parent, reach) in [
            ("o1", None, None),
            ("o2", Some("o1"), Some(0.5)),
            ("o3", Some("o1"), None),
            ("o4", Some("o3"), Some(1.0)),
            ("o5", None, Some(0.2)),
        ] {
            let mut o =
                Objective::new(id.into(), id.into(), Kind::Committed, q, chrono::Utc::now());
            o.parent = parent.map(str::to_string);
            if let Some(r) = reach {
                let mut k = KeyResult::new(
                    format!("kr{id}"),
                    "k".into(),
                    Measure::numeric(0.0, 10.0, ""),
                );
                k.measure.set_current(10.0 * r);
                o.key_results.push(k);
            }
            data.objectives.push(o.into());
        }
        data
    }

    #[test]
    fn the_tree_puts_children_under_their_parent_and_folds() {
        let data = store();
        let all: Vec<usize> = (0..5).collect();
        let rows = |folded: &[&str]| {
            let folded = folded.iter().map(|s| s.to_string()).collect();
            tree(&data, &all, &folded)
                .iter()
                .map(|r| (r.index, r.depth, r.children, r.hidden))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rows(&[]),
            [
                (0, 0, 2, 0),
                (1, 1, 0, 0),
                (2, 1, 1, 0),
                (3, 2, 0, 0),
                (4, 0, 0, 0)
            ]
        );
        assert_eq!(
            rows(&["o3"]),
            [(0, 0, 2, 0), (1, 1, 0, 0), (2, 1, 1, 1), (4, 0, 0, 0)]
        );
        // Folding the top hides its two children and the grandchild: (+3).
        assert_eq!(rows(&["o1"]), [(0, 0, 2, 3), (4, 0, 0, 0)]);
        // A child whose parent is not among the members stands at the top.
        let some = [1, 3, 4];
        let t: Vec<usize> = tree(&data, &some, &HashSet::new())
            .iter()
            .map(|r| r.depth)
            .collect();
        assert_eq!(t, [0, 0, 0]);
        assert_eq!(serves(&data, &data.objectives[3]), [2, 0]);
    }
}
