//! Mål spanning quarters, their pace and review, and the month the team's
//! year starts: the tracker by keys over a temporary file.

use std::sync::Arc;

use crate::support::app::*;
use okr::app::Modal;
use okr::model::numbers::Numbers;
use okr::model::progress::PaceStatus;
use okr::model::{FiscalYear, KeyResult, Kind, Lang, Measure, Objective, Quarter};

fn q(text: &str) -> Quarter {
    text.parse().unwrap()
}

/// The error beside a field of the open form, or a failure when none is open.
fn form_error(h: &Harness) -> String {
    let Some(Modal::Form(f)) = h.app.modal() else {
        panic!("the form stays open: {}", message(&h.app));
    };
    f.fields
        .iter()
        .find_map(|f| f.error.clone())
        .unwrap_or_default()
}

#[test]
fn a_mål_spans_the_quarters_its_form_names_and_shows_in_each() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    // Title, why, kind, owner, parent, then the last quarter it spans.
    h.keys(&[ch('a')]);
    h.type_text("Six months of growth");
    h.keys(&[code(TAB), code(TAB), code(TAB), code(TAB), code(TAB)]);
    h.type_text("2027 Q1");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "saved: {}", form_error(&h));
    let file = h.file();
    let o = file
        .objectives
        .iter()
        .find(|o| o.title == "Six months of growth");
    let o = o.expect("added");
    assert_eq!((o.quarter, o.until), (q("2026-Q4"), Some(q("2027-Q1"))));
    let shown = |h: &Harness| {
        h.app
            .quarter_objectives()
            .iter()
            .map(|i| h.app.data().objectives[*i].title.clone())
            .collect::<Vec<_>>()
    };
    assert!(shown(&h).contains(&o.title));
    h.keys(&[code(ESC), ch(']')]);
    assert_eq!(h.app.quarter(), q("2027-Q1"));
    assert_eq!(
        shown(&h),
        std::slice::from_ref(&o.title),
        "shown in the next quarter too"
    );
    h.keys(&[ch(']')]);
    assert!(shown(&h).is_empty(), "and not after its last");

    // The form refuses a last quarter before the first, and more than two years.
    h.keys(&[ch('['), ch('[')]);
    assert_eq!(h.app.quarter(), q("2026-Q4"));
    let at = h
        .app
        .quarter_objectives()
        .iter()
        .position(|i| h.app.data().objectives[*i].title == o.title)
        .unwrap();
    h.keys(&vec![ch('j'); at]);
    h.keys(&[
        ch('e'),
        code(TAB),
        code(TAB),
        code(TAB),
        code(TAB),
        code(TAB),
    ]);
    h.keys(&[code(BACKSPACE); 7]);
    h.type_text("2026 Q3");
    h.keys(&[code(ENTER)]);
    assert!(
        form_error(&h).contains("after 2026 Q4"),
        "{}",
        form_error(&h)
    );
    h.keys(&[code(BACKSPACE); 7]);
    h.type_text("2029 Q1");
    h.keys(&[code(ENTER)]);
    assert!(form_error(&h).contains("at most 8"), "{}", form_error(&h));
    // Emptied, it is one quarter's Mål again.
    h.keys(&[code(BACKSPACE); 7]);
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "{}", form_error(&h));
    let file = h.file();
    let o = file.objectives.iter().find(|x| x.id == o.id).unwrap();
    assert_eq!(o.until, None);
}

/// A Mål of `quarter` (spanning to `until`) with one key result at 40 of 100.
fn forty_percent(quarter: &str, until: Option<&str>) -> Objective {
    let mut o = Objective::new(
        "o90".into(),
        "Half a year".into(),
        Kind::Committed,
        q(quarter),
        okr::model::now(),
    );
    o.until = until.map(q);
    let mut m = Measure::numeric(0.0, 100.0, "");
    m.set_current(40.0);
    o.key_results
        .push(KeyResult::new("kr90".into(), "Reach".into(), m));
    o
}

#[test]
fn pace_runs_over_the_whole_span() {
    // 2026-11-24 is day 55 of 2026 Q4 (92 days) and of the half year to
    // 2027-03-31 (182 days): 40 % is behind the quarter's pace, on track
    // for the span's.
    let cal = FiscalYear::CALENDAR;
    let one = forty_percent("2026-Q4", None);
    let span = forty_percent("2026-Q4", Some("2027-Q1"));
    let f = Numbers::of([&one], cal, today()).get(&one);
    assert!((f.pace - 55.0 / 92.0).abs() < 1e-12, "{}", f.pace);
    assert_eq!(f.status, Some(PaceStatus::Behind));
    let f = Numbers::of([&span], cal, today()).get(&span);
    assert!((f.pace - 55.0 / 182.0).abs() < 1e-12, "{}", f.pace);
    assert_eq!(f.status, Some(PaceStatus::OnTrack));
    // Not judged at the end of its first quarter; judged after its last.
    let new_year = chrono::NaiveDate::from_ymd_opt(2027, 1, 2).unwrap();
    assert_eq!(
        Numbers::of([&span], cal, new_year).get(&span).succeeded,
        None
    );
    assert_eq!(
        Numbers::of([&one], cal, new_year).get(&one).succeeded,
        Some(false)
    );
}

#[test]
fn the_review_of_a_quarter_a_mål_spans_on_from_does_not_close_it() {
    let mut data = demo();
    data.objectives
        .push(Arc::new(forty_percent("2026-Q4", Some("2027-Q1"))));
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('r')]);
    let st = match h.app.screen() {
        okr::app::Screen::Review(st) => st.clone(),
        other => panic!("{other:?}"),
    };
    let list = h.app.review_objectives(st.quarter);
    let at = list
        .iter()
        .position(|i| h.app.data().objectives[*i].id == "o90")
        .unwrap();
    let text = screen(&h.app, 100, 60);
    assert!(text.contains("continues until 2027 Q1"), "{text}");
    // No score is suggested for it here.
    let lines: Vec<&str> = text.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains("Half a year"))
        .unwrap();
    assert!(!lines[row + 1].contains("suggested"), "{}", lines[row + 1]);
    // The Markdown report marks it too.
    let w = crate::support::Sandbox::new();
    let file = okr::store::format::serialize(h.app.data()).unwrap();
    w.write(&String::from_utf8(file).unwrap());
    let run = w.okr(&["--lang", "en", "export", "--quarter", "2027-Q1"]);
    run.ok();
    assert!(
        run.stdout.contains("- over 2026 Q4–2027 Q1"),
        "{}",
        run.stdout
    );
    h.keys(&vec![ch('j'); at]);
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "no score form for it");
    assert!(message(&h.app).contains("continues until 2027 Q1: scored then"));
    // The quarter's score leaves it out; its last quarter scores it.
    let data = h.file();
    let scored: Vec<&str> = okr::model::review::to_score(&data, q("2026-Q4"))
        .map(|(_, o)| o.id.as_str())
        .collect();
    assert!(!scored.contains(&"o90"), "{scored:?}");
    let last: Vec<&str> = okr::model::review::to_score(&data, q("2027-Q1"))
        .map(|(_, o)| o.id.as_str())
        .collect();
    assert_eq!(last, ["o90"]);
}

#[test]
fn a_new_start_month_renames_the_quarters_after_keeping_a_copy() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    let before = std::fs::read_to_string(&h.path).unwrap();
    let count = demo().objectives.len();
    h.open_settings();
    // Owner, language, weekday, cadence, holidays, then the month: July.
    h.keys(&[code(TAB), code(TAB), code(TAB), code(TAB), code(TAB)]);
    h.keys(&[ch('l'); 6]);
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none(), "{}", form_error(&h));
    let said = message(&h.app);
    assert!(said.contains("starts in July"), "{said}");
    assert!(
        said.contains(&format!("2026 Q4 → FY2027 Q2 ({count})")),
        "{said}"
    );
    let json = h.file_json();
    assert_eq!(json["settings"]["fiscal_year_start"], 7);
    assert!(
        json["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["quarter"] == "2027-Q2"),
        "{json}"
    );
    // The file as it was, kept beside it.
    let copy = h.dir().join("okr.json.fy.bak");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), before);
    // The view keeps its days under the new name.
    assert_eq!(h.app.label(h.app.quarter()), "FY2027 Q2");
    assert_eq!(h.app.quarter_objectives().len(), count);
    // One change to undo, the view on the same days; and to redo.
    h.keys(&[ch('u')]);
    let json = h.file_json();
    assert_eq!(json["settings"].get("fiscal_year_start"), None);
    assert_eq!(json["objectives"][0]["quarter"], "2026-Q4");
    assert_eq!(h.app.label(h.app.quarter()), "2026 Q4");
    h.keys(&[ctrl('r')]);
    assert_eq!(h.app.label(h.app.quarter()), "FY2027 Q2");
}

#[test]
fn a_start_month_that_would_move_a_years_mål_is_refused() {
    let mut data = demo();
    let mut year = forty_percent("2026", None);
    year.id = "o91".into();
    year.key_results[0].id = "kr91".into();
    data.objectives.push(Arc::new(year));
    let mut h = Harness::new(Some(data), Lang::En);
    h.open_settings();
    h.keys(&[code(TAB), code(TAB), code(TAB), code(TAB), code(TAB)]);
    h.keys(&[ch('l'); 6]);
    h.keys(&[code(ENTER)]);
    let e = form_error(&h);
    assert!(
        e.contains("the objectives of 2026 would get other days"),
        "{e}"
    );
}

#[test]
fn a_start_month_that_would_split_a_quarter_is_refused_in_either_language() {
    for (lang, says) in [
        (Lang::En, "would fall into two quarters"),
        (Lang::Sv, "skulle hamna i två kvartal"),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        let before = std::fs::read(&h.path).unwrap();
        h.open_settings();
        h.keys(&[
            code(TAB),
            code(TAB),
            code(TAB),
            code(TAB),
            code(TAB),
            ch('l'),
        ]);
        h.keys(&[code(ENTER)]);
        assert!(form_error(&h).contains(says), "{}", form_error(&h));
        h.keys(&[code(ESC)]);
        h.file();
        assert_eq!(std::fs::read(&h.path).unwrap(), before, "nothing moved");
        assert!(!h.dir().join("okr.json.fy.bak").exists());
    }
}

#[test]
fn a_format_2_file_reads_as_before_and_is_copied_before_its_first_save() {
    let mut old = demo();
    old.version = 2;
    let mut h = Harness::new(Some(old.clone()), Lang::En);
    let before = std::fs::read(&h.path).unwrap();
    assert_eq!(h.app.quarter_objectives().len(), old.objectives.len());
    add_objective(&mut h.app, "A new one");
    let json = h.file_json();
    assert_eq!(json["version"], okr::model::FORMAT_VERSION);
    assert_eq!(
        std::fs::read(h.dir().join("okr.json.v2.bak")).unwrap(),
        before,
        "the format-2 file, byte for byte"
    );
}

#[test]
fn a_years_mål_carried_over_goes_on_in_the_next_year_and_a_span_after_its_last_quarter() {
    let mut data = demo();
    let mut year = forty_percent("2026", None);
    year.id = "o91".into();
    year.key_results[0].id = "kr91".into();
    data.objectives.push(Arc::new(year));
    data.objectives
        .push(Arc::new(forty_percent("2026-Q4", Some("2027-Q1"))));
    let now = okr::model::now();
    for (id, goes_to) in [("o91", "2027"), ("o90", "2027-Q2")] {
        let i = data.objective_index(id).unwrap();
        let copy = okr::model::review::carry_copy(&data, i, &[], now).unwrap();
        assert_eq!(copy.quarter, q(goes_to), "{id}");
        assert_eq!(copy.until, None);
    }
}

#[test]
fn the_check_in_walks_the_years_key_results_first() {
    let mut data = demo();
    data.checkins.clear();
    let mut year = forty_percent("2026", None);
    year.id = "o91".into();
    year.key_results[0].id = "kr91".into();
    data.objectives.push(Arc::new(year));
    let mut h = Harness::new(Some(data.clone()), Lang::En);
    h.keys(&[ch('c')]);
    let okr::app::Screen::CheckIn(st) = h.app.screen() else {
        panic!("{:?}", h.app.screen())
    };
    assert_eq!(st.items[0], ("o91".to_string(), "kr91".to_string()));
    let all: usize = data.objectives.iter().map(|o| o.key_results.len()).sum();
    assert_eq!(st.items.len(), all);
    // `okr status` counts it too, by the same rule.
    let w = crate::support::Sandbox::new();
    w.write(&String::from_utf8(okr::store::format::serialize(&data).unwrap()).unwrap());
    let run = w.okr(&["status", "--json"]);
    run.ok();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["checkin"]["total"], all, "{json}");
}

#[test]
fn a_carried_copy_serves_its_parents_copy_in_its_own_year_or_nothing() {
    use okr::model::review::{carry_copy, copies_to_move_under};
    let now = okr::model::now();
    let mut data = okr::model::Data::default();
    let mut year = forty_percent("2027", None);
    year.id = "o91".into();
    year.key_results[0].id = "kr91".into();
    let mut child = forty_percent("2027-Q3", Some("2027-Q4"));
    child.parent = Some("o91".into());
    data.objectives.push(Arc::new(year));
    data.objectives.push(Arc::new(child));
    // Carried alone into 2028 Q1, the child lets go of a parent of 2027.
    let alone = carry_copy(&data, 1, &[], now).unwrap();
    assert_eq!((alone.quarter, alone.parent.clone()), (q("2028-Q1"), None));
    // The year's Mål carried first: the child's copy serves its copy.
    let mut carried = data.clone();
    let year_copy = carry_copy(&carried, 0, &[], now).unwrap();
    assert_eq!(year_copy.quarter, q("2028"));
    carried.objectives.push(Arc::new(year_copy.clone()));
    let copy = carry_copy(&carried, 1, &[], now).unwrap();
    assert_eq!(copy.parent.as_deref(), Some(year_copy.id.as_str()));
    // The child carried first: once the year's Mål is carried, its copy moves under.
    let mut first = data.clone();
    let mut copy = carry_copy(&first, 1, &[], now).unwrap();
    copy.carried_from = Some("o90".into());
    first.objectives.push(Arc::new(copy));
    assert_eq!(copies_to_move_under(&first, 0), [2]);
}

#[test]
fn a_mål_carried_on_within_its_years_mål_counts_once_as_its_copy() {
    let cal = FiscalYear::CALENDAR;
    let mut year = forty_percent("2027", None);
    year.id = "o91".into();
    year.key_results.clear();
    let mut first = forty_percent("2027-Q1", None);
    first.parent = Some("o91".into());
    first.status = okr::model::Status::CarriedOver;
    let mut copy = forty_percent("2027-Q2", None);
    copy.id = "o92".into();
    copy.parent = Some("o91".into());
    copy.carried_from = Some("o90".into());
    copy.key_results[0].measure.set_current(80.0);
    let all = [&year, &first, &copy];
    let day = chrono::NaiveDate::from_ymd_opt(2027, 5, 2).unwrap();
    let f = Numbers::of(all, cal, day).get(&year);
    assert_eq!((f.progress, f.from_children), (Some(0.8), 1));
    // Without the copy, the first is the one under it.
    let f = Numbers::of([&year, &first], cal, day).get(&year);
    assert_eq!((f.progress, f.from_children), (Some(0.4), 1));
}

#[test]
fn a_report_of_a_year_without_mål_says_so_of_the_year() {
    let w = crate::support::Sandbox::new();
    let data = demo();
    w.write(&String::from_utf8(okr::store::format::serialize(&data).unwrap()).unwrap());
    for (lang, says) in [
        ("en", "No objectives for the year."),
        ("sv", "Inga mål för året."),
    ] {
        let run = w.okr(&["--lang", lang, "export", "--quarter", "2026"]);
        run.ok();
        assert!(run.stdout.contains(says), "{}", run.stdout);
        let run = w.okr(&[
            "--lang",
            lang,
            "export",
            "--quarter",
            "2026",
            "--format",
            "html",
        ]);
        run.ok();
        assert!(run.stdout.contains(says), "{}", run.stdout);
    }
}
