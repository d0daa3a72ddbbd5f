//! `okr merge BASE OURS THEIRS`: git's merge driver.

use std::io::Write;
use std::path::Path;

use crate::i18n::Strings;
use crate::store;

/// `okr merge BASE OURS THEIRS`, git's merge driver (`%O %A %B`): the three
/// copies merged (see [`crate::model::merge`]) and written atomically over
/// OURS. Exit code 0 when clean, 1 when the result holds conflicts (in its
/// `conflicts` list), 2 when a copy cannot be read or the result not written
/// (nothing written then). No lock and no backup: these are git's own
/// temporary files, and git keeps every side.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    s: &Strings,
    err: &mut impl Write,
) -> u8 {
    let read = |path: &Path, empty_is_new: bool| -> Result<crate::model::Data, store::LoadError> {
        // git passes an empty base when both sides added the file.
        if empty_is_new && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Ok(crate::model::Data::default());
        }
        if let Err(e) = std::fs::metadata(path) {
            return Err(store::LoadError {
                path: path.to_path_buf(),
                position: None,
                problem: store::Problem::Io(store::IoReason::of(&e)),
            });
        }
        store::read(path)
    };
    // The three copies are read side by side: nothing of one waits for another.
    let (b, o, t) = std::thread::scope(|scope| {
        let b = scope.spawn(|| read(base, true));
        let t = scope.spawn(|| read(theirs, false));
        let o = read(ours, false);
        let join = |h: std::thread::ScopedJoinHandle<'_, _>, path: &Path| {
            h.join().unwrap_or_else(|_| {
                Err(store::LoadError {
                    path: path.to_path_buf(),
                    position: None,
                    problem: store::Problem::Io(store::IoReason::Other("the read stopped".into())),
                })
            })
        };
        (join(b, base), o, join(t, theirs))
    });
    let sides = b.and_then(|b| Ok((b, o?, t?)));
    let (b, o, t) = match sides {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "okr: {}", crate::text::line(&e.text(s)));
            return 2;
        }
    };
    let merged = crate::model::merge::merge(&b, &o, &t);
    // A result no okr would read is never written, nor committed by git.
    if let Err(broken) = crate::model::validate::validate(&merged.data) {
        let _ = writeln!(
            err,
            "okr: {}",
            crate::text::line(&(s.merge_invalid)(&store::format::broken_text(&broken, s)))
        );
        return 2;
    }
    let written = store::format::serialize(&merged.data)
        .map_err(store::SaveError::Encode)
        .and_then(|bytes| {
            store::atomic::write_atomic(ours, &bytes, &mut store::Faults::default())
                .map_err(|e| store::SaveError::Io(ours.to_path_buf(), e))
        });
    if let Err(e) = written {
        let _ = writeln!(err, "okr: {}", crate::text::line(&e.text(s)));
        return 2;
    }
    for (old, new) in &merged.renumbered {
        let _ = writeln!(
            err,
            "okr: {}",
            crate::text::line(&(s.merge_renumbered)(old, new))
        );
    }
    // Only what this merge found: conflicts already in a file are waiting
    // on the conflicts screen, and must not stop every later pull.
    let open = merged.conflicts;
    if open > 0 {
        // git's temporary file names mean nothing to a person: no path.
        let _ = writeln!(err, "okr: {}", (s.merge_conflicts)(open));
        return 1;
    }
    0
}
