//! Hooks and extension commands, with real executables: `on-save`,
//! `on-checkin` and `on-review` in the config folder's `hooks/` get the
//! event as JSON after the save; one that fails, hangs or cannot run is
//! said and loses nothing; a hook beside the data file is never run; `okr
//! NAME` runs `okr-NAME` from PATH.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use okr::app::hooks::HookRunner;
use okr::hooks::Hooks;
use okr::model::Lang;
use serde_json::Value;

use crate::support::Sandbox;
use crate::support::app::*;
use crate::support::fixture::FIXTURE;

/// An executable at `path` running `script` (sh).
fn executable(path: &Path, script: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, format!("#!/bin/sh\n{script}\n")).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// The hooks folder okr reads in the sandbox: beside the default config file.
fn hooks_of(w: &Sandbox) -> PathBuf {
    w.config_home().join("okr").join("hooks")
}

/// A hook that keeps each event it gets, one file per run, in `into`.
fn recording(hook: &Path, into: &Path) {
    fs::create_dir_all(into).unwrap();
    let script = format!("cat > \"{}/$(date +%s%N).json\"", into.display());
    executable(hook, &script);
}

/// The events a recording hook kept, in the order they came.
fn events(into: &Path) -> Vec<Value> {
    let mut names: Vec<PathBuf> = fs::read_dir(into)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .map(|p| serde_json::from_slice(&fs::read(p).unwrap()).unwrap())
        .collect()
}

#[test]
fn update_runs_on_save_after_the_save_with_what_changed() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let got = w.path().join("got");
    recording(&hooks_of(&w).join("on-save"), &got);
    // The hook sees the file saved already.
    let r = w.okr(&["--owner", "Anna", "update", "kr1", "42"]);
    r.ok();
    let seen = events(&got);
    assert_eq!(seen.len(), 1, "{seen:?}");
    let e = &seen[0];
    assert_eq!(e["event"], "save");
    assert_eq!(e["file"], file.display().to_string());
    assert_eq!(e["by"], "Anna");
    assert_eq!(e["changed"][0]["item"], "kr1");
    assert_eq!(e["changed"][0]["value"], 42.0);
    assert_eq!(e["changed"][0]["date"], "2026-11-24");
    // import too: what it added.
    let csv = w.path().join("in.csv");
    fs::write(
        &csv,
        "objective,key_result,start,target\nNytt mål,Nytt nr,0,10\n",
    )
    .unwrap();
    w.okr(&["import", "--format", "csv", csv.to_str().unwrap()])
        .ok();
    let seen = events(&got);
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[1]["changed"][0]["change"], "added");
}

#[test]
fn a_hook_that_fails_hangs_or_cannot_run_is_said_and_loses_nothing() {
    let w = Sandbox::new();
    w.write(FIXTURE);
    let hook = hooks_of(&w).join("on-save");
    executable(&hook, "echo first >&2; echo 'no network' >&2; exit 3");
    let r = w.okr(&["--lang", "en", "update", "kr1", "42"]);
    assert_eq!(r.code, Some(0), "the save stands: {}", r.stderr);
    for word in ["on-save", "code 3: no network", "the change is saved"] {
        assert!(r.stderr.contains(word), "{word:?}: {}", r.stderr);
    }
    assert_eq!(
        crate::support::key_result(&w.json(), "kr1")["measure"]["current"],
        42.0
    );
    // One that hangs is stopped at the time limit.
    executable(&hook, "sleep 30");
    let mut c = w.command();
    c.env("OKR_HOOK_SECONDS", "1");
    let start = std::time::Instant::now();
    let r = w.okr_with(c, &["--lang", "sv", "update", "kr1", "43"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(r.code, Some(0));
    assert!(
        r.stderr.contains("stoppades efter 1 sekunder"),
        "{}",
        r.stderr
    );
    assert_eq!(
        crate::support::key_result(&w.json(), "kr1")["measure"]["current"],
        43.0
    );
    // One that is not executable is said to be.
    fs::set_permissions(&hook, fs::Permissions::from_mode(0o644)).unwrap();
    let r = w.okr(&["--lang", "en", "update", "kr1", "44"]);
    assert_eq!(r.code, Some(0));
    assert!(
        r.stderr.contains("not executable (chmod +x)"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_hook_beside_the_shared_data_file_is_never_run() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let mark = w.path().join("ran");
    let beside = file.parent().unwrap().join("hooks").join("on-save");
    executable(&beside, &format!("touch \"{}\"", mark.display()));
    let r = w.okr(&["update", "kr1", "42"]);
    r.ok();
    assert!(!mark.exists(), "a hook of the shared folder ran");
}

#[test]
fn the_tracker_runs_on_save_on_checkin_and_on_review_after_each_save() {
    let dir = tempfile::tempdir().unwrap();
    let hooks = dir.path().join("hooks");
    let (saves, checkins, reviews) = (
        dir.path().join("saves"),
        dir.path().join("checkins"),
        dir.path().join("reviews"),
    );
    recording(&hooks.join("on-save"), &saves);
    recording(&hooks.join("on-checkin"), &checkins);
    recording(&hooks.join("on-review"), &reviews);
    let config = dir.path().join("config.toml");
    let mut h = Harness::build(
        Some(demo()),
        Lang::En,
        |_| {},
        |setup, _| {
            let file = Path::new("okr.json");
            setup.hooks = HookRunner::spawn(Hooks::beside(Some(&config)), file, |e| {
                panic!("a hook failed: {e:?}")
            });
        },
    );
    h.record_note_on_first_key_result("61", "bra vecka");
    h.deliver_saves();
    h.walk_to_summary();
    h.deliver_saves();
    h.keys(&[code(ESC)]);
    h.open_review_form_of(0);
    h.keys(&[ctrl('s')]);
    h.deliver_saves();
    h.app.finish_hooks();
    let saves = events(&saves);
    assert!(!saves.is_empty());
    let changed: Vec<&Value> = saves
        .iter()
        .flat_map(|e| e["changed"].as_array().unwrap())
        .collect();
    assert!(
        changed
            .iter()
            .any(|c| c["change"] == "changed"
                && c["item"].as_str().is_some_and(|i| i.starts_with('o'))),
        "{saves:?}"
    );
    assert!(changed.iter().any(|c| c["item"] == "checkins"), "{saves:?}");
    let checkins = events(&checkins);
    assert_eq!(checkins.len(), 1, "{checkins:?}");
    assert_eq!(checkins[0]["event"], "checkin");
    assert_eq!(checkins[0]["checkin"]["week"], "2026-W48");
    assert!(
        !checkins[0]["checkin"]["entries"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let reviews = events(&reviews);
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0]["event"], "review");
    assert!(reviews[0]["objective"]["id"].is_string());
}

#[test]
fn okr_name_runs_okr_name_from_path_with_the_data_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let bin = w.path().join("bin");
    executable(
        &bin.join("okr-hello"),
        "echo \"hello $1 $OKR_FILE\"; exit 4",
    );
    let mut c = w.command();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    c.env("PATH", &path);
    let r = w.okr_with(c, &["hello", "world"]);
    assert_eq!(r.code, Some(4), "its exit code is okr's");
    assert_eq!(r.stdout, format!("hello world {}\n", file.display()));
    // No such command, and a name that could be a path, are refused.
    for name in ["nosuch", "../bin/okr-hello"] {
        let mut c = w.command();
        c.env("PATH", &path);
        let r = w.okr_with(c, &["--lang", "en", name]);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        assert!(r.stderr.contains("is no okr command"), "{}", r.stderr);
    }
}
