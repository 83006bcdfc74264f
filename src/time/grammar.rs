//! Hand-written token matchers: from a trigger token, read the longest temporal expression and
//! say what it means (`Sem`). Matching is leftmost-longest and each token is visited a bounded
//! number of times, so the whole scan is linear in the number of tokens.

use super::expr::{Clock, DateExpr, Mention, Origin, Sem, YearRef};
use super::lexicon::{self, DayPart, Func, HOLIDAYS, Lex, PeriodPart, RefKind, Relative, Unit};
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
        for &(words, modifier) in lexicon::QUALIFIERS {
            let count = words.split(' ').count();
            let Some(first) = m.first.checked_sub(count) else {
                continue;
            };
            if first < free_from {
                continue;
            }
            let matches = words
                .split(' ')
                .enumerate()
                .all(|(k, w)| self.word(first + k) == w.as_bytes());
            if matches {
                m.first = first;
                m.qualifier = Some(modifier);
                return;
            }
        }
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
        Some(Mention {
            first: i,
            end: h.end,
            sem: h.sem,
            qualifier: None,
        })
    }

    // ---- token helpers ----

    fn lex(&self, i: usize) -> Lex {
        self.tokens.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn func(&self, i: usize) -> Option<Func> {
        match self.lex(i) {
            Lex::Func(f) => Some(f),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> &[u8] {
        self.tokens
            .get(i)
            .map_or(&[][..], |t| &self.lower[t.start..t.end])
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        list.iter().any(|x| x.as_bytes() == w)
    }

    fn is_punct(&self, i: usize, c: u8) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.text[t.start] == c)
    }

    /// An apostrophe, ASCII or typographic.
    fn is_apostrophe(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let s = &self.text[t.start..t.end];
            s == b"'" || s == "’".as_bytes() || s == "‘".as_bytes()
        })
    }

    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| self.text[t.start].is_ascii_uppercase())
    }

    /// A plain number (no thousands comma) and its digit count.
    fn number(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.tokens.get(i)?;
        (t.kind == TokenKind::Number && !t.has_comma).then_some((t.number, t.digits))
    }

    /// Skips a dot glued to an abbreviation ("Sept.").
    fn after_dot(&self, i: usize) -> usize {
        if self.is_punct(i, b'.') && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a hyphen glued on both sides ("third-quarter").
    fn after_hyphen(&self, i: usize) -> (usize, bool) {
        if self.is_punct(i, b'-') && self.glued(i) && self.glued(i + 1) {
            (i + 1, true)
        } else {
            (i, false)
        }
    }

    /// An ordinal suffix glued to a number ("2nd", "20th").
    fn after_ordinal_suffix(&self, i: usize) -> usize {
        if self.func(i) == Some(Func::Nd) && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// A year written in digits in a date ("March 2, 2017"): context already says it is a date.
    fn year_in_date(&self, i: usize) -> Option<i32> {
        let (n, digits) = self.number(i)?;
        (digits == 4 && (1000..=2999).contains(&n) && !self.glued_number_continues(i))
            .then(|| i32::try_from(n).ok())
            .flatten()
    }

    /// Whether a number runs on ("1998.5", "1998:30", "1998/99" as part of something else).
    fn glued_number_continues(&self, i: usize) -> bool {
        (self.is_punct(i + 1, b'.') || self.is_punct(i + 1, b':') || self.is_punct(i + 1, b'/'))
            && self.glued(i + 1)
            && self.number(i + 2).is_some()
            && self.glued(i + 2)
    }

    /// A bare four-digit number that reads as a year: 1000-2099, not money, not a count, not
    /// a label, not part of a longer number.
    fn standalone_year(&self, i: usize) -> Option<i32> {
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
    fn year_or_short(&self, i: usize) -> Option<(i32, usize)> {
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
    fn period_ending(&self, i: usize) -> Option<(Option<i32>, u32)> {
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
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
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
    fn quantity(&self, i: usize) -> Option<(Option<u32>, usize, bool)> {
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
    fn unit_at(&self, i: usize) -> Option<(Unit, bool, usize, bool)> {
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

    // ---- the rules ----

    /// The longest expression starting at `i`. `with_the` says an article precedes it.
    fn core(&self, i: usize, with_the: bool) -> Option<Hit> {
        match self.lex(i) {
            Lex::Month(m) => self.month_rule(i, m),
            Lex::Weekday(d) => self.weekday_rule(i, d),
            Lex::Deictic(n, part) => self.deictic_rule(i, n, part),
            Lex::Ref(r) => self.reference_rule(i, r, with_the),
            Lex::Relative(r) => self.relative_rule(i, r, with_the),
            Lex::PeriodPart(p) => self.period_part_rule(i, p),
            Lex::Season(_) => self.season_rule(i, None, with_the),
            Lex::Ordinal(n) => self.ordinal_rule(i, n),
            Lex::Every(u) => hit(
                i + 1,
                Sem::Set {
                    unit: u,
                    amount: 1,
                    weekday: None,
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
                self.digits_rule(i, with_the)
            }
            _ => None,
        }
    }

    fn month_rule(&self, i: usize, month: u32) -> Option<Hit> {
        if !self.capitalized(i) {
            return None;
        }
        let name_len = self.word(i).len();
        let is_abbrev = name_len <= 4 && !matches!(self.word(i), b"may" | b"june" | b"july");
        let mut j = if is_abbrev {
            self.after_dot(i + 1)
        } else {
            i + 1
        };
        let had_dot = j > i + 1;
        let calendar = |year, day| {
            Sem::date(DateExpr::Calendar {
                year,
                month,
                day,
                relative: None,
            })
        };
        // "March 2", "March 2nd", "March 2, 2017"
        if let Some((d, digits)) = self.number(j) {
            if digits <= 2 && (1..=31).contains(&d) && !self.glued_number_continues(j) {
                let after_day = self.after_ordinal_suffix(j + 1);
                if self.lex(after_day) == Lex::Unit(Unit::Year, false)
                    || self.is_punct(after_day, b'%')
                {
                    return None;
                }
                let k = if self.is_punct(after_day, b',') {
                    after_day + 1
                } else {
                    after_day
                };
                if let Some(y) = self.year_in_date(k) {
                    return hit(k + 1, calendar(Some(y), Some(d)));
                }
                if let Some((shift, end)) = self.relative_year(after_day) {
                    let date = DateExpr::MonthOfRelativeYear {
                        month,
                        day: Some(d),
                        shift,
                    };
                    return hit(end, Sem::date(date));
                }
                return hit(after_day, calendar(None, Some(d)));
            }
            // "November 2016"
            if let Some(y) = self.year_in_date(j) {
                return hit(j + 1, calendar(Some(y), None));
            }
        }
        // "March of 1990", "May '98"
        if self.func(j) == Some(Func::Of)
            && let Some((y, end)) = self.year_or_short(j + 1)
        {
            return hit(end, calendar(Some(y), None));
        }
        if let Some((y, end)) = self.year_or_short(j) {
            return hit(end, calendar(Some(y), None));
        }
        let k = if self.func(j) == Some(Func::Of) {
            j + 1
        } else {
            j
        };
        if let Some((shift, end)) = self.relative_year(k) {
            let date = DateExpr::MonthOfRelativeYear {
                month,
                day: None,
                shift,
            };
            return hit(end, Sem::date(date));
        }
        // A month name alone: "May" and "March" are also a name and a verb, abbreviations are
        // too short to trust; they need a preposition or modifier before them.
        let ambiguous = is_abbrev || matches!(self.word(i), b"may" | b"march");
        if ambiguous {
            // Look past the hyphen of "mid-March".
            let back = if i >= 2 && self.is_punct(i - 1, b'-') {
                2
            } else {
                1
            };
            let before = i.checked_sub(back).map_or(Lex::None, |b| self.lex(b));
            let introduced = matches!(
                before,
                Lex::Func(
                    Func::In
                        | Func::Since
                        | Func::Until
                        | Func::By
                        | Func::During
                        | Func::From
                        | Func::Through
                        | Func::To
                        | Func::Of
                        | Func::Before
                        | Func::After
                        | Func::Mid
                ) | Lex::PeriodPart(_)
                    | Lex::Relative(_)
            );
            if !introduced || (is_abbrev && !had_dot && name_len < 3) {
                return None;
            }
            j = if is_abbrev && !had_dot { i + 1 } else { j };
        }
        hit(j, calendar(None, None))
    }

    fn weekday_rule(&self, i: usize, weekday: u32) -> Option<Hit> {
        if !self.capitalized(i) {
            return None;
        }
        let full = self.word(i).len() >= 6;
        let mut j = self.after_dot(i + 1);
        let k = if self.is_punct(j, b',') { j + 1 } else { j };
        // "Wednesday, March 1, 2017": the weekday adds nothing to the value.
        if let Lex::Month(m) = self.lex(k)
            && let Some(h) = self.month_rule(k, m)
            && let Sem::Date {
                date: DateExpr::Calendar { day: Some(_), .. },
                ..
            } = h.sem
        {
            return Some(h);
        }
        // "Friday, 3 March"
        if self.number(k).is_some()
            && let Some(h) = self.digits_rule(k, false)
            && let Sem::Date {
                date: DateExpr::Calendar { day: Some(_), .. },
                ..
            } = h.sem
        {
            return Some(h);
        }
        if !full {
            return None;
        }
        j = i + 1;
        let date = DateExpr::Weekday {
            weekday,
            relative: None,
        };
        if let Lex::DayPart(p) = self.lex(j) {
            return hit(
                j + 1,
                Sem::Date {
                    date,
                    part: None,
                    clock: Some(Clock::Part(p)),
                },
            );
        }
        hit(j, Sem::date(date))
    }

    fn deictic_rule(&self, i: usize, n: i32, part: Option<DayPart>) -> Option<Hit> {
        let date = DateExpr::Shift {
            unit: Unit::Day,
            n,
            origin: Origin::Dct,
        };
        let (end, clock) = match (part, self.lex(i + 1)) {
            (None, Lex::DayPart(p)) => (i + 2, Some(Clock::Part(p))),
            (Some(p), _) => (i + 1, Some(Clock::Part(p))),
            _ => (i + 1, None),
        };
        hit(
            end,
            Sem::Date {
                date,
                part: None,
                clock,
            },
        )
    }

    fn reference_rule(&self, i: usize, r: RefKind, with_the: bool) -> Option<Hit> {
        // "future" is an adjective more often than a time ("future growth").
        if self.word(i) == b"future" && !with_the {
            return None;
        }
        hit(i + 1, Sem::Ref(r))
    }

    fn relative_rule(&self, i: usize, r: Relative, with_the: bool) -> Option<Hit> {
        let mut j = i + 1;
        let mut r = r;
        // "this past weekend", "this coming Monday"
        if r == Relative::This
            && let Lex::Relative(inner @ (Relative::Past | Relative::Coming)) = self.lex(j)
        {
            r = inner;
            j += 1;
        }
        let step = match r {
            Relative::Last | Relative::Previous | Relative::Past => -1,
            Relative::This | Relative::Latest => 0,
            Relative::Next | Relative::Coming | Relative::Following => 1,
        };
        // "the next day" follows the story; "next week" follows the calendar.
        let story_day = with_the && self.lex(j) == Lex::Unit(Unit::Day, false);
        let origin = match r {
            Relative::Previous | Relative::Following => Origin::Reference,
            _ if story_day => Origin::Reference,
            _ => Origin::Dct,
        };
        // "the past two years", "the next 12 months", "the last three years"
        if let Some((amount, k, article)) = self.quantity(j)
            && !article
            && let Some((unit, _, end, _)) = self.unit_at(k)
        {
            return hit(end, Sem::Duration { amount, unit });
        }
        if r == Relative::Latest && self.word(j) == b"period" {
            return hit(j + 1, Sem::date(DateExpr::ContextQuarter));
        }
        match self.lex(j) {
            Lex::Unit(unit, true) => hit(j + 1, Sem::Duration { amount: None, unit }),
            Lex::Unit(unit, false) => {
                if r == Relative::Past {
                    return hit(
                        j + 1,
                        Sem::Duration {
                            amount: Some(1),
                            unit,
                        },
                    );
                }
                if unit == Unit::Weekend {
                    let date = DateExpr::Weekend {
                        relative: Some(step),
                    };
                    return hit(j + 1, Sem::date(date));
                }
                if r == Relative::Latest {
                    return (unit == Unit::Quarter)
                        .then(|| hit(j + 1, Sem::date(DateExpr::ContextQuarter)))
                        .flatten();
                }
                if unit == Unit::Year
                    && origin == Origin::Dct
                    && let Some(h) = self.possessive_part(j + 1, YearRef::FromDct(step))
                {
                    return Some(h);
                }
                let date = DateExpr::Shift {
                    unit,
                    n: step,
                    origin,
                };
                hit(j + 1, Sem::date(date))
            }
            Lex::Weekday(weekday) if self.capitalized(j) => {
                let date = DateExpr::Weekday {
                    weekday,
                    relative: Some(step),
                };
                if let Lex::DayPart(p) = self.lex(j + 1) {
                    return hit(
                        j + 2,
                        Sem::Date {
                            date,
                            part: None,
                            clock: Some(Clock::Part(p)),
                        },
                    );
                }
                hit(j + 1, Sem::date(date))
            }
            Lex::Month(month) if self.capitalized(j) => hit(
                if self.word(j).len() <= 4 {
                    self.after_dot(j + 1)
                } else {
                    j + 1
                },
                Sem::date(DateExpr::Calendar {
                    year: None,
                    month,
                    day: None,
                    relative: Some(step),
                }),
            ),
            Lex::Season(_) => self.season_rule(j, Some(step), true),
            Lex::DayPart(p) => {
                // "last night", "this morning"
                let n = if r == Relative::Last { -1 } else { step.max(0) };
                hit(
                    j + 1,
                    Sem::Date {
                        date: DateExpr::Shift {
                            unit: Unit::Day,
                            n,
                            origin: Origin::Dct,
                        },
                        part: None,
                        clock: Some(Clock::Part(p)),
                    },
                )
            }
            _ if r == Relative::Past && with_the => hit(j, Sem::Ref(RefKind::Past)),
            // "the current chairman": TimeML reads a bare "current" as the present.
            _ if self.word(i) == b"current" => hit(i + 1, Sem::Ref(RefKind::Present)),
            _ => None,
        }
    }

    fn season_rule(&self, i: usize, relative: Option<i32>, introduced: bool) -> Option<Hit> {
        let Lex::Season(season) = self.lex(i) else {
            return None;
        };
        let j = i + 1;
        let k = if self.func(j) == Some(Func::Of) {
            j + 1
        } else {
            j
        };
        if let Some((y, end)) = self.year_or_short(k) {
            return hit(
                end,
                Sem::date(DateExpr::Season {
                    year: Some(y),
                    season,
                    relative: None,
                }),
            );
        }
        // "fall" and "spring" are verbs and nouns too: alone they need an article or modifier.
        let plain = !matches!(self.word(i), b"fall" | b"spring");
        if !(introduced || plain) {
            return None;
        }
        hit(
            j,
            Sem::date(DateExpr::Season {
                year: None,
                season,
                relative,
            }),
        )
    }

    fn period_part_rule(&self, i: usize, part: PeriodPart) -> Option<Hit> {
        let mut j = i + 1;
        let word = self.word(i);
        let needs_of = !matches!(word, b"early" | b"late");
        if needs_of {
            if self.func(j) != Some(Func::Of) {
                return None;
            }
            j += 1;
        }
        let h = self.period_phrase(j)?;
        with_part(h, part)
    }

    /// What "early", "the end of", "mid-" can apply to: a date, or "the year"/"the month".
    fn period_phrase(&self, j: usize) -> Option<Hit> {
        let (start, with_the) = if self.func(j) == Some(Func::The) {
            (j + 1, true)
        } else {
            (j, false)
        };
        // No part of a part ("the end of the end of ..."): keeps matching bounded and linear.
        if matches!(self.lex(start), Lex::PeriodPart(_) | Lex::Func(Func::Mid)) {
            return None;
        }
        if let Lex::Unit(unit, false) = self.lex(start)
            && with_the
        {
            return hit(
                start + 1,
                Sem::date(DateExpr::Shift {
                    unit,
                    n: 0,
                    origin: Origin::Dct,
                }),
            );
        }
        self.core(start, with_the)
    }

    fn ordinal_rule(&self, i: usize, n: u32) -> Option<Hit> {
        let (j, hyphen) = self.after_hyphen(i + 1);
        match self.lex(j) {
            Lex::Unit(Unit::Quarter, false) => {
                let (year, end) = self.trailing_year(j + 1);
                let mut h = hit(end, Sem::date(DateExpr::Quarter { year, q: n }))?;
                h.adjectival = hyphen;
                (1..=4).contains(&n).then_some(h)
            }
            Lex::Func(Func::Half) => {
                let (year, end) = self.trailing_year(j + 1);
                let mut h = hit(end, Sem::date(DateExpr::Half { year, h: n }))?;
                h.adjectival = hyphen;
                (1..=2).contains(&n).then_some(h)
            }
            Lex::Unit(Unit::Century, false) => {
                let c = i32::try_from(n).ok()? - 1;
                hit(j + 1, Sem::date(DateExpr::Century(c)))
            }
            _ => {
                // "the first nine months"
                let (amount, k, article) = self.quantity(i + 1)?;
                if article {
                    return None;
                }
                let (unit, plural, end, _) = self.unit_at(k)?;
                plural.then_some(())?;
                hit(end, Sem::Duration { amount, unit })
            }
        }
    }

    /// A year after a quarter or half: "of 1990", "of fiscal 1990", "1990".
    fn trailing_year(&self, j: usize) -> (Option<YearRef>, usize) {
        let mut k = j;
        if self.func(k) == Some(Func::Of) {
            k += 1;
            if let Some((shift, end)) = self.relative_year(k) {
                return (Some(YearRef::FromDct(shift)), end);
            }
        }
        if self.func(k) == Some(Func::Fiscal) {
            k += 1;
        }
        match self.year_or_short(k) {
            Some((y, end)) => (Some(YearRef::Absolute(y)), end),
            None => (None, j),
        }
    }

    /// "last year", "this year", "next year": the year's distance from the publication date.
    fn relative_year(&self, k: usize) -> Option<(i32, usize)> {
        let shift = match self.lex(k) {
            Lex::Relative(Relative::Last) => -1,
            Lex::Relative(Relative::This) => 0,
            Lex::Relative(Relative::Next) => 1,
            _ => return None,
        };
        (self.lex(k + 1) == Lex::Unit(Unit::Year, false)).then_some((shift, k + 2))
    }

    /// "'s third quarter" after a year: the quarter or half of that year.
    fn possessive_part(&self, k: usize, year: YearRef) -> Option<Hit> {
        if !(self.is_apostrophe(k) && self.word(k + 1) == b"s") {
            return None;
        }
        let Lex::Ordinal(n) = self.lex(k + 2) else {
            return None;
        };
        let (j, _) = self.after_hyphen(k + 3);
        match self.lex(j) {
            Lex::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => hit(
                j + 1,
                Sem::date(DateExpr::Quarter {
                    year: Some(year),
                    q: n,
                }),
            ),
            Lex::Func(Func::Half) if (1..=2).contains(&n) => hit(
                j + 1,
                Sem::date(DateExpr::Half {
                    year: Some(year),
                    h: n,
                }),
            ),
            _ => None,
        }
    }

    fn holiday_rule(&self, i: usize) -> Option<Hit> {
        for &(name, rule) in HOLIDAYS {
            let mut j = i;
            let mut matched = true;
            for piece in name.split(' ') {
                // "'s" is an apostrophe (either kind) and "s"; "'" alone is just the apostrophe.
                let (ok, width) = match piece.strip_prefix('\'') {
                    Some("") => (self.is_apostrophe(j), 1),
                    Some(rest) => (
                        self.is_apostrophe(j) && self.word(j + 1) == rest.as_bytes(),
                        2,
                    ),
                    None => (self.word(j) == piece.as_bytes(), 1),
                };
                if !ok {
                    matched = false;
                    break;
                }
                j += width;
            }
            if !matched || !self.capitalized(i) {
                continue;
            }
            let k = if self.is_punct(j, b',') { j + 1 } else { j };
            let (year, end) = match self.year_in_date(k) {
                Some(y) => (Some(y), k + 1),
                None => (None, j),
            };
            return hit(end, Sem::date(DateExpr::Holiday { rule, year }));
        }
        None
    }

    fn day_part_rule(&self, i: usize, part: DayPart) -> Option<Hit> {
        if !matches!(part, DayPart::Noon | DayPart::Midnight) {
            return None;
        }
        let clock = Some(Clock::Part(part));
        // "noon Saturday", "midnight yesterday"
        if let Some(h) = self.day_after_clock(i + 1) {
            return attach_clock(h, clock);
        }
        hit(
            i + 1,
            Sem::Date {
                date: DateExpr::Shift {
                    unit: Unit::Day,
                    n: 0,
                    origin: Origin::LastDay,
                },
                part: None,
                clock,
            },
        )
    }

    /// A day named right after a clock time: "3 p.m. Wednesday", "noon yesterday".
    fn day_after_clock(&self, j: usize) -> Option<Hit> {
        match self.lex(j) {
            Lex::Weekday(_) | Lex::Deictic(_, None) | Lex::Month(_) => {
                let h = self.core(j, false)?;
                matches!(h.sem, Sem::Date { clock: None, .. }).then_some(h)
            }
            _ => None,
        }
    }

    fn unit_rule(&self, i: usize, unit: Unit, plural: bool, with_the: bool) -> Option<Hit> {
        // "year-end", "year end"
        let (j, _) = self.after_hyphen(i + 1);
        if unit == Unit::Year && self.word(j) == b"end" {
            return hit(
                j + 1,
                Sem::Date {
                    date: DateExpr::Shift {
                        unit,
                        n: 0,
                        origin: Origin::Dct,
                    },
                    part: Some(PeriodPart::End),
                    clock: None,
                },
            );
        }
        // "year-earlier", "year-ago" (+ "quarter"/"period")
        if unit == Unit::Year && j > i + 1 {
            let origin = match self.func(j) {
                Some(Func::Earlier) => Some(Origin::Reference),
                Some(Func::Ago) => Some(Origin::Ago),
                _ => None,
            };
            if let Some(origin) = origin {
                let mut end = j + 1;
                if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false))
                    || self.word(end) == b"period"
                {
                    end += 1;
                } else if with_the {
                    return None;
                }
                return hit(
                    end,
                    Sem::date(DateExpr::Shift {
                        unit,
                        n: -1,
                        origin,
                    }),
                );
            }
        }
        if with_the && !plural {
            // "the day before", "the week after": counted from the date last mentioned.
            if let Some(f @ (Func::Before | Func::After)) = self.func(i + 1)
                && self.clause_ends(i + 2)
            {
                let n = if f == Func::Before { -1 } else { 1 };
                let date = DateExpr::Shift {
                    unit,
                    n,
                    origin: Origin::Reference,
                };
                return hit(i + 2, Sem::date(date));
            }
            // "the quarter ended Sept. 30": the period is the one that date closes.
            if let Some((year, month)) = self.period_ending(i + 1) {
                let date = match unit {
                    Unit::Quarter => DateExpr::Quarter {
                        year: year.map(YearRef::Absolute),
                        q: (month - 1) / 3 + 1,
                    },
                    Unit::Year => match year {
                        Some(y) => DateExpr::Year(y),
                        None => DateExpr::Shift {
                            unit,
                            n: 0,
                            origin: Origin::Dct,
                        },
                    },
                    _ => return None,
                };
                return hit(i + 1, Sem::date(date));
            }
            // "the year 2000", "the year two thousand"
            if unit == Unit::Year {
                if let Some((y, end)) = self.spelled_year(i + 1) {
                    return hit(end, Sem::date(DateExpr::Year(y)));
                }
                if let Some(y) = self.year_in_date(i + 1) {
                    return hit(i + 2, Sem::date(DateExpr::Year(y)));
                }
            }
            return match unit {
                Unit::Quarter => hit(i + 1, Sem::date(DateExpr::ContextQuarter)),
                Unit::Weekend => hit(i + 1, Sem::date(DateExpr::Weekend { relative: None })),
                // "the year" is a stretch of time more often than this year.
                Unit::Year => hit(
                    i + 1,
                    Sem::Duration {
                        amount: Some(1),
                        unit,
                    },
                ),
                Unit::Week | Unit::Month => hit(
                    i + 1,
                    Sem::date(DateExpr::Shift {
                        unit,
                        n: 0,
                        origin: Origin::Dct,
                    }),
                ),
                _ => None,
            };
        }
        if plural && !with_the && i > 0 {
            // "for years", "in months": a vague duration.
            let before = self.func(i - 1);
            if matches!(
                before,
                Some(Func::For | Func::Within | Func::In | Func::Than)
            ) {
                return hit(i + 1, Sem::Duration { amount: None, unit });
            }
        }
        None
    }

    fn func_rule(&self, i: usize, f: Func, with_the: bool) -> Option<Hit> {
        match f {
            Func::A => self.quantity_rule(i, with_the),
            Func::Every | Func::Each => {
                let j = i + 1;
                if let Lex::Weekday(d) = self.lex(j) {
                    return hit(
                        j + 1,
                        Sem::Set {
                            unit: Unit::Week,
                            amount: 1,
                            weekday: Some(d),
                        },
                    );
                }
                let (amount, k) = match self.quantity(j) {
                    Some((Some(n), k, false)) => (n, k),
                    _ => (1, j),
                };
                let (unit, _, end, _) = self.unit_at(k)?;
                hit(
                    end,
                    Sem::Set {
                        unit,
                        amount,
                        weekday: None,
                    },
                )
            }
            Func::That => self.that_period(i),
            Func::Earlier | Func::Later if self.func(i + 1) == Some(Func::That) => {
                // "later that year": the year of the story, not of the publication.
                self.that_period(i + 1)
            }
            Func::Earlier | Func::Later => {
                // "earlier this month", "later this year"
                if self.lex(i + 1) == Lex::Relative(Relative::This)
                    && let Lex::Unit(unit, false) = self.lex(i + 2)
                {
                    return hit(
                        i + 3,
                        Sem::date(DateExpr::Bounded {
                            unit,
                            after: f == Func::Later,
                        }),
                    );
                }
                None
            }
            Func::Mid => {
                let (j, _) = self.after_hyphen(i + 1);
                let h = self.period_phrase(j)?;
                with_part(h, PeriodPart::Mid)
            }
            Func::Fiscal => {
                let j = if self.lex(i + 1) == Lex::Unit(Unit::Year, false) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some((y, end)) = self.year_or_short(j) {
                    // "fiscal 1990 first quarter"
                    if let Lex::Ordinal(q) = self.lex(end)
                        && self.lex(end + 1) == Lex::Unit(Unit::Quarter, false)
                        && (1..=4).contains(&q)
                    {
                        return hit(
                            end + 2,
                            Sem::date(DateExpr::Quarter {
                                year: Some(YearRef::Absolute(y)),
                                q,
                            }),
                        );
                    }
                    return hit(end, Sem::date(DateExpr::Year(y)));
                }
                if let Lex::Ordinal(n) = self.lex(i + 1) {
                    return self.ordinal_rule(i + 1, n);
                }
                None
            }
            Func::Q => {
                let (q, _) = self.number(i + 1)?;
                if !self.glued(i + 1) || !(1..=4).contains(&q) || !self.capitalized(i) {
                    return None;
                }
                let k = if self.is_punct(i + 2, b',') {
                    i + 3
                } else {
                    i + 2
                };
                let (year, end) = match self.year_or_short(k) {
                    Some((y, end)) => (Some(YearRef::Absolute(y)), end),
                    None => (None, i + 2),
                };
                hit(end, Sem::date(DateExpr::Quarter { year, q }))
            }
            Func::Near => {
                if self.lex(i + 1) == Lex::Ref(RefKind::Future) {
                    return hit(i + 2, Sem::Ref(RefKind::Future));
                }
                None
            }
            _ => None,
        }
    }

    /// "that day", "that year": the period of the date last mentioned.
    fn that_period(&self, i: usize) -> Option<Hit> {
        match self.lex(i + 1) {
            Lex::Unit(
                unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year),
                false,
            ) => {
                let date = DateExpr::Shift {
                    unit,
                    n: 0,
                    origin: Origin::Reference,
                };
                hit(i + 2, Sem::date(date))
            }
            _ => None,
        }
    }

    /// Quantity + unit: a duration, or with "ago"/"earlier"/"later" a date.
    fn quantity_rule(&self, i: usize, with_the: bool) -> Option<Hit> {
        // "recent years"
        if self.word(i) == b"recent" {
            if let Lex::Unit(_, true) = self.lex(i + 1) {
                return hit(i + 2, Sem::Ref(RefKind::Past));
            }
            return hit(i + 1, Sem::Ref(RefKind::Past));
        }
        if let Some((y, end)) = self.spelled_year(i)
            && self.word(i + 1) != b"thousand"
        {
            return hit(end, Sem::date(DateExpr::Year(y)));
        }
        let (amount, k, article) = self.quantity(i)?;
        let (unit, plural, end, hyphen) = self.unit_at(k)?;
        if article && self.is_punct(end, b'-') && self.glued(end) {
            // "a year-earlier quarter": the compound starts at "year".
            return None;
        }
        if let Some(h) = self.relative_tail(end, amount, unit) {
            return Some(h);
        }
        if article && !with_the {
            // "twice a day", "$10,000 a month" are rates, not durations.
            if i > 0 {
                let before = &self.tokens[i - 1];
                let counted = matches!(self.lex(i - 1), Lex::CountNoun | Lex::Unit(_, true))
                    || lexicon::is_count_noun(self.word(i - 1));
                if before.kind == TokenKind::Number
                    || counted
                    || self.is_punct(i - 1, b'%')
                    || self.word_in(i - 1, lexicon::RATE_WORDS)
                {
                    return None;
                }
            }
            if plural || hyphen {
                return None;
            }
        }
        if with_the && article {
            return None;
        }
        let mut h = hit(end, Sem::Duration { amount, unit })?;
        h.adjectival = hyphen;
        Some(h)
    }

    /// "ago", "earlier", "later", "from now" after a quantity and unit.
    fn relative_tail(&self, end: usize, amount: Option<u32>, unit: Unit) -> Option<Hit> {
        let n = amount.and_then(|a| i32::try_from(a).ok());
        let shift = |n: i32, origin| Sem::date(DateExpr::Shift { unit, n, origin });
        match self.func(end) {
            Some(Func::Ago) => match n {
                Some(n) => hit(end + 1, shift(-n, Origin::Ago)),
                None => hit(end + 1, Sem::Ref(RefKind::Past)),
            },
            Some(Func::Earlier) => hit(end + 1, shift(-n?, Origin::Reference)),
            Some(Func::Later) => hit(end + 1, shift(n?, Origin::Reference)),
            Some(Func::From) if self.lex(end + 1) == Lex::Ref(RefKind::Present) => {
                hit(end + 2, shift(n?, Origin::Dct))
            }
            Some(Func::Before | Func::After) if self.clause_ends(end + 1) => {
                let sign = if self.func(end) == Some(Func::Before) {
                    -1
                } else {
                    1
                };
                hit(end + 1, shift(sign * n?, Origin::Reference))
            }
            _ => None,
        }
    }

    fn clause_ends(&self, i: usize) -> bool {
        match self.tokens.get(i) {
            None => true,
            Some(t) => {
                t.kind == TokenKind::Punct
                    && matches!(self.text[t.start], b'.' | b',' | b';' | b'?' | b'!')
            }
        }
    }

    /// Expressions starting with digits: ISO and numeric dates, clock times, decades, day-first
    /// dates, durations and years.
    fn digits_rule(&self, i: usize, with_the: bool) -> Option<Hit> {
        let (n, digits) = self.number(i)?;
        // ISO 2017-03-02
        if digits == 4
            && self.is_punct(i + 1, b'-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let (Some((m, 2)), true, true, Some((d, 2))) = (
                self.number(i + 2),
                self.is_punct(i + 3, b'-'),
                self.glued(i + 4),
                self.number(i + 4),
            )
        {
            let y = i32::try_from(n).ok()?;
            crate::time::anchor::ymd(y, m, d)?;
            let date = DateExpr::Calendar {
                year: Some(y),
                month: m,
                day: Some(d),
                relative: None,
            };
            // "1999-02-06 06:22:26"
            if let (Some((hh, 2)), true, Some((mm, 2))) = (
                self.number(i + 5),
                self.is_punct(i + 6, b':'),
                self.number(i + 7),
            ) && hh < 24
                && mm < 60
            {
                let mut end = i + 8;
                if self.is_punct(end, b':') && self.number(end + 1).is_some() {
                    end += 2;
                }
                return hit(
                    end,
                    Sem::Date {
                        date,
                        part: None,
                        clock: Some(Clock::At {
                            hour: hh,
                            minute: mm,
                        }),
                    },
                );
            }
            return hit(i + 5, Sem::date(date));
        }
        // 3/2/2017
        if digits <= 2 && self.is_punct(i + 1, b'/') && self.glued(i + 1) && self.glued(i + 2) {
            if let (Some((b, bd)), true, true, Some((y, yd))) = (
                self.number(i + 2),
                self.is_punct(i + 3, b'/'),
                self.glued(i + 3) && self.glued(i + 4),
                self.number(i + 4),
            ) && bd <= 2
                && (yd == 4 || yd == 2)
                && !self.glued_number_continues(i + 4)
            {
                let y = i32::try_from(y).ok()?;
                let y = if yd == 2 {
                    if y < 30 { 2000 + y } else { 1900 + y }
                } else {
                    y
                };
                let (month, day) = self.numeric_month_day(n, b, y)?;
                return hit(
                    i + 5,
                    Sem::date(DateExpr::Calendar {
                        year: Some(y),
                        month,
                        day: Some(day),
                        relative: None,
                    }),
                );
            }
            return None;
        }
        if let Some(h) = self.clock_rule(i, n, digits) {
            return Some(h);
        }
        // "1990s", "the 1800s"
        if digits == 4 && self.word(i + 1) == b"s" && self.glued(i + 1) && n % 10 == 0 {
            let n = i32::try_from(n).ok()?;
            let date = if n % 100 == 0 {
                DateExpr::Century(n / 100)
            } else {
                DateExpr::Decade(n / 10)
            };
            return hit(i + 2, Sem::date(date));
        }
        // "20th century"
        let after_suffix = self.after_ordinal_suffix(i + 1);
        if after_suffix > i + 1 && self.lex(after_suffix) == Lex::Unit(Unit::Century, false) {
            let c = i32::try_from(n).ok()? - 1;
            return hit(after_suffix + 1, Sem::date(DateExpr::Century(c)));
        }
        // "2 March 2017", "2nd of March"
        if digits <= 2 && (1..=31).contains(&n) {
            let mut k = after_suffix;
            if self.func(k) == Some(Func::Of) && k > i + 1 {
                k += 1;
            }
            if let Lex::Month(month) = self.lex(k)
                && self.capitalized(k)
            {
                let k2 = self.after_dot(k + 1);
                let k3 = if self.is_punct(k2, b',') { k2 + 1 } else { k2 };
                let (year, end) = match self.year_in_date(k3) {
                    Some(y) => (Some(y), k3 + 1),
                    None => (None, k2),
                };
                return hit(
                    end,
                    Sem::date(DateExpr::Calendar {
                        year,
                        month,
                        day: Some(n),
                        relative: None,
                    }),
                );
            }
        }
        if let Some(h) = self.quantity_rule(i, with_the) {
            return Some(h);
        }
        let y = self.standalone_year(i)?;
        // "the 1988 third quarter"
        if let Lex::Ordinal(q @ 1..=4) = self.lex(i + 1) {
            let (j, _) = self.after_hyphen(i + 2);
            if self.lex(j) == Lex::Unit(Unit::Quarter, false) {
                let year = Some(YearRef::Absolute(y));
                return hit(j + 1, Sem::date(DateExpr::Quarter { year, q }));
            }
        }
        hit(i + 1, Sem::date(DateExpr::Year(y)))
    }

    /// Month and day of an all-numeric date; an impossible reading is never chosen.
    fn numeric_month_day(&self, a: u32, b: u32, year: i32) -> Option<(u32, u32)> {
        let valid = |m: u32, d: u32| crate::time::anchor::ymd(year, m, d).is_some();
        let (first, second) = match self.numeric_order {
            NumericOrder::MonthFirst => ((a, b), (b, a)),
            NumericOrder::DayFirst => ((b, a), (a, b)),
        };
        if valid(first.0, first.1) {
            Some(first)
        } else if valid(second.0, second.1) {
            Some(second)
        } else {
            None
        }
    }

    /// "3 p.m.", "10:35 a.m.", "15:00 GMT", optionally followed by the day ("3 p.m. Wednesday").
    fn clock_rule(&self, i: usize, n: u32, digits: u8) -> Option<Hit> {
        if digits > 2 {
            return None;
        }
        let mut hour = n;
        let mut minute = 0;
        let mut j = i + 1;
        let mut has_minutes = false;
        if self.is_punct(j, b':')
            && self.glued(j)
            && self.glued(j + 1)
            && let Some((mm, 2)) = self.number(j + 1)
        {
            if mm >= 60 {
                return None;
            }
            minute = mm;
            j += 2;
            has_minutes = true;
        }
        // a.m. / p.m. / am / pm
        let meridiem = match self.lex(j) {
            Lex::Func(Func::Am) => Some((false, j + 1)),
            Lex::Func(Func::Pm) => Some((true, j + 1)),
            _ => match (self.word(j), self.is_punct(j + 1, b'.'), self.word(j + 2)) {
                (b"a", true, b"m") => Some((false, self.after_dot(j + 3))),
                (b"p", true, b"m") => Some((true, self.after_dot(j + 3))),
                _ => None,
            },
        };
        let zone_follows = self.word_in(j, lexicon::TIME_ZONES);
        match meridiem {
            Some((pm, end)) => {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                hour = match (pm, hour) {
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, 12) => 0,
                    (false, h) => h,
                };
                j = end;
            }
            None if has_minutes && zone_follows && hour < 24 => {}
            None => return None,
        }
        if self.word_in(j, lexicon::TIME_ZONES) {
            j += 1;
        }
        let clock = Some(Clock::At { hour, minute });
        if let Some(h) = self.day_after_clock(j) {
            return attach_clock(h, clock);
        }
        hit(
            j,
            Sem::Date {
                date: DateExpr::Shift {
                    unit: Unit::Day,
                    n: 0,
                    origin: Origin::LastDay,
                },
                part: None,
                clock,
            },
        )
    }

    /// "'90s"
    fn short_decade(&self, i: usize) -> Option<Hit> {
        let (n, digits) = self.number(i + 1)?;
        if digits != 2 || !self.glued(i + 1) || n % 10 != 0 {
            return None;
        }
        if self.word(i + 2) != b"s" || !self.glued(i + 2) {
            return None;
        }
        let n = i32::try_from(n).ok()?;
        let century = if n < 30 { 200 } else { 190 };
        hit(i + 3, Sem::date(DateExpr::Decade(century + n / 10)))
    }
}

/// Whether TimeML includes a preceding "the" in the expression: it does for noun phrases headed
/// by a period ("the third quarter", "the past two years", "the end of 1990"), not for names
/// and numbers used as modifiers ("the 1988 period", "the Oct. 23 meeting").
fn keeps_article(sem: &Sem) -> bool {
    match sem {
        Sem::Ref(_) | Sem::Duration { .. } | Sem::Set { .. } => true,
        Sem::Date { part: Some(_), .. } => true,
        Sem::Date { date, .. } => !matches!(
            date,
            DateExpr::Calendar { .. } | DateExpr::Year(_) | DateExpr::Weekday { .. }
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
