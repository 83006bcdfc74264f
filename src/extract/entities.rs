//! People, organisations and places named in a sentence, found from capitalised names.
//!
//! No model: runs of capitalised words ("Sergey Kislyak", "Department of Justice"), minus the
//! words that are capitalised for other reasons (sentence starts, months, titles before a name).

use std::collections::HashSet;

/// Lowercase words that may sit inside a name: "Department of Justice", "Bank of the West".
const CONNECTORS: &[&str] = &["of", "the", "for", "and", "de", "van", "von", "al", "bin"];

/// Capitalised words that are not names on their own, lowercased, besides [`ROLES`] and
/// [`QUALIFIERS`].
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "you",
    "your",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "after",
    "before",
    "during",
    "since",
    "until",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "as",
    "also",
    "however",
    "meanwhile",
    "then",
    "there",
    "here",
    "what",
    "who",
    "how",
    "why",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "justice",
    "new",
    "christmas",
    "easter",
    "thanksgiving",
];

/// Role words that stand between names: "Foreign Ministry Spokesperson Maria Zakharova" is an
/// organisation and a person.
const ROLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "president",
    "vice",
    "attorney",
    "general",
    "secretary",
    "minister",
    "prime",
    "ambassador",
    "advisor",
    "adviser",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "executive",
    "officer",
    "director",
    "chairman",
    "senator",
    "judge",
    "ceo",
    "cfo",
    "chancellor",
    "premier",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
];

/// Words that qualify a role and make no name on their own: "U.S. National Security Advisor".
const QUALIFIERS: &[&str] = &[
    "u.s.", "u.k.", "us", "uk", "national", "security", "press", "foreign", "special", "former",
    "current", "deputy", "acting", "senior", "top", "russian", "american", "british", "chinese",
    "french", "german", "european", "federal", "state", "defense", "defence", "interior", "the",
];

/// Capitalised words seen inside sentences of an article: a sentence's first word counts as
/// a name on its own only when the article also capitalises it mid-sentence ("Sessions"),
/// not when it is merely first ("Several", "Residents").
#[derive(Debug, Default)]
pub struct Known {
    mid_sentence: HashSet<String>,
}

impl Known {
    /// The capitalised words of every text: a name one outlet puts mid-sentence is a name in
    /// another outlet's first word too.
    pub fn of_all<'a>(texts: impl IntoIterator<Item = &'a str>) -> Known {
        let mut known = Known::default();
        for text in texts {
            known.mid_sentence.extend(Known::of(text).mid_sentence);
        }
        known
    }

    pub fn of(text: &str) -> Known {
        let mut mid_sentence = HashSet::new();
        let mut previous_ends_sentence = true;
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if !previous_ends_sentence && word.chars().next().is_some_and(char::is_uppercase) {
                mid_sentence.insert(word.to_string());
            }
            previous_ends_sentence = raw.ends_with(['.', '!', '?', ':', '"', '“', '”']);
        }
        Known { mid_sentence }
    }
}

/// Whether a capitalised word (lowercased) is never a name on its own: "The", "Monday", "Mayor".
fn is_not_a_name(lower: &str) -> bool {
    [NOT_NAMES, ROLES, QUALIFIERS]
        .iter()
        .any(|table| table.contains(&lower))
}

/// The names in `sentence`, in order of first appearance, without duplicates.
pub fn names(sentence: &str, known: &Known) -> Vec<String> {
    let words = words(sentence);
    let mut names: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) || is_camel_case(word);
        let lower = word.to_lowercase();
        let lone_first_word = index == 0
            && words.get(1) != Some(&"")
            && !next_is_capitalised(&words, index)
            && !known.mid_sentence.contains(*word)
            && !word.chars().all(|c| c.is_uppercase() || c == '.');
        let starts_name = capitalised && !(index == 0 && is_not_a_name(&lower)) && !lone_first_word;
        let joins_name = !run.is_empty()
            && CONNECTORS.contains(&lower.as_str())
            && next_is_capitalised(&words, index);
        if starts_name || joins_name {
            run.push(word);
        } else {
            flush(&mut run, &mut names);
        }
    }
    flush(&mut run, &mut names);
    names
}

fn next_is_capitalised(words: &[&str], index: usize) -> bool {
    words[index + 1..]
        .iter()
        .find(|w| !CONNECTORS.contains(&w.to_lowercase().as_str()))
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) || is_camel_case(w))
}

/// A brand written with a small first letter and a capital inside ("iTunes", "eBay", "iOS"):
/// a name wherever it stands, though no capital starts it.
fn is_camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase)
        && chars.all(char::is_alphanumeric)
        && word.chars().any(char::is_uppercase)
}

fn flush(run: &mut Vec<&str>, names: &mut Vec<String>) {
    for segment in run.split(|w| ROLES.contains(&w.to_lowercase().trim_end_matches('.'))) {
        let mut words = segment;
        while let Some((first, rest)) = words.split_first() {
            if CONNECTORS.contains(&first.to_lowercase().as_str()) {
                words = rest;
            } else {
                break;
            }
        }
        while let Some((last, rest)) = words.split_last() {
            if CONNECTORS.contains(&last.to_lowercase().as_str()) {
                words = rest;
            } else {
                break;
            }
        }
        let only_qualifiers = words
            .iter()
            .all(|w| QUALIFIERS.contains(&w.to_lowercase().as_str()));
        let is_name = match words {
            [] => false,
            _ if only_qualifiers => false,
            [one] => !is_not_a_name(&one.to_lowercase()) && one.chars().count() > 1,
            _ => true,
        };
        if is_name {
            let name = words.join(" ");
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    run.clear();
}

/// Words with their inner periods and apostrophes, stripped of surrounding punctuation and a
/// possessive "'s". Punctuation between words breaks a name, so it is kept as an empty word.
fn words(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for raw in sentence.split_whitespace() {
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let trimmed = trimmed
            .strip_suffix('.')
            .filter(|w| !w.contains('.'))
            .unwrap_or(trimmed);
        let word = trimmed
            .strip_suffix("'s")
            .or_else(|| trimmed.strip_suffix("’s"))
            .unwrap_or(trimmed);
        if raw.starts_with(['"', '“', '(']) {
            out.push("");
        }
        out.push(word);
        if word.len() < trimmed.len() || raw.ends_with([',', ';', ':', '"', '”', ')']) {
            out.push("");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_and_organisations_without_titles() {
        let sentence = "The U.S. Department of Justice confirmed on Wednesday that Sessions, a vocal supporter of U.S. President Donald Trump, had met with Russian Ambassador Sergey Kislyak.";
        assert_eq!(
            names(sentence, &Known::default()),
            vec![
                "U.S. Department of Justice",
                "Sessions",
                "Donald Trump",
                "Sergey Kislyak"
            ]
        );
    }

    #[test]
    fn a_lone_first_word_is_a_name_only_if_the_article_capitalises_it_elsewhere() {
        let known = Known::of("Several asked why. Sessions spoke. The panel heard Sessions.");
        assert!(names("Several asked why the beams failed.", &known).is_empty());
        assert_eq!(names("Sessions said no.", &known), vec!["Sessions"]);
        assert_eq!(names("NATO said no.", &known), vec!["NATO"]);
    }

    #[test]
    fn brands_with_a_capital_inside_are_names() {
        assert_eq!(
            names(
                "Sales on eBay fell after the iTunes Music Store cut its prices, not-so-Quietly.",
                &Known::default()
            ),
            vec!["eBay", "iTunes Music Store"]
        );
    }

    #[test]
    fn sentence_starts_months_and_punctuation_are_not_names() {
        assert_eq!(
            names(
                "In September, Boeing said Airbus would wait.",
                &Known::default()
            ),
            vec!["Boeing", "Airbus"]
        );
        assert_eq!(
            names(
                "Russia's Foreign Ministry Spokesperson Maria Zakharova spoke.",
                &Known::default()
            ),
            vec!["Russia", "Foreign Ministry", "Maria Zakharova"]
        );
    }
}
