//! `okr status`: one line for a shell prompt or a tmux status bar — whether
//! the weekly check-in is due and for how many key results, the quarter's
//! progress against its pace, and how many key results are behind pace.
//! It reads only today's quarter ([`crate::store::glance`]), without the
//! lock, and never writes.

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use chrono::NaiveDate;

use crate::i18n::{self, Strings};
use crate::model::checkin::{self, Due};
use crate::model::numbers::Numbers;
use crate::model::progress::{self, PaceStatus};
use crate::model::{FiscalYear, IsoWeek, Lang, Objective, Quarter, author, owners};
use crate::store::glance::{self, Glance, Wanted};
use crate::text;

/// What the status line says, before it is worded.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub quarter: Quarter,
    /// The month the team's year starts in: the quarter is named by it.
    pub fy: FiscalYear,
    /// Whether the check-in waits ([`checkin::due`], the banner's rule).
    pub due: Due,
    /// Whose check-in it is, when the file has owners.
    pub walker: Option<String>,
    /// Whose numbers follow: `None` the whole file's (no owners), else
    /// everyone's or the owner's asked for.
    pub scope: Scope,
    pub objectives: usize,
    pub key_results: usize,
    pub behind: usize,
    pub progress: Option<f64>,
    pub pace: f64,
}

/// Whose Mål the progress and the count behind pace are of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A file without owners: everything in it.
    All,
    /// A team's file: everyone's.
    Everyone,
    /// One owner's (`--owner`).
    Owner(String),
    /// `--owner` names nobody who owns a Mål anywhere in the file: the
    /// name as given, and the file's owners.
    Nobody { name: String, owners: Vec<String> },
}

/// The status of today's quarter in what `glance` read, by the rules the
/// screens use: the banner's for the check-in ([`checkin::due`]), the one
/// model of numbers for progress ([`Numbers`]). `owner` (`--owner`) narrows
/// the numbers to that owner's Mål and checks in as them; else the check-in
/// is `me`'s. When some Mål has an owner, the check-in is that person's;
/// without owners, the whole file's.
pub fn of(g: &Glance, owner: Option<&str>, me: Option<&str>, today: NaiveDate) -> Status {
    let fy = g.settings.fiscal_year;
    let quarter = Quarter::of(today, fy);
    let owned = !g.owners.is_empty();
    let walker = owner.or(me).filter(|_| owned);
    let walks = |o: &&Objective| match walker {
        _ if !owned => true,
        Some(w) => owners::owned_by(o, w),
        None => o.owner.is_none(),
    };
    let walked: Vec<&str> = g
        .objectives
        .iter()
        .filter(|o| o.checked_in(quarter))
        .filter(walks)
        .flat_map(|o| &o.key_results)
        .map(|k| k.id.as_str())
        .collect();
    let due = checkin::due(&g.checkins, walker, &walked, &g.settings, today);
    let numbers = Numbers::of(&g.objectives, fy, today);
    let shown: Vec<&Objective> = g
        .objectives
        .iter()
        .filter(|o| o.covers(quarter) && owner.is_none_or(|w| owners::owned_by(o, w)))
        .collect();
    let behind = shown
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |k| (o, k)))
        .filter(|(o, k)| progress::key_result_status(k, o.dates(fy), today) == PaceStatus::Behind)
        .count();
    let scope = match owner {
        Some(w) if !g.owners.iter().any(|x| author::same(x, w)) => Scope::Nobody {
            name: text::line(w.trim()),
            owners: g.owners.iter().map(|x| text::line(x)).collect(),
        },
        Some(w) => Scope::Owner(text::line(owners::spelled(&g.objectives, w))),
        None if owned => Scope::Everyone,
        None => Scope::All,
    };
    Status {
        quarter,
        fy,
        due,
        walker: walker.map(|w| text::line(owners::spelled(&g.objectives, w))),
        scope,
        objectives: shown.len(),
        key_results: shown.iter().map(|o| o.key_results.len()).sum(),
        behind,
        progress: numbers.mean(shown.iter().copied()),
        pace: quarter.dates(fy).elapsed(today),
    }
}

impl Status {
    /// The whole line: `okr 2026 Q4: check-in for Anna: 2 of 5 key results
    /// waiting · everyone: progress 45% (pace 60%) · 3 of 12 key results
    /// behind pace`.
    pub fn line(&self, s: &Strings) -> String {
        let w = &s.commands;
        // A name nobody has (a typo, most often) is no empty quarter.
        if let Scope::Nobody { name, owners } = &self.scope {
            return format!(
                "okr {}: {}",
                self.quarter.label(self.fy),
                (w.no_such_owner)(name, owners)
            );
        }
        let mut parts = Vec::new();
        if let Due::Due { waiting, total } | Due::Begun { waiting, total } = self.due {
            parts.push((w.checkin_waiting)(self.walker.as_deref(), waiting, total));
        }
        if self.objectives == 0 {
            parts.push(w.no_objectives.to_string());
        } else {
            let numbers = (w.progress_pace)(&s.percent_of(self.progress), &s.percent(self.pace));
            parts.push(match &self.scope {
                Scope::All => numbers,
                Scope::Everyone => format!("{}: {numbers}", s.team.everyone),
                Scope::Owner(who) | Scope::Nobody { name: who, .. } => {
                    format!("{who}: {numbers}")
                }
            });
            if self.key_results > 0 {
                parts.push((s.key_results_behind)(self.behind, self.key_results));
            }
        }
        format!("okr {}: {}", self.quarter.label(self.fy), parts.join(" · "))
    }

    /// A few characters for a prompt: `✎12` while twelve key results wait
    /// for the check-in, else nothing.
    pub fn short(&self) -> String {
        self.due
            .waiting()
            .map(|n| format!("✎{n}"))
            .unwrap_or_default()
    }
}

/// What `status --short` prints for a file okr cannot read.
pub const BROKEN: &str = "okr⚠";

/// How `okr status` answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The whole line.
    Line,
    /// `--short`: a few characters for a prompt.
    Short,
    /// `--json`: the facts for a script.
    Json,
    /// `--check`: nothing; the exit code says whether a check-in waits.
    Check,
}

/// `okr status [--short|--json|--check] [--owner NAME]`: `owner` narrows to
/// one owner's Mål, and checks in as them; else the check-in is `me`'s.
/// Whether a check-in waits.
pub fn status(
    file: &Path,
    (owner, me): (Option<&str>, Option<&str>),
    form: Form,
    lang: Option<Lang>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<bool> {
    let short = form == Form::Short;
    let wanted = Wanted {
        today,
        week: IsoWeek::of(today),
    };
    // A broken file is said on stderr (by the caller, exit 1); a prompt
    // gets a mark that something is wrong.
    let g = match glance::glance(file, wanted) {
        Ok(g) => g,
        Err(e) => {
            if short {
                writeln!(out, "{BROKEN}")?;
            }
            return Err(e.into());
        }
    };
    let st = of(&g, owner, me, today);
    match form {
        Form::Short => {
            let text = st.short();
            if !text.is_empty() {
                writeln!(out, "{text}")?;
            }
        }
        Form::Json => {
            serde_json::to_writer(&mut *out, &st.json())?;
            writeln!(out)?;
        }
        Form::Check => {}
        Form::Line => {
            let s = i18n::strings(i18n::choose_lang(lang, g.settings.language));
            writeln!(out, "{}", st.line(s))?;
        }
    }
    Ok(st.due.waiting().is_some())
}

/// `okr status --json`: the facts of the line, with stable keys.
#[derive(serde::Serialize)]
pub struct Json<'a> {
    /// `2026-Q4`, or `FY2027-Q2` in a year that starts in another month.
    pub quarter: String,
    /// The check-in when one waits, else null.
    pub checkin: Option<JsonCheckin<'a>>,
    /// Whose numbers follow: the owner asked for, else null (everyone's).
    pub owner: Option<&'a str>,
    pub objectives: usize,
    pub key_results: usize,
    /// Key results behind pace.
    pub behind: usize,
    /// 0..=1; null with no progress yet.
    pub progress: Option<f64>,
    /// 0..=1: the share of the quarter passed.
    pub pace: f64,
}

#[derive(serde::Serialize)]
pub struct JsonCheckin<'a> {
    /// Whose check-in (a file with owners), else null.
    pub whose: Option<&'a str>,
    /// Whether this week's check-in was begun.
    pub begun: bool,
    pub waiting: usize,
    pub total: usize,
}

impl Status {
    /// The facts for `--json`.
    pub fn json(&self) -> Json<'_> {
        let checkin = match self.due {
            Due::No => None,
            Due::Due { waiting, total } | Due::Begun { waiting, total } => Some(JsonCheckin {
                whose: self.walker.as_deref(),
                begun: matches!(self.due, Due::Begun { .. }),
                waiting,
                total,
            }),
        };
        Json {
            quarter: self.quarter.name(self.fy),
            checkin,
            owner: match &self.scope {
                Scope::Owner(w) | Scope::Nobody { name: w, .. } => Some(w),
                Scope::All | Scope::Everyone => None,
            },
            objectives: self.objectives,
            key_results: self.key_results,
            behind: self.behind,
            progress: self.progress,
            pace: self.pace,
        }
    }
}

/// `okr status [--short|--json|--check]`: exit code 1 with `--check` while
/// a check-in waits, for cron.
pub fn run(
    file: &Path,
    who: &super::Me,
    (short, json, check): (bool, bool, bool),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<std::process::ExitCode> {
    let form = match (short, json, check) {
        (true, _, _) => Form::Short,
        (_, true, _) => Form::Json,
        (_, _, true) => Form::Check,
        _ => Form::Line,
    };
    let owner = who.narrowed();
    let waits = status(
        file,
        (owner.as_deref(), who.me.as_deref()),
        form,
        who.lang,
        today,
        out,
    )?;
    Ok(std::process::ExitCode::from(u8::from(
        form == Form::Check && waits,
    )))
}
