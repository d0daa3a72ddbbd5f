//! The okr binary in a real terminal (tmux) for the end-to-end tests:
//! the session, keys, waits for the screen, and the words the screens show.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::{POLL, Sandbox, WAIT, okr_binary};

/// What the session's shell prints after okr: `EXITED <status>`, the
/// terminal's flags, then [`END`].
const EXITED: &str = "EXITED";
const END: &str = "END-OF-SESSION";

/// Fails loudly when tmux is missing: these tests are never skipped silently.
pub fn require_tmux() {
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
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Sandbox {
    /// The shell command line of a session: okr on the sandbox's file, then
    /// what it left behind. The shell reaps okr and prints its exit status
    /// (tmux's own `pane_dead_status` can lag: tmux 3.3 sometimes leaves the
    /// process a zombie for seconds), then the terminal's line discipline
    /// flags, so every test also proves the terminal was restored.
    pub fn session_command(&self, lang: &str) -> String {
        self.session_command_with(lang, &[])
    }

    /// [`Sandbox::session_command`] with okr's further arguments, such as a
    /// subcommand: `["review", "2026-Q3"]`.
    pub fn session_command_with(&self, lang: &str, args: &[&str]) -> String {
        let file = self.file();
        let mut all = vec!["--file", file.to_str().unwrap(), "--lang", lang];
        all.extend_from_slice(args);
        session_of(&[], &okr_binary().to_string_lossy(), &all, "")
    }
}

/// Adds a Mål from the quarter view's Mål list (in English) and waits
/// until it is listed.
pub fn add_objective(t: &Term, title: &str) {
    t.press("a");
    t.wait_for(EN.new_objective);
    t.type_text(title);
    t.wait_for(title);
    t.press("Enter");
    t.wait_gone(EN.new_objective);
    t.wait_for(&format!("▸ {title}"));
}

/// The shell command line of a session that runs `program` with `args`, in
/// the session's environment plus `env`, its output sent to `redirect` when
/// that is not empty (`"> /dev/full"`); then what it left behind, as
/// [`Sandbox::session_command`] says. The shell then waits instead of
/// ending: tmux can drop the last output of a pane whose process has just
/// ended (seen with tmux 3.3 under load), and the session ends with the
/// server on drop anyway.
pub fn session_of(env: &[(&str, &str)], program: &str, args: &[&str], redirect: &str) -> String {
    let env: String = env
        .iter()
        .map(|(k, v)| format!("{k}={} ", sh_quote(v)))
        .collect();
    let env = if env.is_empty() {
        env
    } else {
        format!("env {env}")
    };
    let args: String = args.iter().map(|a| format!(" {}", sh_quote(a))).collect();
    format!(
        "{env}{}{args} {redirect}; echo \"{EXITED} $?\"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$'; echo {END}; exec sleep 3600",
        sh_quote(program),
    )
}

/// One tmux session on its own server; the server is killed on drop.
///
/// Every step waits for text on the screen, never for time. Each test runs
/// its own tmux server (a socket in its sandbox), so tests never share
/// sessions or options, and the server goes away with the test. okr runs
/// under a shell that, once okr ends, prints okr's exit status and the
/// terminal's mode flags: every test that ends okr also proves the terminal
/// was restored.
pub struct Term {
    socket: PathBuf,
    name: String,
}

impl Term {
    /// Starts `command` (a shell command line) in a `width`×`height` window,
    /// in the sandbox's environment and the C locale. Panes stay after their
    /// process ends (`remain-on-exit`), so what was printed last can still be read.
    pub fn start(sandbox: &Sandbox, width: u16, height: u16, command: &str) -> Term {
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
        for (k, v) in sandbox.env().into_iter().chain([("LANG", "C".to_string())]) {
            cmd.args(["-e", &format!("{k}={v}")]);
            cmd.env(k, v);
        }
        cmd.env_remove("TMUX")
            .env_remove("OKR_FILE")
            .env_remove("OKR_OWNER")
            .env_remove("OKR_CONFIG")
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

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", &self.name, "-x", &w, "-y", &h]);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    /// Presses one named key: `Enter`, `Tab`, `BTab`, `Escape`, `C-u`, `a`.
    pub fn press(&self, key: &str) {
        self.tmux(&["send-keys", "-t", &self.name, key]);
    }

    /// The screen with everything scrolled off it, as printed after okr ends.
    pub fn history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-", "-t", &self.name])
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    /// The colour sequences on the screen (foreground or background set to a
    /// colour; the terminal's default colours and text attributes such as
    /// bold or reverse are not colours), from tmux's capture with attributes.
    pub fn colours(&self) -> Vec<String> {
        let screen = self.tmux(&["capture-pane", "-e", "-p", "-t", &self.name]);
        let mut found = Vec::new();
        for part in screen.split("\x1b[").skip(1) {
            let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            else {
                continue;
            };
            if !part[end..].starts_with('m') {
                continue;
            }
            let colour = part[..end]
                .split([';', ':'])
                .filter_map(|p| p.parse::<u16>().ok())
                .any(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107));
            if colour {
                found.push(format!("ESC[{}m", &part[..end]));
            }
        }
        found
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    pub fn format(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", &self.name, format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `done` holds, panicking with the last screen.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Waits until okr has ended and the shell has reported; returns okr's
    /// exit status, after checking that the terminal is back in canonical
    /// mode with echo and signals, and off the alternate screen.
    pub fn wait_exit(&self) -> i32 {
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

/// The line of `screen` holding `text` (a form field's label, a list entry).
pub fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} on screen:\n{screen}"))
}

/// Waits until the field labelled `label` shows `expected` (a frame may be
/// captured half drawn, so a field is read by waiting, not at once).
pub fn wait_field(t: &Term, label: &str, expected: &str, why: &str) -> String {
    t.wait_until(&format!("{label} = {expected:?} ({why})"), |s| {
        s.lines().any(|l| l.contains(label)) && field_value(s, label) == expected
    })
}

/// What a form shows in the field labelled `label`: the rest of its line,
/// without padding and the frames around it.
pub fn field_value<'a>(screen: &'a str, label: &str) -> &'a str {
    let line = line_with(screen, label);
    line[line.find(label).unwrap() + label.len()..]
        .trim_end_matches(|c: char| c == '│' || c.is_whitespace())
        .trim_start()
}

/// The words of one language, as the screens show them.
pub struct Words {
    pub lang: &'static str,
    pub empty_hint: &'static str,
    pub new_objective: &'static str,
    pub new_key_result: &'static str,
    pub new_value: &'static str,
    pub new_initiative: &'static str,
    pub no_key_results: &'static str,
    pub key_results: &'static str,
    pub initiatives: &'static str,
    pub unit: &'static str,
    /// Between a number and its unit: a no-break space in Swedish.
    pub unit_gap: &'static str,
    pub undone: &'static str,
    pub form_keys: &'static str,
}

pub const EN: Words = Words {
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
    unit_gap: " ",
    undone: "Undone.",
    form_keys: "Enter/Ctrl-S save · Esc cancel",
};

pub const SV: Words = Words {
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
    unit_gap: "\u{a0}",
    undone: "Ångrat.",
    form_keys: "Enter/Ctrl-S spara · Esc avbryt",
};
