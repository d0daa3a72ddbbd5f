//! Someone else changed the file while the tracker runs (PRODUCT.md section
//! 9): the writer reads their version (see [`super::saver`]) and hands it
//! over; with nothing of ours unsaved it replaces the data, else the two are
//! merged (base: what okr last read or wrote) and the merge is saved. Either
//! way the screen and the selection stay where they were, by id, and what is
//! being typed in a form is kept.

use std::collections::HashMap;
use std::sync::Arc;

use super::form::Purpose;
use super::history::History;
use super::{App, Tone};
use crate::model::Data;
use crate::model::merge;

/// Which of the file's versions the app has taken in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Live {
    /// The writer's generation of the version last taken in (0: as opened).
    pub(super) generation: u64,
}

impl App {
    /// Something that asks the writer to read the file again (the file
    /// watcher holds one); `None` without a writer.
    pub fn poke(&self) -> Option<super::saver::Poke> {
        self.saver.as_ref().and_then(super::saver::Saver::poke)
    }

    /// The file's version `theirs`, read after it changed on disk; `base`
    /// is what okr last read or wrote before it.
    pub(super) fn on_changed(&mut self, theirs: Arc<Data>, base: Arc<Data>, generation: u64) {
        if generation <= self.live.generation {
            return;
        }
        self.live.generation = generation;
        let spot = self.spot();
        let fy = self.fy();
        let ours_unsaved = !Arc::ptr_eq(&self.data, &base) && *self.data != *base;
        if ours_unsaved {
            // Ours keep their ids: an item of theirs that had one of them
            // by hand gets a new one (said in the conflicts list).
            let merged = merge::merge(&base, &self.data, &theirs);
            self.data = Arc::new(merged.data);
            let w = &self.s.live;
            let text = match self.data.conflicts.len() {
                0 => w.merged.to_string(),
                n => format!(
                    "{} {}",
                    w.merged,
                    (w.conflicts_wait)(n, &self.conflicts_key())
                ),
            };
            self.message = Some(super::Message {
                text,
                tone: if self.data.conflicts.is_empty() {
                    Tone::Info
                } else {
                    Tone::Warning
                },
            });
            // The merge is saved like any change (the writer checks the
            // file once more just before it writes).
            self.persist();
        } else {
            let changed = changed_objectives(&self.data, &theirs);
            self.data = theirs;
            if let Some(s) = &self.saver {
                s.adopted(generation);
            }
            let w = &self.s.live;
            let mut text = (w.reloaded)(changed);
            if !self.data.conflicts.is_empty() {
                text = format!(
                    "{text} {}",
                    (w.conflicts_wait)(self.data.conflicts.len(), &self.conflicts_key())
                );
            }
            self.info(text);
            // Nothing of ours waits: a save problem of before is void.
            self.save_problem = None;
        }
        self.keep_days(fy);
        // Undo steps name Mål by their place in the old data: they end here.
        self.history = History::default();
        self.index_ids();
        self.reindex(true);
        self.find_spot(spot);
    }

    /// The file changed on disk and cannot be read: okr keeps what it has.
    pub(super) fn on_unreadable(&mut self, problem: &crate::store::LoadError) {
        self.warn((self.s.live.unreadable)(&problem.why(self.s)));
    }

    /// A form's item deleted by someone else while the form was open: said,
    /// and true. The form is then closed; nothing else changes.
    pub(super) fn form_item_gone(&mut self, purpose: &Purpose) -> bool {
        let (objective, item) = match purpose {
            Purpose::Review { objective }
            | Purpose::NewKeyResult { objective }
            | Purpose::NewInitiative { objective }
            | Purpose::EditObjective { id: objective } => (objective, None),
            Purpose::EditKeyResult { objective, id }
            | Purpose::SetValue { objective, id }
            | Purpose::EditEntry {
                objective,
                key_result: id,
                ..
            } => (objective, Some((id, true))),
            Purpose::EditInitiative { objective, id } => (objective, Some((id, false))),
            Purpose::NewObjective { .. }
            | Purpose::CheckInStep { .. }
            | Purpose::Reflect
            | Purpose::Settings => return false,
        };
        let found = self
            .find_objective(objective)
            .and_then(|i| self.data.objective_at(i));
        let gone = match (found, item) {
            (None, _) => Some(objective.clone()),
            (Some(o), Some((id, true))) if o.key_result(id).is_none() => Some(id.clone()),
            (Some(o), Some((id, false))) if !o.initiatives.iter().any(|i| &i.id == id) => {
                Some(id.clone())
            }
            _ => None,
        };
        match gone {
            Some(id) => {
                self.warn((self.s.live.deleted_meanwhile)(&id));
                true
            }
            None => false,
        }
    }
}

/// How many Mål were added, changed or removed from `old` to `new`, by id.
pub fn changed_objectives(old: &Data, new: &Data) -> usize {
    let before: HashMap<&str, &Arc<crate::model::Objective>> =
        old.objectives.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut seen = 0;
    let mut changed = 0;
    for o in &new.objectives {
        match before.get(o.id.as_str()) {
            Some(b) => {
                seen += 1;
                if !Arc::ptr_eq(b, o) && **b != *o {
                    changed += 1;
                }
            }
            None => changed += 1,
        }
    }
    changed + before.len().saturating_sub(seen)
}
