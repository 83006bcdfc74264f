use super::*;
use std::path::PathBuf;

/// Each candidate as (date, dated phrase), to compare with dates worked out by hand.
fn dates_and_phrases(found: &[Candidate]) -> Vec<(String, &str)> {
    found
        .iter()
        .map(|c| (c.date.to_string(), c.phrase.as_str()))
        .collect()
}

/// Each candidate as (date, title).
pub(super) fn dates_and_titles(found: &[Candidate]) -> Vec<(String, &str)> {
    found
        .iter()
        .map(|c| (c.date.to_string(), c.title.as_str()))
        .collect()
}

fn article(text: &str, published: &str) -> Article {
    Article {
        id: "a".into(),
        path: PathBuf::from("content/a.md"),
        title: "A".into(),
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        published_text: Some(published.into()),
        publisher: None,
        url: None,
        author: None,
        tags: vec![],
        draft: false,
        text: text.into(),
    }
}

#[test]
fn a_dated_sentence_becomes_a_candidate_with_its_quote() {
    let a = article(
        "Intro line.\n\nThe bridge  reopened on March 3, 2017, officials said. It rained.",
        "2017-03-05",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].date.to_string(), "2017-03-03");
    assert_eq!(found[0].title, "The bridge reopened");
    assert_eq!(
        found[0].quote,
        "The bridge reopened on March 3, 2017, officials said."
    );
}

#[test]
fn a_dateline_alone_is_no_event() {
    let a = article("March 3, 2017\n\nNothing happened.", "2017-03-03");
    assert!(extract(0, &a, NumericOrder::MonthFirst).is_empty());
}

#[test]
fn a_yardstick_date_is_no_event_but_a_starting_point_is() {
    let a = article(
        "The river rose to its highest level since 1998. The bridge has been closed since April 1.",
        "2024-04-03",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, vec!["2024-04-01"]);
}

#[test]
fn an_article_gives_at_most_the_cap_of_events_and_keeps_the_first() {
    // 3,000 distinct dated sentences: a dump, not an article.
    let text: String = (0..3_000)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(i);
            format!(
                "The crew repaired the pier on {}. ",
                day.format("%B %-d, %Y")
            )
        })
        .collect();
    let found = extract(0, &article(&text, "2017-03-02"), NumericOrder::MonthFirst);
    assert_eq!(found.len(), MAX_CANDIDATES_PER_ARTICLE);
    assert_eq!(found[0].date.to_string(), "2000-01-01");
    assert_eq!(
        found.last().unwrap().sentence,
        MAX_CANDIDATES_PER_ARTICLE - 1
    );
}

#[test]
fn a_report_of_a_dated_event_is_an_event_of_the_publication_day() {
    // From the example site: the mayor spoke when the article was written, about July 4.
    let a = article(
        "Mayor Helen Ortiz said a ribbon-cutting would be held on July 4 during the town's \
         Independence Day fair.",
        "2024-06-28",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let told: Vec<(String, &str, &str)> = found
        .iter()
        .map(|c| (c.date.to_string(), c.phrase.as_str(), c.title.as_str()))
        .collect();
    // "Independence Day" dates the same day as "July 4"; the two merge into one event.
    // The saying comes first, as the sentence tells it.
    assert_eq!(
        told,
        vec![
            (
                "2024-06-28".to_string(),
                "",
                "Mayor Helen Ortiz said a ribbon-cutting would be held during the town's fair"
            ),
            (
                "2024-07-04".to_string(),
                "July 4",
                "A ribbon-cutting would be held during the town's Independence Day fair"
            ),
            (
                "2024-07-04".to_string(),
                "Independence Day",
                "A ribbon-cutting would be held on July 4 during the town's fair"
            ),
        ],
        "{found:#?}"
    );
    // Without a publication date there is no day to give the saying.
    let undated = article(
        "Mayor Helen Ortiz said the bridge would reopen on June 27, 2024.",
        "",
    );
    let found = extract(0, &undated, NumericOrder::MonthFirst);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].title,
        "Mayor Helen Ortiz said the bridge would reopen"
    );
}

#[test]
fn a_sentence_that_reports_news_tells_it_before_a_date_of_its_aside() {
    // SemEval-2015 corpus_1: the news is the pushing back, of the publication day; "begun two
    // years ago" dates only the aside, and the long report title is cut before "pushed".
    let a = article(
        "United States airframer Boeing has announced that development of a replacement for \
         their 737 narrowbody airliner, begun two years ago, has been pushed back several years.",
        "2008-05-24",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, vec!["2008-05-24", "2006"], "{found:#?}");
    assert_eq!(found[0].phrase, "");
}

#[test]
fn each_clause_of_a_sentence_has_its_own_title_words_and_names() {
    let a = article(
        "Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the \
         iTunes Music Store in 2003.",
        "2006-03-28",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let store = found
        .iter()
        .find(|c| c.date.to_string() == "2003")
        .expect("the 2003 launch");
    assert_eq!(
        store.title,
        "Apple Computer launched the iTunes Music Store"
    );
    assert_eq!(
        store.words(),
        "Apple Computer launched the iTunes Music Store in 2003."
    );
    assert!(
        !store.entities.iter().any(|e| e.contains("Jobs")),
        "{:?}",
        store.entities
    );
    let start = found
        .iter()
        .find(|c| c.date.to_string() == "1976")
        .expect("the 1976 start");
    assert!(start.entities.iter().any(|e| e.contains("Wozniak")));
    assert!(!start.title.contains("launched"), "{}", start.title);
}

#[test]
fn a_report_of_the_current_week_ends_on_the_day_it_was_written() {
    // Written on Tuesday 31 March: the filing lay between Monday and Tuesday, so in March.
    let a = article(
        "The tenants' union has filed a complaint against the landlord in the county court this \
         week. The hearing will take place this week.",
        "2026-03-31",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(
        dates,
        vec!["2026-03-30/2026-03-31", "2026-03-30/2026-04-05"]
    );
}

#[test]
fn the_date_of_a_plan_given_up_dates_nothing() {
    let a = article(
        "The new terminal, originally scheduled to open in June, will now open in September. \
         The vote was initially set for Tuesday. The ferry is due in June.",
        "2024-04-03",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, vec!["2024-09", "2024-06"]);
}

#[test]
fn a_span_of_years_dates_no_event() {
    // The lifespan in a caption would date the statement beside it to 1955.
    let a = article(
        "A statement on Apple's website, the homepage of which currently displays the text \
         \"Steve Jobs 1955-2011\", states: \"Apple has lost a visionary and creative genius.\" \
         The shipyard, a ferry builder in the 1950-1975 boom, reopened on March 3.",
        "2011-10-06",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
    assert_eq!(dates, vec!["2011-03-03"], "{found:#?}");
    let a = article("The bridge opened in 1998.", "2011-10-06");
    assert_eq!(extract(0, &a, NumericOrder::MonthFirst).len(), 1);
}

#[test]
fn an_undated_act_in_the_perfect_is_news_of_the_publication_day() {
    let a = article(
        "The Millbrook council has approved the new bridge budget. The bridge has been closed \
         since April 1. The mayor has long opposed the plan.",
        "2024-04-03",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let dated = dates_and_phrases(&found);
    assert_eq!(
        dated,
        vec![
            ("2024-04-03".to_string(), ""),
            ("2024-04-01".into(), "April 1")
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[0].title,
        "The Millbrook council has approved the new bridge budget"
    );
    // Without a publication date there is no day to give it.
    let mut undated = a.clone();
    undated.published = None;
    assert!(
        extract(0, &undated, NumericOrder::MonthFirst)
            .iter()
            .all(|c| !c.phrase.is_empty())
    );
}

#[test]
fn a_perfect_below_the_lead_is_background_not_news() {
    let background = "The county has been accused by auditors of hiding the cost. ";
    let lead = format!("{background}The ferry ran late on Monday.");
    let a = article(&lead, "2024-04-03");
    let found = extract(0, &a, NumericOrder::MonthFirst);
    assert!(found.iter().any(|c| c.phrase.is_empty()), "{found:#?}");
    // The same sentence after five others is what the story stands on, not what it reports.
    let text = format!(
        "{}{background}",
        "The ferry ran late on Monday. ".repeat(super::perfect::LEAD_SENTENCES)
    );
    let a = article(&text, "2024-04-03");
    let found = extract(0, &a, NumericOrder::MonthFirst);
    assert!(found.iter().all(|c| !c.phrase.is_empty()), "{found:#?}");
}

#[test]
fn a_coarser_date_of_the_same_clause_only_places_the_finer_one() {
    let a = article(
        "Yesterday, at this year's harbour fair, the mayor opened the new pier. \
         The crew started the repairs in June and finished the whole bridge in 2023.",
        "2023-09-06",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let phrases: Vec<&str> = found.iter().map(|c| c.phrase.as_str()).collect();
    assert_eq!(phrases, vec!["Yesterday", "June", "2023"], "{found:#?}");
    assert_eq!(found[0].date.to_string(), "2023-09-05");
}

#[test]
fn a_stretch_ahead_leaves_a_news_perfect_news() {
    // SemEval-2015 corpus 1 (Airbus, 28 February 2007): the cuts were announced that day; the
    // four years are how long they will take, no date of the announcement.
    let a = article(
        "Airbus, Europe's biggest aircraft manufacturer, has announced 10,000 job cuts over the \
         next four years.",
        "2007-02-28",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].date.to_string(), "2007-02-28");
    assert!(found[0].title.contains("has announced 10,000 job cuts"));
    // A stretch that counts back measures the perfect: a state, no news.
    let a = article(
        "The harbour master has worked at the pier for the past ten years.",
        "2007-02-28",
    );
    assert!(extract(0, &a, NumericOrder::MonthFirst).is_empty());
}

#[test]
fn a_clause_said_to_hold_now_is_a_state_of_the_publication_day_not_of_another_clause_date() {
    // SemEval-2015 corpus_1: "currently under development ... and scheduled to enter service in
    // 2008" is in development when written, not in 2008.
    let a = article(
        "The Millbrook ferry is an old boat currently under repair by the yard and scheduled to \
         return to service in 2026.",
        "2025-05-01",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let told = dates_and_phrases(&found);
    assert_eq!(
        told,
        vec![
            ("2025-05-01".to_string(), "currently"),
            ("2026".to_string(), "2026")
        ],
        "{found:#?}"
    );
    assert!(found[0].title.contains("under repair"), "{found:#?}");
    assert!(!found[1].title.contains("repair"), "{found:#?}");
    // Alone, "now" dates nothing; in the clause of a date it leaves the date the clause's; the
    // adjective "current" names a thing, not a time.
    for text in [
        "The yard now has twenty boats.",
        "The ferry will now return next month.",
        "Over a million tickets will be sold by the end of the current season, which ends on June 26.",
    ] {
        let found = extract(0, &article(text, "2025-05-01"), NumericOrder::MonthFirst);
        assert!(
            found.iter().all(|c| c.date.to_string() != "2025-05-01"),
            "{found:#?}"
        );
    }
}

#[test]
fn a_time_of_writing_leaves_a_lead_perfect_news() {
    // SemEval-2015 corpus_1: "current" and "currently" do not move the act away from the day.
    for text in [
        "Harbor Freight has won a contract to replace the town's current ferry.",
        "The council has bought two boats, a design the yard currently has under test.",
    ] {
        let found = extract(0, &article(text, "2025-05-01"), NumericOrder::MonthFirst);
        let dates: Vec<String> = found.iter().map(|c| c.date.to_string()).collect();
        assert_eq!(dates, vec!["2025-05-01"], "{text}");
    }
}

#[test]
fn an_aside_of_how_a_thing_already_stands_is_of_the_publication_day() {
    // SemEval-2015 corpus_1: the 787 bears ANA's livery when the article is written; it arrives
    // next month.
    let a = article(
        "After the ferry, already bearing the town's colours, arrives in Millbrook next month, \
         the council will use it for a charity cruise.",
        "2025-05-01",
    );
    let found = extract(0, &a, NumericOrder::MonthFirst);
    let told = dates_and_titles(&found);
    assert_eq!(
        told,
        vec![
            (
                "2025-06".to_string(),
                "After the ferry arrives in Millbrook, the council will use it for a charity cruise"
            ),
            (
                "2025-05-01".to_string(),
                "The ferry already bearing the town's colours"
            ),
        ],
        "{found:#?}"
    );
    // Without a date in the sentence the aside is no event, as "currently" alone is none.
    let a = article(
        "The ferry, already bearing the town's colours, sails well.",
        "2025-05-01",
    );
    assert!(extract(0, &a, NumericOrder::MonthFirst).is_empty());
}
