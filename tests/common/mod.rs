//! Helpers for tests that run the `annals` binary on fixture sites copied into temp folders.
#![allow(dead_code)]

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

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

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `annals serve` on `site` as a child process, killed when the test ends, passes or fails.
pub struct ServeGuard {
    child: Child,
    log: PathBuf,
    pub port: u16,
}

impl ServeGuard {
    /// Starts serve on a free port and waits until it answers and has printed its URL.
    pub fn start(site: &Site) -> ServeGuard {
        let port = free_port();
        let log = site.path("serve.log");
        let file = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .args(["serve", "--port", &port.to_string()])
            .current_dir(site.dir.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .expect("start annals serve");
        let mut guard = ServeGuard { child, log, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        let url = format!("http://127.0.0.1:{port}/");
        // It listens a moment before it prints its URL: wait for both.
        while TcpStream::connect(("127.0.0.1", port)).is_err() || !guard.log().contains(&url) {
            if let Ok(Some(status)) = guard.child.try_wait() {
                panic!("annals serve exited ({status}):\n{}", guard.log());
            }
            assert!(
                Instant::now() < deadline,
                "annals serve did not answer and print {url} within 30 s:\n{}",
                guard.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        guard
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// What serve printed so far (standard output and error).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Whether the server process is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The body of `GET path`.
    pub fn get(&self, path: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to serve");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .expect("read the response");
        match response.split_once("\r\n\r\n") {
            Some((_, body)) => body.to_string(),
            None => panic!("no HTTP response to {path}: {response:?}"),
        }
    }

    /// Polls the log every 100 ms for up to `seconds` until `ok` accepts it.
    pub fn wait_for_log(&self, seconds: u64, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let log = self.log();
            if ok(&log) || Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Polls `GET path` every 100 ms for up to `seconds` until `ok` accepts the body.
    pub fn wait_for(&self, path: &str, seconds: u64, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let body = self.get(path);
            if ok(&body) || Instant::now() > deadline {
                return body;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for ServeGuard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
