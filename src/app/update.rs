//! What a key does: the key table turns it into an action, and the mode
//! that is open (the help, a modal, the check-in, a screen) carries it out.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::form::{self, Form};
use super::{App, Message, Modal, Pane, Screen, Tone};
use crate::keys::{Action, Context};
use crate::model::Quarter;

impl App {
    /// One key press. Releases and repeats are ignored. Returns whether the
    /// key did something where the user is: an action of the key table, or a
    /// character typed into a field.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let action = self.keymap.action_for(&self.layers(), &key);
        // "Press q again" holds only for the very next key.
        let armed = std::mem::take(&mut self.quit_armed);
        match action {
            Some(Action::Quit) => {
                self.quit_armed = armed;
                self.request_quit();
                true
            }
            Some(Action::Help) => {
                self.help = true;
                self.help_scroll = 0;
                true
            }
            Some(_) if self.too_small => false,
            Some(a) if self.help => self.help_act(a),
            Some(a) => {
                if self.modal.is_none() && !matches!(self.screen, Screen::CheckIn(_)) {
                    self.message = None;
                }
                self.act(a, key)
            }
            None if self.too_small => false,
            None => self.unbound(key),
        }
    }

    /// Keys in the help overlay: scroll, close.
    fn help_act(&mut self, action: Action) -> bool {
        match action {
            Action::CloseHelp => {
                self.help = false;
                self.help_scroll = 0;
            }
            Action::Down => self.help_scroll = self.help_scroll.saturating_add(1).min(60),
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            _ => return false,
        }
        true
    }

    /// An action where the user is: in the modal, the check-in or the screen.
    fn act(&mut self, action: Action, key: KeyEvent) -> bool {
        match self.modal.take() {
            Some(Modal::Form(form)) => self.form_act(form, action, key),
            Some(m @ Modal::Confirm { .. }) => self.confirm_act(m, action),
            Some(Modal::Carry(c)) => self.carry_act(c, action),
            Some(Modal::Search(st)) => self.search_act(st, action, key),
            Some(Modal::CheckInToo { form, question }) => {
                self.check_in_too_act(form, question, action)
            }
            None if matches!(self.screen, Screen::CheckIn(_)) => self.checkin_act(action, key),
            None => self.screen_act(action),
        }
    }

    /// An action in a modal form: save, cancel, or a move within the form.
    fn form_act(&mut self, mut form: Box<Form>, action: Action, key: KeyEvent) -> bool {
        let save = action == Action::Save
            || (action == Action::NextField && form.has_areas() && form.is_last_field());
        if save {
            if let Some(mut back) = self.submit(*form) {
                back.focus_first_error();
                self.modal = Some(Modal::Form(back));
            }
            return true;
        }
        if action == Action::Cancel {
            return true;
        }
        let handled = form.act(action, key);
        self.modal = Some(Modal::Form(form));
        handled
    }

    /// A key the table does not bind here: typed into a field, or, on a
    /// screen, a hint where it works instead of nothing at all.
    fn unbound(&mut self, key: KeyEvent) -> bool {
        if self.help {
            return false;
        }
        if let Some(Modal::Form(f)) = &mut self.modal {
            return form::is_typing(&key) && f.edit(key, true);
        }
        if matches!(self.modal, Some(Modal::Search(_))) {
            return self.search_type(key);
        }
        if self.modal.is_some() {
            return false;
        }
        if let Screen::CheckIn(st) = &mut self.screen {
            return st.type_key(key);
        }
        if let Some((label, action)) = self.keymap.elsewhere(&key) {
            let s = self.s;
            let (name, screen) = (s.action(action), Context::Quarter);
            let hint = match action {
                Action::SetValue | Action::StepUp | Action::StepDown => {
                    (s.select_key_result)(&label, name, &self.key(Action::NextPane, screen))
                }
                Action::Toggle => (s.select_initiative)(
                    &label,
                    name,
                    &self.key(Action::Open, screen),
                    &self.key(Action::NextPane, Context::DetailKeyResults),
                ),
                _ => (s.key_elsewhere)(&label, name, &self.key(Action::Help, screen)),
            };
            self.info(hint);
        } else {
            self.message = None;
        }
        false
    }

    fn request_quit(&mut self) {
        if self.save_problem.is_some() && !self.quit_armed {
            self.quit_armed = true;
            self.message = Some(Message {
                text: (self.s.unsaved_quit)(&self.key(Action::Quit, Context::Quarter)),
                tone: Tone::Error,
            });
            return;
        }
        self.quit = true;
    }

    /// An action on a screen (quarter view, detail, review, overview, a key result's view).
    fn screen_act(&mut self, action: Action) -> bool {
        if matches!(self.screen, Screen::KeyResult(_)) && self.view_act(action) {
            return true;
        }
        if matches!(self.screen, Screen::Conflicts { .. }) && self.conflicts_act(action) {
            return true;
        }
        if matches!(self.screen, Screen::Past(_)) {
            return self.past_act(action);
        }
        match action {
            Action::Back => {
                if let Screen::Review(_) | Screen::Overview { .. } | Screen::Detail { .. } =
                    self.screen
                {
                    self.screen = Screen::Quarter;
                    self.pane = Pane::Objectives;
                    self.clamp_selection();
                } else if self.pane != Pane::Objectives {
                    self.pane = Pane::Objectives;
                }
            }
            Action::Down | Action::Up => {
                let delta = if action == Action::Down { 1 } else { -1 };
                match self.screen {
                    Screen::Review(_) | Screen::Overview { .. } => self.move_in_list(delta),
                    _ => self.move_selection(delta),
                }
            }
            Action::Open if matches!(self.screen, Screen::Overview { .. }) => {
                self.open_overview_quarter()
            }
            Action::Open if self.pane == Pane::KeyResults => self.open_key_result(),
            Action::Open => self.open(),
            Action::NextPane | Action::PrevPane => self.switch_pane(),
            Action::PrevQuarter => self.set_quarter(self.quarter.prev()),
            Action::NextQuarter => self.set_quarter(self.quarter.next()),
            Action::Today => self.set_quarter(self.this_quarter()),
            Action::Add => self.add(),
            Action::Edit if matches!(self.screen, Screen::Review(_)) => self.open_review_form(),
            Action::Edit => self.edit(),
            Action::Delete => self.ask_delete(),
            Action::Undo | Action::Redo => self.undo_or_redo(action == Action::Undo),
            Action::SetValue => self.open_value_form(),
            Action::StepUp => self.step_value(1.0),
            Action::StepDown => self.step_value(-1.0),
            Action::MoveDown => self.move_selected(true),
            Action::MoveUp => self.move_selected(false),
            Action::Search => self.start_search(),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::Toggle => self.toggle_initiative(),
            Action::CheckIn => self.start_checkin(),
            Action::Review => self.start_review(self.quarter),
            Action::PastCheckIns => self.start_past(),
            Action::Overview => self.start_overview(),
            Action::PlanNext => self.plan_next(),
            Action::YearView => self.toggle_year(),
            Action::Settings => self.open_settings(),
            Action::Filter => self.cycle_filter(),
            Action::Fold => self.fold(),
            Action::AddAligned => self.add_aligned(),
            Action::Conflicts => self.open_conflicts(),
            Action::Sync => self.start_sync(),
            _ => return false,
        }
        true
    }

    /// `u` / `Ctrl-R`: the last change undone or redone, the selected item
    /// still selected wherever it goes.
    fn undo_or_redo(&mut self, undo: bool) {
        let spot = self.spot();
        let before = Arc::clone(&self.data);
        let data = Arc::make_mut(&mut self.data);
        let done = if undo {
            self.history.undo(data)
        } else {
            self.history.redo(data)
        };
        let s = self.s;
        let (yes, no) = if undo {
            (s.undone, s.nothing_to_undo)
        } else {
            (s.redone, s.nothing_to_redo)
        };
        if done {
            self.keep_days(before.fiscal_year());
            self.index_ids();
            self.reindex(true);
            self.persist();
            let spot = self.brought_back(&before, &spot).unwrap_or(spot);
            self.find_spot(spot);
            self.info(yes);
        } else {
            self.info(no);
        }
    }

    pub(super) fn set_quarter(&mut self, q: Quarter) {
        self.quarter = q;
        self.planning = false;
        self.sel_initiative = 0;
        self.sel_objective = 0;
        self.sel_key_result = 0;
        self.pane = Pane::Objectives;
    }

    fn move_selection(&mut self, delta: isize) {
        let len = match self.pane {
            Pane::Objectives => self.quarter_objectives().len(),
            Pane::KeyResults => self.objective().map_or(0, |o| o.key_results.len()),
            Pane::Initiatives => self.objective().map_or(0, |o| o.initiatives.len()),
        };
        let sel = match self.pane {
            Pane::Objectives => &mut self.sel_objective,
            Pane::KeyResults => &mut self.sel_key_result,
            Pane::Initiatives => &mut self.sel_initiative,
        };
        if len == 0 {
            *sel = 0;
            return;
        }
        *sel = sel.saturating_add_signed(delta).min(len - 1);
        if self.pane == Pane::Objectives {
            self.sel_key_result = 0;
            self.sel_initiative = 0;
        }
    }

    fn open(&mut self) {
        if let Some(o) = self.objective() {
            let id = o.id.clone();
            self.screen = Screen::Detail { objective: id };
            self.pane = Pane::KeyResults;
        }
    }

    fn switch_pane(&mut self) {
        self.pane = match (&self.screen, self.pane) {
            (Screen::Quarter, Pane::Objectives) if self.objective().is_some() => Pane::KeyResults,
            (Screen::Quarter, _) => Pane::Objectives,
            (Screen::Detail { .. }, Pane::KeyResults) => Pane::Initiatives,
            (Screen::Detail { .. }, _) => Pane::KeyResults,
            (Screen::CheckIn(_) | Screen::Review(_) | Screen::Overview { .. }, p) => p,
            (Screen::KeyResult(_) | Screen::Conflicts { .. } | Screen::Past(_), p) => p,
        };
    }
}
