//! `events.csv` (RFC 4180: CRLF, quoted when needed), with formula injection neutralised.

use super::fragments;
use super::model::EventView;

const HEADER: [&str; 11] = [
    "id",
    "date",
    "first",
    "last",
    "when",
    "title",
    "summary",
    "tags",
    "entities",
    "publishers",
    "urls",
];

/// The whole file around each event's [`row`] in model order.
pub fn events() -> fragments::Layout {
    let mut head = String::new();
    write_row(&mut head, HEADER.iter().map(|s| s.to_string()));
    fragments::Layout::plain(head, String::new(), false)
}

/// One event's line.
pub fn row(e: &EventView) -> String {
    let join = |items: Vec<&str>| items.join("; ");
    let mut out = String::new();
    write_row(
        &mut out,
        [
            e.id.clone(),
            e.date.clone(),
            e.first.clone(),
            e.last.clone(),
            e.human.clone(),
            e.title.clone(),
            e.summary_text.clone(),
            join(e.tags.iter().map(|t| t.name.as_str()).collect()),
            join(e.entities.iter().map(|t| t.name.as_str()).collect()),
            join(e.sources.iter().map(|s| s.label.as_str()).collect()),
            join(e.sources.iter().filter_map(|s| s.url.as_deref()).collect()),
        ]
        .into_iter(),
    );
    out
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One field: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` so spreadsheets do not run it
/// as a formula; fields with commas, quotes or line breaks are quoted.
pub fn cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 3);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("plain"), "plain");
    }
}
