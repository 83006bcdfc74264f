//! Rendering the timeline website and its data exports.
