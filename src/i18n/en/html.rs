//! The English words of an HTML report.

use crate::i18n::HtmlWords;

pub const HTML: HtmlWords = HtmlWords {
    as_of: |d| format!("As of {d}"),
    chart: |n, first, last| match n {
        1 => format!("History: 1 value, {last}"),
        n => format!("History: {n} values, from {first} to {last}"),
    },
    bar: |p, pace| format!("Progress {p}, pace {pace}"),
    latest: "Latest",
};
