//! Planning each rule, and applying: only changed files, atomically, all or nothing.

use std::path::Path;

use super::*;

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
