//! `okr export --format html`: one page that stands alone (no script,
//! nothing fetched), whose every text from the file is text, in either
//! language, with the numbers of the Markdown report. The page in a real
//! browser is `tests/terminal/e2e_html.rs`.

use crate::support::Sandbox;
use crate::support::html::{INITIATIVE, NOTE, OWNER, RETRO, TITLE, WHY, escaped, page_data};
use okr::i18n::strings;
use okr::model::Lang;

/// The elements a report may hold: no script, image, frame, link, object,
/// form or anything else that runs or fetches.
const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "main", "footer", "section", "div", "article", "span", "ol", "ul", "li", "svg", "rect", "line",
    "polyline", "circle",
];

/// Attributes that fetch or run something.
const REFUSED: &[&str] = &[
    "src",
    "href",
    "xlink:href",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "onload",
    "onerror",
    "onclick",
];

fn export(w: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["export", "--format", "html"];
    all.extend(args);
    let r = w.okr(&all);
    r.ok();
    assert_eq!(r.stderr, "");
    r.stdout
}

fn md(w: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["export", "--format", "md"];
    all.extend(args);
    let r = w.okr(&all);
    r.ok();
    r.stdout
}

/// Each tag of a document, as written between `<` and `>`: a text from
/// the file holds no `<` of its own once escaped, so each is a real tag.
fn tags(doc: &str) -> Vec<&str> {
    doc.split('<')
        .skip(1)
        .map(|t| t.split_once('>').expect("a tag ends").0)
        .collect()
}

/// Checks the document's shape: a doctype, `<html lang>`, every element
/// allowed and closed in order, no attribute that fetches or runs, one
/// style sheet that loads nothing.
fn assert_stands_alone(doc: &str, lang: &str) {
    assert!(
        doc.starts_with("<!DOCTYPE html><html lang=\""),
        "{doc:.200}"
    );
    assert!(doc.contains(&format!("<html lang=\"{lang}\">")));
    assert!(doc.contains("<meta charset=\"utf-8\">"));
    assert!(doc.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
    assert!(
        doc.contains("default-src 'none'"),
        "a policy that loads nothing"
    );
    assert!(!doc.to_lowercase().contains("<script"));
    assert_eq!(doc.matches("<style>").count(), 1);
    let css = &doc[doc.find("<style>").unwrap()..doc.find("</style>").unwrap()];
    for fetch in ["url(", "@import", "http", "@font-face"] {
        assert!(!css.contains(fetch), "the style sheet has {fetch}");
    }
    assert!(css.contains("@media print") && css.contains("max-width"));
    let mut open: Vec<&str> = Vec::new();
    for tag in tags(doc).into_iter().skip(1) {
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "</{name}> closes what is open");
            continue;
        }
        let name = tag.split_whitespace().next().unwrap();
        assert!(ELEMENTS.contains(&name), "<{name}> in the report");
        let attributes = tag[name.len()..].split('"').step_by(2);
        for a in attributes.flat_map(|a| a.split_whitespace()) {
            let a = a.trim_end_matches('=');
            assert!(!REFUSED.contains(&a), "<{tag}>");
        }
        if name != "meta" {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn the_page_stands_alone_and_shows_every_hostile_text_as_text() {
    let w = Sandbox::new();
    w.write_json(&page_data());
    for lang in ["sv", "en"] {
        let doc = export(&w, &["--lang", lang, "--quarter", "all"]);
        assert_stands_alone(&doc, lang);
        for text in [TITLE, OWNER, NOTE, RETRO, INITIATIVE, "<b>rad två</b>"] {
            assert!(doc.contains(&escaped(text)), "{text} as text in {doc}");
        }
        // An owner is a name in its place, not an attribute's end.
        assert!(doc.contains(&format!("<span class=\"owner\">{}</span>", escaped(OWNER))));
        // The why keeps its lines; the terminal's escape is a placeholder.
        assert!(doc.contains(
            "<span class=\"lines\">Rad ett\n&lt;b&gt;rad två&lt;/b&gt;\u{fffd}[2J</span>"
        ));
        assert!(WHY.contains('\u{1b}') && !doc.contains('\u{1b}'));
        // The note is in the chart's tooltip as text, not a tag.
        let tip = doc.split("<title>2026-11-02: 25").nth(1).unwrap();
        let tip = tip.split("</title>").next().unwrap();
        assert!(tip.ends_with(&escaped(NOTE)), "{tip}");
    }
}

#[test]
fn the_page_is_in_the_language_of_the_markdown_report() {
    let w = Sandbox::new();
    w.write_json(&page_data());
    for (lang, env) in [(Lang::Sv, "sv_SE.UTF-8"), (Lang::En, "en_GB.UTF-8")] {
        let s = strings(lang);
        let mut c = w.command();
        c.env("LC_ALL", env);
        let r = w.run_with(
            c,
            &[
                "--file",
                w.file().to_str().unwrap(),
                "export",
                "--format",
                "html",
            ],
        );
        r.ok();
        let doc = r.stdout;
        let code = if lang == Lang::Sv { "sv" } else { "en" };
        assert!(doc.contains(&format!("<html lang=\"{code}\">")), "{code}");
        for word in [
            s.key_results,
            s.initiatives,
            s.pace_statuses.behind,
            s.team.serves,
            s.confidence,
        ] {
            let word = escaped(word);
            assert!(
                doc.contains(&word) || doc.contains(&word.to_lowercase()),
                "{word}"
            );
        }
        assert!(doc.contains(&(s.html.as_of)("2026-11-24")));
        assert!(doc.contains(&format!("{} 2026 Q4", s.quarter)));
    }
}

/// The Mål of a Markdown report in its order, each with its progress
/// (`45 %`) and its key results' values as the report words them.
fn md_numbers(md: &str, progress: &str, confidence: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in md.lines() {
        let figures = format!(" · {progress}: ");
        if line.starts_with("- ")
            && line.contains(&figures)
            && out.last().is_some_and(|o| o.0.is_empty())
        {
            let after = line.split_once(&figures).unwrap().1;
            out.last_mut().unwrap().0 = after.split(" (").next().unwrap().to_string();
        } else if line.starts_with("### ") {
            out.push((String::new(), Vec::new()));
        } else if let Some(item) = line.strip_prefix("- `kr") {
            // `- `kr1` Title: value · Confidence 6/10`
            let (_, rest) = item.split_once("` ").unwrap();
            let (_, rest) = rest.split_once(": ").unwrap();
            let value = rest.split(&format!(" · {confidence} ")).next().unwrap();
            out.last_mut().unwrap().1.push(value.to_string());
        }
    }
    out.retain(|(p, _)| !p.is_empty());
    out
}

#[test]
fn every_number_is_the_markdown_reports() {
    let w = Sandbox::new();
    w.write_json(&page_data());
    let data = page_data();
    for lang in [Lang::Sv, Lang::En] {
        let s = strings(lang);
        let code = if lang == Lang::Sv { "sv" } else { "en" };
        for quarter in ["2026-Q3", "2026-Q4"] {
            let args = ["--lang", code, "--quarter", quarter];
            let doc = export(&w, &args);
            let md = md(&w, &args);
            let ids: Vec<&str> = data["objectives"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|o| o["quarter"] == quarter)
                .map(|o| o["id"].as_str().unwrap())
                .collect();
            let numbers = md_numbers(&md, s.progress, s.confidence);
            assert_eq!(numbers.len(), ids.len(), "{md}");
            for (id, (progress, values)) in ids.iter().zip(numbers) {
                let article = &doc[doc.find(&format!("id=\"o-{id}\"")).unwrap()..];
                let article = &article[..article.find("</article>").unwrap()];
                assert!(
                    article.contains(&format!("<span class=\"pct\">{progress}</span>")),
                    "{id}: {progress} in {article}"
                );
                for v in values {
                    let v = v.replace('\\', "");
                    assert!(
                        article.contains(&format!("<span class=\"value\">{}</span>", escaped(&v))),
                        "{id}: {v} in {article}"
                    );
                }
            }
            // The quarter's progress and pace.
            let line = md.lines().find(|l| l.starts_with(s.progress)).unwrap();
            let summary = &doc[doc.find("<div class=\"summary\">").unwrap()..];
            let summary = &summary[..summary.find("</div>").unwrap()];
            let (mean, pace) = line.split_once(" · ").unwrap();
            let mean = mean.rsplit(": ").next().unwrap();
            assert!(
                summary.contains(&format!("<span class=\"pct\">{mean}</span>")),
                "{summary}"
            );
            assert!(summary.contains(pace), "{pace} in {summary}");
        }
        // The closed quarter's score as the Markdown report gives it.
        let args = ["--lang", code, "--quarter", "2026-Q3"];
        let md = md(&w, &args);
        let doc = export(&w, &args);
        assert!(md.contains(&format!(
            "{}: 0{}6",
            s.score,
            if lang == Lang::Sv { "," } else { "." }
        )));
        assert!(doc.contains(&format!(
            "<span class=\"pct\">{}</span> ({})",
            s.num(0.6),
            s.score_bands.yellow
        )));
        assert!(doc.contains(s.missed) && md.contains(s.missed));
    }
}

#[test]
fn the_tree_puts_each_mal_under_the_one_it_serves() {
    let w = Sandbox::new();
    w.write_json(&page_data());
    let doc = export(&w, &["--lang", "en"]);
    let depth = |id: &str| {
        let at = doc.find(&format!("id=\"o-{id}\"")).unwrap();
        let li = doc[..at].rfind("<li style=\"--depth:").unwrap();
        (li, doc[li + 19..].split('"').next().unwrap().to_string())
    };
    let (o1, d1) = depth("o1");
    let (o2, d2) = depth("o2");
    let (o3, d3) = depth("o3");
    let (o5, d5) = depth("o5");
    assert_eq!(
        (d1.as_str(), d2.as_str(), d3.as_str(), d5.as_str()),
        ("0", "1", "2", "0")
    );
    assert!(o1 < o2 && o2 < o3 && o3 < o5, "parents first");
    // A parent of another quarter is named, with its quarter.
    assert!(doc.contains("Serves: <span class=\"parent\">Spara till buffert</span> (2026 Q3)"));
    // o1 takes its progress from the two under it.
    assert!(
        doc.contains(&(strings(Lang::En).team.from_children)(1)),
        "{doc}"
    );
    // The Q3 Mål is not in the Q4 report.
    assert!(!doc.contains("id=\"o-o4\""));
}

#[test]
fn one_owners_report_has_their_mal_with_every_owners_numbers() {
    let w = Sandbox::new();
    w.write_json(&page_data());
    let doc = export(&w, &["--lang", "en", "--owner", "anna"]);
    let md = md(&w, &["--lang", "en", "--owner", "anna"]);
    assert!(doc.contains("id=\"o-o3\"") && doc.contains("id=\"o-o5\""));
    assert!(!doc.contains("id=\"o-o1\"") && !doc.contains("id=\"o-o2\""));
    assert!(
        doc.contains("Progress (<span class=\"owner\">Anna</span>)"),
        "{doc}"
    );
    let line = md
        .lines()
        .find(|l| l.starts_with("Progress (Anna)"))
        .unwrap();
    let mean = line
        .split(": ")
        .nth(1)
        .unwrap()
        .split(" · ")
        .next()
        .unwrap();
    assert!(
        doc.contains(&format!("<span class=\"pct\">{mean}</span>")),
        "{line}"
    );
    // o3 serves o2, which is not Anna's: named all the same.
    assert!(doc.contains(&format!(
        "Serves: <span class=\"parent\">{}</span>",
        escaped(TITLE)
    )));
}

#[test]
fn an_empty_file_and_an_empty_quarter_say_so() {
    let w = Sandbox::new();
    let doc = export(&w, &["--lang", "en"]);
    assert_stands_alone(&doc, "en");
    assert!(doc.contains("No objectives this quarter."));
    let doc = export(&w, &["--lang", "sv", "--quarter", "all"]);
    assert_stands_alone(&doc, "sv");
    assert!(doc.contains("Inga mål det här kvartalet."));
    assert!(!w.file().exists(), "reading must not create the data file");
}
