//! Errors a user can fix in their own files, told the way rustc tells them: what is wrong, where
//! (file:line:column), the offending line, and how to fix it.
//!
//! Anything else (I/O, usage) travels as `anyhow::Error` with context; the CLI maps a
//! [`ContentError`] anywhere in the chain to exit code 1 and everything else to 2.

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

    /// Points at `line:column` (1-based) of `source`, the file's text, and quotes that line.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.location = Some((line, column));
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
            let caret_pad: String = snippet
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n{pad} |\n{number} | {snippet}\n{pad} | {caret_pad}^")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}

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
    fn offsets_inside_a_character_do_not_panic() {
        assert_eq!(line_column("é\nb", 1), (1, 1));
        assert_eq!(line_column("a", 99), (1, 2));
    }
}
