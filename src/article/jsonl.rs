//! JSON Lines collections: one article a line.

use std::path::Path;

use serde::Deserialize;

use crate::error::ContentError;

#[derive(Debug, Deserialize)]
pub struct Line {
    pub id: serde_json::Value,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, alias = "time")]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub sentences: Option<Vec<String>>,
    #[serde(default, alias = "source")]
    pub publisher: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Line {
    pub fn id(&self) -> String {
        match &self.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    pub fn text(&self) -> String {
        match (&self.text, &self.sentences) {
            (Some(text), _) => text.clone(),
            (None, Some(sentences)) => sentences.join(" "),
            (None, None) => String::new(),
        }
    }
}

/// Every non-blank line of `source`, parsed; the first bad line is an error pointing at it.
pub fn read(path: &Path, source: &str) -> Result<Vec<Line>, ContentError> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(line).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            ContentError::new(
                path,
                format!("JSON Lines article does not parse: {message}"),
            )
            .at(source, i + 1, e.column().max(1))
            .help("each line must be one JSON object like {\"id\": \"a1\", \"title\": \"...\", \"date\": \"2017-03-02\", \"text\": \"...\"}")
        })?;
        out.push(parsed);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_points_at_a_bad_one() {
        let lines = read(
            Path::new("content/c.jsonl"),
            "{\"id\": 7, \"time\": \"2005-05-07\", \"sentences\": [\"A .\", \"B .\"]}\n\n{\"id\": \"x\", \"text\": \"T\", \"source\": \"S\"}\n",
        )
        .unwrap();
        assert_eq!(lines[0].id(), "7");
        assert_eq!(lines[0].date.as_deref(), Some("2005-05-07"));
        assert_eq!(lines[0].text(), "A . B .");
        assert_eq!(lines[1].publisher.as_deref(), Some("S"));
        let err = read(
            Path::new("content/c.jsonl"),
            "{\"id\": 1}\n{\"id\": 2, \"title\": }\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "JSON Lines article does not parse: expected value\n  --> content/c.jsonl:2:20\n  |\n2 | {\"id\": 2, \"title\": }\n  |                    ^\n  = help: each line must be one JSON object like {\"id\": \"a1\", \"title\": \"...\", \"date\": \"2017-03-02\", \"text\": \"...\"}"
        );
        let err = read(Path::new("c.jsonl"), "{\"title\": \"no id\"}").unwrap_err();
        assert_eq!(err.location, Some((1, 18)));
    }
}
