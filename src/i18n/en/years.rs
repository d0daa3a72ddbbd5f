//! The English words of years, a team's own (fiscal) year and Mål spanning
//! quarters.

use crate::i18n::YearWords;

pub const YEARS: YearWords = YearWords {
    year: "Year",
    no_objectives: "No objectives for the year.",
    of_year_passed: "of the year has passed",
    spans: |q| format!("over {q}"),
    continues: |q| format!("continues until {q}: scored then"),
    checkins: |done, of| format!("Check-ins in the year: {done} of {of}"),
    empty: |year, a| {
        format!(
            "No objectives for {year} yet. Press {a} to add one for the year; the quarters' objectives can then align under it."
        )
    },
    review_title: |y| format!("Year review {y}"),
    to_quarter: "quarter view",
    prev_year: "previous year",
    next_year: "next year",
    review: "year review",
    f_until: "Until (quarter)",
    err_until: |q, e| format!("write a quarter after {q}, e.g. {e}"),
    err_too_long: |n| format!("an objective can span at most {n} quarters"),
    f_fiscal_start: "Year starts in · the team's",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    cannot_move_year: |m, y| {
        format!(
            "The year cannot start in {m}: the objectives of {y} would get other days. While there are objectives for a year, the year starts where it starts now."
        )
    },
    carry_to: |q| format!("Carry over to {q}"),
    fiscal_set: |m| format!("The year now starts in {m}."),
    relabelled: |m, what| {
        format!("The year now starts in {m}. New names: {what}. A copy of the file was kept first.")
    },
    cannot_move: |m, q| {
        format!(
            "The year cannot start in {m}: {q} would fall into two quarters. Choose a month three, six or nine months from the current one, or move the objectives first."
        )
    },
};
