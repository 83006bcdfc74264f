//! The tagger's output types, shaped after TIMEX3 (ISO-TimeML).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The TIMEX3 `type` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The TIMEX3 `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl TimexMod {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// How precise a resolved date is: the unit of the calendar it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A time of day or part of a day ("3 p.m.", "Wednesday night"): the interval is that day.
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
        }
    }
}

/// The calendar days a DATE or TIME expression covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub granularity: Granularity,
}

impl Interval {
    pub fn day(date: NaiveDate) -> Self {
        Interval {
            first: date,
            last: date,
            granularity: Granularity::Day,
        }
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Whether every day of `other` lies inside `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        self.first <= other.first && other.last <= self.last
    }

    /// Number of days covered.
    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// UTF-8 byte offset of the first byte in the input.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte; `text == input[start..end]`.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2017-03-01`, `2016-09`, `2017-03-01TNI`, `P2D`, `PRESENT_REF`, `XXXX-09`...
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<TimexMod>,
    /// For DATE and TIME expressions that could be anchored: the days covered.
    #[serde(flatten, with = "interval_fields")]
    pub interval: Option<Interval>,
}

/// Order of day and month in numeric dates such as `3/2/2017`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumericOrder {
    /// `3/2/2017` is March 2 (United States usage).
    #[default]
    MonthFirst,
    /// `3/2/2017` is 3 February.
    DayFirst,
}

/// Settings of one tagging run.
#[derive(Debug, Clone, Default)]
pub struct TagOptions {
    /// The document creation time (publication date) that anchors deictic expressions.
    pub dct: Option<NaiveDate>,
    /// How to read ambiguous numeric dates; an impossible reading (13/02) is never chosen.
    pub numeric_order: NumericOrder,
}

/// Serialises an optional interval as the flat `first`, `last`, `granularity` fields of the
/// `annals tag` JSON Lines format (all `null` when absent).
mod interval_fields {
    use super::{Granularity, Interval};
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Flat {
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        granularity: Option<Granularity>,
    }

    pub fn serialize<S: Serializer>(value: &Option<Interval>, s: S) -> Result<S::Ok, S::Error> {
        let flat = match value {
            Some(i) => Flat {
                first: Some(i.first),
                last: Some(i.last),
                granularity: Some(i.granularity),
            },
            None => Flat {
                first: None,
                last: None,
                granularity: None,
            },
        };
        flat.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Interval>, D::Error> {
        let flat = Flat::deserialize(d)?;
        Ok(match (flat.first, flat.last, flat.granularity) {
            (Some(first), Some(last), Some(granularity)) => Some(Interval {
                first,
                last,
                granularity,
            }),
            _ => None,
        })
    }
}
