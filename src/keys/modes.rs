//! Every stack of layers the user can be in: a key means one thing in each.

use super::Context;

/// Every stack of layers the user can be in (innermost first), as
/// [`crate::app::App::layers`] gives them: a key means one thing in each.
pub const MODES: &[&[Context]] = &[
    &[Context::Quarter],
    &[Context::QuarterKeyResults],
    &[Context::DetailKeyResults],
    &[Context::DetailInitiatives],
    &[Context::Review],
    &[Context::Overview],
    &[Context::KeyResultView],
    &[Context::Help],
    &[Context::TooSmall],
    &[Context::Confirm],
    &[Context::CheckInToo],
    &[Context::Carry],
    &[Context::Search],
    &[Context::Conflicts],
    &[Context::PastCheckIns],
    &[Context::PastCheckIn],
    &[Context::Pulse],
    &[Context::Summary],
    &[Context::TextField, Context::Form],
    &[Context::NumberField, Context::Form],
    &[Context::ChoiceField, Context::Form],
    &[Context::AreaField, Context::Form],
    &[Context::TextField, Context::CheckInWalk],
    &[Context::NumberField, Context::CheckInWalk],
    &[Context::ChoiceField, Context::CheckInWalk],
    &[Context::AreaField, Context::CheckInWalk],
    &[Context::TextField, Context::CheckInReflect],
    &[Context::NumberField, Context::CheckInReflect],
    &[Context::ChoiceField, Context::CheckInReflect],
    &[Context::AreaField, Context::CheckInReflect],
    &[
        Context::TextField,
        Context::LastWeek,
        Context::CheckInReflect,
    ],
    &[
        Context::NumberField,
        Context::LastWeek,
        Context::CheckInReflect,
    ],
    &[
        Context::ChoiceField,
        Context::LastWeek,
        Context::CheckInReflect,
    ],
    &[
        Context::AreaField,
        Context::LastWeek,
        Context::CheckInReflect,
    ],
];
