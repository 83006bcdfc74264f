//! Each event's piece of every export, kept from one build to the next: an edit to one event
//! changes one piece of each 40 MB of exports, so a rebuild writes the kept pieces around it
//! instead of making every event's piece again. The kept pieces written out are byte for byte
//! what one pass over all events writes.

use std::collections::HashMap;
use std::io::Write;

use rayon::prelude::*;

/// Pieces of one export by event key (the model's `keys`).
pub type Pieces = HashMap<u64, String>;

/// The piece of each event of one export, whose events have the model keys `keys`, in
/// order: the one `kept` under its key, else `make(k)` for the `k`th. Pieces are moved out of
/// `kept`, not copied; [`keep`] puts them back.
pub fn pieces(
    keys: &[u64],
    mut kept: Pieces,
    make: impl Fn(usize) -> String + Sync,
) -> Vec<String> {
    let known: Vec<Option<String>> = keys.iter().map(|k| kept.remove(k)).collect();
    known
        .into_par_iter()
        .enumerate()
        .map(|(i, piece)| piece.unwrap_or_else(|| make(i)))
        .collect()
}

/// The pieces of this build (of the events with `keys`), for the next.
pub fn keep(keys: &[u64], pieces: Vec<String>) -> Pieces {
    keys.iter().copied().zip(pieces).collect()
}

/// `json` (pretty-printed, so no string holds a raw line break) with every line indented by
/// `by` spaces, as `serde_json` writes a value nested that deep.
pub fn indent(json: &str, by: usize) -> String {
    let pad = " ".repeat(by);
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for (n, line) in json.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&pad);
        out.push_str(line);
    }
    out
}

/// An export as a head, each event's piece, and a tail. A kept build [`Layout::write`]s the
/// pieces it keeps for the next build; a one-off build [`Layout::stream`]s them to the file a
/// chunk at a time (the exports of 100,000 events are 400 MB, and held whole beside their
/// pieces they were most of the build's memory).
pub struct Layout {
    pub head: String,
    /// Between two pieces.
    pub separator: &'static str,
    pub tail: String,
    /// Pieces in reverse model order (the feeds put the newest first).
    pub newest_first: bool,
}

/// Pieces made at once while streaming.
const CHUNK: usize = 1024;

impl Layout {
    /// A layout whose pieces go straight between `head` and `tail`.
    pub fn plain(head: String, tail: String, newest_first: bool) -> Layout {
        Layout {
            head,
            separator: "",
            tail,
            newest_first,
        }
    }

    /// A pretty-printed JSON array of `count` items, each already indented by `depth + 2`, as
    /// `serde_json` writes it `depth` spaces in, between `before` and `after`.
    pub fn json_array(
        before: &str,
        after: &str,
        depth: usize,
        count: usize,
        newest_first: bool,
    ) -> Layout {
        if count == 0 {
            return Layout::plain(format!("{before}[]{after}"), String::new(), newest_first);
        }
        Layout {
            head: format!("{before}[\n"),
            separator: ",\n",
            tail: format!("\n{}]{after}", " ".repeat(depth)),
            newest_first,
        }
    }

    /// [`Layout::json_array`] in place of the empty member `"key": []` of `doc` (no string in
    /// JSON holds an unescaped `"key": []`, so the first match is the member).
    pub fn json_member(
        doc: &str,
        key: &str,
        depth: usize,
        count: usize,
        newest_first: bool,
    ) -> Layout {
        let member = format!("\"{key}\": []");
        let at = doc.find(&member).expect("the document has the member") + member.len() - 2;
        Layout::json_array(&doc[..at], &doc[at + 2..], depth, count, newest_first)
    }

    /// The pieces in their order.
    fn ordered(&self, count: usize) -> Box<dyn Iterator<Item = usize>> {
        if self.newest_first {
            Box::new((0..count).rev())
        } else {
            Box::new(0..count)
        }
    }

    /// Writes the text around `pieces` (in model order) to `out`: the bytes of [`Layout::stream`]
    /// for pieces made already.
    pub fn write(&self, pieces: &[String], out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.head.as_bytes())?;
        for (n, i) in self.ordered(pieces.len()).enumerate() {
            if n > 0 {
                out.write_all(self.separator.as_bytes())?;
            }
            out.write_all(pieces[i].as_bytes())?;
        }
        out.write_all(self.tail.as_bytes())
    }

    /// The whole text around `pieces`, as [`Layout::write`] writes it.
    #[cfg(test)]
    pub fn join(&self, pieces: &[String]) -> String {
        let mut out = Vec::new();
        self.write(pieces, &mut out)
            .expect("a Vec takes every byte");
        String::from_utf8(out).expect("the pieces are text")
    }

    /// Writes the text around the `count` pieces `make` gives (by model index) to `out`,
    /// making a chunk of them in parallel at a time. The bytes are those of [`Layout::write`].
    pub fn stream(
        &self,
        count: usize,
        make: &(dyn Fn(usize) -> String + Sync),
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        out.write_all(self.head.as_bytes())?;
        let order: Vec<usize> = self.ordered(count).collect();
        for (c, chunk) in order.chunks(CHUNK).enumerate() {
            let pieces: Vec<String> = chunk.par_iter().map(|&i| make(i)).collect();
            for (n, piece) in pieces.iter().enumerate() {
                if c > 0 || n > 0 {
                    out.write_all(self.separator.as_bytes())?;
                }
                out.write_all(piece.as_bytes())?;
            }
        }
        out.write_all(self.tail.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-off build streams what a kept build writes: the bytes must be the same, for every
    /// shape of layout, with no pieces, one, and more than one chunk of them.
    #[test]
    fn streaming_writes_what_joining_makes() {
        let doc = "{\n  \"items\": [],\n  \"x\": 1\n}\n";
        for count in [0, 1, 2, CHUNK, CHUNK + 1, 3 * CHUNK + 7] {
            let make = |i: usize| format!("    {{\"n\": {i}}}");
            let pieces: Vec<String> = (0..count).map(make).collect();
            let layouts = [
                Layout::json_array("", "\n", 0, count, false),
                Layout::json_member(doc, "items", 2, count, true),
                Layout::plain("BEGIN\r\n".into(), "END\r\n".into(), false),
                Layout::plain("<feed>\n".into(), "</feed>\n".into(), true),
            ];
            for (n, layout) in layouts.iter().enumerate() {
                let mut streamed = Vec::new();
                layout.stream(count, &make, &mut streamed).unwrap();
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    layout.join(&pieces),
                    "layout {n}, {count} pieces"
                );
            }
        }
    }

    #[test]
    fn json_arrays_are_what_serde_json_writes() {
        let items: Vec<serde_json::Value> = (0..3).map(|i| serde_json::json!({ "n": i })).collect();
        let pieces: Vec<String> = items
            .iter()
            .map(|i| indent(&serde_json::to_string_pretty(i).unwrap(), 2))
            .collect();
        assert_eq!(
            Layout::json_array("", "\n", 0, 3, false).join(&pieces),
            serde_json::to_string_pretty(&items).unwrap() + "\n"
        );
        let doc = serde_json::json!({ "items": [], "title": "x" });
        let layout = Layout::json_member(
            &serde_json::to_string_pretty(&doc).unwrap(),
            "items",
            2,
            3,
            true,
        );
        let pieces: Vec<String> = items
            .iter()
            .map(|i| indent(&serde_json::to_string_pretty(i).unwrap(), 4))
            .collect();
        let reversed: Vec<serde_json::Value> = items.iter().rev().cloned().collect();
        assert_eq!(
            layout.join(&pieces),
            serde_json::to_string_pretty(&serde_json::json!({ "items": reversed, "title": "x" }))
                .unwrap()
        );
        assert_eq!(Layout::json_array("", "\n", 0, 0, false).join(&[]), "[]\n");
    }
}
