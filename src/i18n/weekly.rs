//! The shape of the weekly words (last week's plans beside this week's,
//! past check-ins, a week filled in afterwards, a skipped key result, the
//! banner of a check-in half done); the words are in `sv.rs` and `en.rs`.

/// The words of the weekly check-in's rhythm.
pub struct WeeklyWords {
    /// When my last check-in was: `Last week`, or `Last check-in 2026-11-02
    /// (3 weeks ago)` (weeks since, its date).
    pub last_checkin: fn(i64, &str) -> String,
    /// Above last week's next steps and blockers (weeks since, its date).
    pub planned: fn(i64, &str) -> String,
    /// Before a blocker among last week's plans.
    pub blocker: &'static str,
    /// A plan carried into this week's next steps or blockers.
    pub carried: fn(&str) -> String,
    /// A plan marked done, or not done again.
    pub marked_done: fn(&str) -> String,
    pub marked_open: fn(&str) -> String,
    /// The banner after a check-in half done: waiting, of all, the key.
    pub banner_partial: fn(usize, usize, &str) -> String,
    /// The past check-ins' title: the quarter, whose (empty: the file's).
    pub past_title: fn(&str, &str) -> String,
    /// A week without a check-in of mine, and the key that fills it in.
    pub missing: fn(&str) -> String,
    /// A period of holiday weeks without a check-in.
    pub holiday: &'static str,
    pub this_week: &'static str,
    /// How many key results a check-in has an entry for.
    pub key_results: fn(usize) -> String,
    /// The pulse's mean, as a number.
    pub pulse_mean: fn(&str) -> String,
    /// One week's check-in: the week and its date.
    pub week_title: fn(&str, &str) -> String,
    /// A key result's line in a past check-in, after its value: the
    /// change from the week before, confidence.
    pub skipped: &'static str,
    pub no_entries: &'static str,
    /// A line of the next steps or blockers marked done since.
    pub done: &'static str,
    /// A check-in made for a week after it: dated that week's day.
    pub dated: fn(&str) -> String,
    /// `c` on an earlier week that has my check-in: the week, the key that shows it.
    pub has_checkin: fn(&str, &str) -> String,
    /// The summary: key results skipped this week.
    pub skipped_title: &'static str,
    /// Nothing in the window: `No weeks in this quarter yet.`
    pub no_weeks: &'static str,
    /// A missed week whose day came before every key result: that day.
    pub none_then: fn(&str) -> String,
    /// The check-in's title on a file with owners: the week, whose it is.
    pub checkin_for: fn(&str, &str) -> String,
    /// The summary of a check-in for someone else whose pulse is not rated:
    /// whose it is, the key that rates it now.
    pub pulse_left: fn(&str, &str) -> String,
}
