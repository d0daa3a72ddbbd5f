//! `okr demo`: the example OKRs from the team's notes (PRODUCT.md section 8),
//! placed in today's quarter with a few weeks of history, in a temporary file,
//! in the language the demo speaks.

use chrono::{Days, NaiveDate};

use crate::model::{
    CheckIn, Data, Initiative, KeyResult, Kind, Lang, Measure, Objective, Quarter, checkin,
};

/// The example store in Swedish, the notes' own words, dated around `today`.
pub fn example(today: NaiveDate) -> Data {
    example_in(today, Lang::Sv)
}

/// The example store in `lang`, dated around `today`: the same OKRs and
/// numbers in either language.
pub fn example_in(today: NaiveDate, lang: Lang) -> Data {
    let t = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    let fy = crate::model::FiscalYear::CALENDAR;
    let quarter = Quarter::of(today, fy);
    let now = crate::model::now();
    let mut data = Data::default();
    let mut next_kr = 0;
    let mut next_u = 0;
    let weeks = ((today - quarter.first_day(fy)).num_days() / 7).clamp(0, 12) as u64;
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
        t.expand,
        Kind::Committed,
        vec![
            (t.sell, Measure::numeric(0.0, 100.0, "MSEK"), 0.55),
            (t.emea, Measure::numeric(0.0, 100.0, "%"), 0.4),
            (t.upsell, Measure::numeric(0.0, 30.0, "%"), 0.7),
        ],
        vec![],
    );
    objective(
        t.customers,
        Kind::Committed,
        vec![
            (t.interview, Measure::numeric(0.0, 20.0, ""), 0.8),
            (t.loyalty, Measure::at_least(98.0, 96.5, "%"), 0.0),
            (t.engagement, Measure::numeric(55.0, 80.0, "% WAU"), 0.5),
        ],
        vec![],
    );
    objective(
        t.people,
        Kind::Personal,
        vec![
            (t.wins, Measure::numeric(0.0, 13.0, t.weeks), 0.6),
            (t.feedback, Measure::done(false), 0.0),
            (t.index, Measure::numeric(60.0, 75.0, t.index_unit), 0.3),
        ],
        vec![],
    );
    objective(
        t.power,
        Kind::Aspirational,
        vec![(t.solar, Measure::numeric(0.0, 8000.0, "kWh"), 0.2)],
        vec![(t.plan, true)],
    );
    objective(
        t.save,
        Kind::Economic,
        vec![
            (t.transfer, Measure::numeric(0.0, 6.0, t.months), 0.5),
            (t.spending, Measure::at_most(500.0, 420.0, t.per_month), 0.0),
        ],
        vec![(t.subscriptions, true), (t.budget, false)],
    );
    // Last week's check-in, so the streak and history have something to show.
    if let Some(last_week) = today.checked_sub_days(Days::new(7)) {
        let mut c = CheckIn::new(last_week);
        c.wins = t.checkin_wins.into();
        checkin::upsert(&mut data.checkins, c);
    }
    data
}

/// The example's words in one language.
struct Words {
    expand: &'static str,
    sell: &'static str,
    emea: &'static str,
    upsell: &'static str,
    customers: &'static str,
    interview: &'static str,
    loyalty: &'static str,
    engagement: &'static str,
    people: &'static str,
    wins: &'static str,
    weeks: &'static str,
    feedback: &'static str,
    index: &'static str,
    index_unit: &'static str,
    power: &'static str,
    solar: &'static str,
    plan: &'static str,
    save: &'static str,
    transfer: &'static str,
    months: &'static str,
    spending: &'static str,
    per_month: &'static str,
    subscriptions: &'static str,
    budget: &'static str,
    checkin_wins: &'static str,
}

/// The notes' own words.
const SV: Words = Words {
    expand: "Expandera globalt",
    sell: "Sälj för 100 miljoner",
    emea: "Nå 100 % ökning i EMEA år efter år",
    upsell: "Öka snittförsäljning med 30 % genom uppsäljning",
    customers: "Gör våra kunder glada",
    interview: "Intervjua 20 kunder varje månad",
    loyalty: "Öka kundlojalitet till 98 %",
    engagement: "Nå produktengagemang till 80 % WAU",
    people: "Gör våra medarbetare glada",
    wins: "Fira små vinster varje vecka",
    weeks: "veckor",
    feedback: "Lansera en tvåvägs feedback-process",
    index: "Uppnå 75 för nöjd medarbetarindex",
    index_unit: "NMI",
    power: "Bli självförsörjande på el i Hjulsjö",
    solar: "Producera 8 000 kWh solel per år",
    plan: "Ta fram en plan för solpaneler och batteri på snickarboden före sommaren",
    save: "Spara ihop till ett buffertkonto inom 6 månader",
    transfer: "Starta en automatisk överföring till sparkonto och öka den varje månad",
    months: "månader",
    spending: "Sluta lägga pengar på onödiga utgifter",
    per_month: "kr/mån",
    subscriptions: "Gå igenom alla abonnemang",
    budget: "Sätt upp en budget i appen",
    checkin_wins: "Två nya kunder i EMEA",
};

/// The same OKRs as an English-speaking team writes them.
const EN: Words = Words {
    expand: "Expand globally",
    sell: "Sell for 100 million",
    emea: "Reach 100% year-on-year growth in EMEA",
    upsell: "Raise the average sale by 30% through upselling",
    customers: "Make our customers happy",
    interview: "Interview 20 customers every month",
    loyalty: "Raise customer loyalty to 98%",
    engagement: "Reach 80% WAU product engagement",
    people: "Make our people happy",
    wins: "Celebrate small wins every week",
    weeks: "weeks",
    feedback: "Launch a two-way feedback process",
    index: "Reach 75 on the employee satisfaction index",
    index_unit: "ESI",
    power: "Become self-sufficient in electricity in Hjulsjö",
    solar: "Produce 8,000 kWh of solar power a year",
    plan: "Draw up a plan for solar panels and a battery on the workshop before summer",
    save: "Save up a buffer fund within 6 months",
    transfer: "Start an automatic transfer to a savings account and raise it every month",
    months: "months",
    spending: "Stop spending money on things we do not need",
    per_month: "SEK/month",
    subscriptions: "Go through every subscription",
    budget: "Set up a budget in the app",
    checkin_wins: "Two new customers in EMEA",
};
