//! The weekly rhythm by keys: a check-in half done keeps its banner, a key
//! result skipped on purpose, last week's plans carried or marked done, and
//! when my last check-in was.

use crate::support::app::*;
use crate::support::screen::render;
use okr::app::Screen;
use okr::app::checkin::Step;
use okr::keys::{Action, Key};
use okr::model::{CheckIn, CheckInEntry, Extra, IsoWeek, Lang};

fn this_week(h: &Harness) -> Option<CheckIn> {
    let week = IsoWeek::of(today());
    h.file()
        .checkins
        .into_iter()
        .find(|c| c.week == week)
        .map(|c| (*c).clone())
}

fn last_week(h: &Harness) -> CheckIn {
    let week = IsoWeek::of(today() - chrono::Days::new(7));
    h.file()
        .checkins
        .into_iter()
        .find(|c| c.week == week)
        .map(|c| (*c).clone())
        .unwrap()
}

/// The text of a field of the check-in's form on screen.
fn field(h: &Harness, id: okr::app::form::FieldId) -> String {
    match h.app.screen() {
        Screen::CheckIn(st) => st.form.text(id),
        _ => panic!("no check-in open"),
    }
}

#[test]
fn a_check_in_half_done_keeps_its_banner_with_the_key_from_the_key_table() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.walk_to(2);
    h.keys(&[code(ESC)]);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("10 of 12 key results waiting — press c to go on"),
        "{text}"
    );
    // The key comes from the key table: a rebound check-in key is named.
    let mut h = Harness::with_setup(Some(demo()), Lang::En, |s| {
        s.keymap.rebind(Action::CheckIn, &[Key::Char('i')]);
    });
    h.keys(&[ch('i'), code(ENTER), code(ENTER), code(ESC)]);
    let text = render(&h.app, 100, 30);
    assert!(text.contains("press i to go on"), "{text}");
    // Swedish too.
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.walk_to(2);
    h.keys(&[code(ESC)]);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("10 av 12 nyckelresultat väntar – tryck c för att fortsätta"),
        "{text}"
    );
    // Once every key result is answered, the banner is gone.
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.walk_to_reflection();
    h.keys(&[code(ESC)]);
    let text = render(&h.app, 100, 30);
    assert!(!text.contains("waiting"), "{text}");
}

#[test]
fn a_skipped_key_result_records_nothing_counts_as_answered_and_is_summed_up() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let kr1 = h.app.data().objectives[0].key_results[0].clone();
    h.keys(&[ch('c'), ctrl('k')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("still in the check-in")
    };
    assert_eq!(st.index, 1, "on to the next key result");
    let c = this_week(&h).unwrap();
    assert_eq!(c.skipped, vec!["kr1".to_string()]);
    assert!(c.entries.is_empty(), "no value for a skipped key result");
    let file = h.file();
    let now = &file.objectives[0].key_results[0];
    assert_eq!(now.history, kr1.history, "its history is untouched");
    // Leaving and coming back resumes after it: it is answered for the week.
    h.keys(&[code(ESC)]);
    assert_eq!(h.app.checkin_waiting(), 11);
    h.keys(&[ch('c')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in again")
    };
    assert_eq!(st.index, 1);
    // Skip the rest: nothing waits, and the summary names what was skipped.
    while h.checkin_step() == Some(Step::Walk) {
        h.keys(&[ctrl('k')]);
    }
    h.keys(&[ctrl('s'), ch('s')]);
    assert_eq!(h.checkin_step(), Some(Step::Summary));
    assert_eq!(h.app.checkin_waiting(), 0);
    let text = render(&h.app, 100, 60);
    assert!(text.contains("Skipped this week"), "{text}");
    assert!(text.contains("– Sälj för 100 miljoner"), "{text}");
}

#[test]
fn a_value_recorded_after_a_skip_ends_the_skip() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('c'), ctrl('k'), code(ESC)]);
    assert_eq!(this_week(&h).unwrap().skipped.len(), 1);
    // A finished week opens from the top again, to edit: a value for the first.
    h.walk_to_reflection();
    h.type_text("Klart");
    h.keys(&[ctrl('s'), ch('s'), code(ENTER), ch('c')]);
    h.type_text("70");
    h.keys(&[code(ENTER)]);
    let c = this_week(&h).unwrap();
    assert!(c.skipped.is_empty(), "{:?}", c.skipped);
    assert!(
        c.entries
            .iter()
            .any(|e| e.key_result == "kr1" && e.value == 70.0)
    );
}

#[test]
fn last_weeks_plans_are_shown_carried_into_this_week_and_marked_done() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.walk_to_reflection_with_plans();
    let text = render(&h.app, 100, 30);
    for want in [
        "Last week you planned:",
        "Ring Bo",
        "Skriv offert",
        "blocker: Ingen budget",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    // Ctrl-T carries the selected one into this week's next steps.
    h.keys(&[ctrl('t')]);
    assert_eq!(field(&h, okr::app::form::FieldId::NextSteps), "Ring Bo");
    // Twice is once.
    h.keys(&[ctrl('t')]);
    assert_eq!(field(&h, okr::app::form::FieldId::NextSteps), "Ring Bo");
    // Ctrl-N to the second, Ctrl-D marks it done in last week's check-in.
    h.keys(&[ctrl('n'), ctrl('d')]);
    assert_eq!(last_week(&h).done, vec!["Skriv offert".to_string()]);
    let text = render(&h.app, 100, 30);
    assert!(text.contains("▸✓ Skriv offert"), "{text}");
    // Again: open again.
    h.keys(&[ctrl('d')]);
    assert!(last_week(&h).done.is_empty());
    h.keys(&[ctrl('d')]);
    // The blocker is carried into this week's blockers.
    h.keys(&[ctrl('n'), ctrl('t')]);
    assert_eq!(field(&h, okr::app::form::FieldId::Blockers), "Ingen budget");
    h.keys(&[ctrl('s'), ch('s')]);
    let c = this_week(&h).unwrap();
    assert_eq!(c.next_steps, "Ring Bo");
    assert_eq!(c.blockers, "Ingen budget");
    assert_eq!(last_week(&h).done, vec!["Skriv offert".to_string()]);
}

#[test]
fn marking_a_plan_done_keeps_the_fields_okr_does_not_know() {
    let mut data = demo();
    let c = std::sync::Arc::make_mut(data.checkins.last_mut().unwrap());
    c.next_steps = "Ring Bo".into();
    c.extra
        .insert("mood".into(), serde_json::Value::String("glad".into()));
    let mut h = Harness::new(Some(data), Lang::Sv);
    h.walk_to_reflection();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Från förra veckan:"), "{text}");
    h.keys(&[ctrl('d')]);
    let json = h.file_json();
    let week = IsoWeek::of(today() - chrono::Days::new(7)).to_string();
    let c = json["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["week"] == week.as_str())
        .unwrap();
    assert_eq!(c["mood"], "glad");
    assert_eq!(c["done"], serde_json::json!(["Ring Bo"]));
}

#[test]
fn without_plans_last_week_the_plan_keys_are_not_offered() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.walk_to_reflection();
    let layers = h.app.layers();
    assert!(
        !layers.contains(&okr::keys::Context::LastWeek),
        "{layers:?}"
    );
    assert!(!h.app.handle_key(ctrl('t')));
}

/// The example data with my last check-in `weeks` before this one, with an
/// entry for kr1.
fn last_checkin_weeks_ago(weeks: u64) -> okr::model::Data {
    let mut data = demo();
    data.checkins.clear();
    let mut c = CheckIn::new(today() - chrono::Days::new(7 * weeks + 1));
    c.entries.push(CheckInEntry {
        key_result: "kr1".into(),
        value: 31.0,
        confidence: 6,
        note: "Två affärer nära".into(),
        extra: Extra::new(),
    });
    c.next_steps = "Ring Bo".into();
    data.checkins.push(c.into());
    data
}

#[test]
fn a_step_says_when_the_last_check_in_was() {
    let mut h = Harness::new(Some(last_checkin_weeks_ago(1)), Lang::En);
    h.walk_to(0);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("Last week: 31 · confidence 6/10 — Två affärer nära"),
        "{text}"
    );
    // Three weeks ago: its date and how long ago, in the step and over the plans.
    let mut h = Harness::new(Some(last_checkin_weeks_ago(3)), Lang::En);
    h.walk_to(0);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("Last check-in 2026-11-02 (3 weeks ago): 31 · confidence 6/10"),
        "{text}"
    );
    h.keys(&[code(ESC)]);
    h.walk_to_reflection();
    let text = render(&h.app, 80, 30);
    assert!(
        text.contains("At your last check-in, 2026-11-02 (3 weeks ago), you planned:"),
        "{text}"
    );
    let mut h = Harness::new(Some(last_checkin_weeks_ago(3)), Lang::Sv);
    h.walk_to(0);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("Senaste incheckningen 2026-11-02 (för 3 veckor sedan): 31 · säkerhet 6/10"),
        "{text}"
    );
}

#[test]
fn the_reflection_hint_is_read_whole_beside_last_weeks_plans() {
    for (lang, hint) in [
        (
            Lang::Sv,
            "Fira små vinster: skriv ner det som gick bra den här veckan.",
        ),
        (
            Lang::En,
            "Celebrate small wins: write down what went well this week.",
        ),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        h.walk_to_reflection_with_plans();
        for w in [80, 90, 100, 120] {
            let text = render(&h.app, w, 30);
            // The words left of the plans (beside the fields from 92
            // columns, above them below that), as a reader takes them in.
            let plans_at = text
                .lines()
                .find_map(|l| l.find("Ring Bo").map(|i| l[..i].chars().count()))
                .unwrap();
            let cut = if w >= 92 { plans_at - 3 } else { usize::MAX };
            let left: Vec<String> = text
                .lines()
                .map(|l| l.chars().take(cut).collect())
                .collect();
            let flat = left.join(" ").replace('│', " ");
            let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(hint), "{lang:?} at {w}:\n{text}");
        }
    }
}
