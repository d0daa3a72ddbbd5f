//! `okr status`: the prompt line and `--short`, in both languages, by the
//! model's own rules; `--owner`; and that it only ever reads (no lock, no
//! backup, not a byte or a timestamp changed), also while another okr holds
//! the file.

use std::fs;
use std::path::Path;

use crate::support::app::today;
use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, display};
use okr::model::checkin::Due;
use okr::model::numbers::Numbers;
use okr::model::progress::{self, PaceStatus};
use okr::model::{IsoWeek, Quarter};
use okr::store::glance::{self, Wanted};
use serde_json::{Value, json};

/// The fixture as a one-person file: no Mål has an owner, so the check-in
/// is the whole file's.
fn one_person() -> Value {
    without_owners(serde_json::from_str(FIXTURE).unwrap())
}

fn without_owners(mut v: Value) -> Value {
    for o in v["objectives"].as_array_mut().unwrap() {
        o.as_object_mut().unwrap().remove("owner");
    }
    v
}

/// The fixture with a check-in in this week (2026-W48) for the given key results.
fn checked_in(key_results: &[&str]) -> Value {
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    let entries: Vec<Value> = key_results
        .iter()
        .map(|k| json!({"key_result": k, "value": 1.0, "confidence": 5}))
        .collect();
    v["checkins"]
        .as_array_mut()
        .unwrap()
        .push(json!({"week": "2026-W48", "date": "2026-11-23", "entries": entries}));
    v
}

#[test]
fn the_line_says_due_progress_and_behind_in_either_language() {
    let w = Sandbox::new();
    w.write_json(&one_person());
    let r = w.okr(&["--lang", "en", "status"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: check-in: 4 of 4 key results waiting · progress 59% (pace 60%) · 3 of 4 key results behind pace\n"
    );
    // Without the flag, the file's own language (Swedish) speaks.
    let r = w.okr(&["status"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: incheckning: 4 av 4 nyckelresultat väntar · framsteg 59\u{a0}% (takt 60\u{a0}%) · 3 av 4 nyckelresultat ligger efter\n"
    );
}

#[test]
fn in_a_team_file_the_line_says_whose_check_in_and_whose_progress() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let as_who = |who: Option<&str>, args: &[&str]| {
        let mut c = w.command();
        if let Some(who) = who {
            c.env("OKR_OWNER", who);
        }
        w.okr_with(c, args)
    };
    // Säljteamet owns kr1–kr3; kr4's Mål has no owner.
    let r = as_who(Some("Säljteamet"), &["--lang", "en", "status"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: check-in for Säljteamet: 3 of 3 key results waiting · everyone: progress 59% (pace 60%) · 3 of 4 key results behind pace\n"
    );
    // Names compare as people type them, as on every screen, and are
    // said as the file spells them.
    let r = as_who(Some(" säljteamet"), &["--lang", "sv", "status"]);
    assert!(
        r.stdout.starts_with("okr 2026 Q4: incheckning för Säljteamet: 3 av 3 nyckelresultat väntar · alla: framsteg 59\u{a0}%"),
        "{}",
        r.stdout
    );
    assert_eq!(
        as_who(Some(" säljteamet"), &["status", "--short"]).stdout,
        "✎3\n"
    );
    // Nobody said who they are: the Mål without an owner are theirs.
    assert_eq!(as_who(None, &["status", "--short"]).stdout, "✎1\n");
    // Someone who owns nothing has nothing to check in.
    assert_eq!(as_who(Some("Bo"), &["status", "--short"]).stdout, "");

    // Säljteamet's check-in of the week ends theirs, not the others'.
    let mut v = checked_in(&["kr1", "kr2", "kr3"]);
    let week = v["checkins"].as_array_mut().unwrap().last_mut().unwrap();
    week["owner"] = json!("Säljteamet");
    v["version"] = json!(2);
    w.write_json(&v);
    assert_eq!(
        as_who(Some("Säljteamet"), &["status", "--short"]).stdout,
        ""
    );
    assert_eq!(as_who(None, &["status", "--short"]).stdout, "✎1\n");
}

#[test]
fn its_numbers_are_the_models_own_rules_for_progress_pace_and_status() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let data = okr::store::format::parse(Path::new("x"), FIXTURE.as_bytes()).unwrap();
    let q = Quarter::of(today(), okr::model::FiscalYear::CALENDAR);
    let mine: Vec<_> = data.in_quarter(q).map(|(_, o)| o).collect();
    let behind = mine
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |k| (o, k)))
        .filter(|(o, k)| {
            progress::key_result_status(k, o.dates(okr::model::FiscalYear::CALENDAR), today())
                == PaceStatus::Behind
        })
        .count();
    let all: usize = mine.iter().map(|o| o.key_results.len()).sum();
    let s = &okr::i18n::EN;
    let progress = s.percent_of(
        Numbers::of(
            mine.iter().copied(),
            okr::model::FiscalYear::CALENDAR,
            today(),
        )
        .mean(mine.iter().copied()),
    );
    let pace = s.percent(q.dates(okr::model::FiscalYear::CALENDAR).elapsed(today()));
    let r = w.okr(&["--lang", "en", "status"]);
    r.ok();
    assert!(
        r.stdout
            .contains(&format!("progress {progress} (pace {pace})")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&(s.key_results_behind)(behind, all)),
        "{}",
        r.stdout
    );
    // The banner's count: my key results of the quarter without an entry
    // this week (nobody said who they are: the Mål without an owner).
    let mut app = okr::app::App::new(data, okr::app::Setup::new(okr::model::Lang::En, today()));
    for (me, flag) in [(None, None), (Some("Säljteamet"), Some("Säljteamet"))] {
        app.set_me(me.map(str::to_string));
        assert!(app.checkin_due());
        let mut args = vec!["--lang", "en", "status"];
        args.extend(flag.map(|f| ["--owner", f]).into_iter().flatten());
        let r = w.okr(&args);
        let Due::Due { waiting, total } = app.due() else {
            panic!("{:?}", app.due())
        };
        assert!(
            r.stdout
                .contains(&(s.commands.checkin_waiting)(me, waiting, total)),
            "{me:?}: {}",
            r.stdout
        );
    }
}

#[test]
fn short_is_a_pencil_and_the_count_while_due_and_nothing_otherwise() {
    let w = Sandbox::new();
    w.write_json(&one_person());
    let r = w.okr(&["status", "--short"]);
    r.ok();
    assert_eq!(r.stdout, "✎4\n");

    // Checked in this week: nothing, and still exit 0.
    w.write_json(&without_owners(checked_in(&["kr1", "kr2", "kr3", "kr4"])));
    let r = w.okr(&["status", "--short"]);
    r.ok();
    assert_eq!(r.stdout, "");
    let r = w.okr(&["--lang", "en", "status"]);
    r.ok();
    assert!(!r.stdout.contains("check-in"), "{}", r.stdout);
    assert!(r.stdout.contains("progress"), "{}", r.stdout);

    // Before the team's check-in weekday (Friday; today is a Tuesday): not due yet.
    let mut v = one_person();
    v["settings"]["checkin_weekday"] = json!("friday");
    w.write_json(&v);
    let r = w.okr(&["status", "--short"]);
    r.ok();
    assert_eq!(r.stdout, "");
}

#[test]
fn a_key_result_added_after_this_weeks_check_in_waits_as_the_banner_says() {
    // This week's check-in has kr1–kr4; a fifth key result came after it.
    let mut v = without_owners(checked_in(&["kr1", "kr2", "kr3", "kr4"]));
    let objectives = v["objectives"].as_array_mut().unwrap();
    let o = objectives
        .iter_mut()
        .find(|o| o["quarter"] == "2026-Q4")
        .unwrap();
    o["key_results"].as_array_mut().unwrap().push(json!({
        "id": "kr50", "title": "Ny", "measure": {"type": "done", "done": false},
        "confidence": 5
    }));
    let w = Sandbox::new();
    w.write_json(&v);
    let data = okr::store::read(&w.file()).unwrap();
    let app = okr::app::App::new(data, okr::app::Setup::new(okr::model::Lang::En, today()));
    assert_eq!(
        app.due(),
        Due::Begun {
            waiting: 1,
            total: 5
        }
    );
    assert_eq!(w.okr(&["status", "--short"]).stdout, "✎1\n");
    let r = w.okr(&["--lang", "en", "status"]);
    assert!(
        r.stdout
            .starts_with("okr 2026 Q4: check-in: 1 of 5 key results waiting · progress "),
        "{}",
        r.stdout
    );
    let text = crate::support::screen::render(&app, 100, 30);
    assert!(text.contains("1 of 5"), "{text}");
}

#[test]
fn owner_narrows_the_line_to_that_owners_objectives() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "status", "--owner", "Säljteamet"]);
    r.ok();
    assert!(
        r.stdout
            .contains("check-in for Säljteamet: 3 of 3 key results waiting"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(" · Säljteamet: progress "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("3 of 3 key results behind pace"),
        "{}",
        r.stdout
    );
    assert_eq!(
        w.okr(&["status", "--short", "--owner", "Säljteamet"])
            .stdout,
        "✎3\n"
    );

    // Names compare as people type them, as on every screen.
    assert_eq!(
        w.okr(&["status", "--short", "--owner", " säljteamet "])
            .stdout,
        "✎3\n"
    );
    // Someone with Mål in another quarter only: nothing of theirs, nothing due.
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["objectives"][2]["owner"] = json!("Bo");
    w.write_json(&v);
    let r = w.okr(&["--lang", "en", "status", "--owner", "bo"]);
    r.ok();
    assert_eq!(r.stdout, "okr 2026 Q4: no objectives this quarter\n");
    let r = w.okr(&["status", "--short", "--owner", "Bo"]);
    r.ok();
    assert_eq!(r.stdout, "");
    let r = w.okr(&["--lang", "sv", "status", "--owner", "Bo"]);
    assert_eq!(r.stdout, "okr 2026 Q4: inga mål det här kvartalet\n");
}

#[test]
fn owner_nobody_has_is_said_with_the_files_owners_not_as_an_empty_quarter() {
    let w = Sandbox::new();
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["objectives"][2]["owner"] = json!("Bo");
    w.write_json(&v);
    let r = w.okr(&["--lang", "en", "status", "--owner", "Nobody"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: nobody called “Nobody” owns anything here; the owners are Bo and Säljteamet\n"
    );
    let r = w.okr(&["--lang", "sv", "status", "--owner", "Nobody"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: ingen som heter ”Nobody” äger något här; ägarna är Bo och Säljteamet\n"
    );
    // Nothing is due for nobody: a prompt stays as it is.
    let r = w.okr(&["status", "--short", "--owner", "Nobody"]);
    r.ok();
    assert_eq!(r.stdout, "");
    // A name from the command line never reaches the terminal raw.
    let r = w.okr(&["--lang", "en", "status", "--owner", "No\u{1b}[2Jbody"]);
    r.ok();
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
    assert!(
        r.stdout.contains("nobody called “No�[2Jbody”"),
        "{}",
        r.stdout
    );

    // A file where no Mål has an owner says that.
    w.write_json(&one_person());
    let r = w.okr(&["--lang", "en", "status", "--owner", "Nobody"]);
    r.ok();
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: nobody called “Nobody” owns anything here: no objective has an owner\n"
    );
    let r = w.okr(&["--lang", "sv", "status", "--owner", "Nobody"]);
    assert_eq!(
        r.stdout,
        "okr 2026 Q4: ingen som heter ”Nobody” äger något här: inget mål har en ägare\n"
    );
}

#[test]
fn status_only_reads_no_lock_no_backup_not_a_byte_or_a_time_changed() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let before = w.files();
    for args in [
        &["status"][..],
        &["status", "--short"],
        &["status", "--owner", "x"],
    ] {
        w.okr(args).ok();
    }
    assert_eq!(w.files(), before, "status changed or added a file");
    assert!(!w.path().join("okr.json.lock").exists());
    assert!(!w.path().join("okr.json.bak").exists());

    // A file that is not there is an empty store: nothing is created, not even its folder.
    let missing = w.path().join("no-such-folder").join("okr.json");
    let r = w.run(&["--file", &display(&missing), "--lang", "en", "status"]);
    r.ok();
    assert_eq!(r.stdout, "okr 2026 Q4: no objectives this quarter\n");
    assert!(!missing.parent().unwrap().exists());
}

#[test]
fn status_works_while_another_okr_holds_the_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let mut c = w.command();
    c.env("OKR_OWNER", "Säljteamet");
    assert_eq!(w.okr_with(c, &["status", "--short"]).stdout, "✎3\n");
    // The lock the tracker takes while it runs.
    let (held, _data) = okr::store::Store::open(&file).unwrap();
    let r = w.okr(&["--lang", "en", "status"]);
    r.ok();
    assert!(
        r.stdout.contains("check-in: 1 of 1 key result waiting "),
        "{}",
        r.stdout
    );
    assert_eq!(w.okr(&["status", "--short"]).stdout, "✎1\n");
    drop(held);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
}

#[test]
fn a_file_okr_cannot_read_is_named_as_every_command_names_it() {
    let w = Sandbox::new();
    let broken = FIXTURE.replacen("\"kind\": \"committed\"", "\"kind\": \"committed\",,", 1);
    let file = w.write(&broken);
    let status = w.okr(&["--lang", "en", "status"]);
    let line = status
        .fails(&[&display(&file), "line 12, column 27", "not valid JSON"])
        .to_string();
    assert_eq!(line, w.okr(&["--lang", "en", "export"]).stderr.trim_end());
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);

    // A newer file is refused; so is a wrong shape in today's quarter, in the same words.
    let newer = FIXTURE.replacen("\"version\": 1", "\"version\": 7", 1);
    w.write(&newer);
    w.okr(&["--lang", "en", "status"]).fails(&["newer okr"]);
    let shape = FIXTURE.replacen("\"type\": \"done\"", "\"type\": \"sometimes\"", 1);
    w.write(&shape);
    let line = w
        .okr(&["--lang", "en", "status"])
        .fails(&["shape"])
        .to_string();
    assert_eq!(line, w.okr(&["--lang", "en", "export"]).stderr.trim_end());
    // A value that breaks a rule in today's quarter or this week's check-ins
    // (a confidence of 255, an id twice, a circle of parents, a NUL): refused
    // as every command refuses it, and the prompt is shown that it is broken.
    let mut twice: Value = serde_json::from_str(FIXTURE).unwrap();
    twice["objectives"][1]["id"] = json!("o1");
    let mut circle: Value = serde_json::from_str(FIXTURE).unwrap();
    circle["objectives"][0]["parent"] = json!("o2");
    circle["objectives"][1]["parent"] = json!("o1");
    for (bad, says) in [
        (
            FIXTURE.replacen("\"confidence\": 7", "\"confidence\": 255", 1),
            "255",
        ),
        (twice.to_string(), "o1"),
        (circle.to_string(), "o1 → o2 → o1"),
        (
            FIXTURE.replacen("Expandera globalt", "Expandera\\u0000globalt", 1),
            "U+0000",
        ),
    ] {
        w.write(&bad);
        let line = w
            .okr(&["--lang", "en", "status"])
            .fails(&[says])
            .to_string();
        assert_eq!(line, w.okr(&["--lang", "en", "export"]).stderr.trim_end());
        let short = w.okr(&["status", "--short"]);
        assert_eq!((short.code, short.stdout.as_str()), (Some(1), "okr⚠\n"));
        assert!(short.stderr.contains(says), "{}", short.stderr);
    }
    // A Mål years away is only checked to be JSON: the commands that read it all name its problems.
    let mut far: Value = serde_json::from_str(FIXTURE).unwrap();
    for o in far["objectives"].as_array_mut().unwrap() {
        if o.to_string().contains("at_most") {
            o["quarter"] = json!("2019-Q3");
        }
    }
    let elsewhere = serde_json::to_string_pretty(&far).unwrap().replacen(
        "\"type\": \"at_most\"",
        "\"type\": \"sometimes\"",
        1,
    );
    assert!(elsewhere.contains("sometimes"));
    w.write(&elsewhere);
    w.okr(&["status", "--short"]).ok();
    w.okr(&["export", "--quarter", "2019-Q3"]).fails(&["shape"]);
}

#[test]
fn the_quick_read_gives_what_the_full_read_gives() {
    let mut files = vec![
        okr::store::format::serialize(&crate::support::data::populated()).unwrap(),
        okr::store::format::serialize(&okr::demo::example(today())).unwrap(),
        FIXTURE.as_bytes().to_vec(),
    ];
    // Fields in another order than okr writes them: key results before the quarter.
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    for o in v["objectives"].as_array_mut().unwrap() {
        let obj = o.as_object_mut().unwrap();
        let quarter = obj.remove("quarter").unwrap();
        obj.insert("quarter".into(), quarter);
    }
    files.push(serde_json::to_vec(&v).unwrap());
    // A year's Mål, a Mål over two quarters with one aligned under it in
    // its second, and a year that starts in July: the quick read takes in
    // what their numbers need, and the settings after the Mål.
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["version"] = json!(3);
    v["settings"]["fiscal_year_start"] = json!(7);
    let objectives = v["objectives"].as_array_mut().unwrap();
    objectives[0]["quarter"] = json!("2027");
    objectives[1]["until"] = json!("2027-Q3");
    objectives[1]["quarter"] = json!("2027-Q2");
    objectives[2]["quarter"] = json!("2027-Q3");
    objectives[2]["parent"] = objectives[1]["id"].clone();
    files.push(serde_json::to_vec(&v).unwrap());
    let settings = v.as_object_mut().unwrap().remove("settings").unwrap();
    v.as_object_mut()
        .unwrap()
        .insert("settings".into(), settings);
    files.push(serde_json::to_vec(&v).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    for bytes in files {
        fs::write(&path, &bytes).unwrap();
        let data = okr::store::read(&path).unwrap();
        let mut quarters: Vec<Quarter> = data
            .objectives
            .iter()
            .flat_map(|o| [o.quarter.first_quarter(), o.last_quarter()])
            .collect();
        quarters.push(Quarter::of(today(), okr::model::FiscalYear::CALENDAR).next());
        let weeks: Vec<IsoWeek> = data
            .checkins
            .iter()
            .map(|c| c.week)
            .chain([IsoWeek::of(today())])
            .collect();
        for &quarter in &quarters {
            for &week in &weeks {
                let today = quarter.first_day(okr::model::FiscalYear::CALENDAR);
                let wanted = Wanted { today, week };
                let quick = glance::glance(&path, wanted).unwrap();
                assert_eq!(quick, glance::of_data(&data, wanted), "{today} {week}");
            }
        }
    }
}

#[test]
fn json_gives_the_lines_facts_and_check_exits_1_while_a_check_in_waits() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let as_who = |who: &str, args: &[&str]| {
        let mut c = w.command();
        c.env("OKR_OWNER", who);
        w.okr_with(c, args)
    };
    let r = as_who("Säljteamet", &["status", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["quarter"], "2026-Q4");
    assert_eq!(
        v["checkin"],
        json!({"whose": "Säljteamet", "begun": false, "waiting": 3, "total": 3})
    );
    assert_eq!(v["owner"], Value::Null, "everyone's numbers");
    assert_eq!(
        (v["objectives"].as_u64(), v["key_results"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(v["behind"], 3);
    let line = as_who("Säljteamet", &["--lang", "en", "status"]).stdout;
    let pct = |x: &Value| okr::i18n::EN.percent(x.as_f64().unwrap());
    assert!(
        line.contains(&format!(
            "progress {} (pace {})",
            pct(&v["progress"]),
            pct(&v["pace"])
        )),
        "{line}"
    );
    // --check: nothing printed; 1 while a check-in waits, 0 when none does.
    let r = as_who("Säljteamet", &["status", "--check"]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (Some(1), "", "")
    );
    let r = as_who("Bo", &["status", "--check"]);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), ""));
    let r = as_who("Bo", &["status", "--json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["checkin"], Value::Null);
    // The forms are one at a time.
    assert_eq!(w.okr(&["status", "--short", "--json"]).code, Some(2));
}
