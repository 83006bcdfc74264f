//! iCalendar (RFC 5545): one all-day VEVENT per event, CRLF lines folded at 75 octets.

use super::SiteInfo;
use super::dates::{compact_day, iso_day};
use super::fragments;
use super::model::EventView;

/// The host of event UIDs.
pub fn host(site: &SiteInfo) -> String {
    site.base_url
        .as_deref()
        .and_then(|b| b.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("annals.invalid")
        .to_string()
}

/// The whole `timeline.ics` around each event's [`event`] in model order.
pub fn calendar(site: &SiteInfo) -> fragments::Layout {
    let head = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//annals//timeline//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&site.title)),
    ];
    let head: String = head.iter().map(|line| fold(line)).collect();
    fragments::Layout::plain(head, fold("END:VCALENDAR"), false)
}

/// One event's VEVENT, folded.
pub fn event(e: &EventView, site: &SiteInfo, host: &str) -> String {
    let mut lines = Vec::new();
    vevent(e, site, host, &mut lines);
    lines.iter().map(|l| fold(l)).collect()
}

fn vevent(e: &EventView, site: &SiteInfo, host: &str, lines: &mut Vec<String>) {
    let first = iso_day(&e.first).expect("the model writes ISO days");
    let last = iso_day(&e.last).expect("the model writes ISO days");
    let end = last.succ_opt().unwrap_or(last);
    // Deterministic: the latest day a source reported it, else its first day.
    let stamp = e
        .sources
        .iter()
        .filter_map(|s| s.published.as_deref())
        .filter_map(iso_day)
        .max()
        .unwrap_or(first);
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}@{}", escape(&e.slug), host));
    lines.push(format!("DTSTAMP:{}T000000Z", compact_day(stamp)));
    lines.push(format!("DTSTART;VALUE=DATE:{}", compact_day(first)));
    lines.push(format!("DTEND;VALUE=DATE:{}", compact_day(end)));
    lines.push(format!("SUMMARY:{}", escape(&e.title)));
    let mut description = e.human.clone();
    if !e.summary_text.is_empty() {
        description.push_str("\n\n");
        description.push_str(&e.summary_text);
    }
    for s in &e.sources {
        description.push_str(&format!("\n\n{}", s.label));
        if let Some(url) = &s.url {
            description.push_str(&format!(" {url}"));
        }
    }
    lines.push(format!("DESCRIPTION:{}", escape(&description)));
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| escape(&t.name)).collect();
        lines.push(format!("CATEGORIES:{}", tags.join(",")));
    }
    if let Some(url) = site.absolute(&format!("events/{}/", e.slug)) {
        lines.push(format!("URL:{url}"));
    }
    lines.push("END:VEVENT".into());
}

/// TEXT escaping: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line exceeds 75 octets (continuations start with a
/// space), never inside a UTF-8 character, each ending in CRLF. Control characters are dropped
/// (text values are escaped before this; a CR or LF in anything else, such as a base URL, would
/// start a property of its own).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars().filter(|c| !c.is_control()) {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn line_breaks_outside_text_values_cannot_start_a_property() {
        assert_eq!(
            fold("URL:https://x\r\nBEGIN:VEVENT\u{0}/"),
            "URL:https://xBEGIN:VEVENT/\r\n"
        );
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
