//! `okr merge` as git's merge driver, with real git: two clones of one
//! repository change `okr.json` at once, and a pull merges their work.

use std::path::{Path, PathBuf};

use crate::support::Sandbox;
use crate::support::git::{git, git_ok};
use okr::model::{
    CheckIn, CheckInEntry, Data, Extra, KeyResult, Kind, Measure, Objective, Quarter,
};
use okr::store::format;
use serde_json::{Value, json};

/// A bare repository holding `okr.json` (the store of the store tests) set
/// up for the driver, and two clones of it, each with the driver configured.
struct Team {
    sandbox: Sandbox,
    a: PathBuf,
    b: PathBuf,
}

impl Team {
    fn new() -> Team {
        let sandbox = Sandbox::new();
        let root = sandbox.path().to_path_buf();
        git_ok(&root, &["init", "-q", "--bare", "-b", "main", "team.git"]);
        let a = root.join("a");
        let b = root.join("b");
        git_ok(&root, &["clone", "-q", "team.git", "a"]);
        configure(&a, "Anna");
        std::fs::write(a.join(".gitattributes"), "okr.json merge=okr\n").unwrap();
        // okr's own files beside the data file stay out of the repository.
        std::fs::write(a.join(".gitignore"), "okr.json.*\n").unwrap();
        write(&a, &crate::support::data::populated());
        git_ok(&a, &["add", "-A"]);
        git_ok(&a, &["commit", "-q", "-m", "start"]);
        git_ok(&a, &["push", "-q", "origin", "main"]);
        git_ok(&root, &["clone", "-q", "team.git", "b"]);
        configure(&b, "Bo");
        Team { sandbox, a, b }
    }

    fn commit_and_push(&self, dir: &Path, message: &str) {
        git_ok(dir, &["commit", "-q", "-am", message]);
        git_ok(dir, &["push", "-q", "origin", "main"]);
    }
}

/// The person's name and the two lines of the set-up (docs/team.md).
fn configure(dir: &Path, name: &str) {
    git_ok(dir, &["config", "user.name", name]);
    git_ok(
        dir,
        &["config", "user.email", &format!("{name}@example.com")],
    );
    git_ok(dir, &["config", "pull.rebase", "false"]);
    let driver = format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_okr"));
    git_ok(dir, &["config", "merge.okr.driver", &driver]);
}

fn read(dir: &Path) -> Data {
    okr::store::read(&dir.join("okr.json")).unwrap()
}

fn write(dir: &Path, data: &Data) {
    std::fs::write(dir.join("okr.json"), format::serialize(data).unwrap()).unwrap();
}

/// Adds a Mål with a new id, as the tracker does.
fn add_objective(data: &mut Data, title: &str, key_result: Option<&str>) -> String {
    let id = data.next_id("o");
    let mut o = Objective::new(
        id.clone(),
        title.into(),
        Kind::Committed,
        Quarter::new(2026, 4).unwrap(),
        okr::model::now(),
    );
    if let Some(k) = key_result {
        let kr = data.next_id("kr");
        o.key_results.push(KeyResult::new(
            kr,
            k.into(),
            Measure::numeric(0.0, 10.0, ""),
        ));
    }
    data.remember_ids(&o);
    data.objectives.push(o.into());
    id
}

fn titles(data: &Data) -> Vec<(String, String)> {
    data.objectives
        .iter()
        .map(|o| (o.id.clone(), o.title.clone()))
        .collect()
}

#[test]
fn a_pull_merges_both_sides_new_work_and_no_pushed_id_changes() {
    let team = Team::new();
    // Anna: a value through the command line, and a new Mål.
    let file_a = team.a.join("okr.json");
    let r = team
        .sandbox
        .run(&["--file", file_a.to_str().unwrap(), "update", "kr1", "30"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut a = read(&team.a);
    let annas = add_objective(&mut a, "From Anna", None);
    write(&team.a, &a);
    team.commit_and_push(&team.a, "Anna's week");
    // Bo, offline: his own Mål with a key result, and his check-in on it.
    let mut b = read(&team.b);
    let bos = add_objective(&mut b, "From Bo", Some("Calls"));
    assert_ne!(annas, bos, "made apart, never the same");
    let bo_kr = b.objectives.last().unwrap().key_results[0].id.clone();
    let mut c = CheckIn::of(crate::support::date(2026, 11, 24), Some("Bo"));
    c.set_entry(CheckInEntry {
        key_result: bo_kr.clone(),
        value: 4.0,
        confidence: 8,
        note: "four calls".into(),
        extra: Extra::new(),
    });
    b.checkins.push(c.into());
    write(&team.b, &b);
    team.commit_and_push_fails_then_pulls(&team.b);

    let merged = read(&team.b);
    okr::model::validate::validate(&merged).unwrap();
    let t = titles(&merged);
    assert!(t.contains(&(annas.clone(), "From Anna".into())), "{t:?}");
    assert!(t.contains(&(bos.clone(), "From Bo".into())), "{t:?}");
    let kr1 = merged.find_key_result("kr1").unwrap();
    assert_eq!(merged.key_result(kr1).unwrap().measure.current(), 30.0);
    let bo = merged
        .checkins
        .iter()
        .find(|c| c.owner.as_deref() == Some("Bo"))
        .unwrap();
    assert_eq!(bo.entries[0].key_result, bo_kr);
    assert!(merged.conflicts.is_empty());
    let export = team.sandbox.run(&[
        "--file",
        team.b.join("okr.json").to_str().unwrap(),
        "export",
        "--quarter",
        "all",
    ]);
    assert_eq!(export.code, Some(0), "{}", export.stderr);
    assert!(export.stdout.contains("From Anna") && export.stdout.contains("From Bo"));
    // The merge commits; Anna gets it back as it is.
    git_ok(&team.b, &["push", "-q", "origin", "main"]);
    git_ok(&team.a, &["pull", "-q", "origin", "main"]);
    assert_eq!(read(&team.a), merged);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_git_reports_and_the_file_keeps() {
    let team = Team::new();
    team.both_rename_kr2();
    let pull = git(&team.b, &["pull", "origin", "main"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&pull.stdout),
        String::from_utf8_lossy(&pull.stderr)
    );
    assert!(!pull.status.success(), "{said}");
    assert!(
        said.contains("CONFLICT") && said.contains("okr.json"),
        "{said}"
    );
    assert!(
        said.contains("1 field changed differently on both sides; ours is kept, theirs is in the file's conflicts list"),
        "{said}"
    );
    let file = crate::support::read_json(&team.b.join("okr.json"));
    assert_eq!(
        file["conflicts"],
        json!([{"item": "kr2", "field": "title", "ours": "Bo's title", "theirs": "Anna's title"}])
    );
    assert_eq!(
        crate::support::key_result(&file, "kr2")["title"],
        Value::from("Bo's title")
    );
    // A valid file okr reads, with no conflict markers in it.
    let data = read(&team.b);
    assert_eq!(data.conflicts.len(), 1);
}

impl Team {
    /// Bo commits, his push is refused (Anna was first), he pulls: git runs the driver.
    /// Anna and Bo give kr2 a title each; Anna pushes, Bo commits.
    fn both_rename_kr2(&self) {
        for (dir, title) in [(&self.a, "Anna's title"), (&self.b, "Bo's title")] {
            let mut data = read(dir);
            let at = data.find_key_result("kr2").unwrap();
            let o = data.objective_mut(at.objective).unwrap();
            o.key_results[at.key_result].title = title.into();
            write(dir, &data);
        }
        self.commit_and_push(&self.a, "Anna renames kr2");
        git_ok(&self.b, &["commit", "-q", "-am", "Bo renames kr2"]);
    }

    fn commit_and_push_fails_then_pulls(&self, dir: &Path) {
        git_ok(dir, &["commit", "-q", "-am", "Bo's week"]);
        let push = git(dir, &["push", "-q", "origin", "main"]);
        assert!(!push.status.success(), "Anna pushed first");
        git_ok(dir, &["pull", "-q", "origin", "main"]);
    }
}

#[test]
fn three_clones_pulling_with_merge_and_with_rebase_keep_every_pushed_id() {
    let team = Team::new();
    let root = team.sandbox.path().to_path_buf();
    git_ok(&root, &["clone", "-q", "team.git", "c"]);
    let c = root.join("c");
    configure(&c, "Cecilia");
    // Anna pulls with merge, Bo and Cecilia with rebase.
    for dir in [&team.b, &c] {
        git_ok(dir, &["config", "pull.rebase", "true"]);
    }
    let clones = [(&team.a, "Anna"), (&team.b, "Bo"), (&c, "Cecilia")];
    let start = read(&team.a).objectives.len();
    // Every id a clone pushed, with the title it had.
    let mut pushed: std::collections::HashMap<String, String> = Default::default();
    for round in 0..3 {
        // Everyone adds a Mål with a key result, offline, without telling anyone.
        for (dir, who) in clones {
            let mut d = read(dir);
            let kr = format!("{who}'s measure {round}");
            add_objective(&mut d, &format!("{who} {round}"), Some(&kr));
            write(dir, &d);
            git_ok(
                dir,
                &["commit", "-q", "-am", &format!("{who}, round {round}")],
            );
        }
        // Then each pushes, pulling first when the push is refused.
        for (dir, who) in clones {
            if !git(dir, &["push", "-q", "origin", "main"]).status.success() {
                git_ok(dir, &["pull", "-q", "origin", "main"]);
                git_ok(dir, &["push", "-q", "origin", "main"]);
            }
            let now = read(dir);
            okr::model::validate::validate(&now).unwrap();
            for o in &now.objectives {
                let items = std::iter::once((&o.id, &o.title))
                    .chain(o.key_results.iter().map(|k| (&k.id, &k.title)));
                for (id, title) in items {
                    let before = pushed.insert(id.clone(), title.clone());
                    assert!(
                        before.as_ref().is_none_or(|b| b == title),
                        "{who}'s push changed what {id} names: {before:?} → {title}"
                    );
                }
            }
        }
    }
    for (dir, _) in clones {
        git_ok(dir, &["pull", "-q", "origin", "main"]);
    }
    let end = read(&team.a);
    for (dir, who) in clones {
        assert_eq!(read(dir), end, "{who} has the same file");
    }
    okr::model::validate::validate(&end).unwrap();
    assert!(end.conflicts.is_empty(), "{:?}", end.conflicts);
    // Nothing lost, nothing doubled, every pushed id where it was.
    assert_eq!(end.objectives.len(), start + 9);
    let mut titles: Vec<&str> = end.objectives.iter().map(|o| o.title.as_str()).collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), start + 9, "no Mål twice");
    for (id, title) in &pushed {
        let found = end.objectives.iter().find_map(|o| {
            (o.id == *id)
                .then_some(&o.title)
                .or_else(|| o.key_result(id).map(|k| &k.title))
        });
        assert_eq!(found, Some(title), "{id}");
    }
}

#[test]
fn a_clone_without_the_driver_gets_a_sentence_that_says_so_and_the_way_back_works() {
    let team = Team::new();
    git_ok(&team.b, &["config", "--unset", "merge.okr.driver"]);
    team.both_rename_kr2();
    let pull = git(&team.b, &["pull", "-q", "origin", "main"]);
    assert!(
        !pull.status.success(),
        "git merged line by line and stopped"
    );
    let file = team.b.join("okr.json");
    let marked = std::fs::read(&file).unwrap();
    assert!(String::from_utf8_lossy(&marked).contains("<<<<<<<"));
    let r = team
        .sandbox
        .run(&["--file", file.to_str().unwrap(), "--lang", "en", "list"]);
    r.fails(&[
        "git's conflict markers",
        "without okr's merge driver",
        "git merge --abort",
        "line ",
    ]);
    assert_eq!(std::fs::read(&file).unwrap(), marked, "left as it was");
    // The way back the sentence gives.
    git_ok(&team.b, &["merge", "--abort"]);
    let driver = format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_okr"));
    git_ok(&team.b, &["config", "merge.okr.driver", &driver]);
    let pull = git(&team.b, &["pull", "-q", "origin", "main"]);
    assert!(!pull.status.success(), "a true conflict, reported by git");
    let merged = read(&team.b);
    assert_eq!(merged.conflicts.len(), 1);
}

#[test]
fn a_conflict_names_whose_each_value_is_when_pulling_with_rebase() {
    let team = Team::new();
    git_ok(&team.b, &["config", "pull.rebase", "true"]);
    // The same key result, the same day, two values, each through `okr update`.
    for (dir, who, value) in [(&team.a, "Anna", "30"), (&team.b, "Bo", "40")] {
        let file = dir.join("okr.json");
        let r = team.sandbox.run(&[
            "--file",
            file.to_str().unwrap(),
            "--owner",
            who,
            "update",
            "kr1",
            value,
        ]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
    }
    team.commit_and_push(&team.a, "Anna records kr1");
    git_ok(&team.b, &["commit", "-q", "-am", "Bo records kr1"]);
    let pull = git(&team.b, &["pull", "-q", "origin", "main"]);
    assert!(!pull.status.success(), "a true conflict");
    // During a rebase git calls the upstream "ours": the record says whose.
    let merged = read(&team.b);
    let c = merged
        .conflicts
        .iter()
        .find(|c| c.field.starts_with("history."))
        .unwrap_or_else(|| panic!("{:?}", merged.conflicts));
    assert_eq!(c.ours_by.as_deref(), Some("Anna"));
    assert_eq!(c.theirs_by.as_deref(), Some("Bo"));
    assert_eq!(c.ours_on, Some(crate::support::TODAY.parse().unwrap()));
    // The conflicts screen calls each side by its person and day.
    let mut data = merged.clone();
    data.conflicts.retain(|x| x == c);
    let mut h = crate::support::app::Harness::new(Some(data), okr::model::Lang::En);
    h.keys(&[crate::support::app::ch('!')]);
    let text = crate::support::app::screen(&h.app, 120, 30);
    for want in [
        format!("Anna, {}: 30", crate::support::TODAY),
        format!("Bo, {}: 40", crate::support::TODAY),
    ] {
        assert!(text.contains(&want), "{want}:\n{text}");
    }
}
