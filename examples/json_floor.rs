//! The floor a load is measured against, as a whole process: read a file
//! and check that it is JSON, keeping nothing (serde_json into `IgnoredAny`).
//! `cargo build --release --example json_floor`, then
//! `./target/release/examples/json_floor target/bench-stores/L.json`
//! (see "Benchmarks" in the README).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: json_floor FILE");
        return ExitCode::from(2);
    };
    let parsed = std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).map_err(|e| e.to_string())
        });
    match parsed {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("json_floor: {e}");
            ExitCode::from(1)
        }
    }
}
