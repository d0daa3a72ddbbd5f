//! Writing the config file: a TOML file is edited where it stands
//! (toml_edit keeps the user's comments, order and spacing; only `owner`
//! and `language` change), a `.json` file is written whole as before.
//! Either way atomically: the old file or the new one, whole.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use toml_edit::{DocumentMut, Item};

use super::read::parse;
use super::{ConfigError, ConfigProblem, Format, Personal};
use crate::model::Lang;
use crate::store::IoReason;

/// Writes `owner` and `language` to the config file (its folder made
/// first). A TOML file is read again as it is now on disk, so an edit made
/// in another program meanwhile is kept; if it no longer reads, nothing is
/// written and the error says where.
pub fn save(path: &Path, p: &Personal) -> Result<(), ConfigError> {
    let bytes = match Format::of(path) {
        Format::Json => serialize_json(p),
        Format::Toml => edit_toml(path, p)?,
    };
    write(path, &bytes)
}

/// The config file's bytes, atomically, its folder made first.
pub(super) fn write(path: &Path, bytes: &[u8]) -> Result<(), ConfigError> {
    let io = |e: std::io::Error| ConfigError {
        path: path.to_path_buf(),
        position: None,
        problem: ConfigProblem::Io(IoReason::of(&e)),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    crate::store::atomic::write_atomic(path, bytes, &mut Default::default()).map_err(io)
}

fn code(l: Lang) -> &'static str {
    match l {
        Lang::Sv => "sv",
        Lang::En => "en",
    }
}

/// The TOML file on disk with `owner` and `language` set (or removed).
fn edit_toml(path: &Path, p: &Personal) -> Result<Vec<u8>, ConfigError> {
    let err = |position, problem| ConfigError {
        path: path.to_path_buf(),
        position,
        problem,
    };
    let bytes = super::bytes_of(path)?.unwrap_or_default();
    parse(&bytes, Format::Toml).map_err(|(place, problem)| err(place, problem))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| err(None, ConfigProblem::NotToml(e.to_string())))?;
    set(&mut doc, "owner", p.owner.as_deref());
    set(&mut doc, "language", p.language.map(code));
    Ok(doc.to_string().into_bytes())
}

/// Sets a top-level text, keeping the comment after the old value.
fn set(doc: &mut DocumentMut, key: &str, value: Option<&str>) {
    let Some(value) = value else {
        doc.remove(key);
        return;
    };
    match doc.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = value.into();
            *old.decor_mut() = decor;
        }
        None => doc[key] = toml_edit::value(value),
    }
}

/// The bytes of a `.json` config file: pretty JSON, `owner` and
/// `language` first, then what okr does not know as it was.
pub fn serialize_json(p: &Personal) -> Vec<u8> {
    let mut map = Map::new();
    if let Some(o) = &p.owner {
        map.insert("owner".into(), Value::String(o.clone()));
    }
    if let Some(l) = p.language {
        map.insert("language".into(), Value::String(code(l).into()));
    }
    for (k, v) in &p.rest {
        map.insert(k.clone(), v.clone());
    }
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(map)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// A `config.json` moved into `config.toml`: where from, where to, and
/// where the old file is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Migration {
    pub from: PathBuf,
    pub to: PathBuf,
    pub kept: PathBuf,
}

/// Moves the settings of `json` (what an earlier okr wrote) into `toml`,
/// every entry as it was, and keeps the old file beside itself as
/// `config.json.bak`. A file that does not read is refused as [`super::load`]
/// refuses it. `Ok(None)`: the new file could not be written (a read-only
/// folder), and `json` stays in use.
pub fn migrate(json: &Path, toml: &Path) -> Result<Option<Migration>, ConfigError> {
    let Some(bytes) = super::bytes_of(json)? else {
        return Ok(None);
    };
    parse(&bytes, Format::Json).map_err(|(position, problem)| ConfigError {
        path: json.to_path_buf(),
        position,
        problem,
    })?;
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Object(Map::new()));
    let Ok(doc) = toml_edit::ser::to_document(&without_nulls(value)) else {
        return Ok(None);
    };
    if write(toml, doc.to_string().as_bytes()).is_err() {
        return Ok(None);
    }
    let mut kept = json.as_os_str().to_owned();
    kept.push(".bak");
    let kept = PathBuf::from(kept);
    // The new file is in force from here; the old one is only a copy
    // (left where it is if it cannot be renamed).
    let kept = match std::fs::rename(json, &kept) {
        Ok(()) => kept,
        Err(_) => json.to_path_buf(),
    };
    Ok(Some(Migration {
        from: json.to_path_buf(),
        to: toml.to_path_buf(),
        kept,
    }))
}

/// JSON's `null` has no TOML form: an entry that is null says nothing.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}
