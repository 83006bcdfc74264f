//! Dates as people write them in the event store: EDTF (ISO 8601-2) level 1.
//!
//! `2017`, `2017-03`, `2017-03-01`, `2017-03-01/2017-03-02`, `2017-03~` (approximate),
//! `2017-03?` (uncertain), `2017-03%` (both), `2017-21` (spring; 21-24 are the seasons),
//! `2017-33` (first quarter; 33-36), `2017-40` (first half; 40-41), `201X` (a decade),
//! `19XX` (a century). An EDTF date always knows the days it covers, so events can be sorted
//! and compared whatever their precision.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::types::{Granularity, Interval};

/// A parsed EDTF date or interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edtf {
    pub start: EdtfPoint,
    /// The end of a `start/end` interval; `None` for a single date.
    pub end: Option<EdtfPoint>,
}

/// One EDTF date: a calendar unit plus the qualifiers `~` and `?`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdtfPoint {
    pub interval: Interval,
    pub approximate: bool,
    pub uncertain: bool,
}

/// Why a string is not an EDTF date; the message says what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a date: {reason} (write e.g. 2017, 2017-03, 2017-03-01, 2017-03-01/2017-03-05, 2017-03~)"
)]
pub struct EdtfError {
    pub text: String,
    pub reason: String,
}

impl Edtf {
    /// The date covering `interval`, in the form it is written and read back: a part of a
    /// month that is not the whole month becomes a range of days, a time of day its day.
    pub fn from_interval(interval: Interval) -> Self {
        let raw = Edtf {
            start: EdtfPoint {
                interval,
                approximate: false,
                uncertain: false,
            },
            end: None,
        };
        Edtf::parse(&raw.to_string()).unwrap_or(raw)
    }

    /// Every day the date covers, first to last.
    pub fn interval(&self) -> Interval {
        match self.end {
            None => self.start.interval,
            Some(end) => Interval {
                first: self.start.interval.first,
                last: end.interval.last,
                granularity: self
                    .start
                    .interval
                    .granularity
                    .min(end.interval.granularity),
            },
        }
    }

    pub fn is_approximate(&self) -> bool {
        self.start.approximate || self.end.is_some_and(|e| e.approximate)
    }

    pub fn parse(text: &str) -> Result<Edtf, EdtfError> {
        let fail = |reason: &str| EdtfError {
            text: text.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(fail("it is empty"));
        }
        match trimmed.split_once('/') {
            Some((a, b)) => {
                let start = parse_point(a).map_err(|r| fail(&r))?;
                let end = parse_point(b).map_err(|r| fail(&r))?;
                if end.interval.last < start.interval.first {
                    return Err(fail("the interval ends before it starts"));
                }
                Ok(Edtf {
                    start,
                    end: Some(end),
                })
            }
            None => Ok(Edtf {
                start: parse_point(trimmed).map_err(|r| fail(&r))?,
                end: None,
            }),
        }
    }
}

fn parse_point(text: &str) -> Result<EdtfPoint, String> {
    let (body, approximate, uncertain) = match text.as_bytes().last() {
        Some(b'~') => (&text[..text.len() - 1], true, false),
        Some(b'?') => (&text[..text.len() - 1], false, true),
        Some(b'%') => (&text[..text.len() - 1], true, true),
        _ => (text, false, false),
    };
    let interval = parse_unit(body)?;
    Ok(EdtfPoint {
        interval,
        approximate,
        uncertain,
    })
}

fn parse_unit(body: &str) -> Result<Interval, String> {
    let parts: Vec<&str> = body.split('-').collect();
    let year_text = parts[0];
    if year_text.len() != 4 {
        return Err("the year needs four digits".into());
    }
    if let Some(prefix) = year_text.strip_suffix("XX") {
        let century: i32 = prefix
            .parse()
            .map_err(|_| "the century is not a number".to_string())?;
        return span_years(century * 100, 100, Granularity::Century, parts.len());
    }
    if let Some(prefix) = year_text.strip_suffix('X') {
        let decade: i32 = prefix
            .parse()
            .map_err(|_| "the decade is not a number".to_string())?;
        return span_years(decade * 10, 10, Granularity::Decade, parts.len());
    }
    if !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the year is not a number".into());
    }
    let year: i32 = year_text
        .parse()
        .map_err(|_| "the year is not a number".to_string())?;
    match parts.len() {
        1 => span_years(year, 1, Granularity::Year, 1),
        2 => {
            let unit: u32 = number(parts[1], "month")?;
            match unit {
                1..=12 => month_interval(year, unit, unit, Granularity::Month),
                21..=24 => season_interval(year, unit - 20),
                33..=36 => {
                    let first = (unit - 33) * 3 + 1;
                    month_interval(year, first, first + 2, Granularity::Quarter)
                }
                40 | 41 => {
                    let first = (unit - 40) * 6 + 1;
                    month_interval(year, first, first + 5, Granularity::Half)
                }
                _ => Err(format!(
                    "{unit} is neither a month (01-12), a season (21-24), a quarter (33-36) nor a half (40-41)"
                )),
            }
        }
        3 => {
            let month = number(parts[1], "month")?;
            let day = number(parts[2], "day")?;
            let date = NaiveDate::from_ymd_opt(year, month, day)
                .ok_or_else(|| format!("{year}-{month:02} has no day {day}"))?;
            Ok(Interval::day(date))
        }
        _ => Err("too many parts".into()),
    }
}

fn number(text: &str, what: &str) -> Result<u32, String> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the {what} needs two digits"));
    }
    text.parse()
        .map_err(|_| format!("the {what} is not a number"))
}

fn span_years(
    first: i32,
    count: i32,
    granularity: Granularity,
    parts: usize,
) -> Result<Interval, String> {
    if parts != 1 {
        return Err("a decade or century cannot have a month".into());
    }
    let start = NaiveDate::from_ymd_opt(first, 1, 1).ok_or("the year is out of range")?;
    let end =
        NaiveDate::from_ymd_opt(first + count - 1, 12, 31).ok_or("the year is out of range")?;
    Ok(Interval {
        first: start,
        last: end,
        granularity,
    })
}

fn month_interval(
    year: i32,
    first: u32,
    last: u32,
    granularity: Granularity,
) -> Result<Interval, String> {
    let start = NaiveDate::from_ymd_opt(year, first, 1).ok_or("the year is out of range")?;
    let end = last_day_of_month(year, last).ok_or("the year is out of range")?;
    Ok(Interval {
        first: start,
        last: end,
        granularity,
    })
}

/// Northern-hemisphere meteorological seasons: spring is March to May, winter runs into the next year.
fn season_interval(year: i32, season: u32) -> Result<Interval, String> {
    let (first, last_year, last_month) = match season {
        1 => (NaiveDate::from_ymd_opt(year, 3, 1), year, 5),
        2 => (NaiveDate::from_ymd_opt(year, 6, 1), year, 8),
        3 => (NaiveDate::from_ymd_opt(year, 9, 1), year, 11),
        _ => (NaiveDate::from_ymd_opt(year, 12, 1), year + 1, 2),
    };
    let first = first.ok_or("the year is out of range")?;
    let last = last_day_of_month(last_year, last_month).ok_or("the year is out of range")?;
    Ok(Interval {
        first,
        last,
        granularity: Granularity::Season,
    })
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

impl fmt::Display for EdtfPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = self.interval;
        let (y, m) = (i.first.year(), i.first.month());
        match i.granularity {
            Granularity::Time | Granularity::Day | Granularity::Week if i.days() == 1 => {
                write!(f, "{}", i.first.format("%Y-%m-%d"))?
            }
            Granularity::Time | Granularity::Day | Granularity::Week => write!(
                f,
                "{}/{}",
                i.first.format("%Y-%m-%d"),
                i.last.format("%Y-%m-%d")
            )?,
            Granularity::Month if i.first.day() == 1 && Some(i.last) == last_day_of_month(y, m) => {
                write!(f, "{y:04}-{m:02}")?
            }
            Granularity::Month => write!(
                f,
                "{}/{}",
                i.first.format("%Y-%m-%d"),
                i.last.format("%Y-%m-%d")
            )?,
            Granularity::Season => write!(f, "{y:04}-{}", 21 + (m + 9) / 3 % 4)?,
            Granularity::Quarter => write!(f, "{y:04}-{}", 33 + (m - 1) / 3)?,
            Granularity::Half => write!(f, "{y:04}-{}", 40 + (m - 1) / 6)?,
            Granularity::Year => write!(f, "{y:04}")?,
            Granularity::Decade => write!(f, "{:03}X", y / 10)?,
            Granularity::Century => write!(f, "{:02}XX", y / 100)?,
        }
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("~"),
            (false, true) => f.write_str("?"),
            (false, false) => Ok(()),
        }
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            None => write!(f, "{}", self.start),
            Some(end) => write!(f, "{}/{}", self.start, end),
        }
    }
}

impl Serialize for Edtf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Edtf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // YAML reads `2017` as a number: accept it as the year it is.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(i64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(t) => t,
            Raw::Number(n) => n.to_string(),
        };
        Edtf::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_each_level_one_form_to_the_days_it_covers() {
        let cases = [
            ("2017", d(2017, 1, 1), d(2017, 12, 31)),
            ("2016-02", d(2016, 2, 1), d(2016, 2, 29)),
            ("2017-03-01", d(2017, 3, 1), d(2017, 3, 1)),
            ("2017-03-01/2017-03-02", d(2017, 3, 1), d(2017, 3, 2)),
            ("2017-21", d(2017, 3, 1), d(2017, 5, 31)),
            ("2017-24", d(2017, 12, 1), d(2018, 2, 28)),
            ("2016-35", d(2016, 7, 1), d(2016, 9, 30)),
            ("2016-41", d(2016, 7, 1), d(2016, 12, 31)),
            ("199X", d(1990, 1, 1), d(1999, 12, 31)),
            ("19XX", d(1900, 1, 1), d(1999, 12, 31)),
        ];
        for (text, first, last) in cases {
            let parsed = Edtf::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (parsed.interval().first, parsed.interval().last),
                (first, last),
                "{text}"
            );
            assert_eq!(parsed.to_string(), text, "round trip of {text}");
        }
    }

    #[test]
    fn intervals_become_the_dates_they_are_written_as() {
        let part = Interval {
            first: d(2017, 3, 1),
            last: d(2017, 3, 2),
            granularity: Granularity::Month,
        };
        assert_eq!(
            Edtf::from_interval(part),
            Edtf::parse("2017-03-01/2017-03-02").unwrap()
        );
        let night = Interval {
            first: d(2017, 3, 1),
            last: d(2017, 3, 1),
            granularity: Granularity::Time,
        };
        assert_eq!(
            Edtf::from_interval(night),
            Edtf::parse("2017-03-01").unwrap()
        );
    }

    #[test]
    fn qualifiers_round_trip() {
        for text in ["2017-03~", "2017-03?", "2017%", "2017-03-01~/2017-03-05"] {
            let parsed = Edtf::parse(text).unwrap();
            assert_eq!(parsed.to_string(), text);
        }
        assert!(Edtf::parse("2017-03~").unwrap().is_approximate());
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let err = Edtf::parse("2017-02-30").unwrap_err();
        assert_eq!(err.reason, "2017-02 has no day 30");
        let err = Edtf::parse("2017-03-05/2017-03-01").unwrap_err();
        assert_eq!(err.reason, "the interval ends before it starts");
        assert!(Edtf::parse("March 2017").is_err());
        assert!(Edtf::parse("2017-13").is_err());
        assert!(Edtf::parse("").is_err());
    }

    fn point() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let year = prop_oneof![
            (0..10_000i32).prop_map(|y| format!("{y:04}")),
            (0..1000i32).prop_map(|d| format!("{d:03}X")),
            (0..100i32).prop_map(|c| format!("{c:02}XX")),
            "[-+]?[0-9X]{1,4}",
        ];
        let rest = prop_oneof![
            Just(String::new()),
            (0..100u32).prop_map(|m| format!("-{m:02}")),
            (0..14u32, 0..33u32).prop_map(|(m, d)| format!("-{m:02}-{d:02}")),
            "-[0-9]{1,3}(-[0-9]{1,3})?",
        ];
        let qualifier = prop_oneof![Just(""), Just("~"), Just("?"), Just("%")];
        (year, rest, qualifier).prop_map(|(y, r, q)| format!("{y}{r}{q}"))
    }

    fn edtf_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            point(),
            (point(), point()).prop_map(|(a, b)| format!("{a}/{b}")),
            "\\PC{0,24}",
            "[0-9X/~?%\\- ]{0,24}",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Whatever parses prints as a date that parses back to the same date, and prints the
        /// same again; whatever fails says why, and nothing panics.
        #[test]
        fn parse_display_parse_is_the_identity(text in edtf_text()) {
            match Edtf::parse(&text) {
                Ok(date) => {
                    let shown = date.to_string();
                    let again = Edtf::parse(&shown);
                    proptest::prop_assert_eq!(again.as_ref().ok(), Some(&date), "{} -> {}", text, shown);
                    proptest::prop_assert_eq!(again.unwrap().to_string(), shown);
                    let interval = date.interval();
                    proptest::prop_assert!(interval.first <= interval.last);
                }
                Err(e) => proptest::prop_assert!(!e.reason.is_empty()),
            }
        }
    }
}
