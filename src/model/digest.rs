//! The weekly digest (`okr report --week`, PRODUCT.md section 12): for one
//! check-in period, per owner and for the team, the key results that moved
//! (with their values), fell behind pace or went stale by the period's
//! end, the blockers and next steps of the period's check-ins, who has not
//! checked in, and the team pulse with its change. Pure: the reports
//! render it.
//!
//! Status and staleness are each key result's as it stood on the period's
//! last day (its history up to then), by the one rule every screen uses
//! ([`super::progress`]).

use chrono::{Days, NaiveDate};

use super::cadence::Period;
use super::checkin::CheckIn;
use super::forecast::{self, Forecast};
use super::objective::{KeyResult, Measure, Objective};
use super::owners;
use super::progress::{self, PaceStatus};
use super::quarter::{FiscalYear, Quarter};
use super::week::IsoWeek;
use super::weekly;
use super::{Data, author};

/// A key result that moved in the period: from its value the day before
/// the period to its value on the period's last day.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub line: Line,
    pub from: f64,
    pub to: f64,
}

/// A key result as the digest names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: String,
    pub title: String,
    /// Its Mål's title.
    pub objective: String,
    pub measure: Measure,
    /// Its progress on the period's last day (0 to 1).
    pub progress: f64,
    /// Where its recent history leads by the quarter's end, as of the
    /// period's last day ([`super::forecast`]).
    pub forecast: Option<Forecast>,
}

/// One owner's part (or the whole file's, when no Mål has an owner).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// `None`: Mål without an owner (the whole file's, in a file without owners).
    pub owner: Option<String>,
    pub checked_in: bool,
    pub moved: Vec<Moved>,
    pub behind: Vec<Line>,
    pub stale: Vec<Line>,
    /// Lines of the period's check-ins, as written.
    pub blockers: Vec<String>,
    pub next_steps: Vec<String>,
    /// The mean of the period's pulse ratings, if any was given.
    pub pulse: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Digest {
    pub quarter: Quarter,
    /// The period's first week (its key) and its days.
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub parts: Vec<Part>,
    /// Owners with key results and no check-in of the period.
    pub not_checked_in: Vec<String>,
    /// The mean pulse of the period, and of the period before.
    pub pulse: Option<f64>,
    pub pulse_before: Option<f64>,
}

impl Digest {
    /// How many key results moved, fell behind, went stale, in all parts.
    pub fn counts(&self) -> (usize, usize, usize) {
        self.parts.iter().fold((0, 0, 0), |(m, b, s), p| {
            (m + p.moved.len(), b + p.behind.len(), s + p.stale.len())
        })
    }
}

/// The period a digest is of: the one holding `week`, or, without one, the
/// last whole period before `today`'s (the one before the period that is
/// running).
pub fn period_for(data: &Data, week: Option<IsoWeek>, today: NaiveDate) -> Period {
    let settings = &data.settings;
    match week {
        Some(w) => settings.period(w),
        None => {
            let now = settings.period_of(today);
            settings.prev_period(now).unwrap_or(now)
        }
    }
}

/// The digest of `period`, on `today` (a period not yet over is reported
/// up to today).
pub fn digest(data: &Data, period: Period, today: NaiveDate) -> Digest {
    let first_day = period.first_day().unwrap_or(today);
    let last_day = period.last_day().unwrap_or(today).min(today).max(first_day);
    let fy = data.fiscal_year();
    let quarter = Quarter::of(last_day, fy);
    let settings = &data.settings;
    let in_period = |c: &&CheckIn| settings.period_key(c.week) == period.start;
    let checkins: Vec<&CheckIn> = data
        .checkins
        .iter()
        .map(|c| &**c)
        .filter(in_period)
        .collect();
    let owners = owners::owners_in_file(data);
    // The quarter's Mål, those spanning it and its year's.
    let objectives: Vec<&Objective> = data
        .in_quarter(quarter)
        .chain(data.in_quarter(quarter.whole_year()))
        .map(|(_, o)| o)
        .collect();
    let whose: Vec<Option<String>> = if owners.is_empty() {
        vec![None]
    } else {
        let mut w: Vec<Option<String>> = owners.iter().cloned().map(Some).collect();
        if objectives.iter().any(|o| o.owner.is_none()) {
            w.push(None);
        }
        w
    };
    let mut parts = Vec::new();
    let mut not_checked_in = Vec::new();
    for owner in whose {
        let mine: Vec<&Objective> = objectives
            .iter()
            .copied()
            .filter(|o| match &owner {
                Some(w) => owners::owned_by(o, w),
                None => o.owner.is_none(),
            })
            .collect();
        let theirs: Vec<&CheckIn> = checkins
            .iter()
            .copied()
            .filter(|c| match &owner {
                Some(w) => c.owner.as_deref().is_some_and(|x| author::same(x, w)),
                None => c.owner.is_none(),
            })
            .collect();
        let has_key_results = mine.iter().any(|o| !o.key_results.is_empty());
        if !has_key_results && theirs.is_empty() {
            continue;
        }
        if let (Some(w), true) = (&owner, theirs.is_empty() && has_key_results) {
            not_checked_in.push(w.clone());
        }
        parts.push(part(owner, &mine, &theirs, (first_day, last_day), fy));
    }
    let before = settings
        .prev_period(period)
        .map(|p| {
            data.checkins
                .iter()
                .map(|c| &**c)
                .filter(|c| settings.period_key(c.week) == p.start)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Digest {
        quarter,
        week: period.start,
        first_day,
        last_day,
        parts,
        not_checked_in,
        pulse: pulse_mean(&checkins),
        pulse_before: pulse_mean(&before),
    }
}

fn part(
    owner: Option<String>,
    mine: &[&Objective],
    theirs: &[&CheckIn],
    (first_day, last_day): (NaiveDate, NaiveDate),
    fy: FiscalYear,
) -> Part {
    let day_before = first_day
        .checked_sub_days(Days::new(1))
        .unwrap_or(first_day);
    let mut out = Part {
        owner,
        checked_in: !theirs.is_empty(),
        moved: Vec::new(),
        behind: Vec::new(),
        stale: Vec::new(),
        blockers: lines(theirs, |c| &c.blockers),
        next_steps: lines(theirs, |c| &c.next_steps),
        pulse: pulse_mean(theirs),
    };
    for o in mine {
        for k in &o.key_results {
            let then = as_of(k, last_day);
            let line = Line {
                id: k.id.clone(),
                title: k.title.clone(),
                objective: o.title.clone(),
                measure: then.measure.clone(),
                progress: progress::key_result_progress(&then),
                forecast: forecast::of(&then, o.dates(fy), last_day),
            };
            let recorded = k
                .history
                .iter()
                .any(|h| first_day <= h.date && h.date <= last_day);
            let from = weekly::entry_on(k, day_before).map(|h| h.value);
            let to = weekly::entry_on(k, last_day).map(|h| h.value);
            if let (true, Some(to)) = (recorded, to) {
                let from = from.unwrap_or_else(|| start_of(&k.measure));
                if from != to {
                    out.moved.push(Moved {
                        line: line.clone(),
                        from,
                        to,
                    });
                }
            }
            if progress::key_result_status(&then, o.dates(fy), last_day) == PaceStatus::Behind {
                out.behind.push(line.clone());
            }
            if progress::is_stale(&then, last_day) {
                out.stale.push(line);
            }
        }
    }
    out
}

/// Where a key result starts: its start, or 0 for the other measures.
fn start_of(m: &Measure) -> f64 {
    match m {
        Measure::Numeric(n) => n.start,
        _ => 0.0,
    }
}

/// A key result as it stood on `day`: its history up to then, and the
/// value of its last entry by then (its own, without an entry yet).
pub fn as_of(k: &KeyResult, day: NaiveDate) -> KeyResult {
    let mut then = k.clone();
    then.history.retain(|h| h.date <= day);
    if let Some(h) = then.history.iter().max_by_key(|h| h.date) {
        then.measure.set_current(h.value);
    }
    then
}

/// The lines of a text of the check-ins, without their bullets, each once.
fn lines(checkins: &[&CheckIn], text: impl Fn(&CheckIn) -> &String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in checkins {
        for l in text(c)
            .lines()
            .map(weekly::plan_text)
            .filter(|l| !l.is_empty())
        {
            if !out.iter().any(|x| x == l) {
                out.push(l.to_string());
            }
        }
    }
    out
}

/// The mean of the pulse ratings of those check-ins that have one.
fn pulse_mean(checkins: &[&CheckIn]) -> Option<f64> {
    let means: Vec<f64> = checkins
        .iter()
        .filter_map(|c| c.pulse.as_ref())
        .map(weekly::pulse_mean)
        .collect();
    (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
}
