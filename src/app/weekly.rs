//! The weekly rhythm in the tracker: the past check-ins, week by week, from
//! which a missed week is filled in afterwards (last week's plans in this
//! week's check-in are in `plans.rs`).

use super::{App, Pane, Screen};
use crate::keys::{Action, Context};
use crate::model::weekly;
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

/// A period of the past check-ins (by its first week): mine, or missing.
#[derive(Clone, Debug)]
pub struct PastWeek<'a> {
    pub week: IsoWeek,
    pub checkin: Option<&'a CheckIn>,
    /// Every week of it a holiday: nothing was due.
    pub off: bool,
}

impl App {
    /// `w`: the past check-ins of the quarter shown.
    pub(super) fn start_past(&mut self) {
        self.screen = Screen::Past(PastState::default());
    }

    /// The weeks of the viewed quarter up to this one, newest first, each
    /// with my check-in (see [`App::checkin_owner`]) if there is one.
    pub fn past_weeks(&self) -> Vec<PastWeek<'_>> {
        weekly::quarter_periods(self.quarter, self.today, &self.data.settings)
            .into_iter()
            .map(|week| PastWeek {
                week,
                checkin: self.checkin_of(week),
                off: self.data.settings.is_off(self.data.settings.period(week)),
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
        let this_week = self.this_period();
        match week {
            None => self.info(self.s.weekly.no_weeks),
            Some((w, _)) if w == this_week => self.start_checkin(),
            Some((w, true)) => {
                let open = self.key(Action::Open, Context::PastCheckIns);
                self.info((self.s.weekly.has_checkin)(&w.to_string(), &open));
            }
            Some((w, false)) => {
                let settings = &self.data.settings;
                let date = weekly::checkin_date(w, settings, self.quarter, self.today);
                // The weeks of a year: the key results of the week's quarter.
                let quarter = if self.quarter.is_year() {
                    crate::model::Quarter::of(date, self.fy())
                } else {
                    self.quarter
                };
                self.start_checkin_for(w, date, quarter);
            }
        }
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
