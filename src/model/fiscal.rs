//! Changing the month a team's year starts. A file's quarters are keyed
//! by the team's year, so the change renames them: `2026 Q4` (October to
//! December) is `FY2027 Q2` in a year that starts in July. A quarter keeps
//! its dates under its new name; a change that would give a Mål other
//! dates (a quarter split between two, a year moved) is refused.

use std::collections::BTreeMap;

use super::data::Data;
use super::quarter::{FiscalYear, Quarter};

/// What a change of the start month does to a file's Mål.
#[derive(Clone, Debug, PartialEq)]
pub enum Relabel {
    /// The file's Mål with their quarters renamed, and each renamed
    /// quarter (old, new) with how many Mål it holds, in order.
    Renamed {
        data: Data,
        names: Vec<(Quarter, Quarter, usize)>,
    },
    /// The quarter (or year, under the old start) whose dates no quarter
    /// (or year) of the new start has.
    Moves(Quarter),
}

/// The quarter of `to` with the same days as `q` under `from`, if any.
fn same_days(q: Quarter, from: FiscalYear, to: FiscalYear) -> Option<Quarter> {
    let first = q.first_day(from);
    let new = if q.is_year() {
        Quarter::of(first, to).whole_year()
    } else {
        Quarter::of(first, to)
    };
    (new.dates(to) == q.dates(from) && new.in_bounds()).then_some(new)
}

/// `data` with the year starting as `to` says: every Mål's quarters
/// renamed to the ones with their days, and the setting changed; or the
/// first quarter that has no such one.
pub fn relabel(data: &Data, to: FiscalYear) -> Relabel {
    let from = data.fiscal_year();
    let mut out = data.clone();
    out.settings.fiscal_year = to;
    let mut names: BTreeMap<Quarter, (Quarter, usize)> = BTreeMap::new();
    for o in &mut out.objectives {
        let Some(quarter) = same_days(o.quarter, from, to) else {
            return Relabel::Moves(o.quarter);
        };
        let until = match o.until {
            Some(u) => match same_days(u, from, to) {
                Some(new) => Some(new),
                None => return Relabel::Moves(u),
            },
            None => None,
        };
        names.entry(o.quarter).or_insert((quarter, 0)).1 += 1;
        if (quarter, until) != (o.quarter, o.until) {
            let o = std::sync::Arc::make_mut(o);
            o.quarter = quarter;
            o.until = until;
        }
    }
    Relabel::Renamed {
        data: out,
        names: names
            .into_iter()
            .filter(|(old, (new, _))| old != new)
            .map(|(old, (new, n))| (old, new, n))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{Kind, Objective};

    fn data(quarters: &[(&str, Option<&str>)]) -> Data {
        let mut data = Data::default();
        for (i, (q, until)) in quarters.iter().enumerate() {
            let mut o = Objective::new(
                format!("o{i}"),
                "Mål".into(),
                Kind::Committed,
                q.parse().unwrap(),
                crate::model::now(),
            );
            o.until = until.map(|u| u.parse().unwrap());
            data.objectives.push(Arc::new(o));
        }
        data
    }

    #[test]
    fn a_july_start_renames_calendar_quarters_by_their_days() {
        let d = data(&[
            ("2026-Q4", None),
            ("2026-Q4", None),
            ("2027-Q1", Some("2027-Q2")),
        ]);
        let july = FiscalYear::starting(7).unwrap();
        let Relabel::Renamed { data: after, names } = relabel(&d, july) else {
            panic!("refused")
        };
        let q = |s: &str| s.parse::<Quarter>().unwrap();
        assert_eq!(after.objectives[0].quarter, q("2027-Q2"));
        assert_eq!(after.objectives[2].quarter, q("2027-Q3"));
        assert_eq!(after.objectives[2].until, Some(q("2027-Q4")));
        assert_eq!(after.fiscal_year(), july);
        assert_eq!(
            names,
            [
                (q("2026-Q4"), q("2027-Q2"), 2),
                (q("2027-Q1"), q("2027-Q3"), 1)
            ]
        );
        for (o, before) in after.objectives.iter().zip(&d.objectives) {
            assert_eq!(o.dates(july), before.dates(FiscalYear::CALENDAR));
        }
        // And back again.
        let Relabel::Renamed { data: back, .. } = relabel(&after, FiscalYear::CALENDAR) else {
            panic!("refused")
        };
        assert_eq!(back, d);
    }

    #[test]
    fn a_start_that_splits_a_quarter_or_moves_a_year_is_refused() {
        let d = data(&[("2026-Q3", None), ("2026-Q4", None)]);
        let february = FiscalYear::starting(2).unwrap();
        assert_eq!(
            relabel(&d, february),
            Relabel::Moves("2026-Q3".parse().unwrap())
        );
        let year = data(&[("2026-Q4", None), ("2027", None)]);
        let april = FiscalYear::starting(4).unwrap();
        assert_eq!(
            relabel(&year, april),
            Relabel::Moves("2027".parse().unwrap())
        );
        // With no Mål every month is fine.
        assert!(matches!(
            relabel(&Data::default(), february),
            Relabel::Renamed { names, .. } if names.is_empty()
        ));
    }
}
