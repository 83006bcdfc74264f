//! Tests of the store as a whole: loading, planning and applying together.

mod check;
mod load;
mod plan;
mod robustness;
mod story;

use std::path::Path;

use chrono::NaiveDate;

use super::load::load_on;
use super::*;
use crate::event::{Event, Source};
use crate::time::Edtf;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn src(article: &str, published: &str, quote: &str) -> Source {
    Source {
        article: article.into(),
        title: None,
        url: None,
        publisher: None,
        published: Some(published.into()),
        quote: quote.into(),
        phrase: None,
    }
}

pub(super) fn ev(id: &str, date: &str, title: &str, sources: Vec<Source>) -> Event {
    Event {
        id: id.into(),
        date: Edtf::parse(date).unwrap(),
        title: title.into(),
        summary: None,
        tags: Vec::new(),
        entities: Vec::new(),
        sources,
        date_conflicts: Vec::new(),
        hidden: false,
        importance: None,
    }
}

pub(super) fn never(_: &Event, _: &Event) -> bool {
    false
}

pub(super) fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

pub(super) fn load_today(dir: &Path) -> Store {
    load_on(dir, day(2024, 5, 1)).unwrap()
}

/// A store where annals wrote `events` (all untouched).
pub(super) fn written(events: Vec<Event>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = load_today(dir.path());
    plan(&store, events, &never).apply(dir.path()).unwrap();
    dir
}

pub(super) fn vote() -> Event {
    ev(
        "vote",
        "2017-03-01",
        "Parliament votes",
        vec![src("a1", "2017-03-02", "Parliament voted on Wednesday.")],
    )
}
