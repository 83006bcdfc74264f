//! Scoring extraction and merging against the SemEval-2015 Task 4 "TimeLine" gold: are events
//! dated right, and are the reports of one event across articles merged into one?
//!
//! The corpus gives each article as sentences (`articles.jsonl`) and each gold event as a line of
//! mentions `docid-sentence-word`; sentence `k` of the jsonl list (without the title, which
//! corpus_1 lists first) is `<s id="k+1">`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use serde::Deserialize;

use super::text::{content_words, stem};
use super::{MergeOptions, merge};
use crate::article::Article;
use crate::extract::{Candidate, extract_all};
use crate::time::{self, Edtf, Granularity, NumericOrder};
use crate::words::words;

/// One line of `articles.jsonl`.
#[derive(Deserialize)]
struct JsonArticle {
    id: String,
    time: String,
    title: String,
    sentences: Vec<String>,
    #[serde(default)]
    dateline: Option<String>,
}

/// A corpus folder loaded: articles built from the sentences, and where each sentence is.
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Per article, the byte range of each corpus sentence in `Article::text`.
    sentence_spans: Vec<Vec<std::ops::Range<usize>>>,
    gold: Vec<GoldEvent>,
}

/// One gold event: the lines of every timeline file that share a mention. The same event is
/// often listed in several entities' timelines (the launch of the iPhone 4 is in `iphone_4.txt`
/// and in `steve_jobs.txt`); counted per line, a correct merge would score as a wrong one.
struct GoldEvent {
    /// The dates the lines give; empty when every line says unknown (`XXXX-XX-XX`).
    dates: Vec<GoldDate>,
    /// (article index, sentence index in `sentences`, the event's word), each once.
    mentions: Vec<(usize, usize, String)>,
}

/// A gold date at its precision: the days it covers.
#[derive(Clone, Copy, PartialEq)]
struct GoldDate {
    first: NaiveDate,
    last: NaiveDate,
}

/// The figures of one system on one corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub date_accuracy: f64,
    pub dated_mentions: usize,
    pub merge_precision: f64,
    pub merge_recall: f64,
    pub merge_f1: f64,
    pub gold_pairs: usize,
    pub coverage: f64,
    pub events: usize,
}

/// annals and the two baselines, scored on the same candidates.
#[derive(Debug, Clone)]
pub struct Report {
    pub annals: Scores,
    pub same_date: Scores,
    pub same_date_and_word: Scores,
    pub candidates: usize,
}

impl Corpus {
    pub fn load(folder: &Path) -> anyhow::Result<Corpus> {
        let jsonl = folder.join("articles.jsonl");
        let text = std::fs::read_to_string(&jsonl)
            .with_context(|| format!("cannot read {}", jsonl.display()))?;
        let mut articles = Vec::new();
        let mut sentence_spans = Vec::new();
        let mut by_doc: HashMap<String, usize> = HashMap::new();
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let a: JsonArticle = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not an article", jsonl.display(), n + 1))?;
            // corpus_1 lists the title as its first sentence (`<s id="0">`), trial starts at
            // the dateline (`<s id="1">`): without the title, sentence `k` is `<s id="k+1">` in
            // both.
            let sentences = match a.sentences.split_first() {
                Some((first, rest)) if *first == a.title => rest,
                _ => &a.sentences[..],
            };
            let (text, spans) = join_sentences(sentences);
            by_doc.insert(a.id.clone(), articles.len());
            articles.push(Article {
                id: a.id.clone(),
                path: PathBuf::from(format!("articles.jsonl#{}", a.id)),
                title: detokenize(&a.title),
                published: publication_date(a.dateline.as_deref(), &a.time),
                published_text: Some(a.time.clone()),
                publisher: Some("Wikinews".into()),
                url: None,
                author: None,
                tags: vec![],
                draft: false,
                text,
            });
            sentence_spans.push(spans);
        }
        let mut lines: Vec<GoldEvent> = Vec::new();
        let timelines = folder.join("gold_timelines");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&timelines)
            .with_context(|| format!("cannot list {}", timelines.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            for line in text.lines().skip(1) {
                let fields: Vec<&str> = line.split('\t').collect();
                if fields.len() < 3 {
                    continue;
                }
                let mentions = fields[2..]
                    .iter()
                    .filter_map(|m| {
                        let mut parts = m.splitn(3, '-');
                        let doc = by_doc.get(parts.next()?)?;
                        let sentence: usize = parts.next()?.parse().ok()?;
                        // <s id> 1 is the first jsonl sentence; 0 is the title.
                        let word = parts.next()?.to_lowercase();
                        Some((*doc, sentence.checked_sub(1)?, word))
                    })
                    .collect();
                lines.push(GoldEvent {
                    dates: gold_date(fields[1]).into_iter().collect(),
                    mentions,
                });
            }
        }
        let gold = join_shared_mentions(lines);
        Ok(Corpus {
            articles,
            sentence_spans,
            gold,
        })
    }

    /// Runs extraction and merging with `options` and scores them and the baselines.
    pub fn evaluate(&self, options: &MergeOptions) -> Report {
        let (candidates, annals_cluster, annals_dates) = self.annals(options);
        let own_dates: Vec<Edtf> = candidates.iter().map(|c| c.date).collect();
        let same_date = baseline(&candidates, false);
        let same_word = baseline(&candidates, true);
        Report {
            annals: self.score("annals", &candidates, &annals_cluster, &annals_dates),
            same_date: self.score("same date", &candidates, &same_date, &own_dates),
            same_date_and_word: self.score("same word", &candidates, &same_word, &own_dates),
            candidates: candidates.len(),
        }
    }

    /// annals' candidates, each candidate's event and the date of that event.
    ///
    /// A mention's date is the date of the event it ended up in, which is what the site shows:
    /// merging two reports of one sentence ("Yesterday, at this year's conference") dates the
    /// event by the finer one. The baselines join equal dates only, so theirs is the candidate's
    /// own.
    fn annals(&self, options: &MergeOptions) -> (Vec<Candidate>, Vec<usize>, Vec<Edtf>) {
        let candidates = extract_all(&self.articles, NumericOrder::MonthFirst);
        let merged = merge(&candidates, &self.articles, options);
        let mut cluster = vec![0; candidates.len()];
        for (event, members) in merged.members.iter().enumerate() {
            for &m in members {
                cluster[m] = event;
            }
        }
        let dates = cluster.iter().map(|&e| merged.events[e].date).collect();
        (candidates, cluster, dates)
    }

    /// The gold mentions whose sentence became an event with a date outside the gold date:
    /// the gold date and word, annals' date, phrase and title, the publication date, the sentence,
    /// then the sentence's other candidates.
    pub fn date_errors(&self, options: &MergeOptions) -> Vec<String> {
        let (candidates, _, dates) = self.annals(options);
        let picked = self.pick(&candidates);
        let mut out = Vec::new();
        for (gold, mentions) in self.gold.iter().zip(&picked) {
            for ((article, sentence, word), &i) in gold.mentions.iter().zip(mentions) {
                let (article, sentence) = (*article, *sentence);
                let Some(i) = i else { continue };
                if gold.dates.is_empty() || gold.dates.iter().any(|&d| fits(&dates[i], d)) {
                    continue;
                }
                let date = gold.dates[0];
                out.push(format!(
                    "gold {}..{} {word:?} annals {} ({:?}) {:?} dct {:?}: {}",
                    date.first,
                    date.last,
                    dates[i],
                    candidates[i].phrase,
                    candidates[i].title,
                    self.articles[article].published,
                    &self.articles[article].text[self.sentence_spans[article][sentence].clone()]
                ));
                // The other events of the sentence, to see which date the gold wanted.
                let span = &self.sentence_spans[article][sentence];
                for (k, c) in candidates.iter().enumerate() {
                    if k != i && c.article == article && span.contains(&c.sentence_span.start) {
                        out.push(format!(
                            "    also {} ({:?}) {:?}, in an event of {}",
                            c.date, c.phrase, c.title, dates[k]
                        ));
                    }
                }
            }
        }
        out
    }

    /// For each gold mention, the candidate that stands for it: of the events made from its
    /// sentence, the one whose title has the gold event's word, else the sentence's first event;
    /// `None` when the sentence became no event.
    fn pick(&self, candidates: &[Candidate]) -> Vec<Vec<Option<usize>>> {
        let mut in_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, c) in candidates.iter().enumerate() {
            let spans = &self.sentence_spans[c.article];
            if let Some(s) = spans
                .iter()
                .position(|r| r.start <= c.sentence_span.start && c.sentence_span.start < r.end)
            {
                in_sentence.entry((c.article, s)).or_default().push(i);
            }
        }
        self.gold
            .iter()
            .map(|gold| {
                gold.mentions
                    .iter()
                    .map(|(article, sentence, word)| {
                        let found = in_sentence.get(&(*article, *sentence))?;
                        // When several titles hold the word (a title can keep two clauses), the
                        // event dated by the phrase nearest the word.
                        let named = found
                            .iter()
                            .copied()
                            .filter(|&i| has_word(&candidates[i].title, word))
                            .min_by_key(|&i| distance(&candidates[i], word));
                        named.or_else(|| found.first().copied())
                    })
                    .collect()
            })
            .collect()
    }

    /// Scores one system (`name`, for `ANNALS_EVAL_PAIRS`): `cluster` gives each candidate's
    /// event, `dates` each candidate's date as the system tells it (its event's date).
    fn score(
        &self,
        name: &str,
        candidates: &[Candidate],
        cluster: &[usize],
        dates: &[Edtf],
    ) -> Scores {
        let picked = self.pick(candidates);
        let (mut dated, mut covered, mut correct) = (0, 0, 0);
        // (gold event, article, candidate) of every mention whose sentence became an event.
        let mut mapped: Vec<(usize, usize, usize)> = Vec::new();
        let mut seen: HashSet<(usize, usize, usize)> = HashSet::new();
        for (event, (gold, mentions)) in self.gold.iter().zip(&picked).enumerate() {
            for (mention, &picked) in gold.mentions.iter().zip(mentions) {
                if !gold.dates.is_empty() {
                    dated += 1;
                    if picked.is_none()
                        && name == "annals"
                        && std::env::var_os("ANNALS_EVAL_UNCOVERED").is_some()
                    {
                        let (article, sentence, word) = mention;
                        eprintln!(
                            "UNCOVERED gold {}..{} {word:?}: {}",
                            gold.dates[0].first,
                            gold.dates[0].last,
                            &self.articles[*article].text
                                [self.sentence_spans[*article][*sentence].clone()]
                        );
                    }
                    if let Some(i) = picked {
                        covered += 1;
                        let date = &dates[i];
                        correct += usize::from(gold.dates.iter().any(|&d| fits(date, d)));
                    }
                }
                // For merging, a mention counts only when the event picked for it is the gold
                // event itself (its word is in the title), not another event of its sentence:
                // else one event standing for all the events of its sentence would make every
                // join of it right for one of them and wrong for the others. Two mentions of
                // one event in one sentence are one report of it.
                if let Some(i) = picked.filter(|&i| has_word(&candidates[i].title, &mention.2))
                    && seen.insert((event, mention.0, mention.1))
                {
                    mapped.push((event, mention.0, i));
                }
            }
        }
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for (k, a) in mapped.iter().enumerate() {
            for b in &mapped[k + 1..] {
                if a.1 == b.1 {
                    continue; // pairs across different articles only
                }
                let outcome = match (a.0 == b.0, cluster[a.2] == cluster[b.2]) {
                    (true, true) => {
                        tp += 1;
                        "joined"
                    }
                    (false, true) => {
                        fp += 1;
                        "WRONGLY JOINED"
                    }
                    (true, false) => {
                        fn_ += 1;
                        "MISSED"
                    }
                    (false, false) => continue,
                };
                if std::env::var_os("ANNALS_EVAL_PAIRS").is_some() {
                    let (x, y) = (&candidates[a.2], &candidates[b.2]);
                    eprintln!(
                        "{name}: {outcome}: [{}] {} | [{}] {}",
                        x.date, x.quote, y.date, y.quote
                    );
                }
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        let events: HashSet<usize> = cluster.iter().copied().collect();
        Scores {
            date_accuracy: ratio(correct, covered),
            dated_mentions: dated,
            merge_precision: precision,
            merge_recall: recall,
            merge_f1: f1,
            gold_pairs: tp + fn_,
            coverage: ratio(covered, dated),
            events: events.len(),
        }
    }
}

/// Joins the gold lines that share a mention (the same event in several entities' timelines)
/// into one event with every line's mentions, each once, and every line's date.
fn join_shared_mentions(lines: Vec<GoldEvent>) -> Vec<GoldEvent> {
    let mut parent: Vec<usize> = (0..lines.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_line: HashMap<&(usize, usize, String), usize> = HashMap::new();
    for (line, gold) in lines.iter().enumerate() {
        for mention in &gold.mentions {
            let other = *first_line.entry(mention).or_insert(line);
            let (a, b) = (root(&mut parent, other), root(&mut parent, line));
            parent[b.max(a)] = a.min(b);
        }
    }
    let roots: Vec<usize> = (0..lines.len()).map(|i| root(&mut parent, i)).collect();
    let mut joined: Vec<GoldEvent> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for (line, gold) in lines.into_iter().enumerate() {
        let at = *index.entry(roots[line]).or_insert_with(|| {
            joined.push(GoldEvent {
                dates: Vec::new(),
                mentions: Vec::new(),
            });
            joined.len() - 1
        });
        let event = &mut joined[at];
        for date in gold.dates {
            if !event.dates.contains(&date) {
                event.dates.push(date);
            }
        }
        for mention in gold.mentions {
            if !event.mentions.contains(&mention) {
                event.mentions.push(mention);
            }
        }
    }
    joined
}

/// How far, in bytes of the quote, the candidate's dated phrase is from the gold `word`.
fn distance(candidate: &Candidate, word: &str) -> usize {
    let quote = candidate.quote.to_lowercase();
    let first = words(word).next().unwrap_or(word);
    let stemmed = stem(first);
    let mut at = 0;
    let word_at = quote.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
        let start = at;
        at += w.len() + 1;
        (!w.is_empty() && stem(w) == stemmed).then_some(start)
    });
    // A report dated by its publication has no phrase to be near.
    let phrase_at = Some(&candidate.phrase)
        .filter(|p| !p.is_empty())
        .and_then(|p| candidate.quote.find(p.as_str()));
    match (word_at, phrase_at) {
        (Some(w), Some(p)) => w.abs_diff(p),
        _ => usize::MAX,
    }
}

/// Whether the gold event's `word` (lowercase) is in `text`, inflection aside ("introducing" is
/// in "Apple introduced the iPhone 4"); a gold word of several tokens ("took_off", "out-sold")
/// needs each of them.
fn has_word(text: &str, word: &str) -> bool {
    let stems: HashSet<String> = words(text).map(|w| stem(&w.to_lowercase())).collect();
    let mut parts = words(word).peekable();
    parts.peek().is_some() && parts.all(|w| stems.contains(&stem(&w.to_lowercase())))
}

/// Whether an extracted date lies within the gold date at the gold's precision.
fn fits(date: &Edtf, gold: GoldDate) -> bool {
    let i = date.interval();
    gold.first <= i.first && i.last <= gold.last
}

/// Baselines: one event per equal date, optionally also requiring a shared content word.
fn baseline(candidates: &[Candidate], need_word: bool) -> Vec<usize> {
    let words: Vec<HashSet<String>> = candidates
        .iter()
        .map(|c| {
            content_words(&c.quote.replacen(&c.phrase, " ", 1))
                .into_iter()
                .collect()
        })
        .collect();
    let mut parent: Vec<usize> = (0..candidates.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut by_date: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        by_date.entry(c.date.to_string()).or_default().push(i);
    }
    for group in by_date.values() {
        for (k, &i) in group.iter().enumerate() {
            for &j in &group[k + 1..] {
                if !need_word || !words[i].is_disjoint(&words[j]) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
    }
    (0..candidates.len())
        .map(|i| root(&mut parent, i))
        .collect()
}

/// `2008-06-09`, `2008-06-XX`, `2008-XX-XX`; unknown dates give `None`.
fn gold_date(text: &str) -> Option<GoldDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let month: Option<u32> = parts.get(1).and_then(|m| m.parse().ok());
    let day: Option<u32> = parts.get(2).and_then(|d| d.parse().ok());
    let interval = match (month, day) {
        (Some(m), Some(d)) => {
            let day = NaiveDate::from_ymd_opt(year, m, d)?;
            (day, day)
        }
        (Some(m), None) => (
            NaiveDate::from_ymd_opt(year, m, 1)?,
            time::edtf::last_day_of_month(year, m)?,
        ),
        _ => (
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ),
    };
    Some(GoldDate {
        first: interval.0,
        last: interval.1,
    })
}

/// The dateline ("May 7 , 2005") when the tagger reads it as a day, else the corpus time: the
/// corpus README warns that some DCTs are off by days or weeks.
fn publication_date(dateline: Option<&str>, time: &str) -> Option<NaiveDate> {
    let from_dateline = dateline.and_then(|d| {
        let text = detokenize(d);
        time::tag(&text, None).into_iter().find_map(|t| {
            t.interval
                .filter(|i| i.granularity == Granularity::Day)
                .map(|i| i.first)
        })
    });
    from_dateline.or_else(|| NaiveDate::parse_from_str(time.get(..10)?, "%Y-%m-%d").ok())
}

/// The sentences as one text, each its own paragraph, with their byte ranges.
fn join_sentences(sentences: &[String]) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sentences.len());
    for s in sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&detokenize(s));
        spans.push(start..text.len());
    }
    (text, spans)
}

/// Undoes the corpus tokenisation: "Apple 's Mac , version 10.4 ." → "Apple's Mac, version 10.4."
fn detokenize(tokens: &str) -> String {
    let mut out = String::with_capacity(tokens.len());
    for token in tokens.split(' ').filter(|t| !t.is_empty()) {
        let attach = matches!(
            token,
            "," | "."
                | ":"
                | ";"
                | "?"
                | "!"
                | ")"
                | "%"
                | "'s"
                | "'"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
        );
        if !out.is_empty() && !attach && !out.ends_with('(') && !out.ends_with('$') {
            out.push(' ');
        }
        out.push_str(token);
    }
    out
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{:<34} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
            "system", "date acc", "merge P", "merge R", "merge F1", "coverage", "events"
        )?;
        for (name, s) in [
            ("annals", &self.annals),
            ("baseline: same date", &self.same_date),
            (
                "baseline: same date + shared word",
                &self.same_date_and_word,
            ),
        ] {
            writeln!(
                f,
                "{name:<34} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>7}",
                s.date_accuracy,
                s.merge_precision,
                s.merge_recall,
                s.merge_f1,
                s.coverage,
                s.events
            )?;
        }
        write!(
            f,
            "{} candidates; {} dated gold mentions; {} gold cross-article pairs among mapped mentions",
            self.candidates, self.annals.dated_mentions, self.annals.gold_pairs
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenize_joins_punctuation_and_clitics() {
        assert_eq!(
            detokenize("Apple 's Mac OS X , version 10.4 ."),
            "Apple's Mac OS X, version 10.4."
        );
        assert_eq!(detokenize("May 7 , 2005"), "May 7, 2005");
    }

    #[test]
    fn a_gold_word_is_found_in_a_title_whatever_its_inflection_or_tokens() {
        let title = "Apple introduced the iPhone 4 and took six months off";
        assert!(has_word(title, "introducing"));
        assert!(has_word(title, "took_off"));
        assert!(!has_word(title, "test_flight"));
        assert!(!has_word(title, "announced"));
        assert!(has_word("Airbus out-sold Boeing", "out-sold"));
    }

    #[test]
    fn a_gold_word_goes_with_the_nearest_dated_phrase() {
        let quote = "The A380 will make a special charity flight on October 25 from Singapore to \
                     Sydney and will begin regular service on October 28.";
        let at = |phrase: &str| Candidate {
            article: 0,
            article_id: "a".into(),
            sentence: 0,
            sentence_span: 0..quote.len(),
            date: Edtf::parse("2007-10-25").unwrap(),
            value: String::new(),
            phrase: phrase.into(),
            title: String::new(),
            entities: vec![],
            quote: quote.into(),
            clause: None,
            published: None,
        };
        let (first, second) = (at("October 25"), at("October 28"));
        assert!(distance(&second, "service") < distance(&first, "service"));
        assert!(distance(&first, "flight") < distance(&second, "flight"));
    }

    #[test]
    fn gold_dates_keep_their_precision() {
        let month = gold_date("2008-06-XX").unwrap();
        assert_eq!(
            (month.first.to_string(), month.last.to_string()),
            ("2008-06-01".into(), "2008-06-30".into())
        );
        assert!(gold_date("XXXX-XX-XX").is_none());
        assert!(fits(&Edtf::parse("2008-06-09").unwrap(), month));
        assert!(!fits(&Edtf::parse("2008").unwrap(), month));
    }

    #[test]
    fn an_event_listed_in_two_timelines_is_one_gold_event() {
        // The iPhone 4 unveiling is in iphone_4.txt and in steve_jobs.txt, and the same token
        // "appearance" sits on two lines with different months.
        let m = |doc: usize, s: usize, w: &str| (doc, s, w.to_string());
        let line = |date: &str, mentions: Vec<(usize, usize, String)>| GoldEvent {
            dates: gold_date(date).into_iter().collect(),
            mentions,
        };
        let joined = join_shared_mentions(vec![
            line(
                "2010-06-07",
                vec![m(0, 4, "introducing"), m(1, 10, "introduced")],
            ),
            line("2010-06-08", vec![m(0, 6, "reduction")]),
            line(
                "2010-06-07",
                vec![m(1, 10, "introduced"), m(0, 4, "introducing")],
            ),
            line("XXXX-XX-XX", vec![m(2, 3, "appearance")]),
            line("2011-06-XX", vec![m(2, 3, "appearance")]),
        ]);
        assert_eq!(joined.len(), 3);
        assert_eq!(joined[0].mentions.len(), 2);
        assert_eq!(joined[0].dates.len(), 1);
        assert_eq!(joined[1].mentions, vec![m(0, 6, "reduction")]);
        assert_eq!(joined[2].mentions.len(), 1);
        assert_eq!(joined[2].dates.len(), 1, "an unknown date adds nothing");
    }

    #[test]
    fn gold_sentences_line_up_whether_or_not_the_title_is_listed_first() {
        let dir = std::env::temp_dir().join(format!("annals-eval-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("gold_timelines")).unwrap();
        let article = |id: &str, title_first: bool| {
            let mut sentences = vec![
                "March 8 , 2017",
                "The Millbrook bridge reopened on Tuesday .",
                "Officials praised the repairs .",
            ];
            if title_first {
                sentences.insert(0, "Millbrook bridge reopens");
            }
            serde_json::json!({"id": id, "time": "2017-03-08", "title": "Millbrook bridge reopens",
                "sentences": sentences})
            .to_string()
        };
        std::fs::write(
            dir.join("articles.jsonl"),
            format!("{}\n{}\n", article("1", false), article("2", true)),
        )
        .unwrap();
        std::fs::write(
            dir.join("gold_timelines/bridge.txt"),
            "Bridge\n1\t2017-03-07\t1-2-reopened\t2-2-reopened\n",
        )
        .unwrap();
        let corpus = Corpus::load(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        for &(article, sentence, ref word) in &corpus.gold[0].mentions {
            let span = corpus.sentence_spans[article][sentence].clone();
            assert!(
                corpus.articles[article].text[span].contains(word.as_str()),
                "article {article}"
            );
        }
        assert!(!corpus.articles[1].text.contains("reopens"));
        let report = corpus.evaluate(&MergeOptions::default());
        assert_eq!(report.annals.date_accuracy, 1.0, "{report}");
        assert_eq!(report.annals.gold_pairs, 1, "{report}");
    }

    fn corpus(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/timelines/semeval2015")
            .join(name)
    }

    /// Regression floors on the real corpora (CI has ../shared; users' machines may not). A
    /// wrong merge hides an event, so precision is what must hold; the floors sit just below
    /// the figures measured when they were set (see docs/evaluations.md).
    #[test]
    #[ignore = "reads ../shared/data"]
    fn semeval_merges_are_precise_and_dates_hold() {
        let report = Corpus::load(&corpus("trial"))
            .unwrap()
            .evaluate(&MergeOptions::default());
        println!("trial\n{report}");
        assert!(report.annals.gold_pairs > 0, "{report}");
        // Not held to the same-date baseline's precision (1.000 on trial): that baseline joins
        // only reports of one exact date, and annals' one wrong pair joins the iPhone 4
        // "unveiled" at WWDC 2010 with its introduction there "less than two weeks ago", one
        // event that the gold splits in two.
        assert!(report.annals.merge_precision >= 0.85, "{report}");
        assert!(
            report.annals.merge_f1 > report.same_date.merge_f1
                && report.annals.merge_f1 > report.same_date_and_word.merge_f1,
            "{report}"
        );
        assert!(report.annals.merge_recall >= 0.6, "{report}");
        assert!(report.annals.date_accuracy >= 0.85, "{report}");
        // Scoring well by dating less is no fix.
        assert!(report.annals.coverage >= 0.40, "{report}");
        let report = Corpus::load(&corpus("corpus_1"))
            .unwrap()
            .evaluate(&MergeOptions::default());
        println!("corpus_1\n{report}");
        assert!(report.annals.gold_pairs > 0, "{report}");
        assert!(report.annals.date_accuracy >= 0.85, "{report}");
        assert!(report.annals.coverage >= 0.50, "{report}");
        assert!(report.annals.merge_f1 >= 0.35, "{report}");
        assert!(
            report.annals.merge_f1 > report.same_date_and_word.merge_f1,
            "{report}"
        );
    }
}
