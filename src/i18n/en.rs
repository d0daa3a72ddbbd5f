//! The English table: the same fields as the Swedish one, in the words an
//! English-speaking team uses for objectives, key results and initiatives.

use super::{
    ConfidenceNames, EmptyQuarter, KindNames, MeasureTypeNames, NumberWords, PaceNames, Pillars,
    ScoreNames, StatusNames, Strings, TeamWords, ValueRules, plural,
};
use crate::model::Lang;
use crate::model::cadence::Cadence;

mod commands;
mod daily;
mod html;
mod keys;
mod quarterly;
mod refresh;
mod sync;
mod weekly;
mod years;

pub static EN: Strings = Strings {
    lang: Lang::En,
    objective: "Objective",
    objectives: "Objectives",
    key_results: "Key results",
    initiatives: "Initiatives",
    quarter: "Quarter",
    week: "Week",
    checkin: "Check-in",
    checkins: "Check-ins",
    confidence: "Confidence",
    score: "Score",
    progress: "Progress",
    pace: "Pace",
    why: "Why",
    kind: "Kind",
    parent: "Parent objective",
    owner: "Owner",
    status: "Status",
    weight: "Weight",
    note: "Note",
    value: "Value",
    start: "Start",
    target: "Target",
    current: "Current",
    unit: "Unit",
    level: "Level",
    done: "done",
    not_done: "not done",
    stale: "stale",
    more: "more",
    wins: "Wins to celebrate",
    blockers: "Blockers",
    next_steps: "Next steps",
    pulse: "Team pulse",
    pillars: Pillars {
        structure: "Structure & clarity",
        safety: "Psychological safety",
        meaning: "Meaning",
        dependability: "Dependability",
        impact: "Impact",
    },
    went_well: "What went well",
    to_change: "What to change",
    kinds: KindNames {
        committed: "Committed",
        aspirational: "Aspirational",
        personal: "Personal",
        economic: "Economic",
    },
    statuses: StatusNames {
        active: "active",
        achieved: "achieved",
        dropped: "dropped",
        carried_over: "carried over",
    },
    pace_statuses: PaceNames {
        behind: "behind pace",
        on_track: "on pace",
        done: "done",
        achieved: "achieved",
        not_reached: "not reached",
    },
    confidence_bands: ConfidenceNames {
        at_risk: "at risk",
        needs_attention: "needs attention",
        on_track: "on track",
    },
    score_bands: ScoreNames {
        red: "red",
        yellow: "yellow",
        green: "green",
    },
    measure_types: MeasureTypeNames {
        numeric: "Number (start → target)",
        done: "Done / not done",
        at_least: "Keep at or above",
        at_most: "Keep at or below",
    },
    no_objectives: "No objectives this quarter.",
    yes: "yes",
    today: "today",
    no: "no",
    of_quarter_passed: "of the quarter has passed",
    empty_quarter: EmptyQuarter {
        headline: "No objectives for this quarter yet.",
        objective: "Objective — Where do I want to go? Inspiring, one line, shows the way.",
        key_results: "Key results — How do I know I am getting closer? Short, specific, measurable.",
        initiatives: "Initiatives — What do I need to do to get there? Concrete tasks.",
        first_step: |a| {
            format!("Press {a} to add your first objective (3–5 a quarter: fewer is better).")
        },
    },
    no_key_results: |tab, a| format!("No key results yet: press {tab}, then {a}."),
    no_key_results_detail: |a| format!("No key results yet: press {a}."),
    no_initiatives: |a| format!("No initiatives yet: press {a} here."),
    too_small: "The window is too small for okr: make it at least 40×12.",
    help_title: "Keys",
    new_objective: "New objective",
    edit_objective: "Edit objective",
    new_key_result: "New key result",
    edit_key_result: "Edit key result",
    new_initiative: "New initiative",
    edit_initiative: "Edit initiative",
    set_value: "New value",
    f_title: "Title",
    f_measure: "Measure",
    f_confidence: "Confidence (1–10)",
    f_parent: "Parent objective (id)",
    f_linked: "Key result",
    f_done: "Done",
    none: "none",
    err_empty_title: "Write a title.",
    numbers: NumberWords {
        not_a_number: "not a number",
        several_marks: "more than one decimal mark",
        grouping: "digits are grouped in threes before the decimal mark",
        ambiguous: |a, b| format!("it could be {a} or {b}"),
        too_many_digits: "more than 15 digits cannot be kept exactly",
        too_small: "too close to 0 to be kept",
        too_large: "too large to be kept",
        write_like: |a, b| format!("write e.g. {a} or {b}"),
    },
    err_confidence: "Confidence is a whole number 1–10.",
    err_target_is_start: "The target equals the start: there is nothing to measure.",
    err_needs_level: "A keep-at key result needs its level.",
    err_needs_current: "A keep-at key result needs its current value.",
    err_weight: "The weight is a number above 0.",
    err_unknown_parent: "No objective has that id.",
    warn_many_objectives: |n, who| {
        let objectives = plural(n, "objective", "objectives");
        match who {
            Some(w) => format!(
                "Focus: {w} has {n} {objectives} this quarter; 3–5 is right, fewer is better."
            ),
            None => {
                format!("Focus: {n} {objectives} this quarter; 3–5 is right, fewer is better.")
            }
        }
    },
    warn_many_key_results: |n| {
        format!(
            "Focus: {n} {} on this objective; at most 5.",
            plural(n, "key result", "key results")
        )
    },
    warn_long_title: "Focus: an objective should fit on one line.",
    confirm_delete: |t| format!("Delete “{t}”?"),
    deleted: |t, u| format!("Deleted: {t} ({u} undoes)"),
    undone: "Undone.",
    redone: "Redone.",
    nothing_to_undo: "Nothing to undo.",
    nothing_to_redo: "Nothing to redo.",
    save_failed: |f, r| format!("Could not save {f}: {r}. Nothing is lost; okr keeps trying."),
    save_conflict: |f, c| {
        format!(
            "{f} was changed by another program and cannot be read; okr did not overwrite it. Your changes are saved in {c}."
        )
    },
    unsaved_quit: |q| format!("The last change is not saved. Press {q} again to quit anyway."),
    linked_to: "→",
    detail_title: "Objective",
    demo_note: "Demo: example data in a temporary file; your own file is not touched.",
    checkin_banner: |n, c, every| {
        let which = match every {
            Cadence::Weekly => "This week's check-in",
            Cadence::Fortnightly => "This fortnight's check-in",
            Cadence::Monthly => "This month's check-in",
        };
        format!(
            "{which}: {n} {} waiting — press {c}",
            plural(n, "key result", "key results")
        )
    },
    checkin_title: |w| format!("Check-in {w}"),
    step_of: |i, n| format!("Key result {i} of {n}"),
    before_checkin: "Before this check-in",
    reflect_title: "Wins, blockers and next steps",
    reflect_hint: "Celebrate small wins: write down what went well this week.",
    pulse_title: "Team pulse: rate each pillar 1–5",
    pulse_incomplete: |s| format!("Rate all five pillars, or press {s} to skip."),
    summary_title: "Summary",
    moved: "What moved",
    nothing_moved: "Nothing moved this week.",
    behind_or_stale: "Behind pace or stale",
    all_on_pace: "Every key result keeps the pace.",
    quarter_change: |a, b| format!("Quarter progress: {a} → {b}"),
    streak: |n, every| {
        let (one, many) = match every {
            Cadence::Weekly => ("week", "weeks"),
            Cadence::Fortnightly => ("fortnight", "fortnights"),
            Cadence::Monthly => ("month", "months"),
        };
        format!(
            "Check-in streak: {n} {}",
            plural(usize::try_from(n).unwrap_or(usize::MAX), one, many)
        )
    },
    celebrate: |n| {
        format!(
            "Celebrate small wins: {n} {} moved forward this week!",
            plural(n, "key result", "key results")
        )
    },
    no_checkin_items: "No key results to check in on this quarter: add some first.",
    checkin_saved: |c| format!("The check-in is saved; go on with {c} whenever you like."),
    step_not_saved: |esc| {
        format!(
            "This step is not saved: mend what is marked, or press {esc} again to leave without it."
        )
    },
    past_checkins: "Check-ins",
    review_title: |q| format!("Quarter review {q}"),
    suggested: "suggested",
    succeeded: "succeeded",
    missed: "missed",
    committed_below: "committed, below 1.0",
    running: |n| format!("{n} {} running", plural(n, "quarter", "quarters")),
    propose_carry: "proposed to carry over: keep it until you succeed",
    review_form: "Score and retro",
    f_score: "Score (0–1)",
    err_score: "The score is a number 0–1, e.g. 0.7.",
    carry_title: "Carry into the next quarter",
    carry_uppgifter: |n| {
        format!(
            "{n} {} along.",
            plural(n, "open initiative comes", "open initiatives come")
        )
    },
    carried: |q| format!("Carried into {q}."),
    already_carried: |q| format!("Already carried into {q}; no second copy."),
    no_review_objectives: "No objectives to review this quarter.",
    checklist_title: "Focus",
    check_objectives: |n| format!("3–5 objectives per owner ({n})"),
    check_key_results: |n| format!("at most 5 key results per objective (most {n})"),
    check_one_line: |n| format!("every objective one line ({n} too long)"),
    key_results_behind: |n, all| {
        format!(
            "{n} of {all} {} behind pace",
            plural(all, "key result", "key results")
        )
    },
    key_results_behind_short: |n, all| format!("{n} of {all} behind pace"),
    no_progress_yet: "no key results yet",
    overview_title: "Overview: all quarters",
    col_objectives: "Obj.",
    col_score: "Score",
    col_committed: "Committed achieved",
    running_progress: "running",
    mean_scores: "Mean score per quarter",
    pulse_trend: "Team pulse per quarter (mean 1–5)",
    no_quarters: |esc, a| {
        format!("No quarters with objectives yet: press {esc}, then {a} to add one.")
    },
    key_elsewhere: |k, a, help| {
        format!("{k} ({a}) does not work here; {help} shows the keys that do.")
    },
    err_own_parent: "An objective cannot sit under itself.",
    select_key_result: |k, a, tab| {
        format!("{k} ({a}) works on a key result: press {tab} to select one.")
    },
    select_initiative: |k, a, enter, tab| {
        format!(
            "{k} ({a}) works on an initiative: open the objective with {enter}, then press {tab}."
        )
    },
    io_not_found: "it does not exist",
    io_permission: "permission denied",
    io_read_only: "the file system is read-only",
    io_full: "the disk is full",
    io_is_dir: "it is a folder, not a file",
    io_file_read_only: "the file is read-only",
    e_read_only_file: |p| {
        format!("{p} is read-only; okr does not replace it (make it writable to change it)")
    },
    read_only_note: |p| format!("{p} is read-only: okr shows it and changes nothing."),
    read_only_refused: "The file is read-only: nothing was changed.",
    rescued: |p| format!("saving was failing, so your last changes are in {p}"),
    rescue_failed: |r| {
        format!(
            "saving was failing and no rescue file could be written ({r}): the last changes are lost"
        )
    },
    merge_renumbered: |old, new| {
        format!(
            "their {old} is now {new}: both sides have an item with the id {old}, given by hand (see the conflicts list)"
        )
    },
    merge_invalid: |why| {
        format!(
            "the merged file would not load ({why}); nothing was written, resolve this merge by hand"
        )
    },
    merge_conflicts: |n| {
        match n {
        1 => "1 field changed differently on both sides; ours is kept, theirs is in the file's conflicts list until someone chooses".to_string(),
        n => format!(
            "{n} fields changed differently on both sides; ours are kept, theirs are in the file's conflicts list until someone chooses"
        ),
    }
    },
    e_no_such_file: |p, id| {
        format!(
            "{p} does not exist, so there is no {id} to update; okr update changes an existing file (see okr path)"
        )
    },
    e_demo_file: "okr demo always uses a temporary file of its own; leave out --file",
    e_cannot_read: |p| format!("cannot read {p}"),
    e_at: |l, c| format!("line {l}, column {c}"),
    e_empty: "the file is empty",
    e_cut_short: "the file ends too early, it may be cut short",
    e_not_json: "this is not valid JSON",
    e_shape: "this is not the shape of an okr file",
    e_git_markers: "it holds git's conflict markers (<<<<<<<): git merged it line by line, without okr's merge driver. To recover: git merge --abort (or git rebase --abort), set the driver with git config merge.okr.driver 'okr merge %O %A %B', and pull again",
    e_version_zero: "\"version\" must be 1 or more",
    e_newer: |v, m| {
        format!(
            "it was written by a newer okr (file format {v}, this okr reads up to {m}); update okr to open it"
        )
    },
    e_left_alone: "the file was left as it is",
    value_rules: ValueRules {
        objective: "objective",
        key_result: "key result",
        initiative: "initiative",
        checkin: "the check-in of",
        next_ids: "the id counters",
        conflict: |n| format!("conflict {n} of the conflicts list"),
        at: |item, field, rule| format!("{item}, field \"{field}\": {rule}"),
        confidence: |v| format!("a confidence must be a whole number from 1 to 10, not {v}"),
        score: |v| format!("a score must be from 0 to 1, not {v}"),
        pulse: |v| format!("a pulse rating must be from 1 to 5, not {v}"),
        not_finite: "a number must be finite",
        empty_id: "an id may not be empty",
        duplicate_id: "another item already has this id (ids are unique, capital letters or not)",
        id_too_large: |n, max| {
            format!(
                "the number {n} is above {max}, the highest an id may have, so that new ids always have room"
            )
        },
        no_such_key_result: |k| {
            format!("it links to key result {k}, which its objective does not have")
        },
        week_twice: "there is already a check-in for this week and owner; there may be one a week per owner",
        parent_cycle: |ids| format!("the parent objectives go round in a circle: {ids}"),
        carry_cycle: |ids| {
            format!("the objectives were carried over from each other in a circle: {ids}")
        },
        control_character: |c| {
            format!(
                "it holds the control character {c}, which an id may not hold, nor a text if it is NUL"
            )
        },
        quarter_range: |y| format!("the year of a quarter must be from 1 to 9999, not {y}"),
        until_not_after: "the last quarter must be a quarter after the objective's first, and a year's objective has none",
        span_too_long: |n, most| format!("the objective spans {n} quarters; at most {most} can be"),
    },
    e_note_control: |c| {
        format!("the note holds the control character {c}; only a line break or a tab may be in it")
    },
    e_cannot_save: |p, r| format!("cannot save {p}: {r}"),
    e_conflict: |p| {
        format!("{p} was changed by another program since okr read it; okr did not overwrite it")
    },
    e_encode: |m| format!("cannot encode the data: {m}"),
    e_lock_held: |p, pid| {
        format!(
            "{p} is already open in another okr{}; close that one first, so that two never both write",
            pid.map(|n| format!(" (process {n})")).unwrap_or_default()
        )
    },
    e_lock_not_file: |p| {
        format!(
            "the lock file {p} is a symbolic link or not a regular file; okr does not write through it. Remove it and try again"
        )
    },
    e_lock_file: |p, r| format!("cannot create the lock file {p}: {r}"),
    e_folder: |p, r| format!("cannot create the folder {p}: {r}"),
    e_no_home: "cannot find a home folder for the data file; name one with --file or OKR_FILE",
    e_ambiguous_id: |id, some| {
        format!("'{id}' is the beginning of more than one id ({some}); type more of it")
    },
    e_no_such_kr: |id, p| {
        format!(
            "there is no key result with the id '{id}' in {p}, and no initiative either; okr list shows the ids"
        )
    },
    e_not_number: |t, how| format!("'{t}' is not a number; {how}"),
    e_number_refused: |t, why| format!("'{t}' is not a number okr can read: {why}"),
    e_not_done_value: |t| {
        format!(
            "'{t}' is not a value for a done/not-done key result; give done or no (ja or nej, 1 or 0)"
        )
    },
    e_signals: |r| format!("cannot install the signal handlers: {r}"),
    e_terminal_open: |r| format!("cannot open the terminal: {r}"),
    e_terminal_draw: |r| format!("cannot draw the screen: {r}"),
    e_terminal_gone: |r| format!("the terminal stopped answering: {r}"),
    e_thread: |r| format!("cannot start a thread: {r}"),
    e_output: |r| format!("cannot write the output: {r}"),
    e_temp_folder: |p, r| format!("cannot create a temporary folder in {p}: {r}"),
    commands: commands::COMMANDS,
    weekly: weekly::WEEKLY,
    daily: daily::DAILY,
    hooks: super::hooks::EN,
    refresh: refresh::REFRESH,
    sync: sync::SYNC,
    digest: super::digest::EN,
    team: TeamWords {
        e_config: |p| format!("cannot use the config file {p}"),
        e_config_object: "it must be a JSON object, like {\"owner\": \"Anna\", \"language\": \"en\"}",
        e_config_owner: "\"owner\" must be a name in quotes",
        e_config_control: |c| {
            format!(
                "\"owner\" holds a control, bidi or invisible character ({c}): a name must read as it is"
            )
        },
        e_config_language: |v| format!("\"language\" must be \"sv\" or \"en\", not {v}"),
        e_config_fix: "correct it or remove it (okr path shows where it is)",
        e_not_toml: "this is not valid TOML",
        config_moved: |from, to, kept| {
            format!("the settings in {from} are now in {to}; the old file is kept as {kept}")
        },
        path_data: "data file",
        path_config: "config file",
        settings_title: "Settings",
        settings_about: |p| format!("personal: {p}; the team's: the data file"),
        f_me: "Me (owner) · personal",
        f_language: "Language · personal",
        f_weekday: "Check-in day · the team's",
        weekdays: [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
        f_cadence: "Check-in cadence · the team's",
        cadences: ["every week", "every two weeks", "every month"],
        f_holidays: "Holiday weeks (e.g. 2026-W52) · the team's",
        e_holidays: |w| format!("{w} is no week: write weeks like 2026-W52, 2026-W53"),
        settings_saved: "Settings saved.",
        settings_not_saved: |r| format!("Personal settings not saved: {r}"),
        everyone: "everyone",
        mine: |me| format!("mine ({me})"),
        showing: "showing",
        nothing_of: |who, me, f| match (me, who) {
            (true, "") => {
                format!("You have no objectives this quarter — press {f} to show another owner's.")
            }
            (true, _) => {
                format!(
                    "You ({who}) have no objectives this quarter — press {f} to show another owner's."
                )
            }
            (false, _) => {
                format!("{who} has no objectives this quarter — press {f} to show another owner's.")
            }
        },
        no_owner: "(no owner)",
        per_owner: "3–5 objectives per owner",
        answered: "answered (people)",
        from_children: |n| {
            format!(
                "mean of the {n} {} under it",
                plural(n, "objective", "objectives")
            )
        },
        progress_of: |who, p| format!("{who}: {p}"),
        quarter_change_of: |who, a, b| format!("Quarter progress, {who}: {a} → {b}"),
        serves: "Serves",
        served_by: "Served by",
        err_parent_year: "The parent objective must be in the same year.",
        under: |t| format!("under {t}"),
    },
    quarterly: quarterly::QUARTERLY,
    years: years::YEARS,
    html: html::HTML,
    keys: keys::KEYS,
    live: super::live::EN,
};
