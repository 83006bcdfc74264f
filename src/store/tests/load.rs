//! Loading: the written format, classification and located errors.

use std::path::{Path, PathBuf};

use super::*;
use crate::store::load::{load_cached, load_cached_at, parse_event};

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
        "`2017-02-30` is not a date: 2017-02 has no day 30 (write e.g. 2017, 2017-03, 2017-03-01, 2017-03-01/2017-03-05, 2017-03~)\n  --> ev/x.yaml:2:7\n  |\n2 | date: 2017-02-30\n  |       ^\n  = help: check the day: that month is shorter"
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
    let doc = include_str!("../../../docs/events.md");
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

/// An events folder with two events, and a site folder for the parse cache.
fn two_events_and_a_site() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = written(vec![vote(), ev("strike", "2017-04", "Strike", vec![])]);
    (dir, tempfile::tempdir().unwrap())
}

/// The parse cache may make loading faster, never different: edits, new files, deleted files,
/// broken files and a corrupt cache all read as if there were no cache.
#[test]
fn the_parse_cache_never_changes_what_loads() {
    let (dir, site) = two_events_and_a_site();
    let d = dir.path();
    let cache = site.path().join(crate::store::parse_cache::CACHE_FILE);
    let plain = || -> Vec<(PathBuf, Event)> {
        let store = load_on(d, day(2024, 5, 2)).unwrap();
        store
            .events
            .into_iter()
            .map(|s| (s.path, s.event))
            .collect()
    };
    let cached = || load_cached(d, &cache).unwrap();

    assert_eq!(cached(), plain());
    let first = std::fs::read_to_string(&cache).expect("the first load writes the cache");
    assert_eq!(
        first.lines().count(),
        3,
        "a header and one line per file: {first}"
    );
    assert_eq!(cached(), plain(), "read back from the cache");

    // Edits keep their file names, within the same second and at the same size too: files
    // written that recently are read again.
    std::fs::write(
        d.join("strike.yaml"),
        "id: strike\ndate: 2017-04-02\ntitle: Strike ends\n",
    )
    .unwrap();
    assert_eq!(cached(), plain());
    std::fs::write(
        d.join("strike.yaml"),
        "id: strike\ndate: 2017-04-03\ntitle: Strike ends\n",
    )
    .unwrap();
    assert_eq!(cached(), plain(), "an edit of the same size at once");
    std::fs::write(d.join("mine.yml"), "id: mine\ndate: 2017\ntitle: Mine\n").unwrap();
    std::fs::remove_file(d.join("vote.yaml")).unwrap();
    let after = cached();
    assert_eq!(after, plain());
    let titles: Vec<&str> = after.iter().map(|(_, e)| e.title.as_str()).collect();
    assert_eq!(titles, ["Mine", "Strike ends"]);
    assert_eq!(std::fs::read_to_string(&cache).unwrap().lines().count(), 3);

    // A cached file broken since is an error with its location, as without a cache.
    std::fs::write(d.join("mine.yml"), "id: mine\ndate: 2017\ntitle: [Mine\n").unwrap();
    let plain_error = format!("{:#}", load_on(d, day(2024, 5, 2)).unwrap_err());
    let cached_error = format!("{:#}", load_cached(d, &cache).unwrap_err());
    assert_eq!(cached_error, plain_error);
    assert!(cached_error.contains("mine.yml:3"), "{cached_error}");
    std::fs::write(d.join("mine.yml"), "id: mine\ndate: 2017\ntitle: Mine\n").unwrap();

    // A corrupt or foreign cache is ignored and replaced.
    for junk in ["", "not json\n", "{\"annals_parse_cache\":\"0.0.0\"}\n{}\n"] {
        std::fs::write(&cache, junk).unwrap();
        assert_eq!(cached(), plain(), "{junk:?}");
        assert!(
            std::fs::read_to_string(&cache)
                .unwrap()
                .contains(env!("CARGO_PKG_VERSION"))
        );
    }
}

/// A file whose stamp (size, times, inode) is the one cached is not read at all; any write to
/// it changes the stamp. Shown with a cache whose event for an unchanged file was altered:
/// only a load that skips the file can return it.
#[test]
fn files_with_settled_stamps_are_not_read_again() {
    let (dir, site) = two_events_and_a_site();
    let d = dir.path();
    let cache = site.path().join(crate::store::parse_cache::CACHE_FILE);
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let titles = || -> Vec<String> {
        load_cached_at(d, &cache, later)
            .unwrap()
            .into_iter()
            .map(|(_, e)| e.title)
            .collect()
    };
    let first = titles();
    assert!(first.contains(&"Strike".to_string()), "{first:?}");
    let text = std::fs::read_to_string(&cache).unwrap();
    assert!(
        text.contains("\"stamp\":{"),
        "stamps are kept once settled: {text}"
    );
    // The event and the hash of the bytes changed in the cache: had the file been read, its
    // hash would differ from the cached one and its event be parsed again.
    let altered: Vec<String> = text
        .lines()
        .map(|line| match line.find("\"hash\":\"") {
            Some(at) if line.contains("strike.yaml") => {
                let hash = &line[at + 8..at + 8 + line[at + 8..].find('"').unwrap()];
                line.replace(hash, "fnv1a64:0000000000000000")
                    .replace("\"Strike\"", "\"Cached strike\"")
            }
            _ => line.to_string(),
        })
        .collect();
    std::fs::write(&cache, altered.join("\n") + "\n").unwrap();
    assert!(
        titles().contains(&"Cached strike".to_string()),
        "{:?}",
        titles()
    );

    // Rewritten at the same size, its modification time set back: the stamp still differs.
    let path = d.join("strike.yaml");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Strike", "Walked");
    std::fs::write(&path, edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
        .unwrap();
    assert!(titles().contains(&"Walked".to_string()), "{:?}", titles());
}
