//! `annals serve`: the built site on 127.0.0.1, rebuilt when its sources change, with the
//! browser reloaded after each build and a failed build's error shown in the page.

use std::io::Cursor;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::Duration;

use anyhow::Context as _;
use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Request, Response, Server};

/// Set between builds: what the pages need to know.
#[derive(Default)]
struct State {
    version: AtomicU64,
    error: Mutex<Option<String>>,
    /// Held to write by a build and to read by each request: a rebuild writes files over the
    /// old ones, and a request answered meanwhile could get half a file.
    output: RwLock<()>,
}

/// What changed since the last build: the paths the watcher reported, or `None` when it could
/// not tell (an error, or events it dropped), which calls for rebuilding everything.
pub type Changes = Option<Vec<PathBuf>>;

/// Serves `output` on `127.0.0.1:port` until the process ends; calls `rebuild` with the changed
/// paths ~100 ms after the last change under any of `watch`; opens the browser when `open`.
/// `error` is the first build's error, if it failed: shown in every page until a rebuild
/// succeeds.
pub fn serve(
    output: &Path,
    port: u16,
    open: bool,
    error: Option<String>,
    mut rebuild: impl FnMut(Changes) -> anyhow::Result<()> + Send + 'static,
    watch: Vec<PathBuf>,
) -> anyhow::Result<()> {
    let server = Server::http(("127.0.0.1", port)).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on 127.0.0.1:{port}: {e}; if another server has that port, \
                 stop it or pass another with --port"
        )
    })?;
    let state = Arc::new(State {
        error: Mutex::new(error),
        ..State::default()
    });

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let change = match event {
            Ok(e) if !is_change(&e.kind) => return,
            Ok(e) if e.need_rescan() || e.paths.is_empty() => None,
            Ok(e) => Some(e.paths),
            Err(_) => None,
        };
        let _ = tx.send(change);
    })
    .context("cannot watch for changes")?;
    for path in &watch {
        if path.exists() {
            watcher
                .watch(path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    let builder_state = Arc::clone(&state);
    std::thread::spawn(move || {
        let _watcher = watcher;
        while let Ok(first) = rx.recv() {
            // Debounce: wait until no change arrived for 100 ms, gathering the paths.
            let mut changes: Changes = first;
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(100)) {
                changes = match (changes, more) {
                    (Some(mut paths), Some(more)) => {
                        paths.extend(more);
                        Some(paths)
                    }
                    _ => None,
                };
            }
            let result = {
                let _writing = builder_state
                    .output
                    .write()
                    .unwrap_or_else(|e| e.into_inner());
                rebuild(changes)
            };
            let mut error = builder_state
                .error
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            match result {
                Ok(()) => *error = None,
                Err(e) => {
                    eprintln!("build failed: {e:#}");
                    *error = Some(format!("{e:#}"));
                }
            }
            builder_state.version.fetch_add(1, Ordering::SeqCst);
        }
    });

    let url = format!("http://127.0.0.1:{port}/");
    println!("Serving {} on {url} (Ctrl-C to stop)", output.display());
    if open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener).arg(&url).spawn();
    }
    let root = output.to_path_buf();
    for request in server.incoming_requests() {
        let (root, state) = (root.clone(), Arc::clone(&state));
        // One thread per request: a slow client never holds up the others.
        std::thread::spawn(move || respond(request, &root, &state));
    }
    Ok(())
}

/// Whether a watched file really changed. Reading is not a change: the inotify backend reports
/// every open (and every close after reading), and each rebuild opens all the sources, so counting reads rebuilt (and reloaded
/// the browser) forever.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

fn respond(request: Request, root: &Path, state: &State) {
    let url = request.url().to_string();
    if url.split('?').next() == Some("/__annals/version") {
        let body = state.version.load(Ordering::SeqCst).to_string();
        let _ = request.respond(with_type(
            Response::from_string(body),
            "text/plain; charset=utf-8",
        ));
        return;
    }
    let reading = state.output.read().unwrap_or_else(|e| e.into_inner());
    let found = resolve(root, &url).and_then(|p| Some((std::fs::read(&p).ok()?, p)));
    let (status, bytes, path) = match found {
        Some((bytes, path)) => (200, bytes, path),
        None => {
            let page = root.join("404.html");
            (
                404,
                std::fs::read(&page).unwrap_or_else(|_| b"Not found".to_vec()),
                page,
            )
        }
    };
    drop(reading);
    let kind = content_type(&path);
    let bytes = if kind.starts_with("text/html") {
        inject(&bytes, state)
    } else {
        bytes
    };
    let response = with_type(Response::from_data(bytes), kind).with_status_code(status);
    let _ = request.respond(response);
}

fn with_type(response: Response<Cursor<Vec<u8>>>, kind: &str) -> Response<Cursor<Vec<u8>>> {
    match Header::from_bytes("Content-Type", kind) {
        Ok(h) => response
            .with_header(h)
            .with_header(Header::from_bytes("Cache-Control", "no-store").expect("ASCII header")),
        Err(()) => response,
    }
}

/// The live-reload script, and the last build error if there is one, before `</body>`.
fn inject(html: &[u8], state: &State) -> Vec<u8> {
    let version = state.version.load(Ordering::SeqCst);
    let mut extra = String::new();
    if let Some(error) = state
        .error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
    {
        extra.push_str(
            "<div role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
             background:#2b0b0d;color:#ffd7d9;padding:1rem;font:14px/1.4 monospace;z-index:9999\">\
             <strong>annals: the last build failed; showing the previous site.</strong><pre style=\"white-space:pre-wrap\">",
        );
        extra.push_str(&crate::escape::markup(error));
        extra.push_str("</pre></div>");
    }
    extra.push_str(&format!(
        "<script>(function(){{var v=\"{version}\";setInterval(function(){{fetch(\"/__annals/version\",{{cache:\"no-store\"}})\
         .then(function(r){{return r.text()}}).then(function(t){{if(t!==v)location.reload()}}).catch(function(){{}})}},700)}})();</script>"
    ));
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The file a request URL names inside `root`, or `None` for anything that would leave it:
/// `..` or `.` segments (also percent-encoded), backslashes, NUL, drive prefixes, or a symlink
/// pointing outside. A folder gives its `index.html`.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next()?;
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0', ':']) {
        return None;
    }
    let mut file = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let mut parts = Path::new(segment).components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(part)), None) => file.push(part),
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let canonical = file.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    (canonical.starts_with(&root) && canonical.is_file()).then_some(canonical)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("public/events/a")).unwrap();
        std::fs::write(dir.path().join("public/index.html"), "home").unwrap();
        std::fs::write(dir.path().join("public/events/a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        dir
    }

    #[test]
    fn injects_the_reload_script_and_the_build_error_before_body_end() {
        let state = State::default();
        let html = String::from_utf8(inject(b"<body>x</body>", &state)).unwrap();
        assert!(html.contains("/__annals/version") && html.ends_with("</script></body>"));
        *state.error.lock().unwrap() = Some("index.html:3:5 <oops>".into());
        let html = String::from_utf8(inject(b"<body>x</body>", &state)).unwrap();
        assert!(html.contains("index.html:3:5 &lt;oops&gt;"), "{html}");
        assert!(html.contains("role=\"alert\""));
    }

    #[test]
    fn reading_a_source_is_not_a_change() {
        use notify::EventKind;
        use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind};
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Data(
            DataChange::Any
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Any));
    }

    #[test]
    fn serves_files_and_folder_indexes() {
        let dir = site();
        let root = dir.path().join("public");
        assert!(resolve(&root, "/").unwrap().ends_with("public/index.html"));
        assert!(
            resolve(&root, "/events/a/")
                .unwrap()
                .ends_with("events/a/index.html")
        );
        assert!(resolve(&root, "/events/a?x=1#y").is_some());
        assert!(resolve(&root, "/events/%61/index.html").is_some());
        assert!(resolve(&root, "/missing.html").is_none());
    }

    #[test]
    fn refuses_everything_outside_the_output_folder() {
        let dir = site();
        let root = dir.path().join("public");
        for url in [
            "/../secret.txt",
            "/events/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "//etc/passwd",
            "/C:/Windows",
            "/%00",
            "/%zz",
            "secret.txt",
            "/./index.html",
        ] {
            let resolved = resolve(&root, url);
            assert!(
                resolved
                    .as_ref()
                    .is_none_or(|p| p.starts_with(root.canonicalize().unwrap())),
                "{url} -> {resolved:?}"
            );
            assert!(
                resolved.is_none() || url == "//etc/passwd",
                "{url} -> {resolved:?}"
            );
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt"))
                .unwrap();
            assert!(resolve(&root, "/link.txt").is_none());
        }
    }
}
