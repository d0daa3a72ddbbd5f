//! The file format: pretty-printed JSON with a top-level `"version"`, read with
//! errors that name the path, line and column, and written with a stable order.

use std::fmt;
use std::path::{Path, PathBuf};

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::IoReason;
use crate::i18n::Strings;
use crate::model::objective::Measure;
use crate::model::validate::{Broken, Item, Rule};
use crate::model::{Data, FORMAT_VERSION};

/// Why a file could not be read. Its `Display` is one sentence for a person.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line and column, where the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file could not be read at all (permission, a folder, …).
    Io(IoReason),
    Empty,
    /// Cut short; serde_json's words in the detail.
    CutShort(String),
    /// Not JSON.
    NotJson(String),
    /// JSON, but not the shape of an okr file.
    Shape(String),
    VersionZero,
    /// Written by a newer okr.
    Newer(u64),
    /// git merged the file line by line, without okr's merge driver, and
    /// left its conflict markers in it.
    GitMarkers,
    /// The right shape, but a value breaks a rule (see [`crate::model::validate`]).
    Invalid(Box<Broken>),
}

impl LoadError {
    /// One sentence in the given language.
    pub fn text(&self, s: &Strings) -> String {
        let mut out = (s.e_cannot_read)(&self.path.display().to_string());
        if let Some((line, column)) = self.position {
            out.push_str(&format!(" ({})", (s.e_at)(line, column)));
        }
        let detail = |what: &str, d: &str| format!(": {what} ({d}); {}", s.e_left_alone);
        out.push_str(&match &self.problem {
            Problem::Io(r) => format!(": {}", r.text(s)),
            Problem::Empty => format!(": {}; {}", s.e_empty, s.e_left_alone),
            Problem::CutShort(d) => detail(s.e_cut_short, d),
            Problem::NotJson(d) => detail(s.e_not_json, d),
            Problem::Shape(d) => detail(s.e_shape, d),
            Problem::VersionZero => format!(": {}; {}", s.e_version_zero, s.e_left_alone),
            Problem::GitMarkers => format!(": {}", s.e_git_markers),
            Problem::Newer(v) => {
                format!(": {}. {}", (s.e_newer)(*v, FORMAT_VERSION), s.e_left_alone)
            }
            Problem::Invalid(b) => format!(": {}; {}", broken_text(b, s), s.e_left_alone),
        });
        out
    }
    /// What is wrong, without the path and without saying the file was
    /// left alone: "line 2, column 1: the file ends too early (…)", for a
    /// message that says those in its own words.
    pub fn why(&self, s: &Strings) -> String {
        let what = match &self.problem {
            Problem::Io(r) => r.text(s),
            Problem::Empty => s.e_empty.to_string(),
            Problem::CutShort(d) => format!("{} ({d})", s.e_cut_short),
            Problem::NotJson(d) => format!("{} ({d})", s.e_not_json),
            Problem::Shape(d) => format!("{} ({d})", s.e_shape),
            Problem::VersionZero => s.e_version_zero.to_string(),
            Problem::GitMarkers => s.e_git_markers.to_string(),
            Problem::Newer(v) => (s.e_newer)(*v, FORMAT_VERSION),
            Problem::Invalid(b) => broken_text(b, s),
        };
        match self.position {
            Some((line, column)) => format!("{}: {what}", (s.e_at)(line, column)),
            None => what,
        }
    }
}

/// A broken value rule in words: the item, the field, the rule. Text from
/// the file is shown with its control characters escaped and cut short.
pub fn broken_text(b: &Broken, s: &Strings) -> String {
    let v = &s.value_rules;
    let item = match &b.item {
        Item::Objective(id) => format!("{} {}", v.objective, shown(id)),
        Item::KeyResult(id) => format!("{} {}", v.key_result, shown(id)),
        Item::Initiative(id) => format!("{} {}", v.initiative, shown(id)),
        Item::CheckIn(week) => format!("{} {week}", v.checkin),
        Item::NextIds => v.next_ids.to_string(),
        Item::Conflict(n) => (v.conflict)(n + 1),
    };
    let rule = match &b.rule {
        Rule::Confidence(c) => (v.confidence)(&c.to_string()),
        Rule::Score(x) => (v.score)(&s.num_exact(*x)),
        Rule::Pulse(p) => (v.pulse)(&p.to_string()),
        Rule::NotFinite => v.not_finite.to_string(),
        Rule::EmptyId => v.empty_id.to_string(),
        Rule::DuplicateId => v.duplicate_id.to_string(),
        Rule::IdTooLarge(n) => (v.id_too_large)(
            &n.to_string(),
            &crate::model::data::MAX_ID_NUMBER.to_string(),
        ),
        Rule::NoSuchKeyResult(link) => (v.no_such_key_result)(&shown(link)),
        Rule::WeekTwice => v.week_twice.to_string(),
        Rule::ParentCycle(ids) => (v.parent_cycle)(&chain(ids)),
        Rule::CarryCycle(ids) => (v.carry_cycle)(&chain(ids)),
        Rule::ControlCharacter(c) => (v.control_character)(&format!("U+{:04X}", u32::from(*c))),
        Rule::QuarterOutOfRange(year) => (v.quarter_range)(*year),
        Rule::UntilNotAfter => v.until_not_after.to_string(),
        Rule::SpanTooLong(n) => (v.span_too_long)(*n, crate::model::term::MAX_SPAN),
    };
    (v.at)(&item, &b.field, &rule)
}

/// The ids around a circle, as shown: the first eight, then `…`.
fn chain(ids: &[String]) -> String {
    let mut chain: Vec<String> = ids.iter().take(8).map(|id| shown(id)).collect();
    if ids.len() > 8 {
        chain.push("…".into());
    }
    chain.join(" → ")
}

/// Text from the file as it may be shown: control characters escaped
/// (`\u{1b}`), at most 40 characters.
fn shown(text: &str) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == 40 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if out.is_empty() { "\"\"".into() } else { out }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for LoadError {}

/// Only the version, read before the rest so that a newer file is named as such.
#[derive(Deserialize)]
struct Head {
    version: Option<serde_json::Value>,
}

/// Parses a file's bytes. An empty byte string is an error: a missing file is
/// handled by the caller, an empty one is damage.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Data, LoadError> {
    let err = |position, problem| LoadError {
        path: path.to_path_buf(),
        position,
        problem,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(Some((1, 1)), Problem::Empty));
    }
    // Text checked as UTF-8 once, whole, is read without checking each
    // string again; bytes that are not UTF-8 are read as bytes, for
    // serde_json's error with its line and column.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Data>(text),
        Err(_) => serde_json::from_slice::<Data>(bytes),
    };
    match parsed {
        Ok(data) if u64::from(data.version) > u64::from(FORMAT_VERSION) => Err(err(
            version_position(bytes),
            Problem::Newer(u64::from(data.version)),
        )),
        Ok(data) if data.version == 0 => Err(err(version_position(bytes), Problem::VersionZero)),
        Ok(data) => Ok(data),
        Err(e) => {
            // A newer file may have a shape this okr does not know: say it is newer.
            if let Ok(Head { version: Some(v) }) = serde_json::from_slice::<Head>(bytes)
                && let Some(n) = v.as_u64()
                && n > u64::from(FORMAT_VERSION)
            {
                return Err(err(version_position(bytes), Problem::Newer(n)));
            }
            if let Some(line) = git_marker_line(bytes) {
                return Err(err(Some((line, 1)), Problem::GitMarkers));
            }
            Err(json_error(path, &e))
        }
    }
}

/// The line of the first conflict marker git left (`<<<<<<< `), if any: a
/// line of JSON never starts with one.
fn git_marker_line(bytes: &[u8]) -> Option<usize> {
    bytes
        .split(|b| *b == b'\n')
        .position(|line| line.starts_with(b"<<<<<<<"))
        .map(|n| n + 1)
}

/// Turns a serde_json error into a sentence with its place.
fn json_error(path: &Path, e: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let problem = match e.classify() {
        Category::Eof => Problem::CutShort(message),
        Category::Syntax | Category::Io => Problem::NotJson(message),
        Category::Data => Problem::Shape(message),
    };
    let position = (e.line() > 0).then(|| (e.line(), e.column().max(1)));
    LoadError {
        path: path.to_path_buf(),
        position,
        problem,
    }
}

/// The line and column of the top-level `"version"` key, found in the text.
fn version_position(bytes: &[u8]) -> Option<(usize, usize)> {
    let needle = b"\"version\"";
    let at = bytes.windows(needle.len()).position(|w| w == needle)?;
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = at
        - before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    Some((line, column))
}

/// The bytes of a save: pretty-printed, two-space indent, fields in a fixed
/// order, a newline at the end. Bytes that would not read back (JSON writes a
/// number that is not finite as `null`) are an error, never a file okr
/// cannot open again.
pub fn serialize(data: &Data) -> Result<Vec<u8>, serde_json::Error> {
    check_numbers(data)?;
    let mut bytes = Vec::new();
    encode(data, &mut bytes).map_err(serde_json::Error::io)?;
    // Every number a reader needs is finite, so the bytes read back; the
    // debug builds (the tests) read them back to prove it.
    debug_assert!(
        serde_json::from_slice::<Data>(&bytes).is_ok(),
        "saved bytes that do not read back"
    );
    Ok(bytes)
}

/// Writes the bytes of a save (see [`serialize`]) to `out`: serde_json's
/// pretty printing (through [`Pretty`], which writes its indents whole) and
/// a newline. The caller has checked the numbers ([`check_numbers`]).
pub(super) fn encode<W: Write>(data: &Data, out: &mut W) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Pretty::default());
    data.serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// serde_json's pretty printing, byte for byte (two spaces a level), with
/// each line break and its indent written at once instead of two bytes at
/// a time: a save of a large store writes millions of them.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

/// A line break and the spaces of up to 32 levels of indent.
const BREAK: &[u8; 65] = b"\n                                                                ";

/// Writes a line break and the indent of `level` levels.
fn new_line<W: ?Sized + Write>(out: &mut W, level: usize) -> std::io::Result<()> {
    let mut spaces = level * 2;
    let first = spaces.min(BREAK.len() - 1);
    out.write_all(&BREAK[..=first])?;
    spaces -= first;
    while spaces > 0 {
        let n = spaces.min(BREAK.len() - 1);
        out.write_all(&BREAK[1..=n])?;
        spaces -= n;
    }
    Ok(())
}

impl Pretty {
    fn new_line<W: ?Sized + Write>(&self, out: &mut W) -> std::io::Result<()> {
        new_line(out, self.level)
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.new_line(out)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Refuses data with a number JSON cannot hold where a reader needs one: a
/// value, a weight or a measure's number that is not finite would be written
/// as `null`, and the file would not read back. (A score that is not finite
/// reads back as no score, as before.)
pub fn check_numbers(data: &Data) -> Result<(), serde_json::Error> {
    let finite = data.objectives.iter().all(|o| objective_finite(o))
        && data.checkins.iter().all(|c| checkin_finite(c));
    if finite { Ok(()) } else { Err(not_finite()) }
}

/// The error of [`check_numbers`].
fn not_finite() -> serde_json::Error {
    serde::ser::Error::custom("it would not read back, a number is not finite")
}

/// Whether every number of a Mål that a reader needs is finite.
fn objective_finite(o: &crate::model::Objective) -> bool {
    o.key_results.iter().all(key_result_finite)
}

/// Whether every number of a key result that a reader needs is finite.
fn key_result_finite(k: &crate::model::KeyResult) -> bool {
    k.weight.is_finite()
        && measure_finite(&k.measure)
        && k.history.iter().all(|h| h.value.is_finite())
}

/// Whether a measure's numbers are finite.
fn measure_finite(m: &Measure) -> bool {
    match m {
        Measure::Numeric(n) => [n.start, n.target, n.current].iter().all(|v| v.is_finite()),
        Measure::Done(_) => true,
        Measure::AtLeast(l) | Measure::AtMost(l) => l.level.is_finite() && l.current.is_finite(),
    }
}

/// Whether every value of a check-in is finite.
fn checkin_finite(c: &crate::model::CheckIn) -> bool {
    c.entries.iter().all(|e| e.value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_refused_at_line_one() {
        let e = parse(Path::new("x.json"), b"").unwrap_err();
        assert_eq!(e.position, Some((1, 1)));
        assert!(e.to_string().contains("empty"), "{e}");
    }

    #[test]
    fn newer_version_is_named() {
        let e = parse(
            Path::new("x.json"),
            b"{\n  \"version\": 999,\n  \"objectives\": 3\n}",
        )
        .unwrap_err();
        assert!(matches!(e.problem, Problem::Newer(999)));
        assert_eq!(e.position, Some((2, 3)));
        assert!(e.to_string().contains("newer okr"), "{e}");
    }

    #[test]
    fn the_pretty_printing_is_serde_jsons_byte_for_byte() {
        let deep = (0..40).fold(
            serde_json::json!([1, {"a": []}, {}]),
            |v, n| serde_json::json!({ "n": n, "v": v, "e": [], "o": {} }),
        );
        for value in [
            serde_json::json!(null),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!({"a": [1, 2.5, "x\n"], "b": {"c": {}}}),
            deep,
        ] {
            let mut ours = Vec::new();
            let mut ser = serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
            value.serialize(&mut ser).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }

    #[test]
    fn minimal_file_loads() {
        let d = parse(Path::new("x.json"), br#"{"version": 1}"#).unwrap();
        assert!(d.objectives.is_empty());
    }
}
