//! Search (`/`): a line typed at the bottom, the matches of every quarter
//! listed as it is typed, `Enter` goes to the chosen one (its quarter, its
//! selection, its pane, the detail or the key result's view); afterwards
//! `n` / `N` go to the next and previous match. The store is searched once
//! per change of the query ([`Hits::refined`]), never for other keys.

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::view::{Back, KeyResultView};
use super::{App, Modal, Pane, Screen, form};
use crate::keys::{Action, Context};
use crate::model::search::{Found, Hit, Hits};

/// The search line and its matches.
#[derive(Clone, Debug)]
pub struct SearchState {
    pub input: Input,
    pub hits: Hits,
    /// The chosen match.
    pub sel: usize,
}

/// The matches of the search last used, for `n` / `N`.
#[derive(Clone, Debug)]
pub struct LastSearch {
    pub hits: Vec<Hit>,
    /// The match last gone to.
    pub at: usize,
}

impl App {
    /// `/`: an empty search line over the screen.
    pub(super) fn start_search(&mut self) {
        self.modal = Some(Modal::Search(Box::new(SearchState {
            input: Input::default(),
            hits: Hits::default(),
            sel: 0,
        })));
    }

    /// A key of the key table while the search line is open.
    pub(super) fn search_act(
        &mut self,
        mut st: Box<SearchState>,
        action: Action,
        key: KeyEvent,
    ) -> bool {
        match action {
            Action::Cancel => return true,
            Action::Down => st.sel = (st.sel + 1).min(st.hits.hits.len().saturating_sub(1)),
            Action::Up => st.sel = st.sel.saturating_sub(1),
            Action::EditText => self.edit_query(&mut st, key),
            Action::Jump => {
                let hits = st.hits.hits.clone();
                if hits.is_empty() {
                    self.info(self.s.daily.no_matches);
                } else {
                    self.last_search = Some(LastSearch { hits, at: st.sel });
                    self.go_to_match(st.sel, true);
                    return true;
                }
            }
            _ => {
                self.modal = Some(Modal::Search(st));
                return false;
            }
        }
        self.modal = Some(Modal::Search(st));
        true
    }

    /// A character typed into the search line.
    pub(super) fn search_type(&mut self, key: KeyEvent) -> bool {
        let Some(Modal::Search(mut st)) = self.modal.take() else {
            return false;
        };
        let typed = form::is_typing(&key);
        if typed {
            self.edit_query(&mut st, key);
        }
        self.modal = Some(Modal::Search(st));
        typed
    }

    /// Hands a key to the search line; a changed query is searched again.
    fn edit_query(&self, st: &mut SearchState, key: KeyEvent) {
        let changed = st
            .input
            .handle_event(&Event::Key(key))
            .is_some_and(|c| c.value);
        if changed {
            st.hits = st.hits.refined(&self.data, st.input.value());
            st.sel = 0;
        }
    }

    /// `n` / `N`: the next or previous match of the last search that is
    /// still there.
    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(last) = &self.last_search else {
            let slash = self.key(Action::Search, Context::Quarter);
            self.info((self.s.daily.no_search)(&slash));
            return;
        };
        let n = last.hits.len();
        let at = last.at;
        for i in 1..=n {
            let to = if forward {
                (at + i) % n
            } else {
                (at + n * i - i) % n
            };
            if self.go_to_match(to, false) {
                return;
            }
        }
        self.info(self.s.daily.matches_gone);
    }

    /// Goes to match `at` of the last search and says which it is; false
    /// (and nothing moves) when what it found is gone.
    fn go_to_match(&mut self, at: usize, say_gone: bool) -> bool {
        let Some(hit) = self
            .last_search
            .as_ref()
            .and_then(|l| l.hits.get(at))
            .cloned()
        else {
            return false;
        };
        if !self.go_to(&hit) {
            if say_gone {
                self.info(self.s.daily.matches_gone);
            }
            return false;
        }
        let n = self.last_search.as_ref().map_or(0, |l| l.hits.len());
        if let Some(l) = &mut self.last_search {
            l.at = at;
        }
        let next = self.key(Action::NextMatch, Context::Quarter);
        let prev = self.key(Action::PrevMatch, Context::Quarter);
        self.info((self.s.daily.match_of)(at + 1, n, &next, &prev));
        true
    }

    /// Shows where a match is: its quarter and Mål selected, then its pane,
    /// the detail (an Uppgift) or the key result's view (a note).
    fn go_to(&mut self, hit: &Hit) -> bool {
        let Some(index) = self.data.objective_index(&hit.objective) else {
            return false;
        };
        let Some(o) = self.data.objective_at(index) else {
            return false;
        };
        let kr_at = |id: &str| o.key_results.iter().position(|k| k.id == id);
        let place = match &hit.found {
            Found::Objective | Found::Why => Some(0),
            Found::KeyResult(id) => kr_at(id),
            Found::Initiative(id) => o.initiatives.iter().position(|i| i.id == *id),
            Found::Note { key_result, .. } => kr_at(key_result),
        };
        let Some(place) = place else {
            return false;
        };
        let entry = match &hit.found {
            Found::Note {
                key_result,
                entry,
                date,
            } => {
                let history = &o.key_results[place].history;
                // The entry's place, or where its day's entry is now.
                let at = Some(*entry)
                    .filter(|e| history.get(*e).is_some_and(|h| h.date == *date))
                    .or_else(|| history.iter().rposition(|h| h.date == *date));
                let Some(at) = at else {
                    return false;
                };
                Some((key_result.clone(), history.len() - 1 - at))
            }
            _ => None,
        };
        let (id, quarter) = (o.id.clone(), o.quarter);
        self.quarter = quarter;
        self.planning = false;
        self.screen = Screen::Quarter;
        self.pane = Pane::Objectives;
        self.sel_key_result = 0;
        self.sel_initiative = 0;
        if let Some(pos) = self.quarter_objectives().iter().position(|i| *i == index) {
            self.sel_objective = pos;
        }
        match &hit.found {
            Found::Objective | Found::Why => {}
            Found::KeyResult(_) => {
                self.pane = Pane::KeyResults;
                self.sel_key_result = place;
            }
            Found::Initiative(_) => {
                self.screen = Screen::Detail { objective: id };
                self.pane = Pane::Initiatives;
                self.sel_initiative = place;
            }
            Found::Note { .. } => {
                let (key_result, sel) = entry.unwrap_or_default();
                self.sel_key_result = place;
                self.pane = Pane::KeyResults;
                self.screen = Screen::KeyResult(KeyResultView {
                    objective: id,
                    key_result,
                    sel,
                    back: Back::Quarter,
                });
            }
        }
        true
    }
}
