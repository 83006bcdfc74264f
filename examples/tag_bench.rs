//! Tagging throughput on one core over the TE3-silver news text (2,452 documents).
//!
//! cargo run --release --example tag_bench [-- folder] [--passes N]
//!
//! Reads every `.tml` file, strips the markup (the text annotators saw), then tags the whole
//! collection several times on the current thread and prints the median MB/s. Exits 0 with a
//! message when the folder is missing, so it can run anywhere.

use annals::time::{tag, timeml};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/timeml/TE3-silver");
    let mut passes = 7usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--passes" {
            passes = args
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(passes)
                .max(1);
        } else {
            folder = PathBuf::from(a);
        }
    }
    if !folder.is_dir() {
        println!("{} not found: nothing to benchmark", folder.display());
        return Ok(());
    }
    let docs = timeml::read_dir(&folder)?;
    let bytes: usize = docs.iter().map(|(_, d)| d.text.len()).sum();
    let mut rates = Vec::with_capacity(passes);
    let mut found = 0;
    for _ in 0..passes {
        let start = Instant::now();
        found = 0;
        for (_, doc) in &docs {
            found += std::hint::black_box(tag(&doc.text, doc.dct)).len();
        }
        let secs = start.elapsed().as_secs_f64();
        rates.push(bytes as f64 / 1e6 / secs);
    }
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    println!(
        "{} documents, {:.1} MB, {found} expressions per pass; {passes} passes on one thread: median {median:.1} MB/s (min {:.1}, max {:.1})",
        docs.len(),
        bytes as f64 / 1e6,
        rates[0],
        rates[rates.len() - 1]
    );
    Ok(())
}
