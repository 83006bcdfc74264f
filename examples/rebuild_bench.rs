//! The rebuild `annals serve` does after one event file changes, timed.
//!
//! cargo run --release --example rebuild_bench -- SITE [--runs N]
//!
//! Does what `serve` does (src/commands/build.rs, `Live`): one full build into output/ with
//! drafts, then N times: edit the title of one event file (a different one each time), rebuild
//! after that change, and restore the file (rebuilt again, untimed). Prints the median time of
//! the incremental rebuild and, for comparison, of one full rebuild.

mod bench_util;

// The allocator the `annals` binary uses, so the figures are serve's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use annals::Live;
use annals::config::Config;
use annals::site::BuildOptions;
use bench_util::{median, peak_rss_mb, runs_and_args};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let (runs, args) = runs_and_args(5);
    let Some(root) = args
        .first()
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
    else {
        anyhow::bail!("usage: rebuild_bench SITE [--runs N]");
    };
    let options = BuildOptions {
        output: root.join("output"),
        base_url: None,
        drafts: true,
    };
    let mut live = Live::new(&root, options);
    let started = Instant::now();
    let report = live.full()?;
    let full = started.elapsed().as_secs_f64();
    let config = Config::load(&root.join("site.toml"))?;
    let events_dir = root.join(&config.extract.events_dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&events_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no event files in {}",
        events_dir.display()
    );
    let (mut times, mut written) = (vec![], vec![]);
    for run in 0..runs {
        let file = &files[run * files.len() / runs];
        let original = std::fs::read_to_string(file)?;
        let edited = original.replacen("title: ", "title: Edited ", 1);
        std::fs::write(file, &edited)?;
        let started = Instant::now();
        let result = live.rebuild(Some(vec![file.clone()]));
        times.push(started.elapsed().as_secs_f64());
        std::fs::write(file, &original)?;
        written.push(result?.map_or(0, |r| r.written) as f64);
        live.rebuild(Some(vec![file.clone()]))?;
    }
    println!(
        "rebuild after one event edit: {} pages; median of {runs}: {:.0} ms, {:.0} files written \
         (a full build: {:.0} ms); peak RSS {:.0} MB",
        report.pages,
        median(&times) * 1e3,
        median(&written),
        full * 1e3,
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}
