//! The shape of the words of `okr refresh` and of the config file's
//! `[refresh]` section (the tables are in `sv/refresh.rs` and
//! `en/refresh.rs`).

/// The words of key results that measure themselves.
pub struct RefreshWords {
    /// The note of a value `okr refresh` recorded.
    pub note: &'static str,
    /// What the mark of a key result that measures itself stands for, in
    /// the key result view's legend.
    pub measured: &'static str,
    /// After a line of `--dry-run`: nothing was saved.
    pub not_saved: &'static str,
    /// No key result measures itself: the config file's path.
    pub e_nothing: fn(&str) -> String,
    /// The data file is not there: its path.
    pub e_no_file: fn(&str) -> String,
    /// What the command printed is not one number: the id, what it printed.
    pub f_not_a_number: fn(&str, &str) -> String,
    /// The command printed nothing: the id.
    pub f_nothing_printed: fn(&str) -> String,
    /// A done / not done key result given another number: the id, the number.
    pub f_not_done_value: fn(&str, &str) -> String,
    /// The command did not end well: the id, the program, what happened.
    pub f_command: fn(&str, &str, &str) -> String,
    /// After a command stopped at its time limit: how to give it more.
    pub f_more_time: &'static str,
    /// An id of `[refresh]` that names no key result: the id, the data file.
    pub f_unknown_entry: fn(&str, &str) -> String,
    /// An id given on the command line that names no key result: the id,
    /// the data file.
    pub f_no_such: fn(&str, &str) -> String,
    /// An id that begins more than one key result's: the id, some of them.
    pub f_ambiguous: fn(&str, &str) -> String,
    /// A key result given on the command line without a command: the id,
    /// the config file.
    pub f_not_measured: fn(&str, &str) -> String,
    /// A key result that two entries name: its id, the two entries.
    pub f_twice: fn(&str, &str, &str) -> String,
    /// A key result gone from the file while its command ran: the id, the file.
    pub f_gone: fn(&str, &str) -> String,
    /// `[refresh]` is not a table.
    pub c_not_table: &'static str,
    /// An entry that is one text.
    pub c_text: &'static str,
    pub c_not_command: &'static str,
    pub c_empty: &'static str,
    pub c_not_words: &'static str,
    pub c_nul: &'static str,
    pub c_one_of: &'static str,
    /// A name an entry's table may not hold.
    pub c_unknown: fn(&str) -> String,
    pub c_shell_not_text: &'static str,
    /// `seconds` out of range: the least, the most, what was written.
    pub c_seconds: fn(u64, u64, &str) -> String,
}
