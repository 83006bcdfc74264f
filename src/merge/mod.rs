//! One event, many sources: joining the candidates that report the same event.
//!
//! Two candidates are the same event when their dates are compatible (one contains or overlaps
//! the other, or, for a very close textual match, they are a few days apart: a conflict kept
//! visible) and their content agrees: TF-IDF cosine over stemmed content words plus shared
//! names. Pairs are only scored inside blocks that share a rare word or name, so the cost grows
//! with the number of plausible pairs, not with the square of the candidates. Clusters join by
//! average linkage, so a middle candidate cannot chain two unrelated events together.

mod build;
pub mod eval;
mod score;
pub mod text;

use std::collections::HashMap;

use crate::article::Article;
use crate::event::Event;
use crate::extract::Candidate;

pub use build::stable_ids;
pub use score::Similarity;

/// Share of the threshold from which a pair that did not join is a near miss worth explaining.
const NEAR_MISS: f64 = 0.5;

/// Settings of one merge.
#[derive(Debug, Clone, Copy)]
pub struct MergeOptions {
    /// Lowest average similarity at which two clusters become one event.
    pub threshold: f64,
    /// Extra similarity needed to join reports whose dates disagree by a few days.
    pub conflict_margin: f64,
    /// Largest gap in days between two disagreeing dates that may still be one event.
    pub conflict_days: i64,
    /// Extra similarity needed per step of vagueness of the dates (day 0, month 1, year 2):
    /// two reports of "2006" agree on far less than two reports of 3 March 2006.
    pub vague_margin: f64,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            threshold: 0.35,
            conflict_margin: 0.25,
            conflict_days: 7,
            vague_margin: 0.1,
        }
    }
}

/// Why candidates joined, or nearly did: for `annals extract --explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub left: usize,
    pub right: usize,
    pub score: f64,
    pub joined: bool,
    pub reason: String,
}

/// The merged events and the decisions behind them.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub events: Vec<Event>,
    /// For each event, the indexes of the candidates it was made from.
    pub members: Vec<Vec<usize>>,
    pub decisions: Vec<Decision>,
}

/// Merges `candidates` (from [`crate::extract::extract_all`] over `articles`).
pub fn merge(candidates: &[Candidate], articles: &[Article], options: &MergeOptions) -> Merged {
    let similarity = Similarity::new(candidates);
    let pairs = similarity.scored_pairs(options);
    let (clusters, decisions) = cluster(candidates.len(), &pairs, &similarity, options);
    let mut events = Vec::with_capacity(clusters.len());
    for members in &clusters {
        events.push(build::event(members, candidates, articles));
    }
    build::unique_ids(&mut events);
    Merged {
        events,
        members: clusters,
        decisions,
    }
}

/// Average-linkage agglomeration over the scored pairs, best pair first.
fn cluster(
    count: usize,
    pairs: &[(usize, usize, f64, bool)],
    similarity: &Similarity,
    options: &MergeOptions,
) -> (Vec<Vec<usize>>, Vec<Decision>) {
    let mut cluster_of: Vec<usize> = (0..count).collect();
    let mut clusters: Vec<Vec<usize>> = (0..count).map(|i| vec![i]).collect();
    let mut decisions = Vec::new();
    // A pair far below the threshold can neither join nor be a near miss worth explaining:
    // leaving it out keeps sorting and bookkeeping to the pairs that matter.
    let floor = options.threshold * NEAR_MISS;
    let mut order: Vec<&(usize, usize, f64, bool)> =
        pairs.iter().filter(|p| p.2 >= floor).collect();
    order.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    for &&(left, right, score, conflict) in &order {
        let (a, b) = (cluster_of[left], cluster_of[right]);
        if a == b {
            continue;
        }
        let vagueness = similarity.vagueness(left).max(similarity.vagueness(right));
        let needed = options.threshold
            + vagueness * options.vague_margin
            + if conflict {
                options.conflict_margin
            } else {
                0.0
            };
        // Comparing every member's date is only worth it for a pair that could join.
        let compatible =
            score >= needed && dates_compatible(&clusters[a], &clusters[b], similarity, options);
        // The average over the two groups only matters when nothing else has ruled the pair out.
        let average = if compatible {
            average_linkage(&clusters[a], &clusters[b], similarity)
        } else {
            f64::NAN
        };
        let joined = compatible && score >= needed && average >= options.threshold;
        let reason = if joined {
            format!("score {score:.2}, average over the two groups {average:.2}")
        } else if score < needed {
            format!(
                "score {score:.2} below {needed:.2}{}",
                if conflict { " (dates disagree)" } else { "" }
            )
        } else if !compatible {
            "dates too far apart within the groups".to_string()
        } else {
            format!(
                "average over the two groups {average:.2} below {:.2}",
                options.threshold
            )
        };
        decisions.push(Decision {
            left,
            right,
            score,
            joined,
            reason,
        });
        if joined {
            let moved = std::mem::take(&mut clusters[b]);
            for &m in &moved {
                cluster_of[m] = a;
            }
            clusters[a].extend(moved);
        }
    }
    let mut result: Vec<Vec<usize>> = clusters.into_iter().filter(|c| !c.is_empty()).collect();
    for c in &mut result {
        c.sort_unstable();
    }
    result.sort_by_key(|c| c[0]);
    (result, decisions)
}

/// Whether the dates of every member of `a` are compatible with those of every member of `b`.
fn dates_compatible(
    a: &[usize],
    b: &[usize],
    similarity: &Similarity,
    options: &MergeOptions,
) -> bool {
    a.iter().all(|&i| {
        b.iter()
            .all(|&j| similarity.dates_compatible(i, j, options).is_some())
    })
}

/// Average similarity between every member of `a` and every member of `b`.
fn average_linkage(a: &[usize], b: &[usize], similarity: &Similarity) -> f64 {
    let mut total = 0.0;
    for &i in a {
        for &j in b {
            total += similarity.score(i, j);
        }
    }
    total / (a.len() * b.len()) as f64
}

/// Whether two finished events (say a hand-made one and a fresh extraction) tell the same
/// thing: overlapping dates, and titles and quotes alike enough by word overlap and shared names.
pub fn same_event(a: &Event, b: &Event, threshold: f64) -> bool {
    if !a.date.interval().overlaps(&b.date.interval()) {
        return false;
    }
    let words = |e: &Event| -> HashMap<String, f64> {
        let mut counts = HashMap::new();
        let text =
            std::iter::once(e.title.as_str()).chain(e.sources.iter().map(|s| s.quote.as_str()));
        for word in text.flat_map(text::content_words) {
            *counts.entry(word).or_insert(0.0) += 1.0;
        }
        counts
    };
    let (wa, wb) = (words(a), words(b));
    let dot: f64 = wa
        .iter()
        .filter_map(|(w, x)| wb.get(w).map(|y| x * y))
        .sum();
    let norm = |m: &HashMap<String, f64>| m.values().map(|x| x * x).sum::<f64>().sqrt();
    let cosine = if dot == 0.0 {
        0.0
    } else {
        dot / (norm(&wa) * norm(&wb))
    };
    let lower = |e: &Event| {
        e.entities
            .iter()
            .map(|n| n.to_lowercase())
            .collect::<std::collections::HashSet<_>>()
    };
    let (na, nb) = (lower(a), lower(b));
    let names = if na.is_empty() || nb.is_empty() {
        cosine
    } else {
        na.intersection(&nb).count() as f64 / na.len().min(nb.len()) as f64
    };
    0.7 * cosine + 0.3 * names >= threshold
}

/// Human lines for `--explain`: each event with the candidates that joined it, then near misses.
pub fn explain(merged: &Merged, candidates: &[Candidate], threshold: f64) -> String {
    let mut out = String::new();
    let describe = |i: usize| {
        let c = &candidates[i];
        let phrase = if c.phrase.is_empty() {
            "published then".to_string()
        } else {
            format!("\"{}\"", c.phrase)
        };
        format!("{} #{} ({}, {phrase})", c.article_id, c.sentence, c.date)
    };
    let event_of: HashMap<usize, usize> = merged
        .members
        .iter()
        .enumerate()
        .flat_map(|(e, m)| m.iter().map(move |&c| (c, e)))
        .collect();
    for (event, members) in merged.events.iter().zip(&merged.members) {
        out.push_str(&format!("{} {} — {}\n", event.date, event.id, event.title));
        for &m in members {
            out.push_str(&format!("    from {}\n", describe(m)));
        }
        for d in merged
            .decisions
            .iter()
            .filter(|d| d.joined && event_of.get(&d.left) == Some(&event_of[&members[0]]))
        {
            out.push_str(&format!(
                "    joined {} + {}: {}\n",
                describe(d.left),
                describe(d.right),
                d.reason
            ));
        }
    }
    let near: Vec<&Decision> = merged
        .decisions
        .iter()
        .filter(|d| !d.joined && d.score >= threshold * NEAR_MISS)
        .collect();
    if !near.is_empty() {
        out.push_str("near misses:\n");
        for d in near {
            out.push_str(&format!(
                "    {} / {}: {}\n",
                describe(d.left),
                describe(d.right),
                d.reason
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
