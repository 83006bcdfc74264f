//! Hand-written token matchers: from a trigger token, read the longest temporal expression and
//! say what it means (`Sem`). Matching is leftmost-longest and each token is visited a bounded
//! number of times, so the whole scan is linear in the number of tokens.
//!
//! The rules live in submodules by family: `cursor` (looking at tokens: words, numbers, years,
//! quantities), `calendar` (names and numbers of days, months, quarters, clock times, holidays)
//! and `relative` (deictic, relative and period-part phrases, durations and sets).

mod calendar;
mod cursor;
mod relative;

use super::expr::{Clock, DateExpr, Mention, Origin, Sem};
use super::lexicon::{self, Func, Lex, PeriodPart, Unit};
use super::tokens::{Token, TokenKind};
use super::types::NumericOrder;

/// A match found by one rule: where it ends (exclusive) and what it means. `adjectival` marks
/// hyphenated modifiers ("the third-quarter results"), whose article TimeML leaves out.
#[derive(Debug, Clone, Copy)]
struct Hit {
    end: usize,
    sem: Sem,
    adjectival: bool,
}

fn hit(end: usize, sem: Sem) -> Option<Hit> {
    Some(Hit {
        end,
        sem,
        adjectival: false,
    })
}

/// The grammar over one text's tokens.
pub struct Grammar<'a> {
    text: &'a [u8],
    lower: &'a [u8],
    tokens: &'a [Token],
    numeric_order: NumericOrder,
}

impl<'a> Grammar<'a> {
    pub fn new(
        text: &'a [u8],
        lower: &'a [u8],
        tokens: &'a [Token],
        numeric_order: NumericOrder,
    ) -> Self {
        Grammar {
            text,
            lower,
            tokens,
            numeric_order,
        }
    }

    /// Finds every expression, left to right, without overlaps.
    pub fn scan(&self, out: &mut Vec<Mention>) {
        let mut i = 0;
        let mut free_from = 0;
        while i < self.tokens.len() {
            match self.at(i) {
                Some(m) if m.end > i && self.is_title(&m) => i = m.end,
                Some(mut m) if m.end > i => {
                    self.qualify(&mut m, free_from);
                    i = m.end;
                    free_from = m.end;
                    out.push(m);
                }
                _ => i += 1,
            }
        }
    }

    /// Widens a duration or an "ago" date over a qualifier right before it ("about two years
    /// ago"), never reaching back before `free_from`, where the previous mention ended.
    fn qualify(&self, m: &mut Mention, free_from: usize) {
        let qualifiable = matches!(
            m.sem,
            Sem::Duration { .. }
                | Sem::AndAHalf { .. }
                | Sem::Date {
                    date: DateExpr::Shift {
                        origin: Origin::Ago,
                        ..
                    },
                    ..
                }
        );
        if !qualifiable {
            return;
        }
        // The longest qualifier that fits: "no more than", not its tail "more than".
        let longest = lexicon::QUALIFIERS
            .iter()
            .filter_map(|&(words, modifier)| {
                let first = m.first.checked_sub(words.split(' ').count())?;
                let matches = first >= free_from
                    && words
                        .split(' ')
                        .enumerate()
                        .all(|(k, w)| self.word(first + k) == w.as_bytes());
                matches.then_some((first, modifier))
            })
            .min_by_key(|&(first, _)| first);
        if let Some((first, modifier)) = longest {
            m.first = first;
            m.qualifier = Some(modifier);
        }
    }

    /// Whether a mention is (part of) a title in the middle of a sentence, capitalised the way
    /// names of shows are and periods never are: ABC's "This Week", CBS's "60 Minutes".
    fn is_title(&self, m: &Mention) -> bool {
        let relative = matches!(
            m.sem,
            Sem::Duration { .. }
                | Sem::Date {
                    date: DateExpr::Shift { .. },
                    ..
                }
        );
        if !relative {
            return false;
        }
        let unit_capitalized =
            (m.first..m.end).any(|k| matches!(self.lex(k), Lex::Unit(..)) && self.capitalized(k));
        if !unit_capitalized {
            return false;
        }
        // What comes before, quotation marks aside: a word means mid-sentence.
        let mut k = m.first;
        while k > 0 && self.is_quote(k - 1) {
            k -= 1;
        }
        k > 0 && self.tokens[k - 1].kind == TokenKind::Word
    }

    /// Whether token `k`, right before a set adverb, makes it a rate: an amount ("8.5%",
    /// "10,000 units", "$17.9 million") or "average".
    fn rate_before(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Number
            || self.is_punct(k, b'%')
            || self.lex(k) == Lex::CountNoun
            || lexicon::is_count_noun(self.word(k))
            || self.word_in(k, lexicon::SET_RATE_WORDS)
    }

    /// Whether the set adverb at `i` ("daily", "weekly") is the noun for a newspaper: before
    /// its name ("the daily Le Monde", "the Communist Party daily Granma"), after it ("the
    /// Haaretz daily"), before what it reports ("a government daily reported
    /// Thursday") or as "the daily" that ends a phrase ("the daily said", "told the daily.").
    /// After a preposition or a quantifier it is an adjective ("a backdrop of daily Sunni
    /// attacks"), and before a common noun too ("the daily tally").
    fn newspaper(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        if self.word_in(before, lexicon::NOT_BEFORE_A_NEWSPAPER) {
            return false;
        }
        let name_at = |k: usize| {
            self.capitalized(k)
                && self
                    .tokens
                    .get(k)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && self.lex(k) == Lex::None
        };
        let word_after = self
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word);
        // "the Yediot Aharonot daily", but not "flights to London daily": a name before it
        // counts after "the".
        let mut k = before;
        while k > 0 && k + 4 > before && name_at(k) {
            k -= 1;
        }
        let named_before = k < before && self.func(k) == Some(Func::The);
        // "the English daily The Nation"
        let name_after = name_at(i + 1)
            || (self.capitalized(i + 1) && self.func(i + 1) == Some(Func::The) && name_at(i + 2));
        name_after
            || named_before
            || self.word_in(i + 1, lexicon::NEWSPAPER_VERBS)
            || (self.func(before) == Some(Func::The) && !word_after)
    }

    /// Whether tokens `k..k + 3` are a glued "-to-" ("quarter-to-quarter", "day-to-day"): the
    /// unit on either side of it is half of an adjective for a comparison or a routine, not a
    /// time.
    fn to_compound(&self, k: usize) -> bool {
        self.is_punct(k, b'-')
            && self.glued(k)
            && self.func(k + 1) == Some(Func::To)
            && self.glued(k + 1)
            && self.is_punct(k + 2, b'-')
            && self.glued(k + 2)
            && self.glued(k + 3)
    }

    /// Whether a temperature word comes two or three tokens before `i` ("temperatures in the
    /// nineties").
    fn temperature_before(&self, i: usize) -> bool {
        (2..=3).any(|back| {
            i.checked_sub(back)
                .is_some_and(|k| self.word_in(k, lexicon::TEMPERATURE_WORDS))
        })
    }

    fn at(&self, i: usize) -> Option<Mention> {
        let token = &self.tokens[i];
        let trigger = match token.kind {
            TokenKind::Word => token.lex != Lex::None,
            TokenKind::Number => true,
            TokenKind::Punct => self.text[token.start] == b'\'',
            TokenKind::Other => false,
        };
        if !trigger {
            return None;
        }
        if self.func(i) == Some(Func::The) {
            let h = self.core(i + 1, true)?;
            if self.to_compound(h.end) {
                return None;
            }
            let first = if h.adjectival || !keeps_article(&h.sem) {
                i + 1
            } else {
                i
            };
            return Some(Mention {
                first,
                end: h.end,
                sem: h.sem,
                qualifier: None,
            });
        }
        let h = self.core(i, false)?;
        if self.to_compound(h.end) || (i >= 3 && self.to_compound(i - 3)) {
            return None;
        }
        Some(Mention {
            first: i,
            end: h.end,
            sem: h.sem,
            qualifier: None,
        })
    }

    // ---- the rules ----

    /// The longest expression starting at `i`. `with_the` says an article precedes it.
    fn core(&self, i: usize, with_the: bool) -> Option<Hit> {
        match self.lex(i) {
            Lex::Month(m) => self.month_rule(i, m),
            Lex::Weekday(d) => self.weekday_rule(i, d),
            Lex::Weekdays(d) if self.capitalized(i) => self.weekday_set(i + 1, d, None),
            Lex::Deictic(n, part) => self.deictic_rule(i, n, part),
            Lex::Ref(r) => self.reference_rule(i, r, with_the),
            Lex::Relative(r) => self.relative_rule(i, r, with_the),
            Lex::PeriodPart(p) => self.period_part_rule(i, p),
            Lex::Season(_) => self.season_rule(i, None, with_the),
            Lex::Ordinal(n) => self.ordinal_rule(i, n),
            // "the People's Daily", "China Daily": a capitalised set adverb after a word is a
            // newspaper's name.
            Lex::Every(_)
                if self.capitalized(i) && i > 0 && self.tokens[i - 1].kind == TokenKind::Word =>
            {
                None
            }
            Lex::Every(_) if self.newspaper(i) => None,
            // "rise 8.5% annually", "average daily volume": a rate, not a recurring time.
            Lex::Every(_) if i > 0 && self.rate_before(i - 1) => None,
            Lex::Every(u) => hit(
                i + 1,
                Sem::Set {
                    unit: u,
                    amount: 1,
                    weekday: None,
                    month: None,
                    part: None,
                },
            ),
            Lex::Holiday => self.holiday_rule(i),
            Lex::DayPart(p) => self.day_part_rule(i, p),
            Lex::Unit(u, plural) => self.unit_rule(i, u, plural, with_the),
            Lex::Func(f) => self.func_rule(i, f, with_the),
            Lex::Number(_) | Lex::Vague => self.quantity_rule(i, with_the),
            Lex::None => {
                if self.is_punct(i, b'\'') {
                    return self.short_decade(i);
                }
                // "the nineties", unless it is the temperature.
                if with_the
                    && self.word(i).ends_with(b"ties")
                    && let Some(&(_, decade)) = lexicon::DECADE_WORDS
                        .iter()
                        .find(|(w, _)| self.word(i) == w.as_bytes())
                    && !self.temperature_before(i)
                {
                    return hit(i + 1, Sem::date(DateExpr::Decade(decade)));
                }
                if with_the && let Some(h) = self.same_period_rule(i) {
                    return Some(h);
                }
                // "the full year" is "the year" (both TimeBank cases: the publication year).
                if with_the
                    && self.word(i) == b"full"
                    && self.lex(i + 1) == Lex::Unit(Unit::Year, false)
                {
                    return self.unit_rule(i + 1, Unit::Year, false, true);
                }
                self.digits_rule(i, with_the)
            }
            _ => None,
        }
    }
}

/// Whether TimeML includes a preceding "the" in the expression: it does for noun phrases headed
/// by a period ("the third quarter", "the past two years", "the end of 1990"), not for names
/// and numbers used as modifiers ("the 1988 period", "the Oct. 23 meeting").
fn keeps_article(sem: &Sem) -> bool {
    match sem {
        Sem::Ref(_) | Sem::Duration { .. } | Sem::AndAHalf { .. } => true,
        // "the daily tally": a set adverb used as an adjective.
        Sem::Set { .. } => false,
        Sem::Date { part: Some(_), .. } => true,
        // "the previous Friday" is a phrase; "the Oct. 23 meeting" a modifier.
        Sem::Date { date, .. } => !matches!(
            date,
            DateExpr::Calendar { relative: None, .. }
                | DateExpr::Year(_)
                | DateExpr::Weekday { relative: None, .. }
        ),
    }
}

fn with_part(h: Hit, part: PeriodPart) -> Option<Hit> {
    match h.sem {
        Sem::Date {
            date,
            clock,
            part: None,
        } => hit(
            h.end,
            Sem::Date {
                date,
                part: Some(part),
                clock,
            },
        ),
        _ => None,
    }
}

fn attach_clock(h: Hit, clock: Option<Clock>) -> Option<Hit> {
    match h.sem {
        Sem::Date {
            date,
            part,
            clock: None,
        } => hit(h.end, Sem::Date { date, part, clock }),
        _ => None,
    }
}
