//! The HTML pages: the timeline, one page per event, article, tag, entity and year, their
//! listings and the 404 page. Every link is relative to the page (`root` leads back up).

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::atomic::Staging;
use super::dates::month_name;
use super::model::{EventView, Listing, Model, Term};
use super::paths::root_prefix;
use super::templates::Templates;
use super::{SiteInfo, highlight};

/// The timeline's grouping: events (indices into the model's events) by year and heading.
struct Year {
    year: i32,
    slug: String,
    months: Vec<Month>,
}

struct Month {
    label: String,
    events: Vec<usize>,
}

#[derive(Serialize)]
struct TermCount<'a> {
    name: &'a str,
    slug: &'a str,
    count: usize,
}

/// One page of the site, named by what it shows.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    Index,
    Event(usize),
    Article(usize),
    /// The listing of all tags, entities or years (an index into [`Pages::listings`]).
    Terms(usize),
    /// One tag, entity or year: (listing, term).
    Term(usize, usize),
    NotFound,
}

/// A page to write: where, what, and a fingerprint of everything its HTML is made from besides
/// the templates and the site settings (equal fingerprints, equal pages).
#[derive(Debug, Clone)]
pub struct PagePlan {
    pub path: String,
    pub page: Page,
    pub fingerprint: u64,
}

/// What the pages are rendered from: the model, with every event turned into a template value
/// once. Pages share those values (tera values are reference-counted) instead of serialising an
/// event again for every page that lists it.
pub struct Pages<'m> {
    model: &'m Model<'m>,
    site: Value,
    events: Vec<Value>,
    /// Fingerprint of each event (its view and its stored form), parallel to `model.events`.
    pub event_hashes: Vec<u64>,
    listings: [(&'static str, &'static str, &'m Listing); 3],
}

/// Each event's template value and fingerprint by its [`Model::keys`] key, kept from one build
/// to the next: converting and hashing 10,000 views took a rebuild 60 ms.
pub type Values = HashMap<u64, (Value, u64)>;

impl<'m> Pages<'m> {
    /// The pages of `model`, taking the values of unchanged events from `cache`, which is left
    /// holding this build's values only.
    pub fn new(
        model: &'m Model<'m>,
        site: &SiteInfo,
        cache: &mut Values,
    ) -> anyhow::Result<Pages<'m>> {
        let site = Value::try_from_serializable(site).map_err(|e| {
            anyhow::anyhow!("cannot prepare the site settings for the templates: {e}")
        })?;
        let prepared: Vec<(Value, u64)> = model
            .events
            .par_iter()
            .zip(&model.raw)
            .zip(&model.keys)
            .map(|((view, raw), key)| {
                if let Some(known) = cache.get(key) {
                    return Ok(known.clone());
                }
                let value = Value::try_from_serializable(&**view)?;
                Ok((value, fingerprint(&(view, raw))))
            })
            .collect::<Result<_, tera::Error>>()
            .map_err(|e| anyhow::anyhow!("cannot prepare an event for the templates: {e}"))?;
        *cache = model
            .keys
            .iter()
            .copied()
            .zip(prepared.iter().cloned())
            .collect();
        let (events, event_hashes) = prepared.into_iter().unzip();
        Ok(Pages {
            model,
            site,
            events,
            event_hashes,
            listings: [
                ("tags", "Tags", &model.tags),
                ("entities", "Names", &model.entities),
                ("years", "Years", &model.years),
            ],
        })
    }

    /// Every page in order, with its fingerprint.
    pub fn plan(&self) -> Vec<PagePlan> {
        let model = self.model;
        let hashes = |ids: &mut dyn Iterator<Item = usize>| -> Vec<u64> {
            ids.map(|i| self.event_hashes[i]).collect()
        };
        let mut plans = Vec::new();
        let mut add = |path: String, page: Page, fingerprint: u64| {
            plans.push(PagePlan {
                path,
                page,
                fingerprint,
            })
        };
        add(
            "index.html".into(),
            Page::Index,
            fingerprint(&("index", &self.event_hashes)),
        );
        for (i, e) in model.events.iter().enumerate() {
            add(
                format!("events/{}/index.html", e.slug),
                Page::Event(i),
                fingerprint(&("event", self.event_hashes[i])),
            );
        }
        for (i, (view, article)) in model.articles.iter().enumerate() {
            add(
                format!("articles/{}/index.html", view.slug),
                Page::Article(i),
                fingerprint(&(
                    "article",
                    view,
                    &article.text,
                    article.published,
                    hashes(&mut view.events.iter().copied()),
                )),
            );
        }
        for (l, (kind, heading, listing)) in self.listings.iter().enumerate() {
            let counts: Vec<(&Term, usize)> = listing
                .terms
                .iter()
                .map(|(t, ids)| (t, ids.len()))
                .collect();
            add(
                format!("{kind}/index.html"),
                Page::Terms(l),
                fingerprint(&("terms", kind, heading, counts)),
            );
            for (t, (term, ids)) in listing.terms.iter().enumerate() {
                add(
                    format!("{kind}/{}/index.html", term.slug),
                    Page::Term(l, t),
                    fingerprint(&(
                        "term",
                        kind,
                        heading,
                        term,
                        hashes(&mut ids.iter().copied()),
                    )),
                );
            }
        }
        add("404.html".into(), Page::NotFound, fingerprint(&"404"));
        plans
    }

    /// The index page's `years`, made of the events' shared template values: serialising
    /// every event again for the index cost as much as rendering it.
    fn timeline_value(&self) -> Value {
        let years: Vec<Value> = timeline(&self.model.events)
            .into_iter()
            .map(|y| {
                let months: Vec<Value> = y
                    .months
                    .into_iter()
                    .map(|m| {
                        let events: Vec<Value> =
                            m.events.iter().map(|&i| self.events[i].clone()).collect();
                        Value::from(BTreeMap::from([
                            ("label", Value::from(m.label)),
                            ("events", Value::from(events)),
                        ]))
                    })
                    .collect();
                Value::from(BTreeMap::from([
                    ("year", Value::from(y.year)),
                    ("slug", Value::from(y.slug)),
                    ("months", Value::from(months)),
                ]))
            })
            .collect();
        Value::from(years)
    }

    /// The HTML of one page.
    pub fn render(&self, templates: &Templates, plan: &PagePlan) -> anyhow::Result<Vec<u8>> {
        let model = self.model;
        let mut c = Context::new();
        c.insert_value("site", self.site.clone());
        c.insert("root", &root_prefix(&plan.path));
        c.insert("path", &plan.path);
        let listed = |ids: &[usize]| -> Value {
            Value::from(
                ids.iter()
                    .map(|&i| self.events[i].clone())
                    .collect::<Vec<Value>>(),
            )
        };
        let name = match plan.page {
            Page::Index => {
                c.insert_value("years", self.timeline_value());
                c.insert("count", &model.events.len());
                "index.html"
            }
            Page::Event(i) => {
                c.insert_value("e", self.events[i].clone());
                "event.html"
            }
            Page::Article(i) => {
                let (view, article) = &model.articles[i];
                let spans = crate::time::tag(&article.text, article.published);
                c.insert("a", view);
                c.insert_value("events", listed(&view.events));
                c.insert("text_html", &highlight::highlight(&article.text, &spans));
                "article.html"
            }
            Page::Terms(l) => {
                let (kind, heading, listing) = self.listings[l];
                let counts: Vec<TermCount> = listing
                    .terms
                    .iter()
                    .map(|(t, ids)| TermCount {
                        name: &t.name,
                        slug: &t.slug,
                        count: ids.len(),
                    })
                    .collect();
                c.insert("kind", kind);
                c.insert("heading", heading);
                c.insert("terms", &counts);
                "terms.html"
            }
            Page::Term(l, t) => {
                let (kind, heading, listing) = self.listings[l];
                let (term, ids) = &listing.terms[t];
                c.insert("kind", kind);
                c.insert("heading", heading);
                c.insert("term", term);
                c.insert_value("events", listed(ids));
                "term.html"
            }
            Page::NotFound => "404.html",
        };
        templates.render(name, &c)
    }
}

/// A 64-bit hash of `value`, the same in every run (fixed seed). Fingerprints are only compared
/// within one process, so the hash need not be stable across versions; foldhash rather than
/// the standard SipHash because every page's bytes are hashed (100 MB for 10,000 events).
pub fn fingerprint(value: &impl Hash) -> u64 {
    foldhash::quality::FixedState::with_seed(0x616e_6e61_6c73).hash_one(value)
}

/// Renders every page into `out`; returns each page's path, fingerprint and content hash.
pub fn render_all(
    templates: &Templates,
    pages: &Pages,
    plans: &[PagePlan],
    out: &Staging,
) -> anyhow::Result<Vec<(String, u64, u64)>> {
    plans
        .par_iter()
        .map(|plan| {
            let html = pages.render(templates, plan)?;
            out.write(&plan.path, &html)?;
            Ok((plan.path.clone(), plan.fingerprint, fingerprint(&html)))
        })
        .collect()
}

/// Events grouped by year, then by the month they start in; an event spanning more than a
/// quarter (a half, a year, a decade) gets a heading of its own date instead, so "c. 2015" is not
/// filed under "January 2015". Timeline order is kept: consecutive events share a heading.
fn timeline(events: &[Arc<EventView>]) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (i, e) in events.iter().enumerate() {
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
        year.months.last_mut().expect("just pushed").events.push(i);
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
                    m.events
                        .iter()
                        .map(|&i| model.events[i].id.as_str())
                        .collect(),
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
