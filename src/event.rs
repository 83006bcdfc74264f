//! The event: what merge produces, the store keeps and people edit, and the site renders.

use serde::{Deserialize, Serialize};

use crate::time::Edtf;

/// One event of the timeline. Field order here is the key order written to YAML.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable identifier, also the permalink `events/<id>/`.
    pub id: String,
    pub date: Edtf,
    pub title: String,
    /// Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// People, organisations and places the event names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Dates other sources give for the same event, kept visible rather than dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_conflicts: Vec<DateConflict>,
    /// Hidden events stay in the store but are not published.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// 1 (minor) to 5 (major); themes may use it to size or filter events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<u8>,
}

/// Where an event was reported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The article id (see [`crate::article::Article::id`]).
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date of the article (ISO day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The sentence exactly as it appears in the article, whitespace collapsed.
    pub quote: String,
    /// The temporal expression that dated the event ("on Wednesday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
}

/// A date a source gives that disagrees with the event's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateConflict {
    pub date: Edtf,
    pub article: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
}
