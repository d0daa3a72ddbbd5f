//! Undo and redo, many steps deep. A change is recorded as the Mål it touched,
//! before and after (or the check-ins), so an undo costs the size of one Mål,
//! not of the whole store.

use std::sync::Arc;

use crate::model::{CheckIn, Data, Objective, Settings};

/// One reversible change.
#[derive(Clone, Debug, PartialEq)]
pub enum Patch {
    /// The Mål at `index`: `None` before means it was added, `None` after that it was deleted.
    Objective {
        index: usize,
        before: Option<Arc<Objective>>,
        after: Option<Arc<Objective>>,
    },
    /// The check-ins as a whole.
    CheckIns {
        before: Vec<Arc<CheckIn>>,
        after: Vec<Arc<CheckIn>>,
    },
    /// The team's settings in the file.
    Settings { before: Settings, after: Settings },
    /// Several patches made by one action, applied in order.
    Many(Vec<Patch>),
    /// The whole data, for a change that may touch anything (a conflict
    /// resolved): cheap, since the Mål are shared, not copied.
    Whole { before: Arc<Data>, after: Arc<Data> },
}

impl Patch {
    pub fn inverse(&self) -> Patch {
        match self {
            Patch::Objective {
                index,
                before,
                after,
            } => Patch::Objective {
                index: *index,
                before: after.clone(),
                after: before.clone(),
            },
            Patch::CheckIns { before, after } => Patch::CheckIns {
                before: after.clone(),
                after: before.clone(),
            },
            Patch::Settings { before, after } => Patch::Settings {
                before: after.clone(),
                after: before.clone(),
            },
            Patch::Many(ps) => Patch::Many(ps.iter().rev().map(Patch::inverse).collect()),
            Patch::Whole { before, after } => Patch::Whole {
                before: Arc::clone(after),
                after: Arc::clone(before),
            },
        }
    }

    /// Whether the change adds or removes a Mål or moves one to another quarter.
    pub fn reshapes(&self) -> bool {
        match self {
            Patch::Objective {
                before: Some(b),
                after: Some(a),
                ..
            } => b.quarter != a.quarter,
            Patch::Objective { .. } | Patch::Whole { .. } => true,
            Patch::CheckIns { .. } | Patch::Settings { .. } => false,
            Patch::Many(ps) => ps.iter().any(Patch::reshapes),
        }
    }

    /// Whether the change can move a Mål in the quarter view's tree or in
    /// or out of the owner filter: its id, parent, owner, quarter or place
    /// (a move puts another Mål in its place) changed, or Mål came or went.
    pub fn retrees(&self) -> bool {
        match self {
            Patch::Objective {
                before: Some(b),
                after: Some(a),
                ..
            } => {
                b.id != a.id || b.parent != a.parent || b.owner != a.owner || b.quarter != a.quarter
            }
            Patch::Objective { .. } | Patch::Whole { .. } => true,
            Patch::CheckIns { .. } | Patch::Settings { .. } => false,
            Patch::Many(ps) => ps.iter().any(Patch::retrees),
        }
    }

    /// The Mål on either side of this change: what it removed and what it left.
    pub fn touched(&self) -> Vec<&Arc<Objective>> {
        match self {
            Patch::Objective { before, after, .. } => before.iter().chain(after.iter()).collect(),
            Patch::CheckIns { .. } | Patch::Settings { .. } => Vec::new(),
            Patch::Many(ps) => ps.iter().flat_map(Patch::touched).collect(),
            Patch::Whole { before, after } => {
                before.objectives.iter().chain(&after.objectives).collect()
            }
        }
    }

    /// Applies the change to `data`.
    pub fn apply(&self, data: &mut Data) {
        match self {
            Patch::Objective {
                index,
                before,
                after,
            } => match (before, after) {
                (None, Some(o)) => {
                    let i = (*index).min(data.objectives.len());
                    data.objectives.insert(i, Arc::clone(o));
                }
                (Some(_), None) => {
                    if *index < data.objectives.len() {
                        data.objectives.remove(*index);
                    }
                }
                (Some(_), Some(o)) => {
                    if let Some(slot) = data.objectives.get_mut(*index) {
                        *slot = Arc::clone(o);
                    }
                }
                (None, None) => {}
            },
            Patch::CheckIns { after, .. } => data.checkins = after.clone(),
            Patch::Settings { after, .. } => data.settings = after.clone(),
            Patch::Many(ps) => ps.iter().for_each(|p| p.apply(data)),
            Patch::Whole { after, .. } => *data = Data::clone(after),
        }
    }
}

/// The undo and redo stacks.
#[derive(Default, Debug)]
pub struct History {
    undo: Vec<Patch>,
    redo: Vec<Patch>,
}

impl History {
    /// Records a change that was just applied; it clears the redo stack.
    pub fn record(&mut self, patch: Patch) {
        self.undo.push(patch);
        self.redo.clear();
    }

    /// Undoes the last change on `data`; false when there is none.
    pub fn undo(&mut self, data: &mut Data) -> bool {
        match self.undo.pop() {
            Some(p) => {
                p.inverse().apply(data);
                self.redo.push(p);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self, data: &mut Data) -> bool {
        match self.redo.pop() {
            Some(p) => {
                p.apply(data);
                self.undo.push(p);
                true
            }
            None => false,
        }
    }
}
