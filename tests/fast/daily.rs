//! The daily work by keys: one history entry a day, a key result's step,
//! reordering kept in the file, Uppgifter with an owner and a due date,
//! stale key results on their Mål, and what a delete takes along.

use crate::support::app::*;
use crate::support::daily::{daily, daily_json};
use okr::app::form::FieldId;
use okr::app::{Modal, Pane, Screen};
use okr::model::Lang;
use ratatui::crossterm::event::KeyCode;

fn form_error(h: &Harness, id: FieldId) -> Option<String> {
    match h.app.modal() {
        Some(Modal::Form(f)) => f.field(id).and_then(|x| x.error.clone()),
        _ => None,
    }
}

#[test]
fn five_plus_presses_make_one_entry_with_the_days_last_value_and_its_notes() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    // kr4 of "Växa i Norden" has an entry of yesterday only.
    h.select_objective(1);
    h.focus_key_results();
    let before = h.app.data().objectives[2].key_results[0].history.len();
    // A value with a note, five steps, a second note: all today.
    h.keys(&[ch('v')]);
    h.keys(&[code(TAB), code(TAB)]);
    h.type_text("hyrt lokal");
    h.keys(&[code(ENTER)]);
    for _ in 0..5 {
        h.keys(&[ch('+')]);
    }
    h.keys(&[ch('v'), code(TAB), code(TAB)]);
    h.type_text("avtal klart");
    h.keys(&[code(ENTER)]);
    let file = h.file_json();
    let history = crate::support::key_result(&file, "kr4")["history"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(
        history.len(),
        before + 1,
        "one entry for today: {history:#?}"
    );
    let today_entry = history.last().unwrap();
    assert_eq!(today_entry["date"], crate::support::TODAY);
    assert_eq!(today_entry["value"], 6.0, "the day's last value");
    assert_eq!(today_entry["note"], "hyrt lokal; avtal klart");
    assert_eq!(history[0]["date"], "2026-11-23", "yesterday's entry stays");
    // Each press is still its own step back.
    h.keys(&[ch('u')]);
    let k = &h.app.data().objectives[2].key_results[0];
    assert_eq!(
        k.history.last().map(|e| e.note.as_str()),
        Some("hyrt lokal")
    );
}

#[test]
fn a_second_entry_of_a_day_keeps_the_fields_okr_does_not_know() {
    let mut json = daily_json();
    // kr4's only entry is of today, with a field of a newer okr.
    json["objectives"][2]["key_results"][0]["history"][0]["date"] = crate::support::TODAY.into();
    json["objectives"][2]["key_results"][0]["history"][0]["source"] = "per".into();
    let mut h = Harness::new(Some(serde_json::from_value(json).unwrap()), Lang::En);
    h.select_objective(1);
    h.focus_key_results();
    h.keys(&[ch('+')]);
    let file = h.file_json();
    let history = &crate::support::key_result(&file, "kr4")["history"];
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["value"], 2.0);
    assert_eq!(history[0]["source"], "per");
}

#[test]
fn a_step_set_in_the_form_moves_plus_and_minus_and_is_kept_in_the_file() {
    let mut h = Harness::new(Some(daily()), Lang::Sv);
    h.focus_key_results();
    // Title, measure, start, target, current, unit, weight: the step.
    h.keys(&[ch('e')]);
    for _ in 0..7 {
        h.keys(&[code(TAB)]);
    }
    h.type_text("0");
    h.keys(&[code(ENTER)]);
    let error = form_error(&h, FieldId::Step).expect("a step of 0 is refused");
    assert_eq!(error, "Steget ska vara större än 0.");
    h.keys(&[ctrl('u')]);
    h.type_text("2,5");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "saved");
    h.keys(&[ch('+'), ch('+'), ch('-')]);
    let file = h.file_json();
    let kr1 = crate::support::key_result(&file, "kr1");
    assert_eq!(kr1["step"], 2.5);
    assert_eq!(kr1["measure"]["current"], 8.5, "6 + 2.5 + 2.5 − 2.5");
    // The form shows the step it has.
    h.keys(&[ch('e')]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form")
    };
    assert_eq!(f.text(FieldId::Step), "2,5");
}

#[test]
fn without_a_step_plus_moves_by_one_and_the_file_has_no_step() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('+')]);
    let file = h.file_json();
    let kr1 = crate::support::key_result(&file, "kr1");
    assert_eq!(kr1["measure"]["current"], 7.0);
    assert!(kr1.get("step").is_none(), "{kr1:#}");
    // Saving the form with the step left at 1 writes none either.
    h.keys(&[ch('e'), code(ENTER)]);
    assert!(
        crate::support::key_result(&h.file_json(), "kr1")
            .get("step")
            .is_none()
    );
}

#[test]
fn a_file_with_a_step_of_zero_or_less_is_refused_with_the_place() {
    let mut json = daily_json();
    json["objectives"][0]["key_results"][0]["step"] = (-1.0).into();
    let text = serde_json::to_string_pretty(&json).unwrap();
    let err = okr::store::format::parse(std::path::Path::new("okr.json"), text.as_bytes())
        .expect_err("refused");
    let message = err.text(okr::i18n::strings(Lang::En));
    assert!(
        message.contains("not the shape of an okr file"),
        "{message}"
    );
    assert!(message.contains("step"), "{message}");
    assert!(message.contains("line"), "{message}");
}

#[test]
fn mål_move_only_among_their_quarter_and_the_order_is_kept_and_undone() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    let ids =
        |h: &Harness| -> Vec<String> { h.file().objectives.iter().map(|o| o.id.clone()).collect() };
    // K on the first does nothing; J swaps o1 with o2, o9 (Q3) stays between.
    h.keys(&[ch('K')]);
    assert_eq!(ids(&h), ["o1", "o9", "o2"]);
    h.keys(&[ch('J')]);
    assert_eq!(ids(&h), ["o2", "o9", "o1"]);
    assert_eq!(h.app.sel_objective(), 1, "the selection moves with it");
    assert_eq!(h.app.objective().unwrap().id, "o1");
    h.keys(&[ch('J')]);
    assert_eq!(ids(&h), ["o2", "o9", "o1"], "the last stays last");
    h.keys(&[ch('u')]);
    assert_eq!(ids(&h), ["o1", "o9", "o2"]);
    assert_eq!(h.app.sel_objective(), 0, "the selection moves back with it");
    assert_eq!(h.app.objective().unwrap().id, "o1");
    h.keys(&[ctrl('r')]);
    assert_eq!(ids(&h), ["o2", "o9", "o1"]);
    assert_eq!(h.app.objective().unwrap().id, "o1");
}

#[test]
fn an_undone_move_of_a_key_result_or_uppgift_keeps_it_selected() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('J')]);
    assert_eq!(h.app.sel_key_result(), 1);
    h.keys(&[ch('u')]);
    assert_eq!(h.file().objectives[0].key_results[0].id, "kr1");
    assert_eq!(
        h.app.sel_key_result(),
        0,
        "kr1 is selected where it is back"
    );
    // In the detail: the last Uppgift up, then undone.
    h.keys(&[code(ESC), code(ENTER), code(TAB), ch('j'), ch('j'), ch('K')]);
    assert_eq!(h.app.sel_initiative(), 1);
    h.keys(&[ch('u')]);
    assert_eq!(h.app.sel_initiative(), 2);
    let o = h.app.objective().unwrap();
    assert_eq!(o.initiatives[h.app.sel_initiative()].id, "u3");
}

#[test]
fn what_an_undo_brings_back_is_selected() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    // The first Mål deleted: the next one takes its place; undone, it is back and selected.
    h.keys(&[ch('d'), ch('y')]);
    assert_eq!(h.app.objective().unwrap().id, "o2");
    h.keys(&[ch('u')]);
    assert_eq!(h.app.objective().unwrap().id, "o1");
    // The same for a key result.
    h.focus_key_results();
    h.keys(&[ch('d'), ch('y')]);
    assert_eq!(
        h.app.objective().unwrap().key_results[h.app.sel_key_result()].id,
        "kr2"
    );
    h.keys(&[ch('u')]);
    assert_eq!(
        h.app.objective().unwrap().key_results[h.app.sel_key_result()].id,
        "kr1"
    );
}

#[test]
fn key_results_and_uppgifter_move_and_the_order_is_kept() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('J')]);
    let krs: Vec<String> = h.file().objectives[0]
        .key_results
        .iter()
        .map(|k| k.id.clone())
        .collect();
    assert_eq!(krs, ["kr2", "kr1"]);
    assert_eq!(h.app.sel_key_result(), 1);
    // In the detail: the last Uppgift up twice.
    h.keys(&[
        code(ESC),
        code(ENTER),
        code(TAB),
        ch('j'),
        ch('j'),
        ch('K'),
        ch('K'),
    ]);
    assert_eq!(h.app.pane(), Pane::Initiatives);
    let inits: Vec<String> = h.file().objectives[0]
        .initiatives
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(inits, ["u3", "u1", "u2"]);
    assert_eq!(h.app.sel_initiative(), 0);
    h.keys(&[ch('u'), ch('u'), ch('u')]);
    let file = h.file();
    assert_eq!(file.objectives[0].initiatives[0].id, "u1");
    assert_eq!(file.objectives[0].key_results[0].id, "kr1");
}

#[test]
fn an_uppgift_gets_an_owner_and_a_due_date_and_a_bad_date_is_refused() {
    for (lang, says) in [
        (Lang::En, "Write the date as YYYY-MM-DD, e.g. 2026-12-15."),
        (Lang::Sv, "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-15."),
    ] {
        let mut h = Harness::new(Some(daily()), lang);
        h.select_objective(1);
        h.keys(&[code(ENTER), code(TAB), ch('a')]);
        h.type_text("Besök Oslo");
        // Title, key result, owner, due.
        h.keys(&[code(TAB), code(TAB)]);
        h.type_text("Per");
        h.keys(&[code(TAB)]);
        h.type_text("1/12/2026");
        h.keys(&[code(ENTER)]);
        assert_eq!(form_error(&h, FieldId::Due).as_deref(), Some(says));
        let Some(Modal::Form(f)) = h.app.modal() else {
            panic!("the form stays")
        };
        assert_eq!(f.text(FieldId::Due), "1/12/2026", "what was typed is kept");
        h.keys(&[ctrl('u')]);
        h.type_text("2026-12-01");
        h.keys(&[code(ENTER)]);
        assert!(h.app.modal().is_none());
        let file = h.file_json();
        let u = &file["objectives"][2]["initiatives"][0];
        assert_eq!(u["title"], "Besök Oslo");
        assert_eq!(u["owner"], "Per");
        assert_eq!(u["due"], "2026-12-01");
    }
}

#[test]
fn overdue_uppgifter_are_marked_in_words_and_colour_and_each_mål_names_its_next() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    // The quarter view: o1's next is u1, overdue; o2 has none.
    let text = screen(&h.app, 140, 40);
    let row = text.lines().find(|l| l.contains("Nöjda kunder")).unwrap();
    assert!(
        row.contains("overdue: 2026-11-20 Ring tio kunder"),
        "{text}"
    );
    let row = text.lines().find(|l| l.contains("Växa i Norden")).unwrap();
    assert!(!row.contains("next:") && !row.contains("overdue"), "{row}");
    // The detail: u1 overdue, u2 due, u3 done (no due date shown).
    h.keys(&[code(ENTER)]);
    let text = screen(&h.app, 120, 40);
    let line = |t: &str| text.lines().find(|l| l.contains(t)).unwrap().to_string();
    assert!(
        line("Ring tio kunder").contains("Anna · overdue (due 2026-11-20)"),
        "{text}"
    );
    assert!(line("Skriv enkät").contains("due 2026-12-10"), "{text}");
    assert!(!line("Skriv enkät").contains("overdue"), "{text}");
    assert!(!line("Boka möten").contains("due"), "{text}");
    // In colour the overdue words stand out; without, the words remain.
    let buf = screen_buffer(&h.app, 120, 40);
    let (x, y) = find(&buf, "overdue (due").unwrap();
    assert_ne!(buf[(x, y)].fg, ratatui::style::Color::Reset);
    let mut plain = Harness::with_setup(Some(daily()), Lang::En, |s| s.color = false);
    plain.keys(&[code(ENTER)]);
    let buf = screen_buffer(&plain.app, 120, 40);
    let (x, y) = find(&buf, "overdue (due").unwrap();
    assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Reset);
    // Done, it is no longer overdue, and the quarter view names the next.
    h.keys(&[code(TAB), ch('x'), code(ESC)]);
    let text = screen(&h.app, 140, 40);
    let row = text.lines().find(|l| l.contains("Nöjda kunder")).unwrap();
    assert!(row.contains("next: 2026-12-10 Skriv enkät"), "{text}");
    let sv = Harness::new(Some(daily()), Lang::Sv);
    let text = screen(&sv.app, 140, 40);
    assert!(
        text.contains("försenad: 2026-11-20 Ring tio kunder"),
        "{text}"
    );
}

/// Where a text starts in a drawn buffer.
fn find(buf: &ratatui::buffer::Buffer, text: &str) -> Option<(u16, u16)> {
    let w = buf.area.width;
    (0..buf.area.height).find_map(|y| {
        let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
        row.find(text)
            .map(|byte| (u16::try_from(row[..byte].chars().count()).unwrap(), y))
    })
}

#[test]
fn stale_key_results_are_counted_on_their_mål_in_the_quarter_view() {
    // kr2 was last updated 2026-11-01, 23 days before today.
    let h = Harness::new(Some(daily()), Lang::En);
    let text = screen(&h.app, 140, 40);
    let mut lines = text.lines();
    lines.find(|l| l.contains("Nöjda kunder")).unwrap();
    let bar = lines.next().unwrap();
    assert!(bar.contains("1 stale"), "{text}");
    let sv = Harness::new(Some(daily()), Lang::Sv);
    assert!(screen(&sv.app, 140, 40).contains("1 ej uppdaterat"));
    // An update makes it current again.
    let mut h = h;
    h.focus_key_results();
    h.keys(&[ch('j'), ch('+')]);
    assert!(!screen(&h.app, 140, 40).contains("stale"));
    // A quarter that has ended has nothing stale.
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.keys(&[ch('[')]);
    assert!(screen(&h.app, 140, 40).contains("Kundresan kartlagd"));
    assert!(!screen(&h.app, 140, 40).contains("stale"));
}

fn question(h: &Harness) -> String {
    match h.app.modal() {
        Some(Modal::Confirm { question, .. }) => question.clone(),
        other => panic!("no question: {other:?}"),
    }
}

#[test]
fn delete_says_what_goes_with_the_item_in_both_languages() {
    let cases = [
        (
            Lang::En,
            "Delete “Nöjda kunder” with its 2 key results, 3 initiatives and 4 history entries?",
            "Delete “Öppna kontor” with its 1 history entry?",
            "Delete “Växa i Norden” with its 1 key result and 1 history entry?",
        ),
        (
            Lang::Sv,
            "Ta bort ”Nöjda kunder” och dess 2 nyckelresultat, 3 uppgifter och 4 sparade värden?",
            "Ta bort ”Öppna kontor” och dess 1 sparat värde?",
            "Ta bort ”Växa i Norden” och dess 1 nyckelresultat och 1 sparat värde?",
        ),
    ];
    for (lang, objective, key_result, one_each) in cases {
        let mut h = Harness::new(Some(daily()), lang);
        h.keys(&[ch('d')]);
        assert_eq!(question(&h), objective);
        h.keys(&[ch('n'), ch('j'), code(TAB), ch('d')]);
        assert_eq!(question(&h), key_result);
        h.keys(&[ch('n'), code(ESC), ch('d')]);
        assert_eq!(question(&h), one_each);
        // An Uppgift takes nothing along.
        h.keys(&[ch('n'), ch('k'), code(ENTER), code(TAB), ch('d')]);
        let plain = question(&h);
        assert!(plain.ends_with("“Ring tio kunder”?") || plain.ends_with("”Ring tio kunder”?"));
        // Yes deletes, and the message names it.
        h.keys(&[ch('y')]);
        assert_eq!(h.file().objectives[0].initiatives.len(), 2);
        assert!(matches!(h.app.screen(), Screen::Detail { .. }));
    }
}

#[test]
fn the_question_is_shown_whole_in_a_narrow_window() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.keys(&[ch('d')]);
    let text = screen(&h.app, 60, 20);
    // The box is as wide as the window: its rows hold the question alone.
    let words: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(words.join(" ").contains(&question(&h)), "{text}");
    h.keys(&[code(KeyCode::Esc)]);
    assert!(h.app.modal().is_none());
}
