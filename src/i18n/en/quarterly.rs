//! The English words of the review's numbers and notes, carried Mål, the overview's charts.

use crate::i18n::QuarterlyWords;

pub const QUARTERLY: QuarterlyWords = QuarterlyWords {
    still_running: |q, n| match n {
        0 => format!("{q} is still running: today is its last day"),
        1 => format!("{q} is still running: 1 day left"),
        n => format!("{q} is still running: {n} days left"),
    },
    not_started: |q| format!("{q} has not started yet"),
    carried_from: |q, n| format!("carried from {q}, quarter {n} in a row"),
    carried_short: |q, n| format!("↻ {q}, {n} in a row"),
    before_carry: "(before the carry)",
    legend_before: "before the carry",
    checkins_per_quarter: "Check-ins per quarter",
};
