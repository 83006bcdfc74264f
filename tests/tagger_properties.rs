//! Properties every tagging must have, on arbitrary text and on text built from date-like
//! pieces: no panic, spans inside the input on char boundaries, sorted, non-overlapping, and
//! `text` equal to the slice it claims. Plus worst-case inputs that would expose non-linear
//! matching (they must simply finish; timing belongs to the benchmark).

use annals::time::{NumericOrder, TagOptions, Timex, tag, tag_with};
use chrono::NaiveDate;
use proptest::prelude::*;

fn check_spans(input: &str, found: &[Timex]) {
    let mut previous_end = 0;
    for t in found {
        assert!(t.start < t.end && t.end <= input.len(), "{t:?}");
        assert!(input.is_char_boundary(t.start) && input.is_char_boundary(t.end));
        assert!(t.start >= previous_end, "overlap or disorder at {t:?}");
        assert_eq!(&input[t.start..t.end], t.text);
        previous_end = t.end;
    }
}

const PIECES: &[&str] = &[
    "March",
    "Mar.",
    "May",
    "2",
    "2017",
    "1,000",
    "3/2/2017",
    "13/02",
    "2017-03-02",
    "'90s",
    "the",
    "last",
    "next",
    "week",
    "year",
    "ago",
    "earlier",
    "this",
    "month",
    "Wednesday",
    "night",
    "p.m.",
    "3",
    ":",
    "15",
    "fiscal",
    "Q3",
    "third",
    "-",
    "quarter",
    "early",
    "mid",
    "of",
    "a",
    "$",
    "every",
    "Friday",
    "Christmas",
    "New",
    "Year",
    "'s",
    "Day",
    "1990s",
    "’",
    "\u{200f}",
    "\u{301}",
    "\0",
    "é",
    ",",
    ".",
    " ",
    "  ",
    "\n",
    "99999999999999",
    "00",
];

fn date_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|parts| parts.join(" "))
}

fn glued_date_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_sound(s in any::<String>()) {
        check_spans(&s, &tag(&s, NaiveDate::from_ymd_opt(2017, 3, 2)));
        check_spans(&s, &tag(&s, None));
    }

    #[test]
    fn date_like_text_spans_are_sound(s in date_ish(), g in glued_date_ish()) {
        let options = TagOptions {
            dct: NaiveDate::from_ymd_opt(2017, 3, 2),
            numeric_order: NumericOrder::DayFirst,
        };
        check_spans(&s, &tag(&s, NaiveDate::from_ymd_opt(2017, 3, 2)));
        check_spans(&g, &tag_with(&g, &options));
        check_spans(&g, &tag(&g, None));
    }

    #[test]
    fn extreme_publication_dates_never_panic(s in date_ish(), year in -300_000i32..300_000) {
        let dct = NaiveDate::from_ymd_opt(year, 1, 1);
        check_spans(&s, &tag(&s, dct));
    }
}

#[test]
fn a_megabyte_of_digits_finishes_with_no_expressions() {
    let digits = "7".repeat(1 << 20);
    assert!(tag(&digits, NaiveDate::from_ymd_opt(2017, 3, 2)).is_empty());
    let years = "2017 ".repeat(1 << 18);
    let found = tag(&years, NaiveDate::from_ymd_opt(2017, 3, 2));
    check_spans(&years, &found);
    assert_eq!(found.len(), 1 << 18);
}

#[test]
fn a_megabyte_of_articles_finishes_with_no_expressions() {
    let the = "the ".repeat(1 << 18);
    assert!(tag(&the, NaiveDate::from_ymd_opt(2017, 3, 2)).is_empty());
    let nested = "the end of the end of ".repeat(1 << 15);
    check_spans(&nested, &tag(&nested, NaiveDate::from_ymd_opt(2017, 3, 2)));
}
