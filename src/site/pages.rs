//! The HTML pages: the timeline, one page per event, article, tag, entity and year, their
//! listings and the 404 page. Every link is relative to the page (`root` leads back up).
//! Long listings (the timeline, a tag, a name, a year) are split into pages of
//! `paginate_by` events: `index.html`, then `page/2/index.html` and so on.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::atomic::Staging;
use super::dates::month_name;
use super::model::{EventView, Listing, Model, Term};
use super::paths::root_prefix;
use super::templates::Templates;
use super::values::{Cards, ValueMaker};
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

/// Where a page stands among the pages of its listing, for the theme's "earlier / later" links.
/// The links are relative to the page.
#[derive(Serialize, Hash)]
struct Pager {
    /// From 1.
    number: usize,
    /// How many pages the listing has.
    count: usize,
    first: String,
    previous: Option<String>,
    next: Option<String>,
    last: String,
}

/// One page of the site, named by what it shows.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// Page `n` (from 0) of the timeline.
    Index(usize),
    Event(usize),
    Article(usize),
    /// The listing of all tags, entities or years (an index into [`Pages::listings`]).
    Terms(usize),
    /// Page `n` (from 0) of one tag, entity or year: (listing, term, n).
    Term(usize, usize, usize),
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

/// What the pages are rendered from: the model and the site settings.
pub struct Pages<'m> {
    model: &'m Model<'m>,
    /// Makes the whole value of an event for its page.
    maker: &'m ValueMaker<'m>,
    site: Value,
    /// Events per listing page, at least 1.
    per_page: usize,
    /// Fingerprint of each event (its view and its stored form), parallel to `model.events`;
    /// `None` in a one-off build, which has no later build to compare with.
    pub event_hashes: Option<Vec<u64>>,
    listings: [(&'static str, &'static str, &'m Listing); 3],
}

/// Each event's card and fingerprint by its [`Model::keys`] key, kept from one build to the
/// next: converting and hashing 10,000 views took a rebuild 60 ms.
pub type Values = HashMap<u64, (Value, u64)>;

/// Every event's card and fingerprint, taking those of unchanged events from `cache`, which
/// is left holding this build's only. For builds that are kept (`serve`).
pub fn kept_values(
    model: &Model,
    maker: &ValueMaker,
    cache: &mut Values,
) -> anyhow::Result<(Cards, Vec<u64>)> {
    let prepared: Vec<(Value, u64)> = model
        .events
        .par_iter()
        .zip(&model.raw)
        .zip(&model.keys)
        .map(|((view, raw), key)| {
            if let Some(known) = cache.get(key) {
                return Ok(known.clone());
            }
            Ok((maker.card(view)?, fingerprint(&(view, raw))))
        })
        .collect::<anyhow::Result<_>>()?;
    *cache = model
        .keys
        .iter()
        .copied()
        .zip(prepared.iter().cloned())
        .collect();
    Ok(prepared.into_iter().unzip())
}

/// The path of page `n` (from 0) of the listing whose first page is `{dir}index.html`.
fn page_path(dir: &str, n: usize) -> String {
    if n == 0 {
        format!("{dir}index.html")
    } else {
        format!("{dir}page/{}/index.html", n + 1)
    }
}

impl<'m> Pages<'m> {
    /// The pages of `model`, listing `paginate_by` events a page (0: all on one page).
    /// `event_hashes` are those of [`kept_values`], or `None` when nothing is compared later.
    pub fn new(
        model: &'m Model<'m>,
        maker: &'m ValueMaker<'m>,
        site: &SiteInfo,
        paginate_by: usize,
        event_hashes: Option<Vec<u64>>,
    ) -> anyhow::Result<Pages<'m>> {
        let site = Value::try_from_serializable(site).map_err(|e| {
            anyhow::anyhow!("cannot prepare the site settings for the templates: {e}")
        })?;
        let per_page = if paginate_by == 0 {
            model.events.len().max(1)
        } else {
            paginate_by
        };
        Ok(Pages {
            model,
            maker,
            site,
            per_page,
            event_hashes,
            listings: [
                ("tags", "Tags", &model.tags),
                ("entities", "Names", &model.entities),
                ("years", "Years", &model.years),
            ],
        })
    }

    /// How many pages a listing of `len` events takes (one even when empty).
    fn page_count(&self, len: usize) -> usize {
        len.div_ceil(self.per_page).max(1)
    }

    /// The events of page `n` of a listing of `len` events.
    fn page_range(&self, len: usize, n: usize) -> Range<usize> {
        let start = (n * self.per_page).min(len);
        start..(start + self.per_page).min(len)
    }

    /// A fingerprint of `value` when fingerprints are kept, else 0.
    fn fingerprint(&self, value: &impl Hash) -> u64 {
        match self.event_hashes {
            Some(_) => fingerprint(value),
            None => 0,
        }
    }

    /// Every page in order, with its fingerprint.
    pub fn plan(&self) -> Vec<PagePlan> {
        let model = self.model;
        let hashes = |ids: &[usize]| -> Vec<u64> {
            ids.iter()
                .filter_map(|&i| self.event_hashes.as_ref()?.get(i).copied())
                .collect()
        };
        let mut plans = Vec::new();
        let mut add = |path: String, page: Page, fingerprint: u64| {
            plans.push(PagePlan {
                path,
                page,
                fingerprint,
            })
        };
        let all: Vec<usize> = (0..model.events.len()).collect();
        let pages = self.page_count(all.len());
        for n in 0..pages {
            let range = self.page_range(all.len(), n);
            add(
                page_path("", n),
                Page::Index(n),
                self.fingerprint(&("index", n, pages, all.len(), hashes(&all[range]))),
            );
        }
        for (i, e) in model.events.iter().enumerate() {
            add(
                format!("events/{}/index.html", e.slug),
                Page::Event(i),
                self.fingerprint(&("event", hashes(&[i]))),
            );
        }
        for (i, (view, article)) in model.articles.iter().enumerate() {
            add(
                format!("articles/{}/index.html", view.slug),
                Page::Article(i),
                self.fingerprint(&(
                    "article",
                    view,
                    &article.text,
                    article.published,
                    hashes(&view.events),
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
                self.fingerprint(&("terms", kind, heading, counts)),
            );
            for (t, (term, ids)) in listing.terms.iter().enumerate() {
                let pages = self.page_count(ids.len());
                for n in 0..pages {
                    let range = self.page_range(ids.len(), n);
                    add(
                        page_path(&format!("{kind}/{}/", term.slug), n),
                        Page::Term(l, t, n),
                        self.fingerprint(&(
                            "term",
                            kind,
                            heading,
                            term,
                            n,
                            pages,
                            ids.len(),
                            hashes(&ids[range]),
                        )),
                    );
                }
            }
        }
        add("404.html".into(), Page::NotFound, self.fingerprint(&"404"));
        plans
    }

    /// The pager of page `n` of `count` pages of the listing at `dir`, seen from `path`.
    fn pager(&self, dir: &str, n: usize, count: usize, path: &str) -> Pager {
        let root = root_prefix(path);
        let link = |k: usize| format!("{root}{}", page_path(dir, k));
        Pager {
            number: n + 1,
            count,
            first: link(0),
            previous: n.checked_sub(1).map(link),
            next: (n + 1 < count).then(|| link(n + 1)),
            last: link(count - 1),
        }
    }

    /// The `years` of a timeline page, made of the events' shared cards: serialising every
    /// event again for the index cost as much as rendering it.
    fn timeline_value(&self, range: Range<usize>, cards: &[Value]) -> Value {
        let years: Vec<Value> = timeline(&self.model.events, range)
            .into_iter()
            .map(|y| {
                let months: Vec<Value> = y
                    .months
                    .into_iter()
                    .map(|m| {
                        let events: Vec<Value> =
                            m.events.iter().map(|&i| cards[i].clone()).collect();
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

    /// The HTML of one page; listings show the events' `cards`.
    pub fn render(
        &self,
        templates: &Templates,
        plan: &PagePlan,
        cards: &[Value],
    ) -> anyhow::Result<Vec<u8>> {
        let model = self.model;
        let mut c = Context::new();
        c.insert_value("site", self.site.clone());
        c.insert("root", &root_prefix(&plan.path));
        c.insert("path", &plan.path);
        let listed = |ids: &[usize]| -> Value {
            Value::from(
                ids.iter()
                    .map(|&i| cards[i].clone())
                    .collect::<Vec<Value>>(),
            )
        };
        let name = match plan.page {
            Page::Index(n) => {
                let total = model.events.len();
                let range = self.page_range(total, n);
                c.insert("shown", &range.len());
                c.insert_value("years", self.timeline_value(range, cards));
                c.insert("count", &total);
                c.insert(
                    "pager",
                    &self.pager("", n, self.page_count(total), &plan.path),
                );
                "index.html"
            }
            Page::Event(i) => {
                c.insert_value("e", self.maker.event(&model.events[i])?);
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
            Page::Term(l, t, n) => {
                let (kind, heading, listing) = self.listings[l];
                let (term, ids) = &listing.terms[t];
                c.insert("kind", kind);
                c.insert("heading", heading);
                c.insert("term", term);
                c.insert("count", &ids.len());
                c.insert_value("events", listed(&ids[self.page_range(ids.len(), n)]));
                let dir = format!("{kind}/{}/", term.slug);
                c.insert(
                    "pager",
                    &self.pager(&dir, n, self.page_count(ids.len()), &plan.path),
                );
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
    cards: &[Value],
) -> anyhow::Result<Vec<(String, u64, u64)>> {
    plans
        .par_iter()
        .map(|plan| {
            let html = pages.render(templates, plan, cards)?;
            out.write(&plan.path, &html)?;
            Ok((plan.path.clone(), plan.fingerprint, fingerprint(&html)))
        })
        .collect()
}

/// Events `range` grouped by year, then by the month they start in; an event spanning more
/// than a quarter (a half, a year, a decade) gets a heading of its own date instead, so
/// "c. 2015" is not filed under "January 2015". Timeline order is kept: consecutive events
/// share a heading.
fn timeline(events: &[Arc<EventView>], range: Range<usize>) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for i in range {
        let e = &events[i];
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

    fn event(id: &str, date: &str) -> Event {
        Event {
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
        }
    }

    #[test]
    fn longer_spans_get_their_own_heading_and_months_are_shared() {
        let events = [
            event("a", "2017"),
            event("b", "2017-03-02"),
            event("c", "2017-21"),
            event("d", "2017-03-05"),
            event("e", "2017-03~"),
        ];
        let model = Model::new(&events, &[], DateFormat::Long);
        let years = timeline(&model.events, 0..model.events.len());
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

    /// Events on tags and names all over the timeline, each quoting one of two articles.
    fn scattered(n: usize) -> Vec<Event> {
        (0..n)
            .map(|i| {
                let mut e = event(
                    &format!("e{i}"),
                    &format!("{}-0{}-1{}", 2000 + i % 4, i % 9 + 1, i % 10),
                );
                e.tags = vec![format!("tag {}", i % 3)];
                e.entities = vec![format!("name {}", i % 5), format!("name {}", i % 2)];
                e.sources = vec![crate::event::Source {
                    article: format!("article-{}", i % 2),
                    title: (i % 7 == 0).then(|| "Its own title".to_string()),
                    url: None,
                    publisher: None,
                    published: Some("2004-01-01".into()),
                    quote: format!("The quote of event {i}."),
                    phrase: Some("in 2000".into()),
                }];
                e
            })
            .collect()
    }

    fn site() -> SiteInfo {
        SiteInfo {
            title: "t".into(),
            description: String::new(),
            language: "en".into(),
            base_url: None,
            feed_limit: 0,
        }
    }

    /// Listings get cards, which lack the sources' quotes: the built-in theme must not need
    /// them there, so its pages are the same as when listings get whole events.
    #[test]
    fn the_built_in_theme_renders_the_same_pages_from_cards() {
        let events = scattered(40);
        let model = Model::new(&events, &[], DateFormat::Long);
        let maker = ValueMaker::new(&model);
        let site = site();
        let templates = Templates::load(std::path::Path::new("no-such-theme")).unwrap();
        let pages = Pages::new(&model, &maker, &site, 4, None).unwrap();
        let plans = pages.plan();
        let dir = tempfile::tempdir().unwrap();
        let render = |name: &str, cards: &[Value]| {
            let out = Staging::new(&dir.path().join(name)).unwrap();
            render_all(&templates, &pages, &plans, &out, cards).unwrap();
            out.commit().unwrap()
        };
        let cards = maker.cards(&model).unwrap();
        let whole: Vec<Value> = model
            .events
            .iter()
            .map(|v| maker.event(v).unwrap())
            .collect();
        assert_ne!(cards, whole);
        let (from_cards, from_whole) = (render("cards", &cards), render("whole", &whole));
        for plan in &plans {
            let read = |root: &std::path::Path| std::fs::read(root.join(&plan.path)).unwrap();
            assert!(
                read(&from_cards) == read(&from_whole),
                "{} differs",
                plan.path
            );
        }
        let event_page = std::fs::read_to_string(from_cards.join("events/e7/index.html")).unwrap();
        assert!(event_page.contains("The quote of event 7."), "{event_page}");
    }
}
