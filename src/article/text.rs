//! Plain-text articles: header lines (`Date:`, `Title:`, ...), chrome removed, the first line as
//! the title when it looks like one.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome;

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(date|published|publication date|dateline|title|source|publisher|url|author|by)\s*:\s*(\S.*)$").unwrap()
});

#[derive(Debug, Default, PartialEq)]
pub struct Plain {
    pub title: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub text: String,
}

pub fn read(source: &str) -> Plain {
    let mut plain = Plain::default();
    let mut lines = source.lines().peekable();
    // Header lines at the very top ("Date: 2017-03-02").
    while let Some(line) = lines.peek() {
        let Some(c) = HEADER.captures(line.trim()) else {
            break;
        };
        let value = Some(c[2].trim().to_string());
        match c[1].to_ascii_lowercase().as_str() {
            "title" => plain.title = value,
            "source" | "publisher" => plain.publisher = value,
            "url" => plain.url = value,
            "author" | "by" => plain.author = value,
            _ => plain.date = value,
        }
        lines.next();
    }
    let rest: Vec<&str> = lines.collect();
    let text = chrome::strip(&rest.join("\n"));
    match text.split_once("\n\n") {
        Some((first, body)) if plain.title.is_none() && looks_like_title(first) => {
            plain.title = Some(first.to_string());
            plain.text = body.to_string();
        }
        _ => plain.text = text,
    }
    plain
}

/// Short, one line, no final period.
fn looks_like_title(paragraph: &str) -> bool {
    !paragraph.contains('\n')
        && paragraph.chars().count() <= 200
        && paragraph.split_whitespace().count() <= 30
        && !paragraph.ends_with(['.', ',', ';', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_and_title() {
        let plain = read(
            "Date: 2017-03-02\nSource: The Moscow Times\n\nEmbassy hedges\n\nThe embassy said.\n\nMore.",
        );
        assert_eq!(plain.date.as_deref(), Some("2017-03-02"));
        assert_eq!(plain.publisher.as_deref(), Some("The Moscow Times"));
        assert_eq!(plain.title.as_deref(), Some("Embassy hedges"));
        assert_eq!(plain.text, "The embassy said.\n\nMore.");
    }

    #[test]
    fn a_sentence_is_not_a_title_and_chrome_is_not_either() {
        let plain = read("The embassy said so.\n\nMore.");
        assert_eq!(plain.title, None);
        assert_eq!(plain.text, "The embassy said so.\n\nMore.");
        let plain = read("Read more\n\nA title\n\nBody.");
        assert_eq!(plain.title.as_deref(), Some("A title"));
        assert_eq!(plain.text, "Body.");
    }
}
