//! `okr path`: where the data file and the personal config file are, bare
//! for a script or, with `--verbose`, each named.

use std::io::Write;
use std::path::Path;

use crate::error::Result;

use crate::cli::Which;
use crate::i18n::Strings;

/// `okr path`: the data file, then the personal config file, each named.
pub fn path(
    (file, config): (&Path, &Path),
    which: Which,
    verbose: bool,
    s: &Strings,
    out: &mut impl Write,
) -> Result<()> {
    let full = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    if !verbose {
        let path = match which {
            Which::Data => file,
            Which::Config => config,
        };
        writeln!(
            out,
            "{}",
            crate::text::line(&full(path).display().to_string())
        )?;
        return Ok(());
    }
    let t = &s.team;
    let w = t
        .path_data
        .chars()
        .count()
        .max(t.path_config.chars().count())
        + 1;
    let label = |l: &str| format!("{:<w$}", format!("{l}:"));
    // A folder may have any name (a cloned repository's): never printed raw.
    let shown = |p: &Path| crate::text::line(&full(p).display().to_string());
    writeln!(out, "{} {}", label(t.path_data), shown(file))?;
    writeln!(out, "{} {}", label(t.path_config), shown(config))?;
    Ok(())
}
