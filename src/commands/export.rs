//! `okr export [--quarter Q|all] [--format md|csv|json|html]`: a report of the
//! chosen quarters on standard output (the reports are in [`crate::export`]).

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use chrono::NaiveDate;

use super::Me;
use crate::export::{Format, Narrow, QuarterChoice};
use crate::i18n;
use crate::model::Quarter;
use crate::store;

pub fn run(
    file: &Path,
    who: &Me,
    (quarter, format): (Option<QuarterChoice>, Format),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let data = store::read(file)?;
    let lang = i18n::choose_lang(who.lang, data.settings.language);
    let which = quarter.unwrap_or(QuarterChoice::One(Quarter::of(today, data.fiscal_year())));
    let narrow = who.owner.as_ref().map(|filter| Narrow {
        filter,
        me: who.me.as_deref(),
    });
    crate::export::export(&data, narrow, which, format, lang, today, out)?;
    // The process ends next: its memory goes back whole, not item by item.
    std::mem::forget(data);
    Ok(())
}
