//! The year view: the quarter view pointed at a whole year, listing the
//! year's Mål with the quarterly Mål serving them; one key in and out.

use super::App;
use crate::model::{Objective, Quarter, align, weekly};

impl App {
    /// `y`: the year of the quarter shown; in the year view, back to the
    /// quarter it was entered from (else today's quarter when it is in the
    /// year, else the year's first). The selected Mål stays selected when
    /// the other view shows it, else the nearest Mål it serves that does.
    pub(super) fn toggle_year(&mut self) {
        let target = if self.quarter.is_year() {
            self.year_from
                .filter(|q| q.year == self.quarter.year && !q.is_year())
                .unwrap_or_else(|| self.today_in(self.quarter))
        } else {
            self.year_from = Some(self.quarter);
            self.quarter.whole_year()
        };
        let mut chain: Vec<usize> = Vec::new();
        if let Some(i) = self.current_objective() {
            chain.push(i);
            if let Some(o) = self.data.objective_at(i) {
                chain.extend(align::serves(&self.data, o));
            }
        }
        self.set_quarter(target);
        let shown = self.quarter_objectives();
        if let Some(pos) = chain.iter().find_map(|i| shown.iter().position(|s| s == i)) {
            self.sel_objective = pos;
        }
    }

    /// Today's quarter when it is in `year`, else the year's first quarter.
    pub fn today_in(&self, year: Quarter) -> Quarter {
        Some(self.this_quarter())
            .filter(|q| q.year == year.year)
            .unwrap_or_else(|| year.first_quarter())
    }

    /// The quarter a Mål aligned under `parent` (with `A`) is added to: in
    /// the year view, under a year's Mål, today's quarter of that year (or
    /// its first), under a quarterly Mål that Mål's first quarter; in a
    /// quarter's view, that quarter.
    pub(super) fn aligned_quarter(&self, parent: &Objective) -> Quarter {
        match (self.quarter.is_year(), parent.is_yearly()) {
            (false, _) => self.quarter,
            (true, true) => self.today_in(self.quarter),
            (true, false) => parent.quarters().0,
        }
    }

    /// How many of the check-in periods so far in the year of `q` have my
    /// check-in (see [`App::checkin_owner`]), of how many
    /// ([`weekly::year_checkins`]).
    pub fn year_checkins(&self, q: Quarter) -> (usize, usize) {
        weekly::year_checkins(q, self.today, &self.data.settings, |week| {
            self.checkin_of(week).is_some()
        })
    }

    /// Whether the view of `q` is today's: today's quarter, or its year.
    pub fn is_today(&self, q: Quarter) -> bool {
        let today = self.this_quarter();
        q == today || q == today.whole_year()
    }
}
