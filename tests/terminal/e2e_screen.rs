//! End to end in a real terminal (tmux): what the quarter view holds at
//! 60–100 columns — the footer's whole key hints, bar lines that end with
//! `…` rather than half a word, the Mål and key result panes sharing the
//! height — and the selection following a Mål given a new parent.

use std::collections::HashSet;

use crate::support::Sandbox;
use crate::support::app::demo;
use crate::support::term::Term;
use okr::model::{Data, Objective};

fn sandbox_with(data: &Data) -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.file(), okr::store::format::serialize(data).unwrap()).unwrap();
    sandbox
}

/// The screen's last line: the footer of key hints.
fn footer(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
}

/// The words of a text: what stands between blanks, ` · ` and borders.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '·' || c == '│')
        .filter(|w| !w.is_empty())
}

/// What is wrong with the quarter view at `width` columns, measured against
/// the `full` footer and the `known` words of a wide window; `None` when
/// nothing is: the footer is whole or whole hints and `…`, and every word
/// after a bar is a whole one.
fn misfit(screen: &str, width: usize, full: &str, known: &HashSet<String>) -> Option<String> {
    if screen.lines().any(|l| l.chars().count() > width) {
        return Some("a line wider than the window".into());
    }
    let shown = footer(screen);
    if shown != full {
        // Whole hints, in order, without help, then the help key and "fler".
        let Some(kept) = shown.strip_suffix("? fler").map(str::trim_end) else {
            return Some(format!(
                "a footer cut without ending with ? fler: {shown:?}"
            ));
        };
        let kept = kept.trim_end_matches('·').trim_end();
        let others: Vec<&str> = full
            .split(" · ")
            .filter(|hint| !hint.ends_with(" hjälp"))
            .collect();
        let kept: Vec<&str> = kept.split(" · ").filter(|h| !h.is_empty()).collect();
        if others.get(..kept.len()) != Some(&kept[..]) {
            return Some(format!("a key hint cut in half: {shown:?}"));
        }
    }
    let bar = |c: char| matches!(c, '█' | '░' | '┃');
    for line in screen.lines().filter(|l| l.contains(bar)) {
        let last = line.rfind(bar).unwrap_or(0);
        let tail = line[last..].trim_start_matches(bar);
        if let Some(w) = words(tail).find(|w| *w != "…" && !known.contains(*w)) {
            return Some(format!("{w:?} cut in {line:?}"));
        }
    }
    None
}

#[test]
fn in_swedish_at_60_to_100_columns_no_hint_or_word_is_cut_without_a_mark() {
    let sandbox = sandbox_with(&demo());
    let t = Term::start(&sandbox, 250, 30, &sandbox.session_command("sv"));
    let wide = t.wait_until("the quarter view and its footer", |s| {
        s.contains("▸ Expandera globalt") && footer(s).contains("?/F1 hjälp")
    });
    let full = footer(&wide).to_string();
    let known: HashSet<String> = words(&wide).map(String::from).collect();
    for width in [100, 90, 80, 72, 66, 60] {
        t.resize(width, 30);
        let screen = t.wait_until(&format!("the quarter view at {width} columns"), |s| {
            s.contains("▸ Expandera globalt")
                && misfit(s, usize::from(width), &full, &known).is_none()
        });
        // The Swedish footer does not hold every hint at these widths.
        assert!(footer(&screen).ends_with(" · ? fler"), "{screen}");
    }
    // The key result pane says the same.
    t.press("Tab");
    t.wait_until("the key results focused at 60 columns", |s| {
        s.contains("▸ kr1 Sälj") && misfit(s, 60, &full, &known).is_none()
    });
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn with_many_mal_the_key_result_pane_below_takes_only_what_it_holds() {
    let mut data = demo();
    let (quarter, now) = (data.objectives[0].quarter, data.objectives[0].created);
    for n in 10..14 {
        let title = format!("Mål nummer {n}");
        let o = Objective::new(format!("o{n}"), title, Default::default(), quarter, now);
        data.objectives.push(o.into());
    }
    let sandbox = sandbox_with(&data);
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    let screen = t.wait_until("the quarter view and its footer", |s| {
        s.contains("kr3 Öka snittförsäljning") && footer(s).ends_with("· ? more")
    });
    let rows: Vec<&str> = screen.lines().collect();
    let top = |title: &str| rows.iter().position(|l| l.contains(title)).unwrap();
    let (mal, krs) = (top("┌▶ Objectives (9)"), top("┌ Key results"));
    let end = (krs..rows.len())
        .find(|i| rows[*i].starts_with('└'))
        .unwrap();
    let listed = rows[mal..krs].iter().filter(|l| l.contains('[')).count();
    assert!(listed >= 7, "{listed} Mål listed:\n{screen}");
    let empty = rows[krs + 1..end]
        .iter()
        .filter(|l| l.trim_matches(['│', ' ']).is_empty())
        .count();
    assert!(
        empty <= 1,
        "{empty} empty rows under the key results:\n{screen}"
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_mal_given_a_new_parent_stays_selected_where_it_lands_and_after_undo() {
    let sandbox = sandbox_with(&demo());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("▸ Expandera globalt");
    // The first Mål aligned under the last one: title, why, kind, owner, parent.
    t.press("e");
    t.wait_for("Edit objective");
    for _ in 0..4 {
        t.press("Tab");
    }
    t.type_text("o5");
    t.press("Enter");
    t.wait_gone("Edit objective");
    let screen = t.wait_for("▸   Expandera globalt");
    assert!(
        screen.find("Spara ihop").unwrap() < screen.find("▸   Expandera globalt").unwrap(),
        "under its new parent:\n{screen}"
    );
    t.press("u");
    let screen = t.wait_for("▸ Expandera globalt");
    assert!(
        screen.find("▸ Expandera globalt").unwrap() < screen.find("Spara ihop").unwrap(),
        "back at the top, still selected:\n{screen}"
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
