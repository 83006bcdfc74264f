//! The HTML pages: the timeline, one page per event, article, tag, entity and year, their
//! listings and the 404 page. Every link is relative to the page (`root` leads back up).

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::atomic::Staging;
use super::dates::month_name;
use super::model::{EventView, Listing, Model};
use super::paths::root_prefix;
use super::templates::Templates;
use super::{SiteInfo, highlight};

#[derive(Serialize)]
struct Year<'a> {
    year: i32,
    slug: String,
    months: Vec<Month<'a>>,
}

#[derive(Serialize)]
struct Month<'a> {
    label: String,
    events: Vec<&'a EventView>,
}

#[derive(Serialize)]
struct TermCount<'a> {
    name: &'a str,
    slug: &'a str,
    count: usize,
}

/// Renders every page; returns the paths written, relative to the output root.
pub fn render(
    templates: &Templates,
    model: &Model,
    site: &SiteInfo,
    out: &Staging,
) -> anyhow::Result<Vec<String>> {
    // Pages are prepared in order, then rendered and written on every core.
    let mut jobs: Vec<(String, String, Context)> = Vec::new();
    let site_value = Value::try_from_serializable(site)
        .map_err(|e| anyhow::anyhow!("cannot prepare the site settings for the templates: {e}"))?;
    let mut page = |path: String, name: &str, fill: &dyn Fn(&mut Context)| -> anyhow::Result<()> {
        let mut context = Context::new();
        context.insert_value("site", site_value.clone());
        context.insert("root", &root_prefix(&path));
        context.insert("path", &path);
        fill(&mut context);
        jobs.push((path, name.to_string(), context));
        Ok(())
    };

    // Each event is turned into a template value once; pages share it (tera values are
    // reference-counted), instead of serialising an event again for every page that lists it.
    let event_values: Vec<Value> = model
        .events
        .iter()
        .map(Value::try_from_serializable)
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("cannot prepare an event for the templates: {e}"))?;
    let listed = |ids: &mut dyn Iterator<Item = usize>| -> Value {
        Value::from(ids.map(|i| event_values[i].clone()).collect::<Vec<Value>>())
    };

    let years = timeline(&model.events);
    page("index.html".into(), "index.html", &|c| {
        c.insert("years", &years);
        c.insert("count", &model.events.len());
    })?;

    for (e, value) in model.events.iter().zip(&event_values) {
        page(
            format!("events/{}/index.html", e.slug),
            "event.html",
            &|c| {
                c.insert_value("e", value.clone());
            },
        )?;
    }

    for (view, article) in &model.articles {
        let spans = crate::time::tag(&article.text, article.published);
        let text_html = highlight::highlight(&article.text, &spans);
        let events = listed(&mut view.events.iter().copied());
        page(
            format!("articles/{}/index.html", view.slug),
            "article.html",
            &|c| {
                c.insert("a", view);
                c.insert_value("events", events.clone());
                c.insert("text_html", &text_html);
            },
        )?;
    }

    for (kind, heading, listing) in [
        ("tags", "Tags", &model.tags),
        ("entities", "Names", &model.entities),
        ("years", "Years", &model.years),
    ] {
        terms(&mut page, kind, heading, listing, &listed)?;
    }

    page("404.html".into(), "404.html", &|_| {})?;
    jobs.par_iter()
        .try_for_each(|(path, name, context)| -> anyhow::Result<()> {
            let html = templates.render(name, context)?;
            out.write(path, html.as_bytes())
        })?;
    Ok(jobs.into_iter().map(|(path, _, _)| path).collect())
}

type PageFn<'a> = dyn FnMut(String, &str, &dyn Fn(&mut Context)) -> anyhow::Result<()> + 'a;

fn terms(
    page: &mut PageFn,
    kind: &str,
    heading: &str,
    listing: &Listing,
    listed: &dyn Fn(&mut dyn Iterator<Item = usize>) -> Value,
) -> anyhow::Result<()> {
    let counts: Vec<TermCount> = listing
        .terms
        .iter()
        .map(|(t, ids)| TermCount {
            name: &t.name,
            slug: &t.slug,
            count: ids.len(),
        })
        .collect();
    page(format!("{kind}/index.html"), "terms.html", &|c| {
        c.insert("kind", kind);
        c.insert("heading", heading);
        c.insert("terms", &counts);
    })?;
    for (term, ids) in &listing.terms {
        let list = listed(&mut ids.iter().copied());
        page(
            format!("{kind}/{}/index.html", term.slug),
            "term.html",
            &|c| {
                c.insert("kind", kind);
                c.insert("heading", heading);
                c.insert("term", term);
                c.insert_value("events", list.clone());
            },
        )?;
    }
    Ok(())
}

/// Events grouped by year, then by the month they start in; an event spanning more than a
/// quarter (a half, a year, a decade) gets a heading of its own date instead, so "c. 2015" is not
/// filed under "January 2015". Timeline order is kept: consecutive events share a heading.
fn timeline(events: &[EventView]) -> Vec<Year<'_>> {
    let mut years: Vec<Year> = Vec::new();
    for e in events {
        let month: u32 = e.first[5..7].parse().unwrap_or(1);
        let label = if e.days <= 92 {
            format!("{} {}", month_name(month), e.year)
        } else if e.human == e.year.to_string() {
            // Under the heading "2019", a second "2019" says nothing.
            format!("During {}", e.year)
        } else {
            capitalise(&e.human)
        };
        if years.last().is_none_or(|y| y.year != e.year) {
            years.push(Year {
                year: e.year,
                slug: format!("{:04}", e.year),
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("just pushed");
        if year.months.last().is_none_or(|m| m.label != label) {
            year.months.push(Month {
                label,
                events: Vec::new(),
            });
        }
        year.months.last_mut().expect("just pushed").events.push(e);
    }
    years
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DateFormat;
    use crate::event::Event;
    use crate::site::model::Model;
    use crate::time::Edtf;

    #[test]
    fn longer_spans_get_their_own_heading_and_months_are_shared() {
        let event = |id: &str, date: &str| Event {
            id: id.into(),
            date: Edtf::parse(date).unwrap(),
            title: id.into(),
            summary: None,
            tags: vec![],
            entities: vec![],
            sources: vec![],
            date_conflicts: vec![],
            hidden: false,
            importance: None,
        };
        let events = [
            event("a", "2017"),
            event("b", "2017-03-02"),
            event("c", "2017-21"),
            event("d", "2017-03-05"),
            event("e", "2017-03~"),
        ];
        let model = Model::new(&events, &[], DateFormat::Long);
        let years = timeline(&model.events);
        let labels: Vec<(&str, Vec<&str>)> = years[0]
            .months
            .iter()
            .map(|m| {
                (
                    m.label.as_str(),
                    m.events.iter().map(|e| e.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            labels,
            [
                ("During 2017", vec!["a"]),
                ("March 2017", vec!["e", "c", "b", "d"])
            ]
        );
    }
}
