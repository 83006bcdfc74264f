//! The report itself as an event: "Apple Corps claims that Apple Computer's iTunes Music Store
//! violates an agreement reached in 1991" tells of a claim made when the article was written,
//! besides the agreement of 1991. News dates such a reporting verb, when no date of its own
//! governs it, to the day of publication (the SemEval-2015 TimeLine gold does throughout).

use std::ops::Range;

use crate::words::words;

/// Verbs of saying whose act is news in itself.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "claims",
    "claimed",
    "stated",
    "states",
    "asked",
    "confirmed",
    "confirms",
    "revealed",
    "warned",
    "told",
];

/// Whether `word` is one of the [`REPORTING_VERBS`].
pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(&word)
}

/// A word right before the verb that makes it no report made at publication: a future or a
/// modal ("will announce"), an earlier past ("had said"), an infinitive, a subordinate or
/// relative clause ("when he said", "the figures that NPD reported"), a passive ("was told").
const NOT_A_REPORT: &[&str] = &[
    "will", "would", "could", "may", "might", "should", "must", "to", "had", "when", "if", "which",
    "who", "that", "as", "be", "been", "was", "were", "is", "are", "not", "never",
];

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
];

/// The reporting verb of `sentence` (its byte range) when every dated phrase of the sentence
/// (`phrases`, in order) lies in what it reports and none dates the report itself: "Jobs said
/// that his company sold 13.7 million Macs last year" but not "Apple announced Monday it has
/// settled" nor "In January 2005, Boeing announced that it would cancel the 717 program".
pub fn verb(sentence: &str, phrases: &[Range<usize>]) -> Option<Range<usize>> {
    let first = phrases.first()?;
    let (mut before, mut previous) = ("", "");
    let mut at = 0;
    for word in sentence[..first.start].split(' ') {
        let start = at;
        at += word.len() + 1;
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        // "the recently announced iPhone 4": a participle before a noun reports nothing.
        let attributive = DETERMINERS.contains(&before.to_lowercase().as_str())
            || DETERMINERS.contains(&previous.to_lowercase().as_str());
        if REPORTING_VERBS.contains(&bare) && !NOT_A_REPORT.contains(&previous) && !attributive {
            let offset = word.find(bare).unwrap_or(0);
            let end = start + offset + bare.len();
            // The dates must sit in what is reported, a clause of its own: after "that" or a
            // verb ("said a ribbon-cutting would be held on July 4"), not in the report's own
            // words ("said in a statement on Wednesday night").
            let reported = words(&sentence[end..first.start])
                .any(|w| w == "that" || super::clause::is_verb(w));
            // "asked why the beams were last inspected": a question, asked when the story
            // happened (at the meeting), not news of the publication day.
            let question = is_question(&sentence[end..]);
            return (reported && !question).then_some(start + offset..end);
        }
        if !bare.is_empty() {
            before = previous;
            previous = bare;
        }
    }
    None
}

/// Whether the words after a reporting verb are the statement itself ("said a ribbon-cutting
/// would be held", "said that his company sold"), not an inserted attribution (", he said,
/// would happen") nor a question ("asked why the beams were last inspected").
pub fn opens_statement(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with(|c: char| c.is_alphanumeric()) && !is_question(after)
}

/// Whether the words after a verb open a question: "why the beams were last inspected".
fn is_question(after: &str) -> bool {
    let first = words(after).next().unwrap_or_default().to_lowercase();
    matches!(
        first.as_str(),
        "why" | "whether" | "if" | "how" | "when" | "where" | "what" | "who"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(sentence: &str, dates: &[&str]) -> Option<String> {
        let phrases: Vec<Range<usize>> = dates
            .iter()
            .map(|d| {
                let at = sentence.find(d).unwrap();
                at..at + d.len()
            })
            .collect();
        verb(sentence, &phrases).map(|r| sentence[r].to_string())
    }

    #[test]
    fn a_report_of_a_dated_event_is_an_event_of_its_own() {
        let s = "Apple Corps claims that Apple Computer's iTunes Music Store violates an agreement reached between the two companies in 1991, which barred Apple Computer from using the \"Apple\" brand.";
        assert_eq!(report(s, &["1991"]).as_deref(), Some("claims"));
        let s = "This 'switch', he said, would happen beginning next year.";
        assert_eq!(report(s, &["next year"]).as_deref(), Some("said"));
        let s = "United States airframer Boeing has announced that development of a replacement for their 737 narrowbody airliner, begun two years ago, has been pushed back several years.";
        assert_eq!(report(s, &["two years ago"]).as_deref(), Some("announced"));
    }

    #[test]
    fn a_statement_follows_its_verb_a_question_or_an_insert_does_not() {
        assert!(opens_statement(
            " that his company sold 13.7 million Macs last year."
        ));
        assert!(opens_statement(
            " a ribbon-cutting would be held on July 4."
        ));
        assert!(!opens_statement(", would happen beginning next year."));
        assert!(!opens_statement(
            " why the beams were last inspected in 2019."
        ));
    }

    #[test]
    fn a_report_dated_by_its_own_phrase_or_not_made_now_is_not() {
        let s = "Apple Inc. announced Monday it has settled its decades-long trademark dispute with the Beatles' record company.";
        assert_eq!(report(s, &["Monday"]), None);
        let s = "China Eastern Airlines stated on Thursday that it had signed a contract.";
        assert_eq!(report(s, &["Thursday"]), None);
        let s = "In January 2005, Boeing announced that it would cancel the 717 program.";
        assert_eq!(report(s, &["January 2005"]), None);
        let s = "Officials had said that the bridge would reopen in May.";
        assert_eq!(report(s, &["May"]), None);
        let s =
            "\"I never met with any Russian officials,” he said in a statement on Wednesday night.";
        assert_eq!(report(s, &["Wednesday night"]), None);
        let s = "Several asked why the beams were last inspected in 2019.";
        assert_eq!(report(s, &["2019"]), None);
        let s = "Pre-orders of the recently announced iPhone 4 began Tuesday.";
        assert_eq!(report(s, &["Tuesday"]), None);
        let s = "The bridge reopened on March 3, 2017.";
        assert_eq!(report(s, &["March 3, 2017"]), None);
    }
}
