//! The weekly digest ([`crate::model::digest`]) as text for the terminal,
//! Markdown for a chat or a mail, and JSON for a script. Every text from
//! the file is made safe for where it goes ([`crate::text`]).

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::i18n::Strings;
use crate::model::digest::{Digest, Line, Moved};
use crate::text::line as safe;

/// How the digest is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestFormat {
    Text,
    Md,
    Json,
}

pub fn write(
    d: &Digest,
    format: DigestFormat,
    s: &Strings,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        DigestFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_of(d))?;
            writeln!(out)
        }
        DigestFormat::Text | DigestFormat::Md => text(d, format == DigestFormat::Md, s, out),
    }
}

/// A key result's value in its own terms, with its unit.
fn value(l: &Line, v: f64, s: &Strings) -> String {
    s.with_unit(&s.measure_value(&l.measure, v), l.measure.unit())
}

/// The pulse's mean and its change, as the digest says them.
pub fn pulse(d: &Digest, s: &Strings) -> Option<String> {
    let mean = d.pulse?;
    let change = d.pulse_before.map(|b| {
        let c = ((mean - b) * 10.0).round() / 10.0;
        if c > 0.0 {
            format!("+{}", s.num(c))
        } else {
            s.num(c)
        }
    });
    Some((s.digest.pulse)(
        &s.num((mean * 10.0).round() / 10.0),
        change.as_deref(),
    ))
}

fn text(d: &Digest, md: bool, s: &Strings, out: &mut impl Write) -> io::Result<()> {
    let w = &s.digest;
    // Each text from the file goes out once, by the output's rule.
    let shown = |t: &str| if md { super::md_inline(t) } else { safe(t) };
    let title = (w.title)(
        &d.week.to_string(),
        &d.first_day.to_string(),
        &d.last_day.to_string(),
    );
    let (moved, behind, stale) = d.counts();
    writeln!(out, "{}{title}\n", if md { "# " } else { "" })?;
    writeln!(out, "{}", (w.summary)(moved, behind, stale))?;
    if d.not_checked_in.is_empty() {
        writeln!(out, "{}", w.everyone_checked_in)?;
    } else {
        writeln!(out, "{}", shown(&(w.missing)(&d.not_checked_in.join(", "))))?;
    }
    if let Some(p) = pulse(d, s) {
        writeln!(out, "{p}")?;
    }
    for p in &d.parts {
        let alone = d.parts.len() == 1 && p.owner.is_none();
        let head = p
            .owner
            .as_deref()
            .unwrap_or(if alone { w.team } else { w.no_owner });
        writeln!(out, "\n{}{}", if md { "## " } else { "" }, shown(head))?;
        let named = |l: &Line| format!("{} {} ({} {})", l.id, l.title, w.of, l.objective);
        // Where a key result is heading, said as a forecast, when it has one.
        let ahead = |l: &Line| {
            l.forecast
                .as_ref()
                .map(|f| format!(" · {}", s.forecast(&l.measure, f)))
                .unwrap_or_default()
        };
        let moved: Vec<String> = p
            .moved
            .iter()
            .map(|m: &Moved| {
                let (from, to) = (value(&m.line, m.from, s), value(&m.line, m.to, s));
                format!("{}: {from} → {to}{}", named(&m.line), ahead(&m.line))
            })
            .collect();
        if moved.is_empty() {
            writeln!(out, "{}{}", if md { "\n" } else { "  " }, w.nothing_moved)?;
        }
        let sections = [
            (w.moved, moved),
            (
                w.behind,
                p.behind
                    .iter()
                    .map(|l| format!("{}: {}{}", named(l), s.percent(l.progress), ahead(l)))
                    .collect(),
            ),
            (w.stale, p.stale.iter().map(named).collect()),
            (w.blockers, p.blockers.clone()),
            (w.next_steps, p.next_steps.clone()),
        ];
        for (name, lines) in sections.into_iter().filter(|(_, l)| !l.is_empty()) {
            if md {
                writeln!(out, "\n**{name}**\n")?;
            } else {
                writeln!(out, "{name}")?;
            }
            for l in lines {
                writeln!(out, "{}{}", if md { "- " } else { "  · " }, shown(&l))?;
            }
        }
    }
    Ok(())
}

fn line_json(l: &Line) -> Value {
    json!({
        "id": l.id,
        "title": l.title,
        "objective": l.objective,
        "unit": l.measure.unit(),
        "progress": l.progress,
        "forecast": l.forecast.as_ref().map(|f| json!({
            "date": f.date.to_string(),
            "value": f.value,
            "progress": f.progress,
        })),
    })
}

/// The digest for a script: stable keys, numbers as numbers, text as in
/// the file (JSON escapes it).
pub fn json_of(d: &Digest) -> Value {
    let parts: Vec<Value> = d
        .parts
        .iter()
        .map(|p| {
            json!({
                "owner": p.owner,
                "checked_in": p.checked_in,
                "moved": p.moved.iter().map(|m| {
                    let mut v = line_json(&m.line);
                    v["from"] = json!(m.from);
                    v["to"] = json!(m.to);
                    v
                }).collect::<Vec<_>>(),
                "behind": p.behind.iter().map(line_json).collect::<Vec<_>>(),
                "stale": p.stale.iter().map(line_json).collect::<Vec<_>>(),
                "blockers": p.blockers,
                "next_steps": p.next_steps,
                "pulse": p.pulse,
            })
        })
        .collect();
    json!({
        "quarter": d.quarter.key(),
        "week": d.week.to_string(),
        "first_day": d.first_day.to_string(),
        "last_day": d.last_day.to_string(),
        "not_checked_in": d.not_checked_in,
        "pulse": d.pulse,
        "pulse_before": d.pulse_before,
        "parts": parts,
    })
}
