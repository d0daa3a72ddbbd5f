//! Atomic replacement of a file: a temporary file in the same folder, flushed,
//! given the old file's permission bits, renamed over the old one, folder flushed.
//! A crash at any moment leaves the old file or the new one, whole.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Seams for tests: the Nth write step from now fails, as a full disk would;
/// or every write waits at a gate, as a slow disk would, until it is opened.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    always: bool,
    countdown: Option<u32>,
    gate: Option<Arc<Gate>>,
    read_gate: Option<Arc<Gate>>,
    flush_gate: Option<Arc<Gate>>,
}

/// Holds writes until opened (see [`Faults::hold_writes`]).
#[derive(Debug, Default)]
pub struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
    /// How many writes have reached the gate.
    arrived: Mutex<u32>,
    arrival: Condvar,
}

impl Gate {
    pub fn open(&self) {
        if let Ok(mut o) = self.open.lock() {
            *o = true;
        }
        self.opened.notify_all();
    }

    /// Waits until a write has reached the gate, for at most `within`:
    /// false when none came, so that a test fails instead of hanging.
    pub fn wait_for_writer(&self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        let Ok(mut n) = self.arrived.lock() else {
            return false;
        };
        while *n == 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match self.arrival.wait_timeout(n, left) {
                Ok((g, _)) => n = g,
                Err(_) => return false,
            }
        }
        true
    }

    fn pass(&self) {
        if let Ok(mut n) = self.arrived.lock() {
            *n += 1;
        }
        self.arrival.notify_all();
        if let Ok(mut o) = self.open.lock() {
            while !*o {
                match self.opened.wait(o) {
                    Ok(g) => o = g,
                    Err(_) => return,
                }
            }
        }
    }
}

impl Faults {
    /// Every write step waits at the returned gate until it is opened.
    pub fn hold_writes(&mut self) -> Arc<Gate> {
        let gate = Arc::new(Gate::default());
        self.gate = Some(Arc::clone(&gate));
        gate
    }

    /// Every flush of a new version to the disk waits at the returned gate
    /// until it is opened, as on a slow disk: the new version is written,
    /// not yet flushed, and the check that nobody else changed the file is
    /// still to come.
    pub fn hold_flushes(&mut self) -> Arc<Gate> {
        let gate = Arc::new(Gate::default());
        self.flush_gate = Some(Arc::clone(&gate));
        gate
    }

    fn flush_step(&self) {
        if let Some(g) = &self.flush_gate {
            g.pass();
        }
    }

    /// Every read of a changed file waits at the returned gate until it is
    /// opened, as on a slow disk (see [`super::Store::reread`]).
    pub fn hold_reads(&mut self) -> Arc<Gate> {
        let gate = Arc::new(Gate::default());
        self.read_gate = Some(Arc::clone(&gate));
        gate
    }

    pub(crate) fn read_step(&self) {
        if let Some(g) = &self.read_gate {
            g.pass();
        }
    }

    /// Every write step fails from now on, as on a disk that stays full.
    pub fn fail_all_writes(&mut self) {
        self.always = true;
    }

    /// The `n`th write step from now (1 = the next one) fails.
    pub fn fail_nth_write(&mut self, n: u32) {
        self.countdown = Some(n.max(1));
    }

    pub(crate) fn step(&mut self) -> io::Result<()> {
        if let Some(g) = &self.gate {
            g.pass();
        }
        let full = || {
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (simulated)",
            ))
        };
        if self.always {
            return full();
        }
        match self.countdown {
            Some(1) => {
                self.countdown = None;
                full()
            }
            Some(n) => {
                self.countdown = Some(n - 1);
                Ok(())
            }
            None => Ok(()),
        }
    }
}

/// Writes `bytes` to `target` atomically. The permission bits of an existing
/// `target` are kept; a new file is readable by its owner only.
pub fn write_atomic(target: &Path, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
    prepare(target, Keep::Permissions, faults, |out| {
        out.write_all(bytes)
    })?
    .commit(faults)
}

/// Like [`write_atomic`], always readable by its owner only (a copy of the
/// data: a backup).
pub fn write_private(target: &Path, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
    prepare(target, Keep::Private, faults, |out| out.write_all(bytes))?.commit(faults)
}

/// The permission bits a new version gets.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Those of the file it replaces (a new file: the owner's only).
    Permissions,
    /// The owner's only, whatever the file it replaces had.
    Private,
}

/// A new version written and flushed beside its file, not yet in its place:
/// [`Prepared::commit`] renames it over the file; dropped, it is removed.
pub struct Prepared {
    tmp: tempfile::NamedTempFile,
    target: std::path::PathBuf,
}

/// Everything of an atomic write but the rename: the bytes `write` writes
/// go to a temporary file beside `target`, which is flushed to the disk.
/// What is about to be replaced can then be checked at the last moment,
/// before [`Prepared::commit`].
pub fn prepare(
    target: &Path,
    keep: Keep,
    faults: &mut Faults,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<Prepared> {
    let dir = folder_of(target);
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("okr");
    let permissions: Option<Permissions> = match keep {
        Keep::Permissions => fs::metadata(target).ok().map(|m| m.permissions()),
        Keep::Private => None,
    };
    // tempfile makes the file readable by its owner only.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    faults.step()?;
    write(tmp.as_file_mut())?;
    faults.step()?;
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    faults.flush_step();
    tmp.as_file().sync_all()?;
    Ok(Prepared {
        tmp,
        target: target.to_path_buf(),
    })
}

impl Prepared {
    /// Renames the new version over the file, then flushes the folder.
    pub fn commit(self, faults: &mut Faults) -> io::Result<()> {
        faults.step()?;
        self.tmp.persist(&self.target).map_err(|e| e.error)?;
        // Flush the folder so that the rename itself survives a power cut.
        if let Ok(d) = File::open(folder_of(&self.target)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

pub(crate) fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
