//! The settings' month the team's year starts: renaming the file's
//! quarters to the new year's, with a copy of the file kept first, or
//! refusing a month that would give a Mål other days.

use std::sync::Arc;

use super::App;
use super::history::Patch;
use crate::model::fiscal::{self, Relabel};
use crate::model::{Data, FiscalYear, Quarter, Settings};

/// The ending of the copy kept before the quarters are renamed.
pub const COPY: &str = ".fy.bak";

impl App {
    /// The file with its year starting as `to` says, and the sentence
    /// that tells what was renamed; or why the month cannot be chosen.
    pub(super) fn relabel_for(&self, to: FiscalYear) -> Result<(Data, String), String> {
        let s = &self.s.years;
        let month = s.months[(to.start_month() as usize).saturating_sub(1) % 12];
        match fiscal::relabel(&self.data, to) {
            Relabel::Moves(q) if q.is_year() => Err((s.cannot_move_year)(month, &self.label(q))),
            Relabel::Moves(q) => Err((s.cannot_move)(month, &self.label(q))),
            Relabel::Renamed { data, names } if names.is_empty() => {
                Ok((data, (s.fiscal_set)(month)))
            }
            Relabel::Renamed { data, names } => {
                let old = self.fy();
                let what: Vec<String> = names
                    .iter()
                    .map(|(a, b, n)| format!("{} → {} ({n})", a.label(old), b.label(to)))
                    .collect();
                Ok((data, (s.relabelled)(month, &what.join(", "))))
            }
        }
    }

    /// Saves the team's settings with the file renamed for a new start
    /// month (`relabelled`, from [`App::relabel_for`]): one change to undo,
    /// after a copy of the file as it was is kept (`okr.json.fy.bak`).
    pub(super) fn commit_relabelled(
        &mut self,
        (mut data, note): (Data, String),
        settings: Settings,
    ) {
        let renamed = data.objectives != self.data.objectives;
        data.settings = Settings {
            fiscal_year: data.settings.fiscal_year,
            ..settings
        };
        if renamed && let Some(saver) = &self.saver {
            saver.keep_copy(COPY);
        }
        let old = self.fy();
        let patch = Patch::Whole {
            before: Arc::clone(&self.data),
            after: Arc::new(data),
        };
        if self.commit(patch) {
            self.keep_days(old);
            self.reindex(true);
            self.info(note);
        }
    }

    /// After the year's start changed from `old` (here or in a teammate's
    /// save): the quarter (or year) on screen under its new name, the one
    /// with its days.
    pub(super) fn keep_days(&mut self, old: FiscalYear) {
        let new = self.fy();
        if new != old {
            let q = Quarter::of(self.quarter.first_day(old), new);
            self.quarter = if self.quarter.is_year() {
                q.whole_year()
            } else {
                q
            };
        }
    }
}
