//! Named steps and data for the team tests: the settings, owners.

use std::path::PathBuf;

use okr::config::{Personal, PersonalFile};
use ratatui::crossterm::event::KeyCode;

use super::app::{Harness, ch, code};

impl Harness {
    /// Gives the app a config file in its temporary folder (not written
    /// yet) and who I am; returns the config file's path.
    pub fn with_config(&mut self, me: Option<&str>) -> PathBuf {
        let path = self.dir().join("config").join("config.json");
        self.app.team.config = Some(PersonalFile {
            path: path.clone(),
            personal: Personal::default(),
        });
        self.app.team.me = me.map(str::to_string);
        path
    }

    /// The settings form open over the quarter view.
    pub fn open_settings(&mut self) {
        self.keys(&[code(KeyCode::Esc), ch('S')]);
    }
}
