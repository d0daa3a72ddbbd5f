//! Reading a large file on every core. The Mål and the check-ins are
//! independent items in two arrays, so the file is cut between them where
//! okr's own pretty printing puts their boundaries, and the pieces are read
//! side by side. A cut is only a guess about text from anywhere: the result
//! is used only when every piece reads as a whole item and the rest of the
//! file, with each cut-out array replaced by a marker string nobody could
//! have written, reads with exactly that marker as the array's value. Then
//! the file is, byte for byte, the rest with those arrays put back, and the
//! pieces are its items. Anything else (a file not written by okr, a broken
//! one) is read on one thread as before, which also gives the error its line
//! and column. (One difference remains: serde_json's limit of 128 nested
//! levels counts from an item instead of from the file, two levels more.)

use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use memchr::memmem;
use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

use crate::model::conflict::Conflict;
use crate::model::data::NextIds;
use crate::model::de::deserialize_keeping_unknown;
use crate::model::objective::Extra;
use crate::model::{CheckIn, Data, Objective, Settings, validate};

/// Below this size a file is read on one thread: starting threads would
/// cost more than they save.
pub const MIN_BYTES: usize = 1 << 20;

/// How many threads a large file is read on: the cores, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Reads a whole file like [`std::fs::read`]; a large one in as many
/// parts as there are threads, side by side: most of a read from the page
/// cache is the new memory's page faults, and each thread takes its own.
pub fn read(path: &Path, threads: usize) -> io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        let file = std::fs::File::open(path)?;
        let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
        if threads >= 2 && (MIN_BYTES..isize::MAX as usize).contains(&len) {
            let mut bytes = vec![0u8; len];
            let part = len.div_ceil(threads);
            let file = &file;
            let whole = std::thread::scope(|scope| {
                let mut chunks = bytes.chunks_mut(part).enumerate();
                let first = chunks.next();
                let handles: Vec<_> = chunks
                    .map(|(n, chunk)| {
                        scope.spawn(move || file.read_exact_at(chunk, (n * part) as u64))
                    })
                    .collect();
                let mut whole = first.is_none_or(|(_, chunk)| file.read_exact_at(chunk, 0).is_ok());
                for h in handles {
                    whole &= matches!(h.join(), Ok(Ok(())));
                }
                whole
            });
            // The file is what it was when measured only if nothing follows.
            let mut more = [0u8; 1];
            if whole && matches!(file.read_at(&mut more, len as u64), Ok(0)) {
                return Ok(bytes);
            }
        }
    }
    let _ = threads;
    std::fs::read(path)
}

/// Reads `text` on up to `threads` threads, or `None` when it cannot be
/// cut safely (then read it whole: the result would be the same, or an
/// error).
pub fn parse(text: &str, threads: usize) -> Option<Data> {
    if threads < 2 {
        return None;
    }
    let nonce = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let objectives = Cut::find(text, "objectives")?;
    let checkins = Cut::find(text, "checkins").filter(|c| c.open > objectives.close);
    let marker = |what: char| format!("okr-split-{what}-{nonce:016x}");
    let (objectives_marker, checkins_marker) = (marker('o'), marker('c'));

    let mut skeleton = String::with_capacity(4096);
    skeleton.push_str(&text[..objectives.open]);
    push_marker(&mut skeleton, &objectives_marker);
    let mut rest = objectives.close + 1;
    if let Some(c) = &checkins {
        skeleton.push_str(&text[rest..c.open]);
        push_marker(&mut skeleton, &checkins_marker);
        rest = c.close + 1;
    }
    skeleton.push_str(&text[rest..]);

    // The items in file order, then cut into one run per thread by size.
    let items: Vec<Piece> = objectives
        .items
        .iter()
        .map(|s| Piece::Objective(s))
        .chain(
            checkins
                .iter()
                .flat_map(|c| c.items.iter().map(|s| Piece::CheckIn(s))),
        )
        .collect();
    let total: usize = items.iter().map(Piece::len).sum();
    let threads = threads.min(items.len()).max(1);
    let mut runs: Vec<&[Piece]> = Vec::with_capacity(threads);
    let (mut start, mut size) = (0, 0);
    for (i, piece) in items.iter().enumerate() {
        size += piece.len();
        if size * threads >= total * (runs.len() + 1) && runs.len() + 1 < threads {
            runs.push(&items[start..=i]);
            start = i + 1;
        }
    }
    runs.push(&items[start..]);

    let (first, others) = runs.split_first()?;
    let (skeleton, parts) = std::thread::scope(|scope| {
        let handles: Vec<_> = others
            .iter()
            .map(|run| scope.spawn(move || read_run(run)))
            .collect();
        let skeleton = serde_json::from_str::<Skeleton>(&skeleton).ok();
        let mut parts = vec![read_run(first)];
        for h in handles {
            parts.push(h.join().ok().flatten());
        }
        (skeleton, parts)
    });
    let skeleton = skeleton?;
    if !holds(&skeleton.objectives, &objectives_marker) {
        return None;
    }
    // The check-ins were cut out, or read whole with the rest.
    let whole_checkins = match (&checkins, skeleton.checkins) {
        (Some(_), part) if holds(&part, &checkins_marker) => None,
        (None, Part::Whole(whole)) => Some(whole),
        _ => return None,
    };
    let (mut all_objectives, mut cut_checkins) = (Vec::new(), Vec::new());
    for part in parts {
        let (o, c) = part?;
        all_objectives.extend(o);
        cut_checkins.extend(c);
    }
    Some(Data {
        version: skeleton.version,
        settings: skeleton.settings,
        objectives: all_objectives,
        checkins: whole_checkins.unwrap_or(cut_checkins),
        next_ids: skeleton.next_ids,
        conflicts: skeleton.conflicts,
        extra: skeleton.extra,
    })
}

/// Whether the skeleton holds exactly this marker in an array's place.
fn holds<T>(part: &Part<T>, marker: &str) -> bool {
    matches!(part, Part::Marker(m) if m == marker)
}

/// The marker as a JSON string (it needs no escaping).
fn push_marker(out: &mut String, marker: &str) {
    out.push('"');
    out.push_str(marker);
    out.push('"');
}

/// One array of the top level, as okr writes it: `[` and `]` at their
/// places in the text, and each item's text between them.
struct Cut<'a> {
    open: usize,
    close: usize,
    items: Vec<&'a str>,
}

impl<'a> Cut<'a> {
    fn find(text: &'a str, key: &str) -> Option<Cut<'a>> {
        let bytes = text.as_bytes();
        let head = format!("\n  \"{key}\": [\n    {{");
        let at = memmem::find(bytes, head.as_bytes())?;
        let open = at + head.len() - 7;
        let first = at + head.len() - 1;
        const LAST: &[u8] = b"\n    }\n  ]";
        let end = first + memmem::find(&bytes[first..], LAST)?;
        const BETWEEN: &[u8] = b"\n    },\n    {";
        let mut items = Vec::new();
        let mut start = first;
        for sep in memmem::find_iter(&bytes[first..end], BETWEEN) {
            let sep = first + sep;
            items.push(text.get(start..sep + 6)?);
            start = sep + BETWEEN.len() - 1;
        }
        items.push(text.get(start..end + 6)?);
        Some(Cut {
            open,
            close: end + LAST.len() - 1,
            items,
        })
    }
}

enum Piece<'a> {
    Objective(&'a str),
    CheckIn(&'a str),
}

impl Piece<'_> {
    fn len(&self) -> usize {
        match self {
            Piece::Objective(s) | Piece::CheckIn(s) => s.len(),
        }
    }
}

/// Items read from one run: its Mål, then its check-ins.
type Read = (Vec<Arc<Objective>>, Vec<Arc<CheckIn>>);

/// Reads a run of items, each as a whole value; `None` if any does not read.
fn read_run(run: &[Piece]) -> Option<Read> {
    let mut objectives = Vec::with_capacity(run.len());
    let mut checkins = Vec::new();
    for piece in run {
        match piece {
            Piece::Objective(s) => objectives.push(serde_json::from_str(s).ok()?),
            Piece::CheckIn(s) => checkins.push(serde_json::from_str(s).ok()?),
        }
    }
    Some((objectives, checkins))
}

/// The file without its big arrays: [`Data`]'s fields, with each array
/// either read whole or a marker string in its place.
struct Skeleton {
    version: u32,
    settings: Settings,
    objectives: Part<Vec<Arc<Objective>>>,
    checkins: Part<Vec<Arc<CheckIn>>>,
    next_ids: NextIds,
    conflicts: Vec<Conflict>,
    extra: Extra,
}

deserialize_keeping_unknown!(Skeleton {
    version: u32,
    settings: Settings = Settings::default(),
    objectives: Part<Vec<Arc<Objective>>> = Part::Whole(Vec::new()),
    checkins: Part<Vec<Arc<CheckIn>>> = Part::Whole(Vec::new()),
    next_ids: NextIds = NextIds::default(),
    conflicts: Vec<Conflict> = Vec::new(),
});

/// An array read whole, or the marker string put in its place.
enum Part<T> {
    Whole(T),
    Marker(String),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Part<Vec<T>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PartVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for PartVisitor<T> {
            type Value = Part<Vec<T>>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Part::Marker(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Part::Whole(items))
            }
        }
        d.deserialize_any(PartVisitor(std::marker::PhantomData))
    }
}

/// Checks a store's values as [`validate::validate`] does, with the rules
/// of each Mål and check-in alone checked on `threads` threads side by side
/// and the rest (ids, links) after. When any item breaks a rule, the whole
/// store is checked again in order, for the first broken rule.
pub fn validate(data: &Data, threads: usize) -> Result<(), validate::Broken> {
    if threads < 2 {
        return validate::validate(data);
    }
    // Thread n takes the nth share of the Mål and of the check-ins.
    let share = |len: usize| len.div_ceil(threads).max(1);
    let (objectives, checkins) = (share(data.objectives.len()), share(data.checkins.len()));
    let check = |n: usize| {
        let part = |len: usize, size: usize| (n * size).min(len)..((n + 1) * size).min(len);
        let o = data.objectives.get(part(data.objectives.len(), objectives));
        let c = data.checkins.get(part(data.checkins.len(), checkins));
        o.is_some_and(|o| o.iter().all(|o| validate::local_objective(o).is_ok()))
            && c.is_some_and(|c| c.iter().all(|c| validate::local_checkin(c).is_ok()))
    };
    let each_alone = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads)
            .map(|n| scope.spawn(move || check(n)))
            .collect();
        let first = check(0);
        handles
            .into_iter()
            .fold(first, |ok, h| h.join().unwrap_or(false) && ok)
    });
    if each_alone {
        validate::validate_links(data)
    } else {
        validate::validate(data)
    }
}

/// Below this many Mål and check-ins together, those the tracker's save
/// encodes anew are encoded on one thread.
pub const MIN_ITEMS: usize = 64;

/// Writes the bytes of a save (see [`super::format::write_to`]) on this
/// thread: the rest of the file by serde_json, the Mål and check-ins by
/// hand, through one buffer. `false` (nothing written) when the rest of the
/// file does not have the two arrays where they belong.
pub fn write_in_order<W: Write + ?Sized>(data: &Data, out: &mut W) -> io::Result<bool> {
    let Some(head) = Head::of(data)? else {
        return Ok(false);
    };
    let mut buffer = Vec::with_capacity(IN_ORDER_BYTES + IN_ORDER_BYTES / 2);
    let mut items = |objectives: bool, count: usize, out: &mut W| -> io::Result<()> {
        for i in 0..count {
            buffer.extend_from_slice(separator(i));
            encode_item(data, objectives, i, &mut buffer)?;
            if buffer.len() >= IN_ORDER_BYTES {
                out.write_all(&buffer)?;
                buffer.clear();
            }
        }
        out.write_all(&buffer)?;
        buffer.clear();
        Ok(())
    };
    head.before_objectives(out)?;
    items(true, data.objectives.len(), out)?;
    head.before_checkins(out, data.objectives.is_empty())?;
    items(false, data.checkins.len(), out)?;
    head.end(out, data.checkins.is_empty())?;
    Ok(true)
}

/// From about this many bytes, a save's Mål and check-ins are encoded on
/// other threads while this one writes ([`write`]); below it, on this
/// thread between its writes ([`write_in_order`]). Measured on two cores:
/// at 1 MB in order is faster, at 2 MB and above the two side by side.
pub const PARALLEL_BYTES: usize = 2 << 20;

/// About how many bytes a save of `data` takes (see [`objective_size`]).
pub fn size_of(data: &Data) -> usize {
    let objectives: usize = data.objectives.iter().map(|o| objective_size(o)).sum();
    objectives + data.checkins.iter().map(|c| checkin_size(c)).sum::<usize>()
}

/// How many bytes [`write_in_order`] gathers before it writes them: few
/// enough to stay in the processor's cache and in memory the allocator
/// hands back without asking the system.
const IN_ORDER_BYTES: usize = 64 * 1024;

/// Writes the bytes of a save, the same as one thread writes them (see
/// [`super::format::write_to`]), with the Mål and the check-ins encoded in
/// runs on `threads - 1` other threads while this one writes each run as
/// soon as it and those before it are done. `false` (nothing written) with
/// fewer than two threads.
pub fn write<W: Write + ?Sized>(data: &Data, out: &mut W, threads: usize) -> io::Result<bool> {
    if threads < 2 {
        return Ok(false);
    }
    let Some(head) = Head::of(data)? else {
        return Ok(false);
    };
    let runs: Vec<Run> = runs_of(true, data.objectives.iter().map(|o| objective_size(o)))
        .chain(runs_of(
            false,
            data.checkins.iter().map(|c| checkin_size(c)),
        ))
        .collect();
    let next = AtomicUsize::new(0);
    // A few buffers go round: taken by an encoder, then by the writer, then
    // back, so the memory stays the same few blocks, warm, whatever the size
    // of the store; an encoder takes one before it takes a run, so the run
    // the writer waits for always has one.
    let (give, pool) = mpsc::channel::<Vec<u8>>();
    for _ in 0..threads * 8 {
        give.send(Vec::new())
            .map_err(|_| io::Error::other("no buffer"))?;
    }
    let pool = std::sync::Mutex::new(pool);
    std::thread::scope(|scope| {
        // Dropped when the writer stops, early or not: an encoder waiting
        // for a buffer then stops too.
        let give = give;
        let (send, receive) = mpsc::channel::<(usize, io::Result<Vec<u8>>)>();
        // The writer keeps a core busy copying into the file: one encoder
        // fewer than the cores (measured on two: one encoder beside the
        // writer beats two).
        for _ in 0..(threads - 1).clamp(1, runs.len().max(1)) {
            let (send, next, runs, pool) = (send.clone(), &next, &runs, &pool);
            scope.spawn(move || {
                while let Some(mut buffer) = pool.lock().ok().and_then(|p| p.recv().ok()) {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(run) = runs.get(n) else { break };
                    let done = encode_run(data, run, &mut buffer).map(|()| buffer);
                    if send.send((n, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut waiting: Vec<Option<io::Result<Vec<u8>>>> = runs.iter().map(|_| None).collect();
        let mut take = |n: usize| -> io::Result<Vec<u8>> {
            loop {
                if let Some(done) = waiting.get_mut(n).and_then(Option::take) {
                    return done;
                }
                let (m, done) = receive
                    .recv()
                    .map_err(|_| io::Error::other("an encoding thread stopped"))?;
                if let Some(slot) = waiting.get_mut(m) {
                    *slot = Some(done);
                }
            }
        };
        let mut put = |out: &mut W, n: usize| -> io::Result<()> {
            let mut buffer = take(n)?;
            out.write_all(&buffer)?;
            buffer.clear();
            // Encoders that have ended no longer take buffers: nothing to do.
            let _ = give.send(buffer);
            Ok(())
        };
        head.before_objectives(out)?;
        let mut n = 0;
        while runs.get(n).is_some_and(|r| r.objectives) {
            put(out, n)?;
            n += 1;
        }
        head.before_checkins(out, data.objectives.is_empty())?;
        while n < runs.len() {
            put(out, n)?;
            n += 1;
        }
        head.end(out, data.checkins.is_empty())?;
        Ok(true)
    })
}

/// A save's bytes without its two arrays: written with them empty, and
/// each array's items put in its place (at the `]` of each).
struct Head {
    bytes: Vec<u8>,
    objectives: usize,
    checkins: usize,
}

impl Head {
    fn of(data: &Data) -> io::Result<Option<Head>> {
        let skeleton = Data {
            version: data.version,
            settings: data.settings.clone(),
            objectives: Vec::new(),
            checkins: Vec::new(),
            next_ids: data.next_ids.clone(),
            conflicts: data.conflicts.clone(),
            extra: data.extra.clone(),
        };
        let mut bytes = Vec::with_capacity(4096);
        super::format::encode_at(&skeleton, 0, &mut bytes)?;
        // At two spaces, only the top level's own keys: the two are written
        // once each, in this order.
        const OBJECTIVES: &[u8] = b"\n  \"objectives\": []";
        const CHECKINS: &[u8] = b"\n  \"checkins\": []";
        let (Some(o), Some(c)) = (
            memmem::find(&bytes, OBJECTIVES),
            memmem::find(&bytes, CHECKINS),
        ) else {
            return Ok(None);
        };
        Ok((o < c).then(|| Head {
            bytes,
            objectives: o + OBJECTIVES.len() - 1,
            checkins: c + CHECKINS.len() - 1,
        }))
    }

    fn before_objectives<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(&self.bytes[..self.objectives])
    }

    fn before_checkins<W: Write + ?Sized>(&self, out: &mut W, none: bool) -> io::Result<()> {
        close(out, none)?;
        out.write_all(&self.bytes[self.objectives + 1..self.checkins])
    }

    fn end<W: Write + ?Sized>(&self, out: &mut W, none: bool) -> io::Result<()> {
        close(out, none)?;
        out.write_all(&self.bytes[self.checkins + 1..])?;
        out.write_all(b"\n")
    }
}

/// The end of an array of items: `[]` when it has none.
fn close<W: Write + ?Sized>(out: &mut W, none: bool) -> io::Result<()> {
    out.write_all(if none { b"]" } else { b"\n  ]" })
}

/// The separator written before item `i` of an array, and its indent.
fn separator(i: usize) -> &'static [u8] {
    if i == 0 { b"\n    " } else { b",\n    " }
}

/// Each Mål's and check-in's bytes in a save, kept to write the next save
/// of the same store without encoding again what did not change: Mål and
/// check-ins are shared (`Arc`) until they are changed, and a changed one
/// is a copy, so the same one (held here, so that its address stays its
/// own) is unchanged.
pub struct Encoded {
    data: Arc<Data>,
    objectives: Vec<Option<Vec<u8>>>,
    checkins: Vec<Option<Vec<u8>>>,
    /// How many items were taken from the last save's bytes.
    pub reused: usize,
}

impl Encoded {
    /// Encodes `data`, taking the bytes of what did not change since `last`.
    /// A number that is not finite is an error, as in
    /// [`super::format::check_numbers`], in what is encoded anew (what is
    /// taken was checked when it was encoded).
    pub fn new(
        data: &Arc<Data>,
        last: Option<Encoded>,
        threads: usize,
    ) -> Result<Encoded, serde_json::Error> {
        let mut objectives: Vec<Option<Vec<u8>>> = vec![None; data.objectives.len()];
        let mut checkins: Vec<Option<Vec<u8>>> = vec![None; data.checkins.len()];
        if let Some(mut last) = last {
            take_unchanged(
                &data.objectives,
                &last.data.objectives,
                &mut last.objectives,
                &mut objectives,
            );
            take_unchanged(
                &data.checkins,
                &last.data.checkins,
                &mut last.checkins,
                &mut checkins,
            );
        }
        let reused = objectives
            .iter()
            .chain(&checkins)
            .filter(|b| b.is_some())
            .count();
        let mut missing: Vec<(bool, usize)> = objectives
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_none())
            .map(|(i, _)| (true, i))
            .collect();
        missing.extend(
            checkins
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_none())
                .map(|(i, _)| (false, i)),
        );
        let encode = |items: &[(bool, usize)]| -> io::Result<Vec<Vec<u8>>> {
            items
                .iter()
                .map(|&(objective, i)| {
                    let mut out = Vec::new();
                    encode_item(data, objective, i, &mut out).map(|()| out)
                })
                .collect()
        };
        let threads = if missing.len() >= MIN_ITEMS {
            threads.max(1)
        } else {
            1
        };
        let size = missing.len().div_ceil(threads).max(1);
        let encoded: Vec<io::Result<Vec<Vec<u8>>>> = std::thread::scope(|scope| {
            let mut runs = missing.chunks(size);
            let first = runs.next();
            let handles: Vec<_> = runs.map(|run| scope.spawn(move || encode(run))).collect();
            let mut all = vec![first.map_or_else(|| Ok(Vec::new()), encode)];
            for h in handles {
                all.push(
                    h.join()
                        .unwrap_or_else(|_| Err(io::Error::other("an encoding thread stopped"))),
                );
            }
            all
        });
        let mut at = missing.into_iter();
        for run in encoded {
            for bytes in run.map_err(super::format::encoding_error)? {
                match at.next() {
                    Some((true, i)) => objectives[i] = Some(bytes),
                    Some((false, i)) => checkins[i] = Some(bytes),
                    None => {}
                }
            }
        }
        Ok(Encoded {
            data: Arc::clone(data),
            objectives,
            checkins,
            reused,
        })
    }

    /// Writes the save's bytes: the same as [`super::format::write_to`].
    pub fn write<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        let Some(head) = Head::of(&self.data)? else {
            return super::format::write_to(&self.data, out);
        };
        let missing = || io::Error::other("an item without its bytes");
        head.before_objectives(out)?;
        for (i, bytes) in self.objectives.iter().enumerate() {
            out.write_all(separator(i))?;
            out.write_all(bytes.as_deref().ok_or_else(missing)?)?;
        }
        head.before_checkins(out, self.objectives.is_empty())?;
        for (i, bytes) in self.checkins.iter().enumerate() {
            out.write_all(separator(i))?;
            out.write_all(bytes.as_deref().ok_or_else(missing)?)?;
        }
        head.end(out, self.checkins.is_empty())
    }
}

/// Moves into `slots` the bytes of each item of `now` that is one of
/// `before` (the same `Arc`), from `bytes`, which are `before`'s.
fn take_unchanged<T>(
    now: &[Arc<T>],
    before: &[Arc<T>],
    bytes: &mut [Option<Vec<u8>>],
    slots: &mut [Option<Vec<u8>>],
) {
    let by_address: std::collections::HashMap<*const T, usize> = before
        .iter()
        .enumerate()
        .map(|(i, x)| (Arc::as_ptr(x), i))
        .collect();
    for (x, slot) in now.iter().zip(slots) {
        if let Some(&i) = by_address.get(&Arc::as_ptr(x)) {
            *slot = bytes.get_mut(i).and_then(Option::take);
        }
    }
}

impl std::fmt::Debug for Encoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoded")
            .field("objectives", &self.objectives.len())
            .field("checkins", &self.checkins.len())
            .finish()
    }
}

/// About how many bytes of items a run holds: enough to make handing it
/// over cheap, few enough that the writer starts early and the buffers stay
/// in the processor's cache.
const RUN_BYTES: usize = 256 * 1024;

/// Items `range` of the Mål (or the check-ins).
struct Run {
    objectives: bool,
    range: std::ops::Range<usize>,
}

/// Consecutive items, by their estimated sizes, in runs of about
/// [`RUN_BYTES`].
fn runs_of(objectives: bool, sizes: impl Iterator<Item = usize>) -> impl Iterator<Item = Run> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    let mut len = 0;
    for (i, size) in sizes.enumerate() {
        bytes += size;
        len = i + 1;
        if bytes >= RUN_BYTES {
            runs.push(Run {
                objectives,
                range: start..len,
            });
            (start, bytes) = (len, 0);
        }
    }
    if start < len {
        runs.push(Run {
            objectives,
            range: start..len,
        });
    }
    runs.into_iter()
}

/// A Mål's size in a save, roughly: its lines of key results, history and
/// Uppgifter.
fn objective_size(o: &Objective) -> usize {
    let lines: usize = o
        .key_results
        .iter()
        .map(|k| 16 + k.history.len() * 5)
        .sum::<usize>()
        + o.initiatives.len() * 6
        + 20;
    lines * 24
}

/// A check-in's size in a save, roughly.
fn checkin_size(c: &CheckIn) -> usize {
    (12 + c.entries.len() * 6) * 24
}

/// A run's items as they are written in their array, each after its comma
/// (none before the first) and line break.
fn encode_run(data: &Data, run: &Run, out: &mut Vec<u8>) -> io::Result<()> {
    for i in run.range.clone() {
        out.extend_from_slice(separator(i));
        encode_item(data, run.objectives, i, out)?;
    }
    Ok(())
}

/// Mål `i` (or check-in `i`) as it is written in its array.
fn encode_item(data: &Data, objective: bool, i: usize, out: &mut Vec<u8>) -> io::Result<()> {
    let missing = || io::Error::other("no such item");
    if objective {
        let o = data.objectives.get(i).ok_or_else(missing)?;
        super::encode::objective(o, 2, out)
    } else {
        let c = data.checkins.get(i).ok_or_else(missing)?;
        super::encode::checkin(c, 2, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A saved file: every kind of item, check-ins too.
    fn saved() -> String {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let data = crate::demo::example(today);
        assert!(!data.checkins.is_empty() && data.objectives.len() > 2);
        String::from_utf8(crate::store::format::serialize(&data).unwrap()).unwrap()
    }

    fn whole(text: &str) -> Option<Data> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn a_saved_file_reads_the_same_cut_or_whole() {
        let text = saved();
        for threads in 2..6 {
            assert_eq!(parse(&text, threads), whole(&text), "{threads} threads");
        }
        assert!(parse(&text, 1).is_none(), "one thread reads it whole");
    }

    /// The demo's Mål again and again under new ids, past the size where
    /// cutting starts.
    fn large() -> Data {
        let mut data = crate::demo::example(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let model = data.objectives.clone();
        let mut n = 0;
        while data.objectives.len() * 2000 < MIN_BYTES {
            for o in &model {
                n += 1;
                let mut copy = (**o).clone();
                copy.id = format!("o{}", 1000 + n);
                copy.parent = None;
                for (k, kr) in copy.key_results.iter_mut().enumerate() {
                    kr.id = format!("kr{}", 10000 + n * 10 + k);
                }
                for (k, u) in copy.initiatives.iter_mut().enumerate() {
                    u.id = format!("u{}", 10000 + n * 10 + k);
                    u.key_result = None;
                }
                data.objectives.push(Arc::new(copy));
            }
        }
        data
    }

    #[test]
    fn a_large_store_is_written_on_every_core_byte_for_byte() {
        let data = large();
        let one = one_thread(&data);
        for threads in 2..5 {
            let mut many = Vec::new();
            assert!(write(&data, &mut many, threads).unwrap());
            assert!(many == one, "{threads} threads");
        }
        let mut small =
            crate::demo::example(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        for (objectives, checkins) in [(true, false), (false, true), (true, true)] {
            if objectives {
                small.objectives.clear();
            }
            if checkins {
                small.checkins.clear();
            }
            let (mut one, mut many) = (Vec::new(), Vec::new());
            crate::store::format::encode_at(&small, 0, &mut one).unwrap();
            one.push(b'\n');
            assert!(write(&small, &mut many, 2).unwrap());
            assert_eq!(
                String::from_utf8(many).unwrap(),
                String::from_utf8(one).unwrap()
            );
        }
        assert!(
            !write(&data, &mut Vec::new(), 1).unwrap(),
            "one thread writes it itself"
        );
    }

    #[test]
    fn a_number_that_is_not_finite_stops_a_write_on_every_core_or_in_order() {
        for (objective, place) in [
            (true, 0),
            (true, usize::MAX),
            (false, 0),
            (false, usize::MAX),
        ] {
            let mut data = large();
            if objective {
                let n = place.min(data.objectives.len() - 1);
                Arc::make_mut(&mut data.objectives[n]).key_results[0].weight = f64::NAN;
            } else {
                let n = place.min(data.checkins.len() - 1);
                Arc::make_mut(&mut data.checkins[n])
                    .entries
                    .push(crate::model::CheckInEntry {
                        key_result: "kr1".into(),
                        value: f64::INFINITY,
                        confidence: 5,
                        note: String::new(),
                        extra: crate::model::Extra::new(),
                    });
            }
            for threads in [2, 3] {
                let err = write(&data, &mut Vec::new(), threads).unwrap_err();
                assert!(crate::store::format::is_encoding(&err), "{err}");
            }
            let err = write_in_order(&data, &mut Vec::new()).unwrap_err();
            assert!(crate::store::format::is_encoding(&err), "{err}");
        }
    }

    fn one_thread(data: &Data) -> Vec<u8> {
        let mut one = Vec::new();
        crate::store::format::encode_at(data, 0, &mut one).unwrap();
        one.push(b'\n');
        one
    }

    #[test]
    fn a_save_after_a_change_reuses_the_bytes_of_what_did_not_change() {
        let first = Arc::new(large());
        let items = first.objectives.len() + first.checkins.len();
        let mut bytes = Vec::new();
        let encoded = Encoded::new(&first, None, 2).unwrap();
        encoded.write(&mut bytes).unwrap();
        assert!(bytes == one_thread(&first));
        assert_eq!(encoded.reused, 0);

        // One Mål and one check-in changed, two Mål swapped, one removed,
        // one check-in added: the rest is taken from the last save.
        let mut second = (*first).clone();
        second.objective_mut(3).unwrap().title = "Ändrad".into();
        Arc::make_mut(&mut second.checkins[0]).wins = "Nytt".into();
        second.objectives.swap(5, 6);
        second.objectives.remove(7);
        let mut added = (*second.checkins[0]).clone();
        added.week = crate::model::IsoWeek {
            year: 2026,
            week: 49,
        };
        second.checkins.push(Arc::new(added));
        let second = Arc::new(second);
        let encoded = Encoded::new(&second, Some(encoded), 2).unwrap();
        let mut bytes = Vec::new();
        encoded.write(&mut bytes).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            String::from_utf8(one_thread(&second)).unwrap()
        );
        assert_eq!(
            encoded.reused,
            items - 3,
            "all but the changed Mål, the changed and the new check-in"
        );

        // A number that would not read back, in a changed Mål, is refused.
        let mut third = (*second).clone();
        third.objective_mut(9).unwrap().key_results[0].weight = f64::NAN;
        let third = Arc::new(third);
        assert!(Encoded::new(&third, Some(encoded), 2).is_err());

        // Through the store, as the tracker saves: the file is what one
        // thread writes, save after save.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        let (mut store, _) = crate::store::Store::open(&path).unwrap();
        for data in [&first, &second, &first] {
            store.save_shared(data).unwrap();
            assert!(std::fs::read(&path).unwrap() == one_thread(data));
        }
    }

    #[test]
    fn values_checked_side_by_side_break_the_rule_checking_them_in_order_finds_first() {
        let data = large();
        assert_eq!(validate(&data, 2), Ok(()));
        let nul = |d: &mut Data, i: usize| d.objective_mut(i).unwrap().title.push('\0');
        let twice = |d: &mut Data, i: usize| {
            let id = d.objectives[0].id.clone();
            d.objective_mut(i).unwrap().id = id.to_uppercase();
        };
        let checkin = |d: &mut Data, _: usize| {
            let c = d.checkins.last_mut().unwrap();
            Arc::make_mut(c).wins.push('\0');
        };
        type Break = fn(&mut Data, usize);
        let cases: [&[(Break, usize)]; 5] = [
            &[(nul, 50)],
            &[(twice, 40)],
            &[(twice, 60), (nul, 30)],
            &[(twice, 20), (nul, 70)],
            &[(checkin, 0), (twice, 10)],
        ];
        for breaks in cases {
            let mut broken = data.clone();
            for (apply, at) in breaks {
                apply(&mut broken, *at);
            }
            let whole = validate::validate(&broken);
            assert!(whole.is_err());
            for threads in 2..4 {
                assert_eq!(validate(&broken, threads), whole);
            }
        }
    }

    #[test]
    fn a_large_file_is_read_cut_by_the_store() {
        let data = large();
        let bytes = crate::store::format::serialize(&data).unwrap();
        assert!(bytes.len() >= MIN_BYTES);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path, 3).unwrap(), bytes, "read in three parts");
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(parse(text, 2).is_some(), "a saved file is cut");
        assert_eq!(crate::store::read(&path).unwrap(), data);
    }

    #[test]
    fn an_array_that_only_looks_like_the_mals_is_not_cut_out() {
        // The Mål's array moved into the settings, where a file from
        // elsewhere may keep anything: the top level has none of them.
        let text = saved();
        let start = text.find("\n  \"objectives\": [").unwrap();
        let end = start + text[start..].find("\n  ]").unwrap() + 4;
        let array = &text[start + 1..end];
        let moved = text
            .replacen(&text[start..end], "\n  \"objectives\": []", 1)
            .replacen(
                "\"settings\": {\n",
                &format!("\"settings\": {{\n  \"kept\": {{\n{array}\n  }},\n"),
                1,
            );
        let read = whole(&moved).expect("still an okr file");
        assert!(read.objectives.is_empty() && read.settings.extra.contains_key("kept"));
        assert_eq!(parse(&moved, 2), None);
        // Twice at the top level: refused either way.
        for before in ["\n  \"settings\": {", "\n  \"checkins\": ["] {
            let twice = text.replacen(before, &format!("\n  \"objectives\": [],{before}"), 1);
            assert!(whole(&twice).is_none());
            assert_eq!(parse(&twice, 2), None);
        }
    }

    #[test]
    fn a_broken_item_leaves_the_file_to_be_read_whole() {
        let text = saved().replacen("\"title\": ", "\"title\": 7, \"x\": ", 1);
        assert!(whole(&text).is_none());
        assert_eq!(parse(&text, 2), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Whatever a file holds, cutting it gives what reading it whole
        /// gives, or nothing (and then it is read whole).
        #[test]
        fn cut_is_whole_or_nothing(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0..14usize), 1..5)
        ) {
            let mut bytes = saved().into_bytes();
            for (at, what) in edits {
                let i = at.index(bytes.len());
                match b"{}[],\"\n x\\:0".get(what) {
                    Some(b) => bytes.insert(i, *b),
                    None => {
                        bytes.remove(i);
                    }
                }
            }
            if let Ok(text) = String::from_utf8(bytes)
                && let Some(cut) = parse(&text, 3)
            {
                prop_assert_eq!(Some(cut), whole(&text));
            }
        }
    }
}
