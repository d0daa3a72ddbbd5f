//! `okr report [--week [WEEK]] [--format text|md|json]`: the digest of a
//! check-in period ([`crate::model::digest`]), per owner and for the team,
//! on standard output; with `--owner`, one owner's part.

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use chrono::NaiveDate;

use super::Me;
use super::error::CliError;
use crate::cli::ReportFormat;
use crate::export::digest::{self, DigestFormat};
use crate::i18n;
use crate::model::IsoWeek;
use crate::model::author;
use crate::store;

pub fn run(
    file: &Path,
    who: &Me,
    (week, format): (Option<&str>, ReportFormat),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let week: Option<IsoWeek> = match week.map(str::trim).filter(|w| !w.is_empty()) {
        Some(w) => Some(w.parse().map_err(|_| CliError::NotAWeek(w.to_string()))?),
        None => None,
    };
    let data = store::read(file)?;
    let lang = i18n::choose_lang(who.lang, data.settings.language);
    let period = crate::model::digest::period_for(&data, week, today);
    let mut d = crate::model::digest::digest(&data, period, today);
    if let Some(owner) = who.narrowed() {
        d.parts
            .retain(|p| p.owner.as_deref().is_some_and(|o| author::same(o, &owner)));
        d.not_checked_in.retain(|o| author::same(o, &owner));
    }
    let s = i18n::strings(lang);
    match format {
        ReportFormat::Text => digest::write(&d, DigestFormat::Text, s, out)?,
        ReportFormat::Md => digest::write(&d, DigestFormat::Md, s, out)?,
        ReportFormat::Json => digest::write(&d, DigestFormat::Json, s, out)?,
        ReportFormat::Html => crate::export::html::digest::write(&d, s, out)?,
    }
    Ok(())
}
