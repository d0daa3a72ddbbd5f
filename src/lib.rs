//! `okr`: a keyboard-driven terminal OKR tracker.
//!
//! Mål (objectives), Nyckelresultat (key results) and Uppgifter (initiatives)
//! live in one local JSON file. The modules, from the inside out:
//!
//! - [`model`]: the OKR data and its math (progress, pace, bands) and the
//!   three-way merge of two changed copies, pure.
//! - [`keys`]: the one key table of every mode, its names in each language
//!   and a user's own keys.
//! - [`store`]: the JSON file: format, versions, atomic save, lock, backups.
//! - [`i18n`]: every user-visible string, in Swedish and English.
//! - [`app`]: the tracker's state and update; [`ui`]: drawing it;
//!   [`tui`]: the event loop in a real terminal.
//! - [`config`]: the personal config file (who I am, my language, my keys).
//! - [`export`]: the reports; [`import`]: reading CSV and JSON in.
//! - [`sync`]: `okr sync`, the data file committed, pulled and pushed with git.
//! - [`cli`]: the command line as clap reads it; [`help`]: the same in
//!   Swedish; [`commands`]: each subcommand, one file each; [`run`]: from a
//!   command line to an exit code.
//! - [`text`]: the one rule that makes text read from the file safe for
//!   every output (screens, reports, messages).
//!
//! A module imports only its own layer and those below
//! (`tests/fast/layers.rs` holds the order and checks it).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod error;
pub mod export;
pub mod help;
pub mod hooks;
pub mod i18n;
pub mod import;
pub mod keys;
pub mod model;
pub mod places;
pub mod run;
pub mod store;
pub mod sync;
pub mod text;
pub mod tui;
pub mod ui;
