//! Named steps and data for the team tests: the settings, owners.

use std::path::{Path, PathBuf};

use okr::config::{Personal, PersonalFile};
use okr::model::{Data, Lang};
use ratatui::crossterm::event::KeyCode;

use super::app::{Harness, ch, code};

impl Harness {
    /// An app that knows who I am (`me`) and has a config file in its
    /// temporary folder, holding `text` (read as okr reads it at the
    /// start) or not written yet; returns the config file's path.
    pub fn with_config(
        data: Option<Data>,
        lang: Lang,
        me: Option<&str>,
        text: Option<&str>,
    ) -> (Harness, PathBuf) {
        Harness::with_config_named(data, lang, me, "config.toml", text)
    }

    /// Like [`Harness::with_config`], the config file named `name`
    /// (`mine.json` is read and written as JSON).
    pub fn with_config_named(
        data: Option<Data>,
        lang: Lang,
        me: Option<&str>,
        name: &str,
        text: Option<&str>,
    ) -> (Harness, PathBuf) {
        let mut config = PathBuf::new();
        let h = Harness::build(
            data,
            lang,
            |_| {},
            |setup, dir| {
                config = dir.join("config").join(name);
                let personal = match text {
                    Some(text) => {
                        std::fs::create_dir_all(config.parent().unwrap()).unwrap();
                        std::fs::write(&config, text).unwrap();
                        okr::config::load(&config).unwrap()
                    }
                    None => Personal::default(),
                };
                setup.keymap = personal.keymap.clone();
                setup.me = me.map(str::to_string);
                setup.config = Some(PersonalFile {
                    path: config.clone(),
                    personal,
                });
            },
        );
        (h, config)
    }

    /// The settings form open over the quarter view.
    pub fn open_settings(&mut self) {
        self.keys(&[code(KeyCode::Esc), ch('S')]);
    }
}

/// The example data with owners: Anna has the first two Mål (six key
/// results), Bo the next two (four), and the fifth has none (two).
pub fn team_demo() -> okr::model::Data {
    let mut data = super::app::demo();
    for (i, who) in ["Anna", "Anna", "Bo", "Bo"].iter().enumerate() {
        if let Some(o) = data.objective_mut(i) {
            o.owner = Some(who.to_string());
        }
    }
    data
}

/// The titles of the Mål the quarter view lists, in order.
pub fn listed(h: &Harness) -> Vec<String> {
    h.app
        .quarter_objectives()
        .iter()
        .map(|i| h.app.data().objectives[*i].title.clone())
        .collect()
}

impl Harness {
    /// A whole check-in as `who`: every key result of theirs accepted as it
    /// stands, no words, the pulse rated `pulse` on every pillar (or
    /// skipped), back on the quarter view.
    pub fn check_in_as(&mut self, who: &str, pulse: Option<char>) {
        self.app.set_me(Some(who.to_string()));
        self.walk_to_pulse();
        match pulse {
            Some(r) => {
                self.keys(&[ch(r), ch(r), ch(r), ch(r), ch(r), code(KeyCode::Enter)]);
            }
            None => self.keys(&[ch('s')]),
        }
        self.keys(&[code(KeyCode::Enter)]);
    }
}

/// The example data aligned as a tree, in 2026 Q4 unless said:
/// o7 "Växa som team" (no key results) ← o1 ← o2, o3 ← o4; o5 serves o6
/// "Årets mål: trygg ekonomi" (no key results) in 2026 Q1; o8 is in 2025.
pub fn tree_demo() -> okr::model::Data {
    use okr::model::{Kind, Objective, Quarter};
    let mut data = super::app::demo();
    let q4 = data.objectives[0].quarter;
    let now = data.objectives[0].created;
    let mut add = |id: &str, title: &str, quarter: Quarter| {
        let o = Objective::new(id.into(), title.into(), Kind::Committed, quarter, now);
        data.objectives.push(o.into());
    };
    add(
        "o6",
        "Årets mål: trygg ekonomi",
        Quarter { year: 2026, q: 1 },
    );
    add("o7", "Växa som team", q4);
    add("o8", "Förra årets mål", Quarter { year: 2025, q: 4 });
    for (id, parent) in [
        ("o1", "o7"),
        ("o2", "o1"),
        ("o3", "o1"),
        ("o4", "o3"),
        ("o5", "o6"),
    ] {
        let i = data.objective_index(id).unwrap();
        data.objective_mut(i).unwrap().parent = Some(parent.into());
    }
    data
}

/// The ids of the Mål the quarter view lists, in order.
pub fn listed_ids(h: &Harness) -> Vec<String> {
    h.app
        .quarter_objectives()
        .iter()
        .map(|i| h.app.data().objectives[*i].id.clone())
        .collect()
}

/// Another program's save: the file read, changed by `change`, written whole
/// and renamed over it (as okr and most editors do).
pub fn someone_else_saves(path: &Path, change: impl FnOnce(&mut okr::model::Data)) {
    let mut data = okr::store::read(path).unwrap();
    change(&mut data);
    let tmp = path.with_extension("other.tmp");
    std::fs::write(&tmp, okr::store::format::serialize(&data).unwrap()).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}
