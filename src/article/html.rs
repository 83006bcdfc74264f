//! Saved web pages: a small tolerant tag scanner (no HTML parser dependency) for the title, meta
//! tags, JSON-LD, `<time datetime>` and the text of the main content.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::chrome;
use super::scan::{Token, decode_entities, tokenize};

/// What a page says about itself; the loader turns it into an [`super::Article`].
#[derive(Debug, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published_text: Option<String>,
    pub tags: Vec<String>,
    pub text: String,
}

const DROPPED: &[&str] = &[
    "head",
    "title",
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "figure",
    "figcaption",
    "button",
    "select",
    "svg",
    "iframe",
    "template",
    "dialog",
    "menu",
];
/// Elements that never have content.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements that end a line, and elements that end a paragraph.
const LINE_BREAKS: &[&str] = &["br", "li", "tr", "dt", "dd", "option"];
const PARAGRAPH_BREAKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "dl",
    "hr",
    "address",
    "details",
    "summary",
    "body",
];
/// class/id words of boxes that are not the article.
static CHROME_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(ads?|advert\w*|adslot|newsletter\w*|subscribe\w*|subscription|donat\w*|promo\w*|related|share|sharing|social|cookies?|consent|banner|paywall|popup|modal|byline|credit|caption|breadcrumbs?|comments?)($|[\s_-])").unwrap()
});
static CHROME_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(navigation|banner|complementary|contentinfo|search|dialog)$").unwrap()
});
static TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " :: ", " · "];

pub fn read(source: &str) -> Page {
    let tokens = tokenize(source);
    let mut page = Page::default();
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut title_tag = None;
    let mut h1 = None;
    // `<time datetime>`: (token index, value, marked as the publication time).
    let mut times: Vec<(usize, String, bool)> = Vec::new();
    let mut json_ld = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Start { name, attrs, .. } = token else {
            continue;
        };
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_string())
        };
        match name.as_str() {
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"));
                if let (Some(key), Some(content)) = (key, attr("content"))
                    && !content.is_empty()
                {
                    meta.entry(key.to_ascii_lowercase()).or_insert(content);
                }
            }
            "link" => {
                let canonical = attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && page.url.is_none() {
                    page.url = attr("href");
                }
            }
            "title" if title_tag.is_none() => title_tag = Some(text_of(&tokens, i)),
            "h1" if h1.is_none() => h1 = Some(text_of(&tokens, i)),
            "time" => {
                if let Some(value) = attr("datetime").filter(|v| !v.is_empty()) {
                    let marked = attr("pubdate").is_some()
                        || attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    times.push((i, value, marked));
                }
            }
            "script" => {
                let ld =
                    attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                if let (true, Some(Token::Text(raw))) = (ld, tokens.get(i + 1))
                    && let Ok(value) = serde_json::from_str::<serde_json::Value>(raw)
                {
                    json_ld.push(value);
                }
            }
            _ => {}
        }
    }
    let (start, end) = main_range(&tokens);
    // A marked time, else the first in the main content (not a sidebar's), else the first.
    let time_datetime = times
        .iter()
        .find(|t| t.2)
        .or_else(|| times.iter().find(|t| (start..end).contains(&t.0)))
        .or(times.first())
        .map(|t| t.1.clone());
    let ld = |key: &str| json_ld.iter().find_map(|v| find_key(v, key));
    let meta_of = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).cloned());

    page.publisher = meta_of(&["og:site_name", "application-name"]).or_else(|| ld("publisher"));
    page.url = page.url.take().or_else(|| meta_of(&["og:url"]));
    page.author = meta_of(&["author", "article:author"]).or_else(|| ld("author"));
    page.published_text = meta_of(&["article:published_time", "og:published_time"])
        .or_else(|| ld("datePublished"))
        .or(time_datetime)
        .or_else(|| {
            meta_of(&[
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "datepublished",
                "sailthru.date",
            ])
        });
    page.tags = meta
        .get("keywords")
        .or_else(|| meta.get("news_keywords"))
        .map(|k| {
            k.split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    page.title = meta_of(&["og:title", "twitter:title"])
        .or_else(|| ld("headline"))
        .or_else(|| {
            title_tag
                .map(|t| strip_site_suffix(&t, page.publisher.as_deref()))
                .filter(|t| !t.is_empty())
        })
        .or(h1)
        .map(|t| decode_entities(&t).trim().to_string())
        .filter(|t| !t.is_empty());

    let text = chrome::strip(&render(&tokens[start..end]));
    // The headline repeated at the top of the body is not text of its own.
    page.text = match (&page.title, text.split_once("\n\n")) {
        (Some(title), Some((first, rest))) if first.trim() == title => rest.to_string(),
        (Some(title), None) if text.trim() == title => String::new(),
        _ => text,
    };
    page
}

/// "Headline | Site name" → "Headline".
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let mut title = title.trim().to_string();
    loop {
        let cut = TITLE_SEPARATORS
            .iter()
            .chain(site.is_some().then_some(&" - "))
            .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
            .max();
        let Some((i, len)) = cut else { break };
        let suffix = title[i + len..].trim();
        let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(suffix));
        if i == 0 || !(is_site || suffix.split_whitespace().count() <= 4) {
            break;
        }
        title.truncate(i);
    }
    title.trim().to_string()
}

/// A JSON-LD value for `key` anywhere in the document: strings as is, `{name}` objects by name.
fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(key) {
                let found = match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
                    Value::Array(items) => items.iter().find_map(|i| match i {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => {
                            o.get("name").and_then(Value::as_str).map(str::to_string)
                        }
                        _ => None,
                    }),
                    _ => None,
                };
                if let Some(found) = found.filter(|s| !s.trim().is_empty()) {
                    return Some(found.trim().to_string());
                }
            }
            map.values().find_map(|v| find_key(v, key))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// The tokens of the main content: the `<article>` with the most text, else `<main>`, else
/// `<body>`, else the whole page.
fn main_range(tokens: &[Token]) -> (usize, usize) {
    for names in [&["article"][..], &["main"], &["body"]] {
        let mut best: Option<(usize, usize, usize)> = None;
        let mut i = 0;
        while i < tokens.len() {
            if let Token::Start { name, .. } = &tokens[i]
                && names.contains(&name.as_str())
            {
                let end = matching_end(tokens, i);
                let size: usize = tokens[i..end]
                    .iter()
                    .map(|t| match t {
                        Token::Text(s) => s.trim().len(),
                        _ => 0,
                    })
                    .sum();
                if best.is_none_or(|(_, _, b)| size > b) {
                    best = Some((i, end, size));
                }
                i = end;
                continue;
            }
            i += 1;
        }
        if let Some((start, end, _)) = best {
            return (start, end);
        }
    }
    (0, tokens.len())
}

/// The index just after the end tag closing the element started at `start` (or the end).
fn matching_end(tokens: &[Token], start: usize) -> usize {
    let Token::Start { name, closed, .. } = &tokens[start] else {
        return start + 1;
    };
    if *closed || VOID.contains(&name.as_str()) {
        return start + 1;
    }
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(start) {
        match token {
            Token::Start {
                name: n,
                closed: false,
                ..
            } if n == name => depth += 1,
            Token::End(n) if n == name => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

fn text_of(tokens: &[Token], start: usize) -> String {
    let end = matching_end(tokens, start);
    let mut out = String::new();
    for token in &tokens[start..end] {
        if let Token::Text(s) = token {
            out.push_str(&decode_entities(s));
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_chrome(name: &str, attrs: &[(String, String)]) -> bool {
    DROPPED.contains(&name)
        || attrs.iter().any(|(k, v)| match k.as_str() {
            "class" | "id" => CHROME_CLASS.is_match(v),
            "role" => CHROME_ROLE.is_match(v.trim()),
            "hidden" => true,
            "aria-hidden" => v.eq_ignore_ascii_case("true"),
            _ => false,
        })
}

/// The text a browser would show for an HTML fragment (an HTML block inside Markdown): tags
/// dropped, scripts, styles and page chrome dropped with their contents, entities decoded.
pub fn fragment_text(html: &str) -> String {
    render(&tokenize(html))
}

/// Plain text of `tokens`: block elements become paragraph breaks, chrome elements are dropped.
fn render(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Start { name, attrs, .. } => {
                if is_chrome(name, attrs) {
                    i = matching_end(tokens, i);
                    line_break(&mut out, 2);
                    continue;
                }
                if LINE_BREAKS.contains(&name.as_str()) {
                    line_break(&mut out, 1);
                } else if PARAGRAPH_BREAKS.contains(&name.as_str()) {
                    line_break(&mut out, 2);
                }
            }
            Token::End(name) => {
                if LINE_BREAKS.contains(&name.as_str()) {
                    line_break(&mut out, 1);
                } else if PARAGRAPH_BREAKS.contains(&name.as_str()) {
                    line_break(&mut out, 2);
                } else if matches!(name.as_str(), "td" | "th") {
                    out.push(' ');
                }
            }
            Token::Text(s) => {
                let text = decode_entities(s).replace('\n', " ");
                // Indentation between block tags must not make blank lines of its own.
                if !(text.trim().is_empty() && (out.is_empty() || out.ends_with('\n'))) {
                    out.push_str(&text);
                }
            }
        }
        i += 1;
    }
    tidy(&out)
}

/// Ends `out` with `n` line breaks (not more), ignoring trailing spaces.
fn line_break(out: &mut String, n: usize) {
    out.truncate(out.trim_end_matches([' ', '\t']).len());
    let have = out.len() - out.trim_end_matches('\n').len();
    if !out.is_empty() {
        for _ in have..n {
            out.push('\n');
        }
    }
}

/// Collapses spaces within lines and runs of blank lines into one.
pub fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Embassy hedges on meetings | The Moscow Times</title>
<meta property="og:site_name" content="The Moscow Times">
<meta property="article:published_time" content="2017-03-02T10:15:00+03:00">
<link rel="canonical" href="https://example.com/embassy">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2017-03-01","author":{"name":"Jane Doe"}}]}</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a></nav></header>
<div class="ad-slot">Buy things</div>
<article>
<h1>Embassy hedges on meetings</h1>
<figure><img src="a.jpg"><figcaption>Jeff Sessions Alex Brandon / AP</figcaption></figure>
<p>The embassy said &quot;no comment&quot; &amp; left&nbsp;it there.</p>
<p>Sessions met Kislyak&#8217;s aide in <b>September</b>.<br>He denied it.</p>
<script>var x = "<p>not text</p>";</script>
<div class="newsletter-signup"><p>Sign up now</p></div>
<aside>Related: other news</aside>
<ul><li>one</li><li>two</li></ul>
</article>
<footer>© 2017</footer>
</body></html>"#;

    #[test]
    fn reads_metadata_and_main_text() {
        let page = read(PAGE);
        assert_eq!(page.title.as_deref(), Some("Embassy hedges on meetings"));
        assert_eq!(page.publisher.as_deref(), Some("The Moscow Times"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/embassy"));
        assert_eq!(page.author.as_deref(), Some("Jane Doe"));
        assert_eq!(
            page.published_text.as_deref(),
            Some("2017-03-02T10:15:00+03:00")
        );
        assert_eq!(
            page.text,
            "The embassy said \"no comment\" & left it there.\n\nSessions met Kislyak’s aide in September.\nHe denied it.\n\none\ntwo"
        );
    }

    #[test]
    fn falls_back_to_title_tag_json_ld_and_time() {
        let page = read(
            "<title>A headline - Daily Planet</title><meta property=og:site_name content='Daily Planet'><p>Text <time datetime=\"2016-11-08\">Tuesday</time>.</p>",
        );
        assert_eq!(page.title.as_deref(), Some("A headline"));
        assert_eq!(page.published_text.as_deref(), Some("2016-11-08"));
        assert_eq!(page.text, "Text Tuesday.");
        let page = read(
            "<script type=\"application/ld+json\">{\"datePublished\":\"March 2, 2017\"}</script><h1>Only h1</h1><main><p>x</p></main>",
        );
        assert_eq!(page.title.as_deref(), Some("Only h1"));
        assert_eq!(page.published_text.as_deref(), Some("March 2, 2017"));
        assert_eq!(page.text, "x");
    }

    #[test]
    fn chrome_without_telltale_classes_goes_by_its_text() {
        let page = read(
            "<body><div class=top>×<br>Enjoying ad-free content?<br>Since July 1, 2024, we have disabled all ads.<br>Support us</div>\
             <div class=story><h2>Embassy hedges</h2><p>The embassy refused to confirm the meeting.</p>\
             <p>Sessions met Kislyak in September.</p>\
             <div class=box><p>Sign up for our free weekly newsletter</p><p>You will receive it in your mailbox every Friday.</p>\
             <p>Subscribers agree to the Privacy Policy</p></div>\
             <p><strong>A Message from The Moscow Times:</strong></p><p>Dear readers,</p><p>We are facing unprecedented challenges to our work and our staff.</p>\
             <p>Once</p><p>Monthly</p><p>Annual</p><p>Remind me later.</p></div></body>",
        );
        assert_eq!(
            page.text,
            "Embassy hedges\n\nThe embassy refused to confirm the meeting.\n\nSessions met Kislyak in September."
        );
    }

    #[test]
    fn prefers_the_time_of_the_article() {
        let page = read(
            "<aside><time datetime=\"2020-01-01\">x</time></aside><article><p>a</p><time datetime=\"2017-03-02\">y</time></article>",
        );
        assert_eq!(page.published_text.as_deref(), Some("2017-03-02"));
        let page = read(
            "<article><time datetime=\"2017-03-05\">updated</time><time pubdate datetime=\"2017-03-02\">y</time></article>",
        );
        assert_eq!(page.published_text.as_deref(), Some("2017-03-02"));
    }

    #[test]
    fn broken_markup_does_not_lose_text() {
        let page = read("<p>one<p>two <b unclosed <i>three</i> <a href=x>four");
        assert_eq!(page.text, "one\n\ntwo three four");
    }
}
