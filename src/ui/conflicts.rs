//! The conflicts screen: one row per conflict (the item's title and id, the
//! field in words), ours beside theirs under it, formatted as everywhere. Everything in it comes from someone
//! else's file: it is shown through [`crate::text`] and cut to its column.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::fit;
use super::widgets::{draw_more, pane_block, scroll_offset};
use crate::app::App;
use crate::model::Conflict;

/// Rows each conflict takes: its item and field, then ours and theirs.
const ROWS: usize = 2;

pub fn draw(app: &App, sel: usize, full: bool, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = &app.strings().live;
    let all = &app.data().conflicts;
    let block = pane_block((w.title)(all.len()), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if all.is_empty() {
        frame.render_widget(Paragraph::new(w.no_conflicts), inner);
        return;
    }
    if let Some(c) = all.get(sel).filter(|_| full) {
        draw_full(app, c, frame, inner, theme);
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
    let w = &app.strings().live;
    let mark = if selected { "▶ " } else { "  " };
    // A Mål, key result or Uppgift by its title and id; a check-in or the
    // settings by what the conflict calls it.
    let item = match app.item_title(&c.item) {
        Some(title) => format!("{title} ({})", app.short_id(&c.item)),
        None => c.item.clone(),
    };
    let head = if c.field == "deleted" {
        format!(
            "{mark}{item} · {}",
            (w.deleted)(c.ours == serde_json::Value::Bool(true))
        )
    } else {
        format!("{mark}{item} · {}", app.field_words(&c.field))
    };
    let style = if selected {
        theme.selected()
    } else {
        theme.title()
    };
    // Two columns with a space between them, so that a cut value never
    // runs into the other side's name.
    let half = width.saturating_sub(3) / 2;
    let side = |label: &str, v: &serde_json::Value| {
        let text = format!("{label}: {}", value(app, &c.field, v));
        let cut = fit(&text, half);
        let pad = half.saturating_sub(crate::text::width(&cut));
        format!("{cut}{}", " ".repeat(pad))
    };
    let (ours, theirs) = labels(app, c);
    [
        Line::styled(fit(&head, width), style),
        Line::from(vec![
            Span::raw("  "),
            Span::raw(side(&ours, &c.ours)),
            Span::raw(" "),
            Span::styled(side(&theirs, &c.theirs), theme.warning()),
        ]),
    ]
}

/// What each side is called: by the person who made the value and the day,
/// where the file knows ("Anna, 2027-01-25"), else ours and theirs.
fn labels(app: &App, c: &Conflict) -> (String, String) {
    let w = &app.strings().live;
    let label = |fallback: &str, by: &Option<String>, on: &Option<chrono::NaiveDate>| match (by, on)
    {
        (Some(by), Some(on)) => format!("{by}, {on}"),
        (Some(by), None) => by.clone(),
        (None, _) => fallback.to_string(),
    };
    (
        label(w.ours, &c.ours_by, &c.ours_on),
        label(w.theirs, &c.theirs_by, &c.theirs_on),
    )
}

/// One conflict in full: what it is about, then each side's value whole,
/// over as many lines as it takes (a note's own lines kept).
fn draw_full(app: &App, c: &Conflict, frame: &mut Frame, area: Rect, theme: Theme) {
    let [head, _] = rows(app, c, true, usize::from(area.width), theme);
    let mut lines = vec![head, Line::raw("")];
    let (ours, theirs) = labels(app, c);
    for (label, v, style) in [
        (ours.as_str(), &c.ours, theme.title()),
        (theirs.as_str(), &c.theirs, theme.warning()),
    ] {
        lines.push(Line::styled(
            format!("{}:", crate::text::shown(label)),
            style,
        ));
        for part in full_value(app, &c.field, v).lines() {
            lines.push(Line::raw(format!("  {}", crate::text::shown(part))));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// A value whole: text with its line breaks, an entry's note on lines of its own.
fn full_value(app: &App, field: &str, v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(text) if !names_an_item(field) => text.clone(),
        Value::Object(entry) if entry.contains_key("note") => {
            let note = entry.get("note").and_then(Value::as_str).unwrap_or("");
            let mut bare = entry.clone();
            bare.remove("note");
            format!("{}\n{note}", value(app, field, &Value::Object(bare)))
        }
        other => value(app, field, other),
    }
}

/// Whether a field's value is the id of a Mål, key result or Uppgift.
fn names_an_item(field: &str) -> bool {
    matches!(
        field,
        "parent" | "objective" | "key_result" | "carried_from" | "id"
    )
}

/// A value of the file as a person reads it, formatted as everywhere else:
/// numbers in the language's convention, an id by its title, an entry as
/// its value, confidence and note, nothing as "(none)"; on one line
/// (neutralised by [`fit`]).
fn value(app: &App, field: &str, v: &serde_json::Value) -> String {
    use serde_json::Value;
    let s = app.strings();
    let w = &s.live;
    match v {
        Value::Null => w.none.to_string(),
        Value::Bool(b) if field == "deleted" => (if *b { w.gone } else { w.kept }).to_string(),
        Value::Bool(b) => (if *b { w.yes } else { w.no }).to_string(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), |x| s.num_exact(x)),
        Value::String(text)
            if matches!(
                field,
                "parent" | "objective" | "key_result" | "carried_from" | "id"
            ) =>
        {
            match app.item_title(text) {
                Some(title) => format!("{title} ({})", app.short_id(text)),
                None => text.clone(),
            }
        }
        Value::String(text) => text.replace(['\n', '\r'], " "),
        Value::Object(entry) if entry.contains_key("value") => {
            let mut parts = vec![value(app, "", &entry["value"])];
            if let Some(c) = entry.get("confidence").and_then(Value::as_u64) {
                parts.push(format!("{} {c}", w.confidence));
            }
            if let Some(note) = entry.get("note").and_then(Value::as_str)
                && !note.is_empty()
            {
                parts.push(note.replace(['\n', '\r'], " "));
            }
            parts.join(" · ")
        }
        other => other.to_string(),
    }
}
