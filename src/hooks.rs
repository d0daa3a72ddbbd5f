//! Hooks (PRODUCT.md section 12): an executable named `on-save`,
//! `on-checkin` or `on-review` in the `hooks/` folder beside the personal
//! config file runs after okr saved such a change, with the event as JSON
//! on its standard input. Hooks come only from there, never from the
//! shared data file, so a teammate's file cannot make okr run anything.
//!
//! A hook is bounded in time ([`time_limit`]); one that fails, hangs or
//! cannot be started is said, and never undoes or blocks the save, which
//! has happened before it runs. [`Bounded`] runs a program so, for the
//! hooks and for the commands of `okr refresh`.

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

/// The environment variable that gives hooks another time limit.
pub const HOOK_SECONDS_ENV: &str = "OKR_HOOK_SECONDS";

/// How long a hook may run before it is stopped: `OKR_HOOK_SECONDS`, else
/// [`SECONDS`].
pub fn time_limit() -> Duration {
    Duration::from_secs(seconds_from_env(HOOK_SECONDS_ENV).unwrap_or(SECONDS))
}

/// A time limit in whole seconds from the environment variable `name`:
/// 1 to 3600, anything else is not one.
pub fn seconds_from_env(name: &str) -> Option<u64> {
    std::env::var(name)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| (1..=3600).contains(s))
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
        let name = crate::text::line(&self.hook.display().to_string());
        (s.hooks.hook_problem)(&name, &self.problem.clause(s))
    }
}

impl HookProblem {
    /// What happened to the program, as a clause (`it ended with code 3:
    /// no network`), whatever ran it: a hook or a refresh command.
    pub fn clause(&self, s: &Strings) -> String {
        let h = &s.hooks;
        match self {
            HookProblem::NotExecutable => h.not_executable.to_string(),
            HookProblem::Start(r) => r.text(s),
            HookProblem::Failed(code, said) => {
                let code = code.map_or_else(|| "-".to_string(), |c| c.to_string());
                let said = crate::text::line(said);
                (h.failed)(&code, &said)
            }
            HookProblem::TooLong(seconds) => (h.too_long)(*seconds),
        }
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
    // The event, then end of input; a hook that does not read it is fine.
    let mut input = serde_json::to_vec(payload).unwrap_or_default();
    input.push(b'\n');
    let ran = Bounded {
        input: Some(input),
        keep_output: false,
        limit: time_limit(),
    };
    ran.run(Command::new(hook)).map(|_| ())
}

/// How a program is run with a time limit: what it is given on its
/// standard input (`None`: nothing, at once at its end), whether what it
/// writes on standard output is kept, and how long it may run.
#[derive(Clone, Debug)]
pub struct Bounded {
    pub input: Option<Vec<u8>>,
    pub keep_output: bool,
    pub limit: Duration,
}

/// How much of what a program writes is kept: the beginning of its
/// standard output, the end of its standard error.
const KEPT: usize = 64 * 1024;

/// How long the rest of what a program wrote is waited for once it has
/// ended (a process it left behind may hold its output open).
const GRACE: Duration = Duration::from_millis(500);

impl Bounded {
    /// Runs `command` and waits for it at most [`Bounded::limit`]; then
    /// it is stopped. What it wrote on standard output (its first
    /// [`KEPT`] bytes, when kept) if it ended well, else what went wrong,
    /// with the last line it wrote on standard error.
    pub fn run(&self, mut command: Command) -> Result<Vec<u8>, HookProblem> {
        let start = |e: std::io::Error| HookProblem::Start(IoReason::of(&e));
        let output = if self.keep_output {
            Stdio::piped()
        } else {
            Stdio::null()
        };
        let input = if self.input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        };
        let mut child = command
            .stdin(input)
            .stdout(output)
            .stderr(Stdio::piped())
            .spawn()
            .map_err(start)?;
        // Its input is written, and its output read, beside it, so that a
        // program that reads or writes much never stops on a full pipe.
        if let (Some(mut stdin), Some(bytes)) = (child.stdin.take(), self.input.clone()) {
            std::thread::spawn(move || {
                let _ = stdin.write_all(&bytes);
            });
        }
        let out = Beside::read(child.stdout.take(), Keep::First);
        let err = Beside::read(child.stderr.take(), Keep::Last);
        let status = match child.wait_timeout(self.limit).map_err(start)? {
            Some(status) => status,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(HookProblem::TooLong(self.limit.as_secs()));
            }
        };
        if status.success() {
            return Ok(out.map(Beside::finish).unwrap_or_default());
        }
        let said = err.map(Beside::finish).unwrap_or_default();
        let said = String::from_utf8_lossy(&said)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_string();
        Err(HookProblem::Failed(status.code(), said))
    }
}

/// Which part of a stream is kept.
#[derive(Clone, Copy)]
enum Keep {
    First,
    Last,
}

/// A pipe read on a thread of its own into a shared buffer.
struct Beside {
    bytes: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    done: std::sync::mpsc::Receiver<()>,
}

impl Beside {
    fn read(pipe: Option<impl std::io::Read + Send + 'static>, keep: Keep) -> Option<Beside> {
        let mut pipe = pipe?;
        let bytes = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (tx, done) = std::sync::mpsc::channel();
        let shared = std::sync::Arc::clone(&bytes);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                let mut kept = shared.lock().unwrap_or_else(|p| p.into_inner());
                match keep {
                    Keep::First => {
                        let room = KEPT.saturating_sub(kept.len()).min(n);
                        kept.extend_from_slice(&chunk[..room]);
                    }
                    Keep::Last => {
                        kept.extend_from_slice(&chunk[..n]);
                        let over = kept.len().saturating_sub(KEPT);
                        kept.drain(..over);
                    }
                }
            }
            let _ = tx.send(());
        });
        Some(Beside { bytes, done })
    }

    /// What was read, once the pipe has ended or [`GRACE`] has passed.
    fn finish(self) -> Vec<u8> {
        let _ = self.done.recv_timeout(GRACE);
        let mut kept = self.bytes.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *kept)
    }
}
