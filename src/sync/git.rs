//! git as a subprocess: every call is `git -C ROOT …` with nothing on its
//! standard input, its output captured; what it said last on standard
//! error is quoted when it fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::SyncError;
use crate::store::IoReason;

/// The longest quote of git's words, in characters.
const QUOTE: usize = 300;

/// git, run in one working tree.
pub(super) struct Git {
    root: PathBuf,
    /// Nobody can answer a question (the tracker has the terminal): git
    /// must not ask for a password, and ssh must not either.
    quiet: bool,
    /// ssh is told not to ask (set only when the user chose no ssh command).
    batch_ssh: bool,
}

/// What a git command did.
pub(super) struct Out {
    pub ok: bool,
    /// Its exit code; none when a signal ended it.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Out {
    /// Standard output as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// The last line git wrote on standard error (else on standard output),
    /// made safe to show.
    pub fn last_line(&self) -> String {
        let out = self.text();
        let pick = |t: &str| {
            t.lines()
                .rev()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_string)
        };
        let line = pick(&self.stderr)
            .or_else(|| pick(&out))
            .unwrap_or_default();
        shown(&line)
    }

    /// The last line of standard error that names okr (the merge driver's
    /// own words), else [`Out::last_line`].
    pub fn driver_line(&self) -> String {
        self.stderr
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| l.contains("okr"))
            .map_or_else(|| self.last_line(), shown)
    }

    /// The NUL-separated fields of standard output (`-z`).
    pub fn fields(&self) -> Vec<String> {
        self.stdout
            .split(|b| *b == 0)
            .filter(|f| !f.is_empty())
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect()
    }
}

/// git's words made safe for one line of a message, and not too long.
fn shown(line: &str) -> String {
    let line = crate::text::line(line);
    match line.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

impl Git {
    /// git in `root`.
    pub fn at(root: &Path, quiet: bool) -> Git {
        let mut git = Git {
            root: root.to_path_buf(),
            quiet,
            batch_ssh: false,
        };
        if quiet {
            let chosen = ["GIT_SSH_COMMAND", "GIT_SSH"]
                .iter()
                .any(|v| std::env::var_os(v).is_some())
                || git
                    .run(&["config", "--get", "core.sshCommand"])
                    .is_ok_and(|o| o.ok);
            git.batch_ssh = !chosen;
        }
        git
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("git");
        c.arg("-C")
            .arg(&self.root)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // A merge or a rebase that okr finishes opens no editor.
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no");
        if self.quiet {
            c.env("GIT_TERMINAL_PROMPT", "0");
        }
        if self.batch_ssh {
            c.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        c
    }

    /// Runs git; an error only when git cannot be run at all.
    pub fn run(&self, args: &[&str]) -> Result<Out, SyncError> {
        let out = self
            .command(args)
            .output()
            .map_err(|e| SyncError::NoGit(IoReason::of(&e)))?;
        Ok(Out::of(out))
    }

    /// [`Git::run`] with `input` on its standard input.
    pub fn run_with(&self, args: &[&str], input: &[u8]) -> Result<Out, SyncError> {
        let no_git = |e: std::io::Error| SyncError::NoGit(IoReason::of(&e));
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .spawn()
            .map_err(no_git)?;
        if let Some(mut stdin) = child.stdin.take() {
            // git reads it all before it answers; a git that stopped early says why.
            let _ = stdin.write_all(input);
        }
        child.wait_with_output().map(Out::of).map_err(no_git)
    }
}

impl Out {
    fn of(out: std::process::Output) -> Out {
        Out {
            ok: out.status.success(),
            code: out.status.code(),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Git {
    /// Runs git and expects it to succeed: else the step and git's last line.
    pub fn ok(&self, step: &'static str, args: &[&str]) -> Result<Out, SyncError> {
        let out = self.run(args)?;
        if out.ok {
            Ok(out)
        } else {
            Err(SyncError::Git(step, out.last_line()))
        }
    }

    /// A setting of this clone (`None` when it is not set).
    pub fn config(&self, key: &str) -> Result<Option<String>, SyncError> {
        let out = self.run(&["config", "--get", key])?;
        Ok(out.ok.then(|| out.text().trim_end().to_string()))
    }
}
