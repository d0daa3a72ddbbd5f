//! What the screens and reports say is true: the check-in summary starts
//! from the values just before the check-in, a Mål is judged by its own
//! progress, nothing is behind in its first week, a quarter is scored and a
//! Mål succeeded by one rule, a finished quarter speaks in final words,
//! counts of one are singular (no article before an id), and done / not
//! done is measurable.

use chrono::NaiveDate;
use okr::app::checkin::Summary;
use okr::app::{App, Screen, Setup};
use okr::export::{Format, QuarterChoice, export};
use okr::i18n::{EN, SV};
use okr::model::cadence::Cadence;
use okr::model::numbers::Numbers;
use okr::model::overview::quarter_facts;
use okr::model::progress::{self, PaceStatus};
use okr::model::review::{quarter_score, quarter_scored};

use crate::support::app::*;
use crate::support::date;
use okr::model::{Data, KeyResult, Kind, Lang, Measure, Objective, Quarter, Status};
use ratatui::crossterm::event::KeyCode;

/// Whether a Mål succeeded, as every surface reads it.
fn succeeded(o: &Objective, today: NaiveDate) -> Option<bool> {
    Numbers::of([o], okr::model::FiscalYear::CALENDAR, today)
        .get(o)
        .succeeded
}

const Q3: Quarter = Quarter { year: 2026, q: 3 };
const Q4: Quarter = Quarter { year: 2026, q: 4 };

fn objective(id: &str, title: &str, kind: Kind, quarter: Quarter) -> Objective {
    let now = chrono::DateTime::parse_from_rfc3339("2026-07-01T08:00:00Z")
        .unwrap()
        .to_utc();
    Objective::new(id.into(), title.into(), kind, quarter, now)
}

/// A key result from 0 to 100 at `current`, recorded on the quarter's first day.
fn numeric(id: &str, current: f64, quarter: Quarter) -> KeyResult {
    let mut k = KeyResult::new(
        id.into(),
        format!("KR {id}"),
        Measure::numeric(0.0, 100.0, ""),
    );
    k.record(
        quarter.first_day(okr::model::FiscalYear::CALENDAR),
        current,
        Some(6),
        String::new(),
        None,
    );
    k
}

fn data_of(objectives: Vec<Objective>) -> Data {
    Data {
        objectives: objectives.into_iter().map(Into::into).collect(),
        ..Data::default()
    }
}

fn markdown(data: &Data, quarter: Quarter, lang: Lang, today: NaiveDate) -> String {
    let mut out = Vec::new();
    export(
        data,
        None,
        QuarterChoice::One(quarter),
        Format::Md,
        lang,
        today,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

// 1. The check-in summary starts from the values just before the check-in.

/// The first check-in of a quarter, on Tuesday 2026-11-24 (week 48 began on
/// Monday the 23rd): kr1 was updated on Monday, kr2 was added and updated on
/// Monday, kr3 keeps spending at or below 500 and stood at 520.
fn week_with_updates() -> Data {
    let mut o = objective("o1", "Sälj mer", Kind::Committed, Q4);
    let mut kr1 = KeyResult::new(
        "kr1".into(),
        "Försäljning".into(),
        Measure::numeric(0.0, 1_000_000.0, "kr"),
    );
    for (date, value) in [
        (date(2026, 10, 1), 0.0),
        (date(2026, 11, 10), 300_000.0),
        (date(2026, 11, 23), 420_000.0),
    ] {
        kr1.record(date, value, Some(6), String::new(), None);
    }
    let mut kr2 = KeyResult::new(
        "kr2".into(),
        "Kunder".into(),
        Measure::numeric(0.0, 10.0, ""),
    );
    kr2.record(date(2026, 11, 23), 0.0, Some(5), String::new(), None);
    kr2.record(date(2026, 11, 23), 5.0, Some(5), String::new(), None);
    let mut kr3 = KeyResult::new(
        "kr3".into(),
        "Onödiga utgifter".into(),
        Measure::at_most(500.0, 520.0, "kr/mån"),
    );
    kr3.record(date(2026, 11, 16), 520.0, Some(4), String::new(), None);
    o.key_results = vec![kr1, kr2, kr3];
    data_of(vec![o])
}

fn summary(h: &Harness) -> Summary {
    let Screen::CheckIn(st) = h.app.screen() else {
        panic!("not in the check-in")
    };
    h.app.checkin_summary(st)
}

fn moved(sum: &Summary) -> Vec<(String, String, String)> {
    sum.moved
        .iter()
        .map(|m| (m.title.clone(), m.before_text.clone(), m.after_text.clone()))
        .collect()
}

/// Quarter progress with kr1 and kr3 at the given values and kr2 at 5 of 10.
fn progress_with(kr1: f64, kr3_held: bool) -> f64 {
    (kr1 / 1_000_000.0 + 0.5 + f64::from(u8::from(kr3_held))) / 3.0
}

fn moved_as_expected(sum: &Summary) {
    let s = |x: &str| x.to_string();
    assert_eq!(
        moved(sum),
        [
            (s("Försäljning"), s("420,000"), s("480,000")),
            (s("Onödiga utgifter"), s("520"), s("450")),
        ],
        "kr2 did not move in the check-in; kr3, kept at most, did"
    );
    assert!(sum.moved.iter().all(|m| m.forward));
    let (before, after) = (sum.before.unwrap(), sum.after.unwrap());
    assert!(
        (before - progress_with(420_000.0, false)).abs() < 1e-9,
        "{before}"
    );
    assert!(
        (after - progress_with(480_000.0, true)).abs() < 1e-9,
        "{after}"
    );
}

#[test]
fn the_first_checkins_summary_starts_from_the_values_just_before_it() {
    let mut h = Harness::new(Some(week_with_updates()), Lang::En);
    h.keys(&[ch('c')]);
    h.type_text("480000");
    h.keys(&[code(ENTER), code(ENTER)]);
    h.type_text("450");
    h.keys(&[code(ENTER), ctrl('s'), ch('s')]);
    let sum = summary(&h);
    moved_as_expected(&sum);
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("Quarter progress: 31% → 66%"), "{text}");
    assert!(text.contains("Försäljning: 420,000 → 480,000"), "{text}");
}

#[test]
fn a_resumed_checkin_still_starts_from_the_values_before_it() {
    let mut h = Harness::new(Some(week_with_updates()), Lang::En);
    h.keys(&[ch('c')]);
    h.type_text("480000");
    h.keys(&[code(ENTER), code(ESC)]);
    // Resumed at kr2: kr1's check-in entry is already in the file.
    h.keys(&[ch('c')]);
    h.keys(&[code(ENTER)]);
    h.type_text("450");
    h.keys(&[code(ENTER)]);
    h.type_text("Ny kund");
    h.keys(&[ctrl('s'), ch('s')]);
    moved_as_expected(&summary(&h));
    // Opened again from the top, kr1's step says where it stood before this check-in.
    h.keys(&[code(ENTER), ch('c')]);
    let text = screen(&h.app, 80, 24);
    assert!(
        text.contains("Before this check-in: 420,000 · confidence 6/10 (2026-11-23)"),
        "{text}"
    );
    let mut sv = Harness::new(Some(week_with_updates()), Lang::Sv);
    sv.keys(&[ch('c'), code(ENTER), code(ENTER)]);
    let text = screen(&sv.app, 80, 24);
    assert!(
        text.contains("Före incheckningen: 520 · säkerhet 4/10 (2026-11-16)"),
        "{text}"
    );
}

// 2. A Mål is judged by its own progress; its key results behind are counted.

/// 63 % done on 2026-11-24 (pace 60 %), with kr2 at 30 % behind.
fn ahead_with_one_behind() -> Data {
    let mut o = objective("o1", "Expandera globalt", Kind::Committed, Q4);
    o.key_results = vec![
        numeric("kr1", 90.0, Q4),
        numeric("kr2", 30.0, Q4),
        numeric("kr3", 70.0, Q4),
    ];
    data_of(vec![o])
}

#[test]
fn a_mal_past_its_pace_mark_is_on_pace_and_says_how_many_key_results_are_behind() {
    let data = ahead_with_one_behind();
    let o = &data.objectives[0];
    assert_eq!(
        Numbers::of([&**o], okr::model::FiscalYear::CALENDAR, today())
            .get(o)
            .status,
        Some(PaceStatus::OnTrack)
    );
    assert_eq!(
        progress::key_results_behind(o, o.dates(okr::model::FiscalYear::CALENDAR), today()),
        Some((1, 3))
    );

    let h = Harness::new(Some(data.clone()), Lang::En);
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("63% on pace · 1 of 3 behind pace"), "{text}");
    let mut h = Harness::new(Some(data.clone()), Lang::Sv);
    assert!(screen(&h.app, 80, 24).contains("63\u{a0}% i takt · 1 av 3 ligger efter"));
    h.open_detail_of(0);
    let text = screen(&h.app, 120, 30);
    assert!(
        text.contains("63\u{a0}% i takt · 1 av 3 nyckelresultat ligger efter"),
        "{text}"
    );
    let md = markdown(&data, Q4, Lang::En, today());
    assert!(
        md.contains("Progress: 63% (on pace) · 1 of 3 key results behind pace"),
        "{md}"
    );
}

// 3. Nothing is behind in its first week; a key result added later is judged from then.

#[test]
fn nothing_is_behind_pace_in_the_quarters_first_week() {
    let mut o = objective("o1", "Expandera globalt", Kind::Committed, Q4);
    o.key_results = vec![numeric("kr1", 0.0, Q4), numeric("kr2", 0.0, Q4)];
    let data = data_of(vec![o]);
    let app = App::new(data.clone(), Setup::new(Lang::En, date(2026, 10, 7)));
    let text = screen(&app, 80, 24);
    assert!(text.contains("0% on pace"), "{text}");
    assert!(!text.contains("behind"), "{text}");
    let app = App::new(data, Setup::new(Lang::En, date(2026, 10, 8)));
    assert!(screen(&app, 80, 24).contains("0% behind pace"));
}

#[test]
fn a_key_result_added_later_is_judged_from_the_day_it_was_added() {
    let mut h = Harness::new(Some(ahead_with_one_behind()), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('a')]);
    h.type_text("Ny marknad");
    h.keys(&[code(TAB), code(TAB)]);
    h.type_text("0");
    h.keys(&[code(TAB)]);
    h.type_text("10");
    h.keys(&[code(ENTER)]);
    let o = h.app.data().objectives[0].clone();
    let k = o.key_results.last().expect("the new key result");
    assert_eq!(
        progress::key_result_start(k, Q4.dates(okr::model::FiscalYear::CALENDAR)),
        today()
    );
    assert_eq!(
        progress::key_result_status(k, Q4.dates(okr::model::FiscalYear::CALENDAR), today()),
        PaceStatus::OnTrack
    );
    let text = screen(&h.app, 80, 24);
    let row = text
        .lines()
        .skip_while(|l| !l.contains("Ny marknad"))
        .nth(1)
        .unwrap();
    assert!(row.contains("0% on pace"), "{text}");
    // A week on, it is judged against the days from 24 November: 8 of 38.
    let later = date(2026, 12, 1);
    assert!(
        (progress::key_result_pace(k, Q4.dates(okr::model::FiscalYear::CALENDAR), later)
            - 8.0 / 38.0)
            .abs()
            < 1e-12
    );
    assert_eq!(
        progress::key_result_status(k, Q4.dates(okr::model::FiscalYear::CALENDAR), later),
        PaceStatus::Behind
    );
    let mut k = k.clone();
    k.measure.set_current(2.2);
    assert_eq!(
        progress::key_result_status(&k, Q4.dates(okr::model::FiscalYear::CALENDAR), later),
        PaceStatus::OnTrack
    );
}

// 4. One rule for success and for a scored quarter.

#[test]
fn success_and_a_scored_quarter_follow_one_rule() {
    let mut a = objective("o1", "A", Kind::Committed, Q4);
    a.key_results = vec![numeric("kr1", 90.0, Q4)];
    let mut b = objective("o2", "B", Kind::Aspirational, Q4);
    b.key_results = vec![numeric("kr2", 30.0, Q4)];
    let running = today();
    assert_eq!(succeeded(&a, running), None, "running, nothing set");
    a.score = Some(0.9);
    a.status = Status::Achieved;
    assert_eq!(
        succeeded(&a, running),
        Some(false),
        "a committed 0.9 missed"
    );
    a.score = None;
    assert_eq!(succeeded(&a, running), Some(true), "set achieved, no score");
    b.status = Status::Dropped;
    assert_eq!(succeeded(&b, running), Some(false));
    b.status = Status::CarriedOver;
    let ended = date(2027, 1, 1);
    assert_eq!(succeeded(&b, ended), Some(false), "suggested 0.3 < 0.7");
    b.score = Some(0.7);
    assert_eq!(succeeded(&b, ended), Some(true));

    let data = data_of(vec![a.clone(), b.clone()]);
    assert!(!quarter_scored(&data, Q4, running), "o1 has no score");
    assert_eq!(quarter_score(&data, Q4, running), None);
    // Once it has ended, an unscored Mål counts its suggested score.
    assert!(quarter_scored(&data, Q4, ended));
    assert!((quarter_score(&data, Q4, ended).unwrap() - 0.8).abs() < 1e-9);
    a.score = Some(1.0);
    let data = data_of(vec![a, b]);
    assert!((quarter_score(&data, Q4, running).unwrap() - 0.85).abs() < 1e-9);
    assert!(!quarter_scored(&Data::default(), Q3, running));
}

#[test]
fn a_running_quarter_with_one_score_is_not_shown_as_scored() {
    let mut data = ahead_with_one_behind();
    let mut b = objective("o2", "Bli självförsörjande", Kind::Aspirational, Q4);
    b.key_results = vec![numeric("kr4", 30.0, Q4)];
    b.score = Some(0.3);
    data.objectives.push(b.into());
    let f = quarter_facts(&data, Q4, today());
    assert_eq!(f.score, None);
    let mut h = Harness::new(Some(data), Lang::En);
    h.keys(&[ch('o')]);
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("running 47%"), "{text}");
    assert!(!text.contains("0.3"), "{text}");
}

#[test]
fn a_committed_mal_scored_below_one_but_set_achieved_is_missed_everywhere() {
    let mut h = Harness::new(Some(ahead_with_one_behind()), Lang::En);
    h.open_review_form_of(0);
    h.type_text("0.9");
    h.keys(&[code(TAB), code(KeyCode::Right), ctrl('s')]);
    let o = h.app.data().objectives[0].clone();
    assert_eq!((o.score, o.status), (Some(0.9), Status::Achieved));
    let text = screen(&h.app, 100, 24);
    assert!(text.contains("missed"), "{text}");
    assert!(!text.contains("succeeded"), "{text}");
    assert_eq!(quarter_facts(h.app.data(), Q4, today()).committed, (0, 1));
    h.keys(&[code(ESC), ch('o')]);
    let text = screen(&h.app, 80, 24);
    let row = text.lines().find(|l| l.contains("2026 Q4")).unwrap();
    assert!(row.contains("0/1"), "{text}");
    let md = markdown(h.app.data(), Q4, Lang::En, today());
    assert!(md.contains("- Score: 0.9 (green) — missed"), "{md}");
    assert!(md.contains("(not reached)"), "{md}");
}

// 5. A finished quarter speaks in final words, not pace.

#[test]
fn a_finished_quarter_says_achieved_or_not_reached_instead_of_pace() {
    let mut a = objective("o1", "Lansera appen", Kind::Committed, Q3);
    a.key_results = vec![numeric("kr1", 80.0, Q3), numeric("kr2", 100.0, Q3)];
    a.status = Status::Achieved;
    let mut b = objective("o2", "Bli marknadsledare", Kind::Committed, Q3);
    b.key_results = vec![numeric("kr3", 50.0, Q3)];
    let data = data_of(vec![a, b]);
    let mut h = Harness::new(Some(data.clone()), Lang::En);
    h.keys(&[ch('[')]);
    assert_eq!(h.app.quarter(), Q3);
    let text = screen(&h.app, 80, 24);
    assert!(text.contains("90% achieved"), "{text}");
    assert!(text.contains("50% not reached"), "{text}");
    assert!(!text.contains("pace"), "{text}");
    let md = markdown(&data, Q3, Lang::En, today());
    assert!(md.contains("Progress: 90% (achieved)"), "{md}");
    assert!(md.contains("Progress: 50% (not reached)"), "{md}");
    assert!(!md.contains("pace)"), "{md}");
    let md = markdown(&data, Q3, Lang::Sv, today());
    assert!(
        md.contains("(uppnått)") && md.contains("(inte uppnått)"),
        "{md}"
    );
}

// 6. A count of one is singular.

#[test]
fn counts_of_one_and_two_read_right_in_english() {
    type Count = fn(usize) -> String;
    let cases: [(Count, &str, &str); 6] = [
        (
            |n| (EN.warn_many_objectives)(n, None),
            "Focus: 1 objective this",
            "Focus: 2 objectives this",
        ),
        (
            |n| (EN.warn_many_objectives)(n, Some("Ada")),
            "Ada has 1 objective this",
            "Ada has 2 objectives this",
        ),
        (
            EN.warn_many_key_results,
            "Focus: 1 key result on",
            "Focus: 2 key results on",
        ),
        (
            |n| (EN.checkin_banner)(n, "c", Cadence::Weekly),
            "check-in: 1 key result waiting",
            "check-in: 2 key results waiting",
        ),
        (
            EN.celebrate,
            "wins: 1 key result moved",
            "wins: 2 key results moved",
        ),
        (EN.running, "1 quarter running", "2 quarters running"),
    ];
    for (f, one, two) in cases {
        assert!(f(1).contains(one), "{}", f(1));
        assert!(f(2).contains(two), "{}", f(2));
    }
    assert_eq!((EN.carry_uppgifter)(1), "1 open initiative comes along.");
    assert_eq!((EN.carry_uppgifter)(2), "2 open initiatives come along.");
    assert_eq!((EN.streak)(1, Cadence::Weekly), "Check-in streak: 1 week");
    assert_eq!((EN.streak)(2, Cadence::Weekly), "Check-in streak: 2 weeks");
    assert_eq!(
        (EN.streak)(1, Cadence::Fortnightly),
        "Check-in streak: 1 fortnight"
    );
    assert_eq!(
        (EN.streak)(2, Cadence::Monthly),
        "Check-in streak: 2 months"
    );
    assert_eq!(
        (EN.key_results_behind)(1, 1),
        "1 of 1 key result behind pace"
    );
    assert_eq!(
        (EN.key_results_behind)(1, 2),
        "1 of 2 key results behind pace"
    );
    assert_eq!(
        (EN.check_one_line)(1),
        "every objective one line (1 too long)"
    );
    assert_eq!(
        (EN.check_one_line)(2),
        "every objective one line (2 too long)"
    );
    // okr merge's count of conflicts, and every other count of the table.
    assert!(
        (EN.merge_conflicts)(1)
            .starts_with("1 field changed differently on both sides; ours is kept, theirs is in")
    );
    assert!(
        (EN.merge_conflicts)(2).starts_with(
            "2 fields changed differently on both sides; ours are kept, theirs are in"
        )
    );
    let counted: [fn(usize) -> String; 8] = [
        EN.merge_conflicts,
        EN.live.reloaded,
        |n| (EN.live.conflicts_wait)(n, "!"),
        |n| (EN.commands.counts)(n, n, n, n),
        |n| (EN.daily.goes_with)(n, n, n),
        |n| (EN.daily.matches)(n, false),
        EN.team.from_children,
        EN.running,
    ];
    for f in counted {
        let one = f(1);
        assert!(!one.contains("(s)"), "{one}");
        for plural in [
            "1 fields",
            "1 objectives",
            "1 conflicts",
            "1 key results",
            "1 initiatives",
            "1 check-ins",
            "1 history entries",
            "1 matches",
            "1 quarters",
            "1 weeks",
        ] {
            assert!(!one.contains(plural), "{one}");
        }
    }
    // An id takes no article: "an o2" and "a kr5" are both wrong to some reader.
    for id in ["o2", "kr5", "u3", "ozqkvbmtw"] {
        for said in [
            (EN.merge_renumbered)(id, "o9"),
            (EN.e_no_such_file)("okr.json", id),
            (EN.commands.e_objective_given)(id, "T", "kr1"),
        ] {
            for article in [format!(" a {id}"), format!(" an {id}")] {
                assert!(!said.contains(&article), "{said}");
            }
        }
    }
}

#[test]
fn counts_of_one_and_two_read_right_in_swedish() {
    assert_eq!((SV.carry_uppgifter)(1), "1 ofärdig uppgift följer med.");
    assert_eq!((SV.carry_uppgifter)(2), "2 ofärdiga uppgifter följer med.");
    assert_eq!((SV.check_one_line)(1), "varje mål på en rad (1 för långt)");
    assert_eq!((SV.check_one_line)(2), "varje mål på en rad (2 för långa)");
    assert_eq!(
        (SV.streak)(1, Cadence::Weekly),
        "1 vecka i rad med incheckning"
    );
    assert_eq!(
        (SV.streak)(2, Cadence::Weekly),
        "2 veckor i rad med incheckning"
    );
    assert_eq!(
        (SV.streak)(1, Cadence::Monthly),
        "1 månad i rad med incheckning"
    );
    assert_eq!(
        (SV.streak)(2, Cadence::Fortnightly),
        "2 tvåveckorsperioder i rad med incheckning"
    );
    // Mål and nyckelresultat are the same in both.
    assert!((SV.warn_many_objectives)(1, None).contains("1 mål det"));
    assert!((SV.celebrate)(1).contains("1 nyckelresultat har gått"));
}

#[test]
fn one_key_result_waiting_is_singular_on_the_banner() {
    let mut o = objective("o1", "Expandera globalt", Kind::Committed, Q4);
    o.key_results = vec![numeric("kr1", 10.0, Q4)];
    let h = Harness::new(Some(data_of(vec![o])), Lang::En);
    let text = screen(&h.app, 80, 24);
    assert!(
        text.contains("This week's check-in: 1 key result waiting"),
        "{text}"
    );
}

// 7. Done / not done is measurable.

#[test]
fn a_done_or_not_done_key_result_is_not_warned_about_nor_counted_as_numberless() {
    let mut h = Harness::new(Some(ahead_with_one_behind()), Lang::En);
    h.focus_key_results();
    h.keys(&[ch('a')]);
    h.type_text("Lansera feedback");
    h.keys(&[code(TAB), code(KeyCode::Right), code(ENTER)]);
    assert!(
        matches!(
            h.app.data().objectives[0]
                .key_results
                .last()
                .unwrap()
                .measure,
            Measure::Done(_)
        ),
        "the key result was added"
    );
    if let Some(m) = h.app.message() {
        assert!(!m.text.contains("measurable"), "{}", m.text);
    }
    // Planning the quarter lists no rule about numbers.
    for lang in [Lang::En, Lang::Sv] {
        let mut h = Harness::new(Some(ahead_with_one_behind()), lang);
        h.keys(&[ch('r'), ch('n')]);
        let text = screen(&h.app, 80, 24);
        assert!(
            text.contains("one line") || text.contains("en rad"),
            "{text}"
        );
        assert!(
            !text.contains("without a number") && !text.contains("utan siffra"),
            "{text}"
        );
    }
}
