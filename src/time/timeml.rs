//! TimeML (TempEval-3 `.tml`) reading and writing, so the tagger can be scored against gold
//! corpora and `annals tag --input timeml` can reread and rewrite such documents.
//!
//! The reader is deliberately small: it needs the DCT, the text inside `<TEXT>` with every tag
//! stripped and entities unescaped (the text the annotators saw), and the gold TIMEX3 spans as
//! byte offsets into that text. It is not a general XML parser.

use super::types::{NumericOrder, TagOptions, Timex, TimexMod, TimexType};
use crate::escape::markup;
use chrono::NaiveDate;
use std::fmt::Write as _;

/// One TimeML document: its creation time, plain text and temporal expressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDocument {
    pub id: String,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub timexes: Vec<Timex>,
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TimemlError {
    #[error("no <TEXT> element")]
    MissingText,
    #[error("unterminated tag at byte {0}")]
    UnterminatedTag(usize),
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" value="..."`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest.as_bytes()[pos - 1].is_ascii_whitespace();
        let after = &rest[pos + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let value = after_trim[1..].trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let inner = &value[1..];
                let close = inner.find(quote)?;
                return Some(&inner[..close]);
            }
        }
        rest = after;
    }
    None
}

fn timex_type(s: &str) -> TimexType {
    match s {
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => TimexType::Date,
    }
}

fn timex_mod(s: &str) -> Option<TimexMod> {
    Some(match s {
        "START" => TimexMod::Start,
        "MID" => TimexMod::Mid,
        "END" => TimexMod::End,
        "APPROX" => TimexMod::Approx,
        "BEFORE" => TimexMod::Before,
        "AFTER" => TimexMod::After,
        "ON_OR_BEFORE" => TimexMod::OnOrBefore,
        "ON_OR_AFTER" => TimexMod::OnOrAfter,
        "LESS_THAN" => TimexMod::LessThan,
        "MORE_THAN" => TimexMod::MoreThan,
        "EQUAL_OR_LESS" => TimexMod::EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod::EqualOrMore,
        _ => return None,
    })
}

/// Appends `raw` to `out` with XML entities decoded; unknown entities are kept verbatim.
fn unescape_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = after.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &after[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let code =
                        if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                            u32::from_str_radix(hex, 16).ok()
                        } else {
                            name.strip_prefix('#').and_then(|d| d.parse().ok())
                        };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Reads a TempEval-3 `.tml` document.
pub fn read(xml: &str) -> Result<TimemlDocument, TimemlError> {
    let id = between(xml, "<DOCID>", "</DOCID>")
        .unwrap_or("")
        .trim()
        .to_string();
    let dct = between(xml, "<DCT>", "</DCT>")
        .and_then(|dct| attribute(dct, "value"))
        .and_then(|v| v.get(..10))
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    let body = between(xml, "<TEXT>", "</TEXT>").ok_or(TimemlError::MissingText)?;
    let body_offset = xml.len() - xml[xml.find("<TEXT>").unwrap_or(0)..].len() + "<TEXT>".len();
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Vec<(usize, TimexType, String, Option<TimexMod>)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape_into(&rest[..lt], &mut text);
        let tag_start = &rest[lt + 1..];
        let gt = tag_start.find('>').ok_or(TimemlError::UnterminatedTag(
            body_offset + body.len() - rest.len() + lt,
        ))?;
        let tag = &tag_start[..gt];
        if let Some(attrs) = tag.strip_prefix("TIMEX3") {
            let kind = timex_type(attribute(attrs, "type").unwrap_or("DATE"));
            let value = attribute(attrs, "value").unwrap_or("").to_string();
            let modifier = attribute(attrs, "mod").and_then(timex_mod);
            if attrs.trim_end().ends_with('/') {
                // An empty TIMEX3 covers no text and cannot be scored.
            } else {
                open.push((text.len(), kind, value, modifier));
            }
        } else if tag.trim() == "/TIMEX3"
            && let Some((start, kind, value, modifier)) = open.pop()
        {
            timexes.push(Timex {
                start,
                end: text.len(),
                text: text[start..].to_string(),
                kind,
                value,
                modifier,
                interval: None,
            });
        }
        rest = &tag_start[gt + 1..];
    }
    unescape_into(rest, &mut text);
    timexes.sort_by_key(|t| t.start);
    Ok(TimemlDocument {
        id,
        dct,
        text,
        timexes,
    })
}

/// Rereads a TimeML document and rewrites it with the tagger's own TIMEX3 tags (anchored to
/// the document's DCT) in place of whatever markup it had: `annals tag --input timeml`.
pub fn retag(xml: &str, numeric_order: NumericOrder) -> Result<String, TimemlError> {
    let doc = read(xml)?;
    let options = TagOptions {
        dct: doc.dct,
        numeric_order,
    };
    let found = super::tag_with(&doc.text, &options);
    Ok(write(&doc.id, doc.dct, &doc.text, &found))
}

/// Reads every `.tml` file of a folder, in file name order. Files that are not TimeML are
/// reported as errors with their path.
pub fn read_dir(
    dir: &std::path::Path,
) -> anyhow::Result<Vec<(std::path::PathBuf, TimemlDocument)>> {
    use anyhow::Context as _;
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let xml =
                std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            let doc = read(&xml).with_context(|| format!("parsing {}", p.display()))?;
            Ok((p, doc))
        })
        .collect()
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

/// Writes a TempEval-style document with `timexes` inline in `text` (they must be sorted and
/// non-overlapping, as `tag` returns them). Expressions that do not fit are left out rather
/// than producing broken markup.
pub fn write(id: &str, dct: Option<NaiveDate>, text: &str, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(text.len() + timexes.len() * 80 + 400);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML>\n\n");
    let _ = writeln!(out, "<DOCID>{}</DOCID>\n", markup(id));
    if let Some(dct) = dct {
        let v = dct.format("%Y-%m-%d");
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{v}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>\n"
        );
    }
    out.push_str("<TEXT>");
    let mut pos = 0;
    let mut tid = 1;
    for t in timexes {
        let fits = t.start >= pos
            && t.end > t.start
            && text.get(t.start..t.end).is_some()
            && text.is_char_boundary(t.start);
        if !fits {
            continue;
        }
        out.push_str(&markup(&text[pos..t.start]));
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"",
            t.kind.as_str(),
            markup(&t.value)
        );
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{}\"", m.as_str());
        }
        let _ = write!(out, ">{}</TIMEX3>", markup(&text[t.start..t.end]));
        tid += 1;
        pos = t.end;
    }
    out.push_str(&markup(&text[pos..]));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t3" type="DATE" value="1998-01-07">yesterday</TIMEX3> &lt;b&gt; for <TIMEX3 tid="t4" type="DURATION" value="P2D" mod="APPROX">two days</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_dct_text_and_gold_spans() {
        let doc = read(DOC).unwrap();
        assert_eq!(doc.id, "X1");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "\nAT&T fell yesterday <b> for two days.\n");
        assert_eq!(doc.timexes.len(), 2);
        let y = &doc.timexes[0];
        assert_eq!(&doc.text[y.start..y.end], "yesterday");
        assert_eq!(y.value, "1998-01-07");
        assert_eq!(doc.timexes[1].kind, TimexType::Duration);
        assert_eq!(doc.timexes[1].modifier, Some(TimexMod::Approx));
    }

    #[test]
    fn written_documents_read_back_identically() {
        let doc = read(DOC).unwrap();
        let xml = write(&doc.id, doc.dct, &doc.text, &doc.timexes);
        let again = read(&xml).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn retagging_replaces_the_markup_with_our_own() {
        let xml = retag(DOC, NumericOrder::MonthFirst).unwrap();
        assert!(!xml.contains("<EVENT"));
        let again = read(&xml).unwrap();
        assert_eq!(again.text, read(DOC).unwrap().text);
        let values: Vec<&str> = again.timexes.iter().map(|t| t.value.as_str()).collect();
        // The DCT is Thursday 1998-01-08, so "yesterday" is 1998-01-07.
        assert_eq!(values, ["1998-01-07", "P2D"]);
    }

    #[test]
    fn missing_text_is_an_error() {
        assert_eq!(read("<TimeML></TimeML>"), Err(TimemlError::MissingText));
    }
}
