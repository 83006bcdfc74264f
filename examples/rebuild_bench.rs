//! The rebuild `annals serve` does after one event file changes, timed.
//!
//! cargo run --release --example rebuild_bench -- SITE [--runs N]
//!
//! Does what `serve`'s rebuild does (src/commands/build.rs: read site.toml, load the articles and
//! the event store, `site::build` into output/ with drafts): once to warm up, then N times after
//! editing the title of one event file (a different one each time, restored afterwards). Prints
//! the median time of a rebuild and of its two halves (loading, rendering).

mod bench_util;

use annals::article;
use annals::config::Config;
use annals::event::Event;
use annals::site::{self, BuildOptions};
use annals::store;
use bench_util::{median, peak_rss_mb, runs_and_args};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let (runs, args) = runs_and_args(5);
    let Some(root) = args.first().map(PathBuf::from) else {
        anyhow::bail!("usage: rebuild_bench SITE [--runs N]");
    };
    let options = BuildOptions {
        output: root.join("output"),
        base_url: None,
        drafts: true,
    };
    let (pages, _, _) = rebuild(&root, &options)?;
    let config = Config::load(&root.join("site.toml"))?;
    let events_dir = root.join(&config.extract.events_dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&events_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no event files in {}",
        events_dir.display()
    );
    let (mut totals, mut loads, mut renders) = (vec![], vec![], vec![]);
    for run in 0..runs {
        let file = &files[run * files.len() / runs];
        let original = std::fs::read_to_string(file)?;
        let edited = original.replacen("title: ", "title: Edited ", 1);
        std::fs::write(file, &edited)?;
        let started = Instant::now();
        let result = rebuild(&root, &options);
        let total = started.elapsed().as_secs_f64();
        std::fs::write(file, &original)?;
        let (_, load, render) = result?;
        totals.push(total);
        loads.push(load);
        renders.push(render);
    }
    println!(
        "rebuild after one event edit: {pages} pages; median of {runs}: {:.0} ms \
         ({:.0} ms loading articles and events, {:.0} ms rendering); peak RSS {:.0} MB",
        median(&totals) * 1e3,
        median(&loads) * 1e3,
        median(&renders) * 1e3,
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}

/// `commands::build::render` as `serve` calls it, returning the pages and the seconds spent
/// loading and rendering.
fn rebuild(root: &Path, options: &BuildOptions) -> anyhow::Result<(usize, f64, f64)> {
    let started = Instant::now();
    let config = Config::load(&root.join("site.toml"))?;
    let mut articles = article::load_dir(root, &root.join(&config.extract.content_dir))?.articles;
    articles.retain(|a| options.drafts || !a.draft);
    let store = store::load(&root.join(&config.extract.events_dir))?;
    let events: Vec<Event> = store.events.into_iter().map(|s| s.event).collect();
    let loaded = started.elapsed().as_secs_f64();
    let report = site::build(root, &config, &events, &articles, options)?;
    Ok((
        report.pages,
        loaded,
        started.elapsed().as_secs_f64() - loaded,
    ))
}
