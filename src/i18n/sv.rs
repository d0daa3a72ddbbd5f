//! The Swedish table, okr's default language: Mål, Nyckelresultat and
//! Uppgifter in the words of the team's OKR notes.

use super::{
    ConfidenceNames, EmptyQuarter, KindNames, MeasureTypeNames, NumberWords, PaceNames, Pillars,
    ScoreNames, StatusNames, Strings, TeamWords, ValueRules, plural,
};
use crate::model::Lang;
use crate::model::cadence::Cadence;

mod commands;
mod daily;
mod html;
mod keys;
mod quarterly;
mod refresh;
mod sync;
mod weekly;
mod years;

pub static SV: Strings = Strings {
    lang: Lang::Sv,
    objective: "Mål",
    objectives: "Mål",
    key_results: "Nyckelresultat",
    initiatives: "Uppgifter",
    quarter: "Kvartal",
    week: "Vecka",
    checkin: "Incheckning",
    checkins: "Incheckningar",
    confidence: "Säkerhet",
    score: "Betyg",
    progress: "Framsteg",
    pace: "Takt",
    why: "Varför",
    kind: "Typ",
    parent: "Övergripande mål",
    owner: "Ägare",
    status: "Status",
    weight: "Vikt",
    note: "Anteckning",
    value: "Värde",
    start: "Start",
    target: "Målvärde",
    current: "Nu",
    unit: "Enhet",
    level: "Nivå",
    done: "klar",
    not_done: "inte klar",
    stale: "ej uppdaterat",
    more: "fler",
    wins: "Vinster att fira",
    blockers: "Hinder",
    next_steps: "Nästa steg",
    pulse: "Teampuls",
    pillars: Pillars {
        structure: "Struktur och tydlighet",
        safety: "Psykologisk trygghet",
        meaning: "Mening",
        dependability: "Pålitlighet",
        impact: "Påverkan",
    },
    went_well: "Vad gick bra",
    to_change: "Vad ska ändras",
    kinds: KindNames {
        committed: "Hängiven",
        aspirational: "Ambitiös",
        personal: "Personlig",
        economic: "Ekonomisk",
    },
    statuses: StatusNames {
        active: "aktivt",
        achieved: "uppnått",
        dropped: "avbrutet",
        carried_over: "överflyttat",
    },
    pace_statuses: PaceNames {
        behind: "ligger efter",
        on_track: "i takt",
        done: "klart",
        achieved: "uppnått",
        not_reached: "inte uppnått",
    },
    confidence_bands: ConfidenceNames {
        at_risk: "i fara",
        needs_attention: "behöver uppmärksamhet",
        on_track: "på rätt spår",
    },
    score_bands: ScoreNames {
        red: "rött",
        yellow: "gult",
        green: "grönt",
    },
    measure_types: MeasureTypeNames {
        numeric: "Tal (start → målvärde)",
        done: "Klar / inte klar",
        at_least: "Minst en nivå",
        at_most: "Högst en nivå",
    },
    no_objectives: "Inga mål det här kvartalet.",
    yes: "ja",
    today: "i dag",
    no: "nej",
    of_quarter_passed: "av kvartalet har gått",
    empty_quarter: EmptyQuarter {
        headline: "Inga mål för det här kvartalet än.",
        objective: "Mål – Var ska jag? Inspirerande, en rad, visar vägen.",
        key_results: "Nyckelresultat – Hur vet jag att jag kommer närmare målet? Kort, specifikt, mätbart.",
        initiatives: "Uppgifter – Vad behöver jag göra för att komma dit? Konkreta uppgifter.",
        first_step: |a| {
            format!(
                "Tryck {a} för att lägga till ditt första mål (3–5 per kvartal: färre är bättre)."
            )
        },
    },
    no_key_results: |tab, a| format!("Inga nyckelresultat än: tryck {tab} och sedan {a}."),
    no_key_results_detail: |a| format!("Inga nyckelresultat än: tryck {a}."),
    no_initiatives: |a| format!("Inga uppgifter än – tryck {a} för att lägga till en."),
    too_small: "Fönstret är för litet för okr: gör det minst 40×12.",
    help_title: "Tangenter",
    new_objective: "Nytt mål",
    edit_objective: "Ändra mål",
    new_key_result: "Nytt nyckelresultat",
    edit_key_result: "Ändra nyckelresultat",
    new_initiative: "Ny uppgift",
    edit_initiative: "Ändra uppgift",
    set_value: "Nytt värde",
    f_title: "Titel",
    f_measure: "Mätsätt",
    f_confidence: "Säkerhet (1–10)",
    f_parent: "Övergripande mål (id)",
    f_linked: "Nyckelresultat",
    f_done: "Klar",
    none: "inget",
    err_empty_title: "Skriv en titel.",
    numbers: NumberWords {
        not_a_number: "inte ett tal",
        several_marks: "mer än ett decimaltecken",
        grouping: "siffrorna grupperas tre och tre före decimaltecknet",
        ambiguous: |a, b| format!("det kan vara {a} eller {b}"),
        too_many_digits: "fler än 15 siffror kan inte sparas exakt",
        too_small: "för nära 0 för att sparas",
        too_large: "för stort för att sparas",
        write_like: |a, b| format!("skriv t.ex. {a} eller {b}"),
    },
    err_confidence: "Säkerheten ska vara ett heltal 1–10.",
    err_needs_level: "Ett nyckelresultat som hålls på en nivå behöver nivån.",
    err_needs_current: "Ett nyckelresultat som hålls på en nivå behöver sitt värde nu.",
    err_target_is_start: "Målvärdet är detsamma som startvärdet – då finns inget att mäta.",
    err_weight: "Vikten ska vara större än 0.",
    err_unknown_parent: "Inget mål har det id:t.",
    warn_many_objectives: |n, who| match who {
        Some(w) => {
            format!("Fokus: {w} har {n} mål det här kvartalet; 3–5 är lagom, färre är bättre.")
        }
        None => format!("Fokus: {n} mål det här kvartalet; 3–5 är lagom, färre är bättre."),
    },
    warn_many_key_results: |n| format!("Fokus: {n} nyckelresultat på målet; högst 5."),
    warn_long_title: "Fokus: ett mål ska rymmas på en rad.",
    confirm_delete: |t| format!("Ta bort ”{t}”?"),
    deleted: |t, u| format!("Borttaget: {t} (tryck {u} för att ångra)"),
    undone: "Ångrat.",
    redone: "Gjort om.",
    nothing_to_undo: "Inget att ångra.",
    nothing_to_redo: "Inget att göra om.",
    save_failed: |f, r| format!("Kunde inte spara {f}: {r}. Inget är förlorat; okr försöker igen."),
    save_conflict: |f, c| {
        format!(
            "{f} ändrades av ett annat program och går inte att läsa; okr skrev inte över den. Dina ändringar sparas i {c}."
        )
    },
    unsaved_quit: |q| {
        format!("Senaste ändringen är inte sparad. Tryck {q} igen för att avsluta ändå.")
    },
    linked_to: "→",
    detail_title: "Mål",
    demo_note: "Demo: exempeldata i en tillfällig fil; din egen fil rörs inte.",
    checkin_banner: |n, c, every| {
        let which = match every {
            Cadence::Weekly => "Veckans incheckning",
            Cadence::Fortnightly => "Incheckningen för de här två veckorna",
            Cadence::Monthly => "Månadens incheckning",
        };
        format!("{which}: {n} nyckelresultat väntar – tryck {c}")
    },
    checkin_title: |w| format!("Incheckning {w}"),
    step_of: |i, n| format!("Nyckelresultat {i} av {n}"),
    before_checkin: "Före incheckningen",
    reflect_title: "Vinster, hinder och nästa steg",
    reflect_hint: "Fira små vinster: skriv ner det som gick bra den här veckan.",
    pulse_title: "Teampuls: skatta varje pelare 1–5",
    pulse_incomplete: |s| {
        format!("Skatta alla fem pelarna, eller tryck {s} för att hoppa över pulsen.")
    },
    summary_title: "Sammanfattning",
    moved: "Förändringar sedan förra incheckningen",
    nothing_moved: "Inga värden har ändrats sedan förra incheckningen.",
    behind_or_stale: "Ligger efter eller behöver uppdateras",
    all_on_pace: "Alla nyckelresultat håller takten.",
    quarter_change: |a, b| format!("Kvartalets framsteg: {a} → {b}"),
    streak: |n, every| {
        let (one, many) = match every {
            Cadence::Weekly => ("vecka", "veckor"),
            Cadence::Fortnightly => ("tvåveckorsperiod", "tvåveckorsperioder"),
            Cadence::Monthly => ("månad", "månader"),
        };
        match n {
            0 => format!("Ingen {one} i rad med incheckning än"),
            n => format!(
                "{n} {} i rad med incheckning",
                plural(usize::try_from(n).unwrap_or(usize::MAX), one, many)
            ),
        }
    },
    celebrate: |n| format!("Fira små vinster: {n} nyckelresultat har gått framåt den här veckan!"),
    no_checkin_items: "Det finns inga nyckelresultat att checka in det här kvartalet – lägg till några först.",
    checkin_saved: |c| format!("Incheckningen är sparad; fortsätt med {c} när du vill."),
    step_not_saved: |esc| {
        format!(
            "Det här steget är inte sparat: rätta det markerade, eller tryck {esc} igen för att lämna utan det."
        )
    },
    past_checkins: "Incheckningar",
    review_title: |q| format!("Kvartalsgenomgång {q}"),
    suggested: "förslag",
    succeeded: "i mål",
    missed: "inte i mål",
    committed_below: "hängivet mål under 1,0",
    running: |n| format!("{n} kvartal i rad"),
    propose_carry: "Förslag: flytta över – låt målet vara kvar tills du lyckats",
    review_form: "Betyg och retro",
    f_score: "Betyg (0–1)",
    err_score: "Betyget ska vara ett tal mellan 0 och 1, t.ex. 0,7.",
    carry_title: "Flytta över till nästa kvartal",
    carry_uppgifter: |n| match n {
        0 => "Inga ofärdiga uppgifter att ta med.".to_string(),
        n => format!(
            "{n} {} följer med.",
            plural(n, "ofärdig uppgift", "ofärdiga uppgifter")
        ),
    },
    carried: |q| format!("Överflyttat till {q}."),
    already_carried: |q| format!("Redan överflyttat till {q} – ingen ny kopia gjordes."),
    no_review_objectives: "Inga mål att gå igenom det här kvartalet.",
    checklist_title: "Fokus",
    check_objectives: |n| format!("3–5 mål per ägare ({n})"),
    check_key_results: |n| format!("högst 5 nyckelresultat per mål (som mest {n})"),
    check_one_line: |n| {
        format!(
            "varje mål på en rad ({n} för {})",
            plural(n, "långt", "långa")
        )
    },
    key_results_behind: |n, all| format!("{n} av {all} nyckelresultat ligger efter"),
    key_results_behind_short: |n, all| format!("{n} av {all} ligger efter"),
    no_progress_yet: "inga nyckelresultat än",
    overview_title: "Översikt: alla kvartal",
    col_objectives: "Mål",
    col_score: "Betyg",
    col_committed: "Hängivna i mål",
    running_progress: "pågår",
    mean_scores: "Medelbetyg per kvartal",
    pulse_trend: "Teampuls per kvartal (medel 1–5)",
    no_quarters: |esc, a| {
        format!("Inga kvartal med mål än: tryck {esc} och {a} för att lägga till.")
    },
    key_elsewhere: |k, a, help| {
        format!("{k} ({a}) fungerar inte här – tryck {help} för att se vilka tangenter som gäller.")
    },
    err_own_parent: "Ett mål kan inte ligga under sig självt.",
    select_key_result: |k, a, tab| {
        format!("{k} ({a}) gäller ett nyckelresultat: tryck {tab} för att välja ett.")
    },
    select_initiative: |k, a, enter, tab| {
        format!("{k} ({a}) gäller en uppgift: öppna målet med {enter} och tryck {tab}.")
    },
    io_not_found: "den finns inte",
    io_permission: "åtkomst nekad",
    io_read_only: "filsystemet är skrivskyddat",
    io_full: "disken är full",
    io_is_dir: "det är en mapp, inte en fil",
    io_file_read_only: "filen är skrivskyddad",
    e_read_only_file: |p| {
        format!("{p} är skrivskyddad; okr ersätter den inte (gör den skrivbar för att ändra den)")
    },
    read_only_note: |p| format!("{p} är skrivskyddad: okr visar den men ändrar ingenting."),
    read_only_refused: "Filen är skrivskyddad: ingenting ändrades.",
    rescued: |p| format!("det gick inte att spara, så dina senaste ändringar finns i {p}"),
    rescue_failed: |r| {
        format!(
            "det gick inte att spara och ingen räddningsfil kunde skrivas ({r}): de senaste ändringarna är förlorade"
        )
    },
    merge_renumbered: |old, new| {
        format!(
            "deras {old} heter nu {new}: båda sidor har något med id:t {old}, satt för hand (se konfliktlistan)"
        )
    },
    merge_invalid: |why| {
        format!(
            "den sammanslagna filen skulle inte gå att läsa ({why}); inget skrevs, lös sammanslagningen för hand"
        )
    },
    merge_conflicts: |n| {
        let kept = match n {
            1 => "vårt värde behölls och deras",
            _ => "våra värden behölls och deras",
        };
        format!(
            "{n} fält har ändrats på olika sätt på båda sidor; {kept} ligger i filens konfliktlista (”conflicts”) tills någon väljer"
        )
    },
    e_no_such_file: |p, id| {
        format!(
            "{p} finns inte, så det finns inget {id} att uppdatera; okr update ändrar en befintlig fil (se okr path)"
        )
    },
    e_demo_file: "okr demo använder alltid en egen tillfällig fil; utelämna --file",
    e_cannot_read: |p| format!("kan inte läsa {p}"),
    e_at: |l, c| format!("rad {l}, kolumn {c}"),
    e_empty: "filen är tom",
    e_cut_short: "filen tar slut för tidigt – den kan vara ofullständig",
    e_not_json: "det här är inte giltig JSON",
    e_shape: "det här ser inte ut som en okr-fil",
    e_git_markers: "den innehåller gits konfliktmarkeringar (<<<<<<<): git slog ihop den rad för rad, utan okr:s sammanslagning. Så här gör du: git merge --abort (eller git rebase --abort), ställ in drivrutinen med git config merge.okr.driver 'okr merge %O %A %B' och hämta igen",
    e_version_zero: "\"version\" måste vara minst 1",
    e_newer: |v, m| {
        format!(
            "filen är skriven av en nyare version av okr (filformat {v}; den här versionen läser till och med format {m}) – uppdatera okr för att öppna den"
        )
    },
    e_left_alone: "filen har inte ändrats",
    value_rules: ValueRules {
        objective: "målet",
        key_result: "nyckelresultatet",
        initiative: "uppgiften",
        checkin: "incheckningen för",
        next_ids: "id-räknarna",
        conflict: |n| format!("konflikt {n} i konfliktlistan"),
        at: |item, field, rule| format!("{item}, fältet \"{field}\": {rule}"),
        confidence: |v| format!("säkerheten ska vara ett heltal från 1 till 10, inte {v}"),
        score: |v| format!("betyget ska vara från 0 till 1, inte {v}"),
        pulse: |v| format!("pulsen ska vara från 1 till 5, inte {v}"),
        not_finite: "talet ska vara ändligt",
        empty_id: "ett id får inte vara tomt",
        duplicate_id: "något annat har redan det här id:t (id:n måste vara unika, oavsett stora och små bokstäver)",
        id_too_large: |n, max| {
            format!(
                "talet {n} är större än {max}, det högsta ett id får ha, så att nya id:n alltid får plats"
            )
        },
        no_such_key_result: |k| {
            format!("den pekar på nyckelresultatet {k}, som inte finns i uppgiftens mål")
        },
        week_twice: "det finns redan en incheckning för den här veckan och ägaren; det får finnas en per vecka och ägare",
        parent_cycle: |ids| format!("de övergripande målen går runt i en cirkel: {ids}"),
        carry_cycle: |ids| format!("målen har flyttats över från varandra i en cirkel: {ids}"),
        control_character: |c| {
            format!(
                "det innehåller styrtecknet {c}: ett id får inte innehålla styrtecken, och ingen text får innehålla NUL"
            )
        },
        quarter_range: |y| format!("kvartalets år ska vara från 1 till 9999, inte {y}"),
        until_not_after: "sista kvartalet ska vara ett kvartal efter målets första, och ett årsmål har inget",
        span_too_long: |n, most| format!("målet sträcker sig över {n} kvartal; högst {most} går"),
    },
    e_note_control: |c| {
        format!(
            "anteckningen innehåller styrtecknet {c}; bara radbrytningar och tabbar får finnas i den"
        )
    },
    e_cannot_save: |p, r| format!("kan inte spara {p}: {r}"),
    e_conflict: |p| {
        format!("{p} ändrades av ett annat program sedan okr läste den; okr skrev inte över den")
    },
    e_encode: |m| format!("kan inte koda datan: {m}"),
    e_lock_held: |p, pid| {
        format!(
            "{p} är redan öppen i ett annat okr-fönster{}; stäng det först, så att inte två program skriver i filen samtidigt",
            pid.map(|n| format!(" (process {n})")).unwrap_or_default()
        )
    },
    e_lock_not_file: |p| {
        format!(
            "låsfilen {p} är en symbolisk länk eller ingen vanlig fil; okr skriver inte genom den. Ta bort den och försök igen"
        )
    },
    e_lock_file: |p, r| format!("kan inte skapa låsfilen {p}: {r}"),
    e_folder: |p, r| format!("kan inte skapa mappen {p}: {r}"),
    e_no_home: "hittar ingen hemmapp att lägga datafilen i; ange en fil med --file eller OKR_FILE",
    e_ambiguous_id: |id, some| {
        format!("”{id}” är början på mer än ett id ({some}); skriv mer av det")
    },
    e_no_such_kr: |id, p| {
        format!(
            "det finns inget nyckelresultat med id ”{id}” i {p}, och ingen uppgift heller; okr list visar id:na"
        )
    },
    e_not_number: |t, how| format!("”{t}” är inte ett tal; {how}"),
    e_number_refused: |t, why| format!("”{t}” är inte ett tal som okr kan läsa: {why}"),
    e_not_done_value: |t| {
        format!(
            "”{t}” är inget värde för ett klar/inte klar-nyckelresultat; skriv ja eller nej (klar, inte klar, 1 och 0 går också)"
        )
    },
    e_signals: |r| format!("kan inte installera signalhanterarna: {r}"),
    e_terminal_open: |r| format!("kan inte öppna terminalen: {r}"),
    e_terminal_draw: |r| format!("kan inte rita skärmen: {r}"),
    e_terminal_gone: |r| format!("terminalen slutade svara: {r}"),
    e_thread: |r| format!("kan inte starta en tråd: {r}"),
    e_output: |r| format!("kan inte skriva utdata: {r}"),
    e_temp_folder: |p, r| format!("kan inte skapa en tillfällig mapp i {p}: {r}"),
    commands: commands::COMMANDS,
    weekly: weekly::WEEKLY,
    daily: daily::DAILY,
    hooks: super::hooks::SV,
    refresh: refresh::REFRESH,
    sync: sync::SYNC,
    digest: super::digest::SV,
    team: TeamWords {
        e_config: |p| format!("kan inte använda inställningsfilen {p}"),
        e_config_object: "den ska vara ett JSON-objekt, som {\"owner\": \"Anna\", \"language\": \"sv\"}",
        e_config_owner: "\"owner\" ska vara ett namn inom citattecken",
        e_config_control: |c| {
            format!(
                "\"owner\" innehåller ett styrtecken, ett riktningstecken eller ett osynligt tecken ({c}): ett namn ska läsas som det står"
            )
        },
        e_config_language: |v| format!("\"language\" ska vara \"sv\" eller \"en\", inte {v}"),
        e_config_fix: "rätta den eller ta bort den (okr path visar var den ligger)",
        e_not_toml: "det här är inte giltig TOML",
        config_moved: |from, to, kept| {
            format!("inställningarna i {from} finns nu i {to}; den gamla filen är kvar som {kept}")
        },
        path_data: "datafil",
        path_config: "inställningsfil",
        settings_title: "Inställningar",
        settings_about: |p| format!("dina sparas i {p}, teamets i datafilen"),
        f_me: "Jag (ägare) · bara för dig",
        f_language: "Språk · bara för dig",
        f_weekday: "Incheckningsdag · för hela teamet",
        weekdays: [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ],
        f_cadence: "Incheckningsrytm · för hela teamet",
        cadences: ["varje vecka", "varannan vecka", "varje månad"],
        f_holidays: "Lediga veckor (t.ex. 2026-W52) · för hela teamet",
        e_holidays: |w| format!("{w} är ingen vecka: skriv veckor som 2026-W52, 2026-W53"),
        settings_saved: "Inställningarna är sparade.",
        settings_not_saved: |r| format!("De personliga inställningarna sparades inte: {r}"),
        everyone: "alla",
        mine: |me| format!("mina ({me})"),
        showing: "visar",
        nothing_of: |who, me, f| match (me, who) {
            (true, "") => {
                format!("Du har inga mål det här kvartalet – tryck {f} för att visa någon annans.")
            }
            (true, _) => format!(
                "Du ({who}) har inga mål det här kvartalet – tryck {f} för att visa någon annans."
            ),
            (false, _) => {
                format!(
                    "{who} har inga mål det här kvartalet – tryck {f} för att visa någon annans."
                )
            }
        },
        no_owner: "(utan ägare)",
        per_owner: "3–5 mål per ägare",
        answered: "antal som svarat",
        from_children: |n| format!("snitt av {n} {} som stödjer det", plural(n, "mål", "mål")),
        progress_of: |who, p| format!("{who}: {p}"),
        quarter_change_of: |who, a, b| format!("Kvartalets framsteg, {who}: {a} → {b}"),
        serves: "Stödjer",
        served_by: "Stöds av",
        err_parent_year: "Det övergripande målet måste ligga i samma år.",
        under: |t| format!("under {t}"),
    },
    quarterly: quarterly::QUARTERLY,
    years: years::YEARS,
    html: html::HTML,
    keys: keys::KEYS,
    live: super::live::SV,
};
