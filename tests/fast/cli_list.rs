//! `okr list`: plain lines for a pipe and a table cut to the terminal, in
//! both languages, filtered by quarter and owner, with file text neutralised;
//! and `okr update` of an Uppgift (the ids `list` shows), done and open.
//! `list` only reads: no lock, nothing written.

use std::fs;

use crate::support::app::today;
use crate::support::fixture::FIXTURE;
use crate::support::term::Term;
use crate::support::{Sandbox, TODAY};
use okr::export::QuarterChoice;
use okr::model::{Data, Quarter};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

fn fixture() -> Data {
    okr::store::format::parse(std::path::Path::new("x"), FIXTURE.as_bytes()).unwrap()
}

/// `okr list` of `data` as the library writes it to a terminal `width` wide.
fn table(data: &Data, which: QuarterChoice, lang: okr::model::Lang, width: u16) -> String {
    let mut out = Vec::new();
    let s = okr::i18n::strings(lang);
    okr::commands::list::list(data, which, None, s, today(), Some(width), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn plain_lines_give_id_title_owner_progress_status_value_and_quarter() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "list"]);
    r.ok();
    let expected = [
        "o1\tExpandera globalt\tSäljteamet\t19%\tbehind pace\tinitiatives 1/2\t2026-Q4",
        "kr1\tSälj för 100 miljoner\tSäljteamet\t13%\tbehind pace\t12.5 / 100 MSEK\t2026-Q4",
        "kr2\tSänk ledtiden för offerter\tSäljteamet\t50%\tbehind pace\t6 / 2 dagar\t2026-Q4",
        "kr3\tLansera en tvåvägs feedback-process\tSäljteamet\t0%\tbehind pace\tnot done\t2026-Q4",
        "u1\tAnställ en säljare i Berlin\tSäljteamet\t\tdone\t2026-11-10 → kr1\t2026-Q4",
        "u2\tÖversätt webbplatsen till tyska\tSäljteamet\t\topen\t\t2026-Q4",
        "o2\tGör våra kunder glada\t\t100%\tdone\t\t2026-Q4",
        "kr4\tÖka kundlojalitet till 98 %\t\t100%\ton pace\t98.5 % (level ≥ 98)\t2026-Q4",
    ];
    assert_eq!(r.stdout.lines().collect::<Vec<_>>(), expected);

    // Swedish: the file's own language, its numbers and words.
    let r = w.okr(&["list"]);
    r.ok();
    let first: Vec<&str> = r.stdout.lines().take(2).collect();
    assert_eq!(
        first,
        [
            "o1\tExpandera globalt\tSäljteamet\t19\u{a0}%\tligger efter\tuppgifter 1/2\t2026-Q4",
            "kr1\tSälj för 100 miljoner\tSäljteamet\t13\u{a0}%\tligger efter\t12,5 / 100\u{a0}MSEK\t2026-Q4",
        ]
    );
    assert!(
        r.stdout
            .contains("u2\tÖversätt webbplatsen till tyska\tSäljteamet\t\töppen")
    );
}

#[test]
fn list_takes_no_lock_changes_nothing_and_works_while_the_tracker_holds_the_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let before = w.files();
    let alone = w.okr(&["--lang", "en", "list"]);
    alone.ok();
    assert_eq!(w.files(), before, "list changed or added a file");
    assert!(!w.path().join("okr.json.lock").exists());
    // The lock the tracker takes while it runs.
    let (held, _data) = okr::store::Store::open(&file).unwrap();
    let r = w.okr(&["--lang", "en", "list"]);
    r.ok();
    assert_eq!(r.stdout, alone.stdout);
    drop(held);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
}

#[test]
fn quarter_and_owner_choose_what_is_listed() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let ids = |args: &[&str]| -> Vec<String> {
        let r = w.okr(args);
        r.ok();
        r.stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["list", "--quarter", "2026-Q3"]), ["o3", "kr5"]);
    assert_eq!(
        ids(&["list", "--quarter", "all"]),
        [
            "o3", "kr5", "o1", "kr1", "kr2", "kr3", "u1", "u2", "o2", "kr4"
        ]
    );
    assert_eq!(
        ids(&["list", "--quarter", "all", "--owner", "Säljteamet"]),
        ["o1", "kr1", "kr2", "kr3", "u1", "u2"]
    );
    // A name matches whatever its case and surrounding blanks, as in
    // `status` and `export`.
    for typed in ["säljteamet", " SÄLJTEAMET "] {
        assert_eq!(
            ids(&["list", "--owner", typed]),
            ["o1", "kr1", "kr2", "kr3", "u1", "u2"],
            "{typed:?}"
        );
    }
    assert!(ids(&["list", "--owner", "Nobody"]).is_empty());
    assert!(ids(&["list", "--quarter", "2027-Q1"]).is_empty());
    let r = w.okr(&["list", "--quarter", "2026-Q9"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
}

#[test]
fn text_from_the_file_reaches_no_output_raw() {
    let w = Sandbox::new();
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["objectives"][0]["title"] = json!("Evil\u{1b}]0;owned\u{7}\ttab\nline\u{202e}");
    v["objectives"][0]["owner"] = json!("Team\u{9b}31m");
    v["objectives"][0]["key_results"][0]["measure"]["unit"] = json!("kr\u{1b}[2J");
    w.write_json(&v);
    let r = w.okr(&["--lang", "en", "list"]);
    r.ok();
    for line in r.stdout.lines() {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{line:?}"
        );
        assert!(!line.contains('\u{202e}'), "{line:?}");
        // A tab or a line break in a text never adds a field.
        assert_eq!(line.split('\t').count(), 7, "{line:?}");
    }
    assert!(
        r.stdout
            .starts_with("o1\tEvil�]0;owned� tab line�\tTeam�31m\t"),
        "{}",
        r.stdout
    );

    let data: Data = serde_json::from_value(v).unwrap();
    let shown = table(
        &data,
        QuarterChoice::One(Quarter::of(today(), okr::model::FiscalYear::CALENDAR)),
        okr::model::Lang::En,
        120,
    );
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown:?}"
    );
    assert!(shown.contains("Evil�]0;owned� tab line�"), "{shown}");
}

#[test]
fn the_table_is_indented_aligned_and_never_wider_than_the_terminal() {
    let data = fixture();
    let all = QuarterChoice::All;
    for lang in [okr::model::Lang::En, okr::model::Lang::Sv] {
        for width in [20u16, 40, 60, 80, 100, 140] {
            let out = table(&data, all, lang, width);
            for line in out.lines() {
                assert!(line.width() <= usize::from(width), "{width}: {line:?}");
            }
        }
    }
    let out = table(&data, all, okr::model::Lang::En, 120);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Quarter 2026 Q3");
    assert!(lines[1].starts_with("id     Title"), "{out}");
    assert!(lines.contains(&""), "a blank line between quarters:\n{out}");
    let row = |id: &str| {
        *lines
            .iter()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap()
    };
    // What is under a Mål is indented; the columns line up, by display width.
    assert!(row("o1").starts_with("o1 "));
    assert!(row("kr1").starts_with("  kr1 "));
    assert!(row("u2").starts_with("  u2 "));
    let column = |line: &str, text: &str| line[..line.find(text).unwrap()].width();
    assert_eq!(column(row("o1"), "19%"), column(row("kr2"), "50%"));
    assert_eq!(
        column(row("kr1"), "12.5 / 100 MSEK"),
        column(row("kr4"), "98.5 %")
    );
    // The owner is said on its Mål's row, not repeated under it.
    assert!(row("o1").contains("Säljteamet") && !row("kr1").contains("Säljteamet"));

    // Narrow: the owner gives way first, then the status, then the value; titles are cut with …
    let en = okr::model::Lang::En;
    let narrow = table(&data, all, en, 72);
    assert!(
        !narrow.contains("Owner") && narrow.contains("Status"),
        "{narrow}"
    );
    assert!(narrow.contains('…'), "{narrow}");
    let narrower = table(&data, all, en, 60);
    assert!(
        !narrower.contains("Status") && narrower.contains("Value"),
        "{narrower}"
    );
    let narrowest = table(&data, all, en, 44);
    assert!(
        !narrowest.contains("Value") && narrowest.contains("Progress"),
        "{narrowest}"
    );

    // Nothing to show is said, not an empty screen.
    let empty = table(&Data::default(), all, okr::model::Lang::Sv, 80);
    assert_eq!(empty, "Inga mål att visa.\n");
}

#[test]
fn on_a_terminal_list_draws_the_table_to_its_width() {
    let w = Sandbox::new();
    // ASCII texts: the terminal of the tests runs in the C locale.
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["objectives"][0]["title"] = json!("Grow abroad with a title long enough to be cut");
    v["objectives"][0]["owner"] = json!("Sales");
    v["objectives"][1]["title"] = json!("Happy customers");
    v["settings"]["language"] = json!("en");
    for (i, t) in [
        "Sell for 100 million",
        "Shorter quote times",
        "Launch feedback",
    ]
    .iter()
    .enumerate()
    {
        v["objectives"][0]["key_results"][i]["title"] = json!(t);
    }
    v["objectives"][0]["key_results"][1]["measure"]["unit"] = json!("days");
    v["objectives"][0]["initiatives"][0]["title"] = json!("Hire in Berlin");
    v["objectives"][0]["initiatives"][1]["title"] = json!("Translate the site");
    v["objectives"][1]["key_results"][0]["title"] = json!("Loyalty at 98");
    w.write_json(&v);
    let t = Term::start(&w, 72, 20, &w.session_command_with("en", &["list"]));
    assert_eq!(t.wait_exit(), 0);
    let screen = t.history();
    assert!(screen.contains("Quarter 2026 Q4"), "{screen}");
    let heading = screen
        .lines()
        .find(|l| l.starts_with("id "))
        .expect("a heading line");
    assert!(
        heading.contains("Title") && heading.contains("Progress"),
        "{screen}"
    );
    for id in ["o1", "kr1", "kr2", "kr3", "u1", "u2", "o2", "kr4"] {
        let line = screen
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} is not listed:\n{screen}"));
        assert!(line.chars().count() <= 72, "{line:?}");
        assert!(!line.contains('\t'), "a table, not plain lines: {line:?}");
    }
    assert!(screen.contains("  kr1 "), "indented:\n{screen}");
}

#[test]
fn update_marks_an_initiative_done_today_or_open_in_either_language() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let initiative = |id: &str| -> Value {
        w.json()["objectives"][0]["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["id"] == id)
            .unwrap()
            .clone()
    };
    let r = w.okr(&["--lang", "en", "update", "u2", "done"]);
    r.ok();
    assert_eq!(
        r.stdout,
        format!("u2 Översätt webbplatsen till tyska: open → done {TODAY}\n")
    );
    assert_eq!(initiative("u2")["done"], TODAY);
    // Through the one edit path: the Mål's `updated` moves, unknown fields stay, a backup first.
    let saved = w.json();
    assert_ne!(saved["objectives"][0]["updated"], "2026-11-16T09:30:00Z");
    assert_eq!(saved["from_a_newer_okr"]["keep"], "me");
    assert_eq!(
        fs::read_to_string(w.path().join("okr.json.bak")).unwrap(),
        FIXTURE
    );

    // Done again keeps the day it was done; open clears it; the Swedish words work too.
    w.okr(&["update", "U2", "klar"]).ok();
    assert_eq!(initiative("u2")["done"], TODAY);
    let r = w.okr(&["update", "u2", "öppen"]);
    r.ok();
    assert_eq!(
        r.stdout,
        format!("u2 Översätt webbplatsen till tyska: klar {TODAY} → öppen\n")
    );
    assert!(initiative("u2").get("done").is_none());
    w.okr(&["update", "u1", "open"]).ok();
    assert!(initiative("u1").get("done").is_none());
    assert_eq!(initiative("u1")["key_result"], "kr1");

    // A value that is neither, or an id that is nothing, changes nothing.
    let before = fs::read_to_string(&file).unwrap();
    w.okr(&["--lang", "en", "update", "u2", "half"]).fails(&[
        "'half'",
        "initiative",
        "done or open",
    ]);
    w.okr(&["--lang", "sv", "update", "u2", "kanske"]).fails(&[
        "”kanske”",
        "uppgift",
        "klar eller öppen",
    ]);
    w.okr(&["--lang", "en", "update", "u9", "done"])
        .fails(&["'u9'", "no initiative", "okr list"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn json_lists_each_mal_with_the_numbers_every_surface_gives() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["list", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2, "today's quarter: {v:#}");
    let o1 = &all[0];
    assert_eq!(
        (&o1["id"], &o1["quarter"], &o1["owner"]),
        (&json!("o1"), &json!("2026-Q4"), &json!("Säljteamet"))
    );
    assert_eq!(o1["status"], "behind");
    let data = okr::store::read(&w.file()).unwrap();
    let numbers = okr::model::numbers::Numbers::of(
        data.objectives.iter().map(|o| &**o),
        okr::model::FiscalYear::CALENDAR,
        today(),
    );
    assert_eq!(
        o1["progress"].as_f64(),
        numbers.get(&data.objectives[0]).progress
    );
    let kr1 = &o1["key_results"][0];
    assert_eq!(
        (&kr1["id"], &kr1["current"], &kr1["unit"]),
        (&json!("kr1"), &json!(12.5), &json!("MSEK"))
    );
    assert_eq!(o1["initiatives"][0]["done"], "2026-11-10");
    // Narrowed and for all quarters, in quarter order.
    let r = w.okr(&[
        "list",
        "--json",
        "--quarter",
        "all",
        "--owner",
        " säljteamet",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["o1"]);
}
