//! Reading the config file: TOML (`config.toml`), or JSON for a file whose
//! name ends in `.json` (what okr wrote before). Each format is read by its
//! library into one map, checked by one set of rules, and every problem is
//! placed at its line and column.

use serde_json::{Map, Value};
use toml_edit::Document;

use super::refresh::{self, Refresh};
use super::{ConfigProblem, Format, Personal};
use crate::keys::Keymap;
use crate::model::Lang;

/// A 1-based line and column, when a problem has a place.
pub type Place = Option<(usize, usize)>;

/// The config file's bytes read and checked; an empty file holds nothing.
pub fn parse(bytes: &[u8], format: Format) -> Result<Personal, (Place, ConfigProblem)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Personal::default());
    }
    match format {
        Format::Json => parse_json(bytes),
        Format::Toml => parse_toml(bytes),
    }
}

fn parse_json(bytes: &[u8]) -> Result<Personal, (Place, ConfigProblem)> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let place = (e.line() > 0).then(|| (e.line(), e.column().max(1)));
        (place, ConfigProblem::NotJson(message))
    })?;
    let Value::Object(map) = value else {
        return Err((Some((1, 1)), ConfigProblem::NotObject));
    };
    let mut personal = check(&map, |key, entry| json_place(bytes, key, entry))?;
    personal.rest = map;
    personal.rest.remove("owner");
    personal.rest.remove("language");
    Ok(personal)
}

fn parse_toml(bytes: &[u8]) -> Result<Personal, (Place, ConfigProblem)> {
    let not_toml = |e: toml_edit::TomlError| {
        let place = e.span().map(|s| line_column(bytes, s.start));
        (
            place,
            ConfigProblem::NotToml(e.message().trim().to_string()),
        )
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let place = line_column(bytes, e.valid_up_to());
        (Some(place), ConfigProblem::NotToml(e.to_string()))
    })?;
    let doc = Document::parse(text).map_err(not_toml)?;
    // The same document, as the one map the rules read (by toml_edit's
    // own serde support).
    let mut map: Map<String, Value> = toml_edit::de::from_str(text).map_err(|e| {
        let place = e.span().map(|s| line_column(bytes, s.start));
        (
            place,
            ConfigProblem::NotToml(e.message().trim().to_string()),
        )
    })?;
    // `quarter.undo = …` (a dotted key) and `[keys.quarter]` are TOML's
    // ways of writing the entry `quarter.undo`.
    if let Some(Value::Object(keys)) = map.get_mut("keys") {
        *keys = std::mem::take(keys)
            .into_iter()
            .flat_map(|(name, value)| match value {
                Value::Object(inner) => inner
                    .into_iter()
                    .map(|(action, keys)| (format!("{name}.{action}"), keys))
                    .collect(),
                value => vec![(name, value)],
            })
            .collect();
    }
    check(&map, |key, entry| toml_place(&doc, bytes, key, entry))
}

/// The rules every config file keeps, whatever its format: `owner` a
/// name, `language` `sv` or `en`, `keys` a key table okr can use,
/// `refresh` commands okr can run.
/// `place(key, entry)` finds a top-level key, or an entry of it.
fn check(
    map: &Map<String, Value>,
    place: impl Fn(&str, Option<&str>) -> Place,
) -> Result<Personal, (Place, ConfigProblem)> {
    let owner = match map.get("owner") {
        None | Some(Value::Null) => None,
        Some(Value::String(o)) => {
            if let Some(c) = o.chars().find(|c| crate::text::hides_in_a_name(*c)) {
                return Err((place("owner", None), ConfigProblem::OwnerControl(c)));
            }
            Some(o.trim().to_string()).filter(|o| !o.is_empty())
        }
        Some(_) => return Err((place("owner", None), ConfigProblem::OwnerNotText)),
    };
    let language = match map.get("language") {
        None | Some(Value::Null) => None,
        Some(Value::String(l)) if l == "sv" => Some(Lang::Sv),
        Some(Value::String(l)) if l == "en" => Some(Lang::En),
        Some(other) => {
            let found = other.to_string();
            return Err((place("language", None), ConfigProblem::Language(found)));
        }
    };
    let keymap = match map.get("keys") {
        None | Some(Value::Null) => Keymap::default(),
        Some(section) => Keymap::with_user_keys(section).map_err(|e| {
            let at = e
                .entry
                .as_deref()
                .and_then(|entry| place("keys", Some(entry)))
                .or_else(|| place("keys", None));
            let problem = ConfigProblem::Keys {
                entry: e.entry,
                problem: e.problem,
                language,
            };
            (at, problem)
        })?,
    };
    let refresh = match map.get("refresh") {
        None | Some(Value::Null) => Refresh::default(),
        Some(section) => refresh::read(section).map_err(|(entry, name, problem)| {
            // At the name in the entry's table, else the entry, else the section.
            let at = entry
                .as_deref()
                .and_then(|e| {
                    name.and_then(|n| place("refresh", Some(&format!("{e}.{n}"))))
                        .or_else(|| place("refresh", Some(e)))
                })
                .or_else(|| place("refresh", None));
            let problem = ConfigProblem::Refresh {
                entry,
                problem,
                language,
            };
            (at, problem)
        })?,
    };
    Ok(Personal {
        owner,
        language,
        keymap,
        refresh,
        rest: Map::new(),
    })
}

/// Where a key of a TOML file is: its name's first character.
fn toml_place(doc: &Document<&str>, bytes: &[u8], key: &str, entry: Option<&str>) -> Place {
    let table = doc.as_table();
    let span = match entry {
        None => table.key(key)?.span()?,
        Some(entry) => {
            let keys = table.get(key)?.as_table_like()?;
            let nested = || {
                let (context, action) = entry.split_once('.')?;
                keys.get(context)?.as_table_like()?.key(action)?.span()
            };
            keys.key(entry).and_then(|k| k.span()).or_else(nested)?
        }
    };
    Some(line_column(bytes, span.start))
}

/// Where a key of a JSON file is: its opening quote.
fn json_place(bytes: &[u8], key: &str, entry: Option<&str>) -> Place {
    let (at, place) = key_place_from(bytes, 0, key)?;
    let Some(name) = entry else {
        return Some(place);
    };
    let name = serde_json::to_string(name).unwrap_or_default();
    key_place_from(bytes, at, name.trim_matches('"')).map(|(_, place)| place)
}

/// The first `"key"` at or after byte `from` that names a member (a `:`
/// follows it, not a value's text): where it is, and its line and column.
fn key_place_from(bytes: &[u8], from: usize, key: &str) -> Option<(usize, (usize, usize))> {
    let needle = format!("\"{key}\"");
    let needle = needle.as_bytes();
    let names = |at: &usize| {
        bytes[at + needle.len()..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            == Some(&b':')
    };
    let at = (from..bytes.len().saturating_sub(needle.len()) + 1)
        .filter(|at| bytes[*at..].starts_with(needle))
        .find(names)?;
    Some((at, line_column(bytes, at)))
}

/// The 1-based line and column (in characters) of byte `at`.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}
