//! An article's text as HTML paragraphs with every temporal expression marked up.

use crate::time::Timex;

use super::dates;
use crate::escape::markup;

/// Splits `text` into paragraphs at blank lines and wraps each tagged span in
/// `<mark class="timex">`, with a `<time datetime>` when the tagger resolved it and a tooltip
/// giving the TIMEX3 type, value and the days it covers. Spans that overlap an earlier one, cross
/// a paragraph break or do not fall on character boundaries are left unmarked.
pub fn highlight(text: &str, spans: &[Timex]) -> String {
    let mut spans: Vec<&Timex> = spans
        .iter()
        .filter(|t| {
            t.start < t.end
                && t.end <= text.len()
                && text.is_char_boundary(t.start)
                && text.is_char_boundary(t.end)
                && !text[t.start..t.end].contains("\n\n")
        })
        .collect();
    spans.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));

    let mut out = String::new();
    let mut next = spans.into_iter().peekable();
    for (start, end) in paragraphs(text) {
        out.push_str("<p>");
        let mut pos = start;
        while let Some(t) = next.peek() {
            if t.start >= end {
                break;
            }
            let t = next.next().expect("peeked");
            if t.start < pos || t.end > end {
                continue;
            }
            push_text(&mut out, &text[pos..t.start]);
            push_timex(&mut out, &text[t.start..t.end], t);
            pos = t.end;
        }
        push_text(&mut out, &text[pos..end]);
        out.push_str("</p>\n");
    }
    out
}

/// Byte ranges of the non-empty paragraphs, trimmed.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |s: usize, e: usize| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if s + lead < e - trail {
            out.push((s + lead, e - trail));
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(start, i);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    push(start, text.len());
    out
}

fn push_text(out: &mut String, text: &str) {
    // A single line break inside a paragraph is where the author's editor wrapped the line.
    out.push_str(&markup(text).replace('\n', " "));
}

fn push_timex(out: &mut String, text: &str, t: &Timex) {
    let mut title = format!("{} {}", t.kind.as_str(), t.value);
    if let Some(m) = t.modifier {
        title.push_str(&format!(" ({})", m.as_str()));
    }
    if let Some(i) = t.interval {
        let date = crate::time::Edtf::from_interval(i);
        title.push_str(&format!(
            ": {}",
            dates::human(&date, crate::config::DateFormat::Long)
        ));
        out.push_str(&format!(
            "<mark class=\"timex\" data-type=\"{}\" data-value=\"{}\" title=\"{}\"><time datetime=\"{}\">{}</time></mark>",
            t.kind.as_str(),
            markup(&t.value),
            markup(&title),
            dates::datetime_attr(&date),
            markup(text)
        ));
    } else {
        out.push_str(&format!(
            "<mark class=\"timex\" data-type=\"{}\" data-value=\"{}\" title=\"{}\">{}</mark>",
            t.kind.as_str(),
            markup(&t.value),
            markup(&title),
            markup(text)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Interval, TimexType};
    use chrono::NaiveDate;

    fn timex(text: &str, phrase: &str, value: &str, interval: Option<Interval>) -> Timex {
        let start = text.find(phrase).unwrap();
        Timex {
            start,
            end: start + phrase.len(),
            text: phrase.into(),
            kind: TimexType::Date,
            value: value.into(),
            modifier: None,
            interval,
        }
    }

    #[test]
    fn marks_each_span_with_its_resolved_date() {
        let text = "On Wednesday the <embassy> closed.\n\nIt reopened in 2018 & later.";
        let day = NaiveDate::from_ymd_opt(2017, 3, 1).unwrap();
        let spans = [
            timex(text, "Wednesday", "2017-03-01", Some(Interval::day(day))),
            timex(text, "2018", "2018", None),
        ];
        let html = highlight(text, &spans);
        assert_eq!(
            html,
            "<p>On <mark class=\"timex\" data-type=\"DATE\" data-value=\"2017-03-01\" title=\"DATE 2017-03-01: 1 March 2017\"><time datetime=\"2017-03-01\">Wednesday</time></mark> the &lt;embassy&gt; closed.</p>\n\
             <p>It reopened in <mark class=\"timex\" data-type=\"DATE\" data-value=\"2018\" title=\"DATE 2018\">2018</mark> &amp; later.</p>\n"
        );
    }

    #[test]
    fn bad_spans_are_ignored_not_panicked_on() {
        let text = "é and 2017";
        let mut bad = timex(text, "2017", "2017", None);
        bad.start = 1; // inside é
        let mut out_of_range = bad.clone();
        out_of_range.start = 3;
        out_of_range.end = 99;
        let html = highlight(text, &[bad, out_of_range]);
        assert_eq!(html, "<p>é and 2017</p>\n");
    }
}
