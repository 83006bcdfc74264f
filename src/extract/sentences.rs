//! Sentence boundaries that survive abbreviations ("U.S.", "Sen.", "Jan.") and initials.

use std::ops::Range;

/// Words that end with a period without ending a sentence, lowercased, period removed.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "pres", "sec", "supt", "rev", "hon", "jr", "sr", "st", "mt", "ft", "inc",
    "corp", "co", "ltd", "bros", "vs", "etc", "no", "nos", "vol", "fig", "approx", "dept", "univ",
    "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "e.g",
    "i.e", "u.s", "u.k", "u.n", "e.u", "d.c", "ala", "ariz", "calif", "colo", "conn", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Longest sentence, in bytes, before it is cut at the next space.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace. A blank line
/// always ends a sentence, so headings and list items never run into the next paragraph.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Text with no sentence end for this long (a pasted table, a hostile one-line file) is cut
        // at a space, so that no quote, title or name search runs over megabytes.
        let too_long = i - start >= MAX_SENTENCE_BYTES && b == b' ';
        if too_long || (b == b'\n' && next_line_is_blank(bytes, i + 1)) {
            push_trimmed(text, start..i, &mut sentences);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && is_closing(text, end) {
                end += closing_len(text, end);
            }
            if ends_sentence(text, i, end) {
                push_trimmed(text, start..end, &mut sentences);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

fn next_line_is_blank(bytes: &[u8], mut i: usize) -> bool {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i >= bytes.len() || bytes[i] == b'\n'
}

const CLOSERS: &[&str] = &["\"", "'", ")", "]", "”", "’", "»"];

fn is_closing(text: &str, at: usize) -> bool {
    CLOSERS.iter().any(|c| text[at..].starts_with(c))
}

fn closing_len(text: &str, at: usize) -> usize {
    CLOSERS
        .iter()
        .find(|c| text[at..].starts_with(**c))
        .map_or(1, |c| c.len())
}

/// Whether the terminator at `dot` (with closing quotes up to `end`) ends the sentence.
fn ends_sentence(text: &str, dot: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after = rest.trim_start_matches([' ', '\t', '\r', '\n']);
    if after.len() == rest.len() && !rest.is_empty() {
        return false; // "3.5", "U.S." inside a word, "example.com"
    }
    let Some(next) = after.chars().next() else {
        return true;
    };
    if text.as_bytes()[dot] != b'.' {
        return !next.is_lowercase();
    }
    // "iPhone users", "eBay said": a lowercase letter before a capital still starts a sentence.
    let camel = after.chars().nth(1).is_some_and(char::is_uppercase);
    if (next.is_lowercase() && !camel) || next == ',' || next == ';' {
        return false;
    }
    let word = word_before(text, dot);
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "Michael J. Fox"
    }
    // "Company EADS N.V. (EADS) have defeated": a company's initials before its short name.
    let initials = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    if initials && next == '(' {
        return false;
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.trim_end_matches('.'))
}

/// The word that ends at `dot`, including inner periods ("U.S" for "U.S.").
fn word_before(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// The sentence as a quote: its text with every run of whitespace made one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "U.S. Sen. John Q. Public met the Gov. of Ala. on Jan. 5. He left at 3 p.m. Friday. Done!";
        assert_eq!(
            sentences(text),
            vec![
                "U.S. Sen. John Q. Public met the Gov. of Ala. on Jan. 5.",
                "He left at 3 p.m. Friday.",
                "Done!"
            ]
        );
    }

    #[test]
    fn a_company_s_initials_before_its_short_name_do_not_end_the_sentence() {
        let text = "Harbor Freight Lines S.A. (HFL) has won the ferry contract. It starts in May.";
        assert_eq!(
            sentences(text),
            vec![
                "Harbor Freight Lines S.A. (HFL) has won the ferry contract.",
                "It starts in May."
            ]
        );
    }

    #[test]
    fn quotes_close_the_sentence_and_blank_lines_split_paragraphs() {
        let text =
            "\"It is false.\" He said so.\n\nHeadline without period\nNext line. And 3.5 percent.";
        assert_eq!(
            sentences(text),
            vec![
                "\"It is false.\"",
                "He said so.",
                "Headline without period\nNext line.",
                "And 3.5 percent."
            ]
        );
    }

    #[test]
    fn endless_text_is_cut_into_bounded_sentences_at_spaces() {
        let text = "word ".repeat(2_000);
        let found = split(&text);
        assert!(found.len() >= 4, "{}", found.len());
        assert!(found.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES + 5));
        assert!(found.iter().all(|r| text[r.clone()].starts_with("word")));
    }

    #[test]
    fn a_camel_case_brand_starts_a_sentence() {
        assert_eq!(
            sentences("Android phones outsold iPhones. iPhone users still surf more."),
            vec![
                "Android phones outsold iPhones.",
                "iPhone users still surf more."
            ]
        );
    }

    #[test]
    fn curly_quotes_and_unicode_are_safe() {
        let text = "“I never met him,” he said. “It is false.” Ça va?";
        assert_eq!(
            sentences(text),
            vec!["“I never met him,” he said.", "“It is false.”", "Ça va?"]
        );
    }
}
