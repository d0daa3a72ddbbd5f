//! A key result's own view: opened with Enter on a key result, it shows its
//! chart, its history (newest first) and notes; an entry is corrected (`e`)
//! or deleted (`d`), each one undoable change through its Mål (correcting
//! the latest entry offers to correct its week's check-in too).

use super::edit::{Read, ValueInput};
use super::form::{Form, Purpose};
use super::history::Patch;
use super::{App, Modal, Pane, Screen, Target};
use crate::keys::Action;
use crate::model::checkin as ck;
use crate::model::{HistoryEntry, IsoWeek, KeyResult, Objective};

/// Where the view goes back to with Esc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Back {
    Quarter,
    Detail,
}

/// The key result shown, by ids, and the history entry selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyResultView {
    pub objective: String,
    pub key_result: String,
    /// The selected history entry, counted from the newest.
    pub sel: usize,
    pub back: Back,
}

impl KeyResultView {
    /// The history index of the selected entry, in a history of `len` entries.
    pub fn entry_index(&self, len: usize) -> Option<usize> {
        len.checked_sub(self.sel + 1)
    }
}

impl App {
    /// Opens the selected key result of the Mål in focus in its own view;
    /// Esc goes back to the screen it was opened from.
    pub(super) fn open_key_result(&mut self) {
        let back = match self.screen {
            Screen::Detail { .. } => Back::Detail,
            _ => Back::Quarter,
        };
        let Some(o) = self.objective() else {
            return;
        };
        let Some(k) = o.key_results.get(self.sel_key_result) else {
            return;
        };
        self.screen = Screen::KeyResult(KeyResultView {
            objective: o.id.clone(),
            key_result: k.id.clone(),
            sel: 0,
            back,
        });
        self.pane = Pane::KeyResults;
    }

    /// The Mål and key result of the view on screen, if one is.
    pub fn viewed_key_result(&self) -> Option<(&Objective, &KeyResult, &KeyResultView)> {
        let Screen::KeyResult(v) = &self.screen else {
            return None;
        };
        let o = self.objective()?;
        let k = o.key_result(&v.key_result)?;
        Some((o, k, v))
    }

    /// The selected history entry of the view and its index.
    fn viewed_entry(&self) -> Option<(&Objective, &KeyResult, usize, &HistoryEntry)> {
        let (o, k, v) = self.viewed_key_result()?;
        let i = v.entry_index(k.history.len())?;
        Some((o, k, i, k.history.get(i)?))
    }

    /// After a change: the view's key result still there (else back where
    /// it came from), selected in its Mål, its entry inside its history.
    pub(super) fn keep_key_result_view(&mut self) {
        let Screen::KeyResult(v) = &self.screen else {
            return;
        };
        let found = self.find_objective(&v.objective).and_then(|i| {
            let o = self.data.objective_at(i)?;
            let at = o.key_results.iter().position(|k| k.id == v.key_result)?;
            Some((at, o.key_results[at].history.len()))
        });
        match found {
            Some((at, len)) => {
                self.sel_key_result = at;
                if let Screen::KeyResult(v) = &mut self.screen {
                    v.sel = v.sel.min(len.saturating_sub(1));
                }
            }
            None => self.leave_key_result_view(),
        }
    }

    fn leave_key_result_view(&mut self) {
        let Screen::KeyResult(v) = &self.screen else {
            return;
        };
        self.screen = match v.back {
            Back::Detail => Screen::Detail {
                objective: v.objective.clone(),
            },
            Back::Quarter => Screen::Quarter,
        };
        self.pane = Pane::KeyResults;
        self.clamp_selection();
    }

    /// The view's own keys: back, moving in the history, correcting and
    /// deleting an entry. False for the keys it shares with the screens.
    pub(super) fn view_act(&mut self, action: Action) -> bool {
        match action {
            Action::Back => self.leave_key_result_view(),
            Action::Down | Action::Up => {
                let len = self
                    .viewed_key_result()
                    .map_or(0, |(_, k, _)| k.history.len());
                if let Screen::KeyResult(v) = &mut self.screen {
                    v.sel = if action == Action::Down {
                        (v.sel + 1).min(len.saturating_sub(1))
                    } else {
                        v.sel.saturating_sub(1)
                    };
                }
            }
            Action::CorrectEntry => self.open_entry_form(),
            Action::DeleteEntry => self.ask_delete_entry(),
            _ => return false,
        }
        true
    }

    /// `e` in the view: the selected entry's value, confidence and note.
    fn open_entry_form(&mut self) {
        let Some((o, k, index, h)) = self.viewed_entry() else {
            self.info(self.s.daily.no_entry);
            return;
        };
        let purpose = Purpose::EditEntry {
            objective: o.id.clone(),
            key_result: k.id.clone(),
            index,
            date: h.date,
        };
        let fields = self.value_fields(k, h.value, h.confidence.unwrap_or(k.confidence), &h.note);
        let mut form = Form::new(purpose, self.s.daily.correct_entry, fields);
        form.about = Some(format!("{} {} · {}", k.id, k.title, h.date));
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// Saves the entry form; the entry is found by its place and date, so a
    /// form left open over a changed history changes nothing. When it is the
    /// latest entry and its week's check-in holds its old value, asks first
    /// (`check_in_too`: the answer) whether to correct the check-in too, so
    /// that the week's check-in says what the history says; both are then
    /// one undoable change.
    pub(super) fn submit_entry(&mut self, f: Form, check_in_too: Option<bool>) -> Read<()> {
        let Purpose::EditEntry {
            objective,
            key_result,
            index,
            date,
        } = f.purpose.clone()
        else {
            return Ok(());
        };
        let kept = f.clone();
        let input = self.read_value(f)?;
        let Some(at) = self.find_objective(&objective) else {
            return Ok(());
        };
        // The entry as it was and as corrected, when it is the latest.
        let Some((patch, latest)) = self.objective_patch(at, |o, _| {
            let k = o.key_results.iter_mut().find(|k| k.id == key_result)?;
            let old = k.history.get(index).filter(|h| h.date == date)?.clone();
            let ValueInput {
                value,
                confidence,
                note,
            } = input;
            k.correct_entry(index, value, confidence, note)
                .then_some(())?;
            let new = k.history.get(index)?.clone();
            let mut text = self.s.measure_value(&k.measure, old.value);
            if !k.measure.is_binary() {
                text = self.s.with_unit(&text, k.measure.unit());
            }
            Some((index + 1 == k.history.len()).then_some((old, new, text)))
        }) else {
            return Ok(());
        };
        let checkins = latest.and_then(|(old, new, text)| {
            ck::corrected(
                &self.data.checkins,
                &key_result,
                (&old, &new),
                &self.data.settings,
            )
            .map(|c| (c, old, text))
        });
        match (checkins, check_in_too) {
            (Some((_, old, text)), None) => {
                let week = IsoWeek::of(old.date).to_string();
                let question = (self.s.daily.checkin_too)(&week, &text);
                self.modal = Some(Modal::CheckInToo {
                    form: Box::new(kept),
                    question,
                });
            }
            (Some((after, ..)), Some(true)) => {
                let before = self.data.checkins.clone();
                self.commit(Patch::Many(vec![patch, Patch::CheckIns { before, after }]));
            }
            _ => {
                self.commit(patch);
            }
        }
        Ok(())
    }

    /// The question whether to correct the week's check-in too: `y` both,
    /// `n` the entry only, `Esc` back to the entry's form as it was typed.
    pub(super) fn check_in_too_act(
        &mut self,
        form: Box<Form>,
        question: String,
        action: Action,
    ) -> bool {
        let answer = match action {
            Action::CorrectCheckIn => true,
            Action::EntryOnly => false,
            Action::Cancel => {
                self.modal = Some(Modal::Form(form));
                return true;
            }
            _ => {
                self.modal = Some(Modal::CheckInToo { form, question });
                return false;
            }
        };
        // The entry may have gone while the question was open.
        if !self.form_item_gone(&form.purpose)
            && let Err(back) = self.submit_entry(*form, Some(answer))
        {
            self.modal = Some(Modal::Form(back));
        }
        true
    }

    /// `d` in the view: asks `y`/`n` before deleting the selected entry.
    fn ask_delete_entry(&mut self) {
        let Some((o, k, index, h)) = self.viewed_entry() else {
            self.info(self.s.daily.no_entry);
            return;
        };
        let s = self.s;
        let title = (s.daily.entry)(&h.date.to_string(), &s.measure_value(&k.measure, h.value));
        let target = Target::Entry(o.id.clone(), k.id.clone(), index);
        let question = (s.confirm_delete)(&title);
        self.modal = Some(Modal::Confirm {
            target,
            title,
            question,
        });
    }

    /// Deletes a history entry; true when it was there.
    pub(super) fn delete_entry(&mut self, objective: &str, key_result: &str, index: usize) -> bool {
        let Some(at) = self.find_objective(objective) else {
            return false;
        };
        self.change_objective(at, |o, _| {
            let k = o.key_results.iter_mut().find(|k| k.id == key_result)?;
            k.delete_entry(index).map(|_| ())
        })
        .is_some()
    }
}
