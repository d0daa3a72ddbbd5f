//! `okr report --format html`: the weekly digest as one page in the frame
//! every HTML report shares ([`super::page`]): each part with its bars,
//! every text from the file escaped by maud.

use std::io::{Result, Write};

use maud::{Markup, html};

use super::page::{self, Frame, line};
use crate::export::digest::pulse;
use crate::i18n::Strings;
use crate::model::digest::{Digest, Line, Part};

/// Writes the digest as a page.
pub fn write(d: &Digest, s: &Strings, out: &mut impl Write) -> Result<()> {
    let w = &s.digest;
    let title = (w.title)(
        &d.week.to_string(),
        &d.first_day.to_string(),
        &d.last_day.to_string(),
    );
    let (moved, behind, stale) = d.counts();
    let summary = (w.summary)(moved, behind, stale);
    let frame = Frame {
        lang: s.lang,
        title: &title,
        heading: &title,
        note: &summary,
    };
    let alone = d.parts.len() == 1 && d.parts.iter().all(|p| p.owner.is_none());
    let body = html! {
        section.summary {
            @if d.not_checked_in.is_empty() {
                p { (w.everyone_checked_in) }
            } @else {
                p { (line(&(w.missing)(&d.not_checked_in.join(", ")))) }
            }
            @if let Some(p) = pulse(d, s) {
                p { (p) }
            }
        }
        @for p in &d.parts {
            (part(p, if alone { w.team } else { w.no_owner }, s))
        }
    };
    page::write(page::document(&frame, body), out)
}

fn part(p: &Part, unowned: &str, s: &Strings) -> Markup {
    let w = &s.digest;
    let named = |l: &Line| {
        html! {
            span.id { (line(&l.id)) } " " (line(&l.title)) " "
            span.meta { "(" (w.of) " " (line(&l.objective)) ")" }
        }
    };
    let ahead = |l: &Line| l.forecast.as_ref().map(|f| s.forecast(&l.measure, f));
    let value = |l: &Line, v: f64| s.with_unit(&s.measure_value(&l.measure, v), l.measure.unit());
    html! {
        section.objective.(if p.behind.is_empty() { "on-track" } else { "behind" }) {
            h2 { (line(p.owner.as_deref().unwrap_or(unowned))) }
            @if p.moved.is_empty() {
                p.meta { (w.nothing_moved) }
            } @else {
                h4 { (w.moved) }
                ul.krs {
                    @for m in &p.moved {
                        li.kr {
                            div { (named(&m.line)) ": " (value(&m.line, m.from)) " → " (value(&m.line, m.to)) }
                            (page::bar(Some(m.line.progress), None, "on-track", &s.percent(m.line.progress)))
                            @if let Some(f) = ahead(&m.line) { p.note { (f) } }
                        }
                    }
                }
            }
            @if !p.behind.is_empty() {
                h4 { (w.behind) }
                ul.krs {
                    @for l in &p.behind {
                        li.kr {
                            div { (named(l)) ": " span.pct { (s.percent(l.progress)) } }
                            (page::bar(Some(l.progress), None, "behind", &s.percent(l.progress)))
                            @if let Some(f) = ahead(l) { p.note { (f) } }
                        }
                    }
                }
            }
            @if !p.stale.is_empty() {
                h4 { (w.stale) }
                ul.krs { @for l in &p.stale { li.kr { div { (named(l)) } } } }
            }
            @for (name, items) in [(w.blockers, &p.blockers), (w.next_steps, &p.next_steps)] {
                @if !items.is_empty() {
                    h4 { (name) }
                    ul { @for i in items { li { (line(i)) } } }
                }
            }
        }
    }
}
