//! Owners everywhere: the owner on every Mål row, the filter (everyone, mine,
//! each owner) that every screen honours, `--owner` on export, the CSV's
//! owner column and the focus rules per owner.

use crate::support::Sandbox;
use crate::support::app::*;
use crate::support::screen::{draws_at_every_size, render};
use crate::support::team::{listed, team_demo};
use okr::app::Screen;
use okr::model::Lang;
use okr::model::owners::OwnerFilter;

const ANNAS: [&str; 2] = ["Expandera globalt", "Gör våra kunder glada"];
const BOS: [&str; 2] = [
    "Gör våra medarbetare glada",
    "Bli självförsörjande på el i Hjulsjö",
];

fn team(lang: Lang) -> Harness {
    Harness::with_setup(Some(team_demo()), lang, |s| {
        s.me = Some("anna".into());
    })
}

#[test]
fn every_mal_row_shows_its_owner_and_the_header_whose_are_shown() {
    for (lang, everyone) in [(Lang::En, "showing: everyone"), (Lang::Sv, "visar: alla")] {
        let h = team(lang);
        let text = render(&h.app, 140, 40);
        for title in ANNAS {
            let row = text.lines().find(|l| l.contains(title)).unwrap();
            assert!(row.contains("· Anna"), "{row}");
        }
        for title in BOS {
            let row = text.lines().find(|l| l.contains(title)).unwrap();
            assert!(row.contains("· Bo"), "{row}");
        }
        assert!(text.contains(everyone), "{text}");
    }
    // A file without owners shows what it always did.
    let h = Harness::new(Some(demo()), Lang::En);
    assert!(!render(&h.app, 140, 40).contains("showing:"));
}

#[test]
fn f_cycles_everyone_mine_and_each_owner() {
    for (lang, mine, bo) in [
        (Lang::En, "showing: mine (anna)", "showing: Bo"),
        (Lang::Sv, "visar: mina (anna)", "visar: Bo"),
    ] {
        let mut h = team(lang);
        assert_eq!(listed(&h).len(), 5);
        h.keys(&[ch('f')]);
        assert_eq!(*h.app.filter(), OwnerFilter::Mine);
        assert_eq!(listed(&h), ANNAS);
        assert!(render(&h.app, 140, 40).contains(mine));
        draws_at_every_size(&h.app, "mine");
        h.keys(&[ch('f')]);
        assert_eq!(listed(&h), BOS);
        let text = render(&h.app, 140, 40);
        assert!(text.contains(bo), "{text}");
        assert!(!text.contains("Expandera"), "{text}");
        draws_at_every_size(&h.app, "Bo");
        h.keys(&[ch('f')]);
        assert_eq!(listed(&h).len(), 5, "back to everyone");
    }
}

#[test]
fn the_selection_follows_the_filtered_list() {
    let mut h = team(Lang::En);
    h.keys(&[ch('f'), ch('f'), ch('j'), code(ENTER)]);
    let Screen::Detail { objective } = h.app.screen() else {
        panic!("the detail opened");
    };
    assert_eq!(objective, "o4", "the second of Bo's");
}

#[test]
fn a_filter_with_nothing_in_the_quarter_says_so() {
    for (lang, words) in [
        (
            Lang::En,
            [
                "Cy has no objectives this quarter — press f",
                "You (Cy) have no",
            ],
        ),
        (
            Lang::Sv,
            [
                "Cy har inga mål det här kvartalet – tryck f",
                "Du (Cy) har inga mål",
            ],
        ),
    ] {
        let mut h = team(lang);
        h.app.set_filter(OwnerFilter::Owner("Cy".into()));
        let text = render(&h.app, 120, 30);
        assert!(text.contains(words[0]), "{text}");
        draws_at_every_size(&h.app, "nobody's");
        // f goes back to everyone from an owner who has nothing here.
        h.keys(&[ch('f')]);
        assert_eq!(listed(&h).len(), 5);
        // When the one with nothing is me, the sentence speaks to me.
        h.app.set_me(Some("Cy".into()));
        h.app.set_filter(OwnerFilter::Mine);
        let text = render(&h.app, 120, 30);
        assert!(text.contains(words[1]), "{text}");
    }
}

#[test]
fn the_review_the_overview_and_the_check_in_honour_the_filter() {
    let mut h = team(Lang::En);
    h.keys(&[ch('f'), ch('f')]);
    // The review lists Bo's Mål.
    h.keys(&[ch('r')]);
    assert_eq!(h.app.review_objectives(h.app.quarter()).len(), 2);
    let text = render(&h.app, 140, 40);
    assert!(text.contains(BOS[0]) && !text.contains(ANNAS[0]), "{text}");
    assert!(text.contains("showing: Bo"), "{text}");
    draws_at_every_size(&h.app, "review of Bo");
    // The overview counts Bo's Mål.
    h.keys(&[code(ESC), ch('o')]);
    let text = render(&h.app, 140, 40);
    let row = text.lines().find(|l| l.contains("2026 Q4")).unwrap();
    assert!(row.split_whitespace().any(|w| w == "2"), "{row}");
    assert!(text.contains("showing: Bo"), "{text}");
    // The check-in walks Bo's four key results.
    h.keys(&[code(ESC), ch('c')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in opened");
    };
    assert_eq!(st.items.len(), 4);
    assert!(
        st.items.iter().all(|(o, _)| o == "o3" || o == "o4"),
        "{:?}",
        st.items
    );
    // f works in the review and the overview too.
    let mut h = team(Lang::En);
    h.keys(&[ch('r'), ch('f')]);
    assert_eq!(h.app.review_objectives(h.app.quarter()).len(), 2);
}

#[test]
fn planning_shows_the_focus_rule_per_owner() {
    for (lang, words) in [
        (
            Lang::En,
            [
                "3–5 objectives per owner:",
                "✗ Anna 2",
                "✗ Bo 2",
                "✗ (no owner) 1",
            ],
        ),
        (
            Lang::Sv,
            [
                "3–5 mål per ägare:",
                "✗ Anna 2",
                "✗ Bo 2",
                "✗ (utan ägare) 1",
            ],
        ),
    ] {
        let mut h = team(lang);
        h.plan_this_quarter();
        let text = render(&h.app, 160, 40);
        for w in words {
            assert!(text.contains(w), "{w:?} missing:\n{text}");
        }
        draws_at_every_size(&h.app, "planning");
    }
    // A third Mål makes Anna's count right; the others stay wrong.
    let mut data = team_demo();
    data.objective_mut(4).unwrap().owner = Some("anna".into());
    let mut h = Harness::new(Some(data), Lang::En);
    h.plan_this_quarter();
    let text = render(&h.app, 160, 40);
    assert!(
        text.contains("✓ Anna 3") && text.contains("✗ Bo 2"),
        "{text}"
    );
    assert!(!text.contains("no owner"), "{text}");
}

#[test]
fn a_long_owner_is_cut_before_the_title() {
    let mut data = team_demo();
    let q = okr::model::Quarter::of(today(), okr::model::FiscalYear::CALENDAR);
    let i = data.in_quarter(q).map(|(i, _)| i).next().unwrap();
    let long = "Avdelningen för långsiktig strategisk planering och uppföljning";
    data.objective_mut(i).unwrap().owner = Some(long.into());
    let title = data.objectives[i].title.clone();
    let h = Harness::new(Some(data), Lang::Sv);
    for width in [60, 80, 100, 140] {
        let text = render(&h.app, width, 30);
        let row = text
            .lines()
            .find(|l| l.contains("Avdelningen"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(row.contains(&title), "{width}: {row}");
        // Whole where it fits, else cut with … .
        assert!(row.contains(long) || row.contains("…"), "{width}: {row}");
        if width <= 80 {
            assert!(!row.contains(long), "{width}: {row}");
        }
    }
}

#[test]
fn the_focus_warning_counts_an_owner_however_the_name_is_written() {
    let mut data = team_demo();
    for i in 0..5 {
        data.objective_mut(i).unwrap().owner = Some("Anna".into());
    }
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('a')]);
    h.type_text("Ett sjätte mål");
    // To the owner field (title, why, kind, owner).
    h.keys(&[code(TAB), code(TAB), code(TAB)]);
    h.type_text("anna ");
    h.keys(&[code(ENTER)]);
    let message = h.app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(message.contains("has 6 objectives"), "{message}");
}

// --- the command line -------------------------------------------------------------

fn write_team(w: &Sandbox) {
    let data = team_demo();
    std::fs::write(w.file(), okr::store::format::serialize(&data).unwrap()).unwrap();
}

#[test]
fn export_owner_narrows_the_report_to_one_owner_or_to_me() {
    let w = Sandbox::new();
    write_team(&w);
    let r = w.okr(&["export", "--owner", "bo"]);
    r.ok();
    assert!(
        r.stdout.contains(BOS[0]) && r.stdout.contains(BOS[1]),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains(ANNAS[0]), "{}", r.stdout);
    let mut c = w.command();
    c.env("OKR_OWNER", "Anna");
    let file = w.file();
    let r = w.run_with(
        c,
        &[
            "--file",
            file.to_str().unwrap(),
            "export",
            "--owner",
            "me",
            "--format",
            "json",
        ],
    );
    r.ok();
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let titles: Vec<&str> = json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ANNAS);
    // Without --owner, everyone's.
    let r = w.okr(&["export"]);
    r.ok();
    assert!(r.stdout.contains(ANNAS[0]) && r.stdout.contains(BOS[0]));
}

#[test]
fn the_csv_has_an_owner_column() {
    let w = Sandbox::new();
    write_team(&w);
    let r = w.okr(&["export", "--format", "csv"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let at = header
        .iter()
        .position(|h| h == "owner")
        .expect("an owner column");
    let owners: Vec<(String, String)> = rd
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[2].to_string(), r[at].to_string())
        })
        .collect();
    assert!(owners.contains(&("o1".into(), "Anna".into())), "{owners:?}");
    assert!(owners.contains(&("o3".into(), "Bo".into())), "{owners:?}");
    assert!(owners.contains(&("o5".into(), String::new())), "{owners:?}");
}

#[test]
fn a_new_mal_is_mine_or_the_shown_owners_and_stays_in_view() {
    // Everyone shown: a new Mål is mine.
    let mut h = team(Lang::En);
    h.keys(&[ch('a')]);
    h.type_text("Lär känna kunderna");
    h.keys(&[code(ENTER)]);
    assert_eq!(owner_of(&h, "Lär känna kunderna"), Some("anna"));
    // Bo's shown: a new Mål is Bo's, and is in the list after saving.
    h.keys(&[ch('f'), ch('f')]);
    h.keys(&[ch('a')]);
    h.type_text("Färre möten");
    h.keys(&[code(ENTER)]);
    assert_eq!(owner_of(&h, "Färre möten"), Some("Bo"));
    assert!(
        listed(&h).contains(&"Färre möten".to_string()),
        "{:?}",
        listed(&h)
    );
    // A one-person file stays one: no owner is put on a new Mål.
    let mut h = Harness::with_setup(Some(demo()), Lang::En, |s| {
        s.me = Some("anna".into());
    });
    h.keys(&[ch('a')]);
    h.type_text("Sov mer");
    h.keys(&[code(ENTER)]);
    assert_eq!(owner_of(&h, "Sov mer"), None);
}

fn owner_of<'a>(h: &'a Harness, title: &str) -> Option<&'a str> {
    let o = h.app.data().objectives.iter().find(|o| o.title == title);
    o.unwrap_or_else(|| panic!("no {title:?}")).owner.as_deref()
}
