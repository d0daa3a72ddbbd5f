//! Named steps from the example data's quarter view to each mode of the
//! tracker, so a test says where it goes rather than which keys get there.

use okr::app::Screen;
use okr::app::checkin::Step;
use ratatui::crossterm::event::KeyCode;

use super::app::{Harness, ch, code, ctrl};

impl Harness {
    /// The conflicts screen over one conflict a merge left: the first Mål's
    /// title, theirs recorded beside ours.
    pub fn open_conflicts(&mut self) {
        let data = self.app.data_unrecorded();
        let ours = data.objectives[0].title.clone();
        let conflict = okr::model::Conflict::new(
            data.objectives[0].id.clone(),
            "title",
            ours.into(),
            "Erövra världen".into(),
        );
        data.conflicts.push(conflict);
        self.keys(&[ch('!')]);
    }

    /// The `n`th Mål of the quarter (0-based) selected in the Mål list.
    pub fn select_objective(&mut self, n: usize) {
        for _ in 0..n {
            self.keys(&[ch('j')]);
        }
    }

    /// The selected Mål's key results focused in the quarter view.
    pub fn focus_key_results(&mut self) {
        self.keys(&[code(KeyCode::Tab)]);
    }

    /// The `n`th key result (0-based) of the first Mål in its own view,
    /// opened from the quarter view.
    pub fn open_key_result_view(&mut self, n: usize) {
        self.focus_key_results();
        for _ in 0..n {
            self.keys(&[ch('j')]);
        }
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// A value and a note recorded with `v` on the first Mål's first key
    /// result, from the quarter view; back on the Mål list after.
    pub fn record_note_on_first_key_result(&mut self, value: &str, note: &str) {
        self.focus_key_results();
        self.keys(&[ch('v')]);
        self.type_text(value);
        self.keys(&[code(KeyCode::Tab), code(KeyCode::Tab)]);
        self.type_text(note);
        self.keys(&[code(KeyCode::Enter), code(KeyCode::Esc)]);
    }

    /// In the detail's Uppgifter, the `n`th one (0-based) given an owner and
    /// a due date in its form (both fields typed over).
    pub fn set_owner_and_due_of_initiative(&mut self, n: usize, owner: &str, due: &str) {
        for _ in 0..n {
            self.keys(&[ch('j')]);
        }
        // Title, key result, owner, due.
        self.keys(&[ch('e'), code(KeyCode::Tab), code(KeyCode::Tab), ctrl('u')]);
        self.type_text(owner);
        self.keys(&[code(KeyCode::Tab), ctrl('u')]);
        self.type_text(due);
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// The question whether to correct this week's check-in too: the first
    /// key result checked in as it stands, then its latest entry corrected
    /// in its own view.
    pub fn ask_check_in_too(&mut self) {
        self.walk_to(1);
        self.keys(&[code(KeyCode::Esc)]);
        self.open_key_result_view(0);
        self.keys(&[ch('e')]);
        self.type_text("1");
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// The search line, `text` typed into it.
    pub fn search_for(&mut self, text: &str) {
        self.keys(&[ch('/')]);
        self.type_text(text);
    }

    /// The detail of the `n`th Mål, its key results focused.
    pub fn open_detail_of(&mut self, n: usize) {
        self.select_objective(n);
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// The detail of the `n`th Mål, its Uppgifter focused.
    pub fn open_initiatives_of(&mut self, n: usize) {
        self.open_detail_of(n);
        self.keys(&[code(KeyCode::Tab)]);
    }

    /// The review form of the `n`th Mål of the quarter.
    pub fn open_review_form_of(&mut self, n: usize) {
        self.keys(&[ch('r')]);
        self.select_objective(n);
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// The carry dialog of the `n`th Mål, saved in its review form as carried over
    /// (the form proposes that for an aspirational Mål below its target).
    pub fn open_carry_dialog_of(&mut self, n: usize) {
        self.open_review_form_of(n);
        self.keys(&[ctrl('s')]);
    }

    /// The check-in walk at the key result with this index (0-based),
    /// accepting each one before it as it stands.
    pub fn walk_to(&mut self, index: usize) {
        self.keys(&[ch('c')]);
        for _ in 0..index {
            self.keys(&[code(KeyCode::Enter)]);
        }
    }

    /// Every key result of the walk accepted: the wins, blockers and next steps.
    pub fn walk_to_reflection(&mut self) {
        self.keys(&[ch('c')]);
        while self.checkin_step() == Some(Step::Walk) {
            self.keys(&[code(KeyCode::Enter)]);
        }
        assert_eq!(self.checkin_step(), Some(Step::Reflect), "the walk ended");
    }

    /// The team pulse, after the reflection.
    pub fn walk_to_pulse(&mut self) {
        self.walk_to_reflection();
        self.keys(&[ctrl('s')]);
    }

    /// The summary, the pulse skipped.
    pub fn walk_to_summary(&mut self) {
        self.walk_to_pulse();
        self.keys(&[ch('s')]);
    }

    /// The quarter shown, planned from the quarter view: the review of the
    /// quarter before, then its `n` (the focus checklist on screen).
    pub fn plan_this_quarter(&mut self) {
        self.keys(&[ch('['), ch('r'), ch('n')]);
    }

    /// The past check-ins of the quarter shown, from the quarter view.
    pub fn open_past_checkins(&mut self) {
        self.keys(&[ch('w')]);
    }

    /// The `n`th week (0-based, newest first) of the past check-ins opened
    /// in full (the example data has a check-in last week: `n` = 1).
    pub fn open_past_checkin(&mut self, n: usize) {
        self.open_past_checkins();
        for _ in 0..n {
            self.keys(&[ch('j')]);
        }
        self.keys(&[code(KeyCode::Enter)]);
    }

    /// Last week's check-in (of the whole file, as in the example data)
    /// given next steps and blockers, as if written then.
    pub fn plan_last_week(&mut self, next_steps: &str, blockers: &str) {
        let week = okr::model::IsoWeek::of(self.app.today() - chrono::Days::new(7));
        let data = self.app.data_unrecorded();
        let c = data
            .checkins
            .iter_mut()
            .find(|c| c.week == week)
            .expect("the example data has a check-in last week");
        let c = std::sync::Arc::make_mut(c);
        c.next_steps = next_steps.to_string();
        c.blockers = blockers.to_string();
    }

    /// The reflection with last week's plans beside it: two next steps and a blocker.
    pub fn walk_to_reflection_with_plans(&mut self) {
        self.plan_last_week("- Ring Bo\n- Skriv offert", "Ingen budget");
        self.walk_to_reflection();
    }

    /// The step of the check-in on screen, if one is.
    pub fn checkin_step(&self) -> Option<Step> {
        match self.app.screen() {
            Screen::CheckIn(st) => Some(st.step),
            _ => None,
        }
    }
}
