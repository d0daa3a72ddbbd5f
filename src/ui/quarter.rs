//! The quarter view (home): header with the quarter, ISO week and how much of
//! it has passed; the Mål with bars and pace; the selected Mål's key results.
//! Pointed at a whole year it is the year view: the year's Mål with the
//! quarterly Mål serving them, each marked with its quarter, and the
//! year's check-ins under the header.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{
    draw_more, filter_span, fit, fit_spans, key_result_rows, objective_lines, pane_block,
    scroll_offset,
};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Pane};
use crate::keys::{Action, Context};
use crate::model::owners::OwnerFilter;
use crate::model::progress;
use crate::model::{IsoWeek, Objective};
use crate::text::{self, shown};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let today = app.is_today(app.quarter());
    let due = app.checkin_due() && today;
    let planning = app.planning() || app.quarter() > app.this_quarter();
    let c = app.key(Action::CheckIn, Context::Quarter);
    // A check-in half done keeps its banner until every key result is answered.
    let banner_text = match (due, app.checkin_partial()) {
        (true, _) => Some((app.strings().checkin_banner)(
            app.checkin_waiting(),
            &c,
            app.data().settings.cadence,
        )),
        (false, Some((n, all))) if today => Some((app.strings().weekly.banner_partial)(n, all, &c)),
        _ => None,
    }
    .map(|t| format!("✎ {t}"));
    // The banner wraps rather than lose its "press c" at the end.
    let banner_rows = banner_text.as_ref().map_or(0, |t| {
        u16::try_from(t.width().div_ceil(usize::from(area.width.max(1))))
            .unwrap_or(2)
            .min(2)
    });
    let checkins = year_checkins_line(app, area);
    let [header, banner, checklist, body] = Layout::vertical([
        Constraint::Length(2 + u16::from(checkins.is_some())),
        Constraint::Length(banner_rows),
        Constraint::Length(if planning { 2 } else { 0 }),
        Constraint::Min(1),
    ])
    .areas(area);
    draw_header(app, checkins, frame, header, theme);
    if let Some(text) = banner_text {
        let style = theme.warning().add_modifier(ratatui::style::Modifier::BOLD);
        frame.render_widget(
            Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
            banner,
        );
    }
    if planning {
        super::checklist::draw(app, frame, checklist, theme);
    }
    let indexes = app.quarter_objectives();
    if indexes.is_empty() {
        draw_no_objectives(app, frame, body, theme);
        return;
    }
    let [left, right] = if body.width >= 160 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        // One above the other: each pane as high as what it holds allows.
        let top = share_height(
            body.height,
            pane_rows(indexes.len()),
            key_result_rows_needed(app, body.width),
            app.pane() == Pane::KeyResults,
        );
        Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(body)
    };
    draw_objectives(app, indexes, frame, left, theme);
    draw_key_results(app, frame, right, theme);
}

/// The Mål pane when it has no Mål to show: what the filter hides, or how
/// to begin a quarter without any.
fn draw_no_objectives(app: &App, frame: &mut Frame, body: Rect, theme: Theme) {
    let s = app.strings();
    let add = app.key(Action::Add, Context::Quarter);
    if !app.quarter_has_objectives() && app.quarter().is_year() {
        let text = (s.years.empty)(&app.label(app.quarter()), &add);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", s.objectives));
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.title()))
                .block(block)
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    if app.quarter_has_objectives() {
        // Mål there are, none of them the filter's.
        let f = app.key(Action::Filter, Context::Quarter);
        let text = match app.filter() {
            OwnerFilter::Mine => (app.strings().team.nothing_of)(app.me().unwrap_or(""), true, &f),
            _ => (app.strings().team.nothing_of)(&app.filter_label(), false, &f),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", app.strings().objectives));
        frame.render_widget(
            Paragraph::new(shown(&text))
                .block(block)
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    let e = &s.empty_quarter;
    let lines = vec![
        Line::styled(e.headline, theme.title()),
        Line::raw(e.objective),
        Line::raw(e.key_results),
        Line::raw(e.initiatives),
        Line::styled((e.first_step)(&add), theme.title()),
    ];
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", app.strings().objectives));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        body,
    );
}

/// The rows of a pane that shows `items` of two lines each, borders included.
fn pane_rows(items: usize) -> u16 {
    u16::try_from(items.saturating_mul(2))
        .unwrap_or(u16::MAX)
        .saturating_add(2)
}

/// The rows the key result pane needs at `width`: its key results, or the
/// words that say there are none, wrapped.
fn key_result_rows_needed(app: &App, width: u16) -> u16 {
    match app.objective() {
        Some(o) if !o.key_results.is_empty() => pane_rows(o.key_results.len()),
        _ => {
            let inner = usize::from(width.saturating_sub(2).max(1));
            let rows = no_key_results_text(app).width().div_ceil(inner).max(1);
            u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
        }
    }
}

/// The rows of `height` the Mål pane takes above the key result pane, by
/// what each holds (`objectives`, `key_results` rows): each all it holds
/// when both fit (the key results the rest); else the one that holds less
/// keeps all it holds up to half, the other the rest; when both hold more
/// than half, in proportion. The Mål that scroll have whole items; the
/// focused pane (the key results' when `focus_below`) holds one at least,
/// the other one too when there is room.
pub fn share_height(height: u16, objectives: u16, key_results: u16, focus_below: bool) -> u16 {
    let half = height / 2;
    if objectives.saturating_add(key_results) <= height || objectives <= height - half {
        return objectives.min(height);
    }
    let top = if key_results <= half {
        height - key_results
    } else {
        let (h, o, k) = (
            u32::from(height),
            u32::from(objectives),
            u32::from(key_results),
        );
        u16::try_from(h * o / (o + k)).unwrap_or(half)
    };
    // An even number of rows inside the borders: no half item.
    let top = top - top % 2;
    let (least, most) = if focus_below {
        let most = height.saturating_sub(ONE_ITEM);
        (ONE_ITEM.min(most), most)
    } else {
        let least = ONE_ITEM.min(height);
        (least, height.saturating_sub(ONE_ITEM).max(least))
    };
    top.clamp(least, most)
}

/// A pane with one item of two lines in it, borders included.
const ONE_ITEM: u16 = 4;

/// The year view's line of check-ins, when the year has had a period to
/// check in for: the first thing a small window leaves out.
fn year_checkins_line(app: &App, area: Rect) -> Option<String> {
    let q = app.quarter();
    if !q.is_year() || area.height < CHECKINS_FROM_HEIGHT {
        return None;
    }
    let (done, of) = app.year_checkins(q);
    (of > 0).then(|| (app.strings().years.checkins)(done, of))
}

/// The height from which the year view has room for its line of check-ins.
const CHECKINS_FROM_HEIGHT: u16 = 16;

/// The header: the quarter or year, the week (or today's quarter), how much
/// of it has passed; under them the year view's `checkins` when given.
fn draw_header(app: &App, checkins: Option<String>, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let q = app.quarter();
    let week = IsoWeek::of(app.today());
    // The week is today's: shown with today's quarter, else today's quarter is named.
    let when = if q.contains(app.fy(), app.today()) {
        format!(" · {} {} ({week})", s.week, week.week)
    } else {
        format!("  ({}: {})", s.today, app.label(app.this_quarter()))
    };
    let mut title = Line::from(vec![
        Span::styled(
            format!("okr · {} {}", s.period_word(q), app.label(q)),
            theme.title(),
        ),
        Span::raw(when),
    ]);
    if let Some(whose) = filter_span(app, theme) {
        title.push_span(whose);
    }
    let [t, g, c] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(title), t);
    let elapsed = progress::unit_clamp(q.dates(app.fy()).elapsed(app.today()));
    let passed = if q.is_year() {
        s.years.of_year_passed
    } else {
        s.of_quarter_passed
    };
    let gauge = LineGauge::default()
        .ratio(elapsed)
        .label(format!("{} {passed}", s.percent(elapsed)))
        .filled_style(theme.bar_filled())
        .unfilled_style(theme.dim());
    frame.render_widget(gauge, g);
    if let Some(line) = checkins {
        let line = fit(&line, usize::from(c.width));
        frame.render_widget(Paragraph::new(Line::styled(line, theme.dim())), c);
    }
}

/// A Mål's next Uppgift due (the open one due first), in words, marked
/// overdue when its day has passed.
fn next_due_span(app: &App, o: &Objective, width: usize, theme: Theme) -> Option<Span<'static>> {
    let next = o
        .initiatives
        .iter()
        .filter(|i| i.done.is_none())
        .filter_map(|i| i.due.map(|d| (d, i)))
        .min_by_key(|(d, _)| *d)?;
    let (date, i) = next;
    let d = &app.strings().daily;
    let (words, style) = if i.is_overdue(app.today()) {
        (d.next_overdue, theme.warning())
    } else {
        (d.next_due, theme.dim())
    };
    let text = format!(" · {}", words(&date.to_string(), &shown(&i.title)));
    (width > 12).then(|| Span::styled(fit(&text, width), style))
}

/// Where a Mål stands in time, after its kind: in the year view a
/// quarterly Mål's quarter (`· 2027 Q2`, `· 2027 Q1–Q2`); in a quarter's
/// view a Mål spanning quarters (`· över 2027 Q1–Q2`).
fn term_mark(app: &App, o: &Objective) -> Option<String> {
    let term = o.term_label(app.fy()).to_string();
    if app.quarter().is_year() {
        (!o.is_yearly()).then(|| format!(" · {term}"))
    } else {
        o.spans()
            .then(|| format!(" · {}", (app.strings().years.spans)(&term)))
    }
}

/// A Mål's title line above its bar line, both indented by its depth in the
/// tree, the title marked when Mål are aligned under it (`▾` shown, `▹`
/// hidden, with how many).
fn objective_rows(
    app: &App,
    (index, o): (usize, &Objective),
    selected: bool,
    width: usize,
    bar_line: Vec<Span<'static>>,
    theme: Theme,
) -> [Line<'static>; 2] {
    let s = app.strings();
    let row = app.tree_row(index);
    // Deep trees stop indenting at a third of the width.
    let depth = row.map_or(0, |r| r.depth).min(width / 6);
    let indent = "  ".repeat(depth);
    let fold = match row {
        Some(r) if r.children > 0 && app.is_folded(&o.id) => {
            format!("▹ (+{}) ", r.hidden)
        }
        Some(r) if r.children > 0 => "▾ ".to_string(),
        _ => String::new(),
    };
    let marker = format!("{}{indent}{fold}", if selected { "▸ " } else { "  " });
    let (done, all) = o.initiatives_done();
    let count = if all > 0 {
        format!(" · {} {done}/{all}", s.initiatives.to_lowercase())
    } else {
        String::new()
    };
    let life = if o.status == crate::model::Status::Active {
        String::new()
    } else {
        format!(" · {}", s.status(o.status))
    };
    let kind = format!(" [{}]", s.kind(o.kind));
    let tail = format!("{count}{life}");
    // The title comes before the quarter mark and the owner: the mark
    // shows whole or not at all, a long owner is cut with …, so the title
    // keeps at least half the room (or all it needs).
    let base = marker.width() + kind.width() + tail.width();
    let free = width.saturating_sub(base);
    // Measured as shown: a control character in a title from the file is a placeholder.
    let keep = text::width(&shown(&o.title)).min(free / 2);
    let term = term_mark(app, o)
        .filter(|t| t.width() <= free.saturating_sub(keep))
        .unwrap_or_default();
    let owner = o.owner.as_deref().map_or(String::new(), |w| {
        let room = free.saturating_sub(keep + term.width());
        if room > " · ".width() {
            format!(" · {}", fit(w, room - " · ".width()))
        } else {
            String::new()
        }
    });
    let kind = format!("{kind}{term}{owner}{tail}");
    let title_w = width.saturating_sub(marker.width() + kind.width());
    let title = fit(&o.title, title_w);
    // A carried Mål's origin, then the next Uppgift due, take the room the title leaves.
    let mut room = title_w.saturating_sub(text::width(&title));
    let mut first = Line::from(vec![
        Span::raw(marker),
        Span::styled(title, theme.title()),
        Span::styled(kind, theme.dim()),
    ]);
    if let Some(words) = app.carried_in(o, room) {
        let words = fit(&words, room);
        room = room.saturating_sub(text::width(&words));
        first.spans.push(Span::styled(words, theme.dim()));
    }
    if let Some(next) = next_due_span(app, o, room, theme) {
        first.spans.push(next);
    }
    if selected {
        first = first.style(theme.selected());
    }
    let mut second = vec![Span::raw(format!("  {indent}"))];
    second.extend(bar_line);
    [first, Line::from(fit_spans(second, width))]
}

fn draw_objectives(app: &App, indexes: &[usize], frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let numbers = app.numbers(app.quarter());
    let title = format!(
        "{} ({}) · {}",
        s.objectives,
        app.kept_in(app.quarter()).count(),
        app.progress_words(&numbers, app.quarter())
    );
    let block = pane_block(title, app.pane() == Pane::Objectives, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible = usize::from(inner.height / 2);
    let offset = scroll_offset(app.sel_objective(), visible);
    let width = usize::from(inner.width);
    let shown: Vec<(usize, usize, &Objective)> = indexes
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
        .filter_map(|(pos, i)| app.data().objective_at(*i).map(|o| (pos, *i, o)))
        .collect();
    let objectives: Vec<&Objective> = shown.iter().map(|(_, _, o)| *o).collect();
    // The bars stay one width, room kept for the deepest indent.
    let deepest = shown
        .iter()
        .filter_map(|(_, i, _)| app.tree_row(*i))
        .map(|r| r.depth)
        .max()
        .unwrap_or(0)
        .min(width / 6);
    let bars = objective_lines(
        app,
        &numbers,
        &objectives,
        width.saturating_sub(2 + 2 * deepest),
        theme,
    );
    let mut lines = Vec::new();
    for ((pos, i, o), bar_line) in shown.into_iter().zip(bars) {
        lines.extend(objective_rows(
            app,
            (i, o),
            pos == app.sel_objective(),
            width,
            bar_line,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, indexes.len(), theme);
}

/// What the key result pane says of a Mål without key results.
fn no_key_results_text(app: &App) -> String {
    let s = app.strings();
    if app.pane() == Pane::KeyResults {
        (s.no_key_results_detail)(&app.key(Action::Add, Context::QuarterKeyResults))
    } else {
        (s.no_key_results)(
            &app.key(Action::NextPane, Context::Quarter),
            &app.key(Action::Add, Context::QuarterKeyResults),
        )
    }
}

fn draw_key_results(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let Some(o) = app.objective() else {
        return;
    };
    let title = format!("{} · {}", s.key_results, o.title);
    let block = pane_block(
        fit(&title, usize::from(area.width.saturating_sub(6))),
        app.pane() == Pane::KeyResults,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if o.key_results.is_empty() {
        frame.render_widget(
            Paragraph::new(no_key_results_text(app))
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height / 2);
    let focused = app.pane() == Pane::KeyResults;
    let offset = if focused {
        scroll_offset(app.sel_key_result(), visible)
    } else {
        0
    };
    let width = usize::from(inner.width);
    let lines: Vec<Line> = o
        .key_results
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
        .flat_map(|(i, k)| {
            key_result_rows(app, k, focused && i == app.sel_key_result(), width, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, o.key_results.len(), theme);
}
