//! okr's own JSON export (or a data file) into a [`Plan`]: the Mål with
//! everything in them as they were, and the check-ins. The ids are the
//! file's own until [`super::apply`] gives new ones. Its quarters are keyed
//! by the year its `settings.fiscal_year_start` names (January without
//! one): a file whose year starts in another month is refused, since its
//! quarters would mean other months there.

use std::collections::HashSet;

use serde::Deserialize;

use super::{Place, Plan, Problem};
use crate::model::{CheckIn, FORMAT_VERSION, FiscalYear, Objective};

/// The part of an export (or a data file) that is imported.
#[derive(Deserialize)]
struct Export {
    version: u64,
    #[serde(default)]
    settings: YearStart,
    #[serde(default)]
    objectives: Vec<Objective>,
    #[serde(default)]
    checkins: Vec<CheckIn>,
}

/// The one setting an import needs: the month the year its quarters are
/// keyed by starts in.
#[derive(Deserialize, Default)]
struct YearStart {
    #[serde(default)]
    fiscal_year_start: Option<FiscalYear>,
}

type Located = (Place, Problem);

/// The month the year of an export starts in, as its settings say
/// (January when they do not, or it cannot be read).
pub fn year_starts(bytes: &[u8]) -> FiscalYear {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        settings: YearStart,
    }
    serde_json::from_slice::<Head>(bytes)
        .ok()
        .and_then(|h| h.settings.fiscal_year_start)
        .unwrap_or_default()
}

/// Reads an export (or a data file) for a data file whose year starts as
/// `fy` says.
pub fn read(bytes: &[u8], fy: FiscalYear) -> Result<Plan, Located> {
    let export: Export = serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let detail = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let place = if e.line() > 0 {
            Place::Position(e.line(), e.column().max(1))
        } else {
            Place::File
        };
        (place, Problem::NotExport(detail))
    })?;
    if export.version > u64::from(FORMAT_VERSION) {
        return Err((
            Place::Item("version".into()),
            Problem::Newer(export.version),
        ));
    }
    let theirs = export.settings.fiscal_year_start;
    if theirs.unwrap_or_default() != fy {
        let place = match theirs {
            Some(_) => Place::Item("settings.fiscal_year_start".into()),
            None => Place::File,
        };
        let theirs = theirs.unwrap_or_default().start_month();
        let ours = fy.start_month();
        return Err((place, Problem::YearStarts { theirs, ours }));
    }
    check(&export, fy)?;
    Ok(Plan {
        objectives: export.objectives,
        checkins: export.checkins,
        not_read: Vec::new(),
    })
}

/// What the import refuses rather than guesses: ids given twice, titles that
/// are empty or hold control characters, an Uppgift linked outside its Mål,
/// values out of their ranges, a quarter okr cannot date, and an `until`
/// the file would not keep.
fn check(export: &Export, fy: FiscalYear) -> Result<(), Located> {
    let at = |path: String, p: Problem| (Place::Item(path), p);
    let mut ids = HashSet::new();
    for (i, o) in export.objectives.iter().enumerate() {
        let here = format!("objectives[{i}]");
        if !ids.insert(("o", o.id.as_str())) {
            return Err(at(format!("{here}.id"), Problem::DuplicateId(o.id.clone())));
        }
        title(&o.title, || format!("{here}.title"))?;
        if !o.quarter.in_bounds() {
            return Err(at(
                format!("{here}.quarter"),
                Problem::Quarter(o.quarter.key()),
            ));
        }
        if let Some(p) = o
            .until
            .and_then(|u| super::until_problem(o.quarter, u, &u.key(), fy))
        {
            return Err(at(format!("{here}.until"), p));
        }
        if o.score.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
            return Err(at(format!("{here}.score"), Problem::Score));
        }
        for (j, k) in o.key_results.iter().enumerate() {
            let here = format!("{here}.key_results[{j}]");
            if !ids.insert(("kr", k.id.as_str())) {
                return Err(at(format!("{here}.id"), Problem::DuplicateId(k.id.clone())));
            }
            title(&k.title, || format!("{here}.title"))?;
            if !(1..=10).contains(&k.confidence) {
                return Err(at(format!("{here}.confidence"), Problem::Confidence));
            }
            if !(k.weight.is_finite() && k.weight > 0.0) {
                return Err(at(format!("{here}.weight"), Problem::Weight));
            }
        }
        for (j, u) in o.initiatives.iter().enumerate() {
            let here = format!("{here}.initiatives[{j}]");
            if !ids.insert(("u", u.id.as_str())) {
                return Err(at(format!("{here}.id"), Problem::DuplicateId(u.id.clone())));
            }
            title(&u.title, || format!("{here}.title"))?;
            if let Some(k) = &u.key_result
                && o.key_result(k).is_none()
            {
                return Err(at(format!("{here}.key_result"), Problem::Link(k.clone())));
            }
        }
    }
    for (i, c) in export.checkins.iter().enumerate() {
        for (j, e) in c.entries.iter().enumerate() {
            if !(1..=10).contains(&e.confidence) {
                let path = format!("checkins[{i}].entries[{j}].confidence");
                return Err(at(path, Problem::Confidence));
            }
        }
    }
    Ok(())
}

fn title(t: &str, path: impl Fn() -> String) -> Result<(), Located> {
    if t.trim().is_empty() {
        return Err((Place::Item(path()), Problem::EmptyTitle));
    }
    if t.chars()
        .any(|c| c != '\n' && c != '\t' && crate::text::is_hostile(c))
    {
        return Err((Place::Item(path()), Problem::Control));
    }
    Ok(())
}
