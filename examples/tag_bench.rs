//! Tagging throughput on one core over the TE3-silver news text (2,452 documents).
//!
//! cargo run --release --example tag_bench [-- folder] [--passes N]
//!
//! Reads every `.tml` file, strips the markup (the text annotators saw), then tags the whole
//! collection several times on the current thread and prints the median MB/s of wall time.
//! On a shared machine wall time also counts waiting for a core, so on Linux it prints the
//! throughput per second actually spent on the CPU too (from `/proc/self/schedstat`). Exits 0
//! with a message when the folder is missing, so it can run anywhere.

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
    let cpu_before = on_cpu_seconds();
    for _ in 0..passes {
        let start = Instant::now();
        found = 0;
        for (_, doc) in &docs {
            found += std::hint::black_box(tag(&doc.text, doc.dct)).len();
        }
        let secs = start.elapsed().as_secs_f64();
        rates.push(bytes as f64 / 1e6 / secs);
    }
    let cpu = on_cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    println!(
        "{} documents, {:.1} MB, {found} expressions per pass; {passes} passes on one thread: median {median:.1} MB/s (min {:.1}, max {:.1})",
        docs.len(),
        bytes as f64 / 1e6,
        rates[0],
        rates[rates.len() - 1]
    );
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        let mb = (bytes * passes) as f64 / 1e6;
        println!(
            "on-CPU time {cpu:.2} s: {:.1} MB/s per CPU-second",
            mb / cpu
        );
    }
    Ok(())
}

/// Seconds this (single-threaded) process has spent running on a CPU, if the OS tells.
fn on_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
