//! A small tolerant HTML tag scanner: start tags with attributes, end tags and text, comments
//! and doctypes skipped, raw-text elements (`script`, `style`) kept whole, never failing on
//! broken markup; and HTML entity decoding.

/// A piece of the page; names are lowercased, attribute values entity-decoded.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        closed: bool,
    },
    End(String),
    Text(&'a str),
}

/// Raw-text elements: their content is not markup.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp"];

pub fn tokenize(src: &str) -> Vec<Token<'_>> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let next = rest.get(1).copied().unwrap_or(0);
        let tag_end = if rest.starts_with(b"<!--") {
            find(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3)
        } else if next == b'!' || next == b'?' {
            find(bytes, i, b">").map_or(bytes.len(), |e| e + 1)
        } else if next == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, after) = name_at(src, i + 2);
            push_text(&mut tokens, &src[text_start..i]);
            tokens.push(Token::End(name));
            let end = find(bytes, after, b">").map_or(bytes.len(), |e| e + 1);
            i = end;
            text_start = end;
            continue;
        } else if next.is_ascii_alphabetic() {
            let (name, attrs, closed, end) = start_tag(src, i + 1);
            push_text(&mut tokens, &src[text_start..i]);
            let raw = RAW.contains(&name.as_str()) && !closed;
            tokens.push(Token::Start {
                name: name.clone(),
                attrs,
                closed,
            });
            i = end;
            text_start = end;
            if raw {
                let close = format!("</{name}");
                let stop = find_ci(src, end, &close).unwrap_or(src.len());
                push_text(&mut tokens, &src[end..stop]);
                tokens.push(Token::End(name));
                i = find(bytes, stop, b">").map_or(bytes.len(), |e| e + 1);
                text_start = i;
            }
            continue;
        } else {
            i += 1;
            continue;
        };
        push_text(&mut tokens, &src[text_start..i]);
        i = tag_end;
        text_start = tag_end;
    }
    push_text(&mut tokens, &src[text_start.min(src.len())..]);
    tokens
}

fn push_text<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str) {
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(src: &str, from: usize, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    src.as_bytes()
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// A tag or attribute name starting at `i`, lowercased, and the index after it.
fn name_at(src: &str, mut i: usize) -> (String, usize) {
    let bytes = src.as_bytes();
    let start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"/>=".contains(&bytes[i]) {
        i += 1;
    }
    (src[start..i].to_ascii_lowercase(), i)
}

type StartTag = (String, Vec<(String, String)>, bool, usize);

fn start_tag(src: &str, i: usize) -> StartTag {
    let bytes = src.as_bytes();
    let (name, mut i) = name_at(src, i);
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'>') {
                return (name, attrs, true, i + 2);
            }
            i += 1;
        }
        if i >= bytes.len() {
            return (name, attrs, false, i);
        }
        if bytes[i] == b'>' {
            return (name, attrs, false, i + 1);
        }
        let (key, after) = name_at(src, i);
        i = after.max(i + 1);
        let mut value = String::new();
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let start;
            match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    start = j + 1;
                    let end = find(bytes, start, &[q]).unwrap_or(bytes.len());
                    value = decode_entities(&src[start..end]);
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    start = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = decode_entities(&src[start..j]);
                    i = j;
                }
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("middot", "·"),
    ("bull", "•"),
    ("times", "×"),
    ("euro", "€"),
    ("pound", "£"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
];

/// `&amp;`, `&#8217;`, `&#x2019;` and the common named entities; anything else stays as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let ch = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32)
                    .map(|c| if c == '\u{a0}' { ' ' } else { c }.to_string())
            } else {
                ENTITIES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, s)| s.to_string())
            };
            ch.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((s, len)) => {
                out.push_str(&s);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities() {
        assert_eq!(
            decode_entities("a &amp; b &quot;c&quot; d&#8217;s &#x2019; &nbsp;e &bogus; & f"),
            "a & b \"c\" d’s ’  e &bogus; & f"
        );
    }

    #[test]
    fn scans_tags_attributes_and_raw_text() {
        let tokens = tokenize(
            "<!-- c --><P class=a id='b' data-x=y/z hidden>t</P><script>if (a<b) x='</p>';</script><br/>",
        );
        assert_eq!(
            tokens,
            [
                Token::Start {
                    name: "p".into(),
                    attrs: vec![
                        ("class".into(), "a".into()),
                        ("id".into(), "b".into()),
                        ("data-x".into(), "y/z".into()),
                        ("hidden".into(), String::new()),
                    ],
                    closed: false,
                },
                Token::Text("t"),
                Token::End("p".into()),
                Token::Start {
                    name: "script".into(),
                    attrs: vec![],
                    closed: false,
                },
                Token::Text("if (a<b) x='</p>';"),
                Token::End("script".into()),
                Token::Start {
                    name: "br".into(),
                    attrs: vec![],
                    closed: true,
                },
            ]
        );
    }
}
