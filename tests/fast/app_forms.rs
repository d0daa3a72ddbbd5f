//! Forms and the history of changes, through key presses: the text editing
//! keys, a parent loop of any length refused, a new change clearing redo,
//! and a keep-at key result saved without its level or its value now.

use crate::support::app::*;
use okr::app::Modal;
use okr::app::form::FieldId;
use okr::model::Lang;
use ratatui::crossterm::event::KeyCode;

/// The text of a field of the open form.
fn field(h: &Harness, id: FieldId) -> String {
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("no form is open")
    };
    f.text(id)
}

fn titles(h: &Harness) -> Vec<String> {
    h.file()
        .objectives
        .iter()
        .map(|o| o.title.clone())
        .collect()
}

#[test]
fn home_end_backspace_delete_and_ctrl_u_edit_a_field() {
    let mut h = Harness::new(None, Lang::En);
    h.keys(&[ch('a')]);
    h.type_text("bcd");
    h.keys(&[code(KeyCode::Home)]);
    h.type_text("a");
    assert_eq!(field(&h, FieldId::Title), "abcd", "Home goes to the start");
    h.keys(&[code(KeyCode::End)]);
    h.type_text("e");
    assert_eq!(field(&h, FieldId::Title), "abcde", "End goes to the end");
    h.keys(&[code(KeyCode::Left), code(KeyCode::Backspace)]);
    assert_eq!(
        field(&h, FieldId::Title),
        "abce",
        "Backspace takes the character before"
    );
    h.keys(&[code(KeyCode::Home), code(KeyCode::Delete)]);
    assert_eq!(
        field(&h, FieldId::Title),
        "bce",
        "Delete takes the character after"
    );
    h.keys(&[ctrl('u')]);
    assert_eq!(field(&h, FieldId::Title), "", "Ctrl-U empties the field");
    h.type_text("Åäö");
    h.keys(&[code(KeyCode::Left), code(KeyCode::Backspace)]);
    assert_eq!(field(&h, FieldId::Title), "Åö", "characters, not bytes");
    h.keys(&[code(ENTER)]);
    assert_eq!(titles(&h), ["Åö"]);
}

/// Sets the parent of the `n`th Mål (0-based, from the top of the list) in
/// its form; true when the form took it.
fn set_parent(h: &mut Harness, n: usize, parent: &str) -> bool {
    h.keys(&[ch('t')]); // Back to the top of today's quarter.
    for _ in 0..5 {
        h.keys(&[ch('k')]);
    }
    h.select_objective(n);
    h.keys(&[
        ch('e'),
        code(TAB),
        code(TAB),
        code(TAB),
        code(TAB),
        ctrl('u'),
    ]);
    h.type_text(parent);
    h.keys(&[code(ENTER)]);
    match h.app.modal() {
        None => true,
        Some(Modal::Form(f)) => {
            let error = f.field(FieldId::Parent).unwrap().error.is_some();
            assert!(
                error,
                "the form stayed open without a message on the parent"
            );
            assert_eq!(f.fields[f.focus].id, FieldId::Parent, "focus on the parent");
            h.keys(&[code(ESC)]);
            false
        }
        Some(other) => panic!("{other:?}"),
    }
}

#[test]
fn a_parent_that_leads_back_to_the_mål_is_refused_however_long_the_chain() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let ids: Vec<String> = h
        .app
        .data()
        .objectives
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let (o1, o2, o3) = (&ids[0], &ids[1], &ids[2]);
    // o3 → o2 → o1.
    assert!(set_parent(&mut h, 1, o1));
    assert!(set_parent(&mut h, 2, o2));
    let before = h.file();
    // o1 → o2 would close o1 → o2 → o1; o1 → o3 would close o1 → o3 → o2 → o1.
    assert!(!set_parent(&mut h, 0, o2), "o1 → o2 → o1 was taken");
    assert!(!set_parent(&mut h, 0, o3), "o1 → o3 → o2 → o1 was taken");
    assert_eq!(h.file(), before, "nothing was saved");
    // A parent outside the chain is fine.
    assert!(set_parent(&mut h, 0, &ids[3]));
    assert_eq!(
        h.file().objectives[0].parent.as_deref(),
        Some(ids[3].as_str())
    );
}

#[test]
fn a_new_change_after_an_undo_clears_what_could_be_redone() {
    let mut h = Harness::new(None, Lang::En);
    for title in ["Ett", "Två"] {
        h.keys(&[ch('a')]);
        h.type_text(title);
        h.keys(&[code(ENTER)]);
    }
    h.keys(&[ch('u')]);
    assert_eq!(titles(&h), ["Ett"]);
    h.keys(&[ch('a')]);
    h.type_text("Tre");
    h.keys(&[code(ENTER)]);
    h.keys(&[ctrl('r')]);
    assert_eq!(
        h.app.message().unwrap().text,
        "Nothing to redo.",
        "the undone change is gone from the redo list"
    );
    assert_eq!(titles(&h), ["Ett", "Tre"]);
    // Undo still goes back step by step.
    h.keys(&[ch('u')]);
    assert_eq!(titles(&h), ["Ett"]);
    h.keys(&[ctrl('r')]);
    assert_eq!(titles(&h), ["Ett", "Tre"]);
}

/// A new keep-at-or-above key result on a new Mål, saved with `level` and
/// `current` as typed (either may be left empty): the open form, if any.
fn save_keep_at(lang: Lang, level: &str, current: &str) -> Harness {
    let mut h = Harness::new(None, lang);
    h.keys(&[ch('a')]);
    h.type_text("Nöjda kunder");
    h.keys(&[code(ENTER), code(TAB), ch('a')]);
    h.type_text("Håll NPS över 40");
    // Measure: keep at or above; then Level, then Current.
    h.keys(&[
        code(TAB),
        code(KeyCode::Right),
        code(KeyCode::Right),
        code(TAB),
    ]);
    h.type_text(level);
    h.keys(&[code(TAB)]);
    h.type_text(current);
    h.keys(&[code(ENTER)]);
    h
}

/// The message beside a field of the open form.
fn error(h: &Harness, id: FieldId) -> Option<String> {
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form was saved")
    };
    f.field(id).and_then(|x| x.error.clone())
}

#[test]
fn a_keep_at_key_result_without_its_current_value_says_it_needs_it() {
    for (lang, needs_current, needs_level) in [
        (
            Lang::En,
            "A keep-at key result needs its current value.",
            "A keep-at key result needs its level.",
        ),
        (
            Lang::Sv,
            "Ett nyckelresultat som hålls på en nivå behöver sitt värde nu.",
            "Ett nyckelresultat som hålls på en nivå behöver nivån.",
        ),
    ] {
        let h = save_keep_at(lang, "40", "");
        assert_eq!(
            error(&h, FieldId::Current).as_deref(),
            Some(needs_current),
            "{lang:?}"
        );
        assert_eq!(error(&h, FieldId::Level), None, "{lang:?}");
        assert_eq!(field(&h, FieldId::Level), "40", "what was typed stays");
        let h = save_keep_at(lang, "", "42");
        assert_eq!(
            error(&h, FieldId::Level).as_deref(),
            Some(needs_level),
            "{lang:?}"
        );
        // A value that is there but no number is still said to be no number.
        let h = save_keep_at(lang, "40", "x");
        let said = error(&h, FieldId::Current).unwrap_or_default();
        assert!(said != needs_current && !said.is_empty(), "{said}");
        // Both given: saved.
        let h = save_keep_at(lang, "40", "42");
        assert!(h.app.modal().is_none(), "{lang:?}: not saved");
        let k = &h.file().objectives[0].key_results[0];
        assert_eq!(k.measure.current(), 42.0);
    }
}
