//! A user's own keys in the tracker, read from a config file: they act, the
//! defaults they replace no longer do, and the footer, the help and the
//! messages that name a key show them; the settings screen keeps the `keys`
//! section as it was written.

use std::fs;
use std::path::PathBuf;

use crate::support::app::*;
use crate::support::screen::render;
use okr::app::Modal;
use okr::model::{Data, Lang};
use ratatui::crossterm::event::KeyCode;

/// A harness whose config file holds `text`, read as okr reads it at start.
fn configured(data: Option<Data>, lang: Lang, text: &str) -> (Harness, PathBuf) {
    Harness::with_config(data, lang, Some("anna"), Some(text))
}

fn alt(c: char) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char(c),
        ratatui::crossterm::event::KeyModifiers::ALT,
    )
}

/// The footer: the last line of the screen.
fn footer(h: &Harness) -> String {
    let text = render(&h.app, 120, 30);
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_configured_key_acts_and_the_default_it_replaces_no_longer_does() {
    let keys = "[keys]\nadd = \"ctrl-n\"\nquit = [\"ctrl-q\"]\n";
    let (mut h, _) = configured(Some(demo()), Lang::En, keys);
    let bottom = footer(&h);
    assert!(bottom.contains("Ctrl-N"), "{bottom}");
    assert!(bottom.contains("Ctrl-Q"), "{bottom}");
    assert!(!h.app.handle_key(ch('a')), "a no longer adds");
    assert!(h.app.modal().is_none());
    h.keys(&[ctrl('n')]);
    assert!(matches!(h.app.modal(), Some(Modal::Form(_))), "Ctrl-N adds");
    h.keys(&[code(ESC), ch('q')]);
    assert!(!h.app.should_quit(), "q no longer quits");
    h.keys(&[ctrl('q')]);
    assert!(h.app.should_quit(), "Ctrl-Q quits");
    // Ctrl-C quits whatever the file says.
    let (mut h, _) = configured(Some(demo()), Lang::En, keys);
    h.keys(&[ctrl('c')]);
    assert!(h.app.should_quit());
}

#[test]
fn the_help_lists_the_configured_keys() {
    let keys = "[keys]\nhelp = \"f2\"\nquarter.undo = [\"ctrl-z\"]\n";
    let (mut h, _) = configured(Some(demo()), Lang::Sv, keys);
    h.keys(&[ch('?')]);
    assert!(!h.app.help_open(), "? no longer helps");
    h.keys(&[code(KeyCode::F(2))]);
    assert!(h.app.help_open(), "F2 helps");
    let text = render(&h.app, 120, 40);
    assert!(text.contains("Ctrl-Z"), "{text}");
    assert!(text.contains("F2/F1"), "{text}");
    h.keys(&[code(KeyCode::F(1))]);
    assert!(!h.app.help_open(), "F1 still closes the help");
}

#[test]
fn messages_name_the_configured_key() {
    let keys = "keys = { add = \"ctrl-n\", undo = \"alt-z\" }\n";
    let (h, _) = configured(None, Lang::En, keys);
    let text = render(&h.app, 120, 30);
    assert!(text.contains("Press Ctrl-N to add"), "{text}");
    let (mut h, _) = configured(Some(demo()), Lang::En, keys);
    let before = h.app.data().objectives.len();
    h.keys(&[ch('d'), ch('y')]);
    let message = h.app.message().unwrap().text.clone();
    assert!(message.contains("Alt-z"), "{message}");
    h.keys(&[ch('u')]);
    assert_eq!(
        h.app.data().objectives.len(),
        before - 1,
        "u no longer undoes"
    );
    h.keys(&[alt('z')]);
    assert_eq!(
        h.app.data().objectives.len(),
        before,
        "Alt-z undid the delete"
    );
}

#[test]
fn saving_the_settings_keeps_the_keys_section_as_written() {
    let text = "owner = \"anna\"\ntheme = 1\n\n[keys]\nquarter.undo = [\"ctrl-z\", \"U\"]  # mine\nadd = \"ctrl-n\"\n";
    let (mut h, config) = configured(Some(demo()), Lang::En, text);
    h.open_settings();
    h.keys(&[ctrl('u')]);
    h.type_text("Bo");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "the form closed");
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        text.replace("\"anna\"", "\"Bo\""),
        "the keys section as written"
    );
    // The keys still act after the save.
    h.keys(&[ctrl('n')]);
    assert!(matches!(h.app.modal(), Some(Modal::Form(_))));
}
