//! The Swedish words of a user's own keys (see [`KeyWords`]).

use crate::i18n::KeyWords;
use crate::keys::Context;

pub(super) const KEYS: KeyWords = KeyWords {
    e_not_object: "\"keys\" ska vara en tabell med kommandon och deras tangenter, som [keys] undo = [\"ctrl-z\", \"u\"]",
    e_unknown: |e| format!("\"keys\" nämner {e}, som inte är något kommando okr känner till"),
    e_not_here: |a, c| format!("{a} har ingen tangent i {c}"),
    e_not_keys: |e| {
        format!(
            "{e} ska vara en tangent eller en lista med tangenter, som \"ctrl-z\" eller [\"ctrl-z\", \"u\"]"
        )
    },
    e_bad_key: |k, e| {
        format!(
            "{k} för {e} är ingen tangent okr kan läsa: skriv tangenter som ctrl-z, alt-x, up, pgdn, f1, enter, esc, space, J eller ?"
        )
    },
    e_fixed: |a| format!("tangenterna för {a} är det den gör och kan inte ändras"),
    e_fixed_key: |k, a| {
        format!(
            "{k} behåller sin betydelse (det gör Esc, F1 och Ctrl-C alltid) och kan inte bindas till {a}"
        )
    },
    e_typed: |k, a, c| {
        format!(
            "{k} skrivs som text i {c} och kan därför inte vara {a} där: välj en tangent med Ctrl eller Alt"
        )
    },
    e_conflict: |k, a, b, c| {
        format!("{k} skulle vara både {a} och {b} i {c}: ge en av dem en annan tangent")
    },
    e_fix: "rätta eller ta bort raden; okr keys visar alla kommandon och deras tangenter",
    context: |c| match c {
        Context::Quarter => "kvartalsvyn (mål)",
        Context::QuarterKeyResults => "kvartalsvyn (nyckelresultat)",
        Context::DetailKeyResults => "ett måls detaljvy (nyckelresultat)",
        Context::DetailInitiatives => "ett måls detaljvy (uppgifter)",
        Context::Review => "kvartalsgenomgången",
        Context::Overview => "översikten",
        Context::Help => "hjälpen",
        Context::Confirm => "frågan om att ta bort",
        Context::Carry => "dialogen för överflyttning",
        Context::Form => "ett formulär",
        Context::CheckInWalk => "incheckningens nyckelresultat",
        Context::CheckInReflect => "incheckningens vinster, hinder och nästa steg",
        Context::Pulse => "teampulsen",
        Context::Summary => "incheckningens sammanfattning",
        Context::TextField => "ett textfält",
        Context::NumberField => "ett sifferfält",
        Context::ChoiceField => "ett valfält",
        Context::AreaField => "en textruta",
        Context::TooSmall => "ett för litet fönster",
        Context::KeyResultView => "ett nyckelresultats vy",
        Context::Search => "sökningen",
        Context::Conflicts => "konfliktvyn",
        Context::PastCheckIns => "tidigare incheckningar",
        Context::PastCheckIn => "en tidigare incheckning",
        Context::LastWeek => "förra veckans planer",
        Context::CheckInToo => "frågan om att rätta incheckningen också",
    },
};
