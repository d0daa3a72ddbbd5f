//! The `okr` binary without a terminal: `--help`, `--version`, usage errors,
//! and which data file `path`, `--file`, `OKR_FILE` and the default name.

use std::fs;
use std::path::PathBuf;

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, display, key_result, printed_data_path};
use serde_json::Value;

// --- help and version -------------------------------------------------------

#[test]
fn help_lists_every_command_and_exits_0() {
    let w = Sandbox::new();
    let r = w.run(&["--help"]);
    r.ok();
    for command in [
        "checkin", "review", "export", "update", "path", "demo", "--file", "--lang",
    ] {
        assert!(
            r.stdout.contains(command),
            "{command} missing:\n{}",
            r.stdout
        );
    }
    let r = w.run(&["update", "--help"]);
    r.ok();
    assert!(r.stdout.contains("--note"), "{}", r.stdout);
    // The review's default quarter as it is: the one just ended, early in a quarter.
    let r = w.run(&["review", "--help"]);
    r.ok();
    assert!(
        r.stdout
            .contains("the one just ended during the first two weeks"),
        "{}",
        r.stdout
    );
}

#[test]
fn version_prints_the_package_version_and_exits_0() {
    let w = Sandbox::new();
    let r = w.run(&["--version"]);
    r.ok();
    assert_eq!(
        r.stdout.trim(),
        format!("okr {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let w = Sandbox::new();
    for args in [
        &["export", "--format", "xml"][..],
        &["update", "kr1"],
        &["no-such-command"],
        &["--lang", "de", "path"],
    ] {
        let r = w.run(args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
    let r = w.run(&["export", "--quarter", "2026-Q9"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("2026-Q4"), "{}", r.stderr);
}

// --- okr path -------------------------------------------------------------------

#[test]
fn path_prints_the_file_flag_first() {
    let w = Sandbox::new();
    let flag = w.path().join("from-flag.json");
    let mut c = w.command();
    c.env("OKR_FILE", w.path().join("from-env.json"));
    let r = w.run_with(c, &["path", "--file", flag.to_str().unwrap()]);
    r.ok();
    assert_eq!(printed_data_path(&r.stdout), display(&flag));
    assert!(!flag.exists(), "path must not create the file");
}

#[test]
fn path_prints_okr_file_without_a_flag() {
    let w = Sandbox::new();
    let env = w.path().join("from-env.json");
    let mut c = w.command();
    c.env("OKR_FILE", &env);
    let r = w.run_with(c, &["path"]);
    r.ok();
    assert_eq!(printed_data_path(&r.stdout), display(&env));
}

#[test]
fn path_defaults_to_the_platform_data_folder() {
    let w = Sandbox::new();
    let r = w.run(&["path"]);
    r.ok();
    let printed = PathBuf::from(printed_data_path(&r.stdout));
    assert!(printed.ends_with("okr/okr.json"), "{}", printed.display());
    if cfg!(target_os = "linux") {
        assert_eq!(printed, w.data_home().join("okr").join("okr.json"));
    } else {
        crate::support::not_applicable("XDG_DATA_HOME names the data folder on Linux only");
    }
    // An empty OKR_FILE counts as unset.
    let mut c = w.command();
    c.env("OKR_FILE", "");
    let r2 = w.run_with(c, &["path"]);
    r2.ok();
    assert_eq!(r2.stdout, r.stdout);
    assert!(!printed.exists(), "path must not create the file");
}

// --- which file is used -------------------------------------------------------

#[test]
fn the_default_file_is_used_without_file_or_okr_file() {
    let w = Sandbox::new();
    let default = w.data_home().join("okr").join("okr.json");
    if !cfg!(target_os = "linux") {
        crate::support::not_applicable("XDG_DATA_HOME names the data folder on Linux only");
        return;
    }
    fs::create_dir_all(default.parent().unwrap()).unwrap();
    fs::write(&default, FIXTURE).unwrap();
    let r = w.run(&["update", "kr2", "4"]);
    r.ok();
    let v: Value = serde_json::from_slice(&fs::read(&default).unwrap()).unwrap();
    assert_eq!(key_result(&v, "kr2")["measure"]["current"], 4.0);
}

#[test]
fn okr_file_names_the_file_to_update() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let mut c = w.command();
    c.env("OKR_FILE", &file);
    let r = w.run_with(c, &["update", "kr2", "5"]);
    r.ok();
    assert_eq!(key_result(&w.json(), "kr2")["measure"]["current"], 5.0);
}
