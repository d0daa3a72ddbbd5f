//! An open data file: read, locked while okr may write it, saved atomically
//! with a copy of the file kept before the first write of a run, and never
//! written over a version someone else saved.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic::{self, Faults, Keep};
use super::fingerprint::{Fingerprint, Hashing, HashingWriter};
use super::{
    Disk, IoReason, LoadError, OpenError, Problem, SaveError, format, is_read_only, lock,
    parse_checked, read_with_bytes, remove_stale_temp_files, resolve, sibling, unused_sibling,
    with_given_path,
};
use crate::model::{Data, FORMAT_VERSION};

/// An open data file. A file that is there when okr opens it is locked at
/// once; a new one when okr first saves it, so that opening a new path and
/// quitting leaves nothing on disk.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    target: PathBuf,
    lock: Option<lock::Lock>,
    seen: Option<Fingerprint>,
    backed_up: bool,
    /// The conflict copy of this run, once there is one.
    conflict: Option<PathBuf>,
    faults: Faults,
    /// The file on disk is of an older format: the first save keeps a copy
    /// of it first (`okr.json.v1.bak`).
    migrate_from: Option<u32>,
    /// A copy of the file to keep before the next save, under this ending
    /// (`.fy.bak`: before the quarters are renamed, [`Store::keep_copy`]).
    copy_named: Option<&'static str>,
    /// The file's bytes as okr last read them, until the first save has
    /// copied them (the backup, the original of an older format): the
    /// copy is made of what okr read, not of a second read.
    original: Option<Vec<u8>>,
}

impl Store {
    /// Locks and reads the file at `path` (a missing file is an empty store,
    /// and nothing is created until it is saved). A file of an older format
    /// is read into this one's: the first save writes it as
    /// [`FORMAT_VERSION`], after keeping the original as `okr.json.v1.bak`.
    pub fn open(path: &Path) -> Result<(Store, Data), super::Error> {
        let target = resolve(path);
        let lock = match fs::symlink_metadata(&target) {
            Ok(_) => Some(take_lock(&target)?),
            Err(_) => None,
        };
        let (mut data, seen) = read_with_bytes(&target).map_err(|e| with_given_path(e, path))?;
        let migrate_from =
            (seen.is_some() && data.version < FORMAT_VERSION).then_some(data.version);
        data.version = FORMAT_VERSION;
        let store = Store {
            path: path.to_path_buf(),
            target,
            lock,
            seen: seen.as_deref().map(Fingerprint::of),
            backed_up: false,
            conflict: None,
            faults: Faults::default(),
            migrate_from,
            copy_named: None,
            original: seen,
        };
        Ok((store, data))
    }

    /// Whether the file is read-only (no write permission for anyone). okr
    /// then shows it but does not replace it, although the folder would let it.
    pub fn is_read_only(&self) -> bool {
        is_read_only(&self.target)
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The backup kept before the first write of a run: `okr.json.bak`.
    pub fn backup_path(&self) -> PathBuf {
        sibling(&self.target, ".bak")
    }

    /// Test seam: the Nth write step from now fails like a full disk.
    pub fn faults(&mut self) -> &mut Faults {
        &mut self.faults
    }

    /// The file writes go to (a symbolic link's target): the one to watch.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Reads the file again after it may have changed on disk. A file that
    /// is what okr last read or wrote is [`Disk::Same`] (okr's own saves);
    /// a changed file that can be read becomes what okr last read: its
    /// saves from now on are checked against it.
    pub fn reread(&mut self) -> Disk {
        self.faults.read_step();
        let bytes = match fs::read(&self.target) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Disk::Gone,
            Err(e) => {
                return Disk::Unreadable(LoadError {
                    path: self.path.clone(),
                    position: None,
                    problem: Problem::Io(IoReason::of(&e)),
                });
            }
        };
        // okr's own saves end here, before any parsing.
        let seen = Fingerprint::of(&bytes);
        if self.seen.as_ref() == Some(&seen) {
            return Disk::Same;
        }
        match parse_checked(&self.target, &bytes) {
            Ok(mut data) => {
                if data.version < FORMAT_VERSION && self.migrate_from.is_none() {
                    self.migrate_from = Some(data.version);
                }
                data.version = FORMAT_VERSION;
                self.seen = Some(seen);
                if self.copies_due() {
                    self.original = Some(bytes);
                }
                // The file okr ran into trouble with is readable again.
                self.conflict = None;
                Disk::Changed(Box::new(data))
            }
            Err(e) => Disk::Unreadable(with_given_path(e, &self.path)),
        }
    }

    /// Whether the next save first copies the file (the backup of the
    /// run, or the original of an older format).
    fn copies_due(&self) -> bool {
        self.migrate_from.is_some() || !self.backed_up || self.copy_named.is_some()
    }

    /// Keeps a copy of the file as okr last read or wrote it before the
    /// next save, beside it under the first free name with `ending`
    /// (`okr.json.fy.bak`, else `okr.json.fy.bak.2`, …).
    pub fn keep_copy(&mut self, ending: &'static str) {
        self.copy_named = Some(ending);
    }

    /// Whether the file on disk is still the one okr read or wrote last:
    /// the same bytes (read in blocks as they are hashed). The same size
    /// and time would not prove it: a synced folder, `touch -r` or a write
    /// within the clock's tick keep both. A file someone deleted is fine:
    /// writing it anew overwrites nothing.
    fn check_unchanged(&self) -> Result<(), SaveError> {
        match Fingerprint::of_file(&self.target) {
            Ok(now) if self.seen.as_ref() == Some(&now) => Ok(()),
            Ok(_) => Err(SaveError::Conflict(self.path.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(SaveError::Io(self.path.clone(), e)),
        }
    }

    /// Saves atomically. On any error the file on disk is left as it was.
    pub fn save(&mut self, data: &Data) -> Result<(), SaveError> {
        // Before the first save's copy of the file, so that a refused save
        // leaves nothing behind.
        format::check_numbers(data).map_err(SaveError::Encode)?;
        self.save_with(|out| format::encode(data, out))
    }

    /// Saves already encoded bytes (see [`format::serialize`]).
    pub fn save_bytes(&mut self, bytes: &[u8]) -> Result<(), SaveError> {
        self.save_with(|out| out.write_all(bytes))
    }

    fn save_with(
        &mut self,
        write: impl FnOnce(&mut io::BufWriter<HashingWriter<fs::File>>) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        if self.is_read_only() {
            return Err(SaveError::ReadOnly(self.path.clone()));
        }
        if self.lock.is_none() {
            self.lock = Some(take_lock(&self.target).map_err(SaveError::Open)?);
        }
        // Copies of the file are taken only of okr's own version: a file
        // someone else changed costs a temporary file, never their work.
        if self.copies_due() {
            self.check_unchanged()?;
            // Unchanged: the bytes okr read are the file's, unless it is gone.
            let old = match self.original.take() {
                None if self.copy_named.is_some() => fs::read(&self.target).ok(),
                old => old.filter(|_| self.target.exists()),
            };
            let copied = self.copy_first(old.as_deref());
            if copied.is_err() {
                self.original = old;
            }
            copied?;
        }
        let io = |e| SaveError::Io(self.path.clone(), e);
        let mut hash = Hashing::default();
        let prepared = atomic::prepare(&self.target, Keep::Permissions, &mut self.faults, |f| {
            let mut out = io::BufWriter::with_capacity(
                256 * 1024,
                HashingWriter {
                    inner: f,
                    hash: &mut hash,
                },
            );
            write(&mut out)?;
            out.flush()
        })
        .map_err(io)?;
        // The new version is on the disk; at the last moment before it
        // takes the file's place, the file must still be the one okr read or
        // wrote last: a version someone else saved meanwhile is not replaced.
        self.check_unchanged()?;
        prepared.commit(&mut self.faults).map_err(io)?;
        self.seen = Some(hash.finish());
        Ok(())
    }

    /// The copies a first save makes of the file as it was, `old`: the
    /// original of an older format, under a name no earlier copy has
    /// (`okr.json.v1.bak`, else `okr.json.v1.bak.2`, …), and the backup of
    /// the run. Each is made once; a failed one is made again next time.
    fn copy_first(&mut self, old: Option<&[u8]>) -> Result<(), SaveError> {
        let io = |e| SaveError::Io(self.path.clone(), e);
        if let (Some(version), Some(old)) = (self.migrate_from, old) {
            let copy = unused_sibling(&self.target, &format!(".v{version}.bak"));
            atomic::write_private(&copy, old, &mut self.faults).map_err(io)?;
        }
        self.migrate_from = None;
        if let (Some(ending), Some(old)) = (self.copy_named, old) {
            let copy = unused_sibling(&self.target, ending);
            atomic::write_private(&copy, old, &mut self.faults).map_err(io)?;
        }
        self.copy_named = None;
        if let (false, Some(old)) = (self.backed_up, old) {
            atomic::write_private(&self.backup_path(), old, &mut self.faults).map_err(io)?;
        }
        self.backed_up = true;
        Ok(())
    }

    /// Writes the data beside the file as `okr.json.conflict`, for when the
    /// file itself changed under okr: nothing typed is lost, nothing
    /// overwritten. A conflict file an earlier run left is never replaced:
    /// this run takes the first free name (`okr.json.conflict.2`, …) and keeps
    /// it for its later changes.
    pub fn save_conflict_copy(&mut self, data: &Data) -> Result<PathBuf, SaveError> {
        let bytes = format::serialize(data).map_err(SaveError::Encode)?;
        let path = match &self.conflict {
            Some(p) => p.clone(),
            None => unused_sibling(&self.target, ".conflict"),
        };
        atomic::write_private(&path, &bytes, &mut self.faults)
            .map_err(|e| SaveError::Io(path.clone(), e))?;
        self.conflict = Some(path.clone());
        Ok(path)
    }
}

/// Creates the file's folder when it is missing, takes the lock, and
/// removes temporary files a save killed half-way left behind (only the
/// lock holder does this, so no live save's temporary file is touched).
fn take_lock(target: &Path) -> Result<lock::Lock, OpenError> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)
            .map_err(|e| OpenError::Folder(dir.to_path_buf(), IoReason::of(&e)))?;
    }
    let lock = lock::acquire(target)?;
    remove_stale_temp_files(target);
    Ok(lock)
}
