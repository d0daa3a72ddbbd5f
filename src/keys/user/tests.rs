use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::json;

use super::super::ALL_CONTEXTS;
use super::*;

fn map(section: Value) -> Keymap {
    Keymap::with_user_keys(&section).unwrap()
}

fn refused(section: Value) -> KeyError {
    Keymap::with_user_keys(&section).unwrap_err()
}

fn press(map: &Keymap, layers: &[Context], key: Key) -> Option<Action> {
    map.action_for(layers, &key.event())
}

#[test]
fn a_binding_replaces_the_actions_keys_everywhere() {
    let m = map(json!({"add": "ctrl-n"}));
    for ctx in [C::Quarter, C::DetailInitiatives] {
        assert_eq!(press(&m, &[ctx], Key::Ctrl('n')), Some(Action::Add));
        assert_eq!(press(&m, &[ctx], Key::Char('a')), None);
    }
    assert_eq!(m.key_of(Action::Add, C::Quarter), "Ctrl-N");
}

#[test]
fn a_binding_for_one_context_leaves_the_others() {
    let m = map(json!({"quarter.undo": ["ctrl-z", "U"]}));
    assert_eq!(press(&m, &[C::Quarter], Key::Ctrl('z')), Some(Action::Undo));
    assert_eq!(press(&m, &[C::Quarter], Key::Char('U')), Some(Action::Undo));
    assert_eq!(press(&m, &[C::Quarter], Key::Char('u')), None);
    assert_eq!(press(&m, &[C::Review], Key::Char('u')), Some(Action::Undo));
    assert_eq!(press(&m, &[C::Review], Key::Ctrl('z')), None);
    // The narrower entry wins over one for everywhere, whatever the order.
    let m = map(json!({"quarter.undo": "ctrl-z", "undo": "z"}));
    assert_eq!(press(&m, &[C::Quarter], Key::Ctrl('z')), Some(Action::Undo));
    assert_eq!(press(&m, &[C::Quarter], Key::Char('z')), None);
    assert_eq!(press(&m, &[C::Review], Key::Char('z')), Some(Action::Undo));
}

#[test]
fn arrows_only_and_emacs_moves() {
    let m = map(json!({"down": "down", "up": "up"}));
    assert_eq!(press(&m, &[C::Quarter], Key::Char('j')), None);
    assert_eq!(press(&m, &[C::Quarter], Key::Down), Some(Action::Down));
    assert_eq!(press(&m, &[C::Help], Key::Char('k')), None);
    let m = map(json!({"down": ["ctrl-n", "down"], "up": ["ctrl-p", "up"]}));
    for ctx in [C::Quarter, C::Help, C::Carry, C::Search] {
        assert_eq!(press(&m, &[ctx], Key::Ctrl('n')), Some(Action::Down));
        assert_eq!(press(&m, &[ctx], Key::Ctrl('p')), Some(Action::Up));
    }
}

#[test]
fn esc_f1_and_ctrl_c_keep_their_meaning() {
    let m = map(json!({"quit": "ctrl-q", "help": "F2", "cancel": "ctrl-g"}));
    let q = [C::Quarter];
    assert_eq!(press(&m, &q, Key::Ctrl('q')), Some(Action::Quit));
    assert_eq!(press(&m, &q, Key::Ctrl('c')), Some(Action::Quit));
    assert_eq!(press(&m, &q, Key::Char('q')), None);
    assert_eq!(press(&m, &q, Key::F(1)), Some(Action::Help));
    assert_eq!(press(&m, &q, Key::Char('?')), None);
    let form = [C::TextField, C::Form];
    assert_eq!(press(&m, &form, Key::Ctrl('g')), Some(Action::Cancel));
    assert_eq!(press(&m, &form, Key::Esc), Some(Action::Cancel));
    for (entry, key) in [("add", "esc"), ("save", "f1"), ("undo", "ctrl-c")] {
        let e = refused(json!({ entry: [key] }));
        assert_eq!(e.entry.as_deref(), Some(entry));
        assert!(matches!(e.problem, KeyProblem::FixedKey(..)), "{e:?}");
    }
}

#[test]
fn characters_are_typed_where_text_is_typed() {
    let e = refused(json!({"form.save": "s"}));
    assert_eq!(
        e.problem,
        KeyProblem::Typed(Key::Char('s'), Action::Save, C::Form)
    );
    // An action that works only where text is typed takes no character.
    let e = refused(json!({"new-line": ["ctrl-j", "j"]}));
    assert_eq!(
        e.problem,
        KeyProblem::Typed(Key::Char('j'), Action::NewLine, C::AreaField)
    );
    // For everywhere, a character works where nothing is typed only.
    let m = map(json!({"cancel": ["g", "ctrl-g"]}));
    assert_eq!(press(&m, &[C::Carry], Key::Char('g')), Some(Action::Cancel));
    assert_eq!(press(&m, &[C::TextField, C::Form], Key::Char('g')), None);
    assert_eq!(
        press(&m, &[C::Search], Key::Ctrl('g')),
        Some(Action::Cancel)
    );
    // Only characters: the defaults stay where text is typed.
    let m = map(json!({"next-field": "J"}));
    assert_eq!(
        press(&m, &[C::NumberField, C::Form], Key::Char('J')),
        Some(Action::NextField)
    );
    assert_eq!(
        press(&m, &[C::TextField, C::Form], Key::Down),
        Some(Action::NextField)
    );
    assert_eq!(press(&m, &[C::TextField, C::Form], Key::Char('J')), None);
}

#[test]
fn one_key_for_two_actions_in_a_context_is_refused() {
    let e = refused(json!({"add": ["ctrl-n", "e"]}));
    assert_eq!(e.entry.as_deref(), Some("add"));
    assert_eq!(
        e.problem,
        KeyProblem::Conflict {
            key: Key::Char('e'),
            first: Action::Add,
            second: Action::Edit,
            context: C::Quarter
        }
    );
    // `h` is the previous choice in a choice field, where `?` helps.
    let e = refused(json!({"help": "h"}));
    assert!(
        matches!(
            e.problem,
            KeyProblem::Conflict {
                context: C::ChoiceField,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn an_action_that_loses_its_last_key_to_an_inner_layer_is_refused() {
    // Ctrl-U clears a text field, over the form that would save.
    let e = refused(json!({"form.save": "ctrl-u"}));
    assert_eq!(e.entry.as_deref(), Some("form.save"));
    assert_eq!(
        e.problem,
        KeyProblem::Conflict {
            key: Key::Ctrl('u'),
            first: Action::EditText,
            second: Action::Save,
            context: C::TextField
        }
    );
    // Shadowed but still reachable by another key: allowed.
    let m = map(json!({"form.save": ["ctrl-u", "ctrl-s"]}));
    let shown = m.bindings_for(&[C::TextField, C::Form]);
    let save = shown.iter().find(|b| b.action == Action::Save).unwrap();
    assert_eq!(save.keys, vec![Key::Ctrl('s')]);
}

#[test]
fn what_cannot_be_used_is_refused_with_its_entry() {
    let cases = [
        (
            json!({"nope": "x"}),
            "nope",
            KeyProblem::Unknown("nope".into()),
        ),
        (
            json!({"nowhere.add": "x"}),
            "nowhere.add",
            KeyProblem::Unknown("nowhere.add".into()),
        ),
        (
            json!({"pulse.add": "x"}),
            "pulse.add",
            KeyProblem::NotHere(C::Pulse, Action::Add),
        ),
        (
            json!({"rate": "x"}),
            "rate",
            KeyProblem::Fixed(Action::Rate),
        ),
        (
            json!({"edit-text": "x"}),
            "edit-text",
            KeyProblem::Fixed(Action::EditText),
        ),
        (json!({"add": 3}), "add", KeyProblem::NotKeys),
        (json!({"add": []}), "add", KeyProblem::NotKeys),
        (json!({"add": ["x", 1]}), "add", KeyProblem::NotKeys),
        (
            json!({"add": ["ctrl+n"]}),
            "add",
            KeyProblem::BadKey("ctrl+n".into()),
        ),
    ];
    for (section, entry, problem) in cases {
        let e = refused(section);
        assert_eq!(e.entry.as_deref(), Some(entry));
        assert_eq!(e.problem, problem);
    }
    assert_eq!(refused(json!(["add"])).problem, KeyProblem::NotObject);
    assert_eq!(refused(json!(["add"])).entry, None);
}

#[test]
fn no_entries_and_snake_case_names() {
    assert_eq!(map(json!({})), Keymap::default());
    let m = map(json!({"next_pane": "ctrl-o", "quarter_key_results.set_value": "="}));
    assert_eq!(
        press(&m, &[C::Quarter], Key::Ctrl('o')),
        Some(Action::NextPane)
    );
    assert_eq!(
        press(&m, &[C::QuarterKeyResults], Key::Char('=')),
        Some(Action::SetValue)
    );
    assert_eq!(
        press(&m, &[C::DetailKeyResults], Key::Char('v')),
        Some(Action::SetValue)
    );
}

#[test]
fn every_action_of_the_table_has_a_name() {
    for ctx in ALL_CONTEXTS {
        for b in Keymap::default().in_context(*ctx) {
            assert!(Action::ALL.contains(&b.action), "{:?}", b.action);
        }
    }
    let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT);
    assert!(Key::Alt('x').matches(&ev));
    assert!(!Key::Char('x').matches(&ev));
}
