//! The Mål detail: title, why, kind, parent and owner; then its key results
//! (bar, value, confidence, stale mark, sparkline, the forecast after the
//! title where it fits) and its Uppgifter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{draw_more, key_result_rows, objective_lines, pane_block, scroll_offset};
use super::widgets::{fit, key_result_title, sparkline};
use crate::app::{App, Pane};
use crate::keys::{Action, Context};
use crate::model::forecast;
use crate::model::{Initiative, Objective};
use crate::text::{self, shown};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some(o) = app.objective() else {
        return;
    };
    let info = header_lines(app, o, area.width, theme);
    // The rows the header needs once wrapped, so its last line (the bar) is never cut.
    let width = usize::from(area.width.max(1));
    let rows: usize = info.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
    let info_h = u16::try_from(rows).unwrap_or(4).min(area.height / 3).max(1);
    let notes = check_in_notes(app, o);
    let notes_h = if notes.is_empty() {
        0
    } else {
        u16::try_from(notes.len().min(4) + 2).unwrap_or(6)
    };
    let [head, krs, inits, notes_area] = Layout::vertical([
        Constraint::Length(info_h),
        Constraint::Percentage(55),
        Constraint::Min(3),
        Constraint::Length(notes_h),
    ])
    .areas(area);
    if !notes.is_empty() {
        draw_notes(app, &notes, frame, notes_area, theme);
    }
    frame.render_widget(Paragraph::new(info).wrap(Wrap { trim: true }), head);
    draw_key_results(app, o, frame, krs, theme);
    draw_initiatives(app, o, frame, inits, theme);
}

/// The header: title, why, kind, owner, status, what the Mål serves and is
/// served by, and its bar on `width` cells.
fn header_lines(app: &App, o: &Objective, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let s = app.strings();
    let mut info = vec![Line::from(vec![
        Span::styled(format!("{} · ", s.detail_title), theme.dim()),
        Span::styled(shown(&o.title), theme.title()),
        Span::styled(
            format!(
                "  ({} · {})",
                shown(app.short_id(&o.id)),
                o.term_label(app.fy())
            ),
            theme.dim(),
        ),
    ])];
    if !o.why.is_empty() {
        info.push(Line::raw(format!("{}: {}", s.why, shown(&o.why))));
    }
    let mut meta = format!("{}: {}", s.kind, s.kind(o.kind));
    if let Some(owner) = &o.owner {
        meta.push_str(&format!(" · {}: {owner}", s.owner));
    }
    meta.push_str(&format!(" · {}: {}", s.status, s.status(o.status)));
    if let Some(words) = app.carried_words(o, false) {
        meta.push_str(&format!(" · {words}"));
    }
    info.push(Line::raw(shown(&meta)));
    info.extend(alignment_lines(app, o));
    let numbers = app.numbers(o.quarter);
    let bar_line = objective_lines(app, &numbers, &[o], usize::from(width), theme);
    info.extend(bar_line.into_iter().map(Line::from));
    info
}

/// Notes of past check-ins on this Mål's key results, newest first.
fn check_in_notes(app: &App, o: &Objective) -> Vec<String> {
    app.data()
        .checkins
        .iter()
        .rev()
        .flat_map(|c| {
            c.entries
                .iter()
                .filter(|e| !e.note.is_empty() && o.key_result(&e.key_result).is_some())
                .map(move |e| format!("{} {}: {}", c.week, e.key_result, e.note))
        })
        .collect()
}

/// The pane of past check-in notes, as many as it holds.
fn draw_notes(app: &App, notes: &[String], frame: &mut Frame, area: Rect, theme: Theme) {
    let block = pane_block(app.strings().past_checkins.to_string(), false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = notes
        .iter()
        .take(usize::from(inner.height))
        .map(|n| Line::raw(fit(n, width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The key result pane: each key result with a sparkline of its history.
fn draw_key_results(app: &App, o: &Objective, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let focused = app.pane() == Pane::KeyResults;
    let block = pane_block(
        format!("{} ({})", s.key_results, o.key_results.len()),
        focused,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if o.key_results.is_empty() {
        frame.render_widget(
            Paragraph::new((s.no_key_results_detail)(
                &app.key(Action::Add, Context::DetailKeyResults),
            ))
            .style(theme.dim()),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height / 2);
    let offset = scroll_offset(app.sel_key_result(), visible);
    let width = usize::from(inner.width);
    let spark_w = 12.min(width / 5);
    let mut lines = Vec::new();
    for (i, k) in o
        .key_results
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
    {
        let selected = focused && i == app.sel_key_result();
        let [mut first, mut second] = key_result_rows(app, k, selected, width, theme);
        // Where its recent history leads, after the title where there is room.
        if let Some(f) = forecast::of(k, o.dates(app.fy()), app.today()) {
            let words = s.forecast(&k.measure, &f);
            first = key_result_title(app, k, selected, width, Some(&words), theme);
        }
        if spark_w > 0 && k.history.len() > 1 {
            // The newest values the room after the words holds, if a few.
            let room = width.saturating_sub(second.width() + 2).min(spark_w);
            if room >= 3 {
                let values: Vec<f64> = k.history.iter().map(|h| h.value).collect();
                second.spans.push(Span::styled(
                    format!("  {}", sparkline(&values, room)),
                    theme.bar_filled(),
                ));
            }
        }
        lines.push(first);
        lines.push(second);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, o.key_results.len(), theme);
}

/// The Uppgifter pane: each with its mark, link, owner and due day.
fn draw_initiatives(app: &App, o: &Objective, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let (done, all) = o.initiatives_done();
    let focused = app.pane() == Pane::Initiatives;
    let block = pane_block(format!("{} ({done}/{all})", s.initiatives), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if o.initiatives.is_empty() {
        let add = app.key(Action::Add, Context::DetailInitiatives);
        frame.render_widget(
            Paragraph::new((s.no_initiatives)(&add)).style(theme.dim()),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height);
    let offset = scroll_offset(app.sel_initiative(), visible);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = o
        .initiatives
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
        .map(|(i, it)| initiative_line(app, it, focused && i == app.sel_initiative(), width, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, o.initiatives.len(), theme);
}

/// One Uppgift on `width` cells: `[x]` or `[ ]`, its title, the key result
/// it is linked to, its owner and, while open, the day it is due.
fn initiative_line(
    app: &App,
    it: &Initiative,
    selected: bool,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let s = app.strings();
    let mark = if it.done.is_some() { "[x]" } else { "[ ]" };
    let mut link = it
        .key_result
        .as_ref()
        .map(|k| format!(" {} {}", s.linked_to, shown(k)))
        .unwrap_or_default();
    if let Some(owner) = &it.owner {
        link.push_str(&format!(" · {}", shown(owner)));
    }
    // Overdue in words and colour; else the day it is due.
    let due = match it.due {
        Some(d) if it.is_overdue(app.today()) => Some((
            format!(" · {}", (s.daily.overdue)(&d.to_string())),
            theme.warning(),
        )),
        Some(d) if it.done.is_none() => {
            Some((format!(" · {}", (s.daily.due)(&d.to_string())), theme.dim()))
        }
        _ => None,
    };
    let due_w = due.as_ref().map_or(0, |(t, _)| text::width(t));
    let text = format!("{}{mark} {}", if selected { "▸ " } else { "  " }, it.title);
    let mut l = Line::from(vec![
        Span::raw(fit(&text, width.saturating_sub(text::width(&link) + due_w))),
        Span::styled(link, theme.dim()),
    ]);
    if let Some((due, style)) = due {
        l.spans.push(Span::styled(due, style));
    }
    if selected {
        l = l.style(theme.selected());
    }
    l
}

/// What a Mål serves (its parent, the parent's parent, …) and what serves
/// it (the Mål aligned under it), each with its progress and, when in
/// another quarter, that quarter.
fn alignment_lines(app: &App, o: &Objective) -> Vec<Line<'static>> {
    let t = &app.strings().team;
    let item = |i: usize| {
        app.data().objective_at(i).map(|x| {
            let when = if x.quarter == o.quarter {
                String::new()
            } else {
                format!(", {}", x.term_label(app.fy()))
            };
            format!(
                "{} {} ({}{when})",
                x.id,
                x.title,
                app.strings().percent_of(app.figures(x).progress)
            )
        })
    };
    let mut lines = Vec::new();
    let up: Vec<String> = crate::model::align::serves(app.data(), o)
        .into_iter()
        .filter_map(item)
        .collect();
    let up = match (&o.parent, up.is_empty()) {
        // A parent deleted since: its id, as the file has it.
        (Some(id), true) => vec![id.clone()],
        _ => up,
    };
    if !up.is_empty() {
        lines.push(Line::raw(shown(&format!(
            "{}: {}",
            t.serves,
            up.join(" → ")
        ))));
    }
    let down: Vec<String> = app
        .children_of(&o.id)
        .iter()
        .filter_map(|i| item(*i))
        .collect();
    if !down.is_empty() {
        lines.push(Line::raw(shown(&format!(
            "{}: {}",
            t.served_by,
            down.join(" · ")
        ))));
    }
    lines
}
