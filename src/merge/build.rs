//! From a cluster of candidates to one event: its date, title, names and sources.

use std::collections::{HashMap, HashSet};

use super::text::key_words;
use crate::article::Article;
use crate::event::{DateConflict, Event, Source};
use crate::extract::Candidate;
use crate::time::Edtf;

/// Longest id, in bytes, before the title words are cut.
const MAX_ID_LEN: usize = 64;

/// The event told by the candidates `members`.
pub fn event(members: &[usize], candidates: &[Candidate], articles: &[Article]) -> Event {
    let date = chosen_date(members, candidates);
    let chosen = date.interval();
    let mut sources: Vec<(&Candidate, Source)> = Vec::new();
    let mut conflicts: Vec<DateConflict> = Vec::new();
    for &m in members {
        let c = &candidates[m];
        let article = &articles[c.article];
        if !sources
            .iter()
            .any(|(s, _)| s.article_id == c.article_id && s.quote == c.quote)
        {
            sources.push((c, source(c, article)));
        }
        let interval = c.date.interval();
        let conflict = DateConflict {
            date: c.date,
            article: c.article_id.clone(),
            phrase: Some(c.phrase.clone()).filter(|p| !p.is_empty()),
        };
        if !interval.overlaps(&chosen) && !conflicts.contains(&conflict) {
            conflicts.push(conflict);
        }
    }
    sources.sort_by(|(a, _), (b, _)| {
        (a.published, &a.article_id, a.sentence).cmp(&(b.published, &b.article_id, b.sentence))
    });
    let title = best_title(members, candidates, &date);
    Event {
        id: slug(&date, &title),
        date,
        title,
        summary: None,
        tags: tags(members, candidates, articles),
        entities: entities(members, candidates),
        sources: sources.into_iter().map(|(_, s)| s).collect(),
        date_conflicts: conflicts,
        hidden: false,
        importance: None,
    }
}

fn source(c: &Candidate, article: &Article) -> Source {
    Source {
        article: c.article_id.clone(),
        title: Some(article.title.clone()).filter(|t| !t.is_empty()),
        url: article.url.clone(),
        publisher: article.publisher.clone(),
        published: article.published.map(|d| d.to_string()),
        quote: c.quote.clone(),
        phrase: Some(c.phrase.clone()).filter(|p| !p.is_empty()),
    }
}

/// The most specific date the sources support: among the finest dates given, the one that
/// most sources agree with (a source giving the containing month agrees with a day).
fn chosen_date(members: &[usize], candidates: &[Candidate]) -> Edtf {
    let finest = members
        .iter()
        .map(|&m| candidates[m].date.interval().granularity)
        .min();
    let mut best: Option<(usize, &Candidate)> = None;
    for &m in members {
        let c = &candidates[m];
        let interval = c.date.interval();
        if Some(interval.granularity) != finest {
            continue;
        }
        let votes = members
            .iter()
            .filter(|&&o| candidates[o].date.interval().contains(&interval))
            .count();
        let better = match best {
            None => true,
            Some((v, b)) => {
                votes > v || (votes == v && (c.published, c.article) < (b.published, b.article))
            }
        };
        if better {
            best = Some((votes, c));
        }
    }
    best.map_or(candidates[members[0]].date, |(_, c)| c.date)
}

/// The title from the earliest source that gives the chosen date; very short titles only when
/// there is nothing better.
fn best_title(members: &[usize], candidates: &[Candidate], date: &Edtf) -> String {
    let mut ranked: Vec<&Candidate> = members.iter().map(|&m| &candidates[m]).collect();
    ranked.sort_by_key(|c| {
        (
            c.date != *date,
            c.title.chars().count() < 15,
            c.published,
            c.article,
            c.sentence,
        )
    });
    ranked.first().map(|c| c.title.clone()).unwrap_or_default()
}

/// Names in order of how many sources give them, then of first appearance.
fn entities(members: &[usize], candidates: &[Candidate]) -> Vec<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, name) in members
        .iter()
        .flat_map(|&m| candidates[m].entities.iter())
        .enumerate()
    {
        counts.entry(name.as_str()).or_insert((0, order)).0 += 1;
    }
    let mut names: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    names.sort_by_key(|(_, (count, order))| (std::cmp::Reverse(*count), *order));
    names.into_iter().map(|(n, _)| n.to_string()).collect()
}

fn tags(members: &[usize], candidates: &[Candidate], articles: &[Article]) -> Vec<String> {
    let mut tags: Vec<String> = members
        .iter()
        .flat_map(|&m| articles[candidates[m].article].tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// `2017-03-01-justice-department-confirmed-sessions`: the date and the title's first content
/// words, lowercase ASCII.
pub fn slug(date: &Edtf, title: &str) -> String {
    let written = date.to_string();
    let first = written.split('/').next().unwrap_or_default();
    let mut id = first.replace(['~', '?', '%'], "").to_lowercase();
    for word in key_words(title).take(5) {
        let ascii: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if ascii.is_empty() || id.len() + ascii.len() + 1 > MAX_ID_LEN {
            continue;
        }
        id.push('-');
        id.push_str(&ascii);
    }
    id
}

/// Makes ids unique in a deterministic order: the second `x` becomes `x-2`.
pub fn unique_ids(events: &mut [Event]) {
    let mut taken: HashSet<String> = HashSet::new();
    for event in events.iter_mut() {
        let base = event.id.clone();
        let mut n = 2;
        while !taken.insert(event.id.clone()) {
            event.id = format!("{base}-{n}");
            n += 1;
        }
    }
}

/// Keeps permalinks stable across runs: an event that shares a source (same article, quote and
/// dating phrase) with an event already stored takes that event's id; failing that, one that
/// shares the article and quote. The phrase tells apart the several events one sentence can give
/// ("Several asked why the beams were last inspected in 2019": the inspection, and the asking on
/// the day of publication).
pub fn stable_ids(events: &mut [Event], stored: &[Event]) {
    // Keyed by article, quote and, for an exact match, the dating phrase (`None`: any phrase).
    type Key<'e> = (&'e str, &'e str, Option<Option<&'e str>>);
    let mut ids: HashMap<Key, Vec<&str>> = HashMap::new();
    for e in stored {
        for s in &e.sources {
            let (article, quote) = (s.article.as_str(), s.quote.as_str());
            for phrase in [Some(s.phrase.as_deref()), None] {
                ids.entry((article, quote, phrase))
                    .or_default()
                    .push(e.id.as_str());
            }
        }
    }
    // Exact matches first, so that a loose one cannot take the id another event matches exactly.
    let mut used: HashSet<&str> = HashSet::new();
    let mut kept = vec![false; events.len()];
    for exact in [true, false] {
        for (event, kept) in events.iter_mut().zip(&mut kept).filter(|(_, kept)| !**kept) {
            let known = event
                .sources
                .iter()
                .flat_map(|s| {
                    let phrase = exact.then_some(s.phrase.as_deref());
                    ids.get(&(s.article.as_str(), s.quote.as_str(), phrase))
                        .into_iter()
                        .flatten()
                })
                .find(|id| !used.contains(*id));
            if let Some(&id) = known {
                used.insert(id);
                event.id = id.to_string();
                *kept = true;
            }
        }
    }
    unique_ids(events);
}
