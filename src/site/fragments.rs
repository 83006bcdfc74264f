//! Each event's piece of every export, kept from one build to the next: an edit to one event
//! changes one piece of each 40 MB of exports, so a rebuild joins the kept pieces around it
//! instead of writing every event out again. Joined pieces are byte for byte what one pass
//! over all events writes.

use std::collections::HashMap;

use rayon::prelude::*;

use super::model::Model;

/// Pieces of one export by event key ([`Model::keys`]).
pub type Pieces = HashMap<u64, String>;

/// Every event's piece of one export in model order: the one `kept` under its key, else
/// `make(i)`. Pieces are moved out of `kept`, not copied; [`keep`] puts them back.
pub fn pieces(
    model: &Model,
    mut kept: Pieces,
    make: impl Fn(usize) -> String + Sync,
) -> Vec<String> {
    let known: Vec<Option<String>> = model.keys.iter().map(|k| kept.remove(k)).collect();
    known
        .into_par_iter()
        .enumerate()
        .map(|(i, piece)| piece.unwrap_or_else(|| make(i)))
        .collect()
}

/// The pieces of this build, for the next.
pub fn keep(model: &Model, pieces: Vec<String>) -> Pieces {
    model.keys.iter().copied().zip(pieces).collect()
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

/// A pretty-printed JSON array, `depth` spaces in, of `items` each already indented by
/// `depth + 2`: what `serde_json` writes for the whole array.
pub fn array<'a>(items: impl ExactSizeIterator<Item = &'a String> + Clone, depth: usize) -> String {
    if items.len() == 0 {
        return "[]".into();
    }
    // Sized up front: grown by doubling, the 137 MB events.json of 100,000 events would
    // briefly hold twice that.
    let size = items.clone().map(|i| i.len() + 2).sum::<usize>() + depth + 3;
    let mut out = String::with_capacity(size);
    out.push_str("[\n");
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push_str(",\n");
        }
        out.push_str(item);
    }
    out.push('\n');
    out.push_str(&" ".repeat(depth));
    out.push(']');
    out
}

/// `doc` with the empty array of `key` replaced by `array` (no string in JSON holds an
/// unescaped `"key": []`, so the first match is the member).
pub fn splice(doc: &str, key: &str, array: &str) -> String {
    let member = format!("\"{key}\": []");
    let at = doc.find(&member).expect("the document has the member") + member.len() - 2;
    let mut out = String::with_capacity(doc.len() + array.len());
    out.push_str(&doc[..at]);
    out.push_str(array);
    out.push_str(&doc[at + 2..]);
    out
}
