//! The frame every HTML report of okr shares: the document (its language,
//! the viewport for a phone, a policy that lets nothing load or run, the
//! one style sheet with its print and narrow-screen rules), texts from the
//! file made safe, and the pictures drawn inline as SVG: a progress bar
//! with its pace mark and a small chart of values over time.
//!
//! Markup is built with maud, which escapes every text it is given, in
//! content and in attributes; the only text written as it is is the style
//! sheet below. Texts from the file are neutralised first ([`line`],
//! [`lines`]), as in every other report, since a report may be read in a
//! terminal too.

use std::borrow::Cow;
use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::model::Lang;
use crate::model::progress::{self, ConfidenceBand, PaceStatus, ScoreBand};
use crate::text::{self, Output};

/// The style sheet: light and dark, a narrow screen, print.
const CSS: &str = include_str!("page.css");

/// Nothing may be fetched or run: no script, no image, font or frame from
/// anywhere; the inline style sheet and inline SVG are all a page uses.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// What frames a page: its language, its title (the window's and the
/// heading's) and a line under the heading.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub heading: &'a str,
    pub note: &'a str,
}

/// A whole HTML document: `body` under the frame's heading.
pub fn document(frame: &Frame, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang_code(frame.lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="color-scheme" content="light dark";
                meta name="generator" content="okr";
                title { (frame.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (frame.heading) }
                    p.meta { (frame.note) }
                }
                main { (body) }
                footer {}
            }
        }
    }
}

/// Writes a document, ending in a line break.
pub fn write(doc: Markup, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(doc.into_string().as_bytes())?;
    writeln!(out)
}

/// The `lang` attribute of a language.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    }
}

/// A text from the file on one line: each character a terminal could act
/// on as `�`, a line break as a space (maud escapes what HTML would read).
pub fn line(text: &str) -> Cow<'_, str> {
    text::neutralise(text, Output::Line)
}

/// A text from the file that keeps its lines (a why, a note, a retro):
/// neutralised, and shown with its line breaks.
pub fn lines(text: &str) -> Markup {
    html! { span.lines { (text::neutralise(text, Output::Lines)) } }
}

/// The class that colours a status: its bar, its word, a Mål's edge.
pub fn tone(status: Option<PaceStatus>) -> &'static str {
    match status {
        Some(PaceStatus::Behind) => "behind",
        Some(PaceStatus::OnTrack) => "on-track",
        Some(PaceStatus::Done | PaceStatus::Achieved) => "done",
        Some(PaceStatus::NotReached) => "missed",
        None => "quiet",
    }
}

/// The class of a confidence band.
pub fn confidence_tone(band: ConfidenceBand) -> &'static str {
    match band {
        ConfidenceBand::AtRisk => "at-risk",
        ConfidenceBand::NeedsAttention => "needs-attention",
        ConfidenceBand::OnTrack => "on-track",
    }
}

/// The class of a score band.
pub fn score_tone(band: ScoreBand) -> &'static str {
    match band {
        ScoreBand::Red => "red",
        ScoreBand::Yellow => "yellow",
        ScoreBand::Green => "green",
    }
}

/// A word in the colour of its class, never the colour alone.
pub fn tag(class: &str, word: &str) -> Markup {
    html! { span class={ "tag " (class) } { (word) } }
}

/// A progress bar: `share` filled (none: an empty track), a mark at
/// `pace`, coloured by `class`; `label` says both in words for a reader
/// who cannot see it.
pub fn bar(share: Option<f64>, pace: Option<f64>, class: &str, label: &str) -> Markup {
    let at = |x: f64| format!("{:.1}", progress::unit_clamp(x) * 100.0);
    html! {
        svg class={ "bar " (class) } viewBox="0 0 100 10" preserveAspectRatio="none"
            role="img" aria-label=(label) {
            rect.track width="100" height="10" rx="2" {}
            @if let Some(p) = share {
                rect.fill width=(at(p)) height="10" rx="2" {}
            }
            @if let Some(x) = pace {
                line.pace x1=(at(x)) x2=(at(x)) y1="0" y2="10" {}
            }
        }
    }
}

/// A small chart of values over time: x and y are the caller's (days and
/// values, say); the chart fits them to its box.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    /// The first and last x shown.
    pub x: [f64; 2],
    /// The lowest and highest y shown.
    pub y: [f64; 2],
    /// The line of the value.
    pub values: Vec<(f64, f64)>,
    /// Each recorded value, with what it says when pointed at.
    pub dots: Vec<(f64, f64, String)>,
    /// A dashed line to compare with (an even pace, a level to keep).
    pub guide: Vec<(f64, f64)>,
    /// A vertical mark (today).
    pub mark: Option<f64>,
    /// The chart in words, for a reader who cannot see it.
    pub label: String,
}

/// The chart's box: width, height and the margin inside it.
const BOX: (f64, f64, f64) = (160.0, 40.0, 3.0);

/// How far `v` is from `lo` to `hi`, 0 to 1 (halved first, so that the
/// widest range of numbers cannot overflow); the middle for an empty range.
fn share(v: f64, [lo, hi]: [f64; 2]) -> f64 {
    let span = hi / 2.0 - lo / 2.0;
    if span > 0.0 && span.is_finite() {
        progress::unit_clamp((v / 2.0 - lo / 2.0) / span)
    } else {
        0.5
    }
}

pub fn chart(c: &Chart) -> Markup {
    let (w, h, m) = BOX;
    let x = |v: f64| m + share(v, c.x) * (w - 2.0 * m);
    let y = |v: f64| h - m - share(v, c.y) * (h - 2.0 * m);
    let points = |pts: &[(f64, f64)]| {
        pts.iter()
            .filter(|(a, b)| a.is_finite() && b.is_finite())
            .map(|(a, b)| format!("{:.1},{:.1}", x(*a), y(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    html! {
        svg.chart viewBox={ "0 0 " (w) " " (h) } role="img" aria-label=(c.label) {
            title { (c.label) }
            rect.frame x="0.5" y="0.5" width=(w - 1.0) height=(h - 1.0) rx="2" {}
            @if let Some(at) = c.mark {
                line.today x1=(format!("{:.1}", x(at))) x2=(format!("{:.1}", x(at)))
                    y1=(m) y2=(h - m) {}
            }
            @if c.guide.len() > 1 {
                polyline.guide points=(points(&c.guide)) {}
            }
            @if c.values.len() > 1 {
                polyline.values points=(points(&c.values)) {}
            }
            @for (a, b, tip) in c.dots.iter().filter(|(a, b, _)| a.is_finite() && b.is_finite()) {
                circle cx=(format!("{:.1}", x(*a))) cy=(format!("{:.1}", y(*b))) r="2" {
                    title { (tip) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_from_the_file_is_escaped_and_neutralised() {
        let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>\u{1b}[2J";
        let html = html! { p { (line(hostile)) } (lines(hostile)) }.into_string();
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"));
        assert!(!html.contains('\u{1b}'), "{html}");
        let label = "\"><script>x</script>";
        let bar = bar(Some(0.5), Some(0.6), "behind", label).into_string();
        assert!(!bar.contains("<script"), "{bar}");
        assert!(
            bar.contains("aria-label=\"&quot;&gt;&lt;script&gt;"),
            "{bar}"
        );
    }

    #[test]
    fn a_bar_and_a_chart_stay_in_their_box() {
        let bar = bar(Some(7.0), Some(-1.0), "done", "").into_string();
        assert!(bar.contains("rect class=\"fill\" width=\"100.0\""), "{bar}");
        assert!(bar.contains("x1=\"0.0\""), "{bar}");
        let c = Chart {
            x: [0.0, 91.0],
            y: [-f64::MAX, f64::MAX],
            values: vec![(0.0, -f64::MAX), (45.0, f64::MAX), (50.0, f64::NAN)],
            dots: vec![(45.0, f64::MAX, "<b>".into())],
            guide: vec![(0.0, 0.0), (91.0, 0.0)],
            mark: Some(45.0),
            label: "l".into(),
        };
        let svg = chart(&c).into_string();
        assert!(svg.contains("points=\"3.0,37.0 79.2,3.0\""), "{svg}");
        assert!(svg.contains("<title>&lt;b&gt;</title>"), "{svg}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }
}
