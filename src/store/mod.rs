//! The event store: YAML files that people edit by hand.
