//! The walking skeleton end to end: the example site at the repository root is extracted and
//! built into a temporary folder, and every example article's dated events reach the index.

mod common;

use common::{Site, events_json};

#[test]
fn help_lists_every_subcommand() {
    let site = Site::example();
    let help = site.ok(&["--help"]);
    for command in ["init", "extract", "build", "serve", "check", "tag"] {
        assert!(
            help.contains(&format!("  {command} ")),
            "{command} missing from:\n{help}"
        );
    }
}

#[test]
fn example_site_extracts_and_builds_with_every_articles_events() {
    let site = Site::example();
    std::fs::remove_dir_all(site.path("content/events")).ok();
    let said = site.ok(&["extract"]);
    assert!(said.contains("Read 4 articles"), "{said}");
    let built = site.ok(&["build"]);
    assert!(
        built.contains("output/index.html"),
        "build says where the site is: {built}"
    );

    let index = site.read("output/index.html");
    let events = events_json(&site);
    // Each example article dates at least one event, shown on the index with its date as
    // people write it.
    for (article, first, shown) in [
        ("2024-04-03-footbridge-closed", "2024-04-01", "1 April 2024"),
        (
            "2024-04-17-council-funds-repairs",
            "2024-04-16",
            "16 April 2024",
        ),
        (
            "2024-04-18-bridge-money-approved",
            "2024-06-21",
            "late June 2024",
        ),
        (
            "2024-06-28-footbridge-reopens",
            "2024-06-27",
            "27 June 2024",
        ),
    ] {
        let event = events
            .iter()
            .find(|e| e["first"] == first && sources_of(e).contains(&article))
            .unwrap_or_else(|| panic!("no event of {first} from {article}"));
        let title = escape_html(event["title"].as_str().unwrap());
        let at = index
            .find(&title)
            .unwrap_or_else(|| panic!("{title} not on the index"));
        let card = &index[at.saturating_sub(1500)..at];
        assert!(card.contains(shown), "{title} is not shown as {shown}");
    }

    // The council vote of 16 April, reported by several outlets, is one event with their
    // sources in publication order.
    let vote = events
        .iter()
        .filter(|e| e["date"] == "2024-04-16")
        .max_by_key(|e| sources_of(e).len())
        .expect("the council vote");
    let sources = sources_of(vote);
    assert!(sources.len() >= 2, "{vote:#}");
    let mut ordered = sources.clone();
    ordered.sort();
    assert_eq!(
        sources, ordered,
        "article ids start with their publication date"
    );
    // The saved page's newsletter box and donation appeal give no event; nor does the
    // "highest level since 1998" yardstick.
    assert!(!index.contains("every Friday") && !index.contains("$3 a month"));
    assert!(
        events
            .iter()
            .all(|e| e["first"].as_str().unwrap() >= "2019"),
        "{events:#?}"
    );
}

fn sources_of(event: &serde_json::Value) -> Vec<&str> {
    event["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["article"].as_str().unwrap())
        .collect()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn a_second_extraction_changes_nothing() {
    let site = Site::example();
    std::fs::remove_dir_all(site.path("content/events")).ok();
    site.ok(&["extract"]);
    let before: Vec<(String, String)> = site
        .list("content/events")
        .into_iter()
        .map(|name| {
            let text = site.read(&format!("content/events/{name}"));
            (name, text)
        })
        .collect();
    let said = site.ok(&["extract"]);
    assert!(said.contains("Wrote 0 event files"), "{said}");
    for (name, text) in before {
        assert_eq!(
            site.read(&format!("content/events/{name}")),
            text,
            "{name} changed"
        );
    }
}
