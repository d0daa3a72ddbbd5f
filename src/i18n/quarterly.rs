//! The shape of the quarterly words (the review's running-quarter note, a
//! carried Mål's origin, a key result's history before the carry, the
//! overview's charts); the words are in `sv.rs` and `en.rs`.

pub struct QuarterlyWords {
    /// Reviewing a running quarter: `2026 Q4 is still running: 36 days left`.
    pub still_running: fn(&str, i64) -> String,
    /// Reviewing a quarter that has not begun: `2027 Q1 has not started yet`.
    pub not_started: fn(&str) -> String,
    /// A carried Mål: `carried from 2026 Q3, quarter 2 in a row`.
    pub carried_from: fn(&str, usize) -> String,
    /// The same where the room is short: `↻ 2026 Q3, 2 in a row`.
    pub carried_short: fn(&str, usize) -> String,
    /// A history entry of the key result it was carried from.
    pub before_carry: &'static str,
    /// The chart's legend for those entries.
    pub legend_before: &'static str,
    /// The overview's second chart.
    pub checkins_per_quarter: &'static str,
}
