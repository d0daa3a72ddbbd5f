//! Saving the data file on a temporary folder: a stable round trip, permission
//! bits, symlinks, the backup, failed saves and files changed by others.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use crate::support::data::{bytes, populated, state};
use crate::support::{Immutable, temp_files};
use okr::model::Data;
use okr::store::{self, SaveError, Store};

// ---------------------------------------------------------------- round trip

#[test]
fn populated_data_round_trips_pretty_and_stable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let data = populated();
    let (mut store, empty) = Store::open(&path).unwrap();
    assert_eq!(empty, Data::default(), "a missing file is an empty store");
    store.save(&data).unwrap();
    let first = fs::read(&path).unwrap();
    assert_eq!(store::read(&path).unwrap(), data);

    let text = String::from_utf8(first.clone()).unwrap();
    let head = format!("{{\n  \"version\": {},\n", okr::model::FORMAT_VERSION);
    assert!(text.starts_with(&head), "{text}");
    assert!(text.contains("\n      \"key_results\": [\n"), "{text}");
    assert!(text.ends_with("}\n"));

    // Same data, same bytes: from the same store, and from a new run.
    store.save(&data).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    drop(store);
    let (mut store, again) = crate::support::reopen(&path);
    assert_eq!(again, data);
    store.save(&again).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn save_keeps_the_permission_bits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&state(1)).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    assert_eq!(store::read(&path).unwrap(), state(1));
}

#[test]
fn save_through_a_symlink_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("okr.json");
    fs::write(&target, bytes(&state(0))).unwrap();
    let link = dir.path().join("link.json");
    symlink("real/okr.json", &link).unwrap();

    let (mut store, data) = Store::open(&link).unwrap();
    assert_eq!(data, state(0));
    store.save(&state(1)).unwrap();
    store.save(&state(2)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&target).unwrap(), bytes(&state(2)));
    assert_eq!(store::read(&link).unwrap(), state(2));
}

#[test]
fn backup_holds_the_bytes_from_before_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    // Hand-written bytes, not as okr would write them.
    let original = b"{\"version\":1,\"objectives\":[]}".to_vec();
    fs::write(&path, &original).unwrap();
    let bak = dir.path().join("okr.json.bak");

    let (mut store, _) = Store::open(&path).unwrap();
    assert_eq!(store.backup_path(), bak);
    assert!(!bak.exists(), "no backup before the first write");
    store.save(&state(1)).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), original);
    store.save(&state(2)).unwrap();
    assert_eq!(
        fs::read(&bak).unwrap(),
        original,
        "rewritten in the same run"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes(&state(2)));
    drop(store);

    // A new run backs up what the last one left.
    let (mut store, _) = crate::support::reopen(&path);
    store.save(&state(3)).unwrap();
    assert_eq!(fs::read(&bak).unwrap(), bytes(&state(2)));
}

// ---------------------------------------------------------------- failed saves

#[test]
fn a_failed_write_step_leaves_the_file_as_it_was() {
    for n in 1..=4 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        let old = bytes(&state(0));
        fs::write(&path, &old).unwrap();
        let (mut store, _) = Store::open(&path).unwrap();
        store.faults().fail_nth_write(n);
        let err = store.save(&state(1)).unwrap_err();
        assert!(matches!(err, SaveError::Io(..)), "step {n}: {err:?}");
        assert!(err.to_string().contains("disk is full"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), old, "step {n}");
        assert!(temp_files(dir.path()).is_empty(), "step {n}");
        // Retried, it goes through; the backup is the file from before the run.
        store.save(&state(1)).unwrap();
        assert_eq!(store::read(&path).unwrap(), state(1), "step {n}");
        assert_eq!(fs::read(dir.path().join("okr.json.bak")).unwrap(), old);
    }
}

#[test]
fn a_failed_write_after_the_backup_leaves_the_file_as_it_was() {
    // Once the backup is taken a save has three write steps.
    for n in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&state(0)).unwrap();
        let old = fs::read(&path).unwrap();
        store.faults().fail_nth_write(n);
        assert!(store.save(&state(1)).is_err(), "step {n}");
        assert_eq!(fs::read(&path).unwrap(), old, "step {n}");
        assert!(temp_files(dir.path()).is_empty(), "step {n}");
        store.save(&state(1)).unwrap();
        assert_eq!(store::read(&path).unwrap(), state(1), "step {n}");
    }
}

#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("okr.json");
    let old = bytes(&state(0));
    fs::write(&path, &old).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();

    // Tests run as root here, where `chmod a-w` does not stop writes; an
    // immutable folder does. Where neither works, the fault seam stands in.
    let guard = Immutable::make(&folder);
    if guard.is_none() {
        crate::support::not_applicable(
            "chattr +i cannot make a folder read-only here; the fault seam stands in",
        );
        store.faults().fail_nth_write(1);
    }
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, SaveError::Io(..)), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), old);
    drop(guard);

    store.save(&state(1)).unwrap();
    assert_eq!(store::read(&path).unwrap(), state(1));
    assert!(temp_files(&folder).is_empty());
}

// ---------------------------------------------------------------- changes by others

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    let theirs = bytes(&state(8));
    fs::write(&path, &theirs).unwrap();
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
    // And it stays refused: nothing is overwritten on a retry either.
    assert!(matches!(store.save(&state(1)), Err(SaveError::Conflict(_))));
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[test]
fn a_file_changed_before_the_first_save_of_a_run_leaves_the_earlier_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let bak = dir.path().join("okr.json.bak");
    // An earlier run's backup, and the file this run reads.
    fs::write(&bak, bytes(&state(0))).unwrap();
    fs::write(&path, bytes(&state(1))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    // Their save lands before this run's first, which would copy the file.
    let theirs = bytes(&state(8));
    fs::write(&path, &theirs).unwrap();
    let err = store.save(&state(2)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
    assert_eq!(
        fs::read(&bak).unwrap(),
        bytes(&state(0)),
        "the refused save copied nothing over the earlier backup"
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_change_of_the_same_size_and_time_is_still_noticed() {
    // A synced folder or `touch -r` can restore the old modification time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let ours = bytes(&state(1));
    fs::write(&path, &ours).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    let theirs = String::from_utf8(ours.clone())
        .unwrap()
        .replace("state 1", "STATE 1")
        .into_bytes();
    assert_eq!(theirs.len(), ours.len());
    assert_ne!(theirs, ours);
    fs::write(&path, &theirs).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let err = store.save(&state(3)).unwrap_err();
    assert!(matches!(err, SaveError::Conflict(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[test]
fn a_file_deleted_by_another_program_is_written_anew() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    store.save(&state(1)).unwrap();
    assert_eq!(store::read(&path).unwrap(), state(1));
}

// ---------------------------------------------------------------- non-finite numbers

/// A place in the data that holds a number.
type Place = (&'static str, fn(&mut Data, f64));

/// Every kind of place that holds a number a reader needs, in the first
/// Mål and check-in.
fn places() -> [Place; 4] {
    [
        ("a current value", |d, v| {
            d.objective_mut(0).unwrap().key_results[0]
                .measure
                .set_current(v)
        }),
        ("a weight", |d, v| {
            d.objective_mut(0).unwrap().key_results[0].weight = v
        }),
        ("a history entry", |d, v| {
            d.objective_mut(0).unwrap().key_results[0].history[0].value = v
        }),
        ("a check-in entry", |d, v| {
            std::sync::Arc::make_mut(&mut d.checkins[0]).entries[0].value = v
        }),
    ]
}

#[test]
fn a_number_json_cannot_hold_is_refused_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let old = fs::read(&path).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    // JSON has no NaN or infinity: written as `null`, it would make a file
    // okr cannot read back.
    let places = places();
    for (what, set) in places {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut data = populated();
            set(&mut data, bad);
            let err = store.save(&data).unwrap_err();
            assert!(
                matches!(err, SaveError::Encode(_)),
                "{what} of {bad}: {err:?}"
            );
            assert_eq!(fs::read(&path).unwrap(), old, "{what} of {bad}");
            assert!(!dir.path().join("okr.json.bak").exists(), "{what}");
            assert!(temp_files(dir.path()).is_empty(), "{what}");
        }
    }
    // The refusals left the store able to save.
    store.save(&populated()).unwrap();
    assert_eq!(store::read(&path).unwrap(), populated());
}

// ---------------------------------------------------------------- the backup's permission bits

#[test]
fn a_backup_is_readable_only_by_its_owner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let bak = dir.path().join("okr.json.bak");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    {
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&state(1)).unwrap();
    }
    assert_eq!(mode(&bak), 0o600, "a new backup");
    assert_eq!(mode(&path), 0o644, "the file keeps its own bits");
    // A backup that is there, opened up by someone, is made private again.
    fs::set_permissions(&bak, fs::Permissions::from_mode(0o644)).unwrap();
    let (mut store, _) = crate::support::reopen(&path);
    store.save(&state(2)).unwrap();
    assert_eq!(mode(&bak), 0o600, "an existing backup");
    assert_eq!(fs::read(&bak).unwrap(), bytes(&state(1)));
}

#[test]
fn a_file_of_this_format_is_saved_without_a_migration_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&state(0))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    store.save(&state(1)).unwrap();
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".v"))
        .collect();
    assert!(names.is_empty(), "no copy of an older format: {names:?}");
}

#[test]
fn a_read_only_file_is_not_replaced_even_where_the_folder_would_let_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    let old = bytes(&state(0));
    fs::write(&path, &old).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    assert!(store.is_read_only());
    // The folder lets a rename replace it (root ignores the bits anyway).
    let err = store.save(&state(1)).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), old);
    assert!(temp_files(dir.path()).is_empty());
}
