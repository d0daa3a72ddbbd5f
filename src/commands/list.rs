//! `okr list`: the Mål of a quarter (or all) with their key results and
//! Uppgifter — ids, titles, owners, progress, status and value — to find
//! what `okr update` needs. On a terminal, an indented table cut to its
//! width; otherwise plain tab-separated lines for scripts.

use std::io::Write;

use crate::error::Result;
use chrono::NaiveDate;

use crate::export::QuarterChoice;
use crate::i18n::Strings;
use crate::model::numbers::{Figures, Numbers};
use crate::model::progress;
use crate::model::{Data, FiscalYear, Initiative, KeyResult, Objective, Quarter};
use crate::text;
use crate::ui::widgets::fit;

/// One row: a Mål, a key result or an Uppgift, its texts as the file has them.
struct Row {
    /// 0 for a Mål, 1 for what is under it.
    depth: usize,
    id: String,
    title: String,
    owner: String,
    progress: String,
    status: String,
    value: String,
    quarter: Quarter,
    fy: FiscalYear,
}

/// The gap between two columns of the table.
const GAP: usize = 2;
/// A title column is never cut below this while other columns can go.
const MIN_TITLE: usize = 12;

/// The Mål `okr list` shows: the chosen quarters' (of `owner`, when given),
/// quarter by quarter and in file order within each, with the numbers of
/// every owner's Mål there, so narrowing to one owner changes no number.
fn listed<'a>(
    data: &'a Data,
    which: QuarterChoice,
    owner: Option<&str>,
    today: NaiveDate,
) -> (Vec<&'a Objective>, Numbers<'a>) {
    let fy = data.fiscal_year();
    let numbers = match which {
        QuarterChoice::One(q) => Numbers::of(data.around(q), fy, today),
        QuarterChoice::All => Numbers::of(data.objectives.iter().map(|o| &**o), fy, today),
    };
    // One quarter lists the Mål spanning it too; all lists each Mål once,
    // under its first quarter (or its year).
    let mut mine: Vec<&Objective> = data
        .objectives
        .iter()
        .map(|o| &**o)
        .filter(|o| match which {
            QuarterChoice::One(q) => o.covers(q),
            QuarterChoice::All => true,
        })
        .filter(|o| owner.is_none_or(|w| crate::model::owners::owned_by(o, w)))
        .collect();
    mine.sort_by_key(|o| o.quarter);
    (mine, numbers)
}

/// `okr list`: the rows of the chosen quarters and owner to `out`, as a
/// table `width` cells wide, or as plain lines when `width` is `None`.
pub fn list(
    data: &Data,
    which: QuarterChoice,
    owner: Option<&str>,
    s: &Strings,
    today: NaiveDate,
    width: Option<u16>,
    out: &mut impl Write,
) -> Result<()> {
    let (mine, numbers) = listed(data, which, owner, today);
    let fy = data.fiscal_year();
    let mut rows: Vec<Row> = mine
        .iter()
        .flat_map(|o| rows_of(o, &numbers.get(o), s, (fy, today)))
        .collect();
    if let QuarterChoice::One(q) = which {
        rows.iter_mut().for_each(|r| r.quarter = q);
    }
    match width {
        Some(w) => {
            // On a terminal each id by its shortest unique beginning; in a
            // pipe whole, since a beginning unique today may not be tomorrow.
            let short = crate::model::ids::ShortIds::new(data.ids());
            for r in &mut rows {
                r.id = short.shown(&r.id).to_string();
            }
            table(&rows, s, usize::from(w), out)
        }
        None => plain(&rows, out),
    }
}

/// `okr list --json`: the chosen quarters' Mål (of `owner`, when given), in
/// quarter then file order, each with its key results and Uppgifter, the
/// numbers every surface gives (see docs/command-line.md for the keys).
pub fn list_json(
    data: &Data,
    which: QuarterChoice,
    owner: Option<&str>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let (mine, numbers) = listed(data, which, owner, today);
    let fy = data.fiscal_year();
    let json: Vec<serde_json::Value> = mine
        .iter()
        .map(|o| {
            let f = numbers.get(o);
            serde_json::json!({
                "id": o.id,
                "quarter": o.quarter.name(fy),
                "until": o.until.filter(|_| o.spans()).map(|u| u.name(fy)),
                "title": o.title,
                "owner": o.owner,
                "progress": f.progress,
                "status": f.status.map(progress::PaceStatus::id),
                "key_results": o.key_results.iter().map(|k| serde_json::json!({
                    "id": k.id,
                    "title": k.title,
                    "progress": progress::key_result_progress(k),
                    "status": progress::key_result_status(k, o.dates(fy), today).id(),
                    "current": k.measure.current(),
                    "unit": k.measure.unit(),
                    "confidence": k.confidence,
                })).collect::<Vec<_>>(),
                "initiatives": o.initiatives.iter().map(|i| serde_json::json!({
                    "id": i.id,
                    "title": i.title,
                    "done": i.done,
                    "key_result": i.key_result,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut json_out =
        serde_json::Serializer::with_formatter(&mut *out, text::JsonEscaping::default());
    serde::Serialize::serialize(&json, &mut json_out)?;
    writeln!(out)?;
    Ok(())
}

fn rows_of(
    o: &Objective,
    f: &Figures,
    s: &Strings,
    (fy, today): (FiscalYear, NaiveDate),
) -> Vec<Row> {
    let owner = o.owner.clone().unwrap_or_default();
    let mut rows = vec![Row {
        depth: 0,
        id: o.id.clone(),
        title: o.title.clone(),
        owner: owner.clone(),
        progress: s.percent_of(f.progress),
        status: f
            .status
            .map_or(s.no_progress_yet, |st| s.pace_status(st))
            .to_string(),
        value: {
            let (done, all) = o.initiatives_done();
            if all > 0 {
                format!("{} {done}/{all}", s.initiatives.to_lowercase())
            } else {
                String::new()
            }
        },
        quarter: o.quarter,
        fy,
    }];
    rows.extend(
        o.key_results
            .iter()
            .map(|k| key_result_row(o, k, s, (fy, today))),
    );
    rows.extend(o.initiatives.iter().map(|i| initiative_row(o, i, s, fy)));
    rows
}

fn key_result_row(
    o: &Objective,
    k: &KeyResult,
    s: &Strings,
    (fy, today): (FiscalYear, NaiveDate),
) -> Row {
    Row {
        depth: 1,
        id: k.id.clone(),
        title: k.title.clone(),
        owner: o.owner.clone().unwrap_or_default(),
        progress: s.percent(progress::key_result_progress(k)),
        status: s
            .pace_status(progress::key_result_status(k, o.dates(fy), today))
            .to_string(),
        value: s.measure_text(&k.measure),
        quarter: o.quarter,
        fy,
    }
}

fn initiative_row(o: &Objective, i: &Initiative, s: &Strings, fy: FiscalYear) -> Row {
    Row {
        depth: 1,
        id: i.id.clone(),
        title: i.title.clone(),
        owner: o.owner.clone().unwrap_or_default(),
        progress: String::new(),
        status: if i.done.is_some() {
            s.done.to_string()
        } else {
            s.commands.open.to_string()
        },
        value: {
            let mut v: Vec<String> = i.done.iter().map(|d| d.to_string()).collect();
            v.extend(
                i.key_result
                    .as_ref()
                    .map(|k| format!("{} {k}", s.linked_to)),
            );
            v.join(" ")
        },
        quarter: o.quarter,
        fy,
    }
}

/// Plain lines, one per row: id, title, owner, progress, status, value and
/// quarter, separated by tabs; a text's tabs and line breaks are spaces.
fn plain(rows: &[Row], out: &mut impl Write) -> Result<()> {
    for r in rows {
        let fields = [
            &r.id,
            &r.title,
            &r.owner,
            &r.progress,
            &r.status,
            &r.value,
            &r.quarter.name(r.fy),
        ];
        let line: Vec<String> = fields.iter().map(|f| text::line(f)).collect();
        writeln!(out, "{}", line.join("\t"))?;
    }
    Ok(())
}

/// The columns after the title; when the terminal is narrow the owner gives
/// way first, then the status, then the value.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Owner,
    Progress,
    Status,
    Value,
}

const AFTER_TITLE: [Column; 4] = [
    Column::Owner,
    Column::Progress,
    Column::Status,
    Column::Value,
];

impl Column {
    /// A row's text in the column; the owner only on a Mål's row (what is
    /// under it has the same).
    fn of(self, r: &Row) -> &str {
        match self {
            Column::Owner if r.depth > 0 => "",
            Column::Owner => &r.owner,
            Column::Progress => &r.progress,
            Column::Status => &r.status,
            Column::Value => &r.value,
        }
    }

    fn heading(self, s: &Strings) -> &'static str {
        match self {
            Column::Owner => s.owner,
            Column::Progress => s.progress,
            Column::Status => s.status,
            Column::Value => s.value,
        }
    }

    /// The widest a column may be before its texts are cut.
    fn most(self) -> usize {
        match self {
            Column::Owner => 16,
            Column::Value => 28,
            Column::Progress | Column::Status => usize::MAX,
        }
    }
}

/// The indented table, every line at most `width` cells, with a heading
/// line per quarter.
fn table(rows: &[Row], s: &Strings, width: usize, out: &mut impl Write) -> Result<()> {
    if rows.is_empty() {
        writeln!(out, "{}", s.commands.nothing_listed)?;
        return Ok(());
    }
    let cells = |t: &str| text::width(&text::shown(t));
    let id_w = rows
        .iter()
        .map(|r| r.depth * 2 + cells(&r.id))
        .chain([cells(s.commands.col_id)])
        .max()
        .unwrap_or(0);
    let title_w = rows
        .iter()
        .map(|r| cells(&r.title))
        .chain([cells(s.f_title)])
        .max()
        .unwrap_or(0);
    // The columns with anything in them, at the width of their widest text.
    let mut columns: Vec<(Column, usize)> = AFTER_TITLE
        .iter()
        .filter(|c| rows.iter().any(|r| !c.of(r).is_empty()))
        .map(|&c| {
            let w = rows.iter().map(|r| cells(c.of(r))).max().unwrap_or(0);
            (c, w.max(cells(c.heading(s))).min(c.most()))
        })
        .collect();
    let room = |columns: &[(Column, usize)]| {
        let used: usize = columns.iter().map(|(_, w)| w + GAP).sum();
        width.saturating_sub(id_w + GAP + used)
    };
    for gives_way in [Column::Owner, Column::Status, Column::Value] {
        if room(&columns) >= title_w.min(MIN_TITLE) {
            break;
        }
        columns.retain(|(c, _)| *c != gives_way);
    }
    let title_w = title_w.min(room(&columns));
    let line = |id: &str, depth: usize, title: &str, rest: Vec<String>| {
        let mut l = " ".repeat(depth * 2);
        l.push_str(&fit(id, id_w.saturating_sub(depth * 2)));
        let mut at = id_w + GAP;
        pad(&mut l, at);
        l.push_str(&fit(title, title_w));
        at += title_w + GAP;
        for ((_, w), text) in columns.iter().zip(rest) {
            pad(&mut l, at);
            l.push_str(&fit(&text, *w));
            at += w + GAP;
        }
        fit(l.trim_end(), width)
    };
    let heading = line(
        s.commands.col_id,
        0,
        s.f_title,
        columns
            .iter()
            .map(|(c, _)| c.heading(s).to_string())
            .collect(),
    );
    let mut quarter = None;
    for r in rows {
        if quarter != Some(r.quarter) {
            if quarter.is_some() {
                writeln!(out)?;
            }
            quarter = Some(r.quarter);
            writeln!(
                out,
                "{}",
                fit(
                    &format!("{} {}", s.period_word(r.quarter), r.quarter.label(r.fy)),
                    width
                )
            )?;
            writeln!(out, "{heading}")?;
        }
        let rest = columns.iter().map(|(c, _)| c.of(r).to_string()).collect();
        writeln!(out, "{}", line(&r.id, r.depth, &r.title, rest))?;
    }
    Ok(())
}

/// Spaces up to `cells` display cells.
fn pad(line: &mut String, cells: usize) {
    let have = text::width(line);
    line.extend(std::iter::repeat_n(' ', cells.saturating_sub(have)));
}

/// `okr list [--quarter Q|all] [--json]`: a table on a terminal, plain lines
/// in a pipe, or JSON.
pub fn run(
    file: &std::path::Path,
    who: &super::Me,
    (quarter, json): (Option<QuarterChoice>, bool),
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<()> {
    let data = crate::store::read(file)?;
    let which = quarter.unwrap_or(QuarterChoice::One(crate::model::Quarter::of(
        today,
        data.fiscal_year(),
    )));
    let owner = who.narrowed();
    if json {
        list_json(&data, which, owner.as_deref(), today, out)?;
    } else {
        let s = crate::i18n::strings(crate::i18n::choose_lang(who.lang, data.settings.language));
        let width = super::terminal_width();
        list(&data, which, owner.as_deref(), s, today, width, out)?;
    }
    // The process ends next: its memory goes back whole, not item by item.
    std::mem::forget(data);
    Ok(())
}
