//! The background writer: every change is handed over at once and written on
//! another thread, so the UI never waits for the disk. Saves are coalesced (only
//! the newest state is written), a failed save is retried, and a file changed
//! by someone else is never overwritten: okr's state goes to a `.conflict` file.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::model::Data;
use crate::store::{IoReason, SaveError, Store};

/// How long a failed save waits before it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// What happened to the newest state handed over.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveReport {
    Saved,
    /// Not saved; it is retried. The file and why.
    Failed {
        file: String,
        reason: IoReason,
    },
    /// The file changed under okr: okr's state was written to this path instead.
    Conflict {
        file: String,
        copy: String,
    },
}

enum Msg {
    Save(Arc<Data>),
    /// Answered with whether everything handed over is on disk (in the
    /// file, or in the conflict copy).
    Flush(Sender<bool>),
}

pub struct Saver {
    tx: Option<Sender<Msg>>,
    handle: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer thread; `report` is called on it after every attempt.
    pub fn spawn(store: Store, report: impl Fn(SaveReport) + Send + 'static) -> Saver {
        let (tx, rx) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("okr-saver".into())
            .spawn(move || writer(store, rx, report))
            .ok();
        Saver {
            tx: Some(tx),
            handle,
        }
    }

    /// Hands a state over to be written; returns at once.
    pub fn save(&self, data: Arc<Data>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Save(data));
        }
    }

    /// Waits until everything handed over so far has been tried once;
    /// true when it is all on disk (in the file or the conflict copy).
    pub fn flush(&self) -> bool {
        let (ack, done) = mpsc::channel();
        match &self.tx {
            Some(tx) if tx.send(Msg::Flush(ack)).is_ok() => done.recv().unwrap_or(false),
            _ => false,
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.flush();
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn writer(mut store: Store, rx: Receiver<Msg>, report: impl Fn(SaveReport)) {
    let mut pending: Option<Arc<Data>> = None;
    let mut conflict = false;
    loop {
        let msg = if pending.is_some() {
            match rx.recv_timeout(RETRY_AFTER) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return,
            }
        };
        let mut acks = Vec::new();
        match msg {
            Some(Msg::Save(d)) => pending = Some(d),
            Some(Msg::Flush(a)) => acks.push(a),
            None => {}
        }
        // Coalesce: only the newest state matters.
        while let Ok(m) = rx.try_recv() {
            match m {
                Msg::Save(d) => pending = Some(d),
                Msg::Flush(a) => acks.push(a),
            }
        }
        if let Some(data) = pending.take() {
            let result = if conflict {
                Err(SaveError::Conflict(store.path().to_path_buf()))
            } else {
                store.save(&data)
            };
            match result {
                Ok(()) => report(SaveReport::Saved),
                Err(SaveError::Conflict(path)) => {
                    conflict = true;
                    match store.save_conflict_copy(&data) {
                        Ok(copy) => report(SaveReport::Conflict {
                            file: path.display().to_string(),
                            copy: copy.display().to_string(),
                        }),
                        Err(e) => {
                            report(failed(&e));
                            pending = Some(data);
                        }
                    }
                }
                Err(e) => {
                    report(failed(&e));
                    pending = Some(data);
                }
            }
        }
        for a in acks {
            let _ = a.send(pending.is_none());
        }
    }
}

fn failed(e: &SaveError) -> SaveReport {
    match e {
        SaveError::Io(p, io) => SaveReport::Failed {
            file: p.display().to_string(),
            reason: IoReason::of(io),
        },
        SaveError::Conflict(p) => SaveReport::Failed {
            file: p.display().to_string(),
            reason: IoReason::Other(e.to_string()),
        },
        SaveError::ReadOnly(p) => SaveReport::Failed {
            file: p.display().to_string(),
            reason: IoReason::FileReadOnly,
        },
        SaveError::Encode(_) => SaveReport::Failed {
            file: String::new(),
            reason: IoReason::Other(e.to_string()),
        },
    }
}
