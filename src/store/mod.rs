//! The data file: where it lives, how it is read, and how it is written
//! safely (lock, atomic save, a backup before the first write, conflict check).

pub mod atomic;
pub mod encode;
pub mod format;
pub mod glance;
pub mod lock;
pub mod split;

use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Result;

pub use atomic::Faults;
pub use format::{LoadError, Problem};

use crate::i18n::Strings;
use crate::model::{Data, FORMAT_VERSION};

/// The environment variable that names the data file.
pub const FILE_ENV: &str = "OKR_FILE";

/// The data file: `--file`, else `OKR_FILE`, else `okr.json` in the platform's data folder.
pub fn data_path(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(FILE_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    default_path()
}

/// `okr.json` in the platform's data folder (from the `directories` crate).
pub fn default_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "okr")
        .map(|d| d.data_dir().join("okr.json"))
        .ok_or_else(|| OpenError::NoHome.into())
}

/// Why an I/O step failed, in words a person reads (see [`IoReason::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoReason {
    NotFound,
    Permission,
    ReadOnly,
    Full,
    IsDir,
    /// The file itself is read-only (no write permission for anyone).
    FileReadOnly,
    /// Anything else: the system's own words.
    Other(String),
}

impl IoReason {
    pub fn of(e: &io::Error) -> IoReason {
        match e.kind() {
            io::ErrorKind::NotFound => IoReason::NotFound,
            io::ErrorKind::PermissionDenied => IoReason::Permission,
            io::ErrorKind::ReadOnlyFilesystem => IoReason::ReadOnly,
            io::ErrorKind::StorageFull => IoReason::Full,
            io::ErrorKind::IsADirectory => IoReason::IsDir,
            _ => {
                let s = e.to_string();
                IoReason::Other(match s.find(" (os error") {
                    Some(i) => s[..i].to_string(),
                    None => s,
                })
            }
        }
    }

    pub fn text(&self, s: &Strings) -> String {
        match self {
            IoReason::NotFound => s.io_not_found.into(),
            IoReason::Permission => s.io_permission.into(),
            IoReason::ReadOnly => s.io_read_only.into(),
            IoReason::Full => s.io_full.into(),
            IoReason::IsDir => s.io_is_dir.into(),
            IoReason::FileReadOnly => s.io_file_read_only.into(),
            IoReason::Other(m) => m.clone(),
        }
    }
}

/// Why the file could not be opened for writing.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    NoHome,
    Folder(PathBuf, IoReason),
    LockFile(PathBuf, IoReason),
    /// Another okr has it open; its process id when known.
    LockHeld(PathBuf, Option<u32>),
}

impl OpenError {
    pub fn text(&self, s: &Strings) -> String {
        let d = |p: &PathBuf| p.display().to_string();
        match self {
            OpenError::NoHome => s.e_no_home.to_string(),
            OpenError::Folder(p, r) => (s.e_folder)(&d(p), &r.text(s)),
            OpenError::LockFile(p, r) => (s.e_lock_file)(&d(p), &r.text(s)),
            OpenError::LockHeld(p, pid) => (s.e_lock_held)(&d(p), *pid),
        }
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for OpenError {}

/// The path writes go to: a symlink's target, so that the link stays a link.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    if let Ok(link) = fs::read_link(path) {
        return match path.parent() {
            Some(dir) if link.is_relative() => dir.join(link),
            _ => link,
        };
    }
    path.to_path_buf()
}

/// What the file on disk looked like when this okr last read or wrote it:
/// its length and a hash of its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    hash: u64,
}

fn fingerprint(bytes: &[u8], _meta: &fs::Metadata) -> Fingerprint {
    let mut h = ContentHash::new();
    h.update(bytes);
    h.finish()
}

/// A hash of a file's bytes that is the same however the bytes are handed
/// to it (all at once, as they are written, as they are read back): they
/// are hashed in blocks of a fixed size. foldhash reads every byte of a
/// block, at several gigabytes a second; a change by someone else goes
/// unnoticed only if it keeps the length and all 64 bits of the hash.
struct ContentHash {
    state: foldhash::fast::FoldHasher<'static>,
    block: Vec<u8>,
    len: u64,
}

const HASH_BLOCK: usize = 64 * 1024;

impl ContentHash {
    fn new() -> ContentHash {
        use std::hash::BuildHasher;
        ContentHash {
            state: foldhash::fast::FixedState::with_seed(0x6f6b_7220_6669_6c65).build_hasher(),
            block: Vec::new(),
            len: 0,
        }
    }

    fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        while !bytes.is_empty() {
            if self.block.is_empty() && bytes.len() >= HASH_BLOCK {
                self.state.write(&bytes[..HASH_BLOCK]);
                bytes = &bytes[HASH_BLOCK..];
                continue;
            }
            let take = (HASH_BLOCK - self.block.len()).min(bytes.len());
            self.block.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.block.len() == HASH_BLOCK {
                self.state.write(&self.block);
                self.block.clear();
            }
        }
    }

    fn finish(mut self) -> Fingerprint {
        if !self.block.is_empty() {
            self.state.write(&self.block);
        }
        self.state.write_u64(self.len);
        Fingerprint {
            len: self.len,
            hash: self.state.finish(),
        }
    }

    /// The fingerprint of the file at `path`, read in blocks (never whole).
    fn of_file(path: &Path) -> io::Result<Fingerprint> {
        use std::io::Read;
        let mut file = fs::File::open(path)?;
        let mut h = ContentHash::new();
        let mut buf = vec![0; 4 * HASH_BLOCK];
        loop {
            match file.read(&mut buf) {
                Ok(0) => return Ok(h.finish()),
                Ok(n) => h.update(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// A writer that hashes what passes through it, behind a buffer: the
/// encoder's many small writes stay in the buffer, and only full buffers
/// are hashed and handed on.
type Hashing<'a> = io::BufWriter<HashingWriter<'a>>;

struct HashingWriter<'a> {
    inner: &'a mut dyn io::Write,
    hash: &'a mut ContentHash,
}

impl io::Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads a data file without locking it (for export and other read-only use).
/// A missing file is an empty store. Like [`Store::open`], it checks the
/// values as well as the shape (see [`crate::model::validate`]).
pub fn read(path: &Path) -> Result<Data, LoadError> {
    read_with_bytes(path).map(|(data, _)| data)
}

/// The bytes and metadata a load saw, to notice later changes by others.
type Seen = Option<(Vec<u8>, fs::Metadata)>;

fn read_with_bytes(path: &Path) -> Result<(Data, Seen), LoadError> {
    let io_err = |e| LoadError {
        path: path.to_path_buf(),
        position: None,
        problem: Problem::Io(IoReason::of(&e)),
    };
    let bytes = match split::read(path, split::threads()) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Data::default(), None)),
        Err(e) => return Err(io_err(e)),
    };
    let meta = fs::metadata(path).map_err(io_err)?;
    let data = parse_checked(path, &bytes)?;
    Ok((data, Some((bytes, meta))))
}

/// The file's bytes read into data, its values checked as well as its shape:
/// a file that breaks a rule is refused, untouched.
fn parse_checked(path: &Path, bytes: &[u8]) -> Result<Data, LoadError> {
    let data = format::parse(path, bytes)?;
    let threads = if bytes.len() >= split::MIN_BYTES {
        split::threads()
    } else {
        1
    };
    split::validate(&data, threads).map_err(|b| LoadError {
        path: path.to_path_buf(),
        position: None,
        problem: Problem::Invalid(Box::new(b)),
    })?;
    Ok(data)
}

/// What [`Store::reread`] found on disk.
#[derive(Debug)]
pub enum Disk {
    /// What okr last read or wrote.
    Same,
    /// No file: the next save writes it anew.
    Gone,
    /// Someone else's version, read and checked.
    Changed(Box<Data>),
    /// Someone else's version that cannot be read (bad JSON, a newer format, a broken rule).
    Unreadable(LoadError),
}

/// Why a save did not happen. The file on disk is as it was in every case.
#[derive(Debug)]
pub enum SaveError {
    /// Someone else changed the file since okr read it; it was not overwritten.
    Conflict(PathBuf),
    /// The file is read-only (no write permission for anyone): okr does not replace it.
    ReadOnly(PathBuf),
    Io(PathBuf, io::Error),
    Encode(serde_json::Error),
}

impl SaveError {
    pub fn text(&self, s: &Strings) -> String {
        match self {
            SaveError::Conflict(p) => (s.e_conflict)(&p.display().to_string()),
            SaveError::ReadOnly(p) => (s.e_read_only_file)(&p.display().to_string()),
            SaveError::Io(p, e) => {
                (s.e_cannot_save)(&p.display().to_string(), &IoReason::of(e).text(s))
            }
            SaveError::Encode(e) => (s.e_encode)(&e.to_string()),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for SaveError {}

/// An open data file, locked for writing for as long as this value lives.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    target: PathBuf,
    _lock: lock::Lock,
    seen: Option<Fingerprint>,
    backed_up: bool,
    /// The conflict copy of this run, once there is one.
    conflict: Option<PathBuf>,
    faults: Faults,
    /// The file on disk is of an older format: the first save keeps a copy
    /// of it first (`okr.json.v1.bak`).
    migrate_from: Option<u32>,
    /// The last save's bytes, item by item, for the next save of the same
    /// store to write what did not change without encoding it again.
    last: Option<split::Encoded>,
}

impl Store {
    /// Locks and reads the file at `path` (a missing file is an empty store;
    /// its folder is created). A file of an older format is read into this
    /// one's: the first save writes it as [`FORMAT_VERSION`], after keeping
    /// the original as `okr.json.v1.bak`.
    pub fn open(path: &Path) -> Result<(Store, Data)> {
        let target = resolve(path);
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir)
                .map_err(|e| OpenError::Folder(dir.to_path_buf(), IoReason::of(&e)))?;
        }
        let lock = lock::acquire(&target)?;
        remove_stale_temp_files(&target);
        let (mut data, seen) = read_with_bytes(&target).map_err(|e| with_given_path(e, path))?;
        let migrate_from =
            (seen.is_some() && data.version < FORMAT_VERSION).then_some(data.version);
        data.version = FORMAT_VERSION;
        let seen = seen.map(|(bytes, meta)| fingerprint(&bytes, &meta));
        let store = Store {
            path: path.to_path_buf(),
            target,
            _lock: lock,
            seen,
            backed_up: false,
            last: None,
            conflict: None,
            faults: Faults::default(),
            migrate_from,
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

    /// The copy of a file of an older format kept before its first save in
    /// this one: `okr.json.v1.bak`.
    pub fn migration_backup_path(&self, version: u32) -> PathBuf {
        sibling(&self.target, &format!(".v{version}.bak"))
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
        let load_error = |e: io::Error| LoadError {
            path: self.path.clone(),
            position: None,
            problem: Problem::Io(IoReason::of(&e)),
        };
        let bytes = match fs::read(&self.target) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Disk::Gone,
            Err(e) => return Disk::Unreadable(load_error(e)),
        };
        let meta = match fs::metadata(&self.target) {
            Ok(m) => m,
            Err(e) => return Disk::Unreadable(load_error(e)),
        };
        // okr's own saves end here, before any parsing.
        let seen = fingerprint(&bytes, &meta);
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
                // The file okr ran into trouble with is readable again.
                self.conflict = None;
                Disk::Changed(Box::new(data))
            }
            Err(e) => Disk::Unreadable(with_given_path(e, &self.path)),
        }
    }

    /// Whether the next save first copies the file as it is (the backup of
    /// the run, or the original of an older format).
    fn copies_due(&self) -> bool {
        self.migrate_from.is_some() || !self.backed_up
    }

    /// Whether the file on disk is still the one okr read or wrote last.
    fn check_unchanged(&self) -> Result<(), SaveError> {
        let meta = match fs::metadata(&self.target) {
            Ok(m) => m,
            // Deleted by someone: writing it anew overwrites nothing.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(SaveError::Io(self.path.clone(), e)),
        };
        let Some(seen) = &self.seen else {
            return Err(SaveError::Conflict(self.path.clone()));
        };
        if seen.len != meta.len() {
            return Err(SaveError::Conflict(self.path.clone()));
        }
        // The same size and time do not prove the same content: a synced
        // folder, `touch -r` or a write within the clock's tick keep both.
        // Compare what is in it, read in blocks and hashed as it comes.
        match ContentHash::of_file(&self.target) {
            Ok(now) if now == *seen => Ok(()),
            Ok(_) => Err(SaveError::Conflict(self.path.clone())),
            // Deleted between the two looks: as above.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(SaveError::Io(self.path.clone(), e)),
        }
    }

    /// Saves atomically. On any error the file on disk is left as it was.
    /// The bytes go straight into the temporary file, hashed on the way
    /// for the next save's check.
    pub fn save(&mut self, data: &Data) -> Result<(), SaveError> {
        // Before a first save's copy of the file, so that a refused save
        // leaves nothing behind; later, the encoders check as they write.
        if self.copies_due() {
            format::check_numbers(data).map_err(SaveError::Encode)?;
        }
        self.save_with(|out| format::write_to(data, out))
    }

    /// Saves like [`Store::save`], for a store saved again and again (the
    /// tracker's): the Mål and check-ins the last save wrote and nobody
    /// changed since are written from its bytes. This keeps a store's
    /// bytes in memory between saves.
    pub fn save_shared(&mut self, data: &std::sync::Arc<Data>) -> Result<(), SaveError> {
        // What is encoded anew is checked as [`format::check_numbers`] does;
        // the rest was, when it was encoded.
        let encoded = split::Encoded::new(data, self.last.take(), split::threads())
            .map_err(SaveError::Encode)?;
        let saved = self.save_with(|out| encoded.write(out));
        self.last = Some(encoded);
        saved
    }

    /// Saves already encoded bytes (see [`format::serialize`]).
    pub fn save_bytes(&mut self, bytes: &[u8]) -> Result<(), SaveError> {
        self.save_with(|out| io::Write::write_all(out, bytes))
    }

    fn save_with(
        &mut self,
        write: impl FnOnce(&mut Hashing) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        if self.is_read_only() {
            return Err(SaveError::ReadOnly(self.path.clone()));
        }
        // Copies of the file are taken only of okr's own version. Otherwise
        // the check at the last moment, below, is the one that counts: a
        // file someone else changed costs a temporary file, never their work.
        if self.copies_due() {
            self.check_unchanged()?;
        }
        let io = |e| SaveError::Io(self.path.clone(), e);
        if let Some(version) = self.migrate_from {
            // The original, byte for byte, under a name no earlier copy has
            // (`okr.json.v1.bak`, else `okr.json.v1.bak.2`, …).
            if let Ok(old) = fs::read(&self.target) {
                let copy = unused_sibling(&self.target, &format!(".v{version}.bak"));
                atomic::write_atomic(&copy, &old, &mut self.faults).map_err(io)?;
            }
            self.migrate_from = None;
        }
        if !self.backed_up {
            if let Ok(old) = fs::read(&self.target) {
                atomic::write_atomic(&self.backup_path(), &old, &mut self.faults).map_err(io)?;
            }
            self.backed_up = true;
        }
        let mut hash = ContentHash::new();
        let prepared = atomic::prepare_unflushed(&self.target, &mut self.faults, |out| {
            let mut buffered = io::BufWriter::with_capacity(
                atomic::BUFFER,
                HashingWriter {
                    inner: out,
                    hash: &mut hash,
                },
            );
            write(&mut buffered)?;
            io::Write::flush(&mut buffered)
        })
        // An encoder's refusal (a number that is not finite), not the disk's.
        .map_err(|e| match format::is_encoding(&e) {
            true => SaveError::Encode(format::encoding_error(e)),
            false => io(e),
        })?;
        // Once more at the last moment: a file changed while this one was
        // being written (a third writer) is not replaced. Looked at while
        // the new version goes to the disk, which needs no processor.
        let this = &*self;
        let large = self
            .seen
            .as_ref()
            .is_some_and(|s| s.len >= split::MIN_BYTES as u64);
        let (flushed, unchanged) = if !large {
            (prepared.flush(), this.check_unchanged())
        } else {
            std::thread::scope(|scope| {
                let flushing = scope.spawn(|| prepared.flush());
                let unchanged = this.check_unchanged();
                let flushed = flushing
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("the flush stopped")));
                (flushed, unchanged)
            })
        };
        flushed.map_err(io)?;
        unchanged?;
        prepared.commit(&mut self.faults).map_err(io)?;
        self.seen = Some(hash.finish());
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
        atomic::write_atomic(&path, &bytes, &mut self.faults)
            .map_err(|e| SaveError::Io(path.clone(), e))?;
        self.conflict = Some(path.clone());
        Ok(path)
    }
}

/// Whether a file exists and nobody may write it.
pub fn is_read_only(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

/// Writes `data` to a new rescue file, for when saving fails and okr must
/// end anyway: beside the data file (`okr.json.rescue`, or the first free
/// `okr.json.rescue.2`, …), else in the temporary folder. Never overwrites.
pub fn write_rescue(path: &Path, data: &Data) -> Result<PathBuf, SaveError> {
    let bytes = format::serialize(data).map_err(SaveError::Encode)?;
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("okr.json"),
        |n| n.to_os_string(),
    );
    let mut last = None;
    for base in [resolve(path), std::env::temp_dir().join(name)] {
        // Another okr may take the free name first (a shared temporary
        // folder): then the next free one.
        for _ in 0..100 {
            let candidate = unused_sibling(&base, ".rescue");
            match write_new(&candidate, &bytes) {
                Ok(()) => return Ok(candidate),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    last = Some(SaveError::Io(candidate, e));
                    break;
                }
            }
        }
    }
    Err(last.unwrap_or_else(|| SaveError::Conflict(path.to_path_buf())))
}

/// Creates a file that must not exist yet, with `bytes`, flushed to the disk.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// `path` + `suffix`, or with `.2`, `.3`, … after it: the first name nothing has.
fn unused_sibling(path: &Path, suffix: &str) -> PathBuf {
    let first = sibling(path, suffix);
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    (2..u32::MAX)
        .map(|n| sibling(path, &format!("{suffix}.{n}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

fn with_given_path(mut e: LoadError, given: &Path) -> LoadError {
    e.path = given.to_path_buf();
    e
}

/// Removes temporary files a save killed half-way left behind. Only the lock
/// holder does this, so no live save's temporary file is touched.
fn remove_stale_temp_files(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name().and_then(|n| n.to_str()))
    else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}
