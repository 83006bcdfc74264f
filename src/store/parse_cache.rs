//! A cache of parsed event files for `build` and `serve`, so that a site of 10,000 events does
//! not parse 10 MB of YAML on every build (YAML parsing was a third of a 10,000-event build;
//! the same events read back from JSON take a twentieth of that time).
//!
//! Entries are keyed by file name, with a hash of the file's bytes and its [`Stamp`] (size,
//! times, inode), and hold the event exactly as [`super::load`] parsed it. A file whose stamp
//! is unchanged is not even read (opening and reading 10,000 files was a fifth of a build); any
//! other file is read, and parsed again if its bytes changed. A broken file is never cached, so
//! the cache can make a build faster but never different. It is a JSON Lines file (see
//! [`CACHE_FILE`]) that any build may rewrite; deleting it is always safe. Failing to read or
//! write it is not an error: the build parses the YAML as if there were no cache.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

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
    /// `None` when the file was too new to vouch for (see [`Stamp::settled`]).
    #[serde(default)]
    stamp: Option<Stamp>,
    event: Event,
}

/// What the file system says of a file without reading it. Any write changes the change
/// time (which, unlike the modification time, no tool can set back), an editor's save by
/// rename changes the inode, so an equal stamp means the same bytes, unless the file was
/// written again within the clock's granularity of the stamp being taken: such stamps are not
/// kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Nanoseconds since the epoch.
    modified: i128,
    changed: i128,
    inode: u64,
}

/// How long after a write its stamp is trusted: well above the timestamp granularity of
/// common file systems (nanoseconds on ext4, but ticked by a coarse clock; 2 s on FAT).
const SETTLE: Duration = Duration::from_secs(3);

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Stamp {
                len: meta.len(),
                modified: ns(meta.mtime(), meta.mtime_nsec()),
                changed: ns(meta.ctime(), meta.ctime_nsec()),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let ns = |t: std::io::Result<SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i128)
            };
            Stamp {
                len: meta.len(),
                modified: ns(meta.modified()),
                changed: ns(meta.created()),
                inode: 0,
            }
        }
    }

    /// The stamp, if the file's last write is old enough at `now` that a later write must
    /// change it.
    pub fn settled(self, now: SystemTime) -> Option<Stamp> {
        let last = self.modified.max(self.changed);
        let before = now
            .checked_sub(SETTLE)
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        (last < before).then_some(self)
    }
}

/// A cached file: the hash of its bytes, its stamp, its event.
type Cached = (String, Option<Stamp>, Event);

/// The parsed events of the last build, by file name.
#[derive(Default)]
pub struct ParseCache {
    entries: HashMap<String, Cached>,
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
        let entries: Option<HashMap<String, Cached>> = lines
            .collect::<Vec<_>>()
            .par_iter()
            .map(|line| {
                let entry: Entry = serde_json::from_str(line).ok()?;
                Some((entry.name, (entry.hash, entry.stamp, entry.event)))
            })
            .collect();
        ParseCache {
            entries: entries.unwrap_or_default(),
        }
    }

    /// Takes out the cached hash and event of the file `name` if it was cached with this
    /// `stamp`: the file need not be read.
    pub fn take_stamped(&mut self, name: &str, stamp: Stamp) -> Option<(String, Event)> {
        match self.entries.get(name) {
            Some((_, Some(cached), _)) if *cached == stamp => self
                .entries
                .remove(name)
                .map(|(hash, _, event)| (hash, event)),
            _ => None,
        }
    }

    /// Takes out the cached event of the file `name` whose bytes hash to `hash`.
    pub fn take(&mut self, name: &str, hash: &str) -> Option<Event> {
        match self.entries.get(name) {
            Some((cached, _, _)) if cached == hash => self.entries.remove(name).map(|(_, _, e)| e),
            _ => None,
        }
    }

    /// Whether no entry is left: every file it knew was taken.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes a cache of `files` (name, hash, stamp, event) to `path`, replacing it atomically
    /// (two builds at once each write a whole file). Errors are ignored: the cache is only an
    /// aid.
    pub fn write<'a>(
        path: &Path,
        files: impl Iterator<Item = (&'a str, &'a str, Option<Stamp>, &'a Event)>,
    ) {
        let mut text = serde_json::to_string(&header()).expect("the header serialises");
        text.push('\n');
        for (name, hash, stamp, event) in files {
            let entry = EntryRef {
                name,
                hash,
                stamp,
                event,
            };
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
    stamp: Option<Stamp>,
    event: &'a Event,
}
