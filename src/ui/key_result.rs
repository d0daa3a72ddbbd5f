//! A key result's own view: its bar line, a chart of its value over the
//! quarter (the value, its recorded points, the ideal pace from start to
//! target, the forecast from the latest value to the quarter's last day,
//! today, a keep-at level), a legend that names each line by its marker,
//! and its history, newest first, with the selected entry's note.
//! A carried key result shows the history of the one it was carried from
//! too, marked as before the carry, and its chart begins in that quarter.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{MEASURED, fit, key_result_rows};
use super::widgets::{draw_more, pane_block, scroll_offset};
use crate::app::App;
use crate::keys::{Action, Context};
use crate::model::carry::history_before_carry;
use crate::model::forecast;
use crate::model::progress::{self, confidence_band};
use crate::model::{Dates, FiscalYear, HistoryEntry, KeyResult, Measure, Quarter};
use crate::text::{self, shown};

/// The markers of the chart, so it reads without colour.
const VALUE: char = '•';
const RECORDED: char = '◆';
const IDEAL: char = '·';
const TODAY: char = '│';
const LEVEL: char = '-';
const FORECAST: char = '╌';
const BEFORE: char = '○';
const BEFORE_LINE: char = '◦';
/// The smallest chart worth drawing: width and height.
const MIN_CHART: (u16, u16) = (16, 4);

/// The chart's data: x is the day of the quarter (0 its first day).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The day x is 0: the quarter's first day, or with a history before
    /// the carry, the first day of that history's first quarter.
    pub first_day: NaiveDate,
    /// The x of the quarter's last day.
    pub last_day: f64,
    /// The value over time: from the quarter's start (when an earlier
    /// entry says what it was) through each entry to today.
    pub values: Vec<(f64, f64)>,
    /// Each history entry of the quarter.
    pub recorded: Vec<(f64, f64)>,
    /// From the start on the day the key result counts from to the target
    /// on the last day (numeric key results).
    pub ideal: Vec<(f64, f64)>,
    /// A keep-at level across the quarter.
    pub level: Vec<(f64, f64)>,
    /// From the latest entry to its forecast on the quarter's last day,
    /// while the quarter runs ([`forecast::of`]).
    pub forecast: Vec<(f64, f64)>,
    /// The entries of the key results it was carried from.
    pub before: Vec<(f64, f64)>,
    /// A vertical line at today, while the quarter runs.
    pub today: Vec<(f64, f64)>,
    /// The value axis: lowest and highest of everything drawn.
    pub y: [f64; 2],
}

/// What the chart of `k` draws on `today` over its Mål's days (`dates`: a
/// quarter's, a year's or a span's), with `earlier` the history before the
/// carry (oldest first; empty when not carried) from its quarter's start.
pub fn series(
    k: &KeyResult,
    earlier: &[&HistoryEntry],
    (dates, fy): (Dates, FiscalYear),
    today: NaiveDate,
) -> Series {
    let first = dates.first;
    let first_day = earlier
        .iter()
        .map(|h| Quarter::of(h.date, fy).first_day(fy))
        .min()
        .map_or(first, |d| d.min(first));
    let x = |d: NaiveDate| (d - first_day).num_days() as f64;
    let last_day = x(dates.last);
    let before: Vec<(f64, f64)> = earlier.iter().map(|h| (x(h.date), h.value)).collect();
    let recorded: Vec<(f64, f64)> = k
        .history
        .iter()
        .filter(|h| dates.contains(h.date))
        .map(|h| (x(h.date), h.value))
        .collect();
    let mut values = Vec::new();
    if let Some(earlier) = k.history.iter().rev().find(|h| h.date < first) {
        values.push((x(first), earlier.value));
    } else if let Some(&(_, value)) = before.last() {
        // A carried key result goes on from where the one before it stood.
        values.push((x(first), value));
    }
    values.extend(recorded.iter().copied());
    let until = if dates.contains(today) {
        Some(x(today))
    } else {
        dates.ended(today).then_some(last_day)
    };
    if let (Some(until), Some(&(at, value))) = (until, values.last())
        && until > at
    {
        values.push((until, value));
    }
    let (ideal, level) = match &k.measure {
        Measure::Numeric(n) => {
            let from = x(progress::key_result_start(k, dates));
            (vec![(from, n.start), (last_day, n.target)], Vec::new())
        }
        Measure::AtLeast(l) | Measure::AtMost(l) => {
            (Vec::new(), vec![(x(first), l.level), (last_day, l.level)])
        }
        Measure::Done(_) => (Vec::new(), Vec::new()),
    };
    let forecast: Vec<(f64, f64)> = forecast::of(k, dates, today)
        .map(|f| vec![(x(f.from.0), f.from.1), (last_day, f.value)])
        .unwrap_or_default();
    let drawn = values.iter().chain(&ideal).chain(&level).chain(&before);
    let y = y_range(k, drawn.chain(&forecast));
    let today = if dates.contains(today) {
        vec![(x(today), y[0]), (x(today), y[1])]
    } else {
        Vec::new()
    };
    Series {
        first_day,
        last_day,
        values,
        recorded,
        ideal,
        level,
        forecast,
        before,
        today,
        y,
    }
}

/// The chart's values from bottom to top: every point drawn and the
/// current value, widened around a single value; 0–1 for a done / not done
/// key result (or nothing finite to show).
fn y_range<'a>(k: &KeyResult, points: impl Iterator<Item = &'a (f64, f64)>) -> [f64; 2] {
    let ys = points
        .map(|(_, y)| *y)
        .chain([k.measure.current()])
        .filter(|y| y.is_finite());
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    if k.measure.is_binary() || !lo.is_finite() || !hi.is_finite() {
        [0.0, 1.0]
    } else if hi - lo < f64::EPSILON * lo.abs().max(1.0) {
        let pad = (lo.abs() * 0.1).max(1.0);
        [lo - pad, hi + pad]
    } else {
        [lo, hi]
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let Some((o, k, v)) = app.viewed_key_result() else {
        return;
    };
    let s = app.strings();
    let width = usize::from(area.width);
    let history = &k.history;
    let selected = v.entry_index(history.len()).and_then(|i| history.get(i));
    let note = selected.map_or("", |h| h.note.as_str());
    let note_h: u16 = if note.is_empty() { 0 } else { 2 };
    let ahead = forecast::of(k, o.dates(app.fy()), app.today());
    let head_h = 2 + u16::from(ahead.is_some());
    let rest = area.height.saturating_sub(head_h + 1 + note_h);
    let earlier = history_before_carry(app.data(), o, k);
    let data = series(k, &earlier, (o.dates(app.fy()), app.fy()), app.today());
    let measured = app.measured_automatically(&k.id);
    let legend_lines = legend_lines(app, &data, measured, width, theme);
    // Too small to read, the chart and its legend give their rows to the
    // history; a legend on two lines takes its second from the chart.
    let rows = u16::try_from(legend_lines.len()).unwrap_or(1);
    let chart_h = (rest * 11 / 20).saturating_sub(rows.saturating_sub(1));
    let (chart_h, legend_h) = if chart_h < MIN_CHART.1 || area.width < MIN_CHART.0 {
        (0, 0)
    } else {
        (chart_h, rows)
    };
    let [head, chart, legend, list, note_area] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Length(chart_h),
        Constraint::Length(legend_h),
        Constraint::Length((rest + 1).saturating_sub(chart_h + legend_h)),
        Constraint::Length(note_h),
    ])
    .areas(area);

    let where_ = (s.daily.in_objective)(&shown(&o.title), &o.term_label(app.fy()).to_string());
    let mark = if measured {
        format!("{MEASURED} ")
    } else {
        String::new()
    };
    let what = format!("{} {mark}{}", shown(app.short_id(&k.id)), shown(&k.title));
    let title_w = width.saturating_sub(text::width(s.daily.key_result) + 3);
    let [_, bar_line] = key_result_rows(app, k, false, width, theme);
    let mut head_lines = vec![
        Line::from(vec![
            Span::styled(format!("{} · ", s.daily.key_result), theme.dim()),
            Span::styled(fit(&what, title_w), theme.title()),
            Span::styled(
                fit(
                    &format!("  {where_}"),
                    title_w.saturating_sub(text::width(&what)),
                ),
                theme.dim(),
            ),
        ]),
        bar_line,
    ];
    if let Some(f) = ahead {
        let words = format!("{FORECAST} {}", s.forecast(&k.measure, &f));
        head_lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(fit(&words, width.saturating_sub(2)), theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(head_lines), head);

    draw_chart(app, k, o.dates(app.fy()), &data, frame, chart, theme);
    frame.render_widget(Paragraph::new(legend_lines), legend);
    draw_history(app, k, &earlier, v.sel, frame, list, theme);
    if !note.is_empty() {
        let line = Line::from(vec![
            Span::styled(format!("{}: ", s.note), theme.dim()),
            Span::raw(shown(note)),
        ]);
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), note_area);
    }
}

fn draw_chart(
    app: &App,
    k: &KeyResult,
    dates: Dates,
    data: &Series,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    if area.width < MIN_CHART.0 || area.height < MIN_CHART.1 {
        return;
    }
    let s = app.strings();
    let line = |points, marker, graph, style: Style| {
        Dataset::default()
            .data(points)
            .marker(Marker::Custom(marker))
            .graph_type(graph)
            .style(style)
    };
    // Drawn in this order: what comes later is drawn over what came before.
    let datasets = vec![
        line(&data.before, BEFORE_LINE, GraphType::Line, theme.dim()),
        line(&data.before, BEFORE, GraphType::Scatter, theme.dim()),
        line(&data.level, LEVEL, GraphType::Line, theme.warning()),
        line(&data.ideal, IDEAL, GraphType::Line, theme.dim()),
        line(&data.forecast, FORECAST, GraphType::Line, theme.dim()),
        line(&data.today, TODAY, GraphType::Line, theme.pace_mark()),
        line(&data.values, VALUE, GraphType::Line, theme.bar_filled()),
        line(
            &data.recorded,
            RECORDED,
            GraphType::Scatter,
            theme.bar_filled(),
        ),
    ];
    let label = |v: f64| match &k.measure {
        Measure::Done(_) => s.measure_value(&k.measure, v),
        _ => s.num(v),
    };
    let chart = Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, data.last_day.max(1.0)])
                .labels([data.first_day.to_string(), dates.last.to_string()])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds(data.y)
                .labels([label(data.y[0]), label(data.y[1])])
                .style(theme.dim()),
        );
    frame.render_widget(chart, area);
}

/// The legend: each marker drawn and what it stands for (and the mark of
/// a key result that measures itself, when it does), on one line of
/// `width` cells, else on two, an entry never parted from its marker.
fn legend_lines(
    app: &App,
    data: &Series,
    measured: bool,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let d = &app.strings().daily;
    let entries = [
        (
            !data.before.is_empty(),
            BEFORE,
            app.strings().quarterly.legend_before,
            theme.dim(),
        ),
        (
            !data.values.is_empty(),
            VALUE,
            d.legend_value,
            theme.bar_filled(),
        ),
        (
            !data.recorded.is_empty(),
            RECORDED,
            d.legend_recorded,
            theme.bar_filled(),
        ),
        (!data.ideal.is_empty(), IDEAL, d.legend_ideal, theme.dim()),
        (
            !data.forecast.is_empty(),
            FORECAST,
            d.legend_forecast,
            theme.dim(),
        ),
        (
            !data.level.is_empty(),
            LEVEL,
            d.legend_level,
            theme.warning(),
        ),
        (
            !data.today.is_empty(),
            TODAY,
            d.legend_today,
            theme.pace_mark(),
        ),
        (
            measured,
            MEASURED,
            app.strings().refresh.measured,
            theme.dim(),
        ),
    ];
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    for (_, marker, name, style) in entries.into_iter().filter(|e| e.0) {
        let entry = [
            Span::styled(marker.to_string(), style),
            Span::raw(format!(" {name}")),
        ];
        let entry_w: usize = entry.iter().map(Span::width).sum();
        let used: usize = lines.last().map_or(0, |l| l.iter().map(Span::width).sum());
        if used > 0 && used + 2 + entry_w > width && lines.len() < 2 {
            lines.push(Vec::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(Span::raw("  "));
            }
            line.extend(entry);
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// The history, newest first, the selected entry marked; after it the
/// entries before the carry, marked so (they are not selected or edited here).
fn draw_history(
    app: &App,
    k: &KeyResult,
    earlier: &[&HistoryEntry],
    sel: usize,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let s = app.strings();
    // Entries from before a carry are counted apart, as their rows say.
    let count = if earlier.is_empty() {
        k.history.len().to_string()
    } else {
        format!(
            "{} + {} {}",
            k.history.len(),
            earlier.len(),
            s.quarterly.legend_before
        )
    };
    let block = pane_block(format!("{} ({count})", s.daily.history), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if k.history.is_empty() && earlier.is_empty() {
        let v = app.key(Action::SetValue, Context::KeyResultView);
        frame.render_widget(
            Paragraph::new((s.daily.no_history)(&v))
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let visible = usize::from(inner.height);
    let offset = scroll_offset(sel, visible);
    let width = usize::from(inner.width);
    let own = k.history.len();
    let entries = k
        .history
        .iter()
        .rev()
        .map(|h| (h, false))
        .chain(earlier.iter().rev().map(|h| (*h, true)));
    let lines: Vec<Line> = entries
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
        .map(|(i, (h, before))| {
            let selected = i == sel && i < own;
            history_line(app, k, h, before, selected, width, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_more(frame, area, offset, visible, own + earlier.len(), theme);
}

/// One history entry: date, value, confidence and note; one from before
/// the carry says so after its value.
fn history_line(
    app: &App,
    k: &KeyResult,
    h: &HistoryEntry,
    before: bool,
    selected: bool,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let s = app.strings();
    let marker = if selected { "▸ " } else { "  " };
    let mut value = s.measure_value(&k.measure, h.value);
    if !k.measure.is_binary() {
        value = s.with_unit(&value, k.measure.unit());
    }
    let mut spans = vec![
        Span::raw(format!("{marker}{}  ", h.date)),
        Span::styled(shown(&value), theme.title()),
    ];
    if before {
        spans.push(Span::styled(
            format!(" {}", s.quarterly.before_carry),
            theme.dim(),
        ));
    }
    if let Some(c) = h.confidence {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("{} {c}/10", s.confidence.to_lowercase()),
            theme.confidence(confidence_band(c)),
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    if !h.note.is_empty() {
        spans.push(Span::raw(format!(
            "  {}",
            fit(&h.note, width.saturating_sub(used + 2))
        )));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FiscalYear;

    const CAL: FiscalYear = FiscalYear::CALENDAR;
    use crate::model::KeyResult;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_chart_draws_the_value_to_today_the_ideal_line_and_today() {
        let q = Quarter::new(2026, 4).unwrap();
        let mut k = KeyResult::new(
            "kr1".into(),
            "Sälj".into(),
            Measure::numeric(0.0, 100.0, ""),
        );
        k.record(d(9, 28), 5.0, None, String::new(), None);
        k.record(d(10, 1), 10.0, None, String::new(), None);
        k.record(d(11, 2), 40.0, None, String::new(), None);
        let got = series(&k, &[], (q.dates(CAL), CAL), d(11, 24));
        assert_eq!(got.last_day, 91.0);
        assert_eq!(got.recorded, [(0.0, 10.0), (32.0, 40.0)]);
        // From the value before the quarter, through each entry, on to today.
        assert_eq!(
            got.values,
            [(0.0, 5.0), (0.0, 10.0), (32.0, 40.0), (54.0, 40.0)]
        );
        assert_eq!(got.ideal, [(0.0, 0.0), (91.0, 100.0)]);
        assert_eq!(got.today, [(54.0, 0.0), (54.0, 100.0)]);
        assert_eq!(got.y, [0.0, 100.0]);
        assert!(got.level.is_empty());
        // The forecast: from the latest entry to the quarter's last day.
        let ahead = forecast::of(&k, q.dates(CAL), d(11, 24)).unwrap();
        assert_eq!(got.forecast, [(32.0, 40.0), (91.0, ahead.value)]);
        // A quarter that has ended: the value to its last day, no today, no forecast.
        let past = series(&k, &[], (q.dates(CAL), CAL), d(12, 31).succ_opt().unwrap());
        assert_eq!(past.values.last(), Some(&(91.0, 40.0)));
        assert!(past.today.is_empty());
        assert!(past.forecast.is_empty());
    }

    #[test]
    fn a_level_is_a_line_across_the_quarter_and_a_flat_value_has_room() {
        let q = Quarter::new(2026, 4).unwrap();
        let mut k = KeyResult::new(
            "kr1".into(),
            "Spara".into(),
            Measure::at_most(500.0, 500.0, ""),
        );
        k.record(d(11, 2), 500.0, None, String::new(), None);
        let got = series(&k, &[], (q.dates(CAL), CAL), d(11, 24));
        assert_eq!(got.level, [(0.0, 500.0), (91.0, 500.0)]);
        assert!(got.ideal.is_empty());
        assert!(got.forecast.is_empty(), "a level has no forecast");
        assert_eq!(got.y, [450.0, 550.0]);
    }
}
