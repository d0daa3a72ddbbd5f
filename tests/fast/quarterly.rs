//! The quarterly work by keys: the review shows each Mål's key results with
//! their numbers, says when the quarter is still running, a carried Mål says
//! where it came from and its key results show the history before the
//! carry, and the overview charts the mean score and the check-ins per quarter.

use crate::support::app::*;
use crate::support::quarterly::carried;
use okr::model::Lang;
use okr::model::owners::OwnerFilter;

/// The screen at 80×24.
fn shown(h: &Harness) -> String {
    screen(&h.app, 80, 24)
}

fn line_with<'a>(text: &'a str, part: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(part))
        .unwrap_or_else(|| panic!("no line with {part:?}:\n{text}"))
}

#[test]
fn the_review_lists_each_key_result_with_its_value_progress_and_confidence() {
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.keys(&[ch('r')]);
    let text = shown(&h);
    // Under the carried Mål: 5000 of 8000 kWh from a start of 3000 is 40 %.
    let solar = line_with(&text, "kr2 Producera solel");
    assert!(
        solar.contains("5000 / 8000 kWh · 40% · confidence 7/10"),
        "{text}"
    );
    // Under the other Mål, in the language's number format.
    let app = line_with(&text, "kr3 Nedladdningar");
    assert!(
        app.contains("15,000.5 / 20,000 st · 75% · confidence 9/10"),
        "{text}"
    );
    // The key results come under their own Mål.
    let at = |part: &str| text.find(part).unwrap();
    assert!(at("Bli självförsörjande") < at("kr2 Producera"));
    assert!(at("kr2 Producera") < at("Lansera appen"));
    assert!(at("Lansera appen") < at("kr3 Nedladdningar"));

    let mut h = Harness::new(Some(carried()), Lang::Sv);
    h.keys(&[ch('r')]);
    let text = shown(&h);
    // Swedish groups with its own space.
    let sv = okr::i18n::strings(Lang::Sv);
    let numbers = format!(
        "{} / {}\u{a0}st · 75\u{a0}% · säkerhet 9/10",
        sv.num(15000.5),
        sv.num(20000.0)
    );
    assert!(
        line_with(&text, "kr3 Nedladdningar").contains(&numbers),
        "{text}"
    );
}

#[test]
fn the_review_scrolls_so_the_selected_objective_shows_whole_with_its_key_results() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('r')]);
    // Five Mål with their key results do not fit in 24 rows.
    let text = shown(&h);
    assert!(!text.contains("Spara ihop"), "{text}");
    h.keys(&[ch('j'), ch('j'), ch('j'), ch('j')]);
    let text = shown(&h);
    let last = text
        .find("▸ Spara ihop till ett buffertkonto")
        .expect(&text);
    let under: Vec<&str> = text[last..].lines().skip(2).collect();
    let objective = &h.app.data().objectives[4];
    for k in &objective.key_results {
        assert!(
            under.iter().any(|l| l.contains(&format!("{} ", k.id))),
            "{} under its Mål:\n{text}",
            k.id
        );
    }
    // What is above is counted on the border.
    assert!(text.contains("↑"), "{text}");
}

#[test]
fn reviewing_a_running_quarter_says_how_many_days_are_left_before_a_score_is_set() {
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.keys(&[ch('r')]);
    let note = "2026 Q4 is still running: 37 days left";
    let text = shown(&h);
    // Above the first Mål, on the screen the review opens on.
    assert!(
        text.find(note).unwrap() < text.find("Bli självförsörjande").unwrap(),
        "{text}"
    );
    // And in the form the first score is set in.
    h.keys(&[code(ENTER)]);
    let form = shown(&h);
    assert!(form.contains(&format!("⚠ {note}")), "{form}");
    assert!(
        h.file()
            .objectives
            .iter()
            .all(|o| o.quarter.q != 4 || o.score.is_none())
    );

    let mut h = Harness::new(Some(carried()), Lang::Sv);
    h.keys(&[ch('r')]);
    assert!(shown(&h).contains("2026 Q4 pågår fortfarande: 37 dagar kvar"));

    // A quarter that has not begun says that instead.
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.keys(&[ch(']'), ch('r')]);
    let text = shown(&h);
    assert!(text.contains("⚠ 2027 Q1 has not started yet"), "{text}");

    // A quarter that has ended has no such note.
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.keys(&[ch('['), ch('r')]);
    let text = shown(&h);
    assert!(text.contains("Quarter review 2026 Q3"), "{text}");
    assert!(!text.contains("still running"), "{text}");
}

#[test]
fn a_carried_objective_says_where_it_came_from_in_the_quarter_view_and_the_detail() {
    for (lang, words) in [
        (Lang::En, "carried from 2026 Q3, quarter 2 in a row"),
        (Lang::Sv, "överflyttat från 2026 Q3 · 2 kvartal i rad"),
    ] {
        let mut h = Harness::new(Some(carried()), lang);
        let text = screen(&h.app, 120, 30);
        assert!(
            line_with(&text, "Bli självförsörjande på el").contains(words),
            "{text}"
        );
        // Only the carried one.
        assert!(!line_with(&text, "Lansera appen").contains(words), "{text}");
        // Where the room is short, in short.
        let text = shown(&h);
        assert!(
            line_with(&text, "Bli självförsörjande på el").contains("↻ 2026 Q3, 2 i"),
            "{text}"
        );
        h.open_detail_of(0);
        let text = shown(&h);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(words), "{text}");
    }
}

#[test]
fn a_carried_key_result_shows_the_history_before_the_carry_in_its_view() {
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.open_key_result_view(0);
    let text = shown(&h);
    // Its own entries, then the original's, each marked.
    let own = line_with(&text, "2026-11-17");
    assert!(!own.contains("before the carry"), "{text}");
    for (date, value) in [("2026-09-20", "3000 kWh"), ("2026-08-15", "2000 kWh")] {
        let l = line_with(&text, date);
        assert!(l.contains(&format!("{value} (before the carry)")), "{text}");
    }
    assert!(text.find("2026-11-17").unwrap() < text.find("2026-09-20").unwrap());
    // The count says which rows are its own and which came before.
    assert!(text.contains("History (2 + 3 before the carry)"), "{text}");
    // The chart begins with the original's quarter and marks its points.
    assert!(text.contains("2026-07-01"), "{text}");
    assert!(text.contains("○ before the carry"), "{text}");
    let chart: String = text.lines().take(10).collect();
    assert!(chart.contains('○'), "{text}");

    // A file written before key results kept the link: found by the title.
    let mut data = carried();
    data.objective_mut(1).unwrap().key_results[0].carried_from = None;
    let mut h = Harness::new(Some(data), Lang::Sv);
    h.open_key_result_view(0);
    let text = shown(&h);
    assert!(
        line_with(&text, "2026-09-20").contains("3000\u{a0}kWh (före överflyttningen)"),
        "{text}"
    );
}

#[test]
fn carrying_by_keys_links_each_key_result_to_its_original() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // The fourth Mål is aspirational and below target: carried with its key result.
    h.open_carry_dialog_of(3);
    h.keys(&[code(ENTER)]);
    let data = h.file();
    let copy = data
        .objectives
        .iter()
        .find(|o| o.carried_from.is_some())
        .unwrap();
    let original = data
        .objective_index(copy.carried_from.as_ref().unwrap())
        .unwrap();
    let original = &data.objectives[original];
    assert_eq!(
        copy.key_results[0].carried_from.as_deref(),
        Some(original.key_results[0].id.as_str())
    );
    let json = h.file_json();
    let written = json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o.get("carried_from").is_some())
        .unwrap();
    assert_eq!(
        written["key_results"][0]["carried_from"],
        original.key_results[0].id.as_str()
    );
}

#[test]
fn the_overview_charts_the_mean_score_and_the_checkins_per_quarter_with_their_numbers() {
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.keys(&[ch('o')]);
    let text = shown(&h);
    assert!(text.contains("Mean score per quarter"), "{text}");
    assert!(text.contains("Check-ins per quarter"), "{text}");
    // Oldest at the top; Q3 scored (its one Mål's 0.4), Q4 still running.
    let charts: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Mean score"))
        .collect();
    let q3 = *charts.iter().find(|l| l.contains("2026 Q3")).unwrap();
    let q4 = *charts.iter().find(|l| l.contains("2026 Q4")).unwrap();
    // The bars are drawn: three check-ins make a longer bar than one.
    assert!(q4.matches('█').count() > q3.matches('█').count(), "{text}");
    assert!(text.find(q3).unwrap() < text.find(q4).unwrap(), "{text}");
    // Each line holds both charts: the score, then the check-ins (Anna's
    // and Bo's of one week are two).
    let words = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let q3 = words(q3);
    let q4 = words(q4);
    assert_eq!(q3[..3], ["2026", "Q3", "0.4"], "{text}");
    assert_eq!(q4[..4], ["2026", "Q4", "running", "58%"], "{text}");
    let count = |w: &[String]| {
        let at = w.iter().rposition(|x| x == "Q3" || x == "Q4").unwrap();
        w[at + 1].clone()
    };
    assert_eq!(count(&q3), "1", "{text}");
    assert_eq!(count(&q4), "3", "{text}");

    // With the owner filter on Anna, only her check-ins count.
    let mut h = Harness::new(Some(carried()), Lang::En);
    h.app.set_me(Some("anna".into()));
    h.app.set_filter(OwnerFilter::Mine);
    h.keys(&[ch('o')]);
    let text = shown(&h);
    let q4 = text
        .lines()
        .skip_while(|l| !l.contains("Check-ins per quarter"))
        .find(|l| l.contains("2026 Q4"))
        .unwrap();
    assert_eq!(count(&words(q4)), "2", "{text}");

    let mut h = Harness::new(Some(carried()), Lang::Sv);
    h.keys(&[ch('o')]);
    let text = shown(&h);
    assert!(text.contains("Incheckningar per kvartal"), "{text}");
    let charts: Vec<String> = text
        .lines()
        .skip_while(|l| !l.contains("Medelbetyg"))
        // ASCII spaces only: a no-break space stays inside "58 %".
        .map(|l| l.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let sv = okr::i18n::strings(Lang::Sv);
    let q3 = format!("2026 Q3 {} ", sv.num(0.4));
    let q4 = format!("2026 Q4 pågår {} ", sv.percent(0.58));
    assert!(charts.iter().any(|l| l.starts_with(&q3)), "{text}");
    assert!(charts.iter().any(|l| l.starts_with(&q4)), "{text}");
}
