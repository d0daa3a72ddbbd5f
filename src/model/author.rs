//! Who makes the changes of this run: the owner in force (`--owner`,
//! `OKR_OWNER`, the config file, the OS user), decided once at the start.
//! A change to a Mål and a value recorded say who made them, so that a
//! conflict can name whose each value is, whichever way git calls the sides.

use std::sync::RwLock;

static AUTHOR: RwLock<Option<String>> = RwLock::new(None);

/// Sets who makes this run's changes (`None`: nobody known).
pub fn set(name: Option<String>) {
    if let Ok(mut a) = AUTHOR.write() {
        *a = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    }
}

/// Who makes this run's changes, when known.
pub fn get() -> Option<String> {
    AUTHOR.read().ok().and_then(|a| a.clone())
}

/// Whether two owner names are the same person.
pub fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
