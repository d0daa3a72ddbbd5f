//! The commit message of `okr sync`: one line of at most [`MAX`]
//! characters saying what changed in the data file since the last commit,
//! read through okr's own model ([`crate::model::changes`]), in the
//! language okr speaks: `okr: Anna checked in 2027-W05; 3 values, 1 new
//! objective`.

use crate::i18n::Strings;
use crate::model::Data;
use crate::model::changes::{self, Changes};

/// The longest commit message, in characters.
pub const MAX: usize = 72;

/// How many names and weeks a message lists before it counts the rest.
const LISTED: usize = 2;

/// The message for a commit of `after` over `before` (`None`: the last
/// commit's version cannot be read); `me` names who made changes the file
/// does not say whose they are; `name` is the data file's.
pub fn commit_message(
    before: Option<&Data>,
    after: &Data,
    me: Option<&str>,
    name: &str,
    s: &Strings,
) -> String {
    let w = &s.sync;
    let Some(before) = before else {
        return fit(format!("okr: {}", (w.updated)(name)));
    };
    let c = changes::between(before, after);
    if c.is_empty() {
        return fit(format!("okr: {}", (w.updated)(name)));
    }
    let parts = parts(&c, s);
    let whose = |names: &[String]| who(names, s);
    let head = if c.checked_in.is_empty() {
        let mut by = c.by.clone();
        if by.is_empty() {
            by.extend(me.map(str::to_string));
        }
        if by.is_empty() {
            parts.join(", ")
        } else {
            (w.by)(&parts.join(", "), &whose(&by))
        }
    } else {
        let mut names: Vec<String> = Vec::new();
        for owner in c.checked_in.iter().filter_map(|(o, _)| o.as_ref()) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(owner)) {
                names.push(owner.clone());
            }
        }
        let mut weeks: Vec<String> = Vec::new();
        for (_, week) in &c.checked_in {
            let week = week.to_string();
            if !weeks.contains(&week) {
                weeks.push(week);
            }
        }
        weeks.sort();
        let weeks = match weeks.len() {
            n if n > LISTED => format!("{}…{}", weeks[0], weeks[n - 1]),
            _ => weeks.join(", "),
        };
        let checked = if c.checked_in.iter().all(|(owner, _)| owner.is_none()) {
            (w.checkin_of)(&weeks)
        } else {
            (w.checked_in)(&whose(&names), &weeks)
        };
        if parts.is_empty() {
            checked
        } else {
            format!("{checked}; {}", parts.join(", "))
        }
    };
    fit(format!("okr: {head}"))
}

/// The counted parts of the changes, most telling first.
fn parts(c: &Changes, s: &Strings) -> Vec<String> {
    let w = &s.sync;
    let counts = [
        (c.values, w.values),
        (c.new_objectives, w.new_objectives),
        (c.removed_objectives, w.removed_objectives),
        (c.new_key_results, w.new_key_results),
        (c.removed_key_results, w.removed_key_results),
        (c.changed_objectives, w.changed_objectives),
        (c.resolved, w.resolved),
    ];
    let mut out: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, say)| say(*n))
        .collect();
    if c.settings {
        out.push(w.settings.to_string());
    }
    out
}

/// Names as a message lists them: `Anna`, `Anna and Bo`, `Anna and 2 more`.
fn who(names: &[String], s: &Strings) -> String {
    let names: Vec<String> = names.iter().map(|n| crate::text::line(n)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {} {b}", s.sync.and),
        [first, rest @ ..] => (s.sync.and_more)(first, rest.len()),
    }
}

/// The message on one line of at most [`MAX`] characters: what does not
/// fit is cut at a word and marked `…`.
fn fit(message: String) -> String {
    let line = crate::text::line(&message).replace(['\n', '\r'], " ");
    if line.chars().count() <= MAX {
        return line;
    }
    let mut kept = String::new();
    for word in line.split(' ') {
        let next = if kept.is_empty() {
            word.to_string()
        } else {
            format!("{kept} {word}")
        };
        if next.chars().count() + 1 > MAX {
            break;
        }
        kept = next;
    }
    // A word too long to cut at: cut inside it.
    if kept.chars().count() < MAX / 2 {
        kept = line.chars().take(MAX - 1).collect();
    }
    let kept = kept.trim_end_matches([',', ';', ' ']);
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, SV};
    use crate::model::{CheckIn, KeyResult, Kind, Measure, Objective, Quarter};

    fn objective(id: &str, krs: &[&str]) -> Objective {
        let q = Quarter::new(2027, 1).unwrap();
        let mut o = Objective::new(
            id.into(),
            id.into(),
            Kind::Committed,
            q,
            crate::model::now(),
        );
        for kr in krs {
            let m = Measure::numeric(0.0, 10.0, "");
            o.key_results
                .push(KeyResult::new((*kr).into(), (*kr).into(), m));
        }
        o
    }

    #[test]
    fn a_check_in_reads_as_who_checked_in_which_week_and_what_changed() {
        let mut before = Data::default();
        before
            .objectives
            .push(objective("o1", &["kr1", "kr2", "kr3"]).into());
        let mut after = before.clone();
        let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let o = std::sync::Arc::make_mut(&mut after.objectives[0]);
        for kr in &mut o.key_results {
            kr.record(day, 4.0, Some(7), String::new(), None);
            kr.history.iter_mut().for_each(|h| h.by = None);
        }
        o.updated_by = None;
        after.objectives.push(objective("o2", &[]).into());
        after.checkins.push(CheckIn::of(day, Some("Anna")).into());
        assert_eq!(
            commit_message(Some(&before), &after, None, "okr.json", &EN),
            "okr: Anna checked in 2027-W05; 3 values, 1 new objective"
        );
        assert_eq!(
            commit_message(Some(&before), &after, None, "okr.json", &SV),
            "okr: Anna checkade in 2027-W05; 3 värden, 1 nytt mål"
        );
        // Without a check-in, whose the values are; without a name, mine.
        after.checkins.clear();
        assert_eq!(
            commit_message(Some(&before), &after, Some("Bo"), "okr.json", &EN),
            "okr: 3 values, 1 new objective (Bo)"
        );
        assert_eq!(
            commit_message(None, &after, None, "okr.json", &SV),
            "okr: okr.json uppdaterad"
        );
    }

    #[test]
    fn a_long_message_is_cut_at_a_word_within_the_limit() {
        let long = format!("okr: {}", "Anna checked in ".repeat(10));
        let cut = fit(long);
        assert!(cut.chars().count() <= MAX, "{cut}");
        assert!(cut.ends_with('…') && cut.starts_with("okr: Anna"), "{cut}");
        let one = fit(format!("okr: {}", "x".repeat(100)));
        assert_eq!(one.chars().count(), MAX);
        assert_eq!(fit("okr: 1 value".into()), "okr: 1 value");
    }
}
