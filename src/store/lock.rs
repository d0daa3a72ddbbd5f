//! The lock: a file beside the data file (`okr.json.lock`), locked while a
//! process has the data file open for writing. The OS frees it when that
//! process ends, however it ends.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::{IoReason, OpenError};

#[derive(Debug)]
pub struct Lock {
    _file: File,
    pub path: PathBuf,
}

pub fn lock_path(data: &Path) -> PathBuf {
    let mut name = data
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    data.with_file_name(name)
}

/// Takes the lock for `data`, or says who holds it. The lock file is
/// opened without following a symbolic link (a shared repository can hold
/// one that points anywhere) and must be a regular file: anything else is
/// refused, and nothing is created or cut short through it.
pub fn acquire(data: &Path) -> Result<Lock, OpenError> {
    let path = lock_path(data);
    let not_a_file = || OpenError::LockNotFile(path.clone());
    if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return Err(not_a_file());
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Between the look above and this open a link may still appear:
        // the system refuses to follow it. Not blocking keeps a pipe from
        // holding okr up before it is refused below.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = options.open(&path).map_err(|e| {
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            not_a_file()
        } else {
            OpenError::LockFile(path.clone(), IoReason::of(&e))
        }
    })?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(not_a_file());
    }
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            return Err(OpenError::LockHeld(data.to_path_buf(), holder_pid(&holder)));
        }
        Err(TryLockError::Error(e)) => {
            return Err(OpenError::LockFile(path.clone(), IoReason::of(&e)));
        }
    }
    // The id is written over the old one and only then cut to length, so a
    // reader never finds the file empty once a holder has written to it; the
    // newline marks a whole id.
    let id = format!("{}\n", std::process::id());
    let _ = file
        .rewind()
        .and_then(|_| file.write_all(id.as_bytes()))
        .and_then(|_| file.set_len(id.len() as u64));
    Ok(Lock { _file: file, path })
}

impl Drop for Lock {
    /// A holder that ends cleanly leaves no process id behind to be misread.
    fn drop(&mut self) {
        let _ = self._file.set_len(0);
    }
}

/// The holder's process id as written in the lock file: only a whole line,
/// and only a process that is alive (where the system can tell), so a
/// refusal never names a wrong process; `None` says "another okr".
fn holder_pid(text: &str) -> Option<u32> {
    let (line, _) = text.split_once('\n')?;
    let pid = line.trim().parse::<u32>().ok()?;
    let proc = Path::new("/proc");
    if proc.is_dir() && !proc.join(pid.to_string()).exists() {
        return None;
    }
    Some(pid)
}
