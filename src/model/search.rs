//! Search by text over every quarter: Mål (title and why), key results,
//! Uppgifter and the notes of key results' history, case-insensitive. One
//! query costs one pass over the store; a query that only adds to the last
//! one filters the last one's matches instead.

use chrono::NaiveDate;

use super::data::Data;
use super::quarter::Quarter;

/// At most this many matches are kept for a query; more says "type more".
pub const MAX_HITS: usize = 500;

/// What a match is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// The Mål's title.
    Objective,
    /// The Mål's why.
    Why,
    /// One of its key results, by id.
    KeyResult(String),
    /// One of its Uppgifter, by id.
    Initiative(String),
    /// A note in a key result's history: its id, the entry's place and date.
    Note {
        key_result: String,
        entry: usize,
        date: NaiveDate,
    },
}

/// One match: where it is and the text that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub quarter: Quarter,
    /// The id of the Mål it is in (or is).
    pub objective: String,
    pub found: Found,
    pub text: String,
}

/// The matches of one query, newest quarter first, then in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hits {
    pub query: String,
    pub hits: Vec<Hit>,
    /// More matched than [`MAX_HITS`]: only the first are here.
    pub more: bool,
}

impl Hits {
    /// The matches of `query` (empty for an empty query). When `query`
    /// only adds to this one's and every match of this one is kept, this
    /// one's are filtered; else the store is searched.
    pub fn refined(&self, data: &Data, query: &str) -> Hits {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Hits::default();
        }
        let old = self.query.trim().to_lowercase();
        if !old.is_empty() && !self.more && needle.contains(&old) {
            let hits = self
                .hits
                .iter()
                .filter(|h| contains_folded(&h.text, &needle))
                .cloned()
                .collect();
            return Hits {
                query: query.to_string(),
                hits,
                more: false,
            };
        }
        search(data, query)
    }
}

/// Every match of `query` in the store: one pass over it.
pub fn search(data: &Data, query: &str) -> Hits {
    let needle = query.trim().to_lowercase();
    let mut out = Hits {
        query: query.to_string(),
        ..Hits::default()
    };
    if needle.is_empty() {
        return out;
    }
    let mut order: Vec<usize> = (0..data.objectives.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(data.objectives[*i].quarter));
    let push = |out: &mut Hits, hit: Hit| {
        if out.hits.len() < MAX_HITS {
            out.hits.push(hit);
            true
        } else {
            out.more = true;
            false
        }
    };
    for i in order {
        let o = &data.objectives[i];
        let hit = |found, text: &str| Hit {
            quarter: o.quarter,
            objective: o.id.clone(),
            found,
            text: text.to_string(),
        };
        for (found, text) in [(Found::Objective, &o.title), (Found::Why, &o.why)] {
            if contains_folded(text, &needle) && !push(&mut out, hit(found, text)) {
                return out;
            }
        }
        for k in &o.key_results {
            if contains_folded(&k.title, &needle)
                && !push(&mut out, hit(Found::KeyResult(k.id.clone()), &k.title))
            {
                return out;
            }
        }
        for it in &o.initiatives {
            if contains_folded(&it.title, &needle)
                && !push(&mut out, hit(Found::Initiative(it.id.clone()), &it.title))
            {
                return out;
            }
        }
        for k in &o.key_results {
            for (entry, h) in k.history.iter().enumerate().rev() {
                if h.note.is_empty() || !contains_folded(&h.note, &needle) {
                    continue;
                }
                let found = Found::Note {
                    key_result: k.id.clone(),
                    entry,
                    date: h.date,
                };
                if !push(&mut out, hit(found, &h.note)) {
                    return out;
                }
            }
        }
    }
    out
}

/// Whether `hay` holds `needle` (already lower case), ignoring case. Reads
/// `hay` in place, without a lower-case copy: an ASCII needle byte by byte
/// (an ASCII byte is never part of another character in UTF-8), any other
/// character by character, each of `hay` lowered as it is compared.
pub fn contains_folded(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.is_ascii() && hay.is_ascii() {
        let n = needle.as_bytes();
        return hay
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n));
    }
    let first = needle.chars().next();
    hay.char_indices().any(|(i, c)| {
        c.to_lowercase().next() == first && {
            let mut folded = hay[i..].chars().flat_map(char::to_lowercase);
            needle.chars().all(|n| folded.next() == Some(n))
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{Initiative, KeyResult, Kind, Measure, Objective};

    fn store() -> Data {
        let q3 = Quarter::new(2026, 3).unwrap();
        let q4 = Quarter::new(2026, 4).unwrap();
        let now = crate::model::now();
        let mut old = Objective::new("o1".into(), "Fler KUNDER".into(), Kind::Committed, q3, now);
        let mut k = KeyResult::new("kr1".into(), "Ring".into(), Measure::numeric(0.0, 9.0, ""));
        let day = NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
        k.record(day, 1.0, None, "två nya kunder".into(), None);
        old.key_results.push(k);
        let mut new = Objective::new("o2".into(), "Glada Kunder".into(), Kind::Committed, q4, now);
        new.initiatives
            .push(Initiative::new("u1".into(), "Kundträff".into()));
        Data {
            objectives: vec![Arc::new(old), Arc::new(new)],
            ..Data::default()
        }
    }

    #[test]
    fn every_quarter_is_searched_newest_first_ignoring_case() {
        let data = store();
        let hits = search(&data, "kund");
        let found: Vec<(&str, &Found)> = hits
            .hits
            .iter()
            .map(|h| (h.objective.as_str(), &h.found))
            .collect();
        assert_eq!(
            found,
            [
                ("o2", &Found::Objective),
                ("o2", &Found::Initiative("u1".into())),
                ("o1", &Found::Objective),
                (
                    "o1",
                    &Found::Note {
                        key_result: "kr1".into(),
                        entry: 0,
                        date: NaiveDate::from_ymd_opt(2026, 8, 3).unwrap()
                    }
                ),
            ]
        );
        assert!(search(&data, "   ").hits.is_empty());
        assert!(search(&data, "ÅÄÖ").hits.is_empty());
    }

    #[test]
    fn a_longer_query_filters_the_last_ones_matches() {
        let data = store();
        let first = search(&data, "kund");
        let refined = first.refined(&data, "kunder");
        assert_eq!(refined, search(&data, "kunder"));
        assert_eq!(refined.hits.len(), 3);
        // Filtering never looks at the store: an empty one gives the same.
        let none = Data::default();
        assert_eq!(first.refined(&none, "kunder").hits.len(), 3);
        // A new query searches again.
        assert_eq!(first.refined(&none, "ring").hits.len(), 0);
    }

    #[test]
    fn folding_matches_swedish_letters_in_any_case() {
        assert!(contains_folded("Kundträff", "träff"));
        assert!(contains_folded("KUNDTRÄFF", "träff"));
        assert!(contains_folded("abc", ""));
        assert!(!contains_folded("ab", "abc"));
        assert!(contains_folded("Öka SNITTFÖRSÄLJNING", "försälj"));
        assert!(!contains_folded("Öka snittförsäljning", "ok"));
        assert!(contains_folded("Mål för KUNDER", "kunder"));
        assert!(!contains_folded("Mål", "måll"));
    }
}
