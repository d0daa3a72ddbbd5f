//! The Swedish words of a key result's own view, search, Uppgifter with owners and due dates.

use chrono::Datelike;

use crate::i18n::{DailyWords, counted, listed, plural};

/// The months as a date in running text shortens them: `31 dec`.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

pub const DAILY: DailyWords = DailyWords {
    key_result: "Nyckelresultat",
    in_objective: |o, q| format!("i {o} ({q})"),
    history: "Historik",
    no_history: |v| format!("Inga värden ännu: tryck {v}."),
    legend_value: "värde",
    legend_recorded: "registrerat",
    legend_ideal: "jämn takt",
    legend_today: "i dag",
    legend_level: "nivå",
    legend_forecast: "i den här takten",
    forecast: |v, p, d| {
        let month = MONTHS.get(d.month0() as usize).copied().unwrap_or_default();
        format!("i den här takten: {v} ({p}) den {} {month}", d.day())
    },
    entry: |date, value| format!("{date}: {value}"),
    correct_entry: "Rätta posten",
    checkin_too: |w, v| {
        format!("Incheckningen för {w} har samma värde ({v}). Vill du rätta incheckningen också?")
    },
    no_entry: "Historiken har inga poster ännu.",
    f_step: "Steg (+/-)",
    err_step: "Steget ska vara större än 0.",
    f_due: "Klar senast (ÅÅÅÅ-MM-DD)",
    err_due: "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-15.",
    due: |d| format!("senast {d}"),
    overdue: |d| format!("försenad (senast {d})"),
    next_due: |d, t| format!("nästa: {d} {t}"),
    next_overdue: |d, t| format!("försenad: {d} {t}"),
    stale_count: |n| format!("{n} {}", plural(n, "ej uppdaterat", "ej uppdaterade")),
    confirm_delete_with: |t, w| format!("Ta bort ”{t}” och dess {w}?"),
    goes_with: |k, i, h| {
        listed(
            &counted([
                (k, "nyckelresultat", "nyckelresultat"),
                (i, "uppgift", "uppgifter"),
                (h, "sparat värde", "sparade värden"),
            ]),
            "och",
        )
    },
    search_title: "Sök",
    matches: |n, more| {
        if more {
            format!("fler än {n} träffar: skriv mer")
        } else {
            format!("{n} {}", plural(n, "träff", "träffar"))
        }
    },
    no_matches: "Inga träffar.",
    found_objective: "Mål",
    found_why: "Varför",
    found_key_result: "Nyckelresultat",
    found_initiative: "Uppgift",
    found_note: "Anteckning",
    match_of: |i, n, next, prev| format!("Träff {i} av {n} ({next} nästa, {prev} föregående)."),
    no_search: |k| format!("Ingen sökning ännu: tryck {k} för att söka."),
    matches_gone: "Ingen av träffarna finns kvar.",
};
