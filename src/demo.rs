//! `okr demo`: the example OKRs from the team's notes (PRODUCT.md section 8),
//! placed in today's quarter with a few weeks of history, in a temporary file.

use chrono::{Days, NaiveDate};

use crate::model::{
    CheckIn, Data, Initiative, KeyResult, Kind, Measure, Objective, Quarter, checkin,
};

/// The example store, dated around `today`.
pub fn example(today: NaiveDate) -> Data {
    let quarter = Quarter::of(today);
    let now = crate::model::now();
    let mut data = Data::default();
    let mut next_kr = 0;
    let mut next_u = 0;
    let weeks = ((today - quarter.first_day()).num_days() / 7).clamp(0, 12) as u64;
    let mut objective =
        |title: &str, kind: Kind, krs: Vec<(&str, Measure, f64)>, inits: Vec<(&str, bool)>| {
            let id = format!("o{}", data.objectives.len() + 1);
            let mut o = Objective::new(id, title.to_string(), kind, quarter, now);
            for (title, measure, reach) in krs {
                next_kr += 1;
                let mut k = KeyResult::new(format!("kr{next_kr}"), title.to_string(), measure);
                k.confidence = (4.0 + reach * 6.0).round().clamp(1.0, 10.0) as u8;
                // A value a week, rising towards `reach` of the way.
                for w in 0..=weeks {
                    let date = today
                        .checked_sub_days(Days::new((weeks - w) * 7))
                        .unwrap_or(today);
                    let share = reach * (w as f64 + 1.0) / (weeks as f64 + 1.0);
                    let value = match &k.measure {
                        Measure::Numeric(n) => {
                            ((n.start + (n.target - n.start) * share) * 10.0).round() / 10.0
                        }
                        m => m.current(),
                    };
                    k.record(date, value, None, String::new(), None);
                }
                o.key_results.push(k);
            }
            for (title, done) in inits {
                next_u += 1;
                let mut i = Initiative::new(format!("u{next_u}"), title.to_string());
                i.done = done.then_some(today);
                o.initiatives.push(i);
            }
            data.objectives.push(o.into());
        };
    objective(
        "Expandera globalt",
        Kind::Committed,
        vec![
            (
                "Sälj för 100 miljoner",
                Measure::numeric(0.0, 100.0, "MSEK"),
                0.55,
            ),
            (
                "Nå 100 % ökning i EMEA år efter år",
                Measure::numeric(0.0, 100.0, "%"),
                0.4,
            ),
            (
                "Öka snittförsäljning med 30 % genom uppsäljning",
                Measure::numeric(0.0, 30.0, "%"),
                0.7,
            ),
        ],
        vec![],
    );
    objective(
        "Gör våra kunder glada",
        Kind::Committed,
        vec![
            (
                "Intervjua 20 kunder varje månad",
                Measure::numeric(0.0, 20.0, ""),
                0.8,
            ),
            (
                "Öka kundlojalitet till 98 %",
                Measure::at_least(98.0, 96.5, "%"),
                0.0,
            ),
            (
                "Nå produktengagemang till 80 % WAU",
                Measure::numeric(55.0, 80.0, "% WAU"),
                0.5,
            ),
        ],
        vec![],
    );
    objective(
        "Gör våra medarbetare glada",
        Kind::Personal,
        vec![
            (
                "Fira små vinster varje vecka",
                Measure::numeric(0.0, 13.0, "veckor"),
                0.6,
            ),
            (
                "Lansera en tvåvägs feedback-process",
                Measure::done(false),
                0.0,
            ),
            (
                "Uppnå 75 för nöjd medarbetarindex",
                Measure::numeric(60.0, 75.0, "NMI"),
                0.3,
            ),
        ],
        vec![],
    );
    objective(
        "Bli självförsörjande på el i Hjulsjö",
        Kind::Aspirational,
        vec![(
            "Producera 8 000 kWh solel per år",
            Measure::numeric(0.0, 8000.0, "kWh"),
            0.2,
        )],
        vec![(
            "Ta fram en plan för solpaneler och batteri på snickarboden före sommaren",
            true,
        )],
    );
    objective(
        "Spara ihop till ett buffertkonto inom 6 månader",
        Kind::Economic,
        vec![
            (
                "Starta en automatisk överföring till sparkonto och öka den varje månad",
                Measure::numeric(0.0, 6.0, "månader"),
                0.5,
            ),
            (
                "Sluta lägga pengar på onödiga utgifter",
                Measure::at_most(500.0, 420.0, "kr/mån"),
                0.0,
            ),
        ],
        vec![
            ("Gå igenom alla abonnemang", true),
            ("Sätt upp en budget i appen", false),
        ],
    );
    // Last week's check-in, so the streak and history have something to show.
    if let Some(last_week) = today.checked_sub_days(Days::new(7)) {
        let mut c = CheckIn::new(last_week);
        c.wins = "Två nya kunder i EMEA".into();
        checkin::upsert(&mut data.checkins, c);
    }
    data
}
