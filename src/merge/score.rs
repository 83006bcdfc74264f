//! How alike two candidates are, and which pairs are worth scoring at all.

use std::collections::HashMap;

use rayon::prelude::*;

use super::MergeOptions;
use super::text::content_words;
use crate::extract::Candidate;
use crate::time::{Granularity, Interval};

/// A word that appears in more candidates than this blocks nothing: it is too common to say two
/// reports are about the same thing.
const MAX_BLOCK_SIZE: usize = 200;

/// Weight of the word overlap in the score; the rest is shared names.
const WORD_WEIGHT: f64 = 0.7;

/// Precomputed TF-IDF vectors and name sets of every candidate.
pub struct Similarity {
    vectors: Vec<Vec<(u32, f32)>>,
    /// Each candidate's names, lowercased, as sorted distinct ids.
    names: Vec<Vec<u32>>,
    intervals: Vec<Interval>,
    postings: Vec<Vec<u32>>,
}

impl Similarity {
    pub fn new(candidates: &[Candidate]) -> Self {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut documents: Vec<Vec<(u32, u32)>> = Vec::with_capacity(candidates.len());
        for c in candidates {
            let text = c.quote.replacen(&c.phrase, " ", 1);
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for word in content_words(&text) {
                let next = vocabulary.len() as u32;
                let id = *vocabulary.entry(word).or_insert(next);
                *counts.entry(id).or_default() += 1;
            }
            let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
            counts.sort_unstable();
            documents.push(counts);
        }
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.len()];
        for (index, doc) in documents.iter().enumerate() {
            for &(term, _) in doc {
                postings[term as usize].push(index as u32);
            }
        }
        let n = candidates.len().max(1) as f64;
        let vectors = documents
            .iter()
            .map(|doc| {
                let mut v: Vec<(u32, f32)> = doc
                    .iter()
                    .map(|&(term, tf)| {
                        let idf = (n / postings[term as usize].len() as f64).ln() + 1.0;
                        (term, ((1.0 + (tf as f64).ln()) * idf) as f32)
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                v
            })
            .collect();
        // Names as numbers: comparing two candidates' names is then a merge of two short sorted
        // lists of integers, not of strings.
        let mut name_ids: HashMap<String, u32> = HashMap::new();
        let names = candidates
            .iter()
            .map(|c| {
                let mut names: Vec<u32> = c
                    .entities
                    .iter()
                    .map(|e| {
                        let next = name_ids.len() as u32;
                        *name_ids.entry(e.to_lowercase()).or_insert(next)
                    })
                    .collect();
                names.sort_unstable();
                names.dedup();
                names
            })
            .collect();
        let intervals = candidates.iter().map(|c| c.date.interval()).collect();
        Similarity {
            vectors,
            names,
            intervals,
            postings,
        }
    }

    /// How vague candidate `i`'s date is: 0 for a day or finer, 1 up to a month, 2 for longer.
    pub fn vagueness(&self, i: usize) -> f64 {
        match self.intervals[i].granularity {
            Granularity::Time | Granularity::Day | Granularity::Week => 0.0,
            Granularity::Month => 1.0,
            _ => 2.0,
        }
    }

    /// Similarity from 0 to 1: word overlap (cosine) and shared names.
    pub fn score(&self, i: usize, j: usize) -> f64 {
        let words = cosine(&self.vectors[i], &self.vectors[j]);
        let (a, b) = (&self.names[i], &self.names[j]);
        let names = if a.is_empty() || b.is_empty() {
            words
        } else {
            let shared = a.iter().filter(|n| b.binary_search(n).is_ok()).count();
            shared as f64 / a.len().min(b.len()) as f64
        };
        WORD_WEIGHT * words + (1.0 - WORD_WEIGHT) * names
    }

    /// `Some(false)` when the dates overlap, `Some(true)` when they disagree by at most
    /// `conflict_days` days at day precision, `None` when they cannot be one event.
    pub fn dates_compatible(&self, i: usize, j: usize, options: &MergeOptions) -> Option<bool> {
        let (a, b) = (&self.intervals[i], &self.intervals[j]);
        if a.overlaps(b) {
            return Some(false);
        }
        let precise = |x: &Interval| x.granularity <= Granularity::Day;
        let gap = (a.first - b.last)
            .num_days()
            .max((b.first - a.last).num_days());
        (precise(a) && precise(b) && gap <= options.conflict_days).then_some(true)
    }

    /// Every pair that shares a rare enough word and has compatible dates, with its score and
    /// whether the dates disagree, ordered by the first then the second index.
    ///
    /// Each candidate gathers the later candidates of its rare words' postings (sorted, so a
    /// binary search skips the earlier ones) and deduplicates them locally: no shared set of
    /// seen pairs, and the candidates split over every core.
    pub fn scored_pairs(&self, options: &MergeOptions) -> Vec<(usize, usize, f64, bool)> {
        (0..self.vectors.len())
            .into_par_iter()
            .flat_map_iter(|i| {
                let mut partners: Vec<u32> = Vec::new();
                for &(term, _) in &self.vectors[i] {
                    let posting = &self.postings[term as usize];
                    if posting.len() > 1 && posting.len() <= MAX_BLOCK_SIZE {
                        let after = posting.partition_point(|&j| j as usize <= i);
                        partners.extend_from_slice(&posting[after..]);
                    }
                }
                partners.sort_unstable();
                partners.dedup();
                partners
                    .into_iter()
                    .filter_map(|j| {
                        let j = j as usize;
                        self.dates_compatible(i, j, options)
                            .map(|conflict| (i, j, self.score(i, j), conflict))
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(sum)
}
