//! annals turns a pile of news articles into a timeline website.
//!
//! Data flows one way through the stages: [`article`] (load, publication date) → [`time`] (tag and
//! anchor) → [`extract`] (dated events) → [`merge`] (one event, many sources) → [`store`] (YAML
//! people edit) → [`site`] (render and export). [`cli`] only parses arguments and calls them.

pub mod article;
pub mod cli;
mod commands;
pub mod config;
pub mod error;
pub mod escape;
pub mod event;
pub mod extract;
pub mod merge;
pub mod site;
pub mod store;
pub mod suggest;
pub mod time;
pub mod words;

/// `annals serve`'s builds: a full one, then only what each change needs.
pub use commands::build::Live;
