//! The reports of `okr export`: Markdown a person can paste into a document,
//! CSV with a row per key result (and per key result per check-in week), JSON,
//! and a page of HTML to open in a browser, print or send.
//! `--owner` narrows the store to one owner's Mål before it comes here; the
//! numbers come with it, of the whole store ([`Numbers`]), so that a
//! narrowed report gives each Mål the number every other surface gives.
//!
//! Every text from the file goes through [`text::neutralise`]: a report goes
//! to a terminal as often as to a file. In Markdown a text also cannot change
//! the report's structure ([`md_inline`], [`md_block`]); in CSV a field keeps
//! its line breaks and tabs (quoted); in JSON every character a terminal could
//! act on is a `\u` escape, so the data stay whole; in HTML every text is
//! escaped by the markup's builder.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::i18n::{self, Strings};
use crate::model::forecast;
use crate::model::numbers::{Figures, Numbers};
use crate::model::owners::{self, OwnerFilter};
use crate::model::progress::{self, PaceStatus};
use crate::model::{CheckIn, Data, FiscalYear, KeyResult, Lang, Measure, Objective, Quarter};
use crate::text::{self, Output};

mod csv;
pub mod digest;
pub mod html;
mod json;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
    Html,
}

/// Which quarters to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuarterChoice {
    One(Quarter),
    All,
}

impl QuarterChoice {
    /// Whether the choice takes in `q`.
    pub fn holds(self, q: Quarter) -> bool {
        match self {
            QuarterChoice::One(one) => one == q,
            QuarterChoice::All => true,
        }
    }
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

/// `--owner`: the filter, and who I am (for `me`).
#[derive(Clone, Copy, Debug)]
pub struct Narrow<'a> {
    pub filter: &'a OwnerFilter,
    pub me: Option<&'a str>,
}

/// What a report is made of: the Mål (and check-ins) to show, the numbers
/// of the whole store, and whose part it is when narrowed to one owner.
struct Report<'a> {
    data: &'a Data,
    /// The whole store, narrowed or not: where a Mål's parent is found.
    whole: &'a Data,
    numbers: &'a Numbers<'a>,
    /// The month the team's year starts in.
    fy: FiscalYear,
    whose: Option<&'a str>,
}

/// `okr export`: a report of `data` to `out`, of one owner's Mål when
/// `narrow` says; `today` decides pace and staleness.
pub fn export(
    data: &Data,
    narrow: Option<Narrow>,
    which: QuarterChoice,
    format: Format,
    lang: Lang,
    today: NaiveDate,
    out: &mut impl Write,
) -> std::io::Result<()> {
    // The numbers of every owner's Mål, whoever the report is narrowed to.
    let fy = data.fiscal_year();
    let numbers = match which {
        QuarterChoice::One(q) => Numbers::of(data.around(q), fy, today),
        QuarterChoice::All => Numbers::of(data.objectives.iter().map(|o| &**o), fy, today),
    };
    let narrow = narrow.filter(|n| *n.filter != OwnerFilter::Everyone);
    let narrowed = narrow.map(|n| owners::only(data, n.filter, n.me));
    let report = Report {
        data: narrowed.as_ref().unwrap_or(data),
        whole: data,
        numbers: &numbers,
        fy,
        whose: narrow
            .and_then(|n| match n.filter {
                OwnerFilter::Owner(w) => Some(w.as_str()),
                _ => n.me,
            })
            .map(|w| owners::spelled(&data.objectives, w)),
    };
    let report = &report;
    let mut quarters: Vec<Quarter> = match which {
        QuarterChoice::One(q) => vec![q],
        QuarterChoice::All => crate::model::term::views(report.data).into_keys().collect(),
    };
    quarters.sort();
    quarters.dedup();
    match format {
        Format::Md => export_md(report, &quarters, i18n::strings(lang), today, out),
        Format::Csv => csv::export_csv(report, &quarters, out),
        Format::Json => json::export_json(report, &quarters, today, out),
        Format::Html => html::export_html(report, &quarters, i18n::strings(lang), today, out),
    }
}

fn objectives_of<'a>(
    data: &'a Data,
    quarters: &'a [Quarter],
) -> impl Iterator<Item = &'a Objective> {
    data.objectives
        .iter()
        .map(|o| &**o)
        .filter(move |o| quarters.iter().any(|q| o.covers(*q)))
}

/// The Markdown report: per quarter its progress against pace, each Mål
/// with its key results, Uppgifter and retro, then the quarter's check-ins.
fn export_md(
    report: &Report,
    quarters: &[Quarter],
    s: &Strings,
    today: NaiveDate,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "# OKR")?;
    for &q in quarters {
        let objectives: Vec<&Objective> = report.data.in_quarter(q).map(|(_, o)| o).collect();
        writeln!(out, "\n## {} {}\n", s.period_word(q), q.label(report.fy))?;
        if objectives.is_empty() {
            writeln!(out, "{}", s.no_objectives_in(q))?;
            continue;
        }
        md_quarter_progress(report, &objectives, q, s, today, out)?;
        for o in objectives {
            md_objective((o, report.fy), report.numbers.get(o), s, out)?;
            md_key_results(o, report.fy, s, today, out)?;
            md_initiatives(o, s, out)?;
            md_retro(o, s, out)?;
        }
        md_checkins(report.data, (q, report.fy), s, out)?;
    }
    Ok(())
}

/// The quarter's line of progress (of whose Mål, when narrowed) and pace.
fn md_quarter_progress(
    report: &Report,
    objectives: &[&Objective],
    q: Quarter,
    s: &Strings,
    today: NaiveDate,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let whose = report
        .whose
        .map(|w| format!(" ({})", md_inline(w)))
        .unwrap_or_default();
    writeln!(
        out,
        "{}{whose}: {} · {}: {}",
        s.progress,
        s.percent_of(report.numbers.mean(objectives.iter().copied())),
        s.pace,
        s.percent(q.dates(report.fy).elapsed(today))
    )
}

/// A Mål's heading and facts: kind, progress and status, why, owner, its
/// score with the verdict, and its status when not active.
fn md_objective(
    (o, fy): (&Objective, FiscalYear),
    f: Figures,
    s: &Strings,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "\n### {}: {}\n", s.objective, md_inline(&o.title))?;
    let status = f.status.map_or(s.no_progress_yet, |st| s.pace_status(st));
    let from = if f.from_children > 0 {
        format!(" · {}", (s.team.from_children)(f.from_children))
    } else {
        String::new()
    };
    let behind = f
        .behind
        .map(|(n, all)| format!(" · {}", (s.key_results_behind)(n, all)))
        .unwrap_or_default();
    writeln!(
        out,
        "- {}: {} · {}: {} ({status}){from}{behind}",
        s.kind,
        s.kind(o.kind),
        s.progress,
        s.percent_of(f.progress),
    )?;
    if o.spans() {
        let term = o.term_label(fy).to_string();
        writeln!(out, "- {}", (s.years.spans)(&term))?;
    }
    if !o.why.is_empty() {
        writeln!(out, "- {}: {}", s.why, md_block(&o.why, "  "))?;
    }
    if let Some(owner) = &o.owner {
        writeln!(out, "- {}: {}", s.owner, md_inline(owner))?;
    }
    if let Some(score) = o.score {
        // A set score always judges the Mål.
        let verdict = if f.succeeded == Some(true) {
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
            "- {}: {} ({}){}{verdict}{flag}",
            s.score,
            s.num(score),
            s.score_band(progress::score_band(score)),
            s.dash()
        )?;
    }
    if o.status != crate::model::Status::Active {
        writeln!(out, "- {}: {}", s.status, s.status(o.status))?;
    }
    Ok(())
}

/// A Mål's key results: id, title, value and confidence, marked when
/// behind pace or stale, and under each its forecast while the quarter runs.
fn md_key_results(
    o: &Objective,
    fy: FiscalYear,
    s: &Strings,
    today: NaiveDate,
    out: &mut impl Write,
) -> std::io::Result<()> {
    if o.key_results.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n**{}**\n", s.key_results)?;
    let dates = o.dates(fy);
    for k in &o.key_results {
        let st = progress::key_result_status(k, dates, today);
        let mark = if matches!(st, PaceStatus::Behind | PaceStatus::NotReached) {
            format!("{}{}", s.dash(), s.pace_status(st))
        } else {
            String::new()
        };
        let stale = if dates.contains(today) && progress::is_stale(k, today) {
            format!("{}{}", s.dash(), s.stale)
        } else {
            String::new()
        };
        writeln!(
            out,
            "- `{}` {}: {} · {} {}/10{mark}{stale}",
            text::line(&k.id),
            md_inline(&k.title),
            md_inline(&describe_measure(
                &k.measure,
                progress::key_result_progress(k),
                s
            )),
            s.confidence,
            k.confidence
        )?;
        if let Some(f) = forecast::of(k, dates, today) {
            writeln!(out, "  - {}", md_inline(&s.forecast(&k.measure, &f)))?;
        }
    }
    Ok(())
}

/// A Mål's Uppgifter as a checklist, each with the key result it serves.
fn md_initiatives(o: &Objective, s: &Strings, out: &mut impl Write) -> std::io::Result<()> {
    if o.initiatives.is_empty() {
        return Ok(());
    }
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
    Ok(())
}

/// A Mål's retro: what went well and what to change, when written.
fn md_retro(o: &Objective, s: &Strings, out: &mut impl Write) -> std::io::Result<()> {
    for (label, text) in [
        (s.went_well, &o.retro.went_well),
        (s.to_change, &o.retro.to_change),
    ] {
        if !text.is_empty() {
            writeln!(out, "\n**{label}:** {}", md_block(text, ""))?;
        }
    }
    Ok(())
}

/// The check-ins of quarter `q`, each with its entries, words and pulse.
fn md_checkins(
    data: &Data,
    (q, fy): (Quarter, FiscalYear),
    s: &Strings,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let checkins: Vec<_> = data
        .checkins
        .iter()
        .filter(|c| q.contains(fy, c.date))
        .collect();
    if checkins.is_empty() {
        return Ok(());
    }
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
        md_checkin(c, &key_results, s, out)?;
    }
    Ok(())
}

/// One check-in: its week and owner, each key result's value, confidence
/// and note, the wins, blockers and next steps, and the pulse.
fn md_checkin(
    c: &CheckIn,
    key_results: &HashMap<&str, &KeyResult>,
    s: &Strings,
    out: &mut impl Write,
) -> std::io::Result<()> {
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
            format!("{}{}", s.dash(), md_block(&e.note, "    "))
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
    Ok(())
}

/// A text from the file within one line of the Markdown report: neutralised,
/// its line breaks as spaces, and escaped where it could make a table.
pub(crate) fn md_inline(text: &str) -> String {
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

/// How a measure reads in a report: as on screen, then in one bracket the
/// start of a number and the share done: `60 / 100 MSEK (start 0, 60 %)`.
pub fn describe_measure(m: &Measure, share: f64, s: &Strings) -> String {
    let share = s.percent(share);
    match m {
        Measure::Numeric(n) => format!(
            "{} ({} {}, {share})",
            s.measure_text(m),
            s.start.to_lowercase(),
            s.num(n.start)
        ),
        Measure::AtLeast(l) | Measure::AtMost(l) => format!(
            "{} ({} {} {}, {share})",
            s.with_unit(&s.num(l.current), &l.unit),
            s.level.to_lowercase(),
            if matches!(m, Measure::AtLeast(_)) {
                "≥"
            } else {
                "≤"
            },
            s.num(l.level)
        ),
        Measure::Done(_) => format!("{} ({share})", s.measure_text(m)),
    }
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
