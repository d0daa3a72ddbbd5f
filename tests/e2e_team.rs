//! End to end in a real terminal (tmux): a team on one file, each person
//! by `--owner` or `OKR_OWNER`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::Sandbox;
use support::team::team_demo;
use support::term::Term;

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
    t.wait_for("showing: mine (Bo)");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
