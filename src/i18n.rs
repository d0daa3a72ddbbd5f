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
    pub warn_many_objectives: fn(usize) -> String,
    pub warn_many_key_results: fn(usize) -> String,
    pub warn_long_title: &'static str,
    pub warn_no_number: &'static str,
    pub confirm_delete: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub save_failed: fn(&str) -> String,
    pub save_conflict: fn(&str, &str) -> String,
    pub unsaved_quit: &'static str,
    pub linked_to: &'static str,
    pub select_objective_first: &'static str,
    pub detail_title: &'static str,
    pub demo_note: &'static str,
    pub actions: [&'static str; 20],
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
    form_keys: "Tab/↓ nästa fält · Shift-Tab/↑ föregående · ←/→ välj · Enter spara · Esc avbryt",
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
    warn_many_objectives: |n| {
        format!("Fokus: {n} mål det här kvartalet; 3–5 är lagom, färre är bättre.")
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
    save_failed: |e| format!("Kunde inte spara: {e}. Inget är förlorat; okr försöker igen."),
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
    no: "no",
    app_title: "okr",
    of_quarter_passed: "of the quarter has passed",
    empty_quarter: [
        "No objectives for this quarter yet.",
        "Objective — Where do I want to go? Inspiring, one line, shows the way.",
        "Key result — How do I know I am getting closer? Short, specific, measurable.",
        "Initiatives — What do I need to do to get there? Concrete tasks.",
        "Press a to add your first objective (3–5 a quarter: fewer is better).",
    ],
    no_key_results: "No key results yet: press Tab, then a.",
    no_key_results_detail: "No key results yet: press a.",
    no_initiatives: "No initiatives yet: press a here.",
    too_small: "The window is too small for okr: make it at least 40×12.",
    help_title: "Keys",
    help_close: "Esc or ? closes",
    form_keys: "Tab/↓ next field · Shift-Tab/↑ previous · ←/→ choose · Enter save · Esc cancel",
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
    warn_many_objectives: |n| {
        format!("Focus: {n} objectives this quarter; 3–5 is right, fewer is better.")
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
    save_failed: |e| format!("Could not save: {e}. Nothing is lost; okr keeps trying."),
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
        };
        self.actions[i]
    }

    /// A number in this language's convention.
    pub fn num(&self, v: f64) -> String {
        crate::model::number::format_number(v, self.decimal_mark)
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
