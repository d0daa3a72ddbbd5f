//! A key result's own view by keys: Enter opens it from the quarter view and
//! the detail (and `e` still edits the key result there), Esc goes back; its
//! chart, legend and history are drawn, readable without colour; a history
//! entry is corrected or deleted, each one undoable change.

use crate::support::app::*;
use crate::support::daily::daily;
use okr::app::form::Purpose;
use okr::app::view::Back;
use okr::app::{Modal, Pane, Screen};
use okr::model::Lang;

/// The key result in view and its selected entry (counted from the newest).
fn in_view(h: &Harness) -> Option<(String, usize, Back)> {
    match h.app.screen() {
        Screen::KeyResult(v) => Some((v.key_result.clone(), v.sel, v.back)),
        _ => None,
    }
}

#[test]
fn enter_opens_the_view_from_the_quarter_view_and_the_detail_and_esc_goes_back() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    // The Mål list: Enter still opens the detail.
    h.keys(&[code(ENTER)]);
    assert!(matches!(h.app.screen(), Screen::Detail { .. }));
    // The detail's key results: Enter opens the second one's view.
    h.keys(&[ch('j'), code(ENTER)]);
    assert_eq!(in_view(&h), Some(("kr2".into(), 0, Back::Detail)));
    h.keys(&[code(ESC)]);
    assert!(matches!(h.app.screen(), Screen::Detail { .. }));
    assert_eq!(
        (h.app.pane(), h.app.sel_key_result()),
        (Pane::KeyResults, 1)
    );
    // `e` edits the key result itself, as before.
    h.keys(&[ch('e')]);
    match h.app.modal() {
        Some(Modal::Form(f)) => assert!(
            matches!(&f.purpose, Purpose::EditKeyResult { id, .. } if id == "kr2"),
            "{:?}",
            f.purpose
        ),
        other => panic!("no form: {other:?}"),
    }
    h.keys(&[code(ESC), code(ESC)]);
    // The quarter view's key result pane (kr2 still selected): Enter opens
    // the view, Esc comes back.
    h.focus_key_results();
    h.keys(&[code(ENTER)]);
    assert_eq!(in_view(&h), Some(("kr2".into(), 0, Back::Quarter)));
    h.keys(&[code(ESC)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(h.app.pane(), Pane::KeyResults);
}

#[test]
fn the_view_shows_the_chart_with_a_legend_the_history_and_the_notes() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.open_key_result_view(0);
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("Key result · kr1 Intervjua kunder"), "{text}");
    assert!(text.contains("in Nöjda kunder (2026 Q4)"), "{text}");
    // The chart: the axes' quarter and values, and each line's marker.
    assert!(
        text.contains("2026-10-01") && text.contains("2026-12-31"),
        "{text}"
    );
    for marker in ['•', '◆', '·', '╌', '│'] {
        assert!(text.contains(marker), "{marker} drawn:\n{text}");
    }
    assert!(
        text.contains("• value  ◆ recorded  · ideal pace  ╌ at this rate  │ today"),
        "{text}"
    );
    // The history, newest first, with confidence and notes.
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("2026-1")).collect();
    let history: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|l| l.contains("confidence"))
        .collect();
    assert_eq!(history.len(), 3, "{text}");
    assert!(history[0].contains("▸ 2026-11-23  6  confidence 7/10  två till"));
    assert!(history[2].contains("2026-10-05  2  confidence 5/10  första intervjun"));
    assert!(
        text.contains("Note: två till"),
        "the selected note in full:\n{text}"
    );
    // A kept level draws its line and names it.
    h.keys(&[code(ESC), ch('j'), code(ENTER)]);
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("- level"), "{text}");
    assert!(text.contains("-----"), "{text}");
    assert!(!text.contains("ideal pace"), "{text}");
    let sv = {
        let mut h = Harness::new(Some(daily()), Lang::Sv);
        h.open_key_result_view(0);
        screen(&h.app, 100, 30)
    };
    assert!(
        sv.contains("• värde  ◆ registrerat  · jämn takt  ╌ i den här takten  │ i dag"),
        "{sv}"
    );
    assert!(sv.contains("Historik (3)"), "{sv}");
}

#[test]
fn without_colour_the_view_reads_by_markers_and_words() {
    let mut h = Harness::with_setup(Some(daily()), Lang::En, |s| s.color = false);
    h.open_key_result_view(0);
    let buf = screen_buffer(&h.app, 100, 30);
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "a colour was used with NO_COLOR"
        );
    }
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("• value  ◆ recorded  · ideal pace  ╌ at this rate  │ today"));
}

#[test]
fn an_earlier_entry_is_corrected_in_a_small_form_and_undo_restores_it() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.open_key_result_view(0);
    // The second newest: 2026-11-02, with a field of a newer okr.
    h.keys(&[ch('j'), ch('e')]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the entry's form")
    };
    assert_eq!(f.fields.len(), 3, "value, confidence, note");
    h.type_text("5");
    h.keys(&[code(TAB)]);
    h.type_text("8");
    h.keys(&[code(TAB)]);
    h.type_text("räknade fel");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "saved");
    let file = h.file_json();
    let kr1 = crate::support::key_result(&file, "kr1");
    let entry = &kr1["history"][1];
    assert_eq!(entry["date"], "2026-11-02", "the date stays");
    assert_eq!(entry["value"], 5.0);
    assert_eq!(entry["confidence"], 8);
    assert_eq!(entry["note"], "räknade fel");
    assert_eq!(entry["by"], "anna", "fields okr does not know stay");
    assert_eq!(
        kr1["measure"]["current"], 6.0,
        "an older entry leaves the value"
    );
    assert_eq!(kr1["history"].as_array().unwrap().len(), 3);
    h.keys(&[ch('u')]);
    let file = h.file_json();
    let entry = &crate::support::key_result(&file, "kr1")["history"][1];
    assert_eq!(
        (entry["value"].clone(), entry.get("note")),
        (4.0.into(), None)
    );
}

#[test]
fn correcting_the_latest_entry_moves_the_current_value_and_a_bad_one_is_refused() {
    let mut h = Harness::new(Some(daily()), Lang::Sv);
    h.open_key_result_view(0);
    h.keys(&[ch('e')]);
    h.type_text("tolv");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form stays with what was typed")
    };
    assert!(
        f.fields[0]
            .error
            .as_deref()
            .unwrap()
            .contains("Inte ett tal")
    );
    h.keys(&[ctrl('u')]);
    h.type_text("7,5");
    h.keys(&[code(ENTER)]);
    let k = &h.file().objectives[0].key_results[0];
    assert_eq!(k.measure.current(), 7.5);
    assert_eq!(k.history.last().unwrap().value, 7.5);
    assert_eq!(k.history.last().unwrap().note, "två till", "the note stays");
}

#[test]
fn an_entry_is_deleted_after_a_question_and_undo_brings_it_back() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.open_key_result_view(0);
    h.keys(&[ch('d')]);
    let Some(Modal::Confirm { question, .. }) = h.app.modal() else {
        panic!("a question first")
    };
    assert_eq!(question, "Delete “2026-11-23: 6”?");
    h.keys(&[ch('n')]);
    assert_eq!(h.file().objectives[0].key_results[0].history.len(), 3);
    h.keys(&[ch('d'), ch('y')]);
    let k = &h.file().objectives[0].key_results[0];
    assert_eq!(k.history.len(), 2);
    assert_eq!(k.measure.current(), 4.0, "the value before the deleted one");
    assert_eq!(k.confidence, 6);
    let message = h.app.message().unwrap().text.clone();
    assert!(
        message.contains("Deleted: 2026-11-23: 6 (u undoes)"),
        "{message}"
    );
    assert_eq!(in_view(&h).map(|v| v.1), Some(0), "still in the view");
    h.keys(&[ch('u')]);
    let k = &h.file().objectives[0].key_results[0];
    assert_eq!(k.history.len(), 3);
    assert_eq!(k.measure.current(), 6.0);
}

#[test]
fn moving_in_the_history_stays_inside_it_and_keys_of_the_key_result_work_here() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.open_key_result_view(0);
    for _ in 0..5 {
        h.keys(&[ch('j')]);
    }
    assert_eq!(in_view(&h).map(|v| v.1), Some(2), "the oldest of three");
    h.keys(&[ch('k')]);
    assert_eq!(in_view(&h).map(|v| v.1), Some(1));
    // + records today's value: a new newest entry, still in the view.
    h.keys(&[ch('+')]);
    let k = &h.app.data().objectives[0].key_results[0];
    assert_eq!(k.measure.current(), 7.0);
    assert_eq!(k.history.last().unwrap().date, today());
    assert!(screen(&h.app, 100, 30).contains("2026-11-24  7"));
    h.keys(&[code(ESC)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
}

#[test]
fn a_view_whose_key_result_goes_away_goes_back() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    // Add a key result to o2, open its view, then undo the add.
    h.select_objective(1);
    h.focus_key_results();
    h.keys(&[ch('a')]);
    h.type_text("Ny kund");
    h.keys(&[code(TAB), code(TAB), code(TAB)]);
    h.type_text("5");
    h.keys(&[code(ENTER)]);
    h.keys(&[ch('j'), code(ENTER)]);
    let added = h.app.data().objectives[2].key_results[1].id.clone();
    assert_eq!(in_view(&h).map(|v| v.0), Some(added));
    h.keys(&[ch('u')]);
    assert!(
        matches!(h.app.screen(), Screen::Quarter),
        "back where it came from"
    );
    assert_eq!(h.app.data().objectives[2].key_results.len(), 1);
}

/// The daily example with this week's check-in holding kr1's latest entry
/// (2026-11-23: 6, confidence 7, "två till").
fn checked_in() -> okr::model::Data {
    use okr::model::checkin::CheckInEntry;
    let mut data = daily();
    let mut c = okr::model::CheckIn::new("2026-11-23".parse().unwrap());
    c.set_entry(CheckInEntry {
        key_result: "kr1".into(),
        value: 6.0,
        confidence: 7,
        note: "två till".into(),
        extra: okr::model::Extra::new(),
    });
    data.checkins.push(std::sync::Arc::new(c));
    data
}

/// A value, its confidence and its note.
type Said<C> = (f64, C, String);

/// kr1's latest history entry and its entry in this week's check-in.
fn entry_and_check_in(h: &Harness) -> (Said<Option<u8>>, Said<u8>) {
    let file = h.file();
    let h = file.objectives[0].key_results[0].history.last().unwrap();
    let c = &file.checkins[0].entries[0];
    (
        (h.value, h.confidence, h.note.clone()),
        (c.value, c.confidence, c.note.clone()),
    )
}

/// The latest entry corrected, with `value` typed over the old one.
fn correct_latest(h: &mut Harness, value: &str) {
    h.keys(&[ch('e')]);
    h.type_text(value);
    h.keys(&[code(ENTER)]);
}

#[test]
fn correcting_the_latest_entry_offers_to_correct_its_weeks_check_in_too() {
    for (lang, asked, keys) in [
        (
            Lang::En,
            "The check-in of 2026-W48 has the same value (6). Correct the check-in too?",
            "y/Y yes, correct the check-in too · n/N no, only the entry · Esc cancel",
        ),
        (
            Lang::Sv,
            "Incheckningen för 2026-W48 har samma värde (6). Vill du rätta incheckningen också?",
            "j/J ja, rätta incheckningen också · n/N nej, bara posten · Esc avbryt",
        ),
    ] {
        let mut h = Harness::new(Some(checked_in()), lang);
        h.open_key_result_view(0);
        correct_latest(&mut h, "8");
        let Some(Modal::CheckInToo { question, .. }) = h.app.modal() else {
            panic!("a question first: {:?}", h.app.modal())
        };
        assert_eq!(question, asked);
        let text = screen(&h.app, 120, 30);
        assert!(text.contains(keys), "{text}");
        crate::support::screen::draws_at_every_size(&h.app, "check-in too");
        let before = entry_and_check_in(&h);
        assert_eq!((before.0.0, before.1.0), (6.0, 6.0), "nothing yet");
        // y: both, as one change.
        h.keys(&[ch('y')]);
        assert!(h.app.modal().is_none());
        let (entry, checkin) = entry_and_check_in(&h);
        assert_eq!(entry, (8.0, Some(7), "två till".into()));
        assert_eq!(checkin, (8.0, 7, "två till".into()));
        assert_eq!(h.file().objectives[0].key_results[0].measure.current(), 8.0);
        h.keys(&[ch('u')]);
        assert_eq!(entry_and_check_in(&h), before, "one undo restores both");
    }
}

#[test]
fn no_corrects_the_entry_only_and_esc_goes_back_to_the_form() {
    let mut h = Harness::new(Some(checked_in()), Lang::En);
    h.open_key_result_view(0);
    correct_latest(&mut h, "8");
    // Esc: the form again, as typed; nothing changed.
    h.keys(&[code(ESC)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("back to the form: {:?}", h.app.modal())
    };
    assert_eq!(f.text(okr::app::form::FieldId::Value), "8");
    assert_eq!(entry_and_check_in(&h).0.0, 6.0);
    h.keys(&[code(ENTER)]);
    assert!(matches!(h.app.modal(), Some(Modal::CheckInToo { .. })));
    h.keys(&[ch('n')]);
    let (entry, checkin) = entry_and_check_in(&h);
    assert_eq!((entry.0, checkin.0), (8.0, 6.0));
    // The check-in no longer holds the entry's value: nothing to ask.
    correct_latest(&mut h, "9");
    assert!(h.app.modal().is_none(), "{:?}", h.app.modal());
    assert_eq!(entry_and_check_in(&h).0.0, 9.0);
    // Nor for an entry before the latest.
    h.keys(&[ch('u'), ch('u')]);
    assert_eq!(entry_and_check_in(&h).0.0, 6.0);
    h.keys(&[ch('j')]);
    correct_latest(&mut h, "5");
    assert!(h.app.modal().is_none(), "{:?}", h.app.modal());
    let file = h.file();
    assert_eq!(file.objectives[0].key_results[0].history[1].value, 5.0);
    assert_eq!(entry_and_check_in(&h).1.0, 6.0);
}
