//! Calendar arithmetic: the periods a value names, moving them by units, and writing TIMEX3
//! values from them. Every function returns `None` rather than panicking when a date would fall
//! outside chrono's range, so absurd input ("year 99999") yields no interval instead of a crash.

use super::lexicon::{HolidayRule, PeriodPart, Season, Unit};
use super::types::{Granularity, Interval};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The earliest and latest years the tagger writes as values (four digits in TIMEX3).
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1..=9999;

pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !YEAR_RANGE.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn span(first: NaiveDate, last: NaiveDate, granularity: Granularity) -> Interval {
    Interval {
        first,
        last,
        granularity,
    }
}

/// Months `first_month ..= first_month + count - 1` of `year` (may run into the next year).
fn months(year: i32, first_month: u32, count: u32, granularity: Granularity) -> Option<Interval> {
    let first = ymd(year, first_month, 1)?;
    let last = first.checked_add_months(Months::new(count))?.pred_opt()?;
    Some(span(first, last, granularity))
}

pub fn day(date: NaiveDate) -> Interval {
    Interval::day(date)
}

pub fn month(year: i32, month: u32) -> Option<Interval> {
    months(year, month, 1, Granularity::Month)
}

pub fn year(year: i32) -> Option<Interval> {
    months(year, 1, 12, Granularity::Year)
}

pub fn quarter(year: i32, q: u32) -> Option<Interval> {
    if !(1..=4).contains(&q) {
        return None;
    }
    months(year, q * 3 - 2, 3, Granularity::Quarter)
}

pub fn half(year: i32, h: u32) -> Option<Interval> {
    if !(1..=2).contains(&h) {
        return None;
    }
    months(year, h * 6 - 5, 6, Granularity::Half)
}

/// The season of `year`; winter is December of `year` to February of the next year.
pub fn season(year: i32, season: Season) -> Option<Interval> {
    months(year, season.first_month(), 3, Granularity::Season)
}

/// A decade given by its first three digits (199 is 1990-1999).
pub fn decade(prefix: i32) -> Option<Interval> {
    let first = ymd(prefix.checked_mul(10)?, 1, 1)?;
    let last = ymd(prefix.checked_mul(10)?.checked_add(9)?, 12, 31)?;
    Some(span(first, last, Granularity::Decade))
}

/// A century given by its first two digits (19 is 1900-1999, "the 20th century").
pub fn century(prefix: i32) -> Option<Interval> {
    let first = ymd(prefix.checked_mul(100)?.max(1), 1, 1)?;
    let last = ymd(prefix.checked_mul(100)?.checked_add(99)?, 12, 31)?;
    Some(span(first, last, Granularity::Century))
}

/// The ISO week (Monday to Sunday) holding `date`.
pub fn week(date: NaiveDate) -> Option<Interval> {
    let back = u64::from(date.weekday().num_days_from_monday());
    let first = date.checked_sub_days(Days::new(back))?;
    let last = first.checked_add_days(Days::new(6))?;
    Some(span(first, last, Granularity::Week))
}

/// The weekend (Saturday and Sunday) of the ISO week holding `date`.
pub fn weekend(date: NaiveDate) -> Option<Interval> {
    let w = week(date)?;
    let first = w.first.checked_add_days(Days::new(5))?;
    Some(span(first, w.last, Granularity::Week))
}

/// The period of the given unit that holds `date`.
pub fn period_of(date: NaiveDate, unit: Unit) -> Option<Interval> {
    let y = date.year();
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => Some(day(date)),
        Unit::Week => week(date),
        Unit::Weekend => weekend(date),
        Unit::Month => month(y, date.month()),
        Unit::Quarter => quarter(y, (date.month() - 1) / 3 + 1),
        Unit::Year => year(y),
        Unit::Decade => decade(y.div_euclid(10)),
        Unit::Century => century(y.div_euclid(100)),
    }
}

/// Moves `date` by `n` units (months clamp to the month's last day).
pub fn shift(date: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months_by = |m: i64| -> Option<NaiveDate> {
        let step = Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m >= 0 {
            date.checked_add_months(step)
        } else {
            date.checked_sub_months(step)
        }
    };
    let days_by = |d: i64| -> Option<NaiveDate> {
        let step = Days::new(d.unsigned_abs());
        if d >= 0 {
            date.checked_add_days(step)
        } else {
            date.checked_sub_days(step)
        }
    };
    let n = i64::from(n);
    let moved = match unit {
        Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days_by(n),
        Unit::Week | Unit::Weekend => days_by(n * 7),
        Unit::Month => months_by(n),
        Unit::Quarter => months_by(n * 3),
        Unit::Year => months_by(n * 12),
        Unit::Decade => months_by(n * 120),
        Unit::Century => months_by(n * 1200),
    }?;
    YEAR_RANGE.contains(&moved.year()).then_some(moved)
}

/// The same kind of period as `interval`, `n` of `unit` away ("a year earlier" than 1989-Q3 is
/// 1988-Q3).
pub fn shift_period(interval: &Interval, unit: Unit, n: i32) -> Option<Interval> {
    let moved = shift(interval.first, unit, n)?;
    regrain(moved, interval.granularity)
}

/// The period of `granularity` holding `date`.
pub fn regrain(date: NaiveDate, granularity: Granularity) -> Option<Interval> {
    let y = date.year();
    match granularity {
        Granularity::Time | Granularity::Day => Some(day(date)),
        Granularity::Week => week(date),
        Granularity::Month => month(y, date.month()),
        Granularity::Season => {
            let (sy, s) = season_of(date);
            season(sy, s)
        }
        Granularity::Quarter => quarter(y, (date.month() - 1) / 3 + 1),
        Granularity::Half => half(y, if date.month() <= 6 { 1 } else { 2 }),
        Granularity::Year => year(y),
        Granularity::Decade => decade(y.div_euclid(10)),
        Granularity::Century => century(y.div_euclid(100)),
    }
}

/// The season holding `date` and the year it is named by.
pub fn season_of(date: NaiveDate) -> (i32, Season) {
    match date.month() {
        3..=5 => (date.year(), Season::Spring),
        6..=8 => (date.year(), Season::Summer),
        9..=11 => (date.year(), Season::Fall),
        12 => (date.year(), Season::Winter),
        _ => (date.year() - 1, Season::Winter),
    }
}

/// The narrower stretch an "early", "mid" or "late" modifier points at: a third of the period.
pub fn part_of(interval: &Interval, part: PeriodPart) -> Interval {
    let days = interval.days();
    if days < 3 {
        return *interval;
    }
    let third = u64::try_from(days / 3).unwrap_or(0);
    let (from, to) = match part {
        PeriodPart::Start => (0, third.saturating_sub(1)),
        PeriodPart::Mid => (third, 2 * third - 1),
        PeriodPart::End => (2 * third, u64::try_from(days - 1).unwrap_or(0)),
    };
    let first = interval.first.checked_add_days(Days::new(from));
    let last = interval.first.checked_add_days(Days::new(to));
    match (first, last) {
        (Some(first), Some(last)) => span(first, last, interval.granularity),
        _ => *interval,
    }
}

/// The TIMEX3 value naming an interval at its granularity.
pub fn value_of(interval: &Interval) -> String {
    let d = interval.first;
    let y = d.year();
    match interval.granularity {
        Granularity::Time | Granularity::Day => format!("{y:04}-{:02}-{:02}", d.month(), d.day()),
        Granularity::Week => {
            let iso = d.iso_week();
            format!("{:04}-W{:02}", iso.year(), iso.week())
        }
        Granularity::Month => format!("{y:04}-{:02}", d.month()),
        Granularity::Season => {
            let (sy, s) = season_of(d);
            format!("{sy:04}-{}", s.code())
        }
        Granularity::Quarter => format!("{y:04}-Q{}", (d.month() - 1) / 3 + 1),
        Granularity::Half => format!("{y:04}-H{}", if d.month() <= 6 { 1 } else { 2 }),
        Granularity::Year => format!("{y:04}"),
        Granularity::Decade => format!("{:03}", y.div_euclid(10)),
        Granularity::Century => format!("{:02}", y.div_euclid(100)),
    }
}

/// Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn iso_weekday(n: u32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// The date of a holiday in a given year.
pub fn holiday(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d) => ymd(year, m, d),
        HolidayRule::NthWeekday { month, weekday, n } => {
            let wd = iso_weekday(weekday)?;
            if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
            } else {
                // The last such weekday: step back from the month's last day.
                let last = months(year, month, 1, Granularity::Month)?.last;
                let back =
                    (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                last.checked_sub_days(Days::new(u64::from(back)))
            }
        }
        HolidayRule::WeekdayAfter {
            month,
            day,
            weekday,
        } => weekday_near(ymd(year, month, day)?, weekday, 1),
        HolidayRule::Easter(offset) => {
            let e = easter(year)?;
            if offset >= 0 {
                e.checked_add_days(Days::new(offset.unsigned_abs()))
            } else {
                e.checked_sub_days(Days::new(offset.unsigned_abs()))
            }
        }
    }
}

/// The nearest date with ISO weekday `weekday` on the side of `date` that `direction` gives:
/// strictly before (-1), strictly after (1), or within `date`'s own ISO week (0).
pub fn weekday_near(date: NaiveDate, weekday: u32, direction: i32) -> Option<NaiveDate> {
    let target = i64::from(iso_weekday(weekday)?.num_days_from_monday());
    let today = i64::from(date.weekday().num_days_from_monday());
    let mut diff = target - today;
    match direction.signum() {
        -1 if diff >= 0 => diff -= 7,
        1 if diff <= 0 => diff += 7,
        _ => {}
    }
    let step = Days::new(diff.unsigned_abs());
    if diff >= 0 {
        date.checked_add_days(step)
    } else {
        date.checked_sub_days(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn periods_have_the_right_bounds_and_values() {
        let q = quarter(2016, 3).unwrap();
        assert_eq!((q.first, q.last), (d(2016, 7, 1), d(2016, 9, 30)));
        assert_eq!(value_of(&q), "2016-Q3");
        // 2017-03-02 is a Thursday in ISO week 9 (Monday 2017-02-27).
        let w = week(d(2017, 3, 2)).unwrap();
        assert_eq!(w.first, d(2017, 2, 27));
        assert_eq!(value_of(&w), "2017-W09");
        assert_eq!(value_of(&decade(199).unwrap()), "199");
        assert_eq!(value_of(&century(19).unwrap()), "19");
        let winter = season(2016, Season::Winter).unwrap();
        assert_eq!(winter.last, d(2017, 2, 28));
        assert_eq!(value_of(&winter), "2016-WI");
    }

    #[test]
    fn holidays_follow_their_rules() {
        assert_eq!(easter(2017), Some(d(2017, 4, 16)));
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        let thanksgiving = HolidayRule::NthWeekday {
            month: 11,
            weekday: 4,
            n: 4,
        };
        assert_eq!(holiday(thanksgiving, 1999), Some(d(1999, 11, 25)));
        let memorial = HolidayRule::NthWeekday {
            month: 5,
            weekday: 1,
            n: -1,
        };
        assert_eq!(holiday(memorial, 2017), Some(d(2017, 5, 29)));
        assert_eq!(holiday(HolidayRule::Easter(-2), 2017), Some(d(2017, 4, 14)));
        // Election Day: the Tuesday after November 1, even when November 1 is a Tuesday.
        let election = HolidayRule::WeekdayAfter {
            month: 11,
            day: 1,
            weekday: 2,
        };
        assert_eq!(holiday(election, 1998), Some(d(1998, 11, 3)));
        assert_eq!(holiday(election, 2016), Some(d(2016, 11, 8)));
    }

    #[test]
    fn weekdays_and_shifts() {
        let thursday = d(2017, 3, 2);
        assert_eq!(weekday_near(thursday, 3, -1), Some(d(2017, 3, 1)));
        assert_eq!(weekday_near(thursday, 3, 1), Some(d(2017, 3, 8)));
        assert_eq!(weekday_near(thursday, 4, -1), Some(d(2017, 2, 23)));
        assert_eq!(weekday_near(thursday, 4, 0), Some(thursday));
        assert_eq!(shift(d(2017, 3, 31), Unit::Month, -1), Some(d(2017, 2, 28)));
        let q = quarter(1989, 3).unwrap();
        assert_eq!(
            value_of(&shift_period(&q, Unit::Year, -1).unwrap()),
            "1988-Q3"
        );
        assert_eq!(shift(d(9999, 12, 1), Unit::Year, 1), None);
    }

    #[test]
    fn parts_are_thirds() {
        let y = year(2017).unwrap();
        let early = part_of(&y, PeriodPart::Start);
        assert_eq!(early.first, d(2017, 1, 1));
        // 365 / 3 = 121 days: January (31) + February (28) + March (31) + April (30) + May 1.
        assert_eq!(early.last, d(2017, 5, 1));
        let late = part_of(&y, PeriodPart::End);
        assert_eq!(late.last, d(2017, 12, 31));
    }
}
