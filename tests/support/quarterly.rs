//! A file for the quarterly tests: an aspirational Mål of 2026 Q3 with a
//! key result's history, carried (by the model's own carry) into 2026 Q4
//! where it has gone on; a second Mål in Q4; and per-person check-ins in
//! both quarters (Anna's and Bo's in one week count as two).

use chrono::{TimeZone, Utc};
use okr::model::review::carry_copy;
use okr::model::{CheckIn, Data, KeyResult, Kind, Measure, Objective, Quarter, Status};

use super::date;

/// The carried Mål is the first of Q4 (`o2`, key result `kr2`, from `o1`'s `kr1`).
pub fn carried() -> Data {
    let now = Utc.with_ymd_and_hms(2026, 9, 30, 12, 0, 0).unwrap();
    let q3 = Quarter::new(2026, 3).unwrap();
    let q4 = Quarter::new(2026, 4).unwrap();
    let mut solar = KeyResult::new(
        "kr1".into(),
        "Producera solel".into(),
        Measure::numeric(0.0, 8000.0, "kWh"),
    );
    solar.record(date(2026, 7, 15), 1000.0, Some(5), String::new(), None);
    solar.record(date(2026, 8, 15), 2000.0, Some(6), String::new(), None);
    solar.record(date(2026, 9, 20), 3000.0, Some(6), "sommaren".into(), None);
    let mut original = Objective::new(
        "o1".into(),
        "Bli självförsörjande på el".into(),
        Kind::Aspirational,
        q3,
        now,
    );
    original.owner = Some("Anna".into());
    original.key_results.push(solar);
    let mut data = Data::default();
    data.objectives.push(original.into());
    let mut copy = carry_copy(&data, 0, &["kr1".into()], now).unwrap();
    // Ids as a file from before random ids has them, so the screens read the same.
    copy.id = "o2".into();
    copy.key_results[0].id = "kr2".into();
    let o = data.objective_mut(0).unwrap();
    o.status = Status::CarriedOver;
    o.score = Some(0.4);
    copy.key_results[0].record(date(2026, 10, 20), 4000.0, Some(6), String::new(), None);
    copy.key_results[0].record(date(2026, 11, 17), 5000.0, Some(7), "ny panel".into(), None);
    data.objectives.push(copy.into());

    let mut app_kr = KeyResult::new(
        "kr3".into(),
        "Nedladdningar".into(),
        Measure::numeric(0.0, 20000.0, "st"),
    );
    app_kr.record(date(2026, 11, 10), 15000.5, Some(9), String::new(), None);
    let mut launch = Objective::new(
        "o3".into(),
        "Lansera appen".into(),
        Kind::Committed,
        q4,
        now,
    );
    launch.owner = Some("Bo".into());
    launch.key_results.push(app_kr);
    data.objectives.push(launch.into());

    data.checkins = [
        CheckIn::of(date(2026, 8, 17), Some("Anna")),
        CheckIn::of(date(2026, 10, 20), Some("Anna")),
        CheckIn::of(date(2026, 10, 20), Some("Bo")),
        CheckIn::of(date(2026, 11, 17), Some("Anna")),
    ]
    .into_iter()
    .map(Into::into)
    .collect();
    data
}
