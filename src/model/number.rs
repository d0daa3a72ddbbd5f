//! Numbers as people type and read them: `,` or `.` as the decimal mark on the
//! way in, the UI language's mark on the way out.

/// Reads a number typed by a person: `12,5`, `12.5`, `-3`, ` 40 `. Spaces inside
/// (thousands, `1 000`) are ignored. Not finite or not a number: `None`.
///
/// ```
/// use okr::model::number::parse_number;
/// assert_eq!(parse_number("12,5"), Some(12.5));
/// assert_eq!(parse_number("12.5"), Some(12.5));
/// assert_eq!(parse_number("tolv"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() || cleaned.matches([',', '.']).count() > 1 {
        return None;
    }
    let cleaned = cleaned.replace(',', ".");
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Shows a number with at most two decimals, trailing zeros dropped, and the
/// given decimal mark.
pub fn format_number(value: f64, decimal_mark: char) -> String {
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
    if s == "-0" {
        s = "0".into();
    }
    if decimal_mark != '.' {
        s = s.replace('.', &decimal_mark.to_string());
    }
    s
}

/// Shows a number with every digit it has (the shortest form that reads back
/// as the same number), with the given decimal mark: for editing.
pub fn format_exact(value: f64, decimal_mark: char) -> String {
    if !value.is_finite() {
        return "?".to_string();
    }
    let s = format!("{value}");
    if decimal_mark == '.' {
        s
    } else {
        s.replace('.', &decimal_mark.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_decimal_marks() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number(" -3 "), Some(-3.0));
        assert_eq!(parse_number("1 000"), Some(1000.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("1,2.3"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("1e400"), None);
    }

    #[test]
    fn shown_in_the_language_convention() {
        assert_eq!(format_number(12.5, ','), "12,5");
        assert_eq!(format_number(12.5, '.'), "12.5");
        assert_eq!(format_number(100.0, ','), "100");
        assert_eq!(format_number(0.333, '.'), "0.33");
        assert_eq!(format_number(-0.001, '.'), "0");
    }

    #[test]
    fn exact_keeps_every_digit_and_reads_back() {
        for v in [0.005, 0.001, 12.5, 1e-7, 123456.789, -0.25, 100.0] {
            for mark in [',', '.'] {
                assert_eq!(
                    parse_number(&format_exact(v, mark)),
                    Some(v),
                    "{v} with {mark}"
                );
            }
        }
        assert_eq!(format_exact(0.005, ','), "0,005");
        assert_eq!(format_exact(100.0, '.'), "100");
    }
}
