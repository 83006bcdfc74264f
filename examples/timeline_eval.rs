//! Scores extraction and merging on SemEval-2015 TimeLine folders, beside two baselines.
//!
//! cargo run --release --example timeline_eval -- ../shared/data/timelines/semeval2015/trial
//!
//! With no folder it scores trial and corpus_1 of `../shared/data/timelines/semeval2015`. Set
//! `ANNALS_EVAL_ERRORS=1` to list every wrong date with the sentence it came from,
//! `ANNALS_EVAL_PAIRS=1` every gold pair each system joined, missed or joined wrongly, and
//! `ANNALS_EVAL_UNCOVERED=1` every dated gold mention whose sentence made no event.

use std::path::PathBuf;
use std::time::Instant;

use annals::merge::MergeOptions;
use annals::merge::eval::Corpus;

fn main() -> anyhow::Result<()> {
    let mut folders: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if let Some(flag) = folders
        .iter()
        .find(|f| f.to_string_lossy().starts_with('-'))
    {
        let help = matches!(flag.to_str(), Some("-h" | "--help"));
        eprintln!(
            "usage: timeline_eval [SemEval-2015 TimeLine folder]...\n\
             (no folder: trial and corpus_1 beside the clone)\n\
             environment: ANNALS_EVAL_ERRORS=1 lists wrong dates, ANNALS_EVAL_PAIRS=1 gold \
             pairs joined or missed, ANNALS_EVAL_UNCOVERED=1 mentions that made no event"
        );
        std::process::exit(if help { 0 } else { 2 });
    }
    if folders.is_empty() {
        let root =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/timelines/semeval2015");
        folders = vec![root.join("trial"), root.join("corpus_1")];
    }
    for folder in folders {
        let corpus = Corpus::load(&folder)?;
        let started = Instant::now();
        let options = MergeOptions::default();
        let report = corpus.evaluate(&options);
        println!(
            "{} ({} articles, extract + merge + score in {:.1} ms)",
            folder.display(),
            corpus.articles.len(),
            started.elapsed().as_secs_f64() * 1e3
        );
        println!("{report}\n");
        if std::env::var_os("ANNALS_EVAL_ERRORS").is_some() {
            for error in corpus.date_errors(&options) {
                println!("  {error}");
            }
        }
    }
    Ok(())
}
