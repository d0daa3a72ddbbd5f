//! End to end in a real terminal (tmux): `y` turns the quarter view to its
//! year and back, in Swedish and English at 80×24 — the year in the header,
//! how much of it has passed, its check-ins, the year's Mål over the
//! quarterly Mål serving it, each marked with its quarter — and the year
//! view at 40×12 (the check-ins left out) and resized down to 1×1 and up.

use crate::support::Sandbox;
use crate::support::term::{Term, line_with};
use crate::support::year::*;

/// What the screens say in one language.
struct Said {
    lang: &'static str,
    quarter: &'static str,
    year: &'static str,
    passed: &'static str,
    checkins: &'static str,
    spans: &'static str,
    footer: &'static str,
    back: &'static str,
}

const SV: Said = Said {
    lang: "sv",
    quarter: "okr · Kvartal 2026 Q4",
    year: "okr · År 2026 · Vecka 48 (2026-W48)",
    passed: "av året har gått",
    checkins: "Incheckningar under året: 3 av 48",
    spans: "· över 2026 Q3–Q4",
    footer: "q/Ctrl-C avsluta",
    back: "y kvartalsvy",
};

const EN: Said = Said {
    lang: "en",
    quarter: "okr · Quarter 2026 Q4",
    year: "okr · Year 2026 · Week 48 (2026-W48)",
    passed: "of the year has passed",
    checkins: "Check-ins in the year: 3 of 48",
    spans: "· over 2026 Q3–Q4",
    footer: "q/Ctrl-C quit",
    back: "y quarter view",
};

#[test]
fn y_shows_the_year_with_the_quarters_serving_it_in_both_languages() {
    for said in [SV, EN] {
        let sandbox = Sandbox::new();
        sandbox.write(&year_file());
        let t = Term::start(&sandbox, 80, 24, &sandbox.session_command(said.lang));
        // The footer is drawn last: once it is there, so is the list.
        let screen = t.wait_until("the quarter view, drawn whole", |s| {
            s.contains(said.quarter)
                && s.contains(said.footer)
                && s.contains(said.spans)
                && s.contains(ALONE_MAL)
        });
        assert!(
            line_with(&screen, SPANNING_MAL).contains(said.spans),
            "{screen}"
        );
        assert!(!screen.contains(YEAR_MAL), "{screen}");
        t.press("y");
        // A frame may be captured half drawn: wait for all of it.
        let screen = t.wait_until("the year view, drawn whole", |s| {
            let titles = [YEAR_MAL, Q3_MAL, SPANNING_MAL, Q4_MAL];
            s.contains(said.year)
                && s.contains(said.footer)
                && titles.iter().all(|title| s.contains(title))
                && !s.contains(ALONE_MAL)
        });
        for words in [said.passed, said.checkins] {
            assert!(screen.contains(words), "{words:?} in:\n{screen}");
        }
        let rows: Vec<&str> = [YEAR_MAL, Q3_MAL, SPANNING_MAL, Q4_MAL]
            .iter()
            .map(|title| line_with(&screen, title))
            .collect();
        assert!(
            rows[0].contains("▾") && !rows[0].contains("· 2026"),
            "{screen}"
        );
        for (row, mark) in rows[1..]
            .iter()
            .zip(["· 2026 Q3", "· 2026 Q3–Q4", "· 2026 Q4"])
        {
            assert!(row.contains(mark), "{mark:?} in:\n{screen}");
        }
        // The year's Mål first, the Mål serving it under it (their bars
        // indented), in order.
        let at = |title: &str| screen.find(title).unwrap();
        assert!(at(YEAR_MAL) < at(Q3_MAL) && at(Q3_MAL) < at(SPANNING_MAL));
        let bar_at = |title: &str| {
            let bar = screen.lines().skip_while(|l| !l.contains(title)).nth(1);
            bar.and_then(|l| l.chars().position(|c| c == '█' || c == '░'))
        };
        assert!(bar_at(YEAR_MAL) < bar_at(Q3_MAL), "{screen}");
        assert!(!screen.contains(ALONE_MAL), "{screen}");
        // The help names the key that goes back.
        t.press("?");
        t.wait_for(&said.back[2..]);
        t.press("Escape");
        t.wait_gone(&said.back[2..]);
        t.press("y");
        t.wait_until("back in the quarter", |s| {
            s.contains(said.quarter) && s.contains(ALONE_MAL)
        });
        t.press("q");
        assert_eq!(t.wait_exit(), 0);
    }
}

#[test]
fn the_year_view_fits_a_small_window_and_any_size() {
    let sandbox = Sandbox::new();
    sandbox.write(&year_file());
    let t = Term::start(&sandbox, 40, 12, &sandbox.session_command("sv"));
    t.wait_for("okr · Kvartal 2026 Q4");
    t.press("y");
    // The Mål selected in the quarter stays selected, scrolled to.
    let screen = t.wait_until("the year view at 40×12", |s| {
        s.contains("okr · År 2026") && s.contains(SPANNING_MAL) && s.contains("? fler")
    });
    assert!(!screen.contains(SV.checkins), "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 40), "{screen}");
    for (w, h) in [(20, 5), (1, 1), (100, 30)] {
        t.resize(w, h);
        if w >= 40 {
            t.wait_for(SV.checkins);
        }
    }
    // Still there after the smallest sizes: no panic.
    t.press("y");
    t.wait_for("okr · Kvartal 2026 Q4");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
