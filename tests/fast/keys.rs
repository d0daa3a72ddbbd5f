//! The key table against the tracker: in every mode, every key the footer or
//! the help shows does something there, and the help opens and closes anywhere.

use crate::support::app::*;
use okr::app::{App, Modal, Screen};
use okr::keys::{Context, Key, keys_label};
use okr::model::Lang;
use ratatui::crossterm::event::KeyCode;

/// A mode of the tracker, reached from the example data by named steps.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Quarter,
    QuarterKeyResults,
    DetailKeyResults,
    DetailInitiatives,
    Review,
    Overview,
    Help,
    ConfirmDelete,
    CheckInToo,
    Carry,
    FormText,
    FormChoice,
    FormNumber,
    ReviewFormArea,
    CheckInNumber,
    CheckInNote,
    CheckInChoice,
    Reflect,
    Pulse,
    Summary,
    TooSmall,
    KeyResultView,
    Search,
    Settings,
    Conflicts,
    PastCheckIns,
    PastCheckIn,
    ReflectLastWeek,
}

const MODES: [Mode; 28] = [
    Mode::Quarter,
    Mode::QuarterKeyResults,
    Mode::DetailKeyResults,
    Mode::DetailInitiatives,
    Mode::Review,
    Mode::Overview,
    Mode::Help,
    Mode::ConfirmDelete,
    Mode::CheckInToo,
    Mode::Carry,
    Mode::FormText,
    Mode::FormChoice,
    Mode::FormNumber,
    Mode::ReviewFormArea,
    Mode::CheckInNumber,
    Mode::CheckInNote,
    Mode::CheckInChoice,
    Mode::Reflect,
    Mode::Pulse,
    Mode::Summary,
    Mode::TooSmall,
    Mode::KeyResultView,
    Mode::Search,
    Mode::Settings,
    Mode::Conflicts,
    Mode::PastCheckIns,
    Mode::PastCheckIn,
    Mode::ReflectLastWeek,
];

fn reach(mode: Mode) -> Harness {
    let mut h = Harness::new(Some(demo()), Lang::En);
    match mode {
        Mode::Quarter => {}
        Mode::QuarterKeyResults => h.focus_key_results(),
        Mode::DetailKeyResults => h.open_detail_of(0),
        // The fifth Mål has Uppgifter.
        Mode::DetailInitiatives => h.open_initiatives_of(4),
        Mode::Review => h.keys(&[ch('r')]),
        Mode::Overview => h.keys(&[ch('o')]),
        Mode::Help => h.keys(&[ch('?')]),
        Mode::ConfirmDelete => h.keys(&[ch('d')]),
        Mode::CheckInToo => h.ask_check_in_too(),
        // The fourth Mål is aspirational and below its target.
        Mode::Carry => h.open_carry_dialog_of(3),
        // A new Mål: the title, then (two fields on) its kind.
        Mode::FormText => h.keys(&[ch('a')]),
        Mode::FormChoice => h.keys(&[ch('a'), code(TAB), code(TAB)]),
        Mode::FormNumber => {
            h.focus_key_results();
            h.keys(&[ch('v')]);
        }
        // Two fields on from the score: what went well.
        Mode::ReviewFormArea => {
            h.open_review_form_of(3);
            h.keys(&[code(TAB), code(TAB)]);
        }
        Mode::CheckInNumber => h.walk_to(0),
        Mode::CheckInNote => {
            h.walk_to(0);
            h.keys(&[code(TAB), code(TAB)]);
        }
        // The example's eighth key result is done / not done.
        Mode::CheckInChoice => h.walk_to(7),
        Mode::Reflect => h.walk_to_reflection(),
        Mode::Pulse => h.walk_to_pulse(),
        Mode::Summary => h.walk_to_summary(),
        Mode::TooSmall => h.app.resize(okr::ui::MIN_WIDTH - 1, okr::ui::MIN_HEIGHT),
        Mode::KeyResultView => h.open_key_result_view(0),
        Mode::Search => h.search_for("kund"),
        Mode::Settings => h.open_settings(),
        Mode::Conflicts => h.open_conflicts(),
        Mode::PastCheckIns => h.open_past_checkins(),
        // The example data's check-in of last week, the second row.
        Mode::PastCheckIn => h.open_past_checkin(1),
        Mode::ReflectLastWeek => h.walk_to_reflection_with_plans(),
    }
    h
}

/// The innermost layer each mode must be in, so the walk covers every context.
fn expected_layer(mode: Mode) -> Context {
    match mode {
        Mode::Quarter => Context::Quarter,
        Mode::QuarterKeyResults => Context::QuarterKeyResults,
        Mode::DetailKeyResults => Context::DetailKeyResults,
        Mode::DetailInitiatives => Context::DetailInitiatives,
        Mode::Review => Context::Review,
        Mode::Overview => Context::Overview,
        Mode::Help => Context::Help,
        Mode::ConfirmDelete => Context::Confirm,
        Mode::CheckInToo => Context::CheckInToo,
        Mode::Carry => Context::Carry,
        Mode::FormText | Mode::CheckInNote | Mode::Settings => Context::TextField,
        Mode::FormChoice | Mode::CheckInChoice => Context::ChoiceField,
        Mode::FormNumber | Mode::CheckInNumber => Context::NumberField,
        Mode::ReviewFormArea | Mode::Reflect | Mode::ReflectLastWeek => Context::AreaField,
        Mode::PastCheckIns => Context::PastCheckIns,
        Mode::PastCheckIn => Context::PastCheckIn,
        Mode::Pulse => Context::Pulse,
        Mode::Summary => Context::Summary,
        Mode::TooSmall => Context::TooSmall,
        Mode::KeyResultView => Context::KeyResultView,
        Mode::Search => Context::Search,
        Mode::Conflicts => Context::Conflicts,
    }
}

fn layers_of(app: &App) -> Vec<Context> {
    app.layers()
}

#[test]
fn every_mode_is_reached_and_every_context_is_covered() {
    let mut seen = Vec::new();
    let all_modes = okr::keys::modes();
    for mode in MODES {
        let h = reach(mode);
        let layers = layers_of(&h.app);
        assert_eq!(layers[0], expected_layer(mode), "{mode:?}: {layers:?}");
        // The modes a config file's keys are checked in (for conflicts).
        assert!(
            all_modes.contains(&layers),
            "{mode:?}: {layers:?} is not in keys::modes()"
        );
        seen.extend(layers);
    }
    for ctx in okr::keys::ALL_CONTEXTS {
        assert!(seen.contains(ctx), "no mode reaches {ctx:?}");
    }
}

#[test]
fn every_key_the_footer_or_help_shows_does_something_there() {
    for mode in MODES {
        let h = reach(mode);
        let layers = layers_of(&h.app);
        let shown = h.app.keymap().bindings_for(&layers);
        assert!(!shown.is_empty(), "{mode:?} shows no keys");
        for b in shown {
            for key in &b.keys {
                let mut h = reach(mode);
                let before = layers_of(&h.app);
                assert_eq!(before, layers, "{mode:?} is reached the same way each time");
                assert!(
                    h.app.handle_key(key.event()),
                    "{mode:?}: {} ({:?}, shown as {}) does nothing",
                    key.label(),
                    b.action,
                    keys_label(&b)
                );
            }
        }
    }
}

#[test]
fn the_help_opens_in_every_mode_and_esc_returns_to_it_as_it_was() {
    // A window too small shows nothing, the help neither.
    for mode in MODES
        .into_iter()
        .filter(|m| !matches!(m, Mode::Help | Mode::TooSmall))
    {
        let mut h = reach(mode);
        // Something typed first where a field has the focus: it must survive.
        let typed = !matches!(
            mode,
            Mode::Help
                | Mode::Quarter
                | Mode::QuarterKeyResults
                | Mode::DetailKeyResults
                | Mode::DetailInitiatives
                | Mode::Review
                | Mode::Overview
                | Mode::KeyResultView
                | Mode::Conflicts
                | Mode::ConfirmDelete
                | Mode::Carry
                | Mode::Pulse
                | Mode::Summary
                | Mode::PastCheckIns
                | Mode::PastCheckIn
                | Mode::FormChoice
                | Mode::CheckInChoice
        );
        if typed {
            h.type_text("7");
        }
        let layers = layers_of(&h.app);
        let shot = format!("{:?}{:?}", h.app.modal(), screen_name(&h.app));
        h.keys(&[code(KeyCode::F(1))]);
        assert!(h.app.help_open(), "{mode:?}: F1 opens the help");
        assert_eq!(layers_of(&h.app), vec![Context::Help]);
        h.keys(&[code(ESC)]);
        assert!(!h.app.help_open(), "{mode:?}: Esc closes the help");
        assert_eq!(layers_of(&h.app), layers, "{mode:?}: back where it was");
        assert_eq!(
            format!("{:?}{:?}", h.app.modal(), screen_name(&h.app)),
            shot,
            "{mode:?}: what was typed is intact"
        );
    }
}

/// The screen with its check-in state, for comparing before and after the help.
fn screen_name(app: &App) -> String {
    match app.screen() {
        Screen::CheckIn(st) => format!("{:?} {:?}", st.step, st.form),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_question_mark_helps_where_nothing_is_typed_and_is_typed_in_a_text_field() {
    let mut h = reach(Mode::CheckInNumber);
    h.keys(&[ch('?')]);
    assert!(
        h.app.help_open(),
        "? helps in a number field of the check-in"
    );
    let mut h = reach(Mode::CheckInNote);
    h.keys(&[ch('?')]);
    assert!(!h.app.help_open());
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("still in the check-in")
    };
    assert_eq!(st.form.text(okr::app::form::FieldId::Note), "?");
    let mut h = reach(Mode::ConfirmDelete);
    h.keys(&[ch('?')]);
    assert!(h.app.help_open());
    assert!(matches!(h.app.modal(), Some(Modal::Confirm { .. })));
}

#[test]
fn the_footer_and_help_show_the_check_in_steps_own_keys() {
    let h = reach(Mode::Pulse);
    let labels: Vec<String> = h
        .app
        .keymap()
        .bindings_for(&layers_of(&h.app))
        .iter()
        .map(keys_label)
        .collect();
    for want in ["1–5", "s", "Enter", "Esc", "?/F1"] {
        assert!(labels.iter().any(|l| l == want), "{want} in {labels:?}");
    }
    // In a text box Enter makes a new line: it is not shown as saving.
    let h = reach(Mode::Reflect);
    let shown = h.app.keymap().bindings_for(&layers_of(&h.app));
    let go_on = shown
        .iter()
        .find(|b| b.action == okr::keys::Action::GoOn)
        .expect("go on is shown");
    assert_eq!(go_on.keys, vec![Key::Ctrl('s')]);
}

#[test]
fn a_rebound_key_works_and_the_footer_and_messages_follow_it() {
    let mut h = Harness::with_setup(Some(demo()), Lang::En, |s| {
        s.keymap.rebind(okr::keys::Action::Undo, &[Key::Char('z')]);
    });
    let footer: Vec<String> = h
        .app
        .keymap()
        .bindings_for(&layers_of(&h.app))
        .iter()
        .filter(|b| b.footer)
        .map(keys_label)
        .collect();
    assert!(footer.iter().any(|l| l == "z"), "{footer:?}");
    assert!(!footer.iter().any(|l| l == "u"), "{footer:?}");
    let before = h.app.data().objectives.len();
    h.keys(&[ch('d'), ch('y')]);
    let message = h.app.message().unwrap().text.clone();
    assert!(message.contains("(z undoes)"), "{message}");
    assert!(!h.app.handle_key(ch('u')), "u no longer undoes");
    h.keys(&[ch('z')]);
    assert_eq!(h.app.data().objectives.len(), before, "z undid the delete");
}

#[test]
fn a_key_clears_or_replaces_the_last_message() {
    let mut h = reach(Mode::Quarter);
    h.keys(&[ch('d'), ch('y')]);
    assert!(h.app.message().is_some(), "the delete is reported");
    h.keys(&[ch('j')]);
    assert_eq!(h.app.message(), None, "an unrelated key clears it");
    h.keys(&[ch('d'), ch('y'), ch('x')]);
    let hint = h.app.message().unwrap().text.clone();
    assert!(
        hint.contains("initiative"),
        "a key for elsewhere replaces it: {hint}"
    );
    h.keys(&[ch('z')]);
    assert_eq!(h.app.message(), None, "a key that does nothing clears it");
}
