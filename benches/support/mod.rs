//! Realistic stores at three sizes, the same for the same seed (PRODUCT.md
//! section 11): T = a team file, 10 people over three years (about 5 MB);
//! M = one person, ten years; L = a team of 50 over ten years (8,000 Mål,
//! 32,000 key results, about 400,000 history entries), the stress case.
#![allow(dead_code)]

use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use okr::model::{
    CheckIn, CheckInEntry, Data, Extra, HistoryEntry, KeyResult, Kind, Measure, Objective, Quarter,
    Status,
};

/// The day the stores are "today": the end of a quarter, so all 13 weeks have check-ins.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 29).unwrap_or(NaiveDate::MIN)
}

#[derive(Clone, Copy, Debug)]
pub enum Size {
    T,
    M,
    L,
}

impl Size {
    pub const ALL: [Size; 3] = [Size::T, Size::M, Size::L];

    /// (owners, quarters, Mål per owner and quarter, key results per Mål)
    fn shape(self) -> (usize, usize, usize, usize) {
        match self {
            Size::T => (10, 12, 3, 4),
            Size::M => (1, 40, 5, 4),
            Size::L => (50, 40, 4, 4),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Size::T => "T",
            Size::M => "M",
            Size::L => "L",
        }
    }
}

/// A small, fast, deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const VERBS: [&str; 8] = [
    "Öka",
    "Minska",
    "Lansera",
    "Nå",
    "Bygg",
    "Halvera",
    "Fördubbla",
    "Säkra",
];
const THINGS: [&str; 8] = [
    "kundnöjdheten",
    "intäkterna i EMEA",
    "leveranstiden",
    "produktengagemanget",
    "teamets fokus",
    "kostnaderna",
    "kvaliteten",
    "sparandet",
];

/// A store of the given size; its last quarter is today's.
pub fn generate(size: Size, seed: u64) -> Data {
    let (owners, quarters, per_owner, krs) = size.shape();
    let mut rng = Rng::new(seed);
    let mut data = Data::default();
    let last = Quarter::of(today(), okr::model::FiscalYear::CALENDAR);
    let mut q = last;
    for _ in 1..quarters {
        q = q.prev();
    }
    let first = q;
    let (mut o_id, mut k_id, mut u_id) = (0u64, 0u64, 0u64);
    let mut q = first;
    for _ in 0..quarters {
        let created = Utc.from_utc_datetime(
            &q.first_day(okr::model::FiscalYear::CALENDAR)
                .and_hms_opt(8, 0, 0)
                .unwrap_or_default(),
        );
        // Weeks of this quarter that have passed (all, for past quarters),
        // each by its Thursday: a week belongs to the quarter of its Thursday,
        // so two quarters never check in for the same week.
        let to_thursday = (7 + 3
            - u64::from(
                q.first_day(okr::model::FiscalYear::CALENDAR)
                    .weekday()
                    .num_days_from_monday(),
            ))
            % 7;
        let weeks: Vec<NaiveDate> = (0..13u64)
            .filter_map(|w| {
                q.first_day(okr::model::FiscalYear::CALENDAR)
                    .checked_add_days(Days::new(to_thursday + w * 7))
            })
            .filter(|d| *d <= today() && q.contains(okr::model::FiscalYear::CALENDAR, *d))
            .collect();
        let mut checkins: Vec<CheckIn> = weeks.iter().map(|d| CheckIn::new(*d)).collect();
        for owner in 0..owners {
            for n in 0..per_owner {
                o_id += 1;
                let kind = Kind::ALL[rng.below(4) as usize];
                let title = format!(
                    "{} {} ({})",
                    VERBS[rng.below(8) as usize],
                    THINGS[rng.below(8) as usize],
                    n + 1
                );
                let mut o = Objective::new(format!("o{o_id}"), title, kind, q, created);
                o.owner = (owners > 1).then(|| format!("person{}", owner + 1));
                o.why = "För att vi ska nå dit tillsammans".into();
                for k in 0..krs {
                    k_id += 1;
                    let target = 10.0 + rng.below(90) as f64;
                    let measure = match rng.below(10) {
                        0 => Measure::done(false),
                        1 => Measure::at_least(target, target - 1.0, "%"),
                        _ => Measure::numeric(0.0, target, "st"),
                    };
                    let mut kr = KeyResult::new(
                        format!("kr{k_id}"),
                        format!("Mät sak {} för mål {o_id}", k + 1),
                        measure,
                    );
                    kr.confidence = 1 + rng.below(10) as u8;
                    let reach = rng.unit();
                    for (w, d) in weeks.iter().enumerate() {
                        let value = match &kr.measure {
                            Measure::Numeric(m) => {
                                (m.target * reach * (w + 1) as f64 / 13.0).round()
                            }
                            Measure::Done(_) => f64::from(u8::from(w == 12 && reach > 0.5)),
                            Measure::AtLeast(l) => l.level + (rng.below(5) as f64 - 2.0),
                            Measure::AtMost(l) => l.level,
                        };
                        kr.measure.set_current(value);
                        let note = if rng.below(4) == 0 {
                            "Bra vecka".to_string()
                        } else {
                            String::new()
                        };
                        kr.history.push(HistoryEntry::new(
                            *d,
                            value,
                            Some(kr.confidence),
                            note.clone(),
                        ));
                        checkins[w].entries.push(CheckInEntry {
                            key_result: kr.id.clone(),
                            value,
                            confidence: kr.confidence,
                            note,
                            extra: Extra::new(),
                        });
                    }
                    o.key_results.push(kr);
                }
                for t in 0..3 {
                    u_id += 1;
                    let mut i = okr::model::Initiative::new(
                        format!("u{u_id}"),
                        format!("Uppgift {t} för mål {o_id}"),
                    );
                    if rng.below(2) == 0 {
                        i.done = weeks.first().copied();
                    }
                    o.initiatives.push(i);
                }
                if q < last {
                    o.score = Some((rng.unit() * 10.0).round() / 10.0);
                    o.status = Status::Achieved;
                    o.retro.went_well = "Tydligt fokus".into();
                }
                data.objectives.push(o.into());
            }
        }
        for c in &mut checkins {
            c.wins = "Fira små vinster".into();
        }
        data.checkins
            .extend(checkins.into_iter().map(std::sync::Arc::new));
        q = q.next();
    }
    data
}
