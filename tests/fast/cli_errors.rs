//! The `okr` binary refusing without a terminal: damaged, cut short, newer or
//! locked files, unknown ids and bad values; the file is always left alone.

use std::fs;
use std::process::{Command, Stdio};

use crate::support::fixture::FIXTURE;
use crate::support::{Immutable, Sandbox, display, key_result, listing, printed_data_path};

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

// --- a corrupt store ----------------------------------------------------------

#[test]
fn corrupt_store_stops_every_reading_command_with_the_place_and_is_left_alone() {
    let w = Sandbox::new();
    let (corrupt, place) = corrupt();
    assert_eq!(place, "(line 161, column 3)");
    let file = w.write(&corrupt);
    let name = display(&file);

    // `path` does not read the file.
    let r = w.okr(&["path"]);
    r.ok();
    assert_eq!(printed_data_path(&r.stdout), name);

    for q in ["2026-Q4", "all"] {
        for format in ["md", "csv", "json"] {
            let r = w.okr(&["export", "--quarter", q, "--format", format]);
            r.fails(&[&name, &place, "not valid JSON"]);
        }
    }
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&[&name, &place, "not valid JSON"]);

    assert_eq!(fs::read_to_string(&file).unwrap(), corrupt);
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn a_file_cut_short_or_of_the_wrong_shape_is_named_with_its_place() {
    let w = Sandbox::new();
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
    let w = Sandbox::new();
    let newer = FIXTURE.replacen("\"version\": 1", "\"version\": 999", 1);
    let file = w.write(&newer);
    let name = display(&file);
    let r = w.okr(&["update", "kr1", "20"]);
    r.fails(&[&name, "newer", "999", "(line 2, column 3)"]);
    let r = w.okr(&["export", "--format", "json"]);
    r.fails(&[&name, "newer"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    assert!(!w.path().join("okr.json.bak").exists());
}

// --- refused updates ----------------------------------------------------------

#[test]
fn empty_store_update_says_the_id_is_unknown_and_writes_nothing() {
    let w = Sandbox::new();
    let r = w.okr(&["update", "kr1", "3"]);
    r.fails(&["kr1", &display(&w.file())]);
    assert!(
        !w.file().exists(),
        "a failed update must not create the file"
    );
}

#[test]
fn update_of_an_unknown_id_fails_and_leaves_the_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let r = w.okr(&["update", "kr99", "3"]);
    r.fails(&["kr99", "no key result", &display(&file)]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn update_with_a_value_that_is_not_a_number_fails_and_leaves_the_file() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    for typed in ["tolv", "12,5.3", "", "inf"] {
        let r = w.okr(&["update", "kr1", typed]);
        r.fails(&["not a number", "12,5"]);
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn update_into_a_folder_that_refuses_the_write_fails_and_leaves_the_file() {
    let w = Sandbox::new();
    let folder = w.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("okr.json");
    fs::write(&file, FIXTURE).unwrap();
    // The lock file an earlier run left: the lock is taken, the save is what fails.
    fs::write(folder.join("okr.json.lock"), "").unwrap();
    let before = listing(&folder);
    let Some(guard) = Immutable::make(&folder) else {
        crate::support::not_applicable("chattr +i is not available on this file system");
        return;
    };
    let r = w.run(&["--file", &display(&file), "update", "kr1", "50"]);
    drop(guard);
    r.fails(&["cannot save", &display(&file), "permission denied"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert_eq!(listing(&folder), before, "no backup, no temporary file");
}

#[test]
fn update_of_a_file_open_in_another_okr_is_refused() {
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    let (held, _data) = okr::store::Store::open(&file).unwrap();
    let r = w.okr(&["update", "kr1", "50"]);
    r.fails(&[&display(&file), "already open in another okr"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);

    // Once the other okr is gone, the update goes through.
    drop(held);
    w.okr_after_unlock(&["update", "kr1", "50"]).ok();
    assert_eq!(key_result(&w.json(), "kr1")["measure"]["current"], 50.0);
}

#[test]
fn errors_speak_swedish_by_flag_or_locale() {
    let w = Sandbox::new();
    let file = w.write(&corrupt().0);
    let r = w.okr(&["--lang", "sv", "export"]);
    let line = r.fails(&[
        "kan inte läsa",
        &display(&file),
        "rad",
        "kolumn",
        "filen har inte ändrats",
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
        stderr.contains("det finns inget nyckelresultat med id ”kr99”"),
        "{stderr}"
    );
}

// --- files okr cannot read ----------------------------------------------------

/// okr as a user who may not read `file`, which has no read permission bits:
/// this process's user, unless that one reads such files anyway (root); then
/// the user nobody, for whom the sandbox is opened and okr copied into it
/// (the build's folder may be closed to others). `None` where nobody still
/// cannot run okr here.
fn as_a_user_who_may_not_read(w: &Sandbox, file: &std::path::Path) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mut c = w.command();
    if fs::read(file).is_ok() {
        fs::set_permissions(w.path(), fs::Permissions::from_mode(0o777)).unwrap();
        let bin = w.path().join("okr");
        fs::copy(env!("CARGO_BIN_EXE_okr"), &bin).unwrap();
        fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
        c = w.command_of(&bin);
        // A binary just written may be refused for a moment ("text file
        // busy") while another test's child still holds it from a fork:
        // tried a few times before okr counts as not runnable here.
        let runs = (0..20).any(|_| {
            let mut probe = w.command_of(&bin);
            probe.uid(NOBODY).gid(NOBODY).arg("--version");
            let ok = probe
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            ok
        });
        if !runs {
            return None;
        }
        c.uid(NOBODY).gid(NOBODY);
    }
    Some(c)
}

const NOBODY: u32 = 65534;

#[test]
fn a_file_okr_may_not_read_is_refused_with_its_path_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let w = Sandbox::new();
    let file = w.write(FIXTURE);
    // Writable, not readable: not a read-only file, just one okr may not read.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o200)).unwrap();
    // Reading commands, a writing one, and the tracker (which stops before
    // it touches the terminal).
    for args in [&["export"][..], &["update", "kr1", "3"], &[]] {
        let Some(command) = as_a_user_who_may_not_read(&w, &file) else {
            crate::support::not_applicable("okr cannot be run as another user");
            return;
        };
        let mut all = vec!["--file", file.to_str().unwrap()];
        all.extend_from_slice(args);
        let r = w.run_with(command, &all);
        r.fails(&["cannot read", &display(&file), "permission denied"]);
    }
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXTURE);
    assert!(!w.path().join("okr.json.bak").exists());
}

#[test]
fn a_folder_in_the_files_place_is_refused_with_its_path() {
    let w = Sandbox::new();
    let file = w.file();
    fs::create_dir(&file).unwrap();
    for args in [&["export"][..], &["update", "kr1", "3"], &[]] {
        let r = w.okr(args);
        r.fails(&["cannot read", &display(&file), "it is a folder, not a file"]);
    }
    assert!(file.is_dir());
    assert_eq!(
        listing(&file),
        Vec::<String>::new(),
        "nothing was put in it"
    );
}
