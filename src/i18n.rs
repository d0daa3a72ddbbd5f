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
