//! Modal forms: text fields that edit in place (tui-input), choices cycled
//! with ←/→, and validation that keeps what was typed and says what is wrong
//! beside the field. Which key does what is the key table's business
//! ([`crate::keys`]); a form only offers the moves.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::i18n::Strings;
use crate::keys::{Action, Context};
use crate::model::MeasureKind;
use crate::model::number;

/// What a field holds, named so code never depends on field order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Why,
    Kind,
    Status,
    Owner,
    Parent,
    MeasureType,
    Start,
    Target,
    Level,
    Current,
    Done,
    Unit,
    Weight,
    Confidence,
    Linked,
    Value,
    Note,
    Wins,
    Blockers,
    NextSteps,
    WentWell,
    ToChange,
    Score,
    Step,
    Due,
    Language,
    Weekday,
    Cadence,
    Holidays,
    Until,
    FiscalStart,
}

#[derive(Clone, Debug)]
pub enum Widget {
    Text(Input),
    /// Options and the chosen index.
    Choice(Vec<String>, usize),
    /// Multi-line text: Enter makes a new line.
    Area(Box<TextArea<'static>>),
}

#[derive(Clone, Debug)]
pub struct Field {
    pub id: FieldId,
    pub label: &'static str,
    pub widget: Widget,
    pub error: Option<String>,
    pub hidden: bool,
    /// A number field: `?` is no character there, so it asks for help.
    pub number: bool,
    /// A prefilled number: the first typed character replaces it, as in a spreadsheet.
    pub fresh: bool,
}

impl Field {
    pub fn text(id: FieldId, label: &'static str, value: &str) -> Self {
        Field {
            id,
            label,
            widget: Widget::Text(Input::new(value.to_string())),
            error: None,
            hidden: false,
            number: false,
            fresh: false,
        }
    }

    /// A multi-line text field.
    pub fn area(id: FieldId, label: &'static str, value: &str) -> Self {
        let lines = if value.is_empty() {
            vec![String::new()]
        } else {
            value.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            widget: Widget::Area(Box::new(area)),
            ..Field::text(id, label, "")
        }
    }

    /// A number field whose prefilled value is replaced by the first typed character.
    pub fn number(id: FieldId, label: &'static str, value: &str) -> Self {
        Field {
            number: true,
            fresh: !value.is_empty(),
            ..Field::text(id, label, value)
        }
    }

    pub fn choice(id: FieldId, label: &'static str, options: Vec<String>, chosen: usize) -> Self {
        let chosen = chosen.min(options.len().saturating_sub(1));
        Field {
            id,
            label,
            widget: Widget::Choice(options, chosen),
            error: None,
            hidden: false,
            number: false,
            fresh: false,
        }
    }
}

/// What a form is for; it decides what saving it does.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    /// A new Mål of `quarter` (a year in the year view, or a quarter of
    /// it for one aligned under a year's Mål).
    NewObjective {
        quarter: crate::model::Quarter,
    },
    Review {
        objective: String,
    },
    EditObjective {
        id: String,
    },
    NewKeyResult {
        objective: String,
    },
    EditKeyResult {
        objective: String,
        id: String,
    },
    NewInitiative {
        objective: String,
    },
    EditInitiative {
        objective: String,
        id: String,
    },
    SetValue {
        objective: String,
        id: String,
    },
    /// A key result's history entry, corrected in its view.
    EditEntry {
        objective: String,
        key_result: String,
        index: usize,
        date: chrono::NaiveDate,
    },
    /// A key result's step of the check-in walk.
    CheckInStep {
        objective: String,
        id: String,
    },
    /// Wins, blockers and next steps of the check-in.
    Reflect,
    /// Mine and the team's settings.
    Settings,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub purpose: Purpose,
    pub title: &'static str,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Ids of key results offered by a link choice, index-aligned (0 = none).
    pub link_ids: Vec<Option<String>>,
    /// Focus warnings: shown, never blocking.
    pub warnings: Vec<String>,
    /// What the form is about, shown in its frame (the key result a value is for).
    pub about: Option<String>,
    /// Something was typed or chosen since the form opened.
    pub dirty: bool,
}

impl Form {
    pub fn new(purpose: Purpose, title: &'static str, fields: Vec<Field>) -> Self {
        let mut f = Form {
            purpose,
            title,
            fields,
            focus: 0,
            link_ids: Vec::new(),
            warnings: Vec::new(),
            about: None,
            dirty: false,
        };
        f.sync_measure();
        f
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The text of a text field ("" when absent).
    pub fn text(&self, id: FieldId) -> String {
        match self.field(id).map(|f| &f.widget) {
            Some(Widget::Text(i)) => i.value().trim().to_string(),
            Some(Widget::Area(a)) => a.lines().join("\n").trim().to_string(),
            _ => String::new(),
        }
    }

    /// The chosen index of a choice field (0 when absent).
    pub fn chosen(&self, id: FieldId) -> usize {
        match self.field(id).map(|f| &f.widget) {
            Some(Widget::Choice(_, c)) => *c,
            _ => 0,
        }
    }

    pub fn set_error(&mut self, id: FieldId, message: &str) {
        if let Some(f) = self.field_mut(id) {
            f.error = Some(message.to_string());
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    pub fn clear_errors(&mut self) {
        self.fields.iter_mut().for_each(|f| f.error = None);
    }

    /// The measure chosen in a key result form.
    pub fn measure_kind(&self) -> MeasureKind {
        MeasureKind::ALL
            .get(self.chosen(FieldId::MeasureType))
            .copied()
            .unwrap_or_default()
    }

    /// Shows only the fields the chosen measure uses.
    fn sync_measure(&mut self) {
        if self.field(FieldId::MeasureType).is_none() {
            return;
        }
        let kind = self.measure_kind();
        for f in &mut self.fields {
            f.hidden = match f.id {
                FieldId::Start | FieldId::Target => kind != MeasureKind::Numeric,
                FieldId::Done => kind != MeasureKind::Done,
                FieldId::Level => !matches!(kind, MeasureKind::AtLeast | MeasureKind::AtMost),
                FieldId::Current | FieldId::Unit | FieldId::Step => kind == MeasureKind::Done,
                _ => false,
            };
        }
    }

    /// Moves the focus to the first field with a message, if any.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| f.error.is_some() && !f.hidden)
        {
            self.focus = i;
        }
    }

    /// The key table's layer for the focused field.
    pub fn layer(&self) -> Context {
        match self.fields.get(self.focus) {
            Some(Field {
                widget: Widget::Area(_),
                ..
            }) => Context::AreaField,
            Some(Field {
                widget: Widget::Choice(..),
                ..
            }) => Context::ChoiceField,
            Some(f) if f.number => Context::NumberField,
            _ => Context::TextField,
        }
    }

    /// Whether the focus is on the last field shown.
    pub fn is_last_field(&self) -> bool {
        !self.fields.iter().skip(self.focus + 1).any(|f| !f.hidden)
    }

    /// Whether the form has multi-line text boxes (Tab past the last field goes on).
    pub fn has_areas(&self) -> bool {
        self.fields
            .iter()
            .any(|f| matches!(f.widget, Widget::Area(_)))
    }

    /// Moves the focus to the next (or previous) field shown, round the end.
    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if !self.fields[i].hidden {
                self.focus = i;
                return;
            }
        }
    }

    /// Cycles the focused choice; a new measure shows the fields it uses.
    pub fn choose(&mut self, forward: bool) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        if let Widget::Choice(options, chosen) = &mut field.widget {
            self.dirty = true;
            let n = options.len().max(1);
            *chosen = if forward {
                (*chosen + 1) % n
            } else {
                (*chosen + n - 1) % n
            };
        }
        if field.id == FieldId::MeasureType {
            self.sync_measure();
        }
    }

    /// Hands a key to the focused text field or box: the cursor keys, deleting,
    /// and (with `typing`) a character. A prefilled number is replaced by the
    /// first character typed, and kept by any other key. False when the
    /// focused field takes no such key.
    pub fn edit(&mut self, key: KeyEvent, typing: bool) -> bool {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return false;
        };
        // A control character (a pasted escape, NEL) is no text: a file
        // holding one would be refused on the next load.
        if let KeyCode::Char(c) = key.code
            && c.is_control()
        {
            return !matches!(field.widget, Widget::Choice(..));
        }
        self.dirty = true;
        match &mut field.widget {
            Widget::Choice(..) => false,
            Widget::Area(area) => {
                area.input(key);
                true
            }
            Widget::Text(input) => {
                if std::mem::take(&mut field.fresh) && typing {
                    input.reset();
                }
                if input.handle_event(&Event::Key(key)).is_some() {
                    field.error = None;
                }
                true
            }
        }
    }

    /// A move of the key table within the form; false for any other action.
    pub fn act(&mut self, action: Action, key: KeyEvent) -> bool {
        match action {
            Action::NextField => self.move_focus(true),
            Action::PrevField => self.move_focus(false),
            Action::NextChoice => self.choose(true),
            Action::PrevChoice => self.choose(false),
            Action::EditText => return self.edit(key, false),
            Action::NewLine => return self.new_line(),
            _ => return false,
        }
        true
    }

    /// A new line in the focused text box.
    pub fn new_line(&mut self) -> bool {
        self.edit(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), true)
    }
}

/// Whether a key press is a character to type (no Ctrl or Alt with it).
pub fn is_typing(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Reads a number field in the form's language, recording beside it what is
/// wrong and how to write a number when it is not one.
pub fn number_field(form: &mut Form, id: FieldId, s: &Strings) -> Option<f64> {
    match number::parse(&form.text(id), s.lang) {
        Ok(v) => Some(v),
        Err(e) => {
            form.set_error(id, &s.number_error(e));
            None
        }
    }
}

/// Reads a confidence 1–10, recording an error beside it otherwise.
pub fn confidence_field(form: &mut Form, s: &Strings) -> Option<u8> {
    match number::parse(&form.text(FieldId::Confidence), s.lang) {
        Ok(v) if v.fract() == 0.0 && (1.0..=10.0).contains(&v) => Some(v as u8),
        _ => {
            form.set_error(FieldId::Confidence, s.err_confidence);
            None
        }
    }
}
