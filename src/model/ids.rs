//! Ids (PRODUCT.md section 4): given once, never changed. A new id is its
//! kind's letters (`o` a Mål, `kr` a key result, `u` an Uppgift) and eight
//! letters drawn at random, so two people adding items offline never make
//! the same one (20 letters, eight of them: about 2.6·10¹⁰ ids a kind), and
//! nothing has to be renumbered when their files meet. Ids in files from
//! before (`o1`, `kr10`) stay what they are.
//!
//! Like git's short hashes and jj's change ids, an id is shown as the
//! shortest beginning no other id of the file shares, with at least three
//! of its random letters (`krbqx`), and every command takes any beginning
//! that names one id.

use std::collections::{BTreeMap, HashSet};

/// Each kind's letters at the start of its ids.
pub const OBJECTIVE_PREFIX: &str = "o";
pub const KEY_RESULT_PREFIX: &str = "kr";
pub const INITIATIVE_PREFIX: &str = "u";

/// The letters of the random part: no vowels (no words), no `l` (read as 1).
const LETTERS: &[u8; 20] = b"bcdfghjkmnpqrstvwxyz";

/// How many random letters a new id has.
pub const RANDOM_LEN: usize = 8;

/// The fewest random letters an id is shown with.
pub const SHOWN_MIN: usize = 3;

/// `count` new ids of a kind (`prefix`), all different, none of them in
/// `taken` (ids lower-cased).
pub fn new_ids(prefix: &str, count: usize, taken: &HashSet<String>) -> Vec<String> {
    let mut rng = fastrand::Rng::new();
    let mut made: Vec<String> = Vec::with_capacity(count);
    while made.len() < count {
        let mut id = String::with_capacity(prefix.len() + RANDOM_LEN);
        id.push_str(prefix);
        for _ in 0..RANDOM_LEN {
            id.push(char::from(LETTERS[rng.usize(..LETTERS.len())]));
        }
        if !taken.contains(&id) && !made.contains(&id) {
            made.push(id);
        }
    }
    made
}

/// The kind's letters of an id okr made at random, or `None` for any other
/// id (one from before, or one written by hand).
pub fn kind_of(id: &str) -> Option<&'static str> {
    [KEY_RESULT_PREFIX, OBJECTIVE_PREFIX, INITIATIVE_PREFIX]
        .into_iter()
        .find(|p| {
            id.strip_prefix(p).is_some_and(|rest| {
                rest.len() == RANDOM_LEN && rest.bytes().all(|b| LETTERS.contains(&b))
            })
        })
}

/// Every id of a store, sorted, to show each by its shortest unique
/// beginning; kept up to date as items come and go.
#[derive(Clone, Debug, Default)]
pub struct ShortIds {
    /// Each id lower-cased, and how many items have it (one, in a valid file).
    sorted: BTreeMap<String, u32>,
}

impl ShortIds {
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>) -> ShortIds {
        let mut short = ShortIds::default();
        short.add(ids);
        short
    }

    pub fn add<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        for id in ids {
            *self.sorted.entry(id.to_ascii_lowercase()).or_insert(0) += 1;
        }
    }

    pub fn remove<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        for id in ids {
            let id = id.to_ascii_lowercase();
            if let Some(n) = self.sorted.get_mut(&id) {
                *n -= 1;
                if *n == 0 {
                    self.sorted.remove(&id);
                }
            }
        }
    }

    /// How `id` is shown: an id okr made at random, by the shortest
    /// beginning no other id shares (at least [`SHOWN_MIN`] random letters);
    /// any other id whole.
    pub fn shown<'a>(&self, id: &'a str) -> &'a str {
        let Some(kind) = kind_of(id) else {
            return id;
        };
        use std::ops::Bound::{Excluded, Unbounded};
        let shared = |x: Option<(&String, &u32)>| {
            x.map_or(0, |(x, _)| common_prefix(x.as_bytes(), id.as_bytes()))
        };
        let before = self
            .sorted
            .range::<str, _>((Unbounded, Excluded(id)))
            .next_back();
        let after = self
            .sorted
            .range::<str, _>((Excluded(id), Unbounded))
            .next();
        let needed = shared(before).max(shared(after)) + 1;
        let len = needed.max(kind.len() + SHOWN_MIN).min(id.len());
        id.get(..len).unwrap_or(id)
    }
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// What a typed id names among `ids`.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The id itself (case aside), or the one id it begins.
    One(&'a str),
    /// No id is it or begins with it.
    None,
    /// It begins several ids (the first few, sorted).
    Many(Vec<&'a str>),
}

/// The id `typed` names: the id itself (ignoring the case of its letters),
/// else the one id it is the beginning of.
pub fn lookup<'a>(ids: impl Iterator<Item = &'a str> + Clone, typed: &str) -> Lookup<'a> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Lookup::None;
    }
    if let Some(id) = ids.clone().find(|id| id.eq_ignore_ascii_case(typed)) {
        return Lookup::One(id);
    }
    let begins = |id: &&str| {
        id.get(..typed.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(typed))
    };
    let mut found: Vec<&str> = ids.filter(begins).collect();
    match found.len() {
        0 => Lookup::None,
        1 => Lookup::One(found[0]),
        _ => {
            found.sort_unstable();
            found.truncate(8);
            Lookup::Many(found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_of_their_kind_random_and_never_taken() {
        let taken: HashSet<String> = ["krbbbbbbbb".to_string()].into();
        let ids = new_ids("kr", 500, &taken);
        assert_eq!(ids.len(), 500);
        let distinct: HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), 500);
        for id in &ids {
            assert_eq!(kind_of(id), Some("kr"), "{id}");
            assert!(!taken.contains(id));
        }
        assert_ne!(new_ids("o", 1, &taken), new_ids("o", 1, &taken));
    }

    #[test]
    fn an_id_is_shown_by_its_shortest_unique_beginning() {
        let all = ["krbcdfghjk", "krbcdxxxxx", "obbbbbbbb", "kr10", "o1"];
        let short = ShortIds::new(all.into_iter());
        assert_eq!(short.shown("krbcdfghjk"), "krbcdf");
        assert_eq!(short.shown("krbcdxxxxx"), "krbcdx");
        assert_eq!(
            short.shown("obbbbbbbb"),
            "obbb",
            "three random letters at least"
        );
        assert_eq!(short.shown("kr10"), "kr10", "ids from before, whole");
        assert_eq!(short.shown("my-own-id"), "my-own-id");
        // Alone in a file, still three letters.
        let mut one = ShortIds::new(["ubcdfghjk"].into_iter());
        assert_eq!(one.shown("ubcdfghjk"), "ubcd");
        // Kept up to date as items come and go.
        one.add(["ubcdfxxxx"].into_iter());
        assert_eq!(one.shown("ubcdfghjk"), "ubcdfg");
        one.remove(["ubcdfxxxx"].into_iter());
        assert_eq!(one.shown("ubcdfghjk"), "ubcd");
    }

    #[test]
    fn a_typed_id_or_any_unique_beginning_finds_it() {
        let all = ["krbcdfghjk", "krbcdxxxxx", "kr1", "kr10"];
        let find = |typed| lookup(all.into_iter(), typed);
        assert_eq!(find("KRBCDF"), Lookup::One("krbcdfghjk"));
        assert_eq!(find("kr1"), Lookup::One("kr1"), "an exact id wins");
        assert_eq!(
            find("krbcd"),
            Lookup::Many(vec!["krbcdfghjk", "krbcdxxxxx"])
        );
        assert_eq!(find("krq"), Lookup::None);
        assert_eq!(find(""), Lookup::None);
    }
}
