//! The event store: YAML files that people edit by hand.

mod event;

pub use event::{DateConflict, Event, Source};
