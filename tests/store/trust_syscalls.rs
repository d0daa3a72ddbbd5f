//! okr watched at its system calls with strace, for what no kill -9 can
//! show: every atomic save flushes its temporary file before the rename and
//! the folder after it; and `okr update`, stopped between the flush of its
//! new version and its rename while another program saves, refuses to write
//! over their file. Where strace cannot trace, these tests do not apply.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use crate::support::fixture::FIXTURE;
use crate::support::{POLL, Sandbox, WAIT, display};

/// Why strace cannot trace a program here, if it cannot.
fn strace_missing() -> Option<String> {
    match Command::new("strace")
        .args(["-qq", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(out) if out.status.success() => None,
        Ok(out) => Some(format!(
            "strace cannot trace here: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Some(format!("no strace: {e}")),
    }
}

/// `okr ARGS` on the sandbox's file under strace, which writes the calls
/// `strace_args` ask for to `log`, each path of a file descriptor spelled out.
fn traced(sandbox: &Sandbox, log: &Path, strace_args: &[&str], args: &[&str]) -> Command {
    let mut c = sandbox.command_of(Path::new("strace"));
    c.args(["-f", "-qq", "-y", "-o", log.to_str().unwrap()])
        .args(strace_args)
        .arg(env!("CARGO_BIN_EXE_okr"))
        .args(["--file", sandbox.file().to_str().unwrap()])
        .args(args)
        .stdin(Stdio::null());
    c
}

/// A flush of an open file or folder, or a rename, as strace saw it.
#[derive(Debug, PartialEq)]
enum Call {
    Sync(PathBuf),
    Rename { from: PathBuf, to: PathBuf },
}

/// The flushes and renames in a strace log, in order: `fsync(3</a/b>) = 0`,
/// `rename("/a/.b.tmp", "/a/b") = 0` (or `renameat`, `renameat2`).
fn calls(log: &str) -> Vec<Call> {
    let mut out = Vec::new();
    for line in log.lines() {
        let Some((_pid, call)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        let call = call.trim_start();
        let name = call.split('(').next().unwrap_or_default();
        if !call.trim_end().ends_with("= 0") {
            continue;
        }
        match name {
            "fsync" | "fdatasync" => {
                let path = call.split_once('<').and_then(|(_, r)| r.split_once('>'));
                out.extend(path.map(|(p, _)| Call::Sync(PathBuf::from(p))));
            }
            "rename" | "renameat" | "renameat2" => {
                let quoted: Vec<&str> = call.split('"').skip(1).step_by(2).collect();
                if let [from, to, ..] = quoted[..] {
                    out.push(Call::Rename {
                        from: from.into(),
                        to: to.into(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_save_flushes_its_temporary_file_before_the_rename_and_the_folder_after() {
    if let Some(why) = strace_missing() {
        crate::support::not_applicable(&why);
        return;
    }
    let sandbox = Sandbox::new();
    sandbox.write(FIXTURE);
    let log = sandbox.path().join("strace.log");
    let sync_calls = ["-e", "trace=fsync,fdatasync,rename,renameat,renameat2"];
    // The first save of a run of a format-1 file: the copy of the original,
    // the backup, then the file.
    let c = traced(&sandbox, &log, &sync_calls, &["update", "kr1", "50"]);
    let r = sandbox.run_with(c, &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let folder = std::fs::canonicalize(sandbox.path()).unwrap();
    let calls = calls(&std::fs::read_to_string(&log).unwrap());
    let renames: Vec<usize> = (0..calls.len())
        .filter(|&i| matches!(&calls[i], Call::Rename { to, .. } if to.parent() == Some(folder.as_path())))
        .collect();
    let names: Vec<String> = renames
        .iter()
        .map(|&i| match &calls[i] {
            Call::Rename { to, .. } => to.file_name().unwrap().to_string_lossy().into_owned(),
            Call::Sync(_) => unreachable!(),
        })
        .collect();
    assert_eq!(
        names,
        ["okr.json.v1.bak", "okr.json.bak", "okr.json"],
        "{calls:#?}"
    );
    for &i in &renames {
        let Call::Rename { from, to } = &calls[i] else {
            unreachable!()
        };
        let name = from.file_name().unwrap().to_string_lossy();
        assert!(
            name.starts_with(".okr.json.") && name.ends_with(".tmp"),
            "{}",
            from.display()
        );
        // Since the call before: the temporary file's flush came last.
        let before = calls[..i].iter().rev().find(|c| matches!(c, Call::Sync(_)));
        assert_eq!(
            before,
            Some(&Call::Sync(from.clone())),
            "{} is flushed before it is renamed over {}: {calls:#?}",
            from.display(),
            to.display()
        );
        assert_eq!(
            calls.get(i + 1),
            Some(&Call::Sync(folder.clone())),
            "the folder is flushed right after {} is renamed: {calls:#?}",
            to.display()
        );
    }
}

/// strace and the okr it runs: both ended when dropped, so that a failing
/// test leaves no okr stopped behind.
struct Traced {
    strace: Option<Child>,
    okr: Option<u32>,
}

impl Traced {
    fn running(&mut self) -> bool {
        self.strace
            .as_mut()
            .is_some_and(|c| c.try_wait().unwrap().is_none())
    }

    /// What okr left once it has ended.
    fn finish(mut self) -> crate::support::Run {
        self.okr = None;
        let out = self.strace.take().unwrap().wait_with_output().unwrap();
        crate::support::Run {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

impl Drop for Traced {
    fn drop(&mut self) {
        if let Some(pid) = self.okr {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        if let Some(mut c) = self.strace.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Sends `signal` (`"CONT"`) to the process `pid`.
fn kill(signal: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill -{signal} {pid} failed");
}

#[test]
fn update_refuses_to_save_over_a_file_changed_during_its_run() {
    if let Some(why) = strace_missing() {
        crate::support::not_applicable(&why);
        return;
    }
    let sandbox = Sandbox::new();
    let file = sandbox.write(FIXTURE);
    let theirs = FIXTURE.replace("Expandera globalt", "Deras titel");
    let log = sandbox.path().join("strace.log");
    // okr stops after each flush, and goes on when the test says so.
    let stop_after_flushes = ["-e", "trace=fsync", "-e", "inject=fsync:signal=SIGSTOP"];
    let args = ["--lang", "en", "update", "kr1", "50"];
    let mut c = traced(&sandbox, &log, &stop_after_flushes, &args);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut traced = Traced {
        strace: Some(c.spawn().expect("running strace")),
        okr: None,
    };
    let start = Instant::now();
    let (mut stops, mut saved_theirs) = (0, false);
    while traced.running() {
        assert!(start.elapsed() < WAIT, "okr did not end in {WAIT:?}");
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let stopped: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].ends_with("--- stopped by SIGSTOP ---"))
            .collect();
        if stopped.len() == stops {
            std::thread::sleep(POLL);
            continue;
        }
        stops = stopped.len();
        let at = stopped[stops - 1];
        let pid: u32 = lines[at]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        traced.okr = Some(pid);
        // The flush okr stopped after: its new version, not the backup's?
        let flushed = lines[..at]
            .iter()
            .rev()
            .find(|l| l.contains("fsync("))
            .unwrap();
        let new_version = flushed.contains("/.okr.json.") && !flushed.contains(".okr.json.bak.");
        if new_version && flushed.contains(".tmp>") && !saved_theirs {
            // Another program saves while okr's new version waits for its rename.
            let tmp = sandbox.path().join("theirs.tmp");
            std::fs::write(&tmp, &theirs).unwrap();
            std::fs::rename(&tmp, &file).unwrap();
            saved_theirs = true;
        }
        kill("CONT", pid);
    }
    let r = traced.finish();
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(saved_theirs, "okr never flushed a new version:\n{log}");
    r.fails(&[
        &display(&file),
        "was changed by another program since okr read it; okr did not overwrite it",
    ]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
    let temps: Vec<String> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(temps, Vec::<String>::new(), "no temporary file is left");
}
