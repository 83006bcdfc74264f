//! A cache of parsed event files for `build` and `serve`, so that a site of 10,000 events does
//! not parse 10 MB of YAML on every build (YAML parsing was a third of a 10,000-event build;
//! the same events read back from JSON take a twentieth of that time).
//!
//! Entries are keyed by file name and a hash of the file's bytes, and hold the event exactly as
//! [`super::load`] parsed it: an edited file misses and is parsed again, a broken one is never
//! cached, so the cache can make a build faster but never different. It is a JSON Lines file
//! (see [`CACHE_FILE`]) that any build may rewrite; deleting it is always safe. Failing to read
//! or write it is not an error: the build parses the YAML as if there were no cache.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::event::Event;

/// Where the cache lives, relative to the site folder.
pub const CACHE_FILE: &str = ".annals-cache/events.jsonl";

/// The first line of the file: a cache written by another version of annals (whose events may
/// read differently) is ignored.
#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    annals_parse_cache: String,
}

fn header() -> Header {
    Header {
        annals_parse_cache: env!("CARGO_PKG_VERSION").to_string(),
    }
}

#[derive(Serialize, Deserialize)]
struct Entry {
    name: String,
    hash: String,
    event: Event,
}

/// The parsed events of the last build, by file name: (hash of the file's bytes, event).
#[derive(Default)]
pub struct ParseCache {
    entries: HashMap<String, (String, Event)>,
}

impl ParseCache {
    /// Reads the cache at `path`; anything unreadable, of another version or malformed gives an
    /// empty cache.
    pub fn read(path: &Path) -> ParseCache {
        let Ok(text) = std::fs::read_to_string(path) else {
            return ParseCache::default();
        };
        let mut lines = text.lines();
        let current = lines
            .next()
            .and_then(|l| serde_json::from_str::<Header>(l).ok())
            .is_some_and(|h| h == header());
        if !current {
            return ParseCache::default();
        }
        let entries: Option<HashMap<String, (String, Event)>> = lines
            .collect::<Vec<_>>()
            .par_iter()
            .map(|line| {
                let entry: Entry = serde_json::from_str(line).ok()?;
                Some((entry.name, (entry.hash, entry.event)))
            })
            .collect();
        ParseCache {
            entries: entries.unwrap_or_default(),
        }
    }

    /// Takes out the cached event of the file `name` whose bytes hash to `hash`.
    pub fn take(&mut self, name: &str, hash: &str) -> Option<Event> {
        match self.entries.get(name) {
            Some((cached, _)) if cached == hash => self.entries.remove(name).map(|(_, e)| e),
            _ => None,
        }
    }

    /// Whether the cache holds exactly these files with these hashes.
    pub fn matches<'a>(&self, files: impl Iterator<Item = (&'a str, &'a str)>) -> bool {
        let mut count = 0;
        let all = files.into_iter().all(|(name, hash)| {
            count += 1;
            self.entries.get(name).is_some_and(|(h, _)| h == hash)
        });
        all && count == self.entries.len()
    }

    /// Writes a cache of `files` (name, hash, event) to `path`, replacing it atomically (two
    /// builds at once each write a whole file). Errors are ignored: the cache is only an aid.
    pub fn write<'a>(path: &Path, files: impl Iterator<Item = (&'a str, &'a str, &'a Event)>) {
        let mut text = serde_json::to_string(&header()).expect("the header serialises");
        text.push('\n');
        for (name, hash, event) in files {
            let entry = EntryRef { name, hash, event };
            let Ok(line) = serde_json::to_string(&entry) else {
                return;
            };
            text.push_str(&line);
            text.push('\n');
        }
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let temporary = dir.join(format!(".events.jsonl.tmp-{}", std::process::id()));
        if std::fs::write(&temporary, text).is_err() || std::fs::rename(&temporary, path).is_err() {
            std::fs::remove_file(&temporary).ok();
        }
    }
}

#[derive(Serialize)]
struct EntryRef<'a> {
    name: &'a str,
    hash: &'a str,
    event: &'a Event,
}
