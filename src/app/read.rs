//! What the screens, the event loop and the tests read of the tracker's
//! state: each part as it is, never a way to change it.

use chrono::NaiveDate;

use super::{App, Message, Modal, Pane, Screen};
use crate::i18n::Strings;
use crate::keys::Keymap;
use crate::model::owners::OwnerFilter;
use crate::model::{Data, FiscalYear, Quarter};

impl App {
    /// The file's data as the tracker holds it.
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// Every user-visible string, in the tracker's language.
    pub fn strings(&self) -> &'static Strings {
        self.s
    }

    /// Today, decided once at the start.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The quarter on screen, or the year in the year view.
    pub fn quarter(&self) -> Quarter {
        self.quarter
    }

    /// The month the team's year starts in.
    pub fn fy(&self) -> FiscalYear {
        self.data.fiscal_year()
    }

    /// Today's quarter.
    pub fn this_quarter(&self) -> Quarter {
        Quarter::of(self.today, self.fy())
    }

    /// A quarter or year as the screen names it: `2026 Q4`, `FY2027 Q1`.
    pub fn label(&self, q: Quarter) -> String {
        q.label(self.fy()).to_string()
    }

    /// The screen under any modal.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The focused pane of the quarter view or the detail.
    pub fn pane(&self) -> Pane {
        self.pane
    }

    /// The selected Mål's place among the quarter's shown Mål.
    pub fn sel_objective(&self) -> usize {
        self.sel_objective
    }

    /// The selected key result's place in its Mål.
    pub fn sel_key_result(&self) -> usize {
        self.sel_key_result
    }

    /// The selected Uppgift's place in its Mål.
    pub fn sel_initiative(&self) -> usize {
        self.sel_initiative
    }

    /// The question or form over the screen, if one is open.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Whether the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.help
    }

    /// How far the help overlay is scrolled.
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// The key table in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The status line's message, if there is one.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// The save problem shown until a save succeeds.
    pub fn save_problem(&self) -> Option<&str> {
        self.save_problem.as_deref()
    }

    /// Whether the user has quit: the event loop ends.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the screens are drawn in colour.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether this is the demo's temporary file.
    pub fn demo(&self) -> bool {
        self.demo
    }

    /// Whether the quarter view shows the planning checklist.
    pub fn planning(&self) -> bool {
        self.planning
    }

    /// Who I am; `None` when nothing says.
    pub fn me(&self) -> Option<&str> {
        self.team.me.as_deref()
    }

    /// Whose Mål every screen shows.
    pub fn filter(&self) -> &OwnerFilter {
        &self.team.filter
    }

    /// Whether the Mål aligned under the Mål `id` are hidden in the
    /// quarter view.
    pub fn is_folded(&self, id: &str) -> bool {
        self.team.folded.contains(id)
    }

    /// The writer's generation of the file's version last taken in (0:
    /// the version opened).
    pub fn live_generation(&self) -> u64 {
        self.live.generation
    }
}
