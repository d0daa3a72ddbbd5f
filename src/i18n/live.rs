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
    /// The file changed and cannot be read: why (where and what, no path).
    pub unreadable: fn(&str) -> String,
    /// A form's item was deleted by someone else: its id.
    pub deleted_meanwhile: fn(&str) -> String,
    /// `!` with no conflict waiting.
    pub no_conflicts: &'static str,
    /// The conflicts screen's title: how many.
    pub title: fn(usize) -> String,
    pub ours: &'static str,
    pub theirs: &'static str,
    /// A value that is not there (removed, or the item deleted).
    pub none: &'static str,
    /// After `o` / `t`: the field, and how many conflicts are left.
    pub kept_ours: fn(&str, usize) -> String,
    pub took_theirs: fn(&str, usize) -> String,
    /// A field of the file in words (`measure.current` → "current value");
    /// `None` for a field this okr has no words for (one a newer okr wrote).
    pub field_name: fn(&str) -> Option<&'static str>,
    /// `history.DATE`: the value recorded that day.
    pub value_on: fn(&str) -> String,
    /// `entries.ID`: the week's entry for a key result (its id as shown).
    pub entry_for: fn(&str) -> String,
    /// One side deleted the item, the other changed it (kept): whether ours deleted it.
    pub deleted: fn(bool) -> &'static str,
    /// A choice that would break a rule of the file: which side, and the rule.
    pub refused: fn(bool, &str) -> String,
    /// Words inside a shown value: a history or check-in entry's confidence.
    pub confidence: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    /// A side of a delete conflict: the item deleted, the item kept.
    pub gone: &'static str,
    pub kept: &'static str,
    /// A choice whose item or field is no longer there.
    pub nothing_there: &'static str,
    /// `b` on a conflict that is not two values of one day.
    pub not_two_entries: &'static str,
    /// After `b`: the field, and how many conflicts are left.
    pub kept_both: fn(&str, usize) -> String,
}

pub const SV: LiveWords = LiveWords {
    reloaded: |n| match n {
        0 => "Läste in filen igen: någon annan har ändrat den.".to_string(),
        n => format!("Läste in filen igen: någon annan har ändrat {n} mål."),
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
            "Någon annan har ändrat filen och den går inte att läsa just nu ({why}). okr fortsätter att visa det du ser."
        )
    },
    deleted_meanwhile: |id| {
        format!("{id} togs bort av någon annan medan formuläret var öppet; inget sparades.")
    },
    no_conflicts: "Inga konflikter att lösa.",
    title: |n| format!("Konflikter ({n})"),
    ours: "Vårt",
    theirs: "Deras",
    none: "(inget)",
    kept_ours: |f, n| {
        format!(
            "Behöll vår version av {f}; {n} {} kvar.",
            plural(n, "konflikt", "konflikter")
        )
    },
    took_theirs: |f, n| {
        format!(
            "Tog deras version av {f}; {n} {} kvar.",
            plural(n, "konflikt", "konflikter")
        )
    },
    field_name: |f| {
        Some(match f {
            "title" => "titel",
            "why" => "varför",
            "kind" => "typ",
            "quarter" => "kvartal",
            "owner" => "ägare",
            "parent" => "ligger under",
            "status" => "status",
            "score" => "betyg",
            "retro.went_well" => "det som gick bra",
            "retro.to_change" => "det som ska ändras",
            "carried_from" => "överflyttat från",
            "weight" => "vikt",
            "confidence" => "säkerhet",
            "measure.start" => "startvärde",
            "measure.target" => "målvärde",
            "measure.current" => "nuvarande värde",
            "measure.level" => "nivå",
            "measure.unit" => "enhet",
            "measure.done" => "klar",
            "measure.type" => "typ av mätning",
            "done" => "klar",
            "due" => "förfallodag",
            "key_result" => "nyckelresultat",
            "objective" => "vilket mål",
            "id" => "id",
            "wins" => "vinster",
            "blockers" => "hinder",
            "next_steps" => "nästa steg",
            "checkin_weekday" => "incheckningsdag",
            _ => return None,
        })
    },
    value_on: |d| format!("värde den {d}"),
    entry_for: |k| format!("veckans värde för {k}"),
    deleted: |ours| {
        if ours {
            "Vi tog bort det, de ändrade det: det finns kvar"
        } else {
            "De tog bort det, vi ändrade det: det finns kvar"
        }
    },
    refused: |theirs, why| {
        let side = if theirs { "deras" } else { "vårt" };
        format!("Kan inte ta {side}: {why}.")
    },
    confidence: "säkerhet",
    yes: "ja",
    no: "nej",
    gone: "borttaget",
    kept: "kvar",
    nothing_there: "Det konflikten gäller finns inte längre; o tar bort posten.",
    not_two_entries: "b gäller två värden för samma dag; välj o eller t här.",
    kept_both: |f, n| format!("Behöll vårt värde och båda anteckningarna för {f}; {n} kvar."),
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
            "Someone else changed the file and it cannot be read now ({why}). okr keeps showing what you see."
        )
    },
    deleted_meanwhile: |id| {
        format!("{id} was deleted by someone else while the form was open; nothing was saved.")
    },
    no_conflicts: "No conflicts to choose.",
    title: |n| format!("Conflicts ({n})"),
    ours: "Ours",
    theirs: "Theirs",
    none: "(none)",
    kept_ours: |f, n| format!("Kept ours for {f}; {n} left."),
    took_theirs: |f, n| format!("Took theirs for {f}; {n} left."),
    field_name: |f| {
        Some(match f {
            "title" => "title",
            "why" => "why",
            "kind" => "kind",
            "quarter" => "quarter",
            "owner" => "owner",
            "parent" => "aligned under",
            "status" => "status",
            "score" => "score",
            "retro.went_well" => "what went well",
            "retro.to_change" => "what to change",
            "carried_from" => "carried from",
            "weight" => "weight",
            "confidence" => "confidence",
            "measure.start" => "start",
            "measure.target" => "target",
            "measure.current" => "current value",
            "measure.level" => "level",
            "measure.unit" => "unit",
            "measure.done" => "done",
            "measure.type" => "kind of measure",
            "done" => "done",
            "due" => "due date",
            "key_result" => "key result",
            "objective" => "which objective",
            "id" => "id",
            "wins" => "wins",
            "blockers" => "blockers",
            "next_steps" => "next steps",
            "checkin_weekday" => "check-in day",
            _ => return None,
        })
    },
    value_on: |d| format!("value on {d}"),
    entry_for: |k| format!("the week's value for {k}"),
    deleted: |ours| {
        if ours {
            "We deleted it, they changed it: it is kept"
        } else {
            "They deleted it, we changed it: it is kept"
        }
    },
    refused: |theirs, why| {
        let side = if theirs { "theirs" } else { "ours" };
        format!("Cannot take {side}: {why}.")
    },
    confidence: "confidence",
    yes: "yes",
    no: "no",
    gone: "deleted",
    kept: "kept",
    nothing_there: "What this conflict is about is gone; o drops the record.",
    not_two_entries: "b is for two values of one day; choose o or t here.",
    kept_both: |f, n| format!("Kept our value and both notes for {f}; {n} left."),
};
