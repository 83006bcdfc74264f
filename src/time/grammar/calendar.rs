//! Rules for named and numbered calendar units: months and days ("March 2, 2017", "3/2/2017"),
//! weekdays, seasons, quarters and halves, decades, clock times and holidays.

use super::{Grammar, Hit, attach_clock, hit};
use crate::time::expr::{Clock, DateExpr, Origin, Sem, YearRef};
use crate::time::lexicon::{self, DayPart, Func, HOLIDAYS, Lex, Relative, Unit};
use crate::time::tokens::TokenKind;
use crate::time::types::NumericOrder;

/// The apostrophes of "1980's", straight and typographic.
const APOSTROPHES: &[&str] = &["'", "\u{2019}"];

/// Words before an ambiguous month name ("May", "March", "Aug") that make it a date though no
/// preposition comes right before it: "as early as March", "as late as May".
const MONTH_LEADS: &[[&str; 3]] = &[["as", "early", "as"], ["as", "late", "as"]];

/// Words after "the March" or "the May" that make it a name or a noun rather than a month used
/// as a modifier ("the March on Washington", "the May who said"): a preposition, a conjunction or
/// a verb follows a name.
const NOT_AFTER_MONTH_MODIFIER: &[&str] = &[
    "on", "at", "with", "against", "across", "into", "toward", "towards", "and", "or", "is", "was",
    "has", "had", "said", "says", "who", "which",
];

impl Grammar<'_> {
    pub(super) fn month_rule(&self, i: usize, month: u32) -> Option<Hit> {
        if !self.capitalized(i) {
            return None;
        }
        let name_len = self.word(i).len();
        let is_abbrev = self.is_month_abbreviation(i);
        let mut j = if is_abbrev {
            self.after_dot(i + 1)
        } else {
            i + 1
        };
        let had_dot = j > i + 1;
        // "the fiscal year ended Jan. 31": a period that has ended closed before the
        // publication date, whatever the nearest candidate.
        let relative = (i > 0 && self.word_in(i - 1, lexicon::PAST_END_WORDS)).then_some(-1);
        let calendar = |year, day| {
            Sem::date(DateExpr::Calendar {
                year,
                month,
                day,
                relative,
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
            let led = i >= 3
                && MONTH_LEADS
                    .iter()
                    .any(|lead| (0..3).all(|k| self.word(i - 3 + k) == lead[k].as_bytes()));
            // "the March accession", "the May elections": between an article and a plain
            // lowercase noun the name is a month used as a modifier.
            let modifier = !is_abbrev
                && before == Lex::Func(Func::The)
                && self.tokens.get(i + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.lex == Lex::None && !self.capitalized(i + 1)
                })
                && !self.word_in(i + 1, NOT_AFTER_MONTH_MODIFIER);
            if !(introduced || led || modifier) || (is_abbrev && !had_dot && name_len < 3) {
                return None;
            }
            j = if is_abbrev && !had_dot { i + 1 } else { j };
        }
        hit(j, calendar(None, None))
    }

    pub(super) fn weekday_rule(&self, i: usize, weekday: u32) -> Option<Hit> {
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
        // "Tuesday nights": every Tuesday night.
        if let Some(&(_, part)) = lexicon::PLURAL_DAY_PARTS
            .iter()
            .find(|(w, _)| self.word(j) == w.as_bytes())
        {
            return self.weekday_set(j + 1, weekday, Some(part));
        }
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

    /// A weekday in the plural ("on Sundays", "Tuesday nights"), ending before token `end`:
    /// a recurring day, not a date.
    pub(super) fn weekday_set(
        &self,
        end: usize,
        weekday: u32,
        part: Option<DayPart>,
    ) -> Option<Hit> {
        hit(
            end,
            Sem::Set {
                unit: Unit::Week,
                amount: 1,
                weekday: Some(weekday),
                month: None,
                part,
            },
        )
    }

    pub(super) fn season_rule(
        &self,
        i: usize,
        relative: Option<i32>,
        introduced: bool,
    ) -> Option<Hit> {
        let Lex::Season(season) = self.lex(i) else {
            return None;
        };
        let j = i + 1;
        // "the Winter Olympics", "the 1968 Winter Games": the name of an event, not a season.
        if self.word_in(j, lexicon::SEASON_EVENT_NOUNS) {
            return None;
        }
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

    pub(super) fn ordinal_rule(&self, i: usize, n: u32) -> Option<Hit> {
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
    pub(super) fn trailing_year(&self, j: usize) -> (Option<YearRef>, usize) {
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
    pub(super) fn relative_year(&self, k: usize) -> Option<(i32, usize)> {
        let shift = match self.lex(k) {
            Lex::Relative(Relative::Last) => -1,
            Lex::Relative(Relative::This) => 0,
            Lex::Relative(Relative::Next) => 1,
            _ => return None,
        };
        (self.lex(k + 1) == Lex::Unit(Unit::Year, false)).then_some((shift, k + 2))
    }

    /// "'s third quarter" after a year: the quarter or half of that year.
    pub(super) fn possessive_part(&self, k: usize, year: YearRef) -> Option<Hit> {
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

    pub(super) fn holiday_rule(&self, i: usize) -> Option<Hit> {
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
            // "Easter week": the week holding the holiday.
            if self.word(j) == b"week" {
                return hit(j + 1, Sem::date(DateExpr::HolidayWeek { rule, year: None }));
            }
            let k = if self.is_punct(j, b',') { j + 1 } else { j };
            let (year, end) = match self.year_in_date(k) {
                Some(y) => (Some(y), k + 1),
                None => (None, j),
            };
            let relative = None;
            return hit(
                end,
                Sem::date(DateExpr::Holiday {
                    rule,
                    year,
                    relative,
                }),
            );
        }
        None
    }

    pub(super) fn day_part_rule(&self, i: usize, part: DayPart) -> Option<Hit> {
        if !matches!(part, DayPart::Noon | DayPart::Midnight) {
            return None;
        }
        // "high noon" is a showdown, not twelve o'clock.
        if i > 0 && self.word_in(i - 1, lexicon::FIGURATIVE_CLOCK_WORDS) {
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
    pub(super) fn day_after_clock(&self, j: usize) -> Option<Hit> {
        // "5 p.m. EST, Nov. 6": after a comma only a full month and day is the clock's day.
        if self.is_punct(j, b',')
            && let Lex::Month(m) = self.lex(j + 1)
        {
            let h = self.month_rule(j + 1, m)?;
            return matches!(
                h.sem,
                Sem::Date {
                    date: DateExpr::Calendar { day: Some(_), .. },
                    clock: None,
                    ..
                }
            )
            .then_some(h);
        }
        match self.lex(j) {
            Lex::Weekday(_) | Lex::Deictic(_, None) | Lex::Month(_) => {
                let h = self.core(j, false)?;
                matches!(h.sem, Sem::Date { clock: None, .. }).then_some(h)
            }
            _ => None,
        }
    }

    /// Expressions starting with digits: ISO and numeric dates, clock times, decades, day-first
    /// dates, durations and years.
    pub(super) fn digits_rule(&self, i: usize, with_the: bool) -> Option<Hit> {
        let (n, digits) = self.number(i)?;
        // "April 24 and 25": a second day of the month just named.
        if digits <= 2
            && (1..=31).contains(&n)
            && i >= 3
            && self.word_in(i - 1, lexicon::DAY_CONJUNCTIONS)
            && matches!(self.number(i - 2), Some((d, 1..=2)) if (1..=31).contains(&d) && d < n)
            && let Some(m) = (if self.is_punct(i - 3, b'.') {
                i.checked_sub(4)
            } else {
                Some(i - 3)
            })
            && self.capitalized(m)
            && let Lex::Month(month) = self.lex(m)
            && !matches!(
                self.lex(i + 1),
                Lex::Unit(..) | Lex::CountNoun | Lex::Month(_)
            )
            && !self.is_punct(i + 1, b'%')
        {
            let date = DateExpr::Calendar {
                year: None,
                month,
                day: Some(n),
                relative: None,
            };
            return hit(i + 1, Sem::date(date));
        }
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
        // "1990s", "the 1800s", and the older spelling "1980's"
        let plural_s = if self.word(i + 1) == b"s" && self.glued(i + 1) {
            Some(i + 2)
        } else if self.word_in(i + 1, APOSTROPHES)
            && self.glued(i + 1)
            && self.word(i + 2) == b"s"
            && self.glued(i + 2)
        {
            Some(i + 3)
        } else {
            None
        };
        if let (4, Some(end), 0) = (digits, plural_s, n % 10) {
            let n = i32::try_from(n).ok()?;
            let date = if n % 100 == 0 {
                DateExpr::Century(n / 100)
            } else {
                DateExpr::Decade(n / 10)
            };
            return hit(end, Sem::date(date));
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
        // "the 1988 quarter", "the 1988 period": that year's counterpart of the quarter under
        // discussion.
        if with_the
            && (self.lex(i + 1) == Lex::Unit(Unit::Quarter, false) || self.word(i + 1) == b"period")
        {
            return hit(i + 2, Sem::date(DateExpr::ContextQuarterOf(y)));
        }
        hit(i + 1, Sem::date(DateExpr::Year(y)))
    }

    /// Month and day of an all-numeric date; an impossible reading is never chosen.
    pub(super) fn numeric_month_day(&self, a: u32, b: u32, year: i32) -> Option<(u32, u32)> {
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

    /// "3 p.m.", "10:35 a.m.", "15:00 GMT", "1530 GMT", optionally followed by the day ("3 p.m.
    /// Wednesday").
    pub(super) fn clock_rule(&self, i: usize, n: u32, digits: u8) -> Option<Hit> {
        // "1600 GMT Thursday", "(1145 GMT)": four digits before a time zone are the 24-hour
        // clock wire services write, not a year.
        if digits == 4 && self.word_in(i + 1, lexicon::TIME_ZONES) {
            let (hour, minute) = (n / 100, n % 100);
            if hour >= 24 || minute >= 60 {
                return None;
            }
            return self.clock_hit(i + 1, hour, minute);
        }
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
            // "4 in the morning", "10:30 at night": the part of the day says a.m. or p.m.
            None if (1..=12).contains(&hour) => {
                let (part, end) = self.clock_day_part(j)?;
                hour = match (part, hour) {
                    (DayPart::Morning, 12) => 0,
                    (DayPart::Morning, h) => h,
                    (DayPart::Night, 12) => 0,
                    (DayPart::Night, h) if h < 6 => h,
                    (_, 12) => 12,
                    (_, h) => h + 12,
                };
                j = end;
            }
            None => return None,
        }
        self.clock_hit(j, hour, minute)
    }

    /// A clock time read up to `j`, with the time zone and the day that may follow it.
    fn clock_hit(&self, mut j: usize, hour: u32, minute: u32) -> Option<Hit> {
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

    /// "in the morning", "in the afternoon", "in the evening", "at night" after a clock time:
    /// the part of the day and where the phrase ends.
    fn clock_day_part(&self, j: usize) -> Option<(DayPart, usize)> {
        let (k, needs) = if self.func(j) == Some(Func::In) && self.func(j + 1) == Some(Func::The) {
            (
                j + 2,
                [DayPart::Morning, DayPart::Afternoon, DayPart::Evening],
            )
        } else if self.word(j) == b"at" {
            (j + 1, [DayPart::Night; 3])
        } else {
            return None;
        };
        match self.lex(k) {
            Lex::DayPart(p) if needs.contains(&p) => Some((p, k + 1)),
            _ => None,
        }
    }

    /// "'90s"
    pub(super) fn short_decade(&self, i: usize) -> Option<Hit> {
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
