//! `okr sync [--setup]`: the data file committed, pulled with okr's merge
//! driver and pushed, in a git working tree (see [`crate::sync`]).

use std::io::Write;
use std::path::Path;

use crate::error::Result;

use super::Me;
use crate::i18n;
use crate::keys::{Action, Context, Keymap};
use crate::sync::{self, Repo};

/// `okr sync`, or with `setup` the set-up alone; what it did on `out`,
/// one line each. Conflicts left in the file end it with the key that
/// opens them in the tracker.
pub fn run(file: &Path, setup: bool, who: &Me, keymap: Keymap, out: &mut dyn Write) -> Result<()> {
    let lang = i18n::choose_lang(who.lang, None);
    let s = i18n::strings(lang);
    let repo = Repo::find(file, false)?;
    if setup {
        for line in sync::set_up(&repo, s)? {
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    let done = sync::sync(&repo, who.me.as_deref(), s)?;
    writeln!(out, "{}", done.text(s))?;
    if done.conflicts > 0 {
        let key = keymap
            .in_lang(lang)
            .key_of(Action::Conflicts, Context::Quarter);
        writeln!(out, "{}", (s.sync.conflicts)(done.conflicts, &key))?;
    }
    Ok(())
}
