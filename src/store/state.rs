//! `.annals-state.json`: what annals wrote (file name → id, title and a hash of the exact bytes)
//! and which events people deleted. Keys are sorted and the JSON is pretty-printed, so the file
//! is deterministic and diffs cleanly.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ContentError;

/// File name of the state file inside the events folder.
pub const STATE_FILE: &str = ".annals-state.json";

/// The whole state file. Fields are in alphabetical order so the JSON keys are sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Every file annals wrote and has not seen deleted, by file name.
    #[serde(default)]
    pub files: BTreeMap<String, FileRecord>,
    /// Events people deleted, by id: never recreated.
    #[serde(default)]
    pub rejected: BTreeMap<String, RejectedRecord>,
    /// Format version, 1.
    #[serde(default = "version")]
    pub version: u32,
}

fn version() -> u32 {
    1
}

/// What annals wrote to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRecord {
    /// [`hash`] of the exact bytes annals wrote.
    pub hash: String,
    pub id: String,
    pub title: String,
}

/// An event a person deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedRecord {
    /// The day annals noticed the file was gone.
    pub noticed: NaiveDate,
    pub title: String,
}

impl State {
    /// Reads the state file of `events_dir`; a missing file is an empty state.
    pub fn load(events_dir: &Path) -> anyhow::Result<State> {
        let path = events_dir.join(STATE_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::new()),
            Err(e) => {
                return Err(anyhow::Error::new(e)
                    .context(format!("cannot read the state file {}", path.display())));
            }
        };
        Self::parse(&path, &text).map_err(anyhow::Error::new)
    }

    pub fn new() -> State {
        State {
            version: 1,
            ..State::default()
        }
    }

    pub fn parse(path: &Path, text: &str) -> Result<State, ContentError> {
        serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            let mut err = ContentError::new(path, format!("the state file is not valid: {message}"))
                .help(format!(
                    "fix the JSON, or delete {STATE_FILE} to forget which files annals wrote (every event file is then kept as hand-made)"
                ));
            if e.line() > 0 {
                err = err.at(text, e.line(), e.column().max(1));
            }
            err
        })
    }

    /// The bytes written to disk: pretty JSON with sorted keys and a trailing newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).expect("the state serialises");
        text.push('\n');
        text.into_bytes()
    }
}

/// 64-bit FNV-1a of `bytes`, written `fnv1a64:<16 hex digits>`. Stable across platforms and
/// versions; only used to notice edits, not against tampering.
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        assert_eq!(hash(b""), "fnv1a64:cbf29ce484222325");
        assert_eq!(hash(b"a"), "fnv1a64:af63dc4c8601ec8c");
        assert_eq!(hash(b"foobar"), "fnv1a64:85944171f73967e8");
    }

    #[test]
    fn the_json_is_sorted_and_round_trips() {
        let mut state = State::new();
        state.files.insert(
            "b.yaml".into(),
            FileRecord {
                hash: hash(b"x"),
                id: "b".into(),
                title: "B".into(),
            },
        );
        state.rejected.insert(
            "a".into(),
            RejectedRecord {
                noticed: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
                title: "A".into(),
            },
        );
        let text = String::from_utf8(state.to_bytes()).unwrap();
        assert_eq!(
            text,
            "{\n  \"files\": {\n    \"b.yaml\": {\n      \"hash\": \"fnv1a64:af63f54c86021707\",\n      \"id\": \"b\",\n      \"title\": \"B\"\n    }\n  },\n  \"rejected\": {\n    \"a\": {\n      \"noticed\": \"2024-05-01\",\n      \"title\": \"A\"\n    }\n  },\n  \"version\": 1\n}\n"
        );
        assert_eq!(State::parse(Path::new("s"), &text).unwrap(), state);
    }

    #[test]
    fn a_broken_state_file_is_a_located_content_error() {
        let err =
            State::parse(Path::new("ev/.annals-state.json"), "{\n  \"files\": 3\n}\n").unwrap_err();
        assert_eq!(err.location, Some((2, 12)));
        assert!(
            err.message
                .starts_with("the state file is not valid: invalid type")
        );
    }
}
