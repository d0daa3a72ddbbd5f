//! What the environment decides without a terminal: the language of errors
//! from `LC_ALL`, `LC_MESSAGES` and `LANG` (else Swedish), and "today" from a
//! valid `OKR_TODAY` only.

use crate::support::fixture::FIXTURE;
use crate::support::{Sandbox, key_result};
use serde_json::Value;

/// The language an error of okr speaks with these locale variables set (and
/// the other two unset): the file cannot be read, so neither its setting nor
/// anything but the locale decides.
fn language_of_errors(locale: &[(&str, &str)]) -> &'static str {
    let w = Sandbox::new();
    let file = w.write("{ not json");
    let mut c = w.command();
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(locale.iter().copied());
    let r = w.run_with(c, &["--file", file.to_str().unwrap(), "export"]);
    let line = r.fails(&[]);
    match (line.contains("cannot read"), line.contains("kan inte läsa")) {
        (true, false) => "en",
        (false, true) => "sv",
        _ => panic!("neither English nor Swedish: {line}"),
    }
}

#[test]
fn errors_speak_the_first_locale_variable_set_else_swedish() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        // LC_ALL before LC_MESSAGES before LANG.
        (
            &[
                ("LC_ALL", "en_US.UTF-8"),
                ("LC_MESSAGES", "sv_SE.UTF-8"),
                ("LANG", "sv_SE.UTF-8"),
            ],
            "en",
        ),
        (&[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_GB.UTF-8")], "sv"),
        (
            &[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "sv_SE.UTF-8")],
            "en",
        ),
        (&[("LC_MESSAGES", "sv_FI"), ("LANG", "en_US.UTF-8")], "sv"),
        (&[("LANG", "en_US.UTF-8")], "en"),
        (&[("LANG", "sv_SE.UTF-8")], "sv"),
        // An empty variable counts as unset.
        (
            &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "en_US")],
            "en",
        ),
        // Nothing set, or a locale that is neither language: Swedish.
        (&[], "sv"),
        (&[("LANG", "de_DE.UTF-8")], "sv"),
        (&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")], "sv"),
    ];
    for (locale, expected) in cases {
        assert_eq!(language_of_errors(locale), *expected, "{locale:?}");
    }
}

#[test]
fn an_okr_today_that_is_not_a_date_is_ignored() {
    for bad in ["tomorrow", "2026-13-01", "24/11/2026", ""] {
        let w = Sandbox::new();
        w.write(FIXTURE);
        let mut c = w.command();
        c.env("OKR_TODAY", bad);
        let before = chrono::Local::now().date_naive();
        w.run_with(
            c,
            &["--file", w.file().to_str().unwrap(), "update", "kr1", "40"],
        )
        .ok();
        let after = chrono::Local::now().date_naive();
        let saved: Value = w.json();
        let history = key_result(&saved, "kr1")["history"].as_array().unwrap();
        let date = history.last().unwrap()["date"].as_str().unwrap();
        // The local date (read before and after, should midnight pass between).
        assert!(
            [before, after]
                .map(|d| d.to_string())
                .contains(&date.to_string()),
            "OKR_TODAY={bad:?}: dated {date}, today is {before}"
        );
    }
}
