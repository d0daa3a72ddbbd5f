//! The quarter review (score, status and retro of each Mål; carrying a Mål
//! into the next quarter) and the overview of all quarters.

use std::sync::Arc;

use serde_json::json;

use super::edit::Read;
use super::form::{self, Field, FieldId, Form, Purpose};
use super::history::Patch;
use super::{App, Modal, Pane, Screen};
use crate::keys::Action;
use crate::model::review::{self, carried_copy, carry_copy};
use crate::model::{Quarter, Status};

/// The order of the status choice in the review form.
pub const STATUSES: [Status; 4] = [
    Status::Active,
    Status::Achieved,
    Status::Dropped,
    Status::CarriedOver,
];

#[derive(Clone, Debug)]
pub struct ReviewState {
    pub quarter: Quarter,
    pub sel: usize,
}

/// What the review form holds.
pub(super) struct ReviewInput {
    score: Option<f64>,
    status: Status,
    went_well: String,
    to_change: String,
}

/// The carry dialog: which key results of a Mål go along.
#[derive(Clone, Debug)]
pub struct Carry {
    pub objective: String,
    pub picks: Vec<(String, String, bool)>,
    pub sel: usize,
}

impl App {
    /// `r` / `okr review`: the review of a quarter.
    pub fn start_review(&mut self, quarter: Quarter) {
        self.message = None;
        self.quarter = quarter;
        self.screen = Screen::Review(ReviewState { quarter, sel: 0 });
    }

    /// `o`: the overview of all quarters.
    pub fn start_overview(&mut self) {
        let sel = self
            .overview_quarters()
            .iter()
            .position(|q| *q == self.quarter)
            .unwrap_or(0);
        self.screen = Screen::Overview { sel };
    }

    /// Quarters with Mål, newest first.
    pub fn overview_quarters(&self) -> Vec<Quarter> {
        crate::model::overview::newest_first(self.index.by_quarter.keys().copied())
    }

    /// The Mål of a quarter's review: those the owner filter shows.
    pub fn review_objectives(&self, quarter: Quarter) -> Vec<usize> {
        self.kept_in(quarter).map(|(i, _)| i).collect()
    }

    /// Where a carried Mål came from: `carried from 2026 Q3, quarter 2 in a row`.
    /// In short (`↻ 2026 Q3, 2 in a row`) when `short`.
    pub fn carried_words(&self, o: &crate::model::Objective, short: bool) -> Option<String> {
        let from = crate::model::carry::origin(&self.data, o)?;
        let words = if short {
            self.s.quarterly.carried_short
        } else {
            self.s.quarterly.carried_from
        };
        let term = from.quarter.label_to(from.last, self.fy()).to_string();
        Some(words(&term, from.running))
    }

    /// [`App::carried_words`] after ` · ` for `room` cells: in full when they
    /// fit, else in short (which the caller cuts to fit).
    pub fn carried_in(&self, o: &crate::model::Objective, room: usize) -> Option<String> {
        let full = format!(" · {}", self.carried_words(o, false)?);
        if crate::text::width(&full) <= room {
            return Some(full);
        }
        let short = format!(" · {}", self.carried_words(o, true)?);
        Some(short)
    }

    /// The note over the review of a quarter that is still running (how
    /// many days are left) or has not begun; also in its review form.
    pub fn running_note(&self, quarter: Quarter) -> Option<String> {
        let q = &self.s.quarterly;
        let dates = quarter.dates(self.fy());
        if let Some(days) = crate::model::carry::days_left(dates, self.today) {
            Some((q.still_running)(&self.label(quarter), days))
        } else {
            (self.today < dates.first).then(|| (q.not_started)(&self.label(quarter)))
        }
    }

    /// Enter / `e` in the review: score, status and retro of the selected Mål.
    pub(super) fn open_review_form(&mut self) {
        let Screen::Review(st) = &self.screen else {
            return;
        };
        let Some(&index) = self.review_objectives(st.quarter).get(st.sel) else {
            return;
        };
        let s = self.s;
        let o = &self.data.objectives[index];
        // A Mål spanning on past this quarter is not closed here.
        if !st.quarter.is_year() && o.last_quarter() > st.quarter {
            let words = (s.years.continues)(&self.label(o.last_quarter()));
            self.info(words);
            return;
        }
        let figures = self.figures(o);
        let score = o.score.unwrap_or_else(|| figures.suggested_score());
        let status = if o.status == Status::Active && review::proposed_for_carry(o, &figures) {
            Status::CarriedOver
        } else {
            o.status
        };
        let fields = vec![
            Field::number(FieldId::Score, s.f_score, &s.num_exact(score)),
            Field::choice(
                FieldId::Status,
                s.status,
                STATUSES.iter().map(|x| s.status(*x).to_string()).collect(),
                STATUSES.iter().position(|x| *x == status).unwrap_or(0),
            ),
            Field::area(FieldId::WentWell, s.went_well, &o.retro.went_well),
            Field::area(FieldId::ToChange, s.to_change, &o.retro.to_change),
        ];
        let mut form = Form::new(
            Purpose::Review {
                objective: o.id.clone(),
            },
            s.review_form,
            fields,
        );
        form.about = Some(o.title.clone());
        form.warnings.extend(self.running_note(st.quarter));
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// Reads the review form: a score 0–1 (empty clears it), a status, the retro.
    pub(super) fn read_review(&self, mut f: Form) -> Read<ReviewInput> {
        let s = self.s;
        let score = if f.text(FieldId::Score).is_empty() {
            None
        } else {
            match form::number_field(&mut f, FieldId::Score, s) {
                Some(v) if (0.0..=1.0).contains(&v) => Some(v),
                Some(_) => {
                    f.set_error(FieldId::Score, s.err_score);
                    return Err(Box::new(f));
                }
                None => return Err(Box::new(f)),
            }
        };
        Ok(ReviewInput {
            score,
            status: STATUSES
                .get(f.chosen(FieldId::Status))
                .copied()
                .unwrap_or_default(),
            went_well: f.text(FieldId::WentWell),
            to_change: f.text(FieldId::ToChange),
        })
    }

    /// Saves the review form; a Mål to carry then gets the carry dialog.
    pub(super) fn apply_review(&mut self, objective: &str, input: ReviewInput) {
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        // "Carried over" is only true once the copy exists: until the carry
        // dialog carries it, the Mål keeps its status (Esc there changes nothing).
        let copied = carried_copy(&self.data, index).is_some();
        let carry = input.status == Status::CarriedOver && !copied;
        let changed = self.change_objective(index, |o, _| {
            o.score = input.score;
            if !carry {
                o.status = input.status;
            }
            o.retro.went_well = input.went_well;
            o.retro.to_change = input.to_change;
            Some(())
        });
        if changed.is_none() {
            return;
        }
        if let Some(o) = self.data.objectives.get(index) {
            let objective = super::hooks::as_json(&**o);
            self.queue_hook(
                crate::hooks::Event::Review,
                json!({ "objective": objective }),
            );
        }
        if carry {
            self.open_carry(index);
        } else if input.status == Status::CarriedOver
            && let Some(o) = self.data.objectives.get(index)
        {
            self.info((self.s.already_carried)(&self.label(o.carry_target())));
        }
    }

    fn open_carry(&mut self, index: usize) {
        let Some(o) = self.data.objectives.get(index) else {
            return;
        };
        if carried_copy(&self.data, index).is_some() {
            self.info((self.s.already_carried)(&self.label(o.carry_target())));
            return;
        }
        let picks = o
            .key_results
            .iter()
            .map(|k| (k.id.clone(), k.title.clone(), true))
            .collect();
        self.modal = Some(Modal::Carry(Carry {
            objective: o.id.clone(),
            picks,
            sel: 0,
        }));
    }

    /// Carries the Mål with the picked key results; never twice.
    fn carry(&mut self, c: &Carry) {
        let Some(index) = self.find_objective(&c.objective) else {
            return;
        };
        let next = self.data.objectives[index].carry_target();
        if carried_copy(&self.data, index).is_some() {
            self.info((self.s.already_carried)(&self.label(next)));
            return;
        }
        let picked: Vec<String> = c
            .picks
            .iter()
            .filter(|p| p.2)
            .map(|p| p.0.clone())
            .collect();
        let Some(copy) = carry_copy(&self.data, index, &picked, crate::model::now()) else {
            return;
        };
        let Some((original, ())) = self.objective_patch(index, |o, _| {
            o.status = Status::CarriedOver;
            Some(())
        }) else {
            return;
        };
        // Copies carried before, whose originals served this one, go under its copy.
        let mut patches = vec![original];
        for child in review::copies_to_move_under(&self.data, index) {
            if let Some((p, ())) = self.objective_patch(child, |o, _| {
                o.parent = Some(copy.id.clone());
                Some(())
            }) {
                patches.push(p);
            }
        }
        let at = self.data.objectives.len();
        patches.push(Patch::Objective {
            index: at,
            before: None,
            after: Some(Arc::new(copy)),
        });
        self.commit(Patch::Many(patches));
        self.info((self.s.carried)(&self.label(next)));
    }

    /// Keys in the carry dialog.
    pub(super) fn carry_act(&mut self, mut c: Carry, action: Action) -> bool {
        match action {
            Action::Down => c.sel = (c.sel + 1).min(c.picks.len().saturating_sub(1)),
            Action::Up => c.sel = c.sel.saturating_sub(1),
            Action::Pick => {
                if let Some(p) = c.picks.get_mut(c.sel) {
                    p.2 = !p.2;
                }
            }
            Action::CarryOver => {
                self.carry(&c);
                return true;
            }
            Action::Cancel => return true,
            _ => {
                self.modal = Some(Modal::Carry(c));
                return false;
            }
        }
        self.modal = Some(Modal::Carry(c));
        true
    }

    /// `n` in the review: the next quarter's view, with the focus checklist.
    pub(super) fn plan_next(&mut self) {
        let next = match &self.screen {
            Screen::Review(st) => st.quarter.next(),
            _ => self.quarter.next(),
        };
        self.quarter = next;
        self.screen = Screen::Quarter;
        self.pane = Pane::Objectives;
        self.sel_objective = 0;
        self.planning = true;
    }

    /// Moves the selection in the review or the overview.
    pub(super) fn move_in_list(&mut self, delta: isize) {
        let len = match &self.screen {
            Screen::Review(st) => self.review_objectives(st.quarter).len(),
            Screen::Overview { .. } => self.overview_quarters().len(),
            _ => 0,
        };
        let sel = match &mut self.screen {
            Screen::Review(st) => &mut st.sel,
            Screen::Overview { sel } => sel,
            _ => return,
        };
        *sel = if len == 0 {
            0
        } else {
            sel.saturating_add_signed(delta).min(len - 1)
        };
    }

    /// Enter in the overview: that quarter's view.
    pub(super) fn open_overview_quarter(&mut self) {
        let Screen::Overview { sel } = self.screen else {
            return;
        };
        if let Some(q) = self.overview_quarters().get(sel) {
            self.quarter = *q;
            self.planning = false;
            self.screen = Screen::Quarter;
            self.pane = Pane::Objectives;
            self.sel_objective = 0;
        }
    }
}
