//! Text made safe inside HTML and XML markup, in one place so that every output (pages, feeds,
//! TimeML) escapes the same way.

/// `text` escaped for element content and quoted attribute values of HTML and XML alike. The
/// control characters XML 1.0 forbids are dropped: a feed reader would reject the whole feed for
/// one of them, and a page shows nothing for them anyway.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // `&apos;` is not HTML 4; the numeric form is read the same by every parser.
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            markup("a<b & \"c\" 'd'\u{1}\u{FFFF}\te\n"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;\te\n"
        );
    }
}
