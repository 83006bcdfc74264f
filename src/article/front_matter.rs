//! YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.

use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{ContentError, line_column};

/// The keys annals reads; anything else gets a warning with a did-you-mean.
pub const KEYS: &[&str] = &[
    "title",
    "date",
    "source",
    "publisher",
    "url",
    "author",
    "tags",
    "draft",
];

#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
}

/// The front matter (if any), the body after it, and warnings about unknown keys.
pub struct Parsed<'a> {
    pub front: FrontMatter,
    pub body: &'a str,
    pub warnings: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Yaml,
    Toml,
}

/// Splits and parses the front matter of `source`; `path` only names the file in errors.
pub fn parse<'a>(path: &Path, source: &'a str) -> Result<Parsed<'a>, ContentError> {
    let (format, fence) = match source.lines().next().map(str::trim_end) {
        Some("---") => (Format::Yaml, "---"),
        Some("+++") => (Format::Toml, "+++"),
        _ => {
            return Ok(Parsed {
                front: FrontMatter::default(),
                body: source,
                warnings: Vec::new(),
            });
        }
    };
    let start = source.find('\n').map_or(source.len(), |i| i + 1);
    let mut offset = start;
    let mut end = None;
    for line in source[start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (format == Format::Yaml && bare == "...") {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((text_end, body_start)) = end else {
        return Err(ContentError::new(path, "front matter is never closed")
            .at(source, 1, 1)
            .help(format!(
                "end the front matter with a line holding only `{fence}`"
            )));
    };
    let text = &source[start..text_end];
    let first_line = line_column(source, start).0;
    let map = match format {
        Format::Yaml => yaml(path, source, text, first_line)?,
        Format::Toml => toml_table(path, source, text, start)?,
    };
    let (front, warnings) = fields(path, source, text, first_line, map)?;
    Ok(Parsed {
        front,
        body: &source[body_start..],
        warnings,
    })
}

fn yaml(
    path: &Path,
    source: &str,
    text: &str,
    first_line: usize,
) -> Result<Map<String, Value>, ContentError> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_saphyr::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err(not_a_table(path, source, first_line)),
        Err(e) => {
            let (line, column) = e
                .location()
                .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            // Its own "line 2 column 7" counts inside the front matter: drop it.
            let full = e.to_string();
            let message = first_line_of(&full);
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            let message = match message.split_once(": ") {
                Some((at, rest)) if at.starts_with("line ") && at.contains(" column ") => rest,
                _ => message,
            };
            // Also a trailing " at line 5, column 1" of its own.
            let message = match message.rsplit_once(" at line ") {
                Some((rest, at)) if at.contains(", column ") => rest,
                _ => message,
            };
            Err(
                ContentError::new(
                    path,
                    format!(
                        "front matter does not parse: {}",
                        crate::error::plain_parser_message(message)
                    ),
                )
                    .at(source, first_line + line.max(1) - 1, column.max(1))
                    .help("front matter between `---` lines is YAML: `key: value` on each line, lists as `[a, b]`; quote values holding `: ` or starting with `[`, `{`, `*`, `&`"),
            )
        }
    }
}

fn toml_table(
    path: &Path,
    source: &str,
    text: &str,
    start: usize,
) -> Result<Map<String, Value>, ContentError> {
    match toml::from_str::<toml::Table>(text) {
        Ok(table) => Ok(table
            .into_iter()
            .map(|(k, v)| (k, toml_to_json(v)))
            .collect()),
        Err(e) => {
            let at = start + e.span().map_or(0, |s| s.start);
            Err(ContentError::new(
                path,
                format!(
                    "front matter does not parse: {}",
                    crate::error::plain_parser_message(&first_line_of(e.message()))
                ),
            )
            .at_offset(source, at)
            .help("front matter between `+++` lines is TOML: `key = \"value\"` on each line, lists as `[\"a\", \"b\"]`"))
        }
    }
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn first_line_of(message: &str) -> String {
    message.lines().next().unwrap_or("").trim().to_string()
}

fn not_a_table(path: &Path, source: &str, first_line: usize) -> ContentError {
    ContentError::new(path, "front matter is not a list of `key: value` lines")
        .at(source, first_line, 1)
        .help("write one `key: value` per line, e.g. `title: My article`")
}

fn fields(
    path: &Path,
    source: &str,
    text: &str,
    first_line: usize,
    map: Map<String, Value>,
) -> Result<(FrontMatter, Vec<String>), ContentError> {
    let mut front = FrontMatter::default();
    let mut warnings = Vec::new();
    // Where a key is written, for pointing at a value of the wrong type.
    let key_line = |key: &str| {
        text.lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with([':', '=']))
            })
            .map_or(first_line, |i| first_line + i)
    };
    let wrong = |key: &str, expected: &str, example: &str| {
        ContentError::new(path, format!("front matter `{key}` must be {expected}"))
            .at(source, key_line(key), 1)
            .help(format!("write it like `{example}`"))
    };
    for (key, value) in map {
        if value.is_null() {
            continue;
        }
        let text_value = |example: &str| match &value {
            Value::String(s) => Ok(s.trim().to_string()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err(wrong(&key, "text", example)),
        };
        match key.as_str() {
            "title" => front.title = Some(text_value("title: My article")?),
            "date" => front.date = Some(text_value("date: 2017-03-02")?),
            "source" | "publisher" => {
                front.publisher = Some(text_value("publisher: The Moscow Times")?)
            }
            "url" => front.url = Some(text_value("url: https://example.com/article")?),
            "author" => front.author = Some(text_value("author: Jane Doe")?),
            "draft" => {
                front.draft = value
                    .as_bool()
                    .ok_or_else(|| wrong(&key, "true or false", "draft: true"))?
            }
            "tags" => {
                front.tags = match &value {
                    Value::String(s) => vec![s.trim().to_string()],
                    Value::Array(items) => items
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(s.trim().to_string()),
                            Value::Number(n) => Ok(n.to_string()),
                            _ => Err(wrong(&key, "a list of words", "tags: [russia, usa]")),
                        })
                        .collect::<Result<_, _>>()?,
                    _ => return Err(wrong(&key, "a list of words", "tags: [russia, usa]")),
                }
            }
            _ => {
                let mut message = format!("unknown front matter key `{key}` is ignored");
                if let Some(near) = crate::suggest::closest(&key, KEYS.iter().copied()) {
                    message.push_str(&format!(" (did you mean `{near}`?)"));
                }
                warnings.push(message);
            }
        }
    }
    Ok((front, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(source: &str) -> Parsed<'_> {
        parse(Path::new("content/a.md"), source).unwrap()
    }

    fn err(source: &str) -> String {
        parse(Path::new("content/a.md"), source)
            .err()
            .unwrap()
            .to_string()
    }

    #[test]
    fn reads_yaml_keys() {
        let p = ok(
            "---\ntitle: Embassy hedges\ndate: 2017-03-02\nsource: The Moscow Times\ntags: [russia, usa]\ndraft: true\n---\nBody\n",
        );
        assert_eq!(p.front.title.as_deref(), Some("Embassy hedges"));
        assert_eq!(p.front.date.as_deref(), Some("2017-03-02"));
        assert_eq!(p.front.publisher.as_deref(), Some("The Moscow Times"));
        assert_eq!(p.front.tags, ["russia", "usa"]);
        assert!(p.front.draft);
        assert_eq!(p.body, "Body\n");
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn reads_toml_keys_and_dates() {
        let p = ok("+++\ntitle = \"T\"\ndate = 2017-03-02T10:15:00Z\npublisher = \"P\"\n+++\nBody");
        assert_eq!(p.front.title.as_deref(), Some("T"));
        assert_eq!(p.front.date.as_deref(), Some("2017-03-02T10:15:00Z"));
        assert_eq!(p.front.publisher.as_deref(), Some("P"));
        assert_eq!(p.body, "Body");
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let p = ok("# Title\n\ntext");
        assert_eq!(p.front, FrontMatter::default());
        assert_eq!(p.body, "# Title\n\ntext");
    }

    #[test]
    fn unknown_keys_warn_with_a_suggestion() {
        let p = ok("---\ntitel: T\nlayout: post\n---\n");
        assert_eq!(
            p.warnings,
            [
                "unknown front matter key `layout` is ignored",
                "unknown front matter key `titel` is ignored (did you mean `title`?)"
            ]
        );
    }

    #[test]
    fn yaml_error_points_into_the_file() {
        assert_eq!(
            err("---\ntitle: x\ndate: [2017\n---\nbody\n"),
            "front matter does not parse: unclosed bracket '['\n  --> content/a.md:3:7\n  |\n3 | date: [2017\n  |       ^\n  = help: front matter between `---` lines is YAML: `key: value` on each line, lists as `[a, b]`; quote values holding `: ` or starting with `[`, `{`, `*`, `&`"
        );
    }

    #[test]
    fn toml_error_points_into_the_file() {
        assert_eq!(
            err("+++\ntitle = \"x\"\ndate = = 2\n+++\nbody\n"),
            "front matter does not parse: extra `=`, expected nothing\n  --> content/a.md:3:8\n  |\n3 | date = = 2\n  |        ^\n  = help: front matter between `+++` lines is TOML: `key = \"value\"` on each line, lists as `[\"a\", \"b\"]`"
        );
    }

    #[test]
    fn wrong_types_and_unclosed_front_matter_are_errors() {
        assert_eq!(
            err("---\ntitle: x\ndraft: maybe\n---\n"),
            "front matter `draft` must be true or false\n  --> content/a.md:3:1\n  |\n3 | draft: maybe\n  | ^\n  = help: write it like `draft: true`"
        );
        assert_eq!(
            err("---\ntitle: x\n"),
            "front matter is never closed\n  --> content/a.md:1:1\n  |\n1 | ---\n  | ^\n  = help: end the front matter with a line holding only `---`"
        );
    }

    #[test]
    fn deep_nesting_is_refused_with_a_location_not_a_stack_overflow() {
        let yaml = format!("---\ntags: {}\n---\nText.\n", "[".repeat(100_000));
        let toml = format!("+++\ntags = {}\n+++\nText.\n", "[".repeat(100_000));
        let mut block = String::from("---\ntitle: A\nextra:\n");
        for depth in 1..2_000 {
            block.push_str(&" ".repeat(depth));
            block.push_str("a:\n");
        }
        block.push_str("---\nText.\n");
        for source in [yaml, toml, block] {
            let e = parse(Path::new("a.md"), &source).map(|_| ()).unwrap_err();
            let (line, _) = e.location.expect("located");
            assert!((2..=source.lines().count()).contains(&line), "{e}");
            let shown = e.to_string();
            assert!(shown.len() < 2_000, "{} bytes: {shown}", shown.len());
            assert!(shown.contains("nested too deeply"), "{shown}");
        }
    }

    #[test]
    fn bare_carriage_returns_do_not_point_past_the_end() {
        // Found by the front_matter fuzz target: YAML counts a lone CR as a line break.
        let source = "---\n#+--\r\r\r\r\0\n---\n'";
        let e = parse(Path::new("a.md"), source).map(|_| ()).unwrap_err();
        let (line, _) = e.location.unwrap();
        assert!(line <= source.lines().count(), "{e}");
        assert!(!e.message.contains(" at line "), "{e}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Any text after a `---` or `+++` fence: no panic, the body is the end of the file,
        /// and an error points at a line and column that exist.
        #[test]
        fn any_front_matter_is_parsed_or_located(
            fence in proptest::sample::select(vec!["---", "+++"]),
            front in "[a-z_:=\\[\\]{}\"'#&*!|>%@,\\- \\t\n0-9]{0,80}|\\PC{0,40}",
            close in proptest::bool::ANY,
            body in "\\PC{0,20}",
        ) {
            let source = if close {
                format!("{fence}\n{front}\n{fence}\n{body}")
            } else {
                format!("{fence}\n{front}")
            };
            match parse(Path::new("a.md"), &source) {
                Ok(parsed) => proptest::prop_assert!(source.ends_with(parsed.body)),
                Err(e) => {
                    if let Some((line, column)) = e.location {
                        let lines: Vec<&str> = source.lines().collect();
                        proptest::prop_assert!(line >= 1 && line <= lines.len().max(1), "{}", e);
                        let width = lines.get(line - 1).map_or(0, |l| l.chars().count());
                        proptest::prop_assert!(column >= 1 && column <= width + 1, "{}", e);
                    }
                }
            }
        }
    }
}
