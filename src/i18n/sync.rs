//! The words of `okr sync` (PRODUCT.md section 12): its set-up, the commit
//! message it writes, what it says it did, and why it refused or stopped
//! (the tables are in `sv/sync.rs` and `en/sync.rs`).

/// The words of `okr sync`.
pub struct SyncWords {
    // The commit message's parts.
    /// Who checked in (several joined), and the weeks.
    pub checked_in: fn(&str, &str) -> String,
    /// A check-in of a file without owners: the weeks.
    pub checkin_of: fn(&str) -> String,
    pub values: fn(usize) -> String,
    pub new_objectives: fn(usize) -> String,
    pub removed_objectives: fn(usize) -> String,
    pub new_key_results: fn(usize) -> String,
    pub removed_key_results: fn(usize) -> String,
    pub changed_objectives: fn(usize) -> String,
    pub resolved: fn(usize) -> String,
    pub settings: &'static str,
    /// What changed, and who changed it.
    pub by: fn(&str, &str) -> String,
    /// The word between the last two of a list of names.
    pub and: &'static str,
    /// A name and how many more.
    pub and_more: fn(&str, usize) -> String,
    /// A change okr has no words for: the file's name.
    pub updated: fn(&str) -> String,
    // The set-up.
    /// A file written to, and what.
    pub wrote: fn(&str, &str) -> String,
    /// A git setting of this clone, and its value.
    pub set_config: fn(&str, &str) -> String,
    /// The shared files to commit, as a list and as git's arguments.
    pub commit_setup: fn(&str, &str) -> String,
    pub all_set: &'static str,
    // What a sync did.
    /// The commit made, or none.
    pub committed: fn(Option<&str>) -> String,
    /// Whether the pull brought anything.
    pub took_in: fn(bool) -> String,
    /// Whether anything was pushed, and where.
    pub pushed: fn(bool, &str) -> String,
    /// The parts above, joined.
    pub synced: fn(&str) -> String,
    /// Conflicts left in the file: how many, the key of the conflicts screen.
    pub conflicts: fn(usize, &str) -> String,
    // The tracker.
    pub syncing: &'static str,
    pub already_syncing: &'static str,
    /// The tracker on a file that cannot be synced (the demo's).
    pub not_here: &'static str,
    // Why a sync refused or stopped.
    pub e_no_git: fn(&str) -> String,
    pub e_not_in_repo: fn(&str) -> String,
    /// The parts missing, joined.
    pub e_not_set_up: fn(&str) -> String,
    pub part_attributes: &'static str,
    pub part_driver: &'static str,
    pub part_ignore: &'static str,
    /// The set-up was written and git still does not use it: the parts.
    pub e_overridden: fn(&str) -> String,
    pub e_detached: &'static str,
    pub e_no_upstream: fn(&str) -> String,
    pub e_busy: &'static str,
    pub e_deleted: fn(&str) -> String,
    /// A git command, and the last line it wrote on standard error.
    pub e_git: fn(&str, &str) -> String,
    /// The other files in conflict.
    pub e_other_conflicts: fn(&str) -> String,
    /// What git said when the driver did not merge.
    pub e_driver: fn(&str) -> String,
    /// How many pushes were refused.
    pub e_rejected: fn(usize) -> String,
    /// A file that could not be written, and why.
    pub e_write: fn(&str, &str) -> String,
}
