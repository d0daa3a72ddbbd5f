//! `okr export --format json`: the Mål and check-ins in the file's own
//! shape, and the numbers every screen shows beside them. Quarters are the
//! file's keys (`2026-Q4`, a year's `2027`), counted in the year that
//! `settings.fiscal_year_start` says starts in that month, as in the file.

use std::io::Write;

use std::io::Result;

use chrono::NaiveDate;

use super::{Report, objectives_of};
use crate::model::forecast;
use crate::model::numbers::Figures;
use crate::model::progress::PaceStatus;
use crate::model::{FiscalYear, Objective, Quarter};
use crate::text;

/// The numbers a JSON report carries beside the data (what every screen
/// shows; an import leaves them): each quarter's progress and each Mål's,
/// and the forecast of each key result that has one (left out with none).
#[derive(serde::Serialize)]
struct JsonNumbers<'a> {
    quarters: std::collections::BTreeMap<String, Option<f64>>,
    objectives: Vec<JsonFigures<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    forecasts: Vec<JsonForecast<'a>>,
}

/// A key result's forecast ([`forecast::of`]): the day it is for, the value
/// and the progress that value would mean.
#[derive(serde::Serialize)]
struct JsonForecast<'a> {
    key_result: &'a str,
    date: NaiveDate,
    value: f64,
    progress: f64,
}

/// One Mål's numbers, by its id, in the order of the report's Mål.
#[derive(serde::Serialize)]
struct JsonFigures<'a> {
    id: &'a str,
    progress: Option<f64>,
    status: Option<&'static str>,
    from_children: usize,
    suggested_score: f64,
}

impl<'a> JsonFigures<'a> {
    fn of(id: &'a str, f: &Figures) -> Self {
        JsonFigures {
            id,
            progress: f.progress,
            status: f.status.map(PaceStatus::id),
            from_children: f.from_children,
            suggested_score: f.suggested_score(),
        }
    }
}

pub(super) fn export_json(
    report: &Report,
    quarters: &[Quarter],
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let data = report.data;
    let objectives: Vec<&Objective> = objectives_of(data, quarters).collect();
    let numbers = JsonNumbers {
        quarters: quarters
            .iter()
            .map(|q| {
                let mean = report.numbers.mean(data.in_quarter(*q).map(|(_, o)| o));
                (q.key(), mean)
            })
            .collect(),
        objectives: objectives
            .iter()
            .map(|o| JsonFigures::of(&o.id, &report.numbers.get(o)))
            .collect(),
        forecasts: objectives
            .iter()
            .flat_map(|o| o.key_results.iter().map(move |k| (o.dates(report.fy), k)))
            .filter_map(|(dates, k)| {
                let f = forecast::of(k, dates, today)?;
                Some(JsonForecast {
                    key_result: &k.id,
                    date: f.date,
                    value: f.value,
                    progress: f.progress,
                })
            })
            .collect(),
    };
    let checkins: Vec<_> = data
        .checkins
        .iter()
        .filter(|c| quarters.iter().any(|q| q.contains(report.fy, c.date)))
        .map(|c| &**c)
        .collect();
    /// The month the year the quarters are keyed by starts in, always
    /// written (a data file leaves out January's).
    #[derive(serde::Serialize)]
    struct Settings {
        fiscal_year_start: FiscalYear,
    }
    /// Written straight from the store, without a copy as a JSON value.
    #[derive(serde::Serialize)]
    struct Report<'a> {
        version: u32,
        settings: Settings,
        quarters: Vec<String>,
        objectives: Vec<&'a Objective>,
        checkins: Vec<&'a crate::model::CheckIn>,
        numbers: JsonNumbers<'a>,
    }
    let report = Report {
        // What is written is in this version's shape, whatever the file read.
        version: crate::model::FORMAT_VERSION,
        settings: Settings {
            fiscal_year_start: report.fy,
        },
        quarters: quarters.iter().map(|q| q.key()).collect(),
        objectives,
        checkins,
        numbers,
    };
    let mut json = serde_json::Serializer::with_formatter(&mut *out, text::JsonEscaping::default());
    serde::Serialize::serialize(&report, &mut json)?;
    writeln!(out)?;
    Ok(())
}
