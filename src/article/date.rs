//! Publication dates as people write them in metadata, never completed from "now".

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use regex::Regex;
use std::sync::LazyLock;

static ISO_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[6-9]\d\d|2\d\d\d)\b").unwrap());
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?").unwrap());
static COMPACT_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})$").unwrap());
static NAME_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[-_. ]|$)").unwrap());

/// The calendar day a whole timestamp string names, as written (the local day when it carries an
/// offset). `None` for partial dates ("March 2017", "March 2") and anything unreadable: a missing
/// year, month or day is never taken from today.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    if let Some(c) = ISO_DAY.captures(text) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = COMPACT_DAY.captures(text) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d.date_naive());
    }
    // dateparser completes missing parts from the clock: only trust it when the input names a
    // year, the result has that year, and the input has a day number besides the year.
    let year: i32 = YEAR.captures(text)?[1].parse().ok()?;
    // A day number, not an hour or minute.
    let without_times = CLOCK.replace_all(text, " ");
    let has_day = without_times.split(|c: char| !c.is_ascii_digit()).any(|n| {
        !n.is_empty() && n.len() <= 2 && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    });
    if !has_day {
        return None;
    }
    let parsed: DateTime<Utc> = dateparser::parse_with(text, &Utc, NaiveTime::MIN).ok()?;
    let date = parsed.date_naive();
    (chrono::Datelike::year(&date) == year).then_some(date)
}

/// The day a file name starts with: `2017-03-02-title.txt` or `20170302-title.txt`.
pub fn from_file_name(name: &str) -> Option<NaiveDate> {
    let c = NAME_DAY.captures(name)?;
    ymd(&c[1], &c[2], &c[3])
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_common_forms() {
        assert_eq!(parse("2017-03-02"), day(2017, 3, 2));
        assert_eq!(parse("2017-03-02T10:15:00Z"), day(2017, 3, 2));
        assert_eq!(parse("2017-03-02T23:30:00-05:00"), day(2017, 3, 2));
        assert_eq!(parse("2017-03-02 10:15"), day(2017, 3, 2));
        assert_eq!(parse("March 2, 2017"), day(2017, 3, 2));
        assert_eq!(parse("2 March 2017"), day(2017, 3, 2));
        assert_eq!(parse("Thu, 02 Mar 2017 10:15:00 +0000"), day(2017, 3, 2));
        assert_eq!(parse("20170302"), day(2017, 3, 2));
    }

    #[test]
    fn never_fills_missing_parts_from_now() {
        assert_eq!(parse("March 2"), None);
        assert_eq!(parse("March 2017"), None);
        assert_eq!(parse("March 2017 10:15"), None);
        assert_eq!(parse("Mar 2017, 10:15:00 +0000"), None);
        assert_eq!(parse("2017"), None);
        assert_eq!(parse("10:15"), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse("2017-02-30"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn reads_file_names() {
        assert_eq!(from_file_name("2017-03-02-embassy.txt"), day(2017, 3, 2));
        assert_eq!(from_file_name("20170302-embassy.txt"), day(2017, 3, 2));
        assert_eq!(from_file_name("2017-03-02.txt"), day(2017, 3, 2));
        assert_eq!(from_file_name("embassy-2017-03-02.txt"), None);
        assert_eq!(from_file_name("2017-13-02-x.txt"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn date_like_text_never_panics_and_keeps_its_year(text in "[A-Za-z0-9 ,:+/.T-]{0,40}") {
            if let Some(date) = parse(&text) {
                let year = chrono::Datelike::year(&date).to_string();
                proptest::prop_assert!(text.contains(&year), "{text} -> {date}");
            }
        }
    }
}
