//! `events.json`: every published event with its date as EDTF and as first and last ISO days.

use serde_json::{Value, json};

use super::model::Model;

pub fn events(model: &Model) -> String {
    let events: Vec<Value> = model
        .events
        .iter()
        .zip(&model.raw)
        .map(|(view, raw)| {
            json!({
                "id": raw.id,
                "date": view.date,
                "first": view.first,
                "last": view.last,
                "title": raw.title,
                "summary": raw.summary,
                "tags": raw.tags,
                "entities": raw.entities,
                "importance": raw.importance,
                "date_conflicts": raw.date_conflicts,
                "sources": view.sources.iter().map(|s| json!({
                    "article": s.article,
                    "title": s.title,
                    "url": s.url,
                    "publisher": s.publisher,
                    "published": s.published,
                    "quote": s.quote,
                    "phrase": s.phrase,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&events).expect("JSON values serialise");
    text.push('\n');
    text
}
