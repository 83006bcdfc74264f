//! How alike two candidates are, and which pairs are worth scoring at all.

use std::collections::HashMap;

use rayon::prelude::*;

use super::MergeOptions;
use super::text::content_words;
use crate::extract::Candidate;
use crate::time::{Granularity, Interval};

/// A word that more candidates than this share within the dates a candidate could be merged with
/// blocks nothing for it: that common at that time, it cannot say two reports tell one event.
/// The cap is on the date window, not on the whole collection, so that a word used every week
/// of ten years of news still finds the two reports of one week, while the number of pairs
/// grows with the candidates, not with their square.
const MAX_BLOCK_SIZE: usize = 64;

/// Dates are put in blocks by length: up to a week, a month, a year, longer. Inside a block the
/// candidates are sorted by their first day, and the longest date bounds how far back a
/// compatible one can start.
const LENGTH_CLASSES: [i32; 3] = [7, 31, 366];

/// Weight of the word overlap in the score; the rest is shared names.
const WORD_WEIGHT: f64 = 0.7;

/// Precomputed TF-IDF vectors and name sets of every candidate.
pub struct Similarity {
    vectors: Vec<Vec<(u32, f32)>>,
    /// Each candidate's names, lowercased, as sorted distinct ids.
    names: Vec<Vec<u32>>,
    /// Per name id, the ids of the names it starts with ("apple computer": "apple"), among the
    /// names some candidate has.
    name_parts: Vec<Vec<u32>>,
    /// Each candidate's names and the names they start with, as sorted distinct ids.
    names_and_parts: Vec<Vec<u32>>,
    intervals: Vec<Interval>,
    /// The article each candidate came from.
    articles: Vec<usize>,
    /// Per word, its candidates in date blocks.
    postings: Vec<Posting>,
}

/// The candidates that have one word, by length of date, each block sorted by first day.
#[derive(Default)]
struct Posting {
    blocks: [Block; LENGTH_CLASSES.len() + 1],
}

#[derive(Default)]
struct Block {
    /// (first day, candidate) sorted.
    entries: Vec<(i32, u32)>,
    /// The longest date of the block, in days minus one.
    longest: i32,
}

/// Days since the common era, for cheap date arithmetic.
fn day_number(date: chrono::NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&date)
}

fn length_class(interval: &Interval) -> usize {
    let days = (interval.last - interval.first).num_days() + 1;
    LENGTH_CLASSES
        .iter()
        .position(|&max| days <= i64::from(max))
        .unwrap_or(LENGTH_CLASSES.len())
}

impl Similarity {
    pub fn new(candidates: &[Candidate]) -> Self {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        // Stemming is the costly part and needs no shared state: every core does its share.
        let words: Vec<Vec<String>> = candidates
            .par_iter()
            .map(|c| content_words(&c.words().replacen(&c.phrase, " ", 1)))
            .collect();
        let mut documents: Vec<Vec<(u32, u32)>> = Vec::with_capacity(candidates.len());
        for words in words {
            let mut counts: HashMap<u32, u32> = HashMap::new();
            for word in words {
                let next = vocabulary.len() as u32;
                let id = *vocabulary.entry(word).or_insert(next);
                *counts.entry(id).or_default() += 1;
            }
            let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
            counts.sort_unstable();
            documents.push(counts);
        }
        let intervals: Vec<Interval> = candidates.iter().map(|c| c.date.interval()).collect();
        let mut postings: Vec<Posting> = Vec::new();
        postings.resize_with(vocabulary.len(), Posting::default);
        let mut frequency = vec![0usize; vocabulary.len()];
        for (index, doc) in documents.iter().enumerate() {
            let interval = &intervals[index];
            let first = day_number(interval.first);
            let length = day_number(interval.last) - first;
            for &(term, _) in doc {
                frequency[term as usize] += 1;
                let block = &mut postings[term as usize].blocks[length_class(interval)];
                block.entries.push((first, index as u32));
                block.longest = block.longest.max(length);
            }
        }
        postings.par_iter_mut().for_each(|p| {
            for block in &mut p.blocks {
                block.entries.sort_unstable();
            }
        });
        let n = candidates.len().max(1) as f64;
        let vectors = documents
            .iter()
            .map(|doc| {
                let mut v: Vec<(u32, f32)> = doc
                    .iter()
                    .map(|&(term, tf)| {
                        let idf = (n / frequency[term as usize] as f64).ln() + 1.0;
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
        let names: Vec<Vec<u32>> = candidates
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
        let mut name_parts = vec![Vec::new(); name_ids.len()];
        for (name, &id) in &name_ids {
            let parts = &mut name_parts[id as usize];
            for (at, _) in name.match_indices(' ') {
                if let Some(&p) = name_ids.get(&name[..at]) {
                    parts.push(p);
                }
            }
        }
        let names_and_parts = names
            .iter()
            .map(|names| {
                let mut all = names.clone();
                for &n in names {
                    all.extend(&name_parts[n as usize]);
                }
                all.sort_unstable();
                all.dedup();
                all
            })
            .collect();
        Similarity {
            vectors,
            names,
            name_parts,
            names_and_parts,
            intervals,
            articles: candidates.iter().map(|c| c.article).collect(),
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
            // Counted from the side with fewer names, each of which is shared when the other side
            // has it, or a longer form of it ("Apple" in "Apple Computer", "Jobs" in "Steve Jobs"),
            // or a shorter one.
            let (few, many) = if a.len() <= b.len() { (i, j) } else { (j, i) };
            let (few, many, longer) = (
                &self.names[few],
                &self.names[many],
                &self.names_and_parts[many],
            );
            let shared = few
                .iter()
                .filter(|&&n| {
                    longer.binary_search(&n).is_ok()
                        || self.name_parts[n as usize]
                            .iter()
                            .any(|p| many.binary_search(p).is_ok())
                })
                .count();
            shared as f64 / few.len() as f64
        };
        WORD_WEIGHT * words + (1.0 - WORD_WEIGHT) * names
    }

    /// `Some(false)` when the dates overlap, `Some(true)` when they disagree by at most
    /// `conflict_days` days at day precision, `None` when they cannot be one event. Two reports
    /// of one article never disagree: an article that dates "the crew repaired the pier" on
    /// March 1 and again on March 2 tells of two repairs, not of a conflict.
    pub fn dates_compatible(&self, i: usize, j: usize, options: &MergeOptions) -> Option<bool> {
        let (a, b) = (&self.intervals[i], &self.intervals[j]);
        if a.overlaps(b) {
            return Some(false);
        }
        if self.articles[i] == self.articles[j] {
            return None;
        }
        let precise = |x: &Interval| x.granularity <= Granularity::Day;
        let gap = (a.first - b.last)
            .num_days()
            .max((b.first - a.last).num_days());
        (precise(a) && precise(b) && gap <= options.conflict_days).then_some(true)
    }

    /// Every pair that shares a word that is rare enough around their dates, and whose dates are
    /// compatible, with its score and whether the dates disagree, ordered by the first then the
    /// second index.
    ///
    /// Each candidate looks, for each of its words, only at the candidates with that word whose
    /// date could be compatible with its own (a binary search in each date block), skips the word
    /// when they are more than [`MAX_BLOCK_SIZE`], and keeps those whose dates are compatible.
    /// The candidates split over every core; a pair found from both sides is kept once, and
    /// scored once.
    pub fn scored_pairs(&self, options: &MergeOptions) -> Vec<(usize, usize, f64, bool)> {
        let slack = i32::try_from(options.conflict_days.max(0)).unwrap_or(i32::MAX / 4);
        let mut pairs: Vec<(u32, u32, bool)> = (0..self.vectors.len())
            .into_par_iter()
            .flat_map_iter(|i| {
                let first = day_number(self.intervals[i].first);
                let last = day_number(self.intervals[i].last);
                let mut partners: Vec<u32> = Vec::new();
                let mut windows: Vec<&[(i32, u32)]> = Vec::new();
                for &(term, _) in &self.vectors[i] {
                    windows.clear();
                    let mut size = 0;
                    for block in &self.postings[term as usize].blocks {
                        // A compatible date starts at most `slack` days after this one ends and
                        // ends at most `slack` days before this one starts.
                        let from = first.saturating_sub(block.longest.saturating_add(slack));
                        let to = last.saturating_add(slack);
                        let low = block.entries.partition_point(|&(d, _)| d < from);
                        let high = block.entries.partition_point(|&(d, _)| d <= to);
                        size += high - low;
                        windows.push(&block.entries[low..high]);
                    }
                    // Itself is in the window, so a word nobody else has is `size == 1`.
                    if size > 1 && size <= MAX_BLOCK_SIZE + 1 {
                        for window in &windows {
                            partners.extend(
                                window.iter().map(|&(_, j)| j).filter(|&j| j as usize != i),
                            );
                        }
                    }
                }
                partners.sort_unstable();
                partners.dedup();
                partners
                    .into_iter()
                    .filter_map(|j| {
                        let (a, b) = (i.min(j as usize), i.max(j as usize));
                        self.dates_compatible(a, b, options)
                            .map(|conflict| (a as u32, b as u32, conflict))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        // A pair is found from both sides unless one side's window was too crowded.
        pairs.par_sort_unstable();
        pairs.dedup_by_key(|&mut (i, j, _)| (i, j));
        pairs
            .into_par_iter()
            .map(|(i, j, conflict)| {
                let (i, j) = (i as usize, j as usize);
                (i, j, self.score(i, j), conflict)
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
