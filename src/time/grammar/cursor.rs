//! Looking at tokens: words, punctuation, numbers, years and quantities, all bounds-checked so
//! rules can peek past the end of the text without care.

use super::Grammar;
use crate::time::expr::{DateExpr, Sem};
use crate::time::lexicon::{self, Func, Lex, Unit};
use crate::time::tokens::TokenKind;

impl Grammar<'_> {
    pub(super) fn lex(&self, i: usize) -> Lex {
        self.tokens.get(i).map_or(Lex::None, |t| t.lex)
    }

    pub(super) fn func(&self, i: usize) -> Option<Func> {
        match self.lex(i) {
            Lex::Func(f) => Some(f),
            _ => None,
        }
    }

    pub(super) fn word(&self, i: usize) -> &[u8] {
        self.tokens
            .get(i)
            .map_or(&[][..], |t| &self.lower[t.start..t.end])
    }

    pub(super) fn word_in(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        list.iter().any(|x| x.as_bytes() == w)
    }

    pub(super) fn is_punct(&self, i: usize, c: u8) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.text[t.start] == c)
    }

    /// An apostrophe, ASCII or typographic.
    pub(super) fn is_apostrophe(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let s = &self.text[t.start..t.end];
            s == b"'" || s == "’".as_bytes() || s == "‘".as_bytes()
        })
    }

    /// A quotation mark of any kind: ", `` and '' (as two tokens), curly quotes.
    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let s = &self.text[t.start..t.end];
            s == b"\""
                || s == b"`"
                || s == b"'"
                || s == "\u{201c}".as_bytes()
                || s == "\u{201d}".as_bytes()
        })
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.text[t.start].is_ascii_uppercase())
    }

    /// A plain number (no thousands comma) and its digit count.
    pub(super) fn number(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Number && !t.has_comma).then_some((t.number, t.digits))
    }

    /// Whether the month name at `i` is an abbreviation ("Sept", "Jan"), which may take a dot.
    pub(super) fn is_month_abbreviation(&self, i: usize) -> bool {
        self.word(i).len() <= 4 && !matches!(self.word(i), b"may" | b"june" | b"july")
    }

    /// Skips a dot glued to an abbreviation ("Sept.").
    pub(super) fn after_dot(&self, i: usize) -> usize {
        if self.is_punct(i, b'.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a hyphen glued on both sides ("third-quarter").
    pub(super) fn after_hyphen(&self, i: usize) -> (usize, bool) {
        if self.is_punct(i, b'-') && self.glued(i) && self.glued(i + 1) {
            (i + 1, true)
        } else {
            (i, false)
        }
    }

    /// An ordinal suffix glued to a number ("2nd", "20th").
    pub(super) fn after_ordinal_suffix(&self, i: usize) -> usize {
        if self.func(i) == Some(Func::Nd) && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// A year written in digits in a date ("March 2, 2017"): context already says it is a date.
    pub(super) fn year_in_date(&self, i: usize) -> Option<i32> {
        let (n, digits) = self.number(i)?;
        (digits == 4 && (1000..=2999).contains(&n) && !self.glued_number_continues(i))
            .then(|| i32::try_from(n).ok())
            .flatten()
    }

    /// Whether a number runs on ("1998.5", "1998:30", "1998/99" as part of something else).
    pub(super) fn glued_number_continues(&self, i: usize) -> bool {
        (self.is_punct(i + 1, b'.') || self.is_punct(i + 1, b':') || self.is_punct(i + 1, b'/'))
            && self.glued(i + 1)
            && self.number(i + 2).is_some()
            && self.glued(i + 2)
    }

    /// A bare four-digit number that reads as a year: 1000-2099, not money, not a count, not
    /// a label, not part of a longer number.
    pub(super) fn standalone_year(&self, i: usize) -> Option<i32> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.has_comma || t.digits != 4 {
            return None;
        }
        if !(1000..=2099).contains(&t.number) || self.glued_number_continues(i) {
            return None;
        }
        if i > 0 {
            let before = i - 1;
            let money = self.is_punct(before, b'$') || self.is_punct(before, b'#');
            let decimal =
                (self.is_punct(before, b'.') || self.is_punct(before, b',')) && !t.space_before;
            // "555-1234", "45/50/2017": the tail of a longer number.
            let tail = !t.space_before
                && (self.is_punct(before, b'-') || self.is_punct(before, b'/'))
                && before > 0
                && self.number(before - 1).is_some()
                && self.glued(before);
            if money || decimal || tail || self.lex(before) == Lex::NumberLabel {
                return None;
            }
            if self.tokens[before].kind == TokenKind::Other && !t.space_before {
                // A currency sign such as "€1999".
                return None;
            }
        }
        if self.is_punct(i + 1, b'%') || self.lex(i + 1) == Lex::CountNoun {
            return None;
        }
        if self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Word)
            && lexicon::is_count_noun(self.word(i + 1))
        {
            return None;
        }
        i32::try_from(t.number).ok()
    }

    /// A year after "fiscal", "of", or in a date: four digits, or an apostrophe and two ("'98").
    pub(super) fn year_or_short(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_in_date(i) {
            return Some((y, i + 1));
        }
        if let Some(found) = self.spelled_year(i) {
            return Some(found);
        }
        if self.is_apostrophe(i) && self.glued(i + 1) {
            let (n, digits) = self.number(i + 1)?;
            if digits == 2 {
                let n = i32::try_from(n).ok()?;
                return Some((if n < 30 { 2000 + n } else { 1900 + n }, i + 2));
            }
        }
        None
    }

    /// "ended Sept. 30" / "ending June 30, 1990" after a period: the month (and year) it ends.
    pub(super) fn period_ending(&self, i: usize) -> Option<(Option<i32>, u32)> {
        if self.func(i) != Some(Func::End) {
            return None;
        }
        let Lex::Month(m) = self.lex(i + 1) else {
            return None;
        };
        match self.month_rule(i + 1, m)?.sem {
            Sem::Date {
                date: DateExpr::Calendar { year, month, .. },
                ..
            } => Some((year, month)),
            _ => None,
        }
    }

    /// A year in words: "nineteen ninety-six", "nineteen seventy-nine", "two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let Lex::Number(century) = self.lex(i) else {
            return None;
        };
        if century == 2 && self.word(i + 1) == b"thousand" {
            return Some((2000, i + 2));
        }
        if !(11..=20).contains(&century) {
            return None;
        }
        let Lex::Number(tens) = self.lex(i + 1) else {
            return None;
        };
        if !(10..=99).contains(&tens) {
            return None;
        }
        let mut year = century * 100 + tens;
        let mut end = i + 2;
        if tens >= 20 && tens % 10 == 0 {
            let (k, _) = self.after_hyphen(end);
            if let Lex::Number(unit @ 1..=9) = self.lex(k) {
                year += unit;
                end = k + 1;
            }
        }
        Some((i32::try_from(year).ok()?, end))
    }

    /// A quantity: digits, number words ("twenty four", "twenty-four"), "a"/"an", vague words
    /// ("several", "a few"). Returns the amount (`None` when vague), where it ends, and
    /// whether it was a bare article.
    pub(super) fn quantity(&self, i: usize) -> Option<(Option<u32>, usize, bool)> {
        match self.lex(i) {
            Lex::Func(Func::A) => {
                if self.lex(i + 1) == Lex::Vague {
                    // "a few"
                    return Some((None, i + 2, false));
                }
                if self.lex(i + 1) == Lex::Number(2) && self.func(i + 2) == Some(Func::Of) {
                    // "a couple of"
                    return Some((Some(2), i + 3, false));
                }
                if self.lex(i + 1) == Lex::Number(12) && self.word(i + 1) == b"dozen" {
                    return Some((Some(12), i + 2, false));
                }
                Some((Some(1), i + 1, true))
            }
            Lex::Vague => Some((None, i + 1, false)),
            Lex::Number(n) => {
                let mut value = n;
                let mut j = i + 1;
                if n >= 20 && n % 10 == 0 {
                    let (k, _) = self.after_hyphen(j);
                    if let Lex::Number(u) = self.lex(k)
                        && u < 10
                    {
                        value += u;
                        j = k + 1;
                    }
                }
                if self.word(j) == b"hundred" {
                    value = value.saturating_mul(100);
                    j += 1;
                }
                // "the next couple of years"
                if self.word(i) == b"couple" && self.func(j) == Some(Func::Of) {
                    j += 1;
                }
                Some((Some(value), j, false))
            }
            _ => {
                let (n, digits) = self.number(i)?;
                if digits == 4 && (1900..=2099).contains(&n) {
                    // "the 1988 quarter" is a year, not 1988 quarters.
                    return None;
                }
                if self.glued_number_continues(i) {
                    // "2.5 years": keep the whole amount out of the value rather than misread it.
                    return None;
                }
                Some((Some(n), i + 1, false))
            }
        }
    }

    /// A unit word after a quantity, allowing a glued hyphen ("two-year"). Rejects ages.
    pub(super) fn unit_at(&self, i: usize) -> Option<(Unit, bool, usize, bool)> {
        // "two more weeks", "an additional year", "eight trading days": the word between
        // the amount and the unit leaves the duration as it is.
        let i =
            if self.word_in(i, lexicon::UNIT_FILLERS) && matches!(self.lex(i + 1), Lex::Unit(..)) {
                i + 1
            } else {
                i
            };
        let (j, hyphen) = self.after_hyphen(i);
        match self.lex(j) {
            Lex::Unit(u, plural) => {
                let (k, _) = self.after_hyphen(j + 1);
                if self.word_in(k, lexicon::AGE_WORDS) {
                    return None;
                }
                Some((u, plural, j + 1, hyphen))
            }
            _ => None,
        }
    }
}
