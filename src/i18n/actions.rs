//! The words of the key table's actions, as the footer and the help show
//! them: declared with each action in [`crate::keys`], read here in the
//! table's language.

use super::Strings;
use crate::keys::Action;

impl Strings {
    /// What `a` does, in this table's language: "ångra", "undo".
    pub fn action(&self, a: Action) -> &'static str {
        a.name(self.lang)
    }

    /// What an action does where the user is: in the year view (`year`)
    /// the keys that move, go back and review do so by year.
    pub fn action_in(&self, a: Action, year: bool) -> &'static str {
        match a {
            Action::YearView if year => self.years.to_quarter,
            Action::PrevQuarter if year => self.years.prev_year,
            Action::NextQuarter if year => self.years.next_year,
            Action::Review if year => self.years.review,
            a => self.action(a),
        }
    }
}
