//! The weekly rhythm's words in Swedish: last week's plans, past check-ins,
//! a week filled in afterwards.

use crate::i18n::WeeklyWords;

pub const WEEKLY: WeeklyWords = WeeklyWords {
    last_checkin: |n, d| {
        if n <= 1 {
            "Förra veckan".to_string()
        } else {
            format!("Senaste incheckningen {d} (för {n} veckor sedan)")
        }
    },
    planned: |n, d| {
        if n <= 1 {
            "Från förra veckan:".to_string()
        } else {
            format!("Från din senaste incheckning, {d} (för {n} veckor sedan):")
        }
    },
    blocker: "hinder",
    carried: |t| format!("”{t}” följer med in i den här veckan."),
    marked_done: |t| format!("”{t}” är markerat som klart."),
    marked_open: |t| format!("”{t}” är öppet igen."),
    banner_partial: |n, all, c| {
        format!("{n} av {all} nyckelresultat väntar – tryck {c} för att fortsätta")
    },
    past_title: |q, who| {
        if who.is_empty() {
            format!("Tidigare incheckningar · {q}")
        } else {
            format!("Tidigare incheckningar · {q} · {who}")
        }
    },
    missing: |c| format!("ingen incheckning – tryck {c} för att fylla i"),
    holiday: "ledigt: ingen incheckning behövdes",
    this_week: "den här veckan",
    key_results: |n| format!("{n} nyckelresultat"),
    pulse_mean: |m| format!("puls {m}"),
    week_title: |w, d| format!("Incheckning {w} · {d}"),
    skipped: "överhoppat",
    no_entries: "Inga nyckelresultat i den här incheckningen.",
    done: "klart",
    dated: |d| format!("daterad {d}"),
    has_checkin: |w, open| {
        format!("Du har redan checkat in för {w} – tryck {open} för att se den.")
    },
    skipped_title: "Överhoppat den här veckan",
    no_weeks: "Inga veckor av det här kvartalet har kommit än.",
    none_then: |d| {
        format!("Inga nyckelresultat fanns än den {d}: inget att checka in för den veckan.")
    },
    checkin_for: |w, who| format!("Incheckning för {who} · {w}"),
    pulse_left: |who, p| format!("Teampulsen lämnas åt {who} – tryck {p} för att skatta den nu."),
};
