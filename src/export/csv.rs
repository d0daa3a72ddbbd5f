//! `okr export --format csv`: a row per key result, and per key result per
//! check-in week; every field neutralised for a spreadsheet.

use std::io::Write;

use std::io::Result;

use super::{Report, objectives_of};
use crate::model::progress;
use crate::model::{KeyResult, Measure, Objective, Quarter};
use crate::text::{self, Output};

/// The columns, in order: the Mål's seven, the key result's fourteen, the
/// Mål's last five. A quarter is written by its name ([`Quarter::name`]):
/// `2026-Q4`, a year's `2027`, and with `FY` before it when the team's year
/// does not start in January; `until` is empty unless the Mål spans quarters.
const HEADER: [&str; 26] = [
    "quarter",
    "until",
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
];

/// One CSV row per key result for its state now (an empty `week`), and one
/// per key result per check-in week with the value, confidence and note of
/// that week.
pub(super) fn export_csv(
    report: &Report,
    quarters: &[Quarter],
    out: &mut impl Write,
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for o in objectives_of(report.data, quarters) {
        let (head, tail) = objective_cells(report, o)?;
        if o.key_results.is_empty() {
            let mut row = head.to_vec();
            row.resize(HEAD + 14, String::new());
            row.extend(tail.iter().cloned());
            write_row(&mut w, &row)?;
        }
        for k in &o.key_results {
            key_result_rows(report, o, k, (&head, &tail), &mut w)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// How many of a row's cells come before its key result's.
const HEAD: usize = 7;

/// A Mål's cells before its key result's (quarter, until, id, title, kind,
/// status, score) and after them (success, retro, owner, progress).
fn objective_cells(report: &Report, o: &Objective) -> Result<([String; HEAD], [String; 5])> {
    let word = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let until = o.until.filter(|_| o.spans());
    let head = [
        o.quarter.name(report.fy),
        until.map(|u| u.name(report.fy)).unwrap_or_default(),
        o.id.clone(),
        o.title.clone(),
        word(serde_json::to_value(o.kind)?),
        word(serde_json::to_value(o.status)?),
        o.score.map(|s| s.to_string()).unwrap_or_default(),
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
    Ok((head, tail))
}

/// A measure's type, start, target, level and unit cells.
fn measure_cells(measure: &Measure) -> [String; 5] {
    let none = String::new;
    match measure {
        Measure::Numeric(n) => [
            "numeric".into(),
            n.start.to_string(),
            n.target.to_string(),
            none(),
            n.unit.clone(),
        ],
        Measure::Done(_) => ["done".into(), none(), none(), none(), none()],
        Measure::AtLeast(l) => [
            "at_least".into(),
            none(),
            none(),
            l.level.to_string(),
            l.unit.clone(),
        ],
        Measure::AtMost(l) => [
            "at_most".into(),
            none(),
            none(),
            l.level.to_string(),
            l.unit.clone(),
        ],
    }
}

/// A key result's row for now, then one for each check-in week of its
/// quarter that has an entry for it.
fn key_result_rows<W: Write>(
    report: &Report,
    o: &Objective,
    k: &KeyResult,
    (head, tail): (&[String; HEAD], &[String; 5]),
    w: &mut csv::Writer<W>,
) -> Result<()> {
    let [ty, start, target, level, unit] = measure_cells(&k.measure);
    let row = |value: f64, confidence: u8, week: String, date: String, note: String| {
        let mut measure = k.measure.clone();
        measure.set_current(value);
        let mut row = head.to_vec();
        row.extend([
            k.id.clone(),
            k.title.clone(),
            ty.clone(),
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
    let now = row(
        k.measure.current(),
        k.confidence,
        String::new(),
        String::new(),
        String::new(),
    );
    write_row(w, &now)?;
    let weeks = report
        .data
        .checkins
        .iter()
        .filter(|c| o.dates(report.fy).contains(c.date));
    for c in weeks {
        if let Some(e) = c.entries.iter().find(|e| e.key_result == k.id) {
            let then = row(
                e.value,
                e.confidence,
                c.week.to_string(),
                c.date.to_string(),
                e.note.clone(),
            );
            write_row(w, &then)?;
        }
    }
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
