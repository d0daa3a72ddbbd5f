//! Colours and emphasis. With `NO_COLOR` every style is plain and meaning
//! still reads from words and marks; colour is never the only signal.

use ratatui::style::{Color, Modifier, Style};

use crate::model::progress::{ConfidenceBand, PaceStatus, ScoreBand};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn title(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn pace(self, s: PaceStatus) -> Style {
        match s {
            PaceStatus::Behind => self.fg(Color::Red),
            PaceStatus::OnTrack => self.fg(Color::Green),
            PaceStatus::Done | PaceStatus::Achieved => self.fg(Color::Cyan),
            PaceStatus::NotReached => self.fg(Color::Red),
        }
    }

    pub fn confidence(self, b: ConfidenceBand) -> Style {
        match b {
            ConfidenceBand::AtRisk => self.fg(Color::Red),
            ConfidenceBand::NeedsAttention => self.fg(Color::Yellow),
            ConfidenceBand::OnTrack => self.fg(Color::Green),
        }
    }

    pub fn score(self, b: ScoreBand) -> Style {
        match b {
            ScoreBand::Red => self.fg(Color::Red),
            ScoreBand::Yellow => self.fg(Color::Yellow),
            ScoreBand::Green => self.fg(Color::Green),
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn info(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn bar_filled(self) -> Style {
        self.fg(Color::Blue)
    }

    pub fn pace_mark(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
}
