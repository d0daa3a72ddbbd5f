//! A shared file must not take over the terminal (PRODUCT.md section 7):
//! text read from it reaches no output raw (reports, messages, screens), a
//! note cannot change a report's structure, a joined emoji cannot push a
//! pane's border out of place, and a reader that stops reading ends okr
//! quietly.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::support::Sandbox;
use crate::support::app::{ESC, Harness, ch, code};
use okr::model::{Data, Lang};
use okr::text::is_hostile;
use pulldown_cmark::{Event, Options, Parser, Tag};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthChar;

/// The binary on a sandbox's file, keeping the raw bytes it printed.
struct World(Sandbox);

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl World {
    fn new() -> World {
        World(Sandbox::new())
    }

    fn file(&self) -> PathBuf {
        self.0.file()
    }

    fn write(&self, data: &Value) {
        self.0.write_json(data);
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = self.0.command();
        c.arg("--file").arg(self.file()).args(args);
        c
    }

    fn okr(&self, args: &[&str]) -> Run {
        let out = self.command(args).output().unwrap();
        Run {
            code: out.status.code(),
            stdout: out.stdout,
            stderr: out.stderr,
        }
    }
}

/// Bytes that take over a terminal: ESC, BEL and the other C0 controls but
/// the line break (and the tab, where a format keeps it), DEL, and C1 and
/// bidi controls (multi-byte in UTF-8, so looked for as characters).
fn assert_no_raw_controls(bytes: &[u8], keep_tab: bool, what: &str) {
    for (i, b) in bytes.iter().enumerate() {
        let allowed = *b == b'\n' || (keep_tab && *b == b'\t');
        assert!(
            allowed || !(b.is_ascii_control()),
            "{what}: raw control byte {b:#04x} at {i}"
        );
    }
    assert!(!bytes.contains(&0x1b) && !bytes.contains(&0x07), "{what}");
    let text = std::str::from_utf8(bytes).unwrap();
    for c in text.chars().filter(|c| !matches!(c, '\n' | '\t')) {
        assert!(!is_hostile(c), "{what}: raw {c:?}");
    }
}

/// A title that renames the terminal and clears it, with a bidi override.
const TITLE: &str = "Tak\u{1b}]0;pwned\u{7}\u{1b}[2J över\u{202e}kcab";

/// A data file of the team's, with something hostile in every text that a
/// report shows, or (`hostile == false`) the same data with plain one-line
/// texts: the twin whose report has the structure okr itself makes.
fn fixture(hostile: bool) -> Value {
    let t = |plain: &str, bad: &str| {
        if hostile {
            bad.to_string()
        } else {
            plain.to_string()
        }
    };
    json!({
        "version": 1,
        "objectives": [{
            "id": "o1",
            "title": t("Tak över", TITLE),
            "why": t("Varför", "Varför\u{1b}]52;c;aGVq\u{7}\n# Heading\n- item\n1. one\n> quote\n\
                | a | b |\n|---|---|\n<!-- hidden\n```\n===\n    indented\\|"),
            "kind": "committed",
            "quarter": "2026-Q4",
            "owner": t("Ägare", "Ägare\u{9b}31m"),
            "status": "active",
            "created": "2026-10-01T08:00:00Z",
            "updated": "2026-11-16T09:30:00Z",
            "key_results": [{
                "id": "kr1",
                "title": t("Sälj", "Sälj\u{1b}[31m\r\n## röd"),
                "measure": {"type": "numeric", "start": 0, "target": 10, "current": 1,
                            "unit": t("kr", "kr\u{7}")},
                "confidence": 5,
                "history": []
            }],
            "initiatives": [{"id": "u1", "title": t("Uppgift", "Uppgift\n# Not a heading")}],
            "retro": {
                "went_well": t("Bra", "Bra\n===\n- list\n\n## h2"),
                "to_change": t("Ändra", "Ändra\n---\n<div>\n2) two")
            }
        }],
        "checkins": [{
            "week": "2026-W47",
            "date": "2026-11-16",
            "entries": [{"key_result": "kr1", "value": 1, "confidence": 5,
                         "note": t("Notering", "Notering\u{1b}[2J\t(tab)\n# H\n\t- tab item")}],
            "wins": t("Vinst", "Vinst\n1) one\n+ plus"),
            "blockers": t("Hinder", "Hinder\n>q"),
            "next_steps": t("Nästa", "Nästa\n* star\n~~~")
        }]
    })
}

fn export(w: &World, format: &str) -> Vec<u8> {
    let r = w.okr(&[
        "--lang",
        "en",
        "export",
        "--quarter",
        "all",
        "--format",
        format,
    ]);
    assert_eq!(r.code, Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    r.stdout
}

#[test]
fn export_md_and_csv_hold_no_control_c1_or_bidi_and_show_placeholders() {
    let w = World::new();
    w.write(&fixture(true));
    for format in ["md", "csv"] {
        let out = export(&w, format);
        assert_no_raw_controls(&out, format == "csv", format);
        let text = String::from_utf8(out).unwrap();
        // Nothing is silently hidden: each control is a visible placeholder.
        let mut expected = vec!["Tak�]0;pwned��[2J över�kcab", "kr�", "Notering�[2J"];
        if format == "md" {
            // The why and the owner are in the Markdown report only.
            expected.extend(["Varför�]52;c;aGVq�", "Ägare�31m"]);
        }
        for shown in expected {
            assert!(text.contains(shown), "{format}: {shown:?} in\n{text}");
        }
    }
    // CSV keeps a field's lines and tabs, in a quoted field a CSV reader reads back.
    let csv_text = export(&w, "csv");
    let mut rd = csv::Reader::from_reader(csv_text.as_slice());
    let notes: Vec<String> = rd
        .records()
        .map(|r| r.unwrap().get(20).unwrap().to_string())
        .collect();
    assert!(
        notes.contains(&"Notering�[2J\t(tab)\n# H\n\t- tab item".to_string()),
        "{notes:?}"
    );
}

#[test]
fn export_json_escapes_every_control_and_keeps_the_text_whole() {
    let w = World::new();
    w.write(&fixture(true));
    let out = export(&w, "json");
    assert_no_raw_controls(&out, false, "json");
    let report: Value = serde_json::from_slice(&out).unwrap();
    let o = &report["objectives"][0];
    assert_eq!(o["title"], TITLE);
    assert_eq!(o["owner"], "Ägare\u{9b}31m");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(r#"Ägare\u009b31m"#), "{text}");
    assert!(text.contains(r#"över\u202ekcab"#), "{text}");
}

/// The block structure of a Markdown text as a real parser (CommonMark
/// with tables) sees it, and the text it shows.
fn blocks(md: &str) -> (Vec<String>, String) {
    let mut structure = Vec::new();
    let mut shown = String::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_) => structure.push(format!("{tag:?}")),
                _ => {}
            },
            Event::Rule => structure.push("Rule".into()),
            Event::Html(h) => structure.push(format!("Html {h}")),
            Event::Text(t) => shown.push_str(&t),
            Event::SoftBreak | Event::HardBreak => shown.push('\n'),
            _ => {}
        }
    }
    (structure, shown)
}

#[test]
fn a_note_cannot_change_the_markdown_reports_structure() {
    let w = World::new();
    w.write(&fixture(false));
    let tame = String::from_utf8(export(&w, "md")).unwrap();
    w.write(&fixture(true));
    let hostile = String::from_utf8(export(&w, "md")).unwrap();
    let (expected, _) = blocks(&tame);
    let (structure, shown) = blocks(&hostile);
    assert_eq!(structure, expected, "\n{hostile}");
    // The report's own headings: the title, the quarter, the Mål, the check-ins.
    let headings = structure
        .iter()
        .filter(|b| b.starts_with("Heading"))
        .count();
    assert_eq!(headings, 4, "\n{hostile}");
    let top_items = hostile.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(
        top_items,
        tame.lines().filter(|l| l.starts_with("- ")).count()
    );
    // Every line of every text is still there to read.
    for line in [
        "# Heading",
        "- item",
        "1. one",
        "> quote",
        "| a | b |",
        "<!-- hidden",
        "```",
        "indented\\|",
        "- list",
        "## h2",
        "<div>",
        "2) two",
        "# H",
        "1) one",
        "* star",
    ] {
        assert!(shown.contains(line), "{line:?} in\n{shown}");
    }
}

#[test]
fn okr_update_says_what_it_recorded_without_raw_controls() {
    let w = World::new();
    w.write(&fixture(true));
    let r = w.okr(&["update", "kr1", "2"]);
    assert_eq!(r.code, Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    assert_no_raw_controls(&r.stdout, false, "update");
    let line = String::from_utf8(r.stdout).unwrap();
    assert_eq!(line, "kr1 Sälj�[31m ## röd: 1 → 2 kr�\n");
}

#[test]
fn errors_that_quote_the_file_or_an_id_hold_no_raw_controls() {
    let w = World::new();
    // A value the file may not hold is quoted by the error that refuses it.
    let mut data = fixture(false);
    data["objectives"][0]["kind"] = json!("\u{1b}]0;pwned\u{7}\u{1b}[2J");
    w.write(&data);
    let r = w.okr(&["export"]);
    assert_eq!(r.code, Some(1));
    assert_no_raw_controls(&r.stderr, false, "load error");
    let message = String::from_utf8(r.stderr).unwrap();
    assert!(message.contains("�]0;pwned��[2J"), "{message}");

    // An id taken from the file by a script, and not found.
    w.write(&fixture(true));
    let r = w.okr(&["update", "kr\u{1b}[2J\u{9b}\u{202e}", "3"]);
    assert_eq!(r.code, Some(1));
    assert_no_raw_controls(&r.stderr, false, "update error");
    let message = String::from_utf8(r.stderr).unwrap();
    assert!(message.contains("'kr�[2J��'"), "{message}");
}

/// Many Mål, so that a report is far larger than a pipe holds.
fn large() -> Value {
    let mut data = fixture(true);
    let one = data["objectives"][0].clone();
    let many: Vec<Value> = (0..1500)
        .map(|i| {
            let mut o = one.clone();
            o["id"] = json!(format!("o{i}"));
            o["key_results"][0]["id"] = json!(format!("kr{i}"));
            o["initiatives"] = json!([]);
            o
        })
        .collect();
    data["objectives"] = json!(many);
    data["checkins"] = json!([]);
    data
}

#[test]
fn a_reader_that_stops_reading_ends_okr_quietly() {
    let w = World::new();
    w.write(&large());
    for format in ["md", "csv", "json"] {
        let mut child = w
            .command(&["export", "--quarter", "all", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        // The reader is dropped here: okr writes on into a closed pipe.
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
    // `path` and `update` on a pipe closed before they write; the update is saved.
    for args in [&["path"][..], &["update", "kr7", "4"][..]] {
        let mut child = w
            .command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
    let data: Value = serde_json::from_slice(&fs::read(w.file()).unwrap()).unwrap();
    assert_eq!(
        data["objectives"][7]["key_results"][0]["measure"]["current"],
        4.0
    );
}

/// A title that draws wider in a terminal than ratatui counts it, unless
/// neutralised: joined emoji, a red heart, a skin tone, stacked combining
/// marks, wide characters, a bidi override and an escape sequence.
const WIDE: &str = "👨\u{200d}👩\u{200d}👧\u{200d}👦 Familj ❤\u{fe0f} 👍\u{1f3fd} \
    Z\u{351}\u{352}\u{353} 漢字 \u{202e}kcab \u{1b}]0;pwned\u{7} 🧑\u{200d}💻 ";

fn screen_data() -> Data {
    let mut data = fixture(true);
    data["objectives"][0]["title"] = json!(WIDE.repeat(4));
    data["objectives"][0]["why"] = json!(WIDE.repeat(3));
    data["objectives"][0]["key_results"][0]["title"] = json!(WIDE.repeat(4));
    data["objectives"][0]["retro"]["went_well"] = json!(WIDE.repeat(2));
    serde_json::from_value(data).unwrap()
}

/// What a terminal that moves its cursor character by character does with
/// each row: every cell must move it exactly as far as ratatui counted, so
/// nothing lands outside its area and each border is where it belongs.
fn assert_drawn_as_measured(buf: &Buffer, what: &str) {
    let mut bordered = 0;
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            let cells = symbol.cell_width().max(1);
            let advance: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(
                advance,
                usize::from(cells),
                "{what}: row {y}, column {x}: {symbol:?} in {row:?}"
            );
            assert!(
                !symbol.chars().any(|c| is_hostile(c) || c == '\u{200d}'),
                "{what}: {symbol:?}"
            );
            x += cells;
        }
        assert_eq!(x, buf.area.width, "{what}: row {y}");
        let right = buf[(buf.area.width - 1, y)].symbol();
        match buf[(0, y)].symbol() {
            "│" => assert_eq!(right, "│", "{what}: row {y}: {row:?}"),
            "┌" => assert_eq!(right, "┐", "{what}: row {y}: {row:?}"),
            "└" => assert_eq!(right, "┘", "{what}: row {y}: {row:?}"),
            _ => continue,
        }
        bordered += 1;
    }
    assert!(bordered >= 8, "{what}: a pane spans the width");
}

fn draw(h: &Harness) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text_of(buf: &Buffer) -> String {
    buf.content.iter().map(|c| c.symbol()).collect()
}

#[test]
fn screens_draw_a_hostile_title_as_wide_as_its_pane() {
    let mut h = Harness::new(Some(screen_data()), Lang::En);
    let quarter = draw(&h);
    assert_drawn_as_measured(&quarter, "quarter");
    // The escape sequence and the override are shown, not acted on or hidden.
    let shown = text_of(&quarter);
    assert!(shown.contains("�]0;pwned�"), "{shown}");
    assert!(shown.contains("�kcab"), "{shown}");

    // The edit form draws the title and the why as they are typed.
    h.keys(&[ch('e')]);
    assert!(h.app.modal().is_some(), "the edit form is open");
    assert_drawn_as_measured(&draw(&h), "edit form");
    h.keys(&[code(ESC)]);
    assert!(h.app.modal().is_none(), "the edit form is closed");

    h.open_detail_of(0);
    assert_drawn_as_measured(&draw(&h), "detail");

    // The review form's retro is edited in a text area, drawn as it is typed.
    let mut h = Harness::new(Some(screen_data()), Lang::En);
    h.open_review_form_of(0);
    let review = draw(&h);
    assert!(text_of(&review).contains("Familj"), "the retro is drawn");
    assert_drawn_as_measured(&review, "review form");
}
