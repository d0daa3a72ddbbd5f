//! Last week's plans in this week's check-in: moved through, carried into
//! this week's fields, or marked done in the check-in they came from.

use super::App;
use super::checkin::CheckInState;
use super::form::{Field, FieldId};
use super::history::Patch;
use crate::keys::Action;
use crate::model::weekly::{self, PlanKind};

impl App {
    /// Last week's plans in the reflection: move, carry, mark done. True
    /// when the action was one of those.
    pub(super) fn plan_act(&mut self, st: &mut CheckInState, action: Action) -> bool {
        let n = st.plans.len();
        match action {
            Action::NextPlan => st.plan_sel = (st.plan_sel + 1).min(n.saturating_sub(1)),
            Action::PrevPlan => st.plan_sel = st.plan_sel.saturating_sub(1),
            Action::CarryPlan => {
                let Some(plan) = st.plans.get(st.plan_sel) else {
                    return true;
                };
                let id = match plan.kind {
                    PlanKind::NextStep => FieldId::NextSteps,
                    PlanKind::Blocker => FieldId::Blockers,
                };
                let text = weekly::with_line(&st.form.text(id), &plan.text);
                if let Some(f) = st.form.field_mut(id) {
                    *f = Field::area(id, f.label, &text);
                    st.form.dirty = true;
                }
                self.info((self.s.weekly.carried)(&plan.text));
            }
            Action::PlanDone => self.toggle_plan_done(st),
            _ => return false,
        }
        true
    }

    /// Marks the selected plan done (or open again) in the check-in it came
    /// from, so the past check-in shows it.
    fn toggle_plan_done(&mut self, st: &mut CheckInState) {
        let (Some((week, _)), Some(plan)) = (st.last, st.plans.get(st.plan_sel).cloned()) else {
            return;
        };
        let owner = self.checkin_owner();
        let before = self.data.checkins.clone();
        let mut after = before.clone();
        let Some(c) = after
            .iter_mut()
            .find(|c| c.week == week && (c.owner.is_none() || c.belongs_to(owner.as_deref())))
        else {
            return;
        };
        let done = weekly::toggle_done(std::sync::Arc::make_mut(c), &plan.text);
        let c = (**c).clone();
        if !self.commit(Patch::CheckIns { before, after }) {
            return;
        }
        st.plans = weekly::plans(&c);
        let s = &self.s.weekly;
        self.info(if done {
            (s.marked_done)(&plan.text)
        } else {
            (s.marked_open)(&plan.text)
        });
    }
}
