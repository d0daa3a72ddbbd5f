//! `okr import` of years, Mål spanning quarters and a team's own year:
//! round trips through okr's CSV and JSON exports give the same Mål in a
//! file whose year starts in the same month, for any month; a file whose
//! year starts in another month is refused, never moved.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use okr::cli::ImportFormat;
use okr::export::{Format, QuarterChoice};
use okr::import::{Problem, apply, plan};
use okr::model::{Data, FiscalYear, KeyResult, Kind, Lang, Measure, Objective, Quarter};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::fixture::{FIXTURE, fiscal};
use crate::support::{Sandbox, display};

/// An empty data file whose year starts in `month`.
fn empty_file(month: u32) -> Sandbox {
    let w = Sandbox::new();
    w.write_json(&json!({
        "version": 3,
        "settings": {"fiscal_year_start": month},
        "objectives": [],
        "checkins": []
    }));
    w
}

/// What makes two files hold the same Mål, ids apart: each Mål's title,
/// time frame, kind, status, score and owner, and its key results.
fn same_okrs(v: &Value) -> Vec<Value> {
    v["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let krs: Vec<Value> = o["key_results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| {
                    json!([
                        k["title"],
                        k["measure"],
                        k["weight"],
                        k["confidence"],
                        k["history"]
                    ])
                })
                .collect();
            json!([
                o["title"],
                o["quarter"],
                o["until"],
                o["kind"],
                o["status"],
                o["score"],
                o["owner"],
                krs
            ])
        })
        .collect()
}

/// Exports the fiscal fixture as `format` and imports it into an empty file
/// whose year starts in July, in `lang`: that file, and the export.
fn round_trip(format: &str, lang: &str) -> (Sandbox, String) {
    let w = Sandbox::new();
    w.write_json(&fiscal());
    let export = w.okr(&["export", "--quarter", "all", "--format", format]);
    export.ok();
    let exported = w.input(&format!("export.{format}"), &export.stdout);
    let empty = empty_file(7);
    let r = empty.okr(&[
        "--lang",
        lang,
        "import",
        "--format",
        format,
        &display(&exported),
    ]);
    r.ok();
    assert_eq!(
        same_okrs(&empty.json()),
        same_okrs(&w.json()),
        "{format} in {lang}"
    );
    assert_eq!(empty.json()["settings"]["fiscal_year_start"], 7);
    assert_eq!(empty.json()["checkins"][0]["week"], "2026-W47");
    (empty, export.stdout)
}

#[test]
fn a_csv_round_trip_keeps_years_spans_and_the_teams_year() {
    for lang in ["sv", "en"] {
        let (back, export) = round_trip("csv", lang);
        assert!(export.starts_with("quarter,until,"), "{export}");
        // The report names the time frames as the screens do.
        let r = back.okr(&["--lang", "en", "list", "--quarter", "FY2027-Q3", "--json"]);
        r.ok();
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(
            (&v[0]["quarter"], &v[0]["until"]),
            (&json!("FY2027-Q2"), &json!("FY2027-Q3"))
        );
    }
}

#[test]
fn a_json_round_trip_keeps_years_spans_parents_and_the_teams_year() {
    let (back, export) = round_trip("json", "en");
    // The export says the month its quarters count from.
    let export: Value = serde_json::from_str(&export).unwrap();
    assert_eq!(export["settings"]["fiscal_year_start"], 7);
    let back = back.json();
    // The Mål spanning quarters still serves the year's, under its new id.
    assert_eq!(back["objectives"][1]["parent"], back["objectives"][0]["id"]);
    assert_ne!(back["objectives"][0]["id"], "o1");
}

#[test]
fn a_file_whose_year_starts_in_another_month_is_refused_not_moved_unless_it_is_empty() {
    let from_july = Sandbox::new();
    from_july.write_json(&fiscal());
    let calendar = Sandbox::new();
    calendar.write(FIXTURE);
    let export = |w: &Sandbox, format: &str| {
        let r = w.okr(&["export", "--quarter", "all", "--format", format]);
        r.ok();
        w.input(&format!("export.{format}"), &r.stdout)
    };
    let refused =
        |into: &Sandbox, lang: &str, file: &std::path::Path, format: &str, words: &[&str]| {
            let before = std::fs::read(into.file()).ok();
            let r = into.okr(&["--lang", lang, "import", "--format", format, &display(file)]);
            r.fails(words);
            assert_eq!(std::fs::read(into.file()).ok(), before, "{words:?}");
        };
    // JSON carries the month its year starts in, and says it: a file with
    // Mål of its own refuses another month.
    let july_json = export(&from_july, "json");
    refused(
        &calendar,
        "en",
        &july_json,
        "json",
        &[
            "settings.fiscal_year_start",
            "the export's year starts in July and this file's in January",
            "nothing was imported",
        ],
    );
    // A new or empty file takes it, and says so: nothing in it has days to keep.
    let new_file = Sandbox::new();
    let r = new_file.okr(&[
        "--lang",
        "en",
        "import",
        "--format",
        "json",
        &display(&july_json),
    ]);
    r.ok();
    assert!(
        r.stdout.contains("The year now starts in July."),
        "{}",
        r.stdout
    );
    assert_eq!(new_file.json()["settings"]["fiscal_year_start"], 7);
    let quarters = |w: &Sandbox| {
        let v = w.json();
        let mut q: Vec<String> = v["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["quarter"].as_str().unwrap().to_string())
            .collect();
        q.sort();
        q
    };
    assert_eq!(quarters(&new_file), quarters(&from_july));
    let october = empty_file(10);
    let r = october.okr(&[
        "--lang",
        "sv",
        "import",
        "--format",
        "json",
        &display(&july_json),
    ]);
    r.ok();
    assert!(r.stdout.contains("Året börjar nu i juli."), "{}", r.stdout);
    assert_eq!(october.json()["settings"]["fiscal_year_start"], 7);
    // An export without the setting (an older okr's) counts calendar quarters.
    let mut old: Value =
        serde_json::from_str(&std::fs::read_to_string(export(&calendar, "json")).unwrap()).unwrap();
    old.as_object_mut().unwrap().remove("settings");
    let old = calendar.input("old.json", &old.to_string());
    refused(
        &from_july,
        "en",
        &old,
        "json",
        &["starts in January and this file's in July"],
    );
    // CSV names a quarter of a year from another month with FY.
    refused(
        &calendar,
        "en",
        &export(&from_july, "csv"),
        "csv",
        &[
            "row 2, column 'quarter' (A)",
            "'FY2027' belongs to a year that does not start in January",
        ],
    );
    refused(
        &empty_file(7),
        "sv",
        &export(&calendar, "csv"),
        "csv",
        &[
            "rad 2, kolumn 'quarter' (A)",
            "exportens år börjar i januari och den här filens i juli",
        ],
    );
    // A sheet of the team's own names its quarters as the team does, FY or not.
    let team = empty_file(7);
    let sheet = team.input(
        "sheet.csv",
        "mål;kvartal;till och med\nVäx;2027;\nBerlin;2027 Q2;FY2027-Q3\n",
    );
    team.okr(&["import", "--format", "csv", &display(&sheet)])
        .ok();
    let saved = team.json();
    assert_eq!(
        (
            &saved["objectives"][0]["quarter"],
            &saved["objectives"][1]["quarter"],
            &saved["objectives"][1]["until"]
        ),
        (&json!("2027"), &json!("2027-Q2"), &json!("2027-Q3"))
    );
}

#[test]
fn a_json_import_refuses_what_the_file_would_not_keep() {
    let refused = |change: &dyn Fn(&mut Value), words: &[&str]| {
        let mut v = fiscal();
        change(&mut v);
        let w = empty_file(7);
        let before = std::fs::read(w.file()).unwrap();
        let input = w.input("in.json", &v.to_string());
        w.okr(&[
            "--lang",
            "en",
            "import",
            "--format",
            "json",
            &display(&input),
        ])
        .fails(words);
        assert_eq!(std::fs::read(w.file()).unwrap(), before, "{words:?}");
        assert!(!w.path().join("okr.json.bak").exists());
    };
    refused(
        &|v| v["objectives"][1]["until"] = json!("2027-Q1"),
        &[
            "objectives[1].until",
            "until must be a quarter after the objective's own (FY2027-Q2)",
        ],
    );
    refused(
        &|v| v["objectives"][1]["until"] = json!("2029-Q3"),
        &[
            "objectives[1].until",
            "spans at most 8 quarters, and this one would span 10",
        ],
    );
    refused(
        &|v| v["objectives"][0]["until"] = json!("2028-Q1"),
        &[
            "objectives[0].until",
            "a year's objective spans no quarters",
        ],
    );
    refused(
        &|v| v["objectives"][1]["until"] = json!("2028"),
        &["objectives[1].until", "'2028' is not a quarter"],
    );
    refused(
        &|v| v["objectives"][2]["quarter"] = json!("10000-Q1"),
        &[
            "objectives[2].quarter",
            "'10000-Q1' is not a quarter or a year",
        ],
    );
    // A rule no reader checks one by one: a circle of parents.
    refused(
        &|v| v["objectives"][0]["parent"] = json!("o2"),
        &["go round in a circle", "nothing was imported"],
    );
}

// ------------------------------------------------------------ by property

/// A Mål of any time frame near today: a year's, a quarter's, or a span of
/// up to eight quarters; and a few key results of every kind of measure.
fn objective() -> impl Strategy<Value = Objective> {
    let frame = (2024i32..2030, 0u8..=4, 0usize..8).prop_map(|(year, q, more)| {
        let quarter = if q == 0 {
            Quarter::year(year)
        } else {
            Quarter::new(year, q)
        }
        .unwrap();
        let until = (0..more).fold(quarter, |u, _| u.next());
        (
            quarter,
            (!quarter.is_year() && until > quarter).then_some(until),
        )
    });
    let key_result = (
        "[A-Za-zÅÄÖåäö]{1,12}",
        0u8..4,
        -50i32..50,
        1i32..200,
        1u8..=10,
    );
    (
        "[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]{0,10}[a-zö]",
        prop::sample::select(Kind::ALL.to_vec()),
        frame,
        prop::collection::vec(key_result, 0..3),
    )
        .prop_map(|(title, kind, (quarter, until), krs)| {
            let created = Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap();
            let mut o = Objective::new(String::new(), title, kind, quarter, created);
            o.until = until;
            for (n, (title, ty, start, size, confidence)) in krs.into_iter().enumerate() {
                let (start, target) = (f64::from(start), f64::from(start + size));
                let measure = match ty {
                    0 => Measure::numeric(start, target, "st"),
                    1 => Measure::done(n % 2 == 0),
                    2 => Measure::at_least(target, start, "%"),
                    _ => Measure::at_most(start, target, ""),
                };
                let mut k = KeyResult::new(format!("kr{n}"), title, measure);
                k.confidence = confidence;
                o.key_results.push(k);
            }
            o
        })
}

/// A Mål as the round trip must keep it.
type Kept = (
    String,
    Quarter,
    Option<Quarter>,
    Kind,
    Vec<(String, Measure, u8)>,
);

fn kept(data: &Data) -> Vec<Kept> {
    data.objectives
        .iter()
        .map(|o| {
            let krs = o
                .key_results
                .iter()
                .map(|k| (k.title.clone(), k.measure.clone(), k.confidence))
                .collect();
            (o.title.clone(), o.quarter, o.until, o.kind, krs)
        })
        .collect()
}

fn exported(data: &Data, format: Format) -> Vec<u8> {
    let today = crate::support::app::today();
    let mut out = Vec::new();
    okr::export::export(
        data,
        None,
        QuarterChoice::All,
        format,
        Lang::En,
        today,
        &mut out,
    )
    .unwrap();
    out
}

fn imported(bytes: &[u8], format: ImportFormat, fy: FiscalYear) -> Result<Data, Problem> {
    let today = Quarter::of(crate::support::app::today(), fy);
    let plan = plan(format, bytes, Lang::Sv, (today, fy)).map_err(|(_, p)| p)?;
    let mut data = Data::default();
    data.settings.fiscal_year = fy;
    apply(plan, &mut data);
    Ok(data)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_teams_year_survives_a_round_trip_and_no_other_year_takes_it(
        start in 1u32..=12,
        other in 1u32..=12,
        objectives in prop::collection::vec(objective(), 1..5),
    ) {
        let fy = FiscalYear::starting(start).unwrap();
        let mut data = Data::default();
        data.settings.fiscal_year = fy;
        for (i, mut o) in objectives.into_iter().enumerate() {
            o.id = format!("o{i}");
            for k in &mut o.key_results {
                k.id = format!("{}{i}", k.id);
            }
            data.objectives.push(Arc::new(o));
        }
        okr::model::validate::validate(&data).unwrap();
        for (format, reader) in [(Format::Csv, ImportFormat::Csv), (Format::Json, ImportFormat::Json)] {
            let bytes = exported(&data, format);
            let back = imported(&bytes, reader, fy).unwrap();
            okr::model::validate::validate(&back).unwrap();
            prop_assert_eq!(kept(&back), kept(&data), "{:?}", format);
            // Into a year that starts in another month: refused, when the
            // export can tell (JSON always; CSV when one year is the calendar's).
            let into = FiscalYear::starting(other).unwrap();
            let tells = format == Format::Json || start == 1 || other == 1;
            if other != start && tells {
                let refused = imported(&bytes, reader, into).err();
                prop_assert!(
                    matches!(refused, Some(Problem::YearStarts { .. } | Problem::FiscalName(_))),
                    "{:?} from {} into {}: {:?}", format, start, other, refused
                );
            }
        }
    }
}
