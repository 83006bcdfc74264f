//! Dates as people write them: "2 March 2017", "early March 2017", "spring 2017", "c. 2017".

use chrono::{Datelike, NaiveDate};

use crate::config::DateFormat;
use crate::time::edtf::{EdtfPoint, last_day_of_month};
use crate::time::{Edtf, Granularity, Interval};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1-12).
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).clamp(1, 12) - 1]
}

/// An EDTF date written out for readers.
pub fn human(date: &Edtf, format: DateFormat) -> String {
    match date.end {
        None => point(&date.start, format),
        Some(end) => {
            let (a, b) = (date.start, end);
            let plain = !(a.approximate || a.uncertain || b.approximate || b.uncertain);
            let whole = Interval {
                first: a.interval.first,
                last: b.interval.last,
                granularity: a.interval.granularity.max(b.interval.granularity),
            };
            let both =
                |g: fn(Granularity) -> bool| g(a.interval.granularity) && g(b.interval.granularity);
            if plain && both(|g| g <= Granularity::Day) {
                part_of_month(&whole, format)
                    .unwrap_or_else(|| day_range(whole.first, whole.last, format))
            } else if plain && both(|g| g == Granularity::Month) && full_months(&whole) {
                month_range(whole.first, whole.last, format)
            } else if plain && both(|g| g == Granularity::Year) {
                format!("{}–{}", whole.first.year(), whole.last.year())
            } else {
                format!("{} – {}", point(&a, format), point(&b, format))
            }
        }
    }
}

fn point(p: &EdtfPoint, format: DateFormat) -> String {
    let text = unit(&p.interval, format);
    let text = if p.approximate {
        format!("c. {text}")
    } else {
        text
    };
    if p.uncertain {
        format!("{text}?")
    } else {
        text
    }
}

/// One calendar unit, without qualifiers.
fn unit(i: &Interval, format: DateFormat) -> String {
    let (y, m) = (i.first.year(), i.first.month());
    match i.granularity {
        Granularity::Time | Granularity::Day if i.days() == 1 => day(i.first, format),
        Granularity::Week => match format {
            DateFormat::Iso => format!("week of {}", day(i.first, format)),
            _ => format!("the week of {}", day(i.first, format)),
        },
        Granularity::Time | Granularity::Day | Granularity::Month if !full_months(i) => {
            part_of_month(i, format).unwrap_or_else(|| day_range(i.first, i.last, format))
        }
        Granularity::Time | Granularity::Day | Granularity::Month => {
            month_range(i.first, i.last, format)
        }
        Granularity::Season => {
            let name = ["spring", "summer", "autumn", "winter"][((m + 9) / 3 % 4) as usize];
            if name == "winter" {
                format!("winter {y}–{:02}", (y + 1) % 100)
            } else {
                format!("{name} {y}")
            }
        }
        Granularity::Quarter => format!("Q{} {y}", (m - 1) / 3 + 1),
        Granularity::Half if m == 1 => format!("first half of {y}"),
        Granularity::Half => format!("second half of {y}"),
        Granularity::Year => y.to_string(),
        Granularity::Decade => format!("the {y}s"),
        Granularity::Century => format!("the {} century", ordinal(y / 100 + 1)),
    }
}

/// "early March 2017" for days 1-10, "mid-March 2017" for 11-20, "late March 2017" for 21 to the
/// end: the thirds the tagger gives "early", "mid" and "late".
fn part_of_month(i: &Interval, format: DateFormat) -> Option<String> {
    if format == DateFormat::Iso
        || (i.first.year(), i.first.month()) != (i.last.year(), i.last.month())
    {
        return None;
    }
    let end = last_day_of_month(i.first.year(), i.first.month())?.day();
    let word = match (i.first.day(), i.last.day()) {
        (1, 10) => "early",
        (11, 20) => "mid-",
        (21, e) if e == end => "late",
        _ => return None,
    };
    let month = month_year(i.first, format);
    Some(if word.ends_with('-') {
        format!("{word}{month}")
    } else {
        format!("{word} {month}")
    })
}

/// The ISO day (`2017-03-02`) that `text` starts with. Faster than chrono's format-string
/// parser, which feeds and the model called for every source of every event.
pub fn iso_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes().get(..10)?;
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// `20170302`, the compact ISO day of iCalendar.
pub fn compact_day(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Whether an interval starts on the first of a month and ends on the last of one.
fn full_months(i: &Interval) -> bool {
    i.first.day() == 1 && last_day_of_month(i.last.year(), i.last.month()) == Some(i.last)
}

fn day(d: NaiveDate, format: DateFormat) -> String {
    let name = month_name(d.month());
    match format {
        DateFormat::Long => format!("{} {name} {}", d.day(), d.year()),
        DateFormat::Us => format!("{name} {}, {}", d.day(), d.year()),
        DateFormat::Iso => d.to_string(),
    }
}

fn month_year(d: NaiveDate, format: DateFormat) -> String {
    match format {
        DateFormat::Iso => format!("{:04}-{:02}", d.year(), d.month()),
        _ => format!("{} {}", month_name(d.month()), d.year()),
    }
}

/// "1–2 March 2017", "28 February – 3 March 2017", "28 December 2016 – 3 January 2017".
fn day_range(a: NaiveDate, b: NaiveDate, format: DateFormat) -> String {
    if a == b {
        return day(a, format);
    }
    let (ma, mb) = (month_name(a.month()), month_name(b.month()));
    let same_month = (a.year(), a.month()) == (b.year(), b.month());
    match format {
        DateFormat::Iso => format!("{} – {}", day(a, format), day(b, format)),
        DateFormat::Long if same_month => format!("{}–{} {mb} {}", a.day(), b.day(), b.year()),
        DateFormat::Long if a.year() == b.year() => {
            format!("{} {ma} – {} {mb} {}", a.day(), b.day(), b.year())
        }
        DateFormat::Us if same_month => format!("{ma} {}–{}, {}", a.day(), b.day(), b.year()),
        DateFormat::Us if a.year() == b.year() => {
            format!("{ma} {} – {mb} {}, {}", a.day(), b.day(), b.year())
        }
        _ => format!("{} – {}", day(a, format), day(b, format)),
    }
}

/// "March 2017", "March–May 2017", "November 2016 – February 2017".
fn month_range(a: NaiveDate, b: NaiveDate, format: DateFormat) -> String {
    if (a.year(), a.month()) == (b.year(), b.month()) {
        return month_year(a, format);
    }
    match format {
        DateFormat::Iso => format!("{} – {}", month_year(a, format), month_year(b, format)),
        _ if a.year() == b.year() => format!(
            "{}–{} {}",
            month_name(a.month()),
            month_name(b.month()),
            b.year()
        ),
        _ => format!("{} – {}", month_year(a, format), month_year(b, format)),
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The value of an HTML `datetime` attribute for a date: the most precise valid form
/// (`2017-03-02`, `2017-03`, `2017`), or the first day for anything else.
pub fn datetime_attr(date: &Edtf) -> String {
    let i = date.interval();
    match i.granularity {
        Granularity::Month
            if date.end.is_none() && full_months(&i) && i.first.month() == i.last.month() =>
        {
            i.first.format("%Y-%m").to_string()
        }
        Granularity::Year if date.end.is_none() => format!("{:04}", i.first.year()),
        _ => i.first.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(text: &str) -> String {
        human(&Edtf::parse(text).unwrap(), DateFormat::Long)
    }

    fn with(text: &str, format: DateFormat) -> String {
        human(&Edtf::parse(text).unwrap(), format)
    }

    #[test]
    fn iso_days_are_read_from_the_start_of_a_timestamp_and_checked() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(iso_day("2017-03-02"), d(2017, 3, 2));
        assert_eq!(iso_day("2017-03-02T10:00:00Z"), d(2017, 3, 2));
        assert_eq!(iso_day("0999-12-31"), d(999, 12, 31));
        for bad in [
            "2017-02-30",
            "2017-13-01",
            "2017/03/02",
            "2017-3-2",
            "17-03-02",
            "",
            "２０17-03-02",
        ] {
            assert_eq!(iso_day(bad), None, "{bad}");
        }
        assert_eq!(
            compact_day(NaiveDate::from_ymd_opt(812, 1, 5).unwrap()),
            "08120105"
        );
    }

    #[test]
    fn single_units_read_as_written() {
        assert_eq!(h("2017-03-02"), "2 March 2017");
        assert_eq!(h("2016-09"), "September 2016");
        assert_eq!(h("2017"), "2017");
        assert_eq!(h("2017-21"), "spring 2017");
        assert_eq!(h("2017-24"), "winter 2017–18");
        assert_eq!(h("2016-35"), "Q3 2016");
        assert_eq!(h("2016-40"), "first half of 2016");
        assert_eq!(h("199X"), "the 1990s");
        assert_eq!(h("19XX"), "the 20th century");
    }

    #[test]
    fn qualifiers_show_as_circa_and_question_mark() {
        assert_eq!(h("2017~"), "c. 2017");
        assert_eq!(h("2017-03?"), "March 2017?");
        assert_eq!(h("2017-03-02%"), "c. 2 March 2017?");
    }

    #[test]
    fn ranges_share_what_they_have_in_common() {
        assert_eq!(h("2017-03-01/2017-03-02"), "1–2 March 2017");
        assert_eq!(h("2017-02-28/2017-03-03"), "28 February – 3 March 2017");
        assert_eq!(
            h("2016-12-28/2017-01-03"),
            "28 December 2016 – 3 January 2017"
        );
        assert_eq!(h("2017-03/2017-05"), "March–May 2017");
        assert_eq!(h("2016-11/2017-02"), "November 2016 – February 2017");
        assert_eq!(h("2015/2017"), "2015–2017");
        assert_eq!(h("2017-03~/2017-05"), "c. March 2017 – May 2017");
    }

    #[test]
    fn thirds_of_a_month_are_early_mid_and_late() {
        assert_eq!(h("2017-03-01/2017-03-10"), "early March 2017");
        assert_eq!(h("2017-03-11/2017-03-20"), "mid-March 2017");
        assert_eq!(h("2017-02-21/2017-02-28"), "late February 2017");
        assert_eq!(h("2017-03-01/2017-03-09"), "1–9 March 2017");
    }

    #[test]
    fn us_and_iso_formats() {
        assert_eq!(with("2017-03-02", DateFormat::Us), "March 2, 2017");
        assert_eq!(
            with("2017-03-01/2017-03-02", DateFormat::Us),
            "March 1–2, 2017"
        );
        assert_eq!(
            with("2017-02-28/2017-03-03", DateFormat::Us),
            "February 28 – March 3, 2017"
        );
        assert_eq!(with("2017-03-02", DateFormat::Iso), "2017-03-02");
        assert_eq!(with("2016-09", DateFormat::Iso), "2016-09");
        assert_eq!(
            with("2017-03-01/2017-03-02", DateFormat::Iso),
            "2017-03-01 – 2017-03-02"
        );
    }

    #[test]
    fn datetime_attributes_are_valid_html_dates() {
        let d = |t: &str| datetime_attr(&Edtf::parse(t).unwrap());
        assert_eq!(d("2017-03-02"), "2017-03-02");
        assert_eq!(d("2016-09"), "2016-09");
        assert_eq!(d("2017"), "2017");
        assert_eq!(d("2017-21"), "2017-03-01");
    }
}
