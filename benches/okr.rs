//! Speed at three store sizes (see `support`; PRODUCT.md section 11): load,
//! the tracker's start, `okr status`, the first frame, one key press, one
//! save beside the atomic write of the same bytes, the Markdown and HTML
//! exports and the three-way merge of two changed copies.
//! The generated files stay in `target/bench-stores/` for hyperfine and
//! `/usr/bin/time -v` (see docs/benchmarks.md), with the three copies of
//! each store that the merge benchmark merges.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use okr::app::{App, Setup};
use okr::export::{Format, QuarterChoice};
use okr::model::{Lang, Quarter};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::{Size, generate, today};

fn store_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-stores");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the store of a size (once) and returns its path.
fn store_file(size: Size) -> PathBuf {
    let path = store_dir().join(format!("{}.json", size.name()));
    let bytes = okr::store::format::serialize(&generate(size, 42)).unwrap();
    if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
        std::fs::write(&path, &bytes).unwrap();
    }
    path
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn frame(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| okr::ui::draw(app, f)).unwrap();
}

fn benches(c: &mut Criterion) {
    for size in Size::ALL {
        let path = store_file(size);
        let bytes = std::fs::read(&path).unwrap();
        let name = size.name();
        let mut g = c.benchmark_group(format!("{name} ({} MB)", bytes.len() / 1_000_000));
        if matches!(size, Size::L) {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::new("load", name), |b| {
            b.iter(|| black_box(okr::store::read(&path).unwrap()))
        });
        g.bench_function(
            BenchmarkId::new("status: read today's quarter + the line", name),
            |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    okr::commands::status::status(
                        &path,
                        (None, None),
                        okr::commands::status::Form::Line,
                        Some(Lang::En),
                        today(),
                        &mut out,
                    )
                    .unwrap();
                    black_box(out)
                })
            },
        );
        g.bench_function(BenchmarkId::new("load + first frame 120x40", name), |b| {
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            b.iter(|| {
                let app = App::new(
                    okr::store::read(&path).unwrap(),
                    Setup::new(Lang::En, today()),
                );
                frame(&app, &mut terminal);
                black_box(&app);
            })
        });
        // As the tracker starts: lock, read with the fingerprint for the
        // save's check, first frame. The store is freed outside the timing.
        g.bench_function(
            BenchmarkId::new("open (lock) + first frame 120x40", name),
            |b| {
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                b.iter_custom(|iters| {
                    let mut total = std::time::Duration::ZERO;
                    for _ in 0..iters {
                        let start = std::time::Instant::now();
                        let (store, data) = okr::store::Store::open(&path).unwrap();
                        let app = App::new(data, Setup::new(Lang::En, today()));
                        frame(&app, &mut terminal);
                        total += start.elapsed();
                        drop((store, app));
                    }
                    total
                })
            },
        );
        let data = okr::store::read(&path).unwrap();
        let mut app = App::new(data.clone(), Setup::new(Lang::En, today()));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        g.bench_function(BenchmarkId::new("first frame 120x40", name), |b| {
            b.iter(|| frame(&app, &mut terminal))
        });
        let mut down = true;
        g.bench_function(BenchmarkId::new("key: move selection + frame", name), |b| {
            b.iter(|| {
                app.handle_key(key(if down { 'j' } else { 'k' }));
                down = !down;
                frame(&app, &mut terminal);
            })
        });
        app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        // Each `+` is undone outside the timing, so the history stays as generated.
        g.bench_function(BenchmarkId::new("key: set value (+) + frame", name), |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                for _ in 0..iters {
                    let start = std::time::Instant::now();
                    app.handle_key(key('+'));
                    frame(&app, &mut terminal);
                    total += start.elapsed();
                    app.handle_key(key('u'));
                }
                total
            })
        });
        let dir = tempfile::tempdir().unwrap();
        let (mut store, _) = okr::store::Store::open(&dir.path().join("okr.json")).unwrap();
        g.bench_function(BenchmarkId::new("save", name), |b| {
            b.iter(|| store.save(&data).unwrap())
        });
        // What a save costs beyond encoding: the same bytes written to a
        // temporary file, flushed and renamed over the file.
        let alone = dir.path().join("alone.json");
        g.bench_function(BenchmarkId::new("atomic write alone", name), |b| {
            b.iter(|| {
                okr::store::atomic::write_atomic(&alone, &bytes, &mut okr::store::Faults::default())
                    .unwrap()
            })
        });
        // A query that matches nothing reads every text of the store (and one
        // with å, ä or ö reads it character by character): the most a search costs.
        g.bench_function(
            BenchmarkId::new("search, no match (whole store)", name),
            |b| b.iter(|| black_box(okr::model::search::search(&data, "ingen träff"))),
        );
        g.bench_function(BenchmarkId::new("export md (current quarter)", name), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                let q = QuarterChoice::One(Quarter::of(today(), okr::model::FiscalYear::CALENDAR));
                okr::export::export(&data, None, q, Format::Md, Lang::En, today(), &mut out)
                    .unwrap();
                black_box(out)
            })
        });
        g.bench_function(
            BenchmarkId::new("export html (current quarter)", name),
            |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    let q =
                        QuarterChoice::One(Quarter::of(today(), okr::model::FiscalYear::CALENDAR));
                    okr::export::export(&data, None, q, Format::Html, Lang::En, today(), &mut out)
                        .unwrap();
                    black_box(out)
                })
            },
        );
        let (base, ours, theirs) = changed_copies(&data);
        // For `okr merge` as a whole process (see docs/benchmarks.md).
        for (side, copy) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
            let bytes = okr::store::format::serialize(copy).unwrap();
            std::fs::write(store_dir().join(format!("{name}.{side}.json")), bytes).unwrap();
        }
        g.bench_function(BenchmarkId::new("merge two changed copies", name), |b| {
            b.iter(|| black_box(okr::model::merge::merge(&base, &ours, &theirs)))
        });
        g.finish();
    }
}

/// A copy read anew from its bytes: nothing shared with the original, as
/// three files git passes to the merge driver share nothing.
fn unshared(data: &okr::model::Data) -> okr::model::Data {
    serde_json::from_slice(&okr::store::format::serialize(data).unwrap()).unwrap()
}

/// The base and two copies a week of a team's work apart: each side renames
/// or explains one Mål in 50, records a value in one key result in 20 (the
/// same Mål on both sides now and then), adds two Mål with the same new ids
/// as the other side, and checks in.
fn changed_copies(
    data: &okr::model::Data,
) -> (okr::model::Data, okr::model::Data, okr::model::Data) {
    use okr::model::{CheckIn, Kind, Objective};
    let day = today() + chrono::Days::new(7);
    let now = okr::model::now();
    let side = |offset: usize, who: &str| {
        let mut d = unshared(data);
        for i in (offset..d.objectives.len()).step_by(50) {
            let (o, ()) = d.objectives[i].changed(now, |o| {
                if offset == 0 {
                    o.title.push_str(" (ny)");
                } else {
                    o.why.push_str(" och mer");
                }
            });
            d.objectives[i] = o.into();
        }
        for i in (offset..d.objectives.len()).step_by(5) {
            let (o, ()) = d.objectives[i].changed(now, |o| {
                if let Some(k) = o.key_results.get_mut(offset % 4) {
                    let v = k.measure.current() + 1.0;
                    k.record(day, v, None, who.to_string(), None);
                }
            });
            d.objectives[i] = o.into();
        }
        for n in 0..2 {
            let id = d.next_id("o");
            let o = Objective::new(
                id,
                format!("{who} {n}"),
                Kind::Committed,
                Quarter::of(day, okr::model::FiscalYear::CALENDAR),
                now,
            );
            d.remember_ids(&o);
            d.objectives.push(o.into());
        }
        okr::model::checkin::upsert(&mut d.checkins, CheckIn::of(day, Some(who)));
        d
    };
    (unshared(data), side(0, "Anna"), side(1, "Bo"))
}

criterion_group!(okr_benches, benches);
criterion_main!(okr_benches);
