//! The quarter review (each Mål's progress, suggested and set score, success
//! by its kind, status, how long it has run) and the carry dialog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::centered;
use super::quarter::{draw_more, pane_block, scroll_offset};
use super::theme::Theme;
use super::widgets::{fit, progress_bar};
use crate::app::App;
use crate::app::review::{Carry, ReviewState};
use crate::model::progress;
use crate::model::review::{proposed_for_carry, quarters_running, succeeded};
use crate::text::shown;

pub fn draw(app: &App, st: &ReviewState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.s;
    let indexes: Vec<usize> = app.review_objectives(st.quarter);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let qp = progress::quarter_progress(indexes.iter().filter_map(|i| app.data.objective_at(*i)));
    frame.render_widget(
        Paragraph::new(
            Line::from(vec![
                Span::styled((s.review_title)(&st.quarter.to_string()), theme.title()),
                Span::raw(format!(
                    " · {} {}",
                    s.progress.to_lowercase(),
                    s.percent(qp)
                )),
            ])
            .spans
            .into_iter()
            .chain(super::quarter::filter_span(app, theme))
            .collect::<Line>(),
        ),
        head,
    );
    let block = pane_block(s.objectives.to_string(), true, theme);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if indexes.is_empty() {
        frame.render_widget(
            Paragraph::new(s.no_review_objectives).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let visible = usize::from(inner.height / 3);
    let offset = scroll_offset(st.sel, visible);
    let mut lines = Vec::new();
    for (pos, i) in indexes.iter().enumerate().skip(offset).take(visible.max(1)) {
        let Some(o) = app.data.objectives.get(*i) else {
            continue;
        };
        let selected = pos == st.sel;
        let p = progress::objective_progress(o);
        let suggested = progress::suggested_score(o);
        let running = quarters_running(&app.data, o);
        let run = if running > 1 {
            format!(" · {}", (s.running)(running))
        } else {
            String::new()
        };
        let head = format!(
            "{}{} [{}]{run}",
            if selected { "▸ " } else { "  " },
            o.title,
            s.kind(o.kind)
        );
        let mut first = Line::styled(fit(&head, width), theme.title());
        if selected {
            first = first.style(theme.selected());
        }
        lines.push(first);
        let mut second = vec![Span::raw("  ")];
        second.extend(progress_bar((width / 4).min(20), p, None, theme));
        second.push(Span::raw(format!(
            " {} · {} {}",
            s.percent(p),
            s.suggested,
            s.num(suggested)
        )));
        if let Some(set) = o.score {
            let band = progress::score_band(set);
            second.push(Span::raw(format!(" · {} ", s.score.to_lowercase())));
            second.push(Span::styled(
                format!("{} ({})", s.num(set), s.score_band(band)),
                theme.score(band),
            ));
        }
        // Success by the one rule, once there is something to judge.
        if let Some(ok) = succeeded(o, app.today) {
            let (word, look) = if ok {
                (s.succeeded, progress::PaceStatus::Achieved)
            } else {
                (s.missed, progress::PaceStatus::NotReached)
            };
            second.push(Span::raw(" · "));
            second.push(Span::styled(word, theme.pace(look)));
        }
        second.push(Span::raw(format!(" · {}", s.status(o.status))));
        lines.push(Line::from(second));
        let note = if o.score.is_some_and(|x| progress::committed_flag(o.kind, x)) {
            Line::styled(format!("  ⚠ {}", s.committed_below), theme.warning())
        } else if o.status == crate::model::Status::Active && proposed_for_carry(o) {
            Line::styled(format!("  → {}", s.propose_carry), theme.dim())
        } else {
            Line::raw("")
        };
        lines.push(note);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, body, offset, visible, indexes.len(), theme);
}

pub fn draw_carry(app: &App, c: &Carry, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.s;
    let mut lines = Vec::new();
    for (i, (id, title, on)) in c.picks.iter().enumerate() {
        let mark = if *on { "[x]" } else { "[ ]" };
        let mut l = Line::raw(format!(
            "{}{mark} {} {}",
            if i == c.sel { "▸ " } else { "  " },
            shown(id),
            shown(title)
        ));
        if i == c.sel {
            l = l.style(theme.selected());
        }
        lines.push(l);
    }
    let open = app.data.objective_index(&c.objective).map_or(0, |i| {
        app.data.objectives[i]
            .initiatives
            .iter()
            .filter(|u| u.done.is_none())
            .count()
    });
    lines.push(Line::raw(""));
    lines.push(Line::styled((s.carry_uppgifter)(open), theme.dim()));
    let w = lines
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .max(s.carry_title.width())
        + 4;
    let rect = centered(
        area,
        u16::try_from(w).unwrap_or(u16::MAX),
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", s.carry_title), theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
