//! End to end in a real terminal (tmux), on the example data: a key result's
//! own view (its chart and legend, an entry corrected, one deleted and the
//! delete undone) and search (the matches as typed, Enter, `n` and `N`),
//! with the file checked after quitting.

use crate::support::term::Term;
use crate::support::{Sandbox, TODAY};

/// A sandbox whose data file holds the example data of the pinned day.
fn example_sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let today = TODAY.parse().unwrap();
    let bytes = okr::store::format::serialize(&okr::demo::example(today)).unwrap();
    sandbox.write(&String::from_utf8(bytes).unwrap());
    sandbox
}

#[test]
fn a_key_results_view_shows_its_chart_and_its_history_can_be_corrected() {
    let sandbox = example_sandbox();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("Expandera globalt");
    t.press("Tab");
    t.wait_for("▶ Key results");
    t.press("Enter");
    t.wait_for("Key result · kr1 Sälj för 100 miljoner");
    let screen = t.wait_for("• value  ◆ recorded  · ideal pace  ╌ at this rate  │ today");
    assert!(
        screen.contains("2026-10-01"),
        "the quarter's axis:\n{screen}"
    );
    assert!(screen.contains('◆'), "the recorded values:\n{screen}");
    assert!(
        screen.contains("╌ at this rate: 91.32 MSEK (91%) by 2026-12-31"),
        "the forecast:\n{screen}"
    );
    t.wait_for("History (8)");
    t.wait_for("▸ 2026-11-24  55 MSEK");

    // Correct today's entry: value, confidence, note.
    t.press("e");
    t.wait_for("Correct the entry");
    t.type_text("60");
    t.press("Tab");
    t.press("Tab");
    t.type_text("rättat");
    t.wait_for("rättat");
    t.press("Enter");
    t.wait_gone("Correct the entry");
    t.wait_for("▸ 2026-11-24  60 MSEK  confidence 7/10  rättat");
    t.wait_for("60 / 100 MSEK");

    // Delete last week's entry, then undo it.
    t.press("j");
    t.wait_for("▸ 2026-11-17");
    t.press("d");
    t.wait_for("Delete “2026-11-17: 48.1”?");
    t.press("y");
    t.wait_for("Deleted: 2026-11-17: 48.1 (u undoes)");
    t.wait_for("History (7)");
    t.press("u");
    t.wait_for("Undone.");
    t.wait_for("History (8)");

    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    let kr1 = crate::support::key_result(&data, "kr1");
    let history = kr1["history"].as_array().unwrap();
    assert_eq!(history.len(), 8, "the delete was undone: {kr1:#}");
    assert_eq!(history[7]["date"], TODAY);
    assert_eq!(history[7]["value"], 60.0);
    assert_eq!(history[7]["note"], "rättat");
    assert_eq!(history[6]["value"], 48.1);
    assert_eq!(kr1["measure"]["current"], 60.0);
}

#[test]
fn search_lists_matches_goes_there_and_n_goes_round() {
    let sandbox = example_sandbox();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("sv"));
    t.wait_for("Expandera globalt");
    t.press("/");
    t.wait_for("Sök");
    t.type_text("kund");
    let screen = t.wait_for("3 träffar");
    for title in [
        "Gör våra kunder glada",
        "Intervjua 20 kunder varje månad",
        "Öka kundlojalitet till 98 %",
    ] {
        assert!(screen.contains(title), "{title}:\n{screen}");
    }
    // The second match: a key result, selected in its pane.
    t.press("Down");
    t.press("Enter");
    t.wait_for("Träff 2 av 3 (n nästa, N föregående).");
    let screen = t.wait_for("▸ kr4 Intervjua 20 kunder varje månad");
    assert!(screen.contains("▶ Nyckelresultat"), "{screen}");
    t.press("n");
    t.wait_for("Träff 3 av 3");
    t.wait_for("▸ kr5 Öka kundlojalitet till 98 %");
    t.press("n");
    t.wait_for("Träff 1 av 3");
    t.wait_for("▸ Gör våra kunder glada");
    t.press("N");
    t.wait_for("Träff 3 av 3");

    // A match in a key result's view works there too; Esc leaves the search.
    t.press("Enter");
    t.wait_for("Nyckelresultat · kr5");
    t.press("N");
    t.wait_for("Träff 2 av 3");
    t.press("/");
    t.wait_for("Sök");
    t.type_text("hjulsjö");
    t.wait_for("1 träff");
    t.press("Escape");
    t.wait_gone("1 träff");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
