//! Search by keys: `/` lists the matches of every quarter as the query is
//! typed, Enter goes there (quarter, selection, pane, detail, key result
//! view), `n` / `N` go round the matches, and only a changed query searches
//! the store.

use crate::support::app::*;
use crate::support::daily::daily;
use okr::app::search::SearchState;
use okr::app::{Modal, Pane, Screen};
use okr::model::search::Found;
use okr::model::{Data, Lang, Quarter};
use ratatui::crossterm::event::KeyCode;

fn search(h: &Harness) -> &SearchState {
    match h.app.modal() {
        Some(Modal::Search(st)) => st,
        other => panic!("no search open: {other:?}"),
    }
}

fn found(h: &Harness) -> Vec<(String, Found)> {
    search(h)
        .hits
        .hits
        .iter()
        .map(|hit| (hit.objective.clone(), hit.found.clone()))
        .collect()
}

const Q3: Quarter = Quarter { year: 2026, q: 3 };
const Q4: Quarter = Quarter { year: 2026, q: 4 };

#[test]
fn matches_of_every_quarter_are_listed_as_typed_ignoring_case() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.search_for("KUND");
    let kr = |id: &str| Found::KeyResult(id.into());
    let got = found(&h);
    assert_eq!(
        got.iter().map(|(o, _)| o.as_str()).collect::<Vec<_>>(),
        ["o1", "o1", "o1", "o9", "o9", "o9"],
        "today's quarter first: {got:?}"
    );
    assert_eq!(got[0].1, Found::Objective);
    assert_eq!(got[1].1, kr("kr1"));
    assert_eq!(got[2].1, Found::Initiative("u1".into()));
    assert!(matches!(&got[5].1, Found::Note { key_result, .. } if key_result == "kr3"));
    // The list and the line being typed are on screen.
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("Search · 6 matches"), "{text}");
    assert!(text.contains("2026 Q3  Note"), "{text}");
    assert!(text.contains("workshop med kunder"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("/KUND")), "{text}");
    // More letters narrow it; Backspace widens it again.
    h.type_text("resan");
    assert_eq!(found(&h).len(), 2);
    for _ in 0..5 {
        h.keys(&[code(KeyCode::Backspace)]);
    }
    assert_eq!(found(&h).len(), 6);
    h.type_text("xyz");
    assert!(screen(&h.app, 100, 30).contains("No matches."));
    // Enter with nothing found stays and says so.
    h.keys(&[code(ENTER)]);
    assert!(matches!(h.app.modal(), Some(Modal::Search(_))));
    assert_eq!(message(&h.app), "No matches.");
}

#[test]
fn enter_goes_to_a_key_result_of_another_quarter_in_its_pane() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.search_for("kartlägg");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "the search closes");
    assert_eq!(h.app.quarter(), Q3);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(h.app.pane(), Pane::KeyResults);
    assert_eq!(h.app.objective().unwrap().id, "o9");
    assert_eq!(h.app.sel_key_result(), 0);
    assert_eq!(message(&h.app), "Match 1 of 1 (n next, N previous).");
}

#[test]
fn an_uppgift_opens_in_the_detail_and_a_note_in_its_key_results_view() {
    let mut h = Harness::new(Some(daily()), Lang::Sv);
    h.keys(&[ch('[')]);
    h.search_for("enkät");
    h.keys(&[code(ENTER)]);
    assert_eq!(h.app.quarter(), Q4);
    assert!(matches!(h.app.screen(), Screen::Detail { objective } if objective == "o1"));
    assert_eq!(
        (h.app.pane(), h.app.sel_initiative()),
        (Pane::Initiatives, 1)
    );
    // A note: the key result's view with that entry selected.
    h.search_for("första");
    h.keys(&[code(ENTER)]);
    let Screen::KeyResult(v) = h.app.screen() else {
        panic!("the key result's view: {:?}", h.app.screen())
    };
    assert_eq!(
        (v.key_result.as_str(), v.sel),
        ("kr1", 2),
        "the oldest entry"
    );
    assert!(screen(&h.app, 100, 30).contains("Anteckning: första intervjun"));
    h.keys(&[code(ESC)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    assert_eq!(h.app.objective().unwrap().id, "o1");
}

#[test]
fn arrows_choose_a_match_and_n_and_shift_n_go_round_them() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.search_for("kund");
    h.keys(&[code(KeyCode::Down), code(KeyCode::Down), code(KeyCode::Up)]);
    assert_eq!(search(&h).sel, 1);
    h.keys(&[code(ENTER)]);
    assert_eq!(h.app.pane(), Pane::KeyResults, "kr1");
    assert_eq!(message(&h.app), "Match 2 of 6 (n next, N previous).");
    h.keys(&[ch('n')]);
    assert!(matches!(h.app.screen(), Screen::Detail { .. }), "u1");
    assert_eq!(message(&h.app), "Match 3 of 6 (n next, N previous).");
    h.keys(&[ch('n')]);
    assert_eq!((h.app.quarter(), h.app.pane()), (Q3, Pane::Objectives));
    // Round the end and back.
    h.keys(&[ch('n'), ch('n'), ch('n')]);
    assert_eq!(message(&h.app), "Match 1 of 6 (n next, N previous).");
    assert_eq!((h.app.quarter(), h.app.pane()), (Q4, Pane::Objectives));
    h.keys(&[ch('N')]);
    assert!(
        matches!(h.app.screen(), Screen::KeyResult(_)),
        "the note of kr3"
    );
    assert_eq!(h.app.quarter(), Q3);
    h.keys(&[ch('N')]);
    assert_eq!(message(&h.app), "Match 5 of 6 (n next, N previous).");
}

#[test]
fn n_before_a_search_says_how_and_a_match_that_is_gone_is_passed_over() {
    let mut h = Harness::new(Some(daily()), Lang::Sv);
    h.keys(&[ch('n')]);
    assert_eq!(message(&h.app), "Ingen sökning ännu: tryck / för att söka.");
    h.search_for("norden");
    h.keys(&[code(ENTER)]);
    assert_eq!(h.app.objective().unwrap().id, "o2");
    // The only match deleted: n says none is left and nothing moves.
    h.keys(&[ch('d'), ch('y'), ch('n')]);
    assert_eq!(message(&h.app), "Ingen av träffarna finns kvar.");
    assert!(matches!(h.app.screen(), Screen::Quarter));
}

#[test]
fn esc_closes_the_search_where_it_was() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.select_objective(1);
    h.search_for("kund");
    h.keys(&[code(ESC)]);
    assert!(h.app.modal().is_none());
    assert_eq!(h.app.objective().unwrap().id, "o2", "nothing moved");
    // Letters are typed, not acted on: q does not quit, j is a letter.
    h.search_for("qj");
    assert!(!h.app.should_quit());
    assert_eq!(search(&h).input.value(), "qj");
}

#[test]
fn only_a_changed_query_searches_the_store() {
    let mut h = Harness::new(Some(daily()), Lang::En);
    h.search_for("kund");
    assert_eq!(found(&h).len(), 6);
    // The store emptied behind the search's back: what no key searches again
    // shows the matches found before.
    *h.app.data_unrecorded() = Data::default();
    h.keys(&[code(KeyCode::Down), code(KeyCode::Up), code(KeyCode::Left)]);
    assert_eq!(found(&h).len(), 6, "moving searches nothing");
    // More letters filter what was found, without the store.
    h.keys(&[code(KeyCode::End)]);
    h.type_text("er");
    assert_eq!(found(&h).len(), 4, "kunder: filtered");
    // A different query searches the (now empty) store.
    h.keys(&[
        code(KeyCode::Backspace),
        code(KeyCode::Backspace),
        code(KeyCode::Backspace),
    ]);
    assert_eq!(found(&h).len(), 0);
}
