//! The past check-ins: the weeks of a quarter with mine (date, how many key
//! results, the pulse's mean) and those missed; and one week in full, each
//! value and confidence with its change from the check-in before.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::fit;
use super::widgets::{draw_more, pane_block, scroll_offset};
use crate::app::App;
use crate::app::weekly::PastState;
use crate::keys::{Action, Context};
use crate::model::weekly::{self, PlanKind};
use crate::model::{CheckIn, IsoWeek, KeyResult};
use crate::text::shown;

pub fn draw(app: &App, st: &PastState, frame: &mut Frame, area: Rect, theme: Theme) {
    match st.open.and_then(|w| app.checkin_of(w).map(|c| (w, c))) {
        Some((week, c)) => draw_week(app, week, c, st.scroll, frame, area, theme),
        None => draw_weeks(app, st, frame, area, theme),
    }
}

fn draw_weeks(app: &App, st: &PastState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let w = &s.weekly;
    // The weeks are one person's check-ins (see `App::checkin_owner`): the
    // title names whose, not whose Mål the quarter view shows.
    let whose = app.checkin_whose().unwrap_or_default();
    let head = Line::from(Span::styled(
        fit(
            &(w.past_title)(&app.label(app.quarter()), &whose),
            usize::from(area.width),
        ),
        theme.title(),
    ));
    let [title, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), title);
    let block = pane_block(s.week.to_string(), true, theme);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let weeks = app.past_weeks();
    if weeks.is_empty() {
        frame.render_widget(Paragraph::new(w.no_weeks), inner);
        return;
    }
    let width = usize::from(inner.width);
    let visible = usize::from(inner.height);
    let sel = st.sel.min(weeks.len() - 1);
    let offset = scroll_offset(sel, visible);
    let this_week = app.this_period();
    let c_key = app.key(Action::CheckIn, Context::PastCheckIns);
    let lines: Vec<Line> = weeks
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, pw)| {
            let marker = if i == sel { "▸ " } else { "  " };
            let period = app.data().settings.period(pw.week);
            let mut text = format!("{marker}{}  ", period.label());
            match pw.checkin {
                Some(c) => {
                    text.push_str(&format!("{}  {}", c.date, (w.key_results)(c.entries.len())));
                    if let Some(p) = &c.pulse {
                        let mean = s.num((weekly::pulse_mean(p) * 10.0).round() / 10.0);
                        text.push_str(&format!("  · {}", (w.pulse_mean)(&mean)));
                    }
                }
                None if pw.off => text.push_str(w.holiday),
                None => text.push_str(&(w.missing)(&c_key)),
            }
            if pw.week == this_week {
                text.push_str(&format!("  ({})", w.this_week));
            }
            let line = Line::raw(fit(&text, width));
            match (i == sel, pw.checkin.is_some()) {
                (true, _) => line.style(theme.selected()),
                (false, false) => line.style(theme.dim()),
                (false, true) => line,
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, list, offset, visible, weeks.len(), theme);
}

/// A key result by id, wherever its Mål is.
fn key_result<'a>(app: &'a App, id: &str) -> Option<&'a KeyResult> {
    app.data().objectives.iter().find_map(|o| o.key_result(id))
}

/// A change as a signed number: `+5`, `−2`; nothing when there is none.
fn change(app: &App, now: f64, was: Option<f64>) -> String {
    match was {
        Some(w) if (now - w).abs() > f64::EPSILON => {
            let d = now - w;
            let sign = if d > 0.0 { "+" } else { "−" };
            format!(" ({sign}{})", app.strings().num(d.abs()))
        }
        _ => String::new(),
    }
}

fn draw_week(
    app: &App,
    week: IsoWeek,
    c: &CheckIn,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let w = &app.strings().weekly;
    let width = usize::from(area.width.saturating_sub(2));
    let title = (w.week_title)(&week.to_string(), &c.date.to_string());
    let block = pane_block(fit(&title, width.saturating_sub(4)), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = entry_lines(app, c, app.checkin_before(week), width, theme);
    lines.extend(reflection_lines(app, c, width, theme));
    lines.extend(pulse_lines(app, c, width, theme));
    let visible = usize::from(inner.height);
    let total = lines.len();
    let offset = usize::from(scroll).min(total.saturating_sub(visible));
    let shown_lines: Vec<Line> = lines.into_iter().skip(offset).take(visible).collect();
    frame.render_widget(Paragraph::new(shown_lines), inner);
    draw_more(frame, area, offset, visible, total, theme);
}

/// The week's key results: each value and confidence with its change from
/// the check-in `before`, its note below; then those skipped.
fn entry_lines(
    app: &App,
    c: &CheckIn,
    before: Option<&CheckIn>,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let s = app.strings();
    let text = |t: &str| Line::raw(fit(t, width));
    let mut lines = vec![Line::styled(s.key_results, theme.title())];
    if c.entries.is_empty() && c.skipped.is_empty() {
        lines.push(Line::styled(s.weekly.no_entries, theme.dim()));
    }
    for e in &c.entries {
        let k = key_result(app, &e.key_result);
        let name = k.map_or_else(
            || e.key_result.clone(),
            |k| format!("{} {}", app.short_id(&k.id), k.title),
        );
        lines.push(Line::styled(fit(&shown(&name), width), theme.title()));
        let was = before.and_then(|b| b.entries.iter().find(|x| x.key_result == e.key_result));
        let value = k.map_or_else(|| s.num(e.value), |k| s.measure_value(&k.measure, e.value));
        let moved = match k.map(|k| &k.measure) {
            Some(crate::model::Measure::Done(_)) => String::new(),
            _ => change(app, e.value, was.map(|x| x.value)),
        };
        let conf = change(
            app,
            f64::from(e.confidence),
            was.map(|x| f64::from(x.confidence)),
        );
        lines.push(text(&format!(
            "  {}{moved} · {} {}/10{conf}",
            shown(&value),
            s.confidence.to_lowercase(),
            e.confidence
        )));
        for l in e.note.lines() {
            lines.push(Line::styled(
                fit(&format!("  {}", shown(l)), width),
                theme.dim(),
            ));
        }
    }
    for id in &c.skipped {
        let name = key_result(app, id).map_or_else(
            || id.clone(),
            |k| format!("{} {}", app.short_id(&k.id), k.title),
        );
        lines.push(text(&format!("{}: {}", shown(&name), s.weekly.skipped)));
    }
    lines
}

/// The week's wins, blockers and next steps, a plan marked once done.
fn reflection_lines(app: &App, c: &CheckIn, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let s = app.strings();
    let text = |t: &str| Line::raw(fit(t, width));
    let plans = weekly::plans(c);
    let done = |kind: PlanKind, line: &str| {
        plans
            .iter()
            .any(|p| p.kind == kind && p.done && p.text == weekly::plan_text(line))
    };
    let mut lines = Vec::new();
    for (label, body, kind) in [
        (s.wins, &c.wins, None),
        (s.blockers, &c.blockers, Some(PlanKind::Blocker)),
        (s.next_steps, &c.next_steps, Some(PlanKind::NextStep)),
    ] {
        lines.push(Line::raw(""));
        lines.push(Line::styled(label, theme.title()));
        if body.trim().is_empty() {
            lines.push(Line::styled(format!("  {}", s.nothing()), theme.dim()));
        }
        for l in body.lines().filter(|l| !l.trim().is_empty()) {
            let is_done = kind.is_some_and(|k| done(k, l));
            let mark = if is_done { "✓ " } else { "" };
            let after = if is_done {
                format!(" ({})", s.weekly.done)
            } else {
                String::new()
            };
            lines.push(text(&format!("  {mark}{}{after}", shown(l.trim()))));
        }
    }
    lines
}

/// The week's pulse: its mean, then each pillar's rating as dots.
fn pulse_lines(app: &App, c: &CheckIn, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let s = app.strings();
    let text = |t: &str| Line::raw(fit(t, width));
    let mut lines = vec![Line::raw(""), Line::styled(s.pulse, theme.title())];
    match &c.pulse {
        None => lines.push(Line::styled(format!("  {}", s.nothing()), theme.dim())),
        Some(p) => {
            let mean = s.num((weekly::pulse_mean(p) * 10.0).round() / 10.0);
            lines.push(text(&format!("  {}", (s.weekly.pulse_mean)(&mean))));
            for (name, r) in s.pillar_names().iter().zip(p.ratings()) {
                let dots: String = (1..=5).map(|n| if n <= r { '●' } else { '○' }).collect();
                lines.push(text(&format!("  {name:<26} {dots} {r}")));
            }
        }
    }
    lines
}
