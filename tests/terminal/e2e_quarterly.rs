//! End to end in a real terminal (tmux): `okr review` of a quarter that is
//! still running shows each key result's numbers under its Mål and says how
//! many days are left, on the screen and in the form the score is set in.

use crate::support::Sandbox;
use crate::support::quarterly::carried;
use crate::support::term::{Term, line_with};

#[test]
fn the_review_of_a_running_quarter_shows_the_numbers_and_the_days_left() {
    let sandbox = Sandbox::new();
    let bytes = okr::store::format::serialize(&carried()).unwrap();
    sandbox.write(&String::from_utf8(bytes).unwrap());
    let t = Term::start(
        &sandbox,
        100,
        30,
        &sandbox.session_command_with("en", &["review", "2026-Q4"]),
    );
    // The footer is drawn last: once it is there, so is the list.
    let screen = t.wait_until("the review of 2026 Q4 and the footer", |s| {
        s.contains("Quarter review 2026 Q4") && s.contains("q/Ctrl-C quit")
    });
    let note = "⚠ 2026 Q4 is still running: 37 days left";
    assert!(screen.contains(note), "{screen}");
    assert!(
        screen.find(note).unwrap() < screen.find("Bli självförsörjande").unwrap(),
        "the note comes before the first Mål:\n{screen}"
    );
    assert!(
        line_with(&screen, "kr2 Producera solel")
            .contains("5000 / 8000 kWh · 40% · confidence 7/10"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "kr3 Nedladdningar")
            .contains("15,000.5 / 20,000 st · 75% · confidence 9/10"),
        "{screen}"
    );

    // The form the first score is set in says it too; Esc leaves it unscored.
    t.press("Enter");
    let form = t.wait_for("Score and retro");
    assert!(form.contains(note), "{form}");
    t.press("Escape");
    t.wait_gone("Score and retro");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let data = sandbox.json();
    for o in data["objectives"].as_array().unwrap() {
        if o["quarter"] == "2026-Q4" {
            assert!(o.get("score").is_none(), "no score was set: {o:#}");
        }
    }
}
