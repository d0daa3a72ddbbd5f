//! The realistic data file of the command-line tests, in the documented
//! format, as a hand-written file looks.

/// A realistic data file in the documented format: every measure kind
/// (numeric rising and falling, done, at_least, at_most), Uppgifter done and
/// open, a Mål in another quarter with a score and a retro, a check-in with a
/// pulse, and a field this okr does not know (it must survive a save).
pub const FIXTURE: &str = r#"{
  "version": 1,
  "settings": {
    "language": "sv",
    "checkin_weekday": "monday"
  },
  "objectives": [
    {
      "id": "o1",
      "title": "Expandera globalt",
      "why": "Vi vill växa utanför Norden",
      "kind": "committed",
      "quarter": "2026-Q4",
      "owner": "Säljteamet",
      "status": "active",
      "created": "2026-10-01T08:00:00Z",
      "updated": "2026-11-16T09:30:00Z",
      "key_results": [
        {
          "id": "kr1",
          "title": "Sälj för 100 miljoner",
          "measure": {
            "type": "numeric",
            "start": 0.0,
            "target": 100.0,
            "current": 12.5,
            "unit": "MSEK"
          },
          "weight": 2.0,
          "confidence": 7,
          "history": [
            {
              "date": "2026-11-16",
              "value": 12.5,
              "confidence": 7,
              "note": "Två nya kunder"
            }
          ]
        },
        {
          "id": "kr2",
          "title": "Sänk ledtiden för offerter",
          "measure": {
            "type": "numeric",
            "start": 10.0,
            "target": 2.0,
            "current": 6.0,
            "unit": "dagar"
          },
          "weight": 1.0,
          "confidence": 5,
          "history": []
        },
        {
          "id": "kr3",
          "title": "Lansera en tvåvägs feedback-process",
          "measure": {
            "type": "done",
            "done": false
          },
          "weight": 1.0,
          "confidence": 8,
          "history": []
        }
      ],
      "initiatives": [
        {
          "id": "u1",
          "title": "Anställ en säljare i Berlin",
          "done": "2026-11-10",
          "key_result": "kr1"
        },
        {
          "id": "u2",
          "title": "Översätt webbplatsen till tyska"
        }
      ]
    },
    {
      "id": "o2",
      "title": "Gör våra kunder glada",
      "kind": "aspirational",
      "quarter": "2026-Q4",
      "status": "active",
      "created": "2026-10-01T08:00:00Z",
      "updated": "2026-11-16T09:30:00Z",
      "key_results": [
        {
          "id": "kr4",
          "title": "Öka kundlojalitet till 98 %",
          "measure": {
            "type": "at_least",
            "level": 98.0,
            "current": 98.5,
            "unit": "%"
          },
          "weight": 1.0,
          "confidence": 4,
          "history": []
        }
      ],
      "initiatives": []
    },
    {
      "id": "o3",
      "title": "Spara ihop till ett buffertkonto",
      "kind": "economic",
      "quarter": "2026-Q3",
      "status": "carried_over",
      "score": 0.6,
      "retro": {
        "went_well": "Automatisk överföring varje månad",
        "to_change": "Färre impulsköp"
      },
      "created": "2026-07-01T08:00:00Z",
      "updated": "2026-09-30T17:00:00Z",
      "key_results": [
        {
          "id": "kr5",
          "title": "Sluta lägga pengar på onödiga utgifter",
          "measure": {
            "type": "at_most",
            "level": 2000.0,
            "current": 2500.0,
            "unit": "kr"
          },
          "weight": 1.0,
          "confidence": 3,
          "history": []
        }
      ],
      "initiatives": []
    }
  ],
  "checkins": [
    {
      "week": "2026-W47",
      "date": "2026-11-16",
      "entries": [
        {
          "key_result": "kr1",
          "value": 12.5,
          "confidence": 7,
          "note": "Två nya kunder"
        }
      ],
      "wins": "Första kunden i Tyskland",
      "blockers": "Offertmallen är på svenska",
      "next_steps": "Översätt mallen",
      "pulse": {
        "structure": 4,
        "safety": 5,
        "meaning": 4,
        "dependability": 3,
        "impact": 4
      }
    }
  ],
  "from_a_newer_okr": {
    "keep": "me"
  }
}
"#;

/// The fixture as a team: Anna owns o1, Bo owns o2. Anna checked in in
/// 2026-W47 (kr1 from 6 to 12,5, a blocker, a next step, a pulse of 4),
/// and in 2026-W46 (a pulse of 3); Bo did not.
pub fn team_week() -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    v["version"] = serde_json::json!(2);
    v["objectives"][0]["owner"] = serde_json::json!("Anna");
    v["objectives"][1]["owner"] = serde_json::json!("Bo");
    // kr1 was 6 on 9 November, before the week, and 12,5 in it.
    v["objectives"][0]["key_results"][0]["history"] = serde_json::json!([
        {"date": "2026-11-09", "value": 6.0},
        {"date": "2026-11-16", "value": 12.5, "confidence": 7}
    ]);
    let pulse = |n: u8| serde_json::json!({"structure": n, "safety": n, "meaning": n, "dependability": n, "impact": n});
    v["checkins"] = serde_json::json!([
        {"week": "2026-W46", "date": "2026-11-09", "owner": "Anna", "entries": [], "pulse": pulse(3)},
        {"week": "2026-W47", "date": "2026-11-16", "owner": "Anna",
         "entries": [{"key_result": "kr1", "value": 12.5, "confidence": 7}],
         "blockers": "- Offertmallen är på svenska",
         "next_steps": "- Översätt mallen\n- Ring <b>Bo</b>",
         "pulse": pulse(4)}
    ]);
    v
}

/// A team whose year starts in July (today, 2026-11-24, is in FY2027 Q2):
/// a year's Mål (o1), a Mål spanning FY2027 Q2–Q3 aligned under it (o2,
/// Anna's, with a check-in in 2026-W47), a Mål of FY2027 Q2 (o3) and one of
/// the quarter before, reviewed (o4).
pub fn fiscal() -> serde_json::Value {
    let created = "2026-07-01T08:00:00Z";
    let kr = |id: &str, title: &str, measure: serde_json::Value| {
        serde_json::json!({"id": id, "title": title, "measure": measure,
            "weight": 1.0, "confidence": 6, "history": []})
    };
    let numeric = |start: f64, target: f64, current: f64, unit: &str| {
        serde_json::json!({"type": "numeric", "start": start, "target": target,
            "current": current, "unit": unit})
    };
    let objective = |id: &str, title: &str, kind: &str, quarter: &str| {
        serde_json::json!({"id": id, "title": title, "kind": kind, "quarter": quarter,
            "status": "active", "created": created, "updated": created,
            "key_results": [], "initiatives": []})
    };
    let mut o1 = objective("o1", "Väx i Europa", "committed", "2027");
    o1["key_results"] =
        serde_json::json!([kr("kr1", "Omsättning", numeric(0.0, 100.0, 20.0, "MSEK"))]);
    let mut o2 = objective("o2", "Öppna kontoret i Berlin", "aspirational", "2027-Q2");
    o2["until"] = serde_json::json!("2027-Q3");
    o2["parent"] = serde_json::json!("o1");
    o2["owner"] = serde_json::json!("Anna");
    let mut hire = kr("kr2", "Anställ säljare", numeric(0.0, 4.0, 1.0, "st"));
    hire["history"] = serde_json::json!([
        {"date": "2026-11-16", "value": 1.0, "confidence": 7, "note": "Första anställd"}
    ]);
    o2["key_results"] = serde_json::json!([
        hire,
        kr(
            "kr3",
            "Hyreskontrakt påskrivet",
            serde_json::json!({"type": "done", "done": false})
        )
    ]);
    let mut o3 = objective("o3", "Nöjda kunder", "committed", "2027-Q2");
    o3["key_results"] = serde_json::json!([kr(
        "kr4",
        "NPS",
        serde_json::json!({"type": "at_least", "level": 40.0, "current": 45.0, "unit": "poäng"})
    )]);
    let mut o4 = objective("o4", "Sommarens mål", "personal", "2027-Q1");
    o4["status"] = serde_json::json!("achieved");
    o4["score"] = serde_json::json!(0.8);
    o4["key_results"] = serde_json::json!([kr(
        "kr5",
        "Semester",
        serde_json::json!({"type": "done", "done": true})
    )]);
    serde_json::json!({
        "version": 3,
        "settings": {"language": "sv", "checkin_weekday": "monday", "fiscal_year_start": 7},
        "objectives": [o1, o2, o3, o4],
        "checkins": [{"week": "2026-W47", "date": "2026-11-16", "entries": [
            {"key_result": "kr2", "value": 1.0, "confidence": 7, "note": "Första anställd"}
        ]}]
    })
}
