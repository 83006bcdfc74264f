//! What every stage command starts from: the settings, the articles and the event store of one
//! site, loaded with the same messages everywhere.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;

use crate::article::{self, Article};
use crate::config::Config;
use crate::error::ContentError;
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

    /// The articles, with warnings printed. `default_date` fills in missing publication dates.
    pub fn articles(&self, default_date: Option<NaiveDate>) -> anyhow::Result<Vec<Article>> {
        let loaded = article::load_dir(&self.root, &self.content_dir)?;
        let mut articles = loaded.articles;
        for warning in &loaded.warnings {
            let given = default_date.is_some() && warning.message.contains("publication date");
            if !given {
                eprintln!("warning: {warning}");
            }
        }
        if let Some(date) = default_date {
            for a in articles.iter_mut().filter(|a| a.published.is_none()) {
                a.published = Some(date);
            }
        }
        Ok(articles)
    }

    pub fn store(&self) -> anyhow::Result<Store> {
        store::load(&self.events_dir)
            .with_context(|| format!("reading the event files in {}", self.events_dir.display()))
    }
}

/// Parses `--date`.
pub fn parse_date_flag(text: Option<&str>) -> anyhow::Result<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
            anyhow::Error::new(
                ContentError::new("--date", format!("`{t}` is not a date"))
                    .help("write it as YYYY-MM-DD, e.g. --date 2017-03-02"),
            )
        })
    })
    .transpose()
}
