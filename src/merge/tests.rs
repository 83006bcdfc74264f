use super::*;
use crate::time::Edtf;
use chrono::NaiveDate;
use std::path::PathBuf;

fn candidate(article: usize, date: &str, quote: &str, entities: &[&str]) -> Candidate {
    Candidate {
        article,
        article_id: format!("a{article}"),
        sentence: 0,
        sentence_span: 0..quote.len(),
        date: Edtf::parse(date).unwrap(),
        value: date.into(),
        phrase: "then".into(),
        title: quote.trim_end_matches('.').into(),
        entities: entities.iter().map(|s| s.to_string()).collect(),
        quote: quote.into(),
        clause: None,
        published: NaiveDate::from_ymd_opt(2017, 3, 10 + article as u32),
    }
}

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| Article {
            id: format!("a{i}"),
            path: PathBuf::from(format!("content/a{i}.md")),
            title: format!("Article {i}"),
            published: NaiveDate::from_ymd_opt(2017, 3, 10 + i as u32),
            published_text: None,
            publisher: Some(format!("Paper {i}")),
            url: None,
            author: None,
            tags: vec![],
            draft: false,
            text: String::new(),
        })
        .collect()
}

#[test]
fn the_same_event_told_twice_is_one_event_with_the_most_specific_date() {
    let candidates = vec![
        candidate(
            0,
            "2017-03-07",
            "The Millbrook bridge reopened to traffic.",
            &["Millbrook"],
        ),
        candidate(
            1,
            "2017-03",
            "Millbrook's bridge reopened to traffic earlier this month.",
            &["Millbrook"],
        ),
        candidate(
            1,
            "2017-03-08",
            "The council approved the budget for the library.",
            &["Council"],
        ),
    ];
    let merged = merge(&candidates, &articles(2), &MergeOptions::default());
    assert_eq!(
        merged.events.len(),
        2,
        "{}",
        explain(&merged, &candidates, 0.35)
    );
    let bridge = merged
        .events
        .iter()
        .find(|e| e.title.contains("bridge"))
        .unwrap();
    assert_eq!(bridge.date.to_string(), "2017-03-07");
    assert_eq!(bridge.sources.len(), 2);
    assert!(bridge.date_conflicts.is_empty());
    assert_eq!(bridge.id, "2017-03-07-millbrook-bridge-reopened-traffic");
}

#[test]
fn close_dates_that_disagree_are_kept_as_conflicts() {
    let q = "Flooding closed the Millbrook bridge and the river road.";
    let candidates = vec![
        candidate(0, "2017-03-03", q, &["Millbrook"]),
        candidate(1, "2017-03-03", q, &["Millbrook"]),
        candidate(2, "2017-03-05", q, &["Millbrook"]),
    ];
    let merged = merge(&candidates, &articles(3), &MergeOptions::default());
    assert_eq!(merged.events.len(), 1);
    let event = &merged.events[0];
    assert_eq!(event.date.to_string(), "2017-03-03");
    assert_eq!(event.date_conflicts.len(), 1);
    assert_eq!(event.date_conflicts[0].article, "a2");
}

#[test]
fn one_article_never_disagrees_with_itself() {
    // The same words on two nearby days of one article are two events, not a conflict; the
    // same pair from two articles is one event whose sources disagree.
    let q = "The harbour crew repaired the pier.";
    let one_article = vec![
        candidate(0, "2017-03-03", q, &[]),
        candidate(0, "2017-03-04", q, &[]),
    ];
    let merged = merge(&one_article, &articles(1), &MergeOptions::default());
    assert_eq!(merged.events.len(), 2);
    assert!(merged.events.iter().all(|e| e.date_conflicts.is_empty()));
    let two_articles = vec![
        candidate(0, "2017-03-03", q, &[]),
        candidate(1, "2017-03-04", q, &[]),
    ];
    let merged = merge(&two_articles, &articles(2), &MergeOptions::default());
    assert_eq!(merged.events.len(), 1);
    assert_eq!(merged.events[0].date_conflicts.len(), 1);
}

#[test]
fn a_middle_report_does_not_chain_unrelated_events() {
    let candidates = vec![
        candidate(
            0,
            "2017-03-07",
            "The mayor opened the new bridge.",
            &["Mayor"],
        ),
        candidate(
            1,
            "2017-03-07",
            "The mayor opened the new bridge and the school.",
            &["Mayor"],
        ),
        candidate(
            2,
            "2017-03-07",
            "The school board closed the school.",
            &["School Board"],
        ),
    ];
    let merged = merge(&candidates, &articles(3), &MergeOptions::default());
    assert!(
        merged.events.iter().all(|e| e.sources.len() < 3),
        "{}",
        explain(&merged, &candidates, 0.35)
    );
}

#[test]
fn ids_stay_stable_when_a_stored_event_shares_a_source() {
    let candidates = vec![candidate(0, "2017-03-07", "The bridge reopened.", &[])];
    let mut merged = merge(&candidates, &articles(1), &MergeOptions::default());
    let mut stored = merged.events[0].clone();
    stored.id = "bridge-reopening".into();
    stable_ids(&mut merged.events, &[stored]);
    assert_eq!(merged.events[0].id, "bridge-reopening");
}

#[test]
fn two_events_of_one_sentence_keep_their_own_ids() {
    // The inspection of 2019 and the asking on the day of publication share article and quote.
    let quote = "Several asked why the beams were last inspected in 2019.";
    let mut inspected = candidate(0, "2019", quote, &[]);
    inspected.phrase = "2019".into();
    let mut asked = candidate(0, "2024-04-18", quote, &[]);
    asked.phrase = String::new();
    let candidates = vec![inspected, asked];
    let merged = merge(&candidates, &articles(1), &MergeOptions::default());
    assert_eq!(merged.events.len(), 2);
    let mut stored = merged.events.clone();
    stored[0].id = "inspection".into();
    stored[1].id = "asking".into();
    // Stored in the other order, as a folder listing may give them.
    stored.reverse();
    let mut fresh = merged.events.clone();
    stable_ids(&mut fresh, &stored);
    let ids: Vec<(String, &str)> = fresh
        .iter()
        .map(|e| (e.date.to_string(), e.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("2019".to_string(), "inspection"),
            ("2024-04-18".to_string(), "asking")
        ]
    );
}

#[test]
fn a_hand_made_event_matches_a_fresh_report_of_it() {
    let candidates = vec![
        candidate(
            0,
            "2017-03-07",
            "The Millbrook bridge reopened to traffic after repairs.",
            &["Millbrook"],
        ),
        candidate(
            1,
            "2017-03-09",
            "The library board elected a new chair.",
            &["Library Board"],
        ),
    ];
    let merged = merge(&candidates, &articles(2), &MergeOptions::default());
    let mut hand_made = merged.events[0].clone();
    hand_made.title = "Millbrook bridge reopens".into();
    hand_made.sources.clear();
    hand_made.date = Edtf::parse("2017-03").unwrap();
    assert!(same_event(&hand_made, &merged.events[0], 0.35));
    assert!(!same_event(&hand_made, &merged.events[1], 0.35));
}

/// A made-up word for `n`, distinct for every `n` even after stemming (no vowels, no "s").
fn letters(mut n: usize) -> String {
    const LETTERS: &[u8] = b"bcfghjkmnpqrtvwxz";
    let mut word = String::from("zq");
    loop {
        word.push(LETTERS[n % LETTERS.len()] as char);
        n /= LETTERS.len();
        if n == 0 {
            return word;
        }
    }
}

#[test]
fn a_word_common_over_the_years_still_joins_two_reports_of_one_week() {
    // Ten years of weekly flood reports: every word is in hundreds of candidates, yet the two
    // reports of the same day must still be compared.
    let quote = "Flooding closed the Millbrook bridge and the river road.";
    let start = NaiveDate::from_ymd_opt(2000, 1, 3).unwrap();
    let mut candidates: Vec<Candidate> = (0..300)
        .map(|k| {
            let day = start + chrono::Duration::days(10 * k as i64);
            candidate(k, &day.to_string(), quote, &["Millbrook"])
        })
        .collect();
    candidates.push(candidate(300, "2000-01-03", quote, &["Millbrook"]));
    let merged = merge(&candidates, &articles(301), &MergeOptions::default());
    assert_eq!(merged.events.len(), 300);
    assert!(merged.members.iter().any(|m| m == &vec![0, 300]));
}

#[test]
fn a_word_everyone_uses_that_day_blocks_nothing() {
    // A hundred unrelated reports of one day share only "officials": scoring every pair of
    // them would make the merge quadratic for nothing.
    let candidates: Vec<Candidate> = (0..100)
        .map(|k| {
            let quote = format!(
                "Officials {} {} {}.",
                letters(k),
                letters(k + 100),
                letters(k + 200)
            );
            candidate(k, "2017-03-07", &quote, &[])
        })
        .collect();
    let similarity = Similarity::new(&candidates);
    assert!(similarity.scored_pairs(&MergeOptions::default()).is_empty());
    // Two of them that also share a rare word are still compared.
    let mut candidates = candidates;
    candidates[7].quote = "Officials zqrare zqword zqother.".into();
    candidates[42].quote = "Officials zqrare zqword zqelse.".into();
    let similarity = Similarity::new(&candidates);
    let pairs = similarity.scored_pairs(&MergeOptions::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].0, pairs[0].1), (7, 42));
}

#[test]
fn a_name_shortened_to_its_first_words_is_the_same_name() {
    let quote = "The company opened its new terminal.";
    let candidates = vec![
        candidate(0, "2017-03-07", quote, &["Harbor Freight Lines", "Oakland"]),
        // How a later sentence names Harbor Freight Lines.
        candidate(1, "2017-03", quote, &["Harbor", "Oakland"]),
        // Its last words are not its short name.
        candidate(2, "2017-03", quote, &["Freight Lines", "Oakland"]),
    ];
    let similarity = Similarity::new(&candidates);
    assert!((similarity.score(0, 1) - 1.0).abs() < 1e-6);
    assert!((similarity.score(0, 2) - 0.85).abs() < 1e-6);
}
