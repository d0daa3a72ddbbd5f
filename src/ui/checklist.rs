//! The focus checklist above the quarter view while a quarter is planned:
//! 3–5 Mål (per owner, in a team), at most 5 key results each, one line each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::text::shown;

/// The focus checklist while planning a quarter: ✓ or ✗ and a word for each rule.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    use crate::model::review::{Check, checklist_of};
    let s = app.strings();
    let mut spans = vec![Span::styled(
        format!("{}: ", s.checklist_title),
        theme.title(),
    )];
    let objectives: Vec<&crate::model::Objective> =
        app.kept_in(app.quarter()).map(|(_, o)| o).collect();
    for (i, c) in checklist_of(&objectives).iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        if let Check::Objectives { owners, .. } = c
            && !owners.is_empty()
        {
            spans.extend(owner_checks(app, owners, theme));
            continue;
        }
        let text = match c {
            Check::Objectives { least, count, .. } if least == count => {
                (s.check_objectives)(&count.to_string())
            }
            Check::Objectives { least, count, .. } => {
                (s.check_objectives)(&format!("{least}–{count}"))
            }
            Check::KeyResults { most, .. } => (s.check_key_results)(*most),
            Check::OneLine { too_long } => (s.check_one_line)(*too_long),
        };
        let (mark, style) = if c.ok() {
            ("✓ ", theme.info())
        } else {
            ("✗ ", theme.warning())
        };
        spans.push(Span::styled(format!("{mark}{text}"), style));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        area,
    );
}

/// The 3–5 Mål rule per owner while planning: `3–5 objectives per owner:
/// ✓ Anna 4 · ✗ Bo 6`.
fn owner_checks(app: &App, owners: &[(Option<String>, usize)], theme: Theme) -> Vec<Span<'static>> {
    use crate::model::review::{MAX_OBJECTIVES, MIN_OBJECTIVES};
    let s = app.strings();
    let mut spans = vec![Span::raw(format!("{}: ", s.team.per_owner))];
    for (i, (who, n)) in owners.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let ok = (MIN_OBJECTIVES..=MAX_OBJECTIVES).contains(n);
        let (mark, style) = if ok {
            ("✓ ", theme.info())
        } else {
            ("✗ ", theme.warning())
        };
        let who = who.as_deref().map_or(s.team.no_owner.to_string(), shown);
        spans.push(Span::styled(format!("{mark}{who} {n}"), style));
    }
    spans
}
