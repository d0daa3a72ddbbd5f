//! The search: its matches listed over the screen (quarter, what it is, the
//! text that matched) and the line being typed at the bottom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use super::widgets::fit;
use super::widgets::{draw_more, scroll_offset};
use crate::app::App;
use crate::app::search::SearchState;
use crate::keys::Context;
use crate::model::search::Found;
use crate::text;

pub fn draw(app: &App, st: &SearchState, frame: &mut Frame, body: Rect, line: Rect, theme: Theme) {
    let s = app.strings();
    let d = &s.daily;
    frame.render_widget(Clear, body);
    let count = if st.hits.query.trim().is_empty() {
        String::new()
    } else if st.hits.hits.is_empty() {
        format!(" · {}", d.no_matches)
    } else {
        format!(" · {}", (d.matches)(st.hits.hits.len(), st.hits.more))
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border())
        .title(Span::styled(
            format!(" {}{count} ", d.search_title),
            theme.title(),
        ))
        .title_bottom(super::key_hints_in(
            app,
            &[Context::Search],
            usize::from(body.width.saturating_sub(2)),
            theme,
        ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let visible = usize::from(inner.height);
    let offset = scroll_offset(st.sel, visible);
    let width = usize::from(inner.width);
    let kinds = [
        d.found_objective,
        d.found_why,
        d.found_key_result,
        d.found_initiative,
        d.found_note,
    ];
    let kind_w = kinds.iter().map(|k| text::width(k)).max().unwrap_or(0);
    let lines: Vec<Line> = st
        .hits
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, h)| {
            let (kind, id) = match &h.found {
                Found::Objective => (d.found_objective, h.objective.clone()),
                Found::Why => (d.found_why, h.objective.clone()),
                Found::KeyResult(id) => (d.found_key_result, id.clone()),
                Found::Initiative(id) => (d.found_initiative, id.clone()),
                Found::Note {
                    key_result, date, ..
                } => (d.found_note, format!("{key_result} {date}")),
            };
            let marker = if i == st.sel { "▸ " } else { "  " };
            let lead = format!("{marker}{}  {kind:<kind_w$}  ", app.label(h.quarter));
            let id = format!("{} ", text::shown(&id));
            let room = width.saturating_sub(text::width(&lead) + text::width(&id));
            let line = Line::from(vec![
                Span::raw(lead),
                Span::styled(id, theme.dim()),
                Span::raw(fit(&h.text, room)),
            ]);
            if i == st.sel {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, body, offset, visible, st.hits.hits.len(), theme);
    draw_typed_line(st, frame, line, theme);
}

/// The line being typed, with its cursor.
fn draw_typed_line(st: &SearchState, frame: &mut Frame, line: Rect, theme: Theme) {
    let value = st.input.value();
    let room = usize::from(line.width.saturating_sub(2));
    let before: String = value.chars().take(st.input.cursor()).collect();
    let cursor = text::width(&text::shown(&before));
    let scroll = cursor.saturating_sub(room);
    let shown: String = text::shown(value).chars().skip(scroll).collect();
    frame.render_widget(Clear, line);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/", theme.title()),
            Span::raw(fit(&shown, room)),
        ])),
        line,
    );
    let x = line
        .x
        .saturating_add(u16::try_from(1 + cursor - scroll).unwrap_or(u16::MAX));
    if x < line.right() {
        frame.set_cursor_position(Position { x, y: line.y });
    }
}
