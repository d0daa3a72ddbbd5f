//! Every user-visible string, in Swedish and English: one table per language,
//! so a third language is one more table. Words follow the team's OKR notes.

use crate::model::progress::{ConfidenceBand, PaceStatus, ScoreBand};
use crate::model::{Kind, Lang, Status};

/// One language's words.
pub struct Strings {
    pub lang: Lang,
    pub decimal_mark: char,
    pub objective: &'static str,
    pub objectives: &'static str,
    pub key_result: &'static str,
    pub key_results: &'static str,
    pub initiative: &'static str,
    pub initiatives: &'static str,
    pub quarter: &'static str,
    pub week: &'static str,
    pub checkin: &'static str,
    pub checkins: &'static str,
    pub confidence: &'static str,
    pub score: &'static str,
    pub progress: &'static str,
    pub pace: &'static str,
    pub why: &'static str,
    pub kind: &'static str,
    pub parent: &'static str,
    pub owner: &'static str,
    pub status: &'static str,
    pub weight: &'static str,
    pub note: &'static str,
    pub value: &'static str,
    pub start: &'static str,
    pub target: &'static str,
    pub current: &'static str,
    pub unit: &'static str,
    pub level: &'static str,
    pub done: &'static str,
    pub not_done: &'static str,
    pub stale: &'static str,
    pub wins: &'static str,
    pub blockers: &'static str,
    pub next_steps: &'static str,
    pub pulse: &'static str,
    pub pillars: [&'static str; 5],
    pub went_well: &'static str,
    pub to_change: &'static str,
    pub retro: &'static str,
    pub kinds: [&'static str; 4],
    pub statuses: [&'static str; 4],
    pub pace_statuses: [&'static str; 3],
    pub confidence_bands: [&'static str; 3],
    pub score_bands: [&'static str; 3],
    pub measure_types: [&'static str; 4],
    pub no_objectives: &'static str,
    pub yes: &'static str,
    pub today: &'static str,
    pub no: &'static str,
    pub app_title: &'static str,
    pub of_quarter_passed: &'static str,
    pub empty_quarter: [&'static str; 5],
    pub no_key_results: &'static str,
    pub no_key_results_detail: &'static str,
    pub no_initiatives: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub form_keys: &'static str,
    pub form_text_keys: &'static str,
    pub new_objective: &'static str,
    pub edit_objective: &'static str,
    pub new_key_result: &'static str,
    pub edit_key_result: &'static str,
    pub new_initiative: &'static str,
    pub edit_initiative: &'static str,
    pub set_value: &'static str,
    pub f_title: &'static str,
    pub f_measure: &'static str,
    pub f_confidence: &'static str,
    pub f_parent: &'static str,
    pub f_linked: &'static str,
    pub f_done: &'static str,
    pub none: &'static str,
    pub err_empty_title: &'static str,
    pub err_not_number: &'static str,
    pub err_confidence: &'static str,
    pub err_target_is_start: &'static str,
    pub err_weight: &'static str,
    pub err_unknown_parent: &'static str,
    pub warn_many_objectives: fn(usize, Option<&str>) -> String,
    pub warn_many_key_results: fn(usize) -> String,
    pub warn_long_title: &'static str,
    pub warn_no_number: &'static str,
    pub confirm_delete: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub save_failed: fn(&str, &str) -> String,
    pub save_conflict: fn(&str, &str) -> String,
    pub unsaved_quit: &'static str,
    pub linked_to: &'static str,
    pub select_objective_first: &'static str,
    pub detail_title: &'static str,
    pub demo_note: &'static str,
    pub checkin_banner: fn(usize) -> String,
    pub checkin_title: fn(&str) -> String,
    pub step_of: fn(usize, usize) -> String,
    pub last_week: &'static str,
    pub reflect_title: &'static str,
    pub reflect_hint: &'static str,
    pub pulse_title: &'static str,
    pub pulse_incomplete: &'static str,
    pub summary_title: &'static str,
    pub moved: &'static str,
    pub nothing_moved: &'static str,
    pub behind_or_stale: &'static str,
    pub all_on_pace: &'static str,
    pub quarter_change: fn(&str, &str) -> String,
    pub streak: fn(u32) -> String,
    pub celebrate: fn(usize) -> String,
    pub walk_keys: &'static str,
    pub reflect_keys: &'static str,
    pub pulse_keys: &'static str,
    pub summary_keys: &'static str,
    pub no_checkin_items: &'static str,
    pub checkin_saved: &'static str,
    pub past_checkins: &'static str,
    pub review_title: fn(&str) -> String,
    pub suggested: &'static str,
    pub succeeded: &'static str,
    pub missed: &'static str,
    pub committed_below: &'static str,
    pub running: fn(usize) -> String,
    pub propose_carry: &'static str,
    pub review_form: &'static str,
    pub f_score: &'static str,
    pub err_score: &'static str,
    pub carry_title: &'static str,
    pub carry_hint: &'static str,
    pub carry_uppgifter: fn(usize) -> String,
    pub carried: fn(&str) -> String,
    pub already_carried: fn(&str) -> String,
    pub no_review_objectives: &'static str,
    pub review_keys_hint: &'static str,
    pub checklist_title: &'static str,
    pub check_objectives: fn(&str) -> String,
    pub check_key_results: fn(usize) -> String,
    pub check_measurable: fn(usize) -> String,
    pub check_one_line: fn(usize) -> String,
    pub overview_title: &'static str,
    pub col_objectives: &'static str,
    pub col_score: &'static str,
    pub col_committed: &'static str,
    pub running_progress: &'static str,
    pub mean_scores: &'static str,
    pub pulse_trend: &'static str,
    pub no_quarters: &'static str,
    pub key_elsewhere: fn(&str, &str) -> String,
    pub err_own_parent: &'static str,
    pub select_key_result: fn(&str, &str) -> String,
    pub select_initiative: fn(&str, &str) -> String,
    pub io_not_found: &'static str,
    pub io_permission: &'static str,
    pub io_read_only: &'static str,
    pub io_full: &'static str,
    pub io_is_dir: &'static str,
    pub e_cannot_read: fn(&str) -> String,
    pub e_at: fn(usize, usize) -> String,
    pub e_empty: &'static str,
    pub e_cut_short: &'static str,
    pub e_not_json: &'static str,
    pub e_shape: &'static str,
    pub e_version_zero: &'static str,
    pub e_newer: fn(u64, u32) -> String,
    pub e_left_alone: &'static str,
    pub e_cannot_save: fn(&str, &str) -> String,
    pub e_conflict: fn(&str) -> String,
    pub e_encode: fn(&str) -> String,
    pub e_lock_held: fn(&str, Option<u32>) -> String,
    pub e_lock_file: fn(&str, &str) -> String,
    pub e_folder: fn(&str, &str) -> String,
    pub e_no_home: &'static str,
    pub e_no_such_kr: fn(&str, &str) -> String,
    pub e_not_number: fn(&str) -> String,
    pub e_not_done_value: fn(&str) -> String,
    pub actions: [&'static str; 24],
}

pub static SV: Strings = Strings {
    lang: Lang::Sv,
    decimal_mark: ',',
    objective: "Mål",
    objectives: "Mål",
    key_result: "Nyckelresultat",
    key_results: "Nyckelresultat",
    initiative: "Uppgift",
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
    stale: "inaktuell",
    wins: "Vinster att fira",
    blockers: "Hinder",
    next_steps: "Nästa steg",
    pulse: "Teampuls",
    pillars: [
        "Struktur och tydlighet",
        "Psykologisk trygghet",
        "Mening",
        "Pålitlighet",
        "Påverkan",
    ],
    went_well: "Vad gick bra",
    to_change: "Vad ska ändras",
    retro: "Retro",
    kinds: ["Hängiven", "Ambitiös", "Personlig", "Ekonomisk"],
    statuses: ["aktiv", "uppnått", "avbrutet", "flyttat vidare"],
    pace_statuses: ["efter takt", "i takt", "klart"],
    confidence_bands: ["i fara", "behöver uppmärksamhet", "på väg"],
    score_bands: ["röd", "gul", "grön"],
    measure_types: [
        "Siffra (start → mål)",
        "Klar / inte klar",
        "Håll minst",
        "Håll högst",
    ],
    no_objectives: "Inga mål detta kvartal.",
    yes: "ja",
    today: "i dag",
    no: "nej",
    app_title: "okr",
    of_quarter_passed: "av kvartalet har gått",
    empty_quarter: [
        "Inga mål för det här kvartalet än.",
        "Mål — Var ska jag? Inspirerande, en rad, visar vägen.",
        "Nyckelresultat — Hur vet jag att jag kommer närmare målet? Kort, specifikt, mätbart.",
        "Uppgifter — Vad behöver jag göra för att komma dit? Konkreta uppgifter.",
        "Tryck a för att lägga till ditt första mål (3–5 per kvartal: färre är bättre).",
    ],
    no_key_results: "Inga nyckelresultat än: tryck Tab och sedan a.",
    no_key_results_detail: "Inga nyckelresultat än: tryck a.",
    no_initiatives: "Inga uppgifter än: tryck a här.",
    too_small: "Fönstret är för litet för okr: gör det minst 40×12.",
    help_title: "Tangenter",
    help_close: "Esc eller ? stänger",
    form_keys: "Enter spara · Esc avbryt · Tab/↓ nästa fält · Shift-Tab/↑ föregående · ←/→ välj · Ctrl-S sparar i textrutor",
    form_text_keys: "Skriv: ←/→ Home/End Backspace/Delete redigerar",
    new_objective: "Nytt mål",
    edit_objective: "Ändra mål",
    new_key_result: "Nytt nyckelresultat",
    edit_key_result: "Ändra nyckelresultat",
    new_initiative: "Ny uppgift",
    edit_initiative: "Ändra uppgift",
    set_value: "Nytt värde",
    f_title: "Titel",
    f_measure: "Mätning",
    f_confidence: "Säkerhet (1–10)",
    f_parent: "Övergripande mål (id)",
    f_linked: "Nyckelresultat",
    f_done: "Klar",
    none: "inget",
    err_empty_title: "Skriv en titel.",
    err_not_number: "Inte ett tal: skriv t.ex. 12,5 eller 12.5.",
    err_confidence: "Säkerhet är ett heltal 1–10.",
    err_target_is_start: "Målvärdet är samma som start: då finns inget att mäta.",
    err_weight: "Vikten är ett tal större än 0.",
    err_unknown_parent: "Inget mål har det id:t.",
    warn_many_objectives: |n, who| match who {
        Some(w) => {
            format!("Fokus: {w} har {n} mål det här kvartalet; 3–5 är lagom, färre är bättre.")
        }
        None => format!("Fokus: {n} mål det här kvartalet; 3–5 är lagom, färre är bättre."),
    },
    warn_many_key_results: |n| format!("Fokus: {n} nyckelresultat på målet; högst 5."),
    warn_long_title: "Fokus: ett mål ska rymmas på en rad.",
    warn_no_number: "Fokus: ett nyckelresultat ska vara mätbart; ett tal gör det tydligt.",
    confirm_delete: |t| format!("Ta bort «{t}»? y = ja, n = nej"),
    deleted: |t| format!("Borttaget: {t} (u ångrar)"),
    undone: "Ångrat.",
    redone: "Gjort igen.",
    nothing_to_undo: "Inget att ångra.",
    nothing_to_redo: "Inget att göra om.",
    save_failed: |f, r| format!("Kunde inte spara {f}: {r}. Inget är förlorat; okr försöker igen."),
    save_conflict: |f, c| {
        format!(
            "{f} ändrades av ett annat program; okr skrev inte över den. Dina ändringar sparas i {c}."
        )
    },
    unsaved_quit: "Senaste ändringen är inte sparad. Tryck q igen för att avsluta ändå.",
    linked_to: "→",
    select_objective_first: "Välj ett mål först.",
    detail_title: "Mål",
    demo_note: "Demo: exempeldata i en tillfällig fil; din egen fil rörs inte.",
    checkin_banner: |n| format!("Veckans incheckning: {n} nyckelresultat väntar — tryck c"),
    checkin_title: |w| format!("Incheckning {w}"),
    step_of: |i, n| format!("Nyckelresultat {i} av {n}"),
    last_week: "Förra veckan",
    reflect_title: "Vinster, hinder och nästa steg",
    reflect_hint: "Fira små vinster: skriv ner det som gick bra den här veckan.",
    pulse_title: "Teampuls: betygsätt varje pelare 1–5",
    pulse_incomplete: "Betygsätt alla fem pelare, eller tryck s för att hoppa över.",
    summary_title: "Sammanfattning",
    moved: "Det här rörde sig",
    nothing_moved: "Inget rörde sig den här veckan.",
    behind_or_stale: "Efter takt eller inaktuella",
    all_on_pace: "Alla nyckelresultat håller takten.",
    quarter_change: |a, b| format!("Kvartalets framsteg: {a} → {b}"),
    streak: |n| {
        format!(
            "Incheckningar i rad: {n} {}",
            if n == 1 { "vecka" } else { "veckor" }
        )
    },
    celebrate: |n| format!("Fira små vinster: {n} nyckelresultat gick framåt den här veckan!"),
    walk_keys: "Enter nästa · Tab fält · Esc spara och lämna",
    reflect_keys: "Enter ny rad · Tab nästa fält (efter sista: vidare) · Ctrl-S vidare · Esc spara och lämna",
    pulse_keys: "1–5 betyg · ↑/↓ pelare · Enter spara · s hoppa över · Esc lämna · q avsluta",
    summary_keys: "Enter/Esc tillbaka · q avsluta",
    no_checkin_items: "Inga nyckelresultat att checka in på det här kvartalet: lägg till några först.",
    checkin_saved: "Incheckningen är sparad; fortsätt med c när du vill.",
    past_checkins: "Incheckningar",
    review_title: |q| format!("Kvartalsgenomgång {q}"),
    suggested: "förslag",
    succeeded: "lyckat",
    missed: "missat",
    committed_below: "hängivet mål under 1,0",
    running: |n| format!("kvartal {n} i rad"),
    propose_carry: "föreslås föras vidare: låt målet vara kvar tills du lyckats",
    review_form: "Betyg och retro",
    f_score: "Betyg (0–1)",
    err_score: "Betyget är ett tal 0–1, t.ex. 0,7.",
    carry_title: "För vidare till nästa kvartal",
    carry_hint: "Välj nyckelresultat att ta med: Space växlar · ↑/↓ välj · Enter för vidare · Esc avbryt",
    carry_uppgifter: |n| format!("{n} ej klara uppgifter följer med."),
    carried: |q| format!("Fört vidare till {q}."),
    already_carried: |q| format!("Redan fört vidare till {q}; ingen kopia till."),
    no_review_objectives: "Inga mål att gå igenom det här kvartalet.",
    review_keys_hint: "Enter betygsätt, skriv retro och välj status · n planera nästa kvartal",
    checklist_title: "Fokus",
    check_objectives: |n| format!("3–5 mål per ägare ({n})"),
    check_key_results: |n| format!("högst 5 nyckelresultat per mål (flest {n})"),
    check_measurable: |n| format!("alla nyckelresultat mätbara ({n} utan siffra)"),
    check_one_line: |n| format!("varje mål på en rad ({n} för långa)"),
    overview_title: "Översikt: alla kvartal",
    col_objectives: "Mål",
    col_score: "Betyg",
    col_committed: "Hängivna uppnådda",
    running_progress: "pågår",
    mean_scores: "Medelbetyg per kvartal",
    pulse_trend: "Teampuls per kvartal (medel 1–5)",
    no_quarters: "Inga kvartal med mål än: tryck Esc och a för att lägga till.",
    key_elsewhere: |k, a| format!("{k} ({a}) fungerar inte här; ? visar tangenterna som gör det."),
    err_own_parent: "Ett mål kan inte ligga under sig självt.",
    select_key_result: |k, a| {
        format!("{k} ({a}) gäller ett nyckelresultat: tryck Tab för att välja ett.")
    },
    select_initiative: |k, a| {
        format!("{k} ({a}) gäller en uppgift: öppna målet med Enter och tryck Tab.")
    },
    io_not_found: "den finns inte",
    io_permission: "åtkomst nekad",
    io_read_only: "filsystemet är skrivskyddat",
    io_full: "disken är full",
    io_is_dir: "det är en mapp, inte en fil",
    e_cannot_read: |p| format!("kan inte läsa {p}"),
    e_at: |l, c| format!("rad {l}, kolumn {c}"),
    e_empty: "filen är tom",
    e_cut_short: "filen tar slut för tidigt, den kan vara avkortad",
    e_not_json: "det här är inte giltig JSON",
    e_shape: "det här har inte formen av en okr-fil",
    e_version_zero: "\"version\" måste vara 1 eller mer",
    e_newer: |v, m| {
        format!(
            "den skrevs av en nyare okr (filformat {v}, den här okr läser upp till {m}); uppdatera okr för att öppna den"
        )
    },
    e_left_alone: "filen lämnades som den var",
    e_cannot_save: |p, r| format!("kan inte spara {p}: {r}"),
    e_conflict: |p| {
        format!("{p} ändrades av ett annat program sedan okr läste den; okr skrev inte över den")
    },
    e_encode: |m| format!("kan inte koda datan: {m}"),
    e_lock_held: |p, pid| {
        format!(
            "{p} är redan öppen i en annan okr{}; stäng den först, så att två aldrig skriver samtidigt",
            pid.map(|n| format!(" (process {n})")).unwrap_or_default()
        )
    },
    e_lock_file: |p, r| format!("kan inte skapa låsfilen {p}: {r}"),
    e_folder: |p, r| format!("kan inte skapa mappen {p}: {r}"),
    e_no_home: "hittar ingen hemmapp för datafilen; ange en med --file eller OKR_FILE",
    e_no_such_kr: |id, p| {
        format!("det finns inget nyckelresultat med id '{id}' i {p}; id:na visas i målets detalj")
    },
    e_not_number: |t| format!("'{t}' är inte ett tal; skriv t.ex. 12,5 eller 12.5"),
    e_not_done_value: |t| {
        format!(
            "'{t}' är inget värde för ett klar/inte klar-nyckelresultat; skriv ja eller nej (klar, 1 eller 0)"
        )
    },
    actions: [
        "avsluta",
        "hjälp",
        "tillbaka",
        "ned",
        "upp",
        "öppna",
        "nästa ruta",
        "föregående ruta",
        "föregående kvartal",
        "nästa kvartal",
        "dagens kvartal",
        "lägg till",
        "ändra",
        "ta bort",
        "ångra",
        "gör om",
        "sätt värde",
        "öka med ett",
        "minska med ett",
        "klar / inte klar",
        "incheckning",
        "kvartalsgenomgång",
        "översikt",
        "planera nästa kvartal",
    ],
};

pub static EN: Strings = Strings {
    lang: Lang::En,
    decimal_mark: '.',
    objective: "Objective",
    objectives: "Objectives",
    key_result: "Key result",
    key_results: "Key results",
    initiative: "Initiative",
    initiatives: "Initiatives",
    quarter: "Quarter",
    week: "Week",
    checkin: "Check-in",
    checkins: "Check-ins",
    confidence: "Confidence",
    score: "Score",
    progress: "Progress",
    pace: "Pace",
    why: "Why",
    kind: "Kind",
    parent: "Parent objective",
    owner: "Owner",
    status: "Status",
    weight: "Weight",
    note: "Note",
    value: "Value",
    start: "Start",
    target: "Target",
    current: "Current",
    unit: "Unit",
    level: "Level",
    done: "done",
    not_done: "not done",
    stale: "stale",
    wins: "Wins to celebrate",
    blockers: "Blockers",
    next_steps: "Next steps",
    pulse: "Team pulse",
    pillars: [
        "Structure & clarity",
        "Psychological safety",
        "Meaning",
        "Dependability",
        "Impact",
    ],
    went_well: "What went well",
    to_change: "What to change",
    retro: "Retro",
    kinds: ["Committed", "Aspirational", "Personal", "Economic"],
    statuses: ["active", "achieved", "dropped", "carried over"],
    pace_statuses: ["behind pace", "on pace", "done"],
    confidence_bands: ["at risk", "needs attention", "on track"],
    score_bands: ["red", "yellow", "green"],
    measure_types: [
        "Number (start → target)",
        "Done / not done",
        "Keep at or above",
        "Keep at or below",
    ],
    no_objectives: "No objectives this quarter.",
    yes: "yes",
    today: "today",
    no: "no",
    app_title: "okr",
    of_quarter_passed: "of the quarter has passed",
    empty_quarter: [
        "No objectives for this quarter yet.",
        "Objective — Where do I want to go? Inspiring, one line, shows the way.",
        "Key results — How do I know I am getting closer? Short, specific, measurable.",
        "Initiatives — What do I need to do to get there? Concrete tasks.",
        "Press a to add your first objective (3–5 a quarter: fewer is better).",
    ],
    no_key_results: "No key results yet: press Tab, then a.",
    no_key_results_detail: "No key results yet: press a.",
    no_initiatives: "No initiatives yet: press a here.",
    too_small: "The window is too small for okr: make it at least 40×12.",
    help_title: "Keys",
    help_close: "Esc or ? closes",
    form_keys: "Enter save · Esc cancel · Tab/↓ next field · Shift-Tab/↑ previous · ←/→ choose · Ctrl-S saves in text boxes",
    form_text_keys: "Typing: ←/→ Home/End Backspace/Delete edit",
    new_objective: "New objective",
    edit_objective: "Edit objective",
    new_key_result: "New key result",
    edit_key_result: "Edit key result",
    new_initiative: "New initiative",
    edit_initiative: "Edit initiative",
    set_value: "New value",
    f_title: "Title",
    f_measure: "Measure",
    f_confidence: "Confidence (1–10)",
    f_parent: "Parent objective (id)",
    f_linked: "Key result",
    f_done: "Done",
    none: "none",
    err_empty_title: "Write a title.",
    err_not_number: "Not a number: write e.g. 12.5 or 12,5.",
    err_confidence: "Confidence is a whole number 1–10.",
    err_target_is_start: "The target equals the start: there is nothing to measure.",
    err_weight: "The weight is a number above 0.",
    err_unknown_parent: "No objective has that id.",
    warn_many_objectives: |n, who| match who {
        Some(w) => {
            format!("Focus: {w} has {n} objectives this quarter; 3–5 is right, fewer is better.")
        }
        None => format!("Focus: {n} objectives this quarter; 3–5 is right, fewer is better."),
    },
    warn_many_key_results: |n| format!("Focus: {n} key results on this objective; at most 5."),
    warn_long_title: "Focus: an objective should fit on one line.",
    warn_no_number: "Focus: a key result should be measurable; a number makes it clear.",
    confirm_delete: |t| format!("Delete “{t}”? y = yes, n = no"),
    deleted: |t| format!("Deleted: {t} (u undoes)"),
    undone: "Undone.",
    redone: "Redone.",
    nothing_to_undo: "Nothing to undo.",
    nothing_to_redo: "Nothing to redo.",
    save_failed: |f, r| format!("Could not save {f}: {r}. Nothing is lost; okr keeps trying."),
    save_conflict: |f, c| {
        format!(
            "{f} was changed by another program; okr did not overwrite it. Your changes are saved in {c}."
        )
    },
    unsaved_quit: "The last change is not saved. Press q again to quit anyway.",
    linked_to: "→",
    select_objective_first: "Select an objective first.",
    detail_title: "Objective",
    demo_note: "Demo: example data in a temporary file; your own file is not touched.",
    checkin_banner: |n| format!("This week's check-in: {n} key results waiting — press c"),
    checkin_title: |w| format!("Check-in {w}"),
    step_of: |i, n| format!("Key result {i} of {n}"),
    last_week: "Last week",
    reflect_title: "Wins, blockers and next steps",
    reflect_hint: "Celebrate small wins: write down what went well this week.",
    pulse_title: "Team pulse: rate each pillar 1–5",
    pulse_incomplete: "Rate all five pillars, or press s to skip.",
    summary_title: "Summary",
    moved: "What moved",
    nothing_moved: "Nothing moved this week.",
    behind_or_stale: "Behind pace or stale",
    all_on_pace: "Every key result keeps the pace.",
    quarter_change: |a, b| format!("Quarter progress: {a} → {b}"),
    streak: |n| {
        format!(
            "Check-in streak: {n} {}",
            if n == 1 { "week" } else { "weeks" }
        )
    },
    celebrate: |n| format!("Celebrate small wins: {n} key results moved forward this week!"),
    walk_keys: "Enter next · Tab field · Esc save and leave",
    reflect_keys: "Enter new line · Tab next field (after the last: go on) · Ctrl-S go on · Esc save and leave",
    pulse_keys: "1–5 rate · ↑/↓ pillar · Enter save · s skip · Esc leave · q quit",
    summary_keys: "Enter/Esc back · q quit",
    no_checkin_items: "No key results to check in on this quarter: add some first.",
    checkin_saved: "The check-in is saved; go on with c whenever you like.",
    past_checkins: "Check-ins",
    review_title: |q| format!("Quarter review {q}"),
    suggested: "suggested",
    succeeded: "succeeded",
    missed: "missed",
    committed_below: "committed, below 1.0",
    running: |n| format!("{n} quarters running"),
    propose_carry: "proposed to carry over: keep it until you succeed",
    review_form: "Score and retro",
    f_score: "Score (0–1)",
    err_score: "The score is a number 0–1, e.g. 0.7.",
    carry_title: "Carry into the next quarter",
    carry_hint: "Pick the key results to take along: Space toggles · ↑/↓ move · Enter carries · Esc cancels",
    carry_uppgifter: |n| format!("{n} open initiatives come along."),
    carried: |q| format!("Carried into {q}."),
    already_carried: |q| format!("Already carried into {q}; no second copy."),
    no_review_objectives: "No objectives to review this quarter.",
    review_keys_hint: "Enter to score, write the retro and set the status · n to plan the next quarter",
    checklist_title: "Focus",
    check_objectives: |n| format!("3–5 objectives per owner ({n})"),
    check_key_results: |n| format!("at most 5 key results per objective (most {n})"),
    check_measurable: |n| format!("every key result measurable ({n} without a number)"),
    check_one_line: |n| format!("every objective one line ({n} too long)"),
    overview_title: "Overview: all quarters",
    col_objectives: "Obj.",
    col_score: "Score",
    col_committed: "Committed achieved",
    running_progress: "running",
    mean_scores: "Mean score per quarter",
    pulse_trend: "Team pulse per quarter (mean 1–5)",
    no_quarters: "No quarters with objectives yet: press Esc, then a to add one.",
    key_elsewhere: |k, a| format!("{k} ({a}) does not work here; ? shows the keys that do."),
    err_own_parent: "An objective cannot sit under itself.",
    select_key_result: |k, a| format!("{k} ({a}) works on a key result: press Tab to select one."),
    select_initiative: |k, a| {
        format!("{k} ({a}) works on an initiative: open the objective with Enter, then press Tab.")
    },
    io_not_found: "it does not exist",
    io_permission: "permission denied",
    io_read_only: "the file system is read-only",
    io_full: "the disk is full",
    io_is_dir: "it is a folder, not a file",
    e_cannot_read: |p| format!("cannot read {p}"),
    e_at: |l, c| format!("line {l}, column {c}"),
    e_empty: "the file is empty",
    e_cut_short: "the file ends too early, it may be cut short",
    e_not_json: "this is not valid JSON",
    e_shape: "this is not the shape of an okr file",
    e_version_zero: "\"version\" must be 1 or more",
    e_newer: |v, m| {
        format!(
            "it was written by a newer okr (file format {v}, this okr reads up to {m}); update okr to open it"
        )
    },
    e_left_alone: "the file was left as it is",
    e_cannot_save: |p, r| format!("cannot save {p}: {r}"),
    e_conflict: |p| {
        format!("{p} was changed by another program since okr read it; okr did not overwrite it")
    },
    e_encode: |m| format!("cannot encode the data: {m}"),
    e_lock_held: |p, pid| {
        format!(
            "{p} is already open in another okr{}; close that one first, so that two never both write",
            pid.map(|n| format!(" (process {n})")).unwrap_or_default()
        )
    },
    e_lock_file: |p, r| format!("cannot create the lock file {p}: {r}"),
    e_folder: |p, r| format!("cannot create the folder {p}: {r}"),
    e_no_home: "cannot find a home folder for the data file; name one with --file or OKR_FILE",
    e_no_such_kr: |id, p| {
        format!(
            "there is no key result with the id '{id}' in {p}; the ids are shown in the Mål detail"
        )
    },
    e_not_number: |t| format!("'{t}' is not a number; write it like 12,5 or 12.5"),
    e_not_done_value: |t| {
        format!(
            "'{t}' is not a value for a done/not-done key result; give done or no (ja or nej, 1 or 0)"
        )
    },
    actions: [
        "quit",
        "help",
        "back",
        "down",
        "up",
        "open",
        "next pane",
        "previous pane",
        "previous quarter",
        "next quarter",
        "today's quarter",
        "add",
        "edit",
        "delete",
        "undo",
        "redo",
        "set value",
        "step up by one",
        "step down by one",
        "done / not done",
        "check-in",
        "quarter review",
        "overview",
        "plan next quarter",
    ],
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn kind(&self, k: Kind) -> &'static str {
        self.kinds[match k {
            Kind::Committed => 0,
            Kind::Aspirational => 1,
            Kind::Personal => 2,
            Kind::Economic => 3,
        }]
    }

    pub fn status(&self, s: Status) -> &'static str {
        self.statuses[match s {
            Status::Active => 0,
            Status::Achieved => 1,
            Status::Dropped => 2,
            Status::CarriedOver => 3,
        }]
    }

    pub fn pace_status(&self, s: PaceStatus) -> &'static str {
        self.pace_statuses[match s {
            PaceStatus::Behind => 0,
            PaceStatus::OnTrack => 1,
            PaceStatus::Done => 2,
        }]
    }

    pub fn confidence_band(&self, b: ConfidenceBand) -> &'static str {
        self.confidence_bands[match b {
            ConfidenceBand::AtRisk => 0,
            ConfidenceBand::NeedsAttention => 1,
            ConfidenceBand::OnTrack => 2,
        }]
    }

    pub fn score_band(&self, b: ScoreBand) -> &'static str {
        self.score_bands[match b {
            ScoreBand::Red => 0,
            ScoreBand::Yellow => 1,
            ScoreBand::Green => 2,
        }]
    }

    /// The label of an action, for the footer and the help.
    pub fn action(&self, a: crate::app::keys::Action) -> &'static str {
        use crate::app::keys::Action as A;
        let i = match a {
            A::Quit => 0,
            A::Help => 1,
            A::Back => 2,
            A::Down => 3,
            A::Up => 4,
            A::Open => 5,
            A::NextPane => 6,
            A::PrevPane => 7,
            A::PrevQuarter => 8,
            A::NextQuarter => 9,
            A::Today => 10,
            A::Add => 11,
            A::Edit => 12,
            A::Delete => 13,
            A::Undo => 14,
            A::Redo => 15,
            A::SetValue => 16,
            A::StepUp => 17,
            A::StepDown => 18,
            A::Toggle => 19,
            A::CheckIn => 20,
            A::Review => 21,
            A::Overview => 22,
            A::PlanNext => 23,
        };
        self.actions[i]
    }

    /// A number in this language's convention.
    pub fn num(&self, v: f64) -> String {
        crate::model::number::format_number(v, self.decimal_mark)
    }

    /// A measure as it reads on screen and in reports: `55 / 100 MSEK`,
    /// `klar`, `420 kr/mån (nivå ≤ 500)`.
    pub fn measure_text(&self, m: &crate::model::Measure) -> String {
        use crate::model::Measure;
        let unit = |u: &str| {
            if u.is_empty() {
                String::new()
            } else {
                format!(" {u}")
            }
        };
        let level = |l: &crate::model::Level, op: &str| {
            format!(
                "{}{} ({} {op} {})",
                self.num(l.current),
                unit(&l.unit),
                self.level.to_lowercase(),
                self.num(l.level)
            )
        };
        match m {
            Measure::Numeric(n) => format!(
                "{} / {}{}",
                self.num(n.current),
                self.num(n.target),
                unit(&n.unit)
            ),
            Measure::Done(b) => (if b.done { self.done } else { self.not_done }).to_string(),
            Measure::AtLeast(l) => level(l, "≥"),
            Measure::AtMost(l) => level(l, "≤"),
        }
    }

    /// A key result's value as a person reads it: a number, or done / not done.
    pub fn measure_value(&self, m: &crate::model::Measure, value: f64) -> String {
        match m {
            crate::model::Measure::Done(_) => (if value > 0.5 {
                self.done
            } else {
                self.not_done
            })
            .to_string(),
            _ => self.num(value),
        }
    }

    /// A number in full, for a form to edit: nothing is rounded away.
    pub fn num_exact(&self, v: f64) -> String {
        crate::model::number::format_exact(v, self.decimal_mark)
    }

    /// A share as a whole percent: `42 %` in Swedish, `42%` in English.
    pub fn percent(&self, share: f64) -> String {
        let p = (crate::model::progress::unit_clamp(share) * 100.0).round();
        match self.lang {
            Lang::Sv => format!("{p:.0} %"),
            Lang::En => format!("{p:.0}%"),
        }
    }
}

/// The UI language: the flag, else the file's setting, else the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Swedish.
pub fn choose_lang(flag: Option<Lang>, setting: Option<Lang>) -> Lang {
    flag.or(setting).or_else(locale_lang).unwrap_or(Lang::Sv)
}

fn locale_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_locale(&v))
}
