//! The app without a terminal, for the app, render, check-in and review
//! tests: an app over a temporary store, key presses, and the file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use chrono::NaiveDate;
use okr::app::saver::{SaveReport, Saver};
use okr::app::{App, Setup};
use okr::model::{Data, Lang};
use okr::store::Store;
use okr::store::atomic::Gate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::WAIT;
// The drawing of `screen.rs` under the names the app's tests know it by
// (a test binary that draws nothing leaves them unused).
#[allow(unused_imports)]
pub use super::screen::{buffer as screen_buffer, render as screen};

/// The pinned "today" of [`super::TODAY`].
pub fn today() -> NaiveDate {
    super::TODAY.parse().unwrap()
}

pub struct Harness {
    pub app: App,
    pub path: PathBuf,
    pub reports: Arc<Mutex<Vec<SaveReport>>>,
    _dir: tempfile::TempDir,
}

impl Harness {
    /// An app over a temporary file holding `data` (nothing written when `None`).
    pub fn new(data: Option<Data>, lang: Lang) -> Harness {
        Harness::with_store(data, lang, |_| {})
    }

    /// Like [`Harness::new`], the store set up by `setup` before the
    /// writer starts (a save of its own, a test seam).
    pub fn with_store(data: Option<Data>, lang: Lang, setup: impl FnOnce(&mut Store)) -> Harness {
        Harness::build(data, lang, setup, |_, _| {})
    }

    /// Like [`Harness::new`], the app started from a [`Setup`] that
    /// `change` makes its own (no colour, read-only, someone known, ...).
    pub fn with_setup(data: Option<Data>, lang: Lang, change: impl FnOnce(&mut Setup)) -> Harness {
        Harness::build(data, lang, |_| {}, |setup, _| change(setup))
    }

    /// An app over a temporary file holding `data`: the store set up by
    /// `store` before the writer starts, the app's [`Setup`] by `change`
    /// (given the temporary folder, for a config file there).
    pub fn build(
        data: Option<Data>,
        lang: Lang,
        store: impl FnOnce(&mut Store),
        change: impl FnOnce(&mut Setup, &Path),
    ) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        if let Some(d) = data {
            std::fs::write(&path, okr::store::format::serialize(&d).unwrap()).unwrap();
        }
        let reports = Arc::new(Mutex::new(Vec::new()));
        let mut setup = Setup::new(lang, today());
        change(&mut setup, dir.path());
        let app = start(&path, &reports, setup, store);
        Harness {
            app,
            path,
            reports,
            _dir: dir,
        }
    }

    /// The tracker quit and started again on `day` over the same file
    /// (from a plain [`Setup`]), as someone does who opens okr the next
    /// morning.
    pub fn reopen_on(&mut self, day: NaiveDate) {
        let lang = self.app.strings().lang;
        flushed(&self.app);
        // The writer ends (and the file's lock is let go) with the app.
        drop(std::mem::replace(
            &mut self.app,
            App::new(Data::default(), Setup::new(lang, day)),
        ));
        self.app = start(&self.path, &self.reports, Setup::new(lang, day), |_| {});
    }

    /// Every change so far written, and the writer's reports given to the
    /// app as the tracker gives them (its hooks run on a save).
    pub fn deliver_saves(&mut self) {
        flushed(&self.app);
        let reports: Vec<SaveReport> = std::mem::take(&mut *self.reports.lock().unwrap());
        for r in reports {
            self.app.on_save(r);
        }
    }

    pub fn keys(&mut self, keys: &[KeyEvent]) {
        for k in keys {
            self.app.handle_key(*k);
        }
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.app.handle_key(ch(c));
        }
    }

    /// The file as it is on disk once every change so far is written.
    pub fn file(&self) -> Data {
        flushed(&self.app);
        okr::store::read(&self.path).unwrap()
    }

    pub fn file_json(&self) -> serde_json::Value {
        flushed(&self.app);
        super::read_json(&self.path)
    }

    pub fn dir(&self) -> &Path {
        self._dir.path()
    }
}

/// The app over the file at `path` from `setup`, its writer's reports
/// kept in `reports`; the store set up by `store` before the writer starts.
fn start(
    path: &Path,
    reports: &Arc<Mutex<Vec<SaveReport>>>,
    setup: Setup,
    store: impl FnOnce(&mut Store),
) -> App {
    let (mut opened, data) = Store::open(path).unwrap();
    store(&mut opened);
    let r = Arc::clone(reports);
    let saver = Saver::spawn(opened, move |rep| r.lock().unwrap().push(rep));
    App::new(
        data,
        Setup {
            saver: Some(saver),
            ..setup
        },
    )
}

pub fn ch(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub const ENTER: KeyCode = KeyCode::Enter;
pub const TAB: KeyCode = KeyCode::Tab;
pub const ESC: KeyCode = KeyCode::Esc;
pub const BACKSPACE: KeyCode = KeyCode::Backspace;

/// Adds a Mål by keys from the quarter view: `a`, its title, Enter.
pub fn add_objective(app: &mut App, title: &str) {
    app.handle_key(ch('a'));
    for c in title.chars() {
        app.handle_key(ch(c));
    }
    app.handle_key(code(ENTER));
}

/// The status line's message, empty when there is none.
pub fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The example data, dated around the fixed test date.
pub fn demo() -> Data {
    okr::demo::example(today())
}

/// [`App::flush`] that fails the test when the writer has not answered in
/// [`WAIT`], instead of hanging: true when everything is on disk.
pub fn flushed(app: &App) -> bool {
    app.flush_within(WAIT)
        .unwrap_or_else(|| panic!("the writer did not answer a flush in {WAIT:?}"))
}

/// A gate of the store's fault seam held by a test. A wait on it fails
/// the test after [`WAIT`]; dropped, it opens, so that a test that fails
/// while it is closed never leaves the writer waiting at it (dropping the
/// app waits for the writer). Declare it after the app it holds up.
pub struct HeldGate(pub Arc<Gate>);

impl HeldGate {
    /// Waits until a write (or a read) has reached the gate.
    pub fn wait_for_writer(&self) {
        assert!(
            self.0.wait_for_writer(WAIT),
            "nothing reached the gate in {WAIT:?}"
        );
    }

    pub fn open(&self) {
        self.0.open();
    }
}

impl Drop for HeldGate {
    fn drop(&mut self) {
        self.0.open();
    }
}

/// The thread's result once it has ended; the test fails when it has not
/// ended in [`WAIT`], instead of hanging.
pub fn join<T>(thread: JoinHandle<T>) -> T {
    let start = std::time::Instant::now();
    while !thread.is_finished() {
        assert!(start.elapsed() < WAIT, "the thread did not end in {WAIT:?}");
        std::thread::sleep(super::POLL);
    }
    thread.join().expect("the thread panicked")
}
