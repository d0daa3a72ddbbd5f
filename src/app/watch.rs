//! Watches the data file for changes by others: an OS file-change
//! notification on the file's folder (not the file itself: an atomic save by
//! another program renames a new file over it, so the watched inode would be
//! gone), filtered to the file's name. A burst of events (a save is several)
//! becomes one look, once the folder has been quiet for a moment. Nothing
//! here wakes on a timer: between changes both threads block.

use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::saver::Poke;

/// How long the folder must be quiet before a burst of events counts as one change.
const QUIET: Duration = Duration::from_millis(60);

/// The watch; it ends when dropped.
pub struct Watch {
    _watcher: RecommendedWatcher,
}

/// Starts watching `target` (the file okr writes); each change by anyone
/// pokes the writer to look (it tells okr's own saves from others').
pub fn watch(target: &Path, poke: Poke) -> notify::Result<Watch> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let name: OsString = target.file_name().map(OsString::from).unwrap_or_default();
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
        if let Ok(ev) = res
            && concerns(&ev, &name)
        {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    std::thread::Builder::new()
        .name("okr-watch".into())
        .spawn(move || debounce(&rx, &poke))
        .map_err(notify::Error::io)?;
    Ok(Watch { _watcher: watcher })
}

/// Whether an event may have changed the file's content.
fn concerns(ev: &Event, name: &OsString) -> bool {
    let kind = matches!(
        ev.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any | EventKind::Other
    );
    kind && ev
        .paths
        .iter()
        .any(|p| p.file_name().is_some_and(|n| n == name.as_os_str()))
}

/// Blocks until an event, waits out the burst, pokes once; ends with the watch.
fn debounce(rx: &mpsc::Receiver<()>, poke: &Poke) {
    while rx.recv().is_ok() {
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(()) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    poke.look();
                    return;
                }
            }
        }
        poke.look();
    }
}
