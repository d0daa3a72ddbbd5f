//! The tracker's state and its update function: a key press becomes an
//! action, the action changes the state (and hands the new data to the
//! writer), and the UI draws the state. Nothing here touches the terminal.

pub mod checkin;
mod conflicts;
mod delete;
pub mod edit;
mod fiscal;
pub mod form;
pub mod forms;
pub mod history;
pub mod hooks;
pub mod live;
mod plans;
mod read;
pub mod reorder;
pub mod review;
pub mod saver;
pub mod search;
mod select;
pub mod summary;
pub mod sync;
pub mod team;
mod update;
pub mod view;
pub mod watch;
pub mod weekly;
mod year;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::i18n::{self, Strings};
use crate::keys::{Action, Context, Keymap};
use crate::model::checkin::Due;
use crate::model::owners::OwnerFilter;
use crate::model::{Data, Lang, Objective, Quarter};
use form::Form;
use history::{History, Patch};
use saver::{SaveReport, Saver};

/// The screen under any modal.
#[derive(Clone, Debug)]
pub enum Screen {
    Quarter,
    Detail {
        objective: String,
    },
    CheckIn(Box<checkin::CheckInState>),
    Review(review::ReviewState),
    Overview {
        sel: usize,
    },
    KeyResult(view::KeyResultView),
    /// The conflicts a merge left; the selected one, and whether it is
    /// shown in full (both values whole, notes included).
    Conflicts {
        sel: usize,
        full: bool,
    },
    /// The past check-ins, week by week.
    Past(weekly::PastState),
}

/// The focused pane of a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Objectives,
    KeyResults,
    Initiatives,
}

/// What a `y`/`n` question would delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Objective(String),
    KeyResult(String, String),
    Initiative(String, String),
    /// A key result's history entry: Mål, key result, the entry's place.
    Entry(String, String, usize),
}

/// A question or form over the screen (the help goes over these too).
#[derive(Clone, Debug)]
pub enum Modal {
    Form(Box<Form>),
    /// `title` names the item after the delete; `question` asks, saying what goes along.
    Confirm {
        target: Target,
        title: String,
        question: String,
    },
    Carry(review::Carry),
    Search(Box<search::SearchState>),
    /// A corrected latest entry whose week's check-in holds its old value:
    /// whether to correct the check-in too (the entry's form kept for Esc).
    CheckInToo {
        form: Box<Form>,
        question: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// Below this size the screen only says it is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Whether a window of this size only says it is too small.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Look-ups kept beside the data, rebuilt after each change.
#[derive(Default)]
struct Index {
    by_quarter: HashMap<Quarter, Vec<usize>>,
    /// Per quarter, the Mål the owner filter shows, in the order shown.
    shown: HashMap<Quarter, Vec<usize>>,
    /// Some Mål has an owner: the owner filter is shown.
    owners: bool,
    /// Each Mål's children, by the parent's id.
    children: crate::model::align::Children,
    /// Each shown Mål's place in each view's tree, by the view's quarter
    /// (or year) and the Mål's index.
    rows: HashMap<(Quarter, usize), crate::model::align::Row>,
    /// Whether my check-in waits ([`crate::model::checkin::due`]).
    due: Due,
    /// Every id, to show each by its shortest unique beginning.
    short_ids: crate::model::ids::ShortIds,
    /// The key results that measure themselves (`[refresh]`).
    measured: std::collections::HashSet<String>,
}

pub struct App {
    index: Index,
    data: Arc<Data>,
    s: &'static Strings,
    today: NaiveDate,
    quarter: Quarter,
    screen: Screen,
    pane: Pane,
    /// Selection within the quarter's Mål, the selected Mål's key results, its Uppgifter.
    sel_objective: usize,
    sel_key_result: usize,
    sel_initiative: usize,
    modal: Option<Modal>,
    /// The help overlay, over whatever is open; closing it returns there.
    help: bool,
    /// The key table in force.
    keymap: Keymap,
    message: Option<Message>,
    /// A save problem, shown until a save succeeds.
    save_problem: Option<String>,
    history: History,
    saver: Option<Saver>,
    quit: bool,
    quit_armed: bool,
    color: bool,
    demo: bool,
    /// Came from the review to plan: the quarter view shows the focus checklist.
    planning: bool,
    /// The quarter the year view was entered from: `y` goes back there.
    year_from: Option<Quarter>,
    /// How far the help overlay is scrolled, in a small window.
    help_scroll: u16,
    /// The window only says it is too small: keys act on nothing unseen.
    too_small: bool,
    /// The file is read-only: okr shows it and changes nothing.
    read_only: bool,
    /// The matches of the last search, for `n` / `N`.
    last_search: Option<search::LastSearch>,
    /// Who I am, my config file, whose Mål are shown.
    team: team::Team,
    /// Which of the file's versions on disk the app has taken in.
    live: live::Live,
    /// The hooks, and what they will be told after the next save.
    hooks: hooks::HookState,
    /// `okr sync` on its key; none where the file cannot be synced.
    sync: Option<sync::SyncRunner>,
}

/// What the tracker starts with besides its data, in one value.
pub struct Setup {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The writer that saves in the background; none in a test that saves
    /// nothing.
    pub saver: Option<Saver>,
    /// Who I am, and my config file (the settings screen writes it).
    pub me: Option<String>,
    pub config: Option<crate::config::PersonalFile>,
    pub keymap: Keymap,
    /// Whose Mål are shown at the start.
    pub filter: OwnerFilter,
    /// Colours on (`NO_COLOR` turns them off).
    pub color: bool,
    /// The demo's temporary file: said on screen.
    pub demo: bool,
    /// The file cannot be written: shown, never changed.
    pub read_only: bool,
    /// The hooks of the config folder, when there are any.
    pub hooks: Option<hooks::HookRunner>,
    /// `okr sync` on its key: none for the demo's file and in tests that
    /// sync nothing.
    pub sync: Option<sync::SyncRunner>,
}

impl Setup {
    /// A plain start in `lang` on `today`: no writer, nobody known, the
    /// default keys, everyone's Mål, colours on.
    pub fn new(lang: Lang, today: NaiveDate) -> Setup {
        Setup {
            lang,
            today,
            saver: None,
            me: None,
            config: None,
            keymap: Keymap::default(),
            filter: OwnerFilter::Everyone,
            color: true,
            demo: false,
            read_only: false,
            hooks: None,
            sync: None,
        }
    }
}

impl App {
    /// The tracker on `data`, set up once from `setup`: nothing is set on
    /// it from outside afterwards.
    pub fn new(data: Data, setup: Setup) -> App {
        let Setup {
            lang,
            today,
            saver,
            me,
            config,
            keymap,
            filter,
            color,
            demo,
            read_only,
            hooks,
            sync,
        } = setup;
        let fy = data.fiscal_year();
        let mut app = App {
            index: Index::default(),
            data: Arc::new(data),
            s: i18n::strings(lang),
            today,
            quarter: Quarter::of(today, fy),
            screen: Screen::Quarter,
            pane: Pane::Objectives,
            sel_objective: 0,
            sel_key_result: 0,
            sel_initiative: 0,
            modal: None,
            help: false,
            keymap: keymap.in_lang(lang),
            message: None,
            save_problem: None,
            history: History::default(),
            saver,
            quit: false,
            quit_armed: false,
            color,
            demo,
            planning: false,
            year_from: None,
            help_scroll: 0,
            too_small: false,
            read_only,
            last_search: None,
            team: team::Team {
                me,
                config,
                ..team::Team::default()
            },
            live: live::Live::default(),
            hooks: hooks::HookState::new(hooks),
            sync,
        };
        if let Some(s) = &app.saver {
            s.start(Arc::clone(&app.data));
        }
        app.index_ids();
        app.reindex(true);
        app.set_filter(filter);
        app
    }

    /// Waits until every change so far has been written (or tried); true
    /// when all of it is on disk (always, without a writer).
    pub fn flush(&self) -> bool {
        self.saver.as_ref().is_none_or(Saver::flush)
    }

    /// The data changed in place and nothing else: no undo, no index, no
    /// save. A seam for the tests, for a state no key reaches (the
    /// conflicts a merge left, a plan written last week, a file emptied
    /// behind a search's back).
    #[doc(hidden)]
    pub fn data_unrecorded(&mut self) -> &mut Data {
        Arc::make_mut(&mut self.data)
    }

    /// [`App::flush`] waiting at most `within`: `None` when the writer has
    /// not answered by then.
    pub fn flush_within(&self, within: std::time::Duration) -> Option<bool> {
        match &self.saver {
            Some(s) => s.flush_within(within),
            None => Some(true),
        }
    }

    /// Indexes (into `data.objectives`) of the viewed quarter's Mål that
    /// the owner filter shows, in the order shown.
    pub fn quarter_objectives(&self) -> &[usize] {
        self.index
            .shown
            .get(&self.quarter)
            .map_or(&[], Vec::as_slice)
    }

    /// Rebuilds the look-ups after the data changed: O(number of Mål), once per
    /// change, so that a frame never scans the store.
    /// `reshaped` is false when no Mål was added, removed or moved to another
    /// quarter: the quarter index then stands as it is.
    fn reindex(&mut self, reshaped: bool) {
        self.reindex_with(reshaped, true);
    }

    /// Every id anew (at the start, after a reload, an undo or a redo).
    pub(crate) fn index_ids(&mut self) {
        self.index.short_ids = crate::model::ids::ShortIds::new(self.data.ids());
        self.index_measured();
    }

    /// The ids a change took away and added.
    fn index_ids_of(&mut self, patch: &Patch) {
        fn ids(o: &crate::model::Objective) -> impl Iterator<Item = &str> {
            std::iter::once(o.id.as_str())
                .chain(o.key_results.iter().map(|k| k.id.as_str()))
                .chain(o.initiatives.iter().map(|u| u.id.as_str()))
        }
        match patch {
            Patch::Objective { before, after, .. } => {
                let short = &mut self.index.short_ids;
                before.iter().for_each(|o| short.remove(ids(o)));
                after.iter().for_each(|o| short.add(ids(o)));
            }
            Patch::Many(patches) => patches.iter().for_each(|p| self.index_ids_of(p)),
            Patch::Whole { .. } => self.index_ids(),
            Patch::CheckIns { .. } | Patch::Settings { .. } => {}
        }
    }

    /// How an id is shown: its shortest beginning no other id shares (see
    /// [`crate::model::ids`]).
    pub fn short_id<'a>(&self, id: &'a str) -> &'a str {
        self.index.short_ids.shown(id)
    }

    /// [`App::reindex`], the tree and the owner filter's rows rebuilt only
    /// when `retree` (a change can move a Mål in them): a new value costs
    /// what today's quarter holds, not the whole store.
    fn reindex_with(&mut self, reshaped: bool, retree: bool) {
        if reshaped {
            self.index.by_quarter = crate::model::term::views(&self.data);
        }
        if reshaped || retree {
            self.refresh_shown();
        }
        // The check-in's key results: the year's Mål and today's quarter's.
        let quarter = self.this_quarter();
        let of = |q: &Quarter| self.index.by_quarter.get(q).map_or(&[][..], Vec::as_slice);
        let today: Vec<usize> = of(&quarter.whole_year())
            .iter()
            .copied()
            .filter(|i| self.data.objective_at(*i).is_some_and(|o| o.is_yearly()))
            .chain(of(&quarter).iter().copied())
            .collect();
        self.index.due = self.compute_due(&today);
    }

    /// Whether the banner should invite a check-in.
    pub fn checkin_due(&self) -> bool {
        matches!(self.index.due, Due::Due { .. })
    }

    /// Key results of today's quarter still without an entry this week.
    pub fn checkin_waiting(&self) -> usize {
        self.index.due.waiting().unwrap_or(0)
    }

    /// Whether my check-in waits, and for how many key results.
    pub fn due(&self) -> Due {
        self.index.due
    }

    /// The index of a Mål by id: looked for in the viewed quarter first (where
    /// the Mål being worked on is), then in the whole store.
    pub fn find_objective(&self, id: &str) -> Option<usize> {
        self.quarter_objectives()
            .iter()
            .copied()
            .find(|i| self.data.objectives.get(*i).is_some_and(|o| o.id == id))
            .or_else(|| self.data.objective_index(id))
    }

    /// The index of the Mål in focus: the selected one, or the one in detail.
    pub fn current_objective(&self) -> Option<usize> {
        match &self.screen {
            Screen::Quarter => self.quarter_objectives().get(self.sel_objective).copied(),
            Screen::Detail { objective } => self.find_objective(objective),
            Screen::KeyResult(v) => self.find_objective(&v.objective),
            Screen::CheckIn(_)
            | Screen::Review(_)
            | Screen::Overview { .. }
            | Screen::Conflicts { .. }
            | Screen::Past(_) => None,
        }
    }

    pub fn objective(&self) -> Option<&Objective> {
        self.current_objective()
            .and_then(|i| self.data.objective_at(i))
    }

    /// Where keys are interpreted now, innermost layer first: the help
    /// overlay, else [`App::layers_under_help`].
    pub fn layers(&self) -> Vec<Context> {
        if self.too_small {
            return vec![Context::TooSmall];
        }
        if self.help {
            return vec![Context::Help];
        }
        self.layers_under_help()
    }

    /// The layers of whatever is open under the help overlay: a modal, a
    /// check-in step (its focused field over the step) or the screen.
    pub fn layers_under_help(&self) -> Vec<Context> {
        match &self.modal {
            Some(Modal::Form(f)) => return vec![f.layer(), Context::Form],
            Some(Modal::Confirm { .. }) => return vec![Context::Confirm],
            Some(Modal::CheckInToo { .. }) => return vec![Context::CheckInToo],
            Some(Modal::Carry(_)) => return vec![Context::Carry],
            Some(Modal::Search(_)) => return vec![Context::Search],
            None => {}
        }
        let ctx = match (&self.screen, self.pane) {
            (Screen::CheckIn(st), _) => return st.layers(),
            (Screen::Quarter, Pane::KeyResults) => Context::QuarterKeyResults,
            (Screen::Quarter, _) => Context::Quarter,
            (Screen::Review(_), _) => Context::Review,
            (Screen::Overview { .. }, _) => Context::Overview,
            (Screen::Past(p), _) if p.open.is_some() => Context::PastCheckIn,
            (Screen::Past(_), _) => Context::PastCheckIns,
            (Screen::KeyResult(_), _) => Context::KeyResultView,
            (Screen::Conflicts { .. }, _) => Context::Conflicts,
            (Screen::Detail { .. }, Pane::Initiatives) => Context::DetailInitiatives,
            (Screen::Detail { .. }, _) => Context::DetailKeyResults,
        };
        vec![ctx]
    }

    /// The key of an action where it works, as the help writes it, for a
    /// message that names it ("press c").
    pub fn key(&self, action: Action, ctx: Context) -> String {
        self.keymap.key_of(action, ctx)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Info,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Warning,
        });
    }

    /// The window's new size: too small a window only says so, and keys
    /// act on nothing unseen (quitting still works).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.too_small = too_small(width, height);
    }

    /// A report from the writer.
    pub fn on_save(&mut self, report: SaveReport) {
        match report {
            SaveReport::Saved => {
                self.save_problem = None;
                self.run_hooks();
                // Nothing is unsaved any more: the "press q again" question is void.
                if self.quit_armed {
                    self.quit_armed = false;
                    self.message = None;
                }
            }
            SaveReport::Failed { file, reason } => {
                self.save_problem = Some((self.s.save_failed)(&file, &reason.text(self.s)));
            }
            SaveReport::Conflict { file, copy } => {
                self.save_problem = Some((self.s.save_conflict)(&file, &copy))
            }
            SaveReport::Changed {
                theirs,
                base,
                generation,
            } => self.on_changed(theirs, base, generation),
            SaveReport::Unreadable(problem) => self.on_unreadable(&problem),
        }
    }

    /// Applies and records a change, then hands the data to the writer. A
    /// read-only file changes nothing, and says so: false then.
    pub fn commit(&mut self, patch: Patch) -> bool {
        if self.read_only {
            self.warn(self.s.read_only_refused);
            return false;
        }
        // The selected item stays selected wherever the change moves it.
        let spot = self.spot();
        let data = Arc::make_mut(&mut self.data);
        patch.apply(data);
        // Ids a change added or removed are never given out again, not even after an undo.
        for o in patch.touched() {
            data.remember_ids(o);
        }
        let (reshaped, retree) = (patch.reshapes(), patch.retrees());
        self.index_ids_of(&patch);
        self.index_measured();
        self.hooks.changed(&patch);
        self.history.record(patch);
        self.reindex_with(reshaped, retree);
        self.persist();
        self.find_spot(spot);
        true
    }

    fn persist(&mut self) {
        self.quit_armed = false;
        if let Some(s) = &self.saver {
            s.save(Arc::clone(&self.data), self.live.generation);
        }
    }

    /// Keeps every selection inside its list after a change.
    pub fn clamp_selection(&mut self) {
        if let Screen::Detail { objective } = &self.screen
            && self.find_objective(objective).is_none()
        {
            self.screen = Screen::Quarter;
            self.pane = Pane::Objectives;
        }
        self.keep_key_result_view();
        self.keep_conflicts_screen();
        let n = self.quarter_objectives().len();
        self.sel_objective = self.sel_objective.min(n.saturating_sub(1));
        let (krs, inits) = self
            .objective()
            .map_or((0, 0), |o| (o.key_results.len(), o.initiatives.len()));
        self.sel_key_result = self.sel_key_result.min(krs.saturating_sub(1));
        self.sel_initiative = self.sel_initiative.min(inits.saturating_sub(1));
    }
}
