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
}
