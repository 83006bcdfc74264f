//! From articles to dated candidate events, each traceable to the sentence it came from.
//!
//! A sentence yields one candidate per DATE or TIME expression that anchors to the calendar;
//! durations, sets and vague references ("recently") date nothing. The candidate keeps the
//! sentence verbatim (whitespace collapsed) so an editor can always find where it came from.

mod clause;
mod entities;
mod perfect;
mod reporting;
mod retold;
pub mod sentences;
mod title;

use std::collections::HashSet;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::article::Article;
use crate::time::{self, Edtf, Granularity, NumericOrder, TagOptions, Timex, TimexMod, TimexType};

pub use title::MAX_TITLE_CHARS;

/// The most events one article may give. A news article dates tens of sentences; one that dates
/// thousands is a list or a dump, and letting it through would fill the timeline (and memory, and
/// the events folder) with one file's noise. The command warns when an article reaches it.
pub const MAX_CANDIDATES_PER_ARTICLE: usize = 2_000;

/// One report of an event in one sentence of one article, before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the article in the slice given to [`extract_all`].
    pub article: usize,
    pub article_id: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// Byte range of the sentence in the article's text.
    pub sentence_span: std::ops::Range<usize>,
    pub date: Edtf,
    /// The TIMEX3 value the tagger gave ("2017-03-01", "2016-09").
    pub value: String,
    /// The expression that dated it ("on Wednesday"); empty for a report dated by the article's
    /// publication ("Jobs said that his company sold 13.7 million Macs last year").
    pub phrase: String,
    pub title: String,
    pub entities: Vec<String>,
    /// The sentence as it appears in the article, whitespace collapsed.
    pub quote: String,
    /// The part of the sentence that tells this candidate's event, when the sentence dates
    /// several in clauses of their own ("He fought cancer in 2004 and took six months off in
    /// early 2009"); `None` when it is the whole quote. Merging compares these words.
    pub clause: Option<String>,
    pub published: Option<NaiveDate>,
}

impl Candidate {
    /// The words that tell this candidate's event: its clause, else the whole quote.
    pub fn words(&self) -> &str {
        self.clause.as_deref().unwrap_or(&self.quote)
    }
}

/// The candidates of every article, in article order, using every core.
pub fn extract_all(articles: &[Article], numeric_order: NumericOrder) -> Vec<Candidate> {
    extract_all_with(articles, numeric_order, &|| {})
}

/// [`extract_all`], calling `done` after each article (for a progress bar).
pub fn extract_all_with(
    articles: &[Article],
    numeric_order: NumericOrder,
    done: &(dyn Fn() + Sync),
) -> Vec<Candidate> {
    let known = entities::Known::of_all(articles.iter().map(|a| a.text.as_str()));
    let per_article: Vec<Vec<Candidate>> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| {
            let found = extract_with(index, article, numeric_order, &known);
            done();
            found
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The candidates of one article.
pub fn extract(index: usize, article: &Article, numeric_order: NumericOrder) -> Vec<Candidate> {
    extract_with(
        index,
        article,
        numeric_order,
        &entities::Known::of(&article.text),
    )
}

/// [`extract`] with the names known from the whole collection.
fn extract_with(
    index: usize,
    article: &Article,
    numeric_order: NumericOrder,
    known: &entities::Known,
) -> Vec<Candidate> {
    let text = &article.text;
    let options = TagOptions {
        dct: article.published,
        numeric_order,
    };
    let timexes = time::tag_with(text, &options);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut told: HashSet<(Edtf, String)> = HashSet::new();
    let mut next = 0;
    for (sentence_index, span) in sentences::split(text).into_iter().enumerate() {
        if candidates.len() >= MAX_CANDIDATES_PER_ARTICLE {
            break;
        }
        let first = next;
        while next < timexes.len() && timexes[next].start < span.end {
            next += 1;
        }
        let sentence = &text[span.clone()];
        let in_sentence = || {
            timexes[first..next]
                .iter()
                .filter(|t| t.start >= span.start && t.end <= span.end)
        };
        // An event the sentence tells without a date of its own: news of the publication day,
        // titled without the sentence's time expressions (`phrases`).
        let publication_day =
            |published: NaiveDate, phrases: &[std::ops::Range<usize>]| Candidate {
                article: index,
                article_id: article.id.clone(),
                sentence: sentence_index,
                sentence_span: span.clone(),
                date: Edtf::from_interval(time::Interval::day(published)),
                value: published.to_string(),
                phrase: String::new(),
                title: title::report_title(sentence, phrases),
                entities: entities::names(sentence, known),
                quote: sentences::collapse_whitespace(sentence),
                clause: None,
                published: article.published,
            };
        // "Airbus has won an order from Qatar Airways": no date of its own, news of the day it
        // was written, when the lead tells it. A sentence with a time expression ("has worked
        // there for ten years", "has been closed since April") is left to it, unless the
        // expression only looks ahead ("has announced 10,000 job cuts over the next four years").
        if let Some(published) = article.published
            && sentence_index < perfect::LEAD_SENTENCES
            && in_sentence().all(|t| perfect::looks_ahead(text, t) || t.value == PRESENT)
            && perfect::is_news_perfect(sentence)
        {
            keep(&mut candidates, &mut told, publication_day(published, &[]));
            continue;
        }
        let dated: Vec<(&Timex, Edtf)> = in_sentence()
            .filter_map(|t| event_date(t, article.published, sentence).map(|d| (t, d)))
            .filter(|(t, _)| {
                !is_dateline(sentence, t, span.start)
                    && !is_comparison(text, t)
                    && !is_superseded_plan(text, t)
                    && !is_year_range(text, t)
            })
            .collect();
        let dated = without_coarser(sentence, span.start, dated);
        let dated = with_present_clauses(sentence, span.start, dated, in_sentence(), article);
        let phrases: Vec<std::ops::Range<usize>> = dated
            .iter()
            .map(|(t, _)| t.start - span.start..t.end - span.start)
            .collect();
        // "Jobs said that his company sold 13.7 million Macs last year": the saying is news of
        // the day the article was written, besides what it reports.
        let report = article
            .published
            .and_then(|_| reporting::verb(sentence, &phrases));
        // The saying comes first, as the sentence tells it: its verb precedes every date of
        // what it reports, and it is the sentence's main event ("Boeing has announced that
        // development of the jet, begun two years ago, has been pushed back": the news is the
        // pushing back, of the publication day, not the start two years ago).
        if let Some(published) = article.published
            && report.is_some()
        {
            keep(
                &mut candidates,
                &mut told,
                publication_day(published, &phrases),
            );
        }
        for (k, &(timex, date)) in dated.iter().enumerate() {
            let phrase = phrases[k].clone();
            let others: Vec<std::ops::Range<usize>> = phrases
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, p)| p.clone())
                .collect();
            let clause = clause::clause_of(sentence, &phrase, &others);
            let title = match (&clause, &report) {
                (Some((text, within)), _) => title::title(text, within.clone()),
                // What was said is titled without the saying, an event of its own below.
                (None, Some(verb)) if reporting::opens_statement(&sentence[verb.end..]) => {
                    title::title(
                        &sentence[verb.end..],
                        phrase.start - verb.end..phrase.end - verb.end,
                    )
                }
                (None, _) => title::title(sentence, phrase),
            };
            let candidate = Candidate {
                article: index,
                article_id: article.id.clone(),
                sentence: sentence_index,
                sentence_span: span.clone(),
                date,
                value: timex.value.clone(),
                phrase: timex.text.clone(),
                title,
                // The names of the clause, like its words: "Apple Computer launched the iTunes
                // Music Store in 2003" does not name Steve Jobs, who started it in 1976.
                entities: entities::names(
                    clause.as_ref().map_or(sentence, |(text, _)| text.as_str()),
                    known,
                ),
                quote: sentences::collapse_whitespace(sentence),
                clause: clause.map(|(text, _)| sentences::collapse_whitespace(&text)),
                published: article.published,
            };
            keep(&mut candidates, &mut told, candidate);
        }
        // "After the 787, already bearing ANA's livery, arrives in Tokyo next month": the aside
        // tells how the plane stands when written, which the arrival's date does not reach.
        if let Some(published) = article.published
            && !dated.is_empty()
        {
            for aside in title::state_asides(sentence) {
                if phrases
                    .iter()
                    .any(|p| p.start < aside.end && aside.start < p.end)
                {
                    continue;
                }
                let title = title::state_aside_title(sentence, aside.clone());
                let adverb = sentence[aside.clone()]
                    .split_whitespace()
                    .next()
                    .unwrap_or_default();
                let candidate = Candidate {
                    phrase: adverb.to_string(),
                    value: PRESENT.to_string(),
                    entities: entities::names(&title, known),
                    clause: Some(title.clone()),
                    title,
                    ..publication_day(published, &[])
                };
                keep(&mut candidates, &mut told, candidate);
            }
        }
    }
    if candidates.len() < MAX_CANDIDATES_PER_ARTICLE {
        retold::date_retold_acts(&mut candidates);
    }
    candidates
}

/// The dated phrases of one sentence without those that only place a finer one of their clause
/// in its year or month: "Yesterday, at this year's conference, Jobs unveiled the iPhone 4" tells
/// one event, of yesterday, not a second one of the whole year. A coarser date in a clause of its
/// own ("He joined in June and left the company in 2010") dates an event of its own.
fn without_coarser<'t>(
    sentence: &str,
    sentence_start: usize,
    dated: Vec<(&'t Timex, Edtf)>,
) -> Vec<(&'t Timex, Edtf)> {
    if dated.len() < 2 {
        return dated;
    }
    let range = |t: &Timex| t.start - sentence_start..t.end - sentence_start;
    let keep: Vec<bool> = dated
        .iter()
        .map(|(coarse, wide)| {
            let wide = wide.interval();
            !dated.iter().any(|(fine, narrow)| {
                let narrow = narrow.interval();
                wide.contains(&narrow)
                    && wide != narrow
                    && clause::clause_of(sentence, &range(coarse), &[range(fine)]).is_none()
            })
        })
        .collect();
    dated
        .into_iter()
        .zip(keep)
        .filter_map(|(d, keep)| keep.then_some(d))
        .collect()
}

/// Adverbs that put a clause at the moment of writing. Not the adjective "current" ("the
/// current quarter", "Apple's current OS"), which names a thing, not when a clause holds.
const PRESENT_ADVERBS: &[&str] = &["now", "currently", "presently", "nowadays", "at present"];

/// The TIMEX3 value of "now", "currently", "current": the time of writing, which leaves a news
/// perfect news ("Aeroflot has negotiated the purchase of 22 787s, an aircraft Boeing currently
/// has under development"; "EADS has won a contract to replace the nation's current fleet").
const PRESENT: &str = time::RefKind::Present.value();

/// "currently", "now": an adverb that puts its clause at the time of writing.
fn is_present_adverb(timex: &Timex) -> bool {
    PRESENT_ADVERBS.contains(&timex.text.to_lowercase().as_str())
}

/// The dated phrases of one sentence with each "currently" or "now" that sits in a clause of its
/// own, dated to the publication day: "The 787 is an airliner currently under development by
/// Boeing and scheduled to enter service in 2008" tells a state of the day it was written
/// besides the plan for 2008, which must not date the development. Alone in its sentence such
/// a word dates nothing ("Boeing now has 237 orders" is a state, no event); sharing a clause with
/// a date ("will now receive the aircraft next month") it leaves that date the clause's.
fn with_present_clauses<'t>(
    sentence: &str,
    sentence_start: usize,
    mut dated: Vec<(&'t Timex, Edtf)>,
    in_sentence: impl Iterator<Item = &'t Timex>,
    article: &Article,
) -> Vec<(&'t Timex, Edtf)> {
    let Some(published) = article.published else {
        return dated;
    };
    if dated.is_empty() {
        return dated;
    }
    let range = |t: &Timex| t.start - sentence_start..t.end - sentence_start;
    let apart = |a: &Timex, b: &Timex| {
        clause::clause_of(sentence, &range(a), &[range(b)]).is_some()
            && clause::clause_of(sentence, &range(b), &[range(a)]).is_some()
    };
    let present: Vec<&Timex> = in_sentence
        .filter(|t| is_present_adverb(t) && dated.iter().all(|(d, _)| apart(t, d)))
        .collect();
    for timex in present {
        dated.push((timex, Edtf::from_interval(time::Interval::day(published))));
    }
    dated.sort_by_key(|(t, _)| t.start);
    dated
}

/// Adds `candidate` unless the article already told it (same day, same title: the same thing
/// told twice in one article is one candidate) or has given its most.
fn keep(candidates: &mut Vec<Candidate>, told: &mut HashSet<(Edtf, String)>, candidate: Candidate) {
    if candidates.len() < MAX_CANDIDATES_PER_ARTICLE
        && told.insert((candidate.date, candidate.title.clone()))
    {
        candidates.push(candidate);
    }
}

/// The date an expression gives an event, if it names a stretch of the calendar.
fn event_date(timex: &Timex, published: Option<NaiveDate>, sentence: &str) -> Option<Edtf> {
    if !matches!(timex.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let mut interval = timex.interval?;
    // A century or a vague "the past" dates no single event.
    if interval.granularity == Granularity::Century {
        return None;
    }
    // "Apple Corps has filed a lawsuit ... this week", written on a Tuesday: what a report tells
    // of the week it was written in has happened by then, unless it speaks of a plan. Bounded
    // so, the week of 27 March no longer runs into April.
    if let Some(dct) = published
        && interval.granularity == Granularity::Week
        && interval.first <= dct
        && dct < interval.last
        && !time::speaks_of_future(sentence)
    {
        interval.last = dct;
    }
    let mut date = Edtf::from_interval(interval);
    if timex.modifier == Some(TimexMod::Approx) {
        date.start.approximate = true;
        if let Some(end) = &mut date.end {
            end.approximate = true;
        }
    }
    Some(date)
}

/// Words that make "since 1998" a yardstick rather than an event: "the highest level since 1998".
const COMPARATIVES: &[&str] = &[
    "highest",
    "lowest",
    "most",
    "least",
    "first",
    "best",
    "worst",
    "biggest",
    "largest",
    "smallest",
    "longest",
    "strongest",
    "weakest",
    "record",
];

/// "its highest level since 1998": the date measures, nothing happened then.
fn is_comparison(text: &str, timex: &Timex) -> bool {
    let before = text[..timex.start].trim_end();
    let Some(rest) = before
        .strip_suffix("since")
        .filter(|r| r.is_empty() || r.ends_with(char::is_whitespace))
    else {
        return false;
    };
    rest.split_whitespace().rev().take(4).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        COMPARATIVES.contains(&w.as_str()) || (w.len() > 5 && w.ends_with("est"))
    })
}

/// Words that mark a plan as given up: "originally due later this year".
const SUPERSEDED: &[&str] = &["originally", "initially", "previously", "once"];

/// Words of a plan: "due", "scheduled for", "expected in".
const PLANNED: &[&str] = &[
    "due",
    "scheduled",
    "planned",
    "expected",
    "set",
    "slated",
    "intended",
    "meant",
    "hoped",
    "projected",
    "forecast",
];

/// Words between the plan and its date: "scheduled for", "expected to be in".
const PLAN_LINKS: &[&str] = &["for", "in", "on", "by", "at", "to", "be", "around", "until"];

/// "The delivery, originally due later this year, will be delayed until October 2007": the date
/// of a plan given up is when nothing happened.
fn is_superseded_plan(text: &str, timex: &Timex) -> bool {
    let words: Vec<String> = text[..timex.start]
        .split_whitespace()
        .rev()
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // Back from the date: links and a verb after "to" ("scheduled to open in"), then the plan
    // word, then the adverb.
    let mut links = 0;
    loop {
        if words
            .get(links)
            .is_some_and(|w| PLAN_LINKS.contains(&w.as_str()))
        {
            links += 1;
        } else if words.get(links + 1).is_some_and(|w| w == "to") {
            links += 2;
        } else {
            break;
        }
    }
    matches!(
        (words.get(links), words.get(links + 1)),
        (Some(plan), Some(adverb))
            if PLANNED.contains(&plan.as_str()) && SUPERSEDED.contains(&adverb.as_str())
    )
}

/// "Steve Jobs 1955-2011", "the 2008-2009 recession": a year joined by a dash to another is one
/// end of a span of years, which dates no single event (the caption's lifespan would date the
/// statement beside it to 1955).
fn is_year_range(text: &str, timex: &Timex) -> bool {
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !is_year(&timex.text) {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '\u{2013}' | '\u{2014}');
    let digits = |s: &str, rev: bool| {
        let count = |c: &char| c.is_ascii_digit();
        if rev {
            s.chars().rev().take_while(count).count()
        } else {
            s.chars().take_while(count).count()
        }
    };
    // "1955-2011" or "2010-11" after it, "1955-" before it.
    let ends = text[timex.end..]
        .strip_prefix(dash)
        .is_some_and(|rest| matches!(digits(rest, false), 2 | 4));
    let starts = text[..timex.start]
        .strip_suffix(dash)
        .is_some_and(|rest| digits(rest, true) == 4);
    ends || starts
}

/// A sentence that is nothing but a date (the dateline "May 7, 2005") or a date heading.
fn is_dateline(sentence: &str, timex: &Timex, sentence_start: usize) -> bool {
    let before = &sentence[..timex.start - sentence_start];
    let after = &sentence[timex.end - sentence_start..];
    let rest = before
        .chars()
        .chain(after.chars())
        .filter(|c| c.is_alphanumeric())
        .count();
    rest <= 3
}

#[cfg(test)]
mod tests;
