//! Errors a user can fix in their own files, told the way rustc tells them: what is wrong, where
//! (file:line:column), the offending line, and how to fix it.
//!
//! Anything else (I/O, usage) travels as `anyhow::Error` with context; the CLI maps a
//! [`ContentError`] anywhere in the chain to exit code 1 and everything else to 2. A usage
//! mistake that still deserves a located message (no site.toml here) is a [`UsageError`]: told
//! the same way, exit code 2.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in a user's content, configuration, templates or event files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub path: PathBuf,
    pub message: String,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    /// The offending line as written.
    pub snippet: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl ContentError {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ContentError {
            path: path.into(),
            message: message.into(),
            location: None,
            snippet: None,
            help: None,
        }
    }

    /// Points at `line:column` (1-based) of `source`, the file's text, and quotes that line. A
    /// line past the end (a parser that also counts a bare CR as a line break) becomes the last.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        let line = line.clamp(1, source.lines().count().max(1));
        self.location = Some((line, column.max(1)));
        self.snippet = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_string);
        self
    }

    /// Points at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_column(source, offset);
        self.at(source, line, column)
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A mistake in how annals was run (in a folder that is not a site), told like a
/// [`ContentError`] but not one: the content is fine, so the exit code is 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub ContentError);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for UsageError {}

/// A YAML or TOML parser's message about one of its limits (nesting depth, node count, bytes),
/// in words a writer can act on; any other message unchanged.
pub fn plain_parser_message(message: &str) -> String {
    let lower = message.to_ascii_lowercase();
    if lower.contains("recursion") || lower.contains("depth") {
        "lists or mappings are nested too deeply (annals reads at most 64 levels)".to_string()
    } else if let Some(limit) = message.strip_prefix("budget breached: ") {
        format!("it is too large to read safely (over the parser's limit: {limit}); split it up")
    } else {
        message.to_string()
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.message)?;
        match self.location {
            Some((line, column)) => write!(f, "  --> {}:{line}:{column}", self.path.display())?,
            None => write!(f, "  --> {}", self.path.display())?,
        }
        if let (Some((line, column)), Some(snippet)) = (self.location, &self.snippet) {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, caret_pad) = window(snippet, column);
            write!(f, "\n{pad} |\n{number} | {shown}\n{pad} | {caret_pad}^")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

/// Characters of the quoted line shown on each side of the column.
const WINDOW: usize = 60;

/// The part of `line` around the 1-based `column` that an error quotes, and the padding that
/// puts a caret under that column. A long line (a minified file, a 10 MB paragraph) is cut to
/// [`WINDOW`] characters each side, marked with `…`; control characters (terminal escapes, CR,
/// NUL) and bidirectional overrides, which would garble or reorder the terminal, become `�`.
fn window(line: &str, column: usize) -> (String, String) {
    let col = column.saturating_sub(1);
    let start = col.saturating_sub(WINDOW);
    let mut shown = String::new();
    let mut caret_pad = String::new();
    if start > 0 {
        shown.push('…');
        caret_pad.push(' ');
    }
    let mut chars = line.chars().skip(start);
    for i in start..col + WINDOW {
        let Some(c) = chars.next() else {
            break;
        };
        let c = match c {
            '\t' => '\t',
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                '\u{FFFD}'
            }
            c => c,
        };
        if i < col {
            caret_pad.push(if c == '\t' { '\t' } else { ' ' });
        }
        shown.push(c);
    }
    if chars.next().is_some() {
        shown.push('…');
    }
    (shown, caret_pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_line_and_column_with_the_offending_line() {
        let source = "---\ntitle: x\ndate: [2017\n---\n";
        let err = ContentError::new("content/a.md", "front matter does not parse")
            .at_offset(source, source.find('[').unwrap())
            .help("close the list");
        assert_eq!(
            err.to_string(),
            "front matter does not parse\n  --> content/a.md:3:7\n  |\n3 | date: [2017\n  |       ^\n  = help: close the list"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column_and_escapes_neutralised() {
        let line = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let err = ContentError::new("a.md", "bad").at(&line, 1, 1001);
        let text = err.to_string();
        assert!(text.len() < 400, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let caret = lines[4].chars().position(|c| c == '^').unwrap();
        assert_eq!(lines[3].chars().nth(caret), Some('X'), "{text}");
        assert!(
            lines[3].starts_with("1 | …a") && lines[3].ends_with("b…"),
            "{text}"
        );

        let err = ContentError::new("a.md", "bad").at("x: \u{1b}[2J\u{202E}\r\0y", 1, 9);
        let text = err.to_string();
        assert!(
            !text.contains(['\u{1b}', '\u{202E}', '\r', '\0']),
            "{text:?}"
        );
        assert!(text.contains("1 | x: �[2J���y\n  |         ^"), "{text}");
    }

    #[test]
    fn parser_limits_are_named_in_plain_words() {
        for jargon in [
            "budget breached: Depth { depth: 65 }",
            "recursion limit exceeded",
            "cannot recurse further; max recursion depth met",
        ] {
            assert_eq!(
                plain_parser_message(jargon),
                "lists or mappings are nested too deeply (annals reads at most 64 levels)"
            );
        }
        assert_eq!(
            plain_parser_message("budget breached: Nodes { nodes: 250001 }"),
            "it is too large to read safely (over the parser's limit: Nodes { nodes: 250001 }); split it up"
        );
        assert_eq!(plain_parser_message("expected string"), "expected string");
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        assert_eq!(line_column("é\nb", 1), (1, 1));
        assert_eq!(line_column("a", 99), (1, 2));
    }
}
