//! The event loop in a real terminal: block on input, the writer's reports
//! (someone else's version of the file among them, read when the file
//! watcher saw it change) and signals; draw after each. No timer: an idle
//! okr uses no CPU. The terminal is restored on quit, on error, on panic and
//! on SIGTERM/SIGHUP.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, mpsc};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::{cursor, execute, terminal};

use crate::app::hooks::HookRunner;
use crate::app::saver::{SaveReport, Saver};
use crate::app::sync::SyncRunner;
use crate::app::{App, Setup};
use crate::i18n::Strings;
use crate::model::{Data, Lang};
use crate::store::{IoReason, SaveError, Store};

/// How long okr, quitting, waits for a sync under way.
const SYNC_AT_EXIT: std::time::Duration = std::time::Duration::from_secs(10);

enum Wake {
    Input(Event),
    Saved(SaveReport),
    Hook(crate::hooks::HookError),
    Synced(crate::app::sync::SyncReport),
    Signal(i32),
    InputGone(IoReason),
}

/// Why the tracker could not start, or stopped, in the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum TerminalError {
    /// SIGTERM/SIGHUP/SIGINT could not be caught.
    Signals(IoReason),
    /// The terminal could not be switched to the full screen.
    Open(IoReason),
    /// A frame could not be written to the terminal.
    Draw(IoReason),
    /// Reading keys failed: the terminal went away.
    InputGone(IoReason),
    /// A helper thread (signals, input) could not be started.
    Thread(IoReason),
    /// `okr demo`'s temporary folder could not be made inside this one.
    TempFolder(std::path::PathBuf, IoReason),
}

impl TerminalError {
    pub fn text(&self, s: &Strings) -> String {
        match self {
            TerminalError::Signals(r) => (s.e_signals)(&r.text(s)),
            TerminalError::Open(r) => (s.e_terminal_open)(&r.text(s)),
            TerminalError::Draw(r) => (s.e_terminal_draw)(&r.text(s)),
            TerminalError::InputGone(r) => (s.e_terminal_gone)(&r.text(s)),
            TerminalError::Thread(r) => (s.e_thread)(&r.text(s)),
            TerminalError::TempFolder(p, r) => {
                (s.e_temp_folder)(&p.display().to_string(), &r.text(s))
            }
        }
    }
}

impl std::fmt::Display for TerminalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&crate::i18n::EN))
    }
}

impl std::error::Error for TerminalError {}

/// The terminal error made of an I/O error.
fn io(make: fn(IoReason) -> TerminalError) -> impl Fn(std::io::Error) -> TerminalError {
    move |e| make(IoReason::of(&e))
}

/// Whether the terminal is switched to the tracker (raw mode, the full
/// screen) and not given back yet: it is given back once, by whichever
/// comes first, the panic hook or [`Restore`]. Leaving the full screen twice
/// would move the cursor back over what was printed in between, such as a
/// panic's message.
static SWITCHED: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back (normal mode, off the full screen, the cursor
/// shown), if it is still switched. Each step is tried on its own and
/// quietly: the output may be the very thing that failed.
fn give_back() {
    if SWITCHED.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        let _ = execute!(
            std::io::stdout(),
            terminal::LeaveAlternateScreen,
            cursor::Show
        );
    }
}

/// Switches the terminal to the tracker. A panic from now on gives it back
/// before its message is printed. A set-up that fails half-way (raw mode
/// on, the full screen refused) is undone by the [`Restore`] made first.
fn switch() -> std::io::Result<Terminal<CrosstermBackend<std::io::Stdout>>> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let next = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            give_back();
            next(info);
        }));
    });
    SWITCHED.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

/// Gives the terminal back when dropped, whatever path leaves the tracker.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        give_back();
    }
}

/// What a key does to the loop in the library's own tests, to prove that
/// the terminal is restored and the last change saved when the loop ends by
/// a panic or an error. A correct okr has no input that panics, and no
/// error that a test can cause at will while the terminal stays usable, so
/// the tests need a trigger. It is a field of [`Options`] and nothing else:
/// the okr binary always leaves it `None`, and no flag, environment
/// variable or file reaches it; only code that links the library can set
/// it (tests/terminal/e2e_restore.rs does, running the tracker in tmux).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trip {
    /// This key panics.
    Panic(char),
    /// This key ends the loop with an error, as a failed draw would.
    Error(char),
}

impl Trip {
    fn spring(self, key: &ratatui::crossterm::event::KeyEvent) -> Result<(), TerminalError> {
        use ratatui::crossterm::event::KeyCode;
        match (self, key.code) {
            (Trip::Panic(c), KeyCode::Char(k)) if c == k => {
                panic!("a test tripped the tracker with {c:?}")
            }
            (Trip::Error(c), KeyCode::Char(k)) if c == k => Err(TerminalError::Draw(
                IoReason::Other(format!("a test tripped the tracker with {c:?}")),
            )),
            _ => Ok(()),
        }
    }
}

/// The screen the tracker opens on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// Today's quarter.
    #[default]
    Quarter,
    /// Straight into the weekly check-in.
    CheckIn,
    /// Straight into a quarter's (or a year's) review; without one, the
    /// quarter just ended in the first two weeks of a new one, else today's.
    Review(Option<crate::model::Quarter>),
}

/// How the tracker opens.
#[derive(Default)]
pub struct Options {
    pub lang: Option<Lang>,
    /// Today, as decided once at start.
    pub today: chrono::NaiveDate,
    /// The example data in a temporary file: said on screen.
    pub demo: bool,
    pub start: Start,
    /// For the library's tests only (see [`Trip`]); the binary leaves it `None`.
    pub trip: Option<Trip>,
    /// Who I am.
    pub me: Option<String>,
    /// The personal config file the settings write.
    pub config: Option<crate::config::PersonalFile>,
    /// Whose Mål are shown at first.
    pub filter: crate::model::owners::OwnerFilter,
    /// The key table: the defaults, or with the config file's `keys`.
    pub keymap: crate::keys::Keymap,
    /// The hooks of the config folder.
    pub hooks: crate::hooks::Hooks,
}

/// How the tracker ended.
#[derive(Debug)]
pub struct Exit {
    /// 0, or 128 + the signal that ended it, or 1 when the terminal went away.
    pub code: u8,
    /// The language the tracker spoke, for what is said after it.
    pub lang: Lang,
    /// The terminal stopped answering.
    pub gone: Option<TerminalError>,
    /// Saves were failing at the end: where the state went instead (or why
    /// that failed too).
    pub rescue: Option<Result<PathBuf, SaveError>>,
    /// What the hooks that ran at the end said went wrong.
    pub hooks: Vec<String>,
}

/// Runs the tracker on the opened `store` and its `data` until the user
/// quits.
pub fn run(store: Store, data: Data, options: Options) -> Result<Exit, TerminalError> {
    let path = store.path().to_path_buf();
    let file = path.as_path();
    let read_only = store.is_read_only();
    let lang = crate::i18n::choose_lang(options.lang, data.settings.language);
    let (tx, rx) = mpsc::channel::<Wake>();

    let target = store.target().to_path_buf();
    let saves = tx.clone();
    let saver = Saver::spawn(store, move |r| {
        let _ = saves.send(Wake::Saved(r));
    });
    let told = tx.clone();
    let hooks = HookRunner::spawn(options.hooks.clone(), file, move |e| {
        let _ = told.send(Wake::Hook(e));
    });
    // The demo's temporary file is in no repository: nothing to sync.
    let synced = tx.clone();
    let sync = (!options.demo).then(|| {
        let report = move |r| {
            let _ = synced.send(Wake::Synced(r));
        };
        SyncRunner::new(path.clone(), options.me.clone(), report)
    });
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            me: options.me,
            config: options.config,
            keymap: options.keymap,
            filter: options.filter,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            demo: options.demo,
            read_only,
            hooks,
            sync,
            ..Setup::new(lang, options.today)
        },
    );
    // Someone else's changes to the file are read and merged as they come.
    // Without a watch (the system's limit reached) okr still never
    // overwrites them: the writer checks the file before every save.
    let _watch = app
        .poke()
        .and_then(|poke| crate::app::watch::watch(&target, poke).ok());
    if app.demo() {
        app.info(app.strings().demo_note);
    } else if read_only {
        app.warn((app.strings().read_only_note)(&file.display().to_string()));
    }
    match options.start {
        Start::Quarter => {}
        Start::CheckIn => app.start_checkin(),
        Start::Review(q) => app.start_review(q.unwrap_or_else(|| {
            crate::model::review::default_review_quarter(app.today(), app.fy())
        })),
    }

    watch_signals(tx.clone())?;

    let _restore = Restore;
    let mut terminal = switch().map_err(io(TerminalError::Open))?;
    // Start crossterm's reader now, so a resize in the first moments is not lost.
    let _ = event::poll(std::time::Duration::ZERO);

    let input_tx = tx;
    std::thread::Builder::new()
        .name("okr-input".into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        if input_tx.send(Wake::Input(ev)).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = input_tx.send(Wake::InputGone(IoReason::of(&e)));
                        return;
                    }
                }
            }
        })
        .map_err(io(TerminalError::Thread))?;

    let (code, gone) = loop {
        let size = terminal.size().map_err(io(TerminalError::Draw))?;
        app.resize(size.width, size.height);
        terminal
            .draw(|f| crate::ui::draw(&app, f))
            .map_err(io(TerminalError::Draw))?;
        let Ok(wake) = rx.recv() else {
            break (0, None);
        };
        match wake {
            Wake::Input(Event::Key(k)) if k.kind == KeyEventKind::Press => {
                if let Some(trip) = options.trip {
                    trip.spring(&k)?;
                }
                app.handle_key(k);
            }
            Wake::Input(_) => {}
            Wake::Saved(r) => app.on_save(r),
            Wake::Hook(e) => app.on_hook(&e),
            Wake::Synced(r) => app.on_synced(r),
            Wake::Signal(sig) => break (u8::try_from(128 + sig).unwrap_or(255), None),
            Wake::InputGone(r) => break (1, Some(TerminalError::InputGone(r))),
        }
        if app.should_quit() {
            break (0, None);
        }
    };
    // Everything is saved first; what cannot be saved goes to a rescue file.
    let rescue = (!finish(&mut app, &rx)).then(|| crate::store::write_rescue(file, app.data()));
    // A sync under way finishes what git started, for a while.
    app.finish_sync(SYNC_AT_EXIT);
    // The hooks of the last saves run before okr ends; what they said is
    // said on the restored terminal.
    app.finish_hooks();
    let hooks = rx
        .try_iter()
        .filter_map(|w| match w {
            Wake::Hook(e) => Some(e.text(app.strings())),
            _ => None,
        })
        .collect();
    Ok(Exit {
        code,
        lang: app.strings().lang,
        gone,
        rescue,
        hooks,
    })
}

/// Waits for everything to be written. A version of the file read on the
/// way (someone else saved just now) is merged first, and that saved: true
/// when all of it is on disk.
fn finish(app: &mut App, rx: &mpsc::Receiver<Wake>) -> bool {
    for _ in 0..5 {
        let done = app.flush();
        let mut changed = false;
        while let Ok(wake) = rx.try_recv() {
            match wake {
                Wake::Saved(r) => {
                    changed |= matches!(r, SaveReport::Changed { .. });
                    app.on_save(r);
                }
                Wake::Hook(e) => app.on_hook(&e),
                _ => {}
            }
        }
        if !changed {
            return done;
        }
    }
    app.flush()
}

/// SIGTERM, SIGHUP (the terminal closed) and SIGINT wake the loop, which
/// saves what is waiting, restores the terminal and ends.
#[cfg(unix)]
fn watch_signals(tx: mpsc::Sender<Wake>) -> Result<(), TerminalError> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .map_err(io(TerminalError::Signals))?;
    std::thread::Builder::new()
        .name("okr-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = tx.send(Wake::Signal(sig));
            }
        })
        .map_err(io(TerminalError::Thread))?;
    Ok(())
}

/// Elsewhere (Windows) no signal is watched: Ctrl-C reaches the tracker as
/// a key in raw mode, as on unix, and quits after the save; a console that
/// is closed is not caught (see the README's Install: untested there).
#[cfg(not(unix))]
fn watch_signals(_tx: mpsc::Sender<Wake>) -> Result<(), TerminalError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};

    #[test]
    fn terminal_errors_are_worded_in_both_languages() {
        let r = || IoReason::Other("os says no".into());
        let all = [
            TerminalError::Signals(r()),
            TerminalError::Open(r()),
            TerminalError::Draw(r()),
            TerminalError::InputGone(r()),
            TerminalError::Thread(r()),
            TerminalError::TempFolder("/tmp".into(), r()),
        ];
        for e in &all {
            let (sv, en) = (e.text(&SV), e.text(&EN));
            assert!(
                sv.contains("os says no") && en.contains("os says no"),
                "{e:?}"
            );
            assert_ne!(sv, en, "{e:?}");
            assert_eq!(e.to_string(), en);
        }
        let en: std::collections::HashSet<String> = all.iter().map(|e| e.text(&EN)).collect();
        assert_eq!(en.len(), all.len(), "each error has its own sentence");
    }
}
