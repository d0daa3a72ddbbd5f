//! `okr sync`: commit the data file alone, pull with okr's merge driver,
//! push; a push refused because someone pushed meanwhile pulls and pushes
//! again, at most [`TRIES`] times. A pull the driver merged with conflicts
//! (recorded in the file's `conflicts` list, the file whole and valid) is
//! finished here, so that the team has it and anyone can choose.

use super::{Repo, SyncError, commit_message};
use crate::i18n::Strings;
use crate::model::Data;

/// How many times a push is tried.
pub const TRIES: usize = 3;

/// How many stops of one rebase are finished before giving up.
const STOPS: usize = 50;

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The commit message, when the data file was committed.
    pub committed: Option<String>,
    /// The pull brought commits.
    pub took_in: bool,
    /// The push sent commits.
    pub pushed: bool,
    /// Where it pushed.
    pub remote: String,
    /// The conflicts waiting in the data file afterwards.
    pub conflicts: usize,
    /// How many pushes it took (refused ones included).
    pub tries: usize,
}

impl Outcome {
    /// What it did, as one sentence.
    pub fn text(&self, s: &Strings) -> String {
        let w = &s.sync;
        let parts = [
            (w.committed)(self.committed.as_deref()),
            (w.took_in)(self.took_in),
            (w.pushed)(self.pushed, &crate::text::line(&self.remote)),
        ];
        (w.synced)(&parts.join(", "))
    }
}

/// Where the branch pulls from and pushes to.
struct Upstream {
    remote: String,
    /// The branch there, as a ref (`refs/heads/main`).
    branch: String,
}

/// What a push did.
enum Pushed {
    /// Accepted; whether it sent anything.
    Done(bool),
    /// Refused: the branch there moved on.
    Behind,
}

/// `okr sync` on the data file of `repo`: see the module. `me` names
/// changes the file does not say whose they are.
pub fn sync(repo: &Repo, me: Option<&str>, s: &Strings) -> Result<Outcome, SyncError> {
    let missing = repo.missing()?;
    if !missing.is_empty() {
        return Err(SyncError::NotSetUp(missing));
    }
    repo.not_busy()?;
    let up = repo.upstream()?;
    let committed = repo.commit(me, s)?;
    let before = repo.head()?;
    let mut tries = 0;
    let pushed = loop {
        tries += 1;
        repo.pull(&up)?;
        match repo.push(&up)? {
            Pushed::Done(sent) => break sent,
            Pushed::Behind if tries < TRIES => {}
            Pushed::Behind => return Err(SyncError::Rejected(tries)),
        }
    };
    let took_in = repo.head()? != before;
    let conflicts = crate::store::read(&repo.file).map_or(0, |d| d.conflicts.len());
    Ok(Outcome {
        committed,
        took_in,
        pushed,
        remote: up.remote,
        conflicts,
        tries,
    })
}

impl Repo {
    /// The data file as a pathspec: itself, never a pattern.
    fn pathspec(&self) -> String {
        format!(":(literal){}", self.rel)
    }

    /// Refuses while git is in the middle of something.
    fn not_busy(&self) -> Result<(), SyncError> {
        for head in ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"] {
            if self.git.run(&["rev-parse", "-q", "--verify", head])?.ok {
                return Err(SyncError::Busy);
            }
        }
        if self.rebasing()? {
            return Err(SyncError::Busy);
        }
        Ok(())
    }

    /// Whether a rebase is under way.
    fn rebasing(&self) -> Result<bool, SyncError> {
        for dir in ["rebase-merge", "rebase-apply"] {
            let out = self
                .git
                .ok("rev-parse", &["rev-parse", "--git-path", dir])?;
            let path = std::path::PathBuf::from(out.text().trim_end());
            if self.root().join(path).exists() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn upstream(&self) -> Result<Upstream, SyncError> {
        let out = self.git.run(&["symbolic-ref", "-q", "--short", "HEAD"])?;
        if !out.ok {
            return Err(SyncError::Detached);
        }
        let name = out.text().trim_end().to_string();
        let remote = self.git.config(&format!("branch.{name}.remote"))?;
        let branch = self.git.config(&format!("branch.{name}.merge"))?;
        match (remote, branch) {
            (Some(remote), Some(branch)) if remote != "." => Ok(Upstream { remote, branch }),
            _ => Err(SyncError::NoUpstream(crate::text::line(&name))),
        }
    }

    /// The commit checked out (empty before the first).
    fn head(&self) -> Result<String, SyncError> {
        let out = self.git.run(&["rev-parse", "-q", "--verify", "HEAD"])?;
        Ok(out.text().trim_end().to_string())
    }

    /// Commits the data file, and nothing else, when it changed: the
    /// message says what changed since the last commit.
    fn commit(&self, me: Option<&str>, s: &Strings) -> Result<Option<String>, SyncError> {
        let spec = self.pathspec();
        let out = self.git.ok(
            "status",
            &[
                "status",
                "--porcelain",
                "-z",
                "--untracked-files=all",
                "--",
                &spec,
            ],
        )?;
        let Some(state) = out.fields().into_iter().next() else {
            return Ok(None);
        };
        if state.starts_with(" D") || state.starts_with("D ") {
            return Err(SyncError::Deleted(crate::text::line(&self.rel)));
        }
        let now = crate::store::read(&self.file).map_err(|e| SyncError::Load(Box::new(e)))?;
        let before = self.committed_version()?;
        let message = commit_message(before.as_ref(), &now, me, &self.name, s);
        self.git.ok("add", &["add", "--", &spec])?;
        self.git.ok(
            "commit",
            &["commit", "-q", "--only", "-m", &message, "--", &spec],
        )?;
        Ok(Some(message))
    }

    /// The data file as last committed: an empty file before it was ever
    /// committed; `None` when that version cannot be read.
    fn committed_version(&self) -> Result<Option<Data>, SyncError> {
        let spec = format!("HEAD:{}", self.rel);
        let there = self.git.run(&["cat-file", "-e", &spec])?;
        if !there.ok {
            return Ok(Some(Data::default()));
        }
        let out = self.git.ok("show", &["show", &spec])?;
        Ok(crate::store::format::parse(&self.file, &out.stdout).ok())
    }

    /// `git pull`, merging or rebasing as this clone is set to (merging
    /// when it is not set); the driver merges the data file.
    fn pull(&self, up: &Upstream) -> Result<(), SyncError> {
        let mut args = vec!["pull", "--no-edit", "--autostash"];
        if self.git.config("pull.rebase")?.is_none() {
            args.push("--no-rebase");
        }
        let out = self.git.run(&args)?;
        if out.ok {
            return Ok(());
        }
        self.finish_pull(up, out)
    }

    /// A pull that stopped: when only the data file is in conflict and
    /// okr's driver merged it (the conflicts in its list), the merge or
    /// the rebase is finished; otherwise git's words are said.
    fn finish_pull(&self, up: &Upstream, mut out: super::git::Out) -> Result<(), SyncError> {
        for _ in 0..STOPS {
            let unmerged = self
                .git
                .ok("diff", &["diff", "--name-only", "--diff-filter=U", "-z"])?
                .fields();
            if unmerged.is_empty() {
                if !self.rebasing()? && !self.remote_has(up)? {
                    // Nobody pushed the branch yet: nothing to pull.
                    return Ok(());
                }
                return Err(SyncError::Git("pull", out.last_line()));
            }
            if unmerged.iter().any(|f| *f != self.rel) {
                let files = unmerged.iter().map(|f| crate::text::line(f)).collect();
                return Err(SyncError::OtherConflicts(files));
            }
            self.merged_by_driver(&out)?;
            self.git.ok("add", &["add", "--", &self.pathspec()])?;
            if !self.rebasing()? {
                self.git.ok("commit", &["commit", "-q", "--no-edit"])?;
                return Ok(());
            }
            out = self.git.run(&["rebase", "--continue"])?;
            if out.ok {
                return Ok(());
            }
        }
        Err(SyncError::Git("rebase", out.last_line()))
    }

    /// The data file in conflict holds okr's merge: it reads, and it is
    /// not our side as it was (a driver that failed, or that git could not
    /// start, leaves our side in place).
    fn merged_by_driver(&self, out: &super::git::Out) -> Result<(), SyncError> {
        let ours = self.git.run(&["show", &format!(":2:{}", self.rel)])?;
        let now = std::fs::read(&self.file).unwrap_or_default();
        let readable = crate::store::read(&self.file).is_ok();
        if !readable || (ours.ok && ours.stdout == now) {
            return Err(SyncError::Driver(out.driver_line()));
        }
        Ok(())
    }

    /// Whether the upstream branch is there to pull from.
    fn remote_has(&self, up: &Upstream) -> Result<bool, SyncError> {
        let out = self.git.run(&[
            "ls-remote",
            "--exit-code",
            "--heads",
            &up.remote,
            &up.branch,
        ])?;
        // 2: the remote answered, without the branch.
        Ok(out.code != Some(2))
    }

    /// Whether the upstream branch holds commits HEAD does not.
    fn remote_moved(&self, up: &Upstream) -> Result<bool, SyncError> {
        let out = self.git.run(&["ls-remote", &up.remote, &up.branch])?;
        let text = out.text();
        let Some(there) = text.split_whitespace().next().filter(|_| out.ok) else {
            return Ok(false);
        };
        // Not ours, or not even here: someone pushed it.
        let ours = self
            .git
            .run(&["merge-base", "--is-ancestor", there, "HEAD"])?;
        Ok(!ours.ok)
    }

    /// `git push` of HEAD to the upstream branch, never forced.
    fn push(&self, up: &Upstream) -> Result<Pushed, SyncError> {
        let to = format!("HEAD:{}", up.branch);
        let out = self.git.run(&["push", "--porcelain", &up.remote, &to])?;
        let text = out.text();
        // Each ref: a flag, a tab, from:to, a tab, a summary.
        let flags: Vec<char> = text
            .lines()
            .filter_map(|l| {
                let (flag, _) = l.split_once('\t')?;
                let mut chars = flag.chars();
                let c = chars.next()?;
                chars.next().is_none().then_some(c)
            })
            .collect();
        if !out.ok {
            // Refused because the branch there moved on since the pull
            // (git says "fetch first", or that the ref was not where it
            // expected it): pull again. Any other refusal is said.
            if flags.contains(&'!') && self.remote_moved(up)? {
                return Ok(Pushed::Behind);
            }
            return Err(SyncError::Git("push", out.last_line()));
        }
        Ok(Pushed::Done(
            flags.iter().any(|c| matches!(c, ' ' | '*' | '+')),
        ))
    }
}
