//! The three-way merge of a list of items with keys (Mål by id, check-ins by
//! week and owner, history entries by date, …): the order of the sides, then
//! each key's item from the rules of PRODUCT.md section 9.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// What became of one key (for the caller's conflicts and counts).
pub enum Outcome<'a, T> {
    /// Both sides have it and changed it differently: the caller merges
    /// (`base` is `None` when both added it).
    Both(Option<&'a T>, &'a T, &'a T),
    /// One side deleted it, the other changed it: it is kept (the changed
    /// one); `ours_deleted` says which side deleted it.
    DeletedChanged { kept: &'a T, ours_deleted: bool },
}

/// Merges three lists keyed by `key`. Items equal on both sides, or changed
/// on one side only, are decided here; the rest go to `decide`, which gives
/// the item to keep (or `None`). The order is ours, with their additions
/// after their predecessor; when only they reordered what was there, theirs.
pub fn merge_keyed<'a, T: PartialEq + Clone, K: Eq + Hash + Clone>(
    base: &'a [T],
    ours: &'a [T],
    theirs: &'a [T],
    key: impl Fn(&T) -> K,
    mut decide: impl FnMut(Outcome<'a, T>) -> Option<T>,
) -> Vec<T> {
    let b: HashMap<K, &T> = base.iter().map(|x| (key(x), x)).collect();
    let o: HashMap<K, &T> = ours.iter().map(|x| (key(x), x)).collect();
    let t: HashMap<K, &T> = theirs.iter().map(|x| (key(x), x)).collect();
    let ours_keys: Vec<K> = ours.iter().map(&key).collect();
    let theirs_keys: Vec<K> = theirs.iter().map(&key).collect();
    let base_keys: Vec<K> = base.iter().map(&key).collect();
    let order = if !reordered(&base_keys, &ours_keys, &b) && reordered(&base_keys, &theirs_keys, &b)
    {
        interleave(&theirs_keys, &ours_keys)
    } else {
        interleave(&ours_keys, &theirs_keys)
    };
    let mut out = Vec::with_capacity(order.len());
    for k in order {
        let item = match (b.get(&k).copied(), o.get(&k).copied(), t.get(&k).copied()) {
            (_, Some(x), Some(y)) if x == y => Some(x.clone()),
            (Some(base), Some(x), Some(y)) if x == base => Some(y.clone()),
            (Some(base), Some(x), Some(y)) if y == base => Some(x.clone()),
            (base, Some(x), Some(y)) => decide(Outcome::Both(base, x, y)),
            (None, Some(x), None) | (None, None, Some(x)) => Some(x.clone()),
            (Some(base), None, Some(y)) if y == base => None,
            (Some(base), Some(x), None) if x == base => None,
            (Some(_), None, Some(y)) => decide(Outcome::DeletedChanged {
                kept: y,
                ours_deleted: true,
            }),
            (Some(_), Some(x), None) => decide(Outcome::DeletedChanged {
                kept: x,
                ours_deleted: false,
            }),
            (_, None, None) => None,
        };
        out.extend(item);
    }
    out
}

/// Whether a side changed the order of the items it kept from the base.
fn reordered<K: Eq + Hash>(base: &[K], side: &[K], in_base: &HashMap<K, &impl Sized>) -> bool {
    let kept: HashSet<&K> = side.iter().filter(|k| in_base.contains_key(*k)).collect();
    let from_base = base.iter().filter(|k| kept.contains(k));
    let from_side = side.iter().filter(|k| in_base.contains_key(*k));
    !from_base.eq(from_side)
}

/// The keys of `first` in its order, each key only `second` has placed after
/// the nearest key before it in `second` that `first` has (at the front when none).
fn interleave<K: Eq + Hash + Clone>(first: &[K], second: &[K]) -> Vec<K> {
    let in_first: HashSet<&K> = first.iter().collect();
    let mut front = Vec::new();
    let mut after: HashMap<&K, Vec<&K>> = HashMap::new();
    let mut anchor: Option<&K> = None;
    for k in second {
        if in_first.contains(k) {
            anchor = Some(k);
        } else {
            match anchor {
                Some(a) => after.entry(a).or_default().push(k),
                None => front.push(k),
            }
        }
    }
    let mut out: Vec<K> = front.into_iter().cloned().collect();
    for k in first {
        out.push(k.clone());
        if let Some(more) = after.get(k) {
            out.extend(more.iter().map(|k| (*k).clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &[&str], ours: &[&str], theirs: &[&str]) -> Vec<String> {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (b, o, t) = (s(base), s(ours), s(theirs));
        merge_keyed(&b, &o, &t, |x| x.clone(), |_| None)
    }

    #[test]
    fn additions_of_both_sides_are_kept_after_their_predecessor() {
        assert_eq!(
            run(&["a", "b"], &["a", "x", "b"], &["a", "b", "y"]),
            ["a", "x", "b", "y"]
        );
        assert_eq!(run(&["a"], &["a"], &["y", "a"]), ["y", "a"]);
    }

    #[test]
    fn a_delete_of_an_untouched_item_wins() {
        assert_eq!(
            run(&["a", "b", "c"], &["a", "c"], &["a", "b", "c"]),
            ["a", "c"]
        );
        assert_eq!(
            run(&["a", "b", "c"], &["a", "b", "c"], &["c", "a"]),
            ["c", "a"]
        );
    }

    #[test]
    fn a_reorder_on_one_side_survives_whichever_side_it_is() {
        // The added `d` follows its predecessor `c`, wherever `c` went.
        let abc = ["a", "b", "c"];
        assert_eq!(
            run(&abc, &["c", "b", "a"], &["a", "b", "c", "d"]),
            ["c", "d", "b", "a"]
        );
        assert_eq!(
            run(&abc, &["a", "b", "c", "d"], &["c", "b", "a"]),
            ["c", "d", "b", "a"]
        );
    }
}
