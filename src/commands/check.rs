//! `annals check`: site.toml, the articles and the event store, validated; nothing written.

use std::path::Path;

use super::site_input::Site;
use crate::cli::Outcome;
use crate::store::{self, ArticleRef, Severity};

pub fn run(root: &Path) -> anyhow::Result<Outcome> {
    let site = Site::open(root)?;
    let (articles, _) = site.articles(None)?;
    let store = site.store()?;
    let refs: Vec<ArticleRef> = articles
        .iter()
        .map(|a| ArticleRef {
            id: a.id.clone(),
            text: a.text.clone(),
            published: a.published,
        })
        .collect();
    let diagnostics = store::check(&store, &refs);
    for d in &diagnostics {
        eprintln!("{d}\n");
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    println!(
        "Checked {}, {}: {}, {}.",
        count(articles.len(), "article"),
        count(store.events.len(), "event"),
        count(errors, "error"),
        count(warnings, "warning")
    );
    Ok(if errors > 0 {
        Outcome::ContentErrors
    } else {
        Outcome::Ok
    })
}

/// `1 error`, `2 errors`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
