//! CSV into a [`Plan`]: okr's own export (its header has `objective_id`),
//! or a spreadsheet whose header names its columns in either language's
//! words. The separator is the header's most frequent of `,` `;` and tab
//! (a Swedish spreadsheet writes `;`). Quarters and years are read as the
//! data file's own year names them (`2026-Q4`, `2027`, `FY2027-Q2`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::columns::{Col, column_of};
use super::{Place, Plan, Problem};
use crate::model::number;
use crate::model::{
    CheckIn, CheckInEntry, Extra, FiscalYear, HistoryEntry, Initiative, IsoWeek, KeyResult, Lang,
    Measure, MeasureKind, Objective, Quarter,
};

type Located = (Place, Problem);

/// One data row with the header's meaning of each cell.
struct Row<'a> {
    number: usize,
    cells: &'a [String],
    header: &'a [String],
    columns: &'a HashMap<Col, usize>,
    lang: Lang,
}

impl<'a> Row<'a> {
    /// The cell of a column, trimmed, without the `'` an export put before
    /// a text a spreadsheet would take for a formula
    /// ([`crate::text::from_spreadsheet`]); `None` when the column is not
    /// there or the cell is empty.
    fn get(&self, col: Col) -> Option<&'a str> {
        let i = *self.columns.get(&col)?;
        let cell = self.cells.get(i)?.trim();
        (!cell.is_empty()).then(|| crate::text::from_spreadsheet(cell))
    }

    /// The cell as it was written (only surrounding spaces taken away), for texts.
    fn text(&self, col: Col) -> Option<String> {
        self.get(col).map(str::to_string)
    }

    fn at(&self, col: Col, problem: Problem) -> Located {
        let column = self.columns.get(&col).copied().unwrap_or(0);
        (self.place(column), problem)
    }

    fn place(&self, column: usize) -> Place {
        Place::Cell {
            row: self.number,
            column,
            name: self.header.get(column).cloned().unwrap_or_default(),
        }
    }

    fn title(&self, col: Col) -> Result<Option<String>, Located> {
        let Some(t) = self.get(col) else {
            return Ok(None);
        };
        if t.chars()
            .any(|c| c != '\n' && c != '\t' && crate::text::is_hostile(c))
        {
            return Err(self.at(col, Problem::Control));
        }
        Ok(Some(t.to_string()))
    }

    fn number(&self, col: Col) -> Result<Option<f64>, Located> {
        let Some(t) = self.get(col) else {
            return Ok(None);
        };
        number::parse(t, self.lang).map(Some).map_err(|why| {
            self.at(
                col,
                Problem::Number {
                    typed: t.to_string(),
                    why,
                    lang: self.lang,
                },
            )
        })
    }

    fn parsed<T>(
        &self,
        col: Col,
        read: impl Fn(&str) -> Option<T>,
        bad: fn(String) -> Problem,
    ) -> Result<Option<T>, Located> {
        match self.get(col) {
            None => Ok(None),
            Some(t) => read(t)
                .map(Some)
                .ok_or_else(|| self.at(col, bad(t.to_string()))),
        }
    }
}

/// Where a Mål of the plan is, and the first row that named it.
struct Group {
    index: usize,
    row: usize,
}

/// Reads CSV bytes into a plan; numbers of a spreadsheet in `lang`'s
/// convention, those of okr's own export as it writes them; quarters as
/// `fy`'s, `today` for a row without one.
pub fn read(
    bytes: &[u8],
    lang: Lang,
    (today, fy): (Quarter, FiscalYear),
    now: DateTime<Utc>,
) -> Result<Plan, Located> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let records = super::records::records(bytes)?;
    let Some(((_, header), rows)) = records.split_first() else {
        return Err((Place::File, Problem::Nothing));
    };
    let mut columns: HashMap<Col, usize> = HashMap::new();
    let mut not_read = Vec::new();
    for (i, name) in header.iter().enumerate() {
        match column_of(name) {
            Some(Col::Derived) => {}
            Some(col) => {
                if let Some(&before) = columns.get(&col) {
                    return Err((
                        Place::File,
                        Problem::ColumnTwice(
                            header[before].trim().to_string(),
                            name.trim().to_string(),
                        ),
                    ));
                }
                columns.insert(col, i);
            }
            None if name.trim().is_empty() => {}
            None => not_read.push(name.trim().to_string()),
        }
    }
    if !columns.contains_key(&Col::Objective) {
        return Err((Place::File, Problem::NoTitleColumn));
    }
    // okr's own export writes numbers with `.` and no grouping: the English rules read them.
    let own = columns.contains_key(&Col::ObjectiveId);
    let lang = if own { Lang::En } else { lang };
    let mut b = Builder {
        plan: Plan {
            not_read,
            ..Plan::default()
        },
        groups: HashMap::new(),
        key_results: HashMap::new(),
        weeks: Vec::new(),
        today,
        fy,
        own,
        now,
    };
    for (number, cells) in rows {
        let row = Row {
            number: *number,
            cells,
            header,
            columns: &columns,
            lang,
        };
        if let Some((i, _)) = cells
            .iter()
            .enumerate()
            .skip(header.len())
            .find(|(_, c)| !c.trim().is_empty())
        {
            return Err((row.place(i), Problem::NoColumn));
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        b.row(&row)?;
    }
    b.finish()
}

/// What makes rows one Mål: its id in okr's own export, else its title,
/// quarter and owner.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum GroupKey {
    Id(String),
    Title(String, Quarter, String),
}

struct Builder {
    plan: Plan,
    /// Each Mål's group and where it is in the plan.
    groups: HashMap<GroupKey, Group>,
    /// A key result of okr's own export by (Mål group, key result id): its place.
    key_results: HashMap<(usize, String), (usize, usize)>,
    /// Check-in entries by week: its date and the entries.
    weeks: Vec<(IsoWeek, NaiveDate, Vec<CheckInEntry>)>,
    /// Today's quarter: a row's without one.
    today: Quarter,
    /// The data file's year: quarters are named by it.
    fy: FiscalYear,
    /// Whether the file is okr's own export, which names a quarter with
    /// `FY` exactly when its year does not start in January.
    own: bool,
    now: DateTime<Utc>,
}

impl Builder {
    fn row(&mut self, row: &Row) -> Result<(), Located> {
        let title = row
            .title(Col::Objective)?
            .ok_or_else(|| row.at(Col::Objective, Problem::EmptyTitle))?;
        let quarter = self
            .quarter(row, Col::Quarter, Problem::Quarter)?
            .unwrap_or(self.today);
        let until = self.quarter(row, Col::Until, Problem::Until)?;
        let owner = row.text(Col::Owner);
        let kind = row.parsed(Col::Kind, kind, Problem::Kind)?;
        let status = row.parsed(Col::Status, status, Problem::Status)?;
        let score = row.number(Col::Score)?;
        if score.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
            return Err(row.at(Col::Score, Problem::Score));
        }
        let key = match row.get(Col::ObjectiveId) {
            Some(id) => GroupKey::Id(id.to_string()),
            None => GroupKey::Title(title.clone(), quarter, owner.clone().unwrap_or_default()),
        };
        let index = match self.groups.get(&key) {
            Some(g) => {
                let o = &self.plan.objectives[g.index];
                let differs =
                    |col: Col, same: bool| (!same).then(|| row.at(col, Problem::Differs(g.row)));
                let checks = [
                    differs(Col::Objective, o.title == title),
                    differs(
                        Col::Quarter,
                        row.get(Col::Quarter).is_none() || o.quarter == quarter,
                    ),
                    differs(Col::Until, until.is_none() || o.until == until),
                    differs(Col::Owner, owner.is_none() || o.owner == owner),
                    differs(Col::Kind, kind.is_none_or(|k| k == o.kind)),
                    differs(Col::Status, status.is_none_or(|s| s == o.status)),
                    differs(Col::Score, score.is_none() || o.score == score),
                ];
                if let Some(e) = checks.into_iter().flatten().next() {
                    return Err(e);
                }
                g.index
            }
            None => {
                if let Some(u) = until {
                    let typed = row.get(Col::Until).unwrap_or_default();
                    if let Some(p) = super::until_problem(quarter, u, typed, self.fy) {
                        return Err(row.at(Col::Until, p));
                    }
                }
                let n = self.plan.objectives.len();
                let mut o = Objective::new(
                    format!("o{}", n + 1),
                    title,
                    kind.unwrap_or_default(),
                    quarter,
                    self.now,
                );
                o.owner = owner;
                o.until = until;
                o.status = status.unwrap_or_default();
                o.score = score;
                o.why = row.text(Col::Why).unwrap_or_default();
                o.retro.went_well = row.text(Col::WentWell).unwrap_or_default();
                o.retro.to_change = row.text(Col::ToChange).unwrap_or_default();
                self.plan.objectives.push(o);
                self.groups.insert(
                    key,
                    Group {
                        index: n,
                        row: row.number,
                    },
                );
                n
            }
        };
        let kr = self.key_result(row, index)?;
        if let Some(t) = row.title(Col::Initiative)? {
            let all: usize = self
                .plan
                .objectives
                .iter()
                .map(|o| o.initiatives.len())
                .sum();
            let mut u = Initiative::new(format!("u{}", all + 1), t);
            u.key_result = kr.map(|(oi, ki)| self.plan.objectives[oi].key_results[ki].id.clone());
            self.plan.objectives[index].initiatives.push(u);
        }
        Ok(())
    }

    /// A quarter's (or year's) cell, named as the data file's year names it.
    /// A name with `FY` is refused for a year that starts in January, and
    /// one without it in okr's own export for a year that does not: the
    /// sheet's year started in another month, and its quarters would move.
    fn quarter(
        &self,
        row: &Row,
        col: Col,
        bad: fn(String) -> Problem,
    ) -> Result<Option<Quarter>, Located> {
        let Some(t) = row.get(col) else {
            return Ok(None);
        };
        let q = t
            .parse::<Quarter>()
            .map_err(|_| row.at(col, bad(t.to_string())))?;
        let marked = t.get(..2).is_some_and(|fy| fy.eq_ignore_ascii_case("fy"));
        if marked && self.fy.is_calendar() {
            return Err(row.at(col, Problem::FiscalName(t.to_string())));
        }
        if !marked && self.own && !self.fy.is_calendar() {
            let (theirs, ours) = (1, self.fy.start_month());
            return Err(row.at(col, Problem::YearStarts { theirs, ours }));
        }
        Ok(Some(q))
    }

    /// The row's key result: a new one, or (in okr's own export) one named
    /// before, with a check-in week's value when the row has a week.
    fn key_result(&mut self, row: &Row, index: usize) -> Result<Option<(usize, usize)>, Located> {
        let title = row.title(Col::KeyResult)?;
        let id = row.get(Col::KeyResultId);
        let week = row.parsed(Col::Week, |t| t.parse::<IsoWeek>().ok(), Problem::Week)?;
        if title.is_none() && id.is_none() {
            if week.is_some() {
                return Err(row.at(Col::Week, Problem::NeedsKeyResult));
            }
            return Ok(None);
        }
        let known = id.and_then(|id| self.key_results.get(&(index, id.to_string())).copied());
        let place = match known {
            Some(p) => p,
            None => {
                let title = title.ok_or_else(|| row.at(Col::KeyResult, Problem::EmptyTitle))?;
                let all: usize = self
                    .plan
                    .objectives
                    .iter()
                    .map(|o| o.key_results.len())
                    .sum();
                let mut k = KeyResult::new(format!("kr{}", all + 1), title, measure(row)?);
                k.weight = weight(row)?.unwrap_or(1.0);
                k.confidence = confidence(row)?.unwrap_or(5);
                let o = &mut self.plan.objectives[index];
                o.key_results.push(k);
                let p = (index, o.key_results.len() - 1);
                if let Some(id) = id {
                    self.key_results.insert((index, id.to_string()), p);
                }
                p
            }
        };
        let Some(week) = week else {
            // The state now: a later row of the same key result sets its value.
            if known.is_some() {
                let value = current(
                    row,
                    &self.plan.objectives[place.0].key_results[place.1].measure,
                )?;
                let confidence = confidence(row)?;
                let k = &mut self.plan.objectives[place.0].key_results[place.1];
                if let Some(v) = value {
                    k.measure.set_current(v);
                }
                if let Some(c) = confidence {
                    k.confidence = c;
                }
            }
            return Ok(Some(place));
        };
        let date = row
            .get(Col::CheckinDate)
            .ok_or_else(|| row.at(Col::CheckinDate, Problem::Date(String::new())))?;
        let date = date
            .parse::<NaiveDate>()
            .map_err(|_| row.at(Col::CheckinDate, Problem::Date(date.to_string())))?;
        let k = &self.plan.objectives[place.0].key_results[place.1];
        let value = current(row, &k.measure)?.unwrap_or_else(|| k.measure.current());
        let confidence = confidence(row)?.unwrap_or(k.confidence);
        let note = row.text(Col::Note).unwrap_or_default();
        let entry = CheckInEntry {
            key_result: k.id.clone(),
            value,
            confidence,
            note: note.clone(),
            extra: Extra::new(),
        };
        let k = &mut self.plan.objectives[place.0].key_results[place.1];
        let at = k.history.partition_point(|h| h.date <= date);
        k.history
            .insert(at, HistoryEntry::new(date, value, Some(confidence), note));
        match self.weeks.iter_mut().find(|(w, _, _)| *w == week) {
            Some((_, _, entries)) => entries.push(entry),
            None => self.weeks.push((week, date, vec![entry])),
        }
        Ok(Some(place))
    }

    fn finish(mut self) -> Result<Plan, Located> {
        self.weeks.sort_by_key(|(w, _, _)| *w);
        for (week, date, entries) in self.weeks {
            let mut c = CheckIn::new(date);
            c.week = week;
            c.entries = entries;
            self.plan.checkins.push(c);
        }
        Ok(self.plan)
    }
}

/// The measure a row describes: by its `type` when it has one, else a number
/// from start to target when either is given, else done / not done.
fn measure(row: &Row) -> Result<Measure, Located> {
    let ty = row.parsed(Col::MeasureType, measure_type, Problem::MeasureType)?;
    let (start, target, level) = (
        row.number(Col::Start)?,
        row.number(Col::Target)?,
        row.number(Col::Level)?,
    );
    let unit = row.text(Col::Unit).unwrap_or_default();
    let ty = ty.unwrap_or(if start.is_some() || target.is_some() {
        MeasureKind::Numeric
    } else {
        MeasureKind::Done
    });
    let mut m = match ty {
        MeasureKind::Numeric => {
            let target = target.ok_or_else(|| row.at(Col::Target, Problem::NeedsTarget))?;
            Measure::numeric(start.unwrap_or(0.0), target, &unit)
        }
        MeasureKind::AtLeast | MeasureKind::AtMost => {
            let level = level.ok_or_else(|| row.at(Col::Level, Problem::NeedsLevel))?;
            if ty == MeasureKind::AtLeast {
                Measure::at_least(level, level, &unit)
            } else {
                Measure::at_most(level, level, &unit)
            }
        }
        MeasureKind::Done => Measure::done(false),
    };
    if let Some(v) = current(row, &m)? {
        m.set_current(v);
    }
    Ok(m)
}

/// The `current` cell for a measure: a number, or for done / not done a yes or no.
fn current(row: &Row, m: &Measure) -> Result<Option<f64>, Located> {
    if m.is_binary() {
        return row.parsed(Col::Current, done_word, Problem::DoneValue);
    }
    row.number(Col::Current)
}

fn done_word(t: &str) -> Option<f64> {
    typed::done_value(t).map(|d| if d { 1.0 } else { 0.0 })
}

fn confidence(row: &Row) -> Result<Option<u8>, Located> {
    match row.number(Col::Confidence)? {
        None => Ok(None),
        Some(c) if c.fract() == 0.0 && (1.0..=10.0).contains(&c) => Ok(Some(c as u8)),
        Some(_) => Err(row.at(Col::Confidence, Problem::Confidence)),
    }
}

fn weight(row: &Row) -> Result<Option<f64>, Located> {
    match row.number(Col::Weight)? {
        Some(w) if !(w.is_finite() && w > 0.0) => Err(row.at(Col::Weight, Problem::Weight)),
        w => Ok(w),
    }
}

use crate::i18n::typed::{self, kind, measure_type, status};
