//! How a key result is measured: a number from a start to a target, done or
//! not, or a level to stay at or above (or below), with the form's parts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::de::Extra;

/// The four ways a key result is measured, without their values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MeasureKind {
    #[default]
    Numeric,
    Done,
    AtLeast,
    AtMost,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 4] = [
        MeasureKind::Numeric,
        MeasureKind::Done,
        MeasureKind::AtLeast,
        MeasureKind::AtMost,
    ];
}

/// The values of a measure as a form gives them; each kind reads the ones it uses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeasureParts {
    pub kind: MeasureKind,
    pub start: f64,
    pub target: f64,
    pub level: f64,
    pub current: f64,
    pub done: bool,
    pub unit: String,
}

/// How a key result is measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Measure {
    /// From `start` to `target`; the target may be below the start ("reduce X").
    Numeric(Numeric),
    /// Done or not done.
    Done(Binary),
    /// Keep the value at or above a level.
    AtLeast(Level),
    /// Keep the value at or below a level.
    AtMost(Level),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Numeric {
    pub start: f64,
    pub target: f64,
    pub current: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Binary {
    pub done: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Level {
    pub level: f64,
    pub current: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Measure {
    pub fn numeric(start: f64, target: f64, unit: &str) -> Self {
        Measure::Numeric(Numeric {
            start,
            target,
            current: start,
            unit: unit.to_string(),
            extra: Extra::new(),
        })
    }

    pub fn done(done: bool) -> Self {
        Measure::Done(Binary {
            done,
            extra: Extra::new(),
        })
    }

    pub fn at_least(level: f64, current: f64, unit: &str) -> Self {
        Measure::AtLeast(Level {
            level,
            current,
            unit: unit.to_string(),
            extra: Extra::new(),
        })
    }

    pub fn at_most(level: f64, current: f64, unit: &str) -> Self {
        Measure::AtMost(Level {
            level,
            current,
            unit: unit.to_string(),
            extra: Extra::new(),
        })
    }

    pub fn kind(&self) -> MeasureKind {
        match self {
            Measure::Numeric(_) => MeasureKind::Numeric,
            Measure::Done(_) => MeasureKind::Done,
            Measure::AtLeast(_) => MeasureKind::AtLeast,
            Measure::AtMost(_) => MeasureKind::AtMost,
        }
    }

    /// The fields of this measure that this version does not know.
    pub fn extra_mut(&mut self) -> &mut Extra {
        match self {
            Measure::Numeric(n) => &mut n.extra,
            Measure::Done(b) => &mut b.extra,
            Measure::AtLeast(l) | Measure::AtMost(l) => &mut l.extra,
        }
    }

    /// Takes the kind and values of `parts`, keeping the fields this version
    /// does not know (also when the kind changes).
    pub fn reshape(&mut self, parts: MeasureParts) {
        let extra = std::mem::take(self.extra_mut());
        let MeasureParts {
            kind,
            start,
            target,
            level,
            current,
            done,
            unit,
        } = parts;
        *self = match kind {
            MeasureKind::Numeric => Measure::Numeric(Numeric {
                start,
                target,
                current,
                unit,
                extra,
            }),
            MeasureKind::Done => Measure::Done(Binary { done, extra }),
            MeasureKind::AtLeast | MeasureKind::AtMost => {
                let l = Level {
                    level,
                    current,
                    unit,
                    extra,
                };
                if kind == MeasureKind::AtLeast {
                    Measure::AtLeast(l)
                } else {
                    Measure::AtMost(l)
                }
            }
        };
    }

    /// The current value as a number (done is 1, not done 0).
    pub fn current(&self) -> f64 {
        match self {
            Measure::Numeric(n) => n.current,
            Measure::Done(b) => f64::from(u8::from(b.done)),
            Measure::AtLeast(l) | Measure::AtMost(l) => l.current,
        }
    }

    /// Sets the current value (for done/not-done: anything above 0.5 is done).
    pub fn set_current(&mut self, value: f64) {
        match self {
            Measure::Numeric(n) => n.current = value,
            Measure::Done(b) => b.done = value > 0.5,
            Measure::AtLeast(l) | Measure::AtMost(l) => l.current = value,
        }
    }

    pub fn unit(&self) -> &str {
        match self {
            Measure::Numeric(n) => &n.unit,
            Measure::Done(_) => "",
            Measure::AtLeast(l) | Measure::AtMost(l) => &l.unit,
        }
    }

    /// Whether a value is a plain yes/no (done, or holding a level).
    pub fn is_binary(&self) -> bool {
        matches!(self, Measure::Done(_))
    }
}
