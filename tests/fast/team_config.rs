//! Who am I: the personal config file (owner, language) apart from the
//! team's data file, `okr path` naming both, a bad config file refused with
//! its place, and the settings screen that edits mine and the team's.

use std::fs;

use crate::support::app::*;
use crate::support::fixture::FIXTURE;
use crate::support::screen::{draws_at_every_size, render};
use crate::support::{Sandbox, display, printed_data_path, read_json};
use chrono::Weekday;
use okr::app::Modal;
use okr::model::Lang;

// --- okr path ---------------------------------------------------------------------

#[test]
fn path_names_the_data_file_and_the_config_file() {
    let w = Sandbox::new();
    // Bare, for a script: `$(okr path)` is the data file.
    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&w.file())));
    assert_eq!(printed_data_path(&r.stdout), display(&w.file()));
    let config = w.config_home().join("okr").join("config.toml");
    let r = w.okr(&["path", "config"]);
    r.ok();
    if cfg!(target_os = "linux") {
        assert_eq!(r.stdout, format!("{}\n", display(&config)));
    }
    // Labelled, in the interface language, with --verbose.
    let r = w.okr(&["--lang", "en", "path", "--verbose"]);
    r.ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert_eq!(lines[0], format!("data file:   {}", display(&w.file())));
    if cfg!(target_os = "linux") {
        assert_eq!(lines[1], format!("config file: {}", display(&config)));
    }
    let r = w.okr(&["--lang", "sv", "path", "--verbose"]);
    r.ok();
    assert!(r.stdout.starts_with("datafil:"), "{}", r.stdout);
    assert!(r.stdout.contains("\ninställningsfil: "), "{}", r.stdout);
    assert!(!config.exists(), "path creates nothing");
}

#[test]
fn the_config_flag_beats_okr_config() {
    let w = Sandbox::new();
    let flag = w.path().join("flag.json");
    let env = w.path().join("env.json");
    let mut c = w.command();
    c.env("OKR_CONFIG", &env);
    let r = w.run_with(c, &["path", "config"]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&env)));
    let mut c = w.command();
    c.env("OKR_CONFIG", &env);
    let r = w.run_with(c, &["path", "config", "--config", flag.to_str().unwrap()]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&flag)));
}

// --- the language ---------------------------------------------------------------

/// The fixture's own language setting (format 1) is Swedish.
fn export_heading(w: &Sandbox, args: &[&str]) -> String {
    let r = w.okr(args);
    r.ok();
    r.stdout.lines().nth(2).unwrap_or_default().to_string()
}

#[test]
fn the_config_language_beats_the_files_and_the_flag_beats_both() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let config = w.path().join("config.json");
    let c = config.to_str().unwrap();
    // Without a config file the file's own setting speaks.
    assert!(export_heading(&w, &["export"]).contains("Kvartal"));
    fs::write(&config, r#"{"language": "en"}"#).unwrap();
    assert!(export_heading(&w, &["--config", c, "export"]).contains("Quarter"));
    assert!(export_heading(&w, &["--config", c, "--lang", "sv", "export"]).contains("Kvartal"));
    // OKR_CONFIG names it as well.
    let mut cmd = w.command();
    cmd.env("OKR_CONFIG", &config);
    let file = w.file();
    let r = w.run_with(cmd, &["--file", file.to_str().unwrap(), "export"]);
    r.ok();
    assert!(r.stdout.contains("Quarter 2026 Q4"), "{}", r.stdout);
}

#[test]
fn the_default_config_file_is_read_from_the_config_folder() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let dir = w.config_home().join("okr");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), "# mine\nlanguage = \"en\"\n").unwrap();
    if cfg!(target_os = "linux") {
        assert!(export_heading(&w, &["export"]).contains("Quarter"));
    }
}

#[test]
fn an_earlier_config_json_is_moved_into_config_toml_once_with_a_copy_kept() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let w = Sandbox::new();
    w.write(FIXTURE);
    let dir = w.config_home().join("okr");
    fs::create_dir_all(&dir).unwrap();
    let json = dir.join("config.json");
    let earlier = "{\n  \"owner\": \"Anna\",\n  \"language\": \"en\",\n  \"theme\": null,\n  \"keys\": {\"quarter.undo\": [\"ctrl-z\", \"u\"]},\n  \"later\": {\"n\": 3}\n}\n";
    fs::write(&json, earlier).unwrap();
    let r = w.okr(&["--lang", "en", "export"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Quarter"), "{}", r.stdout);
    let toml = dir.join("config.toml");
    let kept = dir.join("config.json.bak");
    for word in ["config.json", "config.toml", "config.json.bak", "kept"] {
        assert!(r.stderr.contains(word), "{word:?}: {}", r.stderr);
    }
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(!json.exists(), "the old file is no longer in force");
    assert_eq!(
        fs::read_to_string(&kept).unwrap(),
        earlier,
        "the copy is whole"
    );
    let moved: serde_json::Value =
        toml_edit::de::from_str(&fs::read_to_string(&toml).unwrap()).unwrap();
    assert_eq!(
        moved,
        serde_json::json!({
            "owner": "Anna",
            "language": "en",
            "keys": {"quarter.undo": ["ctrl-z", "u"]},
            "later": {"n": 3},
        })
    );
    // Its keys are in force, and the move is said once.
    let r = w.okr(&["keys"]);
    r.ok();
    assert_eq!(r.stderr, "");
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("quarter\tundo\tctrl-z u\t")),
        "{}",
        r.stdout
    );
    let r = w.okr(&["path", "config"]);
    assert_eq!(r.stdout, format!("{}\n", display(&toml)));
    // Swedish when the file says so, and a broken earlier file is refused
    // as it always was, nothing moved.
    let w = Sandbox::new();
    w.write(FIXTURE);
    let dir = w.config_home().join("okr");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.json"), "{\"language\": \"sv\"}").unwrap();
    let r = w.okr(&["export"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("finns nu i"), "{}", r.stderr);
    let w = Sandbox::new();
    let dir = w.config_home().join("okr");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.json"), "{\"language\": \"fr\"}").unwrap();
    w.okr(&["--lang", "en", "export"])
        .fails(&["config.json", "line 1, column 2", "\"fr\""]);
    assert!(!dir.join("config.toml").exists());
}

#[test]
fn the_default_places_are_xdgs_with_a_relative_setting_left_out() {
    let w = Sandbox::new();
    let path = |env: &[(&str, &str)], which: &str| {
        let mut c = w.command();
        for (k, v) in env {
            c.env(k, v);
        }
        w.run_with(c, &["path", which]).stdout
    };
    let home = w.home();
    // The sandbox sets XDG_DATA_HOME and XDG_CONFIG_HOME: those win.
    assert_eq!(
        path(&[], "data"),
        format!("{}\n", display(&w.data_home().join("okr/okr.json")))
    );
    // A relative setting is not a place (the XDG rule): the home's default.
    let relative = [("XDG_DATA_HOME", "rel"), ("XDG_CONFIG_HOME", "rel")];
    assert_eq!(
        path(&relative, "data"),
        format!("{}\n", display(&home.join(".local/share/okr/okr.json")))
    );
    assert_eq!(
        path(&relative, "config"),
        format!("{}\n", display(&home.join(".config/okr/config.toml")))
    );
}

// --- a bad config file ------------------------------------------------------------

#[test]
fn a_bad_config_file_is_refused_with_its_path_line_and_what_is_wrong() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let before = fs::read(&file).unwrap();
    let config = w.path().join("config.json");
    let c = config.to_str().unwrap();
    let name = display(&config);
    fs::write(
        &config,
        "{\n  \"owner\": \"Anna\",\n  \"language\": \"fr\"\n}\n",
    )
    .unwrap();
    for args in [&["export"][..], &["update", "kr1", "5"][..], &[][..]] {
        let mut all = vec!["--config", c];
        all.extend_from_slice(args);
        w.okr(&all)
            .fails(&[&name, "line 3, column 3", "\"language\"", "\"fr\""]);
    }
    w.okr(&["--config", c, "--lang", "sv", "export"]).fails(&[
        "inställningsfilen",
        &name,
        "rad 3, kolumn 3",
        "\"sv\" eller \"en\"",
    ]);
    // Not JSON, and an owner that is no name.
    fs::write(&config, "{\n  \"owner\": Anna\n}\n").unwrap();
    w.okr(&["--config", c, "export"])
        .fails(&[&name, "line 2", "not valid JSON"]);
    fs::write(&config, "{\"owner\": 12}").unwrap();
    w.okr(&["--config", c, "--lang", "sv", "export"]).fails(&[
        &name,
        "rad 1, kolumn 2",
        "\"owner\" ska vara ett namn",
    ]);
    fs::write(&config, "[]").unwrap();
    w.okr(&["--config", c, "export"])
        .fails(&[&name, "JSON object"]);
    // A name that reads as another: a zero-width space, a bidi override.
    for (hidden, code) in [
        ("\u{200b}", "U+200B"),
        ("\u{202e}", "U+202E"),
        ("\u{ad}", "U+00AD"),
    ] {
        fs::write(&config, format!("{{\"owner\": \"An{hidden}na\"}}")).unwrap();
        w.okr(&["--config", c, "--lang", "en", "export"]).fails(&[
            &name,
            "\"owner\"",
            code,
            "invisible",
        ]);
    }
    // The data file is untouched, and path still answers.
    assert_eq!(fs::read(&file).unwrap(), before);
    w.okr(&["--config", c, "path"]).ok();
    // The TOML file okr keeps by default: the same rules, each placed.
    let config = w.path().join("config.toml");
    let c = config.to_str().unwrap();
    let name = display(&config);
    for (text, words) in [
        (
            "# mine\nowner = \"Anna\"\nlanguage = \"fr\"\n",
            &["line 3, column 1", "\"language\"", "\"fr\""][..],
        ),
        (
            "owner = \"Anna\"\nlanguage = en\n",
            &["line 2, column 12", "not valid TOML"][..],
        ),
        ("owner = 12\n", &["line 1, column 1", "\"owner\""][..]),
        (
            "[keys]\nadd = \"n\"\nundo = \"ctrl+z\"\n",
            &["line 3, column 1", "\"ctrl+z\"", "\"undo\""][..],
        ),
        (
            "[keys.quarter]\nundo = \"ctrl+z\"\n",
            &["line 2, column 1", "\"ctrl+z\""][..],
        ),
    ] {
        fs::write(&config, text).unwrap();
        let mut all = vec![&name[..]];
        all.extend_from_slice(words);
        let r = w.okr(&["--config", c, "--lang", "en", "export"]);
        if text.contains("[keys") {
            assert_eq!(r.code, Some(2), "{}", r.stderr);
            for word in all {
                assert!(r.stderr.contains(word), "{word:?}: {}", r.stderr);
            }
        } else {
            r.fails(&all);
        }
    }
    assert_eq!(fs::read(&file).unwrap(), before);
}

// --- the settings screen ------------------------------------------------------------

#[test]
fn the_settings_say_which_is_personal_and_which_is_the_teams() {
    for (lang, words) in [
        (
            Lang::En,
            [
                "Settings",
                "Me (owner) · personal",
                "Language · personal",
                "Check-in day · the team's",
                "Monday",
            ],
        ),
        (
            Lang::Sv,
            [
                "Inställningar",
                "Jag (ägare) · bara för dig",
                "Språk · bara för dig",
                "Incheckningsdag · för hela teamet",
                "måndag",
            ],
        ),
    ] {
        let (mut h, config) = Harness::with_config(Some(demo()), lang, Some("Anna"), None);
        h.open_settings();
        let text = render(&h.app, 120, 30);
        for word in words {
            assert!(text.contains(word), "{word:?} missing:\n{text}");
        }
        assert!(text.contains("Anna"), "{text}");
        let place = display(&config);
        assert!(text.contains(&place[..place.len().min(30)]), "{text}");
        draws_at_every_size(&h.app, "settings");
    }
}

#[test]
fn settings_write_mine_to_the_config_file_and_the_weekday_to_the_data_file() {
    let (mut h, config) = Harness::with_config(Some(demo()), Lang::Sv, Some("anna"), None);
    h.open_settings();
    // The owner, then English, then Wednesday.
    h.keys(&[ctrl('u')]);
    h.type_text("Anna Berg");
    h.keys(&[code(TAB), ch('l'), code(TAB), ch('l'), ch('l')]);
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "the form closed");
    assert_eq!(h.app.me(), Some("Anna Berg"));
    assert_eq!(
        h.app.strings().lang,
        Lang::En,
        "the tracker speaks the new language"
    );
    let text = render(&h.app, 100, 30);
    assert!(text.contains("Settings saved."), "{text}");
    let mine: serde_json::Value =
        toml_edit::de::from_str(&fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(
        mine,
        serde_json::json!({"owner": "Anna Berg", "language": "en"})
    );
    let file = h.file();
    assert_eq!(file.settings.checkin_weekday, Weekday::Wed);
    // The data file keeps no personal setting of mine.
    let json = h.file_json();
    assert!(!json.to_string().contains("Anna Berg"), "{json}");
    // The team's setting is one undoable change.
    h.keys(&[ch('u')]);
    assert_eq!(h.file().settings.checkin_weekday, Weekday::Mon);
}

#[test]
fn the_settings_refuse_a_name_that_reads_as_another() {
    let (mut h, config) = Harness::with_config(Some(demo()), Lang::En, Some("anna"), None);
    h.open_settings();
    h.keys(&[ctrl('u')]);
    h.type_text("An\u{200b}na");
    h.keys(&[code(ENTER)]);
    let text = render(&h.app, 100, 30);
    assert!(h.app.modal().is_some(), "the form stays open");
    assert!(text.contains("U+200B"), "{text}");
    assert_eq!(h.app.me(), Some("anna"));
    assert!(!config.exists() || !fs::read_to_string(&config).unwrap().contains('\u{200b}'));
}

#[test]
fn saving_unchanged_settings_writes_no_config_file() {
    let (mut h, config) = Harness::with_config(Some(demo()), Lang::En, Some("anna"), None);
    h.open_settings();
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none());
    assert!(
        !config.exists(),
        "nothing personal changed, nothing was written"
    );
}

/// The settings form with the owner typed anew, saved.
fn save_owner(h: &mut Harness, owner: &str) {
    h.open_settings();
    h.keys(&[ctrl('u')]);
    h.type_text(owner);
    h.keys(&[code(ENTER)]);
}

#[test]
fn the_config_file_keeps_comments_order_and_what_okr_does_not_know() {
    let mine = "# Who I am on the team.\nowner = \"anna\"   # as the team writes it\n\ntheme = \"dark\"\n\n# My keys.\n[keys]\nquarter.undo = [\"ctrl-z\", \"u\"]  # like my editor\n";
    let (mut h, config) = Harness::with_config(Some(demo()), Lang::En, Some("anna"), Some(mine));
    // A comment added in an editor while okr runs is kept as well.
    let edited = format!("{mine}# Added later.\n");
    fs::write(&config, &edited).unwrap();
    save_owner(&mut h, "Bo");
    assert!(h.app.modal().is_none());
    assert_eq!(
        fs::read_to_string(&config).unwrap(),
        edited.replace("owner = \"anna\"", "owner = \"Bo\""),
        "only the owner changed"
    );
    let names: Vec<String> = fs::read_dir(config.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["config.toml".to_string()]);
    // A new entry goes after the others, before any table.
    h.keys(&[code(ESC)]);
    h.open_settings();
    h.keys(&[code(TAB), ch('l'), code(ENTER)]);
    let text = fs::read_to_string(&config).unwrap();
    assert!(
        text.contains("theme = \"dark\"\nlanguage = \"sv\"\n"),
        "{text}"
    );
    assert!(text.ends_with("# Added later.\n"), "{text}");
}

#[test]
fn a_config_json_named_by_the_user_stays_json_with_what_okr_does_not_know() {
    let text = "{\"theme\": \"dark\", \"owner\": \"anna\"}";
    let (mut h, config) = Harness::with_config_named(
        Some(demo()),
        Lang::En,
        Some("anna"),
        "mine.json",
        Some(text),
    );
    save_owner(&mut h, "Bo");
    let mine = read_json(&config);
    assert_eq!(mine["owner"], "Bo");
    assert_eq!(mine["theme"], "dark");
}

#[test]
fn a_config_file_broken_meanwhile_is_not_overwritten() {
    let (mut h, config) = Harness::with_config(Some(demo()), Lang::En, Some("anna"), None);
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    let broken = "owner = \"anna\"\nlanguage = en\n";
    fs::write(&config, broken).unwrap();
    save_owner(&mut h, "Bo");
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form stays open");
    };
    let error = f.fields.iter().find_map(|f| f.error.clone());
    assert_eq!(
        error.as_deref().and_then(|e| e.split(": this").next()),
        Some(
            "Personal settings not saved: cannot use the config file config.toml (line 2, column 12)"
        ),
    );
    assert_eq!(fs::read_to_string(&config).unwrap(), broken);
    // Read whole on the screen, wrapped, at 80 columns too: the form's
    // rows, inside its frame, read as one text.
    let text = render(&h.app, 80, 24);
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let top = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains("┌ Settings"))
        .unwrap();
    let left = (0..lines[top].len())
        .find(|i| lines[top][*i..].starts_with(&['┌', ' ', 'S']))
        .unwrap();
    let right = left + lines[top][left..].iter().position(|c| *c == '┐').unwrap();
    let inside: Vec<String> = lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) != Some(&'└'))
        .map(|l| l.get(left + 1..right).unwrap_or_default().iter().collect())
        .collect();
    let words = inside
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains(
            "cannot use the config file config.toml (line 2, column 12): this is not valid TOML"
        ),
        "{text}"
    );
    assert!(words.contains("(okr path shows where it is)"), "{text}");
}

#[test]
fn a_config_file_that_cannot_be_written_keeps_the_form_open_and_says_why() {
    for (lang, words) in [(Lang::En, "not saved"), (Lang::Sv, "sparades inte")] {
        let (mut h, config) = Harness::with_config(Some(demo()), lang, Some("anna"), None);
        // Its folder is a file: nothing can be written there.
        let blocker = config.parent().unwrap();
        fs::write(blocker, "a file, not a folder").unwrap();
        h.open_settings();
        h.type_text("x");
        h.keys(&[code(ENTER)]);
        let Some(Modal::Form(f)) = h.app.modal() else {
            panic!("the form stays open");
        };
        assert!(f.has_errors());
        assert_eq!(h.app.me(), Some("anna"), "nothing changed");
        let text = render(&h.app, 120, 30);
        assert!(text.contains(words), "{text}");
        assert!(text.contains("annax"), "what was typed is kept:\n{text}");
    }
}

#[test]
fn the_settings_key_is_in_the_help() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.keys(&[ch('?')]);
    let text = render(&h.app, 100, 60);
    assert!(
        text.contains("settings (me, language, check-in day)"),
        "{text}"
    );
}
