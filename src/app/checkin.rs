//! The weekly check-in as a guided walk: every key result of the quarter in
//! the order on screen (value, confidence, note), then wins, blockers and
//! next steps, an optional team pulse, and a summary. Each accepted step is
//! saved at once, so leaving half-way keeps what was entered and the walk
//! resumes there.

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use serde_json::json;

use super::edit::ValueInput;
use super::form::{self, Field, FieldId, Form, Purpose};
use super::history::Patch;
pub use super::summary::{Baseline, Moved, Summary, baseline};
use super::{App, Pane, Screen};
use crate::keys::{Action, Context};
use crate::model::checkin::{self as ck, CheckInEntry, Pulse};
use crate::model::weekly::{self, Plan};
use crate::model::{CheckIn, Extra, IsoWeek, Quarter};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Walk,
    Reflect,
    Pulse,
    Summary,
}

/// Where the walk is and what it started from.
#[derive(Clone, Debug)]
pub struct CheckInState {
    pub week: IsoWeek,
    /// The day the check-in is dated: today, or a day of a missed week.
    pub date: NaiveDate,
    pub quarter: Quarter,
    /// (Mål id, key result id) in walk order.
    pub items: Vec<(String, String)>,
    pub index: usize,
    pub step: Step,
    pub form: Form,
    pub pulse: [u8; 5],
    pub pulse_focus: usize,
    pub pulse_error: bool,
    /// Esc found the step's input bad: a second Esc leaves without it.
    pub leave_armed: bool,
    /// Each key result as it stood before this week's check-in touched it.
    pub baseline: HashMap<String, Baseline>,
    /// My last check-in before this one (its week and date), and its plans.
    pub last: Option<(IsoWeek, NaiveDate)>,
    pub plans: Vec<Plan>,
    /// The plan of last week's that carry and done act on.
    pub plan_sel: usize,
    /// The past check-ins it was begun from, to return to.
    pub back: Option<super::weekly::PastState>,
}

impl CheckInState {
    /// The key table's layers of this step, innermost first.
    pub fn layers(&self) -> Vec<Context> {
        match self.step {
            Step::Walk => vec![self.form.layer(), Context::CheckInWalk],
            // Last week's plans between the field and the step, so the
            // step's own keys lead the footer.
            Step::Reflect if !self.plans.is_empty() => vec![
                self.form.layer(),
                Context::LastWeek,
                Context::CheckInReflect,
            ],
            Step::Reflect => vec![self.form.layer(), Context::CheckInReflect],
            Step::Pulse => vec![Context::Pulse],
            Step::Summary => vec![Context::Summary],
        }
    }

    /// A character typed into the step's form, if it has one.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        match self.step {
            Step::Walk | Step::Reflect => {
                self.leave_armed = false;
                form::is_typing(&key) && self.form.edit(key, true)
            }
            Step::Pulse | Step::Summary => false,
        }
    }
}

impl App {
    /// This period's check-in of mine (see [`App::checkin_owner`]), if one was started.
    pub fn this_weeks_checkin(&self) -> Option<&CheckIn> {
        self.checkin_of(self.this_period())
    }

    /// The key of today's check-in period: its first week
    /// ([`crate::model::cadence`]; this week, for a weekly team).
    pub fn this_period(&self) -> IsoWeek {
        self.data.settings.period_of(self.today).start
    }

    /// My check-in of the period keyed `week` (see [`App::checkin_owner`]),
    /// if one was started.
    pub fn checkin_of(&self, week: IsoWeek) -> Option<&CheckIn> {
        let owner = self.checkin_owner();
        let settings = &self.data.settings;
        self.data
            .checkins
            .iter()
            .find(|c| settings.period_key(c.week) == week && c.belongs_to(owner.as_deref()))
            .map(|c| &**c)
    }

    /// Whether my check-in waits ([`ck::due`], the rule `okr status`
    /// shares): on my key results of today's quarter (`objectives`).
    pub(super) fn compute_due(&self, objectives: &[usize]) -> ck::Due {
        let key_results: Vec<&str> = objectives
            .iter()
            .filter_map(|i| self.data.objective_at(*i))
            .filter(|o| self.walks(o))
            .flat_map(|o| &o.key_results)
            .map(|k| k.id.as_str())
            .collect();
        ck::due(
            &self.data.checkins,
            self.checkin_owner().as_deref(),
            &key_results,
            &self.data.settings,
            self.today,
        )
    }

    /// The Mål a check-in in `quarter` walks, in the order on screen: the
    /// year's Mål first, then the quarter's (those spanning it among them).
    pub(super) fn checkin_objectives(&self, quarter: Quarter) -> Vec<usize> {
        let mut out = self.tree_in(quarter.whole_year());
        if !quarter.is_year() {
            out.extend(self.tree_in(quarter));
        }
        out
    }

    /// `c` / `okr checkin`: starts, resumes or reopens this period's check-in.
    pub fn start_checkin(&mut self) {
        self.start_checkin_for(self.this_period(), self.today, self.this_quarter());
    }

    /// Starts, resumes or reopens my check-in of `week`, dated `date`, on
    /// the key results of `quarter` (this week's, or a missed week's).
    pub(super) fn start_checkin_for(&mut self, week: IsoWeek, date: NaiveDate, quarter: Quarter) {
        if self.read_only {
            self.warn(self.s.read_only_refused);
            return;
        }
        // Mine, of the Mål the owner filter shows, in the order on screen; a
        // missed week filled in afterwards only those there on its day.
        let missed = week != self.this_period();
        let mut added_since = false;
        let mut items: Vec<(String, String)> = Vec::new();
        for o in self
            .checkin_objectives(quarter)
            .into_iter()
            .filter_map(|i| self.data.objective_at(i))
            .filter(|o| self.walks(o))
        {
            for k in &o.key_results {
                if missed && !weekly::existed_on(k, date) {
                    added_since = true;
                } else {
                    items.push((o.id.clone(), k.id.clone()));
                }
            }
        }
        if items.is_empty() {
            if added_since {
                self.info((self.s.weekly.none_then)(&date.to_string()));
            } else {
                self.info(self.s.no_checkin_items);
            }
            return;
        }
        let existing = self.checkin_of(week);
        // Resume at the first key result not answered, or at the reflection
        // when only that is left; a finished week opens from the top, to edit.
        let missing = existing.map_or(Some(0), |c| items.iter().position(|(_, k)| !c.answered(k)));
        let reflect = missing.is_none()
            && existing.is_some_and(|c| {
                c.wins.is_empty()
                    && c.blockers.is_empty()
                    && c.next_steps.is_empty()
                    && c.pulse.is_none()
            });
        let index = missing.unwrap_or(if reflect { items.len() } else { 0 });
        let owner = self.checkin_owner();
        let last = weekly::previous(&self.data.checkins, owner.as_deref(), week);
        let back_to = missed.then_some(date);
        let mut state = CheckInState {
            week,
            date,
            quarter,
            items,
            index,
            step: Step::Walk,
            form: Form::new(Purpose::Reflect, "", Vec::new()),
            pulse: existing
                .and_then(|c| c.pulse.as_ref())
                .map_or([0; 5], Pulse::ratings),
            pulse_focus: 0,
            pulse_error: false,
            leave_armed: false,
            baseline: baseline(&self.data, quarter, week, owner.as_deref(), back_to),
            last: last.map(|c| (c.week, c.date)),
            plans: last.map(weekly::plans).unwrap_or_default(),
            plan_sel: 0,
            back: None,
        };
        if reflect {
            state.step = Step::Reflect;
            state.form = self.reflect_form(week);
        } else {
            state.form = self.walk_form(&state);
        }
        self.message = None;
        self.screen = Screen::CheckIn(Box::new(state));
    }

    fn walk_form(&self, st: &CheckInState) -> Form {
        let s = self.s;
        let Some((oid, kid)) = st.items.get(st.index) else {
            return Form::new(Purpose::Reflect, s.checkin, Vec::new());
        };
        let Some(k) = self
            .data
            .objective_index(oid)
            .and_then(|i| self.data.objectives[i].key_result(kid))
        else {
            return Form::new(Purpose::Reflect, s.checkin, Vec::new());
        };
        // The key result's own value and confidence are the newest (an update
        // may have come after this week's entry); the note is the week's. A
        // missed week filled in afterwards starts from the value of its day.
        let note = self
            .checkin_of(st.week)
            .and_then(|c| c.entries.iter().find(|e| &e.key_result == kid))
            .map(|e| e.note.as_str())
            .unwrap_or_default();
        let (value, confidence) = if st.date == self.today {
            (k.measure.current(), k.confidence)
        } else {
            match (weekly::entry_on(k, st.date), st.baseline.get(kid)) {
                (Some(h), _) => (h.value, h.confidence.unwrap_or(k.confidence)),
                (None, Some(b)) => (b.value, b.confidence.unwrap_or(k.confidence)),
                (None, None) => (k.measure.current(), k.confidence),
            }
        };
        let fields = self.value_fields(k, value, confidence, note);
        let purpose = Purpose::CheckInStep {
            objective: oid.clone(),
            id: kid.clone(),
        };
        Form::new(purpose, s.checkin, fields)
    }

    pub(super) fn reflect_form(&self, week: IsoWeek) -> Form {
        let s = self.s;
        let c = self.checkin_of(week);
        let text = |f: fn(&CheckIn) -> &String| c.map_or(String::new(), |c| f(c).clone());
        let fields = vec![
            Field::area(FieldId::Wins, s.wins, &text(|c| &c.wins)),
            Field::area(FieldId::Blockers, s.blockers, &text(|c| &c.blockers)),
            Field::area(FieldId::NextSteps, s.next_steps, &text(|c| &c.next_steps)),
        ];
        Form::new(Purpose::Reflect, s.reflect_title, fields)
    }

    /// Applies a change to my check-in of the walk's week (creating it,
    /// dated the walk's day), as one patch together with an optional change of a Mål.
    fn change_checkin(
        &mut self,
        st: &CheckInState,
        objective: Option<Patch>,
        change: impl FnOnce(&mut CheckIn),
    ) {
        let before = self.data.checkins.clone();
        let mut after = before.clone();
        // A new check-in's owner as the file spells the name ("Bo" for a
        // typed "bo"), so the same week never meets itself as two owners.
        let mut c = self
            .checkin_of(st.week)
            .cloned()
            .unwrap_or_else(|| CheckIn::of(st.date, self.checkin_whose().as_deref()));
        c.week = st.week;
        c.date = st.date;
        change(&mut c);
        ck::upsert(&mut after, c);
        let mut patches: Vec<Patch> = objective.into_iter().collect();
        patches.push(Patch::CheckIns { before, after });
        self.commit(Patch::Many(patches));
    }

    /// An action while the check-in screen is open.
    pub(super) fn checkin_act(&mut self, action: Action, key: KeyEvent) -> bool {
        let Screen::CheckIn(mut st) = std::mem::replace(&mut self.screen, Screen::Quarter) else {
            return false;
        };
        let before = st.step;
        let (handled, stay) = match st.step {
            Step::Walk => self.walk_act(&mut st, action, key),
            Step::Reflect => self.reflect_act(&mut st, action, key),
            Step::Pulse => self.pulse_act(&mut st, action, key),
            Step::Summary => Self::summary_act(&mut st, action),
        };
        // At the summary the check-in is whole: its hook runs once it is saved.
        if before != Step::Summary && st.step == Step::Summary {
            let whose = self.checkin_whose();
            let checkin = super::hooks::checkin_json(&self.data, st.week, whose.as_deref());
            self.queue_hook(crate::hooks::Event::CheckIn, json!({ "checkin": checkin }));
        }
        if stay {
            self.screen = Screen::CheckIn(st);
        } else {
            self.leave_checkin();
            // Begun from the past check-ins: back to them.
            if let Some(past) = st.back {
                self.screen = Screen::Past(past);
            }
        }
        handled
    }

    /// A key result's step: (handled, stay on the check-in).
    fn walk_act(&mut self, st: &mut CheckInState, action: Action, key: KeyEvent) -> (bool, bool) {
        let armed = std::mem::take(&mut st.leave_armed);
        match action {
            Action::NextStep => {
                if self.accept_walk_step(st) {
                    self.next_walk_step(st);
                }
                (true, true)
            }
            Action::SkipKeyResult => {
                self.skip_walk_step(st);
                self.next_walk_step(st);
                (true, true)
            }
            // Esc keeps a step that was changed and reads well; a bad one
            // stays on screen with its message, and a second Esc leaves without it.
            Action::SaveAndLeave if !st.form.dirty || armed => (true, false),
            Action::SaveAndLeave => {
                if self.accept_walk_step(st) {
                    return (true, false);
                }
                st.leave_armed = true;
                self.warn((self.s.step_not_saved)(
                    &self.key(Action::SaveAndLeave, Context::CheckInWalk),
                ));
                (true, true)
            }
            _ => (st.form.act(action, key), true),
        }
    }

    /// On to the next key result, or to the reflection after the last.
    fn next_walk_step(&mut self, st: &mut CheckInState) {
        st.index += 1;
        if st.index >= st.items.len() {
            st.step = Step::Reflect;
            st.form = self.reflect_form(st.week);
        } else {
            st.form = self.walk_form(st);
        }
    }

    /// Wins, blockers and next steps: (handled, stay on the check-in).
    fn reflect_act(
        &mut self,
        st: &mut CheckInState,
        action: Action,
        key: KeyEvent,
    ) -> (bool, bool) {
        if self.plan_act(st, action) {
            return (true, true);
        }
        let go_on =
            action == Action::GoOn || (action == Action::NextField && st.form.is_last_field());
        if !go_on && action != Action::SaveAndLeave {
            return (st.form.act(action, key), true);
        }
        let (wins, blockers, next) = (
            st.form.text(FieldId::Wins),
            st.form.text(FieldId::Blockers),
            st.form.text(FieldId::NextSteps),
        );
        self.change_checkin(st, None, |c| {
            c.wins = wins;
            c.blockers = blockers;
            c.next_steps = next;
        });
        // Someone else's pulse is theirs to rate: the summary offers it.
        st.step = if self.checkin_for_other().is_some() {
            Step::Summary
        } else {
            Step::Pulse
        };
        (true, go_on)
    }

    /// The summary: (handled, stay on the check-in). The pulse can be
    /// rated from here, when it was skipped or left to its owner.
    fn summary_act(st: &mut CheckInState, action: Action) -> (bool, bool) {
        match action {
            Action::Pulse => {
                st.step = Step::Pulse;
                (true, true)
            }
            Action::Back => (true, false),
            _ => (false, true),
        }
    }

    /// The team pulse: (handled, stay on the check-in).
    fn pulse_act(&mut self, st: &mut CheckInState, action: Action, key: KeyEvent) -> (bool, bool) {
        match action {
            Action::Rate => {
                if let KeyCode::Char(c @ '1'..='5') = key.code
                    && let Some(r) = st.pulse.get_mut(st.pulse_focus)
                {
                    *r = c as u8 - b'0';
                    st.pulse_focus = (st.pulse_focus + 1).min(4);
                    st.pulse_error = false;
                }
            }
            Action::Down => st.pulse_focus = (st.pulse_focus + 1).min(4),
            Action::Up => st.pulse_focus = st.pulse_focus.saturating_sub(1),
            Action::Skip => st.step = Step::Summary,
            Action::Save if st.pulse.iter().all(|r| (1..=5).contains(r)) => {
                let [structure, safety, meaning, dependability, impact] = st.pulse;
                self.change_checkin(st, None, |c| {
                    let extra = c.pulse.take().map(|p| p.extra).unwrap_or_else(Extra::new);
                    c.pulse = Some(Pulse {
                        structure,
                        safety,
                        meaning,
                        dependability,
                        impact,
                        extra,
                    });
                });
                st.step = Step::Summary;
            }
            Action::Save => st.pulse_error = true,
            Action::Leave => return (true, false),
            _ => return (false, true),
        }
        (true, true)
    }

    /// Saves one key result's step; false (with messages in the form) when the input is bad.
    fn accept_walk_step(&mut self, st: &mut CheckInState) -> bool {
        let Purpose::CheckInStep { objective, id } = st.form.purpose.clone() else {
            return false;
        };
        let form = std::mem::replace(&mut st.form, Form::new(Purpose::Reflect, "", Vec::new()));
        let ValueInput {
            value,
            confidence,
            note,
        } = match self.read_value(form) {
            Ok(input) => input,
            Err(mut back) => {
                back.focus_first_error();
                st.form = *back;
                return false;
            }
        };
        let Some(index) = self.find_objective(&objective) else {
            return true;
        };
        // Checking in again this week replaces this week's history entry of
        // the check-in (one entry per check-in), when nothing came after it.
        let earlier = self.checkin_of(st.week).and_then(|c| {
            c.entries
                .iter()
                .find(|e| e.key_result == id)
                .map(|e| (c.date, e.value))
        });
        // A missed week's value goes in its place in the history: the
        // current value stays the latest by date.
        let entry_note = note.clone();
        let day = st.date;
        let Some((patch, ())) = self.objective_patch(index, |o, _| {
            let k = o.key_results.iter_mut().find(|k| k.id == id)?;
            k.record(day, value, Some(confidence), entry_note, earlier);
            Some(())
        }) else {
            return true;
        };
        self.change_checkin(st, Some(patch), |c| {
            c.set_entry(CheckInEntry {
                key_result: id.clone(),
                value,
                confidence,
                note,
                extra: Extra::new(),
            });
        });
        true
    }

    /// Skips the key result of the step: answered for the week without a
    /// value (one with an entry this week keeps it).
    fn skip_walk_step(&mut self, st: &CheckInState) {
        let Some((_, id)) = st.items.get(st.index).cloned() else {
            return;
        };
        if self.checkin_of(st.week).is_some_and(|c| c.answered(&id)) {
            return;
        }
        self.change_checkin(st, None, |c| c.skipped.push(id));
    }

    fn leave_checkin(&mut self) {
        self.screen = Screen::Quarter;
        self.pane = Pane::Objectives;
        self.clamp_selection();
        if self.this_weeks_checkin().is_some() && self.checkin_waiting() > 0 {
            self.info((self.s.checkin_saved)(
                &self.key(Action::CheckIn, Context::Quarter),
            ));
        }
    }
}
