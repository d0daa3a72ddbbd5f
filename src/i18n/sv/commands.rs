//! The Swedish words of the commands for a shell user's day: `status`,
//! `list`, `update` and `import`.

use crate::i18n::{CommandWords, listed, plural};

pub const COMMANDS: CommandWords = CommandWords {
    checkin_waiting: |who, n, all| {
        let whose = who.map(|w| format!(" för {w}")).unwrap_or_default();
        format!("incheckning{whose}: {n} av {all} nyckelresultat väntar")
    },
    progress_pace: |p, t| format!("framsteg {p} (takt {t})"),
    no_objectives: "inga mål det här kvartalet",
    no_such_owner: |name, owners| {
        let them = if owners.is_empty() {
            ": inget mål har en ägare".to_string()
        } else {
            format!("; ägarna är {}", listed(owners, "och"))
        };
        format!("ingen som heter ”{name}” äger något här{them}")
    },
    col_id: "id",
    nothing_listed: "Inga mål att visa.",
    open: "öppen",
    done_on: |d| format!("klar {d}"),
    e_not_initiative_value: |t| {
        format!("”{t}” är inget värde för en uppgift; skriv klar eller öppen (done eller open)")
    },
    recorded_before_latest: |v, d, current, latest| {
        format!(
            "{v} sparades för {d}; värdet nu är fortfarande {current} (det senast daterade, från {latest})"
        )
    },
    e_objective_given: |id, title, krs| {
        let which = if krs.is_empty() {
            "och det har inga egna än".to_string()
        } else {
            format!("uppdatera något av dem ({krs})")
        };
        format!(
            "{id} är ett mål (”{title}”), inget nyckelresultat: ett mål får sitt framsteg från sina nyckelresultat; {which}"
        )
    },
    counts: |o, k, u, c| {
        let mut parts = vec![
            format!("{o} mål"),
            format!("{k} nyckelresultat"),
            format!("{u} {}", plural(u, "uppgift", "uppgifter")),
        ];
        if c > 0 {
            parts.push(format!(
                "värden från {c} {}",
                plural(c, "incheckning", "incheckningar")
            ));
        }
        parts.join(", ")
    },
    would_add: |c| format!("Skulle lägga till {c} (provkörning – inget har sparats):"),
    added: |c, f| format!("Lade till {c} i {f}:"),
    columns_not_read: |c| format!("Kolumner som inte lästes: {c}"),
    at_cell: |f, r, c| format!("{f}, rad {r}, kolumn {c}"),
    at_item: |f, i| format!("{f}, {i}"),
    nothing_imported: "inget importerades",
    i_nothing: "filen har inga rader att importera",
    i_no_title_column: "ingen kolumn heter objective eller mål, så inga mål kan läsas",
    i_column_twice: |a, b| format!("kolumnerna ”{a}” och ”{b}” betyder samma sak"),
    i_no_column: "den här cellen har ingen kolumn i rubrikraden",
    i_not_utf8: "det är inte UTF-8-text (spara arket som CSV UTF-8)",
    i_not_csv: |d| format!("det är inte CSV som okr kan läsa ({d})"),
    i_not_export: |d| format!("det är inte en export från okr ({d})"),
    i_empty_title: "titeln är tom",
    i_control: "en titel får inte innehålla styrtecken (bara radbrytningar och tabbar)",
    i_kind: |t| {
        format!(
            "”{t}” är ingen typ av mål; skriv hängiven, ambitiös, personlig eller ekonomisk (committed, aspirational, personal, economic)"
        )
    },
    i_quarter: |t| format!("”{t}” är inget kvartal eller år; skriv det som 2026-Q4 eller 2027"),
    i_until: |t| {
        format!(
            "”{t}” är inget kvartal; till och med är det sista kvartalet målet sträcker sig över, t.ex. 2027-Q2"
        )
    },
    i_until_not_after: |q| format!("till och med ska vara ett kvartal efter målets eget ({q})"),
    i_span_too_long: |n, most| {
        format!(
            "ett mål kan sträcka sig över högst {most} kvartal, och det här skulle sträcka sig över {n}"
        )
    },
    i_until_of_year: "ett årsmål sträcker sig inte över flera kvartal; lämna till och med tomt",
    i_year_starts: |theirs, ours| {
        format!(
            "exportens år börjar i {theirs} och den här filens i {ours}, så kvartalen skulle betyda andra månader; importera till en fil vars år börjar i {theirs}"
        )
    },
    i_fiscal_name: |t| {
        format!(
            "”{t}” hör till ett år som inte börjar i januari, men den här filens år gör det; importera till en fil vars år börjar i samma månad som arkets"
        )
    },
    i_measure_type: |t| {
        format!(
            "”{t}” är inget mätsätt; skriv tal, klart/inte klart, minst eller högst (eller numeric, done, at_least, at_most)"
        )
    },
    i_status: |t| {
        format!(
            "”{t}” är ingen status; skriv aktivt, uppnått, avbrutet eller överflyttat (eller active, achieved, dropped, carried_over)"
        )
    },
    i_confidence: "säkerheten ska vara ett heltal 1–10",
    i_score: "betyget ska vara ett tal mellan 0 och 1",
    i_weight: "vikten ska vara större än 0",
    i_needs_target: "ett nyckelresultat med ett startvärde behöver ett målvärde",
    i_needs_level: "ett nyckelresultat som ska hållas över eller under en nivå behöver en nivå",
    i_done_value: |t| {
        format!(
            "”{t}” är varken klar eller inte klar; skriv ja eller nej (klar, inte klar, 1 och 0 går också)"
        )
    },
    i_date: |t| format!("”{t}” är inget datum; skriv det som 2026-11-24"),
    i_week: |t| format!("”{t}” är ingen ISO-vecka; skriv den som 2026-W48"),
    i_differs: |r| format!("skiljer sig från rad {r} för samma mål"),
    i_needs_key_result: "en rad för en incheckning behöver ett nyckelresultat",
    i_duplicate_id: |id| format!("id ”{id}” finns två gånger"),
    i_link: |id| format!("”{id}” är inget av målets nyckelresultat"),
};
