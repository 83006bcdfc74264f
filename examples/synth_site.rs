//! Writes a synthetic site with N events, for timing `annals build` on large timelines.
//!
//! cargo run --release --example synth_site -- DIR N [--seed S]
//!
//! DIR gets `site.toml`, `content/` with N/100 (at least 10) Markdown articles, and
//! `content/events/` with N event files, each citing one to three of the articles. Made-up words
//! and names, dates spread over 2000-2024; the same seed writes the same site. DIR must not exist
//! or be empty.

mod bench_util;

use annals::event::{Event, Source};
use annals::time::Edtf;
use bench_util::Rng;
use chrono::{Duration, NaiveDate};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed: u64 = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let (Some(dir), Some(count)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        anyhow::bail!("usage: synth_site DIR N [--seed S]");
    };
    if dir.exists() && std::fs::read_dir(&dir)?.next().is_some() {
        anyhow::bail!("{} is not empty", dir.display());
    }
    let content = dir.join("content");
    let events_dir = content.join("events");
    std::fs::create_dir_all(&events_dir)?;
    std::fs::write(
        dir.join("site.toml"),
        "title = \"Synthetic timeline\"\ndescription = \"A generated site for benchmarks\"\n",
    )?;
    let mut rng = Rng::new(seed);
    let vocabulary: Vec<String> = (0..5_000).map(|_| rng.word()).collect();
    let names: Vec<String> = (0..2_000).map(|_| rng.name()).collect();
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid");
    let span_days = 25 * 365;

    let article_count = (count / 100).max(10);
    let mut articles = Vec::with_capacity(article_count);
    for i in 0..article_count {
        let published = base + Duration::days(rng.below(span_days) as i64);
        let title = sentence(&mut rng, &vocabulary, 6);
        let id = format!("{published}-article-{i:05}");
        let body: Vec<String> = (0..12)
            .map(|_| {
                format!(
                    "{} {} on {}.",
                    names[rng.below(names.len())],
                    sentence(&mut rng, &vocabulary, 14),
                    published.format("%B %-d, %Y")
                )
            })
            .collect();
        std::fs::write(
            content.join(format!("{id}.md")),
            format!(
                "---\ntitle: {title}\ndate: {published}\n---\n\n{}\n",
                body.join("\n\n")
            ),
        )?;
        articles.push((id, title, published));
    }

    for i in 0..count {
        let day = base + Duration::days(rng.below(span_days) as i64);
        let date = match rng.below(10) {
            0 => day.format("%Y-%m").to_string(),
            1 => day.format("%Y").to_string(),
            _ => day.to_string(),
        };
        let title = sentence(&mut rng, &vocabulary, 7);
        let who: Vec<String> = (0..1 + rng.below(3))
            .map(|_| names[rng.below(names.len())].clone())
            .collect();
        let sources = (0..1 + rng.below(3))
            .map(|_| {
                let (id, title, published) = &articles[rng.below(articles.len())];
                Source {
                    article: id.clone(),
                    title: Some(title.clone()),
                    url: None,
                    publisher: None,
                    published: Some(published.to_string()),
                    quote: format!(
                        "{} {} on {date}.",
                        who[0],
                        sentence(&mut rng, &vocabulary, 18)
                    ),
                    phrase: Some(format!("on {date}")),
                }
            })
            .collect();
        let id = format!("{date}-event-{i:06}");
        let event = Event {
            id: id.clone(),
            date: Edtf::parse(&date).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            title,
            summary: (rng.below(4) == 0).then(|| sentence(&mut rng, &vocabulary, 25)),
            tags: Vec::new(),
            entities: who,
            sources,
            date_conflicts: Vec::new(),
            hidden: false,
            importance: None,
        };
        std::fs::write(
            events_dir.join(format!("{id}.yaml")),
            serde_saphyr::to_string(&event)?,
        )?;
    }
    eprintln!(
        "wrote {count} events and {article_count} articles to {}",
        dir.display()
    );
    Ok(())
}

/// `words` made-up words, the first capitalised.
fn sentence(rng: &mut Rng, vocabulary: &[String], words: usize) -> String {
    let mut s: Vec<String> = (0..words)
        .map(|_| vocabulary[rng.below(vocabulary.len())].clone())
        .collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        *first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default();
    }
    s.join(" ")
}
