//! The data file: where it lives, how it is read, and how it is written
//! safely (lock, atomic save, a backup before the first write, conflict check).

pub mod atomic;
mod file;
mod fingerprint;
pub mod format;
pub mod glance;
pub mod lock;
mod rescue;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use atomic::Faults;
pub use file::Store;
pub use format::{LoadError, Problem};
pub use rescue::write_rescue;

use crate::i18n::Strings;
use crate::model::Data;

/// The environment variable that names the data file.
pub const FILE_ENV: &str = "OKR_FILE";

/// The data file: `--file`, else `OKR_FILE`, else `okr.json` in the platform's data folder.
pub fn data_path(flag: Option<&Path>) -> Result<PathBuf, OpenError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(FILE_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    default_path()
}

/// `okr.json` in the platform's data folder ([`crate::places`]).
pub fn default_path() -> Result<PathBuf, OpenError> {
    crate::places::file_in(crate::places::data_dir(), "okr.json").ok_or(OpenError::NoHome)
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
    /// The file was new and cannot be locked now that it is first saved.
    Open(Box<OpenError>),
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
            IoReason::Open(e) => e.text(s),
            IoReason::Other(m) => m.clone(),
        }
    }
}

/// Why the file could not be opened for writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    NoHome,
    Folder(PathBuf, IoReason),
    LockFile(PathBuf, IoReason),
    /// Another okr has it open; its process id when known.
    LockHeld(PathBuf, Option<u32>),
    /// The lock file is a symbolic link, a folder or another thing that is
    /// not a regular file.
    LockNotFile(PathBuf),
}

impl OpenError {
    pub fn text(&self, s: &Strings) -> String {
        let d = |p: &PathBuf| p.display().to_string();
        match self {
            OpenError::NoHome => s.e_no_home.to_string(),
            OpenError::Folder(p, r) => (s.e_folder)(&d(p), &r.text(s)),
            OpenError::LockFile(p, r) => (s.e_lock_file)(&d(p), &r.text(s)),
            OpenError::LockHeld(p, pid) => (s.e_lock_held)(&d(p), *pid),
            OpenError::LockNotFile(p) => (s.e_lock_not_file)(&d(p)),
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

/// Reads a data file without locking it (for export and other read-only use).
/// A missing file is an empty store. Like [`Store::open`], it checks the
/// values as well as the shape (see [`crate::model::validate`]).
pub fn read(path: &Path) -> Result<Data, LoadError> {
    read_with_bytes(path).map(|(data, _)| data)
}

/// Reads the file and what its bytes were, to notice later changes by others.
fn read_with_bytes(path: &Path) -> Result<(Data, Option<Vec<u8>>), LoadError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Data::default(), None)),
        Err(e) => {
            return Err(LoadError {
                path: path.to_path_buf(),
                position: None,
                problem: Problem::Io(IoReason::of(&e)),
            });
        }
    };
    let data = parse_checked(path, &bytes)?;
    Ok((data, Some(bytes)))
}

/// The file's bytes read into data, its values checked as well as its shape:
/// a file that breaks a rule is refused, untouched.
pub(super) fn parse_checked(path: &Path, bytes: &[u8]) -> Result<Data, LoadError> {
    let data = format::parse(path, bytes)?;
    crate::model::validate::validate(&data).map_err(|b| LoadError {
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

/// What went wrong with the data file, whichever step it was: opening it
/// (the lock, the folder), reading it, or saving it.
#[derive(Debug)]
pub enum Error {
    Open(OpenError),
    Load(LoadError),
    Save(SaveError),
}

impl Error {
    /// One sentence in the given language.
    pub fn text(&self, s: &Strings) -> String {
        match self {
            Error::Open(e) => e.text(s),
            Error::Load(e) => e.text(s),
            Error::Save(e) => e.text(s),
        }
    }
}

impl From<OpenError> for Error {
    fn from(e: OpenError) -> Error {
        Error::Open(e)
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Error {
        Error::Load(e)
    }
}

impl From<SaveError> for Error {
    fn from(e: SaveError) -> Error {
        Error::Save(e)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for Error {}

/// Why a save did not happen. The file on disk is as it was in every case.
#[derive(Debug)]
pub enum SaveError {
    /// Someone else changed the file since okr read it; it was not overwritten.
    Conflict(PathBuf),
    /// The file is read-only (no write permission for anyone): okr does not replace it.
    ReadOnly(PathBuf),
    Io(PathBuf, io::Error),
    Encode(serde_json::Error),
    /// The file was new when okr opened it, and the lock cannot be taken
    /// now that okr saves it for the first time (another okr saved first).
    Open(OpenError),
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
            SaveError::Open(e) => e.text(s),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for SaveError {}

/// Whether a file exists and nobody may write it.
pub fn is_read_only(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
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
        // A save's (`.okr.json.XXXXXX.tmp`), a backup's or a migration
        // copy's: not a conflict copy's or a rescue's, which an okr without
        // the lock may be writing (`.okr.json.rescue.XXXXXX.tmp`).
        let middle = n
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"));
        let theirs = |m: &str| m.starts_with("conflict") || m.starts_with("rescue");
        if middle.is_some_and(|m| !m.is_empty() && !theirs(m)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
