//! Modals drawn over a screen: forms, the `y`/`n` questions and the help.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;
use tui_input::Input;
use unicode_width::UnicodeWidthStr;

use super::centered;
use super::theme::Theme;
use super::widgets::fit;
use crate::app::App;
use crate::app::form::{Form, Widget};
use crate::keys::{self, Context};
use crate::text::{self, shown};

/// Rows a field takes: a line, or several for a text area, plus its
/// message wrapped to `error_w` cells.
fn field_height(f: &crate::app::form::Field, error_w: usize) -> u16 {
    let body = match &f.widget {
        Widget::Area(_) => AREA_ROWS,
        _ => 1,
    };
    let error = f
        .error
        .as_deref()
        .map_or(0, |e| error_lines(e, error_w).len());
    body.saturating_add(u16::try_from(error).unwrap_or(u16::MAX))
}

/// A field's message in lines of `width` cells at most: a long one (a
/// file's path and the line at fault) is read whole, not cut at the edge.
fn error_lines(e: &str, width: usize) -> Vec<String> {
    let text = format!("⚠ {}", shown(e));
    // Whole words only: a week (2026-W52) or a path is never cut at a hyphen.
    let options = textwrap::Options::new(width.max(1))
        .subsequent_indent("  ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The cells of the widest label, with the room after it.
fn label_width(form: &Form) -> usize {
    let widest = form.fields.iter().filter(|f| !f.hidden);
    widest.map(|f| f.label.width()).max().unwrap_or(0) + 2
}

/// The cells a field's message has in a form `width` cells wide: what is
/// right of the labels.
fn error_width(form: &Form, width: u16) -> usize {
    usize::from(width).saturating_sub(label_width(form) + 2)
}

/// Lines shown for a multi-line field.
const AREA_ROWS: u16 = 4;

/// The rows a form's fields need in `width` cells, warnings included.
pub fn form_height(form: &Form, width: u16) -> u16 {
    let error_w = error_width(form, width);
    let fields: u16 = form
        .fields
        .iter()
        .filter(|f| !f.hidden)
        .map(|f| field_height(f, error_w))
        .fold(0, u16::saturating_add);
    fields.saturating_add(u16::try_from(form.warnings.len()).unwrap_or(u16::MAX))
}

pub fn draw_form(form: &Form, frame: &mut Frame, area: Rect, theme: Theme) {
    let w = 100
        .min(area.width.saturating_sub(4))
        .max(40)
        .min(area.width);
    let h = form_height(form, w.saturating_sub(2)).saturating_add(2);
    let rect = centered(area, w, h);
    frame.render_widget(Clear, rect);
    let title = match &form.about {
        Some(about) => format!(" {}: {about} ", form.title),
        None => format!(" {} ", form.title),
    };
    let title = fit(&title, usize::from(rect.width.saturating_sub(2)));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    draw_fields(form, frame, inner, theme);
}

/// Draws the fields of a form into `inner`, top down; returns the rows used.
pub fn draw_fields(form: &Form, frame: &mut Frame, inner: Rect, theme: Theme) -> u16 {
    let visible: Vec<_> = form
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.hidden)
        .collect();
    let label_w = label_width(form);
    let error_w = error_width(form, inner.width);
    let value_w = usize::from(inner.width).saturating_sub(label_w + 2);
    let mut y = inner.y;
    for (i, f) in &visible {
        if y >= inner.bottom() {
            break;
        }
        let focused = *i == form.focus;
        let marker = if focused { "▸ " } else { "  " };
        let line = TextLine {
            label: format!("{marker}{:<w$}", f.label, w = label_w),
            value_w,
            focused,
            value_style: if focused {
                theme.selected()
            } else {
                Style::default()
            },
        };
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        y = y.saturating_add(draw_field(&f.widget, line, label_w, frame, row, inner));
        for line in f
            .error
            .as_deref()
            .map(|e| error_lines(e, error_w))
            .into_iter()
            .flatten()
        {
            if y >= inner.bottom() {
                break;
            }
            let row = Rect {
                y,
                height: 1,
                ..inner
            };
            draw_field_error(&line, label_w + 2, frame, row, theme);
            y = y.saturating_add(1);
        }
    }
    y = draw_warnings(form, frame, inner, y, theme);
    y.saturating_sub(inner.y)
}

/// One field from `row` down, its label (`label_w` wide) first: a line of
/// text, a choice or a text area (beside its label, as tall as the form
/// leaves it); returns the rows it takes.
fn draw_field(
    widget: &Widget,
    line: TextLine,
    label_w: usize,
    frame: &mut Frame,
    row: Rect,
    inner: Rect,
) -> u16 {
    match widget {
        Widget::Text(input) => {
            draw_text_input(input, line, frame, row, inner);
            1
        }
        Widget::Choice(options, chosen) => {
            let value = format!(
                "‹ {} ›",
                shown(options.get(*chosen).map(String::as_str).unwrap_or(""))
            );
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::raw(line.label),
                    Span::styled(value, line.value_style),
                ])),
                row,
            );
            1
        }
        Widget::Area(text) => {
            let label_cells = u16::try_from(label_w + 2).unwrap_or(u16::MAX);
            frame.render_widget(Paragraph::new(line.label), row);
            let rect = Rect {
                x: inner.x.saturating_add(label_cells),
                y: row.y,
                width: inner.width.saturating_sub(label_cells),
                height: AREA_ROWS.min(inner.bottom().saturating_sub(row.y)),
            };
            draw_text_area(text, line.focused, line.value_style, frame, rect);
            AREA_ROWS
        }
    }
}

/// How a one-line text field is drawn: its label (with the focus marker),
/// the cells its value has and the value's look.
struct TextLine {
    label: String,
    value_w: usize,
    focused: bool,
    value_style: Style,
}

/// A one-line text field on `row`, its value scrolled so the cursor stays
/// in sight, and the cursor put there when the field has the focus.
fn draw_text_input(input: &Input, line: TextLine, frame: &mut Frame, row: Rect, inner: Rect) {
    let TextLine {
        label,
        value_w,
        focused,
        value_style,
    } = line;
    // The value as the screen shows it (placeholders for controls),
    // so the cursor is counted in the cells it is drawn in.
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    let cursor = text::width(&shown(&value[..at]));
    let scroll = cursor.saturating_sub(value_w.max(1));
    // `scroll` counts cells, not characters: skip whole graphemes.
    let mut skipped = 0;
    let visible: String =
        unicode_segmentation::UnicodeSegmentation::graphemes(shown(value).as_str(), true)
            .skip_while(|g| {
                let skip = skipped < scroll;
                if skip {
                    skipped += text::width(g);
                }
                skip
            })
            .collect();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(label.clone()),
            Span::styled(fit(&visible, value_w), value_style),
        ])),
        row,
    );
    if focused {
        let x = label.width() + cursor.saturating_sub(skipped);
        let x = inner.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
        if x < inner.right() {
            frame.set_cursor_position(Position { x, y: row.y });
        }
    }
}

/// A multi-line text field in `rect`, its cursor hidden unless focused.
fn draw_text_area(
    text: &TextArea<'static>,
    focused: bool,
    value_style: Style,
    frame: &mut Frame,
    rect: Rect,
) {
    let mut shown = text.clone();
    shown.set_style(value_style);
    if !focused {
        shown.set_cursor_style(Style::default());
    }
    frame.render_widget(&shown, rect);
}

/// A line of a field's error on `row`, below the field's value (`indent`
/// cells in); the line is already shown safe ([`error_lines`]).
fn draw_field_error(line: &str, indent: usize, frame: &mut Frame, row: Rect, theme: Theme) {
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{:indent$}{line}", ""), theme.error())),
        row,
    );
}

/// The form's warnings, a line each from row `y` while rows are left;
/// returns the row after the last.
fn draw_warnings(form: &Form, frame: &mut Frame, inner: Rect, mut y: u16, theme: Theme) -> u16 {
    for w in &form.warnings {
        if y >= inner.bottom() {
            break;
        }
        frame.render_widget(
            Paragraph::new(Line::styled(format!("⚠ {}", shown(w)), theme.warning())),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
        y = y.saturating_add(1);
    }
    y
}

/// A `y`/`n` question: before a delete, saying what goes along; whether to
/// correct a check-in too. `ctx` gives the keys that answer it.
pub fn draw_confirm(
    app: &App,
    question: &str,
    ctx: Context,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let question = shown(question);
    let keys = super::key_hints(app, &[ctx], true, theme);
    let w = (question.width().max(keys.width()) + 4)
        .min(70)
        .min(usize::from(area.width));
    // The question wraps in the box; the keys follow it.
    let inner_w = w.saturating_sub(2).max(1);
    let rows = question.width().div_ceil(inner_w) + keys.width().div_ceil(inner_w);
    let h = u16::try_from(rows + 2).unwrap_or(u16::MAX).max(6);
    let rect = centered(area, u16::try_from(w).unwrap_or(u16::MAX), h);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning());
    frame.render_widget(
        Paragraph::new(vec![Line::raw(question), keys])
            .block(block)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// The keys of whatever is under the overlay, from the same table that
/// handles them, and how to close it.
pub fn draw_help(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let bindings = app.keymap().bindings_for(&app.layers_under_help());
    // Keys in a column of at most KEY_COLUMN cells; a longer list of keys
    // (the cursor keys of a text field) takes a line of its own.
    const KEY_COLUMN: usize = 16;
    let key_w = bindings
        .iter()
        .map(|b| keys::keys_label(b).width())
        .filter(|w| *w <= KEY_COLUMN)
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines: Vec<Line> = Vec::new();
    for b in &bindings {
        let label = keys::keys_label(b);
        if label.width() > KEY_COLUMN {
            lines.push(Line::styled(label, theme.title()));
            lines.push(Line::raw(format!(
                "{:key_w$}{}",
                "",
                s.action_in(b.action, app.quarter().is_year())
            )));
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<key_w$}"), theme.title()),
                Span::raw(s.action_in(b.action, app.quarter().is_year())),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(super::key_hints(app, &[Context::Help], true, theme));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 60, h);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", s.help_title), theme.title()));
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // In a small window the help scrolls with j/k (said in its title).
    let visible = rect.height.saturating_sub(2);
    let scroll = app.help_scroll().min(rows.saturating_sub(visible));
    let block = if rows > visible {
        block.title_bottom(Span::styled(" j/k ↓↑ ", theme.dim()))
    } else {
        block
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .wrap(Wrap { trim: false }),
        rect,
    );
}
