//! Update tests: key presses fed to the app over a temporary store, checking
//! the model and the file after each change.

use crate::support::app::*;
use okr::app::{Modal, Screen};
use okr::model::{Lang, Measure, Quarter};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn add_objective(h: &mut Harness, title: &str) {
    h.keys(&[ch('a')]);
    h.type_text(title);
    h.keys(&[code(ENTER)]);
}

/// In the key result pane: `a`, a title, start, target, unit.
fn add_numeric_kr(h: &mut Harness, title: &str, start: &str, target: &str, unit: &str) {
    h.keys(&[ch('a')]);
    h.type_text(title);
    h.keys(&[code(TAB), code(TAB)]); // measure type stays "number"; to Start
    h.type_text(start);
    h.keys(&[code(TAB)]);
    h.type_text(target);
    h.keys(&[code(TAB), code(TAB)]); // Current left empty: it starts at Start
    h.type_text(unit);
    h.keys(&[code(ENTER)]);
}

#[test]
fn add_a_mål_a_key_result_and_an_uppgift() {
    let mut h = Harness::new(None, Lang::En);
    add_objective(&mut h, "Expandera globalt");
    assert!(h.app.modal().is_none(), "the form closed");
    let file = h.file();
    assert_eq!(file.objectives.len(), 1);
    assert_eq!(file.objectives[0].title, "Expandera globalt");
    assert_eq!(file.objectives[0].quarter, Quarter { year: 2026, q: 4 });

    h.keys(&[code(TAB)]);
    add_numeric_kr(&mut h, "Sälj för 100 miljoner", "0", "100", "MSEK");
    let file = h.file();
    let kr = &file.objectives[0].key_results[0];
    assert_eq!(kr.title, "Sälj för 100 miljoner");
    match &kr.measure {
        Measure::Numeric(n) => {
            assert_eq!(
                (n.start, n.target, n.current, n.unit.as_str()),
                (0.0, 100.0, 0.0, "MSEK")
            );
        }
        m => panic!("wrong measure {m:?}"),
    }

    // Back to the Mål, open its detail, go to Uppgifter, add one and tick it.
    h.keys(&[code(ESC), code(ENTER)]);
    assert!(matches!(h.app.screen(), Screen::Detail { .. }));
    h.keys(&[code(TAB), ch('a')]);
    h.type_text("Ring tio kunder");
    h.keys(&[code(ENTER), ch('x')]);
    let file = h.file();
    let u = &file.objectives[0].initiatives[0];
    assert_eq!(u.title, "Ring tio kunder");
    assert_eq!(u.done, Some(today()));
    // Space toggles back.
    h.keys(&[ch(' ')]);
    assert_eq!(h.file().objectives[0].initiatives[0].done, None);
}

#[test]
fn value_form_and_steps_record_history() {
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.keys(&[code(TAB)]); // kr1 of "Expandera globalt"
    let before = h.app.data().objectives[0].key_results[0].measure.current();
    h.keys(&[ch('v')]);
    // The prefilled value is replaced by what is typed; a comma is a decimal mark.
    h.type_text("70,5");
    h.keys(&[code(TAB)]);
    h.type_text("8");
    h.keys(&[code(TAB)]);
    h.type_text("bra vecka");
    h.keys(&[code(ENTER)]);
    if let Some(Modal::Form(f)) = h.app.modal() {
        panic!("form kept: {:?}", f.fields);
    }
    let file = h.file();
    let kr = &file.objectives[0].key_results[0];
    assert_ne!(before, 70.5);
    assert_eq!(kr.measure.current(), 70.5);
    assert_eq!(kr.confidence, 8);
    let last = kr.history.last().unwrap();
    assert_eq!(
        (last.date, last.value, last.note.as_str()),
        (today(), 70.5, "bra vecka")
    );

    h.keys(&[ch('+'), ch('+'), ch('-')]);
    let file = h.file();
    let kr = &file.objectives[0].key_results[0];
    assert_eq!(kr.measure.current(), 71.5);
    assert_eq!(kr.history.last().unwrap().value, 71.5);
    // One entry a day: the `v` and the steps are today's, with its last value and note.
    let todays: Vec<(f64, &str)> = kr
        .history
        .iter()
        .filter(|e| e.date == today())
        .map(|e| (e.value, e.note.as_str()))
        .collect();
    assert_eq!(todays, [(71.5, "bra vecka")]);
}

#[test]
fn bad_input_keeps_the_form_and_what_was_typed() {
    let mut h = Harness::new(None, Lang::En);
    // Empty title.
    h.keys(&[ch('a'), code(ENTER)]);
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("form closed on an empty title")
    };
    assert_eq!(form.fields[0].error.as_deref(), Some("Write a title."));
    h.type_text("Mål ett");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none());

    // A target that is not a number, and a confidence outside 1–10.
    h.keys(&[code(TAB), ch('a')]);
    h.type_text("Intervjua kunder");
    h.keys(&[code(TAB), code(TAB), code(TAB)]); // to Target
    h.type_text("abc");
    for _ in 0..5 {
        h.keys(&[code(TAB)]); // Current, Unit, Weight, Step, Confidence
    }
    h.type_text("11");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("form closed on bad numbers")
    };
    let target = form.field(okr::app::form::FieldId::Target).unwrap();
    assert!(target.error.as_deref().unwrap().contains("Not a number"));
    assert_eq!(form.text(okr::app::form::FieldId::Target), "abc");
    let conf = form.field(okr::app::form::FieldId::Confidence).unwrap();
    assert!(conf.error.as_deref().unwrap().contains("1–10"));
    assert_eq!(
        form.text(okr::app::form::FieldId::Title),
        "Intervjua kunder"
    );
    // Nothing was saved.
    assert!(h.file().objectives[0].key_results.is_empty());

    // A target equal to its start is refused too.
    h.keys(&[
        code(KeyCode::BackTab),
        code(KeyCode::BackTab),
        code(KeyCode::BackTab),
        code(KeyCode::BackTab),
    ]);
    h.keys(&[ctrl('u')]);
    h.type_text("0");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("form closed")
    };
    assert!(
        form.field(okr::app::form::FieldId::Target)
            .unwrap()
            .error
            .is_some()
    );
    // Esc cancels without saving.
    h.keys(&[code(ESC)]);
    assert!(h.app.modal().is_none());
    assert!(h.file().objectives[0].key_results.is_empty());
}

#[test]
fn delete_asks_and_undo_brings_it_back() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // The file as it was, a copy taken before any change.
    let before = h.file();
    let n = before.objectives.len();
    let title = h.app.data().objectives[0].title.clone();
    h.keys(&[ch('d')]);
    assert!(matches!(h.app.modal(), Some(Modal::Confirm { .. })));
    h.keys(&[ch('n')]);
    assert_eq!(h.file().objectives.len(), n, "n keeps it");
    h.keys(&[ch('d'), ch('y')]);
    let file = h.file();
    assert_eq!(file.objectives.len(), n - 1);
    assert!(file.objectives.iter().all(|o| o.title != title));
    h.keys(&[ch('u')]);
    let file = h.file();
    assert_eq!(file.objectives.len(), n);
    assert_eq!(file.objectives[0].title, title, "back in its place");
    h.keys(&[ctrl('r')]);
    assert_eq!(h.file().objectives.len(), n - 1);
    h.keys(&[ch('u')]);
    // Undone, the file is as it was, but for the counter that keeps a
    // deleted Mål's id from being given out again.
    let mut after = h.file();
    assert_ne!(after.next_ids, before.next_ids);
    after.next_ids = before.next_ids.clone();
    assert_eq!(after, before, "undone, the file is as it was");
}

#[test]
fn undo_is_many_steps_deep_and_covers_edits() {
    let mut h = Harness::new(None, Lang::En);
    add_objective(&mut h, "Ett");
    add_objective(&mut h, "Två");
    // Edit the selected (second) title.
    h.keys(&[ch('e'), ctrl('u')]);
    h.type_text("Tre");
    h.keys(&[code(ENTER)]);
    let titles = |h: &Harness| {
        h.file()
            .objectives
            .iter()
            .map(|o| o.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&h), ["Ett", "Tre"]);
    h.keys(&[ch('u')]);
    assert_eq!(titles(&h), ["Ett", "Två"]);
    h.keys(&[ch('u')]);
    assert_eq!(titles(&h), ["Ett"]);
    h.keys(&[ch('u')]);
    assert!(titles(&h).is_empty());
    h.keys(&[ch('u')]);
    assert_eq!(h.app.message().unwrap().text, "Nothing to undo.");
    h.keys(&[ctrl('r'), ctrl('r'), ctrl('r')]);
    assert_eq!(titles(&h), ["Ett", "Tre"]);
}

#[test]
fn quarter_moves() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    assert_eq!(h.app.quarter(), Quarter { year: 2026, q: 4 });
    h.keys(&[ch('[')]);
    assert_eq!(h.app.quarter(), Quarter { year: 2026, q: 3 });
    assert!(h.app.quarter_objectives().is_empty());
    h.keys(&[ch(']'), ch(']')]);
    assert_eq!(h.app.quarter(), Quarter { year: 2027, q: 1 });
    // A Mål added here belongs to the viewed quarter.
    add_objective(&mut h, "Nästa kvartal");
    let file = h.file();
    let added = file
        .objectives
        .iter()
        .find(|o| o.title == "Nästa kvartal")
        .unwrap();
    assert_eq!(added.quarter, Quarter { year: 2027, q: 1 });
    h.keys(&[ch('t')]);
    assert_eq!(h.app.quarter(), Quarter { year: 2026, q: 4 });
}

#[test]
fn releases_and_repeats_are_ignored() {
    let mut h = Harness::new(None, Lang::En);
    let mut release = ch('a');
    release.kind = KeyEventKind::Release;
    h.keys(&[release]);
    assert!(h.app.modal().is_none());
    let repeat = KeyEvent {
        kind: KeyEventKind::Repeat,
        ..KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)
    };
    h.keys(&[repeat]);
    assert!(h.app.modal().is_none());
}

#[test]
fn focus_warnings_warn_but_never_block() {
    let mut h = Harness::new(None, Lang::En);
    for i in 1..=6 {
        add_objective(&mut h, &format!("Mål {i}"));
    }
    assert_eq!(h.file().objectives.len(), 6, "the sixth is saved");
    let m = h.app.message().cloned().unwrap();
    assert!(m.text.contains("6 objectives"), "{}", m.text);

    let long = "x".repeat(90);
    add_objective(&mut h, &long);
    assert!(h.app.message().unwrap().text.clone().contains("one line"));

    // A sixth key result on one Mål; a done / not-done one is measurable, not warned about.
    h.keys(&[code(TAB)]);
    for i in 1..=6 {
        add_numeric_kr(&mut h, &format!("KR {i}"), "0", "10", "");
    }
    assert_eq!(h.file().objectives[6].key_results.len(), 6);
    assert!(h.app.message().unwrap().text.contains("6 key results"));
    h.keys(&[ch('a')]);
    h.type_text("Lansera feedback");
    h.keys(&[code(TAB), code(KeyCode::Right), code(ENTER)]);
    let m = h.app.message().unwrap().text.clone();
    assert!(!m.contains("measurable"), "{m}");
    assert!(m.contains("7 key results"), "{m}");
    let file = h.file();
    assert!(matches!(
        file.objectives[6].key_results[6].measure,
        Measure::Done(_)
    ));
}

/// The screen as text, each run of white space one space.
fn screen(app: &okr::app::App) -> String {
    let text = crate::support::screen::render(app, 120, 50);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn help_lists_the_keys_of_the_current_screen() {
    // (key, what it does) lines of the help box.
    let quarter_only = ["│[ previous quarter │", "│r quarter review │"];
    let initiatives_only = ["│x/Space done / not done │"];
    let both = ["│a add │", "│u undo │", "│q/Ctrl-C quit │"];

    let mut h = Harness::new(Some(demo()), Lang::En);
    assert!(!screen(&h.app).contains("│[ previous quarter │"));
    h.keys(&[ch('?')]);
    assert!(h.app.help_open());
    let shown = screen(&h.app);
    for line in quarter_only.iter().chain(&both) {
        assert!(
            shown.contains(line),
            "the quarter's help lacks {line}: {shown}"
        );
    }
    for line in initiatives_only {
        assert!(!shown.contains(line), "the quarter's help shows {line}");
    }
    h.keys(&[ch('?')]);
    assert!(!h.app.help_open(), "? closes the help");

    h.open_initiatives_of(4);
    h.keys(&[ch('?')]);
    let shown = screen(&h.app);
    for line in initiatives_only.iter().chain(&both) {
        assert!(
            shown.contains(line),
            "the Uppgifter's help lacks {line}: {shown}"
        );
    }
    for line in quarter_only {
        assert!(!shown.contains(line), "the Uppgifter's help shows {line}");
    }
    h.keys(&[code(ESC)]);
    assert!(!h.app.help_open(), "Esc closes the help");
    assert!(h.app.modal().is_none());
    assert!(!screen(&h.app).contains("│x/Space done / not done │"));
}

#[test]
fn ctrl_c_in_a_form_keeps_the_form_and_what_was_typed() {
    let mut h = Harness::new(None, Lang::En);
    h.keys(&[ch('a')]);
    h.type_text("Halvfärdig");
    h.keys(&[ctrl('c')]);
    assert!(!h.app.should_quit());
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form was thrown away")
    };
    assert_eq!(f.text(okr::app::form::FieldId::Title), "Halvfärdig");
}

#[test]
fn only_a_yes_key_confirms_a_delete() {
    // English: y only (j, the key for down, is no answer).
    let mut h = Harness::new(Some(demo()), Lang::En);
    let n = h.app.data().objectives.len();
    h.keys(&[ch('d'), ch('j'), ch('k'), code(ENTER)]);
    assert!(
        matches!(h.app.modal(), Some(Modal::Confirm { .. })),
        "j, k and Enter neither confirm nor cancel"
    );
    assert_eq!(h.file().objectives.len(), n);
    h.keys(&[ch('y')]);
    assert_eq!(h.file().objectives.len(), n - 1);
    // Swedish: j for ja (y kept), and still not k or Enter.
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.keys(&[ch('d'), ch('k'), code(ENTER)]);
    assert!(matches!(h.app.modal(), Some(Modal::Confirm { .. })));
    assert_eq!(h.file().objectives.len(), n);
    h.keys(&[ch('j')]);
    assert_eq!(h.file().objectives.len(), n - 1);
}

#[test]
fn a_mål_cannot_be_its_own_parent() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let own = h.app.data().objectives[0].id.clone();
    h.keys(&[ch('e'), code(TAB), code(TAB), code(TAB), code(TAB)]);
    h.type_text(&own);
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("saved a Mål under itself")
    };
    assert!(
        f.field(okr::app::form::FieldId::Parent)
            .unwrap()
            .error
            .is_some()
    );
    assert_eq!(
        f.fields[f.focus].id,
        okr::app::form::FieldId::Parent,
        "the focus goes to the bad field"
    );
    // Another Mål is a fine parent.
    h.keys(&[ctrl('u')]);
    h.type_text(&h.app.data().objectives[1].id.clone());
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none());
    assert_eq!(h.file().objectives[0].parent.as_deref(), Some("o2"));
}

#[test]
fn a_key_for_another_pane_says_where_it_works() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let before = h.app.data().objectives[0].key_results[0].measure.current();
    h.keys(&[ch('+')]);
    assert_eq!(
        h.app.data().objectives[0].key_results[0].measure.current(),
        before
    );
    let m = h.app.message().cloned().unwrap();
    assert!(m.text.contains("press Tab"), "{}", m.text);
}

#[test]
fn saving_an_unchanged_form_changes_no_number() {
    // An error rate: values with more than two decimals.
    let mut data = okr::model::Data::default();
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-01T08:00:00Z")
        .unwrap()
        .to_utc();
    let mut o = okr::model::Objective::new(
        "o1".into(),
        "Färre fel".into(),
        okr::model::Kind::Committed,
        Quarter { year: 2026, q: 4 },
        now,
    );
    let mut k = okr::model::KeyResult::new(
        "kr1".into(),
        "Felkvot".into(),
        Measure::numeric(0.005, 0.001, ""),
    );
    k.measure.set_current(0.004);
    o.key_results.push(k);
    data.objectives.push(o.into());
    let mut h = Harness::new(Some(data), Lang::Sv);
    h.keys(&[code(TAB), ch('e'), code(ENTER)]);
    h.keys(&[ch('v'), code(ENTER)]);
    let file = h.file();
    match &file.objectives[0].key_results[0].measure {
        Measure::Numeric(n) => assert_eq!((n.start, n.target, n.current), (0.005, 0.001, 0.004)),
        m => panic!("{m:?}"),
    }
}

#[test]
fn a_deleted_key_results_id_is_never_given_out_again() {
    let mut h = Harness::new(None, Lang::En);
    add_objective(&mut h, "Mål");
    h.keys(&[code(TAB)]);
    add_numeric_kr(&mut h, "Först", "0", "10", "");
    add_numeric_kr(&mut h, "Sedan", "0", "10", "");
    let first = h.file().objectives[0].key_results[0].id.clone();
    let gone = h.file().objectives[0].key_results[1].id.clone();
    // Delete the newest, add another: it gets a new id, not the deleted one.
    h.keys(&[ch('d'), ch('y')]);
    add_numeric_kr(&mut h, "Ny", "0", "10", "");
    let file = h.file();
    let ids: Vec<_> = file.objectives[0]
        .key_results
        .iter()
        .map(|k| k.id.clone())
        .collect();
    assert_eq!(ids[0], first, "the first keeps its id");
    assert!(ids[1] != gone && ids[1].starts_with("kr"), "{ids:?}");
    // Also after an undo of the add.
    let added = ids[1].clone();
    h.keys(&[ch('u')]);
    add_numeric_kr(&mut h, "Igen", "0", "10", "");
    let again = h.file().objectives[0].key_results[1].id.clone();
    assert!(again != gone && again != added, "{again}");
}

#[test]
fn deleting_the_newest_mål_of_an_old_file_does_not_free_its_id() {
    // The demo is written without id counters, like a file from before them.
    let mut h = Harness::new(Some(demo()), Lang::En);
    assert!(h.file().next_ids.is_unset());
    for _ in 0..4 {
        h.keys(&[ch('j')]);
    }
    assert_eq!(h.app.objective().unwrap().id, "o5");
    h.keys(&[ch('d'), ch('y')]);
    add_objective(&mut h, "Ny");
    let file = h.file();
    assert!(
        file.objectives.iter().all(|o| o.id != "o5"),
        "o5 is not given out again"
    );
    let new = file.objectives.iter().find(|o| o.title == "Ny").unwrap();
    assert!(new.id.starts_with('o') && new.id.len() == 9, "{}", new.id);
}

#[test]
fn a_level_needs_its_current_value_and_a_done_step_adds_nothing() {
    let mut h = Harness::new(None, Lang::En);
    add_objective(&mut h, "Nöjda kunder");
    h.keys(&[code(TAB), ch('a')]);
    h.type_text("Håll NPS över 40");
    // Measure: keep at or above; Level 40; Current left empty.
    h.keys(&[
        code(TAB),
        code(KeyCode::Right),
        code(KeyCode::Right),
        code(TAB),
    ]);
    h.type_text("40");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("saved a level with no value")
    };
    assert!(
        f.field(okr::app::form::FieldId::Current)
            .unwrap()
            .error
            .is_some()
    );
    h.keys(&[code(ESC)]);

    // A done key result: + twice is one update, of the day's one entry.
    h.keys(&[ch('a')]);
    h.type_text("Lansera");
    h.keys(&[code(TAB), code(KeyCode::Right), code(ENTER)]);
    let before = h.file().objectives[0].key_results[0].history.len();
    h.keys(&[ch('+'), ch('+')]);
    let k = &h.file().objectives[0].key_results[0];
    assert!(k.measure.current() > 0.5);
    assert_eq!(
        (k.history.len(), k.history[before - 1].value),
        (before, 1.0)
    );
    // The second + changed nothing: one undo is back to not done.
    h.keys(&[ch('u')]);
    assert!(h.app.data().objectives[0].key_results[0].measure.current() < 0.5);
}

#[test]
fn ids_are_shown_by_their_shortest_unique_beginning_and_follow_new_items() {
    let mut data = okr::model::Data::default();
    let mut o = okr::model::Objective::new(
        "obcdfghjk".into(),
        "Mål".into(),
        okr::model::Kind::Committed,
        Quarter::of(today(), okr::model::FiscalYear::CALENDAR),
        okr::model::now(),
    );
    for id in ["krbcdfghjk", "krbcdxxxxx", "krzzzzzzzz"] {
        o.key_results.push(okr::model::KeyResult::new(
            id.into(),
            format!("Mät {id}"),
            Measure::done(false),
        ));
    }
    data.objectives.push(o.into());
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[code(TAB)]);
    let text = screen(&h.app);
    for shown in ["krbcdf Mät", "krbcdx Mät", "krzzz Mät"] {
        assert!(text.contains(shown), "{shown}:\n{text}");
    }
    assert!(!text.contains("krbcdfghjk Mät"), "{text}");
    // A new key result that shares a beginning makes it longer at once.
    add_numeric_kr(&mut h, "Ny", "0", "10", "");
    let new = h.app.data().objectives[0].key_results[3].id.clone();
    let shown = h.app.short_id(&new).to_string();
    assert!(
        shown.len() >= 5 && new.starts_with(&shown),
        "{shown} of {new}"
    );
    assert!(
        h.app
            .data()
            .ids()
            .filter(|id| id.starts_with(&shown))
            .count()
            == 1,
        "{shown} names one id"
    );
}
