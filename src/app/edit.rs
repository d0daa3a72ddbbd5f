//! Changes by keys: what saving each form does (one function per purpose:
//! read and check the fields, then apply), delete, toggle and value steps.
//! Every change goes through [`App::change_objective`] (or adds or removes a
//! whole Mål), so it is one [`Patch`] that undo covers, keeps the fields this
//! version does not know, sets `updated`, and is saved at once.

use std::sync::Arc;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::App;
use super::form::{self, FieldId, Form, Purpose};
use super::history::Patch;
use crate::model::ids::{INITIATIVE_PREFIX, KEY_RESULT_PREFIX, OBJECTIVE_PREFIX};
use crate::model::review::{MAX_KEY_RESULTS, MAX_OBJECTIVES, ONE_LINE};
use crate::model::term::{MAX_SPAN, span_length};
use crate::model::{
    Initiative, KeyResult, Kind, MeasureKind, MeasureParts, Objective, Quarter, Step,
};

/// A form's fields as read and checked, ready to apply; `Err` gives the form
/// back with a message beside each bad field and everything typed kept.
pub(super) type Read<T> = Result<T, Box<Form>>;

/// What the Mål form holds.
struct ObjectiveInput {
    title: String,
    why: String,
    kind: Kind,
    owner: Option<String>,
    parent: Option<String>,
    /// The last quarter it spans, when more than its first.
    until: Option<Quarter>,
}

/// What the key result form holds.
struct KeyResultInput {
    title: String,
    measure: MeasureParts,
    weight: f64,
    step: Option<Step>,
    confidence: u8,
}

/// What the Uppgift form holds.
struct InitiativeInput {
    title: String,
    link: Option<String>,
    owner: Option<String>,
    due: Option<NaiveDate>,
}

/// What the value form (and a check-in step) holds.
pub(super) struct ValueInput {
    pub value: f64,
    pub confidence: u8,
    pub note: String,
}

impl App {
    /// The one door for a change to a Mål: a changed copy (`updated` set,
    /// unknown fields kept), committed as one undoable patch. `change` returns
    /// `None` to change nothing (the item it looked for is gone).
    pub(super) fn change_objective<R>(
        &mut self,
        index: usize,
        change: impl FnOnce(&mut Objective, NaiveDate) -> Option<R>,
    ) -> Option<R> {
        let (patch, r) = self.objective_patch(index, change)?;
        self.commit(patch).then_some(r)
    }

    /// The patch [`App::change_objective`] commits, for a caller that commits
    /// it together with another (a check-in step changes its check-in too).
    pub(super) fn objective_patch<R>(
        &self,
        index: usize,
        change: impl FnOnce(&mut Objective, NaiveDate) -> Option<R>,
    ) -> Option<(Patch, R)> {
        let before = self.data.objectives.get(index)?;
        let today = self.today;
        let (after, r) = before.changed(crate::model::now(), |o| change(o, today));
        let r = r?;
        let patch = Patch::Objective {
            index,
            before: Some(Arc::clone(before)),
            after: Some(Arc::new(after)),
        };
        Some((patch, r))
    }

    /// Records a key result's value through its Mål: the one way the tracker
    /// records a value (keys, the value form; the check-in adds its entry).
    fn record_value(&mut self, objective: &str, id: &str, input: ValueInput) {
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let ValueInput {
            value,
            confidence,
            note,
        } = input;
        self.change_objective(index, |o, today| {
            let k = o.key_results.iter_mut().find(|k| k.id == id)?;
            k.record(today, value, Some(confidence), note, None);
            Some(())
        });
    }

    /// Validates and applies a form. Returns the form again when something is
    /// wrong, with the messages beside the fields and everything typed kept.
    pub(super) fn submit(&mut self, mut f: Form) -> Option<Box<Form>> {
        f.clear_errors();
        if self.form_item_gone(&f.purpose) {
            return None;
        }
        let outcome = match f.purpose.clone() {
            Purpose::NewObjective { quarter } => self
                .read_objective(f, None)
                .map(|i| self.new_objective(quarter, i)),
            Purpose::EditObjective { id } => self
                .read_objective(f, Some(&id))
                .map(|i| self.apply_objective(&id, i)),
            Purpose::NewKeyResult { objective } => self
                .read_key_result(f)
                .map(|i| self.apply_key_result(&objective, None, i)),
            Purpose::EditKeyResult { objective, id } => self
                .read_key_result(f)
                .map(|i| self.apply_key_result(&objective, Some(&id), i)),
            Purpose::NewInitiative { objective } => self
                .read_initiative(f)
                .map(|i| self.apply_initiative(&objective, None, i)),
            Purpose::EditInitiative { objective, id } => self
                .read_initiative(f)
                .map(|i| self.apply_initiative(&objective, Some(&id), i)),
            Purpose::SetValue { objective, id, .. } => self
                .read_value(f)
                .map(|i| self.record_value(&objective, &id, i)),
            Purpose::EditEntry { .. } => self.submit_entry(f, None),
            Purpose::Review { objective } => self
                .read_review(f)
                .map(|i| self.apply_review(&objective, i)),
            Purpose::Settings => self.save_settings(f),
            // The check-in's forms are saved by its steps.
            Purpose::CheckInStep { .. } | Purpose::Reflect => return None,
        };
        outcome.err()
    }

    /// The title field, which every item has: it may not be empty.
    fn title(&self, f: &mut Form) -> String {
        let title = f.text(FieldId::Title);
        if title.is_empty() {
            f.set_error(FieldId::Title, self.s.err_empty_title);
        }
        title
    }

    fn read_objective(&self, mut f: Form, own: Option<&str>) -> Read<ObjectiveInput> {
        let s = self.s;
        let title = self.title(&mut f);
        let parent = f.text(FieldId::Parent);
        if !parent.is_empty() {
            // A parent is in the same year: this quarter or another of it
            // (or the year itself: a year's Mål has the year's number).
            let year = match &f.purpose {
                Purpose::NewObjective { quarter } => quarter.year,
                _ => own
                    .and_then(|id| self.find_objective(id))
                    .and_then(|i| self.data.objective_at(i))
                    .map_or(self.quarter.year, |o| o.quarter.year),
            };
            match self
                .find_objective(&parent)
                .and_then(|i| self.data.objective_at(i))
            {
                None => f.set_error(FieldId::Parent, s.err_unknown_parent),
                Some(_) if own.is_some_and(|own| self.parent_chain_reaches(&parent, own)) => {
                    f.set_error(FieldId::Parent, s.err_own_parent)
                }
                Some(p) if p.quarter.year != year => {
                    f.set_error(FieldId::Parent, s.team.err_parent_year)
                }
                Some(_) => {}
            }
        }
        let first = match &f.purpose {
            Purpose::NewObjective { quarter } => *quarter,
            _ => own
                .and_then(|id| self.find_objective(id))
                .and_then(|i| self.data.objective_at(i))
                .map_or(self.quarter, |o| o.quarter),
        };
        let until = self.read_until(&mut f, first);
        if f.has_errors() {
            return Err(Box::new(f));
        }
        let opt = |t: String| (!t.is_empty()).then_some(t);
        Ok(ObjectiveInput {
            until,
            title,
            why: f.text(FieldId::Why),
            kind: Kind::ALL
                .get(f.chosen(FieldId::Kind))
                .copied()
                .unwrap_or_default(),
            owner: opt(f.text(FieldId::Owner)),
            parent: opt(parent),
        })
    }

    /// The form's last quarter of a Mål starting in `first`: empty (or
    /// `first` itself) for one quarter, else a later quarter within
    /// [`MAX_SPAN`] quarters; anything else is marked on the field.
    fn read_until(&self, f: &mut Form, first: Quarter) -> Option<Quarter> {
        let text = f.text(FieldId::Until);
        if text.trim().is_empty() || first.is_year() {
            return None;
        }
        let years = &self.s.years;
        match text.parse::<Quarter>() {
            Ok(q) if q == first => None,
            Ok(q) if q > first && !q.is_year() => {
                if span_length(first, q) <= MAX_SPAN {
                    Some(q)
                } else {
                    f.set_error(FieldId::Until, &(years.err_too_long)(MAX_SPAN));
                    None
                }
            }
            _ => {
                let example = self.label(first.next());
                f.set_error(
                    FieldId::Until,
                    &(years.err_until)(&self.label(first), &example),
                );
                None
            }
        }
    }

    /// A new Mål of `quarter`: the view's (a year in the year view), or a
    /// quarter of the year for one aligned under a year's Mål.
    fn new_objective(&mut self, quarter: crate::model::Quarter, input: ObjectiveInput) {
        let id = self.data.next_id(OBJECTIVE_PREFIX);
        let o = Objective::new(id, String::new(), input.kind, quarter, crate::model::now());
        // New Mål go after the last one of the view in the file (the view
        // lists a tree), keeping quarters together.
        let index = self
            .quarter_objectives()
            .iter()
            .max()
            .map_or(self.data.objectives.len(), |i| i + 1);
        let (o, ()) = o.changed(crate::model::now(), |o| fill_objective(o, input));
        self.commit(Patch::Objective {
            index,
            before: None,
            after: Some(Arc::new(o)),
        });
        self.select_objective_at(index);
        self.focus_warnings_for_objective(index);
    }

    fn apply_objective(&mut self, id: &str, input: ObjectiveInput) {
        let Some(index) = self.find_objective(id) else {
            return;
        };
        self.change_objective(index, |o, _| {
            fill_objective(o, input);
            Some(())
        });
        self.focus_warnings_for_objective(index);
    }

    fn read_key_result(&self, mut f: Form) -> Read<KeyResultInput> {
        let s = self.s;
        let title = self.title(&mut f);
        let measure = self.read_measure(&mut f);
        let weight = form::number_field(&mut f, FieldId::Weight, s).filter(|w| *w > 0.0);
        if weight.is_none() && f.field(FieldId::Weight).is_some_and(|x| x.error.is_none()) {
            f.set_error(FieldId::Weight, s.err_weight);
        }
        let step = self.read_step(&mut f);
        let confidence = form::confidence_field(&mut f, s);
        match (measure, weight, step, confidence) {
            (Some(measure), Some(weight), Some(step), Some(confidence)) if !f.has_errors() => {
                Ok(KeyResultInput {
                    title,
                    measure,
                    weight,
                    step,
                    confidence,
                })
            }
            _ => Err(Box::new(f)),
        }
    }

    /// The step of `+`/`-`: a number above 0; `Some(None)` for the default
    /// (1, or a done / not-done key result, which has none).
    fn read_step(&self, f: &mut Form) -> Option<Option<Step>> {
        if f.field(FieldId::Step).is_none_or(|x| x.hidden) {
            return Some(None);
        }
        let step = form::number_field(f, FieldId::Step, self.s)?;
        match Step::new(step) {
            Some(_) if step == 1.0 => Some(None),
            Some(step) => Some(Some(step)),
            None => {
                f.set_error(FieldId::Step, self.s.daily.err_step);
                None
            }
        }
    }

    /// Reads the measure fields; `None` (with messages set) when they do not add up.
    fn read_measure(&self, f: &mut Form) -> Option<MeasureParts> {
        let s = self.s;
        let kind = f.measure_kind();
        let mut parts = MeasureParts {
            kind,
            unit: f.text(FieldId::Unit),
            ..MeasureParts::default()
        };
        match kind {
            MeasureKind::Numeric => {
                let start = form::number_field(f, FieldId::Start, s);
                let target = form::number_field(f, FieldId::Target, s);
                // An empty current value starts at the start.
                let current = if f.text(FieldId::Current).is_empty() {
                    start
                } else {
                    form::number_field(f, FieldId::Current, s)
                };
                let (start, target, current) = (start?, target?, current?);
                if start == target {
                    f.set_error(FieldId::Target, s.err_target_is_start);
                    return None;
                }
                (parts.start, parts.target, parts.current) = (start, target, current);
            }
            MeasureKind::Done => parts.done = f.chosen(FieldId::Done) == 1,
            MeasureKind::AtLeast | MeasureKind::AtMost => {
                // Whether a level is held depends on the value now: both must be given.
                let given = |f: &mut Form, id, needed| {
                    if f.text(id).trim().is_empty() {
                        f.set_error(id, needed);
                        None
                    } else {
                        form::number_field(f, id, s)
                    }
                };
                let level = given(f, FieldId::Level, s.err_needs_level);
                let current = given(f, FieldId::Current, s.err_needs_current);
                (parts.level, parts.current) = (level?, current?);
            }
        }
        Some(parts)
    }

    /// A new key result (`id` none) or an edited one; its measure keeps the
    /// fields this version does not know, and a moved value is recorded.
    fn apply_key_result(&mut self, objective: &str, id: Option<&str>, input: KeyResultInput) {
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let new_id = self.data.next_id(KEY_RESULT_PREFIX);
        let KeyResultInput {
            title,
            measure,
            weight,
            step,
            confidence,
        } = input;
        let done = self.change_objective(index, |o, today| {
            let at = match id {
                Some(id) => o.key_results.iter().position(|k| k.id == id)?,
                None => {
                    let k =
                        KeyResult::new(new_id, String::new(), crate::model::Measure::done(false));
                    o.key_results.push(k);
                    o.key_results.len() - 1
                }
            };
            let k = o.key_results.get_mut(at)?;
            let before = (id.is_some()).then(|| k.measure.current());
            k.title = title;
            k.weight = weight;
            // A step of 1 written in the file stays written.
            if step.is_some() || k.step.is_some_and(|s| s.get() != 1.0) {
                k.step = step;
            }
            k.confidence = confidence;
            k.measure.reshape(measure);
            let value = k.measure.current();
            if before != Some(value) {
                k.record(today, value, Some(confidence), String::new(), None);
            }
            Some((at, o.key_results.len()))
        });
        let Some((at, count)) = done else {
            return;
        };
        self.sel_key_result = at;
        if count > MAX_KEY_RESULTS {
            self.warn((self.s.warn_many_key_results)(count));
        }
    }

    fn read_initiative(&self, mut f: Form) -> Read<InitiativeInput> {
        let title = self.title(&mut f);
        let due = f.text(FieldId::Due);
        let due = if due.is_empty() {
            None
        } else {
            let date = read_date(&due);
            if date.is_none() {
                f.set_error(FieldId::Due, self.s.daily.err_due);
            }
            date
        };
        if f.has_errors() {
            return Err(Box::new(f));
        }
        let link = f.link_ids.get(f.chosen(FieldId::Linked)).cloned().flatten();
        let owner = f.text(FieldId::Owner);
        Ok(InitiativeInput {
            title,
            link,
            owner: (!owner.is_empty()).then_some(owner),
            due,
        })
    }

    fn apply_initiative(&mut self, objective: &str, id: Option<&str>, input: InitiativeInput) {
        let Some(index) = self.find_objective(objective) else {
            return;
        };
        let new_id = self.data.next_id(INITIATIVE_PREFIX);
        let at = self.change_objective(index, |o, _| {
            let at = match id {
                Some(id) => o.initiatives.iter().position(|i| i.id == id)?,
                None => {
                    o.initiatives.push(Initiative::new(new_id, String::new()));
                    o.initiatives.len() - 1
                }
            };
            let i = o.initiatives.get_mut(at)?;
            i.title = input.title;
            i.key_result = input.link;
            i.owner = input.owner;
            i.due = input.due;
            Some(at)
        });
        if let Some(at) = at {
            self.sel_initiative = at;
        }
    }

    /// A value, confidence and note, as the value form and a check-in step give them.
    pub(super) fn read_value(&self, mut f: Form) -> Read<ValueInput> {
        let s = self.s;
        let value = if f.field(FieldId::Done).is_some() {
            Some(f.chosen(FieldId::Done) as f64)
        } else {
            form::number_field(&mut f, FieldId::Value, s)
        };
        let confidence = form::confidence_field(&mut f, s);
        match (value, confidence) {
            (Some(value), Some(confidence)) => Ok(ValueInput {
                value,
                confidence,
                note: f.text(FieldId::Note),
            }),
            _ => Err(Box::new(f)),
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

    /// `+` / `-`: one step (the key result's own, else 1) on a numeric or
    /// level key result; done/not-done flips.
    pub(super) fn step_value(&mut self, delta: f64) {
        let Some(index) = self.current_objective() else {
            return;
        };
        let at = self.sel_key_result;
        self.change_objective(index, |o, today| {
            let k = o.key_results.get_mut(at)?;
            let next = match k.measure.kind() {
                MeasureKind::Done => f64::from(u8::from(delta > 0.0)),
                _ => k.measure.current() + delta * k.step_size(),
            };
            // A done key result stepped up again changes nothing: no history, no undo step.
            if next == k.measure.current() {
                return None;
            }
            k.record(today, next, None, String::new(), None);
            Some(())
        });
    }

    /// `x` / Space: an Uppgift done or not done.
    pub(super) fn toggle_initiative(&mut self) {
        let Some(index) = self.current_objective() else {
            return;
        };
        let at = self.sel_initiative;
        self.change_objective(index, |o, today| {
            let i = o.initiatives.get_mut(at)?;
            i.done = if i.done.is_some() { None } else { Some(today) };
            Some(())
        });
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
            .filter(|(_, x)| match (&x.owner, &o.owner) {
                (Some(a), Some(b)) => crate::model::author::same(a, b),
                (a, b) => a.is_none() && b.is_none(),
            })
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

/// The Mål form's fields onto a Mål.
fn fill_objective(o: &mut Objective, input: ObjectiveInput) {
    o.until = input
        .until
        .filter(|u| *u > o.quarter && !o.quarter.is_year());
    o.title = input.title;
    o.why = input.why;
    o.kind = input.kind;
    o.owner = input.owner;
    o.parent = input.parent;
}

/// A date typed as `YYYY-MM-DD`, and nothing else.
fn read_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}
