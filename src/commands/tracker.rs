//! `okr`, `okr checkin` and `okr review [QUARTER]`: the tracker in the
//! terminal, opened where it was asked to start.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::error::Result;
use chrono::NaiveDate;

use super::Me;
use crate::i18n;
use crate::keys::Keymap;
use crate::model::owners::OwnerFilter;
use crate::store::Store;
use crate::tui::{self, Options, Start};

/// Opens the tracker on `file` at `start`. `okr checkin --owner NAME|me`
/// checks in for NAME's (or my) Mål.
pub fn open(
    file: &Path,
    who: Me,
    keymap: Keymap,
    start: Start,
    today: NaiveDate,
) -> Result<ExitCode> {
    let filter = match (start, &who.owner) {
        (Start::CheckIn, Some(owner)) => owner.clone(),
        _ => OwnerFilter::Everyone,
    };
    let hooks = who.hooks();
    let options = Options {
        lang: who.lang,
        today,
        demo: false,
        start,
        me: who.me,
        config: who.config,
        filter,
        trip: None,
        keymap,
        hooks,
    };
    run(file, options)
}

/// Runs the tracker; afterwards, on the restored terminal, says why it ended
/// when that was not the user's choice, and where unsaved changes went.
pub fn run(file: &Path, options: Options) -> Result<ExitCode> {
    let (store, data) = Store::open(file)?;
    let exit = tui::run(store, data, options)?;
    let s = i18n::strings(exit.lang);
    let mut err = std::io::stderr();
    if let Some(gone) = &exit.gone {
        let _ = writeln!(err, "okr: {}", gone.text(s));
    }
    match &exit.rescue {
        Some(Ok(path)) => {
            let _ = writeln!(err, "okr: {}", (s.rescued)(&path.display().to_string()));
        }
        Some(Err(e)) => {
            let _ = writeln!(err, "okr: {}", (s.rescue_failed)(&e.text(s)));
        }
        None => {}
    }
    for said in &exit.hooks {
        let _ = writeln!(err, "okr: {said}");
    }
    let failed = exit.gone.is_some() || matches!(exit.rescue, Some(Err(_)));
    Ok(ExitCode::from(if exit.code == 0 && failed {
        1
    } else {
        exit.code
    }))
}
