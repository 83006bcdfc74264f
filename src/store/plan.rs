//! Deciding what a fresh extraction changes in the store, before anything is written.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

use super::load::parse_event;
use super::state::{self, FileRecord, State};
use super::yaml_edit::{append_source, to_yaml};
use super::{Class, Store};
use crate::event::{Event, Source};

/// What [`Plan::apply`] will do. `Display` is the `--dry-run` summary.
#[derive(Debug, Clone)]
pub struct Plan {
    pub added: Vec<AddedEvent>,
    pub updated: Vec<UpdatedEvent>,
    pub new_sources: Vec<NewSource>,
    /// Extracted events that change nothing.
    pub unchanged: usize,
    /// Ids of extracted events skipped because a person deleted them.
    pub rejected_skipped: Vec<String>,
    /// Ids of untouched events that extraction no longer produces; their files are kept.
    pub stale: Vec<String>,
    /// Things annals could not do and a person should look at.
    pub warnings: Vec<String>,
    pub(crate) writes: Vec<FileWrite>,
    /// The state before any write: deletions noticed, written files not yet recorded.
    pub(crate) state: State,
}

/// A new event file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedEvent {
    pub id: String,
    pub title: String,
}

/// An untouched file rewritten from the fresh extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdatedEvent {
    pub id: String,
    /// Names of the fields whose value changed, in file order.
    pub fields: Vec<&'static str>,
}

/// A source appended to an edited or hand-made event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSource {
    pub id: String,
    pub article: String,
}

/// One file to write: its name in the events folder, the new bytes, the hash of the bytes it
/// had when planned (`None`: it must not exist yet), and what to record in the state once it is
/// written (`None` for files a person owns, which must stay unrecorded or edited).
#[derive(Debug, Clone)]
pub(crate) struct FileWrite {
    pub name: String,
    pub bytes: Vec<u8>,
    pub expected: Option<String>,
    pub record: Option<FileRecord>,
}

/// Plans how `extracted` (freshly merged events with stable ids) changes `store`.
///
/// `same_event` tells whether an edited or hand-made event (first argument) and an extracted
/// one (second) are the same event although their ids differ.
pub fn plan(
    store: &Store,
    extracted: Vec<Event>,
    same_event: &dyn Fn(&Event, &Event) -> bool,
) -> Plan {
    let mut plan = Plan {
        added: Vec::new(),
        updated: Vec::new(),
        new_sources: Vec::new(),
        unchanged: 0,
        rejected_skipped: Vec::new(),
        stale: Vec::new(),
        warnings: Vec::new(),
        writes: Vec::new(),
        state: store.state.clone(),
    };
    // The current text and sources of every stored event, as appended to so far.
    let mut texts: HashMap<usize, String> = HashMap::new();
    let mut sources: HashMap<usize, Vec<Source>> = HashMap::new();
    let mut refreshed: BTreeSet<usize> = BTreeSet::new();
    // File names in use, lowercased: `A.yaml` and `a.yaml` are one file on macOS and Windows.
    let mut taken: BTreeSet<String> = store
        .events
        .iter()
        .map(|e| Store::file_name(e).to_lowercase())
        .collect();
    taken.extend(plan.state.files.keys().map(|k| k.to_lowercase()));

    for fresh in extracted {
        let by_id = store.events.iter().position(|s| {
            s.event.id == fresh.id || s.recorded_id.as_deref() == Some(fresh.id.as_str())
        });
        let by_sameness = || {
            store
                .events
                .iter()
                .position(|s| s.class != Class::Untouched && same_event(&s.event, &fresh))
        };
        if let Some(i) = by_id.filter(|&i| store.events[i].class == Class::Untouched) {
            refreshed.insert(i);
            refresh(store, i, &fresh, &mut plan);
        } else if let Some(i) = by_id.or_else(by_sameness) {
            let stored = &store.events[i];
            let text = texts.entry(i).or_insert_with(|| stored.text.clone());
            let have = sources
                .entry(i)
                .or_insert_with(|| stored.event.sources.clone());
            let mut changed = false;
            for source in fresh.sources {
                if have.iter().any(|s| same_source(s, &source)) {
                    continue;
                }
                match appended(stored.path.as_path(), text, &stored.event, have, &source) {
                    Ok(new_text) => {
                        *text = new_text;
                        plan.new_sources.push(NewSource {
                            id: stored.event.id.clone(),
                            article: source.article.clone(),
                        });
                        have.push(source);
                        changed = true;
                    }
                    Err(why) => plan.warnings.push(format!(
                        "{}: cannot add the source from `{}`: {why}; add it by hand",
                        stored.path.display(),
                        source.article
                    )),
                }
            }
            if !changed {
                plan.unchanged += 1;
            }
        } else if store.is_rejected(&fresh.id) {
            plan.rejected_skipped.push(fresh.id);
        } else {
            add(fresh, &mut taken, &mut plan);
        }
    }
    for (i, text) in texts {
        let stored = &store.events[i];
        if text != stored.text {
            plan.writes.push(FileWrite {
                name: Store::file_name(stored),
                bytes: text.into_bytes(),
                expected: Some(state::hash(stored.text.as_bytes())),
                record: None,
            });
        }
    }
    for (i, stored) in store.events.iter().enumerate() {
        if stored.class == Class::Untouched && !refreshed.contains(&i) {
            plan.stale.push(stored.event.id.clone());
        }
    }
    plan.writes.sort_by(|a, b| a.name.cmp(&b.name));
    plan
}

/// Rewrites an untouched file with the fresh extraction, if its bytes change.
fn refresh(store: &Store, i: usize, fresh: &Event, plan: &mut Plan) {
    let stored = &store.events[i];
    let text = match to_yaml(fresh) {
        Ok(text) => text,
        Err(why) => return plan.warnings.push(why),
    };
    if text == stored.text {
        plan.unchanged += 1;
        return;
    }
    let name = Store::file_name(stored);
    plan.updated.push(UpdatedEvent {
        id: fresh.id.clone(),
        fields: changed_fields(&stored.event, fresh),
    });
    plan.writes.push(FileWrite {
        name,
        record: Some(record(fresh, &text)),
        bytes: text.into_bytes(),
        expected: Some(state::hash(stored.text.as_bytes())),
    });
}

/// Writes a new file for an event the store does not have.
fn add(fresh: Event, taken: &mut BTreeSet<String>, plan: &mut Plan) {
    let text = match to_yaml(&fresh) {
        Ok(text) => text,
        Err(why) => return plan.warnings.push(why),
    };
    let name = free_file_name(&fresh.id, taken);
    taken.insert(name.to_lowercase());
    let record = record(&fresh, &text);
    plan.added.push(AddedEvent {
        id: fresh.id,
        title: fresh.title,
    });
    plan.writes.push(FileWrite {
        name,
        bytes: text.into_bytes(),
        expected: None,
        record: Some(record),
    });
}

/// Appends `source` to `text` and checks the result reads back as the event with its sources
/// so far plus `source`, so a bad edit is never written.
pub(crate) fn appended(
    path: &std::path::Path,
    text: &str,
    event: &Event,
    have: &[Source],
    source: &Source,
) -> Result<String, String> {
    let new_text = append_source(text, source)?;
    let mut expected = event.clone();
    expected.sources = have.to_vec();
    expected.sources.push(source.clone());
    match parse_event(path, &new_text) {
        Ok(back) if back == expected => Ok(new_text),
        _ => Err("the file's layout is unusual and the edit would not read back".into()),
    }
}

fn record(event: &Event, text: &str) -> FileRecord {
    FileRecord {
        hash: state::hash(text.as_bytes()),
        id: event.id.clone(),
        title: event.title.clone(),
    }
}

/// A source is identified by its article and its quote (whitespace collapsed).
pub(crate) fn same_source(a: &Source, b: &Source) -> bool {
    a.article == b.article && collapse(&a.quote) == collapse(&b.quote)
}

pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Longest file stem for an event file, in bytes: ids can be any length, file names cannot.
const MAX_STEM: usize = 100;

/// `<id>.yaml`, with characters unsafe in file names replaced, cut to [`MAX_STEM`] bytes, a
/// Windows device name (`con`, `nul`...) suffixed, and `-2`, `-3`... added if the name is taken,
/// ignoring case (so `A` and `a` do not share a file on macOS or Windows): `taken` holds the
/// names in use, lowercased.
fn free_file_name(id: &str, taken: &BTreeSet<String>) -> String {
    let mut stem = String::new();
    for c in id.chars() {
        let c = if c.is_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        };
        if stem.len() + c.len_utf8() > MAX_STEM {
            break;
        }
        stem.push(c);
    }
    if stem.is_empty() {
        stem.push_str("event");
    }
    if crate::site::paths::is_reserved(&stem) {
        stem.push_str("-event");
    }
    let mut name = format!("{stem}.yaml");
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        name = format!("{stem}-{n}.yaml");
        n += 1;
    }
    name
}

fn changed_fields(old: &Event, new: &Event) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            fields.push(name);
        }
    };
    check("id", old.id != new.id);
    check("date", old.date != new.date);
    check("title", old.title != new.title);
    check("summary", old.summary != new.summary);
    check("tags", old.tags != new.tags);
    check("entities", old.entities != new.entities);
    check("sources", old.sources != new.sources);
    check("date_conflicts", old.date_conflicts != new.date_conflicts);
    check("hidden", old.hidden != new.hidden);
    check("importance", old.importance != new.importance);
    fields
}

impl Plan {
    /// Whether applying the plan writes no event file.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Names (in the events folder) of the files [`Plan::apply`] will write.
    pub fn files_to_write(&self) -> Vec<PathBuf> {
        self.writes.iter().map(|w| PathBuf::from(&w.name)).collect()
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} new, {} updated, {} new sources, {} unchanged, {} rejected skipped, {} stale",
            self.added.len(),
            self.updated.len(),
            self.new_sources.len(),
            self.unchanged,
            self.rejected_skipped.len(),
            self.stale.len()
        )?;
        for a in &self.added {
            writeln!(f, "  new      {}  {}", a.id, a.title)?;
        }
        for u in &self.updated {
            writeln!(f, "  updated  {}  ({})", u.id, u.fields.join(", "))?;
        }
        for s in &self.new_sources {
            writeln!(f, "  source   {}  + {}", s.id, s.article)?;
        }
        for id in &self.rejected_skipped {
            writeln!(f, "  rejected {id}  (deleted by hand; not recreated)")?;
        }
        for id in &self.stale {
            writeln!(f, "  stale    {id}  (no longer extracted; file kept)")?;
        }
        for w in &self.warnings {
            writeln!(f, "  warning: {w}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod file_name_tests {
    use super::*;

    fn taken(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_lowercase()).collect()
    }

    #[test]
    fn hostile_ids_become_plain_bounded_file_names() {
        let none = taken(&[]);
        assert_eq!(free_file_name("../../etc/x", &none), "------etc-x.yaml");
        assert_eq!(free_file_name("/abs", &none), "-abs.yaml");
        assert_eq!(free_file_name("C:\\x", &none), "C--x.yaml");
        assert_eq!(free_file_name("CON", &none), "CON-event.yaml");
        assert_eq!(free_file_name("nul", &none), "nul-event.yaml");
        assert_eq!(free_file_name("", &none), "event.yaml");
        let long = free_file_name(&"é".repeat(300), &none);
        assert!(long.len() <= MAX_STEM + 5, "{} bytes", long.len());
        assert!(long.ends_with(".yaml"));
    }

    #[test]
    fn names_differing_only_in_case_do_not_share_a_file() {
        assert_eq!(free_file_name("a", &taken(&["A.yaml"])), "a-2.yaml");
        assert_eq!(
            free_file_name("A", &taken(&["a.yaml", "a-2.yaml"])),
            "A-3.yaml"
        );
    }
}
