//! An act reported in the past perfect under a dated statement, dated where the article tells it
//! again: "China Eastern Airlines stated on Thursday that it had signed a contract to purchase
//! 20 A320s. The airline ... signed the agreement in Paris on June 15." The past perfect puts the
//! signing before the Thursday of the statement, so Thursday dates the statement only; the
//! signing is the 15 June the next sentence gives the same verb.

use super::{Candidate, clause, perfect, reporting};
use crate::words::words;

/// How many sentences after the statement may tell the act again with its date: the next
/// paragraph of a news story, not the rest of the article.
pub const RETOLD_WITHIN_SENTENCES: usize = 2;

/// Words that may sit between "had" and the participle: "had already signed", "had been sold".
const BETWEEN: &[&str] = &["already", "also", "just", "been", "recently", "finally"];

/// Most words between "that" and "had": the complement's subject ("it", "the airline").
const MAX_SUBJECT_WORDS: usize = 4;

/// Where a dated statement reports an act in the past perfect: the byte at which its complement
/// opens (after "that") and the participle ("signed"), in `candidate`'s quote.
fn reported_past_perfect(candidate: &Candidate) -> Option<(usize, String)> {
    if candidate.phrase.is_empty() || candidate.clause.is_some() {
        return None;
    }
    let quote = &candidate.quote;
    let phrase_end = quote.find(&candidate.phrase)? + candidate.phrase.len();
    let before_phrase: Vec<&str> = words(&quote[..phrase_end - candidate.phrase.len()]).collect();
    // The statement's verb, dated by the phrase: "stated on Thursday".
    if !before_phrase
        .iter()
        .rev()
        .take(3)
        .any(|w| reporting::is_reporting_verb(w))
    {
        return None;
    }
    let that = phrase_end + quote[phrase_end..].find(" that ")? + " that ".len();
    if quote[phrase_end..that]
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        > 1
    {
        return None;
    }
    let words: Vec<String> = words(&quote[that..]).map(str::to_lowercase).collect();
    let had = words.iter().position(|w| w == "had")?;
    if had == 0 || had > MAX_SUBJECT_WORDS || words[..had].iter().any(|w| clause::is_verb(w)) {
        return None;
    }
    let participle = words[had + 1..]
        .iter()
        .find(|w| !BETWEEN.contains(&w.as_str()))?;
    perfect::is_participle(participle).then(|| (that, participle.clone()))
}

/// Whether `text` has `word` (lowercase) as a whole word, any case.
fn has_word(text: &str, word: &str) -> bool {
    words(text).any(|w| w.eq_ignore_ascii_case(word))
}

/// For each dated statement of one article's `candidates` that reports an act in the past
/// perfect, and whose act one of the next [`RETOLD_WITHIN_SENTENCES`] sentences tells with the
/// same verb and an earlier date: the statement keeps its date and only its own words, and the
/// act becomes a candidate of its own with the retelling's date.
pub fn date_retold_acts(candidates: &mut Vec<Candidate>) {
    let mut acts = Vec::new();
    for (k, statement) in candidates.iter().enumerate() {
        let Some((that, participle)) = reported_past_perfect(statement) else {
            continue;
        };
        let said = statement.date.interval();
        let retold = candidates.iter().find(|c| {
            c.article == statement.article
                && c.sentence > statement.sentence
                && c.sentence <= statement.sentence + RETOLD_WITHIN_SENTENCES
                && c.date.interval().last < said.first
                && has_word(c.words(), &participle)
        });
        if let Some(retold) = retold {
            acts.push((
                k,
                that,
                retold.date,
                retold.value.clone(),
                retold.phrase.clone(),
            ));
        }
    }
    for (k, that, date, value, phrase) in acts.into_iter().rev() {
        let statement = &mut candidates[k];
        let quote = statement.quote.clone();
        let said = quote[..that - " that ".len()].to_string();
        let reported = quote[that..].to_string();
        let at = said.find(&statement.phrase).unwrap_or(0);
        statement.title = super::title::title(&said, at..at + statement.phrase.len());
        statement.clause = Some(said);
        let act = Candidate {
            date,
            value,
            phrase,
            title: super::title::report_title(&reported, &[]),
            clause: Some(reported),
            ..statement.clone()
        };
        candidates.insert(k + 1, act);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Edtf;

    fn candidate(sentence: usize, quote: &str, phrase: &str, date: &str) -> Candidate {
        Candidate {
            article: 0,
            article_id: "a".into(),
            sentence,
            sentence_span: 0..quote.len(),
            date: Edtf::parse(date).unwrap(),
            value: date.into(),
            phrase: phrase.into(),
            title: quote.into(),
            entities: vec![],
            quote: quote.into(),
            clause: None,
            published: None,
        }
    }

    #[test]
    fn an_act_reported_in_the_past_perfect_takes_the_date_it_is_retold_with() {
        let mut found = vec![
            candidate(
                1,
                "The ferry line stated on Thursday that it had signed a contract to buy two boats.",
                "Thursday",
                "2009-06-18",
            ),
            candidate(
                2,
                "The line signed the agreement in Oslo on June 15.",
                "June 15",
                "2009-06-15",
            ),
        ];
        date_retold_acts(&mut found);
        let told = crate::extract::tests::dates_and_titles(&found);
        assert_eq!(
            told,
            vec![
                ("2009-06-18".to_string(), "The ferry line stated"),
                (
                    "2009-06-15".to_string(),
                    "It had signed a contract to buy two boats"
                ),
                (
                    "2009-06-15".to_string(),
                    "The line signed the agreement in Oslo on June 15."
                ),
            ]
        );
    }

    #[test]
    fn without_a_retelling_or_a_past_perfect_the_statement_stays_whole() {
        let statement = |text: &str| candidate(1, text, "Thursday", "2009-06-18");
        for (first, second) in [
            // Retold with another verb.
            (
                "The ferry line stated on Thursday that it had signed a contract.",
                "The deal was approved on June 15.",
            ),
            // Not a past perfect: the act is of the statement's time or later.
            (
                "The ferry line stated on Thursday that it would sign a contract.",
                "It signed the agreement on June 15.",
            ),
            // Retold with a later date.
            (
                "The ferry line stated on Thursday that it had signed a contract.",
                "It signed another on June 20.",
            ),
        ] {
            let later = if second.contains("20") {
                "2009-06-20"
            } else {
                "2009-06-15"
            };
            let mut found = vec![
                statement(first),
                candidate(2, second, second.split(" on ").nth(1).unwrap(), later),
            ];
            let before = found.clone();
            date_retold_acts(&mut found);
            assert_eq!(found, before, "{first}");
        }
    }
}
