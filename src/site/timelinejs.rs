//! TimelineJS3 JSON: each event with only the date parts its precision supports.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};

use crate::time::Granularity;

use super::SiteInfo;
use super::model::Model;
use crate::escape::markup;

pub fn timeline(model: &Model, site: &SiteInfo) -> String {
    let events: Vec<Value> = model
        .events
        .iter()
        .zip(&model.raw)
        .map(|(view, raw)| {
            let interval = raw.date.interval();
            let g = interval.granularity;
            let single_unit = match raw.date.end {
                None => true,
                Some(_) => interval.first == interval.last,
            };
            let mut event = json!({
                "unique_id": view.slug,
                "start_date": date(interval.first, g),
                "display_date": view.human,
                // TimelineJS shows headlines and text as HTML: titles are escaped, summaries are
                // already sanitised HTML.
                "text": { "headline": markup(&view.title), "text": view.summary_html },
            });
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
            if needs_end {
                event["end_date"] = date(interval.last, g);
            }
            if let Some(tag) = view.tags.first() {
                event["group"] = json!(markup(&tag.name));
            }
            event
        })
        .collect();
    let doc = json!({
        "title": { "text": {
            "headline": markup(&site.title),
            "text": markup(&site.description),
        } },
        "events": events,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    text.push('\n');
    text
}

/// `{year, month?, day?}` down to the precision of `g`.
fn date(d: NaiveDate, g: Granularity) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(d.year()));
    if g <= Granularity::Half {
        m.insert("month".into(), json!(d.month()));
    }
    if g <= Granularity::Week {
        m.insert("day".into(), json!(d.day()));
    }
    Value::Object(m)
}
