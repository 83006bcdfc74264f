//! `annals check` for the store: problems in event files a person should fix.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;

use super::Store;
use super::plan::collapse;
use crate::error::ContentError;

/// What `check` needs to know about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    pub id: String,
    /// The article's plain text.
    pub text: String,
    pub published: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in an event file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub error: ContentError,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.error)
    }
}

/// Errors: duplicate ids, sources naming a missing article. Warnings: a quote not in its
/// article (whitespace collapsed), an event dated after every source was published.
pub fn check(store: &Store, articles: &[ArticleRef]) -> Vec<Diagnostic> {
    let articles: HashMap<&str, &ArticleRef> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut first_with_id: HashMap<&str, &std::path::Path> = HashMap::new();
    let mut out = Vec::new();
    for stored in &store.events {
        let event = &stored.event;
        let text = stored.text.as_str();
        let at = |needle: &str, err: ContentError| match text.find(needle) {
            Some(offset) => err.at_offset(text, offset),
            None => err,
        };
        let at_key = |key: &str, err: ContentError| match key_offset(text, key) {
            Some(offset) => err.at_offset(text, offset),
            None => err,
        };
        if let Some(first) = first_with_id.get(event.id.as_str()) {
            let err = ContentError::new(
                &stored.path,
                format!(
                    "duplicate event id `{}`: {} has it too",
                    event.id,
                    first.display()
                ),
            )
            .help("give one of the events another id, or delete one file");
            out.push(Diagnostic {
                severity: Severity::Error,
                error: at_key("id:", err),
            });
        } else {
            first_with_id.insert(&event.id, &stored.path);
        }
        let mut latest_published: Option<NaiveDate> = None;
        let mut every_source_dated = !event.sources.is_empty();
        for source in &event.sources {
            let Some(article) = articles.get(source.article.as_str()) else {
                let err = ContentError::new(
                    &stored.path,
                    format!(
                        "source names article `{}`, which does not exist",
                        source.article
                    ),
                )
                .help("fix the article id, or remove the source");
                let needle = format!("article: {}", source.article);
                let err = if text.contains(&needle) {
                    at(&needle, err)
                } else {
                    at(&source.article, err)
                };
                out.push(Diagnostic {
                    severity: Severity::Error,
                    error: err,
                });
                every_source_dated = false;
                continue;
            };
            let quote = collapse(&source.quote);
            if !collapse(&article.text).contains(&quote) {
                let err = ContentError::new(
                    &stored.path,
                    format!("the quote is not in article `{}`", source.article),
                )
                .help("quote the article's sentence exactly (whitespace does not matter)");
                let first_words: String = quote.chars().take(20).collect();
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    error: at(first_words.trim(), err),
                });
            }
            let published = article
                .published
                .or_else(|| source.published.as_deref().and_then(|p| p.parse().ok()));
            match published {
                Some(p) => latest_published = latest_published.max(Some(p)),
                None => every_source_dated = false,
            }
        }
        let first_day = event.date.interval().first;
        // "The council will vote on April 16", written on April 3, dates a plan: no mistake.
        let announced = || {
            event
                .sources
                .iter()
                .any(|s| crate::time::speaks_of_future(&s.quote))
        };
        if let (true, Some(latest)) = (every_source_dated, latest_published)
            && first_day > latest
            && !announced()
        {
            let err = ContentError::new(
                &stored.path,
                format!(
                    "the event is dated {} but its latest source was published {latest}",
                    event.date
                ),
            )
            .help("no source speaks of it as still to come, and a report cannot describe a later event as past; check the date (or mark it uncertain with `?`)");
            out.push(Diagnostic {
                severity: Severity::Warning,
                error: at_key("date:", err),
            });
        }
    }
    out
}

/// Byte offset of the top-level `key` (a line starting with it).
fn key_offset(text: &str, key: &str) -> Option<usize> {
    if text.starts_with(key) {
        return Some(0);
    }
    text.match_indices(&format!("\n{key}"))
        .next()
        .map(|(i, _)| i + 1)
}
