//! Words that carry an event's content: lowercased, stop words and date words removed, stemmed.

use crate::words::words;

/// Words that say nothing about which event a sentence reports.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "earlier",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "more",
    "most",
    "much",
    "must",
    "my",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "you",
    "your",
    "week",
    "weeks",
    "month",
    "months",
    "day",
    "days",
    "today",
    "yesterday",
    "tomorrow",
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
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "according",
    "reported",
    "statement",
];

/// The content words of `text`, stemmed, in order (repeats kept for term frequency).
pub fn content_words(text: &str) -> Vec<String> {
    key_words(text).map(|w| stem(&w)).collect()
}

/// The content words of `text` as written, lowercased: for ids people read.
pub fn key_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text)
        .filter(|w| w.len() > 1 && (!w.bytes().all(|b| b.is_ascii_digit()) || is_telling_number(w)))
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
}

/// Amounts and counts ("240" of "$240,000", "777") say which event a sentence tells; years,
/// small numbers and thousands separators do not.
fn is_telling_number(word: &str) -> bool {
    word.len() >= 3
        && word != "000"
        && !(word.len() == 4 && (word.starts_with("19") || word.starts_with("20")))
}

/// A light suffix-stripping stemmer: enough to make "resigned", "resigns" and "resigning" one
/// word without a dictionary.
pub fn stem(word: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "ational", "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ed",
        "es", "ly", "s",
    ];
    for suffix in SUFFIXES {
        if let Some(root) = word.strip_suffix(suffix)
            && root.chars().count() >= 3
        {
            let root = match *suffix {
                "ies" | "ied" => format!("{root}y"),
                _ => root.to_string(),
            };
            return drop_final_y(drop_final_e(undouble(root)));
        }
    }
    drop_final_y(drop_final_e(word.to_string()))
}

/// "delivery" → "deliver", so it meets "delivered" and "deliveries"; a "y" after a vowel
/// ("Sydney", "delay") stays.
fn drop_final_y(mut word: String) -> String {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n >= 5 && bytes[n - 1] == b'y' && !matches!(bytes[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        word.pop();
    }
    word
}

/// "vote" → "vot", so it meets "voted" and "voting".
fn drop_final_e(mut word: String) -> String {
    if word.len() >= 4 && word.ends_with('e') && !word.ends_with("ee") {
        word.pop();
    }
    word
}

/// "stopp" → "stop", "plann" → "plan", so "stopped" and "stops" meet.
fn undouble(mut root: String) -> String {
    let bytes = root.as_bytes();
    let n = bytes.len();
    if n >= 2 && bytes[n - 1] == bytes[n - 2] && !matches!(bytes[n - 1], b'l' | b's' | b'z' | b'e')
    {
        root.pop();
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet_and_stop_words_go() {
        assert_eq!(content_words("He resigned on Monday"), vec!["resign"]);
        assert_eq!(stem("resigns"), "resign");
        assert_eq!(stem("resigning"), "resign");
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("companies"), stem("company"));
        assert_eq!(stem("delivery"), stem("delivered"));
        assert_eq!(stem("deliveries"), stem("delivering"));
        assert_eq!(stem("delay"), stem("delayed"));
        assert_ne!(stem("delivery"), stem("delay"));
        assert_eq!(stem("vote"), stem("voted"));
        assert_eq!(stem("votes"), stem("voting"));
        assert_eq!(content_words("The 777 jets, 2 of them"), vec!["777", "jet"]);
    }
}
