//! `okr export --format csv`: a row per key result, and per key result per
//! check-in week; every field neutralised for a spreadsheet.

use std::io::Write;

use std::io::Result;

use super::{Report, objectives_of};
use crate::model::progress;
use crate::model::{Measure, Quarter};
use crate::text::{self, Output};

/// One CSV row per key result for its state now (an empty `week`), and one
/// per key result per check-in week with the value, confidence and note of
/// that week.
pub(super) fn export_csv(
    report: &Report,
    quarters: &[Quarter],
    out: &mut impl Write,
) -> Result<()> {
    let data = report.data;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "quarter",
        "objective_id",
        "objective",
        "kind",
        "status",
        "score",
        "key_result_id",
        "key_result",
        "type",
        "start",
        "target",
        "level",
        "current",
        "unit",
        "progress",
        "confidence",
        "weight",
        "week",
        "checkin_date",
        "note",
        "success",
        "went_well",
        "to_change",
        "owner",
        "objective_progress",
    ])?;
    for o in objectives_of(data, quarters) {
        let kind = serde_json::to_value(o.kind)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let status = serde_json::to_value(o.status)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let score = o.score.map(|s| s.to_string()).unwrap_or_default();
        let head = [
            o.quarter.key(),
            o.id.clone(),
            o.title.clone(),
            kind,
            status,
            score,
        ];
        // Whether it succeeded, by the review's rule, the retro and its progress.
        let f = report.numbers.get(o);
        let success = match f.succeeded {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let tail = [
            success.to_string(),
            o.retro.went_well.clone(),
            o.retro.to_change.clone(),
            o.owner.clone().unwrap_or_default(),
            f.progress.map(|p| format!("{p:.3}")).unwrap_or_default(),
        ];
        if o.key_results.is_empty() {
            let mut row = head.to_vec();
            row.resize(20, String::new());
            row.extend(tail.iter().cloned());
            write_row(&mut w, &row)?;
        }
        for k in &o.key_results {
            let (ty, start, target, level, unit) = match &k.measure {
                Measure::Numeric(n) => (
                    "numeric",
                    n.start.to_string(),
                    n.target.to_string(),
                    String::new(),
                    &n.unit,
                ),
                Measure::Done(_) => (
                    "done",
                    String::new(),
                    String::new(),
                    String::new(),
                    &String::new(),
                ),
                Measure::AtLeast(l) => (
                    "at_least",
                    String::new(),
                    String::new(),
                    l.level.to_string(),
                    &l.unit,
                ),
                Measure::AtMost(l) => (
                    "at_most",
                    String::new(),
                    String::new(),
                    l.level.to_string(),
                    &l.unit,
                ),
            };
            let row = |value: f64, confidence: u8, week: String, date: String, note: String| {
                let mut measure = k.measure.clone();
                measure.set_current(value);
                let mut row = head.to_vec();
                row.extend([
                    k.id.clone(),
                    k.title.clone(),
                    ty.to_string(),
                    start.clone(),
                    target.clone(),
                    level.clone(),
                    measure.current().to_string(),
                    unit.clone(),
                    format!("{:.3}", progress::measure_progress(&measure)),
                    confidence.to_string(),
                    k.weight.to_string(),
                    week,
                    date,
                    note,
                ]);
                row.extend(tail.iter().cloned());
                row
            };
            write_row(
                &mut w,
                &row(
                    k.measure.current(),
                    k.confidence,
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            )?;
            for c in data.checkins.iter().filter(|c| o.quarter.contains(c.date)) {
                if let Some(e) = c.entries.iter().find(|e| e.key_result == k.id) {
                    write_row(
                        &mut w,
                        &row(
                            e.value,
                            e.confidence,
                            c.week.to_string(),
                            c.date.to_string(),
                            e.note.clone(),
                        ),
                    )?;
                }
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// A CSV row with every field neutralised and inert in a spreadsheet
/// ([`text::inert_cell`]); a field's line breaks and tabs stay, and the
/// writer quotes a field that holds a line break.
fn write_row<W: Write>(w: &mut csv::Writer<W>, row: &[String]) -> Result<()> {
    w.write_record(
        row.iter()
            .map(|f| text::inert_cell(&text::neutralise(f, Output::Lines)).into_owned()),
    )
    .map_err(std::io::Error::from)
}
