//! The overview of all quarters, newest first: number of Mål, the score (or
//! progress while it is not scored), committed Mål achieved, a bar chart of mean
//! scores, the check-in streak and the team pulse per quarter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::quarter::{draw_more, pane_block, scroll_offset};
use super::theme::Theme;
use super::widgets::{fit, progress_bar};
use crate::app::App;
use crate::app::keys::{Action, Context};
use crate::model::checkin::streak_of;
use crate::model::overview::{QuarterFacts, quarter_facts_of};
use crate::model::progress;

pub fn draw(app: &App, sel: usize, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.s;
    let quarters = app.overview_quarters();
    let mut head = Line::from(vec![
        Span::styled(s.overview_title, theme.title()),
        Span::raw(format!(
            " · {}",
            (s.streak)(streak_of(
                &app.data.checkins,
                app.checkin_owner().as_deref(),
                app.today
            ))
        )),
    ]);
    if let Some(whose) = super::quarter::filter_span(app, theme) {
        head.push_span(whose);
    }
    let [title, table, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(55),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), title);
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
            quarter_facts_of(&app.data, *q, app.today, &|o| app.keeps(o), &|c| {
                app.keeps_checkin(c)
            })
        })
        .collect();
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
        let score = match f.score {
            Some(m) => s.num((m * 100.0).round() / 100.0),
            None => format!("{} {}", s.running_progress, s.percent(f.progress)),
        };
        let committed = if f.committed.1 == 0 {
            "–".to_string()
        } else {
            format!("{}/{}", f.committed.0, f.committed.1)
        };
        let text = format!(
            "{}{:<9} {:>5}  {:<18} {committed}",
            if i == sel { "▸ " } else { "  " },
            f.quarter.to_string(),
            f.objectives,
            score
        );
        let mut l = Line::raw(fit(&text, width));
        if i == sel {
            l = l.style(theme.selected());
        }
        lines.push(l);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, table, offset, visible, all.len(), theme);

    // Mean scores over the quarters, oldest at the top, as bars; then the pulse trend.
    let mut lines = vec![Line::styled(s.mean_scores, theme.title())];
    let bar_w = usize::from(chart.width).saturating_sub(20).min(40);
    for f in all.iter().rev() {
        let value = f.score.unwrap_or(f.progress);
        let mut spans = vec![Span::raw(format!("{:<9} ", f.quarter.to_string()))];
        spans.extend(progress_bar(bar_w, value, None, theme));
        let label = match f.score {
            Some(m) => format!(" {}", s.num((m * 100.0).round() / 100.0)),
            None => format!(" {}", s.running_progress),
        };
        spans.push(Span::styled(
            label,
            theme.score(progress::score_band(value)),
        ));
        lines.push(Line::from(spans));
    }
    let pulses: Vec<&QuarterFacts> = all.iter().rev().filter(|f| f.pulse.is_some()).collect();
    if !pulses.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(s.pulse_trend, theme.title()));
        // One column per quarter, oldest first, as in the chart above.
        let width = usize::from(chart.width);
        let heads: Vec<String> = pulses
            .iter()
            .map(|f| format!("{:>8}", f.quarter.to_string()))
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
                        .map(|p| format!("{:>8}", s.num((p[i] * 10.0).round() / 10.0)))
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
            .map(|f| format!("{:>8}", f.answered))
            .collect();
        lines.push(Line::styled(
            fit(
                &format!("{:<24}{}", fit(s.team.answered, 23), counts.join("")),
                width,
            ),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), chart);
}
