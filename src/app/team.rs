//! A team on one file, in the tracker: who I am, and the settings screen
//! that edits mine (who I am, my language: the config file) apart from the
//! team's (the check-in weekday: the data file).

use std::collections::HashSet;

use chrono::Weekday;

use super::edit::Read;
use super::form::{Field, FieldId, Form, Purpose};
use super::history::Patch;
use super::{App, Modal};
use crate::config::PersonalFile;
use crate::i18n::{self, team::LANGUAGE_NAMES};
use crate::model::align::{self, Row};
use crate::model::author;
use crate::model::cadence::Cadence;
use crate::model::numbers::{Figures, Numbers};
use crate::model::owners::{self, OwnerFilter};
use crate::model::{FiscalYear, IsoWeek, Lang, Objective, Quarter};

/// What the tracker knows of the people on the file.
#[derive(Clone, Debug, Default)]
pub struct Team {
    /// Who I am (see [`crate::config::who_am_i`]); `None` when nothing says.
    pub(super) me: Option<String>,
    /// The config file the settings screen writes; `None`: mine are kept
    /// for this run only.
    pub(super) config: Option<PersonalFile>,
    /// Whose Mål every screen shows.
    pub(super) filter: OwnerFilter,
    /// Mål whose aligned Mål are hidden in the quarter view, by id.
    pub(super) folded: HashSet<String>,
}

/// The languages in the order the settings offer them.
const LANGS: [Lang; 2] = [Lang::Sv, Lang::En];

impl App {
    /// Whether the owner filter shows `o`.
    pub fn keeps(&self, o: &Objective) -> bool {
        self.team.filter.keeps(o, self.team.me.as_deref())
    }

    /// Whether the key result `id` measures itself: my config file's
    /// `[refresh]` names it (see [`crate::config::refresh`]).
    pub fn measured_automatically(&self, id: &str) -> bool {
        self.index.measured.contains(id)
    }

    /// Finds anew the key results `[refresh]` names (an id there may be a
    /// beginning, which a new key result can make name two).
    pub(super) fn index_measured(&mut self) {
        let refresh = self.team.config.as_ref().map(|c| &c.personal.refresh);
        self.index.measured = match refresh {
            Some(r) if !r.entries.is_empty() => {
                let ids = self
                    .data
                    .objectives
                    .iter()
                    .flat_map(|o| o.key_results.iter().map(|k| k.id.as_str()));
                r.measured(ids).into_iter().map(str::to_string).collect()
            }
            _ => HashSet::new(),
        };
    }

    /// Whether some Mål of the store has an owner (the filter is shown then).
    pub fn has_owners(&self) -> bool {
        self.index.owners
    }

    /// Whether the viewed quarter has Mål, shown or not.
    pub fn quarter_has_objectives(&self) -> bool {
        self.index
            .by_quarter
            .get(&self.quarter)
            .is_some_and(|v| !v.is_empty())
    }

    /// Rebuilds, per quarter, the Mål the filter shows, as a tree (each
    /// under its parent, folded ones' children left out).
    pub(super) fn refresh_shown(&mut self) {
        let mut rows = std::collections::HashMap::new();
        let shown = self
            .index
            .by_quarter
            .iter()
            .map(|(q, all)| {
                let kept: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|i| self.data.objective_at(*i).is_some_and(|o| self.keeps(o)))
                    .collect();
                let tree = align::tree(&self.data, &kept, &self.team.folded);
                let order = tree.iter().map(|r| r.index).collect();
                rows.extend(tree.into_iter().map(|r| ((*q, r.index), r)));
                (*q, order)
            })
            .collect();
        self.index.shown = shown;
        self.index.rows = rows;
        self.index.owners = owners::any_owner(&self.data);
        self.index.children = align::children(&self.data);
    }

    /// A shown Mål's place in the tree of the quarter (or year) on screen:
    /// a Mål shown in several views has a place in each.
    pub fn tree_row(&self, index: usize) -> Option<Row> {
        self.index.rows.get(&(self.quarter, index)).copied()
    }

    /// The numbers of a quarter's Mål, every owner's: what is folded or
    /// filtered changes what is shown, never a number.
    pub fn numbers(&self, quarter: Quarter) -> Numbers<'_> {
        Numbers::of(self.around(quarter), self.fy(), self.today)
    }

    /// [`crate::model::Data::around`] from the index: the Mål whose
    /// quarters reach into those of a Mål the view of `quarter` shows.
    fn around(&self, quarter: Quarter) -> Vec<&Objective> {
        let of = |q: &Quarter| self.index.by_quarter.get(q).map_or(&[][..], Vec::as_slice);
        let (mut first, mut last) = (quarter.first_quarter(), quarter.last_quarter());
        for o in of(&quarter)
            .iter()
            .filter_map(|i| self.data.objective_at(*i))
        {
            let (a, b) = o.quarters();
            first = first.min(a);
            last = last.max(b);
        }
        let mut all: Vec<usize> = (first.year..=last.year)
            .flat_map(|year| (0..=4).map(move |q| Quarter { year, q }))
            .flat_map(|q| of(&q).iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all.iter()
            .filter_map(|i| self.data.objective_at(*i))
            .filter(|o| o.overlaps(first, last))
            .collect()
    }

    /// A quarter's progress as a header says it, from its `numbers`: the
    /// quarter's; under an owner filter, the shown owner's part, named
    /// ("mine (Anna): 21 %").
    pub fn progress_words(&self, numbers: &Numbers, quarter: Quarter) -> String {
        let p = self
            .s
            .percent_of(numbers.mean(self.kept_in(quarter).map(|(_, o)| o)));
        match self.team.filter {
            OwnerFilter::Everyone => format!("{} {p}", self.s.progress.to_lowercase()),
            _ => (self.s.team.progress_of)(&self.filter_label(), &p),
        }
    }

    /// One Mål's numbers ([`App::numbers`] of its quarter, the same in
    /// every quarter it spans).
    pub fn figures(&self, o: &Objective) -> Figures {
        self.numbers(o.quarter).get(o)
    }

    /// The Mål aligned under one (indexes), in file order.
    pub fn children_of(&self, id: &str) -> &[usize] {
        self.index.children.get(id).map_or(&[], Vec::as_slice)
    }

    /// Space: hides or shows the Mål aligned under the selected one.
    pub(super) fn fold(&mut self) {
        let Some(index) = self.current_objective() else {
            return;
        };
        if self.tree_row(index).is_none_or(|r| r.children == 0) {
            return;
        }
        let Some(id) = self.data.objective_at(index).map(|o| o.id.clone()) else {
            return;
        };
        if !self.team.folded.remove(&id) {
            self.team.folded.insert(id);
        }
        self.refresh_shown();
        if let Some(pos) = self.quarter_objectives().iter().position(|i| *i == index) {
            self.sel_objective = pos;
        }
        self.clamp_selection();
    }

    /// `A`: a new Mål aligned under the selected one (its parent filled in).
    pub(super) fn add_aligned(&mut self) {
        let Some(parent) = self.objective().cloned() else {
            self.add();
            return;
        };
        self.team.folded.remove(&parent.id);
        self.refresh_shown();
        let quarter = self.aligned_quarter(&parent);
        let mut form = self.objective_form(Purpose::NewObjective { quarter }, None);
        if let Some(f) = form.field_mut(FieldId::Parent) {
            *f = Field::text(FieldId::Parent, self.s.f_parent, &parent.id);
        }
        let under = (self.s.team.under)(&parent.title);
        // In the year view the new Mål goes into a quarter: the frame says which.
        form.about = Some(if self.quarter.is_year() {
            format!("{under} · {}", self.label(quarter))
        } else {
            under
        });
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// Says who I am (the banner and the check-in follow).
    pub fn set_me(&mut self, me: Option<String>) {
        self.team.me = me;
        self.reindex(false);
        self.clamp_selection();
    }

    /// Shows the Mål `filter` keeps; an owner is named as the file spells
    /// the name (`--owner anna` shows "Anna").
    pub fn set_filter(&mut self, filter: OwnerFilter) {
        self.team.filter = match filter {
            OwnerFilter::Owner(w) => OwnerFilter::Owner(self.spelled_as_in_file(&w)),
            other => other,
        };
        self.reindex(false);
        self.clamp_selection();
    }

    /// `f`: the next filter (everyone, mine, each owner of the quarter).
    pub(super) fn cycle_filter(&mut self) {
        let owners = owners::owners_in(&self.data, self.quarter);
        self.team.filter = owners::next_filter(&self.team.filter, &owners, self.team.me.as_deref());
        self.reindex(false);
        self.sel_objective = 0;
        self.sel_key_result = 0;
        self.sel_initiative = 0;
        if let super::Screen::Review(st) = &mut self.screen {
            st.sel = 0;
        }
        self.clamp_selection();
    }

    /// Whether the owner filter shows a check-in (its pulse in the
    /// overview): everyone's, or the chosen owner's (or mine).
    pub fn keeps_checkin(&self, c: &crate::model::CheckIn) -> bool {
        match &self.team.filter {
            OwnerFilter::Everyone => true,
            OwnerFilter::Mine => self
                .team
                .me
                .as_deref()
                .is_some_and(|me| c.belongs_to(Some(me))),
            OwnerFilter::Owner(w) => c.belongs_to(Some(w)),
        }
    }

    /// Whose check-in `c` makes and the banner counts: when some Mål has an
    /// owner, the owner the filter shows (checking in for them) or else me;
    /// without owners, the whole file's (`None`), as in a one-person file.
    pub fn checkin_owner(&self) -> Option<String> {
        if !self.has_owners() {
            return None;
        }
        match &self.team.filter {
            OwnerFilter::Owner(w) => Some(w.clone()),
            _ => self.team.me.clone(),
        }
    }

    /// Whose check-in `c` makes (see [`App::checkin_owner`]), as the file
    /// spells the name; `None` in a file without owners.
    pub fn checkin_whose(&self) -> Option<String> {
        self.checkin_owner().map(|w| self.spelled_as_in_file(&w))
    }

    /// Whom the check-in is for when that is not me (`f` on Bo, then `c`),
    /// as the file spells the name: they rate their own team pulse.
    pub fn checkin_for_other(&self) -> Option<String> {
        let whose = self.checkin_whose()?;
        let mine = self
            .team
            .me
            .as_deref()
            .is_some_and(|me| author::same(me, &whose));
        (!mine).then_some(whose)
    }

    /// `name` as the file spells it: the owner of a Mål with the same name
    /// whatever its case and blanks; else as given, trimmed.
    pub(super) fn spelled_as_in_file(&self, name: &str) -> String {
        owners::spelled(&self.data.objectives, name).to_string()
    }

    /// The owner a new Mål starts with: the owner the filter shows, so the
    /// new Mål stays in view; else me, once the file has owners (a
    /// one-person file stays without them).
    pub(super) fn new_owner(&self) -> Option<String> {
        match &self.team.filter {
            OwnerFilter::Owner(w) => Some(w.clone()),
            _ if self.has_owners() => self.team.me.clone(),
            _ => None,
        }
    }

    /// Whether `o`'s key results are walked in the check-in of
    /// [`App::checkin_owner`]: its Mål (a Mål without an owner when nobody
    /// said who I am), of those the filter shows; every Mål the filter shows
    /// when no Mål has an owner.
    pub fn walks(&self, o: &Objective) -> bool {
        if !self.keeps(o) {
            return false;
        }
        if !self.has_owners() {
            return true;
        }
        match self.checkin_owner() {
            Some(w) => owners::owned_by(o, &w),
            None => o.owner.is_none(),
        }
    }

    /// Whose Mål are shown, in words: `everyone`, `mine (Anna)`, `Bo`.
    pub fn filter_label(&self) -> String {
        let t = &self.s.team;
        match &self.team.filter {
            OwnerFilter::Everyone => t.everyone.to_string(),
            OwnerFilter::Mine => (t.mine)(self.team.me.as_deref().unwrap_or("")),
            OwnerFilter::Owner(w) => w.clone(),
        }
    }

    /// The Mål of a quarter the filter shows, in file order (the review, the
    /// overview, the check-in).
    pub fn kept_in(&self, quarter: Quarter) -> impl Iterator<Item = (usize, &Objective)> {
        self.data.in_quarter(quarter).filter(|(_, o)| self.keeps(o))
    }

    /// The Mål of a quarter the filter shows in the quarter view's order:
    /// each under its parent, depth first, folded ones' children too (a
    /// fold only hides them on screen). The check-in walks in this order.
    pub fn tree_in(&self, quarter: Quarter) -> Vec<usize> {
        let kept: Vec<usize> = self.kept_in(quarter).map(|(i, _)| i).collect();
        align::tree(&self.data, &kept, &HashSet::new())
            .into_iter()
            .map(|r| r.index)
            .collect()
    }

    /// `S`: the settings, mine and the team's, each said to be which.
    pub(super) fn open_settings(&mut self) {
        let s = self.s;
        let t = &s.team;
        let lang = LANGS.iter().position(|l| *l == s.lang).unwrap_or(0);
        let day = self.data.settings.checkin_weekday.num_days_from_monday() as usize;
        let fields = vec![
            Field::text(
                FieldId::Owner,
                t.f_me,
                self.team.me.as_deref().unwrap_or(""),
            ),
            Field::choice(
                FieldId::Language,
                t.f_language,
                LANGUAGE_NAMES.iter().map(|n| n.to_string()).collect(),
                lang,
            ),
            Field::choice(
                FieldId::Weekday,
                t.f_weekday,
                t.weekdays.iter().map(|d| d.to_string()).collect(),
                day,
            ),
            Field::choice(
                FieldId::Cadence,
                t.f_cadence,
                t.cadences.iter().map(|c| c.to_string()).collect(),
                Cadence::ALL
                    .iter()
                    .position(|c| *c == self.data.settings.cadence)
                    .unwrap_or(0),
            ),
            Field::text(
                FieldId::Holidays,
                t.f_holidays,
                &holidays_text(&self.data.settings.holidays),
            ),
            Field::choice(
                FieldId::FiscalStart,
                s.years.f_fiscal_start,
                s.years.months.iter().map(|m| m.to_string()).collect(),
                self.fy().start_month() as usize - 1,
            ),
        ];
        let mut form = Form::new(Purpose::Settings, t.settings_title, fields);
        let place = self
            .team
            .config
            .as_ref()
            .map_or_else(|| "-".to_string(), |c| c.path.display().to_string());
        form.about = Some((t.settings_about)(&place));
        self.modal = Some(Modal::Form(Box::new(form)));
    }

    /// Saves the settings form: mine to the config file (atomically, only
    /// what differs from what is in force), the team's to the data file.
    pub(super) fn save_settings(&mut self, mut f: Form) -> Read<()> {
        let me = Some(f.text(FieldId::Owner)).filter(|m| !m.is_empty());
        if let Some(c) = me
            .as_deref()
            .and_then(|m| m.chars().find(|c| crate::text::hides_in_a_name(*c)))
        {
            let code = format!("U+{:04X}", u32::from(c));
            f.set_error(FieldId::Owner, &(self.s.team.e_config_control)(&code));
            return Err(Box::new(f));
        }
        let holidays = match parse_holidays(&f.text(FieldId::Holidays)) {
            Ok(h) => h,
            Err(bad) => {
                let t = &self.s.team;
                f.set_error(
                    FieldId::Holidays,
                    &(t.e_holidays)(&crate::text::quoted(&bad)),
                );
                return Err(Box::new(f));
            }
        };
        let cadence = Cadence::ALL
            .get(f.chosen(FieldId::Cadence))
            .copied()
            .unwrap_or_default();
        let lang = LANGS
            .get(f.chosen(FieldId::Language))
            .copied()
            .unwrap_or_default();
        let day = u8::try_from(f.chosen(FieldId::Weekday))
            .ok()
            .and_then(|d| Weekday::try_from(d).ok())
            .unwrap_or(Weekday::Mon);
        // A new start month renames the quarters, or is refused before anything is saved.
        let start = u32::try_from(f.chosen(FieldId::FiscalStart) + 1).unwrap_or(1);
        let fy = FiscalYear::starting(start).unwrap_or_default();
        let relabelled = match (fy != self.fy()).then(|| self.relabel_for(fy)) {
            Some(Err(why)) => {
                f.set_error(FieldId::FiscalStart, &why);
                return Err(Box::new(f));
            }
            Some(Ok(r)) => Some(r),
            None => None,
        };
        if let Some(file) = &self.team.config {
            let mut personal = file.personal.clone();
            if me != self.team.me || personal.owner.is_some() {
                personal.owner = me.clone();
            }
            if lang != self.s.lang || personal.language.is_some() {
                personal.language = Some(lang);
            }
            if personal != file.personal {
                if let Err(e) = crate::config::save(&file.path, &personal) {
                    let why = (self.s.team.settings_not_saved)(&e.brief(self.s));
                    f.set_error(FieldId::Owner, &why);
                    return Err(Box::new(f));
                }
                let path = file.path.clone();
                self.team.config = Some(PersonalFile { path, personal });
            }
        }
        self.team.me = me;
        self.s = i18n::strings(lang);
        self.keymap = std::mem::take(&mut self.keymap).in_lang(lang);
        self.reindex(false);
        let before = self.data.settings.clone();
        let mut after = before.clone();
        after.checkin_weekday = day;
        after.cadence = cadence;
        after.holidays = holidays;
        // Two-week periods count from the week they were chosen in.
        if cadence == Cadence::Fortnightly && after.cadence_start.is_none() {
            after.cadence_start = Some(IsoWeek::of(self.today));
        }
        if let Some(relabelled) = relabelled {
            self.commit_relabelled(relabelled, after);
            return Ok(());
        }
        if after != before && !self.commit(Patch::Settings { before, after }) {
            return Ok(());
        }
        self.info(self.s.team.settings_saved);
        Ok(())
    }
}

/// Holiday weeks as the settings write them: `2026-W52, 2026-W53`.
fn holidays_text(weeks: &[IsoWeek]) -> String {
    let names: Vec<String> = weeks.iter().map(IsoWeek::to_string).collect();
    names.join(", ")
}

/// Holiday weeks from the settings' text (commas or spaces between them),
/// in order, each once; the first that is no ISO week when one is not.
fn parse_holidays(text: &str) -> Result<Vec<IsoWeek>, String> {
    let mut weeks: Vec<IsoWeek> = Vec::new();
    for word in text.split([',', ' ', ';']).filter(|w| !w.trim().is_empty()) {
        let week: IsoWeek = word.trim().parse().map_err(|_| word.trim().to_string())?;
        if !weeks.contains(&week) {
            weeks.push(week);
        }
    }
    weeks.sort();
    Ok(weeks)
}
