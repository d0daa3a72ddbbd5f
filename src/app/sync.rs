//! `okr sync` from the tracker ([`crate::sync`]): one key, once the writer
//! has saved everything, runs the sync on a thread of its own, so that no
//! key waits for git; what it did comes back as a message. The file that
//! the pull changes is read again like any change by someone else.

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::App;
use crate::i18n::Strings;
use crate::keys::{Action, Context};
use crate::sync::{Outcome, Repo, SyncError};

/// What a sync's thread reports.
pub type SyncReport = Result<Outcome, SyncError>;

/// Starts syncs of one data file, each on its own thread.
pub struct SyncRunner {
    file: PathBuf,
    me: Option<String>,
    report: Arc<dyn Fn(SyncReport) + Send + Sync>,
    running: Option<JoinHandle<()>>,
}

impl SyncRunner {
    /// Syncs of `file` for `me`; `report` hears how each ended.
    pub fn new(
        file: PathBuf,
        me: Option<String>,
        report: impl Fn(SyncReport) + Send + Sync + 'static,
    ) -> SyncRunner {
        SyncRunner {
            file,
            me,
            report: Arc::new(report),
            running: None,
        }
    }

    fn busy(&self) -> bool {
        self.running.as_ref().is_some_and(|h| !h.is_finished())
    }

    /// Starts a sync on a thread of its own; its commit message in `s`.
    fn start(&mut self, s: &'static Strings) -> std::io::Result<()> {
        let (file, me) = (self.file.clone(), self.me.clone());
        let report = Arc::clone(&self.report);
        let started = std::thread::Builder::new()
            .name("okr-sync".into())
            .spawn(move || {
                let done =
                    Repo::find(&file, true).and_then(|r| crate::sync::sync(&r, me.as_deref(), s));
                report(done);
            });
        self.running = Some(started?);
        Ok(())
    }
}

impl App {
    /// The sync key: everything saved first, then `okr sync` in the background.
    pub(super) fn start_sync(&mut self) {
        let s = self.s;
        let Some(runner) = self.sync.as_ref() else {
            self.info(s.sync.not_here);
            return;
        };
        if runner.busy() {
            self.info(s.sync.already_syncing);
            return;
        }
        // What git commits is what the file holds: every change written first.
        self.flush();
        match self.sync.as_mut().map(|r| r.start(s)) {
            Some(Err(e)) => self.warn((s.e_thread)(&crate::store::IoReason::of(&e).text(s))),
            _ => self.info(s.sync.syncing),
        }
    }

    /// How a sync ended: what it did, or why it stopped.
    pub fn on_synced(&mut self, report: SyncReport) {
        let s = self.s;
        match report {
            Ok(done) => {
                let mut text = done.text(s);
                if done.conflicts > 0 {
                    let key = self.key(Action::Conflicts, Context::Quarter);
                    text = format!("{text} {}", (s.live.conflicts_wait)(done.conflicts, &key));
                    self.warn(crate::text::line(&text));
                } else {
                    self.info(crate::text::line(&text));
                }
            }
            Err(e) => self.warn(crate::text::line(&e.text(s))),
        }
    }

    /// At the end: a sync under way is given up to `within` to finish,
    /// so that git is not left half-way through a merge it was finishing.
    pub fn finish_sync(&mut self, within: Duration) {
        let Some(runner) = self.sync.as_mut() else {
            return;
        };
        let start = Instant::now();
        while runner.busy() && start.elapsed() < within {
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(h) = runner.running.take().filter(|h| h.is_finished()) {
            let _ = h.join();
        }
    }
}
