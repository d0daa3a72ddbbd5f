#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The `okr` binary end to end, without a terminal: `--help`, `--version`,
//! `path`, `export` and `update` on an empty, a populated and a damaged data
//! file. Every test runs in its own temporary folder with "today" pinned and
//! HOME / XDG_DATA_HOME inside that folder, so nothing touches the real home.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// The pinned "today": a Tuesday in ISO week 48 of 2026 Q4.
const TODAY: &str = "2026-11-24";

/// A realistic data file in the documented format: every measure kind
/// (numeric rising and falling, done, at_least, at_most), Uppgifter done and
/// open, a Mål in another quarter with a score and a retro, a check-in with a
/// pulse, and a field this okr does not know (it must survive a save).
const FIXTURE: &str = r#"{
  "version": 1,
  "settings": {
    "language": "sv",
    "checkin_weekday": "monday"
  },
  "objectives": [
    {
      "id": "o1",
      "title": "Expandera globalt",
      "why": "Vi vill växa utanför Norden",
      "kind": "committed",
      "quarter": "2026-Q4",
      "owner": "Säljteamet",
      "status": "active",
      "created": "2026-10-01T08:00:00Z",
      "updated": "2026-11-16T09:30:00Z",
      "key_results": [
        {
          "id": "kr1",
          "title": "Sälj för 100 miljoner",
          "measure": {
            "type": "numeric",
            "start": 0.0,
            "target": 100.0,
            "current": 12.5,
            "unit": "MSEK"
          },
          "weight": 2.0,
          "confidence": 7,
          "history": [
            {
              "date": "2026-11-16",
              "value": 12.5,
              "confidence": 7,
              "note": "Två nya kunder"
            }
          ]
        },
        {
          "id": "kr2",
          "title": "Sänk ledtiden för offerter",
          "measure": {
            "type": "numeric",
            "start": 10.0,
            "target": 2.0,
            "current": 6.0,
            "unit": "dagar"
          },
          "weight": 1.0,
          "confidence": 5,
          "history": []
        },
        {
          "id": "kr3",
          "title": "Lansera en tvåvägs feedback-process",
          "measure": {
            "type": "done",
            "done": false
          },
          "weight": 1.0,
          "confidence": 8,
          "history": []
        }
      ],
      "initiatives": [
        {
          "id": "u1",
          "title": "Anställ en säljare i Berlin",
          "done": "2026-11-10",
          "key_result": "kr1"
        },
        {
          "id": "u2",
          "title": "Översätt webbplatsen till tyska"
        }
      ]
    },
    {
      "id": "o2",
      "title": "Gör våra kunder glada",
      "kind": "aspirational",
      "quarter": "2026-Q4",
      "status": "active",
      "created": "2026-10-01T08:00:00Z",
      "updated": "2026-11-16T09:30:00Z",
      "key_results": [
        {
          "id": "kr4",
          "title": "Öka kundlojalitet till 98 %",
          "measure": {
            "type": "at_least",
            "level": 98.0,
            "current": 98.5,
            "unit": "%"
          },
          "weight": 1.0,
          "confidence": 4,
          "history": []
        }
      ],
      "initiatives": []
    },
    {
      "id": "o3",
      "title": "Spara ihop till ett buffertkonto",
      "kind": "economic",
      "quarter": "2026-Q3",
      "status": "carried_over",
      "score": 0.6,
      "retro": {
        "went_well": "Automatisk överföring varje månad",
        "to_change": "Färre impulsköp"
      },
      "created": "2026-07-01T08:00:00Z",
      "updated": "2026-09-30T17:00:00Z",
      "key_results": [
        {
          "id": "kr5",
          "title": "Sluta lägga pengar på onödiga utgifter",
          "measure": {
            "type": "at_most",
            "level": 2000.0,
            "current": 2500.0,
            "unit": "kr"
          },
          "weight": 1.0,
          "confidence": 3,
          "history": []
        }
      ],
      "initiatives": []
    }
  ],
  "checkins": [
    {
      "week": "2026-W47",
      "date": "2026-11-16",
      "entries": [
        {
          "key_result": "kr1",
          "value": 12.5,
          "confidence": 7,
          "note": "Två nya kunder"
        }
      ],
      "wins": "Första kunden i Tyskland",
      "blockers": "Offertmallen är på svenska",
      "next_steps": "Översätt mallen",
      "pulse": {
        "structure": 4,
        "safety": 5,
        "meaning": 4,
        "dependability": 3,
        "impact": 4
      }
    }
  ],
  "from_a_newer_okr": {
    "keep": "me"
  }
}
"#;

/// The fixture with a trailing comma after its last field (the kind of slip
/// a hand edit makes), and the place serde_json names: the `}` after it.
fn corrupt() -> (String, String) {
    let text = FIXTURE.replacen("\"keep\": \"me\"", "\"keep\": \"me\",", 1);
    assert_ne!(text, FIXTURE);
    let comma = text.find("\"me\",").unwrap() + "\"me\"".len();
    let brace = comma + 1 + text[comma + 1..].find('}').unwrap();
    let line = text[..brace].matches('\n').count() + 1;
    let column = brace - text[..brace].rfind('\n').unwrap();
    (text, format!("(line {line}, column {column})"))
}

/// One test's world: a temporary folder that is the home, the data home and
/// the place of the data file.
struct World {
    dir: TempDir,
}

/// What a run of the binary left behind.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl World {
    fn new() -> World {
        World {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn data_home(&self) -> PathBuf {
        self.dir.path().join("xdg-data")
    }

    /// The data file the tests name with `--file`.
    fn file(&self) -> PathBuf {
        self.dir.path().join("okr.json")
    }

    fn write(&self, text: &str) -> PathBuf {
        let path = self.file();
        fs::write(&path, text).unwrap();
        path
    }

    /// The binary with a clean, pinned environment (an English locale: the
    /// tests of Swedish pass `--lang sv` or set it).
    fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_okr"));
        c.current_dir(self.dir.path())
            .env("OKR_TODAY", TODAY)
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.data_home())
            .env("LC_ALL", "en_US.UTF-8")
            .env_remove("LANG")
            .env_remove("LC_MESSAGES")
            .env_remove("OKR_FILE")
            // A backtrace must never reach the user, even when asked for.
            .env("RUST_BACKTRACE", "1")
            .env("NO_COLOR", "1");
        c
    }

    fn run_with(&self, mut c: Command, args: &[&str]) -> Run {
        let out = c.args(args).output().unwrap();
        Run {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.command(), args)
    }

    /// Runs with `--file` naming this world's data file.
    fn okr(&self, args: &[&str]) -> Run {
        let file = self.file();
        let mut all = vec!["--file", file.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// The data file as JSON.
    fn json(&self) -> Value {
        serde_json::from_slice(&fs::read(self.file()).unwrap()).unwrap()
    }
}

impl Run {
    fn ok(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        assert!(self.stderr.is_empty(), "stderr: {}", self.stderr);
        self
    }

    /// Exit code 1 and one sentence on stderr beginning `okr: `, with each of
    /// `words` in it, no Debug output and nothing on stdout. Returns the line.
    fn fails(&self, words: &[&str]) -> &str {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit 1\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        let line = self.stderr.strip_suffix('\n').unwrap_or(&self.stderr);
        assert!(
            !line.contains('\n'),
            "more than one line: {:?}",
            self.stderr
        );
        assert!(line.starts_with("okr: "), "{line}");
        for noise in ["Error {", "Os {", "kind:", "backtrace", "panicked", "RUST_"] {
            assert!(!line.contains(noise), "debug noise {noise:?} in: {line}");
        }
        for w in words {
            assert!(line.contains(w), "{w:?} is not in: {line}");
        }
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
        line
    }
}

fn key_result<'a>(data: &'a Value, id: &str) -> &'a Value {
    data["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["key_results"].as_array().unwrap())
        .find(|k| k["id"] == id)
        .unwrap_or_else(|| panic!("no key result {id}"))
}

fn objective_ids(export: &Value) -> Vec<&str> {
    export["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect()
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

// --- help and version -------------------------------------------------------

#[test]
fn help_lists_every_command_and_exits_0() {
    let w = World::new();
    let r = w.run(&["--help"]);
    r.ok();
    for command in [
        "checkin", "review", "export", "update", "path", "demo", "--file", "--lang",
    ] {
        assert!(
            r.stdout.contains(command),
            "{command} missing:\n{}",
            r.stdout
        );
    }
    let r = w.run(&["update", "--help"]);
    r.ok();
    assert!(r.stdout.contains("--note"), "{}", r.stdout);
}

#[test]
fn version_prints_the_package_version_and_exits_0() {
    let w = World::new();
    let r = w.run(&["--version"]);
    r.ok();
    assert_eq!(
        r.stdout.trim(),
        format!("okr {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let w = World::new();
    for args in [
        &["export", "--format", "xml"][..],
        &["update", "kr1"],
        &["no-such-command"],
        &["--lang", "de", "path"],
    ] {
        let r = w.run(args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
    let r = w.run(&["export", "--quarter", "2026-Q9"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("2026-Q4"), "{}", r.stderr);
}

// --- okr path -------------------------------------------------------------------

#[test]
fn path_prints_the_file_flag_first() {
    let w = World::new();
    let flag = w.dir.path().join("from-flag.json");
    let mut c = w.command();
    c.env("OKR_FILE", w.dir.path().join("from-env.json"));
    let r = w.run_with(c, &["path", "--file", flag.to_str().unwrap()]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&flag)));
    assert!(!flag.exists(), "path must not create the file");
}

#[test]
fn path_prints_okr_file_without_a_flag() {
    let w = World::new();
    let env = w.dir.path().join("from-env.json");
    let mut c = w.command();
    c.env("OKR_FILE", &env);
    let r = w.run_with(c, &["path"]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&env)));
}

#[test]
fn path_defaults_to_the_platform_data_folder() {
    let w = World::new();
    let r = w.run(&["path"]);
    r.ok();
    let printed = PathBuf::from(r.stdout.trim_end());
    assert!(printed.ends_with("okr/okr.json"), "{}", printed.display());
    if cfg!(target_os = "linux") {
        assert_eq!(printed, w.data_home().join("okr").join("okr.json"));
    }
    // An empty OKR_FILE counts as unset.
    let mut c = w.command();
    c.env("OKR_FILE", "");
    let r2 = w.run_with(c, &["path"]);
    r2.ok();
    assert_eq!(r2.stdout, r.stdout);
    assert!(!printed.exists(), "path must not create the file");
}

// --- an empty store (no file yet) ---------------------------------------------

#[test]
fn empty_store_exports_nothing_in_every_format() {
    let w = World::new();
    let file = w.file();

    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&file)));

    let r = w.okr(&["--lang", "sv", "export"]);
    r.ok();
    assert!(r.stdout.starts_with("# OKR\n"), "{}", r.stdout);
    assert!(r.stdout.contains("Kvartal 2026 Q4"), "{}", r.stdout);
    assert!(r.stdout.contains("Inga mål detta kvartal."), "{}", r.stdout);

    let r = w.okr(&[
        "--lang",
        "en",
        "export",
        "--quarter",
        "2026-Q4",
        "--format",
        "md",
    ]);
    r.ok();
    assert!(r.stdout.contains("Quarter 2026 Q4"), "{}", r.stdout);
    assert!(
        r.stdout.contains("No objectives this quarter."),
        "{}",
        r.stdout
    );

    let r = w.okr(&["export", "--quarter", "all", "--format", "md"]);
    r.ok();
    assert_eq!(r.stdout, "# OKR\n");

    for q in ["2026-Q4", "all"] {
        let r = w.okr(&["export", "--quarter", q, "--format", "csv"]);
        r.ok();
        let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
        assert_eq!(rd.headers().unwrap().get(0), Some("quarter"));
        assert_eq!(rd.records().count(), 0, "{q}: {}", r.stdout);

        let r = w.okr(&["export", "--quarter", q, "--format", "json"]);
        r.ok();
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["objectives"], serde_json::json!([]));
        assert_eq!(v["checkins"], serde_json::json!([]));
        let quarters = if q == "all" {
            serde_json::json!([])
        } else {
            serde_json::json!(["2026-Q4"])
        };
        assert_eq!(v["quarters"], quarters);
    }
    assert!(!file.exists(), "reading must not create the data file");
}

#[test]
fn empty_store_update_says_the_id_is_unknown_and_writes_nothing() {
    let w = World::new();
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&["kr1", &display(&w.file())]);
    assert!(
        !w.file().exists(),
        "a failed update must not create the file"
    );
}

#[test]
fn the_default_file_is_used_without_file_or_okr_file() {
    let w = World::new();
    let default = w.data_home().join("okr").join("okr.json");
    if !cfg!(target_os = "linux") {
        return;
    }
    fs::create_dir_all(default.parent().unwrap()).unwrap();
    fs::write(&default, FIXTURE).unwrap();
    let r = w.run(&["update", "kr2", "4"]);
    r.ok();
    let v: Value = serde_json::from_slice(&fs::read(&default).unwrap()).unwrap();
    assert_eq!(key_result(&v, "kr2")["measure"]["current"], 4.0);
}

#[test]
fn okr_file_names_the_file_to_update() {
    let w = World::new();
    let file = w.write(FIXTURE);
    let mut c = w.command();
    c.env("OKR_FILE", &file);
    let r = w.run_with(c, &["update", "kr2", "5"]);
    r.ok();
    assert_eq!(key_result(&w.json(), "kr2")["measure"]["current"], 5.0);
}

// --- a populated store --------------------------------------------------------

#[test]
fn populated_store_exports_every_format_and_leaves_the_file_alone() {
    let w = World::new();
    let file = w.write(FIXTURE);
    let before = fs::read(&file).unwrap();

    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(r.stdout, format!("{}\n", display(&file)));

    // The default quarter is today's: 2026-Q4 holds o1 and o2, not o3.
    let r = w.okr(&["export"]);
    r.ok();
    assert!(r.stdout.contains("Expandera globalt"), "{}", r.stdout);
    assert!(r.stdout.contains("Gör våra kunder glada"), "{}", r.stdout);
    assert!(!r.stdout.contains("buffertkonto"), "{}", r.stdout);
    // The file's language setting (sv) is used without --lang.
    assert!(r.stdout.contains("Nyckelresultat"), "{}", r.stdout);

    let r = w.okr(&["export", "--quarter", "all"]);
    r.ok();
    let q3 = r.stdout.find("2026 Q3").expect("Q3 section");
    let q4 = r.stdout.find("2026 Q4").expect("Q4 section");
    assert!(q3 < q4, "quarters in order:\n{}", r.stdout);
    assert!(r.stdout.contains("buffertkonto"), "{}", r.stdout);
    assert!(r.stdout.contains("Automatisk överföring"), "{}", r.stdout);

    for (q, expected) in [
        ("2026-Q4", vec!["o1", "o2"]),
        ("all", vec!["o1", "o2", "o3"]),
    ] {
        let r = w.okr(&["export", "--quarter", q, "--format", "json"]);
        r.ok();
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(objective_ids(&v), expected, "{q}");

        let r = w.okr(&["export", "--quarter", q, "--format", "csv"]);
        r.ok();
        let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
        // The rows of the key results' state now: those without a week.
        let krs: Vec<String> = rd
            .records()
            .map(Result::unwrap)
            .filter(|rec| rec.get(17) == Some(""))
            .map(|rec| rec.get(6).unwrap().to_string())
            .collect();
        let want: Vec<&str> = if q == "all" {
            vec!["kr1", "kr2", "kr3", "kr4", "kr5"]
        } else {
            vec!["kr1", "kr2", "kr3", "kr4"]
        };
        assert_eq!(krs, want, "{q}");
    }

    // A quarter with nothing in it.
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2027-Q1"]);
    r.ok();
    assert!(
        r.stdout.contains("No objectives this quarter."),
        "{}",
        r.stdout
    );

    assert_eq!(fs::read(&file).unwrap(), before, "export changed the file");
    assert!(!w.dir.path().join("okr.json.bak").exists());
}

#[test]
fn export_csv_has_the_header_and_the_values_of_each_measure() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["export", "--format", "csv", "--quarter", "all"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "quarter",
            "objective_id",
            "objective",
            "kind",
            "status",
            "score",
            "key_result_id",
            "key_result",
            "type",
            "start",
            "target",
            "level",
            "current",
            "unit",
            "progress",
            "confidence",
            "weight",
            "week",
            "checkin_date",
            "note",
            "success",
            "went_well",
            "to_change",
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let row = |kr: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.get(6) == Some(kr) && r.get(17) == Some(""))
            .unwrap_or_else(|| panic!("no row for {kr}"))
            .iter()
            .map(String::from)
            .collect()
    };
    assert_eq!(
        row("kr1"),
        [
            "2026-Q4",
            "o1",
            "Expandera globalt",
            "committed",
            "active",
            "",
            "kr1",
            "Sälj för 100 miljoner",
            "numeric",
            "0",
            "100",
            "",
            "12.5",
            "MSEK",
            "0.125",
            "7",
            "2",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    );
    // One row per key result per check-in week, with that week's value and note.
    let weekly: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r.get(17) != Some(""))
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    assert_eq!(weekly.len(), 1, "{weekly:?}");
    assert_eq!(
        (
            weekly[0][6].as_str(),
            weekly[0][12].as_str(),
            weekly[0][15].as_str()
        ),
        ("kr1", "12.5", "7")
    );
    assert_eq!(
        (
            weekly[0][17].as_str(),
            weekly[0][18].as_str(),
            weekly[0][19].as_str()
        ),
        ("2026-W47", "2026-11-16", "Två nya kunder")
    );
    // Falling: 10 → 2, now 6, is half way.
    let kr2 = row("kr2");
    assert_eq!((kr2[9].as_str(), kr2[10].as_str()), ("10", "2"));
    assert_eq!(kr2[14], "0.500");
    let kr3 = row("kr3");
    assert_eq!(
        (kr3[8].as_str(), kr3[12].as_str(), kr3[14].as_str()),
        ("done", "0", "0.000")
    );
    let kr4 = row("kr4");
    assert_eq!(
        (kr4[8].as_str(), kr4[11].as_str(), kr4[14].as_str()),
        ("at_least", "98", "1.000")
    );
    let kr5 = row("kr5");
    assert_eq!(
        (
            kr5[0].as_str(),
            kr5[4].as_str(),
            kr5[5].as_str(),
            kr5[8].as_str(),
            kr5[14].as_str()
        ),
        ("2026-Q3", "carried_over", "0.6", "at_most", "0.000")
    );
    assert_eq!(kr5[3], "economic");
}

#[test]
fn export_json_holds_the_quarters_objectives_and_checkins() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["export", "--format", "json", "--quarter", "2026-Q4"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["quarters"], serde_json::json!(["2026-Q4"]));
    assert_eq!(objective_ids(&v), ["o1", "o2"]);
    let o1 = &v["objectives"][0];
    assert_eq!(o1["title"], "Expandera globalt");
    assert_eq!(o1["owner"], "Säljteamet");
    assert_eq!(o1["key_results"].as_array().unwrap().len(), 3);
    assert_eq!(o1["initiatives"][0]["done"], "2026-11-10");
    assert_eq!(key_result(&v, "kr2")["measure"]["target"], 2.0);
    assert_eq!(v["checkins"][0]["week"], "2026-W47");
    assert_eq!(v["checkins"][0]["pulse"]["safety"], 5);

    // The check-in of W47 is not in Q3's report.
    let r = w.okr(&["export", "--format", "json", "--quarter", "2026-Q3"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(objective_ids(&v), ["o3"]);
    assert_eq!(v["checkins"], serde_json::json!([]));
    assert_eq!(v["objectives"][0]["retro"]["to_change"], "Färre impulsköp");
}

#[test]
fn export_md_speaks_swedish_with_lang_sv() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "sv", "export", "--format", "md"]);
    r.ok();
    let md = &r.stdout;
    for word in [
        "## Kvartal 2026 Q4",
        "### Mål: Expandera globalt",
        "**Nyckelresultat**",
        "**Uppgifter** (1/2)",
        "Hängiven",
        "Ambitiös",
        "`kr1` Sälj för 100 miljoner: 12,5 / 100 MSEK",
        "98,5 % (nivå ≥ 98)",
        "Incheckningar",
        "Vinster att fira: Första kunden i Tyskland",
        "- [x] Anställ en säljare i Berlin",
        "- [ ] Översätt webbplatsen till tyska",
    ] {
        assert!(md.contains(word), "{word:?} missing:\n{md}");
    }
    for english in ["Objective", "Key results", "12.5"] {
        assert!(
            !md.contains(english),
            "{english:?} in the Swedish report:\n{md}"
        );
    }
}

#[test]
fn export_md_speaks_english_with_lang_en() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&[
        "--lang",
        "en",
        "export",
        "--format",
        "md",
        "--quarter",
        "all",
    ]);
    r.ok();
    let md = &r.stdout;
    for word in [
        "## Quarter 2026 Q4",
        "### Objective: Expandera globalt",
        "**Key results**",
        "**Initiatives** (1/2)",
        "Committed",
        "Aspirational",
        "Economic",
        "`kr1` Sälj för 100 miljoner: 12.5 / 100 MSEK",
        "98.5 % (level ≥ 98)",
        "2500 kr (level ≤ 2000)",
        "Score: 0.6",
        "**What to change:** Färre impulsköp",
        "Wins to celebrate: Första kunden i Tyskland",
    ] {
        assert!(md.contains(word), "{word:?} missing:\n{md}");
    }
    for swedish in ["Mål:", "Nyckelresultat", "12,5"] {
        assert!(
            !md.contains(swedish),
            "{swedish:?} in the English report:\n{md}"
        );
    }
}

// --- a corrupt store ----------------------------------------------------------

#[test]
fn corrupt_store_stops_every_reading_command_with_the_place_and_is_left_alone() {
    let w = World::new();
    let (corrupt, place) = corrupt();
    assert_eq!(place, "(line 161, column 3)");
    let file = w.write(&corrupt);
    let name = display(&file);

    // `path` does not read the file.
    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(r.stdout, format!("{name}\n"));

    for q in ["2026-Q4", "all"] {
        for format in ["md", "csv", "json"] {
            let r = w.okr(&["export", "--quarter", q, "--format", format]);
            r.fails(&[&name, &place, "not valid JSON"]);
        }
    }
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&[&name, &place, "not valid JSON"]);

    assert_eq!(fs::read_to_string(&file).unwrap(), corrupt);
    assert!(!w.dir.path().join("okr.json.bak").exists());
}

#[test]
fn a_file_cut_short_or_of_the_wrong_shape_is_named_with_its_place() {
    let w = World::new();
    let cut = &FIXTURE[..200];
    let file = w.write(cut);
    let name = display(&file);
    let r = w.okr(&["export"]);
    let line = r.fails(&[&name, "line ", "column "]);
    assert!(line.contains("ends too early"), "{line}");
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&[&name, "line ", "column "]);
    assert_eq!(fs::read_to_string(&file).unwrap(), cut);

    let shape = "{\n  \"version\": 1,\n  \"objectives\": 3\n}\n";
    w.write(shape);
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&[&name, "(line 3, column ", "not the shape of an okr file"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), shape);
}

#[test]
fn a_newer_file_is_refused_and_left_unchanged() {
    let w = World::new();
    let newer = FIXTURE.replacen("\"version\": 1", "\"version\": 999", 1);
    let file = w.write(&newer);
    let name = display(&file);
    let r = w.okr(&["update", "kr1", "20"]);
    r.fails(&[&name, "newer", "999", "(line 2, column 3)"]);
    let r = w.okr(&["export", "--format", "json"]);
    r.fails(&[&name, "newer"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    assert!(!w.dir.path().join("okr.json.bak").exists());
}

// --- okr update -----------------------------------------------------------------

#[test]
fn update_records_the_value_and_a_history_entry_with_the_note() {
    let w = World::new();
    let file = w.write(FIXTURE);
    let r = w.okr(&["update", "kr1", "40", "--note", "  Stor order från Berlin "]);
    r.ok();
    assert!(r.stdout.contains("kr1"), "{}", r.stdout);
    // The file's language is Swedish: numbers in its convention.
    assert!(r.stdout.contains("12,5 → 40 MSEK"), "{}", r.stdout);

    let r = w.okr(&["export", "--format", "json"]);
    r.ok();
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let kr1 = key_result(&v, "kr1");
    assert_eq!(kr1["measure"]["current"], 40.0);
    let history = kr1["history"].as_array().unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    let last = &history[1];
    assert_eq!(last["date"], TODAY);
    assert_eq!(last["value"], 40.0);
    assert_eq!(last["confidence"], 7);
    assert_eq!(last["note"], "Stor order från Berlin");

    // Nothing else moved; the unknown field survived; the old file was kept.
    let saved = w.json();
    assert_eq!(key_result(&saved, "kr2")["measure"]["current"], 6.0);
    assert_eq!(saved["from_a_newer_okr"]["keep"], "me");
    assert_eq!(
        fs::read_to_string(w.dir.path().join("okr.json.bak")).unwrap(),
        FIXTURE
    );
    assert!(fs::read_to_string(&file).unwrap().ends_with("}\n"));

    // Ids are matched as people type them.
    let r = w.okr(&["update", "KR1", "41"]);
    r.ok();
    assert_eq!(key_result(&w.json(), "kr1")["measure"]["current"], 41.0);
}

#[test]
fn update_without_a_note_keeps_no_note() {
    let w = World::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr2", "4"]).ok();
    let saved = w.json();
    let last = key_result(&saved, "kr2")["history"][0].clone();
    assert_eq!(last["value"], 4.0);
    assert!(last.get("note").is_none(), "{last}");
}

#[test]
fn update_takes_a_decimal_comma_and_a_decimal_point() {
    for typed in ["12,5", "12.5"] {
        let w = World::new();
        w.write(FIXTURE);
        w.okr(&["update", "kr2", typed]).ok();
        let saved = w.json();
        let kr2 = key_result(&saved, "kr2");
        assert_eq!(kr2["measure"]["current"], 12.5, "{typed}");
        assert_eq!(kr2["history"][0]["value"], 12.5, "{typed}");
    }
}

#[test]
fn update_takes_a_negative_value() {
    let w = World::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr2", "-3"]).ok();
    assert_eq!(key_result(&w.json(), "kr2")["measure"]["current"], -3.0);
    w.okr(&["update", "kr2", "-0,5", "--note", "under noll"])
        .ok();
    let saved = w.json();
    let kr2 = key_result(&saved, "kr2");
    assert_eq!(kr2["measure"]["current"], -0.5);
    assert_eq!(kr2["history"][1]["note"], "under noll");
    // The note may come first, and `--` works as in every command line.
    w.okr(&["update", "kr2", "--note", "före", "-1.25"]).ok();
    w.okr(&["update", "kr2", "--", "-7"]).ok();
    let saved = w.json();
    let kr2 = key_result(&saved, "kr2");
    assert_eq!(kr2["history"][2]["value"], -1.25);
    assert_eq!(kr2["history"][2]["note"], "före");
    assert_eq!(kr2["measure"]["current"], -7.0);
}

#[test]
fn update_of_a_done_key_result_takes_words() {
    let w = World::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr3", "done"]).ok();
    let saved = w.json();
    let kr3 = key_result(&saved, "kr3");
    assert_eq!(kr3["measure"]["done"], true);
    assert_eq!(kr3["history"][0]["value"], 1.0);

    w.okr(&["update", "kr3", "nej"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], false);
    w.okr(&["update", "kr3", "ja"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], true);
    w.okr(&["update", "kr3", "0"]).ok();
    assert_eq!(key_result(&w.json(), "kr3")["measure"]["done"], false);

    let before = fs::read(w.file()).unwrap();
    let r = w.okr(&["update", "kr3", "kanske"]);
    r.fails(&["kanske", "done", "no"]);
    assert_eq!(fs::read(w.file()).unwrap(), before);
}

#[test]
fn update_of_levels_records_the_new_value() {
    let w = World::new();
    w.write(FIXTURE);
    w.okr(&["update", "kr4", "97"]).ok();
    w.okr(&["update", "kr5", "1800"]).ok();
    let saved = w.json();
    assert_eq!(key_result(&saved, "kr4")["measure"]["current"], 97.0);
    assert_eq!(key_result(&saved, "kr4")["measure"]["level"], 98.0);
    assert_eq!(key_result(&saved, "kr5")["measure"]["current"], 1800.0);
}

#[test]
fn update_of_an_unknown_id_fails_and_leaves_the_file() {
    let w = World::new();
    let file = w.write(FIXTURE);
    let r = w.okr(&["update", "kr99", "3"]);
    r.fails(&["kr99", "no key result", &display(&file)]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert!(!w.dir.path().join("okr.json.bak").exists());
}

#[test]
fn update_with_a_value_that_is_not_a_number_fails_and_leaves_the_file() {
    let w = World::new();
    let file = w.write(FIXTURE);
    for typed in ["tolv", "12,5.3", "", "inf"] {
        let r = w.okr(&["update", "kr1", typed]);
        r.fails(&["not a number", "12,5"]);
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert!(!w.dir.path().join("okr.json.bak").exists());
}

#[test]
fn update_of_a_file_open_in_another_okr_is_refused() {
    let w = World::new();
    let file = w.write(FIXTURE);
    let (held, _data) = okr::store::Store::open(&file).unwrap();
    let r = w.okr(&["update", "kr1", "50"]);
    r.fails(&[&display(&file), "already open in another okr"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);

    // Once the other okr is gone, the update goes through.
    drop(held);
    w.okr(&["update", "kr1", "50"]).ok();
    assert_eq!(key_result(&w.json(), "kr1")["measure"]["current"], 50.0);
}

#[test]
fn update_speaks_the_chosen_language() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "update", "kr1", "40,5"]);
    r.ok();
    assert!(r.stdout.contains("12.5 → 40.5 MSEK"), "{}", r.stdout);
}

#[test]
fn export_md_lists_the_checkins_of_the_quarter_per_week() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q4"]);
    r.ok();
    let md = &r.stdout;
    assert!(md.contains("**2026-W47** (2026-11-16)"), "{md}");
    assert!(
        md.contains("`kr1` Sälj för 100 miljoner: 12.5 · Confidence 7/10 — Två nya kunder"),
        "{md}"
    );
    assert!(
        md.contains("Wins to celebrate: Första kunden i Tyskland"),
        "{md}"
    );
    assert!(md.contains("Psychological safety 5"), "{md}");
}

#[test]
fn export_of_a_reviewed_quarter_carries_score_success_and_retro() {
    let w = World::new();
    w.write(FIXTURE);
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q3"]);
    r.ok();
    let md = &r.stdout;
    assert!(md.contains("- Score: 0.6 (yellow) — missed"), "{md}");
    assert!(md.contains("- Kind: Economic"), "{md}");
    assert!(md.contains("- Status: carried over"), "{md}");
    assert!(
        md.contains("**What went well:** Automatisk överföring varje månad"),
        "{md}"
    );
    assert!(md.contains("**What to change:** Färre impulsköp"), "{md}");
    assert!(md.contains("2500 kr (level ≤ 2000)"), "{md}");

    let r = w.okr(&["export", "--quarter", "2026-Q3", "--format", "csv"]);
    r.ok();
    let mut rd = csv::Reader::from_reader(r.stdout.as_bytes());
    let row = rd.records().next().unwrap().unwrap();
    assert_eq!(row.get(5), Some("0.6"));
    assert_eq!(row.get(20), Some("no"));
    assert_eq!(row.get(21), Some("Automatisk överföring varje månad"));
    assert_eq!(row.get(22), Some("Färre impulsköp"));
}

#[test]
fn errors_speak_swedish_by_flag_or_locale() {
    let w = World::new();
    let file = w.write(&corrupt().0);
    let r = w.okr(&["--lang", "sv", "export"]);
    let line = r.fails(&[
        "kan inte läsa",
        &display(&file),
        "rad",
        "kolumn",
        "filen lämnades som den var",
    ]);
    assert!(!line.contains("cannot"), "{line}");

    w.write(FIXTURE);
    let r = w
        .command()
        .args(["--file", &display(&file), "update", "kr99", "3"])
        .env("LC_ALL", "sv_SE.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        stderr.contains("det finns inget nyckelresultat med id 'kr99'"),
        "{stderr}"
    );
}

#[test]
fn a_finished_quarters_key_results_are_not_called_stale() {
    let w = World::new();
    let kr = |id: &str, quarter: &str, date: &str| {
        format!(
            r#"{{"id": "o{id}", "title": "Mål {id}", "quarter": "{quarter}", "created": "2026-07-01T08:00:00Z",
               "updated": "2026-07-01T08:00:00Z",
               "key_results": [{{"id": "kr{id}", "title": "KR {id}",
                 "measure": {{"type": "numeric", "start": 0, "target": 10, "current": 4}},
                 "history": [{{"date": "{date}", "value": 4}}]}}]}}"#
        )
    };
    w.write(&format!(
        r#"{{"version": 1, "objectives": [{}, {}]}}"#,
        kr("1", "2026-Q3", "2026-08-01"),
        kr("2", "2026-Q4", "2026-10-01")
    ));
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q3"]);
    r.ok();
    assert!(!r.stdout.contains("stale"), "{}", r.stdout);
    // A running quarter's key result not updated for 14 days is.
    let r = w.okr(&["--lang", "en", "export", "--quarter", "2026-Q4"]);
    r.ok();
    assert!(r.stdout.contains("stale"), "{}", r.stdout);
}
