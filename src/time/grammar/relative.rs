//! Rules for expressions read against another date: deictic words ("yesterday"), relative
//! periods ("last week", "earlier this month", "a year earlier"), parts of periods ("the end of
//! the year"), durations ("two years") and sets ("every Friday").

use super::{Grammar, Hit, hit, with_part};
use crate::time::expr::{Clock, DateExpr, Origin, Sem, YearRef};
use crate::time::lexicon::{
    self, DayPart, Func, HolidayRule, Lex, PeriodPart, RefKind, Relative, Unit,
};
use crate::time::tokens::TokenKind;

/// Words that judge a day in "it was a great day for Poland", "this is a sad day": said of the
/// day the story is on, such a day is a date.
const DAY_VERDICTS: &[&str] = &[
    "great",
    "historic",
    "sad",
    "proud",
    "happy",
    "good",
    "bad",
    "dark",
    "black",
    "tragic",
    "momentous",
    "big",
    "memorable",
    "terrible",
    "glorious",
    "joyous",
    "wonderful",
    "special",
];

/// Forms of "be" that make "a great day" say what a day was.
const COPULAS: &[&str] = &["is", "was", "be", "been", "s"];

impl Grammar<'_> {
    pub(super) fn deictic_rule(&self, i: usize, n: i32, part: Option<DayPart>) -> Option<Hit> {
        // "today's youth", "today's personal computers": nowadays, not a day.
        if n == 0
            && part.is_none()
            && self.is_apostrophe(i + 1)
            && self.word(i + 2) == b"s"
            && (self.word_in(i + 3, lexicon::NOWADAYS_NOUNS)
                || self.word_in(i + 4, lexicon::NOWADAYS_NOUNS))
        {
            return None;
        }
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

    pub(super) fn reference_rule(&self, i: usize, r: RefKind, with_the: bool) -> Option<Hit> {
        // "future" is an adjective more often than a time ("future growth").
        if self.word(i) == b"future" && !with_the {
            return None;
        }
        // "the future of our peoples" is their fate, not a time.
        if self.word(i) == b"future" && self.func(i + 1) == Some(Func::Of) {
            return None;
        }
        // "Now, he says, ..." opening a sentence is a discourse marker, not a time: TimeBank
        // and AQUAINT tag "Now the court ..." but never a capitalised "Now" (or "Currently")
        // set off by a comma.
        if self.word_in(i, lexicon::DISCOURSE_OPENERS)
            && self.capitalized(i)
            && self.is_punct(i + 1, b',')
        {
            return None;
        }
        hit(i + 1, Sem::Ref(r))
    }

    pub(super) fn relative_rule(&self, i: usize, r: Relative, with_the: bool) -> Option<Hit> {
        let mut j = i + 1;
        let mut r = r;
        // "this past weekend", "this coming Monday"
        if r == Relative::This
            && let Lex::Relative(inner @ (Relative::Past | Relative::Coming)) = self.lex(j)
        {
            r = inner;
            j += 1;
        }
        // "the current fiscal year", "next fiscal quarter": the fiscal period is the period.
        if self.func(j) == Some(Func::Fiscal)
            && matches!(
                self.lex(j + 1),
                Lex::Unit(Unit::Year | Unit::Quarter, false)
            )
        {
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
        // "the last half of 1989", "the last quarter of 1990": the final part of a named year
        // (without the year, "the last quarter" is the one before this).
        if r == Relative::Last
            && matches!(
                self.lex(j),
                Lex::Func(Func::Half) | Lex::Unit(Unit::Quarter, false)
            )
            && self.func(j + 1) == Some(Func::Of)
            && let (Some(year), end) = self.trailing_year(j + 1)
        {
            let date = if self.lex(j) == Lex::Func(Func::Half) {
                DateExpr::Half {
                    year: Some(year),
                    h: 2,
                }
            } else {
                DateExpr::Quarter {
                    year: Some(year),
                    q: 4,
                }
            };
            return hit(end, Sem::date(date));
        }
        if r == Relative::Latest && self.word(j) == b"period" {
            return hit(j + 1, Sem::date(DateExpr::LatestQuarter));
        }
        match self.lex(j) {
            Lex::Unit(unit, true) => hit(j + 1, Sem::Duration { amount: None, unit }),
            Lex::Unit(unit, false) => {
                // "the past decade" is the ten years up to now; "the past year", "the past
                // week" are the last calendar ones, as "last year" is (TimeBank and AQUAINT tag
                // both such phrases so).
                if r == Relative::Past && lexicon::PAST_SPAN_UNITS.contains(&unit) {
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
                    // "the latest fiscal year" is the last one closed, as "the latest quarter"
                    // is: last year.
                    return match unit {
                        Unit::Quarter => hit(j + 1, Sem::date(DateExpr::LatestQuarter)),
                        Unit::Year => hit(
                            j + 1,
                            Sem::date(DateExpr::Shift {
                                unit,
                                n: -1,
                                origin: Origin::Dct,
                            }),
                        ),
                        _ => None,
                    };
                }
                if unit == Unit::Year
                    && origin == Origin::Dct
                    && let Some(h) = self.possessive_part(j + 1, YearRef::FromDct(step))
                {
                    return Some(h);
                }
                // "last year's quarter", "last year's period": the story's quarter a year back,
                // as "the quarter a year ago" is.
                if unit == Unit::Year
                    && origin == Origin::Dct
                    && step == -1
                    && self.is_apostrophe(j + 1)
                    && self.word(j + 2) == b"s"
                    && (self.word(j + 3) == b"period"
                        || self.lex(j + 3) == Lex::Unit(Unit::Quarter, false))
                {
                    return hit(j + 4, Sem::date(year_ago()));
                }
                let date = DateExpr::Shift {
                    unit,
                    n: step,
                    origin,
                };
                hit(j + 1, Sem::date(date))
            }
            Lex::Weekday(weekday) if self.capitalized(j) => {
                // "the previous Friday" counts from the day the story is on, like "the
                // previous day"; "last Friday" from the publication date.
                let date = if origin == Origin::Reference {
                    DateExpr::StoryWeekday { weekday, step }
                } else {
                    DateExpr::Weekday {
                        weekday,
                        relative: Some(step),
                    }
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
            // "last Oct. 23": the day of the month the direction picks.
            Lex::Month(month)
                if self.capitalized(j)
                    && let Some(Hit {
                        end,
                        sem:
                            Sem::Date {
                                date:
                                    DateExpr::Calendar {
                                        year: None,
                                        day: Some(day),
                                        ..
                                    },
                                ..
                            },
                        ..
                    }) = self.month_rule(j, month) =>
            {
                hit(
                    end,
                    Sem::date(DateExpr::Calendar {
                        year: None,
                        month,
                        day: Some(day),
                        relative: Some(step),
                    }),
                )
            }
            Lex::Month(month) if self.capitalized(j) => hit(
                if self.is_month_abbreviation(j) {
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
            // "last Thanksgiving", "this Christmas"
            Lex::Holiday => {
                let h = self.holiday_rule(j)?;
                match h.sem {
                    Sem::Date {
                        date:
                            DateExpr::Holiday {
                                rule, year: None, ..
                            },
                        ..
                    } => {
                        let date = DateExpr::Holiday {
                            rule,
                            year: None,
                            relative: Some(step),
                        };
                        hit(h.end, Sem::date(date))
                    }
                    _ => None,
                }
            }
            Lex::DayPart(p) => {
                // "last night", "this morning"; "the next morning" and "the previous night"
                // follow the story, like "the next day".
                let n = if r == Relative::Last { -1 } else { step.max(0) };
                let origin = if with_the { Origin::Reference } else { origin };
                hit(
                    j + 1,
                    Sem::Date {
                        date: DateExpr::Shift {
                            unit: Unit::Day,
                            n,
                            origin,
                        },
                        part: None,
                        clock: Some(Clock::Part(p)),
                    },
                )
            }
            _ if r == Relative::Past && with_the => hit(j, Sem::Ref(RefKind::Past)),
            // "the current chairman": TimeML reads a bare "current" as the present.
            _ if self.word(i) == b"current" => {
                let mut h = hit(i + 1, Sem::Ref(RefKind::Present))?;
                // An adjective: "the current chairman" tags "current" alone.
                h.adjectival = true;
                Some(h)
            }
            _ => None,
        }
    }

    pub(super) fn period_part_rule(&self, i: usize, part: PeriodPart) -> Option<Hit> {
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
    pub(super) fn period_phrase(&self, j: usize) -> Option<Hit> {
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

    pub(super) fn unit_rule(
        &self,
        i: usize,
        unit: Unit,
        plural: bool,
        with_the: bool,
    ) -> Option<Hit> {
        // "year's end", "year end": the end of the year, as "the end of the year" is (TimeBank
        // writes both as the year with END).
        let possessive = self.is_apostrophe(i + 1) && self.word(i + 2) == b"s";
        let spaced = !self.glued(i + 1) && self.word(i + 1) == b"end";
        if unit == Unit::Year && !plural && (spaced || possessive && self.word(i + 3) == b"end") {
            let end = if possessive { i + 4 } else { i + 2 };
            let this_year = Sem::date(DateExpr::Shift {
                unit,
                n: 0,
                origin: Origin::Dct,
            });
            return with_part(hit(end, this_year)?, PeriodPart::End);
        }
        // "year-end": the day a year closes on, December 31, which the tense and preposition
        // place like any date without a year ("since year-end" is the last one, "by year-end"
        // the coming one).
        let (j, _) = self.after_hyphen(i + 1);
        if unit == Unit::Year && self.word(j) == b"end" {
            return hit(
                j + 1,
                Sem::date(DateExpr::Holiday {
                    rule: HolidayRule::Fixed(12, 31),
                    year: None,
                    relative: None,
                }),
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
                // "the year-earlier nine months": the stretch compared is a duration, like
                // "the nine months" it stands for.
                if let Some((amount @ Some(_), k, false)) = self.quantity(end)
                    && let Some((unit, _, after, _)) = self.unit_at(k)
                {
                    return hit(after, Sem::Duration { amount, unit });
                }
                if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false))
                    || self.word(end) == b"period"
                {
                    end += 1;
                } else if let Lex::Ordinal(1..=4) = self.lex(end)
                    && let (k, _) = self.after_hyphen(end + 1)
                    && self.lex(k) == Lex::Unit(Unit::Quarter, false)
                {
                    // "the year-ago third quarter": one period, the story's quarter a year back.
                    end = k + 1;
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
            if unit == Unit::Day
                && let Some(h) = self.day_before_event(i)
            {
                return Some(h);
            }
            // "the year ending tomorrow", "the year ended Friday": a year that ends on a day
            // named some other way is a fiscal one all the same.
            if unit == Unit::Year
                && self.func(i + 1) == Some(Func::End)
                && matches!(self.lex(i + 2), Lex::Deictic(..) | Lex::Weekday(_))
            {
                return hit(
                    i + 1,
                    Sem::Duration {
                        amount: Some(1),
                        unit,
                    },
                );
            }
            // "the quarter ended Sept. 30": the period is the one that date closes. "The year
            // ended March 31" is a fiscal year, not a calendar one: TimeML (and all six such
            // phrases in TimeBank) make it the duration P1Y, its end being tagged on its own.
            // A fiscal quarter that ends off the calendar's ("the quarter ended July 31", May
            // to July) is the calendar quarter holding most of it: that of its middle month.
            if let Some((year, month)) = self.period_ending(i + 1) {
                let date = match unit {
                    Unit::Quarter => {
                        let (year, middle) = match month {
                            1 => (year.map(|y| y - 1), 12),
                            m => (year, m - 1),
                        };
                        DateExpr::QuarterEnded {
                            year: year.map(YearRef::Absolute),
                            q: (middle - 1) / 3 + 1,
                        }
                    }
                    Unit::Year => {
                        return hit(
                            i + 1,
                            Sem::Duration {
                                amount: Some(1),
                                unit,
                            },
                        );
                    }
                    _ => return None,
                };
                return hit(i + 1, Sem::date(date));
            }
            // "the week of March 6"
            if unit == Unit::Week
                && self.func(i + 1) == Some(Func::Of)
                && let Lex::Month(m) = self.lex(i + 2)
                && let Some(h) = self.month_rule(i + 2, m)
                && let Sem::Date {
                    date:
                        DateExpr::Calendar {
                            year,
                            month,
                            day: Some(day),
                            ..
                        },
                    clock: None,
                    ..
                } = h.sem
            {
                return hit(h.end, Sem::date(DateExpr::WeekOf { year, month, day }));
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
                // "the quarter a year ago": the story's quarter, a year back (counted like "a
                // year ago" after a quarter is mentioned).
                Unit::Quarter => match self.year_back(i + 1) {
                    Some(end) => hit(end, Sem::date(year_ago())),
                    None => hit(i + 1, Sem::date(DateExpr::ContextQuarter)),
                },
                Unit::Weekend => hit(i + 1, Sem::date(DateExpr::Weekend { relative: None })),
                // "For the year, volume was flat": once "the year ended June 30" is read as the
                // duration it is (above), a bare "the year" is the current one (six of seven in
                // TimeBank), like "the week" and "the month".
                Unit::Year | Unit::Week | Unit::Month => hit(
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
        if unit == Unit::Day
            && !plural
            && !with_the
            && let Some(h) = self.day_verdict(i)
        {
            return Some(h);
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

    /// "it was a great day for Poland": the day judged is the day last mentioned (else the
    /// publication date). Not when a day word is the subject ("Today is a sad day"): that
    /// names the day already.
    fn day_verdict(&self, i: usize) -> Option<Hit> {
        if i < 3 || !self.word_in(i - 1, DAY_VERDICTS) || self.func(i - 2) != Some(Func::A) {
            return None;
        }
        // Past a quotation mark: said it was "a great day".
        let mut verb = i - 3;
        if self.is_quote(verb) && verb > 0 {
            verb -= 1;
        }
        let judged = self.word_in(verb, COPULAS);
        let named = verb > 0 && matches!(self.lex(verb - 1), Lex::Deictic(..) | Lex::Weekday(_));
        if !judged || named {
            return None;
        }
        hit(
            i + 1,
            Sem::date(DateExpr::Shift {
                unit: Unit::Day,
                n: 0,
                origin: Origin::LastDay,
            }),
        )
    }

    /// "the day after his death", "the day before the vote": the day next to an event told
    /// in a clause, counted from the date last mentioned (the event's, in news). Right after a
    /// date and a comma ("Oct. 12, the day before the plunge") the phrase renames that date.
    /// Not before a time ("the day before last Tuesday", read as that time) nor a gerund ("later
    /// in the day before returning", the day itself).
    fn day_before_event(&self, i: usize) -> Option<Hit> {
        let f @ (Func::Before | Func::After) = self.func(i + 1)? else {
            return None;
        };
        let next = self.tokens.get(i + 2)?;
        let gerund = next.lex == Lex::None && self.word(i + 2).ends_with(b"ing");
        if next.kind != TokenKind::Word || gerund || self.at(i + 2).is_some() {
            return None;
        }
        let after_date = i >= 4
            && self.is_punct(i - 2, b',')
            && self.number(i - 3).is_some()
            && (matches!(self.lex(i - 4), Lex::Month(_))
                || (i >= 5
                    && self.is_punct(i - 4, b'.')
                    && matches!(self.lex(i - 5), Lex::Month(_))));
        let n = match (after_date, f) {
            (true, _) => 0,
            (false, Func::Before) => -1,
            (false, _) => 1,
        };
        hit(
            i + 1,
            Sem::date(DateExpr::Shift {
                unit: Unit::Day,
                n,
                origin: Origin::Reference,
            }),
        )
    }

    pub(super) fn func_rule(&self, i: usize, f: Func, with_the: bool) -> Option<Hit> {
        match f {
            Func::A => {
                if self.word(i + 2) == b"date"
                    && let Some(&(_, r)) = lexicon::INDEFINITE_DATES
                        .iter()
                        .find(|(w, _)| self.word(i + 1) == w.as_bytes())
                {
                    return hit(i + 3, Sem::Ref(r));
                }
                self.quantity_rule(i, with_the)
            }
            Func::Every | Func::Each => {
                let j = i + 1;
                if let Lex::Weekday(d) = self.lex(j) {
                    return hit(
                        j + 1,
                        Sem::Set {
                            unit: Unit::Week,
                            amount: 1,
                            weekday: Some(d),
                            month: None,
                            part: None,
                        },
                    );
                }
                // "each July": the month in every year.
                if let Lex::Month(m) = self.lex(j)
                    && self.capitalized(j)
                    && self.number(j + 1).is_none()
                {
                    return hit(
                        j + 1,
                        Sem::Set {
                            unit: Unit::Year,
                            amount: 1,
                            weekday: None,
                            month: Some(m),
                            part: None,
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
                        month: None,
                        part: None,
                    },
                )
            }
            Func::That => self.that_period(i),
            // "the then current price": the present of the past the story tells of.
            // An adjective, so "the" stays out, as for "the recent talks".
            Func::Then if self.word_in(i + 1, lexicon::THEN_PRESENT_WORDS) => {
                let mut h = hit(i + 2, Sem::Ref(RefKind::Past))?;
                h.adjectival = true;
                Some(h)
            }
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
                // "earlier yesterday", "later Sunday": the day itself, with its qualifier.
                match self.lex(i + 1) {
                    Lex::Deictic(..) | Lex::Weekday(_) | Lex::Relative(Relative::This) => {
                        let h = self.core(i + 1, false)?;
                        matches!(h.sem, Sem::Date { .. }).then_some(h)
                    }
                    _ => None,
                }
            }
            Func::Mid => {
                let (j, _) = self.after_hyphen(i + 1);
                // "mid-afternoon yesterday", "in mid morning": the part of the day itself.
                if let Lex::DayPart(
                    p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening),
                ) = self.lex(j)
                {
                    let clock = Some(Clock::Part(p));
                    if let Some(h) = self.day_after_clock(j + 1) {
                        return super::attach_clock(h, clock);
                    }
                    let date = DateExpr::Shift {
                        unit: Unit::Day,
                        n: 0,
                        origin: Origin::LastDay,
                    };
                    return hit(
                        j + 1,
                        Sem::Date {
                            date,
                            part: None,
                            clock,
                        },
                    );
                }
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
                            Sem::date(DateExpr::FiscalQuarter {
                                year: Some(YearRef::Absolute(y)),
                                q,
                            }),
                        );
                    }
                    return hit(end, Sem::date(DateExpr::Year(y)));
                }
                match self.lex(i + 1) {
                    // "the fiscal first quarter": numbered by the company's year.
                    Lex::Ordinal(n) => {
                        let mut h = self.ordinal_rule(i + 1, n)?;
                        if let Sem::Date {
                            date: DateExpr::Quarter { year, q },
                            part,
                            clock,
                        } = h.sem
                        {
                            h.sem = Sem::Date {
                                date: DateExpr::FiscalQuarter { year, q },
                                part,
                                clock,
                            };
                        }
                        Some(h)
                    }
                    // "the fiscal year" reads like "the year".
                    Lex::Unit(unit, false) => self.unit_rule(i + 1, unit, false, with_the),
                    _ => None,
                }
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
                // "short" only counts before a noun of time ("short-term debt" is no time).
                if self.lex(i + 1) == Lex::Ref(RefKind::Future) && self.word(i) != b"short" {
                    return hit(i + 2, Sem::Ref(RefKind::Future));
                }
                // "in the near term", "for the short term"
                if with_the && self.word_in(i + 1, lexicon::NEAR_FUTURE_NOUNS) {
                    return hit(i + 2, Sem::Ref(RefKind::Future));
                }
                None
            }
            _ => None,
        }
    }

    /// "the corresponding period last year", "the same quarter a year ago": the story's quarter
    /// a year back. `i` is the word after "the".
    pub(super) fn same_period_rule(&self, i: usize) -> Option<Hit> {
        if !self.word_in(i, lexicon::SAME_PERIOD_WORDS)
            || !(self.word(i + 1) == b"period"
                || self.lex(i + 1) == Lex::Unit(Unit::Quarter, false))
        {
            return None;
        }
        let end = match self.relative_year(i + 2) {
            Some((-1, end)) => end,
            _ => self.year_back(i + 2)?,
        };
        hit(end, Sem::date(year_ago()))
    }

    /// Where "a year ago" or "a year earlier" starting at `i` ends, if that is what is there:
    /// after a period ("the quarter a year ago") it names that period a year back.
    fn year_back(&self, i: usize) -> Option<usize> {
        match self.core(i, false)? {
            Hit {
                end,
                sem:
                    Sem::Date {
                        date:
                            DateExpr::Shift {
                                unit: Unit::Year,
                                n: -1,
                                origin: Origin::Ago | Origin::Reference,
                            },
                        part: None,
                        clock: None,
                    },
                ..
            } => Some(end),
            _ => None,
        }
    }

    /// "that day", "that year": the period of the date last mentioned.
    pub(super) fn that_period(&self, i: usize) -> Option<Hit> {
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
    pub(super) fn quantity_rule(&self, i: usize, with_the: bool) -> Option<Hit> {
        // "recent years": an unknown number of years up to now, as "the past few years" is.
        if self.word(i) == b"recent" {
            if let Lex::Unit(unit, true) = self.lex(i + 1) {
                return hit(i + 2, Sem::Duration { amount: None, unit });
            }
            let mut h = hit(i + 1, Sem::Ref(RefKind::Past))?;
            // An adjective: "the recent talks" tags "recent" alone.
            h.adjectival = true;
            return Some(h);
        }
        // "will one day be": some time to come, not a day long.
        if self.word(i) == b"one"
            && self.lex(i + 1) == Lex::Unit(Unit::Day, false)
            && i > 0
            && self.word_in(i - 1, lexicon::MODALS)
        {
            return hit(i + 2, Sem::Ref(RefKind::Future));
        }
        if let Some((y, end)) = self.spelled_year(i)
            && self.word(i + 1) != b"thousand"
        {
            return hit(end, Sem::date(DateExpr::Year(y)));
        }
        let (amount, mut k, article) = self.quantity(i)?;
        // "2 1/2 years": a half between the number and the unit.
        let mut half = amount.is_some() && self.half_fraction(k);
        if half {
            k += 3;
        }
        let (unit, plural, mut end, hyphen) = self.unit_at(k)?;
        // A fraction is written "a quarter" or "three-quarters"; "several quarters of losses"
        // stays a stretch of time.
        if unit == Unit::Quarter && (!plural || hyphen) && self.is_fraction_of(end) {
            return None;
        }
        if article && self.is_punct(end, b'-') && self.glued(end) {
            // "a year-earlier quarter": the compound starts at "year".
            return None;
        }
        // "a minute and a half"
        if amount.is_some()
            && !half
            && self.word_in(end, &["and"])
            && self.lex(end + 1) == Lex::Func(Func::A)
            && self.lex(end + 2) == Lex::Func(Func::Half)
        {
            half = true;
            end += 3;
        }
        if let (true, Some(whole)) = (half, amount) {
            if with_the && article {
                return None;
            }
            return hit(end, Sem::AndAHalf { whole, unit });
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

    /// Whether "of" at `k` makes a preceding "three-quarters" or "a quarter" a share of
    /// something ("imports about three-quarters of its food", "more than a quarter of the
    /// market"), not three months: only a year or a unit after it ("a quarter of a century")
    /// keeps the time.
    fn is_fraction_of(&self, k: usize) -> bool {
        if self.func(k) != Some(Func::Of) {
            return false;
        }
        let j = match self.func(k + 1) {
            Some(Func::A | Func::The) => k + 2,
            _ => k + 1,
        };
        let timed = matches!(self.lex(j), Lex::Unit(..))
            || self
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number);
        !timed
    }

    /// Whether tokens `k..k + 3` read "1/2".
    fn half_fraction(&self, k: usize) -> bool {
        matches!(self.number(k), Some((1, 1)))
            && self.is_punct(k + 1, b'/')
            && matches!(self.number(k + 2), Some((2, 1)))
            && self.glued(k + 1)
            && self.glued(k + 2)
    }

    /// "ago", "earlier", "later", "from now" after a quantity and unit.
    pub(super) fn relative_tail(&self, end: usize, amount: Option<u32>, unit: Unit) -> Option<Hit> {
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

    pub(super) fn clause_ends(&self, i: usize) -> bool {
        match self.tokens.get(i) {
            None => true,
            Some(t) => {
                t.kind == TokenKind::Punct
                    && matches!(self.text[t.start], b'.' | b',' | b';' | b'?' | b'!')
            }
        }
    }
}

/// The story's quarter (else year) a year back, as after "a year ago".
fn year_ago() -> DateExpr {
    DateExpr::Shift {
        unit: Unit::Year,
        n: -1,
        origin: Origin::Ago,
    }
}
