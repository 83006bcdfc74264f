//! Exports the TE3-silver documents (tags stripped) once, so every benchmark reads the same input.
//!
//! cargo run --release --example te3_export -- jsonl OUT.jsonl [--folder DIR]
//! cargo run --release --example te3_export -- site DIR [--folder DIR]
//!
//! `jsonl` writes one `{"id", "dct", "text"}` object a line (the input of the peer taggers in
//! `bench/run`). `site` writes a site folder: `site.toml` and one `content/<id>.txt` per document
//! with a `Date:` header line, the way a user would give annals the articles.

use annals::time::timeml;
use std::io::Write as _;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/timeml/TE3-silver");
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--folder" {
            folder = PathBuf::from(args.next().unwrap_or_default());
        } else {
            positional.push(a);
        }
    }
    let [mode, out] = positional.as_slice() else {
        anyhow::bail!("usage: te3_export (jsonl OUT.jsonl | site DIR) [--folder DIR]");
    };
    let docs = timeml::read_dir(&folder)?;
    let out = PathBuf::from(out);
    match mode.as_str() {
        "jsonl" => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&out)?);
            for (_, doc) in &docs {
                let line = serde_json::json!({
                    "id": doc.id,
                    "dct": doc.dct.map(|d| d.to_string()),
                    "text": doc.text,
                });
                writeln!(file, "{line}")?;
            }
            file.flush()?;
        }
        "site" => {
            let content = out.join("content");
            std::fs::create_dir_all(&content)?;
            std::fs::write(
                out.join("site.toml"),
                "title = \"TE3-silver\"\ndescription = \"Benchmark site\"\n",
            )?;
            for (path, doc) in &docs {
                let mut text = String::with_capacity(doc.text.len() + 32);
                if let Some(dct) = doc.dct {
                    text.push_str(&format!("Date: {dct}\n"));
                }
                text.push_str(&doc.text);
                let name = path.file_stem().unwrap_or_default().to_string_lossy();
                std::fs::write(content.join(format!("{name}.txt")), text)?;
            }
        }
        other => anyhow::bail!("unknown mode `{other}`: use jsonl or site"),
    }
    let bytes: usize = docs.iter().map(|(_, d)| d.text.len()).sum();
    eprintln!(
        "wrote {} documents ({:.1} MB of text) to {}",
        docs.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
