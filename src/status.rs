//! `okr status`: one line for a shell prompt or a tmux status bar — whether
//! the weekly check-in is due and for how many key results, the quarter's
//! progress against its pace, and how many key results are behind pace.
//! It reads only today's quarter ([`crate::store::glance`]), without the
//! lock, and never writes.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::i18n::{self, Strings};
use crate::model::checkin;
use crate::model::progress::{self, PaceStatus};
use crate::model::{IsoWeek, Lang, Objective, Quarter, owners};
use crate::store::glance::{self, Glance, Wanted};

/// What the status line says, before it is worded.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub quarter: Quarter,
    /// Key results waiting for this week's check-in, when it is due.
    pub due: Option<usize>,
    pub objectives: usize,
    pub key_results: usize,
    pub behind: usize,
    pub progress: f64,
    pub pace: f64,
}

/// The status of today's quarter in what `glance` read, by the rules the
/// screens use: the banner's for the check-in, the model's for pace.
/// `who` makes the check-in (the `--owner` asked for, else me), as in the
/// tracker: when some Mål has an owner, the check-in and its count are
/// theirs; without owners, the whole file's.
pub fn of(g: &Glance, who: Option<&str>, today: NaiveDate) -> Status {
    let quarter = Quarter::of(today);
    let key_results = || g.objectives.iter().flat_map(|o| &o.key_results);
    let walker = who.filter(|_| g.owners);
    let walks = |o: &&Objective| match walker {
        _ if !g.owners => true,
        Some(w) => owners::owned_by(o, w),
        None => o.owner.is_none(),
    };
    let walked = || {
        g.objectives
            .iter()
            .filter(walks)
            .flat_map(|o| &o.key_results)
    };
    let due = checkin::is_due(
        &g.checkins,
        walker,
        walked().next().is_some(),
        g.settings.checkin_weekday,
        today,
    )
    .then(|| checkin::waiting(&g.checkins, walked().map(|k| k.id.as_str()), today))
    .filter(|n| *n > 0);
    let behind = g
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |k| (o, k)))
        .filter(|(o, k)| progress::key_result_status(k, o.quarter, today) == PaceStatus::Behind)
        .count();
    Status {
        quarter,
        due,
        objectives: g.objectives.len(),
        key_results: key_results().count(),
        behind,
        progress: progress::quarter_progress(&g.objectives),
        pace: progress::pace(quarter, today),
    }
}

impl Status {
    /// The whole line: `okr 2026 Q4: check-in due for 12 key results ·
    /// progress 45% (pace 60%) · 3 of 12 key results behind pace`.
    pub fn line(&self, s: &Strings) -> String {
        let w = &s.commands;
        let mut parts = Vec::new();
        if self.objectives == 0 {
            parts.push(w.no_objectives.to_string());
        } else {
            if let Some(n) = self.due {
                parts.push((w.checkin_due_for)(n));
            }
            parts.push((w.progress_pace)(
                &s.percent(self.progress),
                &s.percent(self.pace),
            ));
            if self.key_results > 0 {
                parts.push((s.key_results_behind)(self.behind, self.key_results));
            }
        }
        format!("okr {}: {}", self.quarter, parts.join(" · "))
    }

    /// A few characters for a prompt: `✎12` while the check-in is due for
    /// twelve key results, else nothing.
    pub fn short(&self) -> String {
        self.due.map(|n| format!("✎{n}")).unwrap_or_default()
    }
}

/// `okr status [--short] [--owner NAME]`: `owner` narrows to one owner's
/// Mål, and checks in as them; else the check-in is `me`'s.
pub fn status(
    file: &Path,
    owner: Option<&str>,
    me: Option<&str>,
    short: bool,
    lang: Option<Lang>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let wanted = Wanted {
        quarter: Quarter::of(today),
        week: IsoWeek::of(today),
        owner,
    };
    let g = glance::glance(file, wanted)?;
    let st = of(&g, owner.or(me), today);
    if short {
        let text = st.short();
        if !text.is_empty() {
            writeln!(out, "{text}")?;
        }
    } else {
        let s = i18n::strings(i18n::choose_lang(lang, g.settings.language));
        writeln!(out, "{}", st.line(s))?;
    }
    Ok(())
}
