//! Event summaries: Markdown to safe HTML (raw HTML dropped, links limited to safe schemes,
//! images reduced to their text so a page never loads anything from elsewhere) and to plain text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// Whether a link target is allowed: http, https, mailto, or relative (no scheme at all).
pub fn safe_url(url: &str) -> bool {
    let url = url.trim();
    let scheme_end = url.find(|c| [':', '/', '?', '#'].contains(&c));
    match scheme_end {
        Some(i) if url[i..].starts_with(':') => {
            let scheme = url[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => !url.chars().any(|c| c.is_control()),
    }
}

/// The Markdown events with raw HTML removed, and the text inside inline `<script>` and
/// `<style>` elements with it (it is code, not prose).
fn without_html(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    let mut in_code_element = false;
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).filter(move |event| match event {
        Event::Html(_) => false,
        Event::InlineHtml(tag) => {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("<script") || tag.starts_with("<style") {
                in_code_element = true;
            } else if tag.starts_with("</script") || tag.starts_with("</style") {
                in_code_element = false;
            }
            false
        }
        Event::Text(_) => !in_code_element,
        _ => true,
    })
}

/// Markdown to HTML fit to insert into a page unescaped.
pub fn to_html(markdown: &str) -> String {
    let mut dropped_links = Vec::new();
    let events = without_html(markdown).filter_map(|event| match event {
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let safe = safe_url(dest_url);
            dropped_links.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link) => {
            let dropped = dropped_links.pop().unwrap_or(false);
            (!dropped).then_some(event)
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out.trim_end().to_string()
}

/// Markdown to plain text: what feeds, the calendar and the search index use.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in without_html(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_dropped_and_text_escaped() {
        let html = to_html("Hello <script>alert(1)</script> **world** & <b>you</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("<strong>world</strong>"), "{html}");
        assert!(html.contains("&amp;"), "{html}");
    }

    #[test]
    fn only_safe_links_survive() {
        let html =
            to_html("[a](https://x.org) [b](javascript:alert(1)) [c](../y/) [d](mailto:a@b.c)");
        assert!(html.contains(r#"<a href="https://x.org">a</a>"#), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains(" b "), "{html}");
        assert!(html.contains(r#"href="../y/""#), "{html}");
        assert!(html.contains("mailto:a@b.c"), "{html}");
        assert!(!safe_url("JavaScript:x") && !safe_url("data:text/html,x"));
    }

    #[test]
    fn images_become_their_alt_text() {
        let html = to_html("![a tracker](https://evil.example/pixel.gif)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a tracker"), "{html}");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(to_text("A *b* [c](https://x)\n\nD"), "A b c D");
        assert_eq!(to_text("A <script>x()</script><b>B</b>"), "A B");
    }
}
