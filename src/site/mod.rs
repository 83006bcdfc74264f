//! Rendering the timeline website and its data exports.
//!
//! [`build`] renders every page and export into a staging folder beside the output and swaps it
//! in only when everything succeeded, so a failed build leaves the last good site in place.

mod atomic;
mod csv;
pub mod dates;
mod feeds;
mod fragments;
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
mod values;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::event::Event;

pub use model::{EventInput, Fingerprinted, sort_events};

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
    /// HTML pages the site has.
    pub pages: usize,
    /// Pages and exports written by this build: all of them, or after an incremental build
    /// those whose bytes changed.
    pub written: usize,
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
    /// The feeds' latest events; 0 for all.
    #[serde(skip)]
    pub feed_limit: usize,
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
    let mut cache = BuildCache {
        oneshot: true,
        ..BuildCache::default()
    };
    let report = build_cached(site_root, config, events, articles, options, &mut cache);
    free_in_background(cache);
    report
}

/// Drops `garbage` on a thread of its own. What a large build leaves behind is millions of
/// small allocations: freeing them took a 100,000-event build about a second after its last
/// file was written, and a one-off build's process ends right after (its exit does not wait
/// for the thread). If no thread can be started, the garbage is freed here, with the closure.
pub fn free_in_background<T: Send + 'static>(garbage: T) {
    let _ = std::thread::Builder::new()
        .name("annals-free".into())
        .spawn(move || drop(garbage));
}

/// What the last build wrote, for [`build_cached`] to rewrite only what changed: each output
/// file with a fingerprint of its inputs and a hash of its bytes.
#[derive(Debug, Default)]
pub struct BuildCache {
    /// The output folder these files are in; `None` until a build succeeded.
    output: Option<PathBuf>,
    files: HashMap<String, (u64, u64)>,
    /// Per-event work of the last build, reused for unchanged events.
    views: model::Views,
    values: pages::Values,
    /// Each export's per-event pieces.
    exports: HashMap<&'static str, fragments::Pieces>,
    /// Set by [`build`], whose cache is dropped at the end: nothing worth keeping then.
    oneshot: bool,
}

impl BuildCache {
    /// Forgets the last build: the next [`build_cached`] renders everything. Needed whenever
    /// something besides the events changed (templates, static files, settings, articles).
    pub fn clear(&mut self) {
        self.output = None;
        self.files.clear();
        self.views.clear();
        self.values.clear();
        self.exports.clear();
    }
}

/// [`build`], reusing what the last build with the same `cache` wrote. While the cache holds a
/// build of the same output folder, only pages and exports whose inputs changed are rendered,
/// only files whose bytes changed are written (over the old files, once every page rendered:
/// a reader may meet a file half-written, so `serve` answers no request while a build runs),
/// and pages that no longer exist are removed. The caller promises that only
/// `events` changed since; anything else needs [`BuildCache::clear`] first. Otherwise (and
/// after any failure) it is a full build, into a staging folder swapped in at the end.
pub fn build_cached<E: EventInput>(
    site_root: &Path,
    config: &Config,
    events: &[E],
    articles: &[Article],
    options: &BuildOptions,
    cache: &mut BuildCache,
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
        feed_limit: config.feed_limit,
    };
    let theme_dir = site_root.join("themes").join(paths::slugify(&config.theme));
    let templates = templates::Templates::load(&theme_dir)?;
    let incremental =
        cache.output.as_deref() == Some(options.output.as_path()) && options.output.is_dir();
    if !incremental {
        cache.clear();
    }
    let model = model::Model::cached(
        events.iter().map(|e| (e.event(), e.fingerprint())),
        articles,
        config.date_format,
        &mut cache.views,
    );
    let maker = values::ValueMaker::new(&model);
    // Listings show cards; a kept build keeps them for the next build.
    let (cards, event_hashes) = if cache.oneshot {
        (maker.cards(&model)?, None)
    } else {
        let (cards, hashes) = pages::kept_values(&model, &maker, &mut cache.values)?;
        (cards, Some(hashes))
    };
    let pages = pages::Pages::new(&model, &maker, &site, config.paginate_by, event_hashes)?;
    let plans = pages.plan();
    let exports_fingerprint = pages::fingerprint(&(
        &pages.event_hashes,
        plans.iter().map(|p| &p.path).collect::<Vec<_>>(),
    ));
    let mut warnings = Vec::new();
    if site.base_url.is_none() {
        warnings.push(
            "no base_url: atom.xml and feed.json use tag: ids and relative links, and there is \
             no sitemap.xml; set base_url in site.toml or pass --base-url"
                .to_string(),
        );
    }

    let (export_cache, oneshot) = (&mut cache.exports, cache.oneshot);
    if !incremental {
        let out = atomic::Staging::new(&options.output)?;
        let (written, exports) = rayon::join(
            || pages::render_all(&templates, &pages, &plans, &out, &cards),
            || -> anyhow::Result<Vec<(String, u64, u64)>> {
                let names = export_names(&site);
                if oneshot {
                    // Nothing is compared with a later build: each export goes straight to
                    // its file.
                    return names
                        .par_iter()
                        .map(|name| {
                            let parts = export_parts(name, &model, &site, &plans);
                            out.write_with(name, |file| {
                                parts.layout.stream(parts.count, &*parts.piece, file)
                            })?;
                            Ok((name.to_string(), 0, 0))
                        })
                        .collect();
                }
                let made = exports(&names, &model, &site, &plans, export_cache);
                made.par_iter()
                    .try_for_each(|e| out.write_with(e.name, |file| e.write(file)))?;
                keep_exports(&model, made, export_cache);
                // Exports are not compared by their bytes (see update_in_place).
                Ok(names
                    .iter()
                    .map(|name| (name.to_string(), exports_fingerprint, 0))
                    .collect())
            },
        );
        let (written, exports) = (written?, exports?);
        write_static(&theme_dir, &out)?;
        let output = out.commit()?;
        let count = written.len() + exports.len();
        cache.files = written
            .into_iter()
            .chain(exports)
            .map(|(path, inputs, bytes)| (path, (inputs, bytes)))
            .collect();
        cache.output = Some(output.clone());
        let pages_count = plans.len();
        if oneshot {
            drop(pages);
            drop(maker);
            let model::Model {
                events,
                keys,
                tags,
                entities,
                years,
                ..
            } = model;
            free_in_background((events, keys, tags, entities, years, plans, cards));
        }
        return Ok(BuildReport {
            pages: pages_count,
            written: count,
            output,
            warnings,
        });
    }

    // Render everything that changed before touching the output: a failed render leaves the
    // last good site as it was.
    let stale: Vec<&pages::PagePlan> = plans
        .iter()
        .filter(|p| cache.files.get(&p.path).map(|f| f.0) != Some(p.fingerprint))
        .collect();
    let names = export_names(&site);
    let mut expected: HashSet<String> = plans.iter().map(|p| p.path.clone()).collect();
    expected.extend(names.iter().map(|n| n.to_string()));
    let exports_stale = names
        .iter()
        .any(|n| cache.files.get(*n).map(|f| f.0) != Some(exports_fingerprint));
    // The stale pages and the exports render side by side: an edit to one event changes a
    // dozen pages and every export.
    let (pages_fresh, exports_fresh) = rayon::join(
        || {
            stale
                .par_iter()
                .map(|plan| {
                    Ok((
                        plan.path.clone(),
                        plan.fingerprint,
                        pages.render(&templates, plan, &cards)?,
                    ))
                })
                .collect::<anyhow::Result<Vec<(String, u64, Vec<u8>)>>>()
        },
        || {
            if !exports_stale {
                return Vec::new();
            }
            exports(&names, &model, &site, &plans, export_cache)
        },
    );
    let output = options.output.clone();
    let result = update_in_place(
        &output,
        pages_fresh?,
        &exports_fresh,
        exports_fingerprint,
        &expected,
        &mut cache.files,
    );
    keep_exports(&model, exports_fresh, &mut cache.exports);
    if result.is_err() {
        // Some files may be new and some old: the next build starts afresh.
        cache.clear();
    }
    let written = result?;
    Ok(BuildReport {
        pages: plans.len(),
        written,
        output,
        warnings,
    })
}

/// The data exports written for `site`.
fn export_names(site: &SiteInfo) -> Vec<&'static str> {
    let mut names = vec![
        "atom.xml",
        "feed.json",
        "timeline.ics",
        "timeline.json",
        "events.csv",
        "events.json",
    ];
    if site.base_url.is_some() {
        names.push("sitemap.xml");
    }
    names
}

/// What one data export is made of: its text around the events' pieces, which events it
/// shows (`count` from model index `first`; none for the sitemap, which is all head) and how to
/// make the piece of the `k`th of them.
struct ExportParts<'a> {
    layout: fragments::Layout,
    first: usize,
    count: usize,
    piece: Box<dyn Fn(usize) -> String + Sync + 'a>,
}

/// The parts of export `name`. Only the sitemap needs the page list.
fn export_parts<'a>(
    name: &str,
    model: &'a model::Model,
    site: &'a SiteInfo,
    plans: &[pages::PagePlan],
) -> ExportParts<'a> {
    let all = model.events.len();
    // The feeds hold the latest events only (the last of the timeline).
    let first = match name {
        "atom.xml" | "feed.json" if site.feed_limit > 0 => all.saturating_sub(site.feed_limit),
        _ => 0,
    };
    let count = all - first;
    let ev = move |k: usize| &*model.events[first + k];
    let raw = move |k: usize| model.raw[first + k];
    let (layout, piece): (_, Box<dyn Fn(usize) -> String + Sync + 'a>) = match name {
        "atom.xml" => (
            feeds::atom(&model.events[first..], site),
            Box::new(move |k| feeds::atom_entry(ev(k), site)),
        ),
        "feed.json" => (
            feeds::json_feed(count, site),
            Box::new(move |k| feeds::json_item(ev(k), site)),
        ),
        "timeline.ics" => {
            let host = ics::host(site);
            (
                ics::calendar(site),
                Box::new(move |k| ics::event(ev(k), site, &host)),
            )
        }
        "timeline.json" => (
            timelinejs::timeline(count, site),
            Box::new(move |k| timelinejs::event(ev(k), raw(k))),
        ),
        "events.csv" => (csv::events(), Box::new(move |k| csv::row(ev(k)))),
        "events.json" => (
            json::events(count),
            Box::new(move |k| json::event(ev(k), raw(k))),
        ),
        "sitemap.xml" => {
            let text = feeds::sitemap(plans.iter().map(|p| p.path.as_str()), site);
            return ExportParts {
                layout: fragments::Layout::plain(text, String::new(), false),
                first: 0,
                count: 0,
                piece: Box::new(|_| String::new()),
            };
        }
        other => unreachable!("no export {other}"),
    };
    ExportParts {
        layout,
        first,
        count,
        piece,
    }
}

/// One data export of a kept build: its layout and every event's piece, which the next build
/// reuses.
struct Export {
    name: &'static str,
    layout: fragments::Layout,
    /// The model index of the first event it shows.
    first: usize,
    pieces: Vec<String>,
}

impl Export {
    fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.layout.write(&self.pieces, out)
    }
}

/// Each of the exports `names`, made in parallel from the pieces `cache` kept for unchanged
/// events (taken out of it) and new pieces of the others. [`keep_exports`] puts them back.
fn exports(
    names: &[&'static str],
    model: &model::Model,
    site: &SiteInfo,
    plans: &[pages::PagePlan],
    cache: &mut HashMap<&'static str, fragments::Pieces>,
) -> Vec<Export> {
    let kept: Vec<(&'static str, fragments::Pieces)> = names
        .iter()
        .map(|n| (*n, cache.remove(n).unwrap_or_default()))
        .collect();
    kept.into_par_iter()
        .map(|(name, kept)| {
            let parts = export_parts(name, model, site, plans);
            let keys = &model.keys[parts.first..parts.first + parts.count];
            Export {
                name,
                layout: parts.layout,
                first: parts.first,
                pieces: fragments::pieces(keys, kept, &*parts.piece),
            }
        })
        .collect()
}

/// Keeps the pieces of `exports` in `cache` for the next build.
fn keep_exports(
    model: &model::Model,
    exports: Vec<Export>,
    cache: &mut HashMap<&'static str, fragments::Pieces>,
) {
    for export in exports {
        let keys = &model.keys[export.first..export.first + export.pieces.len()];
        cache.insert(export.name, fragments::keep(keys, export.pieces));
    }
}

/// Removes the files `cache` knows that are no longer `expected`, writes the `fresh` pages
/// whose bytes changed and the `exports` into `output` over the old files, and keeps `cache` up
/// to date. Exports are written without comparing: they are only made when an event in them
/// changed, and hashing their 40 MB at 10,000 events cost a rebuild ~10 ms.
fn update_in_place(
    output: &Path,
    fresh: Vec<(String, u64, Vec<u8>)>,
    exports: &[Export],
    exports_fingerprint: u64,
    expected: &HashSet<String>,
    cache: &mut HashMap<String, (u64, u64)>,
) -> anyhow::Result<usize> {
    // Pages that no longer exist go first, so that once a listing no longer links to a page,
    // the page is gone too.
    let gone: Vec<String> = cache
        .keys()
        .filter(|p| !expected.contains(*p))
        .cloned()
        .collect();
    for path in gone {
        atomic::remove_file(output, &path)?;
        cache.remove(&path);
    }
    // Pages hashed and written beside the exports: at 10,000 events the exports are ~40 MB.
    let (pages, exported) = rayon::join(
        || {
            fresh
                .into_par_iter()
                .map(|(path, inputs, bytes)| {
                    let hash = pages::fingerprint(&bytes.as_slice());
                    let changed = cache.get(&path).map(|f| f.1) != Some(hash);
                    if changed {
                        atomic::overwrite_file(output, &path, |file| file.write_all(&bytes))?;
                    }
                    Ok((path, inputs, hash, changed))
                })
                .collect::<anyhow::Result<Vec<_>>>()
        },
        || {
            exports
                .par_iter()
                .try_for_each(|e| atomic::overwrite_file(output, e.name, |file| e.write(file)))
        },
    );
    exported?;
    let mut written = exports.len();
    for (path, inputs, hash, changed) in pages? {
        written += usize::from(changed);
        cache.insert(path, (inputs, hash));
    }
    for e in exports {
        cache.insert(e.name.to_string(), (exports_fingerprint, 0));
    }
    Ok(written)
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
