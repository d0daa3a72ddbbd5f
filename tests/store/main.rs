//! The data file and other processes: loading, saving, the lock, crashes,
//! the background writer, a teammate's save while the tracker runs, the
//! merge driver and `okr sync` with real git, and okr watched at its system calls.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod edit_paths;
mod hooks;
mod merge_cli;
mod merge_git;
mod refresh;
mod saver;
mod store_crash;
mod store_fingerprint;
mod store_load;
mod store_save;
mod sync;
mod team_live;
mod trust_keep;
mod trust_live;
mod trust_syscalls;
