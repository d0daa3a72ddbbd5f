//! The shape of the daily words (a key result's view, search, Uppgifter's
//! owner and due date, what a delete takes along) and the helpers that word
//! their counts; the words are in `sv.rs` and `en.rs`.

use chrono::NaiveDate;

use super::Strings;
use crate::model::Measure;
use crate::model::forecast::Forecast;

/// The words of the daily work: a key result's own view, its history,
/// search, the step of `+`/`-`, Uppgifter's owner and due date, stale key
/// results in the quarter view, and what a delete takes along.
pub struct DailyWords {
    /// The key result view's title: `Key result · kr1`.
    pub key_result: &'static str,
    /// Under a Mål: `in Expandera globalt (2026 Q4)`.
    pub in_objective: fn(&str, &str) -> String,
    pub history: &'static str,
    pub no_history: fn(&str) -> String,
    /// The chart's legend: what each marker draws.
    pub legend_value: &'static str,
    pub legend_recorded: &'static str,
    pub legend_ideal: &'static str,
    pub legend_today: &'static str,
    pub legend_level: &'static str,
    /// The line from the latest value to where its recent history leads.
    pub legend_forecast: &'static str,
    /// A forecast: the value with its unit, the progress it would mean, the
    /// day it is for (`at this rate: 91 MSEK (91%) by 2026-12-31`).
    pub forecast: fn(&str, &str, NaiveDate) -> String,
    /// A history entry named in a question or a message: date and value.
    pub entry: fn(&str, &str) -> String,
    pub correct_entry: &'static str,
    /// A corrected latest entry whose value the week's check-in holds too:
    /// the week, the value as it was.
    pub checkin_too: fn(&str, &str) -> String,
    pub no_entry: &'static str,
    pub f_step: &'static str,
    pub err_step: &'static str,
    pub f_due: &'static str,
    pub err_due: &'static str,
    /// An Uppgift's due date: `due 2026-12-01`.
    pub due: fn(&str) -> String,
    /// Not done and due before today: `overdue since 2026-11-20`.
    pub overdue: fn(&str) -> String,
    /// A Mål's next Uppgift due: `next: 2026-12-01 Title`.
    pub next_due: fn(&str, &str) -> String,
    /// Its next Uppgift, overdue: `overdue: 2026-11-20 Title`.
    pub next_overdue: fn(&str, &str) -> String,
    /// How many of a Mål's key results are stale.
    pub stale_count: fn(usize) -> String,
    /// The delete question with what goes along.
    pub confirm_delete_with: fn(&str, &str) -> String,
    /// What goes with a deleted item: key results, Uppgifter, history
    /// entries (only those there are).
    pub goes_with: fn(usize, usize, usize) -> String,
    pub search_title: &'static str,
    pub matches: fn(usize, bool) -> String,
    pub no_matches: &'static str,
    pub found_objective: &'static str,
    pub found_why: &'static str,
    pub found_key_result: &'static str,
    pub found_initiative: &'static str,
    pub found_note: &'static str,
    /// After a jump: `Match 3 of 12 (n next, N previous)`.
    pub match_of: fn(usize, usize, &str, &str) -> String,
    pub no_search: fn(&str) -> String,
    pub matches_gone: &'static str,
}

impl Strings {
    /// A key result's forecast in words, its value and progress in this
    /// language's convention: `i den här takten: 91\u{a0}MSEK (91\u{a0}%) den 31 dec`.
    pub fn forecast(&self, m: &Measure, f: &Forecast) -> String {
        let value = self.with_unit(&self.num(f.value), m.unit());
        (self.daily.forecast)(&value, &self.percent(f.progress), f.date)
    }
}

/// Words in a list, the last two joined by `and`: `a, b and c`.
pub fn listed(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The parts of a count of key results, Uppgifter and history entries
/// that are not zero, each with its word: `(n, one, many)`.
pub fn counted(parts: [(usize, &str, &str); 3]) -> Vec<String> {
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect()
}
