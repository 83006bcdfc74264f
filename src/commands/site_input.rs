//! What every stage command starts from: the settings, the articles and the event store of one
//! site, loaded with the same messages everywhere.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;

use crate::article::{self, Article};
use crate::config::Config;
use crate::event::Event;
use crate::store::{self, Store};

/// A site's settings and the folders they name.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content_dir: PathBuf,
    pub events_dir: PathBuf,
}

impl Site {
    pub fn open(root: &Path) -> anyhow::Result<Site> {
        // Messages name `content/a.md`, not `./content/a.md`, for the usual `-C .`.
        let root = if root == Path::new(".") {
            Path::new("")
        } else {
            root
        };
        let config = Config::load(&root.join("site.toml"))?;
        Ok(Site {
            content_dir: root.join(&config.extract.content_dir),
            events_dir: root.join(&config.extract.events_dir),
            root: root.to_path_buf(),
            config,
        })
    }

    /// The articles, with warnings printed, and how many warnings there were. `default_date`
    /// fills in missing publication dates.
    pub fn articles(
        &self,
        default_date: Option<NaiveDate>,
    ) -> anyhow::Result<(Vec<Article>, usize)> {
        let loaded = article::load_dir(&self.root, &self.content_dir)?;
        let mut articles = loaded.articles;
        let mut shown = 0;
        for warning in &loaded.warnings {
            let given = default_date.is_some() && warning.message.contains("publication date");
            if !given {
                eprintln!("warning: {warning}");
                shown += 1;
            }
        }
        if let Some(date) = default_date {
            for a in articles.iter_mut().filter(|a| a.published.is_none()) {
                a.published = Some(date);
            }
        }
        Ok((articles, shown))
    }

    pub fn store(&self) -> anyhow::Result<Store> {
        store::load(&self.events_dir)
            .with_context(|| format!("reading the event files in {}", self.events_dir.display()))
    }

    /// The stored events by path, through the site's parse cache, which it may rewrite: for
    /// the commands that read the whole store on every run (`build`, `serve`).
    pub fn events_cached(&self) -> anyhow::Result<Vec<(PathBuf, Event)>> {
        let cache = self.root.join(store::parse_cache::CACHE_FILE);
        store::load_cached(&self.events_dir, &cache)
            .with_context(|| format!("reading the event files in {}", self.events_dir.display()))
    }
}

/// Parses `--date`. A bad value is a usage error (exit 2), worded as `tag --dct` words it.
pub fn parse_date_flag(text: Option<&str>) -> anyhow::Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
            anyhow::anyhow!(
                "--date `{t}` is not a date; write it as YYYY-MM-DD, e.g. --date 2017-03-02"
            )
        })
    })
    .transpose()
}
