//! The Swedish words of years, a team's own year (räkenskapsår) and Mål
//! spanning quarters.

use crate::i18n::YearWords;

pub const YEARS: YearWords = YearWords {
    year: "År",
    no_objectives: "Inga mål för året.",
    of_year_passed: "av året har gått",
    spans: |q| format!("över {q}"),
    continues: |q| format!("fortsätter till och med {q}: får sitt betyg då"),
    checkins: |done, of| format!("Incheckningar under året: {done} av {of}"),
    empty: |year, a| {
        format!(
            "Inga mål för {year} än. Tryck {a} för att lägga till ett årsmål; kvartalens mål kan sedan kopplas under det."
        )
    },
    review_title: |y| format!("Årsgenomgång {y}"),
    to_quarter: "kvartalsvy",
    prev_year: "föregående år",
    next_year: "nästa år",
    review: "årsgenomgång",
    f_until: "Till och med (kvartal)",
    err_until: |q, e| format!("skriv ett kvartal efter {q}, t.ex. {e}"),
    err_too_long: |n| format!("ett mål kan sträcka sig över högst {n} kvartal"),
    f_fiscal_start: "Året börjar i · för hela teamet",
    months: [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    cannot_move_year: |m, y| {
        format!(
            "Året kan inte börja i {m}: årsmålen för {y} skulle få andra dagar. Så länge det finns årsmål börjar året där det börjar nu."
        )
    },
    carry_to: |q| format!("Flytta över till {q}"),
    fiscal_set: |m| format!("Året börjar nu i {m}."),
    relabelled: |m, what| {
        format!("Året börjar nu i {m}. Nya namn: {what}. En kopia av filen sparades först.")
    },
    cannot_move: |m, q| {
        format!(
            "Året kan inte börja i {m}: {q} skulle hamna i två kvartal. Välj en månad tre, sex eller nio månader från den nuvarande, eller flytta målen först."
        )
    },
};
