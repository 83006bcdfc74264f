//! The clause a dated phrase belongs to, in a sentence that dates several events.
//!
//! "He fought pancreatic cancer in 2004 and took six months off in early 2009" tells of two
//! events; titled and compared as the whole sentence, both would read alike, the 2004 one would
//! carry "took six months off", and a report of the 2004 fight elsewhere would find less in
//! common with it than with the 2009 leave. A sentence is cut only between two of its dated
//! phrases, at a coordinator (", and", " but", ";"), a ", with" or a participle (", prompting"),
//! and only when the two dates are not simply coordinated ("in March and June").

use std::ops::Range;

use crate::words::words;

/// Where a clause can end and the next begin, lowercase, with how the next one starts.
const BOUNDARIES: &[(&str, Kind)] = &[
    (", and ", Kind::Coordinated),
    (", but ", Kind::Coordinated),
    (" and ", Kind::Coordinated),
    (" but ", Kind::Coordinated),
    ("; ", Kind::Coordinated),
    (", while ", Kind::Coordinated),
    (", whereas ", Kind::Coordinated),
    (", with ", Kind::Kept),
    (", which ", Kind::Relative),
    (" which ", Kind::Relative),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// The coordinator goes; a clause that starts with its verb takes the sentence's subject:
    /// "and launched the iTunes Music Store" → "Apple Computer launched the iTunes Music Store".
    Coordinated,
    /// The opening word stays: "with the first customer due to receive their first aircraft".
    Kept,
    /// "which" stands for the name before it: "Pixar which was acquired" → "Pixar was acquired".
    Relative,
}

/// Words that may sit between two coordinated dates without making two clauses of them
/// ("in March and June", "in 2020, and not 2015").
const LINKING: &[&str] = &[
    "and", "but", "or", "not", "while", "whereas", "with", "which", "in", "on", "at", "of", "by",
    "from", "since", "until", "to", "the", "a", "an", "then", "again",
];

/// Auxiliaries and irregular past forms that start a verb phrase ("and took", "and is
/// expected"); regular past forms are found by their "-ed".
const VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "did", "does", "do", "shall", "said", "told", "met", "made", "took",
    "came", "went", "got", "gave", "found", "saw", "began", "left", "sent", "held", "lost", "won",
    "fell", "rose", "paid", "sold", "bought", "brought", "spoke", "wrote", "became", "kept", "led",
    "ran", "struck", "flew", "grew", "chose", "spent", "broke", "fought", "built", "says", "plans",
    "remains",
];

/// Most words a borrowed subject may have: "United States airframer Boeing".
const MAX_SUBJECT_WORDS: usize = 4;

/// The clause of `sentence` that the dated `phrase` belongs to, as its own text with the phrase's
/// range in it, when `others` (the sentence's other dated phrases) sit in other clauses; `None`
/// when the whole sentence is the phrase's clause.
pub fn clause_of(
    sentence: &str,
    phrase: &Range<usize>,
    others: &[Range<usize>],
) -> Option<(String, Range<usize>)> {
    if others.is_empty() {
        return None;
    }
    let lower = sentence.to_ascii_lowercase();
    let mut boundaries: Vec<(Range<usize>, Kind)> = Vec::new();
    for &(pattern, kind) in BOUNDARIES {
        for (at, _) in lower.match_indices(pattern) {
            let range = at..at + pattern.len();
            let inside_a_date = std::iter::once(phrase)
                .chain(others)
                .any(|p| p.start < range.end && range.start < p.end);
            if !inside_a_date && !boundaries.iter().any(|(b, _)| b.start + 1 == at) {
                boundaries.push((range, kind));
            }
        }
    }
    // ", prompting Apple Corps to file suit": a participle after a comma opens a clause.
    let mut from = 0;
    while let Some(comma) = sentence[from..].find(", ") {
        let at = from + comma;
        let word: String = sentence[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if word.len() > 5 && word.ends_with("ing") && word.starts_with(|c: char| c.is_lowercase()) {
            boundaries.push((at..at + 2, Kind::Kept));
        }
        from = at + 2;
    }
    boundaries.sort_by_key(|(r, _)| r.start);
    let mut start: Option<&(Range<usize>, Kind)> = None;
    let mut end = sentence.len();
    for other in others {
        if other.end <= phrase.start && apart(sentence, other.end..phrase.start) {
            let last = boundaries
                .iter()
                .rfind(|(b, _)| other.end <= b.start && b.end <= phrase.start);
            if let Some(b) = last
                && start.is_none_or(|s| s.0.start < b.0.start)
            {
                start = Some(b);
            }
        } else if phrase.end <= other.start
            && apart(sentence, phrase.end..other.start)
            && let Some((b, _)) = boundaries
                .iter()
                .find(|(b, _)| phrase.end <= b.start && b.end <= other.start)
        {
            end = end.min(b.start);
        }
    }
    let Some((boundary, kind)) = start else {
        if end == sentence.len() {
            return None;
        }
        return Some((sentence[..end].to_string(), phrase.clone()));
    };
    let (body, prefix) = match kind {
        Kind::Kept => (boundary.start + 2, None),
        Kind::Coordinated => {
            let body = boundary.end;
            let opens_with_verb = first_word(&sentence[body..]).is_some_and(is_verb);
            let subject = opens_with_verb
                .then(|| subject(sentence, phrase, others))
                .flatten();
            (body, subject)
        }
        Kind::Relative => (boundary.end, antecedent(&sentence[..boundary.start])),
    };
    let body = body.min(phrase.start);
    let mut text = String::new();
    if let Some(prefix) = prefix {
        text.push_str(prefix);
        text.push(' ');
    }
    let shift = text.len();
    text.push_str(&sentence[body..end]);
    Some((text, phrase.start - body + shift..phrase.end - body + shift))
}

/// Whether the words between two dates make two clauses: at least two that are not mere links
/// ("in March and June" and "around 2020, and not 2015" are one clause each).
fn apart(sentence: &str, between: Range<usize>) -> bool {
    words(&sentence[between])
        .filter(|w| !LINKING.contains(&w.to_ascii_lowercase().as_str()))
        .count()
        >= 2
}

fn first_word(text: &str) -> Option<&str> {
    words(text).next()
}

/// A lowercase word that opens a verb phrase.
pub(super) fn is_verb(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && (VERBS.contains(&word) || (word.len() >= 5 && word.ends_with("ed")))
}

/// The sentence's subject: the words before its first verb, after any opening date ("In 1986 he
/// bought" → "he"), when they are few.
fn subject<'a>(
    sentence: &'a str,
    phrase: &Range<usize>,
    others: &[Range<usize>],
) -> Option<&'a str> {
    let mut at = 0;
    let verb = sentence.split(' ').find_map(|w| {
        let start = at;
        at += w.len() + 1;
        is_verb(w.trim_end_matches([',', ';'])).then_some(start)
    })?;
    let mut from = 0;
    for date in std::iter::once(phrase).chain(others) {
        if date.end <= verb {
            from = from.max(date.end);
        }
    }
    let before = &sentence[from..verb];
    let before = before.rsplit_once(", ").map_or(before, |(_, b)| b);
    let before = before.trim_matches(|c: char| c == ',' || c.is_whitespace());
    let words = before.split_whitespace().count();
    (1..=MAX_SUBJECT_WORDS).contains(&words).then_some(before)
}

/// The name right before "which": "In 1986 he bought Pixar" → "Pixar".
fn antecedent(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches([',', ' ']);
    let mut start = trimmed.len();
    for (count, word) in trimmed.rsplit(' ').enumerate() {
        if count >= MAX_SUBJECT_WORDS || !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        start -= word.len() + usize::from(start < trimmed.len());
    }
    let name = trimmed[start..].trim();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause of `phrase` among `dates`, all found in `sentence`.
    fn clause(sentence: &str, phrase: &str, dates: &[&str]) -> Option<String> {
        let range = |p: &str| {
            let at = sentence.find(p).unwrap();
            at..at + p.len()
        };
        let others: Vec<Range<usize>> = dates
            .iter()
            .filter(|d| **d != phrase)
            .map(|d| range(d))
            .collect();
        let (text, within) = clause_of(sentence, &range(phrase), &others)?;
        assert_eq!(&text[within], phrase);
        Some(text)
    }

    #[test]
    fn two_verbs_with_their_own_dates_are_two_clauses_sharing_the_subject() {
        let s = "He fought pancreatic cancer in 2004 and took six months off in early 2009, later revealing he had undergone a liver transplant.";
        let dates = ["2004", "early 2009"];
        assert_eq!(
            clause(s, "2004", &dates).as_deref(),
            Some("He fought pancreatic cancer in 2004")
        );
        assert_eq!(
            clause(s, "early 2009", &dates).as_deref(),
            Some(
                "He took six months off in early 2009, later revealing he had undergone a liver transplant."
            )
        );
        let s = "Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the iTunes Music Store in 2003.";
        assert_eq!(
            clause(s, "2003", &["1976", "2003"]).as_deref(),
            Some("Apple Computer launched the iTunes Music Store in 2003.")
        );
        assert_eq!(
            clause(s, "1976", &["1976", "2003"]).as_deref(),
            Some("Apple Computer was started by Steve Jobs and Steve Wozniak in 1976")
        );
    }

    #[test]
    fn a_clause_with_its_own_subject_or_opening_word_keeps_it() {
        let s = "Boeing will begin production in 2006 and the aircraft should enter airline service in 2008.";
        assert_eq!(
            clause(s, "2008", &["2006", "2008"]).as_deref(),
            Some("the aircraft should enter airline service in 2008.")
        );
        let s = "In the late 1980's Apple Computer added audio recording abilities to its Macintosh computers, prompting Apple Corps to file suit again in 1989.";
        assert_eq!(
            clause(s, "1989", &["the late 1980's", "1989"]).as_deref(),
            Some("prompting Apple Corps to file suit again in 1989.")
        );
        let s = "The first flight is expected to take place in August or September of this year, with the first customer, All Nippon Airways, due to receive their first aircraft in May 2008.";
        let dates = ["August", "September of this year", "May 2008"];
        assert_eq!(
            clause(s, "May 2008", &dates).as_deref(),
            Some(
                "with the first customer, All Nippon Airways, due to receive their first aircraft in May 2008."
            )
        );
        assert_eq!(
            clause(s, "August", &dates).as_deref(),
            Some("The first flight is expected to take place in August or September of this year")
        );
        let s = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.";
        assert_eq!(
            clause(s, "2005", &["1986", "2005"]).as_deref(),
            Some("Pixar was acquired by The Walt Disney Company in 2005.")
        );
    }

    #[test]
    fn coordinated_dates_and_single_dates_keep_the_whole_sentence() {
        let s =
            "He briefly made an appearance in March and June to unveil the iPad 2 and the iCloud.";
        assert_eq!(clause(s, "June", &["March", "June"]), None);
        let s = "The delivery date for the plane is now anticipated to be around 2020, and not 2015 as previously hoped.";
        assert_eq!(clause(s, "2015", &["2020", "2015"]), None);
        let s = "The bridge reopened on March 3 and officials praised the repairs.";
        assert_eq!(clause(s, "March 3", &["March 3"]), None);
    }
}
