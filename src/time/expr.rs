//! What the grammar understood an expression to mean, before any anchoring: the bridge between
//! `grammar` (which reads tokens) and `resolve` (which does calendar arithmetic).

use super::lexicon::{DayPart, HolidayRule, PeriodPart, RefKind, Season, Unit};
use super::types::TimexMod;

/// Where a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The publication date: "two days ago", "last week".
    Dct,
    /// The date last mentioned in the text: "a week later", "the day before".
    Reference,
    /// The publication date, but comparisons with a quarter just mentioned keep the quarter:
    /// "profit rose from $2 million a year ago" after "the third quarter" is last year's Q3.
    Ago,
    /// The day last mentioned, else the publication date: a clock time with no day ("at
    /// 10:35 a.m.") happens on the day the story is talking about.
    LastDay,
}

/// The year of a quarter or half: written out, or counted from the publication date ("last
/// year's fourth quarter").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    FromDct(i32),
}

/// A calendar expression, possibly incomplete or relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// Month with optional day and year ("Sept. 30", "November 2016", "March 2, 2017").
    /// `relative` is -1/0/1 for "last/this/next April"; `None` lets the tense decide.
    Calendar {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        relative: Option<i32>,
    },
    Year(i32),
    /// First three digits (199 = the 1990s).
    Decade(i32),
    /// First two digits (19 = the 20th century).
    Century(i32),
    /// A month (and day) of a year counted from the publication date: "July last year".
    MonthOfRelativeYear {
        month: u32,
        day: Option<u32>,
        shift: i32,
    },
    Quarter {
        year: Option<YearRef>,
        q: u32,
    },
    Half {
        year: Option<YearRef>,
        h: u32,
    },
    Season {
        year: Option<i32>,
        season: Season,
        relative: Option<i32>,
    },
    /// ISO weekday (Monday = 1); `relative` as for `Calendar`.
    Weekday {
        weekday: u32,
        relative: Option<i32>,
    },
    /// The weekday nearest before (`step` -1) or after (1) the day last mentioned, else the
    /// publication date: "the previous Friday", "the following Monday".
    StoryWeekday {
        weekday: u32,
        step: i32,
    },
    /// The period of `unit` that is `n` units from the origin ("yesterday", "last week",
    /// "a year earlier").
    Shift {
        unit: Unit,
        n: i32,
        origin: Origin,
    },
    /// The part of the current period before (or after) the publication date: "earlier this
    /// month", "later this year".
    Bounded {
        unit: Unit,
        after: bool,
    },
    /// `relative` as for `Calendar` ("last Thanksgiving").
    Holiday {
        rule: HolidayRule,
        year: Option<i32>,
        relative: Option<i32>,
    },
    /// The ISO week holding a holiday: "Easter week", "Thanksgiving week".
    HolidayWeek {
        rule: HolidayRule,
        year: Option<i32>,
    },
    /// A weekend (Saturday and Sunday); `relative` as for `Weekday`.
    Weekend {
        relative: Option<i32>,
    },
    /// "the quarter": the quarter last talked about.
    ContextQuarter,
    /// "the week of March 6": the ISO week holding that day.
    WeekOf {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// "the latest quarter", "the latest period": the quarter last talked about if it is over
    /// by the publication date, else the last quarter that is.
    LatestQuarter,
    /// "the 1988 period": the quarter last talked about, in the given year (else that year).
    ContextQuarterOf(i32),
    /// "the fiscal first quarter": a quarter numbered by the company's own year, which the
    /// story may go on to describe by its end date.
    FiscalQuarter {
        year: Option<YearRef>,
        q: u32,
    },
    /// "the quarter ended Sept. 30": the calendar quarter holding most of it (`q`), unless the
    /// story has just named its fiscal quarter, which this describes.
    QuarterEnded {
        year: Option<YearRef>,
        q: u32,
    },
}

/// A time of day attached to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    At { hour: u32, minute: u32 },
    Part(DayPart),
}

/// The meaning of one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sem {
    Ref(RefKind),
    Date {
        date: DateExpr,
        part: Option<PeriodPart>,
        clock: Option<Clock>,
    },
    /// `amount` is `None` for vague amounts ("several years" is PXY).
    Duration {
        amount: Option<u32>,
        unit: Unit,
    },
    /// "2 1/2 years", "a minute and a half": whole units and a half, written the TimeML way
    /// ("P2Y6M", "PT1M30S") rather than rounded to the whole.
    AndAHalf {
        whole: u32,
        unit: Unit,
    },
    /// `weekday` for "every Friday" (`XXXX-WXX-5`), `month` for "each July" (`XXXX-07`);
    /// `part` for the part of that weekday ("Tuesday nights", `XXXX-WXX-2TNI`).
    Set {
        unit: Unit,
        amount: u32,
        weekday: Option<u32>,
        month: Option<u32>,
        part: Option<DayPart>,
    },
}

impl Sem {
    pub fn date(date: DateExpr) -> Sem {
        Sem::Date {
            date,
            part: None,
            clock: None,
        }
    }
}

/// One match of the grammar: tokens `first..end` and their meaning.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub first: usize,
    pub end: usize,
    pub sem: Sem,
    /// A qualifier in front ("about", "at least") that widened the span.
    pub qualifier: Option<TimexMod>,
}
