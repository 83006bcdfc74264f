//! Loading articles from a site's `content/` folder and finding each one's publication date.

use std::path::{Path, PathBuf};

pub mod chrome;
pub mod date;
pub mod front_matter;
pub mod html;
pub mod jsonl;
pub mod markdown;
pub mod scan;
pub mod text;
pub mod walk;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::ContentError;

/// One source article, reduced to what the later stages need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the path below `content/` without extension (`2017/embassy`), or
    /// `collection#id` for an article inside a JSON Lines file.
    pub id: String,
    /// The file it came from, relative to the site root.
    pub path: PathBuf,
    pub title: String,
    /// The publication date; `None` when no source gave one (relative dates then stay unanchored).
    pub published: Option<NaiveDate>,
    /// The publication date as written, with whatever precision it had ("2017-03-02T10:15:00Z").
    pub published_text: Option<String>,
    /// The publisher ("The Moscow Times").
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The article's text as plain text, page chrome removed: what the tagger reads and quotes
    /// are taken from.
    pub text: String,
    /// Marked `draft: true` in its front matter: loaded, but not to be published.
    pub draft: bool,
}

/// Something worth telling the user that does not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Articles loaded from a content folder, and what is worth telling the user about them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sorted by id.
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

/// Largest article file annals reads, in bytes (64 MiB). A bigger file is almost certainly not
/// one article (a database dump, a video renamed `.txt`); it is skipped with a warning naming the
/// file and the limit. JSON Lines files hold many articles and are exempt.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

const NO_DATE_HELP: &str = "add `date: 2017-03-02` to its front matter, name the file 2017-03-02-title.txt, or run annals extract --date 2017-03-02 (its relative dates stay unanchored until then)";

/// Every article below `content_dir` (a path of its own, or relative to `site_root`), loaded in
/// parallel. An empty folder gives no articles; a missing one is an error.
pub fn load_dir(site_root: &Path, content_dir: &Path) -> anyhow::Result<Loaded> {
    let content = resolve(site_root, content_dir);
    if !content.is_dir() {
        return Err(ContentError::new(
            &content,
            format!("the content folder `{}` does not exist", content.display()),
        )
        .help("create it and put articles in it, or point `content_dir` in site.toml at your articles")
        .into());
    }
    let (files, mut warnings) = walk::files(site_root, &content)?;
    let results: Vec<anyhow::Result<Loaded>> = files
        .par_iter()
        .map(|file| load_one(site_root, &content, file))
        .collect();
    let mut articles = Vec::new();
    for result in results {
        let loaded = result?;
        articles.extend(loaded.articles);
        warnings.extend(loaded.warnings);
    }
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = articles.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(ContentError::new(
            &pair[1].path,
            format!(
                "two articles have the id `{}`: {} and {}",
                pair[0].id,
                pair[0].path.display(),
                pair[1].path.display()
            ),
        )
        .help("rename one of the files (ids are paths below content/ without the extension)")
        .into());
    }
    Ok(Loaded { articles, warnings })
}

/// The article(s) of one file; warnings (no date, unknown keys) are dropped: use [`load_one`] to
/// keep them. A binary or unreadable file gives no articles.
pub fn load_file(
    site_root: &Path,
    content_dir: &Path,
    path: &Path,
) -> anyhow::Result<Vec<Article>> {
    Ok(load_one(site_root, content_dir, path)?.articles)
}

/// The article(s) of one file and the warnings about it.
pub fn load_one(site_root: &Path, content_dir: &Path, path: &Path) -> anyhow::Result<Loaded> {
    let content = resolve(site_root, content_dir);
    let shown = path.strip_prefix(site_root).unwrap_or(path).to_path_buf();
    let mut loaded = Loaded::default();
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if !is_jsonl
        && let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_ARTICLE_BYTES
    {
        loaded.warnings.push(warning(
            &shown,
            format!(
                "is {} MiB, more than the {} MiB an article may be; skipped (split it into \
                 several articles)",
                meta.len().div_ceil(1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        ));
        return Ok(loaded);
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            loaded
                .warnings
                .push(warning(&shown, format!("cannot be read ({e}); skipped")));
            return Ok(loaded);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => s,
        _ => {
            loaded.warnings.push(warning(
                &shown,
                "is not a text file (binary or not UTF-8); skipped".to_string(),
            ));
            return Ok(loaded);
        }
    };
    let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
    let id = id_of(&content, path);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut base = Article::new(id, shown.clone());
    let date_text;
    match ext.as_str() {
        "md" | "markdown" => {
            let parsed = front_matter::parse(&shown, source)?;
            for w in parsed.warnings {
                loaded.warnings.push(warning(&shown, w));
            }
            let front = parsed.front;
            let (text, heading) = markdown::to_text(parsed.body);
            base.title = front.title.or(heading).unwrap_or_default();
            base.publisher = front.publisher;
            base.url = front.url;
            base.author = front.author;
            base.tags = front.tags;
            base.draft = front.draft;
            base.text = chrome::strip(&text);
            // A first heading that became the title is not text of its own.
            if let Some((first, rest)) = base.text.split_once("\n\n")
                && first == base.title
            {
                base.text = rest.to_string();
            }
            date_text = front.date;
        }
        "txt" => {
            let plain = text::read(source);
            base.title = plain.title.unwrap_or_default();
            base.publisher = plain.publisher;
            base.url = plain.url;
            base.author = plain.author;
            base.text = plain.text;
            date_text = plain.date;
        }
        "html" | "htm" => {
            let page = html::read(source);
            base.title = page.title.unwrap_or_default();
            base.publisher = page.publisher;
            base.url = page.url;
            base.author = page.author;
            base.tags = page.tags;
            base.text = page.text;
            date_text = page.published_text;
        }
        "jsonl" => {
            for line in jsonl::read(&shown, source)? {
                let mut article = Article::new(format!("{}#{}", base.id, line.id()), shown.clone());
                article.text = line.text();
                article.title = line.title.unwrap_or_default();
                article.publisher = line.publisher;
                article.url = line.url;
                article.author = line.author;
                article.tags = line.tags;
                date(&mut article, line.date, None, &mut loaded.warnings);
                loaded.articles.push(article);
            }
            return Ok(loaded);
        }
        _ => return Ok(loaded),
    }
    date(
        &mut base,
        date_text,
        date::from_file_name(&file_name),
        &mut loaded.warnings,
    );
    loaded.articles.push(base);
    Ok(loaded)
}

/// Sets the publication date from the text given, else from the file name; warns when neither.
fn date(
    article: &mut Article,
    text: Option<String>,
    from_name: Option<NaiveDate>,
    warnings: &mut Vec<Warning>,
) {
    let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let parsed = text.as_deref().and_then(date::parse);
    let who = if article.id.contains('#') {
        format!("article `{}`: ", article.id)
    } else {
        String::new()
    };
    match (parsed, &text) {
        (Some(day), Some(t)) => {
            article.published = Some(day);
            article.published_text = Some(t.clone());
        }
        (None, Some(t)) => {
            warnings.push(warning(
                &article.path,
                format!("{who}publication date `{t}` is not a full day; write it like 2017-03-02"),
            ));
        }
        _ => {}
    }
    if article.published.is_none() {
        if let Some(day) = from_name {
            article.published = Some(day);
            article.published_text = Some(day.to_string());
        } else if text.is_none() {
            warnings.push(warning(
                &article.path,
                format!("{who}has no publication date: {NO_DATE_HELP}"),
            ));
        }
    }
}

fn warning(path: &Path, message: String) -> Warning {
    Warning {
        path: path.to_path_buf(),
        message,
    }
}

fn resolve(site_root: &Path, content_dir: &Path) -> PathBuf {
    if content_dir.is_relative() && !content_dir.starts_with(site_root) {
        site_root.join(content_dir)
    } else {
        content_dir.to_path_buf()
    }
}

/// `content/2017/embassy.md` → `2017/embassy`.
fn id_of(content: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(content).unwrap_or(path);
    let relative = relative.with_extension("");
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Article {
    fn new(id: String, path: PathBuf) -> Self {
        Article {
            id,
            path,
            title: String::new(),
            published: None,
            published_text: None,
            publisher: None,
            url: None,
            author: None,
            tags: Vec::new(),
            text: String::new(),
            draft: false,
        }
    }
}

#[cfg(test)]
mod tests;
