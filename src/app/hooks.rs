//! The tracker's hooks ([`crate::hooks`]): the events of its changes, run
//! by a thread of their own once the writer has saved them, so that no
//! key and no save ever waits for a hook. Saves that come while a hook
//! runs are run for once, with what changed in all of them.

use std::sync::mpsc::{self, Receiver, Sender};

use serde_json::{Value, json};

use super::App;
use super::history::Patch;
use crate::hooks::{Event, HookError, Hooks};
use crate::model::Data;

/// The thread that runs the hooks, by its queue, and the data file they
/// are told of.
pub struct HookRunner {
    queue: Sender<(Event, Value)>,
    file: String,
    worker: std::thread::JoinHandle<()>,
}

/// The app's side of the hooks: the runner, and what waits for the next
/// save.
#[derive(Default)]
pub struct HookState {
    runner: Option<HookRunner>,
    /// What the changes since the last save touched ([`changes`]).
    changes: Vec<Value>,
    /// Events to run once the next save is done.
    events: Vec<(Event, Value)>,
}

impl HookState {
    pub(super) fn new(runner: Option<HookRunner>) -> HookState {
        HookState {
            runner,
            ..HookState::default()
        }
    }

    /// Notes what a change touched, for the next save's hook.
    pub(super) fn changed(&mut self, patch: &Patch) {
        if self.runner.is_some() {
            changes(patch, &mut self.changes);
        }
    }
}

impl HookRunner {
    /// Starts the thread; `report` hears of each hook that did not end
    /// well. `None` when there are no hooks at all, or no thread.
    pub fn spawn(
        hooks: Hooks,
        file: &std::path::Path,
        report: impl Fn(HookError) + Send + 'static,
    ) -> Option<HookRunner> {
        if [Event::Save, Event::CheckIn, Event::Review]
            .iter()
            .all(|e| hooks.of(*e).is_none())
        {
            return None;
        }
        let (queue, events) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("okr-hooks".into())
            .spawn(move || run(&hooks, &events, &report))
            .ok()?;
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        Some(HookRunner {
            queue,
            file: file.display().to_string(),
            worker,
        })
    }

    fn fire(&self, event: Event, payload: Value) {
        let _ = self.queue.send((event, payload));
    }
}

fn run(hooks: &Hooks, events: &Receiver<(Event, Value)>, report: &impl Fn(HookError)) {
    while let Ok(first) = events.recv() {
        let mut batch = vec![first];
        batch.extend(events.try_iter());
        for (event, payload) in coalesced(batch) {
            if let Some(Err(e)) = hooks.run(event, &payload) {
                report(e);
            }
        }
    }
}

/// The saves of a batch as one, with every change of them, in place of
/// the last; the other events as they came.
fn coalesced(batch: Vec<(Event, Value)>) -> Vec<(Event, Value)> {
    let mut changed: Vec<Value> = Vec::new();
    let last_save = batch.iter().rposition(|(e, _)| *e == Event::Save);
    let mut out = Vec::new();
    for (i, (event, mut payload)) in batch.into_iter().enumerate() {
        if event != Event::Save {
            out.push((event, payload));
            continue;
        }
        if let Some(Value::Array(items)) = payload.get_mut("changed").map(Value::take) {
            changed.extend(items);
        }
        if Some(i) == last_save {
            payload["changed"] = Value::Array(std::mem::take(&mut changed));
            out.push((event, payload));
        }
    }
    out
}

/// What a change touched, for a hook: each Mål by id (added, changed or
/// deleted), the check-ins, the settings.
fn changes(patch: &Patch, out: &mut Vec<Value>) {
    match patch {
        Patch::Objective { before, after, .. } => {
            let (id, how) = match (before, after) {
                (None, Some(a)) => (&a.id, "added"),
                (Some(b), None) => (&b.id, "deleted"),
                (Some(_), Some(a)) => (&a.id, "changed"),
                (None, None) => return,
            };
            out.push(json!({"item": id, "change": how}));
        }
        Patch::CheckIns { .. } => out.push(json!({"item": "checkins", "change": "changed"})),
        Patch::Settings { .. } => out.push(json!({"item": "settings", "change": "changed"})),
        Patch::Many(patches) => patches.iter().for_each(|p| changes(p, out)),
        Patch::Whole { .. } => out.push(json!({"item": "file", "change": "changed"})),
    }
}

/// The fields every event has: its name, the data file, who made it.
pub fn event(event: Event, file: &str, by: Option<&str>) -> Value {
    json!({"event": event.name(), "file": file, "by": by})
}

impl App {
    /// Notes an event for the hooks, run once the writer has saved it.
    pub(super) fn queue_hook(&mut self, event: Event, fields: Value) {
        if self.hooks.runner.is_some() {
            self.hooks.events.push((event, fields));
        }
    }

    /// After a save: the save's hook with what changed since the last,
    /// then the events the save carried (a check-in, a review).
    pub(super) fn run_hooks(&mut self) {
        let Some(runner) = &self.hooks.runner else {
            return;
        };
        let file = &runner.file;
        let by = crate::model::author::get();
        let mut save = event(Event::Save, file, by.as_deref());
        save["changed"] = Value::Array(std::mem::take(&mut self.hooks.changes));
        runner.fire(Event::Save, save);
        for (e, fields) in std::mem::take(&mut self.hooks.events) {
            let mut payload = event(e, file, by.as_deref());
            if let (Value::Object(p), Value::Object(f)) = (&mut payload, fields) {
                p.extend(f);
            }
            runner.fire(e, payload);
        }
    }

    /// At the end: the hooks still waiting are run (each bounded in time)
    /// before okr ends.
    pub fn finish_hooks(&mut self) {
        if let Some(runner) = self.hooks.runner.take() {
            drop(runner.queue);
            let _ = runner.worker.join();
        }
    }

    /// A hook that did not end well: said, the change stays saved.
    pub fn on_hook(&mut self, e: &HookError) {
        self.warn(e.text(self.s));
    }
}

/// An item of the data, as a hook gets it.
pub(super) fn as_json(x: &impl serde::Serialize) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// The data's check-in keyed `week` of `owner`, as a hook gets it.
pub(super) fn checkin_json(data: &Data, week: crate::model::IsoWeek, owner: Option<&str>) -> Value {
    data.checkins
        .iter()
        .find(|c| c.week == week && c.belongs_to(owner))
        .map_or(Value::Null, |c| as_json(&**c))
}
