//! What the tests share, each helper once: the `okr` binary run in a sandbox,
//! and below it the terminal (tmux), the data file, model data and the app.
// Each test file uses only part of this module: dead code is allowed here.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod app;
pub mod daily;
pub mod data;
pub mod fixture;
pub mod git;
pub mod html;
pub mod quarterly;
pub mod screen;
pub mod steps;
pub mod team;
pub mod term;
pub mod year;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The pinned "today": a Tuesday in ISO week 48 of 2026 Q4.
pub const TODAY: &str = "2026-11-24";
/// How long a wait for the screen or the file may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
pub const POLL: Duration = Duration::from_millis(50);

/// The variable that names the okr binary the terminal tests drive.
pub const OKR_BIN: &str = "OKR_BIN";

/// The binary the terminal tests drive: the one [`OKR_BIN`] names (`.ci/run`
/// builds the release binary once and names it there), else the one cargo
/// built for the tests, so that `cargo test` alone is enough.
pub fn okr_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(
        || match std::env::var_os(OKR_BIN).filter(|v| !v.is_empty()) {
            Some(bin) => {
                let bin = PathBuf::from(bin);
                assert!(bin.is_file(), "{OKR_BIN}: no binary at {}", bin.display());
                bin
            }
            None => PathBuf::from(env!("CARGO_BIN_EXE_okr")),
        },
    )
}

/// The name the test harness knows the test `function` of module `module`
/// (its `module_path!()`) by, for `--exact`: the path without the crate.
pub fn test_name(module: &str, function: &str) -> String {
    match module.split_once("::") {
        Some((_, inner)) => format!("{inner}::{function}"),
        None => function.to_string(),
    }
}

/// Set (by `.ci/run`) where every test must apply: a test that depends on
/// the machine (root, `chattr`, a loop mount, `strace`) and cannot run here
/// then fails instead of passing as not applicable.
pub const MUST_APPLY: &str = "OKR_TESTS_MUST_APPLY";

/// Says that a test does not apply on this machine, and why: it reports
/// itself as skipped and passes; where [`MUST_APPLY`] is set it fails, so
/// that CI proves what it depends on. The test returns after this.
pub fn not_applicable(why: &str) {
    let must = std::env::var_os(MUST_APPLY).is_some_and(|v| !v.is_empty());
    assert!(
        !must,
        "not applicable here ({why}), but {MUST_APPLY} is set"
    );
    println!("skipped: not applicable here: {why}");
}

/// A date of the calendar; the tests name only real ones.
pub fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The temporary files of saves in `dir` (a save should leave none).
pub fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// A file as JSON, saying which file when it cannot be read.
pub fn read_json(path: &Path) -> Value {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).expect("the data file is JSON")
}

/// The key result `id` of a store or an export, wherever its Mål is.
pub fn key_result<'a>(data: &'a Value, id: &str) -> &'a Value {
    data["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .flat_map(|o| o["key_results"].as_array().expect("key_results"))
        .find(|k| k["id"] == id)
        .unwrap_or_else(|| panic!("no key result {id}: {data:#}"))
}

/// The `n`th key result of the file (from 0), in file order.
pub fn nth_key_result(data: &Value, n: usize) -> &Value {
    data["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .flat_map(|o| o["key_results"].as_array().expect("key_results"))
        .nth(n)
        .unwrap_or_else(|| panic!("no key result {n}: {data:#}"))
}

/// A folder nobody may change, not even root (`chattr +i`), until dropped:
/// no file can be created, renamed or removed in it, while the files in it
/// can still be read and written in place.
pub struct Immutable(PathBuf);

impl Immutable {
    /// `None` where the file system or the system cannot make it so; the
    /// test then says it does not apply here.
    pub fn make(dir: &Path) -> Option<Immutable> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        let guard = ok.then(|| Immutable(dir.to_path_buf()))?;
        // Make sure it holds for this process (root included).
        let probe = dir.join(".okr-probe");
        if std::fs::write(&probe, b"x").is_ok() {
            let _ = std::fs::remove_file(&probe);
            return None;
        }
        Some(guard)
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// `Store::open` of a file this test process had open before. A process
/// that another test of the same binary spawns at the moment the earlier
/// store is dropped holds a copy of its lock's descriptor until it starts
/// its program, so the lock can stay taken for that moment: only that
/// refusal is tried again, for at most [`WAIT`].
pub fn reopen(path: &Path) -> (okr::store::Store, okr::model::Data) {
    let start = Instant::now();
    loop {
        match okr::store::Store::open(path) {
            Ok(opened) => return opened,
            Err(e)
                if start.elapsed() < WAIT
                    && matches!(
                        e,
                        okr::store::Error::Open(okr::store::OpenError::LockHeld(..))
                    ) =>
            {
                std::thread::sleep(POLL);
            }
            Err(e) => panic!("opening {} again: {e}", path.display()),
        }
    }
}

/// The data file's path as `okr path` prints it (in English), from its output.
pub fn printed_data_path(stdout: &str) -> String {
    let mut lines = stdout.lines();
    let line = lines.next().unwrap_or_default();
    assert!(lines.next().is_none(), "one line, the bare path: {stdout}");
    line.to_string()
}

/// A path as okr prints it.
pub fn display(p: &Path) -> String {
    p.display().to_string()
}

/// One test's world: a temporary folder that is the home, the data home and
/// the place of the data file (and of the tmux socket, for the terminal tests).
pub struct Sandbox {
    dir: tempfile::TempDir,
}

/// What a run of the binary left behind.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("okr-test-")
            .tempdir()
            .expect("creating a temporary folder");
        let sandbox = Sandbox { dir };
        std::fs::create_dir_all(sandbox.home()).unwrap();
        std::fs::create_dir_all(sandbox.data_home()).unwrap();
        sandbox
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    pub fn data_home(&self) -> PathBuf {
        self.path().join("data")
    }

    /// Where the personal config file is looked for (`okr/config.toml` in it).
    pub fn config_home(&self) -> PathBuf {
        self.path().join("config")
    }

    /// The data file the tests name with `--file`.
    pub fn file(&self) -> PathBuf {
        self.path().join("okr.json")
    }

    /// Writes `text` to the data file and returns its path.
    pub fn write(&self, text: &str) -> PathBuf {
        let path = self.file();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Writes `text` beside the data file under `name` and returns its path.
    pub fn input(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Writes a prepared store to the data file.
    pub fn write_json(&self, data: &Value) {
        self.write(&serde_json::to_string_pretty(data).unwrap());
    }

    /// The data file as JSON.
    pub fn json(&self) -> Value {
        read_json(&self.file())
    }

    /// Every file in the sandbox's folder, with its bytes and modification
    /// time: what a command that only reads must leave as it was.
    pub fn files(&self) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        let mut all: Vec<_> = std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let modified = std::fs::metadata(&p).unwrap().modified().unwrap();
                (name, std::fs::read(&p).unwrap(), modified)
            })
            .collect();
        all.sort();
        all
    }

    /// Every id in the data file: Mål, key results, Uppgifter.
    pub fn ids(&self) -> Vec<String> {
        ids_of(&std::fs::read_to_string(self.file()).unwrap_or_default())
    }

    /// Waits until the data file holds `text` (the writer saves in the background).
    pub fn wait_for_file(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let content = std::fs::read_to_string(self.file()).unwrap_or_default();
            if content.contains(text) {
                return content;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {text:?} in {}; it held:\n{content}",
                    self.file().display()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The pid okr wrote into its lock file beside the data file. okr
    /// locks a file that is there when it opens it, a new one when it first
    /// saves it: this waits for the pid.
    pub fn locker_pid(&self) -> u32 {
        let lock = self.path().join("okr.json.lock");
        let start = std::time::Instant::now();
        loop {
            let text = std::fs::read_to_string(&lock).unwrap_or_default();
            if let Some(pid) = text.strip_suffix('\n').and_then(|t| t.parse().ok()) {
                return pid;
            }
            assert!(
                start.elapsed() < WAIT,
                "no pid in {}: {text:?}",
                lock.display()
            );
            std::thread::sleep(POLL);
        }
    }

    /// The environment every okr of the tests runs in: "today" pinned, the
    /// home and the data home in the sandbox.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("OKR_TODAY", TODAY.to_string()),
            ("HOME", self.home().to_string_lossy().into()),
            ("XDG_DATA_HOME", self.data_home().to_string_lossy().into()),
            (
                "XDG_CONFIG_HOME",
                self.config_home().to_string_lossy().into(),
            ),
        ]
    }

    /// `bin` with a clean, pinned environment and no terminal (an English
    /// locale: the tests of Swedish pass `--lang sv` or set it).
    pub fn command_of(&self, bin: &Path) -> Command {
        let mut c = Command::new(bin);
        c.current_dir(self.path())
            .envs(self.env())
            .env("LC_ALL", "en_US.UTF-8")
            .env_remove("LANG")
            .env_remove("LC_MESSAGES")
            .env_remove("OKR_FILE")
            .env_remove("OKR_CONFIG")
            .env_remove("OKR_OWNER")
            // Nobody is anybody unless a test says so.
            .env_remove("USER")
            .env_remove("USERNAME")
            // A backtrace must never reach the user, even when asked for.
            .env("RUST_BACKTRACE", "1")
            .env("NO_COLOR", "1");
        c
    }

    /// The binary cargo built for the tests, as [`Sandbox::command_of`].
    pub fn command(&self) -> Command {
        self.command_of(Path::new(env!("CARGO_BIN_EXE_okr")))
    }

    pub fn run_with(&self, mut c: Command, args: &[&str]) -> Run {
        let out = c.args(args).stdin(Stdio::null()).output().unwrap();
        Run {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.command(), args)
    }

    /// [`Sandbox::okr`] right after this test process let go of the file's
    /// lock: tried again while it is refused as open in another okr, for at
    /// most [`WAIT`] (see [`reopen`]).
    pub fn okr_after_unlock(&self, args: &[&str]) -> Run {
        let start = Instant::now();
        loop {
            let r = self.okr(args);
            if !r.stderr.contains("already open in another okr") || start.elapsed() > WAIT {
                return r;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Runs with `--file` naming this sandbox's data file.
    pub fn okr(&self, args: &[&str]) -> Run {
        self.okr_with(self.command(), args)
    }

    /// [`Sandbox::okr`] with the binary the terminal tests drive
    /// ([`okr_binary`]): a second okr beside the one in the terminal.
    pub fn okr_e2e(&self, args: &[&str]) -> Run {
        self.okr_with(self.command_of(okr_binary()), args)
    }

    /// `c` (with its own environment) with `--file` naming this sandbox's data file.
    pub fn okr_with(&self, c: Command, args: &[&str]) -> Run {
        let file = self.file();
        let mut all = vec!["--file", file.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run_with(c, &all)
    }
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        assert!(self.stderr.is_empty(), "stderr: {}", self.stderr);
        self
    }

    /// Exit code 1 and one sentence on stderr beginning `okr: `, with each of
    /// `words` in it, no Debug output and nothing on stdout. Returns the line.
    pub fn fails(&self, words: &[&str]) -> &str {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit 1\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        let line = self.stderr.strip_suffix('\n').unwrap_or(&self.stderr);
        assert!(
            !line.contains('\n'),
            "more than one line: {:?}",
            self.stderr
        );
        assert!(line.starts_with("okr: "), "{line}");
        for noise in ["Error {", "Os {", "kind:", "backtrace", "panicked", "RUST_"] {
            assert!(!line.contains(noise), "debug noise {noise:?} in: {line}");
        }
        for w in words {
            assert!(line.contains(w), "{w:?} is not in: {line}");
        }
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
        line
    }
}

/// `text` with each of `ids` written as `#1`, `#2`, … in the order they
/// first appear: two reports of the same OKRs under other ids read the same.
pub fn ids_in_order(text: &str, ids: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    // An id, or the beginning of one that names it alone (as shown).
    let find = |word: &str| {
        ids.iter().find(|id| *id == word).or_else(|| {
            let mut begun = ids
                .iter()
                .filter(|id| word.len() >= 4 && id.starts_with(word));
            let one = begun.next();
            one.filter(|_| begun.next().is_none())
        })
    };
    let mut flush = |word: &mut String, out: &mut String| {
        match find(word) {
            Some(id) => {
                let n = match seen.iter().position(|s| *s == id.as_str()) {
                    Some(n) => n,
                    None => {
                        seen.push(id.as_str());
                        seen.len() - 1
                    }
                };
                out.push_str(&format!("#{}", n + 1));
            }
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Every id in a data file's text.
pub fn ids_of(text: &str) -> Vec<String> {
    let data: Value = serde_json::from_str(text).expect("a data file");
    let mut out = Vec::new();
    for o in data["objectives"].as_array().into_iter().flatten() {
        out.extend(o["id"].as_str().map(String::from));
        for list in ["key_results", "initiatives"] {
            for x in o[list].as_array().into_iter().flatten() {
                out.extend(x["id"].as_str().map(String::from));
            }
        }
    }
    out
}
