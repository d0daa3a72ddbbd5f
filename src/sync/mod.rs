//! `okr sync` (PRODUCT.md section 12): a team keeping its data file in git.
//! [`set_up`] writes what a clone needs once (the `.gitattributes` line, the
//! merge driver in git config, the `.gitignore` lines of okr's side files);
//! [`sync`] commits the data file alone with a message saying what changed,
//! pulls with the driver, and pushes, trying again a bounded number of
//! times when someone pushed meanwhile. Never another file, never a force
//! push. git runs as a subprocess (`git.rs`).

mod git;
mod message;
mod run;
mod setup;

use std::path::{Path, PathBuf};

pub use message::commit_message;
pub use run::{Outcome, TRIES, sync};
pub use setup::{Part, set_up};

use crate::i18n::{Strings, listed};
use crate::store::{IoReason, LoadError};
use git::Git;

/// Why `okr sync` refused or stopped.
#[derive(Debug)]
pub enum SyncError {
    /// git cannot be run: why.
    NoGit(IoReason),
    /// The data file is in no git working tree: the file.
    NotInRepo(PathBuf),
    /// What this clone's set-up lacks.
    NotSetUp(Vec<Part>),
    /// Written by the set-up, and still not in force for the data file.
    Overridden(Vec<Part>),
    /// HEAD is on no branch.
    Detached,
    /// The branch has no upstream.
    NoUpstream(String),
    /// A merge, a rebase, a cherry-pick or a revert is under way.
    Busy,
    /// The data file is deleted in the working tree.
    Deleted(String),
    /// The data file cannot be read: it is not committed as it is.
    Load(Box<LoadError>),
    /// A git command failed: which, and the last line it wrote.
    Git(&'static str, String),
    /// The pull stopped on conflicts in files other than the data file.
    OtherConflicts(Vec<String>),
    /// okr's merge driver did not merge the data file: what was said.
    Driver(String),
    /// Every push was refused: how many.
    Rejected(usize),
    /// A set-up file could not be written.
    Write(String, IoReason),
}

impl SyncError {
    /// One sentence in the given language.
    pub fn text(&self, s: &Strings) -> String {
        let w = &s.sync;
        match self {
            SyncError::NoGit(r) => (w.e_no_git)(&r.text(s)),
            SyncError::NotInRepo(p) => (w.e_not_in_repo)(&p.display().to_string()),
            SyncError::NotSetUp(parts) => (w.e_not_set_up)(&parts_text(parts, s)),
            SyncError::Overridden(parts) => (w.e_overridden)(&parts_text(parts, s)),
            SyncError::Detached => w.e_detached.to_string(),
            SyncError::NoUpstream(b) => (w.e_no_upstream)(b),
            SyncError::Busy => w.e_busy.to_string(),
            SyncError::Deleted(p) => (w.e_deleted)(p),
            SyncError::Load(e) => e.text(s),
            SyncError::Git(step, said) => (w.e_git)(step, said),
            SyncError::OtherConflicts(files) => (w.e_other_conflicts)(&files.join(", ")),
            SyncError::Driver(said) => (w.e_driver)(said),
            SyncError::Rejected(n) => (w.e_rejected)(*n),
            SyncError::Write(p, r) => (w.e_write)(p, &r.text(s)),
        }
    }
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for SyncError {}

/// The parts of a set-up in words, joined.
fn parts_text(parts: &[Part], s: &Strings) -> String {
    let words: Vec<String> = parts.iter().map(|p| p.words(s).to_string()).collect();
    listed(&words, s.sync.and)
}

/// The data file in its git working tree.
pub struct Repo {
    git: Git,
    /// The data file as given.
    file: PathBuf,
    /// The data file relative to the working tree's top, with `/`.
    rel: String,
    /// The data file's name.
    name: String,
}

impl Repo {
    /// The working tree `file` is in. `quiet`: nobody can answer git's
    /// questions (the tracker has the terminal).
    pub fn find(file: &Path, quiet: bool) -> Result<Repo, SyncError> {
        let not_in = || SyncError::NotInRepo(file.to_path_buf());
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(not_in)?;
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(not_in());
        }
        let here = Git::at(&dir, false);
        let out = here.run(&["rev-parse", "--show-toplevel", "--show-prefix"])?;
        let text = out.text();
        let mut lines = text.lines();
        let (Some(top), prefix) = (lines.next().filter(|_| out.ok), lines.next()) else {
            return Err(not_in());
        };
        let rel = format!("{}{name}", prefix.unwrap_or_default());
        Ok(Repo {
            git: Git::at(Path::new(top), quiet),
            file: file.to_path_buf(),
            rel,
            name,
        })
    }

    /// The data file relative to the top of the working tree.
    pub fn rel(&self) -> &str {
        &self.rel
    }

    /// The top of the working tree.
    pub fn root(&self) -> &Path {
        self.git.root()
    }
}
