//! The event store: one YAML file per event in `content/events/`, which people edit by hand.
//!
//! Re-running extraction never loses their work. annals records in [`state::STATE_FILE`] a hash
//! of every file it wrote, and on each run classifies every file:
//!
//! - **untouched** (hash matches): annals may rewrite it with the fresh extraction;
//! - **edited** (hash differs, or `hidden: true`): every byte is kept, new sources are appended
//!   as a text edit;
//! - **hand-made** (not in the state): kept as is, new sources are appended too;
//! - **deleted** (in the state, file gone): never recreated, listed as rejected.
//!
//! [`load`] reads the folder, [`plan`] decides what to change, [`Plan::apply`] writes it, and
//! [`check`] finds problems a person should fix. The format is documented in `docs/events.md`.

mod apply;
mod check;
mod load;
pub mod parse_cache;
mod plan;
pub mod state;
mod yaml_edit;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::event::Event;

pub use apply::ApplyReport;
pub use check::{ArticleRef, Diagnostic, Severity, check};
pub use load::{is_event_file_name, load, load_cached};
pub use plan::{AddedEvent, NewSource, Plan, UpdatedEvent, plan};

/// One event file's text parsed exactly as [`load`] parses it (`path` names the file in errors
/// and gives the id when the text has none). For fuzzing and tools.
pub fn parse_event_text(
    path: &std::path::Path,
    text: &str,
) -> Result<Event, crate::error::ContentError> {
    load::parse_event(path, text)
}

/// Reads one event file as [`load`] does (errors name file:line:column).
pub fn read_event_file(path: &std::path::Path) -> anyhow::Result<Event> {
    load::read_event(path).map(|(_, event)| event)
}

/// The text annals writes for `event` (an error if it would not read back equal). For fuzzing
/// and tools.
pub fn event_to_yaml(event: &Event) -> Result<String, String> {
    yaml_edit::to_yaml(event)
}

/// Who last wrote an event file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// annals wrote it and nobody changed it since.
    Untouched,
    /// annals wrote it and a person changed it (or hid the event).
    Edited,
    /// A person created it.
    HandMade,
}

/// One event file of the store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub event: Event,
    /// The file, inside the events folder.
    pub path: PathBuf,
    pub class: Class,
    /// The file's text as read.
    pub text: String,
    /// The id annals recorded when it wrote the file (a person may have changed `id` since).
    pub recorded_id: Option<String>,
}

/// An event a person deleted; extraction will not bring it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedEvent {
    pub id: String,
    pub title: String,
    /// The day annals noticed the file was gone.
    pub noticed: NaiveDate,
}

/// The events folder as read by [`load`].
#[derive(Debug, Clone)]
pub struct Store {
    /// The events, sorted by file name.
    pub events: Vec<StoredEvent>,
    /// The state as it should be written back: files seen deleted moved to `rejected`.
    pub(crate) state: state::State,
}

impl Store {
    /// The file name (inside the events folder) of a stored event.
    pub(crate) fn file_name(event: &StoredEvent) -> String {
        load::file_name(&event.path)
    }

    /// Whether `id` is rejected.
    pub fn is_rejected(&self, id: &str) -> bool {
        self.state.rejected.contains_key(id)
    }
}

/// The events people deleted, sorted by id, for `annals extract --show-rejected`.
pub fn rejected(store: &Store) -> Vec<RejectedEvent> {
    store
        .state
        .rejected
        .iter()
        .map(|(id, r)| RejectedEvent {
            id: id.clone(),
            title: r.title.clone(),
            noticed: r.noticed,
        })
        .collect()
}

#[cfg(test)]
mod tests;
