//! The words of the weekly digest (`okr report --week`).

/// The digest's headings and sentences.
pub struct DigestWords {
    /// The period's first week, its first and last day.
    pub title: fn(&str, &str, &str) -> String,
    /// Key results that moved, fell behind, went stale, in all.
    pub summary: fn(usize, usize, usize) -> String,
    /// The part of Mål without an owner, beside owners' parts.
    pub no_owner: &'static str,
    /// The one part of a file where no Mål has an owner.
    pub team: &'static str,
    pub moved: &'static str,
    pub behind: &'static str,
    pub stale: &'static str,
    pub blockers: &'static str,
    pub next_steps: &'static str,
    pub nothing_moved: &'static str,
    pub not_checked_in: &'static str,
    /// Who has not checked in: the names.
    pub missing: fn(&str) -> String,
    pub everyone_checked_in: &'static str,
    /// The mean pulse, and its change since the period before when known.
    pub pulse: fn(&str, Option<&str>) -> String,
    /// A key result's line: its Mål's title after it.
    pub of: &'static str,
}

pub(super) const SV: DigestWords = DigestWords {
    title: |w, a, b| format!("Veckosammanfattning {w} ({a} – {b})"),
    summary: |m, b, s| {
        format!("{m} nyckelresultat har ändrats, {b} ligger efter, {s} behöver uppdateras")
    },
    no_owner: "Utan ägare",
    team: "Teamet",
    moved: "Har ändrats",
    behind: "Ligger efter",
    stale: "Behöver uppdateras",
    blockers: "Hinder",
    next_steps: "Nästa steg",
    nothing_moved: "Inga värden har ändrats.",
    not_checked_in: "Har inte checkat in",
    missing: |names| format!("Har inte checkat in: {names}"),
    everyone_checked_in: "Alla har checkat in.",
    pulse: |mean, change| match change {
        Some(c) => format!("Teamets puls: {mean} ({c} sedan förra perioden)"),
        None => format!("Teamets puls: {mean}"),
    },
    of: "i",
};

pub(super) const EN: DigestWords = DigestWords {
    title: |w, a, b| format!("Weekly digest {w} ({a} – {b})"),
    summary: |m, b, s| {
        let krs = |n| super::plural(n, "key result", "key results");
        format!("{m} {} moved, {b} behind pace, {s} stale", krs(m))
    },
    no_owner: "Without an owner",
    team: "The team",
    moved: "Moved",
    behind: "Behind pace",
    stale: "Stale",
    blockers: "Blockers",
    next_steps: "Next steps",
    nothing_moved: "No value changed.",
    not_checked_in: "Not checked in",
    missing: |names| format!("Not checked in: {names}"),
    everyone_checked_in: "Everyone has checked in.",
    pulse: |mean, change| match change {
        Some(c) => format!("Team pulse: {mean} ({c} since the period before)"),
        None => format!("Team pulse: {mean}"),
    },
    of: "in",
};
