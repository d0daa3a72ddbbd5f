//! Every example in the README and the docs (`docs/*.md`) works as
//! written: each config file and `keys` section is taken by `okr keys` with
//! its keys in force, and each command line of a `sh` or `tmux` block that
//! needs no terminal runs, in order (the README, then the docs by name), on
//! a data file holding the ids the examples name, in a clone of a team's
//! repository (for `okr sync`).

use std::path::Path;

use crate::support::git::{git_ok, git_out, isolated, path_with_okr};
use crate::support::{Run, Sandbox};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::{Value, json};

/// The README and every Markdown file of `docs/` in name order, each with
/// its path in the repository.
fn documents() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<String> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    docs.sort();
    std::iter::once("README.md".to_string())
        .chain(docs)
        .map(|name| {
            let text = std::fs::read_to_string(root.join(&name)).unwrap();
            (name, text)
        })
        .collect()
}

/// A Markdown text's fenced code blocks: each one's language and text.
fn code_blocks(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
                open = Some((lang.to_string(), String::new()));
            }
            Event::Text(t) => {
                if let Some((_, text)) = &mut open {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(open.take()),
            _ => {}
        }
    }
    out
}

/// A Markdown text's inline code spans.
fn inline_code(md: &str) -> Vec<String> {
    Parser::new(md)
        .filter_map(|e| match e {
            Event::Code(c) => Some(c.to_string()),
            _ => None,
        })
        .collect()
}

/// The config files a Markdown text shows: JSON objects of `owner`,
/// `language`, `keys` and `refresh`, whole in a block or as a `"keys": {…}` span in
/// the text. A `json` block that names `"keys"` must be such a config file.
fn config_examples(md: &str) -> Vec<(String, Value)> {
    let is_config = |v: &Value| {
        v.as_object().is_some_and(|o| {
            !o.is_empty()
                && o.keys()
                    .all(|k| matches!(k.as_str(), "owner" | "language" | "keys" | "refresh"))
        })
    };
    // The config file is TOML, read here by the library okr reads it with.
    let toml = |text: &str| toml_edit::de::from_str::<Value>(text);
    let blocks = code_blocks(md)
        .into_iter()
        .filter(|(lang, _)| lang == "toml")
        .filter_map(|(_, text)| match toml(&text) {
            Ok(v) if text.contains("[keys]") => {
                assert!(is_config(&v), "the keys example is no config file: {text}");
                Some((text, v))
            }
            Ok(v) => Some((text, v)),
            Err(e) if text.contains("[keys]") => {
                panic!("the keys example is not TOML: {e}\n{text}")
            }
            Err(_) => None,
        });
    let spans = inline_code(md)
        .into_iter()
        .filter(|c| c.starts_with("keys = {"))
        .map(|c| {
            let v = toml(&c).unwrap_or_else(|e| panic!("the example `{c}` is not TOML: {e}"));
            (c, v)
        });
    blocks.chain(spans).filter(|(_, v)| is_config(v)).collect()
}

/// The lines of `okr keys` in a pipe: context, action, keys (by spaces).
fn key_table(out: &str) -> Vec<(String, String, Vec<String>)> {
    out.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let context = f.next()?.to_string();
            let action = f.next()?.to_string();
            let keys = f.next()?.split(' ').map(str::to_string).collect();
            Some((context, action, keys))
        })
        .collect()
}

#[test]
fn every_config_example_of_the_readme_and_the_docs_is_taken_with_its_keys_in_force() {
    let examples: Vec<(String, Value)> = documents()
        .iter()
        .flat_map(|(_, md)| config_examples(md))
        .collect();
    assert!(
        examples
            .iter()
            .filter(|(_, v)| v.get("keys").is_some())
            .count()
            >= 2,
        "the keys examples were not found: {examples:?}"
    );
    assert!(
        examples.iter().any(|(_, v)| v.get("language").is_some()),
        "the config file example was not found: {examples:?}"
    );
    assert!(
        examples
            .iter()
            .filter(|(_, v)| v.get("refresh").is_some())
            .count()
            >= 2,
        "the refresh examples were not found: {examples:?}"
    );
    for (text, example) in examples {
        let w = Sandbox::new();
        // Written as the docs write it, for a reader to copy.
        let config = w.path().join("config.toml");
        std::fs::write(&config, &text).unwrap();
        let config = config.to_string_lossy().into_owned();
        let r = w.run(&["--config", &config, "keys"]);
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (Some(0), ""),
            "the config {example} is refused"
        );
        let table = key_table(&r.stdout);
        // `quarter.undo = …` is TOML's nested table: the entry `quarter.undo`.
        let keys = example["keys"].as_object().cloned().unwrap_or_default();
        let entries = keys.into_iter().flat_map(|(name, value)| match value {
            Value::Object(inner) => inner
                .into_iter()
                .map(|(action, keys)| (format!("{name}.{action}"), keys))
                .collect::<Vec<_>>(),
            value => vec![(name, value)],
        });
        for (entry, given) in entries {
            let given: Vec<String> = match given {
                Value::String(k) => vec![k],
                Value::Array(ks) => ks.iter().map(|k| k.as_str().unwrap().to_string()).collect(),
                other => panic!("{entry}: {other}"),
            };
            let (context, action) = match entry.split_once('.') {
                Some((c, a)) => (Some(c), a),
                None => (None, entry.as_str()),
            };
            let rows: Vec<_> = table
                .iter()
                .filter(|(c, a, _)| a == action && context.is_none_or(|x| x == c))
                .collect();
            assert!(!rows.is_empty(), "{entry} is in no row of okr keys");
            assert!(
                rows.iter()
                    .any(|(_, _, keys)| given.iter().all(|k| keys.contains(k))),
                "{entry} = {given:?} is nowhere in force: {rows:?}"
            );
        }
        // The config file is taken by a command on a data file too.
        let r = w.okr(&["--config", &config, "status"]);
        r.ok();
    }
}

/// The words of a shell command, as far as it goes: quotes taken off, a
/// `~/` made the home folder, and ending at a comment, a pipe or a
/// redirection (what follows them is the shell's, not okr's).
fn words(command: &str, home: &Path) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = command.chars();
    let ends = |w: &str| w == "|" || w.starts_with('>') || w.starts_with("2>");
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '\\') => {
                word.extend(chars.next());
                in_word = true;
            }
            (None, '#') if !in_word => break,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    if ends(&word) {
                        word.clear();
                        in_word = false;
                        break;
                    }
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word && !ends(&word) {
        out.push(word);
    }
    let home = home.to_string_lossy();
    out.into_iter()
        .map(|w| match w.strip_prefix("~/") {
            Some(rest) => format!("{home}/{rest}"),
            None => w,
        })
        .collect()
}

/// The okr command lines of a Markdown text's `sh` and `tmux` blocks, each with
/// the line it came from: a line that starts with `okr` (after `&&` too),
/// and an `okr …` run by `$(…)` or tmux's `#(…)`.
fn command_examples(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (lang, text) in code_blocks(md) {
        if lang != "sh" && lang != "tmux" {
            continue;
        }
        for line in text.lines() {
            for part in line.split("&&") {
                let part = part.trim();
                if part.starts_with("okr ") || part == "okr" {
                    out.push((part.to_string(), line.to_string()));
                }
            }
            for opener in ["$(okr ", "#(okr "] {
                let mut rest = line;
                while let Some(at) = rest.find(opener) {
                    let inner = &rest[at + 2..];
                    let end = inner.find(')').unwrap_or(inner.len());
                    out.push((inner[..end].to_string(), line.to_string()));
                    rest = &inner[end..];
                }
            }
        }
    }
    out
}

/// The command an okr command line runs: its first word that is neither a
/// flag nor a global flag's value; `None` for the tracker itself.
fn subcommand(args: &[String]) -> Option<&str> {
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--file" | "--lang" | "--config" | "--owner" => i += 2,
            a if a.starts_with('-') => i += 1,
            a => return Some(a),
        }
    }
    None
}

/// A data file with every id the command examples name: `kr3`
/// and `kr7` numbers, `kr2` done / not done, `krqxbtmwzd` (typed `krqx`),
/// the Uppgift `u3`, and a Mål of `Säljteamet`.
fn examples_file() -> Value {
    let number = |id: &str, title: &str| {
        json!({"id": id, "title": title, "measure":
            {"type": "numeric", "start": 0.0, "target": 100000.0, "current": 0.0}})
    };
    json!({
        "version": 2,
        "objectives": [{
            "id": "o1", "title": "Expandera globalt", "kind": "committed",
            "quarter": "2026-Q4", "owner": "Säljteamet", "status": "active",
            "created": "2026-10-01T08:00:00Z", "updated": "2026-10-01T08:00:00Z",
            "key_results": [
                {"id": "kr2", "title": "Lansera en tvåvägs feedback-process",
                 "measure": {"type": "done", "done": false}},
                number("kr3", "Sälj för 100 miljoner"),
                number("kr7", "Sänk ledtiden för offerter"),
                number("krqxbtmwzd", "Nå 100 % ökning i EMEA"),
            ],
            "initiatives": [{"id": "u3", "title": "Anställ en säljare i Berlin"}]
        }]
    })
}

#[test]
fn every_command_example_of_the_readme_and_the_docs_runs_as_written() {
    let w = Sandbox::new();
    w.write_json(&examples_file());
    // The config file of the refresh examples: kr3 and kr7 measure what
    // the update examples leave them at, in whichever order they run.
    let config = w.config_home().join("okr");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[refresh]\nkr3 = [\"echo\", \"17500\"]\nkr7 = { shell = \"echo -3\" }\n",
    )
    .unwrap();
    // The files the import examples read, beside it (the folder okr runs in).
    std::fs::write(
        w.path().join("okrs.csv"),
        "mål;nyckelresultat;start;målvärde;enhet\nGör våra kunder glada;Intervjua kunder;0;20;\n",
    )
    .unwrap();
    std::fs::write(
        w.path().join("backup.json"),
        serde_json::to_string_pretty(&examples_file()).unwrap(),
    )
    .unwrap();
    // `okr sync` needs the data file in a clone of a team's repository:
    // the folder is one, of a bare repository with nothing in it yet.
    let team = tempfile::tempdir().unwrap();
    let remote = team.path().join("team.git");
    git_ok(
        team.path(),
        &["init", "-q", "--bare", "-b", "main", "team.git"],
    );
    git_ok(w.path(), &["init", "-q", "-b", "main"]);
    git_ok(
        w.path(),
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    git_ok(w.path(), &["config", "branch.main.remote", "origin"]);
    git_ok(
        w.path(),
        &["config", "branch.main.merge", "refs/heads/main"],
    );
    let examples: Vec<(String, String, String)> = documents()
        .into_iter()
        .flat_map(|(name, md)| {
            command_examples(&md)
                .into_iter()
                .map(move |(command, line)| (name.clone(), command, line))
        })
        .collect();
    let mut ran = 0;
    let mut ran_in_docs = 0;
    for (name, command, line) in &examples {
        let args = words(command, &w.home());
        assert_eq!(args.first().map(String::as_str), Some("okr"), "{line}");
        let args = &args[1..];
        // The tracker needs a terminal: the tmux tests run it.
        if matches!(subcommand(args), None | Some("checkin" | "review" | "demo")) {
            continue;
        }
        let mut c = w.command();
        // git as the tests run it, finding okr's merge driver.
        if subcommand(args) == Some("sync") {
            isolated(&mut c, w.path()).env("PATH", path_with_okr());
        }
        // As a user types it: Swedish, the default, and the data file by OKR_FILE.
        c.env("LC_ALL", "sv_SE.UTF-8").env("OKR_FILE", w.file());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r: Run = w.run_with(c, &args);
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (Some(0), ""),
            "the example of {name} fails: {line}\nstdout: {}",
            r.stdout
        );
        ran += 1;
        if name.starts_with("docs/") {
            ran_in_docs += 1;
        }
    }
    // The syncs committed the file and pushed it, and nothing else.
    let pushed = git_out(
        w.path(),
        &["log", "--format=", "--name-only", "origin/main"],
    );
    assert!(!pushed.is_empty(), "nothing was pushed");
    assert!(
        pushed.lines().all(|l| l.is_empty() || l == "okr.json"),
        "{pushed}"
    );
    assert!(
        ran >= 25,
        "only {ran} command examples were found: {examples:?}"
    );
    assert!(
        ran_in_docs >= 20,
        "only {ran_in_docs} command examples of the docs were found: {examples:?}"
    );
    // What the updates said they did is what the file holds.
    let saved = w.json();
    let kr = |id: &str| crate::support::key_result(&saved, id)["measure"].clone();
    assert_eq!(kr("kr3")["current"], 17500.0);
    assert_eq!(kr("kr7")["current"], -3.0);
    assert_eq!(kr("krqxbtmwzd")["current"], 40.0);
    assert_eq!(kr("kr2")["done"], true);
}

#[test]
fn the_words_of_an_example_are_read_as_a_shell_reads_them() {
    let home = Path::new("/h");
    let w = |c: &str| words(c, home);
    assert_eq!(
        w(r#"okr update kr3 12,5 --note "two new customers""#),
        [
            "okr",
            "update",
            "kr3",
            "12,5",
            "--note",
            "two new customers"
        ]
    );
    assert_eq!(w("okr status --short  # ✎12"), ["okr", "status", "--short"]);
    assert_eq!(w("okr list | grep -i sälj | cut -f1"), ["okr", "list"]);
    assert_eq!(
        w("okr completions zsh > ~/.zfunc/_okr"),
        ["okr", "completions", "zsh"]
    );
    assert_eq!(
        w("okr status --short 2>/dev/null"),
        ["okr", "status", "--short"]
    );
    assert_eq!(
        w("okr --file ~/team/okr.json export"),
        ["okr", "--file", "/h/team/okr.json", "export"]
    );
    assert_eq!(w(r#"okr --lang sv update kr3 "17 500""#)[5], "17 500");
}
