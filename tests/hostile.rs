//! A site whose every field is an attack (`tests/fixtures/hostile/`): script tags, event handler
//! attributes, `javascript:` links in their obfuscated forms, template syntax, bidi overrides,
//! zero-width characters, NUL bytes, CRLF injection, spreadsheet formulas, traversal in ids,
//! tags and names, device names, 300-character ids and ids differing only in case. It must
//! build, and no output may run any of it, break its markup or land outside the output folder.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::Site;
use scraper::{Html, Selector};

/// Every file below `dir`, relative to it, `/`-separated.
fn files(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

/// The scheme a browser would see in a URL (WHATWG URL parsing: leading and trailing C0
/// controls and spaces stripped, tabs and newlines removed anywhere), lowercased; `None` for a
/// relative URL.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

/// Problems in one HTML document or fragment: scripts other than the theme's own, event
/// handler attributes, URLs with schemes other than http, https and mailto, and elements that
/// load or embed anything.
fn html_problems(name: &str, html: &Html, theme_script_allowed: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let all = Selector::parse("*").unwrap();
    for element in html.select(&all) {
        let tag = element.value().name();
        if tag == "script" {
            // The theme's one script: `<script src="{root}static/timeline.js" defer></script>`.
            let attrs: BTreeMap<&str, &str> = element.value().attrs().collect();
            let theme = theme_script_allowed
                && attrs.len() == 2
                && attrs.get("defer") == Some(&"")
                && attrs.get("src").is_some_and(|src| {
                    let rest = src.trim_start_matches("../");
                    rest == "static/timeline.js"
                })
                && element.inner_html().is_empty();
            if !theme {
                problems.push(format!("{name}: script {}", element.html()));
            }
        }
        if matches!(
            tag,
            "iframe" | "object" | "embed" | "img" | "svg" | "math" | "base" | "form" | "frame"
        ) {
            problems.push(format!("{name}: element <{tag}>"));
        }
        for (attr, value) in element.value().attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                problems.push(format!("{name}: handler {attr}={value:?} on <{tag}>"));
            }
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "srcset" | "poster" | "xlink:href"
            ) && let Some(s) = scheme(value)
                && !matches!(s.as_str(), "http" | "https" | "mailto")
            {
                problems.push(format!("{name}: {attr}={value:?} on <{tag}>"));
            }
            if attr == "style" || (tag == "meta" && attr == "http-equiv") {
                problems.push(format!("{name}: {attr}={value:?} on <{tag}>"));
            }
        }
    }
    problems
}

fn text_of(html: &Html) -> String {
    html.root_element().text().collect()
}

/// The fixture built after `annals extract`, so events from the hostile article are written to
/// YAML by annals itself and read back.
fn built() -> (Site, BTreeSet<String>) {
    let site = Site::copy_of("hostile");
    let before = files(site.dir.path());
    site.ok(&["extract"]);
    site.ok(&["build"]);
    (site, before)
}

/// Cells of an RFC 4180 CSV document.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends a CSV record");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF ends a CSV record"),
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "CSV ends mid-record"
    );
    rows
}

#[test]
fn the_scheme_check_sees_urls_as_a_browser_does() {
    assert_eq!(scheme("java\tscript:x").as_deref(), Some("javascript"));
    assert_eq!(scheme(" \u{1}JaVaScRiPt:x").as_deref(), Some("javascript"));
    assert_eq!(scheme("../a:b"), None);
    assert_eq!(scheme("#top"), None);
    assert_eq!(scheme("https://x").as_deref(), Some("https"));
    let bad = Html::parse_fragment(
        r#"<a href="java&#9;script:alert(1)">x</a><p onclick="x">y</p><script>z</script>"#,
    );
    assert_eq!(html_problems("t", &bad, true).len(), 3);
}

#[test]
fn a_site_made_of_payloads_builds_and_runs_none_of_them() {
    let (site, before) = built();
    let output = site.path("output");
    let written = files(&output);

    // Nothing outside the output folder, the events folder and the parse cache was created.
    let after = files(site.dir.path());
    for path in after.difference(&before) {
        assert!(
            path.starts_with("output/")
                || path.starts_with("content/events/")
                || path == annals::store::parse_cache::CACHE_FILE,
            "written outside the output: {path}"
        );
    }
    assert!(!Path::new("/abs/index.html").exists() && !Path::new("/etc/x").exists());

    // Output paths: plain, bounded, no device names, no case collisions.
    let mut folded = BTreeMap::new();
    for path in &written {
        for part in path.split('/') {
            assert!(part.len() <= 100, "{part} is {} bytes", part.len());
            assert!(part != ".." && part != "." && !part.is_empty(), "{path}");
            let stem = part.split('.').next().unwrap().to_ascii_lowercase();
            assert!(
                !["con", "nul", "prn", "aux", "com1", "lpt1"].contains(&stem.as_str()),
                "{path}"
            );
        }
        if let Some(other) = folded.insert(path.to_lowercase(), path.clone()) {
            panic!("{path} and {other} differ only in case");
        }
    }
    assert!(written.contains("events/a/index.html") && written.contains("events/a-2/index.html"));
    for name in site.list("content/events") {
        assert!(name.len() <= 110 && !name.contains(".."), "{name}");
    }

    // Every page: only the theme's script, no handlers, no dangerous URLs, payloads as text.
    let mut page_text = String::new();
    let mut pages = 0;
    for path in written.iter().filter(|p| p.ends_with(".html")) {
        let text = std::fs::read_to_string(output.join(path)).unwrap();
        let html = Html::parse_document(&text);
        let problems = html_problems(path, &html, true);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        let scripts = html.select(&Selector::parse("script").unwrap()).count();
        assert_eq!(scripts, 1, "{path}: the theme's script exactly once");
        page_text.push_str(&text_of(&html));
        pages += 1;
    }
    assert!(pages > 10, "{pages} pages");
    for payload in [
        "<script>alert('event')</script>",
        "\"><img src=x onerror=alert(1)>",
        "<script>alert('title')</script>",
        "<svg onload=alert(1)>",
        "{{ 7*7 }}",
        "{% raw %}",
        "\u{202E}evil\u{200B}",
        "-cmd|' /C calc'!A0",
        "Hostile <script>alert('site')</script> {{ 7*7 }}",
        // Raw HTML in a Markdown body is markup and is dropped; the prose around it stays.
        "The embassy closed on Thursday, officials said.",
        "On Friday {{ 7*7 }} protesters gathered {% raw %} outside {% endraw %} the gate",
    ] {
        assert!(
            page_text.contains(payload),
            "{payload:?} is not shown as text"
        );
    }

    // Template syntax is never evaluated, anywhere.
    for path in written.iter().filter(|p| !p.starts_with("static/")) {
        let text = std::fs::read_to_string(output.join(path)).unwrap();
        assert!(
            !text.contains("49"),
            "{path}: `{{{{ 7*7 }}}}` rendered as 49?"
        );
    }

    // Feeds are well-formed XML whose HTML content is as safe as the pages.
    let atom = site.read("output/atom.xml");
    let mut reader = quick_xml::Reader::from_str(&atom);
    let mut in_content = false;
    let mut contents = 0;
    loop {
        match reader.read_event().expect("atom.xml is well-formed") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) => in_content = e.name().as_ref() == b"content",
            quick_xml::events::Event::End(_) => in_content = false,
            quick_xml::events::Event::Text(t) if in_content => {
                let html = t.xml_content().expect("escaped text decodes");
                let fragment = Html::parse_fragment(&html);
                let problems = html_problems("atom.xml content", &fragment, false);
                assert!(problems.is_empty(), "{}", problems.join("\n"));
                contents += 1;
            }
            _ => {}
        }
    }
    assert!(contents >= 8, "{contents} entries with content");

    // JSON exports parse; the HTML inside them is safe too (TimelineJS renders headlines as HTML).
    let events = common::events_json(&site);
    assert!(events.iter().any(|e| {
        e["title"]
            .as_str()
            .unwrap()
            .contains("<script>alert('event')</script>")
    }));
    let feed: serde_json::Value =
        serde_json::from_str(&site.read("output/feed.json")).expect("feed.json parses");
    for item in feed["items"].as_array().unwrap() {
        let html = Html::parse_fragment(item["content_html"].as_str().unwrap());
        let problems = html_problems("feed.json", &html, false);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
    let timeline: serde_json::Value =
        serde_json::from_str(&site.read("output/timeline.json")).expect("timeline.json parses");
    let mut shown = vec![timeline["title"]["text"]["headline"].clone()];
    for e in timeline["events"].as_array().unwrap() {
        shown.push(e["text"]["headline"].clone());
        shown.push(e["text"]["text"].clone());
        shown.push(e["group"].clone());
    }
    for value in shown.iter().filter_map(|v| v.as_str()) {
        let html = Html::parse_fragment(value);
        let problems = html_problems("timeline.json", &html, false);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    // iCalendar: CRLF only, every unfolded line a property, one VEVENT per event.
    let ics = site.read("output/timeline.ics");
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n', '\0']),
        "bare line breaks or NUL"
    );
    let unfolded = ics.replace("\r\n ", "");
    let property = regex::Regex::new(r"^[A-Z][A-Z0-9-]*(;[A-Z-]+=[A-Z]+)*:").unwrap();
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(property.is_match(line), "not a property line: {line:?}");
    }
    assert_eq!(
        unfolded.matches("\r\nBEGIN:VEVENT\r\n").count(),
        events.len()
    );
    assert_eq!(unfolded.matches("\r\nEND:VEVENT\r\n").count(), events.len());
    assert_eq!(unfolded.matches("\r\nDTSTART").count(), events.len());

    // CSV: one record per event, no cell a spreadsheet would run as a formula.
    let rows = csv_rows(&site.read("output/events.csv"));
    assert_eq!(rows.len(), events.len() + 1);
    for row in &rows {
        assert_eq!(row.len(), rows[0].len());
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    assert!(
        rows.iter()
            .flatten()
            .any(|c| c == "'=SUM(A1)" || c.contains("'=SUM(A1)") || c.starts_with("'+cmd"))
    );
}

#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    #[cfg(unix)]
    {
        let site = Site::copy_of("story");
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(
            outside.path().join("2024-05-01-secret.md"),
            "---\ntitle: SECRET OUTSIDE\n---\nThe vault opened on Monday.\n",
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path("content/linked")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("2024-05-01-secret.md"),
            site.path("content/2024-05-01-secret.md"),
        )
        .unwrap();
        let out = site.run(&["build"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("content/linked") && stderr.contains("links outside the site"),
            "{stderr}"
        );
        for path in files(&site.path("output")) {
            let text = std::fs::read(site.path("output").join(&path)).unwrap();
            assert!(
                !String::from_utf8_lossy(&text).contains("SECRET OUTSIDE"),
                "{path} shows a file from outside the site"
            );
        }
    }
}
