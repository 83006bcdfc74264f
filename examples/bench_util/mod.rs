//! Measurements shared by the benchmark examples: CPU time and peak memory of this process, read
//! from `/proc/self` (Linux), and the median of a few runs.

#![allow(dead_code)]

/// User + system CPU seconds this process has used so far (`/proc/self/stat`, clock ticks of
/// 1/100 s); `None` off Linux.
pub fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident memory of this process in MB (`VmHWM` of `/proc/self/status`).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The median of `values` (the upper one of the middle two for an even count).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// `runs` from `--runs N` anywhere in the arguments, else `default`; the other arguments in order.
pub fn runs_and_args(default: usize) -> (usize, Vec<String>) {
    let mut runs = default;
    let mut rest = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(default)
                .max(1);
        } else {
            rest.push(a);
        }
    }
    (runs, rest)
}

/// A small deterministic generator (SplitMix64): the same seed gives the same synthetic data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A made-up lowercase word of 2 to 4 syllables.
    pub fn word(&mut self) -> String {
        const SYLLABLES: &[&str] = &[
            "ba", "ko", "ri", "tan", "mel", "so", "vur", "den", "ga", "lin", "po", "ster", "qua",
            "mor", "fi", "zel", "ham", "tro", "nu", "wex",
        ];
        let n = 2 + self.below(3);
        (0..n)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len())])
            .collect()
    }

    /// A made-up name: "Bakori Tanmel".
    pub fn name(&mut self) -> String {
        let cap = |w: String| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let (a, b) = (self.word(), self.word());
        format!("{} {}", cap(a), cap(b))
    }
}
