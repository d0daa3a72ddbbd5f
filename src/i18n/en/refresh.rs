//! The English words of `okr refresh` and the config file's `[refresh]`.

use crate::i18n::refresh::RefreshWords;

pub const REFRESH: RefreshWords = RefreshWords {
    note: "measured automatically",
    measured: "okr refresh",
    not_saved: "(--dry-run: not saved)",
    e_nothing: |p| {
        format!(
            "no key result is measured automatically: add their commands under [refresh] in {p} (see docs/team.md)"
        )
    },
    e_no_file: |p| {
        format!(
            "{p} does not exist, so there is no key result to measure; okr refresh records in an existing file (see okr path)"
        )
    },
    f_not_a_number: |id, t| {
        format!(
            "{id}: the command printed '{t}', which is not a number; it must print one number with a point before the decimals and no grouping, like 12.5 or 1500"
        )
    },
    f_nothing_printed: |id| {
        format!("{id}: the command printed nothing; it must print one number, like 12.5 or 1500")
    },
    f_not_done_value: |id, t| {
        format!(
            "{id} is done or not done: the command must print 1 (done) or 0 (not done), not '{t}'"
        )
    },
    f_command: |id, program, what| format!("{id}: the command {program} did not end well: {what}"),
    f_more_time: "OKR_REFRESH_SECONDS or seconds under [refresh] gives it more time",
    f_unknown_entry: |id, p| {
        format!("[refresh] names '{id}', but there is no key result with that id in {p}")
    },
    f_no_such: |id, p| {
        format!("there is no key result with the id '{id}' in {p}; okr list shows the ids")
    },
    f_ambiguous: |id, some| {
        format!(
            "'{id}' is the beginning of more than one key result's id ({some}); type more of it"
        )
    },
    f_not_measured: |id, p| {
        format!("{id} is not measured automatically: give it a command under [refresh] in {p}")
    },
    f_twice: |id, a, b| {
        format!("{id} has two commands under [refresh] ('{a}' and '{b}'); only the first runs")
    },
    f_gone: |id, p| {
        format!("{id} was deleted from {p} while its command ran; nothing was recorded for it")
    },
    c_not_table: "[refresh] must be a table with a command for each key result's id",
    c_text: "a command is written as a list of the program and its arguments, like [\"gh\", \"issue\", \"list\"], or as { shell = \"…\" } to be run by sh",
    c_not_command: "a command must be a list of the program and its arguments, or { shell = \"…\" }",
    c_empty: "the command is empty: write the program first, then its arguments",
    c_not_words: "each word of the command must be a text in quotes",
    c_nul: "the command holds a NUL character, which no program can be given",
    c_one_of: "write either command = [ … ] or shell = \"…\", one of them",
    c_unknown: |n| {
        format!("'{n}' does not belong here; a command may have command, shell and seconds")
    },
    c_shell_not_text: "shell must be a text in quotes",
    c_seconds: |lo, hi, v| format!("seconds must be a whole number from {lo} to {hi}, not {v}"),
};
