//! The English words of a key result's own view, search, Uppgifter with owners and due dates.

use crate::i18n::{DailyWords, counted, listed, plural};

pub const DAILY: DailyWords = DailyWords {
    key_result: "Key result",
    in_objective: |o, q| format!("in {o} ({q})"),
    history: "History",
    no_history: |v| format!("No values recorded yet: press {v}."),
    legend_value: "value",
    legend_recorded: "recorded",
    legend_ideal: "ideal pace",
    legend_today: "today",
    legend_level: "level",
    legend_forecast: "at this rate",
    forecast: |v, p, d| format!("at this rate: {v} ({p}) by {d}"),
    entry: |date, value| format!("{date}: {value}"),
    correct_entry: "Correct the entry",
    checkin_too: |w, v| {
        format!("The check-in of {w} has the same value ({v}). Correct the check-in too?")
    },
    no_entry: "There is no history entry yet.",
    f_step: "Step (+/-)",
    err_step: "The step is a number above 0.",
    f_due: "Due (YYYY-MM-DD)",
    err_due: "Write the date as YYYY-MM-DD, e.g. 2026-12-15.",
    due: |d| format!("due {d}"),
    overdue: |d| format!("overdue (due {d})"),
    next_due: |d, t| format!("next: {d} {t}"),
    next_overdue: |d, t| format!("overdue: {d} {t}"),
    stale_count: |n| format!("{n} stale"),
    confirm_delete_with: |t, w| format!("Delete “{t}” with its {w}?"),
    goes_with: |k, i, h| {
        listed(
            &counted([
                (k, "key result", "key results"),
                (i, "initiative", "initiatives"),
                (h, "history entry", "history entries"),
            ]),
            "and",
        )
    },
    search_title: "Search",
    matches: |n, more| {
        if more {
            format!("more than {n} matches: type more")
        } else {
            format!("{n} {}", plural(n, "match", "matches"))
        }
    },
    no_matches: "No matches.",
    found_objective: "Objective",
    found_why: "Why",
    found_key_result: "Key result",
    found_initiative: "Initiative",
    found_note: "Note",
    match_of: |i, n, next, prev| format!("Match {i} of {n} ({next} next, {prev} previous)."),
    no_search: |k| format!("No search yet: press {k} to search."),
    matches_gone: "None of the matches is there any more.",
};
