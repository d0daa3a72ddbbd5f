//! Numbers are never misread (PRODUCT.md sections 3 and 10): typed numbers
//! follow the language's decimal mark and grouping and anything unclear is
//! refused with a sentence; shown numbers are grouped for reading; a form's
//! prefilled numbers read back exactly; exports keep plain machine numbers.

use std::fs;
use std::path::Path;

use crate::support::app::*;
use crate::support::{Run, Sandbox};
use okr::app::Modal;
use okr::app::form::FieldId;
use okr::export::{Format, QuarterChoice};
use okr::i18n;
use okr::model::number::{self, NumberError};
use okr::model::{Data, KeyResult, Kind, Lang, Measure, Objective, Quarter};
use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

/// One Mål in today's quarter with a key result `kr6` going from `start` to
/// `target`, now at `current`.
fn one_key_result(start: f64, target: f64, current: f64) -> Data {
    let mut o = Objective::new(
        "o1".into(),
        "Väx".into(),
        Kind::Committed,
        Quarter::of(today(), okr::model::FiscalYear::CALENDAR),
        okr::model::now(),
    );
    let mut measure = Measure::numeric(start, target, "st");
    measure.set_current(current);
    o.key_results
        .push(KeyResult::new("kr6".into(), "Nya kunder".into(), measure));
    let mut data = Data::default();
    data.objectives.push(o.into());
    data
}

fn current_of(data: &Data) -> f64 {
    data.objectives[0].key_results[0].measure.current()
}

#[test]
fn typed_numbers_follow_the_language_and_refuse_what_is_unclear() {
    use Lang::{En, Sv};
    // 17,500 in English and 17 500 in Swedish are seventeen thousand five hundred.
    assert_eq!(number::parse("17,500", En), Ok(17500.0));
    assert_eq!(number::parse("17 500", Sv), Ok(17500.0));
    assert_eq!(number::parse("17\u{a0}500", Sv), Ok(17500.0));
    assert_eq!(number::parse("17\u{202f}500", Sv), Ok(17500.0));
    // Both decimal marks where the other cannot be a grouping.
    for lang in [Sv, En] {
        assert_eq!(number::parse("12,5", lang), Ok(12.5), "{lang:?}");
        assert_eq!(number::parse("12.5", lang), Ok(12.5), "{lang:?}");
        assert_eq!(number::parse("1 2", lang), Err(NumberError::Grouping));
        let tiny = format!("0.{}1", "0".repeat(1000));
        assert_eq!(number::parse(&tiny, lang), Err(NumberError::TooSmall));
        let tiny = tiny.replace('.', ",");
        assert_eq!(number::parse(&tiny, lang), Err(NumberError::TooSmall));
    }
    // 17.500 in Swedish is 17,5 with a point, or 17 500 grouped German-style: refused.
    assert_eq!(
        number::parse("17.500", Sv),
        Err(NumberError::Ambiguous {
            decimal: 17.5,
            grouped: 17500.0
        })
    );
    assert_eq!(number::parse("12,34,567", En), Err(NumberError::Grouping));
}

/// A folder with the data file of [`one_key_result`] at 0 of 20 000.
fn world() -> (Sandbox, std::path::PathBuf) {
    let sandbox = Sandbox::new();
    let file = sandbox.file();
    let data = one_key_result(0.0, 20000.0, 0.0);
    fs::write(&file, okr::store::format::serialize(&data).unwrap()).unwrap();
    (sandbox, file)
}

/// A refusal: exit 1, one line on stderr, the file left as it was. The line.
fn refused(run: &Run, file: &Path, before: &[u8]) -> String {
    assert_eq!(
        run.code,
        Some(1),
        "stdout {} stderr {}",
        run.stdout,
        run.stderr
    );
    let line = run.stderr.strip_suffix('\n').unwrap_or(&run.stderr);
    assert!(!line.contains('\n'), "{line:?}");
    assert!(line.starts_with("okr: "), "{line}");
    assert_eq!(fs::read(file).unwrap(), before, "the file is unchanged");
    line.to_string()
}

#[test]
fn update_reads_17_500_as_seventeen_thousand_five_hundred_in_each_language() {
    let (dir, file) = world();
    let r = dir.okr(&["--lang", "en", "update", "kr6", "17,500"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(current_of(&okr::store::read(&file).unwrap()), 17500.0);
    assert!(r.stdout.contains("0 → 17,500 st"), "{}", r.stdout);

    for typed in ["17 500", "17\u{a0}500", "17\u{202f}500"] {
        let r = dir.okr(&["--lang", "sv", "update", "kr6", "3"]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let r = dir.okr(&["--lang", "sv", "update", "kr6", typed]);
        assert_eq!(r.code, Some(0), "{typed:?}: {}", r.stderr);
        assert_eq!(current_of(&okr::store::read(&file).unwrap()), 17500.0);
        assert!(r.stdout.contains("3 → 17\u{a0}500\u{a0}st"), "{}", r.stdout);
    }
    // English takes a decimal comma where it cannot be a grouping.
    let r = dir.okr(&["--lang", "en", "update", "kr6", "12,5"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(current_of(&okr::store::read(&file).unwrap()), 12.5);
}

#[test]
fn update_refuses_an_ambiguous_or_misgrouped_value_and_leaves_the_file() {
    let (dir, file) = world();
    let before = fs::read(&file).unwrap();
    let line = refused(
        &dir.okr(&["--lang", "sv", "update", "kr6", "17.500"]),
        &file,
        &before,
    );
    assert!(line.contains("”17.500”"), "{line}");
    assert!(line.contains("17,5 eller 17\u{a0}500"), "{line}");
    assert!(
        line.contains("skriv t.ex. 12,5 eller 2\u{a0}000\u{a0}000"),
        "{line}"
    );

    let line = refused(
        &dir.okr(&["--lang", "en", "update", "kr6", "1 2"]),
        &file,
        &before,
    );
    assert!(line.contains("grouped in threes"), "{line}");
    assert!(line.contains("write e.g. 12.5 or 2,000,000"), "{line}");

    let line = refused(
        &dir.okr(&["--lang", "en", "update", "kr6", "12345678901234567"]),
        &file,
        &before,
    );
    assert!(line.contains("more than 15 digits"), "{line}");
    assert!(!dir.path().join("okr.json.bak").exists());
}

#[test]
fn update_quotes_a_bad_value_short_and_without_control_characters() {
    let (dir, file) = world();
    let before = fs::read(&file).unwrap();
    let tiny = format!("0.{}1", "0".repeat(1000));
    let line = refused(
        &dir.okr(&["--lang", "en", "update", "kr6", &tiny]),
        &file,
        &before,
    );
    assert!(line.contains("too close to 0"), "{line}");
    assert!(line.contains(&format!("'0.{}…'", "0".repeat(18))), "{line}");
    assert!(line.chars().count() < 120, "{line}");

    let line = refused(
        &dir.okr(&["--lang", "en", "update", "kr6", "12\u{1b}[31m\u{7}x"]),
        &file,
        &before,
    );
    assert!(!line.chars().any(char::is_control), "{line:?}");
    assert!(line.contains("'12\u{fffd}[31m\u{fffd}x'"), "{line:?}");

    assert_eq!(okr::text::quoted("kort"), "kort");
    assert_eq!(
        okr::text::quoted(&"å".repeat(25)),
        format!("{}…", "å".repeat(20))
    );
    assert_eq!(okr::text::quoted(&"å".repeat(20)), "å".repeat(20));
    assert_eq!(okr::text::quoted("a\nb\u{202e}c"), "a\u{fffd}b\u{fffd}c");
}

/// The value form of the first key result, `typed` over its prefilled value, saved.
fn set_value(h: &mut Harness, typed: &str) {
    h.focus_key_results();
    h.keys(&[ch('v')]);
    h.type_text(typed);
    h.keys(&[code(ENTER)]);
}

#[test]
fn a_form_refuses_an_ambiguous_value_and_keeps_it() {
    let mut h = Harness::new(Some(one_key_result(0.0, 20000.0, 0.0)), Lang::Sv);
    set_value(&mut h, "17.500");
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("the form closed on an ambiguous value")
    };
    assert_eq!(
        form.text(FieldId::Value),
        "17.500",
        "what was typed is kept"
    );
    let error = form.field(FieldId::Value).unwrap().error.clone().unwrap();
    assert_eq!(
        error,
        "Det kan vara 17,5 eller 17\u{a0}500: skriv t.ex. 12,5 eller 2\u{a0}000\u{a0}000."
    );
    assert_eq!(current_of(&h.file()), 0.0, "nothing was recorded");

    // Written the Swedish way, it is saved.
    h.keys(&[ctrl('u')]);
    h.type_text("17 500");
    h.keys(&[code(ENTER)]);
    assert!(h.app.modal().is_none());
    assert_eq!(current_of(&h.file()), 17500.0);
}

#[test]
fn a_form_reads_the_languages_grouping_and_says_how_to_write_a_number() {
    let mut h = Harness::new(Some(one_key_result(0.0, 20000.0, 0.0)), Lang::En);
    set_value(&mut h, "17,500");
    assert!(h.app.modal().is_none());
    assert_eq!(current_of(&h.file()), 17500.0);

    let mut h = Harness::new(Some(one_key_result(0.0, 20000.0, 0.0)), Lang::En);
    set_value(&mut h, "1,2,3");
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("the form closed on a misgrouped value")
    };
    assert_eq!(
        form.field(FieldId::Value).unwrap().error.as_deref(),
        Some("Digits are grouped in threes before the decimal mark: write e.g. 12.5 or 2,000,000.")
    );
    h.keys(&[ctrl('u')]);
    h.type_text("abc");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("the form closed on letters")
    };
    assert_eq!(
        form.field(FieldId::Value).unwrap().error.as_deref(),
        Some("Not a number: write e.g. 12.5 or 2,000,000.")
    );
}

#[test]
fn the_review_score_is_read_by_the_same_rules() {
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.open_review_form_of(0);
    h.type_text("0.5.0");
    h.keys(&[code(ENTER)]);
    let Some(Modal::Form(form)) = h.app.modal() else {
        panic!("the review form closed on a bad score")
    };
    assert_eq!(form.text(FieldId::Score), "0.5.0");
    let error = form.field(FieldId::Score).unwrap().error.as_deref();
    assert_eq!(
        error,
        Some("More than one decimal mark: write e.g. 12.5 or 2,000,000.")
    );
    assert_eq!(h.file().objectives[0].score, None);
}

#[test]
fn numbers_on_screen_are_grouped_for_reading() {
    let data = one_key_result(0.0, 2_000_000.0, 1_250_000.5);
    let mut h = Harness::new(Some(data.clone()), Lang::Sv);
    h.open_detail_of(0);
    let text = screen(&h.app, 100, 30);
    assert!(
        text.contains("1\u{a0}250\u{a0}000,5 / 2\u{a0}000\u{a0}000\u{a0}st"),
        "{text}"
    );
    let mut h = Harness::new(Some(data), Lang::En);
    h.open_detail_of(0);
    let text = screen(&h.app, 100, 30);
    assert!(text.contains("1,250,000.5 / 2,000,000 st"), "{text}");
}

#[test]
fn the_markdown_report_groups_and_csv_and_json_stay_plain() {
    let data = one_key_result(0.0, 2_000_000.0, 1_250_000.5);
    let report = |format, lang| {
        let mut out = Vec::new();
        let which = QuarterChoice::One(Quarter::of(today(), okr::model::FiscalYear::CALENDAR));
        okr::export::export(&data, None, which, format, lang, today(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let md = report(Format::Md, Lang::Sv);
    assert!(
        md.contains("1\u{a0}250\u{a0}000,5 / 2\u{a0}000\u{a0}000\u{a0}st"),
        "{md}"
    );
    let md = report(Format::Md, Lang::En);
    assert!(md.contains("1,250,000.5 / 2,000,000 st"), "{md}");

    for lang in [Lang::Sv, Lang::En] {
        let csv = report(Format::Csv, lang);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let row = rows.records().next().unwrap().unwrap();
        assert_eq!(row.get(11), Some("2000000"), "{csv}");
        assert_eq!(row.get(13), Some("1250000.5"), "{csv}");
        let json: serde_json::Value = serde_json::from_str(&report(Format::Json, lang)).unwrap();
        let measure = &json["objectives"][0]["key_results"][0]["measure"];
        assert_eq!(measure["target"], 2_000_000.0);
        assert_eq!(measure["current"], 1_250_000.5);
    }
}

#[test]
fn an_unchanged_form_saves_the_same_numbers() {
    for lang in [Lang::Sv, Lang::En] {
        let mut data = one_key_result(0.1 + 0.2, 1_234_567.891, 1e-7);
        let mut o = (*data.objectives[0]).clone();
        o.key_results[0].weight = 1.0 / 3.0;
        data.objectives[0] = o.into();
        let mut h = Harness::new(Some(data.clone()), lang);
        h.focus_key_results();
        h.keys(&[ch('e'), code(KeyCode::Enter)]);
        assert!(h.app.modal().is_none(), "the form saved");
        h.keys(&[ch('v'), code(KeyCode::Enter)]);
        assert!(h.app.modal().is_none(), "the value form saved");
        let saved = h.file();
        let (was, is) = (
            &data.objectives[0].key_results[0],
            &saved.objectives[0].key_results[0],
        );
        assert_eq!(is.measure, was.measure, "{lang:?}");
        assert_eq!(is.weight, was.weight, "{lang:?}");
    }
}

proptest! {
    #[test]
    fn prefilled_numbers_read_back_exactly(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        for lang in [Lang::Sv, Lang::En] {
            let text = i18n::strings(lang).num_exact(v);
            prop_assert_eq!(number::parse(&text, lang), Ok(v), "{} in {:?}", text, lang);
        }
    }

    #[test]
    fn shown_numbers_read_back_as_what_they_show(v in -1e12f64..1e12) {
        for lang in [Lang::Sv, Lang::En] {
            let text = i18n::strings(lang).num(v);
            let read = number::parse(&text, lang);
            prop_assert!(read.is_ok(), "{} in {:?}: {:?}", text, lang, read);
            let read = read.unwrap_or_default();
            prop_assert!((read - v).abs() <= 0.005 + 4.0 * f64::EPSILON * v.abs(), "{} read as {}", text, read);
        }
    }
}
