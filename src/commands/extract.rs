//! `annals extract`: articles → dated candidates → merged events → the event store.

use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use super::counted;
use super::site_input::{Site, parse_date_flag};
use crate::article::Article;
use crate::cli::{ExtractArgs, Outcome};
use crate::extract::Candidate;
use crate::merge::{self, MergeOptions};
use crate::{extract, store};

/// Folders with fewer articles finish before a progress bar would be worth drawing.
const PROGRESS_FROM: usize = 200;

pub fn run(root: &Path, args: &ExtractArgs) -> anyhow::Result<Outcome> {
    let site = Site::open(root)?;
    let default_date = parse_date_flag(args.date.as_deref())?;
    let store = site.store()?;
    if args.show_rejected {
        let rejected = store::rejected(&store);
        if rejected.is_empty() {
            println!("No deleted events: extraction may bring back any event.");
        }
        for r in rejected {
            println!("{}  {}  (deleted, noticed {})", r.id, r.title, r.noticed);
        }
        return Ok(Outcome::Ok);
    }
    let (articles, warnings) = site.articles(default_date)?;
    if articles.is_empty() {
        println!(
            "No articles in {}: add .md, .txt, .html or .jsonl files there, then run annals extract again.",
            site.content_dir.display()
        );
        return Ok(Outcome::Ok);
    }
    let progress = progress_bar(articles.len());
    let candidates =
        extract::extract_all_with(&articles, site.config.extract.numeric_dates, &|| {
            progress.inc(1)
        });
    progress.finish_and_clear();
    let warnings = warnings + warn_about_capped_articles(&articles, &candidates);
    let options: MergeOptions = site.config.merge.options();
    let merged = merge::merge(&candidates, &articles, &options);
    if args.explain {
        print!(
            "{}",
            merge::explain(&merged, &candidates, options.threshold)
        );
    }
    let mut events = merged.events;
    let stored: Vec<_> = store.events.iter().map(|s| s.event.clone()).collect();
    merge::stable_ids(&mut events, &stored);
    let found = events.len();
    let same_event = |a: &crate::event::Event, b: &crate::event::Event| {
        merge::same_event(a, b, options.threshold)
    };
    let plan = store::plan(&store, events, &same_event);
    println!(
        "Read {}: {}, {}, {}.",
        counted(articles.len(), "article"),
        counted(candidates.len(), "dated report"),
        counted(found, "event"),
        counted(warnings, "warning")
    );
    if args.dry_run {
        println!("Dry run: nothing written. Would change:\n{plan}");
        return Ok(Outcome::Ok);
    }
    let report = plan.apply(&site.events_dir)?;
    print!("{plan}");
    println!(
        "Wrote {} event files in {}.",
        report.written.len(),
        site.events_dir.display()
    );
    Ok(Outcome::Ok)
}

/// Names each article that gave the most events one article may give (the rest were dropped),
/// and returns how many there were.
fn warn_about_capped_articles(articles: &[Article], candidates: &[Candidate]) -> usize {
    let mut per_article = vec![0usize; articles.len()];
    for candidate in candidates {
        per_article[candidate.article] += 1;
    }
    let capped: Vec<&Article> = per_article
        .iter()
        .zip(articles)
        .filter(|(count, _)| **count >= extract::MAX_CANDIDATES_PER_ARTICLE)
        .map(|(_, article)| article)
        .collect();
    for article in &capped {
        eprintln!(
            "warning: {}: gave {} events, the most one article may give; the dated sentences \
             after those were left out. Split a long chronology into several articles.",
            article.path.display(),
            extract::MAX_CANDIDATES_PER_ARTICLE
        );
    }
    capped.len()
}

fn progress_bar(articles: usize) -> ProgressBar {
    if articles < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(articles as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}") {
        bar.set_style(style);
    }
    bar
}
