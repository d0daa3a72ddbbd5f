//! How far `+` and `-` move a key result's value: a positive, finite number,
//! checked when a file is read as well as when a form is saved.

use serde::{Deserialize, Deserializer, Serialize};

/// A key result's step; a file with a step of 0 or below is refused.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Step(f64);

impl Step {
    /// A step, when `v` is a number above 0.
    pub fn new(v: f64) -> Option<Step> {
        (v.is_finite() && v > 0.0).then_some(Step(v))
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        Step::new(v).ok_or_else(|| serde::de::Error::custom("\"step\" must be a number above 0"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_a_number_above_zero() {
        assert_eq!(Step::new(0.5).map(Step::get), Some(0.5));
        assert_eq!(Step::new(0.0), None);
        assert_eq!(Step::new(-1.0), None);
        assert_eq!(Step::new(f64::INFINITY), None);
        assert_eq!(Step::new(f64::NAN), None);
        let read: Result<Step, _> = serde_json::from_str("-2");
        assert!(read.is_err());
        let read: Step = serde_json::from_str("2.5").unwrap();
        assert_eq!(read.get(), 2.5);
    }
}
