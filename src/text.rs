//! Text read from the data file, made safe for every output: one rule for
//! the screens, the reports and the messages (PRODUCT.md section 7).
//!
//! The data file is shared: anyone may have put an escape sequence, a bell,
//! a bidi override or a zero-width joiner in a title. [`neutralise`] turns
//! each character a terminal could act on into [`PLACEHOLDER`] (`�`), so
//! nothing reaches the terminal raw and nothing is silently hidden either:
//!
//! - C0 controls (`U+0000`–`U+001F`), DEL and C1 controls (`U+0080`–`U+009F`);
//! - bidi controls, which reorder what a reader sees (`U+061C`, `U+200E`,
//!   `U+200F`, `U+202A`–`U+202E`, `U+2066`–`U+2069`), and the line and
//!   paragraph separators `U+2028`/`U+2029`.
//!
//! Line breaks and tabs depend on the output ([`Output`]). On screen, the
//! characters that draw no cell of their own (joiners, variation selectors,
//! skin-tone modifiers, other format characters) are dropped, so that a line
//! is exactly as wide in the terminal as okr measured it. The JSON export
//! keeps every character, writing the hostile ones as escapes ([`JsonEscaping`]).

use std::borrow::Cow;
use std::io::Write;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// What a character that may not reach a terminal as it is becomes: one
/// cell wide, visible, and never taken for the character it replaces.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Where a text goes, which decides what becomes of its line breaks and tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// One line of a message or a report: a line break or a tab is a space.
    Line,
    /// A text that keeps its lines (a CSV field, a Markdown text before it is
    /// laid out): `\n` and `\t` stay, `\r\n` becomes `\n`.
    Lines,
    /// A row drawn on screen: as [`Output::Line`], and the characters that
    /// draw no cell of their own are dropped.
    Screen,
}

/// Whether a terminal could act on `c`, or show text in another order than
/// it is stored: such a character is never written as it is.
pub fn is_hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Characters that take no cell of their own but change how the characters
/// around them are drawn: format characters (category Cf: joiners, invisible
/// operators, tags, prepended marks), variation selectors and skin-tone
/// modifiers. Terminals disagree about them, so the screen drops them.
fn draws_no_cell(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// A character that makes a name differ from how it reads: a control or
/// bidi character ([`is_hostile`]), or one that draws nothing (a zero-width
/// space or joiner, a soft hyphen, a word joiner, a byte-order mark), so
/// that `An\u{200B}na` would not be `Anna`.
pub fn hides_in_a_name(c: char) -> bool {
    is_hostile(c)
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// Whether `c` passes through `out` unchanged.
fn passes(c: char, out: Output) -> bool {
    match out {
        Output::Lines if c == '\n' || c == '\t' => true,
        Output::Screen if draws_no_cell(c) => false,
        _ => !is_hostile(c),
    }
}

/// What a spreadsheet takes a cell beginning with for a formula (OWASP's
/// list for CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell a spreadsheet opens as text, never as a formula: one that
/// begins with a formula character gets a leading `'` (as OWASP advises),
/// and so does one that begins with `'` before such a character or another
/// `'`, so that [`from_spreadsheet`] gives every text back exactly. A
/// number (`-3`) stays a number.
pub fn inert_cell(cell: &str) -> Cow<'_, str> {
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => cell.parse::<f64>().is_err(),
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    };
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell read back from CSV: the `'` [`inert_cell`] put before it taken away.
pub fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c| c == '\'' || FORMULA_STARTS.contains(&c)) => rest,
        _ => cell,
    }
}

/// `text` made safe for `out`: see the module's documentation. Borrowed
/// when nothing needed to change.
pub fn neutralise(text: &str, out: Output) -> Cow<'_, str> {
    let plain = text.chars().all(|c| passes(c, out));
    if plain && (out != Output::Screen || text.graphemes(true).all(settled)) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if passes(c, out) {
            clean.push(c);
            continue;
        }
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\t' => clean.push(' '),
            c if out == Output::Screen && draws_no_cell(c) => {}
            _ => clean.push(PLACEHOLDER),
        }
    }
    if out != Output::Screen {
        return Cow::Owned(clean);
    }
    Cow::Owned(settle_graphemes(&clean))
}

/// Every grapheme as wide for ratatui (which puts a grapheme in one cell) as
/// for a terminal that advances by each character: one that is not becomes
/// placeholders as wide as ratatui measured it.
fn settle_graphemes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for g in text.graphemes(true) {
        if settled(g) {
            out.push_str(g);
        } else {
            out.extend(std::iter::repeat_n(
                PLACEHOLDER,
                usize::from(g.cell_width().max(1)),
            ));
        }
    }
    out
}

/// Whether a grapheme is as wide in ratatui's cell as the terminal's cursor moves.
fn settled(g: &str) -> bool {
    g.is_ascii()
        || usize::from(g.cell_width()) == g.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>()
}

/// `neutralise(text, Output::Line)` as an owned string, for messages.
pub fn line(text: &str) -> String {
    neutralise(text, Output::Line).into_owned()
}

/// `neutralise(text, Output::Screen)` as an owned string, for a span.
pub fn shown(text: &str) -> String {
    neutralise(text, Output::Screen).into_owned()
}

/// Display cells of a text as ratatui draws it: grapheme by grapheme, as
/// shown ([`shown`]): a text that was never neutralised is measured as it
/// would be drawn, never handed raw to ratatui's measure (which panics on
/// a control character).
pub fn width(text: &str) -> usize {
    neutralise(text, Output::Screen)
        .graphemes(true)
        .map(|g| usize::from(g.cell_width()))
        .sum()
}

/// serde_json's pretty printer, writing as `\uXXXX` escapes the characters
/// it leaves as they are but a terminal may act on (DEL, C1 and bidi
/// controls, line and paragraph separators): the same JSON strings, safe to
/// print. (serde_json escapes C0 controls itself.)
#[derive(Default)]
pub struct JsonEscaping(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for JsonEscaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_hostile(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the pretty printer's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// What someone typed, fit to quote in a one-line message: at most
/// [`QUOTE_CHARS`] characters (then `…`), control characters as `�`.
pub fn quoted(text: &str) -> String {
    let shown = |c: char| {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi || matches!(c, '\u{2028}' | '\u{2029}') {
            '\u{fffd}'
        } else {
            c
        }
    };
    let mut out: String = text.chars().take(QUOTE_CHARS).map(shown).collect();
    if text.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// How much of a typed value a message quotes.
pub const QUOTE_CHARS: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}1m\u{202e}b\u{7f}";

    #[test]
    fn controls_and_bidi_become_placeholders_in_every_output() {
        for out in [Output::Line, Output::Lines, Output::Screen] {
            let clean = neutralise(HOSTILE, out);
            assert_eq!(clean, "a�]0;pwned��[2J�1m�b�", "{out:?}");
        }
        assert_eq!(line("\u{2028}\u{2029}\u{61c}\u{200e}\u{2066}"), "�����");
    }

    #[test]
    fn line_breaks_and_tabs_depend_on_the_output() {
        let text = "one\r\ntwo\nthree\tfour\rfive";
        assert_eq!(
            neutralise(text, Output::Lines),
            "one\ntwo\nthree\tfour�five"
        );
        assert_eq!(neutralise(text, Output::Line), "one two three four�five");
        assert_eq!(neutralise(text, Output::Screen), "one two three four�five");
    }

    #[test]
    fn plain_text_is_borrowed() {
        for out in [Output::Line, Output::Lines, Output::Screen] {
            assert!(matches!(
                neutralise("Mål: 12,5 MSEK", out),
                Cow::Borrowed(_)
            ));
        }
        assert!(matches!(
            neutralise("två\nrader", Output::Lines),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_screen_drops_what_draws_no_cell() {
        // A family (joined by U+200D), a red heart (U+FE0F) and a thumb with a skin tone.
        let text = "👨\u{200d}👩\u{200d}👧 ❤\u{fe0f} 👍\u{1f3fd}\u{200b}!";
        assert_eq!(shown(text), "👨👩👧 ❤ 👍!");
        // Reports keep them: they move no cursor.
        assert_eq!(line(text), text);
        // Combining marks and wide characters stay.
        assert_eq!(shown("e\u{301} 漢字"), "e\u{301} 漢字");
    }

    #[test]
    fn on_screen_every_grapheme_is_as_wide_for_ratatui_as_for_the_terminal() {
        let samples = [
            "👨\u{200d}👩\u{200d}👧",
            "1\u{fe0f}\u{20e3}",
            "🇸🇪",
            "ﾊﾞ",
            "لا",
            "\u{600}1",
            "Z\u{351}\u{352}\u{353}\u{354}",
            "\u{1100}\u{1161}\u{11a8}",
        ];
        for s in samples {
            let clean = shown(s);
            for g in clean.graphemes(true) {
                let per_char: usize = g.chars().map(|c| c.width().unwrap_or(0)).sum();
                assert_eq!(usize::from(g.cell_width()), per_char, "{s:?} → {g:?}");
            }
            let per_char: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(width(&clean), per_char, "{s:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the file holds: no output shows a hostile character, a
        /// second pass changes nothing, and a screen text is as wide for the
        /// terminal as for ratatui.
        #[test]
        fn neutralised_text_is_safe_and_stable(text in "[a-zå漢😀👨❤\u{1b}\u{7}\u{9b}\u{7f}\u{202e}\u{2066}\u{200d}\u{fe0f}\u{1f3fd}\u{301}\u{ad}\r\n\t ]{0,40}") {
            for out in [Output::Line, Output::Lines, Output::Screen] {
                let clean = neutralise(&text, out);
                let kept = |c: char| out == Output::Lines && (c == '\n' || c == '\t');
                proptest::prop_assert!(!clean.chars().any(|c| is_hostile(c) && !kept(c)), "{out:?}: {clean:?}");
                proptest::prop_assert_eq!(neutralise(&clean, out), clean.clone());
            }
            let clean = shown(&text);
            let advance: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
            proptest::prop_assert_eq!(width(&clean), advance, "{:?}", clean);
        }
    }
}
