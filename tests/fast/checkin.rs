//! The weekly check-in driven by keys over a temporary store: a full walk,
//! leaving half-way and resuming, bad input, the pulse, and the summary.

use crate::support::app::*;
use okr::app::Screen;
use okr::app::checkin::Step;
use okr::app::saver::SaveReport;
use okr::model::{IsoWeek, Lang};
use okr::store::IoReason;
use ratatui::crossterm::event::KeyCode;

fn step(h: &Harness) -> Option<Step> {
    match h.app.screen() {
        Screen::CheckIn(st) => Some(st.step),
        _ => None,
    }
}

fn index(h: &Harness) -> usize {
    match h.app.screen() {
        Screen::CheckIn(st) => st.index,
        _ => usize::MAX,
    }
}

#[test]
fn a_full_walk_writes_one_checkin_with_an_entry_per_key_result() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    assert!(h.app.checkin_due(), "the demo has no check-in this week");
    let krs: Vec<String> = h
        .app
        .data()
        .in_quarter(h.app.quarter())
        .flat_map(|(_, o)| o.key_results.iter().map(|k| k.id.clone()))
        .collect();
    let history_before: usize = h
        .app
        .data()
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|k| k.history.len())
        .sum();
    h.keys(&[ch('c')]);
    assert_eq!(step(&h), Some(Step::Walk));
    // First key result: a new value (replacing the prefilled one), confidence and a note.
    h.type_text("60");
    h.keys(&[code(KeyCode::Tab)]);
    h.type_text("9");
    h.keys(&[code(KeyCode::Tab)]);
    h.type_text("stor affär");
    h.keys(&[code(KeyCode::Enter)]);
    assert_eq!(index(&h), 1);
    // The rest keep their values.
    for _ in 1..krs.len() {
        h.keys(&[code(KeyCode::Enter)]);
    }
    assert_eq!(step(&h), Some(Step::Reflect));
    h.type_text("Två nya kunder");
    h.keys(&[code(KeyCode::Enter)]);
    h.type_text("och en demo");
    h.keys(&[code(KeyCode::Tab)]);
    h.type_text("Sjukdom");
    h.keys(&[ctrl('s')]);
    assert_eq!(step(&h), Some(Step::Pulse));
    h.keys(&[ch('s')]);
    assert_eq!(step(&h), Some(Step::Summary));

    let file = h.file();
    let week = IsoWeek::of(today());
    let this_week: Vec<_> = file.checkins.iter().filter(|c| c.week == week).collect();
    assert_eq!(this_week.len(), 1);
    let c = this_week[0];
    assert_eq!(c.entries.len(), krs.len());
    assert_eq!(
        c.entries
            .iter()
            .map(|e| e.key_result.clone())
            .collect::<Vec<_>>(),
        krs
    );
    assert_eq!(
        (
            c.entries[0].value,
            c.entries[0].confidence,
            c.entries[0].note.as_str()
        ),
        (60.0, 9, "stor affär")
    );
    assert_eq!(c.wins, "Två nya kunder\noch en demo");
    assert_eq!(c.blockers, "Sjukdom");
    assert!(c.pulse.is_none(), "the pulse was skipped");
    let history_after: usize = file
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|k| k.history.len())
        .sum();
    // The example records a value today already: the check-in's is the
    // day's one entry for each key result, not a second one.
    assert_eq!(history_after, history_before, "one history entry per day");
    for k in file.objectives.iter().flat_map(|o| &o.key_results) {
        let todays: Vec<_> = k.history.iter().filter(|e| e.date == today()).collect();
        let entry = c.entries.iter().find(|e| e.key_result == k.id).unwrap();
        assert_eq!(todays.len(), 1, "{}: one entry today", k.id);
        assert_eq!(todays[0].value, entry.value, "{}", k.id);
    }
    assert_eq!(file.objectives[0].key_results[0].measure.current(), 60.0);
    assert!(!h.app.checkin_due(), "no banner once checked in");

    // The summary: what moved, the quarter before and after, the streak.
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!()
    };
    let sum = h.app.checkin_summary(st);
    assert!(
        sum.moved
            .iter()
            .any(|m| m.title == "Sälj för 100 miljoner" && m.after == 60.0 && m.forward)
    );
    assert!(sum.after > sum.before);
    assert_eq!(sum.streak, 2, "last week's demo check-in and this one");
    h.keys(&[code(KeyCode::Enter)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
}

#[test]
fn leaving_half_way_keeps_what_was_entered_and_resumes_there() {
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.keys(&[ch('c')]);
    h.type_text("61");
    h.keys(&[code(KeyCode::Enter)]);
    h.type_text("41");
    h.keys(&[code(KeyCode::Enter)]);
    h.keys(&[code(KeyCode::Esc)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    let file = h.file();
    let week = IsoWeek::of(today());
    let c = file.checkins.iter().find(|c| c.week == week).unwrap();
    assert_eq!(c.entries.len(), 2);
    // The banner stays while key results wait.
    assert!(h.app.checkin_waiting() > 0);
    h.keys(&[ch('c')]);
    assert_eq!(index(&h), 2, "resumes at the third key result");
    // Walk to the end and check in again from the top: the same week is edited.
    while step(&h) == Some(Step::Walk) {
        h.keys(&[code(KeyCode::Enter)]);
    }
    // Left at the reflection: `c` resumes there.
    h.keys(&[code(KeyCode::Esc)]);
    h.keys(&[ch('c')]);
    assert_eq!(step(&h), Some(Step::Reflect), "resumes at the reflection");
    h.type_text("En vinst");
    h.keys(&[ctrl('s'), ch('s'), code(KeyCode::Enter)]);
    // A finished week opens from the top, to edit.
    h.keys(&[ch('c')]);
    assert_eq!(step(&h), Some(Step::Walk));
    assert_eq!(index(&h), 0, "a finished week opens from the top");
    h.type_text("62");
    h.keys(&[code(KeyCode::Enter), code(KeyCode::Esc)]);
    let file = h.file();
    let weeks: Vec<_> = file.checkins.iter().filter(|c| c.week == week).collect();
    assert_eq!(weeks.len(), 1, "never two check-ins in one week");
    assert_eq!(weeks[0].entries[0].value, 62.0);
}

#[test]
fn bad_confidence_is_refused_and_the_form_kept() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('c'), code(KeyCode::Tab)]);
    h.type_text("12");
    h.keys(&[code(KeyCode::Enter)]);
    assert_eq!(index(&h), 0, "still on the first key result");
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!()
    };
    let f = st.form.field(okr::app::form::FieldId::Confidence).unwrap();
    assert!(f.error.as_deref().unwrap().contains("1–10"));
    assert_eq!(st.form.text(okr::app::form::FieldId::Confidence), "12");
    let week = IsoWeek::of(today());
    assert!(
        h.file().checkins.iter().all(|c| c.week != week),
        "nothing saved"
    );
}

#[test]
fn the_pulse_needs_all_five_or_a_skip() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('c')]);
    while step(&h) == Some(Step::Walk) {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.keys(&[ctrl('s')]);
    assert_eq!(step(&h), Some(Step::Pulse));
    h.keys(&[ch('4'), ch('5'), code(KeyCode::Enter)]);
    assert_eq!(step(&h), Some(Step::Pulse), "three pillars unrated");
    h.keys(&[ch('3'), ch('4'), ch('5'), code(KeyCode::Enter)]);
    assert_eq!(step(&h), Some(Step::Summary));
    let file = h.file();
    let week = IsoWeek::of(today());
    let c = file.checkins.iter().find(|c| c.week == week).unwrap();
    assert_eq!(c.pulse.as_ref().unwrap().ratings(), [4, 5, 3, 4, 5]);
}

#[test]
fn undo_takes_back_a_checkin_step() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let before = h.app.data().objectives[0].key_results[0].measure.current();
    h.keys(&[ch('c')]);
    h.type_text("99");
    h.keys(&[code(KeyCode::Enter), code(KeyCode::Esc), ch('u')]);
    let file = h.file();
    assert_eq!(file.objectives[0].key_results[0].measure.current(), before);
    let week = IsoWeek::of(today());
    assert!(file.checkins.iter().all(|c| c.week != week));
}

#[test]
fn past_checkin_notes_are_readable_from_the_detail() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('c'), code(KeyCode::Tab), code(KeyCode::Tab)]);
    h.type_text("Avtal med Berlin klart");
    h.keys(&[
        code(KeyCode::Enter),
        code(KeyCode::Esc),
        code(KeyCode::Enter),
    ]);
    assert!(matches!(h.app.screen(), Screen::Detail { .. }));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 40)).unwrap();
    terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .collect();
    assert!(text.contains("Check-ins"), "{text}");
    assert!(
        text.contains("2026-W48 kr1: Avtal med Berlin klart"),
        "{text}"
    );
}

#[test]
fn checking_in_again_keeps_a_later_update() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let history = |h: &Harness| -> Vec<f64> {
        h.file().objectives[0].key_results[0]
            .history
            .iter()
            .map(|e| e.value)
            .collect()
    };
    // The example has a value for today; one entry a day, so the check-in's
    // value of today stands in its place.
    let before = history(&h);
    let earlier = &before[..before.len() - 1];
    // Tuesday: this week's check-in of the first key result, then the rest of the walk.
    h.keys(&[ch('c')]);
    h.type_text("60");
    h.keys(&[code(KeyCode::Enter)]);
    while step(&h) == Some(Step::Walk) {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.type_text("En vinst");
    h.keys(&[ctrl('s'), ch('s'), code(KeyCode::Enter)]);
    // Wednesday: an update of the same key result after the check-in.
    h.reopen_on(today().succ_opt().unwrap());
    h.keys(&[code(KeyCode::Tab), ch('v')]);
    h.type_text("65");
    h.keys(&[code(KeyCode::Enter), code(KeyCode::BackTab)]);
    assert_eq!(history(&h), [earlier, &[60.0, 65.0]].concat());

    // Thursday, the same week: checking in again opens the finished week at
    // the top, at that key result, with the newest value.
    h.reopen_on(h.app.today().succ_opt().unwrap());
    h.keys(&[ch('c')]);
    assert_eq!((step(&h), index(&h)), (Some(Step::Walk), 0));
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("no check-in")
    };
    assert_eq!(
        st.form.text(okr::app::form::FieldId::Value),
        "65",
        "the later update is what the step starts from"
    );
    h.type_text("70");
    h.keys(&[code(KeyCode::Enter), code(KeyCode::Esc)]);
    let file = h.file();
    let k = &file.objectives[0].key_results[0];
    assert_eq!(k.measure.current(), 70.0);
    assert_eq!(
        history(&h),
        [earlier, &[60.0, 65.0, 70.0]].concat(),
        "the update's entry is kept, and the check-in adds one entry"
    );
    let week = IsoWeek::of(today());
    let c = file.checkins.iter().find(|c| c.week == week).unwrap();
    assert_eq!(c.entries[0].value, 70.0);
}

#[test]
fn redoing_a_weeks_checkin_replaces_its_history_entry() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let before = h.app.data().objectives[0].key_results[0].history.len();
    h.keys(&[ch('c')]);
    while step(&h) == Some(Step::Walk) {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.type_text("En vinst");
    h.keys(&[ctrl('s'), ch('s'), code(KeyCode::Enter)]);
    // The whole week again, with a new first value.
    h.keys(&[ch('c')]);
    h.type_text("61");
    h.keys(&[code(KeyCode::Enter), code(KeyCode::Esc)]);
    let file = h.file();
    let k = &file.objectives[0].key_results[0];
    // The example's value of today and the check-in's are one entry.
    assert_eq!(k.history.len(), before, "one entry per check-in and day");
    assert_eq!(k.history.last().unwrap().value, 61.0);
}

#[test]
fn q_on_the_summary_asks_first_while_a_save_is_failing() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('c')]);
    while step(&h) == Some(Step::Walk) {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.keys(&[ctrl('s'), ch('s')]);
    assert_eq!(step(&h), Some(Step::Summary));
    h.app.on_save(SaveReport::Failed {
        file: h.path.display().to_string(),
        reason: IoReason::Full,
    });
    h.keys(&[ch('q')]);
    assert!(!h.app.should_quit(), "the first q only asks");
    h.keys(&[ch('q')]);
    assert!(h.app.should_quit());
}

#[test]
fn esc_in_a_step_keeps_a_changed_value_and_asks_again_for_a_bad_one() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let first_kr = |h: &Harness| h.app.data().objectives[0].key_results[0].clone();
    let before = first_kr(&h);
    // Esc straight away: nothing typed, nothing written.
    h.keys(&[ch('c'), code(ESC)]);
    assert_eq!(step(&h), None);
    assert!(
        h.app.this_weeks_checkin().is_none(),
        "no entry for an untouched step"
    );
    // A value typed, then Esc: it is saved, as the footer says.
    h.keys(&[ch('c')]);
    h.type_text("61");
    h.keys(&[code(ESC)]);
    assert_eq!(step(&h), None, "Esc left the check-in");
    assert_eq!(first_kr(&h).measure.current(), 61.0);
    // The day's entry (the example has one today) now holds the step's value.
    assert_eq!(first_kr(&h).history.len(), before.history.len());
    assert_eq!(first_kr(&h).history.last().map(|e| e.value), Some(61.0));
    let file = h.file();
    let entry = &file.checkins.last().unwrap().entries[0];
    assert_eq!((entry.key_result.as_str(), entry.value), ("kr1", 61.0));
    // A bad value: Esc says so and stays with what was typed; a second Esc leaves without it.
    h.keys(&[ch('c')]);
    assert_eq!(index(&h), 1, "resumed at the next key result");
    h.type_text("abc");
    h.keys(&[code(ESC)]);
    assert_eq!(step(&h), Some(Step::Walk), "the bad step stays on screen");
    let message = h.app.message().unwrap().text.clone();
    assert!(
        message.contains("not saved") && message.contains("Esc"),
        "{message}"
    );
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("in the check-in")
    };
    assert_eq!(st.form.text(okr::app::form::FieldId::Value), "abc");
    assert!(
        st.form
            .field(okr::app::form::FieldId::Value)
            .unwrap()
            .error
            .is_some()
    );
    h.keys(&[code(ESC)]);
    assert_eq!(step(&h), None, "the second Esc left");
    let checkin = h.file().checkins.last().unwrap().clone();
    assert_eq!(checkin.entries.len(), 1, "the bad step was not written");
}

#[test]
fn the_summary_arrows_follow_progress_not_the_number() {
    // Lead time to cut from 10 days to 2: 6 → 4 is progress, an arrow up;
    // errors allowed at most 5: 3 → 4 still holds, no better and no worse.
    let mut data = okr::model::Data::default();
    let mut o = okr::model::Objective::new(
        "o1".into(),
        "Snabbare".into(),
        okr::model::Kind::Committed,
        okr::model::Quarter::of(today(), okr::model::FiscalYear::CALENDAR),
        okr::model::now(),
    );
    let mut lead = okr::model::KeyResult::new(
        "kr1".into(),
        "Ledtid".into(),
        okr::model::Measure::numeric(10.0, 2.0, "dagar"),
    );
    lead.measure.set_current(6.0);
    let mut errors = okr::model::KeyResult::new(
        "kr2".into(),
        "Fel".into(),
        okr::model::Measure::at_most(5.0, 3.0, ""),
    );
    errors.measure.set_current(3.0);
    o.key_results = vec![lead, errors];
    data.objectives.push(o.into());
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('c')]);
    for value in ["4", "4"] {
        for _ in 0..4 {
            h.keys(&[code(KeyCode::Backspace)]);
        }
        h.type_text(value);
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.keys(&[ctrl('s'), ch('s')]);
    assert_eq!(step(&h), Some(Step::Summary));
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("↑ Ledtid: 6 → 4"), "{text}");
    assert!(text.contains("→ Fel: 3 → 4"), "{text}");
}
