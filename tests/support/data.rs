//! Model data for the store tests: a store with every kind of thing in it,
//! and numbered states for sequences of saves.

use chrono::{TimeZone, Utc, Weekday};
use okr::model::{
    CheckIn, CheckInEntry, Data, Extra, HistoryEntry, Initiative, KeyResult, Kind, Lang, Measure,
    Objective, Pulse, Quarter, Retro, Status,
};
use okr::store::format;

use super::date;

/// A store with every kind of measure, Uppgifter, history and check-ins with a pulse.
pub fn populated() -> Data {
    let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 30, 0).unwrap();
    let later = Utc.with_ymd_and_hms(2026, 11, 20, 16, 5, 7).unwrap();
    let q4 = Quarter::new(2026, 4).unwrap();

    let mut grow = KeyResult::new(
        "kr1".into(),
        "Öka antalet kunder".into(),
        Measure::numeric(10.0, 40.0, "kunder"),
    );
    grow.measure.set_current(22.5);
    grow.weight = 2.5;
    grow.confidence = 7;
    grow.history = vec![
        HistoryEntry::new(date(2026, 10, 12), 15.0, Some(6), "bra start".into()),
        HistoryEntry::new(date(2026, 11, 16), 22.5, None, String::new()),
    ];
    let mut reduce = KeyResult::new(
        "kr2".into(),
        "Minska svarstiden".into(),
        Measure::numeric(48.0, 8.0, "h"),
    );
    reduce.measure.set_current(30.25);
    reduce.confidence = 3;
    let done = KeyResult::new("kr3".into(), "Lansera v2".into(), Measure::done(true));
    let keep_up = KeyResult::new(
        "kr4".into(),
        "Upptid".into(),
        Measure::at_least(99.5, 99.9, "%"),
    );
    let keep_down = KeyResult::new(
        "kr5".into(),
        "Kostnad per månad".into(),
        Measure::at_most(5000.0, 5200.0, "kr"),
    );

    let mut o1 = Objective::new(
        "o1".into(),
        "Nöjdare kunder \"på riktigt\"".into(),
        Kind::Committed,
        q4,
        now,
    );
    o1.why = "Because\nit matters".into();
    o1.owner = Some("Team Ö".into());
    o1.parent = Some("o9".into());
    o1.updated = later;
    o1.key_results = vec![grow, reduce, done, keep_up, keep_down];
    let mut i1 = Initiative::new("u1".into(), "Ring tio kunder".into());
    i1.done = Some(date(2026, 10, 20));
    i1.key_result = Some("kr1".into());
    o1.initiatives = vec![i1, Initiative::new("u2".into(), "Skriv FAQ".into())];

    let mut o2 = Objective::new(
        "o2".into(),
        "Last quarter's aspiration".into(),
        Kind::Aspirational,
        Quarter::new(2026, 3).unwrap(),
        now,
    );
    o2.status = Status::CarriedOver;
    o2.score = Some(0.6);
    o2.retro = Retro {
        went_well: "focus".into(),
        to_change: "fewer meetings".into(),
        extra: Extra::new(),
    };
    o2.carried_from = Some("o0".into());

    let mut c1 = CheckIn::new(date(2026, 11, 16));
    c1.set_entry(CheckInEntry {
        key_result: "kr1".into(),
        value: 22.5,
        confidence: 7,
        note: "två nya".into(),
        extra: Extra::new(),
    });
    c1.wins = "won a deal".into();
    c1.blockers = "vacation".into();
    c1.next_steps = "call back".into();
    c1.pulse = Some(Pulse {
        structure: 4,
        safety: 5,
        meaning: 3,
        dependability: 2,
        impact: 1,
        extra: Extra::new(),
    });
    let c2 = CheckIn::new(date(2026, 11, 24));

    let mut data = Data::default();
    data.settings.language = Some(Lang::En);
    data.settings.checkin_weekday = Weekday::Thu;
    data.objectives = vec![o1.into(), o2.into()];
    data.checkins = vec![c1.into(), c2.into()];
    data
}

/// State number `n` of a sequence of saves: the title says which, and the
/// size changes with `n` so that a torn file could not pass for another state.
pub fn state(n: u64) -> Data {
    let now = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
    let mut o = Objective::new(
        "o1".into(),
        format!("state {n}"),
        Kind::Committed,
        Quarter::new(2026, 4).unwrap(),
        now,
    );
    for i in 0..(n % 7) {
        o.initiatives
            .push(Initiative::new(format!("u{i}"), format!("step {i} of {n}")));
    }
    let mut data = Data::default();
    data.objectives.push(o.into());
    data
}

/// The bytes okr writes for `data`.
pub fn bytes(data: &Data) -> Vec<u8> {
    format::serialize(data).unwrap()
}

/// The titles of the Mål, in order.
pub fn titles(data: &Data) -> Vec<String> {
    data.objectives.iter().map(|o| o.title.clone()).collect()
}

/// The titles of the Mål in a data file, in order.
pub fn titles_in(path: &std::path::Path) -> Vec<String> {
    titles(&okr::store::read(path).unwrap())
}

/// A new Mål first in the quarter of the first one, as another okr would add it.
pub fn new_objective(data: &mut Data, id: &str, title: &str) {
    let q = data.objectives[0].quarter;
    let o = Objective::new(
        id.to_string(),
        title.to_string(),
        Kind::Committed,
        q,
        chrono::Utc::now(),
    );
    data.objectives.insert(0, std::sync::Arc::new(o));
}
