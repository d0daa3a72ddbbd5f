//! The columns an imported CSV file may have, by the names they go by in
//! either language (okr's own export uses the English ones).

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Col {
    Objective,
    ObjectiveId,
    KeyResult,
    KeyResultId,
    Initiative,
    Start,
    Target,
    Current,
    Unit,
    Owner,
    Quarter,
    /// The last quarter a Mål spans.
    Until,
    Kind,
    Why,
    MeasureType,
    Level,
    Confidence,
    Weight,
    Week,
    CheckinDate,
    Note,
    Status,
    Score,
    WentWell,
    ToChange,
    /// Worked out from the others (`progress`, `success`): not read.
    Derived,
}

/// The names a column goes by, lower-case with `_` for a space or `-`.
const NAMES: &[(&str, Col)] = &[
    ("objective", Col::Objective),
    ("mål", Col::Objective),
    ("objective_id", Col::ObjectiveId),
    ("key_result", Col::KeyResult),
    ("nyckelresultat", Col::KeyResult),
    ("key_result_id", Col::KeyResultId),
    ("initiative", Col::Initiative),
    ("uppgift", Col::Initiative),
    ("start", Col::Start),
    ("target", Col::Target),
    ("målvärde", Col::Target),
    ("current", Col::Current),
    ("nu", Col::Current),
    ("unit", Col::Unit),
    ("enhet", Col::Unit),
    ("owner", Col::Owner),
    ("ägare", Col::Owner),
    ("quarter", Col::Quarter),
    ("kvartal", Col::Quarter),
    ("until", Col::Until),
    ("till_och_med", Col::Until),
    ("kind", Col::Kind),
    ("typ", Col::Kind),
    ("why", Col::Why),
    ("varför", Col::Why),
    ("type", Col::MeasureType),
    ("level", Col::Level),
    ("nivå", Col::Level),
    ("confidence", Col::Confidence),
    ("säkerhet", Col::Confidence),
    ("weight", Col::Weight),
    ("vikt", Col::Weight),
    ("week", Col::Week),
    ("vecka", Col::Week),
    ("checkin_date", Col::CheckinDate),
    ("note", Col::Note),
    ("anteckning", Col::Note),
    ("status", Col::Status),
    ("score", Col::Score),
    ("betyg", Col::Score),
    ("went_well", Col::WentWell),
    ("to_change", Col::ToChange),
    ("progress", Col::Derived),
    ("success", Col::Derived),
    ("objective_progress", Col::Derived),
];

pub(super) fn column_of(name: &str) -> Option<Col> {
    let key: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    NAMES.iter().find(|(n, _)| *n == key).map(|(_, c)| *c)
}
