//! The Swedish words of an HTML report.

use crate::i18n::HtmlWords;

pub const HTML: HtmlWords = HtmlWords {
    as_of: |d| format!("Läget per {d}"),
    chart: |n, first, last| match n {
        1 => format!("Historik: 1 värde, {last}"),
        n => format!("Historik: {n} värden, från {first} till {last}"),
    },
    bar: |p, pace| format!("Framsteg {p}, takt {pace}"),
    latest: "Senast",
};
