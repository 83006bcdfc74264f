//! The example site in a real browser: headless Chromium opens the built pages from `file://`
//! and from `annals serve`, filters the timeline, checks that no script fails, that the page fits
//! a phone without sideways scrolling, and that serve reloads the page after an event file
//! changes. Screenshots are kept in `target/browser-artifacts/` for a person to look at.
//!
//! Ignored by default because it needs Chromium (`/usr/bin/chromium`, or `$CHROMIUM`); CI runs
//! it with `cargo test -- --include-ignored`.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{ServeGuard, Site};
use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
use headless_chrome::protocol::cdp::Log::LogEntryLevel;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::Runtime::ConsoleAPICalledEventTypeOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};

const CLOSED: &str = "The footbridge over the Alder River in Millbrook was closed";
const KELLER: &str = "Keller Steelworks began the repairs and replaced both damaged beams";

#[test]
#[ignore = "drives headless Chromium"]
fn example_site_works_in_a_real_browser() {
    let started = Instant::now();
    let site = Site::example();
    site.ok(&["build"]);
    let browser = launch();
    let artifacts = artifacts();

    // The built folder opened straight from disk.
    let index = site.path("output/index.html").canonicalize().unwrap();
    let file_url = format!("file://{}", index.display());
    let (tab, errors) = open(&browser, &file_url);
    check_timeline(&tab, "file://");
    check_layout(&tab, &artifacts, "file");
    assert_no_errors(&errors, "file://");
    probe_error_collection(&tab, &errors);

    // The same site from `annals serve`, which must reload the page when an event changes.
    let server = ServeGuard::start(&site);
    let url = server.url();
    let (tab, errors) = open(&browser, &url);
    check_timeline(&tab, "serve");
    check_layout(&tab, &artifacts, "serve");

    let event = site.path("content/events/2024-04-01-footbridge-alder-river-millbrook-closed.yaml");
    let yaml = std::fs::read_to_string(&event).unwrap();
    assert!(yaml.contains(&format!("title: {CLOSED}")), "{yaml}");
    let renamed = "The Alder River footbridge was closed after the storm (edited)";
    std::fs::write(&event, yaml.replace(CLOSED, renamed)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    let shown = loop {
        // Errors while the page reloads itself are expected: keep asking until it settles.
        let text = eval_string(&tab, "document.body ? document.body.innerText : ''");
        if text.as_deref().is_ok_and(|t| t.contains(renamed)) {
            break true;
        }
        if Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        shown,
        "the served page did not show the edited title within 15 s; serve said:\n{}",
        server.log()
    );
    assert!(
        !eval_string(&tab, "document.body.innerText")
            .unwrap()
            .contains(CLOSED),
        "the old title is gone after the reload"
    );
    // The reloaded page still works: its script runs and filters.
    check_filter(&tab, "after live reload");
    screenshot(&tab, &artifacts.join("serve-reloaded.png"));
    assert_no_errors(&errors, "serve");
    drop(server);
    eprintln!("browser test took {:.1} s", started.elapsed().as_secs_f64());
}

/// Headless Chromium with nothing that reaches for the network.
fn launch() -> Browser {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "{} not found: install Chromium (Debian: apt-get install chromium) or set CHROMIUM",
        path.display()
    );
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .sandbox(false)
        .headless(true)
        .window_size(Some((1280, 900)))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .expect("launch options");
    Browser::new(options).expect("Chromium starts")
}

type Errors = Arc<Mutex<Vec<String>>>;

/// A new tab that records console errors, uncaught exceptions and error log entries, at `url`.
fn open(browser: &Browser, url: &str) -> (Arc<Tab>, Errors) {
    let tab = browser.new_tab().expect("new tab");
    tab.set_default_timeout(Duration::from_secs(20));
    let errors: Errors = Arc::default();
    let sink = Arc::clone(&errors);
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let message = match event {
            Event::RuntimeConsoleAPICalled(e)
                if e.params.Type == ConsoleAPICalledEventTypeOption::Error =>
            {
                let args: Vec<String> = e
                    .params
                    .args
                    .iter()
                    .map(|a| match &a.value {
                        Some(v) => v.to_string(),
                        None => a.description.clone().unwrap_or_default(),
                    })
                    .collect();
                format!("console.error: {}", args.join(" "))
            }
            Event::RuntimeExceptionThrown(e) => {
                let d = &e.params.exception_details;
                let what = d
                    .exception
                    .as_ref()
                    .and_then(|x| x.description.clone())
                    .unwrap_or_else(|| d.text.clone());
                format!(
                    "uncaught exception at {}:{}: {what}",
                    d.url.clone().unwrap_or_default(),
                    d.line_number
                )
            }
            Event::LogEntryAdded(e) if e.params.entry.level == LogEntryLevel::Error => {
                format!(
                    "log error: {} ({})",
                    e.params.entry.text,
                    e.params.entry.url.clone().unwrap_or_default()
                )
            }
            _ => return,
        };
        sink.lock().unwrap().push(message);
    }))
    .expect("listen to the tab");
    tab.enable_runtime().expect("Runtime.enable");
    tab.enable_log().expect("Log.enable");
    desktop(&tab);
    tab.navigate_to(url)
        .and_then(|t| t.wait_until_navigated())
        .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    (tab, errors)
}

fn assert_no_errors(errors: &Errors, label: &str) {
    let errors = errors.lock().unwrap();
    assert!(
        errors.is_empty(),
        "{label}: the page reported errors:\n{}",
        errors.join("\n")
    );
}

/// The collector really sees script errors: a page error must not pass unnoticed because the
/// listener missed it.
fn probe_error_collection(tab: &Tab, errors: &Errors) {
    tab.evaluate(
        "console.error('annals-probe'); setTimeout(function () { throw new Error('annals-probe') }, 0)",
        false,
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let seen = errors.lock().unwrap().clone();
        let console = seen
            .iter()
            .any(|e| e.starts_with("console.error") && e.contains("annals-probe"));
        let thrown = seen
            .iter()
            .any(|e| e.starts_with("uncaught") && e.contains("annals-probe"));
        if console && thrown {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the error collector missed a probe error: {seen:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    errors.lock().unwrap().clear();
}

/// The events are on the page and the filter box shows only the matching ones.
fn check_timeline(tab: &Tab, label: &str) {
    let count = eval_f64(tab, "document.querySelectorAll('.timeline article').length");
    assert!(
        count >= 10.0,
        "{label}: only {count} events on {}:\n{}",
        tab.get_url(),
        tab.get_content().unwrap_or_default()
    );
    let titles = eval_string(
        tab,
        "Array.from(document.querySelectorAll('.timeline article :is(h2,h3,h4)'), h => h.textContent).join('\\n')",
    )
    .unwrap();
    assert!(
        titles.contains(CLOSED),
        "{label}: no '{CLOSED}' in\n{titles}"
    );
    check_filter(tab, label);
}

fn check_filter(tab: &Tab, label: &str) {
    let total = eval_f64(tab, "document.querySelectorAll('.timeline article').length");
    // The script put a labelled filter box on the page.
    let input = eval_string(
        tab,
        "(function(){var l=Array.from(document.querySelectorAll('label')).find(l=>l.textContent.trim()==='Filter events');\
         return l && l.control ? '#' + l.control.id : ''})()",
    )
    .unwrap();
    assert!(
        !input.is_empty(),
        "{label}: no input labelled 'Filter events'"
    );
    let element = tab.wait_for_element(&input).expect("the filter box");
    element.click().expect("click the filter box");
    tab.type_str("Keller").expect("type into the filter box");

    // Every event that stays visible mentions Keller; every hidden one does not.
    let split = eval_string(
        tab,
        "JSON.stringify(Array.from(document.querySelectorAll('.timeline article'), a => ({\
            visible: a.offsetParent !== null && !a.hidden,\
            keller: (a.textContent + ' ' + (a.dataset.tags || '') + ' ' + (a.dataset.entities || '')).toLowerCase().includes('keller'),\
            title: a.querySelector('h2,h3,h4').textContent})))",
    )
    .unwrap();
    let cards: Vec<serde_json::Value> = serde_json::from_str(&split).unwrap();
    let visible: Vec<&str> = cards
        .iter()
        .filter(|c| c["visible"] == true)
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    for card in &cards {
        assert_eq!(
            card["visible"], card["keller"],
            "{label}: after typing Keller, visibility is wrong for {card}"
        );
    }
    assert!(
        visible.contains(&KELLER),
        "{label}: {KELLER} hidden: {visible:?}"
    );
    assert!(
        !visible
            .iter()
            .any(|t| t.contains("footbridge over the Alder")),
        "{label}: the closure (no Keller in it) is still shown: {visible:?}"
    );
    assert!(
        visible.len() >= 2 && (visible.len() as f64) < total,
        "{label}: {} of {total} shown",
        visible.len()
    );
    let count = eval_string(tab, "document.getElementById('count').textContent").unwrap();
    assert!(
        count.starts_with(&format!("{} of ", visible.len())),
        "{label}: the count says {count:?}"
    );

    // Clearing the box brings every event back.
    tab.evaluate(
        "(function(){var i=document.querySelector('.filter input');i.select();})()",
        false,
    )
    .unwrap();
    tab.press_key("Backspace").expect("clear the filter box");
    let value = eval_string(tab, "document.querySelector('.filter input').value").unwrap();
    assert_eq!(value, "", "{label}: the filter box is not empty");
    let shown = eval_f64(
        tab,
        "Array.from(document.querySelectorAll('.timeline article')).filter(a => a.offsetParent !== null).length",
    );
    assert_eq!(shown, total, "{label}: not every event came back");
}

/// Screenshots at desktop and phone widths; at phone width nothing scrolls sideways.
fn check_layout(tab: &Tab, artifacts: &Path, label: &str) {
    desktop(tab);
    screenshot(tab, &artifacts.join(format!("{label}-desktop-1280.png")));
    set_viewport(tab, 360, 740, true);
    let widths = eval_string(
        tab,
        "JSON.stringify([document.documentElement.scrollWidth, window.innerWidth, \
         Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)\
           .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))])",
    )
    .unwrap();
    let widths: serde_json::Value = serde_json::from_str(&widths).unwrap();
    screenshot(tab, &artifacts.join(format!("{label}-phone-360.png")));
    assert_eq!(widths[1], 360, "{label}: the phone viewport is not 360 px");
    assert!(
        widths[0].as_f64().unwrap() <= widths[1].as_f64().unwrap(),
        "{label}: at 360 px the page scrolls sideways ({widths}); wider than the screen: {}",
        widths[2]
    );
    desktop(tab);
}

fn desktop(tab: &Tab) {
    set_viewport(tab, 1280, 900, false);
}

fn set_viewport(tab: &Tab, width: u32, height: u32, mobile: bool) {
    tab.call_method(SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .expect("Emulation.setDeviceMetricsOverride");
}

fn screenshot(tab: &Tab, path: &Path) {
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .expect("screenshot");
    std::fs::write(path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn eval_string(tab: &Tab, js: &str) -> Result<String, String> {
    let value = tab.evaluate(js, false).map_err(|e| e.to_string())?;
    match value.value {
        Some(serde_json::Value::String(s)) => Ok(s),
        other => Err(format!("{js} gave {other:?} ({:?})", value.description)),
    }
}

fn eval_f64(tab: &Tab, js: &str) -> f64 {
    let value = tab.evaluate(js, false).expect(js);
    value
        .value
        .as_ref()
        .and_then(serde_json::Value::as_f64)
        .unwrap_or_else(|| panic!("{js} gave {value:?}"))
}
