//! A store for the daily tests: two Mål of today's quarter (2026 Q4) with a
//! Mål of the quarter before between them in the file, history with notes
//! (one entry with a field this okr does not know), a stale key result, and
//! Uppgifter with owners and due dates (one overdue, one done).

use okr::model::Data;
use serde_json::{Value, json};

/// The store as JSON, for tests that change it first.
pub fn daily_json() -> Value {
    json!({
        "version": 1,
        "objectives": [
            {
                "id": "o1",
                "title": "Nöjda kunder",
                "kind": "committed",
                "quarter": "2026-Q4",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-09T08:00:00Z",
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Intervjua kunder",
                        "measure": { "type": "numeric", "start": 0.0, "target": 20.0, "current": 6.0 },
                        "confidence": 7,
                        "history": [
                            { "date": "2026-10-05", "value": 2.0, "confidence": 5, "note": "första intervjun" },
                            { "date": "2026-11-02", "value": 4.0, "confidence": 6, "by": "anna" },
                            { "date": "2026-11-23", "value": 6.0, "confidence": 7, "note": "två till" }
                        ]
                    },
                    {
                        "id": "kr2",
                        "title": "Håll NPS över 40",
                        "measure": { "type": "at_least", "level": 40.0, "current": 42.0 },
                        "confidence": 6,
                        "history": [ { "date": "2026-11-01", "value": 42.0, "confidence": 6 } ]
                    }
                ],
                "initiatives": [
                    { "id": "u1", "title": "Ring tio kunder", "owner": "Anna", "due": "2026-11-20" },
                    { "id": "u2", "title": "Skriv enkät", "due": "2026-12-10" },
                    { "id": "u3", "title": "Boka möten", "done": "2026-11-10", "due": "2026-11-05" }
                ]
            },
            {
                "id": "o9",
                "title": "Kundresan kartlagd",
                "kind": "personal",
                "quarter": "2026-Q3",
                "created": "2026-07-01T08:00:00Z",
                "updated": "2026-08-03T08:00:00Z",
                "key_results": [
                    {
                        "id": "kr3",
                        "title": "Kartlägg kundresan",
                        "measure": { "type": "done", "done": false },
                        "history": [ { "date": "2026-08-03", "value": 0.0, "note": "workshop med kunder" } ]
                    }
                ]
            },
            {
                "id": "o2",
                "title": "Växa i Norden",
                "kind": "aspirational",
                "quarter": "2026-Q4",
                "created": "2026-10-01T08:00:00Z",
                "updated": "2026-11-23T08:00:00Z",
                "key_results": [
                    {
                        "id": "kr4",
                        "title": "Öppna kontor",
                        "measure": { "type": "numeric", "start": 0.0, "target": 3.0, "current": 1.0, "unit": "kontor" },
                        "history": [ { "date": "2026-11-23", "value": 1.0, "confidence": 5 } ]
                    }
                ]
            }
        ]
    })
}

/// [`daily_json`] as the store.
pub fn daily() -> Data {
    serde_json::from_value(daily_json()).expect("the daily store reads")
}
