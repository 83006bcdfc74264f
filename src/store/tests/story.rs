//! The whole story: extract, a person edits, deletes and adds, extract again.

use super::*;

/// The whole story of the brief: extract, a person edits, deletes and adds, extract again.
#[test]
fn re_extraction_keeps_every_human_change() {
    let flood = |summary: &str| {
        let mut e = ev(
            "flood",
            "2017-05-10",
            "River floods",
            vec![src("a4", "2017-05-11", "The river burst its banks.")],
        );
        e.summary = Some(summary.into());
        e
    };
    let strike = ev(
        "strike",
        "2017-04",
        "Rail strike",
        vec![src("a5", "2017-04-02", "Trains stopped.")],
    );
    let dir = written(vec![vote(), strike.clone(), flood("Water rose.")]);
    let d = dir.path();

    // A person retitles the vote and comments it, deletes the strike, adds an event by hand.
    let edited = read(d, "vote.yaml").replace(
        "title: Parliament votes\n",
        "# Title checked against the record.\ntitle: Parliament votes on the budget\n",
    );
    std::fs::write(d.join("vote.yaml"), &edited).unwrap();
    std::fs::remove_file(d.join("strike.yaml")).unwrap();
    let hand = "# Added by Ana.\nid: town-fire\ntitle: Fire in the town hall\ndate: 2017-06~\nsources:\n  - article: a9\n    quote: \"The hall burned.\"   # her own note\ntags: [fire]\n";
    std::fs::write(d.join("fire.yaml"), hand).unwrap();

    let extraction = || {
        let mut vote = vote();
        vote.sources.push(src("a2", "2017-03-03", "MPs voted."));
        vec![
            vote,
            strike.clone(),
            flood("Water rose by two metres."),
            ev(
                "quake",
                "2017-07-01",
                "Earthquake",
                vec![src("a6", "2017-07-01", "The ground shook.")],
            ),
            ev(
                "hall-fire",
                "2017-06-03",
                "Town hall fire",
                vec![src("a7", "2017-06-04", "Fire gutted the hall.")],
            ),
        ]
    };
    let same = |stored: &Event, fresh: &Event| {
        stored.tags.contains(&"fire".to_string()) && fresh.title.contains("fire")
    };
    let store = load_today(d);
    let p = plan(&store, extraction(), &same);
    assert_eq!(
        p.added,
        [AddedEvent {
            id: "quake".into(),
            title: "Earthquake".into()
        }]
    );
    assert_eq!(
        p.updated,
        [UpdatedEvent {
            id: "flood".into(),
            fields: vec!["summary"]
        }]
    );
    assert_eq!(
        p.new_sources,
        [
            NewSource {
                id: "vote".into(),
                article: "a2".into()
            },
            NewSource {
                id: "town-fire".into(),
                article: "a7".into()
            },
        ]
    );
    assert_eq!(p.rejected_skipped, ["strike"]);
    let report = p.apply(d).unwrap();
    assert_eq!(
        report.written,
        ["fire.yaml", "flood.yaml", "quake.yaml", "vote.yaml"].map(|n| d.join(n))
    );

    assert_eq!(
        read(d, "vote.yaml"),
        format!("{edited}- article: a2\n  published: \"2017-03-03\"\n  quote: MPs voted.\n")
    );
    assert!(!d.join("strike.yaml").exists());
    assert_eq!(
        read(d, "fire.yaml"),
        "# Added by Ana.\nid: town-fire\ntitle: Fire in the town hall\ndate: 2017-06~\nsources:\n  - article: a9\n    quote: \"The hall burned.\"   # her own note\n  - article: a7\n    published: \"2017-06-04\"\n    quote: Fire gutted the hall.\ntags: [fire]\n"
    );
    assert_eq!(
        read(d, "quake.yaml"),
        "id: quake\ndate: \"2017-07-01\"\ntitle: Earthquake\nsources:\n- article: a6\n  published: \"2017-07-01\"\n  quote: The ground shook.\n"
    );
    assert!(read(d, "flood.yaml").contains("summary: Water rose by two metres.\n"));

    let store = load_today(d);
    assert_eq!(
        rejected(&store),
        [RejectedEvent {
            id: "strike".into(),
            title: "Rail strike".into(),
            noticed: day(2024, 5, 1)
        }]
    );

    // The second run changes nothing, not even modification times.
    let names = [
        "fire.yaml",
        "flood.yaml",
        "quake.yaml",
        "vote.yaml",
        ".annals-state.json",
    ];
    let times: Vec<_> = names
        .iter()
        .map(|n| std::fs::metadata(d.join(n)).unwrap().modified().unwrap())
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let p = plan(&load_on(d, day(2024, 6, 1)).unwrap(), extraction(), &same);
    assert!(p.is_empty(), "{p}");
    assert_eq!(p.unchanged, 4);
    assert_eq!(p.apply(d).unwrap(), ApplyReport::default());
    let after: Vec<_> = names
        .iter()
        .map(|n| std::fs::metadata(d.join(n)).unwrap().modified().unwrap())
        .collect();
    assert_eq!(times, after);
}
