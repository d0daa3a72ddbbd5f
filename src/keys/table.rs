//! The default key table: which keys do what, and where. One row a binding;
//! the groups of contexts below name the places rows share.

use super::{Action, Context, Contexts, Key};

use Context as C;

/// The screens (not an overlay, a form or the check-in).
pub const SCREENS: Contexts = Contexts::of(&[
    C::Quarter,
    C::QuarterKeyResults,
    C::DetailKeyResults,
    C::DetailInitiatives,
    C::Review,
    C::Overview,
    C::KeyResultView,
]);
/// Screens where Mål, key results and Uppgifter are edited.
const EDITING: Contexts = Contexts::of(&[
    C::Quarter,
    C::QuarterKeyResults,
    C::DetailKeyResults,
    C::DetailInitiatives,
]);
const QUARTER: Contexts = Contexts::of(&[C::Quarter, C::QuarterKeyResults]);
/// The past check-ins: the weeks, and one week in full.
const PAST: Contexts = Contexts::of(&[C::PastCheckIns, C::PastCheckIn]);
const KEY_RESULTS: Contexts =
    Contexts::of(&[C::QuarterKeyResults, C::DetailKeyResults, C::KeyResultView]);
/// Where a search's next and previous match are found.
const MATCHES: Contexts = EDITING.and(&[C::KeyResultView]);
/// Lists that move with j/k: the screens, the help, the carry dialog and the pulse.
const LISTS: Contexts = SCREENS.and(&[
    C::Help,
    C::Carry,
    C::Pulse,
    C::Conflicts,
    C::PastCheckIns,
    C::PastCheckIn,
]);
/// Where nothing is typed, so `?` and `q` are free.
const NOT_TYPING: Contexts = SCREENS.and(&[
    C::Conflicts,
    C::Confirm,
    C::CheckInToo,
    C::Carry,
    C::Pulse,
    C::Summary,
    C::NumberField,
    C::ChoiceField,
    C::PastCheckIns,
    C::PastCheckIn,
]);
/// Where `q` quits: not in a question or a form.
/// (Not over the help either: it may stand over a form that is not saved.)
const QUITTING: Contexts = SCREENS.and(&[
    C::Pulse,
    C::Summary,
    C::TooSmall,
    C::Conflicts,
    C::PastCheckIns,
    C::PastCheckIn,
]);
/// Fields whose keys are typed into: ? is a character there, F1 is the help.
const TYPING: Contexts = Contexts::of(&[C::TextField, C::AreaField, C::Search]);
/// One-line fields: ↑/↓ move between fields.
const LINE_FIELDS: Contexts = Contexts::of(&[C::TextField, C::NumberField, C::ChoiceField]);
/// Forms that move between fields with Tab.
const FORMS: Contexts = Contexts::of(&[C::Form, C::CheckInWalk, C::CheckInReflect]);

use Key as K;

/// The default key table, innermost modes last.
pub(super) const DEFAULTS: &[(&[Key], Action, Contexts, bool)] = &[
    (&[K::Down, K::Char('j')], Action::Down, LISTS, false),
    (&[K::Up, K::Char('k')], Action::Up, LISTS, false),
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[
            C::Quarter,
            C::QuarterKeyResults,
            C::DetailKeyResults,
            C::Overview,
        ]),
        true,
    ),
    (
        &[K::Enter, K::Char('e')],
        Action::Edit,
        Contexts::of(&[C::Review]),
        true,
    ),
    // In the detail, Enter opens the selected Uppgift in its form.
    (
        &[K::Enter],
        Action::Edit,
        Contexts::of(&[C::DetailInitiatives]),
        false,
    ),
    (&[K::Tab], Action::NextPane, EDITING, true),
    (&[K::BackTab], Action::PrevPane, EDITING, false),
    (
        &[K::Char('[')],
        Action::PrevQuarter,
        QUARTER.and(&[C::PastCheckIns]),
        false,
    ),
    (
        &[K::Char(']')],
        Action::NextQuarter,
        QUARTER.and(&[C::PastCheckIns]),
        false,
    ),
    (&[K::Char('t')], Action::Today, QUARTER, false),
    (&[K::Char('a')], Action::Add, EDITING, true),
    (
        &[K::Char('A')],
        Action::AddAligned,
        Contexts::of(&[C::Quarter]),
        false,
    ),
    (
        &[K::Space],
        Action::Fold,
        Contexts::of(&[C::Quarter]),
        false,
    ),
    (&[K::Char('e')], Action::Edit, EDITING, true),
    (&[K::Char('d')], Action::Delete, EDITING, false),
    // A key result's view: its history entries are corrected and deleted.
    (
        &[K::Char('e')],
        Action::CorrectEntry,
        Contexts::of(&[C::KeyResultView]),
        true,
    ),
    (
        &[K::Char('d')],
        Action::DeleteEntry,
        Contexts::of(&[C::KeyResultView]),
        true,
    ),
    (&[K::Char('J')], Action::MoveDown, EDITING, false),
    (&[K::Char('K')], Action::MoveUp, EDITING, false),
    (&[K::Char('/')], Action::Search, SCREENS, true),
    (&[K::Char('n')], Action::NextMatch, MATCHES, false),
    (&[K::Char('N')], Action::PrevMatch, MATCHES, false),
    // The search line: ↑/↓ pick a match (letters are typed), Enter goes there.
    (&[K::Down], Action::Down, Contexts::of(&[C::Search]), false),
    (&[K::Up], Action::Up, Contexts::of(&[C::Search]), false),
    (&[K::Enter], Action::Jump, Contexts::of(&[C::Search]), true),
    (
        &[
            K::Left,
            K::Right,
            K::Home,
            K::End,
            K::Backspace,
            K::Delete,
            K::Ctrl('u'),
        ],
        Action::EditText,
        Contexts::of(&[C::Search]),
        false,
    ),
    (&[K::Char('v')], Action::SetValue, KEY_RESULTS, true),
    (&[K::Char('+')], Action::StepUp, KEY_RESULTS, false),
    (&[K::Char('-')], Action::StepDown, KEY_RESULTS, false),
    (
        &[K::Char('x'), K::Space],
        Action::Toggle,
        Contexts::of(&[C::DetailInitiatives]),
        true,
    ),
    (&[K::Char('c')], Action::CheckIn, SCREENS, true),
    (&[K::Char('r')], Action::Review, QUARTER, true),
    (&[K::Char('w')], Action::PastCheckIns, QUARTER, false),
    // The past check-ins: a week opens in full; c checks in for a missed one.
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[C::PastCheckIns]),
        true,
    ),
    (
        &[K::Char('c')],
        Action::CheckIn,
        Contexts::of(&[C::PastCheckIns]),
        true,
    ),
    (&[K::Esc], Action::Back, PAST, true),
    (
        &[K::Char('n')],
        Action::PlanNext,
        Contexts::of(&[C::Review]),
        true,
    ),
    (&[K::Char('o')], Action::Overview, SCREENS, true),
    (&[K::Char('S')], Action::Settings, SCREENS, false),
    (
        &[K::Char('f')],
        Action::Filter,
        Contexts::of(&[C::Quarter, C::QuarterKeyResults, C::Review, C::Overview]),
        false,
    ),
    (&[K::Char('u')], Action::Undo, SCREENS, true),
    (&[K::Ctrl('r')], Action::Redo, SCREENS, false),
    (&[K::Esc], Action::Back, SCREENS, false),
    // The conflicts a merge left: keep ours or take theirs, one at a time.
    (&[K::Char('!')], Action::Conflicts, QUARTER, false),
    (
        &[K::Char('o')],
        Action::KeepOurs,
        Contexts::of(&[C::Conflicts]),
        true,
    ),
    (
        &[K::Char('t')],
        Action::TakeTheirs,
        Contexts::of(&[C::Conflicts]),
        true,
    ),
    (
        &[K::Char('b')],
        Action::KeepBoth,
        Contexts::of(&[C::Conflicts]),
        false,
    ),
    (
        &[K::Char('u')],
        Action::Undo,
        Contexts::of(&[C::Conflicts]),
        false,
    ),
    (
        &[K::Ctrl('r')],
        Action::Redo,
        Contexts::of(&[C::Conflicts]),
        false,
    ),
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[C::Conflicts]),
        false,
    ),
    (&[K::Esc], Action::Back, Contexts::of(&[C::Conflicts]), true),
    // Forms.
    (
        &[K::Enter, K::Ctrl('s')],
        Action::Save,
        Contexts::of(&[C::Form]),
        true,
    ),
    (
        &[K::Esc],
        Action::Cancel,
        Contexts::of(&[C::Form, C::Carry, C::Search]),
        true,
    ),
    (&[K::Down], Action::NextField, LINE_FIELDS, false),
    (&[K::Up], Action::PrevField, LINE_FIELDS, false),
    (
        &[K::Right, K::Char('l'), K::Space],
        Action::NextChoice,
        Contexts::of(&[C::ChoiceField]),
        true,
    ),
    (
        &[K::Left, K::Char('h')],
        Action::PrevChoice,
        Contexts::of(&[C::ChoiceField]),
        false,
    ),
    (
        &[
            K::Left,
            K::Right,
            K::Home,
            K::End,
            K::Backspace,
            K::Delete,
            K::Ctrl('u'),
        ],
        Action::EditText,
        Contexts::of(&[C::TextField, C::NumberField]),
        false,
    ),
    (
        &[
            K::Up,
            K::Down,
            K::Left,
            K::Right,
            K::Home,
            K::End,
            K::Backspace,
            K::Delete,
        ],
        Action::EditText,
        Contexts::of(&[C::AreaField]),
        false,
    ),
    (
        &[K::Enter],
        Action::NewLine,
        Contexts::of(&[C::AreaField]),
        true,
    ),
    // The delete question.
    (
        &[K::Char('y'), K::Char('Y')],
        Action::Yes,
        Contexts::of(&[C::Confirm]),
        true,
    ),
    (
        &[K::Char('n'), K::Char('N'), K::Esc],
        Action::No,
        Contexts::of(&[C::Confirm]),
        true,
    ),
    // A corrected entry: its week's check-in too, or the entry only.
    (
        &[K::Char('y'), K::Char('Y')],
        Action::CorrectCheckIn,
        Contexts::of(&[C::CheckInToo]),
        true,
    ),
    (
        &[K::Char('n'), K::Char('N')],
        Action::EntryOnly,
        Contexts::of(&[C::CheckInToo]),
        true,
    ),
    (
        &[K::Esc],
        Action::Cancel,
        Contexts::of(&[C::CheckInToo]),
        true,
    ),
    // The carry dialog.
    (
        &[K::Space, K::Char('x')],
        Action::Pick,
        Contexts::of(&[C::Carry]),
        true,
    ),
    (
        &[K::Enter],
        Action::CarryOver,
        Contexts::of(&[C::Carry]),
        true,
    ),
    // The check-in.
    (
        &[K::Enter, K::Ctrl('s')],
        Action::NextStep,
        Contexts::of(&[C::CheckInWalk]),
        true,
    ),
    (
        &[K::Ctrl('s')],
        Action::GoOn,
        Contexts::of(&[C::CheckInReflect]),
        true,
    ),
    // Last week's plans, beside this week's words.
    (
        &[K::Ctrl('n')],
        Action::NextPlan,
        Contexts::of(&[C::LastWeek]),
        false,
    ),
    (
        &[K::Ctrl('p')],
        Action::PrevPlan,
        Contexts::of(&[C::LastWeek]),
        false,
    ),
    (
        &[K::Ctrl('t')],
        Action::CarryPlan,
        Contexts::of(&[C::LastWeek]),
        true,
    ),
    (
        &[K::Ctrl('d')],
        Action::PlanDone,
        Contexts::of(&[C::LastWeek]),
        true,
    ),
    (
        &[K::Esc],
        Action::SaveAndLeave,
        Contexts::of(&[C::CheckInWalk, C::CheckInReflect]),
        true,
    ),
    (
        &[K::Ctrl('k')],
        Action::SkipKeyResult,
        Contexts::of(&[C::CheckInWalk]),
        true,
    ),
    (
        &[K::Range('1', '5')],
        Action::Rate,
        Contexts::of(&[C::Pulse]),
        true,
    ),
    (&[K::Tab], Action::Down, Contexts::of(&[C::Pulse]), false),
    (&[K::BackTab], Action::Up, Contexts::of(&[C::Pulse]), false),
    (&[K::Enter], Action::Save, Contexts::of(&[C::Pulse]), true),
    (
        &[K::Char('s')],
        Action::Skip,
        Contexts::of(&[C::Pulse]),
        true,
    ),
    (&[K::Esc], Action::Leave, Contexts::of(&[C::Pulse]), true),
    (
        &[K::Enter, K::Esc],
        Action::Back,
        Contexts::of(&[C::Summary]),
        true,
    ),
    (
        &[K::Char('p')],
        Action::Pulse,
        Contexts::of(&[C::Summary]),
        true,
    ),
    (&[K::Tab], Action::NextField, FORMS, true),
    (&[K::BackTab], Action::PrevField, FORMS, false),
    // The help, everywhere: ? where nothing is typed, F1 in every mode.
    (
        &[K::Esc, K::Char('?'), K::F(1)],
        Action::CloseHelp,
        Contexts::of(&[C::Help]),
        true,
    ),
    (&[K::Char('?'), K::F(1)], Action::Help, NOT_TYPING, true),
    (&[K::F(1)], Action::Help, TYPING, true),
    (&[K::Char('q'), K::Ctrl('c')], Action::Quit, QUITTING, true),
];
