//! Why an import did not happen, as one sentence: the file, the place in it
//! (row and column, or the item of a JSON file), what is wrong, and that
//! nothing was imported.

use crate::i18n::Strings;
use crate::model::Lang;
use crate::model::number::NumberError;
use crate::store::IoReason;
use crate::text::quoted;

/// Where in the imported file a problem is.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// The file as a whole (or its header).
    File,
    /// A cell: its row as a spreadsheet numbers it (blank lines count),
    /// its column's 0-based index and its name in the header (empty beyond
    /// the header).
    Cell {
        row: usize,
        column: usize,
        name: String,
    },
    /// A JSON item, as a path: `objectives[2].key_results[0].title`.
    Item(String),
    /// A line and column of a JSON file.
    Position(usize, usize),
}

/// What is wrong there.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Nothing,
    NoTitleColumn,
    ColumnTwice(String, String),
    NoColumn,
    NotUtf8,
    NotCsv(String),
    NotExport(String),
    Newer(u64),
    EmptyTitle,
    Control,
    Kind(String),
    Quarter(String),
    /// `until` as written, when it is no quarter.
    Until(String),
    /// `until` not after the Mål's quarter: that quarter's name.
    UntilNotAfter(String),
    /// A span of more than [`crate::model::term::MAX_SPAN`] quarters: how many.
    SpanTooLong(usize),
    /// `until` for a year's Mål.
    UntilOfYear,
    /// The export's year starts in another month than the file's (each
    /// month 1 to 12): its quarters would mean other months here.
    YearStarts {
        theirs: u32,
        ours: u32,
    },
    /// A quarter named with `FY` for a file whose year starts in January.
    FiscalName(String),
    /// What the import would add breaks one of the file's value rules.
    Invalid(Box<crate::model::validate::Broken>),
    MeasureType(String),
    Status(String),
    Confidence,
    Score,
    Weight,
    NeedsTarget,
    NeedsLevel,
    DoneValue(String),
    Date(String),
    Week(String),
    /// A Mål's field given differently on two rows: the earlier row.
    Differs(usize),
    NeedsKeyResult,
    DuplicateId(String),
    Link(String),
    Number {
        typed: String,
        why: NumberError,
        lang: Lang,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file to import could not be read.
    Read(String, IoReason),
    At {
        file: String,
        place: Place,
        problem: Problem,
    },
}

/// A column as a spreadsheet names it: A, B, …, Z, AA, AB, …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl Problem {
    pub fn text(&self, s: &Strings) -> String {
        let w = &s.commands;
        let q = |t: &str| quoted(t);
        match self {
            Problem::Nothing => w.i_nothing.to_string(),
            Problem::NoTitleColumn => w.i_no_title_column.to_string(),
            Problem::ColumnTwice(a, b) => (w.i_column_twice)(&q(a), &q(b)),
            Problem::NoColumn => w.i_no_column.to_string(),
            Problem::NotUtf8 => w.i_not_utf8.to_string(),
            Problem::NotCsv(d) => (w.i_not_csv)(d),
            Problem::NotExport(d) => (w.i_not_export)(d),
            Problem::Newer(v) => (s.e_newer)(*v, crate::model::FORMAT_VERSION),
            Problem::EmptyTitle => w.i_empty_title.to_string(),
            Problem::Control => w.i_control.to_string(),
            Problem::Kind(t) => (w.i_kind)(&q(t)),
            Problem::Quarter(t) => (w.i_quarter)(&q(t)),
            Problem::Until(t) => (w.i_until)(&q(t)),
            Problem::UntilNotAfter(t) => (w.i_until_not_after)(&q(t)),
            Problem::SpanTooLong(n) => (w.i_span_too_long)(*n, crate::model::term::MAX_SPAN),
            Problem::UntilOfYear => w.i_until_of_year.to_string(),
            Problem::YearStarts { theirs, ours } => {
                (w.i_year_starts)(month(s, *theirs), month(s, *ours))
            }
            Problem::FiscalName(t) => (w.i_fiscal_name)(&q(t)),
            Problem::Invalid(b) => crate::store::format::broken_text(b, s),
            Problem::MeasureType(t) => (w.i_measure_type)(&q(t)),
            Problem::Status(t) => (w.i_status)(&q(t)),
            Problem::Confidence => w.i_confidence.to_string(),
            Problem::Score => w.i_score.to_string(),
            Problem::Weight => w.i_weight.to_string(),
            Problem::NeedsTarget => w.i_needs_target.to_string(),
            Problem::NeedsLevel => w.i_needs_level.to_string(),
            Problem::DoneValue(t) => (w.i_done_value)(&q(t)),
            Problem::Date(t) => (w.i_date)(&q(t)),
            Problem::Week(t) => (w.i_week)(&q(t)),
            Problem::Differs(row) => (w.i_differs)(*row),
            Problem::NeedsKeyResult => w.i_needs_key_result.to_string(),
            Problem::DuplicateId(id) => (w.i_duplicate_id)(&q(id)),
            Problem::Link(id) => (w.i_link)(&q(id)),
            Problem::Number { typed, why, lang } => s.number_refused(typed, *why, *lang),
        }
    }
}

impl ImportError {
    pub fn text(&self, s: &Strings) -> String {
        match self {
            ImportError::Read(file, reason) => {
                format!("{}: {}", (s.e_cannot_read)(file), reason.text(s))
            }
            ImportError::At {
                file,
                place,
                problem,
            } => {
                let at = match place {
                    Place::File => file.clone(),
                    Place::Cell { row, column, name } => {
                        let letter = column_letter(*column);
                        let column = if name.trim().is_empty() {
                            letter
                        } else {
                            format!("'{}' ({letter})", quoted(name.trim()))
                        };
                        (s.commands.at_cell)(file, *row, &column)
                    }
                    Place::Item(path) => (s.commands.at_item)(file, &quoted_path(path)),
                    Place::Position(line, column) => {
                        format!("{file} ({})", (s.e_at)(*line, *column))
                    }
                };
                format!("{at}: {}; {}", problem.text(s), s.commands.nothing_imported)
            }
        }
    }
}

/// A month's name, 1 to 12.
fn month(s: &Strings, m: u32) -> &'static str {
    let i = usize::try_from(m.clamp(1, 12) - 1).unwrap_or(0);
    s.years.months.get(i).copied().unwrap_or_default()
}

/// A JSON path is built by okr from indexes and field names; the field
/// names are its own, so only its length needs care.
fn quoted_path(path: &str) -> String {
    crate::text::line(path)
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for ImportError {}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
