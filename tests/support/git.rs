//! Real git for the tests of a team's repository: git with no system or
//! user settings and no questions, and okr run in a clone with the okr of
//! the tests on PATH, as git finds the merge driver.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Output};

/// `c` (git, or an okr that runs git) without the machine's git settings,
/// never asking anything, speaking English.
pub fn isolated<'c>(c: &'c mut Command, dir: &Path) -> &'c mut Command {
    c.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_TERMINAL_PROMPT", "0")
        // Whoever commits in a test, unless it says who.
        .env("GIT_AUTHOR_NAME", "okr tests")
        .env("GIT_AUTHOR_EMAIL", "tests@example.com")
        .env("GIT_COMMITTER_NAME", "okr tests")
        .env("GIT_COMMITTER_EMAIL", "tests@example.com")
        // okr, as the driver, speaks English here.
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("LANG")
        .env_remove("OKR_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
}

/// `git ARGS` in `dir`.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    let mut c = Command::new("git");
    isolated(&mut c, dir)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("running git")
}

/// `git ARGS` in `dir`, which must succeed.
pub fn git_ok(dir: &Path, args: &[&str]) {
    git_out(dir, args);
}

/// What `git ARGS` in `dir`, which must succeed, printed.
pub fn git_out(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// PATH with the folder of the okr the tests built first: `okr merge` in
/// git config is this okr.
pub fn path_with_okr() -> OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_okr"));
    let mut dirs = vec![bin.parent().expect("the binary's folder").to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("a PATH")
}
