//! `okr import` refused: a bad row named by its row and column, a JSON file
//! it cannot take named by its place, a file another okr holds; nothing is
//! imported and the file is left as it was.

use std::fs;

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, display};
use serde_json::{Value, json};

/// Imports `sheet` into the fixture and expects a refusal with `words`, the
/// file left exactly as it was and no backup.
fn refused(lang: &str, sheet: &str, words: &[&str]) {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let path = w.input("sheet.csv", sheet);
    let r = w.okr(&["--lang", lang, "import", "--format", "csv", &display(&path)]);
    let mut all = vec![display(&path)];
    all.extend(words.iter().map(|s| s.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    r.fails(&all);
    assert_eq!(fs::read_to_string(w.file()).unwrap(), FIXTURE, "{sheet}");
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn a_bad_row_is_named_by_row_and_column_and_nothing_is_imported() {
    let head = "objective,key_result,start,target,current,kind,quarter\n";
    let good = "Bra,Ett,0,10,5,,\n";
    let en = |row: &str, words: &[&str]| {
        let mut w = vec!["nothing was imported"];
        w.extend_from_slice(words);
        refused("en", &format!("{head}{good}{row}"), &w);
    };
    en(
        "Dålig,Två,0,abc,1,,\n",
        &["row 3, column 'target' (D)", "'abc' is not a number"],
    );
    en(
        "Dålig,Två,0,10,,brave,\n",
        &["row 3, column 'kind' (F)", "'brave' is not a kind"],
    );
    en(
        "Dålig,Två,0,10,,,2026-Q9\n",
        &["row 3, column 'quarter' (G)", "'2026-Q9' is not a quarter"],
    );
    en(
        "Bad\u{1b}[2J,Två,0,10,,,\n",
        &["row 3, column 'objective' (A)", "control characters"],
    );
    en(
        "Bra,Tw\u{7}o,0,10,,,\n",
        &["row 3, column 'key_result' (B)", "control characters"],
    );
    en(
        "Dålig,Två,5,,,,\n",
        &["row 3, column 'target' (D)", "needs a target"],
    );
    en(
        ",Två,0,10,,,\n",
        &["row 3, column 'objective' (A)", "the title is empty"],
    );
    en(
        "Bra,Två,0,10,,aspirational,\n",
        &["row 3, column 'kind' (F)", "differs from row 2"],
    );
    en(
        "Dålig,Två,0,10,1,,,extra\n",
        &["row 3, column H", "no column in the header"],
    );
    // Swedish words and the language's numbers: 17.500 could be either.
    refused(
        "sv",
        "mål;nyckelresultat;start;målvärde\nA;B;0;17.500\n",
        &[
            "rad 2, kolumn 'målvärde' (D)",
            "det kan vara 17,5 eller 17",
            "inget importerades",
        ],
    );
    // The file as a whole.
    refused(
        "en",
        "title,value\nA,1\n",
        &["no column is called objective or mål"],
    );
    refused(
        "en",
        "objective,Mål\nA,B\n",
        &["'objective' and 'Mål' mean the same"],
    );
    refused("en", "objective\n\n", &["no rows to import"]);
    refused("en", "", &["no rows to import"]);
}

#[test]
fn a_bad_until_is_named_by_row_and_column_in_either_language() {
    let en = |rows: &str, words: &[&str]| {
        let sheet = format!("objective,key_result,quarter,until\nBra,Ett,2026-Q4,2027-Q1\n{rows}");
        let mut all = vec!["nothing was imported"];
        all.extend_from_slice(words);
        refused("en", &sheet, &all);
    };
    let at = "row 3, column 'until' (D)";
    en(
        "Dålig,Två,2026-Q4,snart\n",
        &[at, "'snart' is not a quarter; until is the last quarter"],
    );
    en("Dålig,Två,2026-Q4,2027\n", &[at, "'2027' is not a quarter"]);
    en(
        "Dålig,Två,2026-Q4,2026-Q3\n",
        &[
            at,
            "until must be a quarter after the objective's own (2026-Q4)",
        ],
    );
    en(
        "Dålig,Två,2026-Q4,2026-Q4\n",
        &[at, "a quarter after the objective's own"],
    );
    en(
        "Dålig,Två,2026-Q4,2029-Q1\n",
        &[at, "spans at most 8 quarters, and this one would span 10"],
    );
    en(
        "Dålig,Två,2027,2027-Q2\n",
        &[
            at,
            "a year's objective spans no quarters: leave until empty",
        ],
    );
    en(
        "Dålig,Två,2026-Q4,FY2027-Q1\n",
        &[
            at,
            "'FY2027-Q1' belongs to a year that does not start in January",
        ],
    );
    // Rows of one Mål agree on it, as on the quarter.
    en(
        "Bra,Två,2026-Q4,2027-Q2\n",
        &[at, "it differs from row 2 of the same objective"],
    );
    let sv = |rows: &str, words: &[&str]| {
        let sheet = format!("mål;nyckelresultat;kvartal;till och med\nBra;Ett;2026-Q4;\n{rows}");
        let mut all = vec!["inget importerades"];
        all.extend_from_slice(words);
        refused("sv", &sheet, &all);
    };
    let at = "rad 3, kolumn 'till och med' (D)";
    sv(
        "Dålig;Två;2026 Q4;i vår\n",
        &[
            at,
            "”i vår” är inget kvartal; till och med är det sista kvartalet",
        ],
    );
    sv(
        "Dålig;Två;2026 Q4;2026 Q2\n",
        &[
            at,
            "till och med ska vara ett kvartal efter målets eget (2026-Q4)",
        ],
    );
    sv(
        "Dålig;Två;2026 Q4;2030 Q1\n",
        &[
            at,
            "högst 8 kvartal, och det här skulle sträcka sig över 14",
        ],
    );
    sv(
        "Dålig;Två;2027;2027 Q3\n",
        &[
            at,
            "ett årsmål sträcker sig inte över flera kvartal; lämna till och med tomt",
        ],
    );
    sv(
        "Bra;Två;2026 Q4;2027 Q1\n",
        &[at, "skiljer sig från rad 2 för samma mål"],
    );
}

#[test]
fn a_bad_row_is_named_by_the_row_a_spreadsheet_shows_blank_lines_and_all() {
    // Row 5 in a spreadsheet and line 5 in the file: two blank lines above it.
    let sheet = "objective,key_result,start,target\nBra,Ett,0,10\n\n\nDålig,Två,0,abc\n";
    refused(
        "en",
        sheet,
        &["row 5, column 'target' (D)", "'abc' is not a number"],
    );
    refused(
        "sv",
        &sheet.replace("abc", "x"),
        &["rad 5, kolumn 'target' (D)", "”x” är inte ett tal"],
    );
    // Windows and old Mac line ends, and blank lines before the header.
    refused(
        "en",
        &format!("\r\n{}", sheet.replace('\n', "\r\n")),
        &["row 6, column 'target' (D)"],
    );
    refused(
        "en",
        &sheet.replace('\n', "\r"),
        &["row 5, column 'target' (D)"],
    );
    // A quoted cell of two lines is one row, as in a spreadsheet.
    refused(
        "en",
        "objective,key_result,start,target\n\"Bra,\nmed två rader\",Ett,0,10\n\nDålig,Två,0,abc\n",
        &["row 4, column 'target' (D)"],
    );
    // The last line without its line break; a bad row of two lines.
    refused("en", sheet.trim_end(), &["row 5, column 'target' (D)"]);
    refused(
        "en",
        "objective,key_result,start,target\n\n\"Dålig,\nmed två rader\",Två,0,abc\n",
        &["row 3, column 'target' (D)"],
    );
    // The earlier row a Mål's field differs from is counted the same way.
    refused(
        "en",
        "objective,key_result,kind\n\nBra,Ett,committed\n\nBra,Två,aspirational\n",
        &["row 5, column 'kind' (C)", "differs from row 3"],
    );
}

#[test]
fn a_json_file_it_cannot_take_is_named_by_its_place_and_nothing_is_imported() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let export: Value = serde_json::from_str(
        &w.okr(&["export", "--quarter", "all", "--format", "json"])
            .stdout,
    )
    .unwrap();
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (
            {
                let mut v = export.clone();
                v["objectives"][1]["title"] = json!("Bad\u{9b}title");
                v
            },
            vec!["objectives[1].title", "control characters"],
        ),
        (
            {
                let mut v = export.clone();
                v["objectives"][2]["key_results"][0]["id"] = json!("kr1");
                v
            },
            vec!["objectives[2].key_results[0].id", "'kr1' is there twice"],
        ),
        (
            {
                let mut v = export.clone();
                v["objectives"][0]["initiatives"][0]["key_result"] = json!("kr4");
                v
            },
            vec!["objectives[0].initiatives[0].key_result", "'kr4'"],
        ),
        (
            {
                let mut v = export.clone();
                v["version"] = json!(9);
                v
            },
            vec!["version", "newer okr"],
        ),
        (
            {
                let mut v = export.clone();
                v["objectives"][0]["key_results"][1]["confidence"] = json!(11);
                v
            },
            vec!["confidence is a whole number 1–10"],
        ),
    ];
    for (v, words) in cases {
        let path = w.input("in.json", &serde_json::to_string_pretty(&v).unwrap());
        let r = w.okr(&[
            "--lang",
            "en",
            "import",
            "--format",
            "json",
            &display(&path),
        ]);
        let mut all = vec!["nothing was imported"];
        all.extend(words);
        r.fails(&all);
        assert_eq!(fs::read_to_string(w.file()).unwrap(), FIXTURE);
    }
    let path = w.input(
        "in.json",
        "{\n  \"version\": 1,\n  \"objectives\": [,]\n}\n",
    );
    let r = w.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "json",
        &display(&path),
    ]);
    r.fails(&["line 3, column", "not an export of okr"]);
    let r = w.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "json",
        &display(&w.path().join("missing.json")),
    ]);
    r.fails(&["cannot read", "missing.json", "does not exist"]);
    assert_eq!(fs::read_to_string(w.file()).unwrap(), FIXTURE);
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn import_is_refused_while_another_okr_holds_the_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let sheet = w.input("sheet.csv", "objective\nNy\n");
    let (held, _data) = okr::store::Store::open(&file).unwrap();
    w.okr(&["import", "--format", "csv", &display(&sheet)])
        .fails(&["already open in another okr"]);
    drop(held);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    w.okr(&["import", "--format", "csv", &display(&sheet)]).ok();
    assert_eq!(w.json()["objectives"].as_array().unwrap().len(), 4);
}
