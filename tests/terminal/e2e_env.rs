//! End to end in a real terminal (tmux): what the environment decides for
//! the tracker. `NO_COLOR` takes the colours off every screen, `okr demo`
//! leaves the file that `OKR_FILE` or the default place names alone, its
//! example OKRs speak the language its screens speak, and nothing from the
//! command line, a folder name or the config file reaches the terminal raw.

use std::fs;

use crate::support::term::{EN, Term, session_of};
use crate::support::{Sandbox, okr_binary};

/// `okr demo` in English in tmux, with `env` added to the session's.
fn demo(sandbox: &Sandbox, env: &[(&str, &str)]) -> Term {
    let bin = okr_binary().to_string_lossy().into_owned();
    let t = Term::start(
        sandbox,
        100,
        30,
        &session_of(env, &bin, &["demo", "--lang", "en"], ""),
    );
    t.wait_for("▸ Expand globally");
    t
}

#[test]
fn no_color_in_the_environment_takes_the_colours_off_every_screen() {
    let sandbox = Sandbox::new();
    // Without NO_COLOR the screen has colours: the check below can see them.
    let t = demo(&sandbox, &[]);
    assert!(!t.colours().is_empty(), "okr uses colours by default");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    drop(t);

    let t = demo(&sandbox, &[("NO_COLOR", "1")]);
    // One key at a time, each followed by what the screen then shows (or no
    // longer shows): an Esc and a key sent together would read as Alt+key.
    let walk: &[(&str, Until)] = &[
        ("Tab", Shows("▶ Key results")),
        ("BTab", Shows("▶ Objectives")),
        ("Enter", Shows("Objective · Expand globally")),
        ("?", Shows("Esc/?/F1 close the help")),
        ("Escape", Gone("Esc/?/F1 close the help")),
        ("a", Shows(EN.new_key_result)),
        ("Escape", Gone(EN.new_key_result)),
        ("Escape", Shows("Objectives (5)")),
        ("c", Shows("Check-in 2026-W48")),
        ("Escape", Gone("Check-in 2026-W48")),
        ("r", Shows("Quarter review 2026 Q4")),
        ("Enter", Shows("Score and retro")),
        ("Escape", Gone("Score and retro")),
        ("o", Shows("Overview: all quarters")),
        ("Escape", Gone("Overview: all quarters")),
        ("d", Shows("Delete “")),
        ("n", Gone("Delete “")),
    ];
    assert_eq!(t.colours(), Vec::<String>::new(), "colours on the quarter");
    for (key, until) in walk {
        t.press(key);
        match until {
            Shows(text) => {
                t.wait_for(text);
            }
            Gone(text) => {
                t.wait_gone(text);
            }
        }
        assert_eq!(
            t.colours(),
            Vec::<String>::new(),
            "colours with NO_COLOR after {key} ({until:?}):\n{}",
            t.screen()
        );
    }
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

/// What the screen shows once a key has done its work.
#[derive(Debug)]
enum Until {
    Shows(&'static str),
    Gone(&'static str),
}
use Until::{Gone, Shows};

#[test]
fn demo_leaves_the_file_of_okr_file_and_the_default_file_alone() {
    let sandbox = Sandbox::new();
    let named = sandbox.path().join("mine.json");
    let default = sandbox.data_home().join("okr").join("okr.json");
    fs::create_dir_all(default.parent().unwrap()).unwrap();
    let text = crate::support::fixture::FIXTURE;
    fs::write(&named, text).unwrap();
    fs::write(&default, text).unwrap();
    let listing = |dir: &std::path::Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = (listing(sandbox.path()), listing(default.parent().unwrap()));

    for env in [&[("OKR_FILE", named.to_str().unwrap())][..], &[]] {
        let t = demo(&sandbox, env);
        t.wait_for("example data");
        // A change in the demo is saved, in the demo's own file.
        t.press("a");
        t.wait_for(EN.new_objective);
        t.type_text("Only in the demo");
        t.press("Enter");
        t.wait_for("▸ Only in the demo");
        t.press("q");
        assert_eq!(t.wait_exit(), 0);
    }
    assert_eq!(
        fs::read_to_string(&named).unwrap(),
        text,
        "{}",
        named.display()
    );
    assert_eq!(
        fs::read_to_string(&default).unwrap(),
        text,
        "{}",
        default.display()
    );
    let after = (listing(sandbox.path()), listing(default.parent().unwrap()));
    // tmux's own files (its socket and settings) are the only new names.
    let new: Vec<_> = after
        .0
        .iter()
        .filter(|n| !before.0.contains(n))
        .filter(|n| !n.to_string_lossy().starts_with("tmux"))
        .collect();
    assert!(new.is_empty(), "the demo left {new:?} beside the file");
    assert_eq!(after.1, before.1, "nothing beside the default file");
}

#[test]
fn no_argument_folder_name_or_key_from_the_config_reaches_the_terminal_raw() {
    let sandbox = Sandbox::new();
    let bin = okr_binary().to_string_lossy().into_owned();
    // Each would set the terminal's title to PWNED, or turn the text around.
    let title = "\u{1b}]2;PWNED\u{7}";
    let run = |args: &[&str]| {
        let t = Term::start(&sandbox, 120, 30, &session_of(&[], &bin, args, ""));
        let status = t.wait_exit();
        let screen = t.screen();
        assert_ne!(t.format("#{pane_title}"), "PWNED", "{args:?}:\n{screen}");
        (status, screen)
    };
    // A usage error that quotes the argument it could not take.
    let quarter = format!("2026-Q9{title}");
    let (status, screen) = run(&["list", "--quarter", &quarter]);
    assert_eq!(status, 2, "{screen}");
    assert!(screen.contains("2026-Q9"), "{screen}");
    // A folder may have any name: a cloned repository's.
    let file = sandbox.path().join(format!("repo{title}")).join("okr.json");
    let (status, screen) = run(&["--file", file.to_str().unwrap(), "path"]);
    assert_eq!(status, 0, "{screen}");
    assert!(screen.contains("repo�"), "{screen}");
    // A key from the config file.
    let config = sandbox.path().join("keys.json");
    fs::write(&config, "{\"keys\": {\"quarter.undo\": [\"\u{202e}\"]}}").unwrap();
    let (status, screen) = run(&["--config", config.to_str().unwrap(), "keys"]);
    assert_eq!(status, 0, "{screen}");
    assert!(!screen.contains('\u{202e}'), "{screen}");
    // And in a pipe, as a script reads it.
    let keys = sandbox.okr(&["--config", config.to_str().unwrap(), "keys"]);
    assert!(
        keys.stdout.contains("quarter\tundo\t�\t"),
        "{}",
        keys.stdout
    );
}

#[test]
fn the_demos_example_okrs_speak_the_language_of_its_screens() {
    let sandbox = Sandbox::new();
    let bin = okr_binary().to_string_lossy().into_owned();
    let english = [
        "▸ Expand globally [Committed]",
        "Make our customers happy",
        "Sell for 100 million",
        "Reach 100% year-on-year growth in EMEA",
    ];
    let swedish = [
        "▸ Expandera globalt [Hängiven]",
        "Gör våra kunder glada",
        "Sälj för 100 miljoner",
        "Nå 100 % ökning i EMEA år efter år",
    ];
    // By the flag, and by the locale when there is none.
    let en_locale = [("LC_ALL", "en_GB.UTF-8")];
    let runs = [
        (&[][..], &["demo", "--lang", "en"][..], english, swedish),
        (&en_locale[..], &["demo"][..], english, swedish),
        (&[][..], &["demo", "--lang", "sv"][..], swedish, english),
    ];
    for (env, args, shown, not_shown) in runs {
        let t = Term::start(&sandbox, 100, 30, &session_of(env, &bin, args, ""));
        t.wait_for(shown[0]);
        t.press("Tab");
        for text in shown {
            t.wait_for(text);
        }
        let screen = t.screen();
        for text in not_shown {
            assert!(!screen.contains(text), "{args:?} {env:?}:\n{screen}");
        }
        t.press("q");
        assert_eq!(t.wait_exit(), 0);
    }
}

#[test]
fn the_english_example_is_the_swedish_one_in_other_words() {
    let today = crate::support::app::today();
    let sv = okr::demo::example(today);
    let en = okr::demo::example_in(today, okr::model::Lang::En);
    assert_eq!(okr::model::validate::validate(&en), Ok(()));
    assert_eq!(sv.objectives.len(), en.objectives.len());
    for (s, e) in sv.objectives.iter().zip(&en.objectives) {
        assert_eq!((&s.id, s.kind, s.quarter), (&e.id, e.kind, e.quarter));
        assert_ne!(s.title, e.title);
        assert_eq!(s.key_results.len(), e.key_results.len());
        for (a, b) in s.key_results.iter().zip(&e.key_results) {
            assert_eq!(a.id, b.id);
            assert_ne!(a.title, b.title);
            assert_eq!(a.measure.current(), b.measure.current(), "{}", b.title);
            assert_eq!(a.history.len(), b.history.len());
        }
        let titles = |o: &okr::model::Objective| -> Vec<String> {
            o.initiatives.iter().map(|i| i.title.clone()).collect()
        };
        assert_eq!(titles(s).len(), titles(e).len());
        assert!(titles(s).iter().zip(titles(e)).all(|(a, b)| *a != b));
    }
    assert_ne!(sv.checkins[0].wins, en.checkins[0].wins);
}
