//! What the pages and exports show: published events in timeline order with their human dates,
//! safe slugs and resolved links, built once from the store's events and the articles.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::config::DateFormat;
use crate::event::Event;

use super::paths::Slugs;
use super::{dates, markdown};

/// A tag, entity or year with its page slug.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    pub name: String,
    pub slug: String,
}

/// How a source names the article it quotes. Every event quoting an article the same way
/// shares one: at 100,000 events each article is quoted about 200 times, and a copy in every
/// source was 80 MB of a build's peak memory.
#[derive(Debug, Clone, Serialize, Hash, PartialEq, Eq)]
pub struct Citation {
    pub article: String,
    /// Slug of the article's page, when the article is known.
    pub article_slug: Option<String>,
    /// Publisher, else title, else the article id: how the source is named in a list.
    pub label: String,
    pub title: Option<String>,
    /// Only http, https, mailto or relative URLs.
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// The publication day written out, when `published` starts with an ISO day.
    pub published_human: Option<String>,
}

/// A source of an event: its citation and what it says. Serialised as one flat map (the
/// citation's fields, then `quote` and `phrase`), and its fields read as `source.label`
/// through [`Deref`](std::ops::Deref), so pages, exports and themes see one flat source.
#[derive(Debug, Clone, Hash)]
pub struct SourceView {
    pub cited: Arc<Citation>,
    pub quote: String,
    pub phrase: Option<String>,
}

impl std::ops::Deref for SourceView {
    type Target = Citation;

    fn deref(&self) -> &Citation {
        &self.cited
    }
}

impl Serialize for SourceView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &*self.cited;
        let mut s = serializer.serialize_struct("SourceView", 10)?;
        s.serialize_field("article", &c.article)?;
        s.serialize_field("article_slug", &c.article_slug)?;
        s.serialize_field("label", &c.label)?;
        s.serialize_field("title", &c.title)?;
        s.serialize_field("url", &c.url)?;
        s.serialize_field("publisher", &c.publisher)?;
        s.serialize_field("published", &c.published)?;
        s.serialize_field("published_human", &c.published_human)?;
        s.serialize_field("quote", &self.quote)?;
        s.serialize_field("phrase", &self.phrase)?;
        s.end()
    }
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct ConflictView {
    pub human: String,
    pub datetime: String,
    pub article_slug: Option<String>,
    pub label: String,
    pub phrase: Option<String>,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct EventView {
    pub id: String,
    pub slug: String,
    /// The EDTF string.
    pub date: String,
    pub first: String,
    pub last: String,
    pub datetime: String,
    pub human: String,
    pub year: i32,
    /// Number of days the date covers.
    pub days: i64,
    pub title: String,
    pub summary_html: String,
    pub summary_text: String,
    pub tags: Vec<Term>,
    pub entities: Vec<Term>,
    /// Tag names joined by `|`, for the filter script.
    pub data_tags: String,
    /// Entity names joined by `|`, for the filter script.
    pub data_entities: String,
    pub sources: Vec<SourceView>,
    /// Labels of the sources that give the event's own date (those without a conflict).
    pub date_label: String,
    pub conflicts: Vec<ConflictView>,
    pub importance: Option<u8>,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct ArticleView {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub published_human: Option<String>,
    /// Indices into [`Model::events`] of the published events it is a source of.
    #[serde(skip)]
    pub events: Vec<usize>,
}

/// A listing of tags, entities or years: each with its events (indices into the model's events).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub terms: Vec<(Term, Vec<usize>)>,
}

/// Event views of the last build by [`Model::keys`], reused by the next one: an edit to one
/// event leaves the other 9,999 views as they were, and building them was most of a rebuild.
#[derive(Debug, Default)]
pub struct Views {
    views: HashMap<u64, Arc<EventView>>,
    /// The slugs of event ids, tags and entities: assigning them took a 10k rebuild ~20 ms,
    /// and an edit seldom changes the names.
    slugs: [KeptSlugs; 3],
}

impl Views {
    pub fn clear(&mut self) {
        *self = Views::default();
    }
}

/// Slugs with the names (in the order given) they were assigned from.
#[derive(Debug, Default)]
struct KeptSlugs {
    names: Vec<String>,
    slugs: Slugs,
}

impl KeptSlugs {
    /// The slugs of `names`, assigned afresh only when the names differ from the last call's
    /// (slugs depend only on the set of names).
    fn assign<'n>(&mut self, names: impl Iterator<Item = &'n str> + Clone) -> &Slugs {
        if !self.names.iter().map(String::as_str).eq(names.clone()) {
            self.slugs = Slugs::assign(names.clone());
            self.names = names.map(str::to_string).collect();
        }
        &self.slugs
    }
}

#[derive(Debug)]
pub struct Model<'a> {
    /// Shared with the [`Views`] cache.
    pub events: Vec<Arc<EventView>>,
    /// The stored events, parallel to `events`.
    pub raw: Vec<&'a Event>,
    /// Each event's cache key, parallel to `events`: a hash of everything its view is made of
    /// besides the articles and the date format (which the cache's owner keeps fixed).
    pub keys: Vec<u64>,
    pub articles: Vec<(ArticleView, &'a Article)>,
    pub tags: Listing,
    pub entities: Listing,
    pub years: Listing,
}

/// Timeline order: first day, then last day, then id.
pub fn sort_events(events: &mut [&Event]) {
    events.sort_by(|a, b| timeline_order(a, b));
}

fn timeline_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    let (ia, ib) = (a.date.interval(), b.date.interval());
    (ia.first, ia.last, &a.id).cmp(&(ib.first, ib.last, &b.id))
}

/// An event given to a build.
pub trait EventInput: Sync {
    fn event(&self) -> &Event;

    /// A hash of everything in the event, when its owner keeps one; otherwise the build hashes
    /// the event. `serve` keeps one per event file ([`Fingerprinted`]): hashing all 10,000
    /// events was a quarter of a rebuild after one edit.
    fn fingerprint(&self) -> Option<u64> {
        None
    }
}

impl EventInput for Event {
    fn event(&self) -> &Event {
        self
    }
}

impl<T: EventInput + ?Sized> EventInput for &T {
    fn event(&self) -> &Event {
        (**self).event()
    }

    fn fingerprint(&self) -> Option<u64> {
        (**self).fingerprint()
    }
}

/// An event with the hash of its content, made once when it is read.
#[derive(Debug)]
pub struct Fingerprinted {
    event: Event,
    fingerprint: u64,
}

impl Fingerprinted {
    pub fn new(event: Event) -> Fingerprinted {
        let fingerprint = super::pages::fingerprint(&event);
        Fingerprinted { event, fingerprint }
    }
}

impl EventInput for Fingerprinted {
    fn event(&self) -> &Event {
        &self.event
    }

    fn fingerprint(&self) -> Option<u64> {
        Some(self.fingerprint)
    }
}

impl<'a> Model<'a> {
    #[cfg(test)]
    pub fn new(events: &'a [Event], articles: &'a [Article], format: DateFormat) -> Model<'a> {
        Model::cached(
            events.iter().map(|e| (e, None)),
            articles,
            format,
            &mut Views::default(),
        )
    }

    /// [`Model::new`], taking the views of unchanged events from `cache`, which is left
    /// holding this model's views only. The articles and `format` must be those the cache was
    /// filled with. Each event comes with the hash of its content if known
    /// ([`EventInput::fingerprint`]).
    pub fn cached(
        events: impl Iterator<Item = (&'a Event, Option<u64>)>,
        articles: &'a [Article],
        format: DateFormat,
        cache: &mut Views,
    ) -> Model<'a> {
        let mut given: Vec<(&Event, Option<u64>)> = events.filter(|(e, _)| !e.hidden).collect();
        given.sort_by(|a, b| timeline_order(a.0, b.0));
        let (raw, known): (Vec<&Event>, Vec<Option<u64>>) = given.into_iter().unzip();
        let [kept_events, kept_tags, kept_entities] = &mut cache.slugs;
        let event_slugs = kept_events.assign(raw.iter().map(|e| e.id.as_str()));
        let article_slugs = Slugs::assign(articles.iter().map(|a| a.id.as_str()));
        let tag_slugs =
            kept_tags.assign(raw.iter().flat_map(|e| e.tags.iter().map(String::as_str)));
        let entity_slugs = kept_entities.assign(
            raw.iter()
                .flat_map(|e| e.entities.iter().map(String::as_str)),
        );
        let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();

        let term = |slugs: &Slugs, name: &String| Term {
            name: name.clone(),
            slug: slugs.get(name).unwrap_or("item").to_string(),
        };
        fn slug_of<'s>(slugs: &'s Slugs, names: &[String]) -> Vec<Option<&'s str>> {
            names.iter().map(|n| slugs.get(n)).collect()
        }
        let keys: Vec<u64> = raw
            .par_iter()
            .zip(&known)
            .map(|(e, known)| {
                super::pages::fingerprint(&(
                    known.unwrap_or_else(|| super::pages::fingerprint(e)),
                    event_slugs.get(&e.id),
                    slug_of(tag_slugs, &e.tags),
                    slug_of(entity_slugs, &e.entities),
                ))
            })
            .collect();
        // Only events whose view is made again need their citations.
        let fresh: Vec<&Event> = raw
            .iter()
            .zip(&keys)
            .filter(|(_, key)| !cache.views.contains_key(key))
            .map(|(e, _)| *e)
            .collect();
        let citations = citations(&fresh, &by_id, &article_slugs, format);
        let views: Vec<Arc<EventView>> = raw
            .par_iter()
            .zip(&keys)
            .map(|(e, key)| {
                if let Some(view) = cache.views.get(key) {
                    return view.clone();
                }
                let interval = e.date.interval();
                let sources: Vec<SourceView> = e
                    .sources
                    .iter()
                    .map(|s| SourceView {
                        cited: citations[&citation_key(s)].clone(),
                        quote: s.quote.clone(),
                        phrase: s.phrase.clone(),
                    })
                    .collect();
                let conflicts = e
                    .date_conflicts
                    .iter()
                    .map(|c| ConflictView {
                        human: dates::human(&c.date, format),
                        datetime: dates::datetime_attr(&c.date),
                        article_slug: article_slugs.get(&c.article).map(str::to_string),
                        label: article_label(&c.article, &sources, by_id.get(c.article.as_str())),
                        phrase: c.phrase.clone(),
                    })
                    .collect();
                let date_label = sources
                    .iter()
                    .filter(|s| !e.date_conflicts.iter().any(|c| c.article == s.article))
                    .map(|s| s.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                let summary = e.summary.as_deref().unwrap_or("");
                let tags = sorted_terms(e.tags.iter().map(|t| term(tag_slugs, t)));
                let entities = sorted_terms(e.entities.iter().map(|t| term(entity_slugs, t)));
                let join = |terms: &[Term]| {
                    terms
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                };
                EventView {
                    id: e.id.clone(),
                    slug: event_slugs.get(&e.id).unwrap_or("item").to_string(),
                    date: e.date.to_string(),
                    first: interval.first.to_string(),
                    last: interval.last.to_string(),
                    datetime: dates::datetime_attr(&e.date),
                    human: dates::human(&e.date, format),
                    year: interval.first.year(),
                    days: interval.days(),
                    title: e.title.clone(),
                    summary_html: markdown::to_html(summary),
                    summary_text: markdown::to_text(summary),
                    data_tags: join(&tags),
                    data_entities: join(&entities),
                    tags,
                    entities,
                    sources,
                    date_label,
                    conflicts,
                    importance: e.importance,
                }
                .into()
            })
            .collect();
        cache.views = keys.iter().copied().zip(views.iter().cloned()).collect();

        // Article id → the events citing it, in timeline order, each once (one pass, rather
        // than every event checked for every article).
        let mut citing: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, v) in views.iter().enumerate() {
            for s in &v.sources {
                let list = citing.entry(s.article.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut article_views: Vec<(ArticleView, &Article)> = articles
            .iter()
            .map(|a| {
                let fed = citing.get(a.id.as_str()).cloned().unwrap_or_default();
                let view = ArticleView {
                    id: a.id.clone(),
                    slug: article_slugs.get(&a.id).unwrap_or("item").to_string(),
                    title: a.title.clone(),
                    url: a.url.clone().filter(|u| markdown::safe_url(u)),
                    publisher: a.publisher.clone(),
                    author: a.author.clone(),
                    published: a.published.map(|d| d.to_string()),
                    published_human: a.published.map(|d| {
                        dates::human(
                            &crate::time::Edtf::from_interval(crate::time::Interval::day(d)),
                            format,
                        )
                    }),
                    events: fed,
                };
                (view, a)
            })
            .collect();
        article_views.sort_by(|a, b| a.0.id.cmp(&b.0.id));

        let tags = listing(&views, |v| &v.tags);
        let entities = listing(&views, |v| &v.entities);
        let years = years(&views);
        Model {
            events: views,
            raw,
            keys,
            articles: article_views,
            tags,
            entities,
            years,
        }
    }
}

fn day_text(day: chrono::NaiveDate, format: DateFormat) -> String {
    dates::human(
        &crate::time::Edtf::from_interval(crate::time::Interval::day(day)),
        format,
    )
}

fn sorted_terms(terms: impl Iterator<Item = Term>) -> Vec<Term> {
    let mut terms: Vec<Term> = terms.collect();
    terms.sort();
    terms.dedup();
    terms
}

/// The terms of `events` with the events each is on; terms are borrowed until each is cloned
/// once (cloning every event's terms into the map made the listings ~20 ms of a rebuild at
/// 10,000 events).
fn listing<'v>(
    events: &'v [Arc<EventView>],
    terms: impl Fn(&'v EventView) -> &'v [Term],
) -> Listing {
    // Hashed by name (a name has one slug): ordered maps of terms were ~10 ms of a rebuild at
    // 10,000 events, comparing strings.
    let mut map: HashMap<&str, (&Term, Vec<usize>), foldhash::fast::RandomState> =
        HashMap::default();
    for (i, e) in events.iter().enumerate() {
        for t in terms(e) {
            map.entry(t.name.as_str())
                .or_insert((t, Vec::new()))
                .1
                .push(i);
        }
    }
    let mut terms: Vec<(Term, Vec<usize>)> =
        map.into_values().map(|(t, ids)| (t.clone(), ids)).collect();
    terms.sort_unstable_by(|a, b| a.0.slug.cmp(&b.0.slug));
    Listing { terms }
}

/// The years of `events`, each with its events, ordered by slug as the other listings are.
fn years(events: &[Arc<EventView>]) -> Listing {
    let mut map: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        map.entry(e.year).or_default().push(i);
    }
    let mut terms: Vec<(Term, Vec<usize>)> = map
        .into_iter()
        .map(|(year, ids)| {
            let term = Term {
                name: year.to_string(),
                slug: format!("{year:04}"),
            };
            (term, ids)
        })
        .collect();
    terms.sort_by(|a, b| a.0.slug.cmp(&b.0.slug));
    Listing { terms }
}

/// What a citation of an article is made of, as a source in an event file gives it.
type CitationKey<'e> = (
    &'e str,
    Option<&'e str>,
    Option<&'e str>,
    Option<&'e str>,
    Option<&'e str>,
);

fn citation_key(s: &crate::event::Source) -> CitationKey<'_> {
    (
        &s.article,
        s.title.as_deref(),
        s.url.as_deref(),
        s.publisher.as_deref(),
        s.published.as_deref(),
    )
}

/// One citation for each way `events` cite an article.
fn citations<'e>(
    events: &[&'e Event],
    by_id: &HashMap<&str, &Article>,
    slugs: &Slugs,
    format: DateFormat,
) -> HashMap<CitationKey<'e>, Arc<Citation>> {
    let mut citations = HashMap::new();
    for s in events.iter().flat_map(|e| &e.sources) {
        citations.entry(citation_key(s)).or_insert_with(|| {
            let article = by_id.get(s.article.as_str()).copied();
            Arc::new(citation(s, article, slugs, format))
        });
    }
    citations
}

fn citation(
    s: &crate::event::Source,
    article: Option<&Article>,
    slugs: &Slugs,
    format: DateFormat,
) -> Citation {
    let title = s.title.clone().or_else(|| article.map(|a| a.title.clone()));
    let publisher = s
        .publisher
        .clone()
        .or_else(|| article.and_then(|a| a.publisher.clone()));
    let url = s
        .url
        .clone()
        .or_else(|| article.and_then(|a| a.url.clone()))
        .filter(|u| markdown::safe_url(u));
    let label = publisher
        .clone()
        .or_else(|| title.clone())
        .unwrap_or_else(|| s.article.clone());
    Citation {
        article: s.article.clone(),
        article_slug: article.and_then(|a| slugs.get(&a.id)).map(str::to_string),
        label,
        title,
        url,
        publisher,
        published: s.published.clone(),
        published_human: s
            .published
            .as_deref()
            .and_then(dates::iso_day)
            .map(|d| day_text(d, format)),
    }
}

fn article_label(id: &str, sources: &[SourceView], article: Option<&&Article>) -> String {
    if let Some(s) = sources.iter().find(|s| s.article == id) {
        return s.label.clone();
    }
    article
        .map(|a| a.publisher.clone().unwrap_or_else(|| a.title.clone()))
        .unwrap_or_else(|| id.to_string())
}
