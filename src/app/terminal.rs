//! The event loop in a real terminal: block on input, the writer's reports
//! and signals; draw after each. No timer: an idle okr uses no CPU. The
//! terminal is restored on quit, on error, on panic and on SIGTERM/SIGHUP.

use std::path::Path;
use std::sync::mpsc;

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::App;
use super::saver::{SaveReport, Saver};
use crate::model::Lang;
use crate::store::Store;

enum Wake {
    Input(Event),
    Saved(SaveReport),
    Signal(i32),
    InputGone(String),
}

/// Restores the terminal when dropped, whatever path leaves the loop.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// How the tracker opens.
#[derive(Default)]
pub struct Options {
    pub lang: Option<Lang>,
    pub demo: bool,
    /// Open straight into the weekly check-in.
    pub checkin: bool,
    /// Open straight into a quarter's review.
    pub review: Option<crate::model::Quarter>,
}

/// Opens the tracker on `file` and runs it until the user quits. Returns the
/// exit code (128 + signal when a signal ended it).
pub fn run(file: &Path, options: Options) -> Result<u8> {
    let (store, data) = Store::open(file)?;
    let lang = crate::i18n::choose_lang(options.lang, data.settings.language);
    let (tx, rx) = mpsc::channel::<Wake>();

    let saves = tx.clone();
    let saver = Saver::spawn(store, move |r| {
        let _ = saves.send(Wake::Saved(r));
    });
    let mut app = App::new(data, lang, crate::cli::today(), Some(saver));
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.demo = options.demo;
    if app.demo {
        app.info(app.s.demo_note);
    }
    if options.checkin {
        app.start_checkin();
    }
    if let Some(q) = options.review {
        app.start_review(q);
    }

    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .context("installing the signal handlers")?;
    let sig_tx = tx.clone();
    std::thread::Builder::new()
        .name("okr-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = sig_tx.send(Wake::Signal(sig));
            }
        })?;

    let mut terminal = ratatui::try_init().context("opening the terminal")?;
    let _restore = Restore;
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
                        let _ = input_tx.send(Wake::InputGone(e.to_string()));
                        return;
                    }
                }
            }
        })?;

    loop {
        terminal
            .draw(|f| crate::ui::draw(&app, f))
            .context("drawing the screen")?;
        let Ok(wake) = rx.recv() else {
            break;
        };
        match wake {
            Wake::Input(Event::Key(k)) if k.kind == KeyEventKind::Press => app.handle_key(k),
            Wake::Input(_) => {}
            Wake::Saved(r) => app.on_save(r),
            Wake::Signal(sig) => {
                app.flush();
                drop(app);
                return Ok(u8::try_from(128 + sig).unwrap_or(255));
            }
            Wake::InputGone(e) => {
                app.flush();
                anyhow::bail!("the terminal stopped answering: {e}");
            }
        }
        if app.quit {
            break;
        }
    }
    app.flush();
    Ok(0)
}
