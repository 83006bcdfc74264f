//! One linear pass that cuts the text into words, numbers and punctuation with byte spans.
//!
//! Everything downstream works on these tokens, never on the raw text, so the tagger reads each
//! byte once here and afterwards only looks at the few tokens around a trigger. Words are
//! classified against the lexicon as they are cut, so the grammar never hashes a string twice.

use super::lexicon::{self, Lex};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of ASCII letters.
    Word,
    /// A run of ASCII digits, with any thousands commas inside it ("10,000").
    Number,
    /// One ASCII punctuation byte.
    Punct,
    /// A run of non-ASCII characters (never part of a temporal expression, except quotes).
    Other,
}

/// A token with its byte span in the input. Spans always fall on char boundaries because every
/// cut is made next to an ASCII byte.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whether whitespace separates this token from the previous one ("third-quarter" has none).
    pub space_before: bool,
    /// The lexicon class of a word (`Lex::None` for anything else).
    pub lex: Lex,
    /// The value of a number (saturating), or 0.
    pub number: u32,
    /// Digits in a number, not counting commas.
    pub digits: u8,
    /// Whether a number contains a thousands comma (such a number is never a year).
    pub has_comma: bool,
}

/// Cuts `text` into tokens. `lower` must be `text` lowercased byte for byte (ASCII only), so
/// word lookups need no allocation.
pub fn tokenize(text: &str, lower: &[u8], out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut token = Token {
            start,
            end: start + 1,
            kind: TokenKind::Punct,
            space_before,
            lex: Lex::None,
            number: 0,
            digits: 0,
            has_comma: false,
        };
        if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            token.kind = TokenKind::Word;
            token.end = i;
            // Words longer than any lexicon entry cannot match; skip the hash.
            token.lex = lexicon::lookup_at(lower, start, i);
        } else if b.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits: u8 = 0;
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    value = value.saturating_mul(10).saturating_add(u32::from(c - b'0'));
                    digits = digits.saturating_add(1);
                    i += 1;
                } else if c == b','
                    && i + 3 < bytes.len()
                    && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                {
                    token.has_comma = true;
                    i += 1;
                } else {
                    break;
                }
            }
            token.kind = TokenKind::Number;
            token.end = i;
            token.number = value;
            token.digits = digits;
        } else if b.is_ascii() {
            i += 1;
        } else {
            while i < bytes.len() && !bytes[i].is_ascii() {
                i += 1;
            }
            token.kind = TokenKind::Other;
            token.end = i;
        }
        out.push(token);
        space_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokenKind, bool)> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        tokenize(text, lower.as_bytes(), &mut out);
        out.iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind, t.space_before))
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation_with_glue() {
        let got = kinds("Sept. 30, third-quarter $10,000");
        let texts: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Sept", ".", "30", ",", "third", "-", "quarter", "$", "10,000"
            ]
        );
        assert!(!got[5].2, "hyphen is glued to 'third'");
        assert_eq!(got[8].1, TokenKind::Number);
    }

    #[test]
    fn non_ascii_runs_stay_whole() {
        let got = kinds("“Wednesday” é\u{200f}");
        assert_eq!(got[0].1, TokenKind::Other);
        assert_eq!(got[1].0, "Wednesday");
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn number_values_and_commas() {
        let text = "1,000 2016 99999999999";
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        tokenize(text, lower.as_bytes(), &mut out);
        assert!(out[0].has_comma);
        assert_eq!(out[0].number, 1000);
        assert_eq!(out[1].number, 2016);
        assert_eq!(out[1].digits, 4);
        assert_eq!(out[2].number, u32::MAX);
    }
}
