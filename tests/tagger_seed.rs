//! The reference article, tagged with its publication date (Thursday 2017-03-02): the values
//! the timeline depends on. Reads `../shared/data/seed`, which only exists beside the project
//! on development and CI machines, hence `#[ignore]` (CI runs ignored tests).

use annals::time::{Timex, TimexType, tag};
use chrono::NaiveDate;
use std::path::PathBuf;

fn seed() -> (String, Vec<Timex>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/seed/2017-03-02-russian-embassy-hedges.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let found = tag(&text, NaiveDate::from_ymd_opt(2017, 3, 2));
    (text, found)
}

fn first<'a>(found: &'a [Timex], text: &str) -> &'a Timex {
    found
        .iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("{text:?} not tagged"))
}

#[test]
#[ignore = "needs ../shared/data/seed"]
fn seed_article_expressions_resolve_to_the_reported_dates() {
    let (text, found) = seed();
    assert_eq!(first(&found, "Wednesday").value, "2017-03-01");
    assert_eq!(first(&found, "September").value, "2016-09");
    assert_eq!(first(&found, "November 2016").value, "2016-11");
    let night = first(&found, "Wednesday night");
    assert_eq!(
        (night.kind, night.value.as_str()),
        (TimexType::Time, "2017-03-01TNI")
    );
    let earlier = first(&found, "earlier this month");
    assert_eq!(earlier.value, "2017-03");
    let iv = earlier.interval.expect("anchored");
    assert_eq!(iv.first, NaiveDate::from_ymd_opt(2017, 3, 1).unwrap());
    assert_eq!(iv.last, NaiveDate::from_ymd_opt(2017, 3, 2).unwrap());
    // The donation banner's "$10,000 a month" is money, not a date.
    let money = text.find("$10,000 a month").expect("banner present");
    assert!(
        found
            .iter()
            .all(|t| t.end <= money || t.start >= money + "$10,000 a month".len())
    );
}
