//! `okr schema`: the data file's JSON Schema, for an editor that checks
//! a hand-edited file and for a script that validates one.

use std::io::Write;

use crate::error::Result;

/// `okr schema`: [`crate::model::schema::data_file`], pretty-printed.
pub fn print(out: &mut impl Write) -> Result<()> {
    let schema = crate::model::schema::data_file();
    serde_json::to_writer_pretty(&mut *out, &schema).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
