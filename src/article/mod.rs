//! Loading articles from a site's `content/` folder and finding each one's publication date.

use std::path::PathBuf;

pub mod chrome;
pub mod date;
pub mod front_matter;

use chrono::NaiveDate;
use serde::Serialize;

/// One source article, reduced to what the later stages need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the path below `content/` without extension (`2017/embassy`), or
    /// `collection#id` for an article inside a JSON Lines file.
    pub id: String,
    /// The file it came from, relative to the site root.
    pub path: PathBuf,
    pub title: String,
    /// The publication date; `None` when no source gave one (relative dates then stay unanchored).
    pub published: Option<NaiveDate>,
    /// The publication date as written, with whatever precision it had ("2017-03-02T10:15:00Z").
    pub published_text: Option<String>,
    /// The publisher ("The Moscow Times").
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The article's text as plain text, page chrome removed: what the tagger reads and quotes
    /// are taken from.
    pub text: String,
}

/// Something worth telling the user that does not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}
