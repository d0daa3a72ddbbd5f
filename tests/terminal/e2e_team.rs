//! End to end in a real terminal (tmux): a team on one file, each person
//! by `--owner` or `OKR_OWNER`.

use crate::support::Sandbox;
use crate::support::team::team_demo;
use crate::support::term::{Term, line_with};

fn team_sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    let bytes = okr::store::format::serialize(&team_demo()).unwrap();
    std::fs::write(sandbox.file(), bytes).unwrap();
    sandbox
}

/// `okr checkin --owner NAME` walks that owner's key results only.
#[test]
fn checkin_owner_walks_that_owners_key_results() {
    let sandbox = team_sandbox();
    let t = Term::start(
        &sandbox,
        100,
        30,
        &sandbox.session_command_with("en", &["checkin", "--owner", "Bo"]),
    );
    let screen = t.wait_for("Key result 1 of 4");
    assert!(screen.contains("Fira små vinster varje vecka"), "{screen}");
    t.press("Escape");
    t.wait_for("showing: Bo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// One person's check-in in the terminal: `okr checkin` as `OKR_OWNER=who`,
/// each of their `n` key results accepted, the wins typed, the pulse skipped.
fn check_in_as(sandbox: &Sandbox, who: &str, n: usize) {
    let command = format!(
        "OKR_OWNER={who} {}",
        sandbox.session_command_with("en", &["checkin"])
    );
    let t = Term::start(sandbox, 100, 30, &command);
    for i in 1..=n {
        t.wait_for(&format!("Key result {i} of {n}"));
        t.press("Enter");
    }
    t.wait_for("Wins, blockers and next steps");
    t.type_text(&format!("{who} vann"));
    t.wait_for(&format!("{who} vann"));
    t.press("C-s");
    t.wait_for("Team pulse: rate each pillar 1–5");
    t.press("s");
    t.wait_for("Check-in streak");
    t.press("Enter");
    // Back on the quarter view, with no banner for me any more.
    let screen = t.wait_for("showing: everyone");
    assert!(!screen.contains("This week's check-in"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// Two owners on one file, each by `OKR_OWNER`: the banner counts each
/// one's own key results, each walks their own, and the file holds two
/// check-ins for the week, each with its owner.
#[test]
fn two_owners_check_in_on_one_file() {
    let sandbox = team_sandbox();
    let banner = |who: &str, n: usize| {
        let command = format!("OKR_OWNER={who} {}", sandbox.session_command("en"));
        let t = Term::start(&sandbox, 100, 30, &command);
        t.wait_for(&format!("This week's check-in: {n} key results waiting"));
        t.press("q");
        assert_eq!(t.wait_exit(), 0);
    };
    banner("Anna", 6);
    banner("Bo", 4);
    check_in_as(&sandbox, "Anna", 6);
    // Anna is done; Bo's four still wait.
    banner("Bo", 4);
    check_in_as(&sandbox, "Bo", 4);

    let data = sandbox.json();
    assert_eq!(data["version"], okr::model::FORMAT_VERSION);
    let week: Vec<&serde_json::Value> = data["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["week"] == "2026-W48")
        .collect();
    assert_eq!(week.len(), 2, "{data:#}");
    for (c, who, first, n) in [(week[0], "Anna", "kr1", 6), (week[1], "Bo", "kr7", 4)] {
        assert_eq!(c["owner"], who, "{c:#}");
        assert_eq!(c["wins"], format!("{who} vann"));
        let entries = c["entries"].as_array().unwrap();
        assert_eq!(entries.len(), n, "{c:#}");
        assert_eq!(entries[0]["key_result"], first);
    }
    // The format-2 file was written from one made by okr itself: no v1 copy.
    assert!(!sandbox.path().join("okr.json.v1.bak").exists());
}

/// The Mål of the aligned example, by the start of their titles.
const TREE_TITLES: [&str; 6] = [
    "Expandera",
    "Gör våra kunder",
    "Gör våra medarbetare",
    "Bli självförsörjande",
    "Spara ihop",
    "Växa som team",
];

/// The check-in walks the key results in the order the quarter view shows
/// the Mål (the tree: o5 at the top, o1 and what serves it under o7), not
/// in the file's order.
#[test]
fn the_check_in_walks_in_the_order_on_screen() {
    let sandbox = Sandbox::new();
    let bytes = okr::store::format::serialize(&crate::support::team::tree_demo()).unwrap();
    std::fs::write(sandbox.file(), bytes).unwrap();
    let t = Term::start(&sandbox, 100, 30, &sandbox.session_command("en"));
    let screen = t.wait_for("Växa som team");
    // The Mål list, above the selected Mål's key results.
    let list: Vec<&str> = screen
        .lines()
        .take_while(|l| !l.contains("Key results ·"))
        .collect();
    let mut shown: Vec<(usize, &str)> = TREE_TITLES
        .iter()
        .map(|title| {
            let row = list.iter().position(|l| l.contains(title));
            (
                row.unwrap_or_else(|| panic!("{title} is not listed:\n{screen}")),
                *title,
            )
        })
        .collect();
    shown.sort();
    let shown: Vec<&str> = shown.into_iter().map(|(_, title)| title).collect();
    assert_eq!(
        shown[0], "Spara ihop",
        "the tree differs from the file:\n{screen}"
    );
    t.press("c");
    let mut walked: Vec<&str> = Vec::new();
    for i in 1..=12 {
        let step = format!("Key result {i} of 12");
        let screen = t.wait_until(&step, |s| {
            s.contains(&step)
                && s.lines()
                    .any(|l| l.contains("Objective: ") && TREE_TITLES.iter().any(|m| l.contains(m)))
        });
        let line = line_with(&screen, "Objective: ");
        let title = TREE_TITLES.iter().find(|m| line.contains(*m)).unwrap();
        if walked.last() != Some(title) {
            walked.push(title);
        }
        t.press("Enter");
    }
    t.wait_for("Wins, blockers and next steps");
    // Every Mål with key results, in the order on screen (o7 has none).
    let expected: Vec<&str> = shown
        .into_iter()
        .filter(|m| *m != "Växa som team")
        .collect();
    assert_eq!(walked, expected);
    t.press("Escape");
    t.wait_for("Växa som team");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// This week's check-in of `who` in the file (by the name as stored).
fn checkin_of_week(sandbox: &Sandbox, who: &str) -> Option<serde_json::Value> {
    let data = sandbox.json();
    data["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["week"] == "2026-W48" && c["owner"] == who)
        .cloned()
}

/// Anna checks in for Bo (`f` to Bo's Mål, then `c`): the frame says whose
/// check-in it is, the pulse is left to Bo, and the file has it as "Bo".
#[test]
fn checking_in_for_bo_says_bo_leaves_his_pulse_and_stores_bo() {
    let sandbox = team_sandbox();
    let command = format!("OKR_OWNER=Anna {}", sandbox.session_command("en"));
    let t = Term::start(&sandbox, 100, 30, &command);
    t.wait_for("showing: everyone");
    t.press("f");
    t.wait_for("showing: mine (Anna)");
    t.press("f");
    t.wait_for("showing: Bo");
    t.press("c");
    for i in 1..=4 {
        let screen = t.wait_for(&format!("Key result {i} of 4"));
        assert!(screen.contains("Check-in for Bo · 2026-W48"), "{screen}");
        t.press("Enter");
    }
    t.wait_for("Wins, blockers and next steps");
    t.press("C-s");
    let screen = t.wait_for("The team pulse is left to Bo — press p to rate it now.");
    assert!(screen.contains("Check-in for Bo"), "{screen}");
    assert!(!screen.contains("Team pulse: rate each pillar"), "{screen}");
    t.press("Enter");
    t.wait_for("showing: Bo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let bo = checkin_of_week(&sandbox, "Bo").expect("Bo's check-in, spelled as in the file");
    assert_eq!(bo["entries"].as_array().unwrap().len(), 4, "{bo:#}");
    assert!(bo.get("pulse").is_none(), "left to Bo: {bo:#}");
    assert!(checkin_of_week(&sandbox, "Anna").is_none());
}

/// `okr checkin --owner bo`, the name typed in lower case, run by Anna: the
/// frame says Bo, the pulse is left to him, and the check-in is stored
/// under "Bo", as the file spells him, its values recorded by Anna.
#[test]
fn okr_checkin_owner_bo_says_bo_and_stores_bo() {
    let sandbox = team_sandbox();
    let t = Term::start(
        &sandbox,
        100,
        30,
        &format!(
            "OKR_OWNER=Anna {}",
            sandbox.session_command_with("en", &["checkin", "--owner", "bo"])
        ),
    );
    for i in 1..=4 {
        let screen = t.wait_for(&format!("Key result {i} of 4"));
        assert!(screen.contains("Check-in for Bo · 2026-W48"), "{screen}");
        t.press("Enter");
    }
    t.wait_for("Wins, blockers and next steps");
    t.press("C-s");
    t.wait_for("The team pulse is left to Bo");
    t.press("Enter");
    t.wait_for("showing: Bo");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let bo = checkin_of_week(&sandbox, "Bo").unwrap_or_else(|| panic!("{:#}", sandbox.json()));
    assert!(bo.get("pulse").is_none(), "left to Bo: {bo}");
    assert!(checkin_of_week(&sandbox, "bo").is_none());
    // The values went in by Anna, who ran it.
    let json = sandbox.json().to_string();
    assert!(json.contains("\"by\":\"Anna\""), "{json}");
}
