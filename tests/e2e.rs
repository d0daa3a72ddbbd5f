#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End to end: the release binary in a real terminal (tmux), against a real
//! file in a temporary folder, checking both the screen and the file.
//!
//! Every step waits for text on the screen, never for time. Each test runs
//! its own tmux server (a socket in its temporary folder), so tests never
//! share sessions or options, and the server goes away with the test. okr
//! runs under a shell that, once okr ends, prints okr's exit status and the
//! terminal's mode flags: every test that ends okr also proves the terminal
//! was restored.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The pinned "today": week 48 of 2026-Q4.
const TODAY: &str = "2026-11-24";
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// What the session's shell prints after okr: `EXITED <status>`, the
/// terminal's flags, then [`END`].
const EXITED: &str = "EXITED";
const END: &str = "END-OF-SESSION";

/// The release binary, built once per test process so `cargo test` alone is enough.
fn okr_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let status = Command::new(env!("CARGO"))
            .args(["build", "--release", "--bin", "okr"])
            .current_dir(manifest)
            .status()
            .expect("running cargo build --release");
        assert!(status.success(), "cargo build --release --bin okr failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(|d| manifest.join(d))
            .unwrap_or_else(|| manifest.join("target"));
        let bin = target.join("release").join("okr");
        assert!(bin.is_file(), "no release binary at {}", bin.display());
        bin
    })
}

/// Fails loudly when tmux is missing: these tests are never skipped silently.
fn require_tmux() {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "the end-to-end tests need tmux on PATH and it was not found; install it (e.g. apt-get install tmux)"
    );
}

/// Quotes a word for `sh`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A temporary folder with the data file, a home and the tmux socket.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("okr-e2e-")
            .tempdir()
            .expect("creating a temporary folder");
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        Sandbox { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self) -> PathBuf {
        self.path().join("okr.json")
    }

    /// The shell command line of a session: okr on the sandbox's file, then
    /// what it left behind. The shell reaps okr and prints its exit status
    /// (tmux's own `pane_dead_status` can lag: tmux 3.3 sometimes leaves the
    /// process a zombie for seconds), then the terminal's line discipline
    /// flags, so every test also proves the terminal was restored.
    fn session_command(&self, lang: &str) -> String {
        self.session_command_with(lang, &[])
    }

    /// [`Sandbox::session_command`] with okr's further arguments, such as a
    /// subcommand: `["review", "2026-Q3"]`.
    fn session_command_with(&self, lang: &str, args: &[&str]) -> String {
        let args: String = args.iter().map(|a| format!(" {}", sh_quote(a))).collect();
        format!(
            "{} --file {} --lang {lang}{args}; echo \"{EXITED} $?\"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$'; echo {END}",
            sh_quote(&okr_binary().to_string_lossy()),
            sh_quote(&self.file().to_string_lossy()),
        )
    }

    /// The environment okr runs in: a pinned date, a home in the sandbox.
    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("OKR_TODAY", TODAY.to_string()),
            ("HOME", self.path().join("home").to_string_lossy().into()),
            (
                "XDG_DATA_HOME",
                self.path().join("data").to_string_lossy().into(),
            ),
            ("LANG", "C".to_string()),
        ]
    }

    /// The data file as JSON.
    fn json(&self) -> Value {
        let text = std::fs::read_to_string(self.file())
            .unwrap_or_else(|e| panic!("reading {}: {e}", self.file().display()));
        serde_json::from_str(&text).expect("the data file is JSON")
    }

    /// A second okr on the same file, outside tmux.
    fn run_okr(&self, lang: &str) -> Output {
        self.run_okr_with(lang, &[])
    }

    /// [`Sandbox::run_okr`] with okr's further arguments: `["export", ...]`.
    fn run_okr_with(&self, lang: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(okr_binary());
        cmd.args(["--file", &self.file().to_string_lossy(), "--lang", lang])
            .args(args);
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        cmd.env_remove("OKR_FILE")
            .stdin(Stdio::null())
            .output()
            .expect("running a second okr")
    }
}

/// One tmux session on its own server; the server is killed on drop.
struct Term {
    socket: PathBuf,
    name: String,
}

impl Term {
    /// Starts `command` (a shell command line) in a `width`×`height` window.
    /// Panes stay after their process ends (`remain-on-exit`), so what was
    /// printed last can still be read.
    fn start(sandbox: &Sandbox, width: u16, height: u16, command: &str) -> Term {
        require_tmux();
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!("okr-e2e-{}-{n}", std::process::id());
        let conf = sandbox.path().join("tmux.conf");
        std::fs::write(&conf, "set -g remain-on-exit on\nset -g status off\n").unwrap();
        let term = Term {
            socket: sandbox.path().join(format!("tmux-{n}.sock")),
            name,
        };
        let mut cmd = Command::new("tmux");
        cmd.arg("-S")
            .arg(&term.socket)
            .arg("-f")
            .arg(&conf)
            .args(["new-session", "-d", "-s", &term.name])
            .args(["-x", &width.to_string(), "-y", &height.to_string()]);
        for (k, v) in sandbox.env() {
            cmd.args(["-e", &format!("{k}={v}")]);
            cmd.env(k, v);
        }
        cmd.env_remove("TMUX")
            .env_remove("OKR_FILE")
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .arg(command);
        let out = cmd.output().expect("running tmux new-session");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        term
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("running tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", &self.name, "-x", &w, "-y", &h]);
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    /// Presses one named key: `Enter`, `Tab`, `BTab`, `Escape`, `C-u`, `a`.
    fn press(&self, key: &str) {
        self.tmux(&["send-keys", "-t", &self.name, key]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    fn format(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", &self.name, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `done` holds, panicking with the last screen.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!("waited {WAIT:?} for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Waits until okr has ended and the shell has reported; returns okr's
    /// exit status, after checking that the terminal is back in canonical
    /// mode with echo and signals, and off the alternate screen.
    fn wait_exit(&self) -> i32 {
        self.wait_for(END);
        // With the history: tmux may scroll the shell's first line off the
        // screen when the alternate screen is left.
        let screen = self.tmux(&["capture-pane", "-p", "-S", "-", "-t", &self.name]);
        let status = screen
            .lines()
            .find_map(|l| l.trim().strip_prefix(EXITED))
            .and_then(|rest| rest.trim().parse().ok())
            .unwrap_or_else(|| panic!("no exit status on screen:\n{screen}"));
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        for flag in ["icanon", "echo", "isig"] {
            assert!(
                lines.contains(&flag),
                "the terminal is back to {flag} after okr:\n{screen}"
            );
        }
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "okr left the alternate screen:\n{screen}"
        );
        status
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// The words of one language, as the screens show them.
struct Words {
    lang: &'static str,
    empty_hint: &'static str,
    new_objective: &'static str,
    new_key_result: &'static str,
    new_value: &'static str,
    new_initiative: &'static str,
    no_key_results: &'static str,
    key_results: &'static str,
    initiatives: &'static str,
    unit: &'static str,
    undone: &'static str,
    form_keys: &'static str,
}

const EN: Words = Words {
    lang: "en",
    empty_hint: "Press a to add your first objective",
    new_objective: "New objective",
    new_key_result: "New key result",
    new_value: "New value",
    new_initiative: "New initiative",
    no_key_results: "No key results yet",
    key_results: "Key results",
    initiatives: "Initiatives",
    unit: "calls",
    undone: "Undone.",
    form_keys: "Enter/Ctrl-S save · Esc cancel",
};

const SV: Words = Words {
    lang: "sv",
    empty_hint: "Tryck a för att lägga till ditt första mål",
    new_objective: "Nytt mål",
    new_key_result: "Nytt nyckelresultat",
    new_value: "Nytt värde",
    new_initiative: "Ny uppgift",
    no_key_results: "Inga nyckelresultat än",
    key_results: "Nyckelresultat",
    initiatives: "Uppgifter",
    unit: "samtal",
    undone: "Ångrat.",
    form_keys: "Enter/Ctrl-S spara · Esc avbryt",
};

/// The issue's scenario: a day's work from an empty file to quit, with the
/// screen checked after every step and the file checked at the end.
fn daily_scenario(w: &Words, objective: &str, key_result: &str, initiative: &str) {
    let sandbox = Sandbox::new();
    assert!(!sandbox.file().exists());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command(w.lang));
    t.wait_for(w.empty_hint);

    // A Mål.
    t.press("a");
    t.wait_for(w.new_objective);
    t.type_text(objective);
    t.wait_for(objective);
    t.press("Enter");
    t.wait_gone(w.new_objective);
    t.wait_for(&format!("▸ {objective}"));
    t.wait_for(w.no_key_results);

    // A numeric key result: start 0 (prefilled), target 10, unit "calls".
    t.press("Tab");
    t.wait_for(&format!("▶ {}", w.key_results));
    t.press("a");
    t.wait_for(w.new_key_result);
    t.type_text(key_result);
    t.wait_for(key_result);
    t.press("Tab"); // Measure: a number is the first choice.
    t.press("Tab"); // Start, prefilled 0.
    t.press("Tab"); // Target.
    t.type_text("10");
    t.press("Tab"); // Current: empty means the start.
    t.press("Tab"); // Unit.
    t.type_text(w.unit);
    t.wait_for(w.unit);
    t.press("Enter");
    t.wait_gone(w.new_key_result);
    t.wait_for(&format!("0 / 10 {}", w.unit));

    // Its value with `v`: the field holds the current value, so clear it first.
    t.press("v");
    t.wait_for(w.new_value);
    t.press("C-u");
    t.type_text("4");
    t.press("Enter");
    t.wait_gone(w.new_value);
    t.wait_for(&format!("4 / 10 {}", w.unit));

    // The detail, an Uppgift, ticked and the tick undone.
    t.press("Enter");
    t.wait_for(&format!("{} (0/0)", w.initiatives));
    t.press("Tab");
    t.wait_for(&format!("▶ {} (0/0)", w.initiatives));
    t.press("a");
    t.wait_for(w.new_initiative);
    t.type_text(initiative);
    t.wait_for(initiative);
    t.press("Enter");
    t.wait_gone(w.new_initiative);
    t.wait_for(&format!("[ ] {initiative}"));
    t.press("x");
    t.wait_for(&format!("[x] {initiative}"));
    t.wait_for(&format!("{} (1/1)", w.initiatives));
    t.press("u");
    t.wait_for(w.undone);
    t.wait_for(&format!("[ ] {initiative}"));
    t.wait_for(&format!("{} (0/1)", w.initiatives));

    t.press("q");
    assert_eq!(t.wait_exit(), 0, "okr exits 0 on q");

    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 1, "one objective: {data:#}");
    let o = &objectives[0];
    assert_eq!(o["title"], objective);
    assert_eq!(o["quarter"], "2026-Q4");
    let krs = o["key_results"].as_array().expect("key_results");
    assert_eq!(krs.len(), 1, "one key result: {o:#}");
    let k = &krs[0];
    assert_eq!(k["title"], key_result);
    assert_eq!(k["measure"]["type"], "numeric");
    assert_eq!(k["measure"]["start"], 0.0);
    assert_eq!(k["measure"]["target"], 10.0);
    assert_eq!(k["measure"]["current"], 4.0);
    assert_eq!(k["measure"]["unit"], w.unit);
    let history = k["history"].as_array().expect("history");
    assert!(
        history
            .iter()
            .any(|h| h["value"] == 4.0 && h["date"] == TODAY),
        "a history entry with value 4 today: {history:#?}"
    );
    let inits = o["initiatives"].as_array().expect("initiatives");
    assert_eq!(inits.len(), 1, "one initiative: {o:#}");
    assert_eq!(inits[0]["title"], initiative);
    assert!(
        inits[0].get("done").is_none_or(Value::is_null),
        "the tick was undone: {:#}",
        inits[0]
    );
}

#[test]
fn a_days_work_in_english_ends_up_in_the_file() {
    daily_scenario(
        &EN,
        "Happy customers",
        "Customer calls",
        "Call ten customers",
    );
}

#[test]
fn a_days_work_in_swedish_ends_up_in_the_file() {
    daily_scenario(&SV, "Nöjda kunder", "Kundsamtal", "Ring tio kunder");
}

impl Sandbox {
    /// Waits until the data file holds `text` (the writer saves in the background).
    fn wait_for_file(&self, text: &str) -> String {
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

    /// The pid okr wrote into its lock file beside the data file.
    fn locker_pid(&self) -> u32 {
        let lock = self.path().join("okr.json.lock");
        let text = std::fs::read_to_string(&lock)
            .unwrap_or_else(|e| panic!("reading {}: {e}", lock.display()));
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("no pid in {}: {text:?}", lock.display()))
    }
}

/// Adds a Mål from the quarter view's Mål list and waits until it is listed.
fn add_objective(t: &Term, title: &str) {
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text(title);
    t.wait_for(title);
    t.press("Enter");
    t.wait_gone(EN.new_objective);
    t.wait_for(&format!("▸ {title}"));
}

#[test]
fn sigterm_keeps_the_change_restores_the_terminal_and_exits_143() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "okr draws on the alternate screen"
    );
    add_objective(&t, "Survive a SIGTERM");

    // okr runs under the session's shell; its pid is in the lock file.
    let pid = sandbox.locker_pid();
    let kill = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("running kill");
    assert!(kill.success(), "kill -TERM {pid} failed");

    assert_eq!(t.wait_exit(), 143, "128 + SIGTERM");
    let screen = t.screen();
    assert!(
        !screen.contains("Survive a SIGTERM"),
        "the alternate screen was left:\n{screen}"
    );
    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 1, "the change was saved: {data:#}");
    assert_eq!(objectives[0]["title"], "Survive a SIGTERM");
}

#[test]
fn a_second_okr_on_the_same_file_is_told_and_exits_1() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Only one writer");
    let before = sandbox.wait_for_file("Only one writer");

    let second = sandbox.run_okr("en");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(
        second.status.code(),
        Some(1),
        "the second okr exits 1; stderr: {stderr}"
    );
    assert!(
        stderr.contains("is already open in another okr"),
        "the second okr says why: {stderr}"
    );
    assert!(
        stderr.contains(&*sandbox.file().to_string_lossy()),
        "and names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        before,
        "the second okr wrote nothing"
    );

    // The first one is unharmed and still saves.
    add_objective(&t, "Still mine");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    assert_eq!(
        data["objectives"].as_array().map(Vec::len),
        Some(2),
        "{data:#}"
    );
}

#[test]
fn bad_input_keeps_the_form_open_with_what_was_typed() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);

    // An empty title.
    t.press("a");
    t.wait_for(EN.new_objective);
    t.press("Enter");
    t.wait_for("Write a title.");
    t.wait_for(EN.new_objective);
    t.type_text("Fewer bugs");
    t.wait_gone("Write a title.");
    t.press("Enter");
    t.wait_gone(EN.new_objective);
    t.wait_for("▸ Fewer bugs");

    // A target that is not a number.
    t.press("Tab");
    t.wait_for(&format!("▶ {}", EN.key_results));
    t.press("a");
    t.wait_for(EN.new_key_result);
    t.type_text("Open bugs");
    t.press("Tab"); // Measure.
    t.press("Tab"); // Start.
    t.press("Tab"); // Target.
    t.type_text("abc");
    t.press("Enter");
    let screen = t.wait_for("Not a number");
    assert!(
        screen.contains(EN.new_key_result),
        "the form stays:\n{screen}"
    );
    let target = screen
        .lines()
        .find(|l| l.contains("Target"))
        .unwrap_or_else(|| panic!("a Target field:\n{screen}"));
    assert!(target.contains("abc"), "what was typed is kept:\n{screen}");
    assert!(screen.contains("Open bugs"), "the title is kept:\n{screen}");

    t.press("C-u");
    t.type_text("10");
    t.wait_gone("Not a number");
    t.press("Enter");
    t.wait_gone(EN.new_key_result);
    t.wait_for("0 / 10");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let o = &data["objectives"][0];
    assert_eq!(o["title"], "Fewer bugs");
    assert_eq!(o["key_results"][0]["title"], "Open bugs");
    assert_eq!(o["key_results"][0]["measure"]["target"], 10.0);
}

/// Whether a process has a handler for SIGWINCH (Linux: `SigCgt` in
/// `/proc/PID/status`); `None` where that cannot be read.
fn catches_sigwinch(pid: u32) -> Option<bool> {
    const SIGWINCH: u32 = 28;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let mask = status.lines().find_map(|l| l.strip_prefix("SigCgt:"))?;
    let mask = u64::from_str_radix(mask.trim(), 16).ok()?;
    Some(mask & (1 << (SIGWINCH - 1)) != 0)
}

#[test]
fn a_small_window_says_so_and_a_larger_one_shows_the_quarter() {
    let sandbox = Sandbox::new();
    let t = Term::start(&sandbox, 30, 8, &sandbox.session_command("en"));
    t.wait_for("too small");

    // okr listens for resizes only once its input thread has started
    // reading (crossterm registers SIGWINCH lazily); a resize before that is
    // lost. Wait for the handler, so the test checks the redraw, not the race.
    let pid = sandbox.locker_pid();
    let start = Instant::now();
    while catches_sigwinch(pid) == Some(false) {
        assert!(start.elapsed() < WAIT, "okr never listened for SIGWINCH");
        std::thread::sleep(POLL);
    }

    t.resize(100, 30);
    t.wait_for(EN.empty_hint);
    t.wait_gone("too small");

    // No size panics, down to 1×1, and what is typed survives the sizes.
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text("Tiny windows");
    t.wait_for("Tiny windows");
    t.resize(1, 1);
    t.wait_until("the 1×1 screen", |s| s.trim() == "T");
    t.resize(39, 12);
    t.wait_for("too small");
    t.resize(40, 12);
    t.wait_for("Tiny windows");
    t.wait_gone("too small");
    t.resize(100, 30);
    t.wait_for(EN.form_keys);
    t.press("Enter");
    t.wait_for("▸ Tiny windows");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(sandbox.json()["objectives"][0]["title"], "Tiny windows");
}

#[test]
fn a_second_run_keeps_a_copy_of_the_file_before_its_first_write() {
    let sandbox = Sandbox::new();
    let first = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    first.wait_for(EN.empty_hint);
    add_objective(&first, "From the first run");
    first.press("q");
    assert_eq!(first.wait_exit(), 0);
    drop(first);
    let before = std::fs::read_to_string(sandbox.file()).unwrap();

    let second = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    second.wait_for("From the first run");
    second.press("j"); // Stay on the list; a new Mål goes last.
    add_objective(&second, "From the second run");
    second.press("q");
    assert_eq!(second.wait_exit(), 0);

    let backup = sandbox.path().join("okr.json.bak");
    let kept = std::fs::read_to_string(&backup)
        .unwrap_or_else(|e| panic!("reading {}: {e}", backup.display()));
    assert_eq!(
        kept, before,
        "the backup is the file as the second run found it"
    );
    let titles: Vec<Value> = sandbox.json()["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .map(|o| o["title"].clone())
        .collect();
    assert_eq!(titles, ["From the first run", "From the second run"]);
}

/// okr with one saved Mål whose file someone else then rewrote, and a second
/// Mål added after that. Returns what the other program wrote.
fn conflict(sandbox: &Sandbox) -> (Term, String) {
    let t = Term::start(sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(EN.empty_hint);
    add_objective(&t, "Mine");
    sandbox.wait_for_file("Mine");

    let mut theirs = sandbox.json();
    theirs["objectives"][0]["title"] = "Theirs".into();
    let theirs = serde_json::to_string_pretty(&theirs).unwrap();
    std::fs::write(sandbox.file(), &theirs).unwrap();

    add_objective(&t, "Also mine");
    t.wait_for("was changed by another program");
    (t, theirs)
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten() {
    let sandbox = Sandbox::new();
    let (t, theirs) = conflict(&sandbox);
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        theirs,
        "their file is left as they wrote it"
    );
    let copy = sandbox.path().join("okr.json.conflict");
    let copy = std::fs::read_to_string(&copy)
        .unwrap_or_else(|e| panic!("reading {}: {e}", copy.display()));
    assert!(
        copy.contains("Mine") && copy.contains("Also mine"),
        "okr's state is in the conflict copy:\n{copy}"
    );

    // With a save problem the first q only warns; the second quits.
    t.press("q");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(sandbox.file()).unwrap(),
        theirs,
        "quitting does not overwrite their file either"
    );
}

#[test]
fn quitting_with_a_save_problem_says_press_q_again() {
    let sandbox = Sandbox::new();
    let (t, _) = conflict(&sandbox);
    t.press("q");
    t.wait_for("Press q again");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_conflict_says_where_the_changes_went() {
    let sandbox = Sandbox::new();
    let (t, _) = conflict(&sandbox);
    t.wait_for("okr.json.conflict");
}

impl Sandbox {
    /// Writes a prepared store to the data file.
    fn write_json(&self, data: &Value) {
        std::fs::write(self.file(), serde_json::to_string_pretty(data).unwrap()).unwrap();
    }
}

/// The line of `screen` holding `text` (a form field's label, a list entry).
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} on screen:\n{screen}"))
}

/// Waits until the field labelled `label` shows `expected` (a frame may be
/// captured half drawn, so a field is read by waiting, not at once).
fn wait_field(t: &Term, label: &str, expected: &str, why: &str) -> String {
    t.wait_until(&format!("{label} = {expected:?} ({why})"), |s| {
        s.lines().any(|l| l.contains(label)) && field_value(s, label) == expected
    })
}

/// What a form shows in the field labelled `label`: the rest of its line,
/// without padding and the frames around it.
fn field_value<'a>(screen: &'a str, label: &str) -> &'a str {
    let line = line_with(screen, label);
    line[line.find(label).unwrap() + label.len()..]
        .trim_end_matches(|c: char| c == '│' || c.is_whitespace())
        .trim_start()
}

/// The key result `id` of the store, wherever its Mål is.
fn key_result<'a>(data: &'a Value, id: &str) -> &'a Value {
    data["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .flat_map(|o| o["key_results"].as_array().expect("key_results"))
        .find(|k| k["id"] == id)
        .unwrap_or_else(|| panic!("no key result {id}: {data:#}"))
}

/// Today's quarter with two Mål and three key results (two numeric, one
/// done/not-done), checked in last week (2026-W47) but not this week.
fn checkin_store() -> Value {
    serde_json::json!({
        "version": 1,
        "settings": { "checkin_weekday": "monday" },
        "objectives": [
            {
                "id": "o1",
                "title": "Expandera globalt",
                "kind": "committed",
                "quarter": "2026-Q4",
                "status": "active",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-16T09:30:00Z",
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Sälj för 100 miljoner",
                        "measure": { "type": "numeric", "start": 0.0, "target": 100.0, "current": 12.5, "unit": "MSEK" },
                        "weight": 1.0,
                        "confidence": 7,
                        "history": [ { "date": "2026-11-16", "value": 12.5, "confidence": 7 } ]
                    },
                    {
                        "id": "kr2",
                        "title": "Sänk ledtiden för offerter",
                        "measure": { "type": "numeric", "start": 10.0, "target": 2.0, "current": 6.0, "unit": "dagar" },
                        "weight": 1.0,
                        "confidence": 5,
                        "history": [ { "date": "2026-11-16", "value": 6.0, "confidence": 5 } ]
                    }
                ],
                "initiatives": []
            },
            {
                "id": "o2",
                "title": "Gör kunderna glada",
                "kind": "aspirational",
                "quarter": "2026-Q4",
                "status": "active",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-16T09:30:00Z",
                "key_results": [
                    {
                        "id": "kr3",
                        "title": "Lansera en feedback-process",
                        "measure": { "type": "done", "done": false },
                        "weight": 1.0,
                        "confidence": 8,
                        "history": []
                    }
                ],
                "initiatives": []
            }
        ],
        "checkins": [
            {
                "week": "2026-W47",
                "date": "2026-11-16",
                "entries": [
                    { "key_result": "kr1", "value": 12.5, "confidence": 7 },
                    { "key_result": "kr2", "value": 6.0, "confidence": 5 },
                    { "key_result": "kr3", "value": 0.0, "confidence": 8 }
                ],
                "wins": "Första kunden i Tyskland"
            }
        ]
    })
}

const CHECKIN_BANNER: &str = "This week's check-in: 3 key results waiting — press c";

/// The weekly check-in from the banner to the summary: every key result's
/// value, the wins, the pulse skipped; the file holds this week's one
/// check-in and the new values, and the next start shows no banner.
#[test]
fn the_weekly_checkin_walks_every_key_result_and_ends_up_in_the_file() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&checkin_store());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(CHECKIN_BANNER);

    // Each key result in Mål order: the prefilled value is replaced by typing.
    t.press("c");
    t.wait_until(
        concat!("Key result 1 of 3", " with ", "Sälj för 100 miljoner"),
        |s| s.contains("Key result 1 of 3") && s.contains("Sälj för 100 miljoner"),
    );
    wait_field(&t, "Value", "12.5", "the value is prefilled");
    t.type_text("20");
    t.wait_until("the value 20 typed over 12.5", |s| {
        s.contains("Value") && field_value(s, "Value") == "20"
    });
    t.press("Enter");
    t.wait_until(
        concat!("Key result 2 of 3", " with ", "Sänk ledtiden för offerter"),
        |s| s.contains("Key result 2 of 3") && s.contains("Sänk ledtiden för offerter"),
    );
    t.type_text("4");
    t.press("Enter");
    t.wait_until(
        concat!("Key result 3 of 3", " with ", "Lansera en feedback-process"),
        |s| s.contains("Key result 3 of 3") && s.contains("Lansera en feedback-process"),
    );
    wait_field(&t, "Done", "‹ no ›", "not done yet");
    t.press("Right");
    t.wait_for("‹ yes ›");
    t.press("Enter");

    // Wins, then Ctrl-S goes on; the pulse is skipped.
    t.wait_for("Wins, blockers and next steps");
    t.type_text("Två nya kunder");
    t.wait_for("Två nya kunder");
    t.press("C-s");
    t.wait_for("Team pulse: rate each pillar 1–5");
    t.press("s");

    let moved = [
        "↑ Sälj för 100 miljoner: 12.5 → 20",
        "↓ Sänk ledtiden för offerter: 6 → 4",
        "↑ Lansera en feedback-process: not done → done",
    ];
    let screen = t.wait_until("what moved, in the summary", |s| {
        s.contains("What moved") && moved.iter().all(|m| s.contains(m))
    });
    assert!(
        screen.contains("Check-in streak: 2 weeks"),
        "last week and this week:\n{screen}"
    );

    // Back on the quarter view the banner is gone.
    t.press("Enter");
    t.wait_gone("What moved");
    let screen = t.wait_for("Gör kunderna glada");
    assert!(
        !screen.contains("This week's check-in"),
        "no banner after the check-in:\n{screen}"
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let checkins = data["checkins"].as_array().expect("checkins");
    let this_week: Vec<&Value> = checkins
        .iter()
        .filter(|c| c["week"] == "2026-W48")
        .collect();
    assert_eq!(this_week.len(), 1, "one check-in this week: {data:#}");
    let c = this_week[0];
    assert_eq!(c["date"], TODAY);
    assert_eq!(c["wins"], "Två nya kunder");
    assert!(c.get("pulse").is_none_or(Value::is_null), "no pulse: {c:#}");
    let entries = c["entries"].as_array().expect("entries");
    let values: Vec<(&str, f64)> = entries
        .iter()
        .map(|e| {
            (
                e["key_result"].as_str().expect("key_result"),
                e["value"].as_f64().expect("value"),
            )
        })
        .collect();
    assert_eq!(values, [("kr1", 20.0), ("kr2", 4.0), ("kr3", 1.0)]);
    assert_eq!(checkins.len(), 2, "last week's is kept: {data:#}");

    assert_eq!(key_result(&data, "kr1")["measure"]["current"], 20.0);
    assert_eq!(key_result(&data, "kr2")["measure"]["current"], 4.0);
    assert_eq!(key_result(&data, "kr3")["measure"]["done"], true);
    for (id, value) in [("kr1", 20.0), ("kr2", 4.0), ("kr3", 1.0)] {
        let history = key_result(&data, id)["history"]
            .as_array()
            .expect("history");
        let today: Vec<&Value> = history.iter().filter(|h| h["date"] == TODAY).collect();
        assert_eq!(
            today.len(),
            1,
            "one history entry today for {id}: {history:#?}"
        );
        assert_eq!(today[0]["value"], value, "{id}: {history:#?}");
    }

    // The next start knows this week is done.
    drop(t);
    let again = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    // The body is drawn below the banner's place, so the banner would be there by now.
    let screen = again.wait_for("Gör kunderna glada");
    assert!(
        !screen.contains("This week's check-in"),
        "no banner once this week is checked in:\n{screen}"
    );
    again.press("q");
    assert_eq!(again.wait_exit(), 0);
}

/// A finished quarter (2026-Q3): a committed Mål whose key result reached
/// its target, and an aspirational one at 30 % with an open and a done Uppgift.
fn review_store() -> Value {
    serde_json::json!({
        "version": 1,
        "objectives": [
            {
                "id": "o1",
                "title": "Lansera appen",
                "kind": "committed",
                "quarter": "2026-Q3",
                "status": "active",
                "created": "2026-07-01T08:00:00Z",
                "updated": "2026-09-28T16:00:00Z",
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Nedladdningar",
                        "measure": { "type": "numeric", "start": 0.0, "target": 1000.0, "current": 1000.0, "unit": "st" },
                        "weight": 1.0,
                        "confidence": 9,
                        "history": [ { "date": "2026-09-28", "value": 1000.0 } ]
                    }
                ],
                "initiatives": []
            },
            {
                "id": "o2",
                "title": "Bli marknadsledare",
                "kind": "aspirational",
                "quarter": "2026-Q3",
                "status": "active",
                "created": "2026-07-01T08:00:00Z",
                "updated": "2026-09-28T16:00:00Z",
                "key_results": [
                    {
                        "id": "kr2",
                        "title": "Marknadsandel",
                        "measure": { "type": "numeric", "start": 0.0, "target": 10.0, "current": 3.0, "unit": "%" },
                        "weight": 1.0,
                        "confidence": 4,
                        "history": [ { "date": "2026-09-28", "value": 3.0 } ]
                    }
                ],
                "initiatives": [
                    { "id": "u1", "title": "Kampanj i Norge" },
                    { "id": "u2", "title": "Pressmeddelande", "done": "2026-09-10" }
                ]
            }
        ],
        "checkins": []
    })
}

/// The review of a finished quarter: a score, a status and a retro for each
/// Mål, the unfinished aspirational one carried into the next quarter, and
/// the report showing it all.
#[test]
fn the_quarter_review_scores_writes_the_retro_and_carries_over() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&review_store());
    let t = Term::start(
        &sandbox,
        100,
        30,
        &sandbox.session_command_with("en", &["review", "2026-Q3"]),
    );
    t.wait_until(
        concat!("Quarter review 2026 Q3", " with ", "▸ Lansera appen"),
        |s| s.contains("Quarter review 2026 Q3") && s.contains("▸ Lansera appen"),
    );
    // The aspirational Mål below 1.0 is proposed for carrying.
    t.wait_until("Bli marknadsledare, proposed to carry over", |s| {
        s.contains("Bli marknadsledare") && s.contains("proposed to carry over")
    });

    // The committed Mål: score 1, achieved, what went well.
    t.press("Enter");
    t.wait_for("Score and retro");
    wait_field(&t, "Score (0–1)", "1", "the suggested score is prefilled");
    wait_field(&t, "Status", "‹ active ›", "the status as it is");
    t.press("C-u");
    t.type_text("1");
    t.press("Tab");
    t.press("Right");
    t.wait_for("‹ achieved ›");
    t.press("Tab");
    t.type_text("Snabba releaser varje vecka");
    t.wait_for("Snabba releaser varje vecka");
    t.press("C-s");
    t.wait_gone("Score and retro");
    t.wait_until("score 1 (green) and achieved on one line", |s| {
        s.lines()
            .any(|l| l.contains("score 1 (green)") && l.contains("achieved"))
    });

    // The aspirational Mål: carried over by default, score 0,3, carried.
    t.press("j");
    t.wait_for("▸ Bli marknadsledare");
    t.press("Enter");
    t.wait_for("Score and retro");
    wait_field(&t, "Score (0–1)", "0.3", "the suggested score is prefilled");
    wait_field(&t, "Status", "‹ carried over ›", "carrying is proposed");
    t.type_text("0,3");
    t.wait_until("the score 0,3 typed over the suggested one", |s| {
        s.contains("Score (0–1)") && field_value(s, "Score (0–1)") == "0,3"
    });
    t.press("C-s");
    // Its key results are checked.
    let screen = t.wait_until("the carry dialog with kr2 checked", |s| {
        s.contains("Carry into the next quarter") && s.contains("[x] kr2 Marknadsandel")
    });
    assert!(
        screen.contains("1 open initiatives come along."),
        "{screen}"
    );
    t.press("Enter");
    t.wait_for("Carried into 2026 Q4.");
    t.wait_gone("Carry into the next quarter");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 3, "one copy: {data:#}");
    let o1 = &objectives[0];
    assert_eq!(o1["id"], "o1");
    assert_eq!(o1["score"], 1.0);
    assert_eq!(o1["status"], "achieved");
    assert_eq!(o1["retro"]["went_well"], "Snabba releaser varje vecka");
    let o2 = &objectives[1];
    assert_eq!(o2["id"], "o2");
    assert_eq!(o2["score"], 0.3);
    assert_eq!(o2["status"], "carried_over");

    let copy = &objectives[2];
    assert_eq!(copy["quarter"], "2026-Q4");
    assert_eq!(copy["carried_from"], "o2");
    assert_eq!(copy["title"], "Bli marknadsledare");
    assert_ne!(copy["id"], "o2", "the copy has its own id");
    let krs = copy["key_results"].as_array().expect("key_results");
    assert_eq!(krs.len(), 1, "{copy:#}");
    assert_eq!(krs[0]["title"], "Marknadsandel");
    assert_ne!(krs[0]["id"], "kr2", "the copy's key result has its own id");
    assert_eq!(
        krs[0]["measure"]["start"], 3.0,
        "starts from the old current"
    );
    assert_eq!(krs[0]["measure"]["current"], 3.0);
    assert_eq!(krs[0]["measure"]["target"], 10.0);
    let inits = copy["initiatives"].as_array().expect("initiatives");
    let titles: Vec<&Value> = inits.iter().map(|i| &i["title"]).collect();
    assert_eq!(titles, ["Kampanj i Norge"], "only the open one: {copy:#}");
    assert!(inits[0].get("done").is_none_or(Value::is_null));

    // The report of the reviewed quarter.
    let out = sandbox.run_okr_with("en", &["export", "--format", "md", "--quarter", "2026-Q3"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("- Score: 1 ("), "{stdout}");
    assert!(stdout.contains("- Score: 0.3 ("), "{stdout}");
    assert!(stdout.contains("Snabba releaser varje vecka"), "{stdout}");
    assert!(stdout.contains("- Status: carried over"), "{stdout}");
    assert!(stdout.contains("- Status: achieved"), "{stdout}");
}
