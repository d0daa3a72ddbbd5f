//! `okr report --week`: a check-in period's digest per owner and for the
//! team, in text, Markdown and JSON: what moved (with values), what is
//! behind pace or stale, blockers and next steps, who has not checked in,
//! the pulse and its change.

use serde_json::{Value, json};

use crate::support::Sandbox;
use crate::support::fixture::team_week as team;

fn report(w: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let r = w.okr(&all);
    r.ok();
    r.stdout
}

#[test]
fn the_digest_of_the_last_whole_week_says_what_moved_and_who_has_not_checked_in() {
    let w = Sandbox::new();
    w.write_json(&team());
    // Today is Tuesday 2026-11-24: the last whole week is W47.
    let text = report(&w, &["--lang", "en"]);
    for part in [
        "Weekly digest 2026-W47 (2026-11-16 – 2026-11-22)",
        "1 key result moved, ",
        "Not checked in: Bo",
        "Team pulse: 4 (+1 since the period before)",
        "\nAnna\n",
        "kr1 Sälj för 100 miljoner (in Expandera globalt): 6 MSEK → 12.5 MSEK · at this rate: ",
        "Blockers\n  · Offertmallen är på svenska",
        "Next steps\n  · Översätt mallen\n  · Ring <b>Bo</b>",
        "\nBo\n  No value changed.",
    ] {
        assert!(text.contains(part), "{part:?} missing:\n{text}");
    }
    let sv = report(&w, &["--lang", "sv"]);
    assert!(sv.contains("Veckosammanfattning 2026-W47"), "{sv}");
    assert!(
        sv.contains("6\u{a0}MSEK → 12,5\u{a0}MSEK · i den här takten: "),
        "{sv}"
    );
    assert!(
        sv.contains("Teamets puls: 4 (+1 sedan förra perioden)"),
        "{sv}"
    );
    assert!(sv.contains("Har inte checkat in: Bo"), "{sv}");
}

#[test]
fn markdown_escapes_the_files_text_and_json_keeps_the_numbers() {
    let w = Sandbox::new();
    w.write_json(&team());
    let md = report(&w, &["--lang", "en", "--format", "md"]);
    assert!(md.starts_with("# Weekly digest 2026-W47"), "{md}");
    assert!(md.contains("\n## Anna\n"), "{md}");
    assert!(
        md.contains("\n**Next steps**\n\n- Översätt mallen\n"),
        "{md}"
    );
    let v: Value = serde_json::from_str(&report(&w, &["--format", "json"])).unwrap();
    assert_eq!(v["week"], "2026-W47");
    assert_eq!(v["not_checked_in"], json!(["Bo"]));
    assert_eq!(v["pulse"], 4.0);
    assert_eq!(v["pulse_before"], 3.0);
    let anna = &v["parts"][0];
    assert_eq!(anna["owner"], "Anna");
    assert_eq!(anna["moved"][0]["id"], "kr1");
    assert_eq!(anna["moved"][0]["from"], 6.0);
    // A line through 6 on 9 Nov and 12,5 on 16 Nov, read on 31 Dec.
    let ahead = &anna["moved"][0]["forecast"];
    assert_eq!(ahead["date"], "2026-12-31");
    assert!(
        (ahead["value"].as_f64().unwrap() - (12.5 + 6.5 * 45.0 / 7.0)).abs() < 1e-9,
        "{ahead}"
    );
    assert_eq!(anna["moved"][0]["to"], 12.5);
    assert_eq!(
        anna["next_steps"],
        json!(["Översätt mallen", "Ring <b>Bo</b>"])
    );
    assert_eq!(v["parts"][1]["checked_in"], false);
}

#[test]
fn a_week_an_owner_and_the_cadence_choose_the_period_and_the_part() {
    let w = Sandbox::new();
    w.write_json(&team());
    let v: Value =
        serde_json::from_str(&report(&w, &["--week", "2026-W46", "--format", "json"])).unwrap();
    assert_eq!(v["week"], "2026-W46");
    // In W46 kr1 went from its start to 6.
    assert_eq!(v["parts"][0]["moved"][0]["from"], 0.0);
    assert_eq!(v["parts"][0]["moved"][0]["to"], 6.0);
    assert_eq!(v["pulse_before"], Value::Null);
    // --owner narrows to one part.
    let v: Value =
        serde_json::from_str(&report(&w, &["--owner", "bo", "--format", "json"])).unwrap();
    let owners: Vec<&Value> = v["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["owner"])
        .collect();
    assert_eq!(owners, [&json!("Bo")]);
    // Every two weeks from W47: the last whole period is W45–W46.
    let mut two = team();
    two["settings"]["cadence"] = json!("fortnightly");
    two["settings"]["cadence_start"] = json!("2026-W47");
    w.write_json(&two);
    let text = report(&w, &["--lang", "en"]);
    assert!(
        text.contains("2026-W45 (2026-11-02 – 2026-11-15)"),
        "{text}"
    );
    // A week that is no week is refused, in the user's language.
    let r = w.okr(&["--lang", "sv", "report", "--week", "2026-W60"]);
    r.fails(&["”2026-W60” är ingen ISO-vecka"]);
}

#[test]
fn the_html_digest_is_one_page_that_escapes_the_files_text() {
    let w = Sandbox::new();
    w.write_json(&team());
    for (lang, words) in [
        (
            "sv",
            [
                "Veckosammanfattning 2026-W47",
                "Har inte checkat in: Bo",
                "12,5",
            ],
        ),
        (
            "en",
            ["Weekly digest 2026-W47", "Not checked in: Bo", "12.5"],
        ),
    ] {
        let page = report(&w, &["--lang", lang, "--format", "html"]);
        assert!(page.starts_with("<!DOCTYPE html>"), "{page:.200}");
        assert!(
            page.contains(&format!("<html lang=\"{lang}\">")),
            "{page:.300}"
        );
        for word in words {
            assert!(page.contains(word), "{word:?} missing");
        }
        // The file's text is text: its markup escaped, no script anywhere.
        assert!(page.contains("Ring &lt;b&gt;Bo&lt;/b&gt;"), "{page}");
        assert!(!page.contains("<b>Bo</b>"));
        assert!(!page.to_lowercase().contains("<script"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
