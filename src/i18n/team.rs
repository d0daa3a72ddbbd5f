//! The words of a team on one file (PRODUCT.md section 9): who I am, the
//! config file, the settings screen, owners, alignment and per-person
//! check-ins. Each language's table fills one [`TeamWords`].

/// The words of the team features.
pub struct TeamWords {
    /// The config file could not be used: its path.
    pub e_config: fn(&str) -> String,
    pub e_config_object: &'static str,
    pub e_config_owner: &'static str,
    /// The control character, as `U+001B`.
    pub e_config_control: fn(&str) -> String,
    /// The value found for `language`.
    pub e_config_language: fn(&str) -> String,
    /// What to do about a bad config file.
    pub e_config_fix: &'static str,
    /// A config file that is not TOML, before toml_edit's words.
    pub e_not_toml: &'static str,
    /// An earlier okr's `config.json` moved into `config.toml`: from, to,
    /// and where the old file is kept.
    pub config_moved: fn(&str, &str, &str) -> String,
    /// `okr path`: which path is which.
    pub path_data: &'static str,
    pub path_config: &'static str,
    pub settings_title: &'static str,
    /// Where personal and team settings are kept: the config file's path.
    pub settings_about: fn(&str) -> String,
    pub f_me: &'static str,
    pub f_language: &'static str,
    pub f_weekday: &'static str,
    /// Monday to Sunday.
    pub weekdays: [&'static str; 7],
    pub f_cadence: &'static str,
    /// Every week, every two weeks, every month ([`crate::model::cadence::Cadence::ALL`]).
    pub cadences: [&'static str; 3],
    pub f_holidays: &'static str,
    /// A holiday that is no ISO week: what was written.
    pub e_holidays: fn(&str) -> String,
    pub settings_saved: &'static str,
    /// Personal settings could not be written: the reason.
    pub settings_not_saved: fn(&str) -> String,
    /// The owner filter: everyone's Mål.
    pub everyone: &'static str,
    /// The owner filter: my Mål (who I am).
    pub mine: fn(&str) -> String,
    /// Before the filter in a header: `showing: Bo`.
    pub showing: &'static str,
    /// A quarter with Mål, none of them the filter's: whose, whether that
    /// is me, the filter key.
    pub nothing_of: fn(&str, bool, &str) -> String,
    /// The planning checklist's owner of Mål without one.
    pub no_owner: &'static str,
    /// The planning checklist's rule of Mål per owner, before each owner's count.
    pub per_owner: &'static str,
    /// The overview's row of how many people gave a pulse.
    pub answered: &'static str,
    /// A parent's progress taken from its children: how many.
    pub from_children: fn(usize) -> String,
    /// A header's progress under an owner filter: whose, and the number.
    pub progress_of: fn(&str, &str) -> String,
    /// The check-in summary's quarter progress under an owner filter.
    pub quarter_change_of: fn(&str, &str, &str) -> String,
    /// The detail: what a Mål serves, and what serves it.
    pub serves: &'static str,
    pub served_by: &'static str,
    /// A parent in another year than its Mål.
    pub err_parent_year: &'static str,
    /// The new Mål form's frame, when aligned under another: its title.
    pub under: fn(&str) -> String,
}

/// The names of the two languages, each in itself, as the settings offer them.
pub const LANGUAGE_NAMES: [&str; 2] = ["svenska", "English"];
