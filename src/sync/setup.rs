//! What a clone needs before `okr sync`: the data file merged by okr's
//! driver (a `.gitattributes` line, shared, and the driver in this clone's
//! git config) and okr's side files kept out of the repository (`.gitignore`
//! lines, shared). Each is checked as git sees it, so a set-up written by
//! hand in other words counts too, and only what is missing is written.

use std::io::Write;

use super::{Repo, SyncError};
use crate::i18n::Strings;
use crate::store::IoReason;

/// The command git runs to merge the data file.
pub const DRIVER: &str = "okr merge %O %A %B";
/// The driver's name in git config, which git shows.
const DRIVER_NAME: &str = "okr's merge of its data file";

/// A part of the set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// `.gitattributes`: the data file merged by the driver `okr`.
    Attributes,
    /// git config: `merge.okr.driver`.
    Driver,
    /// `.gitignore`: okr's side files.
    Ignore,
}

impl Part {
    pub fn words(self, s: &Strings) -> &'static str {
        match self {
            Part::Attributes => s.sync.part_attributes,
            Part::Driver => s.sync.part_driver,
            Part::Ignore => s.sync.part_ignore,
        }
    }
}

/// okr's side files beside a data file named `n` (docs/file-format.md,
/// "Side files"): each pattern, and a name it must match.
fn side_files(n: &str) -> [(String, String); 7] {
    [
        (format!("{n}.lock"), format!("{n}.lock")),
        (format!("{n}.bak"), format!("{n}.bak")),
        (format!("{n}.v*.bak*"), format!("{n}.v1.bak.2")),
        (format!("{n}.fy.bak*"), format!("{n}.fy.bak.2")),
        (format!("{n}.conflict*"), format!("{n}.conflict.2")),
        (format!("{n}.rescue*"), format!("{n}.rescue.2")),
        (format!(".{n}.*.tmp"), format!(".{n}.Ab12Cd.tmp")),
    ]
}

/// A name in a pattern of `.gitignore` or `.gitattributes`, matching itself only.
fn literal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, c) in name.chars().enumerate() {
        if matches!(c, '\\' | '*' | '?' | '[') || (i == 0 && matches!(c, '#' | '!')) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Repo {
    /// The folder of the data file, relative to the top, with its `/`.
    fn folder(&self) -> &str {
        self.rel
            .strip_suffix(self.name.as_str())
            .unwrap_or_default()
    }

    /// The `.gitattributes` line.
    fn attributes_line(&self) -> String {
        let rel = &self.rel;
        if rel.chars().any(|c| c.is_whitespace() || c == '"') {
            let quoted: String = rel
                .chars()
                .flat_map(|c| match c {
                    '"' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            format!("\"{quoted}\" merge=okr")
        } else {
            format!("{} merge=okr", literal(rel))
        }
    }

    fn has_attribute(&self) -> Result<bool, SyncError> {
        let out = self.git.ok(
            "check-attr",
            &["check-attr", "-z", "merge", "--", &self.rel],
        )?;
        Ok(out.fields().get(2).is_some_and(|v| v == "okr"))
    }

    /// The `.gitignore` lines of the side files git does not ignore yet.
    fn ignore_missing(&self) -> Result<Vec<String>, SyncError> {
        let folder = self.folder();
        let files = side_files(&self.name);
        let samples: Vec<String> = files
            .iter()
            .map(|(_, sample)| format!("{folder}{sample}"))
            .collect();
        let mut input = Vec::new();
        for sample in &samples {
            input.extend_from_slice(sample.as_bytes());
            input.push(0);
        }
        let args = ["check-ignore", "--no-index", "--stdin", "-z"];
        let out = self.git.run_with(&args, &input)?;
        // 0: some are ignored, 1: none is; anything else is an error.
        if !matches!(out.code, Some(0 | 1)) {
            return Err(SyncError::Git("check-ignore", out.last_line()));
        }
        let ignored = out.fields();
        let folder = literal(folder);
        Ok(files
            .iter()
            .zip(&samples)
            .filter(|(_, sample)| !ignored.contains(sample))
            .map(|((pattern, _), _)| {
                let name = literal(&self.name);
                format!("{folder}{}", pattern.replace(&self.name, &name))
            })
            .collect())
    }

    /// The parts of the set-up git does not have for the data file.
    pub fn missing(&self) -> Result<Vec<Part>, SyncError> {
        let mut missing = Vec::new();
        if !self.has_attribute()? {
            missing.push(Part::Attributes);
        }
        if self.git.config("merge.okr.driver")?.is_none() {
            missing.push(Part::Driver);
        }
        if !self.ignore_missing()?.is_empty() {
            missing.push(Part::Ignore);
        }
        Ok(missing)
    }

    /// Adds `lines` at the end of the shared file `name` at the top.
    fn append(&self, name: &str, lines: &[String]) -> Result<(), SyncError> {
        let path = self.root().join(name);
        let failed = |e: std::io::Error| SyncError::Write(name.to_string(), IoReason::of(&e));
        let before = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(failed(e)),
        };
        let mut text = String::new();
        if before.last().is_some_and(|b| *b != b'\n') {
            text.push('\n');
        }
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(failed)?;
        f.write_all(text.as_bytes()).map_err(failed)?;
        f.sync_all().map_err(failed)
    }
}

/// `okr sync --setup`: writes what is missing of the set-up and returns
/// what it said it did, one line each.
pub fn set_up(repo: &Repo, s: &Strings) -> Result<Vec<String>, SyncError> {
    let w = &s.sync;
    let mut said = Vec::new();
    let mut wrote = Vec::new();
    let missing = repo.missing()?;
    if missing.contains(&Part::Attributes) {
        let line = repo.attributes_line();
        repo.append(".gitattributes", std::slice::from_ref(&line))?;
        said.push((w.wrote)(".gitattributes", &crate::text::line(&line)));
        wrote.push(Part::Attributes);
    }
    if missing.contains(&Part::Driver) {
        let git = &repo.git;
        if git.config("merge.okr.name")?.is_none() {
            git.ok("config", &["config", "merge.okr.name", DRIVER_NAME])?;
            said.push((w.set_config)("merge.okr.name", DRIVER_NAME));
        }
        git.ok("config", &["config", "merge.okr.driver", DRIVER])?;
        said.push((w.set_config)("merge.okr.driver", DRIVER));
        wrote.push(Part::Driver);
    }
    if missing.contains(&Part::Ignore) {
        let lines = repo.ignore_missing()?;
        repo.append(".gitignore", &lines)?;
        said.push((w.wrote)(
            ".gitignore",
            &crate::text::line(&lines.join(" ")),
        ));
        wrote.push(Part::Ignore);
    }
    let still = repo.missing()?;
    if !still.is_empty() {
        return Err(SyncError::Overridden(still));
    }
    if said.is_empty() {
        said.push(w.all_set.to_string());
    }
    // The shared files, written now or before and not committed yet.
    let out = repo.git.ok(
        "status",
        &[
            "status",
            "--porcelain",
            "-z",
            "--",
            ":(literal).gitattributes",
            ":(literal).gitignore",
        ],
    )?;
    let pending: Vec<String> = out
        .fields()
        .iter()
        .filter_map(|f| f.get(3..).map(str::to_string))
        .collect();
    if !pending.is_empty() {
        let names = crate::i18n::listed(&pending, w.and);
        said.push((w.commit_setup)(&names, &pending.join(" ")));
    }
    Ok(said)
}
