//! Reordering with `J` / `K`: the selected Mål, key result or Uppgift moves
//! one place down or up, the selection with it. The order is the file's
//! order; each move is one undoable change. A Mål moves only among the Mål
//! of its quarter.

use std::sync::Arc;

use super::history::Patch;
use super::{App, Pane};

impl App {
    /// Moves the selected item of the focused pane one place.
    pub(super) fn move_selected(&mut self, down: bool) {
        match self.pane {
            Pane::Objectives => self.move_objective(down),
            Pane::KeyResults => {
                let at = self.sel_key_result;
                if let Some(to) = self.move_in_objective(at, down, |o| &mut o.key_results) {
                    self.sel_key_result = to;
                }
            }
            Pane::Initiatives => {
                let at = self.sel_initiative;
                if let Some(to) = self.move_in_objective(at, down, |o| &mut o.initiatives) {
                    self.sel_initiative = to;
                }
            }
        }
    }

    /// Swaps the selected Mål with its neighbour in the quarter: the two
    /// places in the file trade their Mål, which are otherwise unchanged.
    fn move_objective(&mut self, down: bool) {
        let here = self.sel_objective;
        let Some(there) = neighbour(here, down, self.quarter_objectives().len()) else {
            return;
        };
        let indexes = self.quarter_objectives();
        let (Some(&a), Some(&b)) = (indexes.get(here), indexes.get(there)) else {
            return;
        };
        let (Some(oa), Some(ob)) = (self.data.objectives.get(a), self.data.objectives.get(b))
        else {
            return;
        };
        let (oa, ob) = (Arc::clone(oa), Arc::clone(ob));
        let patch = Patch::Many(vec![
            Patch::Objective {
                index: a,
                before: Some(Arc::clone(&oa)),
                after: Some(Arc::clone(&ob)),
            },
            Patch::Objective {
                index: b,
                before: Some(ob),
                after: Some(oa),
            },
        ]);
        if self.commit(patch) {
            self.sel_objective = there;
        }
    }

    /// Swaps the item at `at` of a list of the Mål in focus with its
    /// neighbour; the place it went to, when it moved.
    fn move_in_objective<T>(
        &mut self,
        at: usize,
        down: bool,
        list: impl FnOnce(&mut crate::model::Objective) -> &mut Vec<T>,
    ) -> Option<usize> {
        let index = self.current_objective()?;
        self.change_objective(index, |o, _| {
            let items = list(o);
            let to = neighbour(at, down, items.len())?;
            items.swap(at, to);
            Some(to)
        })
    }
}

/// The place next to `at` in a list of `len`, down or up, if there is one.
fn neighbour(at: usize, down: bool, len: usize) -> Option<usize> {
    if at >= len {
        return None;
    }
    if down {
        Some(at + 1).filter(|to| *to < len)
    } else {
        at.checked_sub(1)
    }
}
