//! The records of a CSV file, each with its row as a spreadsheet numbers
//! it, so that an import error names the row the user sees.

use super::{Place, Problem};

type Located = (Place, Problem);

/// Every record as text with its row as a spreadsheet numbers it, the
/// header first. The CSV reader skips empty lines, which a spreadsheet
/// shows as empty rows: a record's row is the line it starts on, less the
/// line breaks inside the quoted cells above it (a cell is in one row).
pub(super) fn records(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, Located> {
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|c| (count(*c), *c == b','))
        .unwrap_or(b',');
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut out = Vec::new();
    let mut lines = Lines::default();
    // Line breaks inside the quoted cells read so far.
    let mut inside = 0;
    let mut record = ::csv::ByteRecord::new();
    loop {
        let more = reader
            .read_byte_record(&mut record)
            .map_err(|e| (Place::File, Problem::NotCsv(e.to_string())))?;
        if !more {
            break;
        }
        // The reader stops just after the record's end of line (or at the
        // end of the file): the line it ends on, less its own line breaks,
        // is the line it starts on.
        let end = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        let last = lines.to(bytes, end);
        let own: usize = record.iter().map(line_breaks).sum();
        let row = last.saturating_sub(own).saturating_sub(inside);
        inside += own;
        let mut cells = Vec::with_capacity(record.len());
        for (i, cell) in record.iter().enumerate() {
            let text = std::str::from_utf8(cell).map_err(|_| {
                (
                    Place::Cell {
                        row,
                        column: i,
                        name: String::new(),
                    },
                    Problem::NotUtf8,
                )
            })?;
            cells.push(text.to_string());
        }
        out.push((row, cells));
    }
    Ok(out)
}

/// Counts lines from the start of the file as far as it is read.
#[derive(Default)]
struct Lines {
    /// How far the file is counted, and the line breaks in it.
    at: usize,
    breaks: usize,
    after_cr: bool,
}

impl Lines {
    /// The number of the line that the byte before `end` is on (a line
    /// ends with its line break).
    fn to(&mut self, bytes: &[u8], end: usize) -> usize {
        let end = end.clamp(self.at, bytes.len());
        let mut ends_line = false;
        for &b in &bytes[self.at..end] {
            ends_line = matches!(b, b'\n' | b'\r');
            if ends_line && !(b == b'\n' && self.after_cr) {
                self.breaks += 1;
            }
            self.after_cr = b == b'\r';
        }
        self.at = end;
        let counted = self.breaks;
        if ends_line { counted } else { counted + 1 }
    }
}

/// How many lines end in `bytes`: at a CR LF, a lone LF or a lone CR (an
/// old Mac's spreadsheet), as the CSV reader ends a record.
fn line_breaks(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut after_cr = false;
    for &b in bytes {
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => n += 1,
            _ => {}
        }
        after_cr = b == b'\r';
    }
    n
}
