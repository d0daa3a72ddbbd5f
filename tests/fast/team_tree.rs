//! Alignment as a tree: children under their parent in the quarter view,
//! folding, a parent without key results taking its children's mean, adding
//! an aligned Mål with one key, what a Mål serves and what serves it, and
//! parents in another quarter of the same year.

use crate::support::app::*;
use crate::support::screen::{draws_at_every_size, render};
use crate::support::team::{listed_ids, tree_demo};
use okr::app::{Modal, Screen};
use okr::model::Lang;
use ratatui::crossterm::event::KeyCode;

fn line_of<'a>(text: &'a str, title: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no {title:?} in:\n{text}"))
}

/// How far a row is indented: the cells before its first mark or letter.
fn title_at(text: &str, title: &str) -> usize {
    line_of(text, title)
        .chars()
        .take_while(|c| matches!(c, ' ' | '│' | '▸'))
        .count()
}

#[test]
fn children_are_drawn_under_their_parent() {
    for lang in [Lang::En, Lang::Sv] {
        let h = Harness::new(Some(tree_demo()), lang);
        // At the top in file order: o5 (its parent is in Q1), then o7.
        assert_eq!(listed_ids(&h), ["o5", "o7", "o1", "o2", "o3", "o4"]);
        let text = render(&h.app, 140, 60);
        let root = title_at(&text, "Växa som team");
        let one = title_at(&text, "Expandera globalt");
        let two = title_at(&text, "Gör våra kunder glada");
        let three = title_at(&text, "Bli självförsörjande");
        assert!(root < one && one < two && two < three, "{text}");
        assert_eq!(title_at(&text, "Gör våra medarbetare glada"), two);
        assert!(line_of(&text, "Växa som team").contains('▾'), "{text}");
        assert_eq!(title_at(&text, "Spara ihop"), root, "{text}");
        draws_at_every_size(&h.app, "tree");
    }
}

#[test]
fn j_and_k_move_through_the_tree_in_its_order() {
    let mut h = Harness::new(Some(tree_demo()), Lang::En);
    h.open_detail_of(4);
    let Screen::Detail { objective } = h.app.screen() else {
        panic!("the detail opened");
    };
    assert_eq!(objective, "o3");
}

#[test]
fn space_folds_and_unfolds_the_mal_under_the_selected_one() {
    for lang in [Lang::En, Lang::Sv] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        h.select_objective(2);
        h.keys(&[code(KeyCode::Char(' '))]);
        assert_eq!(listed_ids(&h), ["o5", "o7", "o1"]);
        let text = render(&h.app, 140, 50);
        // Two Mål under it and one under those: three hidden, all counted.
        assert!(
            line_of(&text, "Expandera globalt").contains("▹ (+3)"),
            "{text}"
        );
        assert!(!text.contains("Bli självförsörjande"), "{text}");
        assert_eq!(h.app.sel_objective(), 2, "the folded Mål stays selected");
        draws_at_every_size(&h.app, "folded");
        // Folding the top one hides all under it; moving goes past them.
        h.keys(&[ch('k'), code(KeyCode::Char(' '))]);
        assert_eq!(listed_ids(&h), ["o5", "o7"]);
        h.keys(&[ch('k'), ch('j'), code(ENTER)]);
        assert!(matches!(h.app.screen(), Screen::Detail { objective } if objective == "o7"));
        h.keys(&[code(ESC), code(KeyCode::Char(' '))]);
        assert_eq!(listed_ids(&h), ["o5", "o7", "o1"], "o1 is still folded");
        h.keys(&[ch('j'), code(KeyCode::Char(' '))]);
        assert_eq!(listed_ids(&h).len(), 6, "unfolded again");
        // A Mål with nothing under it does not fold.
        h.keys(&[ch('k'), ch('k'), code(KeyCode::Char(' '))]);
        assert_eq!(listed_ids(&h).len(), 6);
    }
}

#[test]
fn a_parent_without_key_results_takes_the_mean_of_its_children_and_says_so() {
    for (lang, says) in [
        (Lang::En, "mean of the 1 objective under it"),
        (Lang::Sv, "snitt av 1 mål som stödjer det"),
    ] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        let figures = |h: &Harness, id: &str| {
            let o = h.app.data().objectives[h.app.data().objective_index(id).unwrap()].clone();
            h.app.figures(&o)
        };
        let o1 = figures(&h, "o1").progress.unwrap();
        let rolled = figures(&h, "o7");
        assert_eq!((rolled.progress, rolled.from_children), (Some(o1), 1));
        assert!(o1 > 0.0);
        let text = render(&h.app, 160, 60);
        let pct = h.app.strings().percent(o1);
        let bar = text
            .lines()
            .skip_while(|l| !l.contains("Växa som team"))
            .nth(1)
            .unwrap();
        assert!(bar.contains(&pct) && bar.contains(says), "{bar}");
        // A parent in another quarter of the year: o6 in Q1 is served by
        // o5 of Q4, but a quarter's numbers are its own: o6 has none, and
        // (Q1 has ended) did not reach its goal.
        h.keys(&[ch('['), ch('['), ch('[')]);
        let text = render(&h.app, 160, 40);
        let o6 = figures(&h, "o6");
        assert_eq!((o6.progress, o6.succeeded), (None, Some(false)));
        let bar = text
            .lines()
            .skip_while(|l| !l.contains("▸ Årets mål"))
            .nth(1)
            .unwrap();
        let nothing = h.app.strings().nothing();
        assert!(bar.contains(nothing) && !bar.contains(says), "{text}");
        draws_at_every_size(&h.app, "Q1");
    }
}

#[test]
fn capital_a_adds_a_mal_aligned_under_the_selected_one() {
    for (lang, under) in [
        (Lang::En, "under Gör våra kunder glada"),
        (Lang::Sv, "under Gör våra kunder glada"),
    ] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        h.select_objective(3);
        h.keys(&[ch('A')]);
        let text = render(&h.app, 140, 40);
        assert!(text.contains(under), "{text}");
        draws_at_every_size(&h.app, "aligned form");
        h.type_text("Svara alla kunder inom en dag");
        h.keys(&[code(ENTER)]);
        assert!(h.app.modal().is_none(), "saved");
        let file = h.file();
        let new = file
            .objectives
            .iter()
            .find(|o| o.title.starts_with("Svara"))
            .unwrap();
        assert_eq!(new.parent.as_deref(), Some("o2"));
        assert_eq!(listed_ids(&h)[4], new.id, "right under o2");
        assert_eq!(
            h.app.tree_row(h.app.quarter_objectives()[4]).unwrap().depth,
            3
        );
        assert_eq!(h.app.sel_objective(), 4, "the new Mål is selected");
    }
}

#[test]
fn adding_under_a_folded_mal_unfolds_it() {
    let mut h = Harness::new(Some(tree_demo()), Lang::En);
    h.select_objective(2);
    h.keys(&[code(KeyCode::Char(' ')), ch('A')]);
    h.type_text("Ny");
    h.keys(&[code(ENTER)]);
    assert_eq!(listed_ids(&h).len(), 7);
}

#[test]
fn the_detail_lists_what_a_mal_serves_and_what_serves_it() {
    for (lang, serves, served) in [
        (Lang::En, "Serves: ", "Served by: "),
        (Lang::Sv, "Stödjer: ", "Stöds av: "),
    ] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        h.open_detail_of(4);
        let text = render(&h.app, 200, 50);
        let up = line_of(&text, serves);
        let o1 = h.app.data().objectives[0].clone();
        let p1 = h.app.strings().percent_of(h.app.figures(&o1).progress);
        assert!(up.contains(&format!("o1 Expandera globalt ({p1})")), "{up}");
        assert!(up.contains("→ o7 Växa som team"), "{up}");
        let down = line_of(&text, served);
        assert!(
            down.contains("o4 Bli självförsörjande på el i Hjulsjö ("),
            "{down}"
        );
        draws_at_every_size(&h.app, "detail");
        // o5 serves a Mål of Q1: its quarter is said.
        let mut h = Harness::new(Some(tree_demo()), lang);
        h.open_detail_of(0);
        let text = render(&h.app, 200, 50);
        assert!(line_of(&text, serves).contains("2026 Q1"), "{text}");
    }
}

#[test]
fn a_parent_is_in_the_same_year() {
    for (lang, words) in [(Lang::En, "same year"), (Lang::Sv, "samma år")] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        // The first Mål, o5: its parent field (title, why, kind, owner, parent).
        h.select_objective(0);
        h.keys(&[
            ch('e'),
            code(TAB),
            code(TAB),
            code(TAB),
            code(TAB),
            ctrl('u'),
        ]);
        h.type_text("o8");
        h.keys(&[code(ENTER)]);
        let Some(Modal::Form(f)) = h.app.modal() else {
            panic!("the form stays open");
        };
        assert!(f.has_errors());
        assert!(render(&h.app, 140, 40).contains(words));
        // Another quarter of the same year is fine.
        h.keys(&[ctrl('u')]);
        h.type_text("o6");
        h.keys(&[code(ENTER)]);
        assert!(h.app.modal().is_none());
    }
}

#[test]
fn a_changed_parent_moves_the_mal_in_the_tree_and_a_new_value_leaves_it() {
    use okr::app::history::Patch;
    use std::sync::Arc;
    let mut h = Harness::new(Some(tree_demo()), Lang::En);
    let before = listed_ids(&h);
    let at = |h: &Harness, id: &str| h.app.data().objective_index(id).unwrap();
    // A new value of a key result: the same tree.
    let i = at(&h, "o3");
    let old = Arc::clone(&h.app.data().objectives[i]);
    let mut new = (*old).clone();
    if let Some(k) = new.key_results.first_mut() {
        k.weight += 1.0;
    }
    assert!(h.app.commit(Patch::Objective {
        index: i,
        before: Some(Arc::clone(&old)),
        after: Some(Arc::new(new)),
    }));
    assert_eq!(listed_ids(&h), before);
    // o3 (under o1) made a top-level Mål: it leaves o1's branch.
    let old = Arc::clone(&h.app.data().objectives[i]);
    let mut new = (*old).clone();
    new.parent = None;
    assert!(h.app.commit(Patch::Objective {
        index: i,
        before: Some(old),
        after: Some(Arc::new(new)),
    }));
    let after = listed_ids(&h);
    assert_ne!(after, before);
    let place = |ids: &[String], id: &str| ids.iter().position(|x| x == id).unwrap();
    assert!(place(&after, "o3") < place(&after, "o1"), "{after:?}");
    // Undone: back under its parent.
    h.keys(&[ch('u')]);
    assert_eq!(listed_ids(&h), before);
}

/// The Mål of the check-in's walk, in the order it walks their key results.
fn walked(h: &Harness) -> Vec<String> {
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in opened");
    };
    let mut out: Vec<String> = Vec::new();
    for (o, _) in &st.items {
        if out.last() != Some(o) {
            out.push(o.clone());
        }
    }
    out
}

#[test]
fn the_check_in_walks_in_the_order_on_screen_folded_mal_too() {
    let mut h = Harness::new(Some(tree_demo()), Lang::En);
    // o7 has no key results; the rest in the tree's order, not the file's.
    h.keys(&[ch('c')]);
    assert_eq!(walked(&h), ["o5", "o1", "o2", "o3", "o4"]);
    // Folding hides Mål on screen only: the walk still goes through them.
    h.keys(&[code(ESC)]);
    h.select_objective(2);
    h.keys(&[code(KeyCode::Char(' ')), ch('c')]);
    assert_eq!(listed_ids(&h), ["o5", "o7", "o1"]);
    assert_eq!(walked(&h), ["o5", "o1", "o2", "o3", "o4"]);
    // The key results of each Mål in their own order, as the screen lists them.
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in opened");
    };
    let o5 = &h.app.data().objectives[h.app.data().objective_index("o5").unwrap()];
    let first: Vec<&str> = st.items.iter().take(2).map(|(_, k)| k.as_str()).collect();
    let own: Vec<&str> = o5.key_results.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(first, own);
}

#[test]
fn with_owners_my_check_in_walks_my_mal_in_the_order_on_screen() {
    let mut data = tree_demo();
    for (id, who) in [
        ("o1", "Anna"),
        ("o2", "Bo"),
        ("o3", "Anna"),
        ("o4", "Anna"),
        ("o5", "Anna"),
        ("o7", "Bo"),
    ] {
        let i = data.objective_index(id).unwrap();
        data.objective_mut(i).unwrap().owner = Some(who.into());
    }
    let mut h = Harness::new(Some(data), Lang::En);
    h.app.set_me(Some("Anna".into()));
    h.keys(&[ch('c')]);
    assert_eq!(walked(&h), ["o5", "o1", "o3", "o4"]);
}

/// The id of the Mål selected in the quarter view.
fn selected(h: &Harness) -> String {
    h.app.objective().unwrap().id.clone()
}

/// The selected Mål's parent field set to `parent` in its form, saved.
fn set_parent(h: &mut Harness, parent: &str) {
    // Title, why, kind, owner, parent.
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
    assert!(h.app.modal().is_none(), "saved");
}

#[test]
fn a_new_parent_moves_the_mal_and_the_selection_goes_with_it() {
    for lang in [Lang::En, Lang::Sv] {
        let mut h = Harness::new(Some(tree_demo()), lang);
        // o5 at the top, its second key result selected; under o3 now.
        h.focus_key_results();
        h.keys(&[ch('j'), code(ESC)]);
        set_parent(&mut h, "o3");
        assert_eq!(listed_ids(&h), ["o7", "o1", "o2", "o3", "o4", "o5"]);
        assert_eq!((h.app.sel_objective(), selected(&h)), (5, "o5".to_string()));
        assert_eq!(h.app.sel_key_result(), 1, "its key result stays selected");
        let text = render(&h.app, 140, 40);
        assert!(line_of(&text, "Spara ihop").contains('▸'), "{text}");
        // Undone it goes back to the top, and the selection with it; redone, down again.
        h.keys(&[ch('u')]);
        assert_eq!(listed_ids(&h)[0], "o5");
        assert_eq!((h.app.sel_objective(), selected(&h)), (0, "o5".to_string()));
        h.keys(&[ctrl('r')]);
        assert_eq!((h.app.sel_objective(), selected(&h)), (5, "o5".to_string()));
    }
}

#[test]
fn a_mal_moved_under_a_folded_one_is_shown_and_stays_selected() {
    let mut h = Harness::new(Some(tree_demo()), Lang::En);
    // o3 folded (o4 hidden), then o5 given o3 as its parent.
    h.select_objective(4);
    h.keys(&[code(KeyCode::Char(' '))]);
    assert_eq!(listed_ids(&h), ["o5", "o7", "o1", "o2", "o3"]);
    h.keys(&[ch('k'), ch('k'), ch('k'), ch('k')]);
    assert_eq!(selected(&h), "o5");
    set_parent(&mut h, "o3");
    assert_eq!(listed_ids(&h), ["o7", "o1", "o2", "o3", "o4", "o5"]);
    assert_eq!(selected(&h), "o5");
}
