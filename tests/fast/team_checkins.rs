//! Per-person check-ins (file format 2): a check-in belongs to a week and an
//! owner, each person walks their own key results, the banner counts mine,
//! the summary and streak are mine, the pulse is per person and the overview
//! shows the team's mean and how many answered; format 1 is migrated on the
//! first save with a byte-identical copy kept first.

use std::fs;

use crate::support::Sandbox;
use crate::support::app::*;
use crate::support::fixture::FIXTURE;
use crate::support::screen::{draws_at_every_size, render};
use crate::support::team::team_demo;
use okr::app::Screen;
use okr::app::checkin::Step;
use okr::model::{CheckIn, Lang};
use okr::store::{Store, format};

fn walk_len(h: &Harness) -> usize {
    match h.app.screen() {
        Screen::CheckIn(st) => st.items.len(),
        _ => panic!("no check-in open"),
    }
}

fn this_week<'a>(
    checkins: &'a [std::sync::Arc<CheckIn>],
    who: Option<&str>,
) -> Option<&'a CheckIn> {
    let week = okr::model::IsoWeek::of(today());
    checkins
        .iter()
        .map(|c| &**c)
        .find(|c| c.week == week && c.belongs_to(who))
}

#[test]
fn each_person_walks_their_own_key_results() {
    for (who, n) in [("Anna", 6), ("bo", 4)] {
        let mut h = Harness::new(Some(team_demo()), Lang::En);
        h.app.set_me(Some(who.into()));
        h.keys(&[ch('c')]);
        assert_eq!(walk_len(&h), n, "{who}");
    }
    // Without any owner, everyone walks everything, as in a one-person file.
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.app.set_me(Some("Anna".into()));
    h.walk_to_summary();
    let c = this_week(&h.file().checkins, None).cloned().unwrap();
    assert_eq!(c.entries.len(), 12);
    assert_eq!(c.owner, None, "the whole file's check-in");
}

#[test]
fn two_people_make_two_check_ins_for_the_week_each_with_its_owner() {
    let mut h = Harness::new(Some(team_demo()), Lang::En);
    h.check_in_as("Anna", None);
    h.check_in_as("Bo", None);
    let file = h.file();
    let anna = this_week(&file.checkins, Some("anna")).unwrap();
    let bo = this_week(&file.checkins, Some("Bo")).unwrap();
    assert_eq!(anna.owner.as_deref(), Some("Anna"));
    assert_eq!(bo.owner.as_deref(), Some("Bo"));
    let ids = |c: &CheckIn| {
        c.entries
            .iter()
            .map(|e| e.key_result.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(anna), ["kr1", "kr2", "kr3", "kr4", "kr5", "kr6"]);
    assert_eq!(ids(bo), ["kr7", "kr8", "kr9", "kr10"]);
    let json = h.file_json();
    assert_eq!(json["version"], okr::model::FORMAT_VERSION);
    // Anna again: her own check-in is reopened, not a third one.
    h.check_in_as("anna", None);
    let week = okr::model::IsoWeek::of(today());
    assert_eq!(
        h.file().checkins.iter().filter(|c| c.week == week).count(),
        2
    );
}

#[test]
fn the_banner_counts_mine() {
    for (lang, anna, bo) in [
        (
            Lang::En,
            "This week's check-in: 6 key results waiting",
            "This week's check-in: 4 key results waiting",
        ),
        (
            Lang::Sv,
            "Veckans incheckning: 6 nyckelresultat väntar",
            "Veckans incheckning: 4 nyckelresultat väntar",
        ),
    ] {
        let mut h = Harness::new(Some(team_demo()), lang);
        h.app.set_me(Some("Anna".into()));
        assert_eq!(h.app.checkin_waiting(), 6);
        assert!(render(&h.app, 120, 40).contains(anna));
        h.check_in_as("Bo", None);
        // Bo has checked in; Anna's banner still waits for her six.
        h.app.set_me(Some("Anna".into()));
        assert!(h.app.checkin_due());
        assert!(render(&h.app, 120, 40).contains(anna));
        h.app.set_me(Some("Bo".into()));
        assert!(!h.app.checkin_due(), "Bo is done");
        assert!(!render(&h.app, 120, 40).contains(bo));
        draws_at_every_size(&h.app, "banner");
    }
}

#[test]
fn the_summary_and_the_streak_are_mine() {
    let mut data = team_demo();
    // Two weeks ago Bo checked in; last week's check-in is the whole file's.
    let two_weeks_ago = today() - chrono::Days::new(14);
    okr::model::checkin::upsert(&mut data.checkins, CheckIn::of(two_weeks_ago, Some("Bo")));
    for (lang, streak) in [
        (Lang::En, "Check-in streak: 2 weeks"),
        (Lang::Sv, "2 veckor"),
    ] {
        let mut h = Harness::new(Some(data.clone()), lang);
        h.app.set_me(Some("Anna".into()));
        h.walk_to_summary();
        let Screen::CheckIn(st) = h.app.screen() else {
            panic!("the summary is open");
        };
        assert_eq!(st.step, Step::Summary);
        let sum = h.app.checkin_summary(st);
        assert_eq!(sum.streak, 2, "last week's and mine, not Bo's");
        let bos: Vec<String> = h.app.data().objectives[2..4]
            .iter()
            .flat_map(|o| o.key_results.iter().map(|k| k.title.clone()))
            .collect();
        assert!(
            sum.lagging.iter().all(|(t, _)| !bos.contains(t)),
            "{:?}",
            sum.lagging
        );
        let text = render(&h.app, 120, 40);
        assert!(text.contains(streak), "{text}");
        draws_at_every_size(&h.app, "summary");
    }
    let mut h = Harness::new(Some(data), Lang::En);
    h.check_in_as("Bo", None);
    h.app.set_me(Some("Bo".into()));
    h.keys(&[ch('o')]);
    assert!(render(&h.app, 120, 40).contains("Check-in streak: 3 weeks"));
}

#[test]
fn the_pulse_is_per_person_and_the_overview_shows_the_teams_mean_and_who_answered() {
    for (lang, answered) in [
        (Lang::En, "answered (people)"),
        (Lang::Sv, "antal som svarat"),
    ] {
        let mut h = Harness::new(Some(team_demo()), lang);
        h.check_in_as("Anna", Some('5'));
        h.check_in_as("Bo", Some('2'));
        let file = h.file();
        let pulse = |who| {
            this_week(&file.checkins, Some(who))
                .unwrap()
                .pulse
                .clone()
                .unwrap()
        };
        assert_eq!(pulse("Anna").ratings(), [5; 5]);
        assert_eq!(pulse("Bo").ratings(), [2; 5]);
        h.keys(&[ch('o')]);
        let text = render(&h.app, 120, 50);
        let mean = text
            .lines()
            .find(|l| l.starts_with(h.app.strings().pillars.structure))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(
            mean.trim_end().ends_with("3,5") || mean.trim_end().ends_with("3.5"),
            "{mean}"
        );
        let count = text.lines().find(|l| l.starts_with(answered)).unwrap();
        assert!(count.trim_end().ends_with('2'), "{count}");
        draws_at_every_size(&h.app, "overview");
        // The filter shows one person's pulse.
        h.keys(&[ch('f')]);
        let text = render(&h.app, 120, 50);
        let mean = text
            .lines()
            .find(|l| l.starts_with(h.app.strings().pillars.structure))
            .unwrap();
        assert!(mean.trim_end().ends_with('2'), "Bo's own:\n{text}");
    }
}

// --- the file ---------------------------------------------------------------------

fn with_checkins(checkins: &str) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    v["version"] = 2.into();
    v["checkins"] = serde_json::from_str(checkins).unwrap();
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn one_check_in_a_week_per_owner_is_the_files_rule() {
    let two_owners = with_checkins(
        r#"[{"week": "2026-W47", "date": "2026-11-16", "owner": "Anna"},
            {"week": "2026-W47", "date": "2026-11-17", "owner": "Bo"}]"#,
    );
    let data = format::parse("okr.json".as_ref(), &two_owners).unwrap();
    okr::model::validate::validate(&data).unwrap();
    let twice = with_checkins(
        r#"[{"week": "2026-W47", "date": "2026-11-16", "owner": "Anna"},
            {"week": "2026-W47", "date": "2026-11-17", "owner": " anna"}]"#,
    );
    let w = Sandbox::new();
    fs::write(w.file(), &twice).unwrap();
    w.okr(&["export"])
        .fails(&["2026-W47", "week", "one a week per owner"]);
    w.okr(&["--lang", "sv", "export"])
        .fails(&["2026-W47", "en per vecka och ägare"]);
    assert_eq!(fs::read(w.file()).unwrap(), twice, "left as it was");
}

#[test]
fn a_file_of_a_newer_format_is_refused() {
    let newer = FIXTURE.replacen("\"version\": 1", "\"version\": 4", 1);
    let w = Sandbox::new();
    w.write(&newer);
    w.okr(&["export"])
        .fails(&["file format 4", "reads up to 3"]);
}

// --- migration of format 1 -----------------------------------------------------------

#[test]
fn the_first_save_migrates_format_1_after_keeping_a_byte_identical_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, FIXTURE).unwrap();
    let (mut st, data) = Store::open(&path).unwrap();
    let v1 = dir.path().join("okr.json.v1.bak");
    assert!(!v1.exists(), "nothing is written until a save");
    st.save(&data).unwrap();
    assert_eq!(fs::read(&v1).unwrap(), FIXTURE.as_bytes(), "byte-identical");
    // Every field is kept: the file is the original but for its version.
    let mut before: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    before["version"] = okr::model::FORMAT_VERSION.into();
    let after: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(after, before);
    // The copy is made once, and never over an earlier one.
    st.save(&data).unwrap();
    assert_eq!(fs::read(&v1).unwrap(), FIXTURE.as_bytes());
    drop(st);
    fs::write(&path, FIXTURE.replace("Expandera", "Växa")).unwrap();
    let (mut st, data) = Store::open(&path).unwrap();
    st.save(&data).unwrap();
    assert_eq!(
        fs::read(&v1).unwrap(),
        FIXTURE.as_bytes(),
        "the first copy stays"
    );
    let second = fs::read_to_string(dir.path().join("okr.json.v1.bak.2")).unwrap();
    assert!(second.contains("Växa globalt"), "{second}");
    // A file already in this format is not copied again.
    drop(st);
    let (mut st, data) = Store::open(&path).unwrap();
    st.save(&data).unwrap();
    assert!(!dir.path().join("okr.json.v1.bak.3").exists());
}

#[test]
fn a_format_1_file_keeps_speaking_its_language_after_migration() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    // The locale is English; the file says Swedish.
    let r = w.okr(&["update", "kr1", "20"]);
    r.ok();
    assert!(r.stdout.contains("12,5 → 20"), "{}", r.stdout);
    assert_eq!(
        fs::read(w.path().join("okr.json.v1.bak")).unwrap(),
        FIXTURE.as_bytes()
    );
    let json = w.json();
    assert_eq!(json["version"], okr::model::FORMAT_VERSION);
    assert_eq!(json["settings"]["language"], "sv", "the setting is kept");
    let r = w.okr(&["export"]);
    r.ok();
    assert!(r.stdout.contains("Kvartal 2026 Q4"), "{}", r.stdout);
}

#[test]
fn a_check_in_for_a_name_typed_otherwise_is_filed_as_the_file_spells_it() {
    for typed in ["bo", " BO "] {
        let mut h = Harness::new(Some(team_demo()), Lang::En);
        h.check_in_as(typed, None);
        let file = h.file();
        let owners: Vec<Option<&str>> = file.checkins.iter().map(|c| c.owner.as_deref()).collect();
        assert!(owners.contains(&Some("Bo")), "{typed:?}: {owners:?}");
        assert!(!owners.contains(&Some(typed)), "{typed:?}: {owners:?}");
    }
}

// --- checking in for someone else ------------------------------------------------------

#[test]
fn a_check_in_for_someone_else_names_them_and_leaves_the_pulse_to_them() {
    for (lang, title, left) in [
        (
            Lang::En,
            "Check-in for Bo · 2026-W48",
            "The team pulse is left to Bo — press p to rate it now.",
        ),
        (
            Lang::Sv,
            "Incheckning för Bo · 2026-W48",
            "Teampulsen lämnas åt Bo – tryck p för att skatta den nu.",
        ),
    ] {
        let mut h = Harness::new(Some(team_demo()), lang);
        h.app.set_me(Some("Anna".into()));
        // f: mine, f: Bo's; c checks in for Bo.
        h.keys(&[ch('f'), ch('f')]);
        h.walk_to(0);
        assert!(render(&h.app, 100, 30).contains(title), "{lang:?}");
        h.keys(&[code(ESC)]);
        h.walk_to_reflection();
        h.keys(&[ctrl('s')]);
        assert_eq!(h.checkin_step(), Some(Step::Summary), "no pulse asked");
        let text = render(&h.app, 100, 30);
        assert!(text.contains(title) && text.contains(left), "{text}");
        draws_at_every_size(&h.app, "summary for Bo");
        let file = h.file();
        let bo = this_week(&file.checkins, Some("Bo")).unwrap();
        assert_eq!(bo.owner.as_deref(), Some("Bo"));
        assert_eq!(bo.entries.len(), 4);
        assert!(bo.pulse.is_none(), "left to Bo");
        assert!(this_week(&file.checkins, Some("Anna")).is_none());
        // Asked for, it is rated for Bo and the summary stops saying so.
        h.keys(&[ch('p')]);
        assert_eq!(h.checkin_step(), Some(Step::Pulse));
        h.keys(&[ch('4'), ch('4'), ch('4'), ch('4'), ch('4'), code(ENTER)]);
        assert_eq!(h.checkin_step(), Some(Step::Summary));
        assert!(!render(&h.app, 100, 30).contains(left));
        let file = h.file();
        let pulse = this_week(&file.checkins, Some("Bo")).unwrap().pulse.clone();
        assert_eq!(pulse.unwrap().ratings(), [4; 5]);
    }
}

#[test]
fn my_own_check_in_names_me_as_the_file_spells_me_and_asks_my_pulse() {
    // As `okr checkin --owner bo` starts it: Bo is who I am, my Mål shown.
    let mut h = Harness::new(Some(team_demo()), Lang::En);
    h.app.set_me(Some("bo".into()));
    h.app.set_filter(okr::model::owners::OwnerFilter::Mine);
    h.walk_to_reflection();
    assert!(render(&h.app, 100, 30).contains("Check-in for Bo · 2026-W48"));
    h.keys(&[ctrl('s')]);
    assert_eq!(
        h.checkin_step(),
        Some(Step::Pulse),
        "my pulse is mine to rate"
    );
    // A file without owners: the whole file's check-in, named as before.
    let mut h = Harness::new(Some(demo()), Lang::En);
    h.app.set_me(Some("Anna".into()));
    h.walk_to(0);
    let text = render(&h.app, 100, 30);
    assert!(
        text.contains("Check-in 2026-W48") && !text.contains("Check-in for"),
        "{text}"
    );
}
