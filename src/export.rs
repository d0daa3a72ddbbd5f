//! The reports of `okr export`: Markdown a person can paste into a document,
//! CSV with a row per key result (and per key result per check-in week), JSON.
//! `--owner` narrows the store to one owner's Mål before it comes here.
//!
//! Every text from the file goes through [`text::neutralise`]: a report goes
//! to a terminal as often as to a file. In Markdown a text also cannot change
//! the report's structure ([`md_inline`], [`md_block`]); in CSV a field keeps
//! its line breaks and tabs (quoted); in JSON every character a terminal could
//! act on is a `\u` escape, so the data stay whole.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use clap::ValueEnum;

use crate::i18n::{self, Strings};
use crate::model::progress::{self, PaceStatus};
use crate::model::review;
use crate::model::{Data, KeyResult, Lang, Measure, Objective, Quarter};
use crate::text::{self, Output};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

/// Which quarters to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuarterChoice {
    One(Quarter),
    All,
}

impl std::str::FromStr for QuarterChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(QuarterChoice::All);
        }
        s.parse::<Quarter>()
            .map(QuarterChoice::One)
            .map_err(|e| format!("{e}, or all"))
    }
}

/// `okr export`: a report to `out`; `today` decides pace and staleness.
pub fn export(
    data: &Data,
    which: QuarterChoice,
    format: Format,
    lang: Lang,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let mut quarters: Vec<Quarter> = match which {
        QuarterChoice::One(q) => vec![q],
        QuarterChoice::All => data.objectives.iter().map(|o| o.quarter).collect(),
    };
    quarters.sort();
    quarters.dedup();
    match format {
        Format::Md => export_md(data, &quarters, i18n::strings(lang), today, out),
        Format::Csv => export_csv(data, &quarters, today, out),
        Format::Json => export_json(data, &quarters, out),
    }
}

fn objectives_of<'a>(
    data: &'a Data,
    quarters: &'a [Quarter],
) -> impl Iterator<Item = &'a Objective> {
    data.objectives
        .iter()
        .map(|o| &**o)
        .filter(move |o| quarters.contains(&o.quarter))
}

fn export_md(
    data: &Data,
    quarters: &[Quarter],
    s: &Strings,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    writeln!(out, "# OKR")?;
    for &q in quarters {
        let pace = progress::pace(q, today);
        let objectives: Vec<&Objective> = data.in_quarter(q).map(|(_, o)| o).collect();
        writeln!(out, "\n## {} {q}\n", s.quarter)?;
        if objectives.is_empty() {
            writeln!(out, "{}", s.no_objectives)?;
            continue;
        }
        writeln!(
            out,
            "{}: {} · {}: {}",
            s.progress,
            s.percent(progress::quarter_progress(objectives.iter().copied())),
            s.pace,
            s.percent(pace)
        )?;
        for o in objectives {
            writeln!(out, "\n### {}: {}\n", s.objective, md_inline(&o.title))?;
            let status = progress::objective_status(o, today);
            let behind = progress::key_results_behind(o, today)
                .map(|(n, all)| format!(" · {}", (s.key_results_behind)(n, all)))
                .unwrap_or_default();
            writeln!(
                out,
                "- {}: {} · {}: {} ({}){behind}",
                s.kind,
                s.kind(o.kind),
                s.progress,
                s.percent(progress::objective_progress(o)),
                s.pace_status(status)
            )?;
            if !o.why.is_empty() {
                writeln!(out, "- {}: {}", s.why, md_block(&o.why, "  "))?;
            }
            if let Some(owner) = &o.owner {
                writeln!(out, "- {}: {}", s.owner, md_inline(owner))?;
            }
            if let Some(score) = o.score {
                // A set score always judges the Mål.
                let verdict = if review::succeeded(o, today) == Some(true) {
                    s.succeeded
                } else {
                    s.missed
                };
                let flag = if progress::committed_flag(o.kind, score) {
                    format!(" ({})", s.committed_below)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "- {}: {} ({}) — {verdict}{flag}",
                    s.score,
                    s.num(score),
                    s.score_band(progress::score_band(score))
                )?;
            }
            if o.status != crate::model::Status::Active {
                writeln!(out, "- {}: {}", s.status, s.status(o.status))?;
            }
            if !o.key_results.is_empty() {
                writeln!(out, "\n**{}**\n", s.key_results)?;
                for k in &o.key_results {
                    let st = progress::key_result_status(k, q, today);
                    let mark = if matches!(st, PaceStatus::Behind | PaceStatus::NotReached) {
                        format!(" — {}", s.pace_status(st))
                    } else {
                        String::new()
                    };
                    let stale = if q.contains(today) && progress::is_stale(k, today) {
                        format!(" — {}", s.stale)
                    } else {
                        String::new()
                    };
                    writeln!(
                        out,
                        "- `{}` {}: {} ({}) · {} {}/10{mark}{stale}",
                        text::line(&k.id),
                        md_inline(&k.title),
                        md_inline(&describe_measure(&k.measure, s)),
                        s.percent(progress::key_result_progress(k)),
                        s.confidence,
                        k.confidence
                    )?;
                }
            }
            if !o.initiatives.is_empty() {
                let (done, all) = o.initiatives_done();
                writeln!(out, "\n**{}** ({done}/{all})\n", s.initiatives)?;
                for i in &o.initiatives {
                    writeln!(
                        out,
                        "- [{}] {}{}",
                        if i.done.is_some() { "x" } else { " " },
                        md_inline(&i.title),
                        i.key_result
                            .as_ref()
                            .map(|k| format!(" → `{}`", text::line(k)))
                            .unwrap_or_default()
                    )?;
                }
            }
            if !o.retro.went_well.is_empty() {
                writeln!(
                    out,
                    "\n**{}:** {}",
                    s.went_well,
                    md_block(&o.retro.went_well, "")
                )?;
            }
            if !o.retro.to_change.is_empty() {
                writeln!(
                    out,
                    "\n**{}:** {}",
                    s.to_change,
                    md_block(&o.retro.to_change, "")
                )?;
            }
        }
        let checkins: Vec<_> = data
            .checkins
            .iter()
            .filter(|c| q.contains(c.date))
            .collect();
        if !checkins.is_empty() {
            // Key results by id, once per quarter: a look-up per entry would scan the store.
            let key_results: HashMap<&str, &KeyResult> = data
                .objectives
                .iter()
                .filter(|o| o.quarter <= q)
                .flat_map(|o| &o.key_results)
                .map(|k| (k.id.as_str(), k))
                .collect();
            writeln!(out, "\n### {}\n", s.checkins)?;
            for c in checkins {
                let whose = c
                    .owner
                    .as_deref()
                    .map_or(String::new(), |w| format!(" · {}", md_inline(w)));
                writeln!(out, "- **{}** ({}){whose}", c.week, c.date)?;
                for e in &c.entries {
                    let kr = key_results.get(e.key_result.as_str());
                    let title = kr.map_or(String::new(), |k| format!(" {}", md_inline(&k.title)));
                    let note = if e.note.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", md_block(&e.note, "    "))
                    };
                    writeln!(
                        out,
                        "  - `{}`{title}: {} · {} {}/10{note}",
                        text::line(&e.key_result),
                        kr.map_or_else(
                            || s.num(e.value),
                            |k| md_inline(&s.measure_value(&k.measure, e.value))
                        ),
                        s.confidence,
                        e.confidence
                    )?;
                }
                for (label, text) in [
                    (s.wins, &c.wins),
                    (s.blockers, &c.blockers),
                    (s.next_steps, &c.next_steps),
                ] {
                    if !text.is_empty() {
                        writeln!(out, "  - {label}: {}", md_block(text, "    "))?;
                    }
                }
                if let Some(p) = &c.pulse {
                    let ratings: Vec<String> = s
                        .pillar_names()
                        .iter()
                        .zip(p.ratings())
                        .map(|(name, r)| format!("{name} {r}"))
                        .collect();
                    writeln!(out, "  - {}: {}", s.pulse, ratings.join(" · "))?;
                }
            }
        }
    }
    Ok(())
}

/// A text from the file within one line of the Markdown report: neutralised,
/// its line breaks as spaces, and escaped where it could make a table.
fn md_inline(text: &str) -> String {
    md_escape(&text::neutralise(text, Output::Line))
}

/// A text from the file that may hold several lines, after a label in the
/// Markdown report. Each further line follows a hard line break (two
/// spaces), indented by `indent` so it stays inside its list item, and with a
/// marker at its start escaped, so it starts no heading, list, quote, code
/// block, HTML block or table. Empty lines are left out.
fn md_block(text: &str, indent: &str) -> String {
    let clean = text::neutralise(text, Output::Lines);
    let mut out = String::new();
    for line in clean.split('\n').map(|l| l.replace('\t', " ")) {
        let line = md_escape(line.trim());
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out = line;
        } else {
            out.push_str("  \n");
            out.push_str(indent);
            out.push_str(&md_escape_start(&line));
        }
    }
    out
}

/// `|` as `\|`, so that no line of a text is taken for a table row, and a
/// backslash before ASCII punctuation as `\\`, so that it still reads as
/// itself (and cannot undo the escape of a `|` after it).
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// A line of text that begins with a Markdown block marker (`#`, `>`, `-`,
/// `+`, `*`, `=`, `_`, a code fence, `<`, or `1.`/`1)`), with it escaped.
fn md_escape_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        Some('#' | '>' | '-' | '+' | '*' | '=' | '_' | '`' | '~' | '<') if digits == 0 => {
            format!("\\{line}")
        }
        _ => line.to_string(),
    }
}

/// How a measure reads in a report: as on screen, plus the start of a number.
pub fn describe_measure(m: &Measure, s: &Strings) -> String {
    match m {
        Measure::Numeric(n) => format!(
            "{} ({} {})",
            s.measure_text(m),
            s.start.to_lowercase(),
            s.num(n.start)
        ),
        _ => s.measure_text(m),
    }
}

/// One CSV row per key result for its state now (an empty `week`), and one
/// per key result per check-in week with the value, confidence and note of
/// that week.
fn export_csv(
    data: &Data,
    quarters: &[Quarter],
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "quarter",
        "objective_id",
        "objective",
        "kind",
        "status",
        "score",
        "key_result_id",
        "key_result",
        "type",
        "start",
        "target",
        "level",
        "current",
        "unit",
        "progress",
        "confidence",
        "weight",
        "week",
        "checkin_date",
        "note",
        "success",
        "went_well",
        "to_change",
        "owner",
    ])?;
    for o in objectives_of(data, quarters) {
        let kind = serde_json::to_value(o.kind)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let status = serde_json::to_value(o.status)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let score = o.score.map(|s| s.to_string()).unwrap_or_default();
        let head = [
            o.quarter.key(),
            o.id.clone(),
            o.title.clone(),
            kind,
            status,
            score,
        ];
        // Whether it succeeded, by the review's rule, and the retro.
        let success = match review::succeeded(o, today) {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        let tail = [
            success.to_string(),
            o.retro.went_well.clone(),
            o.retro.to_change.clone(),
            o.owner.clone().unwrap_or_default(),
        ];
        if o.key_results.is_empty() {
            let mut row = head.to_vec();
            row.resize(20, String::new());
            row.extend(tail.iter().cloned());
            write_row(&mut w, &row)?;
        }
        for k in &o.key_results {
            let (ty, start, target, level, unit) = match &k.measure {
                Measure::Numeric(n) => (
                    "numeric",
                    n.start.to_string(),
                    n.target.to_string(),
                    String::new(),
                    &n.unit,
                ),
                Measure::Done(_) => (
                    "done",
                    String::new(),
                    String::new(),
                    String::new(),
                    &String::new(),
                ),
                Measure::AtLeast(l) => (
                    "at_least",
                    String::new(),
                    String::new(),
                    l.level.to_string(),
                    &l.unit,
                ),
                Measure::AtMost(l) => (
                    "at_most",
                    String::new(),
                    String::new(),
                    l.level.to_string(),
                    &l.unit,
                ),
            };
            let row = |value: f64, confidence: u8, week: String, date: String, note: String| {
                let mut measure = k.measure.clone();
                measure.set_current(value);
                let mut row = head.to_vec();
                row.extend([
                    k.id.clone(),
                    k.title.clone(),
                    ty.to_string(),
                    start.clone(),
                    target.clone(),
                    level.clone(),
                    measure.current().to_string(),
                    unit.clone(),
                    format!("{:.3}", progress::measure_progress(&measure)),
                    confidence.to_string(),
                    k.weight.to_string(),
                    week,
                    date,
                    note,
                ]);
                row.extend(tail.iter().cloned());
                row
            };
            write_row(
                &mut w,
                &row(
                    k.measure.current(),
                    k.confidence,
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            )?;
            for c in data.checkins.iter().filter(|c| o.quarter.contains(c.date)) {
                if let Some(e) = c.entries.iter().find(|e| e.key_result == k.id) {
                    write_row(
                        &mut w,
                        &row(
                            e.value,
                            e.confidence,
                            c.week.to_string(),
                            c.date.to_string(),
                            e.note.clone(),
                        ),
                    )?;
                }
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// A CSV row with every field neutralised; a field's line breaks and tabs
/// stay, and the writer quotes a field that holds a line break.
fn write_row<W: Write>(w: &mut csv::Writer<W>, row: &[String]) -> Result<()> {
    w.write_record(
        row.iter()
            .map(|f| text::neutralise(f, Output::Lines).into_owned()),
    )?;
    Ok(())
}

fn export_json(data: &Data, quarters: &[Quarter], out: &mut impl Write) -> Result<()> {
    let objectives: Vec<&Objective> = objectives_of(data, quarters).collect();
    let checkins: Vec<_> = data
        .checkins
        .iter()
        .filter(|c| quarters.iter().any(|q| q.contains(c.date)))
        .map(|c| &**c)
        .collect();
    /// Written straight from the store, without a copy as a JSON value.
    #[derive(serde::Serialize)]
    struct Report<'a> {
        version: u32,
        quarters: Vec<String>,
        objectives: Vec<&'a Objective>,
        checkins: Vec<&'a crate::model::CheckIn>,
    }
    let report = Report {
        // What is written is in this version's shape, whatever the file read.
        version: crate::model::FORMAT_VERSION,
        quarters: quarters.iter().map(|q| q.key()).collect(),
        objectives,
        checkins,
    };
    let mut json = serde_json::Serializer::with_formatter(&mut *out, text::JsonEscaping::default());
    serde::Serialize::serialize(&report, &mut json)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_texts_keep_their_lines_inside_their_item() {
        assert_eq!(
            md_block("one\r\n\n# two\n  3. three\n\tfour|five", "  "),
            "one  \n  \\# two  \n  3\\. three  \n  four\\|five"
        );
        assert_eq!(md_block("\n\n", "  "), "");
        // A backslash before a pipe cannot undo the pipe's escape.
        assert_eq!(md_inline("a\\|b\\c\nd"), "a\\\\\\|b\\c d");
        assert_eq!(md_escape_start("2026 was"), "2026 was");
        assert_eq!(md_escape_start("12) x"), "12\\) x");
    }
}
