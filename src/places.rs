//! Where okr keeps its files when nobody says: the data folder and the
//! personal config folder. On Linux and macOS the XDG places, as terminal
//! tools keep them (`$XDG_DATA_HOME/okr`, else `~/.local/share/okr`;
//! `$XDG_CONFIG_HOME/okr`, else `~/.config/okr`); on Windows the Known
//! Folders (`%APPDATA%\okr\…`), from the `directories` crate, which also
//! finds the home folder everywhere.

use std::path::{Path, PathBuf};

/// The data folder.
pub fn data_dir() -> Option<PathBuf> {
    folder(Kind::Data)
}

/// The personal config folder.
pub fn config_dir() -> Option<PathBuf> {
    folder(Kind::Config)
}

/// A file in a folder, or, when only the folder okr used before on macOS
/// (`~/Library/Application Support/okr`) has it, that one: a file made by
/// an earlier okr is still found where it is.
pub fn file_in(now: Option<PathBuf>, name: &str) -> Option<PathBuf> {
    let path = now?.join(name);
    Some(earlier_place(&path, old_macos_dir().map(|d| d.join(name))))
}

/// `path`, unless it is not there and `old` is.
fn earlier_place(path: &Path, old: Option<PathBuf>) -> PathBuf {
    match old {
        Some(old) if !path.exists() && old.exists() => old,
        _ => path.to_path_buf(),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Data,
    Config,
}

#[cfg(unix)]
fn folder(kind: Kind) -> Option<PathBuf> {
    let (var, under_home) = match kind {
        Kind::Data => ("XDG_DATA_HOME", ".local/share"),
        Kind::Config => ("XDG_CONFIG_HOME", ".config"),
    };
    // The XDG rule: a relative path in the variable is not used.
    let base = std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| Some(directories::BaseDirs::new()?.home_dir().join(under_home)))?;
    Some(base.join("okr"))
}

#[cfg(not(unix))]
fn folder(kind: Kind) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "okr")?;
    Some(match kind {
        Kind::Data => dirs.data_dir().to_path_buf(),
        Kind::Config => dirs.config_dir().to_path_buf(),
    })
}

#[cfg(target_os = "macos")]
fn old_macos_dir() -> Option<PathBuf> {
    Some(
        directories::BaseDirs::new()?
            .home_dir()
            .join("Library/Application Support/okr"),
    )
}

#[cfg(not(target_os = "macos"))]
fn old_macos_dir() -> Option<PathBuf> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_only_the_earlier_place_has_is_found_there() {
        let dir = tempfile::tempdir().unwrap();
        let now = dir.path().join("now/okr.json");
        let old = dir.path().join("old/okr.json");
        assert_eq!(earlier_place(&now, Some(old.clone())), now);
        std::fs::create_dir_all(old.parent().unwrap()).unwrap();
        std::fs::write(&old, "{}").unwrap();
        assert_eq!(earlier_place(&now, Some(old.clone())), old);
        std::fs::create_dir_all(now.parent().unwrap()).unwrap();
        std::fs::write(&now, "{}").unwrap();
        assert_eq!(earlier_place(&now, Some(old)), now, "the new place wins");
        assert_eq!(earlier_place(&now, None), now);
    }
}
