//! The Swedish words of `okr refresh` and the config file's `[refresh]`.

use crate::i18n::refresh::RefreshWords;

pub const REFRESH: RefreshWords = RefreshWords {
    note: "mätt automatiskt",
    measured: "okr refresh",
    not_saved: "(--dry-run: inte sparat)",
    e_nothing: |p| {
        format!(
            "inget nyckelresultat mäts automatiskt: lägg till kommandona under [refresh] i {p} (se docs/team.md)"
        )
    },
    e_no_file: |p| {
        format!(
            "{p} finns inte, så det finns inget nyckelresultat att mäta; okr refresh sparar i en befintlig fil (se okr path)"
        )
    },
    f_not_a_number: |id, t| {
        format!(
            "{id}: kommandot skrev ”{t}”, och det är inte ett tal; det ska skriva ett enda tal med punkt före decimalerna och utan tusentalsavgränsare, som 12.5 eller 1500"
        )
    },
    f_nothing_printed: |id| {
        format!("{id}: kommandot skrev ingenting; det ska skriva ett enda tal, som 12.5 eller 1500")
    },
    f_not_done_value: |id, t| {
        format!(
            "{id} är klart eller inte klart: kommandot ska skriva 1 (klart) eller 0 (inte klart), inte ”{t}”"
        )
    },
    f_command: |id, program, what| format!("{id}: kommandot {program} gick inte bra: {what}"),
    f_more_time: "OKR_REFRESH_SECONDS eller seconds under [refresh] ger det mer tid",
    f_unknown_entry: |id, p| {
        format!("[refresh] nämner ”{id}”, men det finns inget nyckelresultat med det id:t i {p}")
    },
    f_no_such: |id, p| {
        format!("det finns inget nyckelresultat med id ”{id}” i {p}; okr list visar id:na")
    },
    f_ambiguous: |id, some| {
        format!("”{id}” är början på mer än ett nyckelresultats id ({some}); skriv mer av det")
    },
    f_not_measured: |id, p| {
        format!("{id} mäts inte automatiskt: ge det ett kommando under [refresh] i {p}")
    },
    f_twice: |id, a, b| {
        format!("{id} har två kommandon under [refresh] (”{a}” och ”{b}”); bara det första körs")
    },
    f_gone: |id, p| format!("{id} togs bort ur {p} medan kommandot kördes; inget sparades för det"),
    c_not_table: "[refresh] ska vara en tabell med ett kommando för varje nyckelresultats id",
    c_text: "ett kommando skrivs som en lista med programmet och dess argument, som [\"gh\", \"issue\", \"list\"], eller som { shell = \"…\" } för att köras av sh",
    c_not_command: "ett kommando ska vara en lista med programmet och dess argument, eller { shell = \"…\" }",
    c_empty: "kommandot är tomt: skriv programmet först och sedan dess argument",
    c_not_words: "varje ord i kommandot ska vara en text inom citattecken",
    c_nul: "kommandot innehåller ett NUL-tecken, som inget program kan få",
    c_one_of: "skriv antingen command = [ … ] eller shell = \"…\", ett av dem",
    c_unknown: |n| format!("”{n}” hör inte hit; ett kommando kan ha command, shell och seconds"),
    c_shell_not_text: "shell ska vara en text inom citattecken",
    c_seconds: |lo, hi, v| format!("seconds ska vara ett heltal {lo}–{hi}, inte {v}"),
};
