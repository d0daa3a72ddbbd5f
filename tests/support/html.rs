//! The data file of the HTML report's tests: a tree of Mål three deep, a
//! Mål serving one of another quarter, a closed quarter with a score and
//! a retro, a history with notes, and texts written to break out of the
//! page in every place a text can be (title, owner, why, note, retro,
//! unit, Uppgift).

use serde_json::{Value, json};

/// A title that would run a script.
pub const TITLE: &str = "<script>alert(1)</script> Sälj mer";
/// An owner that would close an attribute and load an image.
pub const OWNER: &str = "\"><img src=x onerror=alert(2)>";
/// A note that would close the chart's title and run a script.
pub const NOTE: &str = "</title><script>alert(3)</script>";
/// A retro that would hide the page.
pub const RETRO: &str = "<style>body{display:none}</style>";
/// An Uppgift that would load a page from the network.
pub const INITIATIVE: &str = "<iframe src=\"http://evil.example/\"></iframe>";
/// A why of two lines, the second a tag and a terminal's escape.
pub const WHY: &str = "Rad ett\n<b>rad två</b>\u{1b}[2J";

/// `text` as HTML writes it in content and in attributes.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn numeric(id: &str, title: &str, start: f64, target: f64, current: f64, unit: &str) -> Value {
    json!({"id": id, "title": title, "measure": {"type": "numeric", "start": start,
        "target": target, "current": current, "unit": unit}})
}

fn objective(id: &str, title: &str, quarter: &str, extra: Value) -> Value {
    let mut o = json!({"id": id, "title": title, "kind": "committed", "quarter": quarter,
        "status": "active", "created": "2026-07-01T08:00:00Z",
        "updated": "2026-11-20T08:00:00Z"});
    for (k, v) in extra.as_object().unwrap() {
        o[k] = v.clone();
    }
    o
}

/// The data file (today is 2026-11-24: 2026 Q4 runs, Q3 has ended).
pub fn page_data() -> Value {
    let mut sales = numeric("kr1", "Sälj för 100 miljoner", 0.0, 100.0, 40.0, "MSEK");
    sales["confidence"] = json!(6);
    sales["history"] = json!([
        {"date": "2026-10-05", "value": 10.0, "confidence": 6},
        {"date": "2026-11-02", "value": 25.0, "confidence": 6, "note": NOTE},
        {"date": "2026-11-20", "value": 40.0, "confidence": 6, "note": "Två nya kunder"}
    ]);
    let mut q3 = numeric("kr5", "Minska kostnaderna", 800.0, 600.0, 700.0, "kr");
    q3["history"] = json!([{"date": "2026-08-10", "value": 700.0}]);
    json!({
        "version": 2,
        "objectives": [
            objective("o1", "Bli bäst i Norden", "2026-Q4", json!({"owner": "Ledningen",
                "why": "Alla mål nedan stödjer det här"})),
            objective("o2", TITLE, "2026-Q4", json!({"parent": "o1", "owner": OWNER,
                "why": WHY,
                "key_results": [sales, {"id": "kr2", "title": "Lansera feedback",
                    "measure": {"type": "done", "done": false}, "confidence": 3}],
                "initiatives": [
                    {"id": "u1", "title": "Anställ en säljare", "done": "2026-11-10",
                     "key_result": "kr1"},
                    {"id": "u2", "title": INITIATIVE, "due": "2026-11-01", "owner": OWNER}
                ]})),
            objective("o3", "Gör kunderna glada", "2026-Q4", json!({"parent": "o2",
                "owner": "Anna", "kind": "aspirational",
                "key_results": [{"id": "kr3", "title": "Håll kostnaden",
                    "measure": {"type": "at_most", "level": 500.0, "current": 450.0,
                        "unit": "kr/mån"}, "confidence": 9,
                    "history": [{"date": "2026-11-16", "value": 450.0}]}]})),
            objective("o4", "Spara till buffert", "2026-Q3", json!({"kind": "economic",
                "owner": "Anna", "score": 0.6,
                "retro": {"went_well": RETRO, "to_change": "Färre möten\nKortare möten"},
                "key_results": [q3]})),
            objective("o5", "Automatisk sparöverföring", "2026-Q4", json!({"parent": "o4",
                "owner": "Anna",
                "key_results": [numeric("kr4", "Spara per månad", 0.0, 3000.0, 3000.0, "kr")]}))
        ]
    })
}
