//! End to end in a real terminal (tmux): the okr binary driven by keys,
//! checked on the screen, in the file and in the terminal it gives back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod e2e_checkin;
mod e2e_daily;
mod e2e_daily_view;
mod e2e_env;
mod e2e_html;
mod e2e_keys;
mod e2e_live;
mod e2e_quarterly;
mod e2e_rescue;
mod e2e_restore;
mod e2e_review;
mod e2e_safety;
mod e2e_screen;
mod e2e_team;
mod e2e_weekly;
mod e2e_year;
