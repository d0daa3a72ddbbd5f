//! `okr export --format html`: one self-contained page (inline CSS and
//! SVG, no script, nothing fetched) of the chosen quarters. The frame, its
//! style sheet and its pictures are [`page`], for every HTML report; the
//! quarters are `quarter`, the weekly digest `digest`.

use std::io::{Result, Write};

use chrono::NaiveDate;

use super::Report;
use crate::i18n::Strings;
use crate::model::Quarter;

pub mod digest;
pub mod page;
mod quarter;

pub(super) fn export_html(
    report: &Report,
    quarters: &[Quarter],
    s: &Strings,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let title = match quarters {
        [] => "OKR".to_string(),
        [one] => format!("OKR {}", one.label(report.fy)),
        [first, .., last] => format!("OKR {}–{}", first.label(report.fy), last.label(report.fy)),
    };
    let frame = page::Frame {
        lang: s.lang,
        title: &title,
        heading: &title,
        note: &(s.html.as_of)(&today.to_string()),
    };
    let body = quarter::quarters(report, quarters, s, today);
    page::write(page::document(&frame, body), out)
}
