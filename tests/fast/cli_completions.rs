//! `okr completions` and `okr man`, generated from the command-line
//! definition: each shell's script is accepted by that shell (where it is
//! installed), and the manual page is read by `man` (or at least has its
//! header and every command).

use std::path::Path;
use std::process::Command;

use crate::support::Sandbox;
use clap::CommandFactory;

/// Every command of okr, from its definition.
fn commands() -> Vec<String> {
    okr::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Writes `script` to a file and has `shell` check it without running it.
fn shell_accepts(w: &Sandbox, shell: &str, check: &[&str], script: &str) {
    let path = w.path().join(format!("okr.{shell}"));
    std::fs::write(&path, script).unwrap();
    let out = Command::new(shell).args(check).arg(&path).output().unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{shell} {check:?} refused the script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_shells_script_names_every_command_and_its_shell_accepts_it() {
    let w = Sandbox::new();
    for (shell, check) in [
        ("bash", &["-n"][..]),
        ("zsh", &["-n"]),
        ("fish", &["--no-execute"]),
        ("powershell", &[]),
    ] {
        let r = w.run(&["completions", shell]);
        r.ok();
        for command in commands() {
            assert!(r.stdout.contains(&command), "{shell}: no {command}");
        }
        for flag in ["dry-run", "short", "owner", "quarter"] {
            assert!(r.stdout.contains(flag), "{shell}: no {flag}");
        }
        match shell {
            // bash is always there: its check never goes missing.
            "bash" => shell_accepts(&w, shell, check, &r.stdout),
            "zsh" | "fish" if installed(shell) => shell_accepts(&w, shell, check, &r.stdout),
            "zsh" | "fish" => eprintln!("{shell} is not installed: its script is not checked"),
            _ => assert!(
                r.stdout.contains("Register-ArgumentCompleter"),
                "{}",
                r.stdout
            ),
        }
    }
    let r = w.run(&["completions", "tcsh"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
}

#[test]
fn completions_and_man_need_no_data_file_nor_a_home() {
    let w = Sandbox::new();
    for args in [&["completions", "bash"][..], &["man"]] {
        let mut c = w.command();
        c.env_remove("HOME").env_remove("XDG_DATA_HOME");
        let r = w.run_with(c, args);
        r.ok();
        assert!(!r.stdout.is_empty());
    }
    assert!(!w.file().exists());
}

#[test]
fn the_man_page_has_its_header_every_command_and_reads_without_a_warning() {
    let w = Sandbox::new();
    let r = w.run(&["man"]);
    r.ok();
    let page = &r.stdout;
    assert!(page.lines().any(|l| l.starts_with(".TH okr 1")), "{page}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(
            page.contains(&format!(".SH {section}")),
            "no {section}:\n{page}"
        );
    }
    for command in commands() {
        assert!(
            page.contains(&format!(".SS {command}\n")),
            "no {command}:\n{page}"
        );
    }
    let path = w.path().join("okr.1");
    std::fs::write(&path, page).unwrap();
    if installed("man") {
        let out = Command::new("man")
            .arg("-l")
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "man -l: {stderr}"
        );
        rendered(&text);
    } else if installed("groff") {
        rendered(&groff(&path));
    } else {
        eprintln!("neither man nor groff is installed: the page is not rendered");
    }
}

fn groff(path: &Path) -> String {
    let out = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-P", "-c"])
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "groff: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the rendered page must say: every command's synopsis, in words.
fn rendered(text: &str) {
    // Bold and underline as a terminal's overstrike (`X\bX`, `_\bX`): the letter alone.
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    for line in [
        "okr status [--short]",
        "okr list [--quarter Q|all]",
        "okr update ID VALUE [--note NOTE]",
        "okr import --format FORMAT FILE [--dry-run]",
        "okr completions SHELL",
    ] {
        assert!(plain.contains(line), "{line} is not on the page:\n{plain}");
    }
    assert!(plain.contains("OKR_FILE"), "{plain}");
}

/// A file whose key results and Uppgift have ids as okr draws them, and an
/// `okr` on the PATH, as an installed one is: the folder to put first in it.
fn file_with_drawn_ids(w: &Sandbox) -> std::path::PathBuf {
    let kr = |id: &str, title: &str| serde_json::json!({"id": id, "title": title, "measure": {"type": "done", "done": false}});
    w.write_json(&serde_json::json!({
        "version": 2,
        "objectives": [{
            "id": "obcdfghjk", "title": "Mål", "quarter": "2026-Q4",
            "created": "2026-10-01T00:00:00Z", "updated": "2026-10-01T00:00:00Z",
            "key_results": [kr("krbcdfghjk", "Sälj mer"), kr("krbcdxxxxx", "Ring fler"), kr("kr1", "Gammal")],
            "initiatives": [{"id": "ubcdfghjk", "title": "Gör det"}]
        }]
    }));
    let bin = w.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_okr"), bin.join("okr")).unwrap();
    bin
}

#[test]
fn update_is_offered_the_files_ids_in_bash_and_fish() {
    let w = Sandbox::new();
    let bin = file_with_drawn_ids(&w);
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let file = w.file();
    let run = |shell: &str, script: &str, code: String| {
        let at = w.path().join(format!("okr-completion.{shell}"));
        std::fs::write(&at, script).unwrap();
        let out = Command::new(shell)
            .arg("-c")
            .arg(code.replace("SCRIPT", &at.to_string_lossy()))
            .env("PATH", &path)
            .env("OKR_FILE", &file)
            .envs(w.env())
            .output()
            .unwrap();
        let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect();
        lines.sort();
        lines
    };
    let bash = w.run(&["completions", "bash"]).stdout;
    // With --file, that file's ids; a beginning narrows them.
    let offered = run(
        "bash",
        &bash,
        format!(
            "source SCRIPT; COMP_WORDS=(okr --file '{}' update krbcd); COMP_CWORD=4; _okr_with_ids; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display()
        ),
    );
    assert_eq!(offered, ["krbcdfghjk", "krbcdxxxxx"]);
    let offered = run(
        "bash",
        &bash,
        "source SCRIPT; COMP_WORDS=(okr update ''); COMP_CWORD=2; _okr_with_ids; printf '%s\\n' \"${COMPREPLY[@]}\"".into(),
    );
    assert_eq!(offered, ["kr1", "krbcdfghjk", "krbcdxxxxx", "ubcdfghjk"]);
    if !installed("fish") {
        eprintln!("fish is not installed: its completion of ids is not checked");
        return;
    }
    let fish = w.run(&["completions", "fish"]).stdout;
    let offered = run(
        "fish",
        &fish,
        "source SCRIPT; complete -C 'okr update krbcd'".into(),
    );
    assert_eq!(offered, ["krbcdfghjk\tSälj mer", "krbcdxxxxx\tRing fler"]);
}

/// A section of the manual page's source, as plain text: from `.SH name`
/// to the next section, without roff's escapes and font changes.
fn section(page: &str, name: &str) -> String {
    let plain = page
        .replace("\\-", "-")
        .replace("\\*(Aq", "'")
        .replace("\\fB", "")
        .replace("\\fI", "")
        .replace("\\fR", "");
    let start = plain
        .find(&format!(".SH {name}\n"))
        .unwrap_or_else(|| panic!("no {name}:\n{plain}"));
    let rest = &plain[start + 1..];
    let end = rest.find("\n.SH ").map_or(rest.len(), |e| e + 1);
    rest[..end].to_string()
}

#[test]
fn the_man_page_names_the_config_file_its_variables_and_where_owner_applies() {
    let w = Sandbox::new();
    let r = w.run(&["man"]);
    r.ok();
    let env = section(&r.stdout, "ENVIRONMENT");
    for name in [
        "OKR_FILE",
        "OKR_CONFIG",
        "OKR_OWNER",
        "OKR_TODAY",
        "NO_COLOR",
    ] {
        assert!(env.contains(name), "{name} is not in:\n{env}");
    }
    assert!(env.contains("the config file's language"), "{env}");
    let files = section(&r.stdout, "FILES");
    assert!(files.contains("config.json"), "{files}");
    for what in ["owner", "language", "keys", "--config or OKR_CONFIG"] {
        assert!(files.contains(what), "{what} is not in:\n{files}");
    }
    let options = section(&r.stdout, "OPTIONS");
    let owner = options
        .split(".TP")
        .find(|o| o.contains("--owner"))
        .unwrap_or_else(|| panic!("no --owner:\n{options}"));
    for command in ["checkin", "status", "list", "export"] {
        assert!(owner.contains(command), "{command} is not in:\n{owner}");
    }
}
