//! Reading the events folder: parse every `*.yaml`/`*.yml` file with located errors and classify
//! it against the state file.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;
use chrono::NaiveDate;
use rayon::prelude::*;

use super::parse_cache::{ParseCache, Stamp};
use super::state::{self, RejectedRecord, State};
use super::{Class, Store, StoredEvent};
use crate::error::ContentError;
use crate::event::Event;

/// Reads every event file of `events_dir` (a missing folder is an empty store).
///
/// Parse errors, unknown keys and invalid dates are [`ContentError`]s naming file:line:column.
pub fn load(events_dir: &Path) -> anyhow::Result<Store> {
    load_on(events_dir, chrono::Local::now().date_naive())
}

/// The event of every file of `events_dir` by path, sorted by file name, taking those of
/// unchanged files from the parse cache at `cache_file` and refreshing it (see
/// [`super::parse_cache`]): for `build` and `serve`, which read the whole store every time and
/// need neither the files' text nor how they differ from what extraction wrote. Errors are
/// those of [`load`].
pub fn load_cached(events_dir: &Path, cache_file: &Path) -> anyhow::Result<Vec<(PathBuf, Event)>> {
    load_cached_at(events_dir, cache_file, SystemTime::now())
}

/// [`load_cached`], trusting the stamps of files last written well before `now`.
pub(crate) fn load_cached_at(
    events_dir: &Path,
    cache_file: &Path,
    now: SystemTime,
) -> anyhow::Result<Vec<(PathBuf, Event)>> {
    // Read for its errors: a broken state file fails a build as it fails `extract`.
    State::load(events_dir)?;
    let mut cache = ParseCache::read(cache_file);
    let stamped: Vec<(PathBuf, String, Option<Stamp>)> = event_files(events_dir)?
        .into_par_iter()
        .map(|path| {
            let name = file_name(&path);
            let stamp = std::fs::metadata(&path).ok().map(|m| Stamp::of(&m));
            (path, name, stamp)
        })
        .collect();
    let looked: Vec<_> = stamped
        .into_iter()
        .map(|(path, name, stamp)| {
            let known = stamp.and_then(|s| cache.take_stamped(&name, s));
            (path, name, stamp, known)
        })
        .collect();
    let mut changed = looked.iter().any(|(.., known)| known.is_none());
    // Files not known by their stamp are read; those whose bytes are unchanged still take
    // their events from the cache.
    let read = looked
        .into_par_iter()
        .map(|(path, name, stamp, known)| {
            let text = match known {
                Some(_) => None,
                None => Some(read_text(&path)?),
            };
            anyhow::Ok((path, name, stamp, known, text))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|r| {
            r.map(|(path, name, stamp, known, text)| match (known, text) {
                (Some((hash, event)), _) => (path, name, stamp, hash, None, Some(event)),
                (None, text) => {
                    let text = text.unwrap_or_default();
                    let hash = state::hash(text.as_bytes());
                    let cached = cache.take(&name, &hash);
                    (path, name, stamp, hash, Some(text), cached)
                }
            })
        })
        .collect::<Vec<_>>();
    let parsed = read
        .into_par_iter()
        .map(|r| {
            let (path, name, stamp, hash, text, cached) = r?;
            let event = match cached {
                Some(event) => event,
                None => parse_event(&path, text.as_deref().unwrap_or_default())?,
            };
            Ok((path, name, stamp, hash, event))
        })
        .collect::<Vec<_>>()
        .into_iter()
        // The first broken file by name, whichever thread found it.
        .collect::<anyhow::Result<Vec<_>>>()?;
    // Entries left over are files since deleted.
    changed |= !cache.is_empty();
    if changed {
        ParseCache::write(
            cache_file,
            parsed.iter().map(|(_, name, stamp, hash, event)| {
                (
                    name.as_str(),
                    hash.as_str(),
                    stamp.and_then(|s| s.settled(now)),
                    event,
                )
            }),
        );
    }
    Ok(parsed
        .into_iter()
        .map(|(path, _, _, _, event)| (path, event))
        .collect())
}

/// [`load`], with `today` as the day deletions are noticed.
pub(crate) fn load_on(events_dir: &Path, today: NaiveDate) -> anyhow::Result<Store> {
    let mut state = State::load(events_dir)?;
    let read = event_files(events_dir)?
        .into_par_iter()
        .map(|path| {
            let text = read_text(&path)?;
            let name = file_name(&path);
            let hash = state::hash(text.as_bytes());
            anyhow::Ok((path, name, hash, text))
        })
        .collect::<Vec<_>>();
    // Parsing is most of the time of a large store, and each file parses alone.
    let parsed = read
        .into_par_iter()
        .map(|r| {
            let (path, name, hash, text) = r?;
            let event = parse_event(&path, &text)?;
            Ok((path, name, hash, text, event))
        })
        .collect::<Vec<_>>()
        .into_iter()
        // The first broken file by name, whichever thread found it.
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut events = Vec::with_capacity(parsed.len());
    for (path, name, hash, text, event) in parsed {
        let record = state.files.get(&name);
        let class = match record {
            None => Class::HandMade,
            Some(r) if r.hash == hash && !event.hidden => Class::Untouched,
            Some(_) => Class::Edited,
        };
        events.push(StoredEvent {
            recorded_id: record.map(|r| r.id.clone()),
            event,
            path,
            class,
            text,
        });
    }
    let gone: Vec<String> = state
        .files
        .keys()
        .filter(|name| !events_dir.join(name).exists())
        .cloned()
        .collect();
    for name in gone {
        let record = state.files.remove(&name).expect("listed above");
        if events.iter().any(|e| e.event.id == record.id) {
            // Renamed rather than deleted: the event lives on in a file of its own.
            continue;
        }
        state.rejected.entry(record.id).or_insert(RejectedRecord {
            noticed: today,
            title: record.title,
        });
    }
    Ok(Store { events, state })
}

/// Reads and parses one event file: its text and its event.
pub(crate) fn read_event(path: &Path) -> anyhow::Result<(String, Event)> {
    let text = read_text(path)?;
    let event = parse_event(path, &text)?;
    Ok((text, event))
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8(bytes).map_err(|_| {
        ContentError::new(path, "the event file is not UTF-8 text").help("save the file as UTF-8")
    })?)
}

/// The name of an event file inside the events folder: the key of its state and cache entries.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `name` is the name of an event file [`load`] reads (when it is a file).
pub fn is_event_file_name(name: &str) -> bool {
    (name.ends_with(".yaml") || name.ends_with(".yml")) && !name.starts_with('.')
}

/// The event files of the folder, sorted by name. Dot files (the state, temporary files) are
/// skipped.
fn event_files(events_dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(events_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!(
                "cannot read the events folder {}",
                events_dir.display()
            )));
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", events_dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // The entry's type comes with the listing; only symlinks need a stat to follow them.
        let is_file = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_file(),
            Ok(t) => t.is_file(),
            Err(_) => path.is_file(),
        };
        if is_event_file_name(&name) && is_file {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Parses one event file. A missing `id` is taken from the file name.
pub(crate) fn parse_event(path: &Path, text: &str) -> Result<Event, ContentError> {
    match serde_saphyr::from_str::<Event>(text) {
        Ok(event) => Ok(event),
        // A flow mapping (`{date: ..., title: ...}`) cannot take an inserted `id:` line.
        Err(e) if message_of(&e) == "missing field `id`" && !text.trim_start().starts_with('{') => {
            // Retry with the id from the file name, inserted after a leading `---` if any.
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let at = if text.starts_with("---") {
                text.find('\n').map_or(text.len(), |i| i + 1)
            } else {
                0
            };
            let inserted_line = text[..at].matches('\n').count() + 1;
            let id_line = format!(
                "id: {}\n",
                serde_json::to_string(&stem).expect("strings serialise")
            );
            let patched = format!("{}{id_line}{}", &text[..at], &text[at..]);
            serde_saphyr::from_str::<Event>(&patched)
                .map_err(|e| located(path, text, &e, Some(inserted_line)))
        }
        Err(e) => Err(located(path, text, &e, None)),
    }
}

/// The error message without serde-saphyr's location suffix and snippet.
fn message_of(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    match e.location() {
        Some(l) => {
            let suffix = format!(" at line {}, column {}", l.line(), l.column());
            text.strip_suffix(&suffix).unwrap_or(&text).to_string()
        }
        None => text,
    }
}

/// Turns a serde-saphyr error into a [`ContentError`] pointing into `text`. `inserted_line` is
/// the 1-based line of an `id:` line added before parsing, which shifts later lines by one.
fn located(
    path: &Path,
    text: &str,
    e: &serde_saphyr::Error,
    inserted_line: Option<usize>,
) -> ContentError {
    let message = message_of(e);
    let mut position = e.location().map(|l| {
        let line = usize::try_from(l.line()).unwrap_or(usize::MAX).max(1);
        let column = usize::try_from(l.column()).unwrap_or(usize::MAX).max(1);
        match inserted_line {
            Some(inserted) if line > inserted => (line - 1, column),
            Some(inserted) if line == inserted => (line, 1),
            _ => (line, column),
        }
    });
    let (message, help) = if let Some(unknown) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let expected: Vec<&str> = message
            .split_once("expected one of ")
            .map(|(_, list)| list.split(", ").collect())
            .unwrap_or_default();
        let help = match crate::suggest::closest(unknown, expected.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the keys allowed here are {}", expected.join(", ")),
        };
        (format!("unknown key `{unknown}` in event file"), help)
    } else if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        // serde-saphyr points at the end of the mapping; the start is more useful.
        position = Some((1, 1));
        (
            format!("the event has no `{field}`"),
            "every event needs `id` (or a file name), `date` and `title`".to_string(),
        )
    } else if let Some(key) = message
        .strip_prefix("duplicate mapping key: ")
        .and_then(|m| m.split(',').next())
    {
        (
            format!("key `{key}` appears twice"),
            "keep one of them; YAML allows each key once per mapping".to_string(),
        )
    } else if message.contains("is not a date") {
        let help = if message.contains("ends before it starts") {
            "write the earlier date first: `start/end`"
        } else if message.contains(" has no day ") {
            "check the day: that month is shorter"
        } else {
            "`~` marks an approximate date and `?` an uncertain one; see docs/events.md"
        };
        (message, help.to_string())
    } else {
        (
            format!(
                "the event file is not valid YAML for an event: {}",
                crate::error::plain_parser_message(&message)
            ),
            "see docs/events.md for the format of event files".to_string(),
        )
    };
    let mut err = ContentError::new(path, message).help(help);
    if let Some((line, column)) = position {
        let line = line.min(text.lines().count().max(1));
        err = err.at(text, line, column);
    }
    err
}
