//! The selection kept on the same item across a change: a commit, an undo
//! or a redo, a reload of the file. What was selected is found again by id
//! wherever the change moved it; what is gone leaves the selection in place,
//! and what an undo or redo brings back is selected.

use std::collections::HashSet;

use super::App;
use crate::model::{Data, align};

/// What is selected, by id, to find again after a change.
pub(super) struct Spot {
    objective: Option<String>,
    key_result: Option<String>,
    initiative: Option<String>,
}

impl App {
    /// The Mål in focus and its selected key result and Uppgift, by id.
    pub(super) fn spot(&self) -> Spot {
        let o = self.objective();
        Spot {
            objective: o.map(|o| o.id.clone()),
            key_result: o
                .and_then(|o| o.key_results.get(self.sel_key_result))
                .map(|k| k.id.clone()),
            initiative: o
                .and_then(|o| o.initiatives.get(self.sel_initiative))
                .map(|i| i.id.clone()),
        }
    }

    /// What an undo or redo brought back from `before` (a Mål of the viewed
    /// quarter, else a key result or Uppgift of the Mål of `spot`), to select.
    pub(super) fn brought_back(&self, before: &Data, spot: &Spot) -> Option<Spot> {
        let had: HashSet<&str> = before.objectives.iter().map(|o| o.id.as_str()).collect();
        let new_objective = self
            .quarter_objectives()
            .iter()
            .filter_map(|i| self.data.objective_at(*i))
            .find(|o| !had.contains(o.id.as_str()));
        if let Some(o) = new_objective {
            return Some(Spot {
                objective: Some(o.id.clone()),
                key_result: None,
                initiative: None,
            });
        }
        let id = spot.objective.as_deref()?;
        let (now, then) = (
            self.data
                .objective_index(id)
                .and_then(|i| self.data.objective_at(i))?,
            before
                .objective_index(id)
                .and_then(|i| before.objective_at(i))?,
        );
        let key_result = now
            .key_results
            .iter()
            .find(|k| then.key_result(&k.id).is_none());
        let initiative = now
            .initiatives
            .iter()
            .find(|u| !then.initiatives.iter().any(|t| t.id == u.id));
        (key_result.is_some() || initiative.is_some()).then(|| Spot {
            objective: Some(id.to_string()),
            key_result: key_result.map_or_else(|| spot.key_result.clone(), |k| Some(k.id.clone())),
            initiative: initiative.map_or_else(|| spot.initiative.clone(), |u| Some(u.id.clone())),
        })
    }

    /// Selects what was selected, wherever it is now (a Mål moved under a
    /// folded one is shown); what is gone is clamped.
    pub(super) fn find_spot(&mut self, spot: Spot) {
        if let Some(id) = &spot.objective {
            self.unfold_to(id);
            if let Some(at) = self
                .quarter_objectives()
                .iter()
                .position(|&i| self.data.objective_at(i).is_some_and(|o| &o.id == id))
            {
                self.sel_objective = at;
            }
        }
        let found = spot.objective.as_ref().and_then(|id| {
            let o = self.objective().filter(|o| &o.id == id)?;
            let (kr, init) = (&spot.key_result, &spot.initiative);
            Some((
                o.key_results
                    .iter()
                    .position(|k| Some(&k.id) == kr.as_ref()),
                o.initiatives
                    .iter()
                    .position(|i| Some(&i.id) == init.as_ref()),
            ))
        });
        // One that is gone leaves its place selected; with none, the first.
        if let Some((kr, init)) = found {
            match (kr, &spot.key_result) {
                (Some(at), _) => self.sel_key_result = at,
                (None, None) => self.sel_key_result = 0,
                (None, Some(_)) => {}
            }
            match (init, &spot.initiative) {
                (Some(at), _) => self.sel_initiative = at,
                (None, None) => self.sel_initiative = 0,
                (None, Some(_)) => {}
            }
        }
        self.clamp_selection();
    }

    /// Unfolds the Mål above `id` in the viewed quarter's tree when a fold
    /// hides it there (its new parent was folded).
    fn unfold_to(&mut self, id: &str) {
        let Some(index) = self.find_objective(id) else {
            return;
        };
        if self.quarter_objectives().contains(&index) {
            return;
        }
        let Some(o) = self.data.objective_at(index) else {
            return;
        };
        if o.quarter != self.quarter || !self.keeps(o) {
            return;
        }
        // The parents that share its tree: in this quarter, shown by the filter.
        let above: Vec<String> = align::serves(&self.data, o)
            .into_iter()
            .map_while(|i| {
                self.data
                    .objective_at(i)
                    .filter(|p| p.quarter == self.quarter && self.keeps(p))
                    .map(|p| p.id.clone())
            })
            .collect();
        let mut unfolded = false;
        for p in above {
            unfolded |= self.team.folded.remove(&p);
        }
        if unfolded {
            self.refresh_shown();
        }
    }
}
