//! Render tests of the weekly screens: the past check-ins, a week in full,
//! last week's plans beside the reflection, a missed week's walk, the banner
//! of a check-in half done and a summary with a skipped key result. Each at
//! every size from 1×1 up without a panic, and as text snapshots at 80×24 in
//! Swedish and English, drawn without colour (as `NO_COLOR` asks).

use crate::support::app::*;
use crate::support::screen::{draws_at_every_size, render};
use okr::model::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

/// Each weekly state, reached by named steps from the example data, drawn
/// without colour.
fn states(lang: Lang) -> Vec<(&'static str, Harness)> {
    let at = |steps: &dyn Fn(&mut Harness)| {
        let mut h = Harness::with_setup(Some(demo()), lang, |s| s.color = false);
        steps(&mut h);
        h
    };
    vec![
        ("past_checkins", at(&|h| h.open_past_checkins())),
        (
            "past_checkin",
            at(&|h| {
                h.walk_to_reflection_with_plans();
                h.keys(&[ctrl('d'), code(ESC)]);
                h.open_past_checkin(1);
            }),
        ),
        ("reflect_plans", at(&|h| h.walk_to_reflection_with_plans())),
        (
            "missed_week",
            at(&|h| {
                h.open_past_checkins();
                h.keys(&[ch('j'), ch('j'), ch('c')]);
            }),
        ),
        (
            "banner_partial",
            at(&|h| {
                h.walk_to(3);
                h.keys(&[code(ESC)]);
            }),
        ),
        (
            "summary_skipped",
            at(&|h| {
                h.keys(&[ch('c'), ctrl('k'), code(ESC)]);
                h.walk_to_summary();
            }),
        ),
    ]
}

#[test]
fn every_weekly_screen_draws_at_every_size() {
    for lang in [Lang::Sv, Lang::En] {
        for (name, h) in states(lang) {
            draws_at_every_size(&h.app, name);
        }
    }
}

#[test]
fn weekly_snapshots_at_80x24_without_colour() {
    for (lang, tag) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
        for (name, h) in states(lang) {
            insta::assert_snapshot!(format!("{name}_{tag}"), render(&h.app, 80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
            for cell in terminal.backend().buffer().content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name} in {lang:?}: a colour in {:?}",
                    cell.symbol()
                );
            }
        }
    }
}

#[test]
fn text_from_the_file_is_shown_neutralised_in_a_past_check_in() {
    let mut data = demo();
    let c = std::sync::Arc::make_mut(data.checkins.last_mut().unwrap());
    c.wins = "Bra\u{1b}[31m vecka\u{202e}".into();
    c.next_steps = "Ring\u{7} Bo".into();
    let mut h = Harness::new(Some(data), Lang::En);
    h.open_past_checkin(1);
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Bra"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(!text.contains('\u{202e}'), "{text}");
    assert!(!text.contains('\u{7}'), "{text}");
    h.keys(&[code(ESC), code(ESC)]);
    h.walk_to_reflection();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Ring"), "{text}");
    assert!(!text.contains('\u{7}'), "{text}");
}
