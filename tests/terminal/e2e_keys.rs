//! End to end in a real terminal (tmux): the config file's own keys drive
//! the binary, and a config file whose keys conflict is refused
//! before the terminal is touched.

use crate::support::Sandbox;
use crate::support::term::Term;
use okr::i18n::EN;

/// The tracker with `--config` naming a config file that holds `text`.
fn start(sandbox: &Sandbox, text: &str) -> Term {
    let config = sandbox.path().join("config.json");
    std::fs::write(&config, text).unwrap();
    let command = sandbox.session_command_with("en", &["--config", config.to_str().unwrap()]);
    Term::start(sandbox, 100, 30, &command)
}

#[test]
fn a_rebinding_in_the_config_file_drives_the_tracker() {
    let sandbox = Sandbox::new();
    let t = start(
        &sandbox,
        r#"{"keys": {"add": "ctrl-n", "quit": ["ctrl-q"]}}"#,
    );
    // The hint names the configured key.
    t.wait_for("Press Ctrl-N to add your first objective");
    // `a` adds nothing: the help then opens (in a form `?` would be typed).
    t.press("a");
    t.press("?");
    let help = t.wait_for(EN.help_title);
    assert!(help.contains("Ctrl-N         add"), "{help}");
    t.press("Escape");
    t.wait_gone(EN.help_title);
    t.press("C-n");
    t.wait_for(EN.new_objective);
    t.type_text("Bound by my keys");
    t.wait_for("Bound by my keys");
    t.press("Enter");
    t.wait_gone(EN.new_objective);
    let screen = t.wait_for("▸ Bound by my keys");
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.contains("Ctrl-N"), "{footer}");
    // `q` no longer quits: the help still opens after it.
    t.press("q");
    t.press("?");
    t.wait_for(EN.help_title);
    t.press("Escape");
    t.wait_gone(EN.help_title);
    t.press("C-q");
    assert_eq!(t.wait_exit(), 0);
    let file = std::fs::read_to_string(sandbox.file()).unwrap();
    assert!(file.contains("Bound by my keys"), "{file}");
}

#[test]
fn a_conflicting_config_is_refused_before_the_terminal_is_touched() {
    let sandbox = Sandbox::new();
    let t = start(&sandbox, "{\n  \"keys\": {\n    \"add\": \"e\"\n  }\n}\n");
    assert_eq!(t.wait_exit(), 2);
    let screen = t.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("okr: "))
        .unwrap_or_else(|| panic!("no refusal on screen:\n{screen}"));
    for word in ["config.json", "line 3", "\"add\"", "\"edit\""] {
        assert!(screen.contains(word), "{word:?} not in:\n{screen}");
    }
    assert!(
        line.starts_with("okr: cannot use the config file"),
        "{line}"
    );
    assert!(!sandbox.file().exists(), "no data file was made");
}
