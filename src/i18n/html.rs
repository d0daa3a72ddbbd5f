//! The shape of the words only an HTML report needs (the words it shares
//! with the Markdown report are the table's own); they are in `sv/html.rs`
//! and `en/html.rs`.

/// The words of an HTML report.
pub struct HtmlWords {
    /// Under the heading: the day the numbers are of (pace, staleness).
    pub as_of: fn(&str) -> String,
    /// A key result's chart, for a reader who cannot see it: how many
    /// values it shows, the first and the last (each with its unit).
    pub chart: fn(usize, &str, &str) -> String,
    /// A progress bar, for a reader who cannot see it: the progress and
    /// the pace mark, each as a percentage.
    pub bar: fn(&str, &str) -> String,
    /// The latest value's note under a chart.
    pub latest: &'static str,
}
