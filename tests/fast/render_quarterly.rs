//! Render tests of the quarterly screens over a file with a carried Mål and
//! per-person check-ins: text snapshots at 80×24 without colour (as
//! `NO_COLOR` asks) in Swedish and English, and every size down to 1×1
//! without a panic.

use crate::support::app::*;
use crate::support::quarterly::carried;
use okr::model::Lang;
use ratatui::style::Color;

/// Each quarterly state, reached by keys from the quarter view of 2026 Q4.
fn states(lang: Lang) -> Vec<(&'static str, Harness)> {
    let at = |steps: &dyn Fn(&mut Harness)| {
        let mut h = Harness::with_setup(Some(carried()), lang, |s| s.color = false);
        steps(&mut h);
        h
    };
    vec![
        ("quarter_carried", at(&|_| {})),
        ("detail_carried", at(&|h| h.open_detail_of(0))),
        ("key_result_carried", at(&|h| h.open_key_result_view(0))),
        ("review_running", at(&|h| h.keys(&[ch('r')]))),
        ("review_form_running", at(&|h| h.open_review_form_of(0))),
        ("review_ended", at(&|h| h.keys(&[ch('['), ch('r')]))),
        ("overview_charts", at(&|h| h.keys(&[ch('o')]))),
    ]
}

#[test]
fn quarterly_snapshots_at_80x24_without_colour() {
    for (lang, tag) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
        for (name, h) in states(lang) {
            let buf = screen_buffer(&h.app, 80, 24);
            for cell in buf.content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name} in {lang:?}: a colour in {:?}",
                    cell.symbol()
                );
            }
            insta::assert_snapshot!(format!("{name}_{tag}"), screen(&h.app, 80, 24));
        }
    }
}

#[test]
fn quarterly_screens_draw_at_every_size_down_to_1x1() {
    for lang in [Lang::Sv, Lang::En] {
        for (_, h) in states(lang) {
            for (w, hgt) in [
                (1, 1),
                (2, 1),
                (1, 2),
                (10, 3),
                (40, 12),
                (80, 24),
                (200, 60),
            ] {
                screen(&h.app, w, hgt);
            }
            for w in (1..=130).step_by(3) {
                for hgt in (1..=45).step_by(4) {
                    screen(&h.app, w, hgt);
                }
            }
        }
    }
}
