//! `site.toml`: the settings of one site. Unknown keys are errors with a suggestion, so a typo
//! never silently does nothing.

use std::path::Path;

use serde::Deserialize;

use crate::error::{ContentError, UsageError};
use crate::time::NumericOrder;

/// The whole `site.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// BCP 47 language tag of the site (`en`, `en-GB`).
    pub language: String,
    /// Absolute URL the site is published at; only feeds and the sitemap need it, pages link
    /// relatively.
    pub base_url: Option<String>,
    /// Folder name under `themes/`; `default` is built in.
    pub theme: String,
    /// How dates are shown: `long` ("2 March 2017"), `us` ("March 2, 2017") or `iso`.
    pub date_format: DateFormat,
    /// IANA name or UTC offset of the publication dates, for timestamps without one.
    pub timezone: String,
    /// Events per page of the timeline and of each tag, name and year; 0 puts them all on one
    /// page. A page of 10,000 events is 4 MB of HTML that a browser lays out at once, and
    /// every edit would render all of it again.
    pub paginate_by: usize,
    /// How many of the latest events `atom.xml` and `feed.json` hold; 0 puts every event in
    /// them. Feed readers fetch a feed again every hour or so: every one of 10,000 events made
    /// a feed of 5 MB.
    pub feed_limit: usize,
    pub extract: ExtractConfig,
    pub merge: MergeConfig,
}

/// How dates are displayed on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFormat {
    #[default]
    Long,
    Us,
    Iso,
}

/// Settings of `annals extract`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Where articles are read from, relative to the site root.
    pub content_dir: String,
    /// Where the event store lives, relative to the site root.
    pub events_dir: String,
    /// How to read `3/2/2017`: `month_first` (US, default) or `day_first`.
    pub numeric_dates: NumericOrder,
}

/// Settings of the cross-article merge.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MergeConfig {
    /// Lowest similarity (0 to 1) at which two reports with compatible dates are one event.
    pub threshold: f64,
    /// Extra similarity needed per step of vagueness of the dates (a month one step, a year or
    /// longer two): two reports of "2006" agree on less than two reports of 3 March 2006.
    pub vague_margin: f64,
    /// Extra similarity needed to join reports whose days disagree by a little.
    pub conflict_margin: f64,
    /// Largest gap, in days, between two disagreeing days that may still be one event.
    pub conflict_days: i64,
}

impl MergeConfig {
    /// The merge settings these stand for.
    pub fn options(&self) -> crate::merge::MergeOptions {
        crate::merge::MergeOptions {
            threshold: self.threshold,
            conflict_margin: self.conflict_margin,
            conflict_days: self.conflict_days,
            vague_margin: self.vague_margin,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Timeline".into(),
            description: String::new(),
            language: "en".into(),
            base_url: None,
            theme: "default".into(),
            date_format: DateFormat::default(),
            timezone: "UTC".into(),
            paginate_by: 500,
            feed_limit: 50,
            extract: ExtractConfig::default(),
            merge: MergeConfig::default(),
        }
    }
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            content_dir: "content".into(),
            events_dir: "content/events".into(),
            numeric_dates: NumericOrder::MonthFirst,
        }
    }
}

impl Default for MergeConfig {
    fn default() -> Self {
        let options = crate::merge::MergeOptions::default();
        MergeConfig {
            threshold: options.threshold,
            vague_margin: options.vague_margin,
            conflict_margin: options.conflict_margin,
            conflict_days: options.conflict_days,
        }
    }
}

impl Config {
    /// Reads `site.toml` from `path`. A missing file is an error: every site has one.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let message = if e.kind() == std::io::ErrorKind::NotFound {
                "there is no site.toml here, so this folder is not an annals site".to_string()
            } else {
                format!("cannot read the site settings: {e}")
            };
            // Running annals outside a site, or on an unreadable file, is not broken content.
            anyhow::Error::new(UsageError(ContentError::new(path, message).help(
                "run `annals init` to create a site, or run annals from a folder that has site.toml",
            )))
        })?;
        let config = Config::parse(path, &text)?;
        let root = path.parent().unwrap_or(Path::new("."));
        config.check_theme(root, path, &text)?;
        Ok(config)
    }

    /// A theme other than the built-in one must be a folder under `themes/`: a misspelt name
    /// would otherwise build with the default look and no word of why.
    fn check_theme(&self, root: &Path, path: &Path, text: &str) -> Result<(), ContentError> {
        let name = self.theme.as_str();
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !name.starts_with('.');
        if name == "default" || (plain && root.join("themes").join(name).is_dir()) {
            return Ok(());
        }
        let mut available = vec!["default".to_string()];
        if let Ok(entries) = std::fs::read_dir(root.join("themes")) {
            available.extend(
                entries
                    .flatten()
                    .filter(|e| e.path().is_dir())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| n != "default"),
            );
        }
        available.sort();
        let mut err = ContentError::new(
            path,
            format!("there is no theme `{name}`: themes/{name}/ is not a folder of this site"),
        );
        if let Some(offset) = theme_value_offset(text) {
            err = err.at_offset(text, offset);
        }
        let help = match crate::suggest::closest(name, available.iter().map(String::as_str)) {
            Some(best) => format!(
                "did you mean `{best}`? The themes here are: {}",
                available.join(", ")
            ),
            None => format!("the themes here are: {}", available.join(", ")),
        };
        Err(err.help(help))
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ContentError> {
        toml::from_str(text).map_err(|e| {
            let message = e.message().to_string();
            let shown = match message
                .strip_prefix("unknown field `")
                .and_then(|m| m.split('`').next())
            {
                Some(unknown) => format!("unknown key `{unknown}` in site.toml"),
                None => format!("site.toml is not valid: {message}"),
            };
            let mut err = ContentError::new(path, shown);
            if let Some(span) = e.span() {
                err = err.at_offset(text, span.start);
            }
            match suggest_key(&message) {
                Some(help) => err.help(help),
                None => err,
            }
        })
    }
}

/// Where the value of the top-level `theme = ...` line starts, to point an error at it.
fn theme_value_offset(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            return None;
        }
        if let Some(rest) = trimmed.strip_prefix("theme")
            && let Some(value) = rest.trim_start().strip_prefix('=')
        {
            let value = value.trim_start();
            return Some(offset + line.len() - value.len());
        }
        offset += line.len();
    }
    None
}

/// Turns serde's "unknown field `titel`, expected one of `title`, ..." into "did you mean `title`?".
fn suggest_key(message: &str) -> Option<String> {
    let unknown = message.strip_prefix("unknown field `")?.split('`').next()?;
    let expected: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
    Some(
        match crate::suggest::closest(unknown, expected.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the keys allowed here are {}", expected.join(", ")),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_gives_the_defaults() {
        assert_eq!(
            Config::parse(Path::new("site.toml"), "").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn a_misspelt_key_is_an_error_that_suggests_the_right_one() {
        let err =
            Config::parse(Path::new("site.toml"), "title = \"A\"\ntheem = \"x\"\n").unwrap_err();
        assert_eq!(err.location, Some((2, 1)));
        assert_eq!(err.help.as_deref(), Some("did you mean `theme`?"));
    }

    #[test]
    fn merge_settings_reach_the_merge_and_the_rest_keep_their_defaults() {
        let config = Config::parse(
            Path::new("site.toml"),
            "[merge]\nthreshold = 0.4\nvague_margin = 0.05\n",
        )
        .unwrap();
        let options = config.merge.options();
        let defaults = crate::merge::MergeOptions::default();
        assert_eq!(options.threshold, 0.4);
        assert_eq!(options.vague_margin, 0.05);
        assert_eq!(options.conflict_margin, defaults.conflict_margin);
        assert_eq!(options.conflict_days, defaults.conflict_days);
        let default = Config::default().merge.options();
        assert_eq!(default.threshold, defaults.threshold);
        assert_eq!(default.vague_margin, defaults.vague_margin);
    }

    #[test]
    fn nested_tables_reject_typos_too() {
        let err = Config::parse(Path::new("site.toml"), "[merge]\ntreshold = 0.5\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `threshold`?"));
    }
}
