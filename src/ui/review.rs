//! The quarter review (each Mål's progress, suggested and set score, success
//! by its kind, status, how long it has run, and under it each key result's
//! final value, progress and confidence; while the quarter still runs, a
//! note and each key result's forecast) and the carry dialog.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::centered;
use super::theme::Theme;
use super::widgets::{draw_more, pane_block};
use super::widgets::{fit, fit_spans, progress_bar};
use crate::app::App;
use crate::app::review::{Carry, ReviewState};
use crate::model::carry::quarters_running;
use crate::model::forecast;
use crate::model::numbers::Figures;
use crate::model::progress;
use crate::model::review::proposed_for_carry;
use crate::model::{KeyResult, Objective};
use crate::text::{self, shown};

pub fn draw(app: &App, st: &ReviewState, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    let indexes: Vec<usize> = app.review_objectives(st.quarter);
    // A quarter still running (or not begun) says so above the Mål, before a score is set.
    let note = app.running_note(st.quarter);
    let note_h = u16::from(note.is_some());
    let [head, note_area, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(note_h),
        Constraint::Min(1),
    ])
    .areas(area);
    let numbers = app.numbers(st.quarter);
    let title = if st.quarter.is_year() {
        s.years.review_title
    } else {
        s.review_title
    };
    frame.render_widget(
        Paragraph::new(
            Line::from(vec![
                Span::styled(title(&app.label(st.quarter)), theme.title()),
                Span::raw(format!(" · {}", app.progress_words(&numbers, st.quarter))),
            ])
            .spans
            .into_iter()
            .chain(super::widgets::filter_span(app, theme))
            .collect::<Line>(),
        ),
        head,
    );
    if let Some(note) = note {
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(&format!("⚠ {note}"), usize::from(area.width)),
                theme.warning(),
            )),
            note_area,
        );
    }
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
    let blocks: Vec<Vec<Line>> = indexes
        .iter()
        .enumerate()
        .filter_map(|(pos, i)| {
            let o = app.data().objectives.get(*i)?;
            let f = numbers.get(o);
            Some(objective_block(app, (o, &f), pos == st.sel, width, theme))
        })
        .collect();
    let height = usize::from(inner.height);
    let (offset, visible) = window(&blocks, st.sel, height);
    let lines: Vec<Line> = blocks
        .into_iter()
        .skip(offset)
        .flatten()
        .take(height)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, body, offset, visible, indexes.len(), theme);
}

/// The Mål blocks `height` rows show with `sel` selected: the first shown
/// (as early as lets the selected one show whole) and how many show whole.
fn window(blocks: &[Vec<Line>], sel: usize, height: usize) -> (usize, usize) {
    let sel = sel.min(blocks.len().saturating_sub(1));
    let mut offset = 0;
    let mut used: usize = blocks.iter().take(sel + 1).map(Vec::len).sum();
    while offset < sel && used > height {
        used -= blocks[offset].len();
        offset += 1;
    }
    let mut visible = 0;
    let mut rows = 0;
    for b in &blocks[offset..] {
        if rows + b.len() > height {
            break;
        }
        rows += b.len();
        visible += 1;
    }
    (offset, visible)
}

/// One Mål in the review: its title, kind and quarters running; its bar,
/// suggested and set score, success and status; each key result with its
/// final value, progress and confidence; then the flag or the carry proposal.
fn objective_block(
    app: &App,
    (o, f): (&Objective, &Figures),
    selected: bool,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let s = app.strings();
    let mut lines = Vec::new();
    let suggested = f.suggested_score();
    let running = quarters_running(app.data(), o);
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
    // A Mål spanning on past the reviewed quarter is scored in its last one.
    let continues = !app.quarter().is_year() && o.last_quarter() > app.quarter();
    let mut second = vec![Span::raw(if continues {
        format!(" {}", s.percent_of(f.progress))
    } else {
        format!(
            " {} · {} {}",
            s.percent_of(f.progress),
            s.suggested,
            s.num(suggested)
        )
    })];
    if let Some(set) = o.score {
        let band = progress::score_band(set);
        second.push(Span::raw(format!(" · {} ", s.score.to_lowercase())));
        second.push(Span::styled(
            format!("{} ({})", s.num(set), s.score_band(band)),
            theme.score(band),
        ));
    }
    // Success by the one rule, once there is something to judge.
    if let Some(ok) = f.succeeded {
        let (word, look) = if ok {
            (s.succeeded, progress::PaceStatus::Achieved)
        } else {
            (s.missed, progress::PaceStatus::NotReached)
        };
        second.push(Span::raw(" · "));
        second.push(Span::styled(word, theme.pace(look)));
    }
    second.push(Span::raw(format!(" · {}", s.status(o.status))));
    // The bar gives way to the words: Swedish runs longer than the 80
    // columns the bar was sized for, and no word should be cut (at
    // narrower widths the words end with …).
    let words: usize = second.iter().map(|sp| text::width(&sp.content)).sum();
    let bar = (width / 4).min(20).min(width.saturating_sub(words + 2));
    let mut row = vec![Span::raw("  ")];
    row.extend(progress_bar(bar, f.progress.unwrap_or(0.0), None, theme));
    row.extend(second);
    lines.push(Line::from(fit_spans(row, width)));
    for k in &o.key_results {
        lines.push(key_result_line(app, k, width, theme));
        // While the quarter runs, where the key result's recent history leads.
        if let Some(f) = forecast::of(k, o.dates(app.fy()), app.today()) {
            let words = format!("      {}", s.forecast(&k.measure, &f));
            lines.push(Line::styled(fit(&words, width), theme.dim()));
        }
    }
    let note = if continues {
        let words = (s.years.continues)(&app.label(o.last_quarter()));
        Line::styled(fit(&format!("  ⇢ {words}"), width), theme.dim())
    } else if o.score.is_some_and(|x| progress::committed_flag(o.kind, x)) {
        Line::styled(
            fit(&format!("  ⚠ {}", s.committed_below), width),
            theme.warning(),
        )
    } else if o.status == crate::model::Status::Active && proposed_for_carry(o, f) {
        Line::styled(fit(&format!("  → {}", s.propose_carry), width), theme.dim())
    } else {
        Line::raw("")
    };
    lines.push(note);
    lines
}

/// A key result under its Mål in the review: id and title, then its final
/// value, progress and confidence (the title gives way to the numbers).
fn key_result_line(app: &App, k: &KeyResult, width: usize, theme: Theme) -> Line<'static> {
    let s = app.strings();
    let numbers = format!(
        "  {} · {} · {} {}/10",
        shown(&s.measure_text(&k.measure)),
        s.percent(progress::key_result_progress(k)),
        s.confidence.to_lowercase(),
        k.confidence
    );
    let id = format!("    {} ", shown(app.short_id(&k.id)));
    let title_w = width.saturating_sub(id.width() + numbers.width());
    let title = fit(&k.title, title_w);
    let used = id.width() + text::width(&title);
    Line::from(vec![
        Span::styled(fit(&id, width), theme.dim()),
        Span::raw(title),
        Span::styled(
            fit(&numbers, width.saturating_sub(used)),
            theme.confidence(progress::confidence_band(k.confidence)),
        ),
    ])
}

pub fn draw_carry(app: &App, c: &Carry, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = app.strings();
    // A year's Mål goes on in the next year, not the next quarter.
    let data = app.data();
    let title = match data
        .objective_index(&c.objective)
        .map(|i| &data.objectives[i])
    {
        Some(o) if o.is_yearly() => (s.years.carry_to)(&app.label(o.carry_target())),
        _ => s.carry_title.to_string(),
    };
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
    let open = app.data().objective_index(&c.objective).map_or(0, |i| {
        app.data().objectives[i]
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
        .max(text::width(&title))
        + 4;
    let rect = centered(
        area,
        u16::try_from(w).unwrap_or(u16::MAX),
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
