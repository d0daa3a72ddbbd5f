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

/// Where a row's hint is shown: in the footer (and the help), or only in
/// the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shown {
    pub footer: bool,
}

const FOOTER: Shown = Shown { footer: true };
const HELP_ONLY: Shown = Shown { footer: false };

/// The default key table, innermost modes last.
pub(super) const DEFAULTS: &[(&[Key], Action, Contexts, Shown)] = &[
    (&[K::Down, K::Char('j')], Action::Down, LISTS, HELP_ONLY),
    (&[K::Up, K::Char('k')], Action::Up, LISTS, HELP_ONLY),
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[
            C::Quarter,
            C::QuarterKeyResults,
            C::DetailKeyResults,
            C::Overview,
        ]),
        FOOTER,
    ),
    (
        &[K::Enter, K::Char('e')],
        Action::Edit,
        Contexts::of(&[C::Review]),
        FOOTER,
    ),
    // In the detail, Enter opens the selected Uppgift in its form.
    (
        &[K::Enter],
        Action::Edit,
        Contexts::of(&[C::DetailInitiatives]),
        HELP_ONLY,
    ),
    (&[K::Tab], Action::NextPane, EDITING, FOOTER),
    (&[K::BackTab], Action::PrevPane, EDITING, HELP_ONLY),
    (
        &[K::Char('[')],
        Action::PrevQuarter,
        QUARTER.and(&[C::PastCheckIns]),
        HELP_ONLY,
    ),
    (
        &[K::Char(']')],
        Action::NextQuarter,
        QUARTER.and(&[C::PastCheckIns]),
        HELP_ONLY,
    ),
    (&[K::Char('t')], Action::Today, QUARTER, HELP_ONLY),
    (&[K::Char('a')], Action::Add, EDITING, FOOTER),
    (
        &[K::Char('A')],
        Action::AddAligned,
        Contexts::of(&[C::Quarter]),
        HELP_ONLY,
    ),
    (
        &[K::Space],
        Action::Fold,
        Contexts::of(&[C::Quarter]),
        HELP_ONLY,
    ),
    (&[K::Char('e')], Action::Edit, EDITING, FOOTER),
    (&[K::Char('d')], Action::Delete, EDITING, HELP_ONLY),
    // A key result's view: its history entries are corrected and deleted.
    (
        &[K::Char('e')],
        Action::CorrectEntry,
        Contexts::of(&[C::KeyResultView]),
        FOOTER,
    ),
    (
        &[K::Char('d')],
        Action::DeleteEntry,
        Contexts::of(&[C::KeyResultView]),
        FOOTER,
    ),
    (&[K::Char('J')], Action::MoveDown, EDITING, HELP_ONLY),
    (&[K::Char('K')], Action::MoveUp, EDITING, HELP_ONLY),
    (&[K::Char('/')], Action::Search, SCREENS, FOOTER),
    (&[K::Char('n')], Action::NextMatch, MATCHES, HELP_ONLY),
    (&[K::Char('N')], Action::PrevMatch, MATCHES, HELP_ONLY),
    // The search line: ↑/↓ pick a match (letters are typed), Enter goes there.
    (
        &[K::Down],
        Action::Down,
        Contexts::of(&[C::Search]),
        HELP_ONLY,
    ),
    (&[K::Up], Action::Up, Contexts::of(&[C::Search]), HELP_ONLY),
    (
        &[K::Enter],
        Action::Jump,
        Contexts::of(&[C::Search]),
        FOOTER,
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
        Contexts::of(&[C::Search]),
        HELP_ONLY,
    ),
    (&[K::Char('v')], Action::SetValue, KEY_RESULTS, FOOTER),
    (&[K::Char('+')], Action::StepUp, KEY_RESULTS, HELP_ONLY),
    (&[K::Char('-')], Action::StepDown, KEY_RESULTS, HELP_ONLY),
    (
        &[K::Char('x'), K::Space],
        Action::Toggle,
        Contexts::of(&[C::DetailInitiatives]),
        FOOTER,
    ),
    (&[K::Char('c')], Action::CheckIn, SCREENS, FOOTER),
    (&[K::Char('r')], Action::Review, QUARTER, FOOTER),
    (&[K::Char('y')], Action::YearView, QUARTER, FOOTER),
    (&[K::Char('w')], Action::PastCheckIns, QUARTER, HELP_ONLY),
    // The past check-ins: a week opens in full; c checks in for a missed one.
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[C::PastCheckIns]),
        FOOTER,
    ),
    (
        &[K::Char('c')],
        Action::CheckIn,
        Contexts::of(&[C::PastCheckIns]),
        FOOTER,
    ),
    (&[K::Esc], Action::Back, PAST, FOOTER),
    (
        &[K::Char('n')],
        Action::PlanNext,
        Contexts::of(&[C::Review]),
        FOOTER,
    ),
    (&[K::Char('o')], Action::Overview, SCREENS, FOOTER),
    (&[K::Char('S')], Action::Settings, SCREENS, HELP_ONLY),
    (
        &[K::Char('f')],
        Action::Filter,
        Contexts::of(&[C::Quarter, C::QuarterKeyResults, C::Review, C::Overview]),
        HELP_ONLY,
    ),
    (&[K::Char('u')], Action::Undo, SCREENS, FOOTER),
    (&[K::Ctrl('r')], Action::Redo, SCREENS, HELP_ONLY),
    (&[K::Esc], Action::Back, SCREENS, HELP_ONLY),
    // The conflicts a merge left: keep ours or take theirs, one at a time.
    (&[K::Char('!')], Action::Conflicts, QUARTER, HELP_ONLY),
    // okr sync: commit, pull with the merge driver, push.
    (&[K::Char('s')], Action::Sync, SCREENS, HELP_ONLY),
    (
        &[K::Char('o')],
        Action::KeepOurs,
        Contexts::of(&[C::Conflicts]),
        FOOTER,
    ),
    (
        &[K::Char('t')],
        Action::TakeTheirs,
        Contexts::of(&[C::Conflicts]),
        FOOTER,
    ),
    (
        &[K::Char('b')],
        Action::KeepBoth,
        Contexts::of(&[C::Conflicts]),
        HELP_ONLY,
    ),
    (
        &[K::Char('u')],
        Action::Undo,
        Contexts::of(&[C::Conflicts]),
        HELP_ONLY,
    ),
    (
        &[K::Ctrl('r')],
        Action::Redo,
        Contexts::of(&[C::Conflicts]),
        HELP_ONLY,
    ),
    (
        &[K::Enter],
        Action::Open,
        Contexts::of(&[C::Conflicts]),
        HELP_ONLY,
    ),
    (
        &[K::Esc],
        Action::Back,
        Contexts::of(&[C::Conflicts]),
        FOOTER,
    ),
    // Forms.
    (
        &[K::Enter, K::Ctrl('s')],
        Action::Save,
        Contexts::of(&[C::Form]),
        FOOTER,
    ),
    (
        &[K::Esc],
        Action::Cancel,
        Contexts::of(&[C::Form, C::Carry, C::Search]),
        FOOTER,
    ),
    (&[K::Down], Action::NextField, LINE_FIELDS, HELP_ONLY),
    (&[K::Up], Action::PrevField, LINE_FIELDS, HELP_ONLY),
    (
        &[K::Right, K::Char('l'), K::Space],
        Action::NextChoice,
        Contexts::of(&[C::ChoiceField]),
        FOOTER,
    ),
    (
        &[K::Left, K::Char('h')],
        Action::PrevChoice,
        Contexts::of(&[C::ChoiceField]),
        HELP_ONLY,
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
        HELP_ONLY,
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
        HELP_ONLY,
    ),
    (
        &[K::Enter],
        Action::NewLine,
        Contexts::of(&[C::AreaField]),
        FOOTER,
    ),
    // The delete question.
    (
        &[K::Char('y'), K::Char('Y')],
        Action::Yes,
        Contexts::of(&[C::Confirm]),
        FOOTER,
    ),
    (
        &[K::Char('n'), K::Char('N'), K::Esc],
        Action::No,
        Contexts::of(&[C::Confirm]),
        FOOTER,
    ),
    // A corrected entry: its week's check-in too, or the entry only.
    (
        &[K::Char('y'), K::Char('Y')],
        Action::CorrectCheckIn,
        Contexts::of(&[C::CheckInToo]),
        FOOTER,
    ),
    (
        &[K::Char('n'), K::Char('N')],
        Action::EntryOnly,
        Contexts::of(&[C::CheckInToo]),
        FOOTER,
    ),
    (
        &[K::Esc],
        Action::Cancel,
        Contexts::of(&[C::CheckInToo]),
        FOOTER,
    ),
    // The carry dialog.
    (
        &[K::Space, K::Char('x')],
        Action::Pick,
        Contexts::of(&[C::Carry]),
        FOOTER,
    ),
    (
        &[K::Enter],
        Action::CarryOver,
        Contexts::of(&[C::Carry]),
        FOOTER,
    ),
    // The check-in.
    (
        &[K::Enter, K::Ctrl('s')],
        Action::NextStep,
        Contexts::of(&[C::CheckInWalk]),
        FOOTER,
    ),
    (
        &[K::Ctrl('s')],
        Action::GoOn,
        Contexts::of(&[C::CheckInReflect]),
        FOOTER,
    ),
    // Last week's plans, beside this week's words.
    (
        &[K::Ctrl('n')],
        Action::NextPlan,
        Contexts::of(&[C::LastWeek]),
        HELP_ONLY,
    ),
    (
        &[K::Ctrl('p')],
        Action::PrevPlan,
        Contexts::of(&[C::LastWeek]),
        HELP_ONLY,
    ),
    (
        &[K::Ctrl('t')],
        Action::CarryPlan,
        Contexts::of(&[C::LastWeek]),
        FOOTER,
    ),
    (
        &[K::Ctrl('d')],
        Action::PlanDone,
        Contexts::of(&[C::LastWeek]),
        FOOTER,
    ),
    (
        &[K::Esc],
        Action::SaveAndLeave,
        Contexts::of(&[C::CheckInWalk, C::CheckInReflect]),
        FOOTER,
    ),
    (
        &[K::Ctrl('k')],
        Action::SkipKeyResult,
        Contexts::of(&[C::CheckInWalk]),
        FOOTER,
    ),
    (
        &[K::Range('1', '5')],
        Action::Rate,
        Contexts::of(&[C::Pulse]),
        FOOTER,
    ),
    (
        &[K::Tab],
        Action::Down,
        Contexts::of(&[C::Pulse]),
        HELP_ONLY,
    ),
    (
        &[K::BackTab],
        Action::Up,
        Contexts::of(&[C::Pulse]),
        HELP_ONLY,
    ),
    (&[K::Enter], Action::Save, Contexts::of(&[C::Pulse]), FOOTER),
    (
        &[K::Char('s')],
        Action::Skip,
        Contexts::of(&[C::Pulse]),
        FOOTER,
    ),
    (&[K::Esc], Action::Leave, Contexts::of(&[C::Pulse]), FOOTER),
    (
        &[K::Enter, K::Esc],
        Action::Back,
        Contexts::of(&[C::Summary]),
        FOOTER,
    ),
    (
        &[K::Char('p')],
        Action::Pulse,
        Contexts::of(&[C::Summary]),
        FOOTER,
    ),
    (&[K::Tab], Action::NextField, FORMS, FOOTER),
    (&[K::BackTab], Action::PrevField, FORMS, HELP_ONLY),
    // The help, everywhere: ? where nothing is typed, F1 in every mode.
    (
        &[K::Esc, K::Char('?'), K::F(1)],
        Action::CloseHelp,
        Contexts::of(&[C::Help]),
        FOOTER,
    ),
    (&[K::Char('?'), K::F(1)], Action::Help, NOT_TYPING, FOOTER),
    (&[K::F(1)], Action::Help, TYPING, FOOTER),
    (
        &[K::Char('q'), K::Ctrl('c')],
        Action::Quit,
        QUITTING,
        FOOTER,
    ),
];
