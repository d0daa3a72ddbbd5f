//! Every user-visible string: the shape of a language's table and the helpers
//! that word numbers and measures; the tables are in `sv.rs` and `en.rs`.

mod actions;
mod commands;
mod daily;
pub mod digest;
mod en;
pub mod help;
pub mod hooks;
mod html;
mod keys;
pub mod live;
mod quarterly;
pub mod refresh;
mod sv;
pub mod sync;
pub mod team;
pub mod typed;
mod typography;
mod weekly;
mod years;

pub use commands::CommandWords;
pub use daily::{DailyWords, counted, listed};
pub use en::EN;
pub use html::HtmlWords;
pub use keys::KeyWords;
pub use quarterly::QuarterlyWords;
pub use sv::SV;
pub use team::TeamWords;
pub use weekly::WeeklyWords;
pub use years::YearWords;

use crate::model::cadence::Cadence;
use crate::model::number::{self, NumberError};
use crate::model::progress::{ConfidenceBand, PaceStatus, ScoreBand};
use crate::model::{Kind, Lang, MeasureKind, Status};

/// The name of each [`Kind`] of Mål.
pub struct KindNames {
    pub committed: &'static str,
    pub aspirational: &'static str,
    pub personal: &'static str,
    pub economic: &'static str,
}

/// The name of each [`Status`] of a Mål.
pub struct StatusNames {
    pub active: &'static str,
    pub achieved: &'static str,
    pub dropped: &'static str,
    pub carried_over: &'static str,
}

/// The name of each [`PaceStatus`].
pub struct PaceNames {
    pub behind: &'static str,
    pub on_track: &'static str,
    pub done: &'static str,
    pub achieved: &'static str,
    pub not_reached: &'static str,
}

/// The name of each [`ConfidenceBand`].
pub struct ConfidenceNames {
    pub at_risk: &'static str,
    pub needs_attention: &'static str,
    pub on_track: &'static str,
}

/// The name of each [`ScoreBand`].
pub struct ScoreNames {
    pub red: &'static str,
    pub yellow: &'static str,
    pub green: &'static str,
}

/// The choices of the key result form's measure field.
pub struct MeasureTypeNames {
    pub numeric: &'static str,
    pub done: &'static str,
    pub at_least: &'static str,
    pub at_most: &'static str,
}

/// The five pillars of the team pulse, named like the fields of
/// [`crate::model::Pulse`].
pub struct Pillars {
    pub structure: &'static str,
    pub safety: &'static str,
    pub meaning: &'static str,
    pub dependability: &'static str,
    pub impact: &'static str,
}

/// What an empty quarter shows: a headline, what Mål, Nyckelresultat and
/// Uppgifter are, and the first step.
pub struct EmptyQuarter {
    pub headline: &'static str,
    pub objective: &'static str,
    pub key_results: &'static str,
    pub initiatives: &'static str,
    pub first_step: fn(&str) -> String,
}

/// What is wrong with a typed number, as a clause (see [`Strings::number_error`]).
pub struct NumberWords {
    pub not_a_number: &'static str,
    pub several_marks: &'static str,
    pub grouping: &'static str,
    /// The two readings of an ambiguous number.
    pub ambiguous: fn(&str, &str) -> String,
    pub too_many_digits: &'static str,
    pub too_small: &'static str,
    pub too_large: &'static str,
    /// How to write a number: a decimal and a grouped example.
    pub write_like: fn(&str, &str) -> String,
}

/// The words for a file whose values break a rule (`model::validate`):
/// the kinds of item, how item, field and rule go together, and each rule.
pub struct ValueRules {
    pub objective: &'static str,
    pub key_result: &'static str,
    pub initiative: &'static str,
    pub checkin: &'static str,
    pub next_ids: &'static str,
    /// An entry of the conflicts list, counted from 1.
    pub conflict: fn(usize) -> String,
    /// The item, the field as named in the file, the rule.
    pub at: fn(&str, &str, &str) -> String,
    /// The value found.
    pub confidence: fn(&str) -> String,
    pub score: fn(&str) -> String,
    pub pulse: fn(&str) -> String,
    pub not_finite: &'static str,
    pub empty_id: &'static str,
    pub duplicate_id: &'static str,
    /// The number found, the highest allowed.
    pub id_too_large: fn(&str, &str) -> String,
    /// The id linked to.
    pub no_such_key_result: fn(&str) -> String,
    pub week_twice: &'static str,
    /// The ids around the circle.
    pub parent_cycle: fn(&str) -> String,
    /// Mål carried over from each other in a circle: the ids.
    pub carry_cycle: fn(&str) -> String,
    /// The character, as `U+001B`.
    pub control_character: fn(&str) -> String,
    /// The year found.
    pub quarter_range: fn(i32) -> String,
    /// `until` is no quarter after the Mål's.
    pub until_not_after: &'static str,
    /// A Mål spans too many quarters: how many, and the most.
    pub span_too_long: fn(usize, usize) -> String,
}

/// One language's words.
pub struct Strings {
    pub lang: Lang,
    pub objective: &'static str,
    pub objectives: &'static str,
    pub key_results: &'static str,
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
    /// After the help key at the end of a footer too narrow for every hint.
    pub more: &'static str,
    pub wins: &'static str,
    pub blockers: &'static str,
    pub next_steps: &'static str,
    pub pulse: &'static str,
    pub pillars: Pillars,
    pub went_well: &'static str,
    pub to_change: &'static str,
    pub kinds: KindNames,
    pub statuses: StatusNames,
    pub pace_statuses: PaceNames,
    pub confidence_bands: ConfidenceNames,
    pub score_bands: ScoreNames,
    pub measure_types: MeasureTypeNames,
    pub no_objectives: &'static str,
    pub yes: &'static str,
    pub today: &'static str,
    pub no: &'static str,
    pub of_quarter_passed: &'static str,
    pub empty_quarter: EmptyQuarter,
    pub no_key_results: fn(&str, &str) -> String,
    pub no_key_results_detail: fn(&str) -> String,
    pub no_initiatives: fn(&str) -> String,
    pub too_small: &'static str,
    pub help_title: &'static str,
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
    pub numbers: NumberWords,
    pub err_confidence: &'static str,
    pub err_target_is_start: &'static str,
    /// A keep-at key result saved without its level, or without its value now.
    pub err_needs_level: &'static str,
    pub err_needs_current: &'static str,
    pub err_weight: &'static str,
    pub err_unknown_parent: &'static str,
    pub warn_many_objectives: fn(usize, Option<&str>) -> String,
    pub warn_many_key_results: fn(usize) -> String,
    pub warn_long_title: &'static str,
    pub confirm_delete: fn(&str) -> String,
    pub deleted: fn(&str, &str) -> String,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub save_failed: fn(&str, &str) -> String,
    pub save_conflict: fn(&str, &str) -> String,
    pub unsaved_quit: fn(&str) -> String,
    pub linked_to: &'static str,
    pub detail_title: &'static str,
    pub demo_note: &'static str,
    /// Key results waiting, the check-in key, and how often the team checks in.
    pub checkin_banner: fn(usize, &str, Cadence) -> String,
    pub checkin_title: fn(&str) -> String,
    pub step_of: fn(usize, usize) -> String,
    pub before_checkin: &'static str,
    pub reflect_title: &'static str,
    pub reflect_hint: &'static str,
    pub pulse_title: &'static str,
    pub pulse_incomplete: fn(&str) -> String,
    pub summary_title: &'static str,
    pub moved: &'static str,
    pub nothing_moved: &'static str,
    pub behind_or_stale: &'static str,
    pub all_on_pace: &'static str,
    pub quarter_change: fn(&str, &str) -> String,
    /// Periods in a row with a check-in, of the team's cadence.
    pub streak: fn(u32, Cadence) -> String,
    pub celebrate: fn(usize) -> String,
    pub no_checkin_items: &'static str,
    pub checkin_saved: fn(&str) -> String,
    pub step_not_saved: fn(&str) -> String,
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
    pub carry_uppgifter: fn(usize) -> String,
    pub carried: fn(&str) -> String,
    pub already_carried: fn(&str) -> String,
    pub no_review_objectives: &'static str,
    pub checklist_title: &'static str,
    pub check_objectives: fn(&str) -> String,
    pub check_key_results: fn(usize) -> String,
    pub check_one_line: fn(usize) -> String,
    pub key_results_behind: fn(usize, usize) -> String,
    pub key_results_behind_short: fn(usize, usize) -> String,
    /// A Mål with neither key results nor Mål with a number under it.
    pub no_progress_yet: &'static str,
    pub overview_title: &'static str,
    pub col_objectives: &'static str,
    pub col_score: &'static str,
    pub col_committed: &'static str,
    pub running_progress: &'static str,
    pub mean_scores: &'static str,
    pub pulse_trend: &'static str,
    pub no_quarters: fn(&str, &str) -> String,
    pub key_elsewhere: fn(&str, &str, &str) -> String,
    pub err_own_parent: &'static str,
    pub select_key_result: fn(&str, &str, &str) -> String,
    pub select_initiative: fn(&str, &str, &str, &str) -> String,
    pub io_not_found: &'static str,
    pub io_permission: &'static str,
    pub io_read_only: &'static str,
    pub io_full: &'static str,
    pub io_is_dir: &'static str,
    pub io_file_read_only: &'static str,
    pub e_read_only_file: fn(&str) -> String,
    pub read_only_note: fn(&str) -> String,
    pub read_only_refused: &'static str,
    pub rescued: fn(&str) -> String,
    pub rescue_failed: fn(&str) -> String,
    pub merge_renumbered: fn(&str, &str) -> String,
    pub merge_invalid: fn(&str) -> String,
    pub merge_conflicts: fn(usize) -> String,
    pub e_no_such_file: fn(&str, &str) -> String,
    pub e_demo_file: &'static str,
    pub e_cannot_read: fn(&str) -> String,
    pub e_at: fn(usize, usize) -> String,
    pub e_empty: &'static str,
    pub e_cut_short: &'static str,
    pub e_not_json: &'static str,
    pub e_shape: &'static str,
    pub e_git_markers: &'static str,
    pub e_version_zero: &'static str,
    pub e_newer: fn(u64, u32) -> String,
    pub e_left_alone: &'static str,
    pub value_rules: ValueRules,
    pub e_note_control: fn(&str) -> String,
    pub e_cannot_save: fn(&str, &str) -> String,
    pub e_conflict: fn(&str) -> String,
    pub e_encode: fn(&str) -> String,
    pub e_lock_held: fn(&str, Option<u32>) -> String,
    pub e_lock_file: fn(&str, &str) -> String,
    pub e_lock_not_file: fn(&str) -> String,
    pub e_folder: fn(&str, &str) -> String,
    pub e_no_home: &'static str,
    pub e_ambiguous_id: fn(&str, &str) -> String,
    pub e_no_such_kr: fn(&str, &str) -> String,
    pub e_not_number: fn(&str, &str) -> String,
    pub e_number_refused: fn(&str, &str) -> String,
    pub e_not_done_value: fn(&str) -> String,
    pub e_signals: fn(&str) -> String,
    pub e_terminal_open: fn(&str) -> String,
    pub e_terminal_draw: fn(&str) -> String,
    pub e_terminal_gone: fn(&str) -> String,
    pub e_thread: fn(&str) -> String,
    /// The output (standard output) could not be written: why.
    pub e_output: fn(&str) -> String,
    pub e_temp_folder: fn(&str, &str) -> String,
    /// The words of `status`, `list`, `update` of an Uppgift and `import`.
    pub commands: CommandWords,
    /// Owners, alignment, per-person check-ins, the settings.
    pub team: TeamWords,
    pub hooks: hooks::HookWords,
    /// `okr refresh` and the config file's `[refresh]`.
    pub refresh: refresh::RefreshWords,
    /// `okr sync`: its set-up, commit messages, results and refusals.
    pub sync: sync::SyncWords,
    pub digest: digest::DigestWords,
    pub daily: DailyWords,
    /// The review's numbers and notes, carried Mål, the overview's charts.
    pub quarterly: QuarterlyWords,
    /// Years, the team's own year, Mål spanning quarters.
    pub years: YearWords,
    pub keys: KeyWords,
    /// Reloading, merging, the conflicts screen.
    pub live: live::LiveWords,
    /// Last week's plans, past check-ins, a week filled in afterwards.
    pub weekly: WeeklyWords,
    /// The HTML report's own words.
    pub html: HtmlWords,
}

/// `one` for a count of 1, else `many`: the word after a count, in a
/// language whose nouns change with it.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn kind(&self, k: Kind) -> &'static str {
        let n = &self.kinds;
        match k {
            Kind::Committed => n.committed,
            Kind::Aspirational => n.aspirational,
            Kind::Personal => n.personal,
            Kind::Economic => n.economic,
        }
    }

    /// The kinds' names in the order of [`Kind::ALL`], for a choice field.
    pub fn kinds_in_order(&self) -> [&'static str; 4] {
        Kind::ALL.map(|k| self.kind(k))
    }

    pub fn status(&self, s: Status) -> &'static str {
        let n = &self.statuses;
        match s {
            Status::Active => n.active,
            Status::Achieved => n.achieved,
            Status::Dropped => n.dropped,
            Status::CarriedOver => n.carried_over,
        }
    }

    pub fn pace_status(&self, s: PaceStatus) -> &'static str {
        let n = &self.pace_statuses;
        match s {
            PaceStatus::Behind => n.behind,
            PaceStatus::OnTrack => n.on_track,
            PaceStatus::Done => n.done,
            PaceStatus::Achieved => n.achieved,
            PaceStatus::NotReached => n.not_reached,
        }
    }

    pub fn confidence_band(&self, b: ConfidenceBand) -> &'static str {
        let n = &self.confidence_bands;
        match b {
            ConfidenceBand::AtRisk => n.at_risk,
            ConfidenceBand::NeedsAttention => n.needs_attention,
            ConfidenceBand::OnTrack => n.on_track,
        }
    }

    pub fn score_band(&self, b: ScoreBand) -> &'static str {
        let n = &self.score_bands;
        match b {
            ScoreBand::Red => n.red,
            ScoreBand::Yellow => n.yellow,
            ScoreBand::Green => n.green,
        }
    }

    /// The name of a kind of measure, as the key result form offers it.
    pub fn measure_type(&self, k: MeasureKind) -> &'static str {
        let n = &self.measure_types;
        match k {
            MeasureKind::Numeric => n.numeric,
            MeasureKind::Done => n.done,
            MeasureKind::AtLeast => n.at_least,
            MeasureKind::AtMost => n.at_most,
        }
    }

    /// The pillars in the order of [`crate::model::Pulse::ratings`].
    pub fn pillar_names(&self) -> [&'static str; 5] {
        let p = &self.pillars;
        [p.structure, p.safety, p.meaning, p.dependability, p.impact]
    }

    /// A number in this language's convention, grouped for reading.
    pub fn num(&self, v: f64) -> String {
        number::format_number(v, self.lang)
    }

    /// What is wrong with a number typed in `typed_in`'s convention, as a clause.
    pub fn number_reason(&self, e: NumberError, typed_in: Lang) -> String {
        let n = &self.numbers;
        match e {
            NumberError::Empty | NumberError::NotANumber => n.not_a_number.to_string(),
            NumberError::SeveralMarks => n.several_marks.to_string(),
            NumberError::Grouping => n.grouping.to_string(),
            NumberError::Ambiguous { decimal, grouped } => (n.ambiguous)(
                &number::format_full(decimal, typed_in),
                &number::format_full(grouped, typed_in),
            ),
            NumberError::TooManyDigits => n.too_many_digits.to_string(),
            NumberError::TooSmall => n.too_small.to_string(),
            NumberError::TooLarge => n.too_large.to_string(),
        }
    }

    /// How to write a number in `lang`'s convention: `write e.g. 12.5 or 2,000,000`.
    pub fn number_examples(&self, lang: Lang) -> String {
        (self.numbers.write_like)(
            &number::format_number(12.5, lang),
            &number::format_number(2_000_000.0, lang),
        )
    }

    /// What is wrong with a number typed in `typed_in`'s convention and, when
    /// it is how it was written, how to write one, joined by `joint`.
    pub fn number_advice(&self, e: NumberError, typed_in: Lang, joint: &str) -> String {
        let reason = self.number_reason(e, typed_in);
        match e {
            NumberError::TooManyDigits | NumberError::TooSmall | NumberError::TooLarge => reason,
            _ => format!("{reason}{joint}{}", self.number_examples(typed_in)),
        }
    }

    /// A form's message for a number it cannot read: what is wrong and how
    /// to write one (`Not a number: write e.g. 12.5 or 2,000,000.`).
    pub fn number_error(&self, e: NumberError) -> String {
        let advice = self.number_advice(e, self.lang, ": ");
        let mut chars = advice.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        format!("{}{}.", first.unwrap_or_default(), chars.as_str())
    }

    /// A measure as it reads on screen and in reports: `55 / 100 MSEK`,
    /// `klar`, `420 kr/mån (nivå ≤ 500)`.
    pub fn measure_text(&self, m: &crate::model::Measure) -> String {
        use crate::model::Measure;
        let level = |l: &crate::model::Level, op: &str| {
            format!(
                "{} ({} {op} {})",
                self.with_unit(&self.num(l.current), &l.unit),
                self.level.to_lowercase(),
                self.num(l.level)
            )
        };
        match m {
            Measure::Numeric(n) => format!(
                "{} / {}",
                self.num(n.current),
                self.with_unit(&self.num(n.target), &n.unit)
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

    /// A number in full, for a form to edit: nothing is rounded away, and
    /// [`number::parse`] reads it back as exactly `v`.
    pub fn num_exact(&self, v: f64) -> String {
        number::format_exact(v, self.lang)
    }
}

/// The UI language: the flag (or the config file's, which the caller puts
/// in its place when there is no flag), else the file's setting, else the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Swedish.
pub fn choose_lang(flag: Option<Lang>, setting: Option<Lang>) -> Lang {
    flag.or(setting).or_else(locale_lang).unwrap_or(Lang::Sv)
}

/// The locale's language: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set; with none, the system's own setting (macOS and Windows keep
/// it there, often with `LANG` unset).
fn locale_lang() -> Option<Lang> {
    let set = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    match set {
        Some(v) => Lang::from_locale(&v),
        None => system_lang(),
    }
}

#[cfg(any(target_os = "macos", windows))]
fn system_lang() -> Option<Lang> {
    sys_locale::get_locale().and_then(|v| Lang::from_locale(&v))
}

/// Elsewhere the locale is the environment's, read above.
#[cfg(not(any(target_os = "macos", windows)))]
fn system_lang() -> Option<Lang> {
    None
}
