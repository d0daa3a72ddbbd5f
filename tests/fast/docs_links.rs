//! The README is what a newcomer reads first, and the reference lives in
//! `docs/`: the README stays short and links every doc, and every relative
//! link of the README and the docs leads somewhere: the file is there, and
//! a `#anchor` names a heading of it, by GitHub's rules.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown file of `docs/`, in name order.
fn markdown_files() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    std::iter::once(root().join("README.md"))
        .chain(docs)
        .collect()
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(md, Options::ENABLE_TABLES)
}

/// The destinations of a Markdown text's links and images.
fn links(md: &str) -> Vec<String> {
    parser(md)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// A heading's anchor as GitHub makes it: lower case, each space a `-`,
/// every character that is not a letter, a digit, `-` or `_` dropped
/// (letters such as å, ä and ö are kept).
fn slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some(vec!['-']),
            '-' | '_' => Some(vec![c]),
            c if c.is_alphanumeric() => Some(c.to_lowercase().collect()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The anchors of a Markdown text's headings; a heading met again gets
/// `-1`, `-2`, … as on GitHub.
fn anchors(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut open: Option<String> = None;
    for event in parser(md) {
        match event {
            Event::Start(Tag::Heading { .. }) => open = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut open {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&open.take().unwrap());
                let n = seen.entry(base.clone()).or_insert(0);
                out.push(match *n {
                    0 => base,
                    k => format!("{base}-{k}"),
                });
                *n += 1;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    assert_eq!(
        slug("Who am I: the config file"),
        "who-am-i-the-config-file"
    );
    assert_eq!(slug("A key result's own view"), "a-key-results-own-view");
    assert_eq!(slug("Objective (Mål)"), "objective-mål");
    assert_eq!(slug("OKR_TODAY"), "okr_today");
    assert_eq!(slug("Start – end"), "start--end");
    let md = "# Okr\n\n## Keys\n\n### `okr keys`\n\n## Keys\n";
    assert_eq!(anchors(md), ["okr", "keys", "okr-keys", "keys-1"]);
}

#[test]
fn every_relative_link_of_the_readme_and_the_docs_resolves() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let md = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        for link in links(&md) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, anchor) = match link.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            if !target.exists() {
                broken.push(format!("{name}: {link}: no such file"));
                continue;
            }
            if let Some(anchor) = anchor {
                let text = std::fs::read_to_string(&target).unwrap_or_default();
                if !anchors(&text).iter().any(|a| a == anchor) {
                    broken.push(format!("{name}: {link}: no such heading"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked >= 50, "only {checked} relative links were found");
}

#[test]
fn the_readme_is_short_and_links_every_doc() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(lines < 300, "the README has {lines} lines");
    let linked = links(&readme);
    let docs: Vec<PathBuf> = markdown_files().into_iter().skip(1).collect();
    assert!(docs.len() >= 8, "the docs are {docs:?}");
    for doc in docs {
        let name = doc.strip_prefix(root()).unwrap().display().to_string();
        assert!(
            linked
                .iter()
                .any(|l| l.split('#').next() == Some(name.as_str())),
            "the README does not link {name}"
        );
    }
}

/// The repository paths of source and test files a text names in code
/// spans (`tests/fast/render.rs`, `src/keys/table.rs`).
fn named_files(md: &str) -> Vec<String> {
    parser(md)
        .filter_map(|e| match e {
            Event::Code(code) => Some(code.to_string()),
            _ => None,
        })
        .flat_map(|code| {
            code.split([' ', ',', ';', '(', ')', ':'])
                .filter(|w| {
                    (w.starts_with("src/") || w.starts_with("tests/")) && w.ends_with(".rs")
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_source_or_test_file_the_docs_name_is_there() {
    let mut missing = Vec::new();
    let mut named = 0;
    for file in markdown_files() {
        let md = std::fs::read_to_string(&file).unwrap();
        for path in named_files(&md) {
            named += 1;
            if !root().join(&path).is_file() {
                missing.push(format!("{}: {path}", file.display()));
            }
        }
    }
    assert!(
        named >= 20,
        "only {named} files named: the check reads nothing"
    );
    assert!(
        missing.is_empty(),
        "named but not there:\n{}",
        missing.join("\n")
    );
    assert_eq!(
        named_files("see `tests/fast/keys.rs` and `src/x.rs:3`"),
        ["tests/fast/keys.rs", "src/x.rs"]
    );
}

/// Every Rust file under `dir`, its text.
fn rust_sources(dir: &Path, out: &mut String) {
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_test_the_data_safety_promises_name_is_there() {
    let md = std::fs::read_to_string(root().join("docs/data-safety.md")).unwrap();
    let mut tests = String::new();
    rust_sources(&root().join("tests"), &mut tests);
    rust_sources(&root().join("src"), &mut tests);
    let names: Vec<String> = parser(&md)
        .filter_map(|e| match e {
            Event::Code(c) => Some(c.to_string()),
            _ => None,
        })
        .filter(|c| {
            c.matches('_').count() >= 3
                && c.chars()
                    .all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
        })
        .collect();
    assert!(names.len() > 20, "the test names were not found: {names:?}");
    for name in names {
        assert!(
            tests.contains(&format!("fn {name}(")),
            "docs/data-safety.md names a test that is not there: {name}"
        );
    }
}
