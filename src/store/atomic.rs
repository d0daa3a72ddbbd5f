//! Atomic replacement of a file: a temporary file in the same folder, flushed,
//! given the old file's permission bits, renamed over the old one, folder flushed.
//! A crash at any moment leaves the old file or the new one, whole.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};

/// Seams for tests: the Nth write step from now fails, as a full disk would;
/// or every write waits at a gate, as a slow disk would, until it is opened.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    always: bool,
    countdown: Option<u32>,
    gate: Option<Arc<Gate>>,
    read_gate: Option<Arc<Gate>>,
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

    /// Waits until a write has reached the gate.
    pub fn wait_for_writer(&self) {
        if let Ok(mut n) = self.arrived.lock() {
            while *n == 0 {
                match self.arrival.wait(n) {
                    Ok(g) => n = g,
                    Err(_) => return,
                }
            }
        }
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
/// `target` are kept; a new file gets `0o600`-style private bits from the temp file.
pub fn write_atomic(target: &Path, bytes: &[u8], faults: &mut Faults) -> io::Result<()> {
    write_atomic_with(target, faults, |out| out.write_all(bytes))
}

/// Like [`write_atomic`], with the bytes written by `write` straight into
/// the temporary file, so that they need not be held in memory whole
/// first. `write` buffers its own small writes.
pub fn write_atomic_with(
    target: &Path,
    faults: &mut Faults,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    prepare_with(target, faults, write)?.commit(faults)
}

/// A new version written and flushed beside its file, not yet in its place:
/// [`Prepared::commit`] renames it over the file; dropped, it is removed.
pub struct Prepared {
    tmp: tempfile::NamedTempFile,
    target: std::path::PathBuf,
}

/// The first half of [`write_atomic_with`]: everything but the rename, so
/// that what is about to be replaced can be checked once more at the last
/// moment.
pub fn prepare_with(
    target: &Path,
    faults: &mut Faults,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Prepared> {
    let prepared = prepare_unflushed(target, faults, write)?;
    prepared.flush()?;
    Ok(prepared)
}

/// [`prepare_with`] without flushing the new version to the disk: call
/// [`Prepared::flush`] before [`Prepared::commit`], and meanwhile do what
/// need not wait for the disk.
pub fn prepare_unflushed(
    target: &Path,
    faults: &mut Faults,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Prepared> {
    let dir = folder_of(target);
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("okr");
    let permissions: Option<Permissions> = fs::metadata(target).ok().map(|m| m.permissions());
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
    Ok(Prepared {
        tmp,
        target: target.to_path_buf(),
    })
}

impl Prepared {
    /// Flushes the new version to the disk.
    pub fn flush(&self) -> io::Result<()> {
        self.tmp.as_file().sync_all()
    }

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

fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The size of the buffer between an encoder and the file.
pub(crate) const BUFFER: usize = 256 * 1024;
