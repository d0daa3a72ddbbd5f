//! `okr import --format csv|json FILE [--dry-run]`: adds Mål, key results
//! and Uppgifter (and check-in entries) from okr's own exports or from a
//! spreadsheet saved as CSV (PRODUCT.md section 10).
//!
//! The file is read whole into a [`Plan`] first; anything it cannot read is
//! named by its row and column (CSV) or its place (JSON), and then nothing
//! is imported. The plan is added with new ids (never reusing or
//! overwriting one), in one atomic save with a backup first.

mod columns;
mod csv;
mod errors;
pub mod json;
mod records;

use std::collections::HashMap;
use std::sync::Arc;

pub use errors::{ImportError, Place, Problem};

use crate::cli::ImportFormat;

use crate::model::checkin;
use crate::model::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use crate::model::term::{MAX_SPAN, span_length};
use crate::model::{CheckIn, Data, FiscalYear, Lang, Objective, Quarter};

/// What a file holds, before it is given ids in the data file: Mål with
/// their key results and Uppgifter, and check-ins whose entries name those
/// key results by the ids they have in the plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub objectives: Vec<Objective>,
    pub checkins: Vec<CheckIn>,
    /// Columns of a CSV header that okr does not read, as written.
    pub not_read: Vec<String>,
}

/// Reads a file's bytes into a plan for a data file whose year starts as
/// `fy` says: quarters are read as that year's, and a file whose year
/// starts in another month is refused rather than moved. `lang` reads a
/// spreadsheet's numbers; `today` is the quarter of a row without one.
pub fn plan(
    format: ImportFormat,
    bytes: &[u8],
    lang: Lang,
    (today, fy): (Quarter, FiscalYear),
) -> Result<Plan, (Place, Problem)> {
    match format {
        ImportFormat::Csv => csv::read(bytes, lang, (today, fy), crate::model::now()),
        ImportFormat::Json => json::read(bytes, fy),
    }
}

/// What is wrong with `until` (written `typed`) for a Mål of `quarter`, by
/// the file's rules ([`crate::model::validate`]): a year's Mål has none, it
/// is a quarter after the Mål's own, and the span has at most
/// [`MAX_SPAN`] quarters.
fn until_problem(quarter: Quarter, until: Quarter, typed: &str, fy: FiscalYear) -> Option<Problem> {
    if quarter.is_year() {
        return Some(Problem::UntilOfYear);
    }
    if until.is_year() || !until.in_bounds() {
        return Some(Problem::Until(typed.to_string()));
    }
    if until <= quarter {
        return Some(Problem::UntilNotAfter(quarter.name(fy)));
    }
    let quarters = span_length(quarter, until);
    (quarters > MAX_SPAN).then_some(Problem::SpanTooLong(quarters))
}

/// What was added: the new Mål by their index in the data, and how many
/// check-ins got entries.
pub struct Added {
    pub objectives: Vec<usize>,
    pub checkins: usize,
}

/// Adds the plan to `data` with new ids. A link inside the plan (an
/// Uppgift's key result, a parent Mål, a check-in entry) follows its new
/// id; one to something outside the plan is left out.
pub fn apply(plan: Plan, data: &mut Data) -> Added {
    let mut objective_ids = HashMap::new();
    let mut kr_ids = HashMap::new();
    let mut planned = Vec::new();
    for mut o in plan.objectives {
        let id = data.next_id(OBJECTIVE_PREFIX);
        objective_ids.insert(std::mem::replace(&mut o.id, id), o.id.clone());
        let mut own = HashMap::new();
        let kr_new = data.fresh_ids(KEY_RESULT_PREFIX, o.key_results.len());
        for (k, id) in o.key_results.iter_mut().zip(kr_new) {
            own.insert(std::mem::replace(&mut k.id, id), k.id.clone());
        }
        let u_new = data.fresh_ids(INITIATIVE_PREFIX, o.initiatives.len());
        for (u, id) in o.initiatives.iter_mut().zip(u_new) {
            u.id = id;
            u.key_result = u.key_result.as_ref().and_then(|k| own.get(k).cloned());
        }
        kr_ids.extend(own);
        data.remember_ids(&o);
        data.objectives.push(Arc::new(o));
        planned.push(data.objectives.len() - 1);
    }
    // Parents and carries inside the plan follow; others are not known here.
    for &i in &planned {
        if let Some(o) = data.objective_mut(i) {
            o.parent = o
                .parent
                .as_ref()
                .and_then(|p| objective_ids.get(p).cloned());
            o.carried_from = o
                .carried_from
                .as_ref()
                .and_then(|p| objective_ids.get(p).cloned());
            for k in &mut o.key_results {
                k.carried_from = k.carried_from.as_ref().and_then(|p| kr_ids.get(p).cloned());
            }
        }
    }
    let mut checkins = 0;
    for mut c in plan.checkins {
        c.entries.retain_mut(|e| match kr_ids.get(&e.key_result) {
            Some(id) => {
                e.key_result = id.clone();
                true
            }
            None => false,
        });
        if !c.entries.is_empty() {
            merge_checkin(data, c);
            checkins += 1;
        }
    }
    Added {
        objectives: planned,
        checkins,
    }
}

/// Adds a week's check-in: as it is when the file has none for that week;
/// else its entries join that week's, and its texts are added after the
/// file's own (a pulse only where the file has none), so nothing is lost.
fn merge_checkin(data: &mut Data, c: CheckIn) {
    let Some(mine) = data.checkins.iter_mut().find(|x| x.week == c.week) else {
        checkin::upsert(&mut data.checkins, c);
        return;
    };
    let mine = Arc::make_mut(mine);
    for e in c.entries {
        mine.set_entry(e);
    }
    for (own, theirs) in [
        (&mut mine.wins, c.wins),
        (&mut mine.blockers, c.blockers),
        (&mut mine.next_steps, c.next_steps),
    ] {
        if own.is_empty() {
            *own = theirs;
        } else if !theirs.is_empty() && *own != theirs {
            own.push('\n');
            own.push_str(&theirs);
        }
    }
    if mine.pulse.is_none() {
        mine.pulse = c.pulse;
    }
}
