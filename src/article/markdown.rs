//! Markdown bodies to plain text: paragraphs separated by blank lines, headings as their own
//! paragraph, list items as lines, links as their text, code kept, no markup left.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The plain text of a Markdown body and its first heading (a title when the front matter has
/// none).
pub fn to_text(markdown: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut first_heading: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut lists = 0usize;
    let mut images = 0usize;
    // Raw HTML blocks, gathered until the block ends, then read as a browser would show them:
    // prose beside a `<script>` or inside a `<div>` is text of the article.
    let mut html_block = String::new();
    // Inside an inline `<script>` or `<style>`: its text is code, not prose.
    let mut in_code_element = false;
    // No smart punctuation: quotes must match the article as its author wrote it.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        if let Event::Html(html) = &event {
            html_block.push_str(html);
            continue;
        }
        flush_html(&mut out, &mut html_block);
        match event {
            Event::InlineHtml(tag) => {
                let tag = tag.to_ascii_lowercase();
                if tag.starts_with("<script") || tag.starts_with("<style") {
                    in_code_element = true;
                } else if tag.starts_with("</script") || tag.starts_with("</style") {
                    in_code_element = false;
                }
            }
            Event::Text(_) if in_code_element => {}
            Event::Start(Tag::Heading { .. }) => {
                paragraph(&mut out);
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                paragraph(&mut out);
                if let Some(h) = heading.take()
                    && first_heading.is_none()
                    && !h.trim().is_empty()
                {
                    first_heading = Some(h.trim().to_string());
                }
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {
                if lists > 0 {
                    line(&mut out);
                } else {
                    paragraph(&mut out);
                }
            }
            Event::Start(Tag::List(_)) => {
                if lists == 0 {
                    paragraph(&mut out);
                }
                lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                lists = lists.saturating_sub(1);
                if lists == 0 {
                    paragraph(&mut out);
                } else {
                    line(&mut out);
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => line(&mut out),
            Event::Start(Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_))
            | Event::End(TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table)
            | Event::Start(Tag::FootnoteDefinition(_))
            | Event::End(TagEnd::FootnoteDefinition)
            | Event::Rule => paragraph(&mut out),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => line(&mut out),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if images == 0 => {
                out.push_str(&text);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
            }
            // Kept as a line break so page chrome pasted into Markdown is still seen line by line.
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => line(&mut out),
            _ => {}
        }
    }
    flush_html(&mut out, &mut html_block);
    (super::html::tidy(&out), first_heading)
}

/// Appends the text of a gathered HTML block as a paragraph of its own.
fn flush_html(out: &mut String, html_block: &mut String) {
    if html_block.is_empty() {
        return;
    }
    let text = super::html::fragment_text(html_block);
    html_block.clear();
    if !text.is_empty() {
        paragraph(out);
        out.push_str(&text);
        paragraph(out);
    }
}

fn line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        line(out);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_plain_text() {
        let (text, heading) = to_text(
            "# The *embassy* hedges\n\nFirst **para** with a [link](http://x) and `code`.\nSame para.\n\n- one\n- two\n  - nested\n\n```\nlet x = 1;\nlet y = 2;\n```\n\n> quoted\n\n![alt text](a.png)\n\nLast.",
        );
        assert_eq!(heading.as_deref(), Some("The embassy hedges"));
        assert_eq!(
            text,
            "The embassy hedges\n\nFirst para with a link and code.\nSame para.\n\none\ntwo\nnested\n\nlet x = 1;\nlet y = 2;\n\nquoted\n\nLast."
        );
    }

    #[test]
    fn raw_html_keeps_the_text_a_browser_shows_and_drops_scripts() {
        let (text, _) = to_text(
            "<script>alert('body')</script> The embassy closed on Thursday.\n\n<div class=\"story\">\n<p>Talks &amp; more talks.</p>\n</div>\n\nInline <b>bold</b> and <script>alert(2)</script> end.\n\n<style>p{}</style>\n<div class=\"newsletter\">Subscribe now</div>\n",
        );
        assert_eq!(
            text,
            "The embassy closed on Thursday.\n\nTalks & more talks.\n\nInline bold and end."
        );
    }
}
