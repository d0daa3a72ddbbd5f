//! `okr`: a keyboard-driven terminal OKR tracker.
//!
//! Mål (objectives), Nyckelresultat (key results) and Uppgifter (initiatives)
//! live in one local JSON file. The modules, from the inside out:
//!
//! - [`model`]: the OKR data and its math (progress, pace, bands), pure.
//! - [`store`]: the JSON file: format, versions, atomic save, lock, backups.
//! - [`i18n`]: every user-visible string, in Swedish and English.
//! - [`cli`]: the subcommands that need no terminal (export, update, path).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod demo;
pub mod i18n;
pub mod model;
pub mod run;
pub mod store;
pub mod ui;
