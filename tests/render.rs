//! Render tests: every screen and modal at sizes from 1×1 up, and text
//! snapshots of the main screens at 80×24 in Swedish and English.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use okr::app::App;
use okr::model::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use support::app::*;

const SIZES: [(u16, u16); 6] = [(1, 1), (10, 3), (40, 12), (39, 30), (80, 24), (200, 60)];

fn render(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| okr::ui::draw(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Each state worth drawing, reached by named steps from the example data
/// (or an empty store).
fn states(lang: Lang) -> Vec<(&'static str, Harness)> {
    let at = |steps: &dyn Fn(&mut Harness)| {
        let mut h = Harness::new(Some(demo()), lang);
        steps(&mut h);
        h
    };
    vec![
        ("quarter", at(&|_| {})),
        ("empty", Harness::new(None, lang)),
        ("quarter_key_results", at(&|h| h.focus_key_results())),
        ("detail", at(&|h| h.open_detail_of(0))),
        // The fifth Mål has Uppgifter.
        ("detail_initiatives", at(&|h| h.open_initiatives_of(4))),
        (
            "form_objective",
            at(&|h| {
                h.keys(&[ch('a')]);
                h.type_text("Bli bäst på OKR");
            }),
        ),
        (
            "form_key_result_errors",
            at(&|h| {
                h.focus_key_results();
                h.keys(&[
                    ch('a'),
                    code(KeyCode::Tab),
                    code(KeyCode::Tab),
                    code(KeyCode::Tab),
                ]);
                h.type_text("tolv");
                h.keys(&[code(KeyCode::Enter)]);
            }),
        ),
        (
            "form_value",
            at(&|h| {
                h.focus_key_results();
                h.keys(&[ch('v')]);
            }),
        ),
        ("confirm_delete", at(&|h| h.keys(&[ch('d')]))),
        ("help", at(&|h| h.keys(&[ch('?')]))),
        (
            "help_detail",
            at(&|h| {
                h.open_initiatives_of(0);
                h.keys(&[ch('?')]);
            }),
        ),
        ("checkin_walk", at(&|h| h.walk_to(0))),
        (
            "checkin_reflect",
            at(&|h| {
                h.walk_to_reflection();
                h.type_text("Två nya kunder");
            }),
        ),
        (
            "checkin_pulse",
            at(&|h| {
                h.walk_to_pulse();
                h.keys(&[ch('4'), ch('2')]);
            }),
        ),
        (
            "checkin_summary",
            at(&|h| {
                // The first key result moves, so the summary has something to show.
                h.keys(&[ch('c')]);
                h.type_text("70");
                h.keys(&[code(KeyCode::Esc)]);
                h.walk_to_summary();
            }),
        ),
        ("review", at(&|h| h.keys(&[ch('r')]))),
        // The fourth Mål is aspirational and below its target: carrying is proposed.
        ("review_form", at(&|h| h.open_review_form_of(3))),
        ("carry", at(&|h| h.open_carry_dialog_of(3))),
        (
            "overview",
            at(&|h| {
                h.open_carry_dialog_of(3);
                h.keys(&[code(KeyCode::Enter), ch('o')]);
            }),
        ),
        ("planning", at(&|h| h.keys(&[ch('r'), ch('n')]))),
        (
            "key_result_view",
            at(&|h| {
                h.record_note_on_first_key_result("70", "Två nya kunder");
                h.open_key_result_view(0);
            }),
        ),
        // The second Mål's second key result keeps a level.
        (
            "key_result_view_level",
            at(&|h| {
                h.select_objective(1);
                h.open_key_result_view(1);
            }),
        ),
        (
            "entry_form",
            at(&|h| {
                h.open_key_result_view(0);
                h.keys(&[ch('e')]);
            }),
        ),
        ("search", at(&|h| h.search_for("kund"))),
        // The fifth Mål's open Uppgift, given an owner and a day already passed.
        (
            "initiative_overdue",
            at(&|h| {
                h.open_initiatives_of(4);
                h.set_owner_and_due_of_initiative(1, "Anna", "2026-11-20");
            }),
        ),
    ]
}

#[test]
fn every_screen_draws_at_every_size_without_panic() {
    for lang in [Lang::Sv, Lang::En] {
        for (name, h) in states(lang) {
            for (w, hgt) in SIZES {
                let text = render(&h.app, w, hgt);
                assert_eq!(
                    text.lines().count(),
                    usize::from(hgt),
                    "{name} at {w}x{hgt}"
                );
            }
            // Every odd size in between too, for the layout arithmetic.
            for w in (1..=120).step_by(7) {
                for hgt in (1..=40).step_by(5) {
                    render(&h.app, w, hgt);
                }
            }
        }
    }
}

#[test]
fn below_the_smallest_size_the_screen_says_so() {
    let h = Harness::new(Some(demo()), Lang::En);
    let text = render(&h.app, 39, 30);
    assert!(text.contains("too small"), "{text}");
    let text = render(&h.app, 80, 11);
    assert!(text.contains("too small"), "{text}");
    let text = render(&h.app, 40, 12);
    assert!(!text.contains("too small"), "{text}");
}

#[test]
fn snapshots_at_80x24() {
    for (lang, tag) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
        for (name, h) in states(lang) {
            insta::assert_snapshot!(format!("{name}_{tag}"), render(&h.app, 80, 24));
        }
    }
}

#[test]
fn the_quarter_view_shows_what_the_spec_lists() {
    let h = Harness::new(Some(demo()), Lang::En);
    let text = render(&h.app, 120, 40);
    // Header: quarter, ISO week, how much has passed.
    assert!(text.contains("Quarter 2026 Q4"), "{text}");
    assert!(text.contains("2026-W48"), "{text}");
    assert!(text.contains("of the quarter has passed"), "{text}");
    // Mål with kind, a bar with a pace mark, status in a word, confidence.
    assert!(text.contains("Expandera globalt [Committed]"), "{text}");
    assert!(text.contains('┃'), "{text}");
    assert!(
        text.contains("behind pace") || text.contains("on pace"),
        "{text}"
    );
    assert!(text.contains("confidence"), "{text}");
    // Uppgifter done/total and the selected Mål's key results.
    assert!(text.contains("initiatives 1/2"), "{text}");
    assert!(text.contains("kr1 Sälj för 100 miljoner"), "{text}");
    // The check-in banner when this week has none.
    assert!(
        text.contains("This week's check-in: 12 key results waiting — press c"),
        "{text}"
    );
    // The footer comes from the key table.
    assert!(text.contains("?/F1 help"), "{text}");
}

#[test]
fn no_color_keeps_meaning_in_words() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.app.color = false;
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "a colour was used with NO_COLOR"
        );
    }
    assert!(render(&h.app, 100, 30).contains("behind pace"));
}

#[test]
fn wide_characters_in_a_narrow_field_stay_visible() {
    let mut h = Harness::new(None, Lang::En);
    h.keys(&[ch('a')]);
    h.type_text(&"漢".repeat(40));
    let text = render(&h.app, 60, 20);
    let title = text.lines().find(|l| l.contains("Title")).unwrap();
    assert!(
        title.contains('漢'),
        "the end of what is typed shows:\n{text}"
    );
}
