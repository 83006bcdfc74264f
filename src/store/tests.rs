//! Tests of the store as a whole: loading, planning and applying together.

use std::path::Path;

use chrono::NaiveDate;

use super::load::{load_on, parse_event};
use super::*;
use crate::event::{Event, Source};
use crate::time::Edtf;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn src(article: &str, published: &str, quote: &str) -> Source {
    Source {
        article: article.into(),
        title: None,
        url: None,
        publisher: None,
        published: Some(published.into()),
        quote: quote.into(),
        phrase: None,
    }
}

fn ev(id: &str, date: &str, title: &str, sources: Vec<Source>) -> Event {
    Event {
        id: id.into(),
        date: Edtf::parse(date).unwrap(),
        title: title.into(),
        summary: None,
        tags: Vec::new(),
        entities: Vec::new(),
        sources,
        date_conflicts: Vec::new(),
        hidden: false,
        importance: None,
    }
}

fn never(_: &Event, _: &Event) -> bool {
    false
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn load_today(dir: &Path) -> Store {
    load_on(dir, day(2024, 5, 1)).unwrap()
}

/// A store where annals wrote `events` (all untouched).
fn written(events: Vec<Event>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = load_today(dir.path());
    plan(&store, events, &never).apply(dir.path()).unwrap();
    dir
}

fn vote() -> Event {
    ev(
        "vote",
        "2017-03-01",
        "Parliament votes",
        vec![src("a1", "2017-03-02", "Parliament voted on Wednesday.")],
    )
}

// --- loading -------------------------------------------------------------------------------

#[test]
fn annals_writes_the_documented_format() {
    let dir = written(vec![vote()]);
    assert_eq!(
        read(dir.path(), "vote.yaml"),
        "id: vote\ndate: \"2017-03-01\"\ntitle: Parliament votes\nsources:\n- article: a1\n  published: \"2017-03-02\"\n  quote: Parliament voted on Wednesday.\n"
    );
    let state = read(dir.path(), ".annals-state.json");
    let hash = state::hash(read(dir.path(), "vote.yaml").as_bytes());
    assert_eq!(
        state,
        format!(
            "{{\n  \"files\": {{\n    \"vote.yaml\": {{\n      \"hash\": \"{hash}\",\n      \"id\": \"vote\",\n      \"title\": \"Parliament votes\"\n    }}\n  }},\n  \"rejected\": {{}},\n  \"version\": 1\n}}\n"
        )
    );
}

#[test]
fn classifies_untouched_edited_hidden_hand_made_and_deleted_files() {
    let dir = written(vec![
        vote(),
        ev("strike", "2017-04", "Strike", vec![]),
        ev("flood", "2017-05", "Flood", vec![]),
        ev("quiet", "2017-06", "Quiet", vec![]),
    ]);
    let d = dir.path();
    std::fs::write(d.join("vote.yaml"), read(d, "vote.yaml") + "# checked\n").unwrap();
    std::fs::write(
        d.join("flood.yaml"),
        read(d, "flood.yaml") + "hidden: true\n",
    )
    .unwrap();
    std::fs::remove_file(d.join("strike.yaml")).unwrap();
    std::fs::write(d.join("mine.yml"), "id: mine\ndate: 2017\ntitle: Mine\n").unwrap();
    std::fs::write(d.join("notes.txt"), "not an event").unwrap();

    let store = load_on(d, day(2024, 5, 2)).unwrap();
    let classes: Vec<(&str, Class)> = store
        .events
        .iter()
        .map(|s| (s.event.id.as_str(), s.class))
        .collect();
    assert_eq!(
        classes,
        [
            ("flood", Class::Edited),
            ("mine", Class::HandMade),
            ("quiet", Class::Untouched),
            ("vote", Class::Edited),
        ]
    );
    assert_eq!(
        rejected(&store),
        [RejectedEvent {
            id: "strike".into(),
            title: "Strike".into(),
            noticed: day(2024, 5, 2),
        }]
    );
}

#[test]
fn a_missing_id_comes_from_the_file_name() {
    let event = parse_event(
        Path::new("ev/big-fire.yaml"),
        "---\n# by hand\ndate: 2017\ntitle: Fire\n",
    )
    .unwrap();
    assert_eq!(event.id, "big-fire");
}

#[test]
fn a_misspelt_key_is_located_with_a_suggestion() {
    let err = parse_event(Path::new("ev/x.yaml"), "id: x\ndate: 2017\ntitel: y\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown key `titel` in event file\n  --> ev/x.yaml:3:1\n  |\n3 | titel: y\n  | ^\n  = help: did you mean `title`?"
    );
}

#[test]
fn a_misspelt_source_key_is_located_even_without_an_id() {
    // The id is inserted for parsing; positions must still be those of the file.
    let err = parse_event(
        Path::new("ev/x.yaml"),
        "date: 2017\ntitle: y\nsources:\n- article: a\n  quot: b\n",
    )
    .unwrap_err();
    assert_eq!(err.location, Some((5, 3)));
    assert_eq!(err.snippet.as_deref(), Some("  quot: b"));
    assert_eq!(err.help.as_deref(), Some("did you mean `quote`?"));
}

#[test]
fn an_impossible_date_points_at_the_date_value() {
    let err = parse_event(
        Path::new("ev/x.yaml"),
        "id: x\ndate: 2017-02-30\ntitle: y\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`2017-02-30` is not a date: 2017-02 has no day 30 (write e.g. 2017, 2017-03, 2017-03-01, 2017-03-01/2017-03-05, 2017-03~)\n  --> ev/x.yaml:2:7\n  |\n2 | date: 2017-02-30\n  |       ^\n  = help: `~` marks an approximate date and `?` an uncertain one; see docs/events.md"
    );
    let err = parse_event(
        Path::new("ev/x.yaml"),
        "title: y\ndate: 2017-03-05/2017-03-01\n",
    )
    .unwrap_err();
    assert_eq!(err.location, Some((2, 7)));
    assert!(err.message.ends_with("the interval ends before it starts (write e.g. 2017, 2017-03, 2017-03-01, 2017-03-01/2017-03-05, 2017-03~)"));
}

#[test]
fn a_missing_title_and_broken_yaml_are_located() {
    let err = parse_event(Path::new("ev/x.yaml"), "id: x\ndate: 2017\n").unwrap_err();
    assert_eq!(err.message, "the event has no `title`");
    assert_eq!(err.location, Some((1, 1)));
    let err = parse_event(Path::new("ev/x.yaml"), "id: x\ndate: 2017\ntitle: [y\n").unwrap_err();
    assert_eq!(
        err.message,
        "the event file is not valid YAML for an event: expected string scalar"
    );
    assert_eq!(err.location, Some((3, 8)));
}

#[test]
fn load_reports_the_first_bad_file_as_a_content_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "id: a\ndate: 2017\ntitle: A\n").unwrap();
    std::fs::write(dir.path().join("b.yaml"), "id: b\ndate: 2017\ntitel: B\n").unwrap();
    let err = load(dir.path()).unwrap_err();
    let content = err.downcast_ref::<crate::error::ContentError>().unwrap();
    assert_eq!(content.path, dir.path().join("b.yaml"));
    assert_eq!(content.location, Some((3, 1)));
}

// --- planning ------------------------------------------------------------------------------

#[test]
fn an_untouched_event_is_refreshed_only_when_its_bytes_change() {
    let dir = written(vec![vote()]);
    let store = load_today(dir.path());
    let same = plan(&store, vec![vote()], &never);
    assert_eq!((same.unchanged, same.is_empty()), (1, true));

    let mut fresh = vote();
    fresh.title = "Parliament passes the bill".into();
    fresh.importance = Some(4);
    let p = plan(&store, vec![fresh], &never);
    assert_eq!(
        p.updated,
        [UpdatedEvent {
            id: "vote".into(),
            fields: vec!["title", "importance"],
        }]
    );
    p.apply(dir.path()).unwrap();
    let again = load_today(dir.path());
    assert_eq!(again.events[0].class, Class::Untouched);
    assert_eq!(again.events[0].event.title, "Parliament passes the bill");
}

#[test]
fn an_edited_event_only_gains_new_sources() {
    let dir = written(vec![vote()]);
    let d = dir.path();
    let edited = read(d, "vote.yaml").replace("Parliament votes", "The vote");
    std::fs::write(d.join("vote.yaml"), &edited).unwrap();
    let store = load_today(d);

    let mut fresh = vote();
    fresh.title = "Changed by extraction".into();
    // Same article and quote, other whitespace: not a new source.
    fresh
        .sources
        .push(src("a1", "2017-03-02", "Parliament  voted\non Wednesday."));
    fresh.sources.push(src("a2", "2017-03-03", "MPs voted."));
    let p = plan(&store, vec![fresh], &never);
    assert_eq!(
        p.new_sources,
        [NewSource {
            id: "vote".into(),
            article: "a2".into(),
        }]
    );
    assert!(p.updated.is_empty());
    p.apply(d).unwrap();
    assert_eq!(
        read(d, "vote.yaml"),
        format!("{edited}- article: a2\n  published: \"2017-03-03\"\n  quote: MPs voted.\n")
    );
    // Still edited: annals must not overwrite it next time.
    assert_eq!(load_today(d).events[0].class, Class::Edited);
}

#[test]
fn an_event_whose_id_a_person_changed_still_matches_by_the_recorded_id() {
    let dir = written(vec![vote()]);
    let d = dir.path();
    std::fs::write(
        d.join("vote.yaml"),
        read(d, "vote.yaml").replace("id: vote", "id: the-vote"),
    )
    .unwrap();
    let store = load_today(d);
    let p = plan(&store, vec![vote()], &never);
    assert!(p.added.is_empty(), "{p}");
    assert_eq!(p.unchanged, 1);
}

#[test]
fn a_hand_made_event_gains_sources_of_the_same_event() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mine = "# My own entry.\ntitle: The big vote\ndate: 2017-03\n";
    std::fs::write(d.join("my-vote.yaml"), mine).unwrap();
    let store = load_today(d);
    assert_eq!(store.events[0].class, Class::HandMade);
    let same = |stored: &Event, fresh: &Event| {
        stored.date.interval().first <= fresh.date.interval().first && stored.title.contains("vote")
    };
    let p = plan(&store, vec![vote()], &same);
    assert!(p.added.is_empty());
    p.apply(d).unwrap();
    assert_eq!(
        read(d, "my-vote.yaml"),
        format!(
            "{mine}sources:\n- article: a1\n  published: \"2017-03-02\"\n  quote: Parliament voted on Wednesday.\n"
        )
    );
    // Hand-made files stay out of the state file.
    assert_eq!(load_today(d).events[0].class, Class::HandMade);
}

#[test]
fn a_deleted_event_is_not_recreated() {
    let dir = written(vec![vote()]);
    std::fs::remove_file(dir.path().join("vote.yaml")).unwrap();
    let store = load_today(dir.path());
    let p = plan(&store, vec![vote()], &never);
    assert_eq!(p.rejected_skipped, ["vote"]);
    assert!(p.is_empty());
    p.apply(dir.path()).unwrap();
    assert!(!dir.path().join("vote.yaml").exists());
    let state = read(dir.path(), ".annals-state.json");
    assert!(state.contains("\"rejected\": {\n    \"vote\": {\n      \"noticed\": \"2024-05-01\",\n      \"title\": \"Parliament votes\"\n    }\n  }"), "{state}");
}

#[test]
fn untouched_events_no_longer_extracted_are_kept_as_stale() {
    let dir = written(vec![vote(), ev("flood", "2017-05", "Flood", vec![])]);
    let store = load_today(dir.path());
    let p = plan(&store, vec![vote()], &never);
    assert_eq!(p.stale, ["flood"]);
    assert!(p.is_empty());
    assert!(dir.path().join("flood.yaml").exists());
}

#[test]
fn a_new_event_never_takes_an_existing_file_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("vote.yaml"),
        "id: other\ndate: 2017\ntitle: Other\n",
    )
    .unwrap();
    let store = load_today(dir.path());
    let p = plan(&store, vec![vote()], &never);
    assert_eq!(p.files_to_write(), [Path::new("vote-2.yaml")]);
    assert_eq!(
        p.added,
        [AddedEvent {
            id: "vote".into(),
            title: "Parliament votes".into(),
        }]
    );
}

#[test]
fn the_summary_lists_every_change() {
    let dir = written(vec![vote(), ev("flood", "2017-05", "Flood", vec![])]);
    std::fs::remove_file(dir.path().join("flood.yaml")).unwrap();
    let store = load_today(dir.path());
    let mut fresh = vote();
    fresh.summary = Some("It passed.".into());
    let p = plan(
        &store,
        vec![
            fresh,
            ev("flood", "2017-05", "Flood", vec![]),
            ev("fire", "2017-06", "Fire", vec![]),
        ],
        &never,
    );
    assert_eq!(
        p.to_string(),
        "1 new, 1 updated, 0 new sources, 0 unchanged, 1 rejected skipped, 0 stale\n  new      fire  Fire\n  updated  vote  (summary)\n  rejected flood  (deleted by hand; not recreated)\n"
    );
}

// --- applying ------------------------------------------------------------------------------

#[test]
fn apply_writes_nothing_if_a_file_changed_since_loading() {
    let dir = written(vec![vote(), ev("flood", "2017-05", "Flood", vec![])]);
    let d = dir.path();
    let store = load_today(d);
    let mut fresh = vote();
    fresh.title = "New".into();
    let p = plan(
        &store,
        vec![fresh, ev("fire", "2017-06", "Fire", vec![])],
        &never,
    );
    std::fs::write(
        d.join("vote.yaml"),
        "id: vote\ndate: 2017\ntitle: Mine now\n",
    )
    .unwrap();
    let state_before = read(d, ".annals-state.json");
    let err = p.apply(d).unwrap_err();
    assert!(
        err.to_string()
            .contains("vote.yaml changed while annals was running")
    );
    assert!(!d.join("fire.yaml").exists());
    assert_eq!(
        read(d, "vote.yaml"),
        "id: vote\ndate: 2017\ntitle: Mine now\n"
    );
    assert_eq!(read(d, ".annals-state.json"), state_before);
}

#[test]
fn a_failure_half_way_still_records_the_files_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let store = load_today(d);
    let events = vec![vote(), ev("zz-fire", "2017-06", "Fire", vec![])];
    let p = plan(&store, events.clone(), &never);
    let err = p
        .apply_with(d, |path, bytes| {
            if path.ends_with("zz-fire.yaml") {
                anyhow::bail!("simulated failure");
            }
            super::apply::write_atomic(path, bytes)
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "simulated failure");
    assert!(!d.join("zz-fire.yaml").exists());
    // vote.yaml is recorded, so it is untouched (refreshable), and the fire is simply new.
    let store = load_today(d);
    assert_eq!(store.events[0].class, Class::Untouched);
    let p = plan(&store, events, &never);
    assert_eq!(p.files_to_write(), [Path::new("zz-fire.yaml")]);
    assert_eq!(p.unchanged, 1);
}

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

// --- check ---------------------------------------------------------------------------------

fn article(id: &str, text: &str, published: (i32, u32, u32)) -> ArticleRef {
    ArticleRef {
        id: id.into(),
        text: text.into(),
        published: Some(day(published.0, published.1, published.2)),
    }
}

#[test]
fn check_finds_duplicates_missing_articles_lost_quotes_and_dates_after_publication() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.yaml"),
        "id: vote\ndate: 2017-03-01\ntitle: A\nsources:\n- article: a1\n  quote: Parliament   voted\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.yaml"),
        "title: \"Rapid: B\"\nid: vote\ndate: 2017-03-09\nsources:\n- article: a1\n  quote: Nobody said this.\n- article: gone\n  quote: x\n",
    )
    .unwrap();
    let store = load_today(d);
    let articles = [article(
        "a1",
        "On Wednesday Parliament\nvoted.",
        (2017, 3, 2),
    )];
    let found: Vec<String> = check(&store, &articles)
        .iter()
        .map(|diag| {
            let (line, column) = diag.error.location.unwrap();
            format!(
                "{:?} {}:{line}:{column} {}",
                diag.severity,
                diag.error.path.file_name().unwrap().to_string_lossy(),
                diag.error.message
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            format!(
                "Error b.yaml:2:1 duplicate event id `vote`: {} has it too",
                d.join("a.yaml").display()
            ),
            "Warning b.yaml:6:10 the quote is not in article `a1`".to_string(),
            "Error b.yaml:7:3 source names article `gone`, which does not exist".to_string(),
        ]
    );
}

#[test]
fn check_warns_about_an_event_after_all_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "id: a\ndate: 2017-03-05/2017-03-09\ntitle: A\nsources:\n- article: a1\n  quote: It will happen.\n- article: a2\n  quote: Soon.\n",
    )
    .unwrap();
    let store = load_today(dir.path());
    let articles = [
        article("a1", "It will happen.", (2017, 3, 1)),
        article("a2", "Soon.", (2017, 3, 4)),
    ];
    let diags = check(&store, &articles);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(diags[0].error.location, Some((2, 1)));
    assert_eq!(
        diags[0].error.message,
        "the event is dated 2017-03-05/2017-03-09 but its latest source was published 2017-03-04"
    );
    // A source published on the first day is fine.
    let articles = [
        article("a1", "It will happen.", (2017, 3, 1)),
        article("a2", "Soon.", (2017, 3, 5)),
    ];
    assert!(check(&store, &articles).is_empty());
}

// --- robustness ----------------------------------------------------------------------------

#[test]
fn a_repeated_key_is_named_without_parser_jargon() {
    let err = parse_event(
        Path::new("ev/x.yaml"),
        "id: x\ndate: 2017\ntitle: A\ntitle: B\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "key `title` appears twice\n  --> ev/x.yaml:4:1\n  |\n4 | title: B\n  | ^\n  = help: keep one of them; YAML allows each key once per mapping"
    );
}

#[test]
fn a_flow_mapping_without_an_id_says_the_id_is_missing() {
    let err = parse_event(Path::new("ev/x.yaml"), "{date: 2017, title: A}\n").unwrap_err();
    assert_eq!(err.message, "the event has no `id`");
    let ok = parse_event(Path::new("ev/x.yaml"), "{id: x, date: 2017, title: A}\n").unwrap();
    assert_eq!(ok.title, "A");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_as_an_event_file_never_panics_load(text in "\\PC*|[a-z:\\- \\n\\[\\]{}#'\"|>~?0-9]{0,80}") {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.yaml"), &text).unwrap();
        if let Err(err) = load(dir.path()) {
            let err = err.downcast_ref::<crate::error::ContentError>();
            proptest::prop_assert!(err.is_some(), "a bad event file must be a content error");
            if let Some((line, _)) = err.and_then(|e| e.location) {
                proptest::prop_assert!(line >= 1 && line <= text.lines().count().max(1));
            }
        }
    }

    #[test]
    fn written_events_read_back_unchanged(title in "\\PC{1,120}", quote in "\\PC{1,200}") {
        let event = ev("x", "2017-03~", &title, vec![src("a1", "2017-03-02", &quote)]);
        let text = super::yaml_edit::to_yaml(&event).unwrap();
        proptest::prop_assert_eq!(parse_event(Path::new("x.yaml"), &text).unwrap(), event);
    }
}

#[test]
fn load_survives_arbitrary_bytes_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.yaml"), [0xff, 0xfe, b':', b'\n']).unwrap();
    let err = load(dir.path()).unwrap_err();
    assert!(err.downcast_ref::<crate::error::ContentError>().is_some());
}

#[test]
fn a_hidden_event_counts_as_edited_even_if_annals_wrote_it() {
    let mut hidden = vote();
    hidden.hidden = true;
    let dir = written(vec![hidden]);
    let store = load_today(dir.path());
    assert_eq!(store.events[0].class, Class::Edited);
    // So a fresh extraction does not unhide it.
    let p = plan(&store, vec![vote()], &never);
    assert!(p.is_empty() && p.updated.is_empty(), "{p}");
}

#[test]
fn a_renamed_file_is_not_a_deleted_event() {
    let dir = written(vec![vote()]);
    let d = dir.path();
    std::fs::rename(d.join("vote.yaml"), d.join("2017-vote.yaml")).unwrap();
    let store = load_today(d);
    assert!(rejected(&store).is_empty());
    assert_eq!(store.events[0].class, Class::HandMade);
    let p = plan(&store, vec![vote()], &never);
    assert!(p.is_empty() && p.added.is_empty(), "{p}");
}

#[test]
fn the_documented_example_event_is_valid() {
    let doc = include_str!("../../docs/events.md");
    let example = doc
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let event = parse_event(Path::new("budget-vote.yaml"), example).unwrap();
    assert_eq!(event.id, "budget-vote");
    assert_eq!(event.sources[0].phrase.as_deref(), Some("on Wednesday"));
    assert_eq!(event.date_conflicts.len(), 1);
    assert_eq!((event.hidden, event.importance), (true, Some(4)));
    // And the error the documentation shows is the one annals gives.
    let misspelt = "id: budget-vote\ndate: \"2017-03-01\"\ntitel: Parliament passes the budget\n";
    let err = parse_event(Path::new("content/events/budget-vote.yaml"), misspelt).unwrap_err();
    assert!(doc.contains(&format!("```text\n{err}\n```")), "{err}");
}
