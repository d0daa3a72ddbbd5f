//! The quarter review over a temporary store: scores, statuses, retro and
//! carrying over, checked in the file; the overview of all quarters.

use crate::support::app::*;
use okr::app::{Modal, Screen};
use okr::model::{Data, Initiative, KeyResult, Kind, Lang, Measure, Objective, Quarter, Status};
use ratatui::crossterm::event::KeyCode;

const Q3: Quarter = Quarter { year: 2026, q: 3 };
const Q4: Quarter = Quarter { year: 2026, q: 4 };

/// A finished quarter: a committed Mål that made it and an aspirational one that did not.
fn finished_quarter() -> Data {
    let now = chrono::DateTime::parse_from_rfc3339("2026-07-01T08:00:00Z")
        .unwrap()
        .to_utc();
    let mut data = Data::default();
    let mut a = Objective::new(
        "o1".into(),
        "Gör våra kunder glada".into(),
        Kind::Committed,
        Q3,
        now,
    );
    let mut k = KeyResult::new(
        "kr1".into(),
        "Intervjua 20 kunder".into(),
        Measure::numeric(0.0, 20.0, ""),
    );
    k.measure.set_current(20.0);
    a.key_results.push(k);
    let mut b = Objective::new(
        "o2".into(),
        "Bli självförsörjande på el i Hjulsjö".into(),
        Kind::Aspirational,
        Q3,
        now,
    );
    let mut k2 = KeyResult::new(
        "kr2".into(),
        "Producera 8000 kWh".into(),
        Measure::numeric(0.0, 8000.0, "kWh"),
    );
    k2.measure.set_current(3000.0);
    let k3 = KeyResult::new("kr3".into(), "Plan klar".into(), Measure::done(false));
    b.key_results = vec![k2, k3];
    let mut done = Initiative::new("u1".into(), "Offert på paneler".into());
    done.done = Some(crate::support::date(2026, 8, 1));
    b.initiatives = vec![done, Initiative::new("u2".into(), "Beställ batteri".into())];
    data.objectives = vec![a.into(), b.into()];
    data
}

#[test]
fn a_whole_review_scores_retros_and_carries() {
    let mut h = Harness::new(Some(finished_quarter()), Lang::En);
    h.app.start_review(Q3);
    assert!(matches!(h.app.screen(), Screen::Review(_)));

    // First Mål: the suggested score (1) is prefilled; mark it achieved, write a retro line.
    h.keys(&[code(KeyCode::Enter)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("no review form")
    };
    assert_eq!(f.text(okr::app::form::FieldId::Score), "1");
    h.keys(&[code(KeyCode::Tab), code(KeyCode::Right), code(KeyCode::Tab)]);
    h.type_text("Intervjuerna gav mycket");
    h.keys(&[ctrl('s')]);
    assert!(h.app.modal().is_none());
    let file = h.file();
    let o1 = &file.objectives[0];
    assert_eq!((o1.score, o1.status), (Some(1.0), Status::Achieved));
    assert_eq!(o1.retro.went_well, "Intervjuerna gav mycket");

    // Second Mål: aspirational below 1.0 is proposed for carrying by default.
    h.keys(&[ch('j'), code(KeyCode::Enter)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("no review form")
    };
    assert_eq!(
        f.chosen(okr::app::form::FieldId::Status),
        3,
        "carry over is proposed"
    );
    h.type_text("0,4");
    h.keys(&[code(KeyCode::Tab), code(KeyCode::Tab), code(KeyCode::Tab)]);
    h.type_text("Batteriet dröjde");
    h.keys(&[ctrl('s')]);
    // The carry dialog: leave out the done/not-done key result.
    let Some(Modal::Carry(c)) = h.app.modal() else {
        panic!("no carry dialog")
    };
    assert_eq!(c.picks.len(), 2);
    h.keys(&[ch('j'), ch(' '), code(KeyCode::Enter)]);
    assert!(h.app.modal().is_none());

    let file = h.file();
    let o2 = &file.objectives[1];
    assert_eq!((o2.score, o2.status), (Some(0.4), Status::CarriedOver));
    assert_eq!(o2.retro.to_change, "Batteriet dröjde");
    let copy: Vec<_> = file.objectives.iter().filter(|o| o.quarter == Q4).collect();
    assert_eq!(copy.len(), 1);
    let copy = copy[0];
    assert_eq!(copy.carried_from.as_deref(), Some("o2"));
    assert_eq!(copy.status, Status::Active);
    assert_eq!(copy.key_results.len(), 1);
    match &copy.key_results[0].measure {
        Measure::Numeric(n) => assert_eq!((n.start, n.current, n.target), (3000.0, 3000.0, 8000.0)),
        m => panic!("{m:?}"),
    }
    assert_eq!(
        copy.initiatives
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        ["Beställ batteri"]
    );

    // Carrying again never makes a second copy.
    h.keys(&[code(KeyCode::Enter), ctrl('s')]);
    assert!(h.app.message().unwrap().text.contains("Already carried"));
    assert_eq!(
        h.file()
            .objectives
            .iter()
            .filter(|o| o.quarter == Q4)
            .count(),
        1
    );

    // n: plan the next quarter, with the focus checklist.
    h.keys(&[ch('n')]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(h.app.quarter(), Q4);
    assert!(h.app.planning());
}

#[test]
fn a_score_outside_0_to_1_is_refused_with_the_form_kept() {
    let mut h = Harness::new(Some(finished_quarter()), Lang::Sv);
    h.app.start_review(Q3);
    h.keys(&[code(KeyCode::Enter)]);
    h.type_text("1,5");
    h.keys(&[code(KeyCode::Enter)]);
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("form closed")
    };
    assert!(
        f.field(okr::app::form::FieldId::Score)
            .unwrap()
            .error
            .is_some()
    );
    assert_eq!(f.text(okr::app::form::FieldId::Score), "1,5");
    assert_eq!(h.file().objectives[0].score, None);
    h.keys(&[code(KeyCode::Esc)]);
    h.keys(&[code(KeyCode::Enter)]);
    h.type_text("abc");
    h.keys(&[code(KeyCode::Enter)]);
    assert!(matches!(h.app.modal(), Some(Modal::Form(_))));
}

#[test]
fn the_overview_lists_quarters_newest_first_and_opens_one() {
    let mut data = finished_quarter();
    data.objective_mut(0).unwrap().score = Some(1.0);
    data.objective_mut(1).unwrap().score = Some(0.4);
    let demo = demo();
    data.objectives.extend(demo.objectives.into_iter().map(|o| {
        let mut o = (*o).clone();
        o.id = format!("d{}", o.id);
        for k in &mut o.key_results {
            k.id = format!("d{}", k.id);
        }
        // Ids are unique in a file, and links follow them.
        for i in &mut o.initiatives {
            i.id = format!("d{}", i.id);
            i.key_result = i.key_result.take().map(|k| format!("d{k}"));
        }
        o.into()
    }));
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('o')]);
    assert!(matches!(h.app.screen(), Screen::Overview { .. }));
    assert_eq!(h.app.overview_quarters(), [Q4, Q3]);
    let f = okr::model::overview::quarter_facts(h.app.data(), Q3, today());
    assert_eq!(f.objectives, 2);
    assert_eq!(f.score, Some(0.7));
    assert_eq!(f.committed, (1, 1));
    h.keys(&[ch('j'), code(KeyCode::Enter)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(h.app.quarter(), Q3);
}

#[test]
fn undo_takes_back_a_carry() {
    let mut h = Harness::new(Some(finished_quarter()), Lang::En);
    h.app.start_review(Q3);
    h.keys(&[
        ch('j'),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
    ]);
    assert_eq!(h.file().objectives.len(), 3);
    h.keys(&[ch('u')]);
    let file = h.file();
    assert_eq!(file.objectives.len(), 2);
    // The review form's save is its own step: the score stays; "carried
    // over" went with the carry.
    assert_eq!(file.objectives[1].status, Status::Active);
    assert!(file.objectives[1].score.is_some());
    h.keys(&[ch('u')]);
    assert_eq!(h.file().objectives[1].status, Status::Active);
}

#[test]
fn esc_in_the_carry_dialog_carries_nothing_and_marks_nothing() {
    let mut h = Harness::new(Some(finished_quarter()), Lang::En);
    h.app.start_review(Q3);
    h.keys(&[ch('j'), code(KeyCode::Enter)]);
    h.type_text("0,3");
    h.keys(&[ctrl('s')]);
    assert!(matches!(h.app.modal(), Some(Modal::Carry(_))));
    h.keys(&[code(KeyCode::Esc)]);
    let file = h.file();
    assert_eq!(file.objectives.len(), 2, "no copy");
    assert_eq!(
        file.objectives[1].status,
        Status::Active,
        "not marked carried over"
    );
    assert_eq!(file.objectives[1].score, Some(0.3), "the score is kept");
}

#[test]
fn the_overview_shows_the_pulse_per_quarter_with_its_label() {
    let mut data = finished_quarter();
    let mut c = okr::model::CheckIn::new(crate::support::date(2026, 8, 3));
    c.pulse = Some(okr::model::Pulse {
        structure: 4,
        safety: 5,
        meaning: 3,
        dependability: 4,
        impact: 2,
        extra: Default::default(),
    });
    data.checkins.push(c.into());
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('o')]);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let text: Vec<String> = (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    let head = text
        .iter()
        .position(|l| l.contains("Team pulse per quarter"))
        .expect("a pulse trend");
    assert!(text[head + 1].contains("2026 Q3"), "{}", text.join("\n"));
    assert!(
        text[head + 3].contains("Psychological safety") && text[head + 3].contains('5'),
        "{}",
        text.join("\n")
    );
}

#[test]
fn carrying_a_child_then_its_parent_keeps_the_tree_and_the_old_numbers() {
    // o1 is the parent of o2; neither reached its goal, both aspirational.
    let mut data = finished_quarter();
    let o1 = data.objective_mut(0).unwrap();
    o1.kind = Kind::Aspirational;
    o1.key_results[0].measure.set_current(10.0);
    data.objective_mut(1).unwrap().parent = Some("o1".into());
    let mut h = Harness::new(Some(data), Lang::En);
    let q3_numbers = |h: &Harness| {
        let all: Vec<&Objective> = h.app.data().in_quarter(Q3).map(|(_, o)| o).collect();
        let n = h.app.numbers(Q3);
        let each: Vec<_> = all.iter().map(|o| n.get(o).progress).collect();
        (each, n.mean(all.iter().copied()))
    };
    let closed = q3_numbers(&h);
    h.app.start_review(Q3);
    // The child first, then the parent: review form, save, carry.
    let carry = [
        code(KeyCode::Enter),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
    ];
    h.keys(&[ch('j')]);
    h.keys(&carry);
    h.keys(&[ch('k')]);
    h.keys(&carry);
    let file = h.file();
    let copy = |id: &str| {
        file.objectives
            .iter()
            .find(|o| o.carried_from.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id} was not carried"))
            .clone()
    };
    let (parent, child) = (copy("o1"), copy("o2"));
    assert_eq!((parent.quarter, child.quarter), (Q4, Q4));
    assert_eq!(child.parent.as_deref(), Some(parent.id.as_str()));
    assert_eq!(
        q3_numbers(&h),
        closed,
        "the closed quarter keeps its numbers"
    );
    // The next quarter draws the tree: the child under the parent's copy.
    h.app.set_filter(okr::model::owners::OwnerFilter::Everyone);
    h.keys(&[code(KeyCode::Esc), ch(']')]);
    let i = h.app.data().objective_index(&child.id).unwrap();
    assert_eq!(h.app.tree_row(i).map(|r| r.depth), Some(1));
    // One undo takes back the parent's carry and the move with it.
    h.keys(&[ch('u')]);
    let file = h.file();
    let child = file.objectives.iter().find(|o| o.id == child.id).unwrap();
    assert_eq!(child.parent.as_deref(), Some("o1"));
    assert!(file.objectives.iter().all(|o| o.id != parent.id));
}
