//! The overview of all quarters, newest first: number of Mål, the score (or
//! progress while it is not scored), committed Mål achieved, bar charts of the
//! mean score and of the check-ins per quarter (each number written beside its
//! bar), the check-in streak and the team pulse per quarter. A year with Mål
//! of its own has a row before its quarters (the charts stay by quarter).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::fit;
use super::widgets::{draw_more, filter_span, pane_block, scroll_offset};
use crate::app::App;
use crate::keys::{Action, Context};
use crate::model::checkin::streak_of;
use crate::model::overview::{QuarterFacts, quarter_facts_of};
use crate::model::progress;
use crate::text;

pub fn draw(app: &App, sel: usize, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let quarters = app.overview_quarters();
    // The table as high as its quarters need, at most a little over half
    // (which the hint of an empty file gets).
    let rows = match quarters.len() {
        0 => u16::MAX,
        n => u16::try_from(n + 3).unwrap_or(u16::MAX),
    };
    let [title, table, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(rows.min(area.height.saturating_sub(1) * 55 / 100)),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header_line(app, theme)), title);
    let block = pane_block(s.quarter.to_string(), true, theme);
    let inner = block.inner(table);
    frame.render_widget(block, table);
    if quarters.is_empty() {
        frame.render_widget(
            Paragraph::new((s.no_quarters)(
                &app.key(Action::Back, Context::Overview),
                &app.key(Action::Add, Context::Quarter),
            ))
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let all: Vec<QuarterFacts> = quarters
        .iter()
        .map(|q| {
            quarter_facts_of(app.data(), *q, app.today(), &|o| app.keeps(o), &|c| {
                app.keeps_checkin(c)
            })
        })
        .collect();
    draw_table(app, &all, sel, frame, table, inner, theme);
    // A year's bar would dwarf its quarters' check-ins: the charts are by quarter.
    let by_quarter: Vec<QuarterFacts> = all.into_iter().filter(|f| !f.quarter.is_year()).collect();
    draw_charts(app, &by_quarter, frame, chart, theme);
}

/// The title line: the check-in streak and whose Mål are shown.
fn header_line(app: &App, theme: Theme) -> Line<'static> {
    let s = app.strings();
    let mut head = Line::from(vec![
        Span::styled(s.overview_title, theme.title()),
        Span::raw(format!(
            " · {}",
            (s.streak)(
                streak_of(
                    &app.data().checkins,
                    app.checkin_owner().as_deref(),
                    &app.data().settings,
                    app.today()
                ),
                app.data().settings.cadence
            )
        )),
    ]);
    if let Some(whose) = filter_span(app, theme) {
        head.push_span(whose);
    }
    head
}

/// The table of quarters in the pane `area` (its inside `inner`): number of
/// Mål, score or running progress, committed Mål achieved.
fn draw_table(
    app: &App,
    all: &[QuarterFacts],
    sel: usize,
    frame: &mut Frame,
    area: Rect,
    inner: Rect,
    theme: Theme,
) {
    let s = app.strings();
    let width = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "  {:<9} {:>5}  {:<18} {}",
                s.quarter, s.col_objectives, s.col_score, s.col_committed
            ),
            width,
        ),
        theme.dim(),
    )];
    let visible = usize::from(inner.height.saturating_sub(1));
    let offset = scroll_offset(sel, visible);
    for (i, f) in all.iter().enumerate().skip(offset).take(visible.max(1)) {
        let committed = if f.committed.1 == 0 {
            s.nothing().to_string()
        } else {
            format!("{}/{}", f.committed.0, f.committed.1)
        };
        let text = format!(
            "{}{:<9} {:>5}  {:<18} {committed}",
            if i == sel { "▸ " } else { "  " },
            f.label.clone(),
            f.objectives,
            score_words(app, f)
        );
        let mut l = Line::raw(fit(&text, width));
        // A year stands out above its quarters.
        if f.quarter.is_year() {
            l = l.style(theme.title());
        }
        if i == sel {
            l = l.style(theme.selected());
        }
        lines.push(l);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, all.len(), theme);
}

/// A quarter's mean score, or its progress while it is not scored.
fn score_words(app: &App, f: &QuarterFacts) -> String {
    let s = app.strings();
    match f.score {
        Some(m) => s.num((m * 100.0).round() / 100.0),
        None => format!("{} {}", s.running_progress, s.percent_of(f.progress)),
    }
}

/// Mean scores and check-ins over the quarters, oldest at the top, as bar
/// charts side by side; then the pulse trend below them.
fn draw_charts(app: &App, all: &[QuarterFacts], frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let pulses: Vec<&QuarterFacts> = all.iter().rev().filter(|f| f.pulse.is_some()).collect();
    let pulse_h: u16 = if pulses.is_empty() { 0 } else { 9 };
    let room = area.height.saturating_sub(pulse_h).max(area.height.min(4));
    let shown = all.len().min(usize::from(room.saturating_sub(1)));
    let charts_h = u16::try_from(shown + 1).unwrap_or(room).min(area.height);
    let [charts, rest] =
        Layout::vertical([Constraint::Length(charts_h), Constraint::Min(0)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    let newest: Vec<&QuarterFacts> = all.iter().take(shown).rev().collect();
    let scores: Vec<(String, u64, Style)> = newest
        .iter()
        .map(|f| {
            let value = f.score.or(f.progress).unwrap_or(0.0);
            let look = match f.score {
                Some(_) => theme.score(progress::score_band(value)),
                None => theme.dim(),
            };
            (score_words(app, f), percent_of(value), look)
        })
        .collect();
    let counts: Vec<(String, u64, Style)> = newest
        .iter()
        .map(|f| {
            let n = u64::try_from(f.checkins).unwrap_or(u64::MAX);
            (f.checkins.to_string(), n, theme.bar_filled())
        })
        .collect();
    bar_chart(
        s.mean_scores,
        &newest,
        scores,
        Some(100),
        frame,
        left,
        theme,
    );
    bar_chart(
        s.quarterly.checkins_per_quarter,
        &newest,
        counts,
        None,
        frame,
        right,
        theme,
    );
    if !pulses.is_empty() {
        draw_pulse_trend(app, &pulses, frame, rest, theme);
    }
}

/// The team pulse per quarter: one column per quarter, oldest first as in
/// the charts, one row per pillar, then how many people answered.
fn draw_pulse_trend(
    app: &App,
    pulses: &[&QuarterFacts],
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let s = app.strings();
    let mut lines = vec![Line::raw(""), Line::styled(s.pulse_trend, theme.title())];
    let width = usize::from(area.width);
    // A column as wide as the widest quarter's name (`FY2027 Q2`) and a space.
    let col = pulses
        .iter()
        .map(|f| text::width(&f.label) + 1)
        .fold(8, usize::max);
    let heads: Vec<String> = pulses
        .iter()
        .map(|f| format!("{:>col$}", f.label.clone()))
        .collect();
    lines.push(Line::styled(
        fit(&format!("{:<24}{}", "", heads.join("")), width),
        theme.dim(),
    ));
    for (i, pillar) in s.pillar_names().iter().enumerate() {
        let cells: Vec<String> = pulses
            .iter()
            .filter_map(|f| {
                f.pulse
                    .map(|p| format!("{:>col$}", s.num((p[i] * 10.0).round() / 10.0)))
            })
            .collect();
        lines.push(Line::raw(fit(
            &format!("{:<24}{}", fit(pillar, 23), cells.join("")),
            width,
        )));
    }
    // How many people the means are of.
    let counts: Vec<String> = pulses
        .iter()
        .map(|f| format!("{:>col$}", f.answered))
        .collect();
    lines.push(Line::styled(
        fit(
            &format!("{:<24}{}", fit(s.team.answered, 23), counts.join("")),
            width,
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}

/// A share 0–1 as a whole percent, for a bar.
fn percent_of(share: f64) -> u64 {
    if share.is_finite() {
        // Within 0–100 after the clamp, so the cast keeps the value.
        (share.clamp(0.0, 1.0) * 100.0).round() as u64
    } else {
        0
    }
}

/// A titled horizontal bar chart, one bar per quarter: each labelled with
/// its quarter and its number written out (so it reads without colour).
fn bar_chart(
    title: &str,
    quarters: &[&QuarterFacts],
    bars: Vec<(String, u64, Style)>,
    max: Option<u64>,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(title, usize::from(area.width)),
            theme.title(),
        )),
        head,
    );
    let words_w = bars
        .iter()
        .map(|(w, _, _)| text::width(w))
        .max()
        .unwrap_or(0);
    let most = bars.iter().map(|(_, v, _)| *v).max().unwrap_or(0);
    let label_w = quarters
        .iter()
        .map(|f| text::width(&f.label) + 1)
        .fold(8, usize::max);
    let bars: Vec<Bar> = quarters
        .iter()
        .zip(bars)
        .map(|(f, (words, value, look))| {
            let label = format!("{:<label_w$}{:>words_w$}", f.label.clone(), words);
            Bar::default()
                .value(value)
                .label(Line::raw(fit(&label, usize::from(area.width))))
                .text_value(String::new())
                .style(look)
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .bar_width(1)
        .bar_gap(0)
        .max(max.unwrap_or(most).max(1));
    frame.render_widget(chart, body);
}
