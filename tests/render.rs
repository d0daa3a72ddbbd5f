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

/// Each state worth drawing, reached by keys from the demo (or an empty store).
fn states(lang: Lang) -> Vec<(&'static str, Harness)> {
    let mut out = Vec::new();
    let h = Harness::new(Some(demo()), lang);
    out.push(("quarter", h));
    out.push(("empty", Harness::new(None, lang)));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[code(KeyCode::Tab)]);
    out.push(("quarter_key_results", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[code(KeyCode::Enter)]);
    out.push(("detail", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[
        ch('j'),
        ch('j'),
        ch('j'),
        ch('j'),
        code(KeyCode::Enter),
        code(KeyCode::Tab),
    ]);
    out.push(("detail_initiatives", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('a')]);
    h.type_text("Bli bäst på OKR");
    out.push(("form_objective", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[
        code(KeyCode::Tab),
        ch('a'),
        code(KeyCode::Tab),
        code(KeyCode::Tab),
        code(KeyCode::Tab),
    ]);
    h.type_text("tolv");
    h.keys(&[code(KeyCode::Enter)]);
    out.push(("form_key_result_errors", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[code(KeyCode::Tab), ch('v')]);
    out.push(("form_value", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('d')]);
    out.push(("confirm_delete", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('?')]);
    out.push(("help", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[code(KeyCode::Enter), code(KeyCode::Tab), ch('?')]);
    out.push(("help_detail", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('c')]);
    out.push(("checkin_walk", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('c')]);
    for _ in 0..12 {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.type_text("Två nya kunder");
    out.push(("checkin_reflect", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('c')]);
    for _ in 0..12 {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.keys(&[ctrl('s'), ch('4'), ch('2')]);
    out.push(("checkin_pulse", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('c')]);
    h.type_text("70");
    for _ in 0..12 {
        h.keys(&[code(KeyCode::Enter)]);
    }
    h.keys(&[ctrl('s'), ch('s')]);
    out.push(("checkin_summary", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('r')]);
    out.push(("review", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('r'), ch('j'), ch('j'), ch('j'), code(KeyCode::Enter)]);
    out.push(("review_form", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[
        ch('r'),
        ch('j'),
        ch('j'),
        ch('j'),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
    ]);
    out.push(("carry", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[
        ch('r'),
        ch('j'),
        ch('j'),
        ch('j'),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
        code(KeyCode::Enter),
    ]);
    h.keys(&[ch('o')]);
    out.push(("overview", h));
    let mut h = Harness::new(Some(demo()), lang);
    h.keys(&[ch('r'), ch('n')]);
    out.push(("planning", h));
    out
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
    assert!(text.contains("? help"), "{text}");
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
