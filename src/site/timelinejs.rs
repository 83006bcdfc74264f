//! TimelineJS3 JSON: each event with only the date parts its precision supports.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::time::Granularity;

use super::SiteInfo;
use super::fragments;
use super::model::EventView;
use crate::escape::markup;
use crate::event::Event;

// Serialised from structs rather than `serde_json::Value` maps (a sorted map and an allocation
// per field made this the slowest export); fields are declared in the alphabetical order those
// maps wrote them in, so the file is the same.

#[derive(Serialize)]
struct Doc<'a> {
    events: Vec<EventOut<'a>>,
    title: Title,
}

#[derive(Serialize)]
struct Title {
    text: Text<String>,
}

#[derive(Serialize)]
struct Text<S> {
    headline: String,
    text: S,
}

#[derive(Serialize)]
struct EventOut<'a> {
    display_date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    start_date: DateOut,
    text: Text<&'a str>,
    unique_id: &'a str,
}

/// `{year, month?, day?}` down to the precision of the event's date.
#[derive(Serialize)]
struct DateOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    year: i32,
}

/// The whole `timeline.json`, from each event's [`event`] in model order.
pub fn timeline(count: usize, site: &SiteInfo) -> fragments::Layout {
    let doc = Doc {
        events: Vec::new(),
        title: Title {
            text: Text {
                headline: markup(&site.title),
                text: markup(&site.description),
            },
        },
    };
    let doc = serde_json::to_string_pretty(&doc).expect("plain structs serialise");
    fragments::Layout::json_member(&format!("{doc}\n"), "events", 2, count, false)
}

/// One event's object, indented as the document nests it.
pub fn event(view: &EventView, raw: &Event) -> String {
    let interval = raw.date.interval();
    let g = interval.granularity;
    let single_unit = match raw.date.end {
        None => true,
        Some(_) => interval.first == interval.last,
    };
    let needs_end = !single_unit
        || matches!(
            g,
            Granularity::Season
                | Granularity::Quarter
                | Granularity::Half
                | Granularity::Decade
                | Granularity::Century
        )
        || (g <= Granularity::Week && interval.days() > 1);
    let out = EventOut {
        display_date: &view.human,
        end_date: needs_end.then(|| date(interval.last, g)),
        group: view.tags.first().map(|tag| markup(&tag.name)),
        start_date: date(interval.first, g),
        // TimelineJS shows headlines and text as HTML: titles are escaped, summaries are
        // already sanitised HTML.
        text: Text {
            headline: markup(&view.title),
            text: &view.summary_html,
        },
        unique_id: &view.slug,
    };
    fragments::indent(
        &serde_json::to_string_pretty(&out).expect("plain structs serialise"),
        4,
    )
}

fn date(d: NaiveDate, g: Granularity) -> DateOut {
    DateOut {
        day: (g <= Granularity::Week).then(|| d.day()),
        month: (g <= Granularity::Half).then(|| d.month()),
        year: d.year(),
    }
}
