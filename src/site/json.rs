//! `events.json`: every published event with its date as EDTF and as first and last ISO days.

use serde::Serialize;

use super::fragments;
use super::model::EventView;
use crate::event::Event;
use crate::time::Edtf;

// Serialised straight from borrowed fields rather than through `serde_json::Value`s (an
// allocation per field, a sorted map per object): the fields are declared in the alphabetical
// order the `Value` maps wrote them in, so the file is the same.

#[derive(Serialize)]
struct EventOut<'a> {
    date: &'a str,
    date_conflicts: Vec<ConflictOut<'a>>,
    entities: &'a [String],
    first: &'a str,
    id: &'a str,
    importance: Option<u8>,
    last: &'a str,
    sources: Vec<SourceOut<'a>>,
    summary: Option<&'a str>,
    tags: &'a [String],
    title: &'a str,
}

#[derive(Serialize)]
struct ConflictOut<'a> {
    article: &'a str,
    date: &'a Edtf,
    #[serde(skip_serializing_if = "Option::is_none")]
    phrase: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    article: &'a str,
    phrase: Option<&'a str>,
    published: Option<&'a str>,
    publisher: Option<&'a str>,
    quote: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
}

/// The whole `events.json` around each event's [`event`] in model order.
pub fn events(count: usize) -> fragments::Layout {
    fragments::Layout::json_array("", "\n", 0, count, false)
}

/// One event's object, indented as the array nests it.
pub fn event(view: &EventView, raw: &Event) -> String {
    let out = EventOut {
        date: &view.date,
        date_conflicts: raw
            .date_conflicts
            .iter()
            .map(|c| ConflictOut {
                article: &c.article,
                date: &c.date,
                phrase: c.phrase.as_deref(),
            })
            .collect(),
        entities: &raw.entities,
        first: &view.first,
        id: &raw.id,
        importance: raw.importance,
        last: &view.last,
        sources: view
            .sources
            .iter()
            .map(|s| SourceOut {
                article: &s.article,
                phrase: s.phrase.as_deref(),
                published: s.published.as_deref(),
                publisher: s.publisher.as_deref(),
                quote: &s.quote,
                title: s.title.as_deref(),
                url: s.url.as_deref(),
            })
            .collect(),
        summary: raw.summary.as_deref(),
        tags: &raw.tags,
        title: &raw.title,
    };
    fragments::indent(
        &serde_json::to_string_pretty(&out).expect("JSON values serialise"),
        2,
    )
}
