//! One model of a quarter's numbers (PRODUCT.md section 4, "one number
//! everywhere"): each Mål's progress, pace, status and whether it succeeded,
//! and the mean over some of them, computed here and read by every screen,
//! report and prompt line.
//!
//! - A Mål with key results of its own: their weighted mean.
//! - A Mål without: the mean of the Mål aligned under it **within its own
//!   time** (its quarter, the quarters it spans, its year) that have a
//!   number (recursively); with none, no progress yet. A closed quarter's
//!   numbers so never change because of another quarter. A Mål carried over
//!   within its parent's time counts once, as its copy.
//! - A quarter (or an owner's part of it): the mean of its Mål that have a
//!   number, each counted once, whatever is folded or filtered on screen.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::objective::{Objective, Status};
use super::progress::{self, PaceStatus};
use super::quarter::{Dates, FiscalYear};

/// The numbers of one Mål.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    /// 0..=1; `None` while it has no key results and nothing under it has a number.
    pub progress: Option<f64>,
    /// How many Mål under it its progress was taken from (0: its own key results).
    pub from_children: usize,
    /// Its pace mark: its key results' paces weighted as their progress,
    /// else the quarter's pace.
    pub pace: f64,
    /// Where it stands; `None` with no progress yet (and not judged).
    pub status: Option<PaceStatus>,
    /// How many of its key results are behind pace, of how many, when some are.
    pub behind: Option<(usize, usize)>,
    /// Whether it succeeded ([`succeeded`]); `None` while not judged.
    pub succeeded: Option<bool>,
}

impl Figures {
    /// The suggested score at review ([`progress::suggested_score`]).
    pub fn suggested_score(&self) -> f64 {
        progress::suggested_score(self.progress)
    }
}

/// The numbers of a set of Mål (a quarter, several, or the whole file).
#[derive(Clone, Debug, Default)]
pub struct Numbers<'a> {
    figures: HashMap<&'a str, Figures>,
    fy: FiscalYear,
    today: Option<NaiveDate>,
}

impl<'a> Numbers<'a> {
    /// The numbers of `objectives` on `today`, the team's year being `fy`.
    /// A Mål's children are those among `objectives` within its time, so
    /// pass every Mål of the time asked about ([`crate::model::Data::around`]),
    /// never a filtered part.
    pub fn of(
        objectives: impl IntoIterator<Item = &'a Objective>,
        fy: FiscalYear,
        today: NaiveDate,
    ) -> Self {
        let list: Vec<&Objective> = objectives.into_iter().collect();
        let rolled = roll(&list);
        let figures = list
            .iter()
            .zip(rolled)
            .map(|(o, rolled)| (o.id.as_str(), figures(o, rolled, fy, today)))
            .collect();
        Numbers {
            figures,
            fy,
            today: Some(today),
        }
    }

    /// A Mål's numbers; one not among those computed counts its own key
    /// results only.
    pub fn get(&self, o: &Objective) -> Figures {
        self.figures.get(o.id.as_str()).copied().unwrap_or_else(|| {
            let today = self.today.unwrap_or_else(|| o.dates(self.fy).first);
            let own = (!o.key_results.is_empty()).then(|| progress::objective_progress(o));
            figures(o, (own, 0), self.fy, today)
        })
    }

    /// The mean progress of some Mål (a quarter's, or one owner's part of
    /// it), each counted once; those without a number are left out, and
    /// with none there is no number.
    pub fn mean<'b>(&self, objectives: impl IntoIterator<Item = &'b Objective>) -> Option<f64> {
        let (sum, n) = objectives
            .into_iter()
            .filter_map(|o| self.get(o).progress)
            .fold((0.0, 0usize), |(s, n), p| (s + p, n + 1));
        (n > 0).then(|| progress::unit_clamp(sum / n as f64))
    }
}

/// Each Mål's rolled progress and how many children it came from, walked
/// without recursion (a deep chain of parents cannot overflow the stack);
/// a circle of parents (refused on load) gives its members no number from
/// each other.
fn roll(list: &[&Objective]) -> Vec<(Option<f64>, usize)> {
    let at: HashMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut kids = vec![Vec::new(); list.len()];
    for (i, o) in list.iter().enumerate() {
        if let Some(&p) = o.parent.as_deref().and_then(|p| at.get(p))
            && p != i
            && list[p].holds(o)
        {
            kids[p].push(i);
        }
    }
    // A Mål carried over within its parent's time (a year's, a span's)
    // counts once: as its copy, which goes on with the work.
    for k in &mut kids {
        let copied: Vec<&str> = k
            .iter()
            .filter_map(|c| list[*c].carried_from.as_deref())
            .collect();
        if !copied.is_empty() {
            k.retain(|c| !copied.contains(&list[*c].id.as_str()));
        }
    }
    let mut done: Vec<Option<(Option<f64>, usize)>> = vec![None; list.len()];
    let mut open = vec![false; list.len()];
    for root in 0..list.len() {
        let mut stack = vec![(root, false)];
        while let Some((i, expanded)) = stack.pop() {
            if done[i].is_some() {
                continue;
            }
            let o = list[i];
            if !o.key_results.is_empty() || kids[i].is_empty() {
                let own = (!o.key_results.is_empty()).then(|| progress::objective_progress(o));
                done[i] = Some((own, 0));
            } else if !expanded {
                open[i] = true;
                stack.push((i, true));
                stack.extend(
                    kids[i]
                        .iter()
                        .filter(|k| done[**k].is_none() && !open[**k])
                        .map(|k| (*k, false)),
                );
            } else {
                open[i] = false;
                let values: Vec<f64> = kids[i]
                    .iter()
                    .filter_map(|k| done[*k].and_then(|d| d.0))
                    .collect();
                let mean = (!values.is_empty()).then(|| {
                    progress::unit_clamp(values.iter().sum::<f64>() / values.len() as f64)
                });
                done[i] = Some((mean, values.len()));
            }
        }
    }
    done.into_iter().map(Option::unwrap_or_default).collect()
}

fn figures(
    o: &Objective,
    (p, from_children): (Option<f64>, usize),
    fy: FiscalYear,
    today: NaiveDate,
) -> Figures {
    let own = from_children == 0 && !o.key_results.is_empty();
    let dates = o.dates(fy);
    let pace = if own {
        progress::objective_pace(o, fy, today)
    } else {
        dates.elapsed(today)
    };
    let succeeded = succeeded(o, p, dates, today);
    let status = match (succeeded, p) {
        (Some(ok), _) => Some(if ok {
            PaceStatus::Achieved
        } else {
            PaceStatus::NotReached
        }),
        (None, None) => None,
        (None, Some(p)) => Some(progress::objective_status(o, dates, (p, pace), today)),
    };
    Figures {
        progress: p,
        from_children,
        pace,
        status,
        behind: if own {
            progress::key_results_behind(o, dates, today)
        } else {
            None
        },
        succeeded,
    }
}

#[cfg(test)]
mod tests;

/// Whether a Mål succeeded, the one rule every screen and report uses:
/// - a set score decides, by the Mål's kind (aspirational at 0.7, the others at 1.0);
/// - without one, a Mål set achieved succeeded and one set dropped did not;
/// - else, once its days are over (`dates`: its quarter's, its year's or
///   its span's), its suggested score (from its progress `p`, none
///   counting 0) decides, by its kind;
/// - else (while it runs, nothing set) it is not judged yet: `None`.
///
/// Every surface reads it through [`Figures::succeeded`].
pub fn succeeded(o: &Objective, p: Option<f64>, dates: Dates, today: NaiveDate) -> Option<bool> {
    if let Some(score) = o.score {
        return Some(progress::score_succeeds(o.kind, score));
    }
    match o.status {
        Status::Achieved => Some(true),
        Status::Dropped => Some(false),
        Status::Active | Status::CarriedOver => dates
            .ended(today)
            .then(|| progress::score_succeeds(o.kind, progress::suggested_score(p))),
    }
}
