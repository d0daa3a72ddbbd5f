//! Key bindings as data: one table that handles the keys, draws the footer
//! and fills the help overlay, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask for outside a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Back,
    Down,
    Up,
    Open,
    NextPane,
    PrevPane,
    PrevQuarter,
    NextQuarter,
    Today,
    Add,
    Edit,
    Delete,
    Undo,
    Redo,
    SetValue,
    StepUp,
    StepDown,
    Toggle,
    CheckIn,
    Review,
    Overview,
    PlanNext,
}

/// Where the user is, as far as keys go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Quarter view, the Mål list focused.
    Quarter,
    /// Quarter view, the selected Mål's key results focused.
    QuarterKeyResults,
    /// Mål detail, key results pane.
    DetailKeyResults,
    /// Mål detail, Uppgifter pane.
    DetailInitiatives,
    /// The quarter review list.
    Review,
    /// The overview of all quarters.
    Overview,
    /// The help overlay.
    Help,
}

/// A key as written in the help: `j`, `Ctrl-R`, `Enter`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Space,
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match (self, ev.code) {
            (Key::Char(c), KeyCode::Char(e)) => !ctrl && c == e,
            (Key::Ctrl(c), KeyCode::Char(e)) => ctrl && c.eq_ignore_ascii_case(&e),
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::Space, KeyCode::Char(' ')) => !ctrl,
            _ => false,
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Space => "Space".into(),
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub contexts: &'static [Context],
    /// Shown in the footer (the rest only in the help).
    pub footer: bool,
}

use Context as C;

const ALL: &[Context] = &[
    C::Quarter,
    C::QuarterKeyResults,
    C::DetailKeyResults,
    C::DetailInitiatives,
    C::Review,
    C::Overview,
    C::Help,
];
/// Screens (not the help overlay).
const SCREENS: &[Context] = &[
    C::Quarter,
    C::QuarterKeyResults,
    C::DetailKeyResults,
    C::DetailInitiatives,
    C::Review,
    C::Overview,
];
/// Screens where Mål, key results and Uppgifter are edited.
const EDITING: &[Context] = &[
    C::Quarter,
    C::QuarterKeyResults,
    C::DetailKeyResults,
    C::DetailInitiatives,
];
/// Lists, and the help (which scrolls): everywhere.
const LISTS: &[Context] = ALL;
const QUARTER: &[Context] = &[C::Quarter, C::QuarterKeyResults];
const KEY_RESULTS: &[Context] = &[C::QuarterKeyResults, C::DetailKeyResults];
/// Undo and redo work on every screen.
const UNDO: &[Context] = SCREENS;

const fn bind(
    keys: &'static [Key],
    action: Action,
    contexts: &'static [Context],
    footer: bool,
) -> Binding {
    Binding {
        keys,
        action,
        contexts,
        footer,
    }
}

/// The one key table.
pub static BINDINGS: &[Binding] = &[
    bind(&[Key::Down, Key::Char('j')], Action::Down, LISTS, false),
    bind(&[Key::Up, Key::Char('k')], Action::Up, LISTS, false),
    bind(
        &[Key::Enter],
        Action::Open,
        &[C::Quarter, C::QuarterKeyResults, C::Overview],
        true,
    ),
    bind(
        &[Key::Enter, Key::Char('e')],
        Action::Edit,
        &[C::Review],
        true,
    ),
    // In the detail, Enter opens the selected key result or Uppgift in its form.
    bind(
        &[Key::Enter],
        Action::Edit,
        &[C::DetailKeyResults, C::DetailInitiatives],
        false,
    ),
    bind(&[Key::Tab], Action::NextPane, EDITING, true),
    bind(&[Key::BackTab], Action::PrevPane, EDITING, false),
    bind(&[Key::Char('[')], Action::PrevQuarter, QUARTER, false),
    bind(&[Key::Char(']')], Action::NextQuarter, QUARTER, false),
    bind(&[Key::Char('t')], Action::Today, QUARTER, false),
    bind(&[Key::Char('a')], Action::Add, EDITING, true),
    bind(&[Key::Char('e')], Action::Edit, EDITING, true),
    bind(&[Key::Char('d')], Action::Delete, EDITING, false),
    bind(&[Key::Char('v')], Action::SetValue, KEY_RESULTS, true),
    bind(&[Key::Char('+')], Action::StepUp, KEY_RESULTS, false),
    bind(&[Key::Char('-')], Action::StepDown, KEY_RESULTS, false),
    bind(
        &[Key::Char('x'), Key::Space],
        Action::Toggle,
        &[C::DetailInitiatives],
        true,
    ),
    bind(&[Key::Char('c')], Action::CheckIn, SCREENS, true),
    bind(&[Key::Char('r')], Action::Review, QUARTER, true),
    bind(&[Key::Char('n')], Action::PlanNext, &[C::Review], true),
    bind(&[Key::Char('o')], Action::Overview, SCREENS, true),
    bind(&[Key::Char('u')], Action::Undo, UNDO, true),
    bind(&[Key::Ctrl('r')], Action::Redo, UNDO, false),
    bind(&[Key::Esc], Action::Back, ALL, false),
    bind(&[Key::Char('?')], Action::Help, ALL, true),
    bind(&[Key::Char('q'), Key::Ctrl('c')], Action::Quit, ALL, true),
];

/// The action a key asks for in a context, if any.
pub fn action_for(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&ctx))
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action)
}

/// A key bound in some other context: its label and action, for a hint.
pub fn elsewhere(ev: &KeyEvent) -> Option<(String, Action)> {
    BINDINGS.iter().find_map(|b| {
        b.keys
            .iter()
            .find(|k| k.matches(ev))
            .map(|k| (k.label(), b.action))
    })
}

/// The bindings that work in a context, in table order.
pub fn bindings_for(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.contexts.contains(&ctx))
}

/// `j/↓`-style label of a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in ALL {
            let bs: Vec<_> = bindings_for(*ctx).collect();
            for (i, a) in bs.iter().enumerate() {
                for b in &bs[i + 1..] {
                    for ka in a.keys {
                        assert!(!b.keys.contains(ka), "{ka:?} bound twice in {ctx:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn arrows_and_letters() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            action_for(C::Quarter, &key(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(C::Quarter, &key(KeyCode::Down, none)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(C::Quarter, &key(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::Redo)
        );
        assert_eq!(
            action_for(C::Quarter, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(action_for(C::Quarter, &key(KeyCode::Char('x'), none)), None);
        assert_eq!(
            action_for(C::DetailInitiatives, &key(KeyCode::Char(' '), none)),
            Some(Action::Toggle)
        );
        assert_eq!(
            action_for(C::Quarter, &key(KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Action::PrevPane)
        );
    }
}
