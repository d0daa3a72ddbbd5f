//! The Swedish words of the review's numbers and notes, carried Mål, the overview's charts.

use crate::i18n::QuarterlyWords;

pub const QUARTERLY: QuarterlyWords = QuarterlyWords {
    still_running: |q, n| match n {
        0 => format!("{q} pågår fortfarande: i dag är sista dagen"),
        1 => format!("{q} pågår fortfarande: 1 dag kvar"),
        n => format!("{q} pågår fortfarande: {n} dagar kvar"),
    },
    not_started: |q| format!("{q} har inte börjat än"),
    carried_from: |q, n| format!("överflyttat från {q} · {n} kvartal i rad"),
    carried_short: |q, n| format!("↻ {q}, {n} i rad"),
    before_carry: "(före överflyttningen)",
    legend_before: "före överflyttningen",
    checkins_per_quarter: "Incheckningar per kvartal",
};
