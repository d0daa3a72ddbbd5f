//! The words of a file changed by someone else while the tracker runs:
//! reloading, merging, the conflicts screen (PRODUCT.md section 9). Both
//! languages' tables are here, one [`LiveWords`] each.

use super::plural;

/// The words of live reload, merging and the conflicts screen.
pub struct LiveWords {
    /// The file was read again: how many Mål were added, changed or removed.
    pub reloaded: fn(usize) -> String,
    /// Our unsaved changes and theirs were merged.
    pub merged: &'static str,
    /// Conflicts wait: how many, the key of the conflicts screen.
    pub conflicts_wait: fn(usize, &str) -> String,
    /// The file changed and cannot be read: why (a sentence).
    pub unreadable: fn(&str) -> String,
    /// A form's item was deleted by someone else: its id.
    pub deleted_meanwhile: fn(&str) -> String,
    /// `!` with no conflict waiting.
    pub no_conflicts: &'static str,
    /// The conflicts screen's title: how many.
    pub title: fn(usize) -> String,
    pub field: &'static str,
    pub ours: &'static str,
    pub theirs: &'static str,
    /// A value that is not there (removed, or the item deleted).
    pub none: &'static str,
    /// After `o` / `t`: the field, and how many conflicts are left.
    pub kept_ours: fn(&str, usize) -> String,
    pub took_theirs: fn(&str, usize) -> String,
    /// The footer's names of `!`, `o` and `t`.
    pub action_show: &'static str,
    pub action_ours: &'static str,
    pub action_theirs: &'static str,
}

pub const SV: LiveWords = LiveWords {
    reloaded: |n| match n {
        0 => "Läste in filen igen: någon annan ändrade den.".to_string(),
        n => format!(
            "Läste in filen igen: {n} {} ändrade av någon annan.",
            plural(n, "mål", "mål")
        ),
    },
    merged: "Slog ihop med någon annans ändringar.",
    conflicts_wait: |n, k| {
        format!(
            "{n} {}: tryck {k} för att välja.",
            plural(n, "konflikt", "konflikter")
        )
    },
    unreadable: |why| {
        format!(
            "Någon annan ändrade filen och den går inte att läsa nu. {why} okr behåller det som visas."
        )
    },
    deleted_meanwhile: |id| {
        format!("{id} togs bort av någon annan medan formuläret var öppet; inget sparades.")
    },
    no_conflicts: "Inga konflikter att välja i.",
    title: |n| format!("Konflikter ({n})"),
    field: "Fält",
    ours: "Vårt",
    theirs: "Deras",
    none: "(inget)",
    kept_ours: |f, n| format!("Behöll vårt för {f}; {n} kvar."),
    took_theirs: |f, n| format!("Tog deras för {f}; {n} kvar."),
    action_show: "konflikter",
    action_ours: "behåll vårt",
    action_theirs: "ta deras",
};

pub const EN: LiveWords = LiveWords {
    reloaded: |n| match n {
        0 => "Reloaded: the file was changed by someone else.".to_string(),
        n => format!(
            "Reloaded: {n} {} changed by someone else.",
            plural(n, "objective", "objectives")
        ),
    },
    merged: "Merged with changes by someone else.",
    conflicts_wait: |n, k| {
        format!(
            "{n} {}: press {k} to choose.",
            plural(n, "conflict", "conflicts")
        )
    },
    unreadable: |why| {
        format!(
            "Someone else changed the file and it cannot be read now. {why} okr keeps what it shows."
        )
    },
    deleted_meanwhile: |id| {
        format!("{id} was deleted by someone else while the form was open; nothing was saved.")
    },
    no_conflicts: "No conflicts to choose.",
    title: |n| format!("Conflicts ({n})"),
    field: "Field",
    ours: "Ours",
    theirs: "Theirs",
    none: "(none)",
    kept_ours: |f, n| format!("Kept ours for {f}; {n} left."),
    took_theirs: |f, n| format!("Took theirs for {f}; {n} left."),
    action_show: "conflicts",
    action_ours: "keep ours",
    action_theirs: "take theirs",
};
