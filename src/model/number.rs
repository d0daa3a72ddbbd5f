//! Numbers as people type and read them, in the UI language's convention:
//! one reader for every typed number, and the writers for screens and forms.
//!
//! Reading (`parse`), in Swedish: `,` is the decimal mark and a space (also a
//! no-break or narrow no-break space) groups thousands: `17 500`, `12,5`. In
//! English: `.` is the decimal mark and `,` groups thousands: `17,500`,
//! `12.5`; a space groups there too. A leading `-`, `+` or `−` is a sign.
//! Grouping is three digits a group before the decimal mark, the first group
//! one to three digits. The other language's decimal mark is read as one only
//! where it cannot be a grouping: English `12,5` is 12.5, Swedish `12.5` is
//! 12.5, Swedish `17.500` could be 17.5 or 17 500 and is refused. A number is
//! refused, never rounded into another one, when its digits cannot be kept
//! exactly (at most 15 significant digits; 16 or 17 only when they read back
//! the same) or when it is not zero but would be kept as zero.
//!
//! Writing: `format_number` rounds to two decimals and groups numbers of five
//! digits or more (`17 500` with a no-break space in Swedish, `17,500` in
//! English; `2500` stays as it is); `format_exact` keeps every digit and no
//! grouping, for a form to edit.

use super::Lang;

/// The spaces that group digits: a space, a no-break space, a narrow no-break space.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Why a typed text is not read as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberError {
    /// Nothing typed.
    Empty,
    /// Something besides a sign, digits, decimal marks and grouping (`tolv`, `1e5`, `inf`).
    NotANumber,
    /// More than one decimal mark (`12,5.3`, `1.2.3`).
    SeveralMarks,
    /// Grouping that is not groups of three before the decimal mark (`1 2`, `12,34,567`).
    Grouping,
    /// A mark that may be a decimal mark or a grouping (Swedish `17.500`): the two readings.
    Ambiguous { decimal: f64, grouped: f64 },
    /// More significant digits than a number keeps exactly.
    TooManyDigits,
    /// Not zero, but too close to zero to be kept.
    TooSmall,
    /// Too large to be kept.
    TooLarge,
}

/// The decimal mark a language writes.
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Sv => ',',
        Lang::En => '.',
    }
}

/// The mark a language groups thousands with when it writes a number.
pub fn group_mark(lang: Lang) -> char {
    match lang {
        Lang::Sv => '\u{a0}',
        Lang::En => ',',
    }
}

/// Reads a number typed by a person in the given language (see the module docs).
///
/// ```
/// use okr::model::Lang;
/// use okr::model::number::{NumberError, parse};
/// assert_eq!(parse("17,500", Lang::En), Ok(17500.0));
/// assert_eq!(parse("17 500", Lang::Sv), Ok(17500.0));
/// assert_eq!(parse("12,5", Lang::Sv), Ok(12.5));
/// assert_eq!(parse("1 2", Lang::Sv), Err(NumberError::Grouping));
/// assert!(matches!(parse("17.500", Lang::Sv), Err(NumberError::Ambiguous { .. })));
/// ```
pub fn parse(text: &str, lang: Lang) -> Result<f64, NumberError> {
    let text = text.trim();
    let mut chars = text.chars();
    let (negative, body) = match chars.next() {
        None => return Err(NumberError::Empty),
        Some('-' | '\u{2212}') => (true, chars.as_str()),
        Some('+') => (false, chars.as_str()),
        Some(_) => (false, text),
    };
    let allowed = |c: char| c.is_ascii_digit() || c == ',' || c == '.' || SPACES.contains(&c);
    let after_sign = body.starts_with(|c: char| !SPACES.contains(&c));
    if !after_sign || !body.chars().all(allowed) || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let (int, frac) = match split_at_decimal_mark(body, lang) {
        Err(NumberError::Ambiguous { decimal, grouped }) if negative => {
            return Err(NumberError::Ambiguous {
                decimal: -decimal,
                grouped: -grouped,
            });
        }
        split => split?,
    };
    let int = ungroup(int, lang)?;
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::Grouping);
    }
    exact(negative, &int, frac)
}

/// Reads a number as programs print it, whatever the language: the C
/// convention of `printf`, `jq`, `psql` and `wc`: an optional `-` or `+`,
/// digits, and a `.` before any decimals; no grouping, no exponent, nothing
/// else but blanks around it. The nearest number kept is taken (a program's
/// `15.3333333333333333` is not refused for its digits).
///
/// ```
/// use okr::model::number::{NumberError, parse_plain};
/// assert_eq!(parse_plain(" 1500\n"), Ok(1500.0));
/// assert_eq!(parse_plain("-12.5"), Ok(-12.5));
/// assert_eq!(parse_plain("12,5"), Err(NumberError::NotANumber));
/// assert_eq!(parse_plain("1 500"), Err(NumberError::NotANumber));
/// ```
pub fn parse_plain(text: &str) -> Result<f64, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = text.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge);
    }
    // `-0` is 0.
    Ok(value + 0.0)
}

/// The whole part (grouping still in it) and the decimals.
fn split_at_decimal_mark(body: &str, lang: Lang) -> Result<(&str, &str), NumberError> {
    let own = decimal_mark(lang);
    let other = if own == ',' { '.' } else { ',' };
    let count = |m: char| body.chars().filter(|c| *c == m).count();
    let (owns, others) = (count(own), count(other));
    if owns > 1 {
        return Err(NumberError::SeveralMarks);
    }
    if let Some(at) = body.find(own) {
        // English groups with `,` before its `.`; anything else with both marks has two.
        let other_groups = lang == Lang::En && !body[at..].contains(other);
        if others > 0 && !other_groups {
            return Err(NumberError::SeveralMarks);
        }
        return Ok((&body[..at], &body[at + 1..]));
    }
    if others == 0 || (lang == Lang::En && ungroup(body, lang).is_ok()) {
        return Ok((body, ""));
    }
    if others > 1 {
        return Err(match lang {
            Lang::En => NumberError::Grouping,
            Lang::Sv => NumberError::SeveralMarks,
        });
    }
    // One of the other language's marks: a decimal mark unless it may group.
    let at = body.find(other).unwrap_or(body.len());
    let (before, after) = (&body[..at], body.get(at + 1..).unwrap_or(""));
    if let Some(digits) = groups(before)
        && after.len() == 3
        && after.chars().all(|c| c.is_ascii_digit())
    {
        return Err(NumberError::Ambiguous {
            decimal: exact(false, &digits, after)?,
            grouped: exact(false, &format!("{digits}{after}"), "")?,
        });
    }
    Ok((before, after))
}

/// The digits of a whole part, its grouping checked and taken out.
fn ungroup(int: &str, lang: Lang) -> Result<String, NumberError> {
    let by_comma = lang == Lang::En && int.contains(',');
    let by_space = int.contains(SPACES);
    if !by_comma && !by_space {
        return Ok(int.to_string());
    }
    if by_comma && by_space {
        return Err(NumberError::Grouping);
    }
    groups(int).ok_or(NumberError::Grouping)
}

/// The digits of a well-grouped whole part: a first group of one to three
/// digits (not starting with 0), then groups of exactly three.
fn groups(int: &str) -> Option<String> {
    let mut parts = int.split(|c: char| c == ',' || SPACES.contains(&c));
    let first = parts.next()?;
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
    let mut digits = first.to_string();
    for part in parts {
        if part.len() != 3 {
            return None;
        }
        digits.push_str(part);
    }
    (first_ok && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// The number the digits say, if it keeps them all.
fn exact(negative: bool, int: &str, frac: &str) -> Result<f64, NumberError> {
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0').trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    let int = if int.is_empty() { "0" } else { int };
    let text = if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    };
    let value: f64 = text.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge);
    }
    if value == 0.0 {
        // `-0` is 0; digits that are not all zero must not become 0.
        return if significant.is_empty() {
            Ok(0.0)
        } else {
            Err(NumberError::TooSmall)
        };
    }
    if shortest_digits(value) != significant {
        return Err(if value.abs() < f64::MIN_POSITIVE {
            NumberError::TooSmall
        } else {
            NumberError::TooManyDigits
        });
    }
    Ok(value)
}

/// The significant digits of the shortest text that reads back as `value`.
fn shortest_digits(value: f64) -> String {
    let sci = format!("{:e}", value.abs());
    let mantissa = sci.split('e').next().unwrap_or("");
    mantissa
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string()
}

/// Shows a number for reading: at most two decimals, trailing zeros dropped,
/// the language's decimal mark, and five digits or more grouped by three.
pub fn format_number(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    let mut s = format!("{value:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    localise(&s, lang)
}

/// Shows a number with every digit it has, grouped for reading as
/// [`format_number`] does: for messages that must not round.
pub fn format_full(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    localise(&format!("{value}"), lang)
}

/// Shows a number with every digit it has (the shortest form that reads back
/// as the same number) and no grouping, with the language's decimal mark: for
/// editing. [`parse`] reads it back as exactly `value`.
pub fn format_exact(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let s = format!("{value}");
    s.replace('.', &decimal_mark(lang).to_string())
}

/// A plain number (`-12345.5`) in the language's marks, grouped from five digits.
fn localise(plain: &str, lang: Lang) -> String {
    // Swedish shows a true minus sign (U+2212); `parse` reads it back.
    let minus = match lang {
        Lang::Sv => "\u{2212}",
        Lang::En => "-",
    };
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => (minus, rest),
        Some(rest) => ("", rest),
        None => ("", plain),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut out = String::from(sign);
    if int.len() >= 5 {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group_mark(lang));
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push(decimal_mark(lang));
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Sv};
    use NumberError::*;

    #[test]
    fn a_programs_number_is_read_in_the_c_convention_only() {
        for (text, value) in [
            ("42", 42.0),
            ("  42\n", 42.0),
            ("+3", 3.0),
            ("-0.5", -0.5),
            (".5", 0.5),
            ("12.", 12.0),
            ("12.50", 12.5),
            ("15.3333333333333333", 15.333333333333334),
        ] {
            assert_eq!(parse_plain(text), Ok(value), "{text}");
        }
        assert!(parse_plain("-0").unwrap().is_sign_positive());
        assert_eq!(parse_plain(" \n"), Err(Empty));
        for text in [
            "12,5", "1,500", "1 500", "1e5", "inf", "NaN", "0x10", "-", ".", "1.2.3", "12\n13",
            "−3", "12 MSEK", "tolv",
        ] {
            assert_eq!(parse_plain(text), Err(NotANumber), "{text}");
        }
        assert_eq!(parse_plain(&"9".repeat(400)), Err(TooLarge));
    }

    #[test]
    fn each_language_reads_its_own_marks() {
        assert_eq!(parse("17,500", En), Ok(17500.0));
        assert_eq!(parse("2,000,000.25", En), Ok(2_000_000.25));
        assert_eq!(parse("17 500", Sv), Ok(17500.0));
        assert_eq!(parse("2\u{a0}000\u{a0}000,25", Sv), Ok(2_000_000.25));
        assert_eq!(parse("2\u{202f}000", Sv), Ok(2000.0));
        // A space groups in English too: it is never a decimal mark.
        assert_eq!(parse("17 500", En), Ok(17500.0));
        assert_eq!(parse("12,5", Sv), Ok(12.5));
        assert_eq!(parse("12.5", En), Ok(12.5));
        assert_eq!(parse(" 40 ", Sv), Ok(40.0));
        assert_eq!(parse("1234567", En), Ok(1_234_567.0));
        assert_eq!(parse(",5", Sv), Ok(0.5));
    }

    #[test]
    fn signs() {
        for lang in [Sv, En] {
            assert_eq!(parse("-3", lang), Ok(-3.0));
            assert_eq!(parse("+3", lang), Ok(3.0));
            assert_eq!(parse("\u{2212}3", lang), Ok(-3.0));
            assert_eq!(parse("-0", lang), Ok(0.0));
            assert!(parse("-0", lang).unwrap().is_sign_positive());
            assert_eq!(parse("--3", lang), Err(NotANumber));
            assert_eq!(parse("- 3", lang), Err(NotANumber));
            assert_eq!(parse("3-", lang), Err(NotANumber));
        }
        assert_eq!(parse("-17 500", Sv), Ok(-17500.0));
        assert_eq!(parse("-17,500", En), Ok(-17500.0));
    }

    #[test]
    fn the_other_mark_is_a_decimal_mark_where_it_cannot_group() {
        assert_eq!(parse("12.5", Sv), Ok(12.5));
        assert_eq!(parse("-0.5", Sv), Ok(-0.5));
        assert_eq!(parse("1234.567", Sv), Ok(1234.567));
        assert_eq!(parse("12,5", En), Ok(12.5));
        assert_eq!(parse("40,5", En), Ok(40.5));
        assert_eq!(parse("1,2345", En), Ok(1.2345));
        // A first group cannot start with 0.
        assert_eq!(parse("0,500", En), Ok(0.5));
        assert_eq!(parse("0.500", Sv), Ok(0.5));
    }

    #[test]
    fn what_could_be_either_is_refused_with_both_readings() {
        let either = |decimal, grouped| Err(Ambiguous { decimal, grouped });
        assert_eq!(parse("17.500", Sv), either(17.5, 17500.0));
        assert_eq!(parse("-1.000", Sv), either(-1.0, -1000.0));
        assert_eq!(parse("1 234.567", Sv), either(1234.567, 1_234_567.0));
        // A comma after space grouping in English: a third way to group, or decimals?
        assert_eq!(parse("1 234,567", En), either(1234.567, 1_234_567.0));
    }

    #[test]
    fn grouping_must_be_groups_of_three_before_the_mark() {
        for lang in [Sv, En] {
            assert_eq!(parse("1 2", lang), Err(Grouping));
            assert_eq!(parse("1 2345", lang), Err(Grouping));
            assert_eq!(parse("1234 567", lang), Err(Grouping));
            assert_eq!(parse("0 500", lang), Err(Grouping));
            assert_eq!(parse("1  000", lang), Err(Grouping));
        }
        assert_eq!(parse("12,34,567", En), Err(Grouping));
        assert_eq!(parse("1,000,5", En), Err(Grouping));
        assert_eq!(parse("1,000 000", En), Err(Grouping));
        assert_eq!(parse("1.500 000", En), Err(Grouping));
        assert_eq!(parse("1,500 000", Sv), Err(Grouping));
        assert_eq!(parse("1 000 ,5", Sv), Err(Grouping));
    }

    #[test]
    fn more_than_one_decimal_mark_is_refused() {
        assert_eq!(parse("12,5.3", Sv), Err(SeveralMarks));
        assert_eq!(parse("1,2,3", Sv), Err(SeveralMarks));
        assert_eq!(parse("1.000.000", Sv), Err(SeveralMarks));
        assert_eq!(parse("1.000,5", Sv), Err(SeveralMarks));
        assert_eq!(parse("1.2.3", En), Err(SeveralMarks));
        assert_eq!(parse("1.234,5", En), Err(SeveralMarks));
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for lang in [Sv, En] {
            assert_eq!(parse("", lang), Err(Empty));
            assert_eq!(parse("  ", lang), Err(Empty));
            for t in [
                "tolv", "inf", "NaN", "1e5", "12a", "-", ",", "0x10", "1_000", "½",
            ] {
                assert_eq!(parse(t, lang), Err(NotANumber), "{t}");
            }
        }
    }

    #[test]
    fn digits_that_cannot_be_kept_are_refused() {
        let tiny = format!("0.{}1", "0".repeat(1000));
        assert_eq!(parse(&tiny, En), Err(TooSmall));
        assert_eq!(parse(&tiny.replace('.', ","), Sv), Err(TooSmall));
        let huge = format!("1{}", "0".repeat(400));
        assert_eq!(parse(&huge, En), Err(TooLarge));
        assert_eq!(parse("9007199254740993", En), Err(TooManyDigits));
        assert_eq!(parse("12345678901234567", En), Err(TooManyDigits));
        assert_eq!(parse("0.12345678901234567", En), Err(TooManyDigits));
        assert_eq!(
            parse(&format!("0.1{}1", "0".repeat(1000)), En),
            Err(TooManyDigits)
        );
        // Fifteen digits always; sixteen or seventeen when they read back the same.
        assert_eq!(parse("123456789012345", En), Ok(123_456_789_012_345.0));
        assert_eq!(parse("0.30000000000000004", En), Ok(0.1 + 0.2));
        assert_eq!(parse("1234567890123456", En), Ok(1_234_567_890_123_456.0));
        // Zeros are not digits that need keeping.
        assert_eq!(parse(&format!("1{}", "0".repeat(300)), En), Ok(1e300));
        assert_eq!(parse(&format!("0,{}", "0".repeat(1000)), Sv), Ok(0.0));
        assert_eq!(parse("5000000,000000000000", Sv), Ok(5e6));
    }

    #[test]
    fn shown_grouped_from_five_digits_in_the_language_convention() {
        assert_eq!(format_number(2_000_000.0, Sv), "2\u{a0}000\u{a0}000");
        assert_eq!(format_number(2_000_000.0, En), "2,000,000");
        assert_eq!(format_number(17500.0, Sv), "17\u{a0}500");
        assert_eq!(format_number(-12345.678, En), "-12,345.68");
        assert_eq!(format_number(-12345.678, Sv), "\u{2212}12\u{a0}345,68");
        assert_eq!(format_number(2500.0, En), "2500");
        assert_eq!(format_number(12.5, Sv), "12,5");
        assert_eq!(format_number(12.5, En), "12.5");
        assert_eq!(format_number(100.0, Sv), "100");
        assert_eq!(format_number(0.333, En), "0.33");
        assert_eq!(format_number(-0.001, En), "0");
        assert_eq!(format_number(f64::NAN, En), "?");
        assert_eq!(format_full(1_234_567.125, Sv), "1\u{a0}234\u{a0}567,125");
    }

    #[test]
    fn exact_keeps_every_digit_and_reads_back() {
        for v in [
            0.005,
            0.001,
            12.5,
            1e-7,
            123_456.789,
            -0.25,
            100.0,
            1e21,
            0.1 + 0.2,
        ] {
            for lang in [Sv, En] {
                assert_eq!(
                    parse(&format_exact(v, lang), lang),
                    Ok(v),
                    "{v} in {lang:?}"
                );
            }
        }
        assert_eq!(format_exact(0.005, Sv), "0,005");
        assert_eq!(format_exact(2_000_000.0, En), "2000000");
        assert_eq!(format_exact(-0.0, En), "0");
    }
}
