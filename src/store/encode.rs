//! A Mål and a check-in as a save writes them, by hand: the very bytes of
//! serde_json's pretty printing ([`super::format::encode_at`]), without its
//! path through a map serializer for every field. Most of a large store is
//! history and check-in entries, hundreds of thousands of small objects of
//! a date, a number and a note, and a save that encodes everything spends
//! its time there.
//!
//! A number a reader needs (a value, a weight, a measure's) that is not
//! finite is an error here, as in [`super::format::check_numbers`]: JSON
//! would hold `null`, and the file would not read back.
//!
//! The fields are written in the order and with the same skipping as the
//! types' `Serialize`. Anything uncommon goes to serde_json itself: an
//! object holding fields this version does not know (`extra`), a text that
//! needs escaping, a date outside years 0–9999, and the fields a Mål has
//! once (its kind, quarter, times, retro, Uppgifter). The tests hold the
//! bytes against serde_json's, for random stores too (`tests/model_props.rs`).

use std::io;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use super::format::{
    BREAK, checkin_finite, encode_at, key_result_finite, measure_finite, new_line, not_finite_io,
    objective_finite,
};
use crate::model::{CheckIn, CheckInEntry, HistoryEntry, KeyResult, Measure, Objective};

/// Writes Mål `o` as it is written `level` levels deep in a save.
pub fn objective(o: &Objective, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    if !o.extra.is_empty() {
        return checked(objective_finite(o), o, level, out);
    }
    let mut f = Fields::open(out, level);
    f.key("id")?.text(&o.id)?;
    f.key("title")?.text(&o.title)?;
    if !o.why.is_empty() {
        f.key("why")?.text(&o.why)?;
    }
    f.key("kind")?.serde(&o.kind)?;
    f.key("quarter")?.serde(&o.quarter)?;
    if let Some(owner) = &o.owner {
        f.key("owner")?.text(owner)?;
    }
    if let Some(parent) = &o.parent {
        f.key("parent")?.text(parent)?;
    }
    f.key("status")?.serde(&o.status)?;
    if let Some(score) = o.score {
        f.key("score")?.number(score);
    }
    if !o.retro.is_empty() {
        f.key("retro")?.serde(&o.retro)?;
    }
    f.key("created")?.serde(&o.created)?;
    f.key("updated")?.serde(&o.updated)?;
    if let Some(from) = &o.carried_from {
        f.key("carried_from")?.text(from)?;
    }
    f.key("key_results")?;
    f.array(&o.key_results, key_result)?;
    f.key("initiatives")?.serde(&o.initiatives)?;
    f.close()
}

/// Writes check-in `c` as it is written `level` levels deep in a save.
pub fn checkin(c: &CheckIn, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    if !c.extra.is_empty() {
        return checked(checkin_finite(c), c, level, out);
    }
    let mut f = Fields::open(out, level);
    f.key("week")?.serde(&c.week)?;
    f.key("date")?.date(c.date)?;
    if let Some(owner) = &c.owner {
        f.key("owner")?.text(owner)?;
    }
    f.key("entries")?;
    f.array(&c.entries, checkin_entry)?;
    for (name, text) in [
        ("wins", &c.wins),
        ("blockers", &c.blockers),
        ("next_steps", &c.next_steps),
    ] {
        if !text.is_empty() {
            f.key(name)?.text(text)?;
        }
    }
    if let Some(pulse) = &c.pulse {
        f.key("pulse")?.serde(pulse)?;
    }
    if !c.done.is_empty() {
        f.key("done")?.serde(&c.done)?;
    }
    if !c.skipped.is_empty() {
        f.key("skipped")?.serde(&c.skipped)?;
    }
    f.close()
}

fn key_result(k: &KeyResult, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    if !k.extra.is_empty() {
        return checked(key_result_finite(k), k, level, out);
    }
    let mut f = Fields::open(out, level);
    f.key("id")?.text(&k.id)?;
    f.key("title")?.text(&k.title)?;
    f.key("measure")?;
    measure(&k.measure, f.level, f.out)?;
    f.key("weight")?.value(k.weight)?;
    f.key("confidence")?.small(k.confidence);
    f.key("history")?;
    f.array(&k.history, history_entry)?;
    if let Some(step) = &k.step {
        f.key("step")?.serde(step)?;
    }
    if let Some(from) = &k.carried_from {
        f.key("carried_from")?.text(from)?;
    }
    f.close()
}

fn measure(m: &Measure, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    let extra = match m {
        Measure::Numeric(n) => &n.extra,
        Measure::Done(b) => &b.extra,
        Measure::AtLeast(l) | Measure::AtMost(l) => &l.extra,
    };
    if !extra.is_empty() {
        return checked(measure_finite(m), m, level, out);
    }
    let mut f = Fields::open(out, level);
    match m {
        Measure::Numeric(n) => {
            f.key("type")?.text("numeric")?;
            f.key("start")?.value(n.start)?;
            f.key("target")?.value(n.target)?;
            f.key("current")?.value(n.current)?;
            if !n.unit.is_empty() {
                f.key("unit")?.text(&n.unit)?;
            }
        }
        Measure::Done(b) => {
            f.key("type")?.text("done")?;
            f.key("done")?
                .out
                .extend_from_slice(if b.done { b"true" } else { b"false" });
        }
        Measure::AtLeast(l) | Measure::AtMost(l) => {
            let kind = if matches!(m, Measure::AtLeast(_)) {
                "at_least"
            } else {
                "at_most"
            };
            f.key("type")?.text(kind)?;
            f.key("level")?.value(l.level)?;
            f.key("current")?.value(l.current)?;
            if !l.unit.is_empty() {
                f.key("unit")?.text(&l.unit)?;
            }
        }
    }
    f.close()
}

/// `value` by serde_json, when its numbers that a reader needs are finite.
fn checked<T: Serialize>(
    finite: bool,
    value: &T,
    level: usize,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    if finite {
        encode_at(value, level, out)
    } else {
        Err(not_finite_io())
    }
}

fn history_entry(h: &HistoryEntry, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    if !h.extra.is_empty() {
        return checked(h.value.is_finite(), h, level, out);
    }
    let mut f = Fields::open(out, level);
    f.key("date")?.date(h.date)?;
    f.key("value")?.value(h.value)?;
    if let Some(confidence) = h.confidence {
        f.key("confidence")?.small(confidence);
    }
    if !h.note.is_empty() {
        f.key("note")?.text(&h.note)?;
    }
    f.close()
}

fn checkin_entry(e: &CheckInEntry, level: usize, out: &mut Vec<u8>) -> io::Result<()> {
    if !e.extra.is_empty() {
        return checked(e.value.is_finite(), e, level, out);
    }
    let mut f = Fields::open(out, level);
    f.key("key_result")?.text(&e.key_result)?;
    f.key("value")?.value(e.value)?;
    f.key("confidence")?.small(e.confidence);
    if !e.note.is_empty() {
        f.key("note")?.text(&e.note)?;
    }
    f.close()
}

/// An object being written: its `{` is out, its fields follow one a line.
struct Fields<'a> {
    out: &'a mut Vec<u8>,
    /// The level of the object's fields (one deeper than its braces).
    level: usize,
    first: bool,
}

impl<'a> Fields<'a> {
    fn open(out: &'a mut Vec<u8>, level: usize) -> Fields<'a> {
        out.push(b'{');
        Fields {
            out,
            level: level + 1,
            first: true,
        }
    }

    /// Starts field `name` (a name that needs no escaping).
    #[inline(always)]
    fn key(&mut self, name: &str) -> io::Result<&mut Self> {
        line(self.out, self.level, !self.first);
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\": ");
        Ok(self)
    }

    /// A text, escaped as serde_json escapes it.
    #[inline]
    fn text(&mut self, s: &str) -> io::Result<()> {
        // Every byte looked at, without an early way out: the loop is then
        // a few wide instructions over the whole text.
        let escape = (s.bytes()).fold(false, |e, b| e | (b < 0x20) | (b == b'"') | (b == b'\\'));
        if escape {
            return serde_json::to_writer(&mut *self.out, s).map_err(io::Error::from);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }

    /// A number a reader needs: one that is not finite is an error (JSON
    /// would hold `null`, and the file would not read back).
    #[inline]
    fn value(&mut self, v: f64) -> io::Result<()> {
        if !v.is_finite() {
            return Err(not_finite_io());
        }
        self.number(v);
        Ok(())
    }

    /// A number as serde_json writes an `f64`: `null` when not finite.
    #[inline]
    fn number(&mut self, v: f64) {
        // A whole number below 10^15 (exactly an integer, and written by
        // serde_json as its digits and `.0`), the most common, directly.
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let n = v as i64;
        #[allow(clippy::cast_precision_loss)]
        let whole = v.abs() < 1e15 && n as f64 == v && (n != 0 || v.is_sign_positive());
        if whole {
            if n < 0 {
                self.out.push(b'-');
            }
            self.whole(n.unsigned_abs());
            self.out.extend_from_slice(b".0");
        } else if v.is_finite() {
            // serde_json's own, which its serializer calls for a finite `f64`.
            let _ = CompactFormatter.write_f64(self.out, v);
        } else {
            self.out.extend_from_slice(b"null");
        }
    }

    #[inline]
    fn small(&mut self, v: u8) {
        self.whole(u64::from(v));
    }

    /// The digits of `v`: those of a number below 1000, the most common,
    /// one by one.
    #[inline]
    fn whole(&mut self, v: u64) {
        if v < 1000 {
            #[allow(clippy::cast_possible_truncation)]
            let v = v as u16;
            if v >= 100 {
                self.out.push(b'0' + (v / 100) as u8);
            }
            if v >= 10 {
                self.out.push(b'0' + (v / 10 % 10) as u8);
            }
            self.out.push(b'0' + (v % 10) as u8);
            return;
        }
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = v;
        while rest > 0 {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    /// A date as chrono writes it: `2026-11-24` for years 0 to 9999.
    fn date(&mut self, d: NaiveDate) -> io::Result<()> {
        let year = d.year();
        let Ok(year @ 0..=9999) = u32::try_from(year) else {
            return self.serde(&d);
        };
        let digits = |n: u32| b'0' + (n % 10) as u8;
        let (month, day) = (d.month(), d.day());
        self.out.extend_from_slice(&[
            b'"',
            digits(year / 1000),
            digits(year / 100),
            digits(year / 10),
            digits(year),
            b'-',
            digits(month / 10),
            digits(month),
            b'-',
            digits(day / 10),
            digits(day),
            b'"',
        ]);
        Ok(())
    }

    /// Any other value, by serde_json.
    fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        encode_at(value, self.level, self.out)
    }

    /// An array of `items`, each written by `item`.
    fn array<T>(
        &mut self,
        items: &[T],
        item: fn(&T, usize, &mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<()> {
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        self.out.push(b'[');
        for (i, x) in items.iter().enumerate() {
            line(self.out, self.level + 1, i > 0);
            item(x, self.level + 1, self.out)?;
        }
        line(self.out, self.level, false);
        self.out.push(b']');
        Ok(())
    }

    fn close(self) -> io::Result<()> {
        if !self.first {
            line(self.out, self.level - 1, false);
        }
        self.out.push(b'}');
        Ok(())
    }
}

/// A line break and the indent of `level` levels, after a comma when
/// `comma`. Up to [`SHORT`] bytes are copied as one block of that fixed size
/// and cut to length: a save writes millions of these, and a copy of a size
/// known in advance needs no call.
#[inline(always)]
fn line(out: &mut Vec<u8>, level: usize, comma: bool) {
    let table: &[u8] = if comma { COMMA_BREAK } else { BREAK };
    let n = usize::from(comma) + 1 + level * 2;
    match table.get(..SHORT) {
        Some(block) if n <= SHORT => {
            let len = out.len();
            out.extend_from_slice(block);
            out.truncate(len + n);
        }
        _ => {
            if comma {
                out.push(b',');
            }
            // Into memory: nothing to fail.
            let _ = new_line(out, level);
        }
    }
}

/// A comma and a line break with the spaces of up to 32 levels of indent.
const COMMA_BREAK: &[u8; 66] =
    b",\n                                                                ";

/// The bytes of a line break copied at once: up to 16 levels, after a comma.
const SHORT: usize = 34;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn by_hand(write: impl FnOnce(&mut Fields<'_>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        let mut f = Fields::open(&mut out, 0);
        f.key("x").unwrap();
        write(&mut f).unwrap();
        f.close().unwrap();
        String::from_utf8(out).unwrap()
    }

    fn by_serde<T: Serialize>(value: T) -> String {
        serde_json::to_string_pretty(&serde_json::json!({ "x": value })).unwrap()
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut numbers = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -2.25,
            1e-7,
            123456789.0,
            999_999_999_999_999.0,
            -999_999_999_999_999.0,
            1e15,
            -1e15,
            1e16,
            1e17,
            9_007_199_254_740_993.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
        ];
        let mut n = 1.0f64;
        while n < 1e18 {
            numbers.extend([n, n - 1.0, n + 1.0, -n, 3.0 * n, n / 3.0]);
            n *= 10.0;
        }
        for v in numbers {
            assert_eq!(
                by_hand(|f| {
                    f.number(v);
                    Ok(())
                }),
                by_serde(v),
                "{v:e}"
            );
        }
        assert_eq!(
            by_hand(|f| {
                f.number(f64::NAN);
                Ok(())
            }),
            by_serde(serde_json::Value::Null)
        );
    }

    #[test]
    fn a_number_a_reader_needs_that_is_not_finite_is_an_error() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut out = Vec::new();
            let err = Fields::open(&mut out, 0).value(bad).unwrap_err();
            assert!(super::super::format::is_encoding(&err), "{err}");
        }
    }

    #[test]
    fn dates_and_texts_are_written_as_serde_json_writes_them() {
        let dates = [
            (2026, 11, 24),
            (0, 1, 1),
            (9999, 12, 31),
            (-1, 3, 4),
            (10000, 1, 1),
            (-262_000, 1, 1),
        ];
        for (y, m, d) in dates {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(by_hand(|f| f.date(date)), by_serde(date), "{date}");
        }
        for text in [
            "",
            "plain å ä ö 🚀",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak",
            "\u{1b}[31m",
            "\u{7f}",
        ] {
            assert_eq!(by_hand(|f| f.text(text)), by_serde(text), "{text:?}");
        }
        for v in [0u8, 7, 10, 99, 100, 255] {
            assert_eq!(
                by_hand(|f| {
                    f.small(v);
                    Ok(())
                }),
                by_serde(v)
            );
        }
    }

    #[test]
    fn deep_levels_are_indented_as_serde_json_indents_them() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let data = crate::demo::example(today);
        for level in [0, 1, 2, 31, 32, 33, 70] {
            for o in &data.objectives {
                let (mut hand, mut serde) = (Vec::new(), Vec::new());
                objective(o, level, &mut hand).unwrap();
                encode_at(&**o, level, &mut serde).unwrap();
                assert_eq!(String::from_utf8(hand), String::from_utf8(serde), "{level}");
            }
        }
    }
}
