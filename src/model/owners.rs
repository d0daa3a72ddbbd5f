//! Owners: whose Mål is whose, and the filter that narrows every screen and
//! report to one owner, to mine, or shows everyone. Names compare as people
//! type them: surrounding blanks and letter case do not matter.

use super::author::same;
use super::data::Data;
use super::objective::Objective;
use super::quarter::Quarter;

/// What `--owner` takes for "whoever I am".
pub const ME: &str = "me";

/// Whose Mål are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnerFilter {
    #[default]
    Everyone,
    /// The Mål of whoever I am.
    Mine,
    /// The Mål of one owner, by name.
    Owner(String),
}

/// `name` as the Mål spell it: the owner of one with the same name
/// whatever its case and blanks; else as given, trimmed.
pub fn spelled<'a, O: std::borrow::Borrow<Objective> + 'a>(
    objectives: impl IntoIterator<Item = &'a O>,
    name: &'a str,
) -> &'a str {
    objectives
        .into_iter()
        .filter_map(|o| o.borrow().owner.as_deref())
        .find(|w| same(w, name))
        .unwrap_or(name.trim())
}

/// Whether `o` is owned by `who`.
pub fn owned_by(o: &Objective, who: &str) -> bool {
    o.owner.as_deref().is_some_and(|w| same(w, who))
}

impl OwnerFilter {
    /// Whether the filter keeps `o`, for me (`None`: nobody said who I am,
    /// so nothing is mine).
    pub fn keeps(&self, o: &Objective, me: Option<&str>) -> bool {
        match self {
            OwnerFilter::Everyone => true,
            OwnerFilter::Mine => me.is_some_and(|me| owned_by(o, me)),
            OwnerFilter::Owner(who) => owned_by(o, who),
        }
    }

    /// The filter `--owner` asks for: `me` is mine, a name that owner's.
    pub fn from_flag(flag: &str) -> OwnerFilter {
        if same(flag, ME) {
            OwnerFilter::Mine
        } else {
            OwnerFilter::Owner(flag.trim().to_string())
        }
    }
}

/// Whether any Mål in the store has an owner: without one, okr is a
/// one-person tracker, as it always was.
pub fn any_owner(data: &Data) -> bool {
    data.objectives.iter().any(|o| o.owner.is_some())
}

/// The owners of a quarter's Mål, each once (as first written), in name order.
pub fn owners_in(data: &Data, quarter: Quarter) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, o) in data.in_quarter(quarter) {
        if let Some(w) = &o.owner {
            add_owner(&mut out, w);
        }
    }
    out.sort_by_key(|w| w.to_lowercase());
    out
}

/// The owners of every Mål of the file, each once (as first written), in
/// name order.
pub fn owners_in_file(data: &Data) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in data.objectives.iter().filter_map(|o| o.owner.as_deref()) {
        add_owner(&mut out, w);
    }
    out.sort_by_key(|w| w.to_lowercase());
    out
}

/// Adds `name` to `owners` unless the same person is there already.
pub fn add_owner(owners: &mut Vec<String>, name: &str) {
    if !owners.iter().any(|x| x == name || same(x, name)) {
        owners.push(name.trim().to_string());
    }
}

/// The filter after `current` in the cycle everyone → mine → each owner of
/// the quarter (but me) → everyone. Mine is left out when nobody said who I am.
pub fn next_filter(current: &OwnerFilter, owners: &[String], me: Option<&str>) -> OwnerFilter {
    let mut cycle = vec![OwnerFilter::Everyone];
    if me.is_some() {
        cycle.push(OwnerFilter::Mine);
    }
    cycle.extend(
        owners
            .iter()
            .filter(|w| !me.is_some_and(|me| same(w, me)))
            .map(|w| OwnerFilter::Owner(w.clone())),
    );
    let at = cycle.iter().position(|f| match (f, current) {
        (OwnerFilter::Owner(a), OwnerFilter::Owner(b)) => same(a, b),
        (a, b) => a == b,
    });
    match at {
        Some(i) => cycle[(i + 1) % cycle.len()].clone(),
        // An owner with nothing in this quarter: start again.
        None => OwnerFilter::Everyone,
    }
}

/// The store with only the Mål the filter keeps, and the check-ins of that
/// owner and of the whole file: what a report of one owner is made from.
pub fn only(data: &Data, filter: &OwnerFilter, me: Option<&str>) -> Data {
    if *filter == OwnerFilter::Everyone {
        return data.clone();
    }
    let mut out = data.clone();
    out.objectives.retain(|o| filter.keeps(o, me));
    let whose = match filter {
        OwnerFilter::Owner(w) => Some(w.as_str()),
        _ => me,
    };
    out.checkins
        .retain(|c| c.owner.is_none() || whose.is_some_and(|w| c.belongs_to(Some(w))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn with_owners(owners: &[Option<&str>]) -> Data {
        let q = Quarter { year: 2026, q: 4 };
        let mut data = Data::default();
        for (i, w) in owners.iter().enumerate() {
            let mut o = Objective::new(
                format!("o{i}"),
                "t".into(),
                Kind::Committed,
                q,
                chrono::Utc::now(),
            );
            o.owner = w.map(str::to_string);
            data.objectives.push(o.into());
        }
        data
    }

    #[test]
    fn the_filter_cycles_everyone_mine_then_each_other_owner() {
        let data = with_owners(&[Some("Bo"), Some("anna"), None, Some(" Anna"), Some("Cy")]);
        let owners = owners_in(&data, Quarter { year: 2026, q: 4 });
        assert_eq!(owners, ["anna", "Bo", "Cy"]);
        let me = Some("Anna");
        let mut f = OwnerFilter::Everyone;
        let mut seen = Vec::new();
        for _ in 0..4 {
            f = next_filter(&f, &owners, me);
            seen.push(f.clone());
        }
        assert_eq!(
            seen,
            [
                OwnerFilter::Mine,
                OwnerFilter::Owner("Bo".into()),
                OwnerFilter::Owner("Cy".into()),
                OwnerFilter::Everyone
            ]
        );
        assert_eq!(
            next_filter(&OwnerFilter::Everyone, &owners, None),
            OwnerFilter::Owner("anna".into())
        );
    }

    #[test]
    fn mine_keeps_my_mal_whatever_the_case_and_nothing_without_a_me() {
        let data = with_owners(&[Some("Anna "), Some("Bo"), None]);
        let kept = |f: &OwnerFilter, me| only(&data, f, me).objectives.len();
        assert_eq!(kept(&OwnerFilter::Mine, Some("anna")), 1);
        assert_eq!(kept(&OwnerFilter::Mine, None), 0);
        assert_eq!(kept(&OwnerFilter::from_flag("BO"), None), 1);
        assert_eq!(OwnerFilter::from_flag(" Me "), OwnerFilter::Mine);
        assert_eq!(kept(&OwnerFilter::Everyone, None), 3);
        assert!(any_owner(&data));
        assert!(!any_owner(&with_owners(&[None])));
    }
}
