//! The conflicts screen (`!`): the fields a merge found changed both ways,
//! one row each, ours beside theirs; `Enter` shows one in full, `o` keeps
//! ours, `t` takes theirs.
//! Each choice is one undoable change, saved like every other.

use std::sync::Arc;

use super::history::Patch;
use super::{App, Pane, Screen};
use crate::keys::{Action, Context};
use crate::model::Data;
use crate::model::merge::{self, Side};
use crate::model::validate::Broken;

impl App {
    /// `!`: the conflicts screen, or a word that none waits.
    pub(super) fn open_conflicts(&mut self) {
        if self.data.conflicts.is_empty() {
            self.info(self.s.live.no_conflicts);
            return;
        }
        self.screen = Screen::Conflicts {
            sel: 0,
            full: false,
        };
    }

    /// The key of the conflicts screen, for a message that names it.
    pub(super) fn conflicts_key(&self) -> String {
        self.key(Action::Conflicts, Context::Quarter)
    }

    /// The title of the Mål, key result or Uppgift a conflict names, if it is there.
    pub fn item_title(&self, id: &str) -> Option<&str> {
        self.data.objectives.iter().find_map(|o| {
            if o.id == id {
                return Some(o.title.as_str());
            }
            o.key_results
                .iter()
                .find(|k| k.id == id)
                .map(|k| k.title.as_str())
                .or_else(|| {
                    o.initiatives
                        .iter()
                        .find(|i| i.id == id)
                        .map(|i| i.title.as_str())
                })
        })
    }

    /// A field of a conflict in the user's words: `measure.current` is
    /// "current value", `history.2026-11-24` "value on 2026-11-24",
    /// `entries.kr3` the week's value for that key result; a field a newer
    /// okr wrote, as it is named.
    pub fn field_words(&self, field: &str) -> String {
        let w = &self.s.live;
        if let Some(day) = field.strip_prefix("history.") {
            return (w.value_on)(day);
        }
        if let Some(k) = field.strip_prefix("entries.") {
            return (w.entry_for)(self.short_id(k));
        }
        (w.field_name)(field).map_or_else(|| field.to_string(), str::to_string)
    }

    /// The keys of the conflicts screen. True for every key it binds.
    pub(super) fn conflicts_act(&mut self, action: Action) -> bool {
        let Screen::Conflicts { sel, full } = self.screen else {
            return false;
        };
        let n = self.data.conflicts.len();
        match action {
            Action::Down => {
                self.screen = Screen::Conflicts {
                    sel: (sel + 1).min(n.saturating_sub(1)),
                    full,
                }
            }
            Action::Up => {
                self.screen = Screen::Conflicts {
                    sel: sel.saturating_sub(1),
                    full,
                }
            }
            Action::Open => self.screen = Screen::Conflicts { sel, full: !full },
            Action::KeepOurs => self.choose(sel, Side::Ours),
            Action::TakeTheirs => self.choose(sel, Side::Theirs),
            Action::KeepBoth => self.keep_both(sel),
            Action::Back if full => self.screen = Screen::Conflicts { sel, full: false },
            Action::Back => {
                self.screen = Screen::Quarter;
                self.pane = Pane::Objectives;
                self.clamp_selection();
            }
            _ => return false,
        }
        true
    }

    /// Resolves the conflict at `index` to one side, as one undoable change.
    fn choose(&mut self, index: usize, side: Side) {
        let w = &self.s.live;
        let done = match side {
            Side::Ours => w.kept_ours,
            Side::Theirs => w.took_theirs,
        };
        let how = |data: &mut Data| merge::resolve_or_why(data, index, side);
        self.settle(index, how, side == Side::Theirs, w.nothing_there, done);
    }

    /// Keeps our value of a day and both sides' notes, as one undoable change.
    fn keep_both(&mut self, index: usize) {
        let w = &self.s.live;
        let how = |data: &mut Data| merge::keep_both_notes(data, index);
        self.settle(index, how, false, w.not_two_entries, w.kept_both);
    }

    /// Settles the conflict at `index` by `how`, as one undoable change,
    /// and says so (`done`: the field in words, how many are left). A
    /// choice that would break a rule of the file is refused with the rule
    /// (`theirs`: the side it took); one `how` cannot make, with `cannot`.
    fn settle(
        &mut self,
        index: usize,
        how: impl FnOnce(&mut Data) -> Result<(), Option<Broken>>,
        theirs: bool,
        cannot: &str,
        done: fn(&str, usize) -> String,
    ) {
        let Some(field) = self.data.conflicts.get(index).map(|c| c.field.clone()) else {
            self.info(self.s.live.no_conflicts);
            return;
        };
        let mut after = (*self.data).clone();
        match how(&mut after) {
            Ok(()) => {}
            // Said, never silent: the rule the choice would break.
            Err(Some(broken)) => {
                let why = crate::store::format::broken_text(&broken, self.s);
                self.warn((self.s.live.refused)(theirs, &why));
                return;
            }
            Err(None) => {
                self.warn(cannot);
                return;
            }
        }
        let patch = Patch::Whole {
            before: Arc::clone(&self.data),
            after: Arc::new(after),
        };
        if self.commit(patch) {
            let left = self.data.conflicts.len();
            let field = crate::text::shown(&self.field_words(&field));
            self.info(done(&field, left));
        }
    }

    /// Keeps the conflicts screen's selection inside its list; with none
    /// left, back to the quarter view.
    pub(super) fn keep_conflicts_screen(&mut self) {
        if let Screen::Conflicts { sel, full } = self.screen {
            let n = self.data.conflicts.len();
            if n == 0 {
                self.screen = Screen::Quarter;
                self.pane = Pane::Objectives;
            } else {
                self.screen = Screen::Conflicts {
                    sel: sel.min(n - 1),
                    full,
                };
            }
        }
    }
}
