//! Extraction and merging over a content folder, at 10%, 50% and 100% of its articles.
//!
//! cargo run --release --example pipeline_bench -- SITE [--runs N]
//!
//! SITE is a site folder (`te3_export site DIR` writes one from TE3-silver). The articles are
//! loaded once (timed), then for each share of them (every 10th article, every 2nd, all) the
//! library's `extract_all` (every core) and `merge` run N times; the median wall time, CPU time
//! and the cost per article are printed. The cost per article must not grow with the share.
//! Peak RSS is the high-water mark of the whole process.

mod bench_util;

use annals::article;
use annals::config::Config;
use annals::extract;
use annals::merge::{self, MergeOptions};
use bench_util::{cpu_secs, median, peak_rss_mb, runs_and_args};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let (runs, args) = runs_and_args(3);
    let Some(root) = args.first().map(PathBuf::from) else {
        anyhow::bail!("usage: pipeline_bench SITE [--runs N]");
    };
    let config = Config::load(&root.join("site.toml"))?;
    let started = Instant::now();
    let loaded = article::load_dir(&root, &root.join(&config.extract.content_dir))?;
    let load_secs = started.elapsed().as_secs_f64();
    let all = loaded.articles;
    let bytes: usize = all.iter().map(|a| a.text.len()).sum();
    println!(
        "load: {} articles, {:.1} MB of text in {:.0} ms",
        all.len(),
        bytes as f64 / 1e6,
        load_secs * 1e3
    );
    let options = MergeOptions {
        threshold: config.merge.threshold,
        ..MergeOptions::default()
    };
    for (percent, stride) in [(10, 10), (50, 2), (100, 1)] {
        let articles: Vec<_> = all.iter().step_by(stride).cloned().collect();
        let (mut extract_wall, mut extract_cpu, mut merge_wall, mut merge_cpu) =
            (vec![], vec![], vec![], vec![]);
        let (mut found, mut events) = (0, 0);
        for _ in 0..runs {
            let (t, c) = (Instant::now(), cpu_secs().unwrap_or(0.0));
            let candidates = extract::extract_all(&articles, config.extract.numeric_dates);
            extract_wall.push(t.elapsed().as_secs_f64());
            extract_cpu.push(cpu_secs().unwrap_or(0.0) - c);
            let (t, c) = (Instant::now(), cpu_secs().unwrap_or(0.0));
            let merged = merge::merge(&candidates, &articles, &options);
            merge_wall.push(t.elapsed().as_secs_f64());
            merge_cpu.push(cpu_secs().unwrap_or(0.0) - c);
            found = candidates.len();
            events = std::hint::black_box(merged).events.len();
        }
        let n = articles.len() as f64;
        let subset_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let (ew, ec, mw, mc) = (
            median(&extract_wall),
            median(&extract_cpu),
            median(&merge_wall),
            median(&merge_cpu),
        );
        println!(
            "{percent:>3}%: {} articles -> {found} candidates -> {events} events; \
             extract {:.0} ms wall / {:.0} ms CPU, merge {:.0} ms wall / {:.0} ms CPU, \
             total {:.0} ms wall ({:.0} articles/s, {:.2} MB/s); per article {:.0} us wall \
             ({:.0} us extract, {:.0} us merge); median of {runs}",
            articles.len(),
            ew * 1e3,
            ec * 1e3,
            mw * 1e3,
            mc * 1e3,
            (ew + mw) * 1e3,
            n / (ew + mw),
            subset_bytes as f64 / 1e6 / (ew + mw),
            (ew + mw) / n * 1e6,
            ew / n * 1e6,
            mw / n * 1e6,
        );
    }
    println!(
        "peak RSS {:.0} MB (whole process)",
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}
