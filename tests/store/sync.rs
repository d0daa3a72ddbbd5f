//! `okr sync` with real git: a bare repository and three clones, each set
//! up by `okr sync --setup`, each changing its own key results with `okr
//! update` and syncing, in turn and at once, merging or rebasing; a true
//! conflict; a push refused while others push; other files left alone;
//! and the refusals outside a repository and without the set-up.

use std::path::{Path, PathBuf};

use crate::support::git::{git, git_ok, git_out, isolated, path_with_okr};
use crate::support::{Run, Sandbox};
use okr::model::Data;

/// The clones' folders and their people.
const PEOPLE: [(&str, &str); 3] = [("a", "Anna"), ("b", "Bo"), ("c", "Cecilia")];

/// A bare repository `team.git` and three clones of it, set up for `okr
/// sync`, holding the store of the store tests.
pub struct Team {
    pub sandbox: Sandbox,
}

impl Team {
    /// Anna starts it: `okr sync --setup`, the shared set-up committed as
    /// it says, the data file committed and pushed by `okr sync`; then Bo
    /// and Cecilia clone it and set up their own clones.
    pub fn new() -> Team {
        let team = Team::bare();
        let a = team.clone_of("a");
        team.write(&a, &crate::support::data::populated());
        let setup = team.okr("Anna", &["sync", "--setup"]);
        assert_eq!(setup.code, Some(0), "{}", setup.stderr);
        for said in [
            "Wrote to .gitattributes: okr.json merge=okr",
            "merge.okr.driver = okr merge %O %A %B",
            "Wrote to .gitignore: okr.json.lock okr.json.bak okr.json.v*.bak* okr.json.fy.bak* okr.json.conflict* okr.json.rescue* .okr.json.*.tmp",
            "git add .gitattributes .gitignore && git commit",
        ] {
            assert!(setup.stdout.contains(said), "{said}: {}", setup.stdout);
        }
        git_ok(&a, &["add", ".gitattributes", ".gitignore"]);
        git_ok(&a, &["commit", "-q", "-m", "Merge okr.json with okr"]);
        let first = team.okr("Anna", &["sync"]);
        first.ok();
        assert!(
            first.stdout.contains("committed “okr: ") && first.stdout.contains("pushed to origin"),
            "{}",
            first.stdout
        );
        for (_, who) in &PEOPLE[1..] {
            team.join(who);
        }
        team
    }

    /// The bare repository alone.
    pub fn bare() -> Team {
        let team = Team {
            sandbox: Sandbox::new(),
        };
        git_ok(
            team.root(),
            &["init", "-q", "--bare", "-b", "main", "team.git"],
        );
        team
    }

    /// A clone that sets itself up: only its own git config is missing.
    fn join(&self, who: &str) {
        self.clone_of(Team::folder(who));
        let setup = self.okr(who, &["sync", "--setup"]);
        setup.ok();
        assert!(!setup.stdout.contains("Wrote to"), "{}", setup.stdout);
        assert!(
            setup
                .stdout
                .contains("merge.okr.driver = okr merge %O %A %B"),
            "{}",
            setup.stdout
        );
    }

    pub fn root(&self) -> &Path {
        self.sandbox.path()
    }

    /// `git clone` of the team's repository into `name`.
    pub fn clone_of(&self, name: &str) -> PathBuf {
        git_ok(self.root(), &["clone", "-q", "team.git", name]);
        self.root().join(name)
    }

    fn folder(who: &str) -> &'static str {
        PEOPLE
            .iter()
            .find(|(_, p)| *p == who)
            .map(|(f, _)| *f)
            .unwrap_or_else(|| panic!("nobody called {who}"))
    }

    /// Someone's clone.
    pub fn dir(&self, who: &str) -> PathBuf {
        self.root().join(Team::folder(who))
    }

    /// okr in someone's clone, on its data file, as them (their name on
    /// their changes and commits), today being `day`.
    pub fn okr_on(&self, who: &str, day: &str, args: &[&str]) -> Run {
        let dir = self.dir(who);
        let mut c = self.sandbox.command();
        isolated(&mut c, &dir)
            .current_dir(&dir)
            .env("PATH", path_with_okr())
            .env("OKR_TODAY", day)
            .env("GIT_AUTHOR_NAME", who)
            .env("GIT_COMMITTER_NAME", who);
        let file = dir.join("okr.json");
        let mut all = vec!["--file", file.to_str().unwrap(), "--owner", who];
        all.extend_from_slice(args);
        self.sandbox.run_with(c, &all)
    }

    /// [`Team::okr_on`] today.
    pub fn okr(&self, who: &str, args: &[&str]) -> Run {
        self.okr_on(who, crate::support::TODAY, args)
    }

    pub fn read(&self, who: &str) -> Data {
        okr::store::read(&self.dir(who).join("okr.json")).unwrap()
    }

    pub fn write(&self, dir: &Path, data: &Data) {
        let bytes = okr::store::format::serialize(data).unwrap();
        std::fs::write(dir.join("okr.json"), bytes).unwrap();
    }

    /// `okr update ID VALUE` by someone on `day`, which must succeed.
    pub fn update(&self, who: &str, day: &str, id: &str, value: &str) {
        self.okr_on(who, day, &["update", id, value]).ok();
    }

    /// `okr sync` by someone, which must succeed: what it printed.
    pub fn sync(&self, who: &str) -> String {
        let r = self.okr(who, &["sync"]);
        r.ok();
        r.stdout
    }
}

/// The values a key result holds, by day.
fn history(data: &Data, id: &str) -> Vec<(String, f64)> {
    let at = data.find_key_result(id).unwrap();
    data.key_result(at)
        .unwrap()
        .history
        .iter()
        .map(|h| (h.date.to_string(), h.value))
        .collect()
}

/// The files the commits of a range changed (merges aside), sorted.
fn files_of(dir: &Path, range: &str) -> Vec<String> {
    let out = git_out(
        dir,
        &["log", "--no-merges", "--format=", "--name-only", range],
    );
    let mut files: Vec<String> = out
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    files.sort();
    files.dedup();
    files
}

/// Nothing of git's under way in a clone, and the data file committed.
fn settled(dir: &Path) {
    let out = git(dir, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]);
    assert!(
        !out.status.success(),
        "a merge under way in {}",
        dir.display()
    );
    for rebase in ["rebase-merge", "rebase-apply"] {
        assert!(
            !dir.join(".git").join(rebase).exists(),
            "a rebase under way in {}",
            dir.display()
        );
    }
    let status = git_out(dir, &["status", "--porcelain", "--", "okr.json"]);
    assert_eq!(status, "", "okr.json is committed in {}", dir.display());
}

#[test]
fn three_clones_syncing_at_once_round_after_round_lose_nothing_and_merge_nothing_by_hand() {
    let team = Team::new();
    // Anna merges, Bo has chosen nothing (okr sync merges), Cecilia rebases.
    git_ok(&team.dir("Anna"), &["config", "pull.rebase", "false"]);
    git_ok(&team.dir("Cecilia"), &["config", "pull.rebase", "true"]);
    // Each person keeps their own key result.
    let mine = [("Anna", "kr1"), ("Bo", "kr2"), ("Cecilia", "kr4")];
    let value = |who: &str, round: usize| match who {
        "Anna" => format!("{}", 20 + round),
        "Bo" => format!("{}", 40 - round),
        _ => format!("99.{}", 6 + round),
    };
    let days = ["2026-11-24", "2026-11-25", "2026-11-26"];
    for (round, day) in days.iter().enumerate() {
        for (who, kr) in mine {
            team.update(who, day, kr, &value(who, round));
        }
        // All three at once: pushes refused while another lands are tried again.
        let runs: Vec<Run> = std::thread::scope(|s| {
            let threads: Vec<_> = mine
                .iter()
                .map(|(who, _)| s.spawn(|| team.okr(who, &["sync"])))
                .collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        for (r, (who, _)) in runs.iter().zip(mine) {
            assert_eq!(r.code, Some(0), "{who}, round {round}: {}", r.stderr);
            assert!(
                r.stdout.starts_with("Synced: committed “okr: 1 value ("),
                "{}",
                r.stdout
            );
            assert!(!r.stdout.contains("conflict"), "{}", r.stdout);
        }
    }
    // Once more each, in turn: everyone has everything.
    for (who, _) in mine {
        team.sync(who);
    }
    let end = team.read("Anna");
    okr::model::validate::validate(&end).unwrap();
    assert!(end.conflicts.is_empty(), "{:?}", end.conflicts);
    for (who, kr) in mine {
        assert_eq!(team.read(who), end, "{who} has the same file");
        settled(&team.dir(who));
        let values: Vec<(String, f64)> = days
            .iter()
            .enumerate()
            .map(|(round, day)| (day.to_string(), value(who, round).parse().unwrap()))
            .collect();
        let kept = history(&end, kr);
        for v in &values {
            assert!(kept.contains(v), "{who}'s {v:?} is lost: {kept:?}");
        }
    }
    // Only the data file was ever committed by a sync, and nothing by hand.
    let log = git_out(&team.dir("Anna"), &["log", "--format=%s", "origin/main"]);
    let syncs = log
        .lines()
        .filter(|l| l.starts_with("okr: 1 value ("))
        .count();
    assert_eq!(syncs, 9, "{log}");
    assert_eq!(
        files_of(&team.dir("Anna"), "origin/main"),
        [".gitattributes", ".gitignore", "okr.json"]
    );
    // Cecilia rebased: none of her commits is a merge.
    let merges = git_out(
        &team.dir("Cecilia"),
        &["log", "--merges", "--format=%an", "origin/main"],
    );
    assert!(!merges.lines().any(|a| a == "Cecilia"), "{merges}");
}

#[test]
fn the_same_value_changed_in_two_clones_ends_in_conflicts_counted_and_shared() {
    for rebase in ["false", "true"] {
        let team = Team::new();
        git_ok(&team.dir("Bo"), &["config", "pull.rebase", rebase]);
        team.update("Anna", crate::support::TODAY, "kr1", "30");
        team.update("Bo", crate::support::TODAY, "kr1", "35");
        team.sync("Anna");
        let bo = team.okr("Bo", &["--lang", "sv", "sync"]);
        bo.ok();
        let file = team.read("Bo");
        let n = file.conflicts.len();
        assert!(n >= 1, "a true conflict: {file:?}");
        let last = bo.stdout.lines().last().unwrap();
        assert_eq!(
            last,
            format!("{n} konflikter: öppna okr och tryck !"),
            "rebase {rebase}: {}",
            bo.stdout
        );
        assert!(
            bo.stdout
                .starts_with("Synkat: ny commit ”okr: 1 värde (Bo)”"),
            "{}",
            bo.stdout
        );
        // The merge is finished and pushed: Anna gets the same file and the count.
        settled(&team.dir("Bo"));
        let anna = team.sync("Anna");
        assert!(
            anna.ends_with(&format!("{n} conflicts: open okr and press !\n")),
            "{anna}"
        );
        assert_eq!(team.read("Anna"), file);
        let values: Vec<f64> = file
            .conflicts
            .iter()
            .filter(|c| c.field == "measure.current")
            .flat_map(|c| [c.ours.as_f64(), c.theirs.as_f64()])
            .flatten()
            .collect();
        assert!(
            values.contains(&30.0) && values.contains(&35.0),
            "{values:?}"
        );
    }
}

#[test]
fn a_push_refused_while_others_push_is_tried_again_three_times_at_most_never_forced() {
    let team = Team::new();
    let (anna, bo) = (team.dir("Anna"), team.dir("Bo"));
    // Each time Bo is about to push, Anna pushes first.
    let counter = team.root().join("pushes");
    let hook = bo.join(".git/hooks/pre-push");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\n\
             unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX\n\
             echo x >> '{counter}'\n\
             [ -e '{stop}' ] && exit 0\n\
             git -C '{anna}' commit -q --allow-empty -m 'Anna, meanwhile' &&\n\
             git -C '{anna}' push -q origin main\n",
            counter = counter.display(),
            stop = team.root().join("stop").display(),
            anna = anna.display(),
        ),
    )
    .unwrap();
    make_executable(&hook);
    team.update("Bo", crate::support::TODAY, "kr2", "12");
    let refused = team.okr("Bo", &["sync"]);
    refused.fails(&["the push was refused 3 times", "run okr sync again"]);
    let tries = std::fs::read_to_string(&counter).unwrap().lines().count();
    assert_eq!(tries, okr::sync::TRIES);
    // Bo's commit is kept; the team's branch is Anna's, nothing forced over it.
    let log = git_out(&bo, &["log", "--format=%s"]);
    assert!(log.lines().any(|l| l == "okr: 1 value (Bo)"), "{log}");
    let there = git_out(&anna, &["ls-remote", "origin", "main"]);
    let annas = git_out(&anna, &["rev-parse", "HEAD"]);
    assert!(there.starts_with(annas.trim()), "{there} / {annas}");
    // Anna stops; Bo's next sync gets through, with everything.
    std::fs::write(team.root().join("stop"), "").unwrap();
    let out = team.sync("Bo");
    assert!(
        out.contains("nothing new to commit") && out.contains("pushed to origin"),
        "{out}"
    );
    git_ok(&anna, &["pull", "-q", "--no-rebase", "origin", "main"]);
    assert_eq!(history(&team.read("Anna"), "kr2").last().unwrap().1, 12.0);
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn sync_commits_the_data_file_alone_and_leaves_every_other_file_as_it_was() {
    for rebase in ["false", "true"] {
        let team = Team::new();
        let (anna, bo) = (team.dir("Anna"), team.dir("Bo"));
        std::fs::write(anna.join("notes.md"), "# Notes\n").unwrap();
        git_ok(&anna, &["add", "notes.md"]);
        git_ok(&anna, &["commit", "-q", "-m", "Notes"]);
        git_ok(&anna, &["push", "-q", "origin", "main"]);
        team.sync("Bo");
        git_ok(&bo, &["config", "pull.rebase", rebase]);
        // Bo's other work: a file changed, one new and staged, one stray.
        std::fs::write(bo.join("notes.md"), "# Notes\nmine, not done\n").unwrap();
        std::fs::write(bo.join("staged.txt"), "staged\n").unwrap();
        git_ok(&bo, &["add", "staged.txt"]);
        std::fs::write(bo.join("stray.txt"), "stray\n").unwrap();
        // Anna changes the file meanwhile, so the pull has work to do.
        team.update("Anna", crate::support::TODAY, "kr1", "31");
        team.sync("Anna");
        let before = git_out(&bo, &["rev-parse", "HEAD"]);
        team.update("Bo", crate::support::TODAY, "kr2", "13");
        let out = team.sync("Bo");
        assert!(out.contains("merged the team's changes"), "{out}");
        let range = format!("{}..HEAD", before.trim());
        assert_eq!(files_of(&bo, &range), ["okr.json"], "rebase {rebase}");
        // Everything else is as Bo left it, and in no commit.
        assert_eq!(
            std::fs::read_to_string(bo.join("notes.md")).unwrap(),
            "# Notes\nmine, not done\n"
        );
        let status = git_out(&bo, &["status", "--porcelain"]);
        for (want, file) in [("M", "notes.md"), ("??", "stray.txt")] {
            assert!(
                status
                    .lines()
                    .any(|l| l.trim_start().starts_with(want) && l.ends_with(file)),
                "{file}: {status}"
            );
        }
        assert!(status.contains("staged.txt"), "{status}");
        let tree = git_out(&bo, &["ls-tree", "-r", "--name-only", "origin/main"]);
        assert!(
            !tree.contains("staged.txt") && !tree.contains("stray.txt"),
            "{tree}"
        );
        let notes = git_out(&bo, &["show", "origin/main:notes.md"]);
        assert_eq!(notes, "# Notes\n");
    }
}

#[test]
fn outside_a_repository_sync_refuses_in_a_sentence_and_changes_nothing() {
    let w = Sandbox::new();
    w.write(crate::support::fixture::FIXTURE);
    let before = w.files();
    for args in [&["sync"][..], &["sync", "--setup"]] {
        let r = w.okr(args);
        r.fails(&["is not in a git working tree", "okr sync needs"]);
    }
    let sv = w.okr(&["--lang", "sv", "sync"]);
    sv.fails(&["ligger inte i en git-arbetskatalog"]);
    assert_eq!(w.files(), before, "nothing written");
    assert!(!w.path().join(".gitattributes").exists());
}

#[test]
fn a_clone_without_the_set_up_is_told_to_run_setup_and_nothing_is_committed() {
    let team = Team::bare();
    let a = team.clone_of("a");
    team.write(&a, &crate::support::data::populated());
    git_ok(&a, &["add", "okr.json"]);
    git_ok(&a, &["commit", "-q", "-m", "start"]);
    git_ok(&a, &["push", "-q", "origin", "main"]);
    team.update("Anna", crate::support::TODAY, "kr1", "25");
    let head = git_out(&a, &["rev-parse", "HEAD"]);
    let file = std::fs::read(a.join("okr.json")).unwrap();
    let r = team.okr("Anna", &["sync"]);
    r.fails(&[
        "not set up for okr sync",
        "the .gitattributes line, the merge driver in git config and the .gitignore lines",
        "run okr sync --setup",
    ]);
    let sv = team.okr("Anna", &["--lang", "sv", "sync"]);
    sv.fails(&["inte förberedd för okr sync", "kör okr sync --setup"]);
    assert_eq!(git_out(&a, &["rev-parse", "HEAD"]), head, "no commit");
    assert_eq!(std::fs::read(a.join("okr.json")).unwrap(), file);
    assert!(!a.join(".gitattributes").exists() && !a.join(".gitignore").exists());
    assert!(!git(&a, &["config", "merge.okr.driver"]).status.success());
    // The shared lines committed by someone else: only the driver is missing.
    std::fs::write(a.join(".gitattributes"), "okr.json merge=okr\n").unwrap();
    std::fs::write(a.join(".gitignore"), "okr.json.*\n.okr.json.*\n").unwrap();
    let r = team.okr("Anna", &["sync"]);
    let line = r.fails(&["(the merge driver in git config missing)"]);
    assert!(!line.contains(".gitattributes line"), "{line}");
    // Set up, once: a second run writes nothing and says so.
    let first = team.okr("Anna", &["sync", "--setup"]);
    first.ok();
    assert!(!first.stdout.contains("Wrote to"), "{}", first.stdout);
    let shared = |f: &str| std::fs::read(a.join(f)).unwrap();
    let (attributes, ignore) = (shared(".gitattributes"), shared(".gitignore"));
    let again = team.okr("Anna", &["sync", "--setup"]);
    again.ok();
    assert!(
        again
            .stdout
            .starts_with("This clone is already set up for okr sync: nothing written."),
        "{}",
        again.stdout
    );
    assert_eq!(
        (shared(".gitattributes"), shared(".gitignore")),
        (attributes, ignore)
    );
    assert_eq!(
        git_out(&a, &["rev-parse", "HEAD"]),
        head,
        "--setup commits nothing"
    );
}

#[test]
fn the_tracker_syncs_on_its_key_once_its_changes_are_saved_and_says_what_it_did() {
    use crate::support::app::{TAB, ch, code, message, today};
    use okr::app::saver::Saver;
    use okr::app::sync::SyncRunner;
    use okr::app::{App, Setup};

    let team = Team::new();
    let bo = team.dir("Bo");
    // The tracker's git runs in this process's environment: the clone's
    // own settings say who commits and where okr's driver is.
    for (key, value) in [
        ("user.name", "Bo".to_string()),
        ("user.email", "bo@example.com".to_string()),
        ("commit.gpgsign", "false".to_string()),
        (
            "merge.okr.driver",
            format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_okr")),
        ),
    ] {
        git_ok(&bo, &["config", key, &value]);
    }
    team.update("Anna", crate::support::TODAY, "kr2", "33");
    team.sync("Anna");
    let path = bo.join("okr.json");
    let (store, data) = okr::store::Store::open(&path).unwrap();
    let saver = Saver::spawn(store, |_| {});
    let (tx, rx) = std::sync::mpsc::channel();
    let runner = SyncRunner::new(path.clone(), Some("Bo".into()), move |r| {
        let _ = tx.send(r);
    });
    let mut app = App::new(
        data,
        Setup {
            saver: Some(saver),
            sync: Some(runner),
            me: Some("Bo".into()),
            ..Setup::new(okr::model::Lang::En, today())
        },
    );
    // A step up on kr1, and the sync key at once: the step is in the commit.
    app.handle_key(code(TAB));
    app.handle_key(ch('+'));
    let stepped = app
        .data()
        .key_result(app.data().find_key_result("kr1").unwrap())
        .unwrap()
        .measure
        .current();
    assert!(app.handle_key(ch('s')));
    assert_eq!(message(&app), "Syncing with git…");
    app.handle_key(ch('s'));
    let again = message(&app);
    let report = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the sync reports");
    app.on_synced(report);
    let said = message(&app);
    for part in [
        "Synced: committed “okr: 1 value",
        "merged the team's changes",
        "pushed to origin",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    assert!(
        ["A sync is already running.", "Syncing with git…"].contains(&again.as_str()),
        "{again}"
    );
    // The team has both changes.
    team.sync("Anna");
    let anna = team.read("Anna");
    let kr = |id: &str| {
        anna.key_result(anna.find_key_result(id).unwrap())
            .unwrap()
            .measure
            .current()
    };
    assert_eq!((kr("kr1"), kr("kr2")), (stepped, 33.0));
    settled(&bo);
}

#[test]
fn the_sync_key_says_why_where_the_file_cannot_be_synced() {
    use crate::support::app::{Harness, ch, demo, message};
    for (lang, words) in [
        (
            okr::model::Lang::En,
            "okr sync needs the data file in a git working tree",
        ),
        (
            okr::model::Lang::Sv,
            "okr sync behöver datafilen i en git-arbetskatalog",
        ),
    ] {
        let mut h = Harness::new(Some(demo()), lang);
        assert!(h.app.handle_key(ch('s')));
        assert!(message(&h.app).contains(words), "{}", message(&h.app));
    }
}
