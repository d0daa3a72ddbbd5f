//! The OKR model of PRODUCT.md section 4: plain data and pure functions over it.
//! No I/O and no terminal here; "today" is always passed in.

pub mod align;
pub mod author;
pub mod cadence;
pub mod carry;
pub mod changes;
pub mod checkin;
pub mod conflict;
pub mod data;
pub(crate) mod de;
pub mod digest;
pub mod fiscal;
pub mod forecast;
mod history;
pub mod ids;
pub mod measure;
pub mod merge;
pub mod number;
pub mod numbers;
pub mod objective;
pub mod overview;
pub mod owners;
pub mod progress;
pub mod quarter;
pub mod review;
pub mod schema;
pub mod search;
pub mod settings;
pub mod step;
pub mod term;
pub mod validate;
pub mod week;
pub mod weekly;

pub use checkin::{CheckIn, CheckInEntry, Pulse};
pub use conflict::Conflict;
pub use data::{Data, FORMAT_VERSION, KrPos, Lang, Settings};
pub use objective::{
    Binary, Extra, HistoryEntry, Initiative, KeyResult, Kind, Level, Measure, MeasureKind,
    MeasureParts, Numeric, Objective, Retro, Status,
};
pub use quarter::{Dates, FiscalYear, Quarter};
pub use step::Step;
pub use week::IsoWeek;

/// The current time to the second, as created/updated times are stored.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(0)
}
