//! Hooks (PRODUCT.md section 12): an executable named `on-save`,
//! `on-checkin` or `on-review` in the `hooks/` folder beside the personal
//! config file runs after okr saved such a change, with the event as JSON
//! on its standard input. Hooks come only from there, never from the
//! shared data file, so a teammate's file cannot make okr run anything.
//!
//! A hook is bounded in time ([`time_limit`]); one that fails, hangs or
//! cannot be started is said, and never undoes or blocks the save, which
//! has happened before it runs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use wait_timeout::ChildExt;

use crate::i18n::Strings;
use crate::store::IoReason;

/// How long a hook may run, in seconds, unless `OKR_HOOK_SECONDS` says
/// otherwise (1 to 3600).
pub const SECONDS: u64 = 10;

/// How long a hook may run before it is stopped: `OKR_HOOK_SECONDS`, else
/// [`SECONDS`].
pub fn time_limit() -> Duration {
    let seconds = std::env::var("OKR_HOOK_SECONDS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| (1..=3600).contains(s))
        .unwrap_or(SECONDS);
    Duration::from_secs(seconds)
}

/// What happened, and so which hook runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The data file was saved.
    Save,
    /// A check-in was saved.
    CheckIn,
    /// A Mål's review (its score and retro) was saved.
    Review,
}

impl Event {
    /// The hook's file name, and the event's name in its JSON.
    pub fn hook(self) -> &'static str {
        match self {
            Event::Save => "on-save",
            Event::CheckIn => "on-checkin",
            Event::Review => "on-review",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Event::Save => "save",
            Event::CheckIn => "checkin",
            Event::Review => "review",
        }
    }
}

/// The hooks folder of a config file: `hooks/` beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hooks {
    dir: Option<PathBuf>,
}

/// Why a hook did not end well: which, and what happened.
#[derive(Clone, Debug, PartialEq)]
pub struct HookError {
    pub hook: PathBuf,
    pub problem: HookProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HookProblem {
    /// There, but not executable.
    NotExecutable,
    /// It could not be started, or given its input.
    Start(IoReason),
    /// It ended with this exit code (`None`: by a signal), and the last line
    /// it wrote on its standard error.
    Failed(Option<i32>, String),
    /// Stopped after this many seconds ([`time_limit`]).
    TooLong(u64),
}

impl HookError {
    pub fn text(&self, s: &Strings) -> String {
        let h = &s.hooks;
        let name = crate::text::line(&self.hook.display().to_string());
        let what = match &self.problem {
            HookProblem::NotExecutable => h.not_executable.to_string(),
            HookProblem::Start(r) => r.text(s),
            HookProblem::Failed(code, said) => {
                let code = code.map_or_else(|| "-".to_string(), |c| c.to_string());
                let said = crate::text::line(said);
                (h.failed)(&code, &said)
            }
            HookProblem::TooLong(seconds) => (h.too_long)(*seconds),
        };
        (h.hook_problem)(&name, &what)
    }
}

impl Hooks {
    /// The hooks beside the config file at `config` (`None`: no config
    /// folder, so no hooks).
    pub fn beside(config: Option<&Path>) -> Hooks {
        let dir = config
            .and_then(Path::parent)
            .map(|d| d.join("hooks"))
            .filter(|d| d.is_dir());
        Hooks { dir }
    }

    /// The hook of `event`, when there is a file of its name.
    pub fn of(&self, event: Event) -> Option<PathBuf> {
        let path = self.dir.as_ref()?.join(event.hook());
        path.is_file().then_some(path)
    }

    /// Runs the hook of `event`, if there is one, with `payload` on its
    /// standard input, and waits for it at most [`time_limit`]. `None`
    /// when there is no hook.
    pub fn run(&self, event: Event, payload: &Value) -> Option<Result<(), HookError>> {
        let hook = self.of(event)?;
        Some(run_one(&hook, payload).map_err(|problem| HookError { hook, problem }))
    }
}

#[cfg(unix)]
fn executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn executable(_: &Path) -> bool {
    true
}

fn run_one(hook: &Path, payload: &Value) -> Result<(), HookProblem> {
    if !executable(hook) {
        return Err(HookProblem::NotExecutable);
    }
    let start = |e: std::io::Error| HookProblem::Start(IoReason::of(&e));
    let mut child = Command::new(hook)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(start)?;
    // The event, then end of input; a hook that does not read it is fine.
    if let Some(mut stdin) = child.stdin.take() {
        let mut bytes = serde_json::to_vec(payload).unwrap_or_default();
        bytes.push(b'\n');
        let _ = stdin.write_all(&bytes);
    }
    // Its standard error is read beside it, so a hook that writes much
    // never stops on a full pipe (and one that leaves a process behind
    // holding it open is not waited for).
    let (tx, said) = std::sync::mpsc::channel();
    if let Some(mut err) = child.stderr.take() {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut err, &mut text);
            let _ = tx.send(text);
        });
    }
    let limit = time_limit();
    let status = match child.wait_timeout(limit).map_err(start)? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(HookProblem::TooLong(limit.as_secs()));
        }
    };
    if status.success() {
        return Ok(());
    }
    let said = said
        .recv_timeout(Duration::from_millis(500))
        .unwrap_or_default()
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string();
    Err(HookProblem::Failed(status.code(), said))
}
