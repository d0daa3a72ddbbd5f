//! `okr demo`: the tracker on the example OKRs in a temporary file, so
//! every key can be tried without touching one's own data.

use std::process::ExitCode;

use crate::error::Result;
use chrono::NaiveDate;

use super::Me;
use super::error::CliError;
use crate::i18n;
use crate::keys::Keymap;
use crate::model::owners::OwnerFilter;
use crate::store;
use crate::tui::{Options, Start, TerminalError};

/// `okr demo`; `--file` is refused (the demo never writes a user's file).
pub fn run(file_given: bool, who: Me, keymap: Keymap, today: NaiveDate) -> Result<ExitCode> {
    if file_given {
        return Err(CliError::DemoFile.into());
    }
    let dir = tempfile::Builder::new()
        .prefix("okr-demo-")
        .tempdir()
        .map_err(|e| TerminalError::TempFolder(std::env::temp_dir(), store::IoReason::of(&e)))?;
    let path = dir.path().join("okr.json");
    let mut store = store::Store::open(&path)?.0;
    // The example speaks the demo's language, as the screens do.
    let lang = i18n::choose_lang(who.lang, None);
    store.save(&crate::demo::example_in(today, lang))?;
    drop(store);
    // Settings changed in the demo are kept for its run only.
    let options = Options {
        lang: who.lang,
        today,
        demo: true,
        start: Start::Quarter,
        me: who.me,
        config: None,
        filter: OwnerFilter::Everyone,
        trip: None,
        keymap,
        // The example file is nobody's: no hook hears of it.
        hooks: crate::hooks::Hooks::default(),
    };
    super::tracker::run(&path, options)
}
