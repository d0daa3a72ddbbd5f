//! The background writer: every change is handed over at once and written on
//! another thread, so the UI never waits for the disk. Saves are coalesced (only
//! the newest state is written) and a failed save is retried. The writer is
//! also the one that reads the file again when it changed on disk (see
//! [`crate::app::watch`]): someone else's version is handed to the app, which
//! takes it or merges it with its own changes, and a file changed by someone
//! else is never overwritten. Only a file on disk that cannot be read makes
//! okr write its state to a `.conflict` file instead.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::model::Data;
use crate::store::{Disk, IoReason, LoadError, SaveError, Store};

/// How long a failed save waits before it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// What happened to the newest state handed over, or to the file on disk.
#[derive(Clone, Debug)]
pub enum SaveReport {
    Saved,
    /// Not saved; it is retried. The file and why.
    Failed {
        file: String,
        reason: IoReason,
    },
    /// The file on disk changed and cannot be read: okr's state was written
    /// to this path instead.
    Conflict {
        file: String,
        copy: String,
    },
    /// The file changed on disk: their version, what okr last read or wrote
    /// before it (the base of a merge), and the generation the app's later
    /// saves must carry to be written (see [`Saver::save`]).
    Changed {
        theirs: Arc<Data>,
        base: Arc<Data>,
        generation: u64,
    },
    /// The file changed on disk and cannot be read; okr keeps what it has.
    Unreadable(Arc<LoadError>),
}

impl PartialEq for SaveReport {
    fn eq(&self, other: &Self) -> bool {
        use SaveReport as R;
        match (self, other) {
            (R::Saved, R::Saved) => true,
            (R::Failed { file: a, reason: r }, R::Failed { file: b, reason: s }) => {
                a == b && r == s
            }
            (R::Conflict { file: a, copy: c }, R::Conflict { file: b, copy: d }) => {
                a == b && c == d
            }
            (
                R::Changed {
                    theirs: a,
                    base: b,
                    generation: g,
                },
                R::Changed {
                    theirs: c,
                    base: d,
                    generation: h,
                },
            ) => a == c && b == d && g == h,
            (R::Unreadable(a), R::Unreadable(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

enum Msg {
    /// What the app starts from: what okr read.
    Start(Arc<Data>),
    Save(Arc<Data>, u64),
    /// The app took the file's newest version as it is, with nothing of
    /// its own to save: saves of earlier generations are void.
    Adopted(u64),
    /// The file may have changed on disk.
    Look,
    /// Keep a copy of the file before the next save ([`Store::keep_copy`]).
    KeepCopy(&'static str),
    /// Answered with whether everything handed over is on disk (in the
    /// file, or in the conflict copy).
    Flush(Sender<bool>),
    Stop,
}

/// Pokes the writer to look at the file on disk again; the file watcher holds one.
#[derive(Clone)]
pub struct Poke(Sender<Msg>);

impl Poke {
    pub fn look(&self) {
        let _ = self.0.send(Msg::Look);
    }
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

    /// Hands a state over to be written; returns at once. `generation` is
    /// that of the last [`SaveReport::Changed`] the app took in (0 before
    /// any): a state made before the app saw the file's newest version is
    /// never written over it.
    /// A copy of the file as it is is kept before the next save, under
    /// `ending` beside it.
    pub fn keep_copy(&self, ending: &'static str) {
        self.send(Msg::KeepCopy(ending));
    }

    pub fn save(&self, data: Arc<Data>, generation: u64) {
        self.send(Msg::Save(data, generation));
    }

    /// The data the app starts from, as okr read it: the base of the first merge.
    pub fn start(&self, data: Arc<Data>) {
        self.send(Msg::Start(data));
    }

    /// The app took the file's version of `generation` as it is.
    pub fn adopted(&self, generation: u64) {
        self.send(Msg::Adopted(generation));
    }

    /// Something that asks the writer to look at the file on disk again.
    pub fn poke(&self) -> Option<Poke> {
        self.tx.as_ref().map(|tx| Poke(tx.clone()))
    }

    fn send(&self, msg: Msg) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(msg);
        }
    }

    /// Waits until everything handed over so far has been tried once;
    /// true when it is all on disk (in the file or the conflict copy).
    pub fn flush(&self) -> bool {
        self.ask_flush()
            .is_some_and(|done| done.recv().unwrap_or(false))
    }

    /// [`Saver::flush`] waiting at most `within`: `None` when the writer
    /// has not answered by then (a test then fails instead of hanging).
    pub fn flush_within(&self, within: Duration) -> Option<bool> {
        match self.ask_flush()?.recv_timeout(within) {
            Ok(done) => Some(done),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(false),
        }
    }

    fn ask_flush(&self) -> Option<Receiver<bool>> {
        let (ack, done) = mpsc::channel();
        let tx = self.tx.as_ref()?;
        tx.send(Msg::Flush(ack)).ok()?;
        Some(done)
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.flush();
        self.send(Msg::Stop);
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// The writer's side: what okr last read or wrote, and what waits.
struct Writer<R: Fn(SaveReport)> {
    store: Store,
    report: R,
    /// What okr last read or wrote: the base of the app's next merge.
    base: Arc<Data>,
    /// Bumped each time the file's newer version is handed to the app.
    generation: u64,
    pending: Option<Arc<Data>>,
    /// A state of an earlier generation was handed over and not written:
    /// the app merges it with the file's version and hands that over.
    stale: bool,
    /// The file on disk cannot be read: saves go to the conflict copy.
    unreadable: bool,
}

fn writer(store: Store, rx: Receiver<Msg>, report: impl Fn(SaveReport)) {
    let mut w = Writer {
        store,
        report,
        base: Arc::new(Data::default()),
        generation: 0,
        pending: None,
        stale: false,
        unreadable: false,
    };
    loop {
        let msg = if w.pending.is_some() {
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
        let mut look = false;
        // Coalesce: only the newest state matters.
        for m in msg
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            match m {
                Msg::Start(d) => w.base = d,
                Msg::Save(d, g) => w.take(d, g),
                Msg::Adopted(g) if g >= w.generation => w.stale = false,
                Msg::Adopted(_) => {}
                Msg::Look => look = true,
                Msg::KeepCopy(ending) => w.store.keep_copy(ending),
                Msg::Flush(a) => acks.push(a),
                Msg::Stop => return,
            }
        }
        if look {
            w.look();
        }
        w.write();
        for a in acks {
            let _ = a.send(w.pending.is_none() && !w.stale);
        }
    }
}

impl<R: Fn(SaveReport)> Writer<R> {
    /// A state handed over: written unless made before the file's newest version.
    fn take(&mut self, data: Arc<Data>, generation: u64) {
        if generation < self.generation {
            self.stale = true;
        } else {
            self.stale = false;
            self.pending = Some(data);
        }
    }

    /// Reads the file again; someone else's version goes to the app.
    fn look(&mut self) {
        match self.store.reread() {
            // What okr last wrote is back, or the file is gone (the next
            // save writes it anew): saves go to the file again.
            Disk::Same | Disk::Gone => self.unreadable = false,
            Disk::Changed(theirs) => {
                self.unreadable = false;
                self.generation += 1;
                let theirs: Arc<Data> = Arc::from(theirs);
                let base = std::mem::replace(&mut self.base, Arc::clone(&theirs));
                // What waits was made before this version: the app merges it.
                if self.pending.take().is_some() {
                    self.stale = true;
                }
                (self.report)(SaveReport::Changed {
                    theirs,
                    base,
                    generation: self.generation,
                });
            }
            Disk::Unreadable(e) => {
                self.unreadable = true;
                (self.report)(SaveReport::Unreadable(Arc::new(e)));
            }
        }
    }

    fn write(&mut self) {
        let Some(data) = self.pending.take() else {
            return;
        };
        let result = if self.unreadable {
            Err(SaveError::Conflict(self.store.path().to_path_buf()))
        } else {
            self.store.save(&data)
        };
        match result {
            Ok(()) => {
                self.base = Arc::clone(&data);
                (self.report)(SaveReport::Saved);
            }
            Err(SaveError::Conflict(path)) => {
                // Changed on disk since okr last read or wrote it: read it;
                // only a file that cannot be read leaves a conflict copy.
                self.pending = Some(Arc::clone(&data));
                if !self.unreadable {
                    self.look();
                }
                if !self.unreadable {
                    return;
                }
                self.pending = None;
                match self.store.save_conflict_copy(&data) {
                    Ok(copy) => (self.report)(SaveReport::Conflict {
                        file: path.display().to_string(),
                        copy: copy.display().to_string(),
                    }),
                    Err(e) => {
                        (self.report)(failed(self.store.path(), &e));
                        self.pending = Some(data);
                    }
                }
            }
            Err(e) => {
                (self.report)(failed(self.store.path(), &e));
                self.pending = Some(data);
            }
        }
    }
}

fn failed(file: &std::path::Path, e: &SaveError) -> SaveReport {
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
        SaveError::Open(o) => SaveReport::Failed {
            file: file.display().to_string(),
            reason: IoReason::Open(Box::new(o.clone())),
        },
        SaveError::Encode(_) => SaveReport::Failed {
            file: String::new(),
            reason: IoReason::Other(e.to_string()),
        },
    }
}
