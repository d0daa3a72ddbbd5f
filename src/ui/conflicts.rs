//! The conflicts screen: one row per conflict (the item's title and id, the
//! field), ours beside theirs under it. Everything in it comes from someone
//! else's file: it is shown through [`crate::text`] and cut to its column.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::widgets::fit;
use super::widgets::{draw_more, pane_block, scroll_offset};
use crate::app::App;
use crate::model::Conflict;

/// Rows each conflict takes: its item and field, then ours and theirs.
const ROWS: usize = 2;

pub fn draw(app: &App, sel: usize, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = &app.s.live;
    let all = &app.data.conflicts;
    let block = pane_block((w.title)(all.len()), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if all.is_empty() {
        frame.render_widget(Paragraph::new(w.no_conflicts), inner);
        return;
    }
    let width = usize::from(inner.width);
    let visible = usize::from(inner.height) / ROWS;
    let offset = scroll_offset(sel, visible);
    let mut lines = Vec::new();
    for (i, c) in all.iter().enumerate().skip(offset).take(visible.max(1)) {
        lines.extend(rows(app, c, i == sel, width, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, all.len(), theme);
}

/// A conflict's two rows: `▶ title (id) · field`, then ours and theirs, half the width each.
fn rows(app: &App, c: &Conflict, selected: bool, width: usize, theme: Theme) -> [Line<'static>; 2] {
    let w = &app.s.live;
    let mark = if selected { "▶ " } else { "  " };
    // A Mål, key result or Uppgift by its title and id; a check-in or the
    // settings by what the conflict calls it.
    let item = match app.item_title(&c.item) {
        Some(title) => format!("{title} ({})", c.item),
        None => c.item.clone(),
    };
    let head = format!("{mark}{item} · {}: {}", w.field, c.field);
    let style = if selected {
        theme.selected()
    } else {
        theme.title()
    };
    let half = width.saturating_sub(2) / 2;
    let side = |label: &str, v: &serde_json::Value| {
        let text = format!("{label}: {}", value(app, v));
        let cut = fit(&text, half);
        let pad = half.saturating_sub(crate::text::width(&cut));
        format!("{cut}{}", " ".repeat(pad))
    };
    [
        Line::styled(fit(&head, width), style),
        Line::from(vec![
            Span::raw("  "),
            Span::raw(side(w.ours, &c.ours)),
            Span::styled(side(w.theirs, &c.theirs), theme.warning()),
        ]),
    ]
}

/// A value of the file as a person reads it: text as it is, nothing as
/// "(none)", anything else as JSON, on one line (neutralised by [`fit`]).
fn value(app: &App, v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => app.s.live.none.to_string(),
        serde_json::Value::String(s) => s.replace(['\n', '\r'], " "),
        other => other.to_string(),
    }
}
