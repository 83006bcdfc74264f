//! Helpers for tests that run the `annals` binary on fixture sites copied into temp folders.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A site copied into a temporary folder, deleted at the end of the test.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// Copies `fixture` (a folder under `tests/fixtures/`, or the repository root with `""`),
    /// skipping `output/` and `target/`.
    pub fn copy_of(fixture: &str) -> Site {
        let source = repo().join("tests/fixtures").join(fixture);
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&source, dir.path());
        Site { dir }
    }

    /// The example site at the repository root (site.toml, content/, themes/).
    pub fn example() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml"))
            .expect("copy site.toml");
        copy_dir(&repo().join("content"), &dir.path().join("content"));
        if repo().join("themes").is_dir() {
            copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        }
        Site { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs annals with `args` in this site; returns the output.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_annals"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("run annals")
    }

    /// Runs annals and fails the test unless it exits 0; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "annals {args:?} failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The file names in `relative`, sorted.
    pub fn list(&self, relative: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(relative))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared_data() -> PathBuf {
    repo().join("../shared/data")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "output" && entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every event of `output/events.json`.
pub fn events_json(site: &Site) -> Vec<serde_json::Value> {
    let value: serde_json::Value =
        serde_json::from_str(&site.read("output/events.json")).expect("events.json parses");
    match value {
        serde_json::Value::Array(events) => events,
        serde_json::Value::Object(mut map) => match map.remove("events") {
            Some(serde_json::Value::Array(events)) => events,
            _ => panic!("events.json has no events list"),
        },
        _ => panic!("events.json is neither a list nor an object"),
    }
}
