//! The weekly rhythm's words in English: last week's plans, past check-ins,
//! a week filled in afterwards.

use crate::i18n::{WeeklyWords, plural};

pub const WEEKLY: WeeklyWords = WeeklyWords {
    last_checkin: |n, d| {
        if n <= 1 {
            "Last week".to_string()
        } else {
            format!("Last check-in {d} ({n} weeks ago)")
        }
    },
    planned: |n, d| {
        if n <= 1 {
            "Last week you planned:".to_string()
        } else {
            format!("At your last check-in, {d} ({n} weeks ago), you planned:")
        }
    },
    blocker: "blocker",
    carried: |t| format!("“{t}” is carried into this week."),
    marked_done: |t| format!("“{t}” is marked done."),
    marked_open: |t| format!("“{t}” is open again."),
    banner_partial: |n, all, c| {
        format!(
            "{n} of {all} {} waiting — press {c} to go on",
            plural(all, "key result", "key results")
        )
    },
    past_title: |q, who| {
        if who.is_empty() {
            format!("Past check-ins · {q}")
        } else {
            format!("Past check-ins · {q} · {who}")
        }
    },
    missing: |c| format!("no check-in — {c} fills it in"),
    holiday: "holiday: nothing was due",
    this_week: "this week",
    key_results: |n| format!("{n} {}", plural(n, "key result", "key results")),
    pulse_mean: |m| format!("pulse {m}"),
    week_title: |w, d| format!("Check-in {w} · {d}"),
    skipped: "skipped",
    no_entries: "No key results in this check-in.",
    done: "done",
    dated: |d| format!("dated {d}"),
    has_checkin: |w, open| format!("{w} has your check-in already: {open} shows it."),
    skipped_title: "Skipped this week",
    no_weeks: "No weeks of this quarter have come yet.",
    none_then: |d| {
        format!("No key results were there yet on {d}: nothing to check in for that week.")
    },
    checkin_for: |w, who| format!("Check-in for {who} · {w}"),
    pulse_left: |who, p| format!("The team pulse is left to {who} — press {p} to rate it now."),
};
