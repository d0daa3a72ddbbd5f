//! A key result's history after the fact: correcting an entry (its value,
//! confidence and note) or deleting one. The current value and confidence
//! follow the latest entry by date, as [`KeyResult::record`] keeps them.

use super::objective::{HistoryEntry, KeyResult};

impl KeyResult {
    /// Corrects the entry at `index`: its value, confidence and note. Its
    /// date and the fields this version does not know stay. When it is the
    /// latest entry, the current value and confidence follow it. False when
    /// there is no such entry.
    pub fn correct_entry(
        &mut self,
        index: usize,
        value: f64,
        confidence: u8,
        note: String,
    ) -> bool {
        // A done / not-done value is 1 or 0, as the measure keeps it.
        let mut measure = self.measure.clone();
        measure.set_current(value);
        let value = measure.current();
        let Some(h) = self.history.get_mut(index) else {
            return false;
        };
        h.value = value;
        h.confidence = Some(confidence);
        h.note = note;
        if index + 1 == self.history.len() {
            self.follow_latest();
        }
        true
    }

    /// Deletes the entry at `index`. When it was the latest, the current
    /// value and confidence follow the entry before it (with none left, they
    /// stay as they are).
    pub fn delete_entry(&mut self, index: usize) -> Option<HistoryEntry> {
        if index >= self.history.len() {
            return None;
        }
        let entry = self.history.remove(index);
        if index == self.history.len() {
            self.follow_latest();
        }
        Some(entry)
    }

    fn follow_latest(&mut self) {
        if let Some(h) = self.history.last() {
            self.measure.set_current(h.value);
            if let Some(c) = h.confidence {
                self.confidence = c;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::model::{KeyResult, Measure};

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn sales() -> KeyResult {
        let mut k = KeyResult::new(
            "kr1".into(),
            "Sälj".into(),
            Measure::numeric(0.0, 100.0, ""),
        );
        k.record(d(2), 10.0, Some(5), "start".into(), None);
        k.record(d(9), 20.0, Some(6), String::new(), None);
        k.record(d(16), 30.0, Some(7), String::new(), None);
        k
    }

    #[test]
    fn correcting_the_latest_entry_moves_the_current_value_an_earlier_one_does_not() {
        let mut k = sales();
        k.history[0].extra.insert("by".into(), "anna".into());
        assert!(k.correct_entry(0, 12.0, 4, "rättat".into()));
        assert_eq!(k.history[0].value, 12.0);
        assert_eq!(k.history[0].note, "rättat");
        assert_eq!(k.history[0].extra["by"], "anna", "unknown fields stay");
        assert_eq!(k.history[0].date, d(2), "the date stays");
        assert_eq!(k.measure.current(), 30.0);
        assert_eq!(k.confidence, 7);
        assert!(k.correct_entry(2, 35.0, 8, String::new()));
        assert_eq!(k.measure.current(), 35.0);
        assert_eq!(k.confidence, 8);
        assert!(!k.correct_entry(3, 1.0, 1, String::new()));
    }

    #[test]
    fn deleting_the_latest_entry_goes_back_to_the_one_before() {
        let mut k = sales();
        assert_eq!(k.delete_entry(0).map(|e| e.value), Some(10.0));
        assert_eq!(k.measure.current(), 30.0);
        assert_eq!(k.delete_entry(1).map(|e| e.value), Some(30.0));
        assert_eq!(k.measure.current(), 20.0);
        assert_eq!(k.confidence, 6);
        assert!(k.delete_entry(5).is_none());
        k.delete_entry(0);
        assert!(k.history.is_empty());
        assert_eq!(k.measure.current(), 20.0, "with none left the value stays");
    }
}
