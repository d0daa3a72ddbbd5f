//! Small pieces drawn as text: the progress bar with its pace mark, a
//! sparkline of history, width-safe truncation of text from the file, the
//! last check that every drawn cell is as wide as the terminal draws it,
//! what every pane shares (its border, its scrolling and the marks of it),
//! and the lines more than one screen draws of a Mål or a key result (bar,
//! status, confidence) and of whose Mål are shown.

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::app::App;
use crate::model::numbers::{Figures, Numbers};
use crate::model::progress::{self, confidence_band, unit_clamp};
use crate::model::{KeyResult, Objective};
use crate::text::{self, PLACEHOLDER, shown};

/// A bar `width` cells wide: filled to `progress`, with `┃` at the pace.
pub fn progress_bar(
    width: usize,
    progress: f64,
    pace: Option<f64>,
    theme: Theme,
) -> Vec<Span<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let filled = (unit_clamp(progress) * width as f64).round() as usize;
    let mark = pace.map(|p| ((unit_clamp(p) * width as f64).round() as usize).min(width - 1));
    let mut spans = Vec::new();
    for i in 0..width {
        let (ch, style) = if Some(i) == mark {
            ("┃", theme.pace_mark())
        } else if i < filled {
            ("█", theme.bar_filled())
        } else {
            ("░", theme.dim())
        };
        spans.push(Span::styled(ch, style));
    }
    spans
}

/// A sparkline of values, the last `width` of them, scaled to their range.
pub fn sparkline(values: &[f64], width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let tail = &values[values.len().saturating_sub(width)..];
    let finite = tail.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    tail.iter()
        .map(|v| {
            if !v.is_finite() || hi <= lo {
                BARS[3]
            } else {
                let i = (((v - lo) / (hi - lo)) * 7.0).round() as usize;
                BARS[i.min(7)]
            }
        })
        .collect()
}

/// Text for the screen (neutralised by [`text::shown`]), cut to `width`
/// display cells and ending with `…` when cut. Widths are counted grapheme
/// by grapheme, as ratatui draws them.
pub fn fit(text: &str, width: usize) -> String {
    let shown = text::shown(text);
    if text::width(&shown) <= width {
        return shown;
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in shown.graphemes(true) {
        let w = usize::from(g.cell_width());
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// What ends a line that left parts out.
pub const MORE: &str = " …";

/// The mark of a key result that measures itself (`okr refresh`), after
/// its id.
pub const MEASURED: char = '⟳';

/// A line of parts (spans) in `width` cells: whole parts, as many as fit,
/// then ` …` when some were left out; a ` · ` left last goes too. A part is
/// never cut, so no word or number is shown in half without a mark.
pub fn fit_spans(mut spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    if spans.iter().map(Span::width).sum::<usize>() <= width {
        return spans;
    }
    let room = width.saturating_sub(MORE.width());
    let mut used = 0;
    let fits = spans
        .iter()
        .take_while(|s| {
            used += s.width();
            used <= room
        })
        .count();
    spans.truncate(fits);
    while spans
        .last()
        .is_some_and(|s| s.content.trim_matches([' ', '·']).is_empty())
    {
        spans.pop();
    }
    if let Some(last) = spans.last_mut() {
        last.content = last.content.trim_end().to_string().into();
    }
    let more = if spans.is_empty() { "…" } else { MORE };
    if more.width() <= width {
        spans.push(Span::raw(more));
    }
    spans
}

/// Makes every cell of a drawn frame as wide for the terminal (which moves
/// its cursor character by character) as ratatui counted it. Text from the
/// file is neutralised before it is laid out; this catches what is drawn as
/// typed, like a title being edited, so a joined emoji never pushes a border
/// out of place or leaves bits of an earlier frame.
pub fn settle_widths(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if symbol.len() <= 1 {
            continue;
        }
        let cells = usize::from(symbol.cell_width().max(1));
        if advance(symbol) == cells {
            continue;
        }
        // What fits of the symbol as the screen shows it, padded to its cells.
        let mut settled = String::new();
        let mut used = 0;
        for g in text::shown(symbol).graphemes(true) {
            let w = usize::from(g.cell_width());
            if used + w > cells {
                break;
            }
            settled.push_str(g);
            used += w;
        }
        if used == 0 {
            settled.push(PLACEHOLDER);
            used = 1;
        }
        settled.extend(std::iter::repeat_n(' ', cells.saturating_sub(used)));
        cell.set_symbol(&settled);
    }
}

/// How far a terminal that draws character by character moves for `text`.
pub fn advance(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A block whose border shows whether it has the focus (bold and marked, not only coloured).
pub fn pane_block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    let (title, style) = if focused {
        (format!("▶ {title} "), theme.focused_border())
    } else {
        (format!(" {title} "), Style::default())
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style))
}

/// Marks on a pane's bottom border how many items are above and below the
/// visible ones (`↑2 ↓5`), so a list never hides that it scrolls.
pub fn draw_more(
    frame: &mut Frame,
    pane: Rect,
    offset: usize,
    visible: usize,
    total: usize,
    theme: Theme,
) {
    let below = total.saturating_sub(offset + visible.max(1));
    if offset == 0 && below == 0 {
        return;
    }
    let text = format!(" ↑{offset} ↓{below} ");
    let w = u16::try_from(text.width()).unwrap_or(u16::MAX);
    if pane.height < 2 || pane.width < w.saturating_add(2) {
        return;
    }
    let at = Rect {
        x: pane.right().saturating_sub(w + 1),
        y: pane.bottom() - 1,
        width: w,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(text, theme.dim())), at);
}

/// First row to show so that `selected` is visible among `visible` rows.
pub fn scroll_offset(selected: usize, visible: usize) -> usize {
    if visible == 0 {
        selected
    } else {
        selected.saturating_sub(visible - 1)
    }
}

/// Whose Mål are shown (` · showing: Bo`), once some Mål has an owner or a
/// filter is set: a one-person file shows what it always did.
pub fn filter_span(app: &App, theme: Theme) -> Option<Span<'static>> {
    let filtered = *app.filter() != crate::model::owners::OwnerFilter::Everyone;
    (app.has_owners() || filtered).then(|| {
        let style = if filtered {
            theme.warning()
        } else {
            theme.dim()
        };
        Span::styled(
            format!(
                " · {}: {}",
                app.strings().team.showing,
                shown(&app.filter_label())
            ),
            style,
        )
    })
}

/// The `progress · status · confidence` line shared by Mål and key results;
/// a Mål with no progress yet says so instead of a status.
pub fn status_spans(
    app: &App,
    progress: Option<f64>,
    status: Option<progress::PaceStatus>,
    confidence: Option<u8>,
    theme: Theme,
) -> Vec<Span<'static>> {
    let s = app.strings();
    let mut spans = vec![
        Span::raw(format!(" {:>5} ", s.percent_of(progress))),
        match status {
            Some(status) => Span::styled(s.pace_status(status).to_string(), theme.pace(status)),
            None => Span::styled(s.no_progress_yet.to_string(), theme.dim()),
        },
    ];
    if let Some(c) = confidence {
        spans.extend(confidence_spans(app, c, theme));
    }
    spans
}

/// Each Mål's bar and `progress · status · confidence` words, on lines of
/// `width` cells, with how many of its key results are behind pace between
/// the last two: in full words when every line fits them beside a bar of
/// 16 cells, else in short ones. The bars, one width for all so that they
/// compare, give up room to the words. Every number is `numbers`' (the
/// quarter's, [`App::numbers`]).
pub fn objective_lines(
    app: &App,
    numbers: &Numbers,
    objectives: &[&Objective],
    width: usize,
    theme: Theme,
) -> Vec<Vec<Span<'static>>> {
    let cells = |spans: &Vec<Span>| spans.iter().map(Span::width).sum::<usize>();
    let widest = (width / 3).min(30);
    let figures: Vec<Figures> = objectives.iter().map(|o| numbers.get(o)).collect();
    let words_in = |behind_words| {
        objectives
            .iter()
            .zip(&figures)
            .map(|(o, f)| objective_spans(app, o, f, behind_words, theme))
            .collect::<Vec<_>>()
    };
    let full = words_in(app.strings().key_results_behind);
    let words = if full.iter().all(|w| cells(w) + widest.min(16) <= width) {
        full
    } else {
        words_in(app.strings().key_results_behind_short)
    };
    let room = words.iter().map(|w| width.saturating_sub(cells(w))).min();
    let bar_w = widest.min(room.unwrap_or(widest).max(widest.min(10)));
    figures
        .iter()
        .zip(words)
        .map(|(f, words)| {
            let mut line = progress_bar(
                bar_w,
                f.progress.unwrap_or(0.0),
                f.progress.map(|_| f.pace),
                theme,
            );
            line.extend(words);
            line
        })
        .collect()
}

fn objective_spans(
    app: &App,
    o: &Objective,
    f: &Figures,
    behind_words: fn(usize, usize) -> String,
    theme: Theme,
) -> Vec<Span<'static>> {
    let mut spans = status_spans(app, f.progress, f.status, None, theme);
    if f.from_children > 0 {
        spans.push(Span::styled(
            format!(" · {}", (app.strings().team.from_children)(f.from_children)),
            theme.dim(),
        ));
    }
    if let Some((behind, all)) = f.behind {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            behind_words(behind, all),
            theme.pace(progress::PaceStatus::Behind),
        ));
    }
    if let Some(c) = progress::objective_confidence(o) {
        spans.extend(confidence_spans(app, c, theme));
    }
    // Stale key results, as the key result lines mark them, while the quarter runs.
    let stale = if o.dates(app.fy()).contains(app.today()) {
        o.key_results
            .iter()
            .filter(|k| progress::is_stale(k, app.today()))
            .count()
    } else {
        0
    };
    if stale > 0 {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            (app.strings().daily.stale_count)(stale),
            theme.warning(),
        ));
    }
    spans
}

fn confidence_spans(app: &App, c: u8, theme: Theme) -> [Span<'static>; 2] {
    [
        Span::raw(" · "),
        Span::styled(
            format!("{} {c}/10", app.strings().confidence.to_lowercase()),
            theme.confidence(confidence_band(c)),
        ),
    ]
}

/// The smallest part of a key result's title that words after it leave.
const TITLE_KEEPS: usize = 20;

/// A key result's title line on `width` cells: its id and title, and
/// `aside` after them (dim, after ` · `) where the title keeps
/// [`TITLE_KEEPS`] cells (or all of it, when shorter); else the title alone.
pub fn key_result_title(
    app: &App,
    k: &KeyResult,
    selected: bool,
    width: usize,
    aside: Option<&str>,
    theme: Theme,
) -> Line<'static> {
    let marker = if selected { "▸ " } else { "  " };
    let mut id = format!("{} ", shown(app.short_id(&k.id)));
    if app.measured_automatically(&k.id) {
        id.push(MEASURED);
        id.push(' ');
    }
    let room = width.saturating_sub(2 + text::width(&id));
    let keeps = text::width(&shown(&k.title)).min(TITLE_KEEPS);
    let aside = aside
        .map(|a| shown(&format!(" · {a}")))
        .filter(|a| text::width(a) + keeps <= room);
    let aside_w = aside.as_deref().map_or(0, text::width);
    let mut spans = vec![
        Span::raw(marker),
        Span::styled(id, theme.dim()),
        Span::raw(fit(&k.title, room.saturating_sub(aside_w))),
    ];
    if let Some(a) = aside {
        spans.push(Span::styled(a, theme.dim()));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}

/// Two lines for a key result: title, then bar, value, status, confidence, stale mark.
pub fn key_result_rows(
    app: &App,
    k: &KeyResult,
    selected: bool,
    width: usize,
    theme: Theme,
) -> [Line<'static>; 2] {
    let s = app.strings();
    let dates = app
        .objective()
        .map_or(app.quarter().dates(app.fy()), |o| o.dates(app.fy()));
    let pace = progress::key_result_pace(k, dates, app.today());
    let p = progress::key_result_progress(k);
    let status = progress::key_result_status(k, dates, app.today());
    let first = key_result_title(app, k, selected, width, None, theme);
    let bar_w = (width / 4).clamp(0, 20);
    let mut second = vec![Span::raw("  ")];
    second.extend(progress_bar(bar_w, p, Some(pace), theme));
    second.push(Span::raw(format!(
        " {}",
        shown(&s.measure_text(&k.measure))
    )));
    second.extend(status_spans(
        app,
        Some(p),
        Some(status),
        Some(k.confidence),
        theme,
    ));
    // Staleness is about a running quarter: a finished one is not updated any more.
    if dates.contains(app.today()) && progress::is_stale(k, app.today()) {
        second.push(Span::styled(format!(" · {}", s.stale), theme.warning()));
    }
    [first, Line::from(fit_spans(second, width))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_has_its_width_and_pace_mark() {
        let t = Theme { color: false };
        let bar: String = progress_bar(10, 0.5, Some(0.8), t)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(bar, "█████░░░┃░");
        assert_eq!(progress_bar(0, 0.5, None, t).len(), 0);
        let full: String = progress_bar(4, 7.0, Some(f64::NAN), t)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(full, "┃███");
    }

    #[test]
    fn fit_counts_display_width() {
        assert_eq!(fit("Mål", 3), "Mål");
        assert_eq!(fit("Expandera globalt", 6), "Expan…");
        assert_eq!(fit("abc", 0), "");
        // A placeholder for an escape, and a joined emoji as its parts, within the width.
        assert_eq!(fit("a\u{1b}[2J", 10), "a�[2J");
        assert_eq!(fit("👨\u{200d}👩\u{200d}👧 x", 5), "👨👩…");
        assert_eq!(fit("لا", 1), "…");
    }

    #[test]
    fn parts_that_do_not_fit_are_left_out_whole_and_marked() {
        let parts = || {
            ["██", " 55 %", " · ", "säkerhet 6/10"]
                .map(Span::raw)
                .to_vec()
        };
        let text = |spans: Vec<Span>| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(text(fit_spans(parts(), 23)), "██ 55 % · säkerhet 6/10");
        assert_eq!(text(fit_spans(parts(), 22)), "██ 55 % …");
        assert_eq!(text(fit_spans(parts(), 4)), "██ …");
        assert_eq!(text(fit_spans(parts(), 2)), "…");
        assert!(fit_spans(parts(), 0).is_empty());
        assert_eq!(sparkline(&[0.0, 5.0, 10.0], 10), "▁▅█");
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 2), "▁█");
    }

    #[test]
    fn settled_cells_are_as_wide_as_the_terminal_draws_them() {
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(
            0,
            0,
            "👨\u{200d}👩\u{200d}👧❤\u{fe0f}ab│",
            ratatui::style::Style::default(),
        );
        assert_eq!(advance(buf[(0, 0)].symbol()), 6);
        settle_widths(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "👨");
        assert_eq!(buf[(2, 0)].symbol(), "❤ ");
        let mut x = 0;
        let mut column = 0;
        while x < 12 {
            let symbol = buf[(x, 0)].symbol();
            let cells = symbol.cell_width().max(1);
            assert_eq!(advance(symbol), usize::from(cells), "{symbol:?}");
            column += usize::from(cells);
            x += cells;
        }
        assert_eq!(column, 12);
        assert_eq!(buf[(6, 0)].symbol(), "│");
    }
}
