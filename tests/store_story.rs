//! The event store's promise, end to end through the CLI: people edit, delete and add events,
//! more articles arrive, `annals extract` runs again, and nothing they did is lost.

mod common;

use common::Site;

const LIBRARY: &str = "content/events/2024-04-29-harbour-street-library-closed-roof.yaml";
const COUNCIL: &str = "content/events/2024-04-30-city-council-met-discuss-harbour.yaml";
const MARKET: &str = "content/events/2024-05-01-farmers-market-opened-dock-square.yaml";
const HAND_MADE: &str = "content/events/library-reopens.yaml";

#[test]
fn edits_deletions_and_hand_made_events_survive_re_extraction() {
    let site = Site::copy_of("story");
    site.ok(&["extract"]);
    assert_eq!(
        site.list("content/events"),
        vec![
            ".annals-state.json",
            "2024-04-29-harbour-street-library-closed-roof.yaml",
            "2024-04-30-city-council-met-discuss-harbour.yaml",
            "2024-05-01-farmers-market-opened-dock-square.yaml",
        ]
    );

    // A person retitles one event and comments on it, deletes another, adds one by hand.
    let original = site.read(LIBRARY);
    let edited = original.replace(
        "title: The Harbour Street library closed for a roof repair",
        "# Checked with the library: closed all week.\ntitle: Library closes for roof repairs",
    );
    assert_ne!(edited, original);
    site.write(LIBRARY, &edited);
    std::fs::remove_file(site.path(COUNCIL)).unwrap();
    site.write(HAND_MADE, &site.read("later/hand-made.yaml"));
    let market_before = site.read(MARKET);
    let market_modified = std::fs::metadata(site.path(MARKET))
        .unwrap()
        .modified()
        .unwrap();

    // A third article reports the hand-made event and a new one.
    site.write(
        "content/2024-05-10-reopening.md",
        &site.read("later/2024-05-10-reopening.md"),
    );
    let dry = site.ok(&["extract", "--dry-run"]);
    assert!(dry.contains("Dry run: nothing written"), "{dry}");
    assert_eq!(site.read(LIBRARY), edited, "--dry-run writes nothing");
    let said = site.ok(&["extract"]);

    // The edit and the comment survive byte for byte.
    assert_eq!(site.read(LIBRARY), edited, "{said}");
    // The deleted event does not come back, and is listed as rejected.
    assert!(!site.path(COUNCIL).exists(), "{said}");
    let rejected = site.ok(&["extract", "--show-rejected"]);
    assert!(
        rejected.contains("2024-04-30-city-council-met-discuss-harbour"),
        "{rejected}"
    );
    // The hand-made event keeps its text and gains the new article as a source.
    let hand_made = site.read(HAND_MADE);
    assert!(
        hand_made.starts_with(&site.read("later/hand-made.yaml")),
        "{hand_made}"
    );
    assert!(
        hand_made.contains("article: 2024-05-10-reopening"),
        "{hand_made}"
    );
    let parsed: annals::event::Event =
        serde_saphyr::from_str(&hand_made).expect("still valid YAML");
    assert_eq!(
        parsed.sources[0].quote,
        "The Harbour Street library reopened on Wednesday after the roof repairs were finished."
    );
    // The new event appears; the untouched one is neither changed nor rewritten.
    let ferry: Vec<String> = site
        .list("content/events")
        .into_iter()
        .filter(|n| n.contains("ferry"))
        .collect();
    assert_eq!(
        ferry,
        vec!["2024-05-09-ferry-service-began-dock-square.yaml"],
        "{said}"
    );
    assert_eq!(site.read(MARKET), market_before);
    assert_eq!(
        std::fs::metadata(site.path(MARKET))
            .unwrap()
            .modified()
            .unwrap(),
        market_modified
    );

    // And the site shows all of it.
    site.ok(&["build"]);
    let index = site.read("output/index.html");
    assert!(index.contains("Library closes for roof repairs"));
    assert!(index.contains("Harbour Street library reopens after roof repairs"));
    assert!(!index.contains("The city council met"));
}

#[test]
fn a_yaml_syntax_error_stops_extract_and_build_and_changes_nothing() {
    let site = Site::copy_of("story");
    site.ok(&["extract"]);
    site.ok(&["build"]);
    let broken = site
        .read(MARKET)
        .replace("title: A farmers market", "title: [A farmers market");
    site.write(MARKET, &broken);
    let events_before: Vec<(String, String)> = site
        .list("content/events")
        .into_iter()
        .map(|n| (n.clone(), site.read(&format!("content/events/{n}"))))
        .collect();
    let index_before = site.read("output/index.html");

    for command in ["extract", "build"] {
        let out = site.run(&[command]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains(
                "--> content/events/2024-05-01-farmers-market-opened-dock-square.yaml:3:"
            ),
            "{command} names file:line:column: {stderr}"
        );
        assert!(
            stderr.contains("title: [A farmers market"),
            "{command} quotes the line: {stderr}"
        );
    }
    for (name, text) in events_before {
        assert_eq!(
            site.read(&format!("content/events/{name}")),
            text,
            "{name} changed"
        );
    }
    assert_eq!(
        site.read("output/index.html"),
        index_before,
        "the last good site stays"
    );
}
