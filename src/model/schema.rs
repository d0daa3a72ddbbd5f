//! The data file's JSON Schema (`okr schema`), derived from the model's own
//! types by schemars, so that it says what the types read and write. The
//! few types with a hand-made text form (a quarter, a week, a step, the
//! fields this version does not know) describe theirs here. The types' doc
//! comments are written for this code's readers, so they are left out;
//! docs/file-format.md describes each field for a person.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Value, json};

use super::de::Extra;
use super::{Data, FORMAT_VERSION, FiscalYear, IsoWeek, Quarter, Step};

/// The JSON Schema (draft 2020-12) of a data file of this version: a
/// quarter is `2026-Q4`, a week `2026-W48`, a step above 0.
pub fn data_file() -> Value {
    let without_comments = RecursiveTransform(|s: &mut Schema| {
        s.remove("description");
    });
    let mut schema = SchemaSettings::draft2020_12()
        .with_transform(without_comments)
        .into_generator()
        .into_root_schema_for::<Data>();
    schema.insert("title".into(), json!("okr data file"));
    schema.insert(
        "description".into(),
        json!(format!(
            "An okr data file of format {FORMAT_VERSION}: Mål, Nyckelresultat and Uppgifter, check-ins and the team's settings. Every object may hold fields this version does not know; okr keeps them."
        )),
    );
    if let Some(version) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("version"))
        .and_then(Value::as_object_mut)
    {
        version.insert("minimum".into(), json!(1));
        version.insert("maximum".into(), json!(FORMAT_VERSION));
    }
    schema.to_value()
}

/// A schema from its JSON (an object: never refused).
fn schema(value: Value) -> Schema {
    Schema::try_from(value).unwrap_or_default()
}

/// The team's check-in day: an English weekday name, `"monday"`.
pub(super) fn weekday(_: &mut SchemaGenerator) -> Schema {
    schema(json!({
        "type": "string",
        "enum": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        "default": "monday"
    }))
}

impl JsonSchema for Quarter {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Quarter".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "string",
            "pattern": "^[0-9]{1,4}(-Q[1-4])?$"
        }))
    }
}

impl JsonSchema for FiscalYear {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "FiscalYear".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "integer",
            "minimum": 1,
            "maximum": 12,
            "default": 1
        }))
    }
}

impl JsonSchema for IsoWeek {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "IsoWeek".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "string",
            "pattern": "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$"
        }))
    }
}

impl JsonSchema for Step {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Step".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "number",
            "exclusiveMinimum": 0
        }))
    }
}

impl JsonSchema for Extra {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Extra".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({ "type": "object", "additionalProperties": true }))
    }
}
