//! Drawing: one function per screen and region, reading the [`App`] and
//! never changing it. Every size down to 1×1 draws without panicking.

pub mod checkin;
pub mod checklist;
pub mod conflicts;
pub mod detail;
pub mod key_result;
pub mod modal;
pub mod overview;
pub mod past;
pub mod quarter;
pub mod review;
pub mod search;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Modal, Screen, Tone};
use crate::keys::{self, Action, Context};
use crate::text::shown;
use theme::Theme;
use unicode_width::UnicodeWidthStr;

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH, too_small};

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme { color: app.color() };
    if too_small(area.width, area.height) {
        frame.render_widget(
            Paragraph::new(app.strings().too_small).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let status_text = status_lines(app, theme);
    let [body, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_height(&status_text, area)),
        Constraint::Length(1),
    ])
    .areas(area);
    match app.screen() {
        Screen::Quarter => quarter::draw(app, frame, body, theme),
        Screen::Detail { .. } => detail::draw(app, frame, body, theme),
        Screen::CheckIn(st) => checkin::draw(app, st, frame, body, theme),
        Screen::Review(st) => review::draw(app, st, frame, body, theme),
        Screen::Overview { sel } => overview::draw(app, *sel, frame, body, theme),
        Screen::KeyResult(_) => key_result::draw(app, frame, body, theme),
        Screen::Conflicts { sel, full } => conflicts::draw(app, *sel, *full, frame, body, theme),
        Screen::Past(st) => past::draw(app, st, frame, body, theme),
    }
    frame.render_widget(
        Paragraph::new(status_text).wrap(Wrap { trim: false }),
        status,
    );
    draw_footer(app, frame, footer, theme);
    match app.modal() {
        Some(Modal::Form(form)) => modal::draw_form(form, frame, area, theme),
        Some(Modal::Confirm { question, .. }) => {
            modal::draw_confirm(app, question, Context::Confirm, frame, area, theme)
        }
        Some(Modal::CheckInToo { question, .. }) => {
            modal::draw_confirm(app, question, Context::CheckInToo, frame, area, theme)
        }
        Some(Modal::Carry(c)) => review::draw_carry(app, c, frame, area, theme),
        Some(Modal::Search(st)) => search::draw(app, st, frame, body, footer, theme),
        None => {}
    }
    if app.help_open() {
        modal::draw_help(app, frame, area, theme);
    }
    widgets::settle_widths(frame.buffer_mut());
}

/// The status lines: a save problem (until a save succeeds) and the latest
/// message, each wrapped to the width.
fn status_lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(p) = app.save_problem() {
        lines.push(Line::styled(format!("⚠ {}", shown(p)), theme.error()));
    }
    let waiting = app.data().conflicts.len();
    if waiting > 0 && !matches!(app.screen(), Screen::Conflicts { .. }) {
        let text = (app.strings().live.conflicts_wait)(
            waiting,
            &app.key(Action::Conflicts, Context::Quarter),
        );
        if app.message().is_none_or(|m| !m.text.contains(&text)) {
            lines.push(Line::styled(format!("⚠ {text}"), theme.warning()));
        }
    }
    if let Some(m) = app.message() {
        let (mark, style) = match m.tone {
            Tone::Info => ("", theme.info()),
            Tone::Warning => ("⚠ ", theme.warning()),
            Tone::Error => ("⚠ ", theme.error()),
        };
        lines.push(Line::styled(format!("{mark}{}", shown(&m.text)), style));
    }
    lines
}

/// Rows the status lines need at this width, at most a quarter of the screen.
fn status_height(lines: &[Line], area: Rect) -> u16 {
    let w = usize::from(area.width.max(1));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .min(area.height / 4)
        .max(1)
}

/// The keys that work here, from the key table: help and quit first, so a
/// narrow window never hides them.
fn draw_footer(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let hints = key_hints_in(app, &app.layers(), usize::from(area.width), theme);
    frame.render_widget(Paragraph::new(hints), area);
}

/// A line of key hints for `layers` (the footer's, when `footer_only`).
pub fn key_hints(app: &App, layers: &[Context], footer_only: bool, theme: Theme) -> Line<'static> {
    let all = hints(app, layers, footer_only, theme);
    joined(all.into_iter().map(|(_, hint)| hint).collect(), theme)
}

/// The footer's key hints for `layers` in `width` cells: whole hints, in
/// order, as many as fit, then `· ? more` (`· ? fler`) when some were left
/// out, so the help key that lists them all comes last. A hint is never
/// cut: Swedish words would lose their ends.
pub fn key_hints_in(app: &App, layers: &[Context], width: usize, theme: Theme) -> Line<'static> {
    let all = hints(app, layers, true, theme);
    let full = joined(all.iter().map(|(_, hint)| hint.clone()).collect(), theme);
    if full.width() <= width {
        return full;
    }
    // The help key (its first, the shortest to read) closes the line.
    let help = app
        .keymap()
        .bindings_for(layers)
        .into_iter()
        .find(|b| b.action == Action::Help && b.footer)
        .and_then(|b| b.keys.first().map(|k| k.label_in(b.swedish)));
    let tail = match help {
        Some(key) => vec![
            Span::styled(key, theme.title()),
            Span::raw(format!(" {}", app.strings().more)),
        ],
        None => vec![Span::raw("…")],
    };
    let tail_width: usize = tail.iter().map(Span::width).sum();
    let mut kept = Vec::new();
    let mut used = 0;
    for (action, hint) in all {
        if action == Action::Help {
            continue;
        }
        let w = SEPARATOR.width() + hint.iter().map(Span::width).sum::<usize>();
        if used + w + tail_width > width {
            break;
        }
        used += w;
        kept.push(hint);
    }
    let mut line = joined(kept, theme);
    if line.width() + SEPARATOR.width() + tail_width <= width && !line.spans.is_empty() {
        line.push_span(Span::styled(SEPARATOR, theme.dim()));
    }
    if line.width() + tail_width <= width {
        for span in tail {
            line.push_span(span);
        }
    } else if line.spans.is_empty() && width >= 1 {
        line.push_span(Span::styled("…", theme.dim()));
    }
    line
}

/// Between two key hints.
const SEPARATOR: &str = " · ";

/// Each key hint for `layers`, its keys and what they do: help and quit first.
fn hints(
    app: &App,
    layers: &[Context],
    footer_only: bool,
    theme: Theme,
) -> Vec<(Action, [Span<'static>; 2])> {
    let first =
        |b: &keys::Binding| matches!(b.action, Action::Help | Action::CloseHelp | Action::Quit);
    let shown: Vec<keys::Binding> = app
        .keymap()
        .bindings_for(layers)
        .into_iter()
        .filter(|b| b.footer || !footer_only)
        .collect();
    shown
        .iter()
        .filter(|b| first(b))
        .chain(shown.iter().filter(|b| !first(b)))
        .map(|b| {
            let hint = [
                Span::styled(keys::keys_label(b), theme.title()),
                Span::raw(format!(
                    " {}",
                    app.strings().action_in(b.action, app.quarter().is_year())
                )),
            ];
            (b.action, hint)
        })
        .collect()
}

/// Key hints on one line, ` · ` between them.
fn joined(hints: Vec<[Span<'static>; 2]>, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for hint in hints {
        if !spans.is_empty() {
            spans.push(Span::styled(SEPARATOR, theme.dim()));
        }
        spans.extend(hint);
    }
    Line::from(spans)
}

/// A rectangle of at most `w`×`h` centred in `area`, never outside it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
