//! Events as template values: whole on an event's page, as cards in listings.
//!
//! Every listing (the timeline, a year, a tag, a name, an article) shows events as cards, and a
//! 100,000-event site lists each event about five times. Holding every event's whole value (its
//! sources' quotes and about forty small maps, 7.8 KB) for the whole build took 1.37 GB; making
//! values again batch by batch to stay under 1 GB took 7 of 26 CPU seconds. A card is the
//! event without its sources' quotes and phrases, which only the event's page shows: its tag
//! and name maps and its citations are made once and shared (tera values are reference-counted),
//! so a card is 3.4 KB and every card is made once and kept.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::model::{Citation, ConflictView, EventView, Model, Term};

/// Each event's card, parallel to the model's events.
pub type Cards = Vec<Value>;

/// Makes the template values of one model's events.
pub struct ValueMaker<'m> {
    terms: HashMap<&'m Term, Value>,
    cited: HashMap<&'m Citation, Value>,
}

/// [`EventView`] as a card: field for field the same, with the shared parts as values.
#[derive(Serialize)]
struct Card<'a> {
    id: &'a str,
    slug: &'a str,
    date: &'a str,
    first: &'a str,
    last: &'a str,
    datetime: &'a str,
    human: &'a str,
    year: i32,
    days: i64,
    title: &'a str,
    summary_html: &'a str,
    summary_text: &'a str,
    tags: Value,
    entities: Value,
    data_tags: &'a str,
    data_entities: &'a str,
    sources: Value,
    date_label: &'a str,
    conflicts: &'a [ConflictView],
    importance: Option<u8>,
}

impl<'m> ValueMaker<'m> {
    /// The shared parts of `model`'s cards: one value per tag, name and citation.
    pub fn new(model: &'m Model<'m>) -> ValueMaker<'m> {
        let terms = model
            .tags
            .terms
            .iter()
            .chain(&model.entities.terms)
            .map(|(term, _)| (term, Value::from_serializable(term)))
            .collect();
        let mut cited: HashMap<&Citation, Value> = HashMap::new();
        for source in model.events.iter().flat_map(|e| &e.sources) {
            cited
                .entry(&source.cited)
                .or_insert_with(|| Value::from_serializable(&*source.cited));
        }
        ValueMaker { terms, cited }
    }

    /// The whole value of `view`, for its own page.
    pub fn event(&self, view: &EventView) -> anyhow::Result<Value> {
        Value::try_from_serializable(view).map_err(cannot_prepare)
    }

    /// The card of `view`, one of the model's events, for listings.
    pub fn card(&self, view: &EventView) -> anyhow::Result<Value> {
        let terms = |terms: &[Term]| -> Value {
            Value::from(
                terms
                    .iter()
                    .map(|t| {
                        self.terms
                            .get(t)
                            .cloned()
                            .unwrap_or_else(|| Value::from_serializable(t))
                    })
                    .collect::<Vec<Value>>(),
            )
        };
        let sources: Vec<Value> = view
            .sources
            .iter()
            .map(|s| {
                self.cited
                    .get(&*s.cited)
                    .cloned()
                    .unwrap_or_else(|| Value::from_serializable(&*s.cited))
            })
            .collect();
        let card = Card {
            id: &view.id,
            slug: &view.slug,
            date: &view.date,
            first: &view.first,
            last: &view.last,
            datetime: &view.datetime,
            human: &view.human,
            year: view.year,
            days: view.days,
            title: &view.title,
            summary_html: &view.summary_html,
            summary_text: &view.summary_text,
            tags: terms(&view.tags),
            entities: terms(&view.entities),
            data_tags: &view.data_tags,
            data_entities: &view.data_entities,
            sources: Value::from(sources),
            date_label: &view.date_label,
            conflicts: &view.conflicts,
            importance: view.importance,
        };
        Value::try_from_serializable(&card).map_err(cannot_prepare)
    }

    /// Every event's card, in the model's order.
    pub fn cards(&self, model: &Model) -> anyhow::Result<Cards> {
        model.events.par_iter().map(|v| self.card(v)).collect()
    }
}

fn cannot_prepare(e: tera::Error) -> anyhow::Error {
    anyhow::anyhow!("cannot prepare an event for the templates: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::config::DateFormat;
    use crate::event::{Event, Source};

    fn source(article: &str, title: Option<&str>, quote: &str) -> Source {
        Source {
            article: article.into(),
            title: title.map(str::to_string),
            url: Some("https://example.org/a".into()),
            publisher: None,
            published: Some("2017-03-02".into()),
            quote: quote.into(),
            phrase: Some("on Wednesday".into()),
        }
    }

    fn event(id: &str, date: &str, entities: &[&str], sources: Vec<Source>) -> Event {
        Event {
            id: id.into(),
            date: crate::time::Edtf::parse(date).unwrap(),
            title: format!("A title of {id}"),
            summary: Some("A *summary* of it.".into()),
            tags: vec!["Politics".into()],
            entities: entities.iter().map(|e| e.to_string()).collect(),
            sources,
            date_conflicts: vec![],
            hidden: false,
            importance: Some(2),
        }
    }

    fn model_of<'a>(events: &'a [Event], articles: &'a [Article]) -> Model<'a> {
        Model::new(events, articles, DateFormat::default())
    }

    /// A card, in the model's order, is the whole event but for its sources' quotes and
    /// phrases; the rest, shared or not, is the view serialised whole, so listings see every
    /// other field.
    #[test]
    fn a_card_is_the_event_without_its_quotes() {
        let events = sample_events();
        let articles = [paper()];
        let model = model_of(&events, &articles);
        let maker = ValueMaker::new(&model);
        let cards = maker.cards(&model).unwrap();
        assert_eq!(cards.len(), 2);
        for (view, card) in model.events.iter().zip(&cards) {
            let whole = maker.event(view).unwrap();
            let (whole, card) = (whole.as_map().unwrap(), card.as_map().unwrap());
            assert_eq!(whole.len(), card.len(), "{}: the same fields", view.id);
            for (key, value) in whole {
                let name = key.as_str().unwrap();
                if name != "sources" {
                    assert_eq!(card.get(key), Some(value), "{}: {name}", view.id);
                    continue;
                }
                let (whole, card) = (value.as_array().unwrap(), card[key].as_array().unwrap());
                assert_eq!(whole.len(), card.len());
                for (w, c) in whole.iter().zip(card) {
                    let mut expected = w.as_map().unwrap().clone();
                    assert!(expected.remove(&tera::value::Key::Str("quote")).is_some());
                    assert!(expected.remove(&tera::value::Key::Str("phrase")).is_some());
                    assert_eq!(c.as_map().unwrap(), &expected, "{}", view.id);
                }
            }
        }
    }

    #[test]
    fn a_source_citing_its_article_its_own_way_keeps_its_own_fields() {
        let events = sample_events();
        let articles = [paper()];
        let model = model_of(&events, &articles);
        let maker = ValueMaker::new(&model);
        let two = model.events.iter().find(|e| e.id == "two").unwrap();
        let card = maker.card(two).unwrap();
        let titles: Vec<Option<&str>> = card.as_map().unwrap()[&tera::value::Key::Str("sources")]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_map().unwrap()[&tera::value::Key::Str("title")].as_str())
            .collect();
        assert_eq!(
            titles,
            [Some("The paper's title"), Some("Another title"), None]
        );
    }

    fn sample_events() -> Vec<Event> {
        vec![
            event(
                "one",
                "2017-03-01",
                &["Angela Merkel", "Bundestag"],
                vec![source(
                    "2017-03-02-paper",
                    None,
                    "The vote was on Wednesday.",
                )],
            ),
            event(
                "two",
                "2017-03",
                &["Angela Merkel"],
                vec![
                    source("2017-03-02-paper", None, "Earlier this month it met."),
                    // Its own title for the same article: must not take the shared one.
                    source("2017-03-02-paper", Some("Another title"), "It met."),
                    source("unknown-article", None, "Quoted."),
                ],
            ),
        ]
    }

    fn paper() -> Article {
        Article {
            id: "2017-03-02-paper".into(),
            path: "content/2017-03-02-paper.md".into(),
            title: "The paper's title".into(),
            published: chrono::NaiveDate::from_ymd_opt(2017, 3, 2),
            published_text: Some("2017-03-02".into()),
            publisher: Some("The Paper".into()),
            url: None,
            author: None,
            tags: vec![],
            text: "The vote was on Wednesday.".into(),
            draft: false,
        }
    }
}
