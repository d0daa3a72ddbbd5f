//! The weekly check-in as a guided walk: every key result of the quarter in
//! Mål order (value, confidence, note), then wins, blockers and next steps,
//! an optional team pulse, and a summary. Each accepted step is saved at once,
//! so leaving half-way keeps what was entered and the walk resumes there.

use std::sync::Arc;

use std::collections::HashMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::edit::push_value;
use super::form::{self, Field, FieldId, Form, FormOutcome, Purpose};
use super::history::Patch;
use super::{App, Pane, Screen};
use crate::model::checkin::{self as ck, CheckInEntry, Pulse};
use crate::model::progress;
use crate::model::{CheckIn, Data, Extra, IsoWeek, Measure, Objective, Quarter};

#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub quarter: Quarter,
    /// (Mål id, key result id) in walk order.
    pub items: Vec<(String, String)>,
    pub index: usize,
    pub step: Step,
    pub form: Form,
    pub pulse: [u8; 5],
    pub pulse_focus: usize,
    pub pulse_error: bool,
    /// Each key result's value and confidence before this week, where known.
    pub baseline: HashMap<String, Baseline>,
}

/// Where a key result stood before this week.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    pub value: f64,
    pub confidence: Option<u8>,
    /// Recorded before this week (not just the start of a new key result).
    pub recorded: bool,
}

/// The value and confidence a key result had before `week`: from the latest
/// earlier check-in, else from its history before the week began, else (for
/// a key result new this week) its start.
pub fn baseline(data: &Data, week: IsoWeek) -> HashMap<String, Baseline> {
    let monday = week.monday().unwrap_or(NaiveDate::MIN);
    let mut out = HashMap::new();
    for o in &data.objectives {
        for k in &o.key_results {
            let from_checkin = data
                .checkins
                .iter()
                .filter(|c| c.week < week)
                .rev()
                .find_map(|c| c.entries.iter().find(|e| e.key_result == k.id))
                .map(|e| Baseline {
                    value: e.value,
                    confidence: Some(e.confidence),
                    recorded: true,
                });
            let from_history = || {
                k.history
                    .iter()
                    .rev()
                    .find(|h| h.date < monday)
                    .map(|h| Baseline {
                        value: h.value,
                        confidence: h.confidence,
                        recorded: true,
                    })
            };
            // A key result new this week moved from its start.
            let from_start = || match &k.measure {
                Measure::Numeric(n) => Some(Baseline {
                    value: n.start,
                    confidence: None,
                    recorded: false,
                }),
                Measure::Done(_) => Some(Baseline {
                    value: 0.0,
                    confidence: None,
                    recorded: false,
                }),
                _ => None,
            };
            if let Some(b) = from_checkin.or_else(from_history).or_else(from_start) {
                out.insert(k.id.clone(), b);
            }
        }
    }
    out
}

/// The key results of a quarter, in Mål order.
pub fn walk_items(data: &Data, quarter: Quarter) -> Vec<(String, String)> {
    data.in_quarter(quarter)
        .flat_map(|(_, o)| {
            o.key_results
                .iter()
                .map(move |k| (o.id.clone(), k.id.clone()))
        })
        .collect()
}

impl App {
    /// This week's check-in, if one was started.
    pub fn this_weeks_checkin(&self) -> Option<&CheckIn> {
        let week = IsoWeek::of(self.today);
        self.data.checkins.iter().find(|c| c.week == week)
    }

    /// Whether the banner should invite a check-in (see [`App::checkin_due`]).
    /// `objectives` are the indexes of today's quarter's Mål.
    pub(super) fn compute_checkin_due(&self, objectives: &[usize]) -> bool {
        let has_key_results = objectives.iter().any(|i| {
            self.data
                .objective_at(*i)
                .is_some_and(|o| !o.key_results.is_empty())
        });
        ck::is_due(
            &self.data.checkins,
            has_key_results,
            self.data.settings.checkin_weekday,
            self.today,
        )
    }

    /// Key results of today's quarter (`objectives`) still without an entry this week.
    pub(super) fn compute_checkin_waiting(&self, objectives: &[usize]) -> usize {
        let done: std::collections::HashSet<&str> = self
            .this_weeks_checkin()
            .map(|c| c.entries.iter().map(|e| e.key_result.as_str()).collect())
            .unwrap_or_default();
        objectives
            .iter()
            .filter_map(|i| self.data.objective_at(*i))
            .flat_map(|o| &o.key_results)
            .filter(|k| !done.contains(k.id.as_str()))
            .count()
    }

    /// `c` / `okr checkin`: starts, resumes or reopens this week's check-in.
    pub fn start_checkin(&mut self) {
        let quarter = Quarter::of(self.today);
        let week = IsoWeek::of(self.today);
        let items = walk_items(&self.data, quarter);
        if items.is_empty() {
            self.info(self.s.no_checkin_items);
            return;
        }
        let existing = self.this_weeks_checkin();
        // Resume at the first key result without an entry, or at the reflection
        // when only that is left; a finished week opens from the top, to edit.
        let missing = existing.map_or(Some(0), |c| {
            items
                .iter()
                .position(|(_, k)| !c.entries.iter().any(|e| &e.key_result == k))
        });
        let reflect = missing.is_none()
            && existing.is_some_and(|c| {
                c.wins.is_empty()
                    && c.blockers.is_empty()
                    && c.next_steps.is_empty()
                    && c.pulse.is_none()
            });
        let index = missing.unwrap_or(if reflect { items.len() } else { 0 });
        let mut state = CheckInState {
            week,
            quarter,
            items,
            index,
            step: Step::Walk,
            form: Form::new(Purpose::NewObjective, "", Vec::new()),
            pulse: existing
                .and_then(|c| c.pulse.as_ref())
                .map_or([0; 5], Pulse::ratings),
            pulse_focus: 0,
            pulse_error: false,
            baseline: baseline(&self.data, week),
        };
        if reflect {
            state.step = Step::Reflect;
            state.form = self.reflect_form();
        } else {
            state.form = self.walk_form(&state);
        }
        self.message = None;
        self.screen = Screen::CheckIn(Box::new(state));
    }

    fn walk_form(&self, st: &CheckInState) -> Form {
        let s = self.s;
        let Some((oid, kid)) = st.items.get(st.index) else {
            return Form::new(Purpose::NewObjective, "", Vec::new());
        };
        let k = self
            .data
            .objective_index(oid)
            .and_then(|i| self.data.objectives[i].key_result(kid));
        let entry = self
            .this_weeks_checkin()
            .and_then(|c| c.entries.iter().find(|e| &e.key_result == kid));
        // The key result's own value and confidence are the newest (an update
        // may have come after this week's entry); the note is the week's.
        let (value, confidence) = match (k, entry) {
            (Some(k), _) => (k.measure.current(), k.confidence),
            (None, Some(e)) => (e.value, e.confidence),
            (None, None) => (0.0, 5),
        };
        let note = entry.map(|e| e.note.clone()).unwrap_or_default();
        let binary = k.is_some_and(|k| k.measure.is_binary());
        let value_field = if binary {
            Field::choice(
                FieldId::Done,
                s.f_done,
                vec![s.no.into(), s.yes.into()],
                usize::from(value > 0.5),
            )
        } else {
            Field::number(FieldId::Value, s.value, &s.num_exact(value))
        };
        let fields = vec![
            value_field,
            Field::number(FieldId::Confidence, s.f_confidence, &confidence.to_string()),
            Field::text(FieldId::Note, s.note, &note),
        ];
        Form::new(
            Purpose::SetValue {
                objective: oid.clone(),
                id: kid.clone(),
                binary,
            },
            s.checkin,
            fields,
        )
    }

    fn reflect_form(&self) -> Form {
        let s = self.s;
        let c = self.this_weeks_checkin();
        let text = |f: fn(&CheckIn) -> &String| c.map_or(String::new(), |c| f(c).clone());
        let fields = vec![
            Field::area(FieldId::Wins, s.wins, &text(|c| &c.wins)),
            Field::area(FieldId::Blockers, s.blockers, &text(|c| &c.blockers)),
            Field::area(FieldId::NextSteps, s.next_steps, &text(|c| &c.next_steps)),
        ];
        Form::new(Purpose::NewObjective, s.reflect_title, fields)
    }

    /// Applies a change to this week's check-in (creating it), as one patch
    /// together with an optional change of a Mål.
    fn change_checkin(
        &mut self,
        objective: Option<(usize, Objective)>,
        change: impl FnOnce(&mut CheckIn),
    ) {
        let before = self.data.checkins.clone();
        let mut after = before.clone();
        let week = IsoWeek::of(self.today);
        let mut c = after
            .iter()
            .find(|c| c.week == week)
            .cloned()
            .unwrap_or_else(|| CheckIn::new(self.today));
        c.date = self.today;
        change(&mut c);
        ck::upsert(&mut after, c);
        let mut patches = Vec::new();
        if let Some((index, o)) = objective {
            let old = self.data.objectives.get(index).cloned();
            patches.push(Patch::Objective {
                index,
                before: old,
                after: Some(Arc::new(o)),
            });
        }
        patches.push(Patch::CheckIns { before, after });
        self.commit(Patch::Many(patches));
    }

    /// Keys while the check-in screen is open.
    pub(super) fn checkin_key(&mut self, mut st: Box<CheckInState>, key: KeyEvent) {
        match st.step {
            Step::Walk => match st.form.handle_key(key) {
                FormOutcome::Stay => {}
                FormOutcome::Cancel => return self.leave_checkin(),
                FormOutcome::Submit => {
                    if !self.accept_walk_step(&mut st) {
                        st.form.focus_first_error();
                    } else {
                        st.index += 1;
                        if st.index >= st.items.len() {
                            st.step = Step::Reflect;
                            st.form = self.reflect_form();
                        } else {
                            st.form = self.walk_form(&st);
                        }
                    }
                }
            },
            Step::Reflect => {
                let outcome = st.form.handle_key(key);
                if outcome != FormOutcome::Stay {
                    let (wins, blockers, next) = (
                        st.form.text(FieldId::Wins),
                        st.form.text(FieldId::Blockers),
                        st.form.text(FieldId::NextSteps),
                    );
                    self.change_checkin(None, |c| {
                        c.wins = wins;
                        c.blockers = blockers;
                        c.next_steps = next;
                    });
                    if outcome == FormOutcome::Cancel {
                        return self.leave_checkin();
                    }
                    st.step = Step::Pulse;
                }
            }
            Step::Pulse => match key.code {
                KeyCode::Char(c @ '1'..='5') => {
                    st.pulse[st.pulse_focus] = c as u8 - b'0';
                    st.pulse_focus = (st.pulse_focus + 1).min(4);
                    st.pulse_error = false;
                }
                KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                    st.pulse_focus = (st.pulse_focus + 1).min(4)
                }
                KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                    st.pulse_focus = st.pulse_focus.saturating_sub(1)
                }
                KeyCode::Char('s') => st.step = Step::Summary,
                KeyCode::Enter => {
                    if st.pulse.iter().all(|r| (1..=5).contains(r)) {
                        let [structure, safety, meaning, dependability, impact] = st.pulse;
                        self.change_checkin(None, |c| {
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
                    } else {
                        st.pulse_error = true;
                    }
                }
                KeyCode::Esc => return self.leave_checkin(),
                // Nothing is typed here: q and Ctrl-C quit, as anywhere.
                KeyCode::Char('q') => self.request_quit(),
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.request_quit()
                }
                _ => {}
            },
            Step::Summary => match key.code {
                KeyCode::Enter | KeyCode::Esc => return self.leave_checkin(),
                KeyCode::Char('q') => self.request_quit(),
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.request_quit()
                }
                _ => {}
            },
        }
        if self.quit {
            return;
        }
        self.screen = Screen::CheckIn(st);
    }

    /// Saves one key result's step; false (with messages in the form) when the input is bad.
    fn accept_walk_step(&mut self, st: &mut CheckInState) -> bool {
        let s = self.s;
        st.form.clear_errors();
        let Purpose::SetValue {
            objective,
            id,
            binary,
        } = st.form.purpose.clone()
        else {
            return false;
        };
        let value = if binary {
            Some(st.form.chosen(FieldId::Done) as f64)
        } else {
            form::number_field(&mut st.form, FieldId::Value, s)
        };
        let confidence = form::confidence_field(&mut st.form, s);
        let (Some(value), Some(confidence)) = (value, confidence) else {
            return false;
        };
        let note = st.form.text(FieldId::Note);
        let Some(index) = self.find_objective(&objective) else {
            return true;
        };
        // Checking in again this week replaces this week's history entry of
        // the check-in (one entry per check-in), when nothing came after it.
        let earlier = self.this_weeks_checkin().and_then(|c| {
            c.entries
                .iter()
                .find(|e| e.key_result == id)
                .map(|e| (c.date, e.value))
        });
        let mut o = (*self.data.objectives[index]).clone();
        if let Some(k) = o.key_results.iter_mut().find(|k| k.id == id) {
            k.measure.set_current(value);
            k.confidence = confidence;
            let last = k.history.last_mut();
            match (earlier, last) {
                (Some((date, v)), Some(h)) if h.date == date && h.value == v => {
                    *h = crate::model::HistoryEntry::new(
                        self.today,
                        value,
                        Some(confidence),
                        note.clone(),
                    );
                }
                _ => push_value(k, self.today, Some(confidence), note.clone()),
            }
        }
        o.updated = crate::model::now();
        self.change_checkin(Some((index, o)), |c| {
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

    fn leave_checkin(&mut self) {
        self.screen = Screen::Quarter;
        self.pane = Pane::Objectives;
        self.clamp_selection();
        if self.this_weeks_checkin().is_some() && self.checkin_waiting() > 0 {
            self.info(self.s.checkin_saved);
        }
    }

    /// The summary's facts: (key result title, before, after) for what moved,
    /// the titles of those behind pace or stale, quarter progress before and after.
    pub fn checkin_summary(&self, st: &CheckInState) -> Summary {
        let pace = progress::pace(st.quarter, self.today);
        let mut moved = Vec::new();
        let mut lagging = Vec::new();
        let mut before_data: Vec<Objective> = Vec::new();
        for (_, o) in self.data.in_quarter(st.quarter) {
            let mut then = o.clone();
            for k in &mut then.key_results {
                if let Some(b) = st.baseline.get(&k.id) {
                    k.measure.set_current(b.value);
                }
            }
            for k in &o.key_results {
                let now = k.measure.current();
                if let Some(Baseline { value: was, .. }) = st.baseline.get(&k.id)
                    && (now - was).abs() > f64::EPSILON
                {
                    let forward = progress::key_result_progress(k)
                        > progress::key_result_progress(then.key_result(&k.id).unwrap_or(k));
                    moved.push(Moved {
                        title: k.title.clone(),
                        before: *was,
                        after: now,
                        before_text: self.s.measure_value(&k.measure, *was),
                        after_text: self.s.measure_value(&k.measure, now),
                        forward,
                    });
                }
                let stale = progress::is_stale(k, self.today);
                if progress::key_result_status(k, pace) == progress::PaceStatus::Behind || stale {
                    lagging.push((k.title.clone(), stale));
                }
            }
            before_data.push(then);
        }
        let after = progress::quarter_progress(self.data.in_quarter(st.quarter).map(|(_, o)| o));
        Summary {
            moved,
            lagging,
            before: progress::quarter_progress(before_data.iter()),
            after,
            streak: ck::streak(&self.data.checkins, self.today),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub title: String,
    pub before: f64,
    pub after: f64,
    /// The two values as read: numbers, or done / not done.
    pub before_text: String,
    pub after_text: String,
    /// Progress went up (for a falling key result, the value went down).
    pub forward: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub moved: Vec<Moved>,
    /// Title, and whether it is stale (else it is behind pace).
    pub lagging: Vec<(String, bool)>,
    pub before: f64,
    pub after: f64,
    pub streak: u32,
}
