//! Building the forms: a Mål, a key result, an Uppgift and a value, each
//! prefilled from the item it edits (numbers in full, so nothing is rounded).

use super::form::{Field, FieldId, Form, Purpose};
use super::{App, Modal, Pane, Screen};
use crate::model::{Initiative, KeyResult, Kind, Measure, MeasureKind, Objective};

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
            (None, _) => {
                let quarter = self.quarter;
                self.objective_form(Purpose::NewObjective { quarter }, None)
            }
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

    pub(super) fn objective_form(&self, purpose: Purpose, o: Option<&Objective>) -> Form {
        let s = self.s;
        let title = if o.is_some() {
            s.edit_objective
        } else {
            s.new_objective
        };
        let kind = o.map_or(0, |o| {
            Kind::ALL.iter().position(|k| *k == o.kind).unwrap_or(0)
        });
        let mut fields = vec![
            Field::text(FieldId::Title, s.f_title, o.map_or("", |o| &o.title)),
            Field::text(FieldId::Why, s.why, o.map_or("", |o| &o.why)),
            Field::choice(
                FieldId::Kind,
                s.kind,
                Kind::ALL.iter().map(|k| s.kind(*k).to_string()).collect(),
                kind,
            ),
            Field::text(
                FieldId::Owner,
                s.owner,
                &o.map_or_else(|| self.new_owner(), |o| o.owner.clone())
                    .unwrap_or_default(),
            ),
            Field::text(
                FieldId::Parent,
                s.f_parent,
                o.and_then(|o| o.parent.as_deref()).unwrap_or(""),
            ),
        ];
        // A quarter's Mål may span on into later quarters; a year's is the year.
        let quarter = match &purpose {
            Purpose::NewObjective { quarter } => *quarter,
            _ => o.map_or(self.quarter, |o| o.quarter),
        };
        if !quarter.is_year() {
            let until = o
                .filter(|o| o.spans())
                .map(|o| self.label(o.last_quarter()))
                .unwrap_or_default();
            fields.push(Field::text(FieldId::Until, s.years.f_until, &until));
        }
        Form::new(purpose, title, fields)
    }

    pub(super) fn key_result_form(&self, purpose: Purpose, k: Option<&KeyResult>) -> Form {
        let s = self.s;
        let title = if k.is_some() {
            s.edit_key_result
        } else {
            s.new_key_result
        };
        let m = k.map(|k| &k.measure);
        let kind = m.map_or(MeasureKind::Numeric, Measure::kind);
        let (start, target, level, current, done, unit) = match m {
            None => (
                "0".to_string(),
                String::new(),
                String::new(),
                String::new(),
                false,
                "",
            ),
            Some(Measure::Numeric(n)) => (
                self.num(n.start),
                self.num(n.target),
                String::new(),
                self.num(n.current),
                false,
                n.unit.as_str(),
            ),
            Some(Measure::Done(d)) => (
                "0".into(),
                String::new(),
                String::new(),
                String::new(),
                d.done,
                "",
            ),
            Some(Measure::AtLeast(l) | Measure::AtMost(l)) => (
                "0".into(),
                String::new(),
                self.num(l.level),
                self.num(l.current),
                false,
                l.unit.as_str(),
            ),
        };
        let fields = vec![
            Field::text(FieldId::Title, s.f_title, k.map_or("", |k| &k.title)),
            Field::choice(
                FieldId::MeasureType,
                s.f_measure,
                MeasureKind::ALL
                    .iter()
                    .map(|m| s.measure_type(*m).to_string())
                    .collect(),
                MeasureKind::ALL
                    .iter()
                    .position(|m| *m == kind)
                    .unwrap_or(0),
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
            Field::text(FieldId::Unit, s.unit, unit),
            Field::number(
                FieldId::Weight,
                s.weight,
                &k.map_or("1".to_string(), |k| self.num(k.weight)),
            ),
            Field::number(
                FieldId::Step,
                s.daily.f_step,
                &k.map_or("1".to_string(), |k| self.num(k.step_size())),
            ),
            Field::number(
                FieldId::Confidence,
                s.f_confidence,
                &k.map_or(5, |k| k.confidence).to_string(),
            ),
        ];
        Form::new(purpose, title, fields)
    }

    pub(super) fn initiative_form(&self, purpose: Purpose, i: Option<&Initiative>) -> Form {
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
            Field::text(
                FieldId::Owner,
                s.owner,
                i.and_then(|i| i.owner.as_deref()).unwrap_or(""),
            ),
            Field::text(
                FieldId::Due,
                s.daily.f_due,
                &i.and_then(|i| i.due)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
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
        let purpose = Purpose::SetValue {
            objective: o.id.clone(),
            id: k.id.clone(),
        };
        let fields = self.value_fields(k, k.measure.current(), k.confidence, "");
        let mut form = Form::new(purpose, self.s.set_value, fields);
        form.about = Some(format!("{} {}", k.id, k.title));
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// The fields of a value: the value (a number, or done / not done), the
    /// confidence and a note. The value form and the check-in walk share them.
    pub(super) fn value_fields(
        &self,
        k: &KeyResult,
        value: f64,
        confidence: u8,
        note: &str,
    ) -> Vec<Field> {
        let s = self.s;
        let value = if k.measure.is_binary() {
            Field::choice(
                FieldId::Done,
                s.f_done,
                vec![s.no.into(), s.yes.into()],
                usize::from(value > 0.5),
            )
        } else {
            Field::number(FieldId::Value, s.value, &self.num(value))
        };
        vec![
            value,
            Field::number(FieldId::Confidence, s.f_confidence, &confidence.to_string()),
            Field::text(FieldId::Note, s.note, note),
        ]
    }
}
