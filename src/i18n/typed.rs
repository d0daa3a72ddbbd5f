//! Words a user types (in a spreadsheet to import, on `okr update`'s
//! command line), read in either language: the file's own name, both
//! tables' names, and the Swedish names used before the glossary (so a
//! sheet made with an older okr still reads).

use super::{EN, SV, Strings};
use crate::model::Lang;
use crate::model::number::NumberError;
use crate::model::{Kind, MeasureKind, Status};
use crate::text::quoted;

/// Folds case and the spaces, hyphens and underscores between words, so
/// "Inte klart", "inte-klart" and "carried_over" all compare as written.
fn fold(t: &str) -> String {
    t.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Done or not done: yes and no words, and the UI's own "klar / inte klar".
pub fn done_value(t: &str) -> Option<bool> {
    match fold(t).as_str() {
        "1" | "done" | "yes" | "y" | "true" | "ja" | "j" | "klar" | "klart" => Some(true),
        "0" | "no" | "n" | "not done" | "false" | "nej" | "inte klar" | "inte klart"
        | "ej klar" | "ej klart" => Some(false),
        _ => None,
    }
}

/// An Uppgift done or open: the done words, and "open / öppen".
pub fn initiative_value(t: &str) -> Option<bool> {
    match fold(t).as_str() {
        "open" | "öppen" | "öppet" | "ofärdig" => Some(false),
        _ => done_value(t),
    }
}

/// A Mål's status: the file's word (`carried_over`), either table's name,
/// or an older Swedish name ("aktiv", "flyttat vidare", "fört vidare").
pub fn status(t: &str) -> Option<Status> {
    let t = fold(t);
    let old = [
        ("aktiv", Status::Active),
        ("flyttat vidare", Status::CarriedOver),
        ("fört vidare", Status::CarriedOver),
    ];
    if let Some((_, s)) = old.iter().find(|(w, _)| *w == t) {
        return Some(*s);
    }
    [
        Status::Active,
        Status::Achieved,
        Status::Dropped,
        Status::CarriedOver,
    ]
    .into_iter()
    .find(|s| {
        let file = serde_json::to_value(s)
            .ok()
            .and_then(|v| v.as_str().map(fold));
        file.as_deref() == Some(t.as_str()) || fold(SV.status(*s)) == t || fold(EN.status(*s)) == t
    })
}

/// A key result's kind of measure: the file's word (`at_least`), a short
/// word in either language, either table's form label, or an older label.
pub fn measure_type(t: &str) -> Option<MeasureKind> {
    let t = fold(t);
    let words = [
        ("numeric", MeasureKind::Numeric),
        ("number", MeasureKind::Numeric),
        ("tal", MeasureKind::Numeric),
        ("siffra", MeasureKind::Numeric),
        ("siffra (start → mål)", MeasureKind::Numeric),
        ("done", MeasureKind::Done),
        ("klart", MeasureKind::Done),
        ("klar", MeasureKind::Done),
        ("klart/inte klart", MeasureKind::Done),
        ("klar/inte klar", MeasureKind::Done),
        ("at least", MeasureKind::AtLeast),
        ("minst", MeasureKind::AtLeast),
        ("håll minst", MeasureKind::AtLeast),
        ("at most", MeasureKind::AtMost),
        ("högst", MeasureKind::AtMost),
        ("håll högst", MeasureKind::AtMost),
    ];
    if let Some((_, k)) = words.iter().find(|(w, _)| *w == t) {
        return Some(*k);
    }
    MeasureKind::ALL
        .into_iter()
        .find(|k| fold(SV.measure_type(*k)) == t || fold(EN.measure_type(*k)) == t)
}

/// A Mål's kind in either language's words (or as the file writes it).
pub fn kind(t: &str) -> Option<Kind> {
    let t = fold(t);
    Kind::ALL
        .into_iter()
        .find(|k| fold(SV.kind(*k)) == t || fold(EN.kind(*k)) == t)
}

impl Strings {
    /// A number typed on the command line or in a sheet that was refused:
    /// what was typed, quoted, why, and how the language writes numbers.
    pub fn number_refused(&self, typed: &str, why: NumberError, lang: Lang) -> String {
        match why {
            NumberError::Empty | NumberError::NotANumber => {
                (self.e_not_number)(&quoted(typed), &self.number_examples(lang))
            }
            _ => (self.e_number_refused)(&quoted(typed), &self.number_advice(why, lang, "; ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_statuses_old_and_new_read() {
        for (w, s) in [
            ("aktivt", Status::Active),
            ("Aktiv", Status::Active),
            ("uppnått", Status::Achieved),
            ("avbrutet", Status::Dropped),
            ("överflyttat", Status::CarriedOver),
            ("flyttat vidare", Status::CarriedOver),
            ("carried_over", Status::CarriedOver),
            ("achieved", Status::Achieved),
        ] {
            assert_eq!(status(w), Some(s), "{w}");
        }
        assert_eq!(status("klar"), None);
    }

    #[test]
    fn swedish_measure_types_read() {
        for (w, k) in [
            ("tal", MeasureKind::Numeric),
            ("Tal (start → målvärde)", MeasureKind::Numeric),
            ("klart/inte klart", MeasureKind::Done),
            ("minst", MeasureKind::AtLeast),
            ("Håll minst", MeasureKind::AtLeast),
            ("högst", MeasureKind::AtMost),
            ("at_most", MeasureKind::AtMost),
        ] {
            assert_eq!(measure_type(w), Some(k), "{w}");
        }
    }

    #[test]
    fn the_uis_done_words_read() {
        for w in ["inte klar", "Inte klart", "ej klar", "nej", "0"] {
            assert_eq!(done_value(w), Some(false), "{w}");
        }
        for w in ["klar", "klart", "ja", "j", "1"] {
            assert_eq!(done_value(w), Some(true), "{w}");
        }
        assert_eq!(initiative_value("öppen"), Some(false));
    }
}
