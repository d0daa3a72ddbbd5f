//! The last resort when saving fails and okr must end anyway: the state is
//! written to a new rescue file, readable by its owner only, and whole or
//! not at all.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic::folder_of;
use super::{SaveError, format, resolve, unused_sibling};
use crate::model::Data;

/// Writes `data` to a new rescue file beside the data file
/// (`okr.json.rescue`, or the first free `okr.json.rescue.2`, …), else in
/// the temporary folder. Never overwrites. The bytes go to a temporary file
/// first, which takes the rescue file's name only once it is whole.
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
    // Every name taken, here and in the temporary folder.
    Err(last.unwrap_or_else(|| {
        SaveError::Io(
            path.to_path_buf(),
            io::Error::from(io::ErrorKind::AlreadyExists),
        )
    }))
}

/// Puts `bytes`, flushed to the disk, at `path`, which must not exist yet.
/// On any error nothing is left at `path`.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("okr");
    // tempfile makes the file readable by its owner only.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
    Ok(())
}
