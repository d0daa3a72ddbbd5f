//! Drawing the app into a test terminal, as text.

use okr::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Sizes from 1×1 up to a large window.
pub const SIZES: [(u16, u16); 6] = [(1, 1), (10, 3), (40, 12), (39, 30), (80, 24), (200, 60)];

/// The screen at `w`×`h`, one line of text per row, trailing blanks trimmed.
pub fn render(app: &App, w: u16, h: u16) -> String {
    let buf = buffer(app, w, h);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The drawn cells at `w`×`h`, for tests of colour.
pub fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| okr::ui::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// Draws the app at every size of [`SIZES`] and odd sizes in between: none
/// panics, each fills its rows.
pub fn draws_at_every_size(app: &App, name: &str) {
    for (w, h) in SIZES {
        let text = render(app, w, h);
        assert_eq!(text.lines().count(), usize::from(h), "{name} at {w}x{h}");
    }
    for w in (1..=120).step_by(13) {
        for h in (1..=40).step_by(7) {
            render(app, w, h);
        }
    }
}
