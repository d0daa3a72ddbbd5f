//! The English words of a user's own keys (see [`KeyWords`]).

use crate::i18n::KeyWords;
use crate::keys::Context;

pub(super) const KEYS: KeyWords = KeyWords {
    e_not_object: "\"keys\" must be a table of actions and their keys, like [keys] undo = [\"ctrl-z\", \"u\"]",
    e_unknown: |e| format!("\"keys\" names {e}, which is no action okr knows"),
    e_not_here: |a, c| format!("{a} has no key in {c}"),
    e_not_keys: |e| {
        format!("{e} must be a key or a list of keys, like \"ctrl-z\" or [\"ctrl-z\", \"u\"]")
    },
    e_bad_key: |k, e| {
        format!(
            "{k} for {e} is not a key okr can read: write keys like ctrl-z, alt-x, up, pgdn, f1, enter, esc, space, J or ?"
        )
    },
    e_fixed: |a| format!("the keys of {a} are what it does and cannot be changed"),
    e_fixed_key: |k, a| {
        format!("{k} keeps its meaning (Esc, F1 and Ctrl-C always do) and cannot be bound to {a}")
    },
    e_typed: |k, a, c| {
        format!(
            "{k} is typed as text in {c}, so it cannot be {a} there: take a key with ctrl- or alt-"
        )
    },
    e_conflict: |k, a, b, c| {
        format!("{k} would be both {a} and {b} in {c}: give one of them another key")
    },
    e_fix: "correct or remove that line; without it, okr keys lists every action and its keys",
    context: |c| match c {
        Context::Quarter => "the quarter view (objectives)",
        Context::QuarterKeyResults => "the quarter view (key results)",
        Context::DetailKeyResults => "an objective's detail (key results)",
        Context::DetailInitiatives => "an objective's detail (initiatives)",
        Context::Review => "the quarter review",
        Context::Overview => "the overview",
        Context::Help => "the help",
        Context::Confirm => "a delete question",
        Context::Carry => "the carry dialog",
        Context::Form => "a form",
        Context::CheckInWalk => "the check-in's key results",
        Context::CheckInReflect => "the check-in's wins, blockers and next steps",
        Context::Pulse => "the team pulse",
        Context::Summary => "the check-in's summary",
        Context::TextField => "a text field",
        Context::NumberField => "a number field",
        Context::ChoiceField => "a choice field",
        Context::AreaField => "a text box",
        Context::TooSmall => "a window too small",
        Context::KeyResultView => "a key result's view",
        Context::Search => "the search",
        Context::Conflicts => "the conflicts screen",
        Context::PastCheckIns => "the past check-ins",
        Context::PastCheckIn => "a past check-in",
        Context::LastWeek => "last week's plans",
        Context::CheckInToo => "the question whether to correct the check-in too",
    },
};
