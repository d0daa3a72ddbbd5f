//! `okr export` without a terminal: Markdown, CSV and JSON of an empty and a
//! populated file, per quarter and for all, in Swedish and English.

use std::fs;

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, display, key_result, printed_data_path};
use serde_json::Value;

/// The ids of an export's Mål, in order.
pub(crate) fn objective_ids(export: &Value) -> Vec<&str> {
    export["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect()
}

// --- an empty store (no file yet) ---------------------------------------------

#[test]
fn empty_store_exports_nothing_in_every_format() {
    let w = Sandbox::new();
    let file = w.file();

    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(printed_data_path(&r.stdout), display(&file));

    let r = w.okr(&["--lang", "sv", "export"]);
    r.ok();
    assert!(r.stdout.starts_with("# OKR\n"), "{}", r.stdout);
    assert!(r.stdout.contains("Kvartal 2026 Q4"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Inga mål det här kvartalet."),
        "{}",
        r.stdout
    );

    let r = w.okr(&[
        "--lang",
        "en",
        "export",
        "--quarter",
        "2026-Q4",
        "--format",
        "md",
    ]);
    r.ok();
    assert!(r.stdout.contains("Quarter 2026 Q4"), "{}", r.stdout);
    assert!(
        r.stdout.contains("No objectives this quarter."),
        "{}",
        r.stdout
    );

    let r = w.okr(&["export", "--quarter", "all", "--format", "md"]);
    r.ok();
    assert_eq!(r.stdout, "# OKR\n");

    for q in ["2026-Q4", "all"] {
        let r = w.okr(&["export", "--quarter", q, "--format", "csv"]);
        r.ok();
        let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
        assert_eq!(rd.headers().unwrap().get(0), Some("quarter"));
        assert_eq!(rd.records().count(), 0, "{q}: {}", r.stdout);

        let r = w.okr(&["export", "--quarter", q, "--format", "json"]);
        r.ok();
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["version"], okr::model::FORMAT_VERSION);
        assert_eq!(v["objectives"], serde_json::json!([]));
        assert_eq!(v["checkins"], serde_json::json!([]));
        let quarters = if q == "all" {
            serde_json::json!([])
        } else {
            serde_json::json!(["2026-Q4"])
        };
        assert_eq!(v["quarters"], quarters);
    }
    assert!(!file.exists(), "reading must not create the data file");
}

// --- a populated store --------------------------------------------------------

#[test]
fn populated_store_exports_every_format_and_leaves_the_file_alone() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let before = fs::read(&file).unwrap();

    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(printed_data_path(&r.stdout), display(&file));

    // The default quarter is today's: 2026-Q4 holds o1 and o2, not o3.
    let r = w.okr(&["export"]);
    r.ok();
    assert!(r.stdout.contains("Expandera globalt"), "{}", r.stdout);
    assert!(r.stdout.contains("Gör våra kunder glada"), "{}", r.stdout);
    assert!(!r.stdout.contains("buffertkonto"), "{}", r.stdout);
    // The file's language setting (sv) is used without --lang.
    assert!(r.stdout.contains("Nyckelresultat"), "{}", r.stdout);

    let r = w.okr(&["export", "--quarter", "all"]);
    r.ok();
    let q3 = r.stdout.find("2026 Q3").expect("Q3 section");
    let q4 = r.stdout.find("2026 Q4").expect("Q4 section");
    assert!(q3 < q4, "quarters in order:\n{}", r.stdout);
    assert!(r.stdout.contains("buffertkonto"), "{}", r.stdout);
    assert!(r.stdout.contains("Automatisk överföring"), "{}", r.stdout);

    for (q, expected) in [
        ("2026-Q4", vec!["o1", "o2"]),
        ("all", vec!["o1", "o2", "o3"]),
    ] {
        let r = w.okr(&["export", "--quarter", q, "--format", "json"]);
        r.ok();
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(objective_ids(&v), expected, "{q}");

        let r = w.okr(&["export", "--quarter", q, "--format", "csv"]);
        r.ok();
        let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
        // The rows of the key results' state now: those without a week.
        let krs: Vec<String> = rd
            .records()
            .map(Result::unwrap)
            .filter(|rec| rec.get(18) == Some(""))
            .map(|rec| rec.get(7).unwrap().to_string())
            .collect();
        let want: Vec<&str> = if q == "all" {
            vec!["kr1", "kr2", "kr3", "kr4", "kr5"]
        } else {
            vec!["kr1", "kr2", "kr3", "kr4"]
        };
        assert_eq!(krs, want, "{q}");
    }

    // A quarter with nothing in it.
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2027-Q1"]);
    r.ok();
    assert!(
        r.stdout.contains("No objectives this quarter."),
        "{}",
        r.stdout
    );

    assert_eq!(fs::read(&file).unwrap(), before, "export changed the file");
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn export_csv_has_the_header_and_the_values_of_each_measure() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["export", "--format", "csv", "--quarter", "all"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "quarter",
            "until",
            "objective_id",
            "objective",
            "kind",
            "status",
            "score",
            "key_result_id",
            "key_result",
            "type",
            "start",
            "target",
            "level",
            "current",
            "unit",
            "progress",
            "confidence",
            "weight",
            "week",
            "checkin_date",
            "note",
            "success",
            "went_well",
            "to_change",
            "owner",
            "objective_progress",
        ]
    );
    // The Mål's progress, by the one model of numbers every surface reads.
    let data = okr::store::read(&w.file()).unwrap();
    let all: Vec<&okr::model::Objective> = data.objectives.iter().map(|o| &**o).collect();
    let numbers = okr::model::numbers::Numbers::of(
        all.iter().copied(),
        okr::model::FiscalYear::CALENDAR,
        crate::support::app::today(),
    );
    let o1 = numbers.get(all[0]).progress.unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let row = |kr: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.get(7) == Some(kr) && r.get(18) == Some(""))
            .unwrap_or_else(|| panic!("no row for {kr}"))
            .iter()
            .map(String::from)
            .collect()
    };
    assert_eq!(
        row("kr1"),
        [
            "2026-Q4",
            "",
            "o1",
            "Expandera globalt",
            "committed",
            "active",
            "",
            "kr1",
            "Sälj för 100 miljoner",
            "numeric",
            "0",
            "100",
            "",
            "12.5",
            "MSEK",
            "0.125",
            "7",
            "2",
            "",
            "",
            "",
            "",
            "",
            "",
            "Säljteamet",
            &format!("{o1:.3}"),
        ]
    );
    // One row per key result per check-in week, with that week's value and note.
    let weekly: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r.get(18) != Some(""))
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    assert_eq!(weekly.len(), 1, "{weekly:?}");
    assert_eq!(
        (
            weekly[0][7].as_str(),
            weekly[0][13].as_str(),
            weekly[0][16].as_str()
        ),
        ("kr1", "12.5", "7")
    );
    assert_eq!(
        (
            weekly[0][18].as_str(),
            weekly[0][19].as_str(),
            weekly[0][20].as_str()
        ),
        ("2026-W47", "2026-11-16", "Två nya kunder")
    );
    // Falling: 10 → 2, now 6, is half way.
    let kr2 = row("kr2");
    assert_eq!((kr2[10].as_str(), kr2[11].as_str()), ("10", "2"));
    assert_eq!(kr2[15], "0.500");
    let kr3 = row("kr3");
    assert_eq!(
        (kr3[9].as_str(), kr3[13].as_str(), kr3[15].as_str()),
        ("done", "0", "0.000")
    );
    let kr4 = row("kr4");
    assert_eq!(
        (kr4[9].as_str(), kr4[12].as_str(), kr4[15].as_str()),
        ("at_least", "98", "1.000")
    );
    let kr5 = row("kr5");
    assert_eq!(
        (
            kr5[0].as_str(),
            kr5[5].as_str(),
            kr5[6].as_str(),
            kr5[9].as_str(),
            kr5[15].as_str()
        ),
        ("2026-Q3", "carried_over", "0.6", "at_most", "0.000")
    );
    assert_eq!(kr5[4], "economic");
}

#[test]
fn export_json_holds_the_quarters_objectives_and_checkins() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["export", "--format", "json", "--quarter", "2026-Q4"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    // A format-1 file is exported in the format this okr reads and writes.
    assert_eq!(v["version"], okr::model::FORMAT_VERSION);
    assert_eq!(v["quarters"], serde_json::json!(["2026-Q4"]));
    assert_eq!(objective_ids(&v), ["o1", "o2"]);
    let o1 = &v["objectives"][0];
    assert_eq!(o1["title"], "Expandera globalt");
    assert_eq!(o1["owner"], "Säljteamet");
    assert_eq!(o1["key_results"].as_array().unwrap().len(), 3);
    assert_eq!(o1["initiatives"][0]["done"], "2026-11-10");
    assert_eq!(key_result(&v, "kr2")["measure"]["target"], 2.0);
    assert_eq!(v["checkins"][0]["week"], "2026-W47");
    assert_eq!(v["checkins"][0]["pulse"]["safety"], 5);

    // The check-in of W47 is not in Q3's report.
    let r = w.okr(&["export", "--format", "json", "--quarter", "2026-Q3"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(objective_ids(&v), ["o3"]);
    assert_eq!(v["checkins"], serde_json::json!([]));
    assert_eq!(v["objectives"][0]["retro"]["to_change"], "Färre impulsköp");
}

#[test]
fn export_md_speaks_swedish_with_lang_sv() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "sv", "export", "--format", "md"]);
    r.ok();
    let md = &r.stdout;
    for word in [
        "## Kvartal 2026 Q4",
        "### Mål: Expandera globalt",
        "**Nyckelresultat**",
        "**Uppgifter** (1/2)",
        "Hängiven",
        "Ambitiös",
        // The start and the share in one bracket, not two in a row.
        "`kr1` Sälj för 100 miljoner: 12,5 / 100\u{a0}MSEK (start 0, 13\u{a0}%) · Säkerhet",
        "98,5\u{a0}% (nivå ≥ 98, 100\u{a0}%)",
        "Incheckningar",
        "Vinster att fira: Första kunden i Tyskland",
        "- [x] Anställ en säljare i Berlin",
        "- [ ] Översätt webbplatsen till tyska",
    ] {
        assert!(md.contains(word), "{word:?} missing:\n{md}");
    }
    for english in ["Objective", "Key results", "12.5"] {
        assert!(
            !md.contains(english),
            "{english:?} in the Swedish report:\n{md}"
        );
    }
}

#[test]
fn export_md_speaks_english_with_lang_en() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&[
        "--lang",
        "en",
        "export",
        "--format",
        "md",
        "--quarter",
        "all",
    ]);
    r.ok();
    let md = &r.stdout;
    for word in [
        "## Quarter 2026 Q4",
        "### Objective: Expandera globalt",
        "**Key results**",
        "**Initiatives** (1/2)",
        "Committed",
        "Aspirational",
        "Economic",
        "`kr1` Sälj för 100 miljoner: 12.5 / 100 MSEK",
        "98.5 % (level ≥ 98, 100%)",
        "2500 kr (level ≤ 2000, 0%)",
        "Score: 0.6",
        "**What to change:** Färre impulsköp",
        "Wins to celebrate: Första kunden i Tyskland",
    ] {
        assert!(md.contains(word), "{word:?} missing:\n{md}");
    }
    for swedish in ["Mål:", "Nyckelresultat", "12,5"] {
        assert!(
            !md.contains(swedish),
            "{swedish:?} in the English report:\n{md}"
        );
    }
}

// --- check-ins, reviews and staleness -----------------------------------------

#[test]
fn export_md_lists_the_checkins_of_the_quarter_per_week() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q4"]);
    r.ok();
    let md = &r.stdout;
    assert!(md.contains("**2026-W47** (2026-11-16)"), "{md}");
    assert!(
        md.contains("`kr1` Sälj för 100 miljoner: 12.5 · Confidence 7/10 — Två nya kunder"),
        "{md}"
    );
    assert!(
        md.contains("Wins to celebrate: Första kunden i Tyskland"),
        "{md}"
    );
    assert!(md.contains("Psychological safety 5"), "{md}");
}

#[test]
fn export_of_a_reviewed_quarter_carries_score_success_and_retro() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q3"]);
    r.ok();
    let md = &r.stdout;
    assert!(md.contains("- Score: 0.6 (yellow) — missed"), "{md}");
    assert!(md.contains("- Kind: Economic"), "{md}");
    assert!(md.contains("- Status: carried over"), "{md}");
    assert!(
        md.contains("**What went well:** Automatisk överföring varje månad"),
        "{md}"
    );
    assert!(md.contains("**What to change:** Färre impulsköp"), "{md}");
    assert!(md.contains("2500 kr (level ≤ 2000, 0%)"), "{md}");

    let r = w.okr(&["export", "--quarter", "2026-Q3", "--format", "csv"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let row = rd.records().next().unwrap().unwrap();
    assert_eq!(row.get(6), Some("0.6"));
    assert_eq!(row.get(21), Some("no"));
    assert_eq!(row.get(22), Some("Automatisk överföring varje månad"));
    assert_eq!(row.get(23), Some("Färre impulsköp"));
}

#[test]
fn a_finished_quarters_key_results_are_not_called_stale() {
    let w = Sandbox::new();
    let kr = |id: &str, quarter: &str, date: &str| {
        format!(
            r#"{{"id": "o{id}", "title": "Mål {id}", "quarter": "{quarter}", "created": "2026-07-01T08:00:00Z",
               "updated": "2026-07-01T08:00:00Z",
               "key_results": [{{"id": "kr{id}", "title": "KR {id}",
                 "measure": {{"type": "numeric", "start": 0, "target": 10, "current": 4}},
                 "history": [{{"date": "{date}", "value": 4}}]}}]}}"#
        )
    };
    w.write(&format!(
        r#"{{"version": 1, "objectives": [{}, {}]}}"#,
        kr("1", "2026-Q3", "2026-08-01"),
        kr("2", "2026-Q4", "2026-10-01")
    ));
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q3"]);
    r.ok();
    assert!(!r.stdout.contains("stale"), "{}", r.stdout);
    // A running quarter's key result not updated for 14 days is.
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q4"]);
    r.ok();
    assert!(r.stdout.contains("stale"), "{}", r.stdout);
}

// --- what no other test covers ------------------------------------------------

#[test]
fn export_csv_gives_a_mål_without_key_results_one_row_of_its_own() {
    let w = Sandbox::new();
    let mut data: Value = serde_json::from_str(FIXTURE).unwrap();
    // The reviewed Mål of Q3, its key result taken away.
    data["objectives"][2]["key_results"] = serde_json::json!([]);
    w.write_json(&data);
    let r = w.okr(&["export", "--format", "csv", "--quarter", "2026-Q3"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<Vec<String>> = rd
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let mut expected = [
        "2026-Q3",
        "",
        "o3",
        "Spara ihop till ett buffertkonto",
        "economic",
        "carried_over",
        "0.6",
    ]
    .map(String::from)
    .to_vec();
    // No key result, no week: those fourteen columns are empty.
    expected.resize(21, String::new());
    expected
        .extend(["no", "Automatisk överföring varje månad", "Färre impulsköp"].map(String::from));
    // The owner column: this Mål has none; and no progress without key results.
    expected.push(String::new());
    expected.push(String::new());
    assert_eq!(rows, [expected]);
}

#[test]
fn export_runs_while_the_tracker_holds_the_lock() {
    // Cron jobs export while someone has the tracker open: export never locks.
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let (held, _) = okr::store::Store::open(&file).unwrap();
    let lock = w.path().join("okr.json.lock");
    let lock_before = fs::read(&lock).unwrap();
    // The lock is really held: a command that writes is refused.
    w.okr(&["update", "kr1", "50"])
        .fails(&["already open in another okr"]);

    for format in ["md", "csv", "json"] {
        let r = w.okr(&["export", "--format", format, "--quarter", "all"]);
        r.ok();
        assert!(
            r.stdout.contains("Expandera globalt"),
            "{format}: {}",
            r.stdout
        );
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert_eq!(
        fs::read(&lock).unwrap(),
        lock_before,
        "the lock is as it was"
    );
    drop(held);
}
