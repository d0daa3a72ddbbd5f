//! Properties of the model: progress stays within 0..=1 and treats falling key
//! results as mirrored rising ones; every model value survives JSON unchanged.

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use okr::model::progress::{numeric_progress, objective_progress};
use okr::model::{
    Binary, CheckIn, CheckInEntry, Data, Extra, HistoryEntry, Initiative, IsoWeek, KeyResult, Kind,
    Lang, Level, Measure, Numeric, Objective, Pulse, Quarter, Retro, Settings, Status, Step,
};
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------- strategies

/// Any finite f64: every magnitude, subnormals and zeros, plus plain values.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        -1000.0..1000.0f64,
        // Near the largest finite values, where differences overflow.
        1e306..=f64::MAX,
        -f64::MAX..=-1e306,
        (-100i32..100).prop_map(f64::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-ZåäöÅÄÖ ]{0,12}", "\\PC{0,12}", any::<String>()]
}

/// Unknown fields: `x_`-prefixed names, so that they never clash with known ones.
fn extra() -> impl Strategy<Value = Extra> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        finite().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,4}", inner), 0..3)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    });
    prop::collection::vec(("x_[a-z]{1,6}", value), 0..2).prop_map(|kv| kv.into_iter().collect())
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (-200_000i64..200_000)
        .prop_map(|d| crate::support::date(2000, 1, 1) + chrono::Duration::days(d))
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-5_000_000_000i64..10_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(s, ns)| Utc.timestamp_opt(s, ns).unwrap())
}

fn quarter() -> impl Strategy<Value = Quarter> {
    (1i32..9999, 1u8..=4).prop_map(|(y, q)| Quarter::new(y, q).unwrap())
}

fn measure() -> impl Strategy<Value = Measure> {
    prop_oneof![
        (finite(), finite(), finite(), text(), extra()).prop_map(
            |(start, target, current, unit, extra)| Measure::Numeric(Numeric {
                start,
                target,
                current,
                unit,
                extra
            })
        ),
        (any::<bool>(), extra()).prop_map(|(done, extra)| Measure::Done(Binary { done, extra })),
        (finite(), finite(), text(), extra()).prop_map(|(level, current, unit, extra)| {
            Measure::AtLeast(Level {
                level,
                current,
                unit,
                extra,
            })
        }),
        (finite(), finite(), text(), extra()).prop_map(|(level, current, unit, extra)| {
            Measure::AtMost(Level {
                level,
                current,
                unit,
                extra,
            })
        }),
    ]
}

fn history_entry() -> impl Strategy<Value = HistoryEntry> {
    (
        day(),
        finite(),
        any::<Option<u8>>(),
        text(),
        prop::option::of(text()),
        extra(),
    )
        .prop_map(|(date, value, confidence, note, by, extra)| HistoryEntry {
            date,
            value,
            confidence,
            note,
            by,
            extra,
        })
}

fn key_result() -> impl Strategy<Value = KeyResult> {
    (
        text(),
        text(),
        measure(),
        finite(),
        any::<u8>(),
        prop::collection::vec(history_entry(), 0..3),
        prop::option::of(1e-6f64..1e9).prop_map(|s| s.and_then(Step::new)),
        prop::option::of(text()),
        extra(),
    )
        .prop_map(
            |(id, title, measure, weight, confidence, history, step, carried_from, extra)| {
                KeyResult {
                    id,
                    title,
                    measure,
                    weight,
                    confidence,
                    history,
                    step,
                    carried_from,
                    extra,
                }
            },
        )
}

fn initiative() -> impl Strategy<Value = Initiative> {
    (
        text(),
        text(),
        prop::option::of(day()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(day()),
        extra(),
    )
        .prop_map(
            |(id, title, done, key_result, owner, due, extra)| Initiative {
                id,
                title,
                done,
                key_result,
                owner,
                due,
                extra,
            },
        )
}

fn objective() -> impl Strategy<Value = Objective> {
    let head = (
        text(),
        text(),
        text(),
        prop::sample::select(Kind::ALL.to_vec()),
        // A quarter, a span of up to eight quarters, or a whole year.
        (quarter(), 0usize..8, any::<bool>()).prop_map(|(q, more, year)| {
            if year {
                return (q.whole_year(), None);
            }
            let until = (0..more).fold(q, |u, _| u.next());
            (q, (until > q).then_some(until))
        }),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::sample::select(vec![
            Status::Active,
            Status::Achieved,
            Status::Dropped,
            Status::CarriedOver,
        ]),
    );
    let tail = (
        prop::option::of(finite()),
        (text(), text(), extra()),
        instant(),
        (instant(), prop::option::of(text())),
        prop::option::of(text()),
        prop::collection::vec(key_result(), 0..4),
        prop::collection::vec(initiative(), 0..3),
        extra(),
    );
    (head, tail).prop_map(
        |(
            (id, title, why, kind, (quarter, until), owner, parent, status),
            (
                score,
                (went_well, to_change, retro_extra),
                created,
                (updated, updated_by),
                carried_from,
                key_results,
                initiatives,
                extra,
            ),
        )| Objective {
            id,
            title,
            why,
            kind,
            quarter,
            until,
            owner,
            parent,
            status,
            score,
            retro: Retro {
                went_well,
                to_change,
                extra: retro_extra,
            },
            created,
            updated,
            updated_by,
            carried_from,
            key_results,
            initiatives,
            extra,
        },
    )
}

fn pulse() -> impl Strategy<Value = Pulse> {
    (any::<[u8; 5]>(), extra()).prop_map(|(r, extra)| Pulse {
        structure: r[0],
        safety: r[1],
        meaning: r[2],
        dependability: r[3],
        impact: r[4],
        extra,
    })
}

fn checkin() -> impl Strategy<Value = CheckIn> {
    let entry = (text(), finite(), any::<u8>(), text(), extra()).prop_map(
        |(key_result, value, confidence, note, extra)| CheckInEntry {
            key_result,
            value,
            confidence,
            note,
            extra,
        },
    );
    (
        day(),
        prop::collection::vec(entry, 0..3),
        text(),
        text(),
        text(),
        prop::option::of(pulse()),
        extra(),
        prop::option::of(text()),
    )
        .prop_map(
            |(date, entries, wins, blockers, next_steps, pulse, extra, owner)| CheckIn {
                week: IsoWeek::of(date),
                date,
                owner,
                entries,
                wins,
                blockers,
                next_steps,
                pulse,
                done: Vec::new(),
                skipped: Vec::new(),
                extra,
            },
        )
}

fn data() -> impl Strategy<Value = Data> {
    let weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let rhythm = (
        prop::sample::select(okr::model::cadence::Cadence::ALL.to_vec()),
        prop::option::of(day().prop_map(IsoWeek::of)),
        prop::collection::vec(day().prop_map(IsoWeek::of), 0..3),
    );
    (
        1u32..=okr::model::FORMAT_VERSION,
        prop::option::of(prop::sample::select(vec![Lang::Sv, Lang::En])),
        (prop::sample::select(weekdays), rhythm, 1u32..=12),
        extra(),
        prop::collection::vec(objective(), 0..3),
        prop::collection::vec(checkin(), 0..3),
        extra(),
    )
        .prop_map(
            |(
                version,
                language,
                (checkin_weekday, rhythm, start),
                settings_extra,
                objectives,
                checkins,
                extra,
            )| {
                let (cadence, cadence_start, holidays) = rhythm;
                Data {
                    version,
                    settings: Settings {
                        language,
                        checkin_weekday,
                        cadence,
                        cadence_start,
                        holidays,
                        fiscal_year: okr::model::FiscalYear::starting(start).unwrap(),
                        extra: settings_extra,
                    },
                    objectives: objectives.into_iter().map(Into::into).collect(),
                    checkins: checkins.into_iter().map(Into::into).collect(),
                    next_ids: okr::model::data::NextIds {
                        o: version.into(),
                        kr: 7,
                        u: 0,
                        extra: extra.clone(),
                    },
                    conflicts: Vec::new(),
                    extra,
                }
            },
        )
}

/// A JSON round trip: the value written and read back.
fn round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let text = serde_json::to_string_pretty(value).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn objective_with(krs: Vec<KeyResult>) -> Objective {
    let mut o = Objective::new(
        "o1".into(),
        "Mål".into(),
        Kind::Committed,
        Quarter::new(2026, 4).unwrap(),
        Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap(),
    );
    o.key_results = krs;
    o
}

fn weighted(progress: f64, weight: f64) -> KeyResult {
    let mut k = KeyResult::new("k".into(), "k".into(), Measure::numeric(0.0, 1.0, ""));
    k.measure.set_current(progress);
    k.weight = weight;
    k
}

/// Weights from tiny to the largest finite ones.
fn positive_weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.001..1000.0f64,
        Just(f64::MAX),
        (1e300..f64::MAX),
        prop::num::f64::POSITIVE | prop::num::f64::NORMAL,
    ]
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn numeric_progress_is_within_unit(s in finite(), t in finite(), c in finite()) {
        let p = numeric_progress(s, t, c);
        prop_assert!((0.0..=1.0).contains(&p), "progress({s}, {t}, {c}) = {p}");
    }

    /// At the start 0, at the target 1, whatever the size of the numbers.
    #[test]
    fn numeric_progress_is_zero_at_start_and_one_at_target(s in finite(), t in finite()) {
        prop_assume!(s != t);
        prop_assert_eq!(numeric_progress(s, t, s), 0.0, "start of {} -> {}", s, t);
        prop_assert_eq!(numeric_progress(s, t, t), 1.0, "target of {} -> {}", s, t);
    }

    /// "Reduce from 80 to 60" is "increase from −80 to −60": exactly the same
    /// progress. (A target equal to its start has no direction and counts 1
    /// once reached from below, so it is left out.)
    #[test]
    fn falling_mirrors_rising(s in finite(), t in finite(), c in finite()) {
        prop_assume!(s != t);
        prop_assert_eq!(numeric_progress(s, t, c), numeric_progress(-s, -t, -c));
    }

    /// Swapping start and target measures the remaining way: p + p' = 1.
    #[test]
    fn swapping_start_and_target_gives_the_rest(s in finite(), t in finite(), c in finite()) {
        prop_assume!(s != t);
        let forward = numeric_progress(s, t, c);
        let back = numeric_progress(t, s, c);
        prop_assert!(
            (forward + back - 1.0).abs() < 1e-9,
            "progress({s}, {t}, {c}) = {forward}, progress({t}, {s}, {c}) = {back}"
        );
    }

    /// Moving toward the target never lowers progress.
    #[test]
    fn numeric_progress_is_monotone(s in finite(), t in finite(), a in finite(), b in finite()) {
        prop_assume!(s != t);
        // Order the two by how far they are along the direction start -> target.
        let along = |x: f64| if t > s { x } else { -x };
        let (low, high) = if along(a) <= along(b) { (a, b) } else { (b, a) };
        prop_assert!(numeric_progress(s, t, low) <= numeric_progress(s, t, high));
    }

    #[test]
    fn objective_progress_is_within_unit_for_any_weights(
        krs in prop::collection::vec((measure(), any::<f64>()), 0..6)
    ) {
        let krs = krs
            .into_iter()
            .map(|(m, w)| {
                let mut k = KeyResult::new("k".into(), "k".into(), m);
                k.weight = w;
                k
            })
            .collect();
        let p = objective_progress(&objective_with(krs));
        prop_assert!((0.0..=1.0).contains(&p), "{p}");
    }

    /// A weighted mean lies between its smallest and largest part.
    #[test]
    fn objective_progress_is_between_its_key_results(
        parts in prop::collection::vec((0.0..=1.0f64, any::<f64>()), 1..6)
    ) {
        let low = parts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let high = parts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let o = objective_with(parts.iter().map(|&(p, w)| weighted(p, w)).collect());
        let p = objective_progress(&o);
        prop_assert!(p >= low - 1e-12 && p <= high + 1e-12, "{p} not in {low}..={high}");
    }

    /// Only the proportions of the weights count, however large they are.
    #[test]
    fn objective_progress_is_the_weighted_mean(
        parts in prop::collection::vec((0.0..=1.0f64, positive_weight()), 1..6)
    ) {
        let o = objective_with(parts.iter().map(|&(p, w)| weighted(p, w)).collect());
        let largest = parts.iter().map(|p| p.1).fold(0.0, f64::max);
        let total: f64 = parts.iter().map(|p| p.1 / largest).sum();
        let expected = parts.iter().map(|&(p, w)| p * (w / largest)).sum::<f64>() / total;
        let p = objective_progress(&o);
        prop_assert!((p - expected).abs() < 1e-9, "{p} != {expected}");
    }

    #[test]
    fn measures_round_trip(m in measure()) {
        prop_assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn objectives_round_trip(o in objective()) {
        prop_assert_eq!(round_trip(&o), o);
    }

    #[test]
    fn checkins_round_trip(c in checkin()) {
        prop_assert_eq!(round_trip(&c), c);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The whole store through the file format: equal data and, written
    /// again, the very same bytes; what is written keeps `okr schema`.
    #[test]
    fn data_round_trips_through_the_file_format(d in data()) {
        let bytes = okr::store::format::serialize(&d).unwrap();
        let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        prop_assert_eq!(crate::schema::check(&file), Ok(()));
        let back = okr::store::format::parse(std::path::Path::new("okr.json"), &bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(okr::store::format::serialize(&back).unwrap(), bytes);
    }

    /// A save is serde_json's own pretty printing, byte for byte, with
    /// fields this version does not know or without.
    #[test]
    fn a_save_is_serde_jsons_pretty_printing(d in data()) {
        let mut pretty = serde_json::to_string_pretty(&d).unwrap();
        pretty.push('\n');
        let saved = okr::store::format::serialize(&d).unwrap();
        prop_assert_eq!(std::str::from_utf8(&saved).unwrap(), pretty.as_str());
    }

    #[test]
    fn data_round_trips(d in data()) {
        prop_assert_eq!(round_trip(&d), d);
    }
}
