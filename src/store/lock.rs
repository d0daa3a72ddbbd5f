//! The lock: a file beside the data file (`okr.json.lock`), locked while a
//! process has the data file open for writing. The OS frees it when that
//! process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

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

/// Takes the lock for `data`, or says who holds it.
pub fn acquire(data: &Path) -> Result<Lock> {
    let path = lock_path(data);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| OpenError::LockFile(path.clone(), IoReason::of(&e)))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            return Err(
                OpenError::LockHeld(data.to_path_buf(), holder.trim().parse::<u32>().ok()).into(),
            );
        }
        Err(TryLockError::Error(e)) => {
            return Err(OpenError::LockFile(path.clone(), IoReason::of(&e)).into());
        }
    }
    let _ = file
        .set_len(0)
        .and_then(|_| file.rewind())
        .and_then(|_| write!(file, "{}", std::process::id()));
    Ok(Lock { _file: file, path })
}
