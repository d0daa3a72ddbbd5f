//! The words of the commands for a shell user's day: `status`, `list`,
//! `update` and `import` (the tables are in `sv/commands.rs` and `en/commands.rs`).

/// The words of `okr status`, `okr list`, `okr update` and `okr import`.
pub struct CommandWords {
    /// `okr status`: whose check-in (when the file has owners), and how
    /// many of how many key results wait for it.
    pub checkin_waiting: fn(Option<&str>, usize, usize) -> String,
    /// `okr status`: the quarter's progress and its pace, both as percentages.
    pub progress_pace: fn(&str, &str) -> String,
    /// `okr status` on a quarter without Mål (of the owner asked for).
    pub no_objectives: &'static str,
    /// `okr status --owner NAME` when no Mål of the file is NAME's: the
    /// name, and the file's owners (none when no Mål has one).
    pub no_such_owner: fn(&str, &[String]) -> String,
    /// `okr list`: the heading of the id column.
    pub col_id: &'static str,
    /// `okr list` with nothing to show in the quarters asked for.
    pub nothing_listed: &'static str,
    /// An Uppgift not done yet.
    pub open: &'static str,
    /// An Uppgift done on a date.
    pub done_on: fn(&str) -> String,
    pub e_not_initiative_value: fn(&str) -> String,
    /// `okr update` of a date before the key result's latest entry: the value
    /// recorded, its date, the current value that stays, and its date.
    pub recorded_before_latest: fn(&str, &str, &str, &str) -> String,
    /// `okr update` given a Mål's id: the id, its title, its key results' ids
    /// (empty when it has none).
    pub e_objective_given: fn(&str, &str, &str) -> String,
    /// `okr import`: how much, as a phrase (Mål, key results, Uppgifter, check-in weeks).
    pub counts: fn(usize, usize, usize, usize) -> String,
    /// `--dry-run`: the counts, and that nothing was written.
    pub would_add: fn(&str) -> String,
    /// The counts and the file they went to.
    pub added: fn(&str, &str) -> String,
    /// The columns of the header okr does not read.
    pub columns_not_read: fn(&str) -> String,
    /// A cell's place: the file, the row as a spreadsheet numbers it, the column.
    pub at_cell: fn(&str, usize, &str) -> String,
    /// A place in a JSON file: the file and the item (`objectives[2].title`).
    pub at_item: fn(&str, &str) -> String,
    pub nothing_imported: &'static str,
    pub i_nothing: &'static str,
    pub i_no_title_column: &'static str,
    pub i_column_twice: fn(&str, &str) -> String,
    pub i_no_column: &'static str,
    pub i_not_utf8: &'static str,
    pub i_not_csv: fn(&str) -> String,
    pub i_not_export: fn(&str) -> String,
    pub i_empty_title: &'static str,
    pub i_control: &'static str,
    pub i_kind: fn(&str) -> String,
    pub i_quarter: fn(&str) -> String,
    /// `until` is no quarter (a year, or not a quarter at all).
    pub i_until: fn(&str) -> String,
    /// `until` is not after the Mål's own quarter (its name).
    pub i_until_not_after: fn(&str) -> String,
    /// The span is too long: how many quarters, and the most.
    pub i_span_too_long: fn(usize, usize) -> String,
    /// `until` given for a year's Mål.
    pub i_until_of_year: &'static str,
    /// The export's year starts in another month than the file's: theirs, ours.
    pub i_year_starts: fn(&str, &str) -> String,
    /// A quarter named `FY…` imported into a file whose year starts in January.
    pub i_fiscal_name: fn(&str) -> String,
    pub i_measure_type: fn(&str) -> String,
    pub i_status: fn(&str) -> String,
    pub i_confidence: &'static str,
    pub i_score: &'static str,
    pub i_weight: &'static str,
    pub i_needs_target: &'static str,
    pub i_needs_level: &'static str,
    pub i_done_value: fn(&str) -> String,
    pub i_date: fn(&str) -> String,
    pub i_week: fn(&str) -> String,
    /// A Mål's field given differently on two rows of the same Mål.
    pub i_differs: fn(usize) -> String,
    pub i_needs_key_result: &'static str,
    pub i_duplicate_id: fn(&str) -> String,
    pub i_link: fn(&str) -> String,
}
