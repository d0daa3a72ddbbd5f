//! The English words of the commands for a shell user's day: `status`,
//! `list`, `update` and `import`.

use crate::i18n::{CommandWords, listed, plural};

pub const COMMANDS: CommandWords = CommandWords {
    checkin_waiting: |who, n, all| {
        let whose = who.map(|w| format!(" for {w}")).unwrap_or_default();
        format!(
            "check-in{whose}: {n} of {all} {} waiting",
            plural(all, "key result", "key results")
        )
    },
    progress_pace: |p, t| format!("progress {p} (pace {t})"),
    no_objectives: "no objectives this quarter",
    no_such_owner: |name, owners| {
        let them = if owners.is_empty() {
            ": no objective has an owner".to_string()
        } else {
            format!("; the owners are {}", listed(owners, "and"))
        };
        format!("nobody called “{name}” owns anything here{them}")
    },
    col_id: "id",
    nothing_listed: "No objectives to show.",
    open: "open",
    done_on: |d| format!("done {d}"),
    e_not_initiative_value: |t| {
        format!("'{t}' is not a value for an initiative; give done or open (klar or öppen)")
    },
    recorded_before_latest: |v, d, current, latest| {
        format!(
            "{v} recorded for {d}; the current value stays {current} (the latest by date, from {latest})"
        )
    },
    e_objective_given: |id, title, krs| {
        let which = if krs.is_empty() {
            "and it has none of its own yet".to_string()
        } else {
            format!("update one of them ({krs})")
        };
        format!(
            "{id} is an objective (“{title}”), not a key result: an objective's progress comes from its key results; {which}"
        )
    },
    counts: |o, k, u, c| {
        let mut parts = vec![
            format!("{o} {}", plural(o, "objective", "objectives")),
            format!("{k} {}", plural(k, "key result", "key results")),
            format!("{u} {}", plural(u, "initiative", "initiatives")),
        ];
        if c > 0 {
            parts.push(format!(
                "entries in {c} {}",
                plural(c, "check-in", "check-ins")
            ));
        }
        parts.join(", ")
    },
    would_add: |c| format!("Would add {c} (a dry run: nothing was written):"),
    added: |c, f| format!("Added {c} to {f}:"),
    columns_not_read: |c| format!("Columns not read: {c}"),
    at_cell: |f, r, c| format!("{f}, row {r}, column {c}"),
    at_item: |f, i| format!("{f}, {i}"),
    nothing_imported: "nothing was imported",
    i_nothing: "the file has no rows to import",
    i_no_title_column: "no column is called objective or mål, so no objective can be read",
    i_column_twice: |a, b| format!("the columns '{a}' and '{b}' mean the same"),
    i_no_column: "this cell has no column in the header",
    i_not_utf8: "it is not UTF-8 text (save the sheet as CSV UTF-8)",
    i_not_csv: |d| format!("it is not CSV okr can read ({d})"),
    i_not_export: |d| format!("it is not an export of okr ({d})"),
    i_empty_title: "the title is empty",
    i_control: "a title may not hold control characters (only line breaks and tabs)",
    i_kind: |t| {
        format!(
            "'{t}' is not a kind of objective; give committed, aspirational, personal or economic (hängiven, ambitiös, personlig, ekonomisk)"
        )
    },
    i_quarter: |t| format!("'{t}' is not a quarter or a year; write it like 2026-Q4 or 2027"),
    i_until: |t| {
        format!(
            "'{t}' is not a quarter; until is the last quarter the objective spans, like 2027-Q2"
        )
    },
    i_until_not_after: |q| format!("until must be a quarter after the objective's own ({q})"),
    i_span_too_long: |n, most| {
        format!("an objective spans at most {most} quarters, and this one would span {n}")
    },
    i_until_of_year: "a year's objective spans no quarters: leave until empty",
    i_year_starts: |theirs, ours| {
        format!(
            "the export's year starts in {theirs} and this file's in {ours}, so its quarters would mean other months; import it into a file whose year starts in {theirs}"
        )
    },
    i_fiscal_name: |t| {
        format!(
            "'{t}' belongs to a year that does not start in January, but this file's year does; import it into a file whose year starts in the same month as the sheet's"
        )
    },
    i_measure_type: |t| {
        format!("'{t}' is not a way to measure; give numeric, done, at_least or at_most")
    },
    i_status: |t| format!("'{t}' is not a status; give active, achieved, dropped or carried_over"),
    i_confidence: "confidence is a whole number 1–10",
    i_score: "the score is a number 0–1",
    i_weight: "the weight is a number above 0",
    i_needs_target: "a key result with a start needs a target",
    i_needs_level: "a key result kept at or above or below a level needs the level",
    i_done_value: |t| format!("'{t}' is neither done nor not done; give done or no (yes, 1 or 0)"),
    i_date: |t| format!("'{t}' is not a date; write it like 2026-11-24"),
    i_week: |t| format!("'{t}' is not an ISO week; write it like 2026-W48"),
    i_differs: |r| format!("it differs from row {r} of the same objective"),
    i_needs_key_result: "a check-in row needs a key result",
    i_duplicate_id: |id| format!("the id '{id}' is there twice"),
    i_link: |id| format!("'{id}' is not one of the objective's key results"),
};
