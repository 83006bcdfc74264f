//! The temporal tagger: finds temporal expressions in English text and anchors them to the
//! calendar as TIMEX3 values.
//!
//! This module knows nothing about articles, events or sites: it takes text and an optional
//! document creation time (the publication date) and returns spans. Everything language-specific
//! lives in data tables (see `lexicon`), so rules read as data rather than as scattered `if`s.
//!
//! The pipeline is linear: `tokens` cuts the text once (classifying words against the lexicon as
//! it goes), `grammar` matches expressions around trigger tokens, `resolve` anchors them with
//! `anchor`'s calendar arithmetic, asking `tense` only when a bare weekday or month needs it.
//!
//! Quality and speed are measured, not assumed: `cargo run --release --example timeml_eval --
//! ../shared/data/timeml/TimeBank` scores the tagger TempEval-3 style (see `score`) and lists its
//! worst errors; `cargo run --release --example tag_bench` reports MB/s over TE3-silver.

mod anchor;
pub mod edtf;
mod expr;
mod grammar;
mod lexicon;
mod resolve;
pub mod score;
mod tense;
pub mod timeml;
mod tokens;
mod types;

#[cfg(test)]
mod tests;

pub use edtf::Edtf;
pub use lexicon::RefKind;
pub use types::{Granularity, Interval, NumericOrder, TagOptions, Timex, TimexMod, TimexType};

use chrono::NaiveDate;

/// Tags `text` with the publication date `dct` and default options.
///
/// Without a `dct`, absolute expressions ("March 2, 2017") are still resolved; relative ones
/// ("on Wednesday") get an unanchored value such as `XXXX-XX-XX` and no interval.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag_with(
        text,
        &TagOptions {
            dct,
            ..TagOptions::default()
        },
    )
}

/// Tags `text` with explicit options. Results are sorted by `start`, never overlap, and
/// `text == input[start..end]`.
pub fn tag_with(text: &str, options: &TagOptions) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let mut toks = Vec::with_capacity(text.len() / 5);
    tokens::tokenize(text, lower.as_bytes(), &mut toks);
    let grammar = grammar::Grammar::new(
        text.as_bytes(),
        lower.as_bytes(),
        &toks,
        options.numeric_order,
    );
    let mut mentions = Vec::new();
    grammar.scan(&mut mentions);
    let mut resolver = resolve::Resolver::new(options.dct);
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let (Some(first), Some(last)) = (
            toks.get(m.first),
            m.end.checked_sub(1).and_then(|e| toks.get(e)),
        ) else {
            continue;
        };
        if first.start >= last.end {
            continue;
        }
        let tense =
            || tense::tense_around(text.as_bytes(), lower.as_bytes(), &toks, m.first, m.end - 1);
        let Some(r) = resolver.resolve(&m.sem, m.end, tense) else {
            continue;
        };
        let (start, end) = (first.start, last.end);
        let written = text[start..end].to_string();
        out.push(Timex {
            interval: r
                .interval
                .map(|iv| up_to_now(iv, &m.sem, &written, options.dct)),
            start,
            end,
            text: written,
            kind: r.kind,
            value: r.value,
            modifier: m.qualifier.or(r.modifier),
        });
    }
    out
}

/// The days "less than two weeks ago" covers: from the start of the period it names to the
/// publication date, since the qualifier bounds it from the near side only (its TIMEX3 value
/// stays the period, with `mod` LESS_THAN, as TimeML writes it).
fn up_to_now(iv: Interval, sem: &expr::Sem, text: &str, dct: Option<NaiveDate>) -> Interval {
    let ago = matches!(
        sem,
        expr::Sem::Date {
            date: expr::DateExpr::Shift {
                origin: expr::Origin::Ago,
                n,
                ..
            },
            ..
        } if *n < 0
    );
    let led_by = |q: &&str| {
        text.get(..q.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(q))
    };
    match dct {
        Some(dct) if ago && iv.last < dct && lexicon::UP_TO_NOW.iter().any(led_by) => {
            Interval { last: dct, ..iv }
        }
        _ => iv,
    }
}

/// Words that report a plan from the past ("said a ribbon-cutting would be held", "had promised
/// to finish"): not future tense, so not among the tagger's tense cues, but announcements all the
/// same.
const REPORTED_PLANS: &[&str] = &["would", "promised", "pledged", "vowed", "due"];

/// Whether `sentence` speaks of something still to come ("will vote", "is expected to begin",
/// "plans to", "promised to finish"), by the future cues the tagger reads a bare "Friday" by and
/// the words that report a plan. A date after the day such a sentence was written is a plan,
/// not a mistake.
pub fn speaks_of_future(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let mut toks = Vec::new();
    tokens::tokenize(sentence, lower.as_bytes(), &mut toks);
    toks.iter().any(|t| {
        t.lex == lexicon::Lex::Tense(lexicon::TenseCue::Future)
            || REPORTED_PLANS.contains(&&lower[t.start..t.end])
    })
}
