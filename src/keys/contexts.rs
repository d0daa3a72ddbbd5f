//! Every context a key can mean something in, declared once: its variant
//! and its name in a config file (`quarter.undo`). [`ALL_CONTEXTS`] lists
//! them in this order, and [`modes`] derives every stack of them the user
//! can be in.

/// Declares [`Context`], [`ALL_CONTEXTS`] and [`Context::id`] from one row
/// per context: `Variant = "config-name";`.
macro_rules! contexts {
    ($($(#[$doc:meta])* $variant:ident = $id:literal;)*) => {
        /// One layer of where the user is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Context {
            $($(#[$doc])* $variant,)*
        }

        /// Every context, for checks over the whole table.
        pub const ALL_CONTEXTS: &[Context] = &[$(Context::$variant,)*];

        impl Context {
            /// The context's name in a config file: `quarter`, `text-field`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Context::$variant => $id,)*
                }
            }
        }
    };
}

contexts! {
    /// Quarter view, the Mål list focused.
    Quarter = "quarter";
    /// Quarter view, the selected Mål's key results focused.
    QuarterKeyResults = "quarter-key-results";
    /// Mål detail, key results pane.
    DetailKeyResults = "detail-key-results";
    /// Mål detail, Uppgifter pane.
    DetailInitiatives = "detail-initiatives";
    /// The quarter review list.
    Review = "review";
    /// The overview of all quarters.
    Overview = "overview";
    /// The help overlay.
    Help = "help";
    /// The `y`/`n` question before a delete.
    Confirm = "confirm";
    /// The carry dialog: which key results go along.
    Carry = "carry";
    /// A modal form (Mål, key result, Uppgift, value, review).
    Form = "form";
    /// A key result's step of the check-in walk.
    CheckInWalk = "check-in-walk";
    /// Wins, blockers and next steps.
    CheckInReflect = "check-in-reflect";
    /// The team pulse.
    Pulse = "pulse";
    /// The check-in's summary.
    Summary = "summary";
    /// A one-line text field has the focus.
    TextField = "text-field";
    /// A number field has the focus.
    NumberField = "number-field";
    /// A choice field has the focus.
    ChoiceField = "choice-field";
    /// A multi-line text box has the focus.
    AreaField = "area-field";
    /// The window is too small to show anything: only quitting works.
    TooSmall = "too-small";
    /// A key result's own view: its chart, history and notes.
    KeyResultView = "key-result-view";
    /// Typing a search: the matches listed.
    Search = "search";
    /// The conflicts a merge left, to choose per conflict.
    Conflicts = "conflicts";
    /// The weeks of a quarter, with and without my check-in.
    PastCheckIns = "past-check-ins";
    /// One past check-in in full.
    PastCheckIn = "past-check-in";
    /// Last week's plans beside wins, blockers and next steps.
    LastWeek = "last-week";
    /// Whether a corrected entry's week's check-in is corrected too.
    CheckInToo = "check-in-too";
}

/// The kinds of field a form or a check-in step holds: one of them is
/// always the innermost layer there.
const FIELDS: [Context; 4] = [
    Context::TextField,
    Context::NumberField,
    Context::ChoiceField,
    Context::AreaField,
];

/// The places that hold fields, each as the layers under its field.
const HOLDERS: &[&[Context]] = &[
    &[Context::Form],
    &[Context::CheckInWalk],
    &[Context::CheckInReflect],
    &[Context::LastWeek, Context::CheckInReflect],
];

/// Every stack of layers the user can be in (innermost first), as
/// [`crate::app::App::layers`] gives them: each context that is neither a
/// field nor holds one on its own, and each field over each place that
/// holds fields. A key means one thing in each.
pub fn modes() -> Vec<Vec<Context>> {
    let held = |c: &Context| FIELDS.contains(c) || HOLDERS.iter().any(|h| h.contains(c));
    let alone = ALL_CONTEXTS.iter().filter(|c| !held(c)).map(|c| vec![*c]);
    let fields = HOLDERS.iter().flat_map(|holder| {
        FIELDS.iter().map(move |field| {
            let mut stack = vec![*field];
            stack.extend_from_slice(holder);
            stack
        })
    });
    alone.chain(fields).collect()
}
