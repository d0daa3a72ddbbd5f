//! The check-in screen: one key result at a time with its bar, where it
//! stood before this check-in and its history; then reflection, the team pulse and the summary.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::modal::draw_fields;
use super::theme::Theme;
use super::widgets::{fit, fit_spans, progress_bar, sparkline, status_spans};
use crate::app::App;
use crate::app::checkin::{CheckInState, Step};
use crate::app::summary::Summary;
use crate::i18n::Strings;
use crate::keys::{Action, Context};
use crate::model::progress;
use crate::model::{KeyResult, Objective};
use crate::text::{self, shown};

pub fn draw(app: &App, st: &CheckInState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    // On a file with owners, whose check-in it is (someone else's, with `f`).
    let week = st.week.to_string();
    let mut title = match app.checkin_whose() {
        Some(who) => (s.weekly.checkin_for)(&week, &shown(&who)),
        None => (s.checkin_title)(&week),
    };
    if st.date != app.today() {
        title = format!("{title} · {}", (s.weekly.dated)(&st.date.to_string()));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match st.step {
        Step::Walk => draw_walk(app, st, frame, inner, theme),
        Step::Reflect => {
            let inner = draw_plans(app, st, frame, inner, theme);
            // The hint wraps, beside last week's plans too: no word is lost.
            let room = usize::from(inner.width).max(1);
            let hint_rows = 1 + text::width(s.reflect_hint).div_ceil(room).clamp(1, 3);
            let hint_rows = u16::try_from(hint_rows).unwrap_or(2);
            let [hint, fields] =
                Layout::vertical([Constraint::Length(hint_rows), Constraint::Min(1)]).areas(inner);
            frame.render_widget(
                Paragraph::new(vec![
                    Line::styled(s.reflect_title, theme.title()),
                    Line::raw(s.reflect_hint),
                ])
                .wrap(ratatui::widgets::Wrap { trim: true }),
                hint,
            );
            draw_fields(&st.form, frame, fields, theme);
        }
        Step::Pulse => draw_pulse(app, st, frame, inner, theme),
        Step::Summary => draw_summary(app, st, frame, inner, theme),
    }
}

fn draw_walk(app: &App, st: &CheckInState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let Some((oid, kid)) = st.items.get(st.index) else {
        return;
    };
    let Some(o) = app
        .data()
        .objective_index(oid)
        .map(|i| &app.data().objectives[i])
    else {
        return;
    };
    let Some(k) = o.key_result(kid) else {
        return;
    };
    // A missed week filled in afterwards: the key result as it stood on its day.
    let day = st.date;
    let on_day;
    let k = if day == app.today() {
        k
    } else {
        let mut then = k.clone();
        if let Some(h) = crate::model::weekly::entry_on(k, day) {
            then.measure.set_current(h.value);
        }
        then.history.retain(|h| h.date <= day);
        on_day = then;
        &on_day
    };
    let width = usize::from(area.width);
    let bar = walk_bar(app, o, k, day, width, theme);
    let id = format!("{} ", shown(app.short_id(&k.id)));
    let mut lines = vec![
        Line::styled((s.step_of)(st.index + 1, st.items.len()), theme.dim()),
        Line::from(vec![
            Span::styled(format!("{}: ", s.objective), theme.dim()),
            Span::raw(fit(&o.title, width)),
        ]),
        Line::from(vec![
            Span::styled(id.clone(), theme.dim()),
            Span::styled(
                fit(&k.title, width.saturating_sub(text::width(&id))),
                theme.title(),
            ),
        ]),
        Line::from(fit_spans(bar, width)),
        Line::raw(fit(&before_words(app, st, k), width)),
        history_line(app, k, width, theme),
        Line::raw(""),
    ];
    if let Some(l) = last_checkin_words(app, st, k) {
        lines.insert(5, Line::raw(fit(&shown(&l), width)));
    }
    // In a short window the fields come first: keep as much of the context as fits.
    let most = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top_rows = area.height.saturating_sub(7).clamp(3, most);
    let lines: Vec<Line> = lines.into_iter().take(usize::from(top_rows)).collect();
    let [top, form] =
        Layout::vertical([Constraint::Length(top_rows), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), top);
    draw_fields(&st.form, frame, form, theme);
}

/// The key result's bar on `day`, its value and its status against pace.
fn walk_bar(
    app: &App,
    o: &Objective,
    k: &KeyResult,
    day: NaiveDate,
    width: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let pace = progress::key_result_pace(k, o.dates(app.fy()), day);
    let p = progress::key_result_progress(k);
    let mut bar = progress_bar((width / 3).min(30), p, Some(pace), theme);
    bar.push(Span::raw(format!(
        " {}",
        shown(&app.strings().measure_text(&k.measure))
    )));
    bar.extend(status_spans(
        app,
        Some(p),
        Some(progress::key_result_status(k, o.dates(app.fy()), day)),
        None,
        theme,
    ));
    bar
}

/// Where the key result stood before this check-in, and since when, as recorded.
fn before_words(app: &App, st: &CheckInState, k: &KeyResult) -> String {
    let s = app.strings();
    match st.baseline.get(&k.id) {
        Some(b) => {
            let conf = b
                .confidence
                .map(|c| format!(" · {} {c}/10", s.confidence.to_lowercase()))
                .unwrap_or_default();
            let date = b.date.map(|d| format!(" ({d})")).unwrap_or_default();
            format!(
                "{}: {}{conf}{date}",
                s.before_checkin,
                s.measure_value(&k.measure, b.value)
            )
        }
        None => format!("{}: {}", s.before_checkin, s.nothing()),
    }
}

/// What my last check-in said of the key result, and when that was.
fn last_checkin_words(app: &App, st: &CheckInState, k: &KeyResult) -> Option<String> {
    let s = app.strings();
    let c = app.checkin_before(st.week)?;
    let e = c.entries.iter().find(|e| e.key_result == k.id)?;
    let when = (s.weekly.last_checkin)(
        crate::model::weekly::weeks_between(c.week, st.week),
        &c.date.to_string(),
    );
    let note = if e.note.is_empty() {
        String::new()
    } else {
        format!("{}{}", s.dash(), e.note.lines().next().unwrap_or_default())
    };
    Some(format!(
        "{when}: {} · {} {}/10{note}",
        s.measure_value(&k.measure, e.value),
        s.confidence.to_lowercase(),
        e.confidence
    ))
}

/// Sparklines of the key result's values and confidences so far.
fn history_line(app: &App, k: &KeyResult, width: usize, theme: Theme) -> Line<'static> {
    let s = app.strings();
    let values: Vec<f64> = k.history.iter().map(|h| h.value).collect();
    let confidences: Vec<f64> = k
        .history
        .iter()
        .filter_map(|h| h.confidence)
        .map(f64::from)
        .collect();
    Line::from(vec![
        Span::styled(format!("{}: ", s.value.to_lowercase()), theme.dim()),
        Span::styled(sparkline(&values, width.min(30)), theme.bar_filled()),
        Span::styled(format!("   {}: ", s.confidence.to_lowercase()), theme.dim()),
        Span::styled(sparkline(&confidences, width.min(30)), theme.bar_filled()),
    ])
}

fn draw_pulse(app: &App, st: &CheckInState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let mut lines = vec![Line::styled(s.pulse_title, theme.title()), Line::raw("")];
    for (i, pillar) in s.pillar_names().iter().enumerate() {
        let rating = st.pulse[i];
        let dots: String = (1..=5)
            .map(|n| if n <= rating { '●' } else { '○' })
            .collect();
        let shown = if rating == 0 {
            s.nothing().to_string()
        } else {
            rating.to_string()
        };
        let marker = if i == st.pulse_focus { "▸ " } else { "  " };
        let mut l = Line::raw(format!("{marker}{pillar:<26} {dots} {shown}"));
        if i == st.pulse_focus {
            l = l.style(theme.selected());
        }
        lines.push(l);
    }
    if st.pulse_error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "⚠ {}",
                (s.pulse_incomplete)(&app.key(Action::Skip, Context::Pulse))
            ),
            theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_summary(app: &App, st: &CheckInState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let sum = app.checkin_summary(st);
    let width = usize::from(area.width);
    // The headline facts first, so that a small window never hides them.
    let mut lines = summary_headline(app, st, &sum, theme);
    lines.extend(summary_moved(s, &sum, width, theme));
    lines.extend(summary_lagging(s, &sum, theme));
    // What does not fit is counted at the bottom, not silently cut.
    let height = usize::from(area.height);
    if lines.len() > height && height > 0 {
        let hidden = lines.len() - (height - 1);
        lines.truncate(height - 1);
        lines.push(Line::styled(format!("  … +{hidden}"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The summary's title, then what moved forward, the quarter's progress
/// before and after, the streak and whose pulse is left to them.
fn summary_headline(
    app: &App,
    st: &CheckInState,
    sum: &Summary,
    theme: Theme,
) -> Vec<Line<'static>> {
    let s = app.strings();
    let mut lines = vec![Line::styled(s.summary_title, theme.title())];
    let forward = sum.moved.iter().filter(|m| m.forward).count();
    if forward > 0 {
        lines.push(Line::styled(
            format!("★ {}", (s.celebrate)(forward)),
            theme.info(),
        ));
    }
    let (before, after) = (s.percent_of(sum.before), s.percent_of(sum.after));
    lines.push(Line::raw(match app.filter() {
        crate::model::owners::OwnerFilter::Everyone => (s.quarter_change)(&before, &after),
        _ => (s.team.quarter_change_of)(&app.filter_label(), &before, &after),
    }));
    lines.push(Line::styled(
        (s.streak)(sum.streak, app.data().settings.cadence),
        theme.title(),
    ));
    // Someone else's pulse is left to them, unless rated here.
    if let Some(who) = app.checkin_for_other()
        && app.checkin_of(st.week).is_none_or(|c| c.pulse.is_none())
    {
        let key = app.key(Action::Pulse, Context::Summary);
        lines.push(Line::styled(
            (s.weekly.pulse_left)(&shown(&who), &key),
            theme.dim(),
        ));
    }
    lines
}

/// Each key result that moved, from its value before to after, then the
/// ones skipped this week; each fitted to `width`.
fn summary_moved(s: &Strings, sum: &Summary, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::raw(""), Line::styled(s.moved, theme.title())];
    if sum.moved.is_empty() {
        lines.push(Line::styled(s.nothing_moved, theme.dim()));
    }
    for m in &sum.moved {
        // The arrow follows progress, not the number: a "reduce" key result
        // whose value fell moved forward.
        let arrow = match (m.forward, m.backward) {
            (true, _) => "↑",
            (_, true) => "↓",
            _ => "→",
        };
        let change = shown(&format!(": {} → {}", m.before_text, m.after_text));
        let room = width.saturating_sub(4 + unicode_width::UnicodeWidthStr::width(change.as_str()));
        lines.push(Line::raw(format!(
            "  {arrow} {}{change}",
            fit(&m.title, room)
        )));
    }
    if !sum.skipped.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(s.weekly.skipped_title, theme.title()));
        for title in &sum.skipped {
            lines.push(Line::raw(format!(
                "  – {}",
                fit(title, width.saturating_sub(4))
            )));
        }
    }
    lines
}

/// The key results behind pace or stale, each with why.
fn summary_lagging(s: &Strings, sum: &Summary, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::raw(""),
        Line::styled(s.behind_or_stale, theme.title()),
    ];
    if sum.lagging.is_empty() {
        lines.push(Line::styled(s.all_on_pace, theme.info()));
    }
    for (title, stale) in &sum.lagging {
        let why = if *stale {
            s.stale
        } else {
            s.pace_statuses.behind
        };
        lines.push(Line::from(vec![
            Span::raw(format!("  {}: ", shown(title))),
            Span::styled(why, theme.warning()),
        ]));
    }
    lines
}

/// Last week's next steps and blockers beside (or, when narrow, above) the
/// reflection's fields, each marked done or selected; returns the room left
/// for the fields.
fn draw_plans(app: &App, st: &CheckInState, frame: &mut Frame, area: Rect, theme: Theme) -> Rect {
    if st.plans.is_empty() {
        return area;
    }
    let s = app.strings();
    let wide = area.width >= 90;
    let rows = u16::try_from(st.plans.len() + 2).unwrap_or(u16::MAX);
    let (plans, rest) = if wide {
        let [rest, plans] = Layout::horizontal([Constraint::Min(1), Constraint::Percentage(40)])
            .spacing(1)
            .areas(area);
        (plans, rest)
    } else {
        let h = rows.min(area.height / 3);
        let [plans, rest] =
            Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(area);
        (plans, rest)
    };
    let (weeks, date) = st.last.map_or((1, String::new()), |(w, d)| {
        (
            crate::model::weekly::weeks_between(w, st.week),
            d.to_string(),
        )
    });
    let width = usize::from(plans.width);
    // The heading wraps (it may name a date) onto at most two rows.
    let heading = (s.weekly.planned)(weeks, &date);
    let head_rows = if text::width(&heading) > width && plans.height > 2 {
        2
    } else {
        1
    };
    let [head, plans] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(plans);
    frame.render_widget(
        Paragraph::new(Line::styled(shown(&heading), theme.title()))
            .wrap(ratatui::widgets::Wrap { trim: true }),
        head,
    );
    let mut lines = Vec::new();
    let visible = usize::from(plans.height);
    let offset = super::widgets::scroll_offset(st.plan_sel, visible);
    for (i, p) in st.plans.iter().enumerate().skip(offset).take(visible) {
        let marker = if i == st.plan_sel { "▸" } else { " " };
        let done = if p.done { "✓" } else { "·" };
        let kind = match p.kind {
            crate::model::weekly::PlanKind::Blocker => format!("{}: ", s.weekly.blocker),
            crate::model::weekly::PlanKind::NextStep => String::new(),
        };
        let line = Line::raw(fit(
            &format!("{marker}{done} {kind}{}", shown(&p.text)),
            width,
        ));
        lines.push(if i == st.plan_sel {
            line.style(theme.selected())
        } else if p.done {
            line.style(theme.dim())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), plans);
    rest
}
