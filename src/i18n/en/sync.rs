//! The English words of `okr sync`.

use crate::i18n::plural;
use crate::i18n::sync::SyncWords;

pub const SYNC: SyncWords = SyncWords {
    checked_in: |who, weeks| format!("{who} checked in {weeks}"),
    checkin_of: |weeks| format!("check-in {weeks}"),
    values: |n| format!("{n} {}", plural(n, "value", "values")),
    new_objectives: |n| format!("{n} new {}", plural(n, "objective", "objectives")),
    removed_objectives: |n| format!("{n} {} removed", plural(n, "objective", "objectives")),
    new_key_results: |n| format!("{n} new {}", plural(n, "key result", "key results")),
    removed_key_results: |n| format!("{n} {} removed", plural(n, "key result", "key results")),
    changed_objectives: |n| format!("{n} {} changed", plural(n, "objective", "objectives")),
    resolved: |n| format!("{n} {} resolved", plural(n, "conflict", "conflicts")),
    settings: "team settings",
    by: |what, who| format!("{what} ({who})"),
    and: "and",
    and_more: |first, n| format!("{first} and {n} more"),
    updated: |name| format!("update {name}"),
    wrote: |file, what| format!("Wrote to {file}: {what}"),
    set_config: |key, value| format!("Set in this clone's git config: {key} = {value}"),
    commit_setup: |files, args| {
        format!("Commit {files} so that the whole team has them: git add {args} && git commit")
    },
    all_set: "This clone is already set up for okr sync: nothing written.",
    committed: |m| match m {
        Some(m) => format!("committed “{m}”"),
        None => "nothing new to commit".to_string(),
    },
    took_in: |took| {
        if took {
            "merged the team's changes".to_string()
        } else {
            "nothing new from the team".to_string()
        }
    },
    pushed: |pushed, remote| {
        if pushed {
            format!("pushed to {remote}")
        } else {
            "nothing to push".to_string()
        }
    },
    synced: |parts| format!("Synced: {parts}."),
    conflicts: |n, k| {
        format!(
            "{n} {}: open okr and press {k}",
            plural(n, "conflict", "conflicts")
        )
    },
    syncing: "Syncing with git…",
    already_syncing: "A sync is already running.",
    not_here: "This file is not synced: okr sync needs the data file in a git working tree.",
    e_no_git: |why| format!("git could not be run ({why}): okr sync needs git"),
    e_not_in_repo: |path| {
        format!(
            "{path} is not in a git working tree: okr sync needs the data file in a clone of the team's repository (git clone it, or git init and add a remote)"
        )
    },
    e_not_set_up: |missing| {
        format!("this clone is not set up for okr sync ({missing} missing): run okr sync --setup")
    },
    part_attributes: "the .gitattributes line",
    part_driver: "the merge driver in git config",
    part_ignore: "the .gitignore lines",
    e_overridden: |parts| {
        format!(
            "okr sync --setup wrote {parts}, and git still does not use it for the data file: another .gitattributes or .gitignore line may say otherwise"
        )
    },
    e_detached: "git is on no branch (a detached HEAD): switch to the team's branch first (git switch BRANCH)",
    e_no_upstream: |b| {
        format!(
            "the branch {b} has no upstream to pull from and push to: push it once with git push -u origin {b}"
        )
    },
    e_busy: "git is in the middle of a merge or a rebase: finish it (git status says how) or abort it, then run okr sync again",
    e_deleted: |path| {
        format!(
            "{path} is deleted: okr sync never commits its deletion (git restore brings back the last committed version)"
        )
    },
    e_git: |step, said| {
        if said.is_empty() {
            format!("git {step} failed")
        } else {
            format!("git {step} failed: {said}")
        }
    },
    e_other_conflicts: |files| {
        format!(
            "git stopped on conflicts in other files ({files}): resolve them and commit, then run okr sync again"
        )
    },
    e_driver: |said| {
        format!(
            "okr's merge driver did not merge the data file ({said}): check that git finds okr (git config merge.okr.driver), then git merge --abort (or git rebase --abort) and run okr sync again"
        )
    },
    e_rejected: |n| {
        format!(
            "the push was refused {n} times, since others pushed meanwhile each time; your commit is kept here: run okr sync again"
        )
    },
    e_write: |path, why| format!("cannot write {path}: {why}"),
};
