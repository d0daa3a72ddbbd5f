//! Past check-ins by keys: the weeks of the quarter with mine (or the
//! filter's owner's) and those missed, a week in full with each change from
//! the week before, and a missed week filled in afterwards, dated that week.

use crate::support::app::*;
use crate::support::screen::render;
use crate::support::team::team_demo;
use okr::app::Screen;
use okr::model::owners::OwnerFilter;
use okr::model::{CheckInEntry, Extra, IsoWeek, Lang};

/// The example data with last week's check-in holding kr1 at 50, confidence 7.
fn with_last_week_entry() -> okr::model::Data {
    let mut data = demo();
    let c = std::sync::Arc::make_mut(data.checkins.last_mut().unwrap());
    c.entries.push(CheckInEntry {
        key_result: "kr1".into(),
        value: 50.0,
        confidence: 7,
        note: String::new(),
        extra: Extra::new(),
    });
    data
}

/// The first key result checked in at 70, confidence 8, with a note; the
/// walk left there.
fn check_in_first(h: &mut Harness) {
    h.keys(&[ch('c')]);
    h.type_text("70");
    h.keys(&[code(TAB)]);
    h.type_text("8");
    h.keys(&[code(TAB)]);
    h.type_text("Stor affär");
    h.keys(&[code(ENTER), code(ESC)]);
}

#[test]
fn the_weeks_of_the_quarter_list_mine_and_the_missed_ones() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // This week's check-in with a pulse of 4 on every pillar.
    h.walk_to_pulse();
    h.keys(&[
        ch('4'),
        ch('4'),
        ch('4'),
        ch('4'),
        ch('4'),
        code(ENTER),
        code(ENTER),
    ]);
    h.open_past_checkins();
    assert!(matches!(h.app.screen(), Screen::Past(_)));
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Past check-ins · 2026 Q4"), "{text}");
    assert!(
        text.contains("▸ 2026-W48  2026-11-24  12 key results  · pulse 4  (this week)"),
        "{text}"
    );
    assert!(
        text.contains("2026-W47  2026-11-17  0 key results"),
        "{text}"
    );
    assert!(
        text.contains("2026-W46  no check-in — c fills it in"),
        "{text}"
    );
    // Back to the quarter view; Swedish says the same.
    h.keys(&[code(ESC)]);
    assert!(matches!(h.app.screen(), Screen::Quarter));
    let mut h = Harness::new(Some(demo()), Lang::Sv);
    h.open_past_checkins();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Tidigare incheckningar · 2026 Q4"), "{text}");
    assert!(
        text.contains("2026-W46  ingen incheckning – tryck c för att fylla i"),
        "{text}"
    );
    // `[` goes to the quarter before: its thirteen or so weeks.
    h.keys(&[ch('[')]);
    let text = render(&h.app, 100, 40);
    assert!(text.contains("2026 Q3"), "{text}");
    assert!(text.contains("2026-W39"), "{text}");
}

#[test]
fn a_week_in_full_shows_each_value_with_its_change_and_the_words() {
    let mut h = Harness::new(Some(with_last_week_entry()), Lang::En);
    check_in_first(&mut h);
    h.walk_to_reflection();
    h.type_text("Två nya kunder");
    h.keys(&[code(TAB), code(TAB)]);
    h.type_text("Ring Bo");
    h.keys(&[ctrl('s'), ch('s'), code(ENTER)]);
    h.open_past_checkin(0);
    let text = render(&h.app, 100, 40);
    for want in [
        "Check-in 2026-W48 · 2026-11-24",
        "kr1 Sälj för 100 miljoner",
        "70 (+20) · confidence 8/10 (+1)",
        "Stor affär",
        "Wins to celebrate",
        "Två nya kunder",
        "Next steps",
        "Ring Bo",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    // Long content scrolls: j moves it up, k back; Esc returns to the weeks.
    let top = render(&h.app, 80, 24);
    assert!(top.contains("kr1 Sälj"), "{top}");
    for _ in 0..10 {
        h.keys(&[ch('j')]);
    }
    let down = render(&h.app, 80, 24);
    assert!(!down.contains("kr1 Sälj"), "{down}");
    for _ in 0..10 {
        h.keys(&[ch('k')]);
    }
    assert_eq!(render(&h.app, 80, 24), top);
    h.keys(&[code(ESC)]);
    let Screen::Past(st) = h.app.screen() else {
        panic!("back on the weeks")
    };
    assert_eq!(st.open, None);
}

#[test]
fn a_plan_marked_done_shows_as_done_in_its_past_check_in() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.walk_to_reflection_with_plans();
    h.keys(&[ctrl('d'), code(ESC)]);
    h.open_past_checkin(1);
    let text = render(&h.app, 100, 40);
    assert!(text.contains("✓ - Ring Bo (done)"), "{text}");
    assert!(text.contains("  - Skriv offert"), "{text}");
    assert!(!text.contains("Skriv offert (done)"), "{text}");
}

#[test]
fn a_missed_week_is_filled_in_afterwards_dated_that_week() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let kr1 = h.app.data().objectives[0].key_results[0].clone();
    let on_the_day = kr1
        .history
        .iter()
        .rev()
        .find(|e| e.date <= "2026-11-09".parse().unwrap())
        .unwrap()
        .value;
    h.open_past_checkins();
    // W47 has a check-in already: c says so and starts nothing.
    h.keys(&[ch('j'), ch('c')]);
    assert!(matches!(h.app.screen(), Screen::Past(_)));
    let said = h.app.message().unwrap().text.clone();
    assert!(
        said.contains("2026-W47 has your check-in already"),
        "{said}"
    );
    // W46 has none: c starts one for it, dated its Monday.
    h.keys(&[ch('j'), ch('c')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("a check-in for the missed week")
    };
    assert_eq!(st.week.to_string(), "2026-W46");
    assert_eq!(
        st.form.text(okr::app::form::FieldId::Value),
        h.app.strings().num(on_the_day)
    );
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("Check-in 2026-W46 · dated 2026-11-09"),
        "{text}"
    );
    // Its bar shows the key result as it stood that day, not today.
    let then = format!("{} / 100 MSEK", h.app.strings().num(on_the_day));
    assert!(text.contains(&then), "{then}:\n{text}");
    h.keys(&[ctrl('u')]);
    h.type_text("42");
    h.keys(&[code(ENTER), code(ESC)]);
    // Leaving the walk returns to the past check-ins, on the same week.
    let Screen::Past(st) = h.app.screen() else {
        panic!("back on the past check-ins")
    };
    assert_eq!(st.sel, 2);
    let file = h.file();
    let c = file
        .checkins
        .iter()
        .find(|c| c.week.to_string() == "2026-W46")
        .unwrap();
    assert_eq!(c.date.to_string(), "2026-11-09");
    assert_eq!(c.entries[0].key_result, "kr1");
    assert_eq!(c.entries[0].value, 42.0);
    // In the history in date order; the value today is still the latest by date.
    let k = &file.objectives[0].key_results[0];
    let dates: Vec<_> = k.history.iter().map(|e| e.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let entry = k
        .history
        .iter()
        .find(|e| e.date.to_string() == "2026-11-09")
        .unwrap();
    assert_eq!(entry.value, 42.0);
    assert_eq!(k.measure.current(), kr1.measure.current());
    // This week's check-in is still due, for every key result.
    assert!(h.app.checkin_due());
    assert_eq!(h.app.checkin_waiting(), 12);
    // The week is listed as checked in now.
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("2026-W46  2026-11-09  1 key result"),
        "{text}"
    );
}

#[test]
fn c_on_this_week_in_the_list_is_this_weeks_check_in() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.open_past_checkins();
    h.keys(&[ch('c')]);
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("the check-in")
    };
    assert_eq!(st.week, IsoWeek::of(today()));
    assert_eq!(st.date, today());
}

#[test]
fn the_weeks_are_mine_or_the_filters_owners() {
    let mut h = Harness::new(Some(team_demo()), Lang::En);
    h.check_in_as("Bo", Some('4'));
    h.app.set_me(Some("Anna".into()));
    h.open_past_checkins();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Past check-ins · 2026 Q4 · Anna"), "{text}");
    assert!(text.contains("2026-W48  no check-in"), "{text}");
    h.keys(&[code(ESC)]);
    h.app.set_filter(OwnerFilter::Owner("Bo".into()));
    h.open_past_checkins();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Past check-ins · 2026 Q4 · Bo"), "{text}");
    assert!(
        text.contains("2026-W48  2026-11-24  4 key results  · pulse 4"),
        "{text}"
    );
}

#[test]
fn a_quarter_offers_only_its_own_weeks_never_one_of_the_year_before() {
    // 2027-01-01 is a Friday of 2026-W53: that week is 2026 Q4's.
    let mut h = Harness::with_setup(Some(demo()), Lang::En, |s| {
        s.today = "2027-01-08".parse().unwrap();
    });
    h.open_past_checkins();
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Past check-ins · 2027 Q1"), "{text}");
    assert!(text.contains("▸ 2027-W01"), "{text}");
    assert!(!text.contains("2026-W53"), "{text}");
    assert_eq!(h.app.past_weeks().len(), 1);
    // The quarter before ends with it, and begins with 2026-W40 (Thursday
    // 2026-10-01), which 2026 Q3 no longer offers.
    h.keys(&[ch('[')]);
    let weeks: Vec<String> = h
        .app
        .past_weeks()
        .iter()
        .map(|w| w.week.to_string())
        .collect();
    assert_eq!(weeks.first().unwrap(), "2026-W53");
    assert_eq!(weeks.last().unwrap(), "2026-W40");
    h.keys(&[ch('[')]);
    let weeks: Vec<String> = h
        .app
        .past_weeks()
        .iter()
        .map(|w| w.week.to_string())
        .collect();
    assert_eq!(weeks.first().unwrap(), "2026-W39");
    assert_eq!(weeks.last().unwrap(), "2026-W27");
}

/// The example data with a key result added to the first Mål on
/// 2026-11-18 (a Wednesday of 2026-W47), moved on 2026-11-20.
fn with_a_key_result_added_in_w47() -> okr::model::Data {
    let mut data = demo();
    let o = data.objective_mut(0).unwrap();
    let mut k = okr::model::KeyResult::new(
        "kr99".into(),
        "Öppna kontor i Oslo".into(),
        okr::model::Measure::numeric(0.0, 2.0, ""),
    );
    k.record(
        "2026-11-18".parse().unwrap(),
        0.0,
        Some(5),
        String::new(),
        None,
    );
    k.record(
        "2026-11-20".parse().unwrap(),
        1.0,
        Some(5),
        String::new(),
        None,
    );
    o.key_results.push(k);
    data
}

#[test]
fn a_missed_week_offers_only_the_key_results_there_on_its_day() {
    for lang in [Lang::En, Lang::Sv] {
        let mut h = Harness::new(Some(with_a_key_result_added_in_w47()), lang);
        // This week's check-in walks it.
        h.keys(&[ch('c')]);
        let Screen::CheckIn(st) = h.app.screen() else {
            panic!("this week's check-in")
        };
        assert!(st.items.iter().any(|(_, k)| k == "kr99"));
        assert_eq!(st.items.len(), 13);
        h.keys(&[code(ESC)]);
        // 2026-W46, dated 2026-11-09, came before it: 12 key results.
        h.open_past_checkins();
        h.keys(&[ch('j'), ch('j'), ch('c')]);
        let Screen::CheckIn(st) = h.app.screen() else {
            panic!("a check-in for the missed week")
        };
        assert_eq!(st.week.to_string(), "2026-W46");
        assert!(!st.items.iter().any(|(_, k)| k == "kr99"), "{:?}", st.items);
        assert_eq!(st.items.len(), 12);
        // Its summary leaves it out as well: it did not move that week.
        let summary = h.app.checkin_summary(st);
        assert!(
            !summary
                .moved
                .iter()
                .any(|m| m.title == "Öppna kontor i Oslo"),
            "{:?}",
            summary.moved
        );
        let text = render(&h.app, 100, 30);
        let one_of = match lang {
            Lang::En => "Key result 1 of 12",
            _ => "Nyckelresultat 1 av 12",
        };
        assert!(text.contains(one_of), "{text}");
    }
}

#[test]
fn a_week_before_every_key_result_says_so_and_starts_nothing() {
    // The example's key results were added on 2026-10-06; 2026-W40 is
    // dated 2026-10-01, the quarter's first day.
    for (lang, words) in [
        (Lang::En, "No key results were there yet on 2026-10-01"),
        (Lang::Sv, "Inga nyckelresultat fanns än den 2026-10-01"),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        h.open_past_checkins();
        for _ in 0..8 {
            h.keys(&[ch('j')]);
        }
        let Screen::Past(st) = h.app.screen() else {
            panic!("the past check-ins")
        };
        assert_eq!(h.app.past_weeks()[st.sel].week.to_string(), "2026-W40");
        h.keys(&[ch('c')]);
        assert!(matches!(h.app.screen(), Screen::Past(_)));
        let said = h.app.message().unwrap().text.clone();
        assert!(said.contains(words), "{said}");
    }
}

#[test]
fn the_header_names_whose_weeks_they_are_not_whose_mal_are_shown() {
    for (lang, everyone, title) in [
        (
            Lang::En,
            "showing: everyone",
            "Past check-ins · 2026 Q4 · Anna",
        ),
        (
            Lang::Sv,
            "visar: alla",
            "Tidigare incheckningar · 2026 Q4 · Anna",
        ),
    ] {
        let mut h = Harness::new(Some(team_demo()), lang);
        h.app.set_me(Some("anna".into()));
        // The quarter view shows everyone's Mål, and says so.
        let text = render(&h.app, 100, 30);
        assert!(text.contains(everyone), "{text}");
        h.open_past_checkins();
        let text = render(&h.app, 100, 30);
        let head = text.lines().next().unwrap();
        assert!(head.contains(title), "{head}");
        assert!(!text.contains(everyone), "{text}");
    }
}
