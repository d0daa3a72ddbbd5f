//! The words of hooks and extension commands (PRODUCT.md section 12).

/// What a hook or an extension command did wrong.
pub struct HookWords {
    /// A hook that did not end well: its path, what happened.
    pub hook_problem: fn(&str, &str) -> String,
    pub not_executable: &'static str,
    /// Its exit code, and the last line it wrote on standard error.
    pub failed: fn(&str, &str) -> String,
    /// The time limit, in seconds.
    pub too_long: fn(u64) -> String,
    /// `okr NAME` with no built-in command NAME and no `okr-NAME` on PATH.
    pub no_command: fn(&str) -> String,
}

pub(super) const SV: HookWords = HookWords {
    hook_problem: |h, w| format!("kroken {h} gick inte bra: {w} (ändringen är sparad)"),
    not_executable: "den är inte körbar (chmod +x)",
    failed: |code, said| {
        if said.is_empty() {
            format!("den slutade med kod {code}")
        } else {
            format!("den slutade med kod {code}: {said}")
        }
    },
    too_long: |s| format!("den stoppades efter {s} sekunder"),
    no_command: |n| {
        format!(
            "{n} är inget okr-kommando och det finns inget okr-{n} i PATH; okr --help visar kommandona"
        )
    },
};

pub(super) const EN: HookWords = HookWords {
    hook_problem: |h, w| format!("the hook {h} did not end well: {w} (the change is saved)"),
    not_executable: "it is not executable (chmod +x)",
    failed: |code, said| {
        if said.is_empty() {
            format!("it ended with code {code}")
        } else {
            format!("it ended with code {code}: {said}")
        }
    },
    too_long: |s| format!("it was stopped after {s} seconds"),
    no_command: |n| {
        format!(
            "{n} is no okr command and there is no okr-{n} on PATH; okr --help lists the commands"
        )
    },
};
