//! `annals tag`: the temporal tagger on one text, for people and for the TempEval-3 scorer.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, bail};
use chrono::NaiveDate;

use crate::cli::{NumericDates, Outcome, TagArgs, TagFormat, TagInput};
use crate::time::{self, NumericOrder, TagOptions, Timex};

pub fn run(args: &TagArgs) -> anyhow::Result<Outcome> {
    let (name, bytes) = read_input(args.file.as_deref())?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name} is not valid UTF-8 at byte {}; convert it to UTF-8 first (e.g. `iconv -t UTF-8`)",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut dct = args.dct.as_deref().map(parse_dct).transpose()?;
    let document = match args.input {
        TagInput::Text => None,
        TagInput::Timeml => {
            let doc =
                time::timeml::read(&text).with_context(|| format!("reading {name} as TimeML"))?;
            dct = dct.or(doc.dct);
            Some(doc)
        }
    };
    let plain = document.as_ref().map_or(text.as_str(), |d| d.text.as_str());
    let numeric_order = match args.numeric_dates {
        NumericDates::MonthFirst => NumericOrder::MonthFirst,
        NumericDates::DayFirst => NumericOrder::DayFirst,
    };
    let timexes = time::tag_with(plain, &TagOptions { dct, numeric_order });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        TagFormat::Jsonl => {
            for timex in &timexes {
                serde_json::to_writer(&mut out, timex)?;
                out.write_all(b"\n")?;
            }
        }
        TagFormat::Timeml => {
            let doc_id = document.as_ref().map_or(name.as_str(), |d| d.id.as_str());
            out.write_all(time::timeml::write(doc_id, dct, plain, &timexes).as_bytes())?;
        }
        TagFormat::Text => write_human(&mut out, plain, &timexes)?,
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn read_input(file: Option<&Path>) -> anyhow::Result<(String, Vec<u8>)> {
    match file {
        None => read_stdin(),
        Some(p) if p == Path::new("-") => read_stdin(),
        Some(path) if path.is_dir() => {
            bail!(
                "{} is a folder; give annals tag one text file (or `-` for standard input)",
                path.display()
            )
        }
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok((path.display().to_string(), bytes))
        }
    }
}

fn read_stdin() -> anyhow::Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(("standard input".into(), bytes))
}

fn parse_dct(text: &str) -> anyhow::Result<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(date) => Ok(date),
        Err(_) => {
            bail!("--dct `{text}` is not a date; write it as YYYY-MM-DD, e.g. --dct 2017-03-02")
        }
    }
}

/// Each line of the text that has expressions, with `[expression → value]` marks.
fn write_human(out: &mut impl Write, text: &str, timexes: &[Timex]) -> std::io::Result<()> {
    let mut line_start = 0;
    let mut next = timexes.iter().peekable();
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let mut marked = String::new();
        let mut cursor = line_start;
        while let Some(t) = next.next_if(|t| t.start < line_end) {
            marked.push_str(&text[cursor..t.start.max(cursor)]);
            let resolved = match &t.interval {
                Some(i) if i.first != i.last => format!("{} ({}..{})", t.value, i.first, i.last),
                _ => t.value.clone(),
            };
            marked.push_str(&format!(
                "[{} → {} {}]",
                &text[t.start..t.end],
                t.kind.as_str(),
                resolved
            ));
            cursor = t.end.min(text.len());
        }
        if cursor > line_start {
            marked.push_str(&text[cursor.min(line_end)..line_end]);
            out.write_all(marked.trim_end().as_bytes())?;
            out.write_all(b"\n")?;
        }
        line_start = line_end;
    }
    Ok(())
}
