//! Modals drawn over a screen: forms, the delete question and the help.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::centered;
use super::theme::Theme;
use super::widgets::fit;
use crate::app::App;
use crate::app::form::{Form, Widget};
use crate::app::keys;

pub fn draw_form(app: &App, form: &Form, frame: &mut Frame, area: Rect, theme: Theme) {
    let visible: Vec<_> = form
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden)
        .collect();
    let label_w = visible
        .iter()
        .map(|(_, f)| f.label.width())
        .max()
        .unwrap_or(0)
        + 2;
    let rows = visible.len()
        + visible.iter().filter(|(_, f)| f.error.is_some()).count()
        + form.warnings.len();
    let h = u16::try_from(rows + 4).unwrap_or(u16::MAX);
    let rect = centered(area, 76, h);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", form.title), theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let value_w = usize::from(inner.width).saturating_sub(label_w + 2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, f) in &visible {
        let focused = *i == form.focus;
        let marker = if focused { "▸ " } else { "  " };
        let label = format!("{marker}{:<w$}", f.label, w = label_w);
        let value = match &f.widget {
            Widget::Text(input) => {
                let scroll = input.visual_scroll(value_w.max(1));
                if focused {
                    let x = label.width() + input.visual_cursor().saturating_sub(scroll);
                    cursor = Some((x, lines.len()));
                }
                let shown: String = input.value().chars().skip(scroll).collect();
                fit(&shown, value_w)
            }
            Widget::Choice(options, chosen) => {
                format!(
                    "‹ {} ›",
                    options.get(*chosen).map(String::as_str).unwrap_or("")
                )
            }
        };
        let value_style = if focused {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            Span::raw(label),
            Span::styled(value, value_style),
        ]));
        if let Some(e) = &f.error {
            lines.push(Line::styled(
                format!("{:w$}⚠ {e}", "", w = label_w + 2),
                theme.error(),
            ));
        }
    }
    for w in &form.warnings {
        lines.push(Line::styled(format!("⚠ {w}"), theme.warning()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.s.form_text_keys, theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        let x = inner.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
        let y = inner.y.saturating_add(u16::try_from(y).unwrap_or(u16::MAX));
        if x < inner.right() && y < inner.bottom() {
            frame.set_cursor_position(Position { x, y });
        }
    }
}

pub fn draw_confirm(app: &App, title: &str, frame: &mut Frame, area: Rect, theme: Theme) {
    let text = (app.s.confirm_delete)(title);
    let rect = centered(
        area,
        u16::try_from(text.width() + 4).unwrap_or(u16::MAX).min(70),
        5,
    );
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning());
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

/// The keys of the screen under the overlay, from the same table that handles them.
pub fn draw_help(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.s;
    let bindings: Vec<_> = keys::bindings_for(app.screen_context()).collect();
    let key_w = bindings
        .iter()
        .map(|b| keys::keys_label(b).width())
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<key_w$}", keys::keys_label(b)), theme.title()),
                Span::raw(s.action(b.action)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.form_keys, theme.dim()));
    lines.push(Line::styled(s.help_close, theme.dim()));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 60, h);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", s.help_title), theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}
