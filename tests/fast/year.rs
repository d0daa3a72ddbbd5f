//! The year view: `y` from a quarter to its year and back, `[` `]` by year,
//! `a` and `A` there; the year's Mål rolled up from the Mål serving it (one
//! number on every screen and on the command line); its header, rows and
//! quarter marks, an empty year, its review, the keys' words there, the
//! past check-ins of a year and the overview's years.

use crate::support::Sandbox;
use crate::support::app::*;
use crate::support::screen::{draws_at_every_size, render};
use crate::support::team::listed;
use crate::support::year::*;
use okr::app::Screen;
use okr::model::{FiscalYear, Lang, Quarter};

fn year(y: i32) -> Quarter {
    Quarter::year(y).unwrap()
}

fn q(y: i32, n: u8) -> Quarter {
    Quarter::new(y, n).unwrap()
}

fn harness(lang: Lang) -> Harness {
    Harness::new(Some(year_data()), lang)
}

/// Moves the selection to the listed Mål titled `title`.
fn select(h: &mut Harness, title: &str) {
    let all = listed(h);
    let at = all
        .iter()
        .position(|t| t == title)
        .unwrap_or_else(|| panic!("{title:?} is not listed: {all:?}"));
    while h.app.sel_objective() > at {
        h.keys(&[ch('k')]);
    }
    while h.app.sel_objective() < at {
        h.keys(&[ch('j')]);
    }
}

fn selected(h: &Harness) -> String {
    h.app
        .objective()
        .map(|o| o.title.clone())
        .unwrap_or_default()
}

/// The Mål of the file titled `title`, as JSON.
fn in_file(h: &Harness, title: &str) -> serde_json::Value {
    let file = h.file_json();
    file["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["title"] == title)
        .unwrap_or_else(|| panic!("no {title:?} in the file: {file:#}"))
        .clone()
}

/// A Mål's depth in the tree on screen.
fn depth(h: &Harness, title: &str) -> Option<usize> {
    let i = h
        .app
        .data()
        .objectives
        .iter()
        .position(|o| o.title == title)?;
    h.app.tree_row(i).map(|r| r.depth)
}

fn line_of<'a>(text: &'a str, title: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no {title:?} in:\n{text}"))
}

#[test]
fn y_goes_to_the_year_and_back_keeping_the_selected_mal() {
    let mut h = harness(Lang::En);
    assert_eq!(h.app.quarter(), q(2026, 4));
    assert_eq!(listed(&h), [SPANNING_MAL, Q4_MAL, ALONE_MAL]);
    select(&mut h, Q4_MAL);
    h.keys(&[ch('y')]);
    assert_eq!(h.app.quarter(), year(2026));
    // The year's Mål, the quarters' Mål serving it under it.
    assert_eq!(listed(&h), [YEAR_MAL, Q3_MAL, SPANNING_MAL, Q4_MAL]);
    assert_eq!((depth(&h, YEAR_MAL), depth(&h, Q4_MAL)), (Some(0), Some(1)));
    assert_eq!(selected(&h), Q4_MAL, "the Mål stays selected");
    h.keys(&[ch('y')]);
    assert_eq!(h.app.quarter(), q(2026, 4));
    assert_eq!(selected(&h), Q4_MAL);
    assert_eq!(depth(&h, Q4_MAL), Some(0), "at the top of its quarter");
    // A Mål the year view does not list: the year's first row.
    select(&mut h, ALONE_MAL);
    h.keys(&[ch('y')]);
    assert_eq!(selected(&h), YEAR_MAL);
    // Back to the quarter it came from, not today's.
    h.keys(&[ch('y'), ch('['), ch('y')]);
    assert_eq!(h.app.quarter(), year(2026));
    h.keys(&[ch('y')]);
    assert_eq!(h.app.quarter(), q(2026, 3));
    // t goes to today's quarter from the year view too.
    h.keys(&[ch('y'), ch('t')]);
    assert_eq!(h.app.quarter(), q(2026, 4));
}

#[test]
fn brackets_move_year_by_year_and_y_finds_a_quarter_in_the_year() {
    let mut h = harness(Lang::En);
    h.keys(&[ch('y'), ch(']')]);
    assert_eq!(h.app.quarter(), year(2027));
    h.keys(&[ch(']'), ch(']'), ch('[')]);
    assert_eq!(h.app.quarter(), year(2028));
    h.keys(&[ch('['), ch('[')]);
    assert_eq!(h.app.quarter(), year(2026));
    h.keys(&[ch('['), ch('y')]);
    // Neither the quarter it came from nor today is in 2025: its first quarter.
    assert_eq!(h.app.quarter(), q(2025, 1));
    h.keys(&[ch('y'), ch(']'), ch('y')]);
    assert_eq!(h.app.quarter(), q(2026, 4), "today's quarter");
}

#[test]
fn y_goes_to_the_teams_own_year() {
    let mut data = year_data();
    data.settings.fiscal_year = FiscalYear::starting(7).unwrap();
    // Under a year from July the quarters of the file are FY2026's Q1 and Q2.
    let mut h = Harness::new(Some(data), Lang::En);
    assert_eq!(h.app.quarter(), q(2027, 2));
    h.keys(&[ch('y')]);
    assert_eq!(h.app.quarter(), year(2027));
    let text = render(&h.app, 100, 30);
    assert!(text.contains("okr · Year FY2027"), "{text}");
    h.keys(&[ch('['), ch('y')]);
    assert_eq!(h.app.quarter(), q(2026, 1));
}

#[test]
fn a_in_the_year_view_adds_a_mal_of_the_year() {
    let mut h = harness(Lang::Sv);
    h.keys(&[ch('y')]);
    add_objective(&mut h.app, "Bli lönsamma");
    let o = in_file(&h, "Bli lönsamma");
    assert_eq!((&o["quarter"], o.get("parent")), (&"2026".into(), None));
    assert_eq!(selected(&h), "Bli lönsamma");
    assert_eq!(depth(&h, "Bli lönsamma"), Some(0));
    // A year without Mål yet.
    h.keys(&[ch(']')]);
    add_objective(&mut h.app, "Nästa år");
    assert_eq!(in_file(&h, "Nästa år")["quarter"], "2027");
    assert_eq!(listed(&h), ["Nästa år"]);
}

#[test]
fn shift_a_in_the_year_view_adds_a_quarterly_mal_serving_the_years() {
    let mut h = harness(Lang::En);
    h.keys(&[ch('y')]);
    select(&mut h, YEAR_MAL);
    h.keys(&[ch('A')]);
    let text = render(&h.app, 120, 30);
    assert!(text.contains("under Växa hållbart · 2026 Q4"), "{text}");
    h.type_text("Fler kunder");
    h.keys(&[code(ENTER)]);
    let o = in_file(&h, "Fler kunder");
    assert_eq!(
        (&o["quarter"], &o["parent"]),
        (&"2026-Q4".into(), &"o1".into())
    );
    assert_eq!(selected(&h), "Fler kunder");
    assert_eq!(depth(&h, "Fler kunder"), Some(1));
    // Under a quarterly Mål of the year view: in that Mål's quarter.
    select(&mut h, Q3_MAL);
    h.keys(&[ch('A')]);
    h.type_text("Testa appen");
    h.keys(&[code(ENTER)]);
    let o = in_file(&h, "Testa appen");
    assert_eq!(
        (&o["quarter"], &o["parent"]),
        (&"2026-Q3".into(), &"o2".into())
    );
    assert_eq!(depth(&h, "Testa appen"), Some(2));
    // A year to come: its first quarter.
    h.keys(&[ch(']')]);
    add_objective(&mut h.app, "Mål för 2027");
    h.keys(&[ch('A')]);
    h.type_text("Första steget");
    h.keys(&[code(ENTER)]);
    let parent = in_file(&h, "Mål för 2027")["id"].clone();
    let o = in_file(&h, "Första steget");
    assert_eq!((&o["quarter"], &o["parent"]), (&"2027-Q1".into(), &parent));
    assert_eq!(listed(&h), ["Mål för 2027", "Första steget"]);
    // The quarter view lists the new quarterly Mål.
    h.keys(&[ch('t')]);
    assert!(listed(&h).contains(&"Fler kunder".to_string()));
}

#[test]
fn the_years_mal_takes_the_mean_of_the_mal_serving_it_everywhere() {
    for (lang, served) in [(Lang::En, "Serves: o1"), (Lang::Sv, "Stödjer: o1")] {
        let mut h = harness(lang);
        let figures = |h: &Harness, id: &str| {
            let data = h.app.data();
            h.app
                .figures(&data.objectives[data.objective_index(id).unwrap()])
        };
        let rolled = figures(&h, "o1");
        let mean = (0.5 + 1.0 + 0.2) / 3.0;
        assert!((rolled.progress.unwrap() - mean).abs() < 1e-9, "{rolled:?}");
        assert_eq!(rolled.from_children, 3);
        let pct = h.app.strings().percent(mean);
        // The quarter view's detail of a Mål serving it names it with that number.
        select(&mut h, Q4_MAL);
        h.keys(&[code(ENTER)]);
        let text = render(&h.app, 160, 40);
        assert!(
            line_of(&text, served).contains(&format!("Växa hållbart ({pct}, 2026)")),
            "{text}"
        );
        // The year view: the bar line under it and the pane's title.
        h.keys(&[code(ESC), ch('y')]);
        assert_eq!(figures(&h, "o1"), rolled, "the same in the year view");
        let text = render(&h.app, 160, 40);
        let bar = text
            .lines()
            .skip_while(|l| !l.contains(YEAR_MAL))
            .nth(1)
            .unwrap();
        assert!(bar.contains(&pct), "{text}");
        assert!(line_of(&text, "(1) ·").contains(&pct), "{text}");
        // Its own detail.
        select(&mut h, YEAR_MAL);
        h.keys(&[code(ENTER)]);
        assert!(render(&h.app, 160, 40).contains(&pct));
    }
    // The command line says the same.
    let w = Sandbox::new();
    w.write(&year_file());
    let list = w.okr(&["--lang", "en", "list", "--quarter", "2026"]);
    list.ok();
    let o1 = list.stdout.lines().find(|l| l.starts_with("o1\t")).unwrap();
    assert!(o1.contains("\t57%\t"), "{}", list.stdout);
    let export = w.okr(&["--lang", "en", "export", "--quarter", "2026"]);
    export.ok();
    let year_part = export.stdout.split("## Year 2026").nth(1).unwrap();
    assert!(year_part.contains("Progress: 57%"), "{}", export.stdout);
}

#[test]
fn the_year_view_shows_the_year_its_check_ins_and_each_mals_quarter() {
    for (lang, words) in [
        (
            Lang::En,
            [
                "okr · Year 2026",
                "okr · Year 2026 · Week 48 (2026-W48)",
                "90% of the year has passed",
                "Check-ins in the year: 3 of 48",
                "over 2026 Q3–Q4",
            ],
        ),
        (
            Lang::Sv,
            [
                "okr · År 2026",
                "okr · År 2026 · Vecka 48 (2026-W48)",
                "90\u{a0}% av året har gått",
                "Incheckningar under året: 3 av 48",
                "över 2026 Q3–Q4",
            ],
        ),
    ] {
        let mut h = harness(lang);
        // The quarter view marks the Mål spanning quarters, and only it.
        let text = render(&h.app, 80, 24);
        assert!(line_of(&text, SPANNING_MAL).contains(words[4]), "{text}");
        assert!(!line_of(&text, Q4_MAL).contains("2026"), "{text}");
        h.keys(&[ch('y')]);
        let text = render(&h.app, 80, 24);
        for w in &words[..4] {
            assert!(text.contains(w), "{w:?} in:\n{text}");
        }
        assert!(!line_of(&text, YEAR_MAL).contains("· 2026"), "{text}");
        assert!(line_of(&text, Q3_MAL).contains("· 2026 Q3"), "{text}");
        assert!(
            line_of(&text, SPANNING_MAL).contains("· 2026 Q3–Q4"),
            "{text}"
        );
        assert!(line_of(&text, Q4_MAL).contains("· 2026 Q4"), "{text}");
        assert!(!text.contains(ALONE_MAL), "{text}");
        let tag = if lang == Lang::Sv { "sv" } else { "en" };
        insta::assert_snapshot!(format!("year_view_{tag}"), text);
        // The check-in banner is there as in today's quarter.
        assert!(text.contains('✎'), "{text}");
        // A small window leaves the check-ins out first.
        let small = render(&h.app, 40, 12);
        assert!(small.contains(words[0]), "{small}");
        assert!(!small.contains(words[3]), "{small}");
        draws_at_every_size(&h.app, "year view");
        // A title too long for the row is cut with …; the mark is whole
        // at every width, or not there.
        h.keys(&[ch('j'), ch('e'), ctrl('u')]);
        h.type_text(&"Sänk kostnaderna i alla nordiska länder ".repeat(3));
        h.keys(&[code(ENTER)]);
        let text = render(&h.app, 80, 24);
        assert!(line_of(&text, "Sänk").contains("… ["), "{text}");
        assert!(line_of(&text, "Sänk").ends_with("· 2026 Q4│"), "{text}");
        for width in 40..80 {
            let text = render(&h.app, width, 24);
            let row = line_of(&text, "Sänk");
            assert!(!row.contains("· 2") || row.contains("· 2026 Q4"), "{text}");
        }
    }
}

#[test]
fn an_empty_year_says_how_to_begin_it() {
    for (lang, says, checkins) in [
        (
            Lang::En,
            "No objectives for 2027 yet. Press a to add one for the year",
            "Check-ins",
        ),
        (
            Lang::Sv,
            "Inga mål för 2027 än. Tryck a för att lägga till ett årsmål",
            "Incheckningar",
        ),
    ] {
        let mut h = harness(lang);
        h.keys(&[ch('y'), ch(']')]);
        let text = render(&h.app, 200, 30);
        assert!(text.contains(says), "{text}");
        // A year to come has had no check-ins to count.
        assert!(!text.contains(checkins), "{text}");
        draws_at_every_size(&h.app, "empty year");
    }
}

#[test]
fn r_in_the_year_view_reviews_the_years_mal() {
    for (lang, title) in [
        (Lang::En, "Year review 2026"),
        (Lang::Sv, "Årsgenomgång 2026"),
    ] {
        let mut h = harness(lang);
        h.keys(&[ch('y'), ch('r')]);
        let Screen::Review(st) = h.app.screen() else {
            panic!("the review opened");
        };
        assert_eq!(st.quarter, year(2026));
        assert_eq!(h.app.review_objectives(year(2026)), [0]);
        let text = render(&h.app, 100, 30);
        assert!(text.contains(title), "{text}");
        assert!(text.contains(YEAR_MAL) && !text.contains(Q4_MAL), "{text}");
        h.keys(&[code(ESC)]);
        assert_eq!(h.app.quarter(), year(2026), "back in the year view");
        // A check-in from the year view is today's, over today's quarter.
        h.keys(&[ch('c')]);
        let Screen::CheckIn(st) = h.app.screen() else {
            panic!("the check-in opened");
        };
        assert_eq!(st.quarter, q(2026, 4));
    }
}

#[test]
fn the_help_and_the_footer_say_what_the_keys_do_in_the_year_view() {
    for (lang, in_quarter, in_year, help_words) in [
        (
            Lang::En,
            ["y year view", "r quarter review"],
            ["y quarter view", "r year review"],
            ["quarter view", "year review", "previous year", "next year"],
        ),
        (
            Lang::Sv,
            ["y årsvy", "r kvartalsgenomgång"],
            ["y kvartalsvy", "r årsgenomgång"],
            ["kvartalsvy", "årsgenomgång", "föregående år", "nästa år"],
        ),
    ] {
        let mut h = harness(lang);
        let footer = |h: &Harness| render(&h.app, 200, 30).lines().last().unwrap().to_string();
        for w in in_quarter {
            assert!(footer(&h).contains(w), "{w:?} in {}", footer(&h));
        }
        h.keys(&[ch('y')]);
        for w in in_year {
            assert!(footer(&h).contains(w), "{w:?} in {}", footer(&h));
        }
        h.keys(&[ch('?')]);
        let help = render(&h.app, 100, 60);
        for w in help_words {
            assert!(help.contains(w), "{w:?} in:\n{help}");
        }
    }
}

#[test]
fn the_past_check_ins_of_a_year_fill_in_a_week_over_its_quarter() {
    let mut h = harness(Lang::En);
    h.keys(&[ch('y'), ch('w')]);
    assert_eq!(h.app.past_weeks().len(), 48);
    // Newest first: 2026-W33, in Q3, is the sixteenth.
    for _ in 0..15 {
        h.keys(&[ch('j')]);
    }
    h.keys(&[ch('c')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in of a missed week opened");
    };
    assert_eq!((st.week.week, st.quarter), (33, q(2026, 3)));
    let krs: Vec<&str> = st.items.iter().map(|(_, k)| k.as_str()).collect();
    assert_eq!(krs, ["kr2", "kr3"], "Q3's key results only");
}

#[test]
fn the_overview_lists_a_year_before_its_quarters() {
    let mut h = harness(Lang::En);
    h.keys(&[ch('y'), ch('o')]);
    assert_eq!(
        h.app.overview_quarters(),
        [year(2026), q(2026, 4), q(2026, 3)]
    );
    let text = render(&h.app, 100, 30);
    // Selected, the year view's year: its one Mål, its progress.
    let row = line_of(&text, "▸ 2026 ");
    assert!(
        row.contains(" 1  ") && row.contains("running 57%"),
        "{text}"
    );
    // The charts stay by quarter: the year's 57% is in the table only.
    let charts = text.split("Mean score per quarter").nth(1).unwrap();
    assert!(charts.contains("2026 Q4 running 67%"), "{text}");
    assert!(!charts.contains("57%"), "{text}");
    draws_at_every_size(&h.app, "overview with a year");
    h.keys(&[ch('j'), code(ENTER)]);
    assert_eq!(h.app.quarter(), q(2026, 4));
    h.keys(&[ch('o'), ch('k'), code(ENTER)]);
    assert_eq!(h.app.quarter(), year(2026));
    assert!(matches!(h.app.screen(), Screen::Quarter));
}
