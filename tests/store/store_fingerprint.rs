//! The save's check for changes by others, by a hash of the file's bytes
//! read in blocks (not the file read whole and parsed): our own saves are
//! never taken for a change, and a change by someone else that keeps the
//! size and the modification time is noticed wherever it is in the file.

use std::fs;
use std::path::Path;

use crate::support::data::{bytes, populated};
use okr::model::{Data, HistoryEntry};
use okr::store::{self, SaveError, Store};

/// Data whose file is several hash blocks (64 KiB) and write buffers
/// (256 KiB) long: `n` more history entries on the first key result.
fn big(n: u32) -> Data {
    let mut data = populated();
    let k = &mut data.objective_mut(0).unwrap().key_results[0];
    let day = crate::support::date(2020, 1, 1);
    for i in 0..n {
        k.history.push(HistoryEntry::new(
            day + chrono::Days::new(u64::from(i)),
            f64::from(i % 97),
            Some(5),
            format!("note {i}"),
        ));
    }
    data
}

/// Changes one digit at about `at` (a fraction of the file), keeping the
/// size and the modification time, as a synced folder or `touch -r` can.
fn change_keeping_size_and_time(path: &Path, at: f64) {
    let before = fs::metadata(path).unwrap();
    let mut bytes = fs::read(path).unwrap();
    let start = (bytes.len() as f64 * at) as usize;
    let pos = (start..bytes.len())
        .chain(0..start)
        .find(|&i| bytes[i].is_ascii_digit())
        .unwrap();
    bytes[pos] = if bytes[pos] == b'1' { b'2' } else { b'1' };
    fs::write(path, &bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    let after = fs::metadata(path).unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after.modified().unwrap(), before.modified().unwrap());
}

#[test]
fn saves_in_a_row_are_not_taken_for_changes_by_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okr.json");
    fs::write(&path, bytes(&big(3000))).unwrap();
    let (mut store, _) = Store::open(&path).unwrap();
    // Larger, smaller, from encoded bytes, and an empty history: each save
    // checks the file the one before wrote.
    store.save(&big(6000)).unwrap();
    store.save(&big(4000)).unwrap();
    store.save_bytes(&bytes(&big(7000))).unwrap();
    store.save(&big(0)).unwrap();
    store.save(&big(5000)).unwrap();
    assert_eq!(store::read(&path).unwrap(), big(5000));
    assert_eq!(fs::read(&path).unwrap(), bytes(&big(5000)));
}

#[test]
fn a_change_of_the_same_size_and_time_after_a_save_is_noticed_anywhere() {
    for at in [0.0, 0.3, 0.5, 0.999] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        fs::write(&path, bytes(&big(10))).unwrap();
        let (mut store, _) = Store::open(&path).unwrap();
        store.save(&big(5000)).unwrap();
        change_keeping_size_and_time(&path, at);
        let theirs = fs::read(&path).unwrap();
        let err = store.save(&big(5001)).unwrap_err();
        assert!(matches!(err, SaveError::Conflict(_)), "at {at}: {err:?}");
        assert_eq!(fs::read(&path).unwrap(), theirs, "at {at}");
    }
}

#[test]
fn a_change_of_the_same_size_and_time_after_opening_is_noticed_anywhere() {
    for at in [0.0, 0.5, 0.999] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("okr.json");
        fs::write(&path, bytes(&big(5000))).unwrap();
        let (mut store, _) = Store::open(&path).unwrap();
        change_keeping_size_and_time(&path, at);
        let theirs = fs::read(&path).unwrap();
        let err = store.save(&big(1)).unwrap_err();
        assert!(matches!(err, SaveError::Conflict(_)), "at {at}: {err:?}");
        assert_eq!(fs::read(&path).unwrap(), theirs, "at {at}");
    }
}
