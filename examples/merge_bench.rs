//! Merging many synthetic candidates (issue 5: 100,000 in under 5 s).
//!
//! cargo run --release --example merge_bench -- [CANDIDATES] [--runs N] [--seed S]
//!
//! Makes CANDIDATES (default 100,000) candidates that report CANDIDATES/4 made-up events, four
//! reports each from different articles (ten candidates an article): each report keeps most of its
//! event's rare words and names, adds words of its own and a few common ones, and usually gives
//! the event's day (sometimes only its month, sometimes a day off). Deterministic for a seed.
//! Prints the median wall time of `merge::merge` and how many events came out.

mod bench_util;

use annals::article::Article;
use annals::extract::Candidate;
use annals::merge::{self, MergeOptions};
use annals::time::Edtf;
use bench_util::{Rng, cpu_secs, median, peak_rss_mb, runs_and_args};
use chrono::{Duration, NaiveDate};
use std::path::PathBuf;
use std::time::Instant;

const PER_EVENT: usize = 4;
const PER_ARTICLE: usize = 10;

/// Words news sentences share whatever they are about.
const COMMON: &[&str] = &[
    "officials",
    "government",
    "country",
    "president",
    "minister",
    "police",
    "city",
    "people",
    "company",
    "report",
    "week",
    "million",
    "percent",
    "state",
    "talks",
];

fn main() -> anyhow::Result<()> {
    let (runs, args) = runs_and_args(3);
    let count: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let (candidates, articles) = synthesize(count, seed);
    let options = MergeOptions::default();
    let (mut walls, mut cpus) = (vec![], vec![]);
    let mut events = 0;
    for _ in 0..runs {
        let (t, c) = (Instant::now(), cpu_secs().unwrap_or(0.0));
        let merged = merge::merge(&candidates, &articles, &options);
        walls.push(t.elapsed().as_secs_f64());
        cpus.push(cpu_secs().unwrap_or(0.0) - c);
        events = std::hint::black_box(merged).events.len();
    }
    println!(
        "merge: {} candidates from {} articles -> {events} events ({} made); median of {runs}: \
         {:.2} s wall, {:.2} s CPU; peak RSS {:.0} MB",
        candidates.len(),
        articles.len(),
        count / PER_EVENT,
        median(&walls),
        median(&cpus),
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}

fn synthesize(count: usize, seed: u64) -> (Vec<Candidate>, Vec<Article>) {
    let mut rng = Rng::new(seed);
    let vocabulary: Vec<String> = (0..20_000).map(|_| rng.word()).collect();
    let names: Vec<String> = (0..5_000).map(|_| rng.name()).collect();
    let article_count = count.div_ceil(PER_ARTICLE);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid");
    let articles: Vec<Article> = (0..article_count)
        .map(|i| Article {
            id: format!("a{i:06}"),
            path: PathBuf::from(format!("content/a{i:06}.txt")),
            title: format!("Article {i}"),
            published: Some(base + Duration::days(rng.below(6 * 365) as i64)),
            published_text: None,
            publisher: None,
            url: None,
            author: None,
            tags: Vec::new(),
            text: String::new(),
            draft: false,
        })
        .collect();
    // Report r of event e appears in article (e + r * events) / PER_ARTICLE: four different
    // articles, ten reports each.
    let events = count / PER_EVENT;
    let mut candidates = Vec::with_capacity(count);
    for e in 0..events {
        let topic: Vec<&str> = (0..6)
            .map(|_| vocabulary[rng.below(vocabulary.len())].as_str())
            .collect();
        let who: Vec<&str> = (0..2)
            .map(|_| names[rng.below(names.len())].as_str())
            .collect();
        let day = base + Duration::days(rng.below(6 * 365) as i64);
        for r in 0..PER_EVENT {
            let article = (e + r * events) / PER_ARTICLE;
            let mut words: Vec<&str> = topic.clone();
            words.remove(rng.below(words.len()));
            for _ in 0..2 {
                words.push(vocabulary[rng.below(vocabulary.len())].as_str());
            }
            for _ in 0..3 {
                words.push(COMMON[rng.below(COMMON.len())]);
            }
            let (date, phrase) = match rng.below(10) {
                0 => (
                    day.format("%Y-%m").to_string(),
                    day.format("in %B").to_string(),
                ),
                1 => {
                    let off = day + Duration::days(1);
                    (off.to_string(), off.format("on %B %-d").to_string())
                }
                _ => (day.to_string(), day.format("on %B %-d").to_string()),
            };
            let quote = format!("{} {} {} {phrase}.", who[0], words.join(" "), who[r % 2]);
            candidates.push(Candidate {
                article,
                article_id: articles[article].id.clone(),
                sentence: e % 40,
                sentence_span: 0..quote.len(),
                date: Edtf::parse(&date).expect("a valid EDTF date"),
                value: date.clone(),
                phrase,
                title: words[..5].join(" "),
                entities: who.iter().map(|n| n.to_string()).collect(),
                quote,
                clause: None,
                published: articles[article].published,
            });
        }
    }
    (candidates, articles)
}
