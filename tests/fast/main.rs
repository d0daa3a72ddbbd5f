//! The tests that run in this process or run the `okr` binary without a
//! terminal: the app by keys, the screens drawn as text (with snapshots),
//! the model by properties, and the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod app;
mod app_forms;
mod cadence;
mod checkin;
mod cli_completions;
mod cli_env;
mod cli_errors;
mod cli_export;
mod cli_export_html;
mod cli_import;
mod cli_import_refused;
mod cli_import_years;
mod cli_keys;
mod cli_list;
mod cli_readme;
mod cli_status;
mod cli_update;
mod cli_usage;
mod cli_years;
mod daily;
mod daily_search;
mod daily_view;
mod docs_links;
mod forecast;
mod keys;
mod keys_user;
mod layers;
mod merge_props;
mod model_props;
mod one_number;
mod quarterly;
mod render;
mod render_quarterly;
mod render_weekly;
mod report;
mod review;
mod schema;
mod swedish;
mod team_checkins;
mod team_config;
mod team_conflicts;
mod team_owners;
mod team_tree;
mod trust_numbers;
mod trust_output;
mod trust_truth;
mod trust_values;
mod weekly;
mod weekly_past;
mod year;
mod years;
