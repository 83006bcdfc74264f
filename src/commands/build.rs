//! `annals build` and `annals serve`: the event store and the articles rendered as a site.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::site_input::Site;
use crate::cli::{BuildArgs, Outcome};
use crate::event::Event;
use crate::site::{self, BuildOptions};

pub fn run(root: &Path, args: &BuildArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let site = Site::open(root)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| site.root.join("output"));
    let options = BuildOptions {
        output,
        base_url: args.base_url.clone(),
        drafts: args.drafts,
    };
    let report = render(&site, &options)?;
    for warning in &report.warnings {
        eprintln!("note: {warning}");
    }
    println!(
        "Built {} pages in {:.0} ms: open {}",
        report.pages,
        started.elapsed().as_secs_f64() * 1e3,
        report.output.join("index.html").display()
    );
    Ok(Outcome::Ok)
}

/// Loads the articles and stored events of `site` and renders them.
pub fn render(site: &Site, options: &BuildOptions) -> anyhow::Result<site::BuildReport> {
    let mut articles = site.articles(None)?;
    articles.retain(|a| options.drafts || !a.draft);
    let store = site.store()?;
    let events: Vec<Event> = store.events.into_iter().map(|s| s.event).collect();
    site::build(&site.root, &site.config, &events, &articles, options)
}

pub fn serve(root: &Path, port: u16, open: bool) -> anyhow::Result<Outcome> {
    let site = Site::open(root)?;
    let output = site.root.join("output");
    let options = BuildOptions {
        output: output.clone(),
        base_url: None,
        drafts: true,
    };
    render(&site, &options)?;
    println!(
        "Serving {} on http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        output.display()
    );
    let watch: Vec<PathBuf> = vec![
        site.content_dir.clone(),
        site.events_dir.clone(),
        root.join("themes"),
        root.join("site.toml"),
    ];
    let root = root.to_path_buf();
    let rebuild = move || -> anyhow::Result<()> {
        let started = Instant::now();
        // site.toml may have changed too: read everything afresh.
        let site = Site::open(&root)?;
        let report = render(&site, &options)?;
        println!(
            "Rebuilt {} pages in {:.0} ms",
            report.pages,
            started.elapsed().as_secs_f64() * 1e3
        );
        Ok(())
    };
    site::serve::serve(&output, port, open, rebuild, watch)?;
    Ok(Outcome::Ok)
}
