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
    // One dated event from each example article, with its date as people write it.
    for (title, date) in [
        (
            "The footbridge over the Alder River in Millbrook was closed",
            "1 April 2024",
        ),
        (
            "Millbrook’s town council voted 5-2 to spend $240,000 repairing the Alder River footbridge",
            "16 April 2024",
        ),
        (
            "Mayor Helen Ortiz said the contractor, Keller Steelworks, had promised to finish",
            "late June 2024",
        ),
        (
            "Keller Steelworks began the repairs and replaced both damaged beams",
            "6 May 2024",
        ),
        (
            "The Alder River footbridge in Millbrook reopened to walkers and cyclists",
            "27 June 2024",
        ),
    ] {
        let at = index
            .find(title)
            .unwrap_or_else(|| panic!("{title} not on the index"));
        let card = &index[at.saturating_sub(1500)..at];
        assert!(card.contains(date), "{title} is not shown as {date}");
    }

    // Two outlets reported the council vote: one event with both sources.
    let events = events_json(&site);
    let vote = events
        .iter()
        .find(|e| e["title"].as_str().unwrap().contains("council voted"))
        .expect("the council vote");
    assert_eq!(vote["date"], "2024-04-16");
    let publishers: Vec<&str> = vote["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["publisher"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        publishers,
        vec!["River Valley News", ""],
        "sources in publication order"
    );
    // The saved page's newsletter box and donation appeal give no event.
    assert!(!index.contains("every Friday") && !index.contains("$3 a month"));
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
