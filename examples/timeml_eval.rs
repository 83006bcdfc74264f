//! Scores the tagger on TimeML gold folders the TempEval-3 way and lists its worst errors.
//!
//! cargo run --release --example timeml_eval -- ../shared/data/timeml/TimeBank [more folders]
//!     [--examples N] [--dump]   (--dump also prints every aligned pair, miss and
//!     spurious expression on its own tab-separated line)

use annals::time::score::{self, Counts};
use annals::time::{Timex, tag, timeml};
use std::collections::HashMap;
use std::path::PathBuf;

/// One error, keyed for grouping by what was said and what was expected.
struct Error {
    key: String,
    example: String,
}

fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}[{}]{}",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
    .replace('\n', " ")
}

fn main() -> anyhow::Result<()> {
    let mut folders = Vec::new();
    let mut shown = 5usize;
    let mut dump = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--dump" {
            dump = true;
        } else if a == "--examples" {
            shown = args.next().and_then(|n| n.parse().ok()).unwrap_or(shown);
        } else if a.starts_with('-') {
            // "--help" or a mistyped flag, not a folder.
            eprintln!("usage: timeml_eval <folder of .tml files>... [--examples N] [--dump]");
            std::process::exit(if a == "--help" || a == "-h" { 0 } else { 2 });
        } else {
            folders.push(PathBuf::from(a));
        }
    }
    if folders.is_empty() {
        eprintln!("usage: timeml_eval <folder of .tml files>... [--examples N] [--dump]");
        std::process::exit(2);
    }
    for folder in folders {
        let docs = timeml::read_dir(&folder)?;
        let mut total = Counts::default();
        let mut errors: HashMap<&'static str, Vec<Error>> = HashMap::new();
        for (path, doc) in &docs {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let system = tag(&doc.text, doc.dct);
            total += score::score(&system, &doc.timexes);
            let pairs = score::align(&system, &doc.timexes);
            let mut paired_sys = vec![false; system.len()];
            let mut paired_gold = vec![false; doc.timexes.len()];
            let describe = |t: &Timex| format!("{} {}", t.kind.as_str(), t.value);
            for &(s, g) in &pairs {
                paired_sys[s] = true;
                paired_gold[g] = true;
                let (s, g) = (&system[s], &doc.timexes[g]);
                if dump {
                    println!(
                        "PAIR\t{}\t{name}\t{:?}\t{}\t{}\t{:?}\t{}",
                        u8::from(s.value == g.value),
                        g.text.to_lowercase(),
                        g.value,
                        s.value,
                        s.text.to_lowercase(),
                        context(&doc.text, g.start, g.end)
                    );
                }
                let ex = format!(
                    "{name} dct={:?}: {}",
                    doc.dct,
                    context(&doc.text, g.start, g.end)
                );
                if s.value != g.value {
                    errors.entry("wrong value").or_default().push(Error {
                        key: format!(
                            "{:?}: gold {} / ours {}",
                            g.text.to_lowercase(),
                            g.value,
                            s.value
                        ),
                        example: format!("{ex} (ours {:?})", s.text),
                    });
                }
                if (s.start, s.end) != (g.start, g.end) {
                    errors.entry("wrong span").or_default().push(Error {
                        key: format!(
                            "gold {:?} / ours {:?}",
                            g.text.to_lowercase(),
                            s.text.to_lowercase()
                        ),
                        example: ex,
                    });
                }
            }
            for (t, _) in doc
                .timexes
                .iter()
                .zip(&paired_gold)
                .filter(|(_, paired)| !**paired)
            {
                if dump {
                    println!(
                        "MISSED\t{name}\t{}\t{}",
                        describe(t),
                        context(&doc.text, t.start, t.end)
                    );
                }
                errors.entry("missed").or_default().push(Error {
                    key: format!("{:?} {}", t.text.to_lowercase(), describe(t)),
                    example: format!("{name}: {}", context(&doc.text, t.start, t.end)),
                });
            }
            for (t, _) in system
                .iter()
                .zip(&paired_sys)
                .filter(|(_, paired)| !**paired)
            {
                if dump {
                    println!(
                        "SPURIOUS\t{name}\t{}\t{}",
                        describe(t),
                        context(&doc.text, t.start, t.end)
                    );
                }
                errors.entry("spurious").or_default().push(Error {
                    key: format!("{:?} {}", t.text.to_lowercase(), describe(t)),
                    example: format!("{name}: {}", context(&doc.text, t.start, t.end)),
                });
            }
        }
        println!(
            "== {} ({} documents, {} gold, {} system)",
            folder.display(),
            docs.len(),
            total.gold,
            total.system
        );
        println!(
            "strict   P {:.3} R {:.3} F1 {:.3}",
            total.strict_precision(),
            total.strict_recall(),
            total.strict_f1()
        );
        println!(
            "relaxed  P {:.3} R {:.3} F1 {:.3}",
            total.relaxed_precision(),
            total.relaxed_recall(),
            total.relaxed_f1()
        );
        println!(
            "type accuracy {:.3}  value accuracy {:.3}  value F1 {:.3}",
            total.type_accuracy(),
            total.value_accuracy(),
            total.value_f1()
        );
        for category in ["missed", "spurious", "wrong value", "wrong span"] {
            let list = errors.remove(category).unwrap_or_default();
            println!("\n-- {category}: {}", list.len());
            let mut groups: HashMap<&str, Vec<&str>> = HashMap::new();
            for e in &list {
                groups.entry(&e.key).or_default().push(&e.example);
            }
            let mut groups: Vec<_> = groups.into_iter().collect();
            groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
            for (key, examples) in groups.iter().take(shown * 3) {
                println!("{:4} {key}", examples.len());
                for e in examples.iter().take(if shown > 0 { 1 } else { 0 }) {
                    println!("       {e}");
                }
            }
        }
        println!();
    }
    Ok(())
}
