//! The theme's templates: the built-in default theme, with a site's own
//! `themes/<theme>/templates/*.html` replacing built-in files of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use tera::{ErrorKind, Tera};

use crate::error::ContentError;

/// The default theme's templates, compiled in.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "event_card.html",
        include_str!("../../themes/default/templates/event_card.html"),
    ),
    (
        "event.html",
        include_str!("../../themes/default/templates/event.html"),
    ),
    (
        "article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "terms.html",
        include_str!("../../themes/default/templates/terms.html"),
    ),
    (
        "term.html",
        include_str!("../../themes/default/templates/term.html"),
    ),
    (
        "pager.html",
        include_str!("../../themes/default/templates/pager.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
];

/// The default theme's static files, compiled in.
pub const STATIC: &[(&str, &str)] = &[
    // A file rather than a data: URL, so no page carries a data: link at all.
    (
        "favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "timeline.js",
        include_str!("../../themes/default/static/timeline.js"),
    ),
];

/// Loaded templates and where each came from, to point errors at the right file.
pub struct Templates {
    pub tera: Tera,
    /// Template name → (file shown in errors, its text).
    sources: BTreeMap<String, (PathBuf, String)>,
}

impl Templates {
    /// The built-in templates overridden by those in `theme_dir/templates` (if it exists).
    pub fn load(theme_dir: &Path) -> anyhow::Result<Templates> {
        let mut sources: BTreeMap<String, (PathBuf, String)> = BUILTIN
            .iter()
            .map(|(name, text)| {
                let shown = Path::new("themes/default/templates").join(name);
                (name.to_string(), (shown, text.to_string()))
            })
            .collect();
        let dir = theme_dir.join("templates");
        if dir.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .with_context(|| format!("cannot list the templates in {}", dir.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "html" || e == "xml"))
                .collect();
            files.sort();
            for path in files {
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read the template {}", path.display()))?;
                sources.insert(name.to_string(), (path.clone(), text));
            }
        }
        let mut tera = Tera::new();
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(name, (_, text))| (name.as_str(), text.as_str())),
        )
        .map_err(|e| template_error(&sources, &dir, e))?;
        Ok(Templates { tera, sources })
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|e| template_error(&self.sources, Path::new(name), e))?;
        Ok(out)
    }
}

/// Tera's HTML escaping (`&`, `<`, `>`, `"`, `'`), byte for byte the same output, but writing the
/// runs between special characters in one call instead of one call per byte: escaping was a
/// large share of rendering a page.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escaped)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// A Tera error as a [`ContentError`] pointing at the template file, line and column.
fn template_error(
    sources: &BTreeMap<String, (PathBuf, String)>,
    fallback: &Path,
    error: tera::Error,
) -> anyhow::Error {
    let content = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let (path, text) = sources
                .get(report.filename())
                .map(|(p, t)| (p.clone(), t.as_str()))
                .unwrap_or_else(|| (PathBuf::from(report.filename()), ""));
            let span = report.span();
            let error = ContentError::new(path, format!("template error: {}", report.message()));
            let error = if text.is_empty() {
                ContentError {
                    location: Some((span.start_line, span.start_col + 1)),
                    ..error
                }
            } else {
                error.at(text, span.start_line, span.start_col + 1)
            };
            let line = text
                .lines()
                .nth(span.start_line.saturating_sub(1))
                .unwrap_or("");
            let message = report.message();
            let undefined = message.contains("undefined") || message.contains("not defined");
            if undefined && CARD_LACKS.iter().any(|f| line.contains(f)) {
                error.help(
                    "listings (index, year, tag, name and article pages) give each event as a \
                     card, without its sources' quote and phrase; only event.html has them",
                )
            } else {
                error
            }
        }
        ErrorKind::MissingParent { current, .. }
        | ErrorKind::CircularExtend { tpl: current, .. }
        | ErrorKind::CircularInclude { tpl: current, .. } => {
            let path = sources
                .get(current)
                .map_or_else(|| PathBuf::from(current), |s| s.0.clone());
            ContentError::new(path, format!("template error: {}", error.kind()))
        }
        // Unknown filters, tests, components and includes come as a report already written out.
        _ => match parse_report(&error.to_string()) {
            Some((name, line, column, message)) => {
                let (path, text) = sources
                    .get(&name)
                    .map(|(p, t)| (p.clone(), t.as_str()))
                    .unwrap_or_else(|| (PathBuf::from(&name), ""));
                ContentError::new(path, format!("template error: {message}")).at(text, line, column)
            }
            None => ContentError::new(fallback, format!("template error: {error}")),
        },
    };
    anyhow::Error::new(content)
}

/// The source fields a card lacks (see `values.rs`): an undefined value on a line that reads
/// one is most likely a listing template reading them.
const CARD_LACKS: [&str; 2] = [".quote", ".phrase"];

/// The first `error: message` and `--> name:line:column` of a Tera report.
fn parse_report(report: &str) -> Option<(String, usize, usize, String)> {
    let message = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))?
        .to_string();
    let locus = report.lines().find_map(|l| l.trim().strip_prefix("--> "))?;
    let mut parts = locus.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    let name = parts.next()?.to_string();
    Some((name, line, column, message))
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_matches_teras_own() {
        for text in ["", "plain", "<a href=\"x\">&'</a>", "é<ü>&&", "'", "end&"] {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            super::escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut theirs).unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
