//! `okr update ID VALUE [--note TEXT]`: a key result's new value, or an
//! Uppgift done or open, from a script or cron, saved at once. [`record`]
//! is how it records a value, and how `okr refresh` records one.

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use chrono::NaiveDate;
use serde_json::json;

use super::error::CliError;
use crate::hooks::Hooks;
use crate::i18n;
use crate::model::number;
use crate::model::{Lang, Measure};
use crate::store::{self, Store};

/// `okr update ID VALUE [--note TEXT]`: records a key result's value, or
/// marks an Uppgift done (dated today) or open, and saves.
pub fn update(
    file: &Path,
    id: &str,
    value: &str,
    note: Option<&str>,
    (lang, hooks): (Option<Lang>, &Hooks),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    // A command that fails creates nothing: no folder, no lock file.
    if !file.exists() {
        return Err(CliError::NoSuchFile(file.display().to_string(), id.to_string()).into());
    }
    if store::is_read_only(file) {
        return Err(store::SaveError::ReadOnly(file.to_path_buf()).into());
    }
    let (mut store, mut data) = Store::open(file)?;
    let lang = i18n::choose_lang(lang, data.settings.language);
    let s = i18n::strings(lang);
    // Any beginning of an id that names one key result or Uppgift.
    let typed = id;
    let ids = data.objectives.iter().flat_map(|o| {
        o.key_results
            .iter()
            .map(|k| k.id.as_str())
            .chain(o.initiatives.iter().map(|u| u.id.as_str()))
    });
    let id = match crate::model::ids::lookup(ids, typed) {
        crate::model::ids::Lookup::One(id) => id.to_string(),
        crate::model::ids::Lookup::Many(some) => {
            let some = some.iter().map(|x| x.to_string()).collect();
            return Err(CliError::AmbiguousId(typed.to_string(), some).into());
        }
        crate::model::ids::Lookup::None => {
            // A Mål's id: its number comes from its key results, never typed.
            let objectives = data.objectives.iter().map(|o| o.id.as_str());
            if let crate::model::ids::Lookup::One(o) = crate::model::ids::lookup(objectives, typed)
            {
                return Err(objective_given(&data, o).into());
            }
            typed.to_string()
        }
    };
    let id = id.as_str();
    let Some(pos) = data.find_key_result(id) else {
        let Some((o, i)) = find_initiative(&data, id) else {
            return Err(
                CliError::NoSuchKeyResult(id.to_string(), file.display().to_string()).into(),
            );
        };
        let done = initiative_value(value)?;
        let objective = &data.objectives[o];
        let before = objective.initiatives[i].clone();
        let after = match (before.done, done) {
            (None, true) => Some(today),
            (Some(d), true) => Some(d),
            (_, false) => None,
        };
        let mut saved = None;
        if after != before.done {
            let (changed, ()) = objective.changed(crate::model::now(), |o| {
                if let Some(u) = o.initiatives.get_mut(i) {
                    u.done = after;
                }
            });
            data.objectives[o] = std::sync::Arc::new(changed);
            store.save(&data)?;
            let how = if done { "done" } else { "open" };
            saved = Some(json!({"item": before.id, "change": how, "date": after}));
        }
        drop(store);
        let word = |d: Option<NaiveDate>| match d {
            Some(d) => (s.commands.done_on)(&d.to_string()),
            None => s.commands.open.to_string(),
        };
        let line = format!(
            "{} {}: {} → {}",
            crate::model::ids::ShortIds::new(data.ids()).shown(&before.id),
            before.title,
            word(before.done),
            word(after)
        );
        writeln!(out, "{}", crate::text::line(&line))?;
        if let Some(change) = saved {
            super::saved(hooks, file, vec![change], s);
        }
        return Ok(());
    };
    let kr = &data.objectives[pos.objective].key_results[pos.key_result];
    // A number is read in the language the answer is given in.
    let new = parse_value(&kr.measure, value, lang)?;
    let note = note.unwrap_or("").trim().to_string();
    // The file would be refused with it on the next load.
    if let Some(c) = crate::model::validate::control_character(&note, true) {
        return Err(CliError::ControlInNote(c).into());
    }
    let recorded = record(&mut data, pos, new, &note, today, s);
    store.save(&data)?;
    drop(store);
    writeln!(out, "{}", crate::text::line(&recorded.line))?;
    out.flush()?;
    super::saved(hooks, file, vec![recorded.change], s);
    Ok(())
}

/// A value recorded: what changed, for the on-save hook, and the line that
/// says it (`kr3 Title: 12 → 17,5 MSEK`), to be made safe to print.
pub struct Recorded {
    pub change: serde_json::Value,
    pub line: String,
}

/// Records a key result's new value in `data`, as `okr update` and `okr
/// refresh` record one: dated `today` (a day has one history entry: today's
/// is updated, its notes joined), with `note`, the key result's confidence
/// kept. The current value stays the latest by date: when an entry is
/// dated after today, the value goes into the history only, and the line
/// says so.
pub fn record(
    data: &mut crate::model::Data,
    pos: crate::model::KrPos,
    new: f64,
    note: &str,
    today: NaiveDate,
    s: &i18n::Strings,
) -> Recorded {
    let objective = &data.objectives[pos.objective];
    let kr = &objective.key_results[pos.key_result];
    let before = kr.measure.current();
    let kr_id = kr.id.clone();
    let title = kr.title.clone();
    let unit = kr.measure.unit().to_string();
    let measure = kr.measure.clone();
    let (changed, latest) = objective.changed(crate::model::now(), |o| {
        let k = o.key_results.get_mut(pos.key_result)?;
        k.record(today, new, None, note.to_string(), None);
        // A later-dated entry keeps the current value (the latest by date).
        k.last_update()
            .filter(|d| *d > today)
            .map(|d| (d, k.measure.current()))
    });
    data.objectives[pos.objective] = std::sync::Arc::new(changed);
    let change = json!({"item": kr_id, "change": "value", "value": new, "date": today});
    let kr_id = crate::model::ids::ShortIds::new(data.ids()).shown(&kr_id);
    let shown = |v: f64| s.with_unit(&s.measure_value(&measure, v), &unit);
    let said = match latest {
        Some((date, current)) => (s.commands.recorded_before_latest)(
            &shown(new),
            &today.to_string(),
            &shown(current),
            &date.to_string(),
        ),
        None => format!("{} → {}", s.measure_value(&measure, before), shown(new)),
    };
    Recorded {
        change,
        line: format!("{kr_id} {title}: {said}"),
    }
}

/// The Mål and the index of the Uppgift with this id (case-insensitive).
fn find_initiative(data: &crate::model::Data, id: &str) -> Option<(usize, usize)> {
    let id = id.trim();
    data.objectives.iter().enumerate().find_map(|(oi, o)| {
        o.initiatives
            .iter()
            .position(|u| u.id.eq_ignore_ascii_case(id))
            .map(|ui| (oi, ui))
    })
}

/// The mistake of giving a Mål's id to `okr update`: which Mål, and the
/// key results its progress comes from (as `okr list` shows their ids).
fn objective_given(data: &crate::model::Data, id: &str) -> CliError {
    let short = crate::model::ids::ShortIds::new(data.ids());
    let objective = data.objectives.iter().find(|o| o.id == id);
    CliError::ObjectiveGiven {
        id: short.shown(id).to_string(),
        title: objective.map(|o| o.title.clone()).unwrap_or_default(),
        key_results: objective
            .map(|o| {
                o.key_results
                    .iter()
                    .map(|k| short.shown(&k.id).to_string())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Done or open, in either language's words, for an Uppgift.
fn initiative_value(text: &str) -> Result<bool> {
    i18n::typed::initiative_value(text)
        .ok_or_else(|| CliError::NotAnInitiativeValue(text.to_string()).into())
}

/// Reads a typed value for a measure: a number in `lang`'s convention, or
/// yes/no words for done/not-done.
fn parse_value(measure: &Measure, text: &str, lang: Lang) -> Result<f64> {
    if let Measure::Done(_) = measure {
        return match i18n::typed::done_value(text) {
            Some(done) => Ok(if done { 1.0 } else { 0.0 }),
            None => Err(CliError::NotADoneValue(text.to_string()).into()),
        };
    }
    number::parse(text, lang).map_err(|why| {
        CliError::NotANumber {
            typed: text.to_string(),
            why,
            lang,
        }
        .into()
    })
}
