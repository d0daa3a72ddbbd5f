//! Deleting with `d`: a `y`/`n` question that says what goes along with the
//! item (a Mål's key results, Uppgifter and history entries; a key result's
//! history), then one undoable change.

use std::sync::Arc;

use super::history::Patch;
use super::{App, Modal, Pane, Target};
use crate::keys::{Action, Context};
use crate::model::KeyResult;

impl App {
    /// `d`: asks `y`/`n` before deleting the selected item.
    pub(super) fn ask_delete(&mut self) {
        let Some(o) = self.objective() else {
            return;
        };
        let entries = |k: &KeyResult| k.history.len();
        // (target, title, what goes along: key results, Uppgifter, history entries)
        let q = match self.pane {
            Pane::Objectives => Some((
                Target::Objective(o.id.clone()),
                o.title.clone(),
                (
                    o.key_results.len(),
                    o.initiatives.len(),
                    o.key_results.iter().map(entries).sum(),
                ),
            )),
            Pane::KeyResults => o.key_results.get(self.sel_key_result).map(|k| {
                (
                    Target::KeyResult(o.id.clone(), k.id.clone()),
                    k.title.clone(),
                    (0, 0, entries(k)),
                )
            }),
            Pane::Initiatives => o.initiatives.get(self.sel_initiative).map(|i| {
                (
                    Target::Initiative(o.id.clone(), i.id.clone()),
                    i.title.clone(),
                    (0, 0, 0),
                )
            }),
        };
        let Some((target, title, (krs, inits, history))) = q else {
            return;
        };
        let s = self.s;
        let question = if krs + inits + history == 0 {
            (s.confirm_delete)(&title)
        } else {
            (s.daily.confirm_delete_with)(&title, &(s.daily.goes_with)(krs, inits, history))
        };
        self.modal = Some(Modal::Confirm {
            target,
            title,
            question,
        });
    }

    pub(super) fn delete(&mut self, target: &Target, title: &str) {
        let objective = match target {
            Target::Objective(id)
            | Target::KeyResult(id, _)
            | Target::Initiative(id, _)
            | Target::Entry(id, _, _) => id,
        };
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let done = match target {
            Target::Objective(_) => {
                let before = Arc::clone(&self.data.objectives[index]);
                self.commit(Patch::Objective {
                    index,
                    before: Some(before),
                    after: None,
                })
            }
            Target::KeyResult(_, id) => self
                .change_objective(index, |o, _| {
                    o.key_results.retain(|k| &k.id != id);
                    // Uppgifter linked to it lose the link, not themselves.
                    for i in &mut o.initiatives {
                        if i.key_result.as_ref() == Some(id) {
                            i.key_result = None;
                        }
                    }
                    Some(())
                })
                .is_some(),
            Target::Initiative(_, id) => self
                .change_objective(index, |o, _| {
                    o.initiatives.retain(|i| &i.id != id);
                    Some(())
                })
                .is_some(),
            Target::Entry(objective, key_result, at) => {
                self.delete_entry(objective, key_result, *at)
            }
        };
        if done {
            let undo = self.key(Action::Undo, Context::Quarter);
            self.info((self.s.deleted)(title, &undo));
        }
    }

    /// `y` deletes what the question is about, `n` keeps it.
    pub(super) fn confirm_act(&mut self, question: Modal, action: Action) -> bool {
        match (action, &question) {
            (Action::Yes, Modal::Confirm { target, title, .. }) => self.delete(target, title),
            (Action::No, _) => {}
            _ => {
                self.modal = Some(question);
                return false;
            }
        }
        true
    }
}
