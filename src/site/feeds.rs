//! Atom and JSON Feed 1.1 (newest events first) and the sitemap. Feeds need absolute URLs: with a
//! base URL they get them; without one, ids are `tag:` URIs and links are relative to the feed.

use crate::escape::markup;
use serde::Serialize;

use std::sync::Arc;

use super::model::EventView;
use super::paths::slugify;
use super::{SiteInfo, fragments};

/// The day an event was last reported: its latest source publication date, else its first day.
fn updated(e: &EventView) -> String {
    let day = e
        .sources
        .iter()
        .filter_map(|s| s.published.as_deref())
        .filter_map(super::dates::iso_day)
        .max()
        .map(|d| d.to_string())
        .unwrap_or_else(|| e.first.clone());
    format!("{day}T00:00:00Z")
}

fn entry_id(e: &EventView, site: &SiteInfo) -> String {
    site.absolute(&format!("events/{}/", e.slug))
        .unwrap_or_else(|| {
            format!(
                "tag:annals.invalid,2000:{}/events/{}",
                slugify(&site.title),
                e.slug
            )
        })
}

fn entry_link(e: &EventView, site: &SiteInfo) -> String {
    site.absolute(&format!("events/{}/", e.slug))
        .unwrap_or_else(|| format!("events/{}/index.html", e.slug))
}

fn feed_updated(events: &[Arc<EventView>]) -> String {
    events
        .iter()
        .map(|e| updated(e))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// The whole `atom.xml` around the [`atom_entry`] of each of `events` (the latest of the
/// timeline), newest first.
pub fn atom(events: &[Arc<EventView>], site: &SiteInfo) -> fragments::Layout {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        markup(&site.language)
    ));
    x.push_str(&format!("<title>{}</title>\n", markup(&site.title)));
    if !site.description.is_empty() {
        x.push_str(&format!(
            "<subtitle>{}</subtitle>\n",
            markup(&site.description)
        ));
    }
    let id = site
        .absolute("")
        .unwrap_or_else(|| format!("tag:annals.invalid,2000:{}", slugify(&site.title)));
    x.push_str(&format!("<id>{}</id>\n", markup(&id)));
    let home = site.absolute("").unwrap_or_else(|| "index.html".into());
    x.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        markup(&home)
    ));
    let feed = site
        .absolute("atom.xml")
        .unwrap_or_else(|| "atom.xml".into());
    x.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        markup(&feed)
    ));
    x.push_str(&format!("<updated>{}</updated>\n", feed_updated(events)));
    x.push_str(&format!(
        "<author><name>{}</name></author>\n",
        markup(&site.title)
    ));
    x.push_str("<generator>annals</generator>\n");
    fragments::Layout::plain(x, "</feed>\n".into(), true)
}

/// One event's `<entry>`.
pub fn atom_entry(e: &EventView, site: &SiteInfo) -> String {
    let mut x = String::new();
    x.push_str("<entry>\n");
    x.push_str(&format!("<title>{}</title>\n", markup(&e.title)));
    x.push_str(&format!("<id>{}</id>\n", markup(&entry_id(e, site))));
    x.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        markup(&entry_link(e, site))
    ));
    x.push_str(&format!("<updated>{}</updated>\n", updated(e)));
    let mut html = format!(
        "<p><time datetime=\"{}\">{}</time></p>",
        e.datetime,
        markup(&e.human)
    );
    html.push_str(&e.summary_html);
    x.push_str(&format!(
        "<content type=\"html\">{}</content>\n",
        markup(&html)
    ));
    for t in &e.tags {
        x.push_str(&format!("<category term=\"{}\"/>\n", markup(&t.name)));
    }
    x.push_str("</entry>\n");
    x
}

// JSON Feed objects, serialised straight from borrowed fields; fields are declared in the
// alphabetical order `serde_json::Value` maps wrote them in, so the file is the same.

#[derive(Serialize)]
struct Feed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    home_page_url: Option<String>,
    items: Vec<Item<'a>>,
    language: &'a str,
    title: &'a str,
    version: &'static str,
}

#[derive(Serialize)]
struct Item<'a> {
    _annals: Dates<'a>,
    content_html: String,
    content_text: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_url: Option<&'a str>,
    id: String,
    tags: Vec<&'a str>,
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Dates<'a> {
    date: &'a str,
    first: &'a str,
    last: &'a str,
}

/// The whole `feed.json`, from each event's [`json_item`] in model order.
pub fn json_feed(count: usize, site: &SiteInfo) -> fragments::Layout {
    let (home_page_url, feed_url) = match (site.absolute(""), site.absolute("feed.json")) {
        (Some(home), Some(url)) => (Some(home), Some(url)),
        _ => (None, None),
    };
    let feed = Feed {
        description: Some(site.description.as_str()).filter(|d| !d.is_empty()),
        feed_url,
        home_page_url,
        items: Vec::new(),
        language: &site.language,
        title: &site.title,
        version: "https://jsonfeed.org/version/1.1",
    };
    let doc = serde_json::to_string_pretty(&feed).expect("JSON values serialise");
    fragments::Layout::json_member(&format!("{doc}\n"), "items", 2, count, true)
}

/// One event's item of `feed.json`, indented as the feed nests it.
pub fn json_item(e: &EventView, site: &SiteInfo) -> String {
    let item = Item {
        _annals: Dates {
            date: &e.date,
            first: &e.first,
            last: &e.last,
        },
        content_html: format!("<p>{}</p>{}", markup(&e.human), e.summary_html),
        content_text: format!("{}. {}", e.human, e.summary_text)
            .trim_end_matches(". ")
            .to_string(),
        date_modified: updated(e),
        external_url: e.sources.iter().find_map(|s| s.url.as_deref()),
        id: entry_id(e, site),
        tags: e.tags.iter().map(|t| t.name.as_str()).collect(),
        title: &e.title,
        url: entry_link(e, site),
    };
    fragments::indent(
        &serde_json::to_string_pretty(&item).expect("JSON values serialise"),
        4,
    )
}

/// Every page, as absolute URLs (only written when the base URL is known).
pub fn sitemap<'a>(pages: impl Iterator<Item = &'a str>, site: &SiteInfo) -> String {
    let mut sorted: Vec<&str> = pages.filter(|p| *p != "404.html").collect();
    sorted.sort();
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in sorted {
        let path = page.strip_suffix("index.html").unwrap_or(page);
        if let Some(url) = site.absolute(path) {
            x.push_str(&format!("<url><loc>{}</loc></url>\n", markup(&url)));
        }
    }
    x.push_str("</urlset>\n");
    x
}
