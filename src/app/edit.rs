//! Changes by keys: the forms for Mål, key results, Uppgifter and values,
//! what saving each does, delete, toggle and value steps. Every change is one
//! [`Patch`], so undo covers it, and is saved at once.

use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use super::form::{self, Field, FieldId, Form, Purpose};
use super::history::Patch;
use super::{App, Modal, Pane, Screen, Target};
use crate::model::data::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use crate::model::{HistoryEntry, Initiative, KeyResult, Kind, Measure, Objective};

/// A Mål title wider than this no longer fits on one line.
pub const ONE_LINE: usize = 70;

/// How many Mål and key results keep the focus.
pub const MAX_OBJECTIVES: usize = 5;
pub const MAX_KEY_RESULTS: usize = 5;

impl App {
    /// Numbers in forms are shown in full, so saving an unchanged form changes nothing.
    fn num(&self, v: f64) -> String {
        self.s.num_exact(v)
    }

    /// `a`: a Mål in the quarter view's Mål list, else a key result or an
    /// Uppgift of the Mål in focus, by pane.
    pub(super) fn add(&mut self) {
        let target = match (&self.screen, self.pane) {
            (Screen::Quarter, Pane::Objectives) => None,
            _ => self.objective().map(|o| o.id.clone()),
        };
        let about = target
            .as_ref()
            .and(self.objective())
            .map(|o| o.title.clone());
        let mut form = match (target, self.pane) {
            (None, _) => self.objective_form(Purpose::NewObjective, None),
            (Some(objective), Pane::Initiatives) => {
                self.initiative_form(Purpose::NewInitiative { objective }, None)
            }
            (Some(objective), _) => self.key_result_form(Purpose::NewKeyResult { objective }, None),
        };
        form.about = about;
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// `e`: the selected item of the focused pane.
    pub(super) fn edit(&mut self) {
        let Some(o) = self.objective().cloned() else {
            return;
        };
        let form = match self.pane {
            Pane::Objectives => {
                Some(self.objective_form(Purpose::EditObjective { id: o.id.clone() }, Some(&o)))
            }
            Pane::KeyResults => o.key_results.get(self.sel_key_result).map(|k| {
                self.key_result_form(
                    Purpose::EditKeyResult {
                        objective: o.id.clone(),
                        id: k.id.clone(),
                    },
                    Some(k),
                )
            }),
            Pane::Initiatives => o.initiatives.get(self.sel_initiative).map(|i| {
                self.initiative_form(
                    Purpose::EditInitiative {
                        objective: o.id.clone(),
                        id: i.id.clone(),
                    },
                    Some(i),
                )
            }),
        };
        if let Some(f) = form {
            self.modal = Some(Modal::Form(Box::new(f)));
        }
    }

    fn objective_form(&self, purpose: Purpose, o: Option<&Objective>) -> Form {
        let s = self.s;
        let title = if o.is_some() {
            s.edit_objective
        } else {
            s.new_objective
        };
        let kind = o.map_or(0, |o| {
            Kind::ALL.iter().position(|k| *k == o.kind).unwrap_or(0)
        });
        let fields = vec![
            Field::text(FieldId::Title, s.f_title, o.map_or("", |o| &o.title)),
            Field::text(FieldId::Why, s.why, o.map_or("", |o| &o.why)),
            Field::choice(
                FieldId::Kind,
                s.kind,
                s.kinds_in_order().iter().map(|k| k.to_string()).collect(),
                kind,
            ),
            Field::text(
                FieldId::Owner,
                s.owner,
                o.and_then(|o| o.owner.as_deref()).unwrap_or(""),
            ),
            Field::text(
                FieldId::Parent,
                s.f_parent,
                o.and_then(|o| o.parent.as_deref()).unwrap_or(""),
            ),
        ];
        Form::new(purpose, title, fields)
    }

    fn key_result_form(&self, purpose: Purpose, k: Option<&KeyResult>) -> Form {
        let s = self.s;
        let title = if k.is_some() {
            s.edit_key_result
        } else {
            s.new_key_result
        };
        let (kind, start, target, level, current, done, unit) = match k.map(|k| &k.measure) {
            None => (
                0,
                "0".to_string(),
                String::new(),
                String::new(),
                String::new(),
                false,
                String::new(),
            ),
            Some(Measure::Numeric(n)) => (
                0,
                self.num(n.start),
                self.num(n.target),
                String::new(),
                self.num(n.current),
                false,
                n.unit.clone(),
            ),
            Some(Measure::Done(b)) => (
                1,
                "0".into(),
                String::new(),
                String::new(),
                String::new(),
                b.done,
                String::new(),
            ),
            Some(Measure::AtLeast(l)) => (
                2,
                "0".into(),
                String::new(),
                self.num(l.level),
                self.num(l.current),
                false,
                l.unit.clone(),
            ),
            Some(Measure::AtMost(l)) => (
                3,
                "0".into(),
                String::new(),
                self.num(l.level),
                self.num(l.current),
                false,
                l.unit.clone(),
            ),
        };
        let fields = vec![
            Field::text(FieldId::Title, s.f_title, k.map_or("", |k| &k.title)),
            Field::choice(
                FieldId::MeasureType,
                s.f_measure,
                s.measure_types_in_order().map(String::from).into(),
                kind,
            ),
            Field::number(FieldId::Start, s.start, &start),
            Field::number(FieldId::Target, s.target, &target),
            Field::number(FieldId::Level, s.level, &level),
            Field::number(FieldId::Current, s.current, &current),
            Field::choice(
                FieldId::Done,
                s.f_done,
                vec![s.no.into(), s.yes.into()],
                usize::from(done),
            ),
            Field::text(FieldId::Unit, s.unit, &unit),
            Field::number(
                FieldId::Weight,
                s.weight,
                &k.map_or("1".to_string(), |k| self.num(k.weight)),
            ),
            Field::number(
                FieldId::Confidence,
                s.f_confidence,
                &k.map_or(5, |k| k.confidence).to_string(),
            ),
        ];
        Form::new(purpose, title, fields)
    }

    fn initiative_form(&self, purpose: Purpose, i: Option<&Initiative>) -> Form {
        let s = self.s;
        let title = if i.is_some() {
            s.edit_initiative
        } else {
            s.new_initiative
        };
        let mut link_ids = vec![None];
        let mut options = vec![s.none.to_string()];
        if let Some(o) = self.objective() {
            for k in &o.key_results {
                link_ids.push(Some(k.id.clone()));
                options.push(format!("{} {}", k.id, k.title));
            }
        }
        let chosen = i
            .and_then(|i| i.key_result.as_ref())
            .and_then(|id| link_ids.iter().position(|l| l.as_ref() == Some(id)));
        let fields = vec![
            Field::text(FieldId::Title, s.f_title, i.map_or("", |i| &i.title)),
            Field::choice(FieldId::Linked, s.f_linked, options, chosen.unwrap_or(0)),
        ];
        let mut form = Form::new(purpose, title, fields);
        form.link_ids = link_ids;
        form
    }

    /// `v`: a form for the selected key result's value, confidence and a note.
    pub(super) fn open_value_form(&mut self) {
        let Some(o) = self.objective() else {
            return;
        };
        let Some(k) = o.key_results.get(self.sel_key_result) else {
            return;
        };
        let s = self.s;
        let binary = k.measure.is_binary();
        let value = if binary {
            Field::choice(
                FieldId::Done,
                s.f_done,
                vec![s.no.into(), s.yes.into()],
                usize::from(k.measure.current() > 0.5),
            )
        } else {
            Field::number(FieldId::Value, s.value, &self.num(k.measure.current()))
        };
        let fields = vec![
            value,
            Field::number(
                FieldId::Confidence,
                s.f_confidence,
                &k.confidence.to_string(),
            ),
            Field::text(FieldId::Note, s.note, ""),
        ];
        let purpose = Purpose::SetValue {
            objective: o.id.clone(),
            id: k.id.clone(),
            binary,
        };
        let mut form = Form::new(purpose, s.set_value, fields);
        form.about = Some(format!("{} {}", k.id, k.title));
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// Validates and applies a form. Returns the form again when something is
    /// wrong, with the messages beside the fields and everything typed kept.
    pub(super) fn submit(&mut self, mut f: Form) -> Option<Form> {
        f.clear_errors();
        let s = self.s;
        let title = f.text(FieldId::Title);
        if f.field(FieldId::Title).is_some() && title.is_empty() {
            f.set_error(FieldId::Title, s.err_empty_title);
        }
        match f.purpose.clone() {
            Purpose::Review { objective } => self.submit_review(f, &objective),
            Purpose::NewObjective | Purpose::EditObjective { .. } => {
                let parent = f.text(FieldId::Parent);
                if !parent.is_empty() {
                    let own = match &f.purpose {
                        Purpose::EditObjective { id } => Some(id.as_str()),
                        _ => None,
                    };
                    if self.find_objective(&parent).is_none() {
                        f.set_error(FieldId::Parent, s.err_unknown_parent);
                    } else if own.is_some_and(|own| self.parent_chain_reaches(&parent, own)) {
                        f.set_error(FieldId::Parent, s.err_own_parent);
                    }
                }
                if f.has_errors() {
                    return Some(f);
                }
                let kind = Kind::ALL
                    .get(f.chosen(FieldId::Kind))
                    .copied()
                    .unwrap_or_default();
                let opt = |t: String| if t.is_empty() { None } else { Some(t) };
                let now = crate::model::now();
                let (index, before, mut o) = match &f.purpose {
                    Purpose::EditObjective { id } => {
                        let i = self.find_objective(id)?;
                        let before = self.data.objectives[i].clone();
                        let o = (*before).clone();
                        (i, Some(before), o)
                    }
                    _ => {
                        let id = self.data.next_id(OBJECTIVE_PREFIX);
                        let o = Objective::new(id, String::new(), kind, self.quarter, now);
                        // New Mål go after the last one of the quarter, keeping quarters together.
                        let at = self
                            .quarter_objectives()
                            .last()
                            .map_or(self.data.objectives.len(), |i| i + 1);
                        (at, None, o)
                    }
                };
                o.title = title;
                o.why = f.text(FieldId::Why);
                o.kind = kind;
                o.owner = opt(f.text(FieldId::Owner));
                o.parent = opt(f.text(FieldId::Parent));
                o.updated = now;
                let new = before.is_none();
                self.commit(Patch::Objective {
                    index,
                    before,
                    after: Some(Arc::new(o)),
                });
                if new {
                    self.select_objective_at(index);
                }
                self.focus_warnings_for_objective(index);
                None
            }
            Purpose::NewKeyResult { objective } | Purpose::EditKeyResult { objective, .. } => {
                let measure = self.read_measure(&mut f);
                let weight = form::number_field(&mut f, FieldId::Weight, s).filter(|w| *w > 0.0);
                if weight.is_none() && f.field(FieldId::Weight).is_some_and(|x| x.error.is_none()) {
                    f.set_error(FieldId::Weight, s.err_weight);
                }
                let confidence = form::confidence_field(&mut f, s);
                let (Some(measure), Some(weight), Some(confidence)) = (measure, weight, confidence)
                else {
                    return Some(f);
                };
                if f.has_errors() {
                    return Some(f);
                }
                let index = self.find_objective(&objective)?;
                let before = self.data.objectives[index].clone();
                let mut o = (*before).clone();
                let today = self.today;
                let kr_index = match &f.purpose {
                    Purpose::EditKeyResult { id, .. } => {
                        let ki = o.key_results.iter().position(|k| &k.id == id)?;
                        let k = &mut o.key_results[ki];
                        let moved = k.measure.current() != measure.current();
                        k.title = title;
                        k.measure = measure;
                        k.weight = weight;
                        k.confidence = confidence;
                        if moved {
                            push_value(k, today, Some(confidence), String::new());
                        }
                        ki
                    }
                    _ => {
                        let mut k =
                            KeyResult::new(self.data.next_id(KEY_RESULT_PREFIX), title, measure);
                        k.weight = weight;
                        k.confidence = confidence;
                        push_value(&mut k, today, Some(confidence), String::new());
                        o.key_results.push(k);
                        o.key_results.len() - 1
                    }
                };
                o.updated = crate::model::now();
                let warn_numberless = o
                    .key_results
                    .get(kr_index)
                    .is_some_and(|k| k.measure.is_binary());
                let count = o.key_results.len();
                self.commit(Patch::Objective {
                    index,
                    before: Some(before),
                    after: Some(Arc::new(o)),
                });
                self.sel_key_result = kr_index;
                let mut warnings = Vec::new();
                if count > MAX_KEY_RESULTS {
                    warnings.push((s.warn_many_key_results)(count));
                }
                if warn_numberless {
                    warnings.push(s.warn_no_number.to_string());
                }
                if !warnings.is_empty() {
                    self.warn(warnings.join(" "));
                }
                None
            }
            Purpose::NewInitiative { objective } | Purpose::EditInitiative { objective, .. } => {
                if f.has_errors() {
                    return Some(f);
                }
                let link = f.link_ids.get(f.chosen(FieldId::Linked)).cloned().flatten();
                let index = self.find_objective(&objective)?;
                let before = self.data.objectives[index].clone();
                let mut o = (*before).clone();
                let at = match &f.purpose {
                    Purpose::EditInitiative { id, .. } => {
                        let ii = o.initiatives.iter().position(|i| &i.id == id)?;
                        o.initiatives[ii].title = title;
                        o.initiatives[ii].key_result = link;
                        ii
                    }
                    _ => {
                        let mut i = Initiative::new(self.data.next_id(INITIATIVE_PREFIX), title);
                        i.key_result = link;
                        o.initiatives.push(i);
                        o.initiatives.len() - 1
                    }
                };
                o.updated = crate::model::now();
                self.commit(Patch::Objective {
                    index,
                    before: Some(before),
                    after: Some(Arc::new(o)),
                });
                self.sel_initiative = at;
                None
            }
            Purpose::SetValue {
                objective,
                id,
                binary,
            } => {
                let value = if binary {
                    Some(f.chosen(FieldId::Done) as f64)
                } else {
                    form::number_field(&mut f, FieldId::Value, s)
                };
                let confidence = form::confidence_field(&mut f, s);
                let (Some(value), Some(confidence)) = (value, confidence) else {
                    return Some(f);
                };
                let note = f.text(FieldId::Note);
                self.update_key_result(&objective, &id, |k, today| {
                    k.measure.set_current(value);
                    k.confidence = confidence;
                    push_value(k, today, Some(confidence), note);
                });
                None
            }
        }
    }

    /// Whether following parents from `start` reaches `own` (a loop).
    fn parent_chain_reaches(&self, start: &str, own: &str) -> bool {
        let mut at = Some(start.to_string());
        for _ in 0..=self.data.objectives.len() {
            match at {
                Some(id) if id == own => return true,
                Some(id) => {
                    at = self
                        .data
                        .objective_index(&id)
                        .and_then(|i| self.data.objectives[i].parent.clone())
                }
                None => return false,
            }
        }
        true
    }

    /// Reads the measure fields; `None` (with messages set) when they do not add up.
    fn read_measure(&self, f: &mut Form) -> Option<Measure> {
        let s = self.s;
        let unit = f.text(FieldId::Unit);
        match f.chosen(FieldId::MeasureType) {
            0 => {
                let start = form::number_field(f, FieldId::Start, s);
                let target = form::number_field(f, FieldId::Target, s);
                let current_text = f.text(FieldId::Current);
                let current = if current_text.is_empty() {
                    start
                } else {
                    form::number_field(f, FieldId::Current, s)
                };
                let (start, target, current) = (start?, target?, current?);
                if start == target {
                    f.set_error(FieldId::Target, s.err_target_is_start);
                    return None;
                }
                let mut m = Measure::numeric(start, target, &unit);
                m.set_current(current);
                Some(m)
            }
            1 => Some(Measure::done(f.chosen(FieldId::Done) == 1)),
            kind => {
                let level = form::number_field(f, FieldId::Level, s);
                // Whether a level is held depends on the value now: it must be given.
                let current = form::number_field(f, FieldId::Current, s);
                let (level, current) = (level?, current?);
                Some(if kind == 2 {
                    Measure::at_least(level, current, &unit)
                } else {
                    Measure::at_most(level, current, &unit)
                })
            }
        }
    }

    /// Changes one key result through a patch of its Mål.
    fn update_key_result(
        &mut self,
        objective: &str,
        id: &str,
        change: impl FnOnce(&mut KeyResult, chrono::NaiveDate),
    ) {
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let before = self.data.objectives[index].clone();
        let mut o = (*before).clone();
        let Some(k) = o.key_results.iter_mut().find(|k| k.id == id) else {
            return;
        };
        change(k, self.today);
        o.updated = crate::model::now();
        self.commit(Patch::Objective {
            index,
            before: Some(before),
            after: Some(Arc::new(o)),
        });
    }

    /// `+` / `-`: one step on a numeric or level key result; done/not-done flips.
    pub(super) fn step_value(&mut self, delta: f64) {
        let Some(o) = self.objective() else {
            return;
        };
        let Some(k) = o.key_results.get(self.sel_key_result) else {
            return;
        };
        let (objective, id) = (o.id.clone(), k.id.clone());
        let next = match &k.measure {
            Measure::Done(_) => f64::from(u8::from(delta > 0.0)),
            m => m.current() + delta,
        };
        // A done key result stepped up again changes nothing: no history, no undo step.
        if next == k.measure.current() {
            return;
        }
        self.update_key_result(&objective, &id, |k, today| {
            k.measure.set_current(next);
            let c = k.confidence;
            push_value(k, today, Some(c), String::new());
        });
    }

    /// `x` / Space: an Uppgift done or not done.
    pub(super) fn toggle_initiative(&mut self) {
        let Some(index) = self.current_objective() else {
            return;
        };
        let before = self.data.objectives[index].clone();
        let mut o = (*before).clone();
        let Some(i) = o.initiatives.get_mut(self.sel_initiative) else {
            return;
        };
        i.done = if i.done.is_some() {
            None
        } else {
            Some(self.today)
        };
        o.updated = crate::model::now();
        self.commit(Patch::Objective {
            index,
            before: Some(before),
            after: Some(Arc::new(o)),
        });
    }

    /// `d`: asks `y`/`n` before deleting the selected item.
    pub(super) fn ask_delete(&mut self) {
        let Some(o) = self.objective() else {
            return;
        };
        let q = match self.pane {
            Pane::Objectives => Some((Target::Objective(o.id.clone()), o.title.clone())),
            Pane::KeyResults => o.key_results.get(self.sel_key_result).map(|k| {
                (
                    Target::KeyResult(o.id.clone(), k.id.clone()),
                    k.title.clone(),
                )
            }),
            Pane::Initiatives => o.initiatives.get(self.sel_initiative).map(|i| {
                (
                    Target::Initiative(o.id.clone(), i.id.clone()),
                    i.title.clone(),
                )
            }),
        };
        if let Some((target, title)) = q {
            self.modal = Some(Modal::Confirm { target, title });
        }
    }

    pub(super) fn delete(&mut self, target: &Target, title: &str) {
        let objective = match target {
            Target::Objective(id) | Target::KeyResult(id, _) | Target::Initiative(id, _) => id,
        };
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let before = self.data.objectives[index].clone();
        let after = match target {
            Target::Objective(_) => None,
            Target::KeyResult(_, id) => {
                let mut o = (*before).clone();
                o.key_results.retain(|k| &k.id != id);
                for i in &mut o.initiatives {
                    if i.key_result.as_ref() == Some(id) {
                        i.key_result = None;
                    }
                }
                Some(Arc::new(o))
            }
            Target::Initiative(_, id) => {
                let mut o = (*before).clone();
                o.initiatives.retain(|i| &i.id != id);
                Some(Arc::new(o))
            }
        };
        self.commit(Patch::Objective {
            index,
            before: Some(before),
            after,
        });
        self.info((self.s.deleted)(title));
    }

    fn select_objective_at(&mut self, data_index: usize) {
        if let Some(pos) = self
            .quarter_objectives()
            .iter()
            .position(|i| *i == data_index)
        {
            self.sel_objective = pos;
            self.sel_key_result = 0;
            self.sel_initiative = 0;
        }
    }

    /// Warns (never blocks) when a Mål breaks the focus rules.
    fn focus_warnings_for_objective(&mut self, index: usize) {
        let s = self.s;
        let Some(o) = self.data.objectives.get(index) else {
            return;
        };
        let mut warnings = Vec::new();
        let same_owner = self
            .data
            .in_quarter(o.quarter)
            .filter(|(_, x)| x.owner == o.owner)
            .count();
        if same_owner > MAX_OBJECTIVES {
            warnings.push((s.warn_many_objectives)(same_owner, o.owner.as_deref()));
        }
        if o.title.width() > ONE_LINE {
            warnings.push(s.warn_long_title.to_string());
        }
        if !warnings.is_empty() {
            self.warn(warnings.join(" "));
        }
    }
}

/// Records an update of a key result's value: a new history entry.
pub fn push_value(
    k: &mut KeyResult,
    today: chrono::NaiveDate,
    confidence: Option<u8>,
    note: String,
) {
    let value = k.measure.current();
    k.history
        .push(HistoryEntry::new(today, value, confidence, note));
}
