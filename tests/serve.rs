//! `annals serve` as a person runs it: it rebuilds only when a source changes, and a broken
//! event file neither stops it nor hides the error.

mod common;

use std::time::Duration;

use common::{ServeGuard, Site};

const EVENT: &str = "content/events/2024-04-01-footbridge-alder-river-millbrook-closed.yaml";

#[test]
fn serve_rebuilds_only_on_a_change_and_survives_a_broken_event_file() {
    let site = Site::example();
    let mut server = ServeGuard::start(&site);
    assert!(
        server
            .get("/")
            .contains("The footbridge over the Alder River")
    );

    // Nothing changed, so nothing is rebuilt and open pages are not reloaded. (Reading the
    // sources during a build used to count as a change: serve rebuilt twice a second forever.)
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(
        server.get("/__annals/version"),
        "0",
        "rebuilt without a change:\n{}",
        server.log()
    );

    // A YAML error: serve keeps running, says so in the terminal and in every page.
    let good = site.read(EVENT);
    site.write(EVENT, &good.replace("title: ", "title: [unclosed "));
    let page = server.wait_for("/", 15, |body| body.contains("role=\"alert\""));
    assert!(
        page.contains("role=\"alert\"") && page.contains("2024-04-01-footbridge"),
        "the page does not show the build error:\n{page}\n{}",
        server.log()
    );
    assert!(server.running(), "serve stopped on a broken event file");
    assert!(server.log().contains("build failed"), "{}", server.log());
    // The previous site is still served under the error.
    assert!(page.contains("The footbridge over the Alder River"));

    // Fixed: the error goes away and the change is served.
    site.write(EVENT, &good.replace("was closed", "was shut"));
    let page = server.wait_for("/", 15, |body| {
        body.contains("Millbrook was shut") && !body.contains("role=\"alert\"")
    });
    assert!(!page.contains("role=\"alert\""), "{page}");
    assert!(page.contains("Millbrook was shut"), "{page}");
    assert!(server.running());
}

#[test]
fn serve_starts_even_when_the_first_build_fails() {
    let site = Site::example();
    let good = site.read(EVENT);
    site.write(EVENT, "title: [unclosed\n");
    let mut server = ServeGuard::start(&site);
    let page = server.get("/");
    assert!(
        page.contains("role=\"alert\"") && page.contains("2024-04-01-footbridge"),
        "{page}"
    );
    assert!(server.running());
    site.write(EVENT, &good.replace("was closed", "was fixed by hand"));
    // The new pages are written just before the error is cleared: wait for both.
    let page = server.wait_for("/", 15, |body| {
        body.contains("was fixed by hand") && !body.contains("role=\"alert\"")
    });
    assert!(
        page.contains("was fixed by hand"),
        "{page}\n{}",
        server.log()
    );
    assert!(!page.contains("role=\"alert\""), "{page}");
}

#[test]
fn serve_rebuilds_only_what_an_edited_event_file_changes() {
    let site = Site::example();
    let mut server = ServeGuard::start(&site);
    let event_page = "/events/2024-04-01-footbridge-alder-river-millbrook-closed/index.html";
    let untouched = "/events/2024-06-27-alder-river-footbridge-millbrook-reopened/index.html";
    let untouched_before = std::fs::read(site.path(&format!("output{untouched}"))).unwrap();

    // A new title: the event's page, the timeline and its tag pages show it at once.
    let good = site.read(EVENT);
    site.write(
        EVENT,
        &good.replace("title: The footbridge", "title: The old footbridge"),
    );
    for path in [event_page, "/", "/tags/flooding/index.html"] {
        let page = server.wait_for(path, 15, |body| body.contains("The old footbridge"));
        assert!(
            page.contains("The old footbridge"),
            "{path} does not show the edit:\n{}",
            server.log()
        );
    }
    let log = server.wait_for_log(15, |log| log.contains("files written"));
    assert!(log.contains("files written"), "{log}");
    // Pages the event is not on were not rewritten.
    assert_eq!(
        std::fs::read(site.path(&format!("output{untouched}"))).unwrap(),
        untouched_before
    );

    // The file deleted: its page goes (and the timeline no longer lists it).
    std::fs::remove_file(site.path(EVENT)).unwrap();
    let page = server.wait_for("/", 15, |body| !body.contains("The old footbridge"));
    assert!(!page.contains("The old footbridge"), "{}", server.log());
    assert!(!site.path(&format!("output{event_page}")).exists());
    // Back again: a new file is read too.
    site.write(EVENT, &good);
    let page = server.wait_for(event_page, 15, |body| {
        body.contains("The footbridge over the Alder River")
    });
    assert!(
        page.contains("The footbridge over the Alder River"),
        "{page}\n{}",
        server.log()
    );
    assert!(server.running());
}
