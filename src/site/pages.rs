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

/// Each event's template value while pages that show it are rendered, by index into the
/// model's events. Pages share these values (tera values are reference-counted) instead of
/// serialising an event again for every page that lists it.
pub type EventValues = Vec<Option<Value>>;

/// What the pages are rendered from: the model and the site settings.
pub struct Pages<'m> {
    model: &'m Model<'m>,
    site: Value,
    /// Events per listing page, at least 1.
    per_page: usize,
    /// Fingerprint of each event (its view and its stored form), parallel to `model.events`;
    /// `None` in a one-off build, which has no later build to compare with.
    pub event_hashes: Option<Vec<u64>>,
    listings: [(&'static str, &'static str, &'m Listing); 3],
}

/// The index of the years in [`Pages::listings`] (after tags and entities).
const YEARS: usize = 2;

/// Each event's template value and fingerprint by its [`Model::keys`] key, kept from one build
/// to the next: converting and hashing 10,000 views took a rebuild 60 ms.
pub type Values = HashMap<u64, (Value, u64)>;

/// An event's template value.
fn event_value(view: &EventView) -> anyhow::Result<Value> {
    Value::try_from_serializable(view)
        .map_err(|e| anyhow::anyhow!("cannot prepare an event for the templates: {e}"))
}

/// Every event's value and fingerprint, taking those of unchanged events from `cache`, which
/// is left holding this build's only. For builds that are kept (`serve`).
pub fn kept_values(model: &Model, cache: &mut Values) -> anyhow::Result<(EventValues, Vec<u64>)> {
    let prepared: Vec<(Value, u64)> = model
        .events
        .par_iter()
        .zip(&model.raw)
        .zip(&model.keys)
        .map(|((view, raw), key)| {
            if let Some(known) = cache.get(key) {
                return Ok(known.clone());
            }
            Ok((event_value(view)?, fingerprint(&(view, raw))))
        })
        .collect::<anyhow::Result<_>>()?;
    *cache = model
        .keys
        .iter()
        .copied()
        .zip(prepared.iter().cloned())
        .collect();
    Ok(prepared
        .into_iter()
        .map(|(value, hash)| (Some(value), hash))
        .unzip())
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

    /// The events `page` shows (indices into the model's events), in no particular order.
    pub fn events_of(&self, page: Page) -> Vec<usize> {
        match page {
            Page::Index(n) => self.page_range(self.model.events.len(), n).collect(),
            Page::Event(i) => vec![i],
            Page::Article(i) => self.model.articles[i].0.events.clone(),
            Page::Term(l, t, n) => {
                let ids = &self.listings[l].2.terms[t].1;
                ids[self.page_range(ids.len(), n)].to_vec()
            }
            Page::Terms(_) | Page::NotFound => Vec::new(),
        }
    }

    /// Where `page` sits in timeline order, for rendering pages that show the same events one
    /// after the other; pages that gather events from anywhere come last, in plan order.
    fn timeline_position(&self, page: Page) -> Option<usize> {
        match page {
            Page::Index(n) => Some(n * self.per_page),
            Page::Event(i) => Some(i),
            // A year's events are consecutive in the timeline.
            Page::Term(YEARS, t, n) => {
                let ids = &self.listings[YEARS].2.terms[t].1;
                ids.get(n * self.per_page).copied()
            }
            _ => None,
        }
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

    /// The `years` of a timeline page, made of the events' shared template values: serialising
    /// every event again for the index cost as much as rendering it.
    fn timeline_value(&self, range: Range<usize>, values: &[Option<Value>]) -> Value {
        let years: Vec<Value> = timeline(&self.model.events, range)
            .into_iter()
            .map(|y| {
                let months: Vec<Value> = y
                    .months
                    .into_iter()
                    .map(|m| {
                        let events: Vec<Value> =
                            m.events.iter().map(|&i| value_of(values, i)).collect();
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

    /// The HTML of one page, from `values`, which hold those of the events it shows.
    pub fn render(
        &self,
        templates: &Templates,
        plan: &PagePlan,
        values: &[Option<Value>],
    ) -> anyhow::Result<Vec<u8>> {
        let model = self.model;
        let mut c = Context::new();
        c.insert_value("site", self.site.clone());
        c.insert("root", &root_prefix(&plan.path));
        c.insert("path", &plan.path);
        let listed = |ids: &[usize]| -> Value {
            Value::from(
                ids.iter()
                    .map(|&i| value_of(values, i))
                    .collect::<Vec<Value>>(),
            )
        };
        let name = match plan.page {
            Page::Index(n) => {
                let total = model.events.len();
                let range = self.page_range(total, n);
                c.insert("shown", &range.len());
                c.insert_value("years", self.timeline_value(range, values));
                c.insert("count", &total);
                c.insert(
                    "pager",
                    &self.pager("", n, self.page_count(total), &plan.path),
                );
                "index.html"
            }
            Page::Event(i) => {
                c.insert_value("e", value_of(values, i));
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

/// The value of event `i`; the caller made it before rendering a page that shows the event.
fn value_of(values: &[Option<Value>], i: usize) -> Value {
    values[i]
        .clone()
        .expect("the values of a page's events are made before it is rendered")
}

/// A 64-bit hash of `value`, the same in every run (fixed seed). Fingerprints are only compared
/// within one process, so the hash need not be stable across versions; foldhash rather than
/// the standard SipHash because every page's bytes are hashed (100 MB for 10,000 events).
pub fn fingerprint(value: &impl Hash) -> u64 {
    foldhash::quality::FixedState::with_seed(0x616e_6e61_6c73).hash_one(value)
}

/// At most this many event values are alive at once in a one-off build: a value is ~8 KB, and
/// 100,000 of them held for the whole build were 780 MB.
const BATCH_EVENTS: usize = 16_384;

/// Renders every page into `out`; returns each page's path, fingerprint and content hash.
/// `values` holds every event's value in a kept build; in a one-off build it starts empty
/// (all `None`) and pages are rendered in batches of nearby pages, each event's value made
/// when a batch needs it and dropped when the next batch does not.
pub fn render_all(
    templates: &Templates,
    pages: &Pages,
    plans: &[PagePlan],
    out: &Staging,
    values: &mut EventValues,
) -> anyhow::Result<Vec<(String, u64, u64)>> {
    render_batched(templates, pages, plans, out, values, BATCH_EVENTS)
}

/// [`render_all`] with batches of at most `limit` events in a one-off build.
fn render_batched(
    templates: &Templates,
    pages: &Pages,
    plans: &[PagePlan],
    out: &Staging,
    values: &mut EventValues,
    limit: usize,
) -> anyhow::Result<Vec<(String, u64, u64)>> {
    let forget = values.iter().any(Option::is_none);
    let batches = batches(pages, plans, if forget { limit } else { usize::MAX });
    let mut written = Vec::with_capacity(plans.len());
    for (b, (batch, needed)) in batches.iter().enumerate() {
        let missing: Vec<usize> = needed
            .iter()
            .copied()
            .filter(|&i| values[i].is_none())
            .collect();
        let made: Vec<(usize, Value)> = missing
            .par_iter()
            .map(|&i| Ok((i, event_value(&pages.model.events[i])?)))
            .collect::<anyhow::Result<_>>()?;
        for (i, value) in made {
            values[i] = Some(value);
        }
        let done: Vec<(String, u64, u64)> = batch
            .par_iter()
            .map(|&p| {
                let plan = &plans[p];
                let html = pages.render(templates, plan, values)?;
                out.write(&plan.path, &html)?;
                Ok((plan.path.clone(), plan.fingerprint, fingerprint(&html)))
            })
            .collect::<anyhow::Result<_>>()?;
        written.extend(done);
        if forget {
            let next = batches.get(b + 1).map_or(&[][..], |n| &n.1[..]);
            let mut keep = vec![false; values.len()];
            for &i in next {
                keep[i] = true;
            }
            // Freed on one thread while the other idled, a 100k build's batches took 2 s.
            let unneeded: Vec<Value> = needed
                .iter()
                .filter(|&&i| !keep[i])
                .filter_map(|&i| values[i].take())
                .collect();
            unneeded.into_par_iter().for_each(drop);
        }
    }
    Ok(written)
}

/// The plans (indices into `plans`) in batches that show at most `limit` distinct events
/// each (a page showing more is a batch of its own), with those events. Pages are taken in
/// timeline order first, so the timeline, year and event pages of the same events share a
/// batch and their values are made once.
fn batches(pages: &Pages, plans: &[PagePlan], limit: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut order: Vec<(usize, usize)> = plans
        .iter()
        .enumerate()
        .map(|(p, plan)| (pages.timeline_position(plan.page).unwrap_or(usize::MAX), p))
        .collect();
    order.sort_unstable();
    let mut batches: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    // Which batch last took each event, to count each event once per batch.
    let mut taken_by = vec![usize::MAX; pages.model.events.len()];
    let mut current: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for (_, p) in order {
        let shown = pages.events_of(plans[p].page);
        let new = shown
            .iter()
            .filter(|&&i| taken_by[i] != batches.len())
            .count();
        if !current.0.is_empty() && current.1.len() + new > limit {
            batches.push(std::mem::take(&mut current));
        }
        for i in shown {
            if taken_by[i] != batches.len() {
                taken_by[i] = batches.len();
                current.1.push(i);
            }
        }
        current.0.push(p);
    }
    if !current.0.is_empty() {
        batches.push(current);
    }
    batches
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

    /// Events on tags and names all over the timeline, so that pages of one batch need values
    /// another batch dropped.
    fn scattered(n: usize) -> Vec<Event> {
        (0..n)
            .map(|i| {
                let mut e = event(
                    &format!("e{i}"),
                    &format!("{}-0{}-1{}", 2000 + i % 4, i % 9 + 1, i % 10),
                );
                e.tags = vec![format!("tag {}", i % 3)];
                e.entities = vec![format!("name {}", i % 5), format!("name {}", i % 2)];
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
        }
    }

    #[test]
    fn batches_take_every_page_once_with_the_events_it_shows() {
        let events = scattered(40);
        let model = Model::new(&events, &[], DateFormat::Long);
        let site = site();
        let pages = Pages::new(&model, &site, 3, None).unwrap();
        let plans = pages.plan();
        for limit in [1, 5, 12, usize::MAX] {
            let batches = batches(&pages, &plans, limit);
            let mut taken: Vec<usize> = batches.iter().flat_map(|b| b.0.clone()).collect();
            taken.sort_unstable();
            assert_eq!(taken, (0..plans.len()).collect::<Vec<_>>(), "limit {limit}");
            for (batch, events) in &batches {
                let mut unique = events.clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), events.len(), "an event twice in a batch");
                for &p in batch {
                    for i in pages.events_of(plans[p].page) {
                        assert!(
                            events.contains(&i),
                            "limit {limit}: page {p} lacks event {i}"
                        );
                    }
                }
                // Over the limit only when one page alone shows more.
                if events.len() > limit {
                    assert_eq!(batch.len(), 1, "limit {limit}");
                }
            }
        }
        assert_eq!(batches(&pages, &plans, usize::MAX).len(), 1);
    }

    /// A one-off build makes and drops values batch by batch; its pages must be those of a
    /// build that holds every value.
    #[test]
    fn pages_rendered_in_batches_are_those_rendered_with_every_value() {
        let events = scattered(40);
        let model = Model::new(&events, &[], DateFormat::Long);
        let site = site();
        let templates = Templates::load(std::path::Path::new("no-such-theme")).unwrap();
        let pages = Pages::new(&model, &site, 4, None).unwrap();
        let plans = pages.plan();
        let dir = tempfile::tempdir().unwrap();
        let render = |name: &str, values: &mut EventValues, limit: usize| {
            let out = Staging::new(&dir.path().join(name)).unwrap();
            render_batched(&templates, &pages, &plans, &out, values, limit).unwrap();
            out.commit().unwrap()
        };
        let mut all: EventValues = model
            .events
            .iter()
            .map(|v| Some(event_value(v).unwrap()))
            .collect();
        let kept = render("kept", &mut all, 1);
        assert!(
            all.iter().all(Option::is_some),
            "a kept build keeps its values"
        );
        let mut none: EventValues = vec![None; model.events.len()];
        let batched = render("batched", &mut none, 5);
        assert!(
            none.iter().all(Option::is_none),
            "every value is dropped after use"
        );
        for plan in &plans {
            let read = |root: &std::path::Path| std::fs::read(root.join(&plan.path)).unwrap();
            assert!(read(&kept) == read(&batched), "{} differs", plan.path);
        }
    }
}
