//! End to end in a real terminal (tmux): the weekly check-in from the banner
//! to the summary, checked on the screen, in the file and at the next start.

use crate::support::term::{Term, field_value, wait_field};
use crate::support::{Sandbox, TODAY, key_result};
use serde_json::Value;

/// Today's quarter with two Mål and three key results (two numeric, one
/// done/not-done), checked in last week (2026-W47) but not this week.
fn checkin_store() -> Value {
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
                        "history": [ { "date": "2026-11-16", "value": 12.5, "confidence": 7 } ]
                    },
                    {
                        "id": "kr2",
                        "title": "Sänk ledtiden för offerter",
                        "measure": { "type": "numeric", "start": 10.0, "target": 2.0, "current": 6.0, "unit": "dagar" },
                        "weight": 1.0,
                        "confidence": 5,
                        "history": [ { "date": "2026-11-16", "value": 6.0, "confidence": 5 } ]
                    }
                ],
                "initiatives": []
            },
            {
                "id": "o2",
                "title": "Gör kunderna glada",
                "kind": "aspirational",
                "quarter": "2026-Q4",
                "status": "active",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-16T09:30:00Z",
                "key_results": [
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
                    { "key_result": "kr1", "value": 12.5, "confidence": 7 },
                    { "key_result": "kr2", "value": 6.0, "confidence": 5 },
                    { "key_result": "kr3", "value": 0.0, "confidence": 8 }
                ],
                "wins": "Första kunden i Tyskland"
            }
        ]
    })
}

const CHECKIN_BANNER: &str = "This week's check-in: 3 key results waiting — press c";

/// The weekly check-in from the banner to the summary: every key result's
/// value, the wins, the pulse skipped; the file holds this week's one
/// check-in and the new values, and the next start shows no banner.
#[test]
fn the_weekly_checkin_walks_every_key_result_and_ends_up_in_the_file() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&checkin_store());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(CHECKIN_BANNER);

    // Each key result in Mål order: the prefilled value is replaced by typing.
    t.press("c");
    t.wait_until(
        concat!("Key result 1 of 3", " with ", "Sälj för 100 miljoner"),
        |s| s.contains("Key result 1 of 3") && s.contains("Sälj för 100 miljoner"),
    );
    wait_field(&t, "Value", "12.5", "the value is prefilled");
    t.type_text("20");
    t.wait_until("the value 20 typed over 12.5", |s| {
        s.contains("Value") && field_value(s, "Value") == "20"
    });
    t.press("Enter");
    t.wait_until(
        concat!("Key result 2 of 3", " with ", "Sänk ledtiden för offerter"),
        |s| s.contains("Key result 2 of 3") && s.contains("Sänk ledtiden för offerter"),
    );
    t.type_text("4");
    t.press("Enter");
    t.wait_until(
        concat!("Key result 3 of 3", " with ", "Lansera en feedback-process"),
        |s| s.contains("Key result 3 of 3") && s.contains("Lansera en feedback-process"),
    );
    wait_field(&t, "Done", "‹ no ›", "not done yet");
    t.press("Right");
    t.wait_for("‹ yes ›");
    t.press("Enter");

    // Wins, then Ctrl-S goes on; the pulse is skipped.
    t.wait_for("Wins, blockers and next steps");
    t.type_text("Två nya kunder");
    t.wait_for("Två nya kunder");
    t.press("C-s");
    t.wait_for("Team pulse: rate each pillar 1–5");
    t.press("s");

    let moved = [
        "↑ Sälj för 100 miljoner: 12.5 → 20",
        "↑ Sänk ledtiden för offerter: 6 → 4",
        "↑ Lansera en feedback-process: not done → done",
    ];
    let screen = t.wait_until("what moved, in the summary", |s| {
        s.contains("What moved") && moved.iter().all(|m| s.contains(m))
    });
    assert!(
        screen.contains("Check-in streak: 2 weeks"),
        "last week and this week:\n{screen}"
    );

    // Back on the quarter view the banner is gone.
    t.press("Enter");
    t.wait_gone("What moved");
    let screen = t.wait_for("Gör kunderna glada");
    assert!(
        !screen.contains("This week's check-in"),
        "no banner after the check-in:\n{screen}"
    );
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let checkins = data["checkins"].as_array().expect("checkins");
    let this_week: Vec<&Value> = checkins
        .iter()
        .filter(|c| c["week"] == "2026-W48")
        .collect();
    assert_eq!(this_week.len(), 1, "one check-in this week: {data:#}");
    let c = this_week[0];
    assert_eq!(c["date"], TODAY);
    assert_eq!(c["wins"], "Två nya kunder");
    assert!(c.get("pulse").is_none_or(Value::is_null), "no pulse: {c:#}");
    let entries = c["entries"].as_array().expect("entries");
    let values: Vec<(&str, f64)> = entries
        .iter()
        .map(|e| {
            (
                e["key_result"].as_str().expect("key_result"),
                e["value"].as_f64().expect("value"),
            )
        })
        .collect();
    assert_eq!(values, [("kr1", 20.0), ("kr2", 4.0), ("kr3", 1.0)]);
    assert_eq!(checkins.len(), 2, "last week's is kept: {data:#}");

    assert_eq!(key_result(&data, "kr1")["measure"]["current"], 20.0);
    assert_eq!(key_result(&data, "kr2")["measure"]["current"], 4.0);
    assert_eq!(key_result(&data, "kr3")["measure"]["done"], true);
    for (id, value) in [("kr1", 20.0), ("kr2", 4.0), ("kr3", 1.0)] {
        let history = key_result(&data, id)["history"]
            .as_array()
            .expect("history");
        let today: Vec<&Value> = history.iter().filter(|h| h["date"] == TODAY).collect();
        assert_eq!(
            today.len(),
            1,
            "one history entry today for {id}: {history:#?}"
        );
        assert_eq!(today[0]["value"], value, "{id}: {history:#?}");
    }

    // The next start knows this week is done.
    drop(t);
    let again = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    // The body is drawn below the banner's place, so the banner would be there by now.
    let screen = again.wait_for("Gör kunderna glada");
    assert!(
        !screen.contains("This week's check-in"),
        "no banner once this week is checked in:\n{screen}"
    );
    again.press("q");
    assert_eq!(again.wait_exit(), 0);
}

/// `okr checkin` opens this week's walk at once, without the quarter view's `c`.
#[test]
fn okr_checkin_opens_the_weeks_walk_at_once() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&checkin_store());
    let t = Term::start(
        &sandbox,
        100,
        30,
        &sandbox.session_command_with("en", &["checkin"]),
    );
    t.wait_until(
        concat!("Check-in 2026-W48", " at ", "Key result 1 of 3"),
        |s| s.contains("Check-in 2026-W48") && s.contains("Key result 1 of 3"),
    );
    wait_field(&t, "Value", "12.5", "the value is prefilled");
    t.type_text("30");
    wait_field(&t, "Value", "30", "typed over the prefilled value");
    t.press("Enter");
    t.wait_for("Key result 2 of 3");
    // Esc leaves the walk with what was entered; q then quits.
    t.press("Escape");
    t.wait_gone("Key result 2 of 3");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    assert_eq!(key_result(&data, "kr1")["measure"]["current"], 30.0);
    let week = data["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["week"] == "2026-W48")
        .unwrap_or_else(|| panic!("no check-in of this week: {data:#}"));
    assert_eq!(week["date"], TODAY);
    let entries = week["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:#?}");
    assert_eq!(entries[0]["key_result"], "kr1");
    assert_eq!(entries[0]["value"], 30.0);
}

/// Correcting a key result's latest entry, which last week's check-in holds
/// too, asks whether to correct the check-in as well; `y` corrects both.
#[test]
fn correcting_the_latest_entry_corrects_that_weeks_check_in_too() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&checkin_store());
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    t.wait_for(CHECKIN_BANNER);
    t.press("Tab");
    t.wait_for("▶ Key results");
    t.press("Enter");
    t.wait_for("Key result · kr1 Sälj för 100 miljoner");
    t.wait_for("▸ 2026-11-16  12.5 MSEK");
    t.press("e");
    t.wait_for("Correct the entry");
    t.type_text("13");
    t.wait_until("13 typed over 12.5", |s| {
        s.lines().any(|l| l.contains("Value") && l.contains(" 13 "))
    });
    t.press("Enter");
    // The question wraps in its box; the footer has its keys.
    let screen = t.wait_for("The check-in of 2026-W47 has the same value (12.5 MSEK).");
    assert!(
        screen.contains("y/Y yes, correct the check-in too"),
        "{screen}"
    );
    t.press("y");
    t.wait_gone("has the same value");
    t.wait_for("▸ 2026-11-16  13 MSEK");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    let kr1 = key_result(&data, "kr1");
    assert_eq!(kr1["history"][0]["value"], 13.0, "{kr1:#}");
    let entry = &data["checkins"][0]["entries"][0];
    assert_eq!(entry["key_result"], "kr1");
    assert_eq!(
        entry["value"], 13.0,
        "the check-in says what the history says"
    );
}
