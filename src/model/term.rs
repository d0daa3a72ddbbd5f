//! A Mål's time frame: a quarter, a run of quarters (the notes' "within six
//! months"), or a whole year that quarterly Mål align under.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::data::Data;
use super::objective::Objective;
use super::quarter::{Dates, FiscalYear, Quarter};

impl Objective {
    /// Whether it belongs to a whole year rather than to quarters.
    pub fn is_yearly(&self) -> bool {
        self.quarter.is_year()
    }

    /// Whether it spans more than one quarter (a year's Mål does not: it
    /// has its own view).
    pub fn spans(&self) -> bool {
        self.until.is_some_and(|u| u > self.quarter) && !self.is_yearly()
    }

    /// Its first and last quarter: a year's Q1 and Q4, a quarter twice.
    pub fn quarters(&self) -> (Quarter, Quarter) {
        quarters_of(self.quarter, self.until)
    }

    /// Its last quarter: where it is scored and carried over from.
    pub fn last_quarter(&self) -> Quarter {
        self.quarters().1
    }

    /// Where it is carried over to: the quarter after its last, or the
    /// next year for a year's Mål (itself at the last quarter okr knows).
    pub fn carry_target(&self) -> Quarter {
        if self.is_yearly() {
            self.quarter.next()
        } else {
            self.last_quarter().next()
        }
    }

    /// Whether it is shown in the view of `q`: a quarter's view shows the
    /// Mål of that quarter and those spanning it; a year's view, the year's.
    pub fn covers(&self, q: Quarter) -> bool {
        if q.is_year() || self.is_yearly() {
            return self.quarter == q;
        }
        let (first, last) = self.quarters();
        first <= q && q <= last
    }

    /// Whether a check-in in quarter `q` walks its key results: a Mål of
    /// `q`, spanning it, or of its year.
    pub fn checked_in(&self, q: Quarter) -> bool {
        checked_in(self.quarter, self.until, q)
    }

    /// Whether its quarters reach into those from `first` to `last`.
    pub fn overlaps(&self, first: Quarter, last: Quarter) -> bool {
        let (a, b) = self.quarters();
        a <= last.last_quarter() && first.first_quarter() <= b
    }

    /// Whether `child`'s quarters all lie within its own: what a parent's
    /// progress takes from the Mål aligned under it ([`super::numbers`]).
    pub fn holds(&self, child: &Objective) -> bool {
        let (a, b) = self.quarters();
        let (c, d) = child.quarters();
        a <= c && d <= b && (self.is_yearly() || !child.is_yearly())
    }

    /// The days its pace runs over: its quarter's, its year's, or all of
    /// the quarters it spans.
    pub fn dates(&self, fy: FiscalYear) -> Dates {
        if self.is_yearly() {
            return self.quarter.dates(fy);
        }
        let (first, last) = self.quarters();
        Dates {
            first: first.first_day(fy),
            last: last.last_day(fy),
        }
    }

    /// Whether its time is over on `today`.
    pub fn ended(&self, fy: FiscalYear, today: NaiveDate) -> bool {
        self.dates(fy).ended(today)
    }

    /// Its time frame as the screen shows it: `2026 Q4`, `2027 Q1–Q2`, `2027`.
    pub fn term_label(&self, fy: FiscalYear) -> super::quarter::Label {
        if self.is_yearly() {
            return self.quarter.label(fy);
        }
        let (first, last) = self.quarters();
        first.label_to(last, fy)
    }
}

/// The first and last quarter of a Mål of `quarter` (a year's Q1 and Q4)
/// that spans to `until` ([`Objective::quarters`]).
pub fn quarters_of(quarter: Quarter, until: Option<Quarter>) -> (Quarter, Quarter) {
    let last = until
        .filter(|u| *u > quarter && !quarter.is_year())
        .unwrap_or(quarter);
    (quarter.first_quarter(), last.last_quarter())
}

/// Whether a check-in in quarter `q` walks a Mål of `quarter` that spans
/// to `until`: the Mål of `q` (those spanning it among them) and of its
/// year ([`Objective::checked_in`]).
pub fn checked_in(quarter: Quarter, until: Option<Quarter>, q: Quarter) -> bool {
    let (first, last) = quarters_of(quarter, until);
    quarter == q.whole_year() || (!quarter.is_year() && first <= q && q <= last)
}

/// The longest run of quarters a Mål may span: two years.
pub const MAX_SPAN: usize = 8;

/// How many quarters there are from `first` to `last`, both counted (0
/// when `last` is before `first`).
pub fn span_length(first: Quarter, last: Quarter) -> usize {
    let index = |q: Quarter| i64::from(q.year) * 4 + i64::from(q.q);
    usize::try_from(index(last) - index(first) + 1).unwrap_or(0)
}

/// The Mål each view shows (indexes into `data.objectives`, in file order):
/// a quarter's view its Mål and those spanning it, a year's view the
/// year's Mål and every Mål of that year aligned under them (at any depth).
pub fn views(data: &Data) -> HashMap<Quarter, Vec<usize>> {
    let mut out: HashMap<Quarter, Vec<usize>> = HashMap::new();
    for (i, o) in data.objectives.iter().enumerate() {
        if o.is_yearly() {
            out.entry(o.quarter).or_default().push(i);
            continue;
        }
        let (first, last) = o.quarters();
        let mut q = first;
        for _ in 0..MAX_SPAN {
            out.entry(q).or_default().push(i);
            if q >= last || q.next() == q {
                break;
            }
            q = q.next();
        }
    }
    let years: Vec<Quarter> = out.keys().copied().filter(|q| q.is_year()).collect();
    let children = super::align::children(data);
    for year in years {
        let mut members = out.get(&year).cloned().unwrap_or_default();
        let mut seen: HashSet<usize> = members.iter().copied().collect();
        let mut open = members.clone();
        while let Some(i) = open.pop() {
            let Some(id) = data.objective_at(i).map(|o| o.id.as_str()) else {
                continue;
            };
            for &k in children.get(id).map_or(&[][..], Vec::as_slice) {
                let within = data
                    .objective_at(k)
                    .is_some_and(|c| !c.is_yearly() && c.quarter.year == year.year);
                if within && seen.insert(k) {
                    members.push(k);
                    open.push(k);
                }
            }
        }
        members.sort_unstable();
        out.insert(year, members);
    }
    out
}
