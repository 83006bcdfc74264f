//! YAML text: writing whole event files, and appending a source to a file a person wrote or
//! edited without touching any other byte (comments, key order, quoting all survive).

use crate::event::{Event, Source};

/// The file annals writes for `event`: keys in [`Event`] field order, block style, a trailing
/// newline. Fails (rather than writing a file that reads back differently) if the text does not
/// round-trip.
pub(crate) fn to_yaml(event: &Event) -> Result<String, String> {
    let mut text = serde_saphyr::to_string(event).map_err(|e| e.to_string())?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match serde_saphyr::from_str::<Event>(&text) {
        Ok(back) if back == *event => Ok(text),
        _ => Err(format!(
            "event `{}` does not survive a YAML round trip",
            event.id
        )),
    }
}

/// `text` with `source` appended to its top-level `sources:` list (or a new `sources:` key at
/// the end). Everything else in `text` is kept byte for byte.
pub(crate) fn append_source(text: &str, source: &Source) -> Result<String, String> {
    let item = serde_saphyr::to_string(&[source]).map_err(|e| e.to_string())?;
    // Keep Windows line breaks if the file uses them.
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let item: String = item.lines().map(|l| format!("{l}{nl}")).collect();
    let lines = split_lines(text);
    let Some(key) = lines.iter().position(|l| is_sources_key(l.1)) else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str("sources:");
        out.push_str(nl);
        out.push_str(&item);
        return Ok(out);
    };
    let (key_start, key_line) = lines[key];
    let after_colon = key_line["sources:".len()..].trim_start();
    if let Some(rest) = after_colon.strip_prefix("[]") {
        // `sources: []`: drop the empty flow list, keep any comment after it.
        let rest = rest.trim_end_matches(['\r', '\n']);
        let cut = key_start + "sources:".len();
        let line_end = key_start + key_line.len();
        let mut out = String::with_capacity(text.len() + item.len());
        out.push_str(&text[..cut]);
        out.push_str(rest);
        out.push_str(nl);
        out.push_str(&item);
        out.push_str(&text[line_end..]);
        return Ok(out);
    }
    let value = after_colon.trim_end();
    if !value.is_empty() && !value.starts_with('#') {
        return Err("its `sources:` list is not in block style (`- article: ...` lines)".into());
    }
    // The list: following lines that are blank, comments, indented, or `-` items at column 0.
    let mut last_content = key;
    let mut indent = None;
    for (i, &(_, line)) in lines.iter().enumerate().skip(key + 1) {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let body = trimmed.trim_end_matches(['\r', '\n']);
        let is_item = body == "-" || body.starts_with("- ");
        let inside = body.is_empty() || body.starts_with('#') || trimmed.len() < line.len();
        if !(inside || is_item) {
            break;
        }
        if is_item && indent.is_none() {
            indent = Some(line.len() - trimmed.len());
        }
        // An indented line starting with `#` may be text of a block scalar (a quote line "#"),
        // so it counts as content: appending after an indented comment is harmless, appending
        // inside a block scalar is not.
        let indented = trimmed.len() < line.len();
        if !body.is_empty() && (!body.starts_with('#') || indented) {
            last_content = i;
        }
    }
    let pad = " ".repeat(indent.unwrap_or(0));
    let (start, line) = lines[last_content];
    let at = start + line.len();
    let mut out = String::with_capacity(text.len() + item.len() + 16);
    out.push_str(&text[..at]);
    if !line.ends_with('\n') {
        out.push_str(nl);
    }
    for item_line in item.split_inclusive('\n') {
        if !item_line.trim().is_empty() {
            out.push_str(&pad);
        }
        out.push_str(item_line);
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// Lines with their byte offsets, each keeping its line break.
fn split_lines(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        lines.push((start, line));
        start += line.len();
    }
    lines
}

/// A top-level `sources:` key (column 0), with an empty value, a comment or `[]` after it.
fn is_sources_key(line: &str) -> bool {
    line.strip_prefix("sources:")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(article: &str, quote: &str) -> Source {
        Source {
            article: article.into(),
            title: None,
            url: None,
            publisher: None,
            published: Some("2017-03-02".into()),
            quote: quote.into(),
            phrase: None,
        }
    }

    #[test]
    fn appends_after_the_last_item_keeping_comments_and_key_order() {
        let text = "# Checked by Ana against the paper.\ntitle: The vote   # shortened\nid: vote\ndate: 2017-03-01\nsources:\n  # the first report\n  - article: a1\n    quote: \"It passed.\"\n\nimportance: 4\n";
        let out = append_source(text, &source("a2", "Yes: it passed")).unwrap();
        assert_eq!(
            out,
            "# Checked by Ana against the paper.\ntitle: The vote   # shortened\nid: vote\ndate: 2017-03-01\nsources:\n  # the first report\n  - article: a1\n    quote: \"It passed.\"\n  - article: a2\n    published: \"2017-03-02\"\n    quote: \"Yes: it passed\"\n\nimportance: 4\n"
        );
    }

    #[test]
    fn items_at_column_zero_stay_at_column_zero() {
        let text = "id: x\ndate: 2017\ntitle: X\nsources:\n- article: a1\n  quote: q\nhidden: true";
        let out = append_source(text, &source("a2", "r")).unwrap();
        assert_eq!(
            out,
            "id: x\ndate: 2017\ntitle: X\nsources:\n- article: a1\n  quote: q\n- article: a2\n  published: \"2017-03-02\"\n  quote: r\nhidden: true"
        );
    }

    #[test]
    fn adds_a_sources_key_at_the_end_when_missing() {
        let text = "id: x\ndate: 2017\ntitle: X # mine";
        let out = append_source(text, &source("a2", "r")).unwrap();
        assert_eq!(
            out,
            "id: x\ndate: 2017\ntitle: X # mine\nsources:\n- article: a2\n  published: \"2017-03-02\"\n  quote: r\n"
        );
    }

    #[test]
    fn replaces_an_empty_flow_list() {
        let text = "id: x\nsources: [] # none yet\ndate: 2017\ntitle: X\n";
        let out = append_source(text, &source("a2", "r")).unwrap();
        assert_eq!(
            out,
            "id: x\nsources: # none yet\n- article: a2\n  published: \"2017-03-02\"\n  quote: r\ndate: 2017\ntitle: X\n"
        );
    }

    #[test]
    fn keeps_windows_line_breaks() {
        let text = "id: x\r\ndate: 2017\r\ntitle: X\r\nsources:\r\n- article: a1\r\n  quote: q\r\n";
        let out = append_source(text, &source("a2", "r")).unwrap();
        assert_eq!(
            out,
            format!("{text}- article: a2\r\n  published: \"2017-03-02\"\r\n  quote: r\r\n")
        );
    }

    #[test]
    fn refuses_a_flow_list_it_cannot_extend_safely() {
        let text = "id: x\ndate: 2017\ntitle: X\nsources: [{article: a, quote: q}]\n";
        assert!(append_source(text, &source("a2", "r")).is_err());
    }

    #[test]
    fn a_nested_sources_word_is_not_the_key() {
        let text = "id: x\ndate: 2017\ntitle: X\nsummary: |\n  sources: are many\n";
        let out = append_source(text, &source("a2", "r")).unwrap();
        assert!(out.starts_with(text), "{out}");
        assert!(
            out.ends_with("sources:\n- article: a2\n  published: \"2017-03-02\"\n  quote: r\n")
        );
    }
}
