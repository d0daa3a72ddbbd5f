//! `okr import [--format csv|json] [--dry-run] FILE|-`: Mål, key results and
//! Uppgifter added from okr's own export or a spreadsheet (the readers are
//! in [`crate::import`]), in one atomic save with a backup first.

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use chrono::NaiveDate;

use crate::cli::ImportFormat;
use crate::i18n::{self, Strings};
use crate::import::{Added, ImportError, Place, Problem, apply, plan};
use crate::model::{Data, Lang};
use crate::store::{self, Store};
use crate::text;

/// `okr import`: reads `input`, adds what it holds to the data file (or,
/// with `dry_run`, only says what it would add) and lists it on `out`.
pub fn run(
    file: &Path,
    format: ImportFormat,
    input: &Path,
    dry_run: bool,
    (lang, hooks): (Option<Lang>, &crate::hooks::Hooks),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let name = input.display().to_string();
    // `-`: standard input, as other tools read it.
    let bytes = if input.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(input)
    }
    .map_err(|e| ImportError::Read(name.clone(), store::IoReason::of(&e)))?;
    // The file's language, when it can be read (quickly, without the lock); else the flag's or the locale's.
    let wanted = store::glance::Wanted {
        today,
        week: crate::model::IsoWeek::of(today),
    };
    let settings = store::glance::glance(file, wanted)
        .map(|g| g.settings)
        .unwrap_or_default();
    let lang = i18n::choose_lang(lang, settings.language);
    // A file without Mål takes the year of the export it is filled from:
    // nothing in it has days to keep.
    let empty = || store::read(file).is_ok_and(|d| d.objectives.is_empty());
    let adopt = (format == ImportFormat::Json && empty())
        .then(|| crate::import::json::year_starts(&bytes))
        .filter(|y| *y != settings.fiscal_year);
    let fy = adopt.unwrap_or(settings.fiscal_year);
    let quarter = crate::model::Quarter::of(today, fy);
    let refused = |place, problem| ImportError::At {
        file: name.clone(),
        place,
        problem,
    };
    let plan = plan(format, &bytes, lang, (quarter, fy)).map_err(|(p, why)| refused(p, why))?;
    if plan.objectives.is_empty() {
        return Err(ImportError::At {
            file: name,
            place: Place::File,
            problem: Problem::Nothing,
        }
        .into());
    }
    let s = i18n::strings(lang);
    let not_read = plan.not_read.clone();
    if dry_run {
        let mut data = store::read(file)?;
        if let Some(fy) = adopt {
            data.settings.fiscal_year = fy;
        }
        let added = apply(plan, &mut data);
        kept(&data).map_err(|why| refused(Place::File, why))?;
        report(
            &data,
            &added,
            s,
            (s.commands.would_add)(&counts(&data, &added, s)),
            out,
        )?;
    } else {
        // Nothing is created for an input that cannot be read: the store opens only now.
        if store::is_read_only(file) {
            return Err(store::SaveError::ReadOnly(file.to_path_buf()).into());
        }
        let (mut store, mut data) = Store::open(file)?;
        if let Some(fy) = adopt {
            // Mål someone added meanwhile keep their days: the import waits.
            if !data.objectives.is_empty() {
                let (theirs, ours) = (fy.start_month(), data.fiscal_year().start_month());
                return Err(refused(Place::File, Problem::YearStarts { theirs, ours }).into());
            }
            data.settings.fiscal_year = fy;
        }
        let added = apply(plan, &mut data);
        kept(&data).map_err(|why| refused(Place::File, why))?;
        store.save(&data)?;
        drop(store);
        let head = (s.commands.added)(&counts(&data, &added, s), &file.display().to_string());
        report(&data, &added, s, head, out)?;
        out.flush()?;
        let mut changed: Vec<serde_json::Value> = added
            .objectives
            .iter()
            .filter_map(|i| data.objective_at(*i))
            .map(|o| serde_json::json!({"item": o.id, "change": "added"}))
            .collect();
        if added.checkins > 0 {
            changed.push(serde_json::json!({"item": "checkins", "change": "changed"}));
        }
        super::saved(hooks, file, changed, s);
    }
    if let Some(fy) = adopt {
        let month = s.years.months[(fy.start_month() as usize).saturating_sub(1) % 12];
        writeln!(out, "{}", (s.years.fiscal_set)(month))?;
    }
    if !not_read.is_empty() {
        writeln!(
            out,
            "{}",
            text::line(&(s.commands.columns_not_read)(&not_read.join(", ")))
        )?;
    }
    Ok(())
}

/// Whether the file with the import added keeps every value rule: a rule
/// the readers do not check one by one (a circle of parents, a pulse out
/// of range) refuses the import, rather than save a file okr would not
/// open again.
fn kept(data: &Data) -> std::result::Result<(), Problem> {
    crate::model::validate::validate(data).map_err(|b| Problem::Invalid(Box::new(b)))
}

fn counts(data: &Data, added: &Added, s: &Strings) -> String {
    let mine = || {
        added
            .objectives
            .iter()
            .filter_map(|i| data.objective_at(*i))
    };
    (s.commands.counts)(
        added.objectives.len(),
        mine().map(|o| o.key_results.len()).sum(),
        mine().map(|o| o.initiatives.len()).sum(),
        added.checkins,
    )
}

/// The heading, then each new Mål with its key results and Uppgifter under it.
fn report(
    data: &Data,
    added: &Added,
    s: &Strings,
    head: String,
    out: &mut impl Write,
) -> Result<()> {
    writeln!(out, "{}", text::line(&head))?;
    let short = crate::model::ids::ShortIds::new(data.ids());
    let id = |id| short.shown(id);
    for o in added
        .objectives
        .iter()
        .filter_map(|i| data.objective_at(*i))
    {
        let mut about = vec![
            o.term_label(data.fiscal_year()).to_string(),
            s.kind(o.kind).to_string(),
        ];
        about.extend(o.owner.clone());
        writeln!(
            out,
            "{}",
            text::line(&format!(
                "{} {} ({})",
                id(&o.id),
                o.title,
                about.join(" · ")
            ))
        )?;
        for k in &o.key_results {
            let line = format!(
                "  {} {}: {}",
                id(&k.id),
                k.title,
                s.measure_text(&k.measure)
            );
            writeln!(out, "{}", text::line(&line))?;
        }
        for u in &o.initiatives {
            writeln!(
                out,
                "{}",
                text::line(&format!("  {} {}", id(&u.id), u.title))
            )?;
        }
    }
    Ok(())
}
