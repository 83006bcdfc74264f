//! Turns what the grammar understood (`Sem`) into TIMEX3 values and intervals: anchors deictic
//! expressions to the publication date, relative ones ("a week later") to the date last
//! mentioned, and lets the tense pick between the last and the next "September".

use super::anchor;
use super::expr::{Clock, DateExpr, Origin, Sem, YearRef};
use super::lexicon::{self, PeriodPart, Unit};
use super::tense::Tense;
use super::types::{Granularity, Interval, TimexMod, TimexType};
use chrono::{Datelike, Days, NaiveDate};

/// How many tokens a mentioned quarter stays the subject of "a year ago" comparisons: an
/// earnings story compares with its quarter several paragraphs on.
const QUARTER_CONTEXT_TOKENS: usize = 250;

/// A resolved expression, ready to become a `Timex`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<TimexMod>,
    pub interval: Option<Interval>,
}

/// What a date expression resolved to.
enum Anchored {
    Interval(Interval),
    /// No anchor available: a value with X placeholders ("XXXX-09").
    Unanchored(String),
}

/// Document state carried from one expression to the next.
pub struct Resolver {
    dct: Option<NaiveDate>,
    /// The date last mentioned, anchoring "a week later" and "the day before".
    reference: Option<Interval>,
    /// The quarter last mentioned, the token where its mention ended, and whether it was named
    /// by its fiscal number ("the fiscal first quarter").
    last_quarter: Option<(Interval, usize, bool)>,
    /// The year of each month (and day) already placed in the story, latest first.
    named: Vec<NamedMonth>,
}

/// A month (with its day, if one was written) the story has already placed in a year: "in
/// April" said again a few sentences after "expected to join in April" is the same April.
#[derive(Clone, Copy)]
struct NamedMonth {
    month: u32,
    day: Option<u32>,
    year: i32,
}

/// How many distinct months a story's memory holds (news stories name few).
const NAMED_MONTHS: usize = 16;

impl Resolver {
    pub fn new(dct: Option<NaiveDate>) -> Self {
        Resolver {
            dct,
            reference: None,
            last_quarter: None,
            named: Vec::new(),
        }
    }

    /// Resolves one expression ending at token `end`; `tense` is asked only when needed.
    pub fn resolve(
        &mut self,
        sem: &Sem,
        end: usize,
        tense: impl FnOnce() -> Tense,
    ) -> Option<Resolved> {
        match *sem {
            Sem::Ref(r) => Some(Resolved {
                kind: TimexType::Date,
                value: r.value().to_string(),
                modifier: None,
                interval: None,
            }),
            Sem::Duration { amount, unit } => {
                if unit == Unit::Month
                    && amount.is_some_and(|n| lexicon::YEAR_TO_DATE_MONTHS.contains(&n))
                {
                    self.leave_quarter();
                }
                Some(Resolved {
                    kind: TimexType::Duration,
                    value: duration_value(amount, unit),
                    modifier: None,
                    interval: None,
                })
            }
            Sem::AndAHalf { whole, unit } => Some(Resolved {
                kind: TimexType::Duration,
                value: and_a_half_value(whole, unit),
                modifier: None,
                interval: None,
            }),
            Sem::Set {
                unit,
                amount,
                weekday,
                month,
                part,
            } => Some(Resolved {
                kind: TimexType::Set,
                value: match (weekday, month) {
                    (Some(d), _) => match part {
                        Some(p) => format!("XXXX-WXX-{d}T{}", p.code()),
                        None => format!("XXXX-WXX-{d}"),
                    },
                    (None, Some(m)) => format!("XXXX-{m:02}"),
                    (None, None) => duration_value(Some(amount), unit),
                },
                modifier: None,
                interval: None,
            }),
            Sem::Date { date, part, clock } => {
                let anchored = self.date(date, end, tense)?;
                // Comparisons ("a year earlier") and references back do not become the new
                // subject: the next "a year earlier" still counts from the story's own period.
                let derived = matches!(
                    date,
                    DateExpr::Shift {
                        origin: Origin::Reference | Origin::Ago | Origin::LastDay,
                        ..
                    } | DateExpr::ContextQuarterOf(_)
                );
                let modifier = part.map(|p| match p {
                    PeriodPart::Start => TimexMod::Start,
                    PeriodPart::Mid => TimexMod::Mid,
                    PeriodPart::End => TimexMod::End,
                });
                let (value, interval) = match anchored {
                    Anchored::Interval(iv) => {
                        if !derived {
                            // "the quarter ended Sept. 29" restating a fiscal quarter stays one.
                            let fiscal = match date {
                                DateExpr::FiscalQuarter { .. } => true,
                                DateExpr::QuarterEnded { .. } => {
                                    self.last_quarter.is_some_and(|(_, _, fiscal)| fiscal)
                                }
                                _ => false,
                            };
                            self.remember(iv, end, fiscal);
                        }
                        if let DateExpr::Calendar {
                            month,
                            day,
                            relative: None,
                            ..
                        } = date
                        {
                            self.name_month(month, day, iv.first.year());
                        }
                        let shown = match part {
                            Some(p) => anchor::part_of(&iv, p),
                            None => iv,
                        };
                        let mut value = anchor::value_of(&iv);
                        if matches!(date, DateExpr::Weekend { .. }) {
                            value.push_str("-WE");
                        }
                        (value, Some(shown))
                    }
                    Anchored::Unanchored(v) => (v, None),
                };
                match clock {
                    None => Some(Resolved {
                        kind: TimexType::Date,
                        value,
                        modifier,
                        interval,
                    }),
                    Some(clock) => {
                        let day_value = match interval {
                            Some(iv) if iv.granularity <= Granularity::Day => value,
                            Some(_) => return None,
                            None => value,
                        };
                        let time = match clock {
                            Clock::At { hour, minute } => format!("{hour:02}:{minute:02}"),
                            Clock::Part(p) => p.code().to_string(),
                        };
                        Some(Resolved {
                            kind: TimexType::Time,
                            value: format!("{day_value}T{time}"),
                            modifier,
                            interval: interval.map(|iv| Interval {
                                granularity: Granularity::Time,
                                ..iv
                            }),
                        })
                    }
                }
            }
        }
    }

    fn remember(&mut self, iv: Interval, end: usize, fiscal: bool) {
        self.reference = Some(iv);
        // A quarter still ahead or not yet over is a forecast ("losses through the third
        // quarter of 1990", "a loss in the fourth quarter" written in October), not the period
        // whose results the story compares with "a year ago".
        let ahead = self.dct.is_some_and(|dct| iv.last >= dct);
        if iv.granularity == Granularity::Quarter && !ahead {
            self.last_quarter = Some((iv, end, fiscal));
        }
    }

    /// The story moves on from its quarter to the year so far: comparisons ("a year earlier",
    /// "the 1988 period") are with the year before, so the quarter stops being their subject.
    fn leave_quarter(&mut self) {
        if let Some((q, _, _)) = self.last_quarter.take()
            && self.reference.is_some_and(|r| r == q)
        {
            self.reference = anchor::year(q.first.year());
        }
    }

    /// Notes the year a month (and day) was placed in, replacing an older note of it.
    fn name_month(&mut self, month: u32, day: Option<u32>, year: i32) {
        self.named.retain(|n| (n.month, n.day) != (month, day));
        if self.named.len() >= NAMED_MONTHS {
            self.named.remove(0);
        }
        self.named.push(NamedMonth { month, day, year });
    }

    /// The year the story last placed this month (and day) in.
    fn named_year(&self, month: u32, day: Option<u32>) -> Option<i32> {
        self.named
            .iter()
            .rev()
            .find(|n| (n.month, n.day) == (month, day))
            .map(|n| n.year)
    }

    fn date(&self, date: DateExpr, end: usize, tense: impl FnOnce() -> Tense) -> Option<Anchored> {
        use Anchored::{Interval as At, Unanchored as X};
        let dct = self.dct;
        Some(match date {
            DateExpr::Calendar {
                year: Some(y),
                month,
                day,
                ..
            } => At(match day {
                Some(d) => anchor::day(anchor::ymd(y, month, d)?),
                None => anchor::month(y, month)?,
            }),
            DateExpr::Calendar {
                year: None,
                month,
                day,
                relative,
            } => match dct {
                Some(dct) => {
                    let candidate = |y: i32| match day {
                        Some(d) => anchor::ymd(y, month, d).map(anchor::day),
                        None => anchor::month(y, month),
                    };
                    let lean = if day.is_some() { DATE_LEAN } else { MONTH_LEAN };
                    // A month the story has already placed stays in its year unless the clause
                    // says otherwise by its tense.
                    match relative
                        .is_none()
                        .then(|| self.named_year(month, day))
                        .flatten()
                    {
                        Some(y) => {
                            let t = tense();
                            if matches!(t, Tense::Unknown | Tense::Present) {
                                At(candidate(y)?)
                            } else {
                                At(pick(
                                    around_year(dct, candidate),
                                    dct,
                                    relative,
                                    lean,
                                    || t,
                                )?)
                            }
                        }
                        None => At(pick(
                            around_year(dct, candidate),
                            dct,
                            relative,
                            lean,
                            tense,
                        )?),
                    }
                }
                None => {
                    anchor::ymd(2000, month, day.unwrap_or(1))?;
                    X(match day {
                        Some(d) => format!("XXXX-{month:02}-{d:02}"),
                        None => format!("XXXX-{month:02}"),
                    })
                }
            },
            DateExpr::Year(y) => At(anchor::year(y)?),
            DateExpr::Decade(p) => At(anchor::decade(p)?),
            DateExpr::Century(c) => At(anchor::century(c)?),
            DateExpr::MonthOfRelativeYear { month, day, shift } => match dct {
                Some(dct) => {
                    let y = dct.year() + shift;
                    At(match day {
                        Some(d) => anchor::day(anchor::ymd(y, month, d)?),
                        None => anchor::month(y, month)?,
                    })
                }
                None => X(match day {
                    Some(d) => format!("XXXX-{month:02}-{d:02}"),
                    None => format!("XXXX-{month:02}"),
                }),
            },
            // "the fiscal first quarter ... the quarter ended Sept. 29": one period, which
            // keeps the number the story gave it.
            DateExpr::QuarterEnded { year, q } => match self.last_quarter {
                Some((fq, at, true))
                    if end.saturating_sub(at) <= QUARTER_CONTEXT_TOKENS && year.is_none() =>
                {
                    At(fq)
                }
                _ => return self.date(DateExpr::Quarter { year, q }, end, tense),
            },
            DateExpr::FiscalQuarter { year, q } => {
                return self.date(DateExpr::Quarter { year, q }, end, tense);
            }
            // "profit fell in the fourth quarter", written in January: a quarter (or half)
            // of this year that has not begun yet is last year's in a past-tense clause.
            DateExpr::Quarter { year, q } => match year_of(year, dct) {
                Some(y) => At(begun_or_last_year(y, year.is_none(), dct, tense, |y| {
                    anchor::quarter(y, q)
                })?),
                None => X(format!("XXXX-Q{q}")),
            },
            DateExpr::Half { year, h } => match year_of(year, dct) {
                Some(y) => At(begun_or_last_year(y, year.is_none(), dct, tense, |y| {
                    anchor::half(y, h)
                })?),
                None => X(format!("XXXX-H{h}")),
            },
            DateExpr::Season {
                year,
                season,
                relative,
            } => match (year, dct) {
                (Some(y), _) => At(anchor::season(y, season)?),
                (None, Some(dct)) => {
                    let candidate = |y: i32| anchor::season(y, season);
                    At(pick(
                        around_year(dct, candidate),
                        dct,
                        relative,
                        DATE_LEAN,
                        tense,
                    )?)
                }
                (None, None) => X(format!("XXXX-{}", season.code())),
            },
            DateExpr::Weekday { weekday, relative } => match dct {
                Some(dct) => {
                    let this_week = anchor::weekday_near(anchor::week(dct)?.first, weekday, 0)?;
                    let candidates = [
                        this_week.checked_sub_days(Days::new(7)).map(anchor::day),
                        Some(anchor::day(this_week)),
                        this_week.checked_add_days(Days::new(7)).map(anchor::day),
                    ];
                    At(pick(candidates, dct, relative, WEEKDAY_LEAN, tense)?)
                }
                None => X(format!("XXXX-WXX-{weekday}")),
            },
            DateExpr::StoryWeekday { weekday, step } => {
                let base = self
                    .reference
                    .filter(|r| r.granularity <= Granularity::Day)
                    .map(|r| r.first)
                    .or(dct);
                match base {
                    Some(base) => At(anchor::day(anchor::weekday_near(base, weekday, step)?)),
                    None => X(format!("XXXX-WXX-{weekday}")),
                }
            }
            DateExpr::Shift { unit, n, origin } => {
                let base = match origin {
                    Origin::LastDay => self
                        .reference
                        .filter(|r| r.granularity <= Granularity::Day)
                        .or(dct.map(anchor::day)),
                    Origin::Dct => dct.map(anchor::day),
                    // "a year earlier" compares with the story's quarter as "a year ago" does,
                    // even when a day ("the quarter ended Sept. 30") was named after it.
                    Origin::Ago | Origin::Reference => {
                        if let (Unit::Year, Some((q, at, _))) = (unit, self.last_quarter)
                            && (origin == Origin::Ago || n < 0)
                            && end.saturating_sub(at) <= QUARTER_CONTEXT_TOKENS
                        {
                            return Some(At(anchor::shift_period(&q, unit, n)?));
                        }
                        if origin == Origin::Ago {
                            dct.map(anchor::day)
                        } else {
                            self.reference.or(dct.map(anchor::day))
                        }
                    }
                };
                match base {
                    None => X(unanchored(unit)),
                    Some(base) => {
                        let keeps_grain = unit == Unit::Year
                            && n != 0
                            && matches!(
                                base.granularity,
                                Granularity::Quarter
                                    | Granularity::Month
                                    | Granularity::Half
                                    | Granularity::Season
                            );
                        if keeps_grain {
                            At(anchor::shift_period(&base, unit, n)?)
                        } else if matches!(unit, Unit::Decade | Unit::Century)
                            && origin != Origin::Dct
                        {
                            // "a decade ago" names a year, not a whole decade; "the last
                            // decade" and "this century" (counted from the publication date by
                            // the calendar) name the whole period.
                            At(anchor::year(anchor::shift(base.first, unit, n)?.year())?)
                        } else {
                            At(anchor::period_of(
                                anchor::shift(base.first, unit, n)?,
                                unit,
                            )?)
                        }
                    }
                }
            }
            DateExpr::Bounded { unit, after } => match dct {
                Some(dct) => {
                    let whole = anchor::period_of(dct, unit)?;
                    At(if after {
                        Interval {
                            first: dct,
                            ..whole
                        }
                    } else {
                        Interval { last: dct, ..whole }
                    })
                }
                None => X(unanchored(unit)),
            },
            DateExpr::Holiday {
                rule,
                year,
                relative,
            } => match (year, dct) {
                (Some(y), _) => At(anchor::day(anchor::holiday(rule, y)?)),
                (None, Some(dct)) => {
                    let candidate = |y: i32| anchor::holiday(rule, y).map(anchor::day);
                    At(pick(
                        around_year(dct, candidate),
                        dct,
                        relative,
                        DATE_LEAN,
                        tense,
                    )?)
                }
                (None, None) => X(match rule {
                    super::lexicon::HolidayRule::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                    _ => "XXXX-XX-XX".to_string(),
                }),
            },
            DateExpr::Weekend { relative } => match dct {
                Some(dct) => {
                    let this = anchor::weekend(dct)?;
                    let candidates = [
                        anchor::weekend(this.first.checked_sub_days(Days::new(7))?),
                        Some(this),
                        anchor::weekend(this.first.checked_add_days(Days::new(7))?),
                    ];
                    At(pick(candidates, dct, relative, WEEKDAY_LEAN, tense)?)
                }
                None => X("XXXX-WXX-WE".to_string()),
            },
            DateExpr::ContextQuarterOf(y) => match self.last_quarter {
                Some((q, _, _)) => {
                    let shift = y.checked_sub(q.first.year())?;
                    At(anchor::shift_period(&q, Unit::Year, shift)?)
                }
                None => At(anchor::year(y)?),
            },
            DateExpr::HolidayWeek { rule, year } => {
                let date = DateExpr::Holiday {
                    rule,
                    year,
                    relative: None,
                };
                match self.date(date, end, tense)? {
                    At(iv) => At(anchor::week(iv.first)?),
                    X(_) => X("XXXX-WXX".to_string()),
                }
            }
            DateExpr::WeekOf { year, month, day } => {
                let date = DateExpr::Calendar {
                    year,
                    month,
                    day: Some(day),
                    relative: None,
                };
                match self.date(date, end, tense)? {
                    At(iv) => At(anchor::week(iv.first)?),
                    X(_) => X("XXXX-WXX".to_string()),
                }
            }
            // A quarter that has not ended is not the "latest" one reported: in a November
            // earnings story whose outlook named the fourth quarter, "the latest quarter" is
            // still the third.
            DateExpr::LatestQuarter => match (self.last_quarter, dct) {
                (Some((q, _, _)), Some(dct)) if q.last >= dct => {
                    let current = anchor::period_of(dct, Unit::Quarter)?;
                    At(anchor::shift_period(&current, Unit::Quarter, -1)?)
                }
                (Some((q, _, _)), _) => At(q),
                (None, Some(dct)) => {
                    let current = anchor::period_of(dct, Unit::Quarter)?;
                    At(anchor::shift_period(&current, Unit::Quarter, -1)?)
                }
                (None, None) => X("XXXX-QX".to_string()),
            },
            DateExpr::ContextQuarter => match (self.last_quarter, dct) {
                (Some((q, _, _)), _) => At(q),
                (None, Some(dct)) => {
                    let current = anchor::period_of(dct, Unit::Quarter)?;
                    At(anchor::shift_period(&current, Unit::Quarter, -1)?)
                }
                (None, None) => X("XXXX-QX".to_string()),
            },
        })
    }
}

/// The year a quarter or half belongs to; without one, the publication date's.
/// The `period` of year `y`; when the year was not written (`unanchored`) and that period has
/// not begun on the `dct`, last year's in a past-tense clause.
fn begun_or_last_year(
    y: i32,
    unanchored: bool,
    dct: Option<NaiveDate>,
    tense: impl FnOnce() -> Tense,
    period: impl Fn(i32) -> Option<Interval>,
) -> Option<Interval> {
    let iv = period(y)?;
    match dct {
        Some(dct) if unanchored && iv.first > dct && tense() == Tense::Past => period(y - 1),
        _ => Some(iv),
    }
}

fn year_of(year: Option<YearRef>, dct: Option<NaiveDate>) -> Option<i32> {
    match (year, dct) {
        (Some(YearRef::Absolute(y)), _) => Some(y),
        (Some(YearRef::FromDct(shift)), Some(dct)) => Some(dct.year() + shift),
        (None, Some(dct)) => Some(dct.year()),
        (_, None) => None,
    }
}

/// The candidate periods in the year before, of, and after the publication date.
fn around_year(
    dct: NaiveDate,
    candidate: impl Fn(i32) -> Option<Interval>,
) -> [Option<Interval>; 3] {
    let y = dct.year();
    [candidate(y - 1), candidate(y), candidate(y + 1)]
}

/// How strongly the tense (or its absence) pulls a bare date into the past or the future.
#[derive(Clone, Copy)]
struct Lean {
    /// How many times nearer the future candidate must be to beat the past in a past-tense
    /// (or untensed) clause.
    pull: i64,
    /// The same for the past candidate in a clause that only leans ahead
    /// ([`Tense::Prospective`]). A future auxiliary before the date always takes the future
    /// candidate: "will command a mission in December", written in March, is nine months ahead,
    /// not three back.
    prospective_pull: i64,
    /// Whether an untensed clause reads as past (else the nearest candidate wins).
    untensed_past: bool,
}

/// "Dec. 15" in a past-tense sentence written on Nov. 2 is six weeks ahead, not eleven months
/// back.
/// "since Hamas took power in March", written in December, is nine months back, not three
/// ahead: a whole month in a past-tense clause is far more often past than a single day is.
const MONTH_LEAN: Lean = Lean {
    pull: 5,
    prospective_pull: 2,
    untensed_past: true,
};
const DATE_LEAN: Lean = Lean {
    pull: 2,
    prospective_pull: 2,
    untensed_past: true,
};
/// "until 9 a.m. Tuesday" written on a Monday is tomorrow even in a past-tense sentence, but
/// "said Thursday" written on a Friday is yesterday; news mostly reports what happened.
const WEEKDAY_LEAN: Lean = Lean {
    pull: 3,
    prospective_pull: i64::MAX,
    untensed_past: true,
};

/// Chooses among candidate periods (earliest first). An explicit direction decides first ("last
/// April"). Otherwise the two candidates around the publication date compete: the one the tense
/// favours (the latest begun for past, the earliest not over for future) wins unless the other
/// is `lean.pull` times nearer. Untensed clauses lean past the same way if `lean` says so, else
/// the nearest wins (ties to the past). The pulls were measured on TimeBank and AQUAINT.
fn pick(
    candidates: [Option<Interval>; 3],
    dct: NaiveDate,
    relative: Option<i32>,
    lean: Lean,
    tense: impl FnOnce() -> Tense,
) -> Option<Interval> {
    let pull = lean.pull;
    let all = candidates.iter().flatten();
    match relative {
        Some(r) if r < 0 => return all.clone().rfind(|c| c.last < dct).copied(),
        Some(0) => {
            return all
                .clone()
                .find(|c| c.first <= dct && dct <= c.last)
                .or(candidates[1].as_ref())
                .copied();
        }
        Some(_) => return all.clone().find(|c| c.first > dct).copied(),
        None => {}
    }
    let past = all.clone().rfind(|c| c.first <= dct).copied();
    let future = all.clone().find(|c| c.last >= dct).copied();
    let (past, future) = match (past, future) {
        (Some(p), Some(f)) if p == f => return Some(p),
        (Some(p), Some(f)) => (p, f),
        (p, f) => return p.or(f),
    };
    let distance = |c: &Interval| {
        if c.last < dct {
            (dct - c.last).num_days()
        } else if c.first > dct {
            (c.first - dct).num_days()
        } else {
            0
        }
    };
    let (dp, df) = (distance(&past), distance(&future));
    let chosen = match tense() {
        Tense::Behind => past,
        Tense::Past if dp <= pull.saturating_mul(df) => past,
        Tense::Future | Tense::Ahead => future,
        Tense::Prospective if df <= lean.prospective_pull.saturating_mul(dp) => future,
        Tense::Past => future,
        Tense::Prospective => past,
        Tense::Unknown if lean.untensed_past && dp <= pull.saturating_mul(df) => past,
        Tense::Present | Tense::Unknown => {
            if dp <= df {
                past
            } else {
                future
            }
        }
    };
    Some(chosen)
}

fn unanchored(unit: Unit) -> String {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
    .to_string()
}

/// An ISO 8601 duration: "P2Y", "PT3H", "PXW" for a vague amount.
fn duration_value(amount: Option<u32>, unit: Unit) -> String {
    let (scale, designator, time) = match unit {
        Unit::Minute => (1, "M", true),
        Unit::Hour => (1, "H", true),
        Unit::Day => (1, "D", false),
        Unit::Weekend => (2, "D", false),
        Unit::Week => (1, "W", false),
        Unit::Month => (1, "M", false),
        Unit::Quarter => (1, "Q", false),
        Unit::Year => (1, "Y", false),
        Unit::Decade => (10, "Y", false),
        Unit::Century => (100, "Y", false),
    };
    let t = if time { "T" } else { "" };
    match amount {
        Some(n) => format!("P{t}{}{designator}", u64::from(n) * scale),
        None => format!("P{t}X{designator}"),
    }
}

/// Whole units and a half, with the half in the next smaller unit as TimeML writes it: "2 1/2
/// years" is "P2Y6M", "5 1/2 hours" "PT5H30M", "a minute and a half" "PT1M30S".
fn and_a_half_value(whole: u32, unit: Unit) -> String {
    let n = u64::from(whole);
    match unit {
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Week => format!("P{}DT12H", 7 * n + 3),
        Unit::Weekend => format!("P{}D", 2 * n + 1),
        Unit::Month => format!("P{n}M15D"),
        Unit::Quarter => format!("P{}M15D", 3 * n + 1),
        Unit::Year => format!("P{n}Y6M"),
        Unit::Decade => format!("P{}Y", 10 * n + 5),
        Unit::Century => format!("P{}Y", 100 * n + 50),
    }
}
