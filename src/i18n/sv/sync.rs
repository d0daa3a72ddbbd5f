//! The Swedish words of `okr sync`.

use crate::i18n::plural;
use crate::i18n::sync::SyncWords;

pub const SYNC: SyncWords = SyncWords {
    checked_in: |who, weeks| format!("{who} checkade in {weeks}"),
    checkin_of: |weeks| format!("incheckning {weeks}"),
    values: |n| format!("{n} {}", plural(n, "värde", "värden")),
    new_objectives: |n| format!("{n} {} mål", plural(n, "nytt", "nya")),
    removed_objectives: |n| format!("{n} mål {}", plural(n, "borttaget", "borttagna")),
    new_key_results: |n| format!("{n} {} nyckelresultat", plural(n, "nytt", "nya")),
    removed_key_results: |n| format!("{n} nyckelresultat {}", plural(n, "borttaget", "borttagna")),
    changed_objectives: |n| format!("{n} mål {}", plural(n, "ändrat", "ändrade")),
    resolved: |n| format!("{n} {}", plural(n, "konflikt löst", "konflikter lösta")),
    settings: "teamets inställningar",
    by: |what, who| format!("{what} ({who})"),
    and: "och",
    and_more: |first, n| format!("{first} och {n} till"),
    updated: |name| format!("{name} uppdaterad"),
    wrote: |file, what| format!("Skrev i {file}: {what}"),
    set_config: |key, value| format!("Satte i den här klonens git-inställningar: {key} = {value}"),
    commit_setup: |files, args| {
        format!("Lägg {files} i en commit så att hela teamet får dem: git add {args} && git commit")
    },
    all_set: "Den här klonen är redan förberedd för okr sync: inget har skrivits.",
    committed: |m| match m {
        Some(m) => format!("ny commit ”{m}”"),
        None => "inget nytt att lägga i en commit".to_string(),
    },
    took_in: |took| {
        if took {
            "teamets ändringar hämtade och sammanslagna".to_string()
        } else {
            "inget nytt från teamet".to_string()
        }
    },
    pushed: |pushed, remote| {
        if pushed {
            format!("skickat till {remote}")
        } else {
            "inget att skicka".to_string()
        }
    },
    synced: |parts| format!("Synkat: {parts}."),
    conflicts: |n, k| {
        format!(
            "{n} {}: öppna okr och tryck {k}",
            plural(n, "konflikt", "konflikter")
        )
    },
    syncing: "Synkar med git …",
    already_syncing: "En synkning pågår redan.",
    not_here: "Den här filen synkas inte: okr sync behöver datafilen i en git-arbetskatalog.",
    e_no_git: |why| format!("git gick inte att köra ({why}): okr sync behöver git"),
    e_not_in_repo: |path| {
        format!(
            "{path} ligger inte i en git-arbetskatalog: okr sync behöver datafilen i en klon av teamets repo (git clone, eller git init och en remote)"
        )
    },
    e_not_set_up: |missing| {
        format!(
            "den här klonen är inte förberedd för okr sync ({missing} saknas): kör okr sync --setup"
        )
    },
    part_attributes: "raden i .gitattributes",
    part_driver: "merge-drivrutinen i git config",
    part_ignore: "raderna i .gitignore",
    e_overridden: |parts| {
        format!(
            "okr sync --setup skrev {parts}, men git använder det ändå inte för datafilen: en annan rad i .gitattributes eller .gitignore säger kanske något annat"
        )
    },
    e_detached: "git står inte på någon gren (frikopplat HEAD): byt först till teamets gren (git switch GREN)",
    e_no_upstream: |b| {
        format!(
            "grenen {b} har ingen uppströmsgren att hämta från och skicka till: skicka den en gång med git push -u origin {b}"
        )
    },
    e_busy: "git är mitt i en merge eller en rebase: gör klart den (git status säger hur) eller avbryt den, och kör sedan okr sync igen",
    e_deleted: |path| {
        format!(
            "{path} är borttagen: okr sync lägger aldrig en borttagning av den i en commit (git restore hämtar tillbaka den senaste versionen)"
        )
    },
    e_git: |step, said| {
        if said.is_empty() {
            format!("git {step} misslyckades")
        } else {
            format!("git {step} misslyckades: {said}")
        }
    },
    e_other_conflicts: |files| {
        format!(
            "git stannade på konflikter i andra filer ({files}): lös dem och gör en commit, och kör sedan okr sync igen"
        )
    },
    e_driver: |said| {
        format!(
            "okr:s merge-drivrutin slog inte ihop datafilen ({said}): se till att git hittar okr (git config merge.okr.driver), kör sedan git merge --abort (eller git rebase --abort) och okr sync igen"
        )
    },
    e_rejected: |n| {
        format!(
            "pushen nekades {n} gånger, eftersom andra hann skicka något emellan varje gång; din commit finns kvar här: kör okr sync igen"
        )
    },
    e_write: |path, why| format!("kan inte skriva {path}: {why}"),
};
