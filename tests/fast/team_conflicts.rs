//! The conflicts screen (`!`): each conflict in the user's words and
//! formats, one shown whole, a choice that would break a rule refused with
//! the rule, and two values of one day kept with both notes.

use std::sync::Arc;

use crate::support::app::*;
use okr::app::Screen;
use okr::model::Lang;

#[test]
fn the_conflicts_screen_speaks_words_formats_values_and_says_why_a_choice_is_refused() {
    use serde_json::json;
    // A file that holds the conflicts a merge left.
    let mut data = demo();
    let (o1, o2) = (data.objectives[0].id.clone(), data.objectives[1].id.clone());
    let kr = data.objectives[0].key_results[0].id.clone();
    Arc::make_mut(&mut data.objectives[1]).parent = Some(o1.clone());
    let entry = |v: f64, note: &str| json!({"date": "2027-01-25", "value": v, "confidence": 7, "note": note});
    data.conflicts = vec![
        okr::model::Conflict::new(&kr, "measure.current", json!(4.0), json!(4.5)),
        okr::model::Conflict::new(
            &kr,
            "history.2027-01-25",
            entry(4.0, "Bra"),
            entry(5.0, "Sämre"),
        ),
        okr::model::Conflict::new(&o2, "deleted", json!(true), json!(false)),
        okr::model::Conflict::new(&o1, "parent", json!(null), json!(o2)),
    ];
    let mut h = Harness::new(Some(data), Lang::Sv);
    h.keys(&[ch('!')]);
    let text = screen(&h.app, 110, 30);
    for want in [
        "· nuvarande värde",
        "Vårt: 4 ",
        "Deras: 4,5",
        "· värde den 2027-01-25",
        "Vårt: 4 · säkerhet 7 · Bra",
        "Deras: 5 · säkerhet 7 · Sämre",
        "Vi tog bort det, de ändrade det: det finns kvar",
        "· ligger under",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    // Narrow: each side cut with …, a space before the other side's name.
    let narrow = screen(&h.app, 40, 12);
    assert!(narrow.contains("… Deras:"), "{narrow}");
    // Enter shows one whole, its note on a line of its own; Esc goes back.
    h.keys(&[ch('j'), code(ENTER)]);
    let text = screen(&h.app, 110, 30);
    for want in [
        "│Vårt:",
        "│  4 · säkerhet 7",
        "│  Bra ",
        "│Deras:",
        "│  Sämre ",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    for (w, hgt) in [(40, 12), (20, 5), (1, 1)] {
        screen(&h.app, w, hgt);
    }
    h.keys(&[code(ESC)]);
    assert!(matches!(
        h.app.screen(),
        Screen::Conflicts {
            sel: 1,
            full: false
        }
    ));
    // b: our value of that day, and both notes.
    h.keys(&[ch('b')]);
    assert_eq!(h.app.data().conflicts.len(), 3);
    let said = message(&h.app);
    assert!(
        said.starts_with("Behöll vårt värde och båda anteckningarna"),
        "{said}"
    );
    let day: chrono::NaiveDate = "2027-01-25".parse().unwrap();
    let file = h.file();
    let e = file.objectives[0].key_results[0]
        .history
        .iter()
        .find(|e| e.date == day)
        .unwrap()
        .clone();
    assert_eq!((e.value, e.note.as_str()), (4.0, "Bra / Sämre"));
    // b on anything else says what it is for and changes nothing.
    h.keys(&[ch('k'), ch('b')]);
    assert!(
        message(&h.app).starts_with("b gäller två värden"),
        "{}",
        message(&h.app)
    );
    assert_eq!(h.app.data().conflicts.len(), 3);
    // Their parent would put o1 under itself: refused, said, and kept waiting.
    h.keys(&[ch('j'), ch('j'), ch('t')]);
    let said = message(&h.app);
    assert!(said.starts_with("Kan inte ta deras:"), "{said}");
    assert!(said.contains(&format!("{o1} → {o2} → {o1}")), "{said}");
    assert_eq!(h.app.data().conflicts.len(), 3, "nothing chosen");
}
