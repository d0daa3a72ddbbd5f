//! `okr completions SHELL`: a shell's completion script, generated from the
//! command-line definition in [`crate::cli`] so it never falls behind it,
//! with `okr update` offered the file's ids (`okr ids`, hidden).

use std::io::Write;

use crate::error::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Shell};

/// `okr completions SHELL`: the completion script on `out`.
pub fn completions(shell: Shell, out: &mut impl Write) -> Result<()> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "okr", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    // `okr update` is offered the file's ids (and with --file, that file's).
    match shell {
        clap_complete::Shell::Bash => script.push_str(BASH_IDS),
        clap_complete::Shell::Fish => script.push_str(FISH_IDS),
        clap_complete::Shell::Zsh => {
            // clap's line for update's `id` argument completes anything.
            script = script
                .lines()
                .map(|l| match l.starts_with("':id -- ") {
                    true => l.replacen(":_default'", ":_okr_ids'", 1),
                    false => l.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            script.push('\n');
            script.push_str(ZSH_IDS);
        }
        _ => {}
    }
    out.write_all(script.as_bytes())?;
    Ok(())
}

/// bash: the ids after `okr update`, else clap's completion.
const BASH_IDS: &str = r#"
_okr_ids() {
    local i file=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == --file ]] && file=(--file "${COMP_WORDS[i+1]}")
    done
    okr "${file[@]}" __ids 2>/dev/null | cut -f1
}
_okr_with_ids() {
    if [[ ${COMP_CWORD} -ge 2 && ${COMP_WORDS[COMP_CWORD-1]} == update ]]; then
        COMPREPLY=($(compgen -W "$(_okr_ids)" -- "${COMP_WORDS[COMP_CWORD]}"))
        return 0
    fi
    _okr "$@"
}
complete -F _okr_with_ids -o nosort -o bashdefault -o default okr
"#;

/// fish: the ids, with their titles, after `okr update`.
const FISH_IDS: &str = r#"
complete -c okr -n "test (commandline -opc)[-1] = update" -f -a "(okr __ids 2>/dev/null)"
"#;

/// zsh: the ids, with their titles, for update's `id` argument.
const ZSH_IDS: &str = r#"
_okr_ids() {
    local -a ids
    ids=(${(f)"$(okr __ids 2>/dev/null | sed 's/:/\:/g; s/	/:/')"})
    _describe 'id' ids
}
"#;

/// The key results' and Uppgifter's ids, each with its title after a tab,
/// one a line (`okr __ids`, which the completion scripts call).
pub fn ids(data: &crate::model::Data, out: &mut impl Write) -> Result<()> {
    for o in &data.objectives {
        let items = o
            .key_results
            .iter()
            .map(|k| (&k.id, &k.title))
            .chain(o.initiatives.iter().map(|u| (&u.id, &u.title)));
        for (id, title) in items {
            writeln!(
                out,
                "{}\t{}",
                crate::text::line(id),
                crate::text::line(title)
            )?;
        }
    }
    Ok(())
}

/// `okr ids` (hidden), for a shell completing `okr update`: nothing when
/// the file cannot be read, never an error in the middle of a command line.
pub fn ids_of(file: &std::path::Path, out: &mut impl Write) -> Result<()> {
    match crate::store::read(file) {
        Ok(data) => ids(&data, out),
        Err(_) => Ok(()),
    }
}
