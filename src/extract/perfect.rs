//! The news perfect: "Airbus has won an order from Qatar Airways", "Boeing has unveiled a new
//! version of its 777". A news report tells what just happened in the present perfect and gives
//! it no date: the event is news of the day the article was written. Only a main clause counts,
//! and only an act ("has won", "has been delayed"), not a state ("has had", "has been a
//! wonderful day") nor a perfect that runs over time ("has long", "has never").

use crate::time::{Timex, TimexType};

/// How many sentences from the top of an article its lead may take. News tells its news in
/// the perfect at the top ("Airbus has won an order"); further down the perfect is background
/// ("The Kremlin has been accused by U.S. intelligence agents of trying to meddle in the
/// elections", the last paragraph of the seed article), which did not happen that day.
/// Five: a lead and the paragraph after it. On SemEval trial and corpus_1 the rule kept
/// everywhere dated 0.409 / 0.510 of the gold mentions, kept to five sentences 0.403 / 0.480,
/// with date accuracy 0.857 / 0.786 against 0.855 / 0.794.
pub const LEAD_SENTENCES: usize = 5;

/// Words that may sit between the auxiliary and the participle: "has unexpectedly defeated".
const BETWEEN: &[&str] = &[
    "also",
    "now",
    "just",
    "already",
    "finally",
    "officially",
    "formally",
    "again",
    "recently",
];

/// Past participles not ending in "-ed".
const IRREGULAR: &[&str] = &[
    "won",
    "made",
    "sold",
    "bought",
    "taken",
    "given",
    "begun",
    "become",
    "chosen",
    "fallen",
    "flown",
    "grown",
    "held",
    "hit",
    "kept",
    "led",
    "left",
    "lost",
    "met",
    "paid",
    "put",
    "risen",
    "said",
    "seen",
    "sent",
    "set",
    "shown",
    "shut",
    "spent",
    "struck",
    "told",
    "written",
    "broken",
    "brought",
    "built",
    "cut",
    "drawn",
    "found",
    "laid",
    "quit",
    "withdrawn",
    "born",
    "known",
    "undertaken",
];

/// Words before the auxiliary that make its clause a subordinate one or no report of an act:
/// "when it has landed", "the plane which has flown", "could have been".
const NOT_MAIN: &[&str] = &[
    "when", "after", "before", "as", "if", "since", "because", "although", "though", "while",
    "which", "who", "that", "until", "once", "where", "whether", "will", "would", "could",
    "should", "may", "might", "must", "to", "not", "it",
];

/// Words that turn a stretch of time forward: "over the next four years", "in the coming
/// months". A perfect counts back from now ("has worked there for ten years"); a stretch ahead
/// cannot measure it, it tells how long what was decided will take.
const AHEAD: &[&str] = &["next", "coming", "following"];

/// Whether `timex` (found in `text`) is a duration that looks ahead ("the next four years"),
/// which dates nothing and leaves a news perfect news: "Airbus has announced 10,000 job cuts over
/// the next four years" was announced the day it was written.
pub fn looks_ahead(text: &str, timex: &Timex) -> bool {
    if timex.kind != TimexType::Duration {
        return false;
    }
    // The tagger may leave the word out of the span: "the [coming five years]".
    let before = text[..timex.start].split_whitespace().next_back();
    timex
        .text
        .split_whitespace()
        .take(2)
        .chain(before)
        .any(|w| AHEAD.contains(&w.to_lowercase().as_str()))
}

/// Whether `sentence` tells, in a main clause, an act in the present perfect.
pub fn is_news_perfect(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some(aux) = words.iter().position(|w| w == "has" || w == "have") else {
        return false;
    };
    // A verb before it makes it a clause of what that verb tells: "Jobs unveiled the products,
    // saying the company has been inspired by the iPad".
    if aux == 0
        || words[..aux]
            .iter()
            .any(|w| NOT_MAIN.contains(&w.as_str()) || super::clause::is_verb(w))
    {
        return false;
    }
    let mut next = aux + 1;
    while words
        .get(next)
        .is_some_and(|w| BETWEEN.contains(&w.as_str()) || (w.len() > 5 && w.ends_with("ly")))
    {
        next += 1;
    }
    // "has been delayed": the passive of an act; "has been a wonderful day": a state.
    if words.get(next).is_some_and(|w| w == "been") {
        next += 1;
    }
    words.get(next).is_some_and(|w| is_participle(w))
}

/// A lowercase past participle: "delayed", "won".
pub(super) fn is_participle(word: &str) -> bool {
    (word.len() >= 5 && word.ends_with("ed") && !word.ends_with("eed")) || IRREGULAR.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_act_told_in_the_perfect_is_news() {
        assert!(is_news_perfect(
            "The Millbrook council has approved the new bridge budget."
        ));
        assert!(is_news_perfect(
            "Harbor Freight, the regional carrier, has won a contract to run the ferry."
        ));
        assert!(is_news_perfect(
            "The reopening of the pier has been delayed again."
        ));
        assert!(is_news_perfect(
            "Two unions have unexpectedly rejected the offer."
        ));
    }

    #[test]
    fn a_state_a_long_perfect_or_a_subordinate_one_is_not() {
        assert!(!is_news_perfect("The town has had a ferry since the war."));
        assert!(!is_news_perfect("This has been a wonderful day for us."));
        assert!(!is_news_perfect("The mayor has long opposed the bridge."));
        assert!(!is_news_perfect("The council has never approved a budget."));
        assert!(!is_news_perfect(
            "When the council has voted, the work will start."
        ));
        assert!(!is_news_perfect("The crew could have finished sooner."));
        assert!(!is_news_perfect(
            "It has been reported that the pier closed."
        ));
        assert!(!is_news_perfect("The ferry runs twice a day."));
        assert!(!is_news_perfect(
            "The mayor opened the pier, saying the town has waited long enough."
        ));
    }
}
