//! The quarter report of `okr export --format html`: per quarter its
//! progress against pace, then its Mål as a tree (each under the Mål it
//! serves), each with its numbers, owner, key results (value, bar, a chart
//! of the quarter), Uppgifter and, once judged, its score and retro.
//! Every number is the model's ([`Numbers`], [`progress`]), as in the
//! Markdown report.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use maud::{Markup, html};

use super::super::{Report, describe_measure};
use super::page::{self, Chart, line, lines, tag, tone};
use crate::i18n::Strings;
use crate::model::numbers::Figures;
use crate::model::progress;
use crate::model::{
    Dates, FiscalYear, Initiative, KeyResult, Measure, Objective, Quarter, Status, align,
};

/// Every quarter asked for, in order.
pub(super) fn quarters(
    report: &Report,
    quarters: &[Quarter],
    s: &Strings,
    today: NaiveDate,
) -> Markup {
    // Every Mål of the file by id, once: where a Mål's parent is found.
    let by_id: ById = report
        .whole
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), &**o))
        .collect();
    html! {
        @if quarters.is_empty() {
            p { (s.no_objectives) }
        }
        @for q in quarters {
            (quarter(report, &by_id, *q, s, today))
        }
    }
}

/// Every Mål of the file by its id.
type ById<'a> = HashMap<&'a str, &'a Objective>;

/// One quarter: its progress (of whose Mål, when narrowed) against its
/// pace, and its Mål as a tree.
fn quarter(report: &Report, by_id: &ById, q: Quarter, s: &Strings, today: NaiveDate) -> Markup {
    let data = report.data;
    let members: Vec<usize> = data.in_quarter(q).map(|(i, _)| i).collect();
    let rows = align::tree(data, &members, &HashSet::new());
    let mean = report
        .numbers
        .mean(members.iter().filter_map(|i| data.objective_at(*i)));
    let pace = q.dates(report.fy).elapsed(today);
    let label = (s.html.bar)(&s.percent_of(mean), &s.percent(pace));
    html! {
        section.quarter id={ "q-" (q.key()) } {
            h2 { (s.period_word(q)) " " (q.label(report.fy)) }
            @if rows.is_empty() {
                p { (s.no_objectives_in(q)) }
            } @else {
                div.summary {
                    (page::bar(mean, Some(pace), "quiet", &label))
                    p {
                        (s.progress)
                        @if let Some(w) = report.whose { " (" span.owner { (line(w)) } ")" }
                        ": " span.pct { (s.percent_of(mean)) }
                        " · " (s.pace) ": " (s.percent(pace))
                    }
                }
                ol.tree {
                    @for row in &rows {
                        @if let Some(o) = data.objective_at(row.index) {
                            li style={ "--depth:" (row.depth) } {
                                (objective(report, by_id, o, s, today))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A Mål: its title, facts, bar and numbers, why, key results, Uppgifter
/// and review.
fn objective(
    report: &Report,
    by_id: &ById,
    o: &Objective,
    s: &Strings,
    today: NaiveDate,
) -> Markup {
    let f = report.numbers.get(o);
    let dates = o.dates(report.fy);
    let class = tone(f.status);
    let label = (s.html.bar)(&s.percent_of(f.progress), &s.percent(f.pace));
    html! {
        article class={ "objective " (class) } id={ "o-" (o.id) } {
            h3 { span.id { (line(&o.id)) } " " span.title { (line(&o.title)) } }
            (facts(by_id, o, s, report.fy))
            (page::bar(f.progress, f.progress.map(|_| f.pace), class, &label))
            (figures(o, &f, s, (dates, today)))
            @if !o.why.is_empty() {
                p.why { span.label { (s.why) ": " } (lines(&o.why)) }
            }
            (key_results(o, s, (dates, today)))
            (initiatives(o, s, today))
            (review(o, &f, s, (dates, today)))
        }
    }
}

/// Kind, owner, what it serves (named, wherever that Mål is) and its status
/// when not active.
fn facts(by_id: &ById, o: &Objective, s: &Strings, fy: FiscalYear) -> Markup {
    let serves = o.parent.as_deref().and_then(|p| by_id.get(p));
    html! {
        p.facts {
            span.kind { (s.kind(o.kind)) }
            @if o.spans() { " · " span.term { ((s.years.spans)(&o.term_label(fy).to_string())) } }
            @if let Some(w) = &o.owner {
                " · " (s.owner) ": " span.owner { (line(w)) }
            }
            @if let Some(p) = serves {
                " · " (s.team.serves) ": " span.parent { (line(&p.title)) }
                @if p.quarter != o.quarter { " (" (p.term_label(fy)) ")" }
            }
            @if o.status != Status::Active {
                " · " (s.status) ": " (s.status(o.status))
            }
        }
    }
}

/// Progress and status in words, where it comes from, how many key
/// results are behind, the lowest confidence and how many are stale.
fn figures(o: &Objective, f: &Figures, s: &Strings, (dates, today): (Dates, NaiveDate)) -> Markup {
    let word = f.status.map_or(s.no_progress_yet, |st| s.pace_status(st));
    let stale = if dates.contains(today) {
        o.key_results
            .iter()
            .filter(|k| progress::is_stale(k, today))
            .count()
    } else {
        0
    };
    html! {
        p.figures {
            span.pct { (s.percent_of(f.progress)) } " " (tag(tone(f.status), word))
            @if f.from_children > 0 { " · " ((s.team.from_children)(f.from_children)) }
            @if let Some((n, all)) = f.behind {
                " · " span.behind { ((s.key_results_behind)(n, all)) }
            }
            @if let Some(c) = progress::objective_confidence(o) {
                " · " (confidence(c, s))
            }
            @if stale > 0 { " · " (tag("stale", &(s.daily.stale_count)(stale))) }
        }
    }
}

fn confidence(c: u8, s: &Strings) -> Markup {
    let band = page::confidence_tone(progress::confidence_band(c));
    html! { span class={ "confidence " (band) } { (s.confidence.to_lowercase()) " " (c) "/10" } }
}

fn key_results(o: &Objective, s: &Strings, (dates, today): (Dates, NaiveDate)) -> Markup {
    html! {
        @if !o.key_results.is_empty() {
            h4 { (s.key_results) }
            ul.krs {
                @for k in &o.key_results {
                    li.kr { (key_result(k, dates, s, today)) }
                }
            }
        }
    }
}

/// A key result: id and title, its bar with its pace mark, its value as
/// the Markdown report words it, its status, confidence and staleness, and
/// the chart of its quarter with the latest note.
fn key_result(k: &KeyResult, q: Dates, s: &Strings, today: NaiveDate) -> Markup {
    let st = progress::key_result_status(k, q, today);
    let p = progress::key_result_progress(k);
    let pace = progress::key_result_pace(k, q, today);
    let class = tone(Some(st));
    let label = (s.html.bar)(&s.percent(p), &s.percent(pace));
    let stale = q.contains(today) && progress::is_stale(k, today);
    let latest = k
        .history
        .iter()
        .rev()
        .find(|h| q.contains(h.date) && !h.note.is_empty());
    html! {
        p.kr-title { span.id { (line(&k.id)) } " " span.title { (line(&k.title)) } }
        (page::bar(Some(p), Some(pace), class, &label))
        p.figures {
            span.value { (line(&describe_measure(&k.measure, p, s))) }
            " " (tag(class, s.pace_status(st)))
            " · " (confidence(k.confidence, s))
            @if stale { " · " (tag("stale", s.stale)) }
        }
        @if let Some(h) = latest {
            p.note {
                (s.html.latest) " " ((s.daily.entry)(&h.date.to_string(), &value(k, h.value, s)))
                (s.dash()) (lines(&h.note))
            }
        }
        @if let Some(c) = history_chart(k, q, s, today) { (page::chart(&c)) }
    }
}

/// A value of `k` as a person reads it, with its unit, neutralised.
fn value(k: &KeyResult, v: f64, s: &Strings) -> String {
    let shown = s.with_unit(&s.measure_value(&k.measure, v), k.measure.unit());
    line(&shown).into_owned()
}

/// The chart of a key result's quarter (x: days from its first day): the
/// value from the quarter's start (when an earlier entry says what it was)
/// through each entry of the quarter to today or the quarter's end, the
/// even pace from its start to its target (or the level to keep) and
/// today's mark. None without an entry in the quarter.
fn history_chart(k: &KeyResult, q: Dates, s: &Strings, today: NaiveDate) -> Option<Chart> {
    let first = q.first;
    let x = |d: NaiveDate| (d - first).num_days() as f64;
    let last = x(q.last);
    let entries: Vec<_> = k.history.iter().filter(|h| q.contains(h.date)).collect();
    let (head, tail) = (entries.first()?, entries.last()?);
    let mut values: Vec<(f64, f64)> = Vec::new();
    if let Some(before) = k.history.iter().rev().find(|h| h.date < first) {
        values.push((0.0, before.value));
    }
    values.extend(entries.iter().map(|h| (x(h.date), h.value)));
    let until = if q.contains(today) {
        Some(x(today))
    } else {
        q.ended(today).then_some(last)
    };
    if let (Some(until), Some(&(at, v))) = (until, values.last())
        && until > at
    {
        values.push((until, v));
    }
    let guide = match &k.measure {
        Measure::Numeric(n) => {
            let from = x(progress::key_result_start(k, q));
            vec![(from, n.start), (last, n.target)]
        }
        Measure::AtLeast(l) | Measure::AtMost(l) => vec![(0.0, l.level), (last, l.level)],
        Measure::Done(_) => Vec::new(),
    };
    let y = if k.measure.is_binary() {
        [0.0, 1.0]
    } else {
        let ys = values.iter().chain(&guide).map(|(_, y)| *y);
        ys.filter(|y| y.is_finite())
            .fold([f64::INFINITY, f64::NEG_INFINITY], |[lo, hi], y| {
                [lo.min(y), hi.max(y)]
            })
    };
    let dots = entries
        .iter()
        .map(|h| {
            let mut tip = (s.daily.entry)(&h.date.to_string(), &value(k, h.value, s));
            if !h.note.is_empty() {
                tip.push_str(s.dash());
                tip.push_str(&line(&h.note));
            }
            (x(h.date), h.value, tip)
        })
        .collect();
    Some(Chart {
        x: [0.0, last],
        y,
        values,
        dots,
        guide,
        mark: q.contains(today).then(|| x(today)),
        label: (s.html.chart)(
            entries.len(),
            &value(k, head.value, s),
            &value(k, tail.value, s),
        ),
    })
}

/// A Mål's Uppgifter, done and how many: each with its mark, title, when
/// it was done or is due, its owner and the key result it moves.
fn initiatives(o: &Objective, s: &Strings, today: NaiveDate) -> Markup {
    let (done, all) = o.initiatives_done();
    html! {
        @if all > 0 {
            h4 { (s.initiatives) " (" (done) "/" (all) ")" }
            ul.initiatives {
                @for i in &o.initiatives { (initiative(i, s, today)) }
            }
        }
    }
}

fn initiative(i: &Initiative, s: &Strings, today: NaiveDate) -> Markup {
    let when = match (i.done, i.due) {
        (Some(d), _) => (s.commands.done_on)(&d.to_string()),
        (None, Some(due)) if i.is_overdue(today) => (s.daily.overdue)(&due.to_string()),
        (None, Some(due)) => (s.daily.due)(&due.to_string()),
        (None, None) => s.commands.open.to_string(),
    };
    html! {
        li class=(if i.done.is_some() { "done" } else { "open" }) {
            span.check aria-hidden="true" { (if i.done.is_some() { "☑" } else { "☐" }) }
            " " span.title { (line(&i.title)) }
            " · " @if i.is_overdue(today) { (tag("behind", &when)) } @else { span.when { (when) } }
            @if let Some(w) = &i.owner { " · " span.owner { (line(w)) } }
            @if let Some(k) = &i.key_result { " → " span.id { (line(k)) } }
        }
    }
}

/// The review: once the quarter has ended or a score is set, the score
/// (the suggested one while none is set) with its band and whether the Mål
/// succeeded, and the retro when written.
fn review(o: &Objective, f: &Figures, s: &Strings, (dates, today): (Dates, NaiveDate)) -> Markup {
    let ended = dates.ended(today);
    let retro = [
        (s.went_well, &o.retro.went_well),
        (s.to_change, &o.retro.to_change),
    ];
    let written = retro.iter().any(|(_, t)| !t.is_empty());
    let score = o.score.or(ended.then(|| f.suggested_score()));
    if score.is_none() && !written {
        return html! {};
    }
    // A set score always judges the Mål (numbers::succeeded).
    let verdict = f.succeeded;
    let flag = o.score.filter(|v| progress::committed_flag(o.kind, *v));
    html! {
        div.review {
            h4 { (s.review_form) }
            @if let Some(v) = score {
                @let band = progress::score_band(v);
                p.score {
                    (s.score) ": "
                    @if o.score.is_none() { (s.suggested) " " }
                    span class={ "band " (page::score_tone(band)) } {
                        span.pct { (s.num(v)) } " (" (s.score_band(band)) ")"
                    }
                    @if let Some(ok) = verdict {
                        (s.dash())
                        @if ok { (tag("done", s.succeeded)) } @else { (tag("missed", s.missed)) }
                    }
                    @if flag.is_some() { " (" (s.committed_below) ")" }
                }
            }
            @for (label, text) in retro {
                @if !text.is_empty() {
                    p.retro { span.label { (label) ": " } (lines(text)) }
                }
            }
        }
    }
}
