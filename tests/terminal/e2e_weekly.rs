//! End to end in a real terminal (tmux): the past check-ins of the quarter,
//! a week opened in full, and a missed week filled in afterwards (a key
//! result skipped on the way), checked on the screen, in the file and, in
//! Swedish, at the next start.

use crate::support::term::{Term, wait_field};
use crate::support::{Sandbox, key_result};
use serde_json::Value;

/// Today's quarter with one Mål and three key results, checked in last
/// week (2026-W47) with next steps, not in the week before (2026-W46).
fn store() -> Value {
    serde_json::json!({
        "version": 1,
        "settings": { "checkin_weekday": "monday" },
        "objectives": [
            {
                "id": "o1",
                "title": "Expandera globalt",
                "kind": "committed",
                "quarter": "2026-Q4",
                "status": "active",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-16T09:30:00Z",
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Sälj för 100 miljoner",
                        "measure": { "type": "numeric", "start": 0.0, "target": 100.0, "current": 12.5, "unit": "MSEK" },
                        "weight": 1.0,
                        "confidence": 7,
                        "history": [
                            { "date": "2026-11-02", "value": 8.0, "confidence": 6 },
                            { "date": "2026-11-16", "value": 12.5, "confidence": 7 }
                        ]
                    },
                    {
                        "id": "kr2",
                        "title": "Sänk ledtiden för offerter",
                        "measure": { "type": "numeric", "start": 10.0, "target": 2.0, "current": 6.0, "unit": "dagar" },
                        "weight": 1.0,
                        "confidence": 5,
                        "history": [
                            { "date": "2026-10-05", "value": 10.0, "confidence": 5 },
                            { "date": "2026-11-16", "value": 6.0, "confidence": 5 }
                        ]
                    },
                    {
                        "id": "kr3",
                        "title": "Lansera en feedback-process",
                        "measure": { "type": "done", "done": false },
                        "weight": 1.0,
                        "confidence": 8,
                        "history": []
                    }
                ],
                "initiatives": []
            }
        ],
        "checkins": [
            {
                "week": "2026-W47",
                "date": "2026-11-16",
                "entries": [
                    { "key_result": "kr1", "value": 12.5, "confidence": 7, "note": "Två affärer nära" },
                    { "key_result": "kr2", "value": 6.0, "confidence": 5 },
                    { "key_result": "kr3", "value": 0.0, "confidence": 8 }
                ],
                "wins": "Första kunden i Tyskland",
                "next_steps": "Ring Bo"
            }
        ]
    })
}

#[test]
fn past_check_ins_are_browsed_and_a_missed_week_is_filled_in() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&store());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for("This week's check-in: 3 key results waiting");

    // The weeks of the quarter, newest first.
    t.press("w");
    let screen = t.wait_for("Past check-ins · 2026 Q4");
    assert!(
        screen.contains("2026-W47  2026-11-16  3 key results"),
        "{screen}"
    );
    assert!(
        screen.contains("2026-W46  no check-in — c fills it in"),
        "{screen}"
    );

    // Last week in full.
    t.press("j");
    t.press("Enter");
    t.wait_for("Check-in 2026-W47 · 2026-11-16");
    // The week is drawn whole before it is read: its last line is there.
    let screen = t.wait_for("Ring Bo");
    for want in [
        "Check-in 2026-W47 · 2026-11-16",
        "12.5 · confidence 7/10",
        "Två affärer nära",
        "Första kunden i Tyskland",
        "Ring Bo",
    ] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    t.press("Escape");
    t.wait_gone("Check-in 2026-W47 · 2026-11-16");

    // The missed week before it: c starts its check-in, dated its Monday,
    // prefilled with the value of that day.
    t.press("j");
    t.press("c");
    t.wait_for("Check-in 2026-W46 · dated 2026-11-09");
    wait_field(&t, "Value", "8", "the value on 2026-11-09");
    t.type_text("15");
    t.press("Enter");
    t.wait_for("Key result 2 of 3");
    t.press("C-k");
    t.wait_for("Key result 3 of 3");
    t.press("Enter");
    t.wait_for("Wins, blockers and next steps");
    t.press("C-s");
    t.wait_for("Team pulse: rate each pillar 1–5");
    t.press("s");
    let screen = t.wait_for("Skipped this week");
    assert!(screen.contains("– Sänk ledtiden för offerter"), "{screen}");
    t.press("Enter");
    t.wait_gone("Skipped this week");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let c = data["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["week"] == "2026-W46")
        .unwrap_or_else(|| panic!("a check-in for 2026-W46: {data:#}"));
    assert_eq!(c["date"], "2026-11-09");
    assert_eq!(c["skipped"], serde_json::json!(["kr2"]));
    let krs: Vec<&Value> = c["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["key_result"])
        .collect();
    assert_eq!(krs, ["kr1", "kr3"]);
    // The history in date order; the value now is still the latest by date.
    let kr1 = key_result(&data, "kr1");
    let dates: Vec<&str> = kr1["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-02", "2026-11-09", "2026-11-16"]);
    assert_eq!(kr1["history"][1]["value"], 15.0);
    assert_eq!(kr1["measure"]["current"], 12.5);

    // The next start, in Swedish: the week is listed as checked in.
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("sv"));
    t.wait_for("Veckans incheckning");
    t.press("w");
    let screen = t.wait_for("Tidigare incheckningar · 2026 Q4");
    assert!(
        screen.contains("2026-W46  2026-11-09  2 nyckelresultat"),
        "{screen}"
    );
    assert!(
        screen.contains("2026-W45  ingen incheckning – tryck c för att fylla i"),
        "{screen}"
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn the_first_quarter_of_a_year_lists_no_week_of_the_year_before() {
    // 2027-01-01 is a Friday of 2026-W53; today is in 2027-W01.
    let sandbox = Sandbox::new();
    sandbox.write_json(&store());
    let command = format!("OKR_TODAY=2027-01-08 {}", sandbox.session_command("en"));
    let t = Term::start(&sandbox, 100, 30, &command);
    t.wait_for("Quarter 2027 Q1");
    t.press("w");
    let screen = t.wait_for("Past check-ins · 2027 Q1");
    assert!(screen.contains("▸ 2027-W01"), "{screen}");
    assert!(!screen.contains("2026-W53"), "{screen}");
    // The quarter before holds it, newest first.
    t.press("[");
    let screen = t.wait_for("Past check-ins · 2026 Q4");
    assert!(screen.contains("▸ 2026-W53"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_missed_week_walks_only_the_key_results_there_on_its_day() {
    // kr4 was added on 2026-11-18, in 2026-W47.
    let mut data = store();
    data["objectives"][0]["key_results"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "kr4",
            "title": "Öppna kontor i Oslo",
            "measure": { "type": "done", "done": false },
            "confidence": 5,
            "history": [ { "date": "2026-11-18", "value": 0.0, "confidence": 5 } ]
        }));
    let sandbox = Sandbox::new();
    sandbox.write_json(&data);
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("sv"));
    t.wait_for("4 nyckelresultat väntar");
    t.press("w");
    t.wait_for("Tidigare incheckningar · 2026 Q4");
    // 2026-W46, dated 2026-11-09: three key results, kr4 not among them.
    t.press("j");
    t.press("j");
    t.press("c");
    t.wait_for("Incheckning 2026-W46 · daterad 2026-11-09");
    for step in 1..=3 {
        let screen = t.wait_for(&format!("Nyckelresultat {step} av 3"));
        assert!(!screen.contains("Öppna kontor i Oslo"), "{screen}");
        t.press("Enter");
    }
    t.wait_for("Vinster, hinder och nästa steg");
    t.press("Escape");
    t.wait_for("Tidigare incheckningar · 2026 Q4");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    let c = data["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["week"] == "2026-W46")
        .unwrap_or_else(|| panic!("a check-in for 2026-W46: {data:#}"));
    assert!(!c.to_string().contains("kr4"), "{c:#}");
}

#[test]
fn the_past_check_ins_say_whose_they_are() {
    let sandbox = Sandbox::new();
    let bytes = okr::store::format::serialize(&crate::support::team::team_demo()).unwrap();
    std::fs::write(sandbox.file(), bytes).unwrap();
    let command = format!("OKR_OWNER=Anna {}", sandbox.session_command("sv"));
    let t = Term::start(&sandbox, 100, 30, &command);
    // The quarter view shows everyone's Mål; the past check-ins are Anna's.
    t.wait_for("visar: alla");
    t.press("w");
    let screen = t.wait_for("Tidigare incheckningar · 2026 Q4 · Anna");
    assert!(!screen.contains("visar: alla"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
