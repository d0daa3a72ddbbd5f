//! A file for the year tests: a Mål of the year 2026 without key results
//! (`o1`), served by a Mål of 2026 Q3 (`o2`, half way), one spanning
//! Q3–Q4 (`o3`, done) and one of Q4 (`o4`, a fifth of the way); a Q4 Mål
//! serving nothing (`o5`); and three check-ins of the year.

use chrono::{TimeZone, Utc};
use okr::model::{CheckIn, Data, KeyResult, Kind, Measure, Objective, Quarter};

use super::date;

pub const YEAR_MAL: &str = "Växa hållbart";
pub const Q3_MAL: &str = "Lansera appen";
pub const SPANNING_MAL: &str = "Nöjdare kunder";
pub const Q4_MAL: &str = "Sänk kostnaderna";
pub const ALONE_MAL: &str = "Städa lagret";

/// The year's file (see the module's words); today (2026-11-24) is in it.
pub fn year_data() -> Data {
    let now = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let q = |n| Quarter::new(2026, n).unwrap();
    let mut data = Data::default();
    let mut add = |id: &str, title: &str, quarter: Quarter, reach: Option<f64>| {
        let mut o = Objective::new(id.into(), title.into(), Kind::Committed, quarter, now);
        if let Some(r) = reach {
            let mut k = KeyResult::new(
                format!("kr{}", &id[1..]),
                format!("Mät {title}"),
                Measure::numeric(0.0, 10.0, ""),
            );
            k.record(date(2026, 7, 1), 10.0 * r, Some(7), String::new(), None);
            o.key_results.push(k);
        }
        if id != "o1" && id != "o5" {
            o.parent = Some("o1".into());
        }
        data.objectives.push(o.into());
    };
    add("o1", YEAR_MAL, Quarter::year(2026).unwrap(), None);
    add("o2", Q3_MAL, q(3), Some(0.5));
    add("o3", SPANNING_MAL, q(3), Some(1.0));
    add("o4", Q4_MAL, q(4), Some(0.2));
    add("o5", ALONE_MAL, q(4), Some(0.8));
    data.objective_mut(2).unwrap().until = Some(q(4));
    data.checkins = [date(2026, 3, 2), date(2026, 8, 17), date(2026, 11, 16)]
        .into_iter()
        .map(|d| CheckIn::new(d).into())
        .collect();
    data
}

/// [`year_data`] as the file okr writes.
pub fn year_file() -> String {
    String::from_utf8(okr::store::format::serialize(&year_data()).unwrap()).unwrap()
}
