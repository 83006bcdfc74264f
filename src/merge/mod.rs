//! One event, many sources: joining the candidates that report the same event.
