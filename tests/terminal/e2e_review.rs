//! End to end in a real terminal (tmux): the review of a finished quarter,
//! its scores, retros and carrying over, and the report that shows them.

use crate::support::term::{Term, field_value, session_of, wait_field};
use crate::support::{Sandbox, okr_binary};
use serde_json::Value;

/// A finished quarter (2026-Q3): a committed Mål whose key result reached
/// its target, and an aspirational one at 30 % with an open and a done Uppgift.
fn review_store() -> Value {
    serde_json::json!({
        "version": 1,
        "objectives": [
            {
                "id": "o1",
                "title": "Lansera appen",
                "kind": "committed",
                "quarter": "2026-Q3",
                "status": "active",
                "created": "2026-07-01T08:00:00Z",
                "updated": "2026-09-28T16:00:00Z",
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Nedladdningar",
                        "measure": { "type": "numeric", "start": 0.0, "target": 1000.0, "current": 1000.0, "unit": "st" },
                        "weight": 1.0,
                        "confidence": 9,
                        "history": [ { "date": "2026-09-28", "value": 1000.0 } ]
                    }
                ],
                "initiatives": []
            },
            {
                "id": "o2",
                "title": "Bli marknadsledare",
                "kind": "aspirational",
                "quarter": "2026-Q3",
                "status": "active",
                "created": "2026-07-01T08:00:00Z",
                "updated": "2026-09-28T16:00:00Z",
                "key_results": [
                    {
                        "id": "kr2",
                        "title": "Marknadsandel",
                        "measure": { "type": "numeric", "start": 0.0, "target": 10.0, "current": 3.0, "unit": "%" },
                        "weight": 1.0,
                        "confidence": 4,
                        "history": [ { "date": "2026-09-28", "value": 3.0 } ]
                    }
                ],
                "initiatives": [
                    { "id": "u1", "title": "Kampanj i Norge" },
                    { "id": "u2", "title": "Pressmeddelande", "done": "2026-09-10" }
                ]
            }
        ],
        "checkins": []
    })
}

/// The review of a finished quarter: a score, a status and a retro for each
/// Mål, the unfinished aspirational one carried into the next quarter, and
/// the report showing it all.
#[test]
fn the_quarter_review_scores_writes_the_retro_and_carries_over() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&review_store());
    let t = Term::start(
        &sandbox,
        100,
        30,
        &sandbox.session_command_with("en", &["review", "2026-Q3"]),
    );
    t.wait_until(
        concat!("Quarter review 2026 Q3", " with ", "▸ Lansera appen"),
        |s| s.contains("Quarter review 2026 Q3") && s.contains("▸ Lansera appen"),
    );
    // The aspirational Mål below 1.0 is proposed for carrying.
    t.wait_until("Bli marknadsledare, proposed to carry over", |s| {
        s.contains("Bli marknadsledare") && s.contains("proposed to carry over")
    });

    // The committed Mål: score 1, achieved, what went well.
    t.press("Enter");
    t.wait_for("Score and retro");
    wait_field(&t, "Score (0–1)", "1", "the suggested score is prefilled");
    wait_field(&t, "Status", "‹ active ›", "the status as it is");
    t.press("C-u");
    t.type_text("1");
    t.press("Tab");
    t.press("Right");
    t.wait_for("‹ achieved ›");
    t.press("Tab");
    t.type_text("Snabba releaser varje vecka");
    t.wait_for("Snabba releaser varje vecka");
    t.press("C-s");
    t.wait_gone("Score and retro");
    t.wait_until("score 1 (green) and achieved on one line", |s| {
        s.lines()
            .any(|l| l.contains("score 1 (green)") && l.contains("achieved"))
    });

    // The aspirational Mål: carried over by default, score 0,3, carried.
    t.press("j");
    t.wait_for("▸ Bli marknadsledare");
    t.press("Enter");
    t.wait_for("Score and retro");
    wait_field(&t, "Score (0–1)", "0.3", "the suggested score is prefilled");
    wait_field(&t, "Status", "‹ carried over ›", "carrying is proposed");
    t.type_text("0,3");
    t.wait_until("the score 0,3 typed over the suggested one", |s| {
        s.contains("Score (0–1)") && field_value(s, "Score (0–1)") == "0,3"
    });
    t.press("C-s");
    // Its key results are checked.
    let screen = t.wait_until("the carry dialog with kr2 checked", |s| {
        s.contains("Carry into the next quarter") && s.contains("[x] kr2 Marknadsandel")
    });
    assert!(
        screen.contains("1 open initiative comes along."),
        "{screen}"
    );
    t.press("Enter");
    t.wait_for("Carried into 2026 Q4.");
    t.wait_gone("Carry into the next quarter");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);

    let data = sandbox.json();
    let objectives = data["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 3, "one copy: {data:#}");
    let o1 = &objectives[0];
    assert_eq!(o1["id"], "o1");
    assert_eq!(o1["score"], 1.0);
    assert_eq!(o1["status"], "achieved");
    assert_eq!(o1["retro"]["went_well"], "Snabba releaser varje vecka");
    let o2 = &objectives[1];
    assert_eq!(o2["id"], "o2");
    assert_eq!(o2["score"], 0.3);
    assert_eq!(o2["status"], "carried_over");

    let copy = &objectives[2];
    assert_eq!(copy["quarter"], "2026-Q4");
    assert_eq!(copy["carried_from"], "o2");
    assert_eq!(copy["title"], "Bli marknadsledare");
    assert_ne!(copy["id"], "o2", "the copy has its own id");
    let krs = copy["key_results"].as_array().expect("key_results");
    assert_eq!(krs.len(), 1, "{copy:#}");
    assert_eq!(krs[0]["title"], "Marknadsandel");
    assert_ne!(krs[0]["id"], "kr2", "the copy's key result has its own id");
    assert_eq!(
        krs[0]["measure"]["start"], 3.0,
        "starts from the old current"
    );
    assert_eq!(krs[0]["measure"]["current"], 3.0);
    assert_eq!(krs[0]["measure"]["target"], 10.0);
    let inits = copy["initiatives"].as_array().expect("initiatives");
    let titles: Vec<&Value> = inits.iter().map(|i| &i["title"]).collect();
    assert_eq!(titles, ["Kampanj i Norge"], "only the open one: {copy:#}");
    assert!(inits[0].get("done").is_none_or(Value::is_null));

    // The report of the reviewed quarter.
    let out = sandbox.okr_e2e(&[
        "--lang",
        "en",
        "export",
        "--format",
        "md",
        "--quarter",
        "2026-Q3",
    ]);
    let stdout = &out.stdout;
    assert_eq!(out.code, Some(0), "export failed: {}", out.stderr);
    assert!(stdout.contains("- Score: 1 ("), "{stdout}");
    assert!(stdout.contains("- Score: 0.3 ("), "{stdout}");
    assert!(stdout.contains("Snabba releaser varje vecka"), "{stdout}");
    assert!(stdout.contains("- Status: carried over"), "{stdout}");
    assert!(stdout.contains("- Status: achieved"), "{stdout}");
}

/// `okr review` without a quarter opens the quarter just ended during the
/// first two weeks of a new one, and today's quarter after that.
#[test]
fn okr_review_opens_the_quarter_just_ended_for_two_weeks() {
    let sandbox = Sandbox::new();
    sandbox.write_json(&review_store());
    let file = sandbox.file();
    let bin = okr_binary().to_string_lossy().into_owned();
    let args = ["--file", file.to_str().unwrap(), "--lang", "en", "review"];
    for (today, shown) in [
        ("2026-10-01", "Quarter review 2026 Q3"),
        ("2026-10-14", "Quarter review 2026 Q3"),
        ("2026-10-15", "Quarter review 2026 Q4"),
        ("2026-11-24", "Quarter review 2026 Q4"),
    ] {
        let t = Term::start(
            &sandbox,
            100,
            30,
            &session_of(&[("OKR_TODAY", today)], &bin, &args, ""),
        );
        // The footer is drawn last: once it is there, so is the list.
        let screen = t.wait_until(&format!("{shown} and the footer"), |s| {
            s.contains(shown) && s.contains("q/Ctrl-C quit")
        });
        assert_eq!(
            screen.contains("▸ Lansera appen"),
            shown.ends_with("Q3"),
            "on {today}:\n{screen}"
        );
        t.press("q");
        assert_eq!(t.wait_exit(), 0, "on {today}");
    }
}
