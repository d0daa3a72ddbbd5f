//! A conflict a merge found: the same field changed to different values on
//! both sides. The data holds our value; the record keeps theirs, until
//! someone chooses (see [`crate::model::merge::resolve`]).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::de::deserialize_keeping_unknown;
use super::objective::Extra;

/// One field both sides changed, written in the file's top-level `conflicts` list.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Conflict {
    /// The id of the Mål, key result or Uppgift; for a check-in its week and
    /// owner (`2026-W48 Anna`, or the week alone for the whole file's);
    /// `settings` for a team setting, `file` for a top-level field.
    pub item: String,
    /// The field, as named in the file, nested names joined by dots:
    /// `title`, `measure.current`, `retro.went_well`; `history.2026-11-24` for
    /// a key result's entry of that day, `entries.kr3` for a check-in's entry
    /// of that key result; `deleted` when one side deleted the item the other
    /// changed (`true` on the side that deleted it; the item is kept).
    pub field: String,
    /// Our value (`null`: none, the field or entry was removed).
    pub ours: Value,
    /// Their value (`null`: none).
    pub theirs: Value,
    /// Who made our value and on which day, where the file knows (see
    /// [`super::author`]): the side named by its person, not by how git
    /// called it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_on: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Conflict {
    pub fn new(
        item: impl Into<String>,
        field: impl Into<String>,
        ours: Value,
        theirs: Value,
    ) -> Self {
        Conflict {
            item: item.into(),
            field: field.into(),
            ours,
            theirs,
            ours_by: None,
            ours_on: None,
            theirs_by: None,
            theirs_on: None,
            extra: Extra::new(),
        }
    }
}

deserialize_keeping_unknown!(Conflict {
    item: String,
    field: String,
    ours: Value = Value::Null,
    theirs: Value = Value::Null,
    ours_by: Option<String> = None,
    ours_on: Option<NaiveDate> = None,
    theirs_by: Option<String> = None,
    theirs_on: Option<NaiveDate> = None,
});
