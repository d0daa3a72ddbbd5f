//! The shape of the words of years, a team's own year and Mål spanning
//! quarters; the words are in `sv/years.rs` and `en/years.rs`.

pub struct YearWords {
    /// The word before a year's name in headings: `År 2027`.
    pub year: &'static str,
    /// A report of a year without Mål of its own.
    pub no_objectives: &'static str,
    /// The year view's gauge: how much of the year has passed.
    pub of_year_passed: &'static str,
    /// A Mål spanning quarters, in a list: `2027 Q1–Q2`.
    pub spans: fn(&str) -> String,
    /// A spanning Mål in the review of a quarter before its last one.
    pub continues: fn(&str) -> String,
    /// The year view's line of check-ins: done, of how many periods so far.
    pub checkins: fn(usize, usize) -> String,
    /// The year view with no Mål of the year.
    pub empty: fn(&str, &str) -> String,
    /// The year review's heading: `Årsgenomgång 2027`.
    pub review_title: fn(&str) -> String,
    /// What keys of the quarter view do in the year view (the help and the
    /// footer name them so): `y` goes back to a quarter, `[` `]` move by
    /// year, `r` reviews the year.
    pub to_quarter: &'static str,
    pub prev_year: &'static str,
    pub next_year: &'static str,
    pub review: &'static str,
    /// The Mål form's field of the last quarter it spans.
    pub f_until: &'static str,
    /// The last quarter is not a quarter after the first (the first, and
    /// the quarter after it as an example).
    pub err_until: fn(&str, &str) -> String,
    /// The last quarter is too far.
    pub err_too_long: fn(usize) -> String,
    /// The settings field of the month the year starts.
    pub f_fiscal_start: &'static str,
    /// The twelve months' names.
    pub months: [&'static str; 12],
    /// The start month changed in a file without Mål.
    pub fiscal_set: fn(&str) -> String,
    /// The start month changed and the quarters relabelled: `2026 Q4 → FY2027 Q2 (3 Mål)`.
    pub relabelled: fn(&str, &str) -> String,
    /// The start month cannot change: the quarters would move.
    pub cannot_move: fn(&str, &str) -> String,
    /// The start month cannot change: a year's Mål would get other days.
    pub cannot_move_year: fn(&str, &str) -> String,
    /// The carry dialog's title for a year's Mål: `Carry over to 2028`.
    pub carry_to: fn(&str) -> String,
}

impl super::Strings {
    /// What a report of `q` says without Mål: a quarter's words or a year's.
    pub fn no_objectives_in(&self, q: crate::model::Quarter) -> &'static str {
        if q.is_year() {
            self.years.no_objectives
        } else {
            self.no_objectives
        }
    }

    /// The word before a quarter's or a year's name in a heading:
    /// `Kvartal 2026 Q4`, `År 2027`.
    pub fn period_word(&self, q: crate::model::Quarter) -> &'static str {
        if q.is_year() {
            self.years.year
        } else {
            self.quarter
        }
    }
}
