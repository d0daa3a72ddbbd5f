//! `okr export`, `list` and `status` in a file whose year starts in July:
//! quarters and years named by that year (`FY2027-Q2`, `FY2027`), a year
//! or a quarter chosen on the command line, and the `until` of a Mål
//! spanning quarters in each report.

use crate::cli_export::objective_ids;
use crate::support::Sandbox;
use crate::support::fixture::fiscal;
use serde_json::{Value, json};

fn sandbox() -> Sandbox {
    let w = Sandbox::new();
    w.write_json(&fiscal());
    w
}

/// The CSV's rows as (quarter, until, objective id, key result id).
fn csv_rows(text: &str) -> Vec<[String; 4]> {
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    rd.records()
        .map(|r| {
            let r = r.unwrap();
            [0, 1, 2, 7].map(|i| r.get(i).unwrap().to_string())
        })
        .collect()
}

fn row(q: &str, until: &str, o: &str, kr: &str) -> [String; 4] {
    [q, until, o, kr].map(String::from)
}

#[test]
fn the_csv_names_quarters_by_the_teams_year_and_gives_the_last_quarter_spanned() {
    let w = sandbox();
    let r = w.okr(&["export", "--quarter", "all", "--format", "csv"]);
    r.ok();
    assert!(
        r.stdout.starts_with("quarter,until,objective_id,"),
        "{}",
        r.stdout
    );
    // Each Mål once; the check-in week of kr2 a row of its own.
    assert_eq!(
        csv_rows(&r.stdout),
        [
            row("FY2027", "", "o1", "kr1"),
            row("FY2027-Q2", "FY2027-Q3", "o2", "kr2"),
            row("FY2027-Q2", "FY2027-Q3", "o2", "kr2"),
            row("FY2027-Q2", "FY2027-Q3", "o2", "kr3"),
            row("FY2027-Q2", "", "o3", "kr4"),
            row("FY2027-Q1", "", "o4", "kr5"),
        ]
    );
    // A quarter the Mål spans, without being its first, holds it too.
    let r = w.okr(&["export", "--quarter", "FY2027-Q3", "--format", "csv"]);
    r.ok();
    let objectives: Vec<String> = csv_rows(&r.stdout)
        .into_iter()
        .map(|r| r[2].clone())
        .collect();
    assert_eq!(objectives, ["o2", "o2", "o2"]);
}

#[test]
fn export_of_a_year_or_a_fiscal_quarter_works_in_every_format() {
    let w = sandbox();
    for (quarter, heading, want) in [
        ("2027", "År FY2027", vec!["o1"]),
        ("FY2027", "År FY2027", vec!["o1"]),
        ("FY2027-Q2", "Kvartal FY2027 Q2", vec!["o2", "o3"]),
        ("2027 Q2", "Kvartal FY2027 Q2", vec!["o2", "o3"]),
    ] {
        let export = |format: &str| {
            let r = w.okr(&["export", "--quarter", quarter, "--format", format]);
            r.ok();
            r.stdout.clone()
        };
        let md = export("md");
        assert!(md.contains(&format!("## {heading}\n")), "{quarter}: {md}");
        let json: Value = serde_json::from_str(&export("json")).unwrap();
        assert_eq!(objective_ids(&json), want, "{quarter}");
        assert_eq!(
            json["settings"],
            json!({"fiscal_year_start": 7}),
            "{quarter}"
        );
        let key = quarter.trim_start_matches("FY").replace(' ', "-");
        assert_eq!(json["quarters"], json!([key]), "{quarter}");
        let mut csv: Vec<String> = csv_rows(&export("csv"))
            .into_iter()
            .map(|r| r[2].clone())
            .collect();
        csv.dedup();
        assert_eq!(csv, want, "{quarter}");
        let html = export("html");
        assert!(
            html.contains(&heading.replace("År ", "").replace("Kvartal ", "")),
            "{quarter}"
        );
        // (o2 names the year's Mål it serves: o1's title is no sign.)
        for (id, title) in [("o3", "Nöjda kunder"), ("o4", "Sommarens mål")] {
            assert_eq!(
                html.contains(title),
                want.contains(&id),
                "{quarter}: {title} in the page"
            );
        }
    }
    // Only the spanning Mål in the quarter it continues into.
    let r = w.okr(&["export", "--quarter", "FY2027-Q3", "--format", "json"]);
    r.ok();
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(objective_ids(&json), ["o2"]);
    assert_eq!(json["objectives"][0]["until"], "2027-Q3");
}

#[test]
fn list_takes_a_year_or_a_fiscal_quarter_and_names_them_by_the_teams_year() {
    let w = sandbox();
    // Plain lines: the id first, the quarter's name last.
    let lines = |args: &[&str]| -> Vec<(String, String)> {
        let r = w.okr(args);
        r.ok();
        r.stdout
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_string(), f[f.len() - 1].to_string())
            })
            .collect()
    };
    let pair = |id: &str, q: &str| (id.to_string(), q.to_string());
    assert_eq!(
        lines(&["list", "--quarter", "FY2027-Q2"]),
        [
            pair("o2", "FY2027-Q2"),
            pair("kr2", "FY2027-Q2"),
            pair("kr3", "FY2027-Q2"),
            pair("o3", "FY2027-Q2"),
            pair("kr4", "FY2027-Q2"),
        ]
    );
    // Without --quarter: today's, FY2027 Q2 in a year from July.
    assert_eq!(lines(&["list"]), lines(&["list", "--quarter", "2027-Q2"]));
    assert_eq!(
        lines(&["list", "--quarter", "2027"]),
        [pair("o1", "FY2027"), pair("kr1", "FY2027")]
    );
    assert_eq!(
        lines(&["list", "--quarter", "fy2027 q1"]),
        [pair("o4", "FY2027-Q1"), pair("kr5", "FY2027-Q1")]
    );
    // JSON: a spanning Mål's first and last quarter, in the quarter it continues into.
    let r = w.okr(&["list", "--quarter", "FY2027-Q3", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let o2 = &v.as_array().unwrap()[0];
    assert_eq!(
        (&o2["id"], &o2["quarter"], &o2["until"]),
        (&json!("o2"), &json!("FY2027-Q2"), &json!("FY2027-Q3"))
    );
    assert_eq!(v.as_array().unwrap().len(), 1, "{v:#}");
    let r = w.okr(&["list", "--quarter", "FY2027", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["quarter"], "FY2027");
    assert_eq!(v[0]["until"], Value::Null);
    // A quarter that is no quarter is refused with the forms it takes.
    let r = w.okr(&["list", "--quarter", "FY2027-Q5"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("'FY2027-Q5' is not a quarter or a year"),
        "{}",
        r.stderr
    );
}

#[test]
fn status_names_todays_quarter_by_the_teams_year() {
    let w = sandbox();
    let r = w.okr(&["--lang", "en", "status"]);
    r.ok();
    // Today's quarter holds the spanning o2 and o3, not o4; the check-in
    // walks the year's o1 too, whose key result waits beside o3's.
    assert!(
        r.stdout
            .starts_with("okr FY2027 Q2: check-in: 2 of 2 key results waiting"),
        "{}",
        r.stdout
    );
    let r = w.okr(&["status"]);
    r.ok();
    assert!(r.stdout.starts_with("okr FY2027 Q2: "), "{}", r.stdout);
    let r = w.okr(&["status", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["quarter"], "FY2027-Q2");
    assert_eq!(
        (&v["objectives"], &v["key_results"]),
        (&json!(2), &json!(3))
    );
    // A calendar file says the quarter as before.
    let mut calendar = fiscal();
    calendar["settings"]
        .as_object_mut()
        .unwrap()
        .remove("fiscal_year_start");
    calendar["objectives"][2]["quarter"] = json!("2026-Q4");
    w.write_json(&calendar);
    let r = w.okr(&["status", "--json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (&v["quarter"], &v["objectives"]),
        (&json!("2026-Q4"), &json!(1))
    );
}
