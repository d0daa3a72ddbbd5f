//! The house's layers: a module imports only its own layer and those below,
//! never one above (the model and the store know nothing of the tracker,
//! the screens, the config file or the commands). Read from the sources, so
//! an import that climbs fails here before anyone has to find it.

use std::fs;
use std::path::Path;

/// Each top-level module of `src/` and its layer, from the bottom up.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("places", 0),
    ("model", 1),
    ("keys", 2),
    ("i18n", 3),
    ("store", 4),
    ("demo", 4),
    ("export", 5),
    ("config", 5),
    ("hooks", 5),
    ("sync", 5),
    ("app", 6),
    ("ui", 7),
    ("cli", 8),
    ("commands", 8),
    ("error", 8),
    ("help", 8),
    ("manual", 8),
    ("import", 8),
    ("keytable", 8),
    ("list", 8),
    ("status", 8),
    ("tui", 8),
    ("run", 9),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a source names as `crate::NAME`, outside comments.
fn named(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((n + 1, name));
            }
        }
    }
    found
}

#[test]
fn no_module_imports_one_above_its_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut climbs = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let own =
            layer(&module).unwrap_or_else(|| panic!("src/{module} has no layer: add it to LAYERS"));
        let text = fs::read_to_string(file).unwrap();
        for (line, name) in named(&text) {
            let theirs = layer(&name)
                .unwrap_or_else(|| panic!("{}:{line}: crate::{name} has no layer", rel.display()));
            if theirs > own {
                climbs.push(format!(
                    "src/{}:{line}: {module} imports {name}",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        climbs.is_empty(),
        "imports that climb a layer:\n{}",
        climbs.join("\n")
    );
}

#[test]
fn the_check_finds_a_climbing_import() {
    let found = named("use crate::app::App; // crate::ui in a comment\n/// crate::tui\n");
    assert_eq!(found, [(1, "app".to_string())]);
    assert!(layer("app") > layer("model"));
}
