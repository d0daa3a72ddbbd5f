//! Every action a key can ask for, declared once: its variant, its name in a
//! config file (stable: a config file written for one version keeps working
//! in the next), and what it does in each language's words (the footer, the
//! help and `okr keys` show them). [`Action::ALL`] lists them in this order.

use crate::model::Lang;

/// Declares [`Action`], [`Action::ALL`], [`Action::id`] and [`Action::name`]
/// from one row per action: `Variant = "config-name", sv "…", en "…";`.
macro_rules! actions {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, sv $sv:literal, en $en:literal;)*) => {
        /// Everything a key can ask for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action {
            $($(#[$doc])* $variant,)*
        }

        impl Action {
            /// Every action, in the order `okr keys` lists them.
            pub const ALL: &[Action] = &[$(Action::$variant,)*];

            /// The action's name in a config file: `undo`, `next-pane`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Action::$variant => $id,)*
                }
            }

            /// What the action does, in `lang`'s words: "ångra", "undo".
            pub fn name(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Action::$variant, Lang::Sv) => $sv,
                    (Action::$variant, Lang::En) => $en,)*
                }
            }
        }
    };
}

actions! {
    Quit = "quit", sv "avsluta", en "quit";
    Help = "help", sv "hjälp", en "help";
    /// Closes the help overlay.
    CloseHelp = "close-help", sv "stäng hjälpen", en "close the help";
    Back = "back", sv "tillbaka", en "back";
    Down = "down", sv "ned", en "down";
    Up = "up", sv "upp", en "up";
    Open = "open", sv "öppna", en "open";
    NextPane = "next-pane", sv "nästa ruta", en "next pane";
    PrevPane = "prev-pane", sv "föregående ruta", en "previous pane";
    PrevQuarter = "prev-quarter", sv "föregående kvartal", en "previous quarter";
    NextQuarter = "next-quarter", sv "nästa kvartal", en "next quarter";
    Today = "today", sv "dagens kvartal", en "today's quarter";
    Add = "add", sv "lägg till", en "add";
    Edit = "edit", sv "ändra", en "edit";
    Delete = "delete", sv "ta bort", en "delete";
    Undo = "undo", sv "ångra", en "undo";
    Redo = "redo", sv "gör om", en "redo";
    SetValue = "set-value", sv "sätt värde", en "set value";
    StepUp = "step-up", sv "öka ett steg", en "step up";
    StepDown = "step-down", sv "minska ett steg", en "step down";
    Toggle = "toggle", sv "klar / inte klar", en "done / not done";
    CheckIn = "check-in", sv "incheckning", en "check-in";
    Review = "review", sv "kvartalsgenomgång", en "quarter review";
    Overview = "overview", sv "översikt", en "overview";
    PlanNext = "plan-next", sv "planera nästa kvartal", en "plan next quarter";
    /// The year of the quarter shown, and back to a quarter of it.
    YearView = "year-view", sv "årsvy", en "year view";
    // Forms and fields.
    Save = "save", sv "spara", en "save";
    Cancel = "cancel", sv "avbryt", en "cancel";
    NextField = "next-field", sv "nästa fält", en "next field";
    PrevField = "prev-field", sv "föregående fält", en "previous field";
    NextChoice = "next-choice", sv "nästa val", en "next choice";
    PrevChoice = "prev-choice", sv "föregående val", en "previous choice";
    /// Cursor and deletion keys, handed to the text field.
    EditText = "edit-text", sv "flytta markören, radera", en "move the cursor, delete";
    NewLine = "new-line", sv "ny rad", en "new line";
    // Questions.
    Yes = "yes", sv "ja, ta bort", en "yes, delete";
    No = "no", sv "nej, behåll", en "no, keep it";
    // The carry dialog.
    Pick = "pick", sv "ta med / lämna kvar", en "take along / leave out";
    CarryOver = "carry-over", sv "flytta över", en "carry over";
    // The check-in.
    NextStep = "next-step", sv "spara, nästa nyckelresultat", en "save, next key result";
    GoOn = "go-on", sv "spara och gå vidare", en "save and go on";
    SaveAndLeave = "save-and-leave", sv "spara och lämna", en "save and leave";
    Leave = "leave", sv "lämna (det sparade finns kvar)", en "leave (what is saved stays)";
    Rate = "rate", sv "skatta pelaren", en "rate the pillar";
    Skip = "skip", sv "hoppa över pulsen", en "skip the pulse";
    /// From the summary, the team pulse (skipped for someone else's check-in).
    Pulse = "pulse", sv "skatta teampulsen", en "rate the team pulse";
    // Daily work: reordering, search.
    MoveDown = "move-down", sv "flytta ned", en "move down";
    MoveUp = "move-up", sv "flytta upp", en "move up";
    Search = "search", sv "sök", en "search";
    NextMatch = "next-match", sv "nästa träff", en "next match";
    PrevMatch = "prev-match", sv "föregående träff", en "previous match";
    Jump = "jump", sv "gå dit", en "go there";
    // A key result's view.
    CorrectEntry = "correct-entry", sv "rätta posten", en "correct the entry";
    DeleteEntry = "delete-entry", sv "ta bort posten", en "delete the entry";
    /// A corrected latest entry: its week's check-in corrected too, or not.
    CorrectCheckIn = "correct-check-in", sv "ja, rätta incheckningen också", en "yes, correct the check-in too";
    EntryOnly = "entry-only", sv "nej, bara posten", en "no, only the entry";
    /// The settings: mine (who I am, my language) and the team's.
    Settings = "settings", sv "inställningar (jag, språk, incheckningsdag)", en "settings (me, language, check-in day)";
    /// Whose Mål are shown: everyone, mine, each owner.
    Filter = "filter", sv "vems mål: allas, mina, varje ägares", en "whose objectives: everyone, mine, each owner";
    /// Hides or shows the Mål aligned under the selected one.
    Fold = "fold", sv "dölj / visa målen som stödjer det", en "hide / show the objectives aligned under it";
    /// Adds a Mål aligned under the selected one.
    AddAligned = "add-aligned", sv "lägg till ett mål som stödjer det", en "add an objective aligned under it";
    /// The conflicts screen; there, keep ours or take theirs.
    Conflicts = "conflicts", sv "konflikter", en "conflicts";
    KeepOurs = "keep-ours", sv "behåll vårt", en "keep ours";
    TakeTheirs = "take-theirs", sv "ta deras", en "take theirs";
    /// Two values of one key result on one day: ours, with both notes.
    KeepBoth = "keep-both-notes", sv "vårt värde, båda anteckningarna", en "our value, both notes";
    /// `okr sync`: the data file committed, pulled and pushed with git.
    Sync = "sync", sv "synka med git (okr sync)", en "sync with git (okr sync)";
    // The weekly rhythm: past check-ins, a skipped key result, last week's plans.
    PastCheckIns = "past-check-ins", sv "tidigare incheckningar", en "past check-ins";
    SkipKeyResult = "skip-key-result", sv "hoppa över i veckan", en "skip this week";
    NextPlan = "next-plan", sv "nästa av förra veckans planer", en "next of last week's plans";
    PrevPlan = "prev-plan", sv "föregående av förra veckans planer", en "previous of last week's plans";
    CarryPlan = "carry-plan", sv "ta med planen in i den här veckan", en "carry the plan into this week";
    PlanDone = "plan-done", sv "markera planen som klar / öppen", en "mark the plan done / open";
}
