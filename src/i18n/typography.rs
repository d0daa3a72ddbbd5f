//! The typography of each language: the dash, the mark for nothing, the
//! percent sign and the space before a unit (a no-break space in Swedish).

use super::{Lang, Strings};

impl Strings {
    /// A value and its unit: `100\u{a0}MSEK` in Swedish, with a no-break
    /// space so a wrapped line never parts the two; `100 MSEK` in English.
    /// Without a unit, the value alone.
    pub fn with_unit(&self, value: &str, unit: &str) -> String {
        if unit.is_empty() {
            return value.to_string();
        }
        match self.lang {
            Lang::Sv => format!("{value}\u{a0}{unit}"),
            Lang::En => format!("{value} {unit}"),
        }
    }

    /// The dash between a statement and what follows: the spaced en dash
    /// of Swedish, the spaced em dash of English.
    pub fn dash(&self) -> &'static str {
        match self.lang {
            Lang::Sv => " – ",
            Lang::En => " — ",
        }
    }

    /// The mark for a value that is not there: `–` in Swedish, `—` in English.
    pub fn nothing(&self) -> &'static str {
        self.dash().trim()
    }

    /// [`Strings::percent`] of a number that may not be there yet:
    /// [`Strings::nothing`] then.
    pub fn percent_of(&self, share: Option<f64>) -> String {
        share.map_or_else(|| self.nothing().to_string(), |p| self.percent(p))
    }

    /// A share as a whole percent: `42 %` in Swedish (a no-break space),
    /// `42%` in English.
    pub fn percent(&self, share: f64) -> String {
        let p = (crate::model::progress::unit_clamp(share) * 100.0).round();
        match self.lang {
            // A no-break space: a wrapped line never parts 45 from %.
            Lang::Sv => format!("{p:.0}\u{a0}%"),
            Lang::En => format!("{p:.0}%"),
        }
    }
}
