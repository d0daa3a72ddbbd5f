//! Small pieces drawn as text: the progress bar with its pace mark, a
//! sparkline of history, and width-safe truncation.

use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::model::progress::unit_clamp;

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

/// Cuts text to `width` display cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
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
        assert_eq!(sparkline(&[0.0, 5.0, 10.0], 10), "▁▅█");
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 2), "▁█");
    }
}
