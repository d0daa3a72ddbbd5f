//! The weekly rhythm in the tracker: last week's plans beside this week's
//! (carried into it or marked done), and the past check-ins, week by week,
//! from which a missed week is filled in afterwards.

use super::checkin::CheckInState;
use super::form::{Field, FieldId};
use super::history::Patch;
use super::keys::{Action, Context};
use super::{App, Pane, Screen};
use crate::model::weekly::{self, PlanKind};
use crate::model::{CheckIn, IsoWeek};

/// The past check-ins: the weeks of the viewed quarter, newest first, or one
/// week's check-in in full.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastState {
    pub sel: usize,
    /// The week shown in full, if one is.
    pub open: Option<IsoWeek>,
    /// How far the week in full is scrolled.
    pub scroll: u16,
}

/// A week of the past check-ins: mine, or missing.
#[derive(Clone, Debug)]
pub struct PastWeek<'a> {
    pub week: IsoWeek,
    pub checkin: Option<&'a CheckIn>,
}

impl App {
    /// `w`: the past check-ins of the quarter shown.
    pub(super) fn start_past(&mut self) {
        self.screen = Screen::Past(PastState::default());
    }

    /// The weeks of the viewed quarter up to this one, newest first, each
    /// with my check-in (see [`App::checkin_owner`]) if there is one.
    pub fn past_weeks(&self) -> Vec<PastWeek<'_>> {
        weekly::quarter_weeks(self.quarter, self.today)
            .into_iter()
            .map(|week| PastWeek {
                week,
                checkin: self.checkin_of(week),
            })
            .collect()
    }

    /// My check-in of the week before `week`'s (for the change of each value).
    pub fn checkin_before(&self, week: IsoWeek) -> Option<&CheckIn> {
        weekly::previous(&self.data.checkins, self.checkin_owner().as_deref(), week)
    }

    /// An action on the past check-ins.
    pub(super) fn past_act(&mut self, action: Action) -> bool {
        let Screen::Past(mut st) = std::mem::replace(&mut self.screen, Screen::Quarter) else {
            return false;
        };
        let weeks: Vec<(IsoWeek, bool)> = self
            .past_weeks()
            .iter()
            .map(|w| (w.week, w.checkin.is_some()))
            .collect();
        let handled = match (st.open, action) {
            (Some(_), Action::Back) => {
                st.open = None;
                st.scroll = 0;
                true
            }
            (Some(_), Action::Down) => {
                st.scroll = st.scroll.saturating_add(1).min(500);
                true
            }
            (Some(_), Action::Up) => {
                st.scroll = st.scroll.saturating_sub(1);
                true
            }
            (Some(_), _) => false,
            (None, Action::Back) => {
                self.pane = Pane::Objectives;
                self.clamp_selection();
                return true;
            }
            (None, Action::Down) => {
                st.sel = (st.sel + 1).min(weeks.len().saturating_sub(1));
                true
            }
            (None, Action::Up) => {
                st.sel = st.sel.saturating_sub(1);
                true
            }
            (None, Action::PrevQuarter | Action::NextQuarter) => {
                self.quarter = if action == Action::PrevQuarter {
                    self.quarter.prev()
                } else {
                    self.quarter.next()
                };
                self.sel_objective = 0;
                self.sel_key_result = 0;
                self.sel_initiative = 0;
                st.sel = 0;
                true
            }
            (None, Action::Open) => {
                match weeks.get(st.sel) {
                    Some((week, true)) => st.open = Some(*week),
                    Some((_, false)) => {
                        let c = self.key(Action::CheckIn, Context::PastCheckIns);
                        self.info((self.s.weekly.missing)(&c));
                    }
                    None => self.info(self.s.weekly.no_weeks),
                }
                true
            }
            (None, Action::CheckIn) => {
                let week = weeks.get(st.sel).copied();
                self.screen = Screen::Past(st.clone());
                self.check_in_week(week);
                if let Screen::CheckIn(c) = &mut self.screen {
                    c.back = Some(st);
                }
                return true;
            }
            (None, _) => false,
        };
        self.screen = Screen::Past(st);
        handled
    }

    /// `c` on a week of the past check-ins: this week's check-in, or a
    /// missed earlier week filled in afterwards, dated that week.
    fn check_in_week(&mut self, week: Option<(IsoWeek, bool)>) {
        let this_week = IsoWeek::of(self.today);
        match week {
            None => self.info(self.s.weekly.no_weeks),
            Some((w, _)) if w == this_week => self.start_checkin(),
            Some((w, true)) => {
                let open = self.key(Action::Open, Context::PastCheckIns);
                self.info((self.s.weekly.has_checkin)(&w.to_string(), &open));
            }
            Some((w, false)) => {
                let weekday = self.data.settings.checkin_weekday;
                let date = weekly::checkin_date(w, weekday, self.quarter, self.today);
                self.start_checkin_for(w, date, self.quarter);
            }
        }
    }

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

    /// How many of my key results wait in this week's check-in, and how
    /// many there are, once it is begun: the banner after a check-in half done.
    pub fn checkin_partial(&self) -> Option<(usize, usize)> {
        match self.due() {
            crate::model::checkin::Due::Begun { waiting, total } => Some((waiting, total)),
            _ => None,
        }
    }
}
