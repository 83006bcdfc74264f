//! Rendering the timeline website and its data exports.
//!
//! [`build`] renders every page and export into a staging folder beside the output and swaps it
//! in only when everything succeeded, so a failed build leaves the last good site in place.

mod atomic;
mod csv;
pub mod dates;
mod feeds;
pub mod highlight;
mod ics;
mod json;
pub mod markdown;
mod model;
mod pages;
pub mod paths;
pub mod serve;
mod templates;
mod timelinejs;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::event::Event;

pub use model::sort_events;

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The folder the site is written to; replaced as a whole.
    pub output: PathBuf,
    /// Overrides `base_url` of site.toml (e.g. for a preview deployment).
    pub base_url: Option<String>,
    /// Publish draft articles too (the build command leaves drafts out of `articles` unless set).
    pub drafts: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    pub output: PathBuf,
    /// Things worth telling the user, such as feeds written without a `base_url`.
    pub warnings: Vec<String>,
}

/// What templates know about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    pub title: String,
    pub description: String,
    pub language: String,
    /// Without a trailing slash.
    pub base_url: Option<String>,
}

impl SiteInfo {
    /// The absolute URL of `path` (relative to the output root), when the base URL is known.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base_url.as_ref().map(|b| format!("{b}/{path}"))
    }
}

/// Renders the published `events` and the `articles` of the site at `site_root` into
/// `options.output`.
pub fn build(
    site_root: &Path,
    config: &Config,
    events: &[Event],
    articles: &[Article],
    options: &BuildOptions,
) -> anyhow::Result<BuildReport> {
    atomic::check_output(site_root, &options.output)?;
    let base_url = options
        .base_url
        .clone()
        .or_else(|| config.base_url.clone())
        .map(|b| b.trim_end_matches('/').to_string())
        .filter(|b| !b.is_empty());
    let site = SiteInfo {
        title: config.title.clone(),
        description: config.description.clone(),
        language: config.language.clone(),
        base_url,
    };
    let theme_dir = site_root.join("themes").join(paths::slugify(&config.theme));
    let templates = templates::Templates::load(&theme_dir)?;
    let model = model::Model::new(events, articles, config.date_format);

    let out = atomic::Staging::new(&options.output)?;
    let pages = pages::render(&templates, &model, &site, &out)?;
    write_static(&theme_dir, &out)?;
    feeds::write(&model, &site, &out)?;
    out.write("timeline.ics", ics::calendar(&model, &site).as_bytes())?;
    out.write(
        "timeline.json",
        timelinejs::timeline(&model, &site).as_bytes(),
    )?;
    out.write("events.csv", csv::events(&model).as_bytes())?;
    out.write("events.json", json::events(&model).as_bytes())?;
    if site.base_url.is_some() {
        out.write("sitemap.xml", feeds::sitemap(&pages, &site).as_bytes())?;
    }
    let mut warnings = Vec::new();
    if site.base_url.is_none() {
        warnings.push(
            "no base_url: atom.xml and feed.json use tag: ids and relative links, and there is \
             no sitemap.xml; set base_url in site.toml or pass --base-url"
                .to_string(),
        );
    }
    let output = out.commit()?;
    Ok(BuildReport {
        pages: pages.len(),
        output,
        warnings,
    })
}

/// The built-in static files, then the theme's own `static/` files over them.
fn write_static(theme_dir: &Path, out: &atomic::Staging) -> anyhow::Result<()> {
    for (name, text) in templates::STATIC {
        out.write(&format!("static/{name}"), text.as_bytes())?;
    }
    let dir = theme_dir.join("static");
    if dir.is_dir() {
        copy_dir(&dir, "static", out)?;
    }
    Ok(())
}

fn copy_dir(dir: &Path, prefix: &str, out: &atomic::Staging) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let kind = std::fs::symlink_metadata(&path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .file_type();
        let target = format!("{prefix}/{name}");
        if kind.is_dir() {
            copy_dir(&path, &target, out)?;
        } else if kind.is_file() {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            out.write(&target, &bytes)?;
        }
    }
    Ok(())
}
