//! Builds a fixture site into a temporary folder and checks the pages and every export.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use annals::article::Article;
use annals::config::Config;
use annals::error::ContentError;
use annals::event::{DateConflict, Event, Source};
use annals::site::{BuildCache, BuildOptions, Fingerprinted, build, build_cached};
use annals::time::Edtf;

fn source(article: &str, publisher: &str, quote: &str) -> Source {
    Source {
        article: article.into(),
        title: None,
        url: Some(format!("https://news.example/{article}")),
        publisher: Some(publisher.into()),
        published: Some("2017-03-03".into()),
        quote: quote.into(),
        phrase: Some("on Thursday".into()),
    }
}

fn event(id: &str, date: &str, title: &str) -> Event {
    Event {
        id: id.into(),
        date: Edtf::parse(date).unwrap(),
        title: title.into(),
        summary: None,
        tags: vec![],
        entities: vec![],
        sources: vec![],
        date_conflicts: vec![],
        hidden: false,
        importance: None,
    }
}

fn events() -> Vec<Event> {
    let mut closed = event("embassy-closed", "2017-03-02", "The embassy closed");
    closed.summary = Some(
        "The embassy shut its doors, [says Reuters](https://reuters.example/x). <script>alert(1)</script> [bad](javascript:alert(1))"
            .into(),
    );
    closed.tags = vec!["Diplomacy".into()];
    closed.entities = vec!["US Embassy".into()];
    closed.sources = vec![
        source(
            "2017/embassy",
            "Daily Planet",
            "The embassy closed on Thursday.",
        ),
        source(
            "2017/report",
            "Evening Star",
            "It closed on Sunday, officials said.",
        ),
    ];
    closed.date_conflicts = vec![DateConflict {
        date: Edtf::parse("2017-03-05").unwrap(),
        article: "2017/report".into(),
        phrase: Some("on Sunday".into()),
    }];
    let mut protest = event("protest", "2016-09", "=SUM(A1) protest, \"big\"");
    protest.tags = vec!["Protest".into(), "../../evil".into()];
    protest.entities = vec!["Élysée Palace".into()];
    protest.sources = vec![source(
        "2017/embassy",
        "Daily Planet",
        "Protests began in September 2016.",
    )];
    let talks = event("talks", "2017-03-01/2017-03-02", "Talks were held");
    let mut secret = event("secret", "2017-03-04", "A hidden event");
    secret.hidden = true;
    let founding = event("founding", "2015~", "The group was founded");
    vec![closed, secret, protest, talks, founding]
}

fn articles() -> Vec<Article> {
    vec![
        Article {
            id: "2017/embassy".into(),
            path: PathBuf::from("content/2017/embassy.md"),
            title: "Embassy closes <abruptly>".into(),
            published: chrono::NaiveDate::from_ymd_opt(2017, 3, 3),
            published_text: Some("2017-03-03".into()),
            publisher: Some("Daily Planet".into()),
            url: Some("https://news.example/2017/embassy".into()),
            author: None,
            tags: vec![],
            draft: false,
            text: "The embassy closed on Thursday.\n\nProtests began in September 2016.".into(),
        },
        Article {
            id: "2017/report".into(),
            path: PathBuf::from("content/2017/report.md"),
            title: "A report".into(),
            published: None,
            published_text: None,
            publisher: Some("Evening Star".into()),
            url: None,
            author: None,
            tags: vec![],
            draft: false,
            text: "It closed on Sunday, officials said.".into(),
        },
    ]
}

fn config() -> Config {
    Config {
        title: "Crisis & Co".into(),
        description: "What happened, when".into(),
        ..Config::default()
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    output: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    let output = root.join("public");
    Fixture {
        _dir: dir,
        root,
        output,
    }
}

fn build_into(f: &Fixture, output: &Path, base_url: Option<&str>) -> anyhow::Result<()> {
    let options = BuildOptions {
        output: output.to_path_buf(),
        base_url: base_url.map(str::to_string),
        drafts: false,
    };
    build(&f.root, &config(), &events(), &articles(), &options).map(|_| ())
}

fn read(f: &Fixture, path: &str) -> String {
    std::fs::read_to_string(f.output.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn the_index_lists_published_events_in_date_order_with_human_dates() {
    let f = fixture();
    let report = build(
        &f.root,
        &config(),
        &events(),
        &articles(),
        &BuildOptions {
            output: f.output.clone(),
            ..BuildOptions::default()
        },
    )
    .unwrap();
    assert!(report.pages > 10, "{report:?}");
    assert!(
        !report.warnings.is_empty(),
        "no base_url should be reported"
    );
    let index = read(&f, "index.html");
    let order = [
        "c. 2015",
        "The group was founded",
        "September 2016",
        "=SUM(A1) protest, &quot;big&quot;",
        "1–2 March 2017",
        "Talks were held",
        "2 March 2017",
        "The embassy closed",
    ];
    let mut last = 0;
    for text in order {
        let at = index[last..]
            .find(text)
            .unwrap_or_else(|| panic!("`{text}` missing or out of order"));
        last += at;
    }
    assert!(!index.contains("A hidden event"));
    assert!(!f.output.join("events/secret").exists());
    assert!(index.contains("<h2 id=\"y2017-h\">"));
    assert!(index.contains("<h3>March 2017</h3>"));
    assert!(index.contains("id=\"embassy-closed\""));
    assert!(index.contains("data-tags=\"Diplomacy\""));
    assert!(index.contains("data-entities=\"US Embassy\""));
    assert!(index.contains("2 sources"));
    assert!(
        index.contains("Sources disagree:"),
        "date conflicts are visible"
    );
    assert!(index.contains("5 March 2017 (Evening Star)"));
    // Summaries: Markdown rendered, raw HTML and unsafe links dropped.
    assert!(index.contains("<a href=\"https://reuters.example/x\">says Reuters</a>"));
    assert!(!index.contains("<script>alert"));
    assert!(!index.contains("javascript:"));
    assert!(index.contains("<time datetime=\"2016-09\">September 2016</time>"));
}

#[test]
fn every_page_exists_and_links_relatively() {
    let f = fixture();
    build_into(&f, &f.output, None).unwrap();
    for page in [
        "index.html",
        "404.html",
        "events/embassy-closed/index.html",
        "events/talks/index.html",
        "articles/2017-embassy/index.html",
        "articles/2017-report/index.html",
        "tags/index.html",
        "tags/diplomacy/index.html",
        "tags/evil/index.html",
        "entities/index.html",
        "entities/us-embassy/index.html",
        "entities/elysee-palace/index.html",
        "years/index.html",
        "years/2017/index.html",
        "years/2015/index.html",
        "static/style.css",
        "static/timeline.js",
    ] {
        assert!(f.output.join(page).is_file(), "{page} missing");
    }
    let event = read(&f, "events/embassy-closed/index.html");
    assert!(event.contains("href=\"../../static/style.css\""));
    assert!(event.contains("href=\"../../index.html\""));
    assert!(event.contains("href=\"../../articles/2017-embassy/index.html\""));
    assert!(
        event.contains("The embassy closed on Thursday."),
        "quotes are shown"
    );
    assert!(
        event.contains("<mark>on Thursday</mark>"),
        "the dating phrase is shown"
    );
    let article = read(&f, "articles/2017-embassy/index.html");
    assert!(article.contains("Embassy closes &lt;abruptly&gt;"));
    assert!(article.contains("href=\"../../events/embassy-closed/index.html\""));
    assert!(article.contains("href=\"../../events/protest/index.html\""));
    assert!(article.contains("<time datetime=\"2017-03-03\""));
    // The tagger marks the date, with its resolved value, inside the paragraph.
    assert!(article.contains(
        "<p>Protests began in <mark class=\"timex\" data-type=\"DATE\" data-value=\"2016-09\""
    ));
    assert!(article.contains(">September 2016</time></mark>.</p>"));
    let tags = read(&f, "tags/index.html");
    assert!(tags.contains("href=\"diplomacy/index.html\""));
    assert!(
        read(&f, "tags/diplomacy/index.html")
            .contains("href=\"../../events/embassy-closed/index.html\"")
    );
    for (path, bytes) in files(&f.output) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(
                !html.contains("href=\"/") && !html.contains("src=\"/"),
                "{path} links absolutely"
            );
            assert!(
                !html.contains("http://") || !html.contains("<link rel=\"stylesheet\" href=\"http"),
                "{path}"
            );
        }
    }
    // Nothing was written outside the output folder.
    let mut entries: Vec<String> = std::fs::read_dir(&f.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, ["public"]);
}

#[test]
fn atom_and_json_feed_are_valid() {
    let f = fixture();
    build_into(&f, &f.output, Some("https://example.org/crisis/")).unwrap();
    let atom = read(&f, "atom.xml");
    let mut reader = quick_xml::Reader::from_str(&atom);
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) => {
                names.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap())
            }
            Ok(_) => {}
            Err(e) => panic!("atom.xml is not well-formed: {e}"),
        }
    }
    for required in ["feed", "title", "id", "updated", "author", "entry"] {
        assert!(names.iter().any(|n| n == required), "no <{required}>");
    }
    assert_eq!(names.iter().filter(|n| *n == "entry").count(), 4);
    assert!(atom.contains("<id>https://example.org/crisis/events/embassy-closed/</id>"));
    assert!(atom.contains("<title>Crisis &amp; Co</title>"));

    let feed: serde_json::Value = serde_json::from_str(&read(&f, "feed.json")).unwrap();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "Crisis & Co");
    assert_eq!(feed["feed_url"], "https://example.org/crisis/feed.json");
    let items = feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert!(items.iter().all(|i| i["id"].is_string()));

    let sitemap = read(&f, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/crisis/events/talks/</loc>"));
    let mut reader = quick_xml::Reader::from_str(&sitemap);
    while !matches!(reader.read_event().unwrap(), quick_xml::events::Event::Eof) {}
}

/// A feed is fetched again every hour or so: it holds the latest `feed_limit` events, newest
/// first, while the data exports keep every event.
#[test]
fn feeds_hold_the_latest_events_only() {
    let f = fixture();
    let options = BuildOptions {
        output: f.output.clone(),
        base_url: Some("https://example.org".into()),
        drafts: false,
    };
    let config = Config {
        feed_limit: 2,
        ..config()
    };
    build(&f.root, &config, &events(), &articles(), &options).unwrap();
    let feed: serde_json::Value = serde_json::from_str(&read(&f, "feed.json")).unwrap();
    let ids: Vec<&str> = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "https://example.org/events/embassy-closed/",
            "https://example.org/events/talks/"
        ]
    );
    let atom = read(&f, "atom.xml");
    assert_eq!(atom.matches("<entry>").count(), 2);
    let first = atom.find("events/embassy-closed/").unwrap();
    assert!(first < atom.find("events/talks/").unwrap(), "{atom}");
    assert!(!atom.contains("events/protest/"), "{atom}");
    let all: serde_json::Value = serde_json::from_str(&read(&f, "events.json")).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 4);
}

#[test]
fn feeds_without_a_base_url_use_tag_ids_and_no_sitemap() {
    let f = fixture();
    build_into(&f, &f.output, None).unwrap();
    let feed: serde_json::Value = serde_json::from_str(&read(&f, "feed.json")).unwrap();
    let id = feed["items"][0]["id"].as_str().unwrap();
    assert!(id.starts_with("tag:"), "{id}");
    assert!(!f.output.join("sitemap.xml").exists());
}

#[test]
fn the_calendar_has_all_day_events_folded_with_crlf() {
    let f = fixture();
    build_into(&f, &f.output, None).unwrap();
    let ics = read(&f, "timeline.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 4);
    assert_eq!(ics.matches("END:VEVENT\r\n").count(), 4);
    assert!(ics.contains("DTSTART;VALUE=DATE:20170302\r\nDTEND;VALUE=DATE:20170303\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20160901\r\nDTEND;VALUE=DATE:20161001\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20170301\r\nDTEND;VALUE=DATE:20170303\r\n"));
    assert!(ics.contains("UID:embassy-closed@annals.invalid\r\n"));
    assert!(ics.contains("SUMMARY:=SUM(A1) protest\\, \"big\"\r\n"));
    assert!(!ics.contains("hidden event"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "bare LF in {line:?}");
    }
}

#[test]
fn timelinejs_csv_and_json_exports() {
    let f = fixture();
    build_into(&f, &f.output, None).unwrap();
    let tl: serde_json::Value = serde_json::from_str(&read(&f, "timeline.json")).unwrap();
    let events = tl["events"].as_array().unwrap();
    assert_eq!(events.len(), 4);
    assert!(events.iter().all(|e| e["start_date"]["year"].is_number()));
    assert!(events.iter().all(|e| e["text"]["headline"].is_string()));
    let protest = events.iter().find(|e| e["unique_id"] == "protest").unwrap();
    assert_eq!(
        protest["start_date"],
        serde_json::json!({"year": 2016, "month": 9})
    );
    assert!(protest.get("end_date").is_none());
    let founding = events
        .iter()
        .find(|e| e["unique_id"] == "founding")
        .unwrap();
    assert_eq!(founding["start_date"], serde_json::json!({"year": 2015}));
    let talks = events.iter().find(|e| e["unique_id"] == "talks").unwrap();
    assert_eq!(
        talks["end_date"],
        serde_json::json!({"year": 2017, "month": 3, "day": 2})
    );

    let csv = read(&f, "events.csv");
    assert!(csv.starts_with("id,date,first,last,"));
    assert!(
        csv.contains(",\"'=SUM(A1) protest, \"\"big\"\"\","),
        "{csv}"
    );
    assert!(
        csv.lines()
            .all(|l| !l.split(',').any(|c| c.starts_with('=')))
    );
    assert!(csv.ends_with("\r\n"));

    let json: serde_json::Value = serde_json::from_str(&read(&f, "events.json")).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 4);
    let closed = list.iter().find(|e| e["id"] == "embassy-closed").unwrap();
    assert_eq!(closed["date"], "2017-03-02");
    assert_eq!(closed["first"], "2017-03-02");
    assert_eq!(closed["last"], "2017-03-02");
    assert_eq!(closed["sources"][0]["article"], "2017/embassy");
    assert_eq!(closed["sources"][0]["publisher"], "Daily Planet");
    assert_eq!(
        closed["sources"][0]["quote"],
        "The embassy closed on Thursday."
    );
}

#[test]
fn builds_are_byte_for_byte_identical() {
    let f = fixture();
    let second = f.root.join("public2");
    build_into(&f, &f.output, Some("https://example.org")).unwrap();
    build_into(&f, &second, Some("https://example.org")).unwrap();
    let (a, b) = (files(&f.output), files(&second));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between builds");
    }
    // Rebuilding over an existing output replaces it and leaves no staging folders behind.
    build_into(&f, &f.output, Some("https://example.org")).unwrap();
    assert_eq!(files(&f.output), a);
    let leftovers: Vec<_> = std::fs::read_dir(&f.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_broken_template_names_its_file_and_line_and_keeps_the_last_site() {
    let f = fixture();
    build_into(&f, &f.output, None).unwrap();
    let before = files(&f.output);
    let templates = f.root.join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("index.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ site.title | nosuchfilter }}</p>\n{% endblock %}\n",
    )
    .unwrap();
    let err = build_into(&f, &f.output, None).unwrap_err();
    let content = err
        .downcast_ref::<ContentError>()
        .unwrap_or_else(|| panic!("not a ContentError: {err:#}"));
    assert!(
        content
            .path
            .ends_with("themes/default/templates/index.html"),
        "{content}"
    );
    assert_eq!(content.location.map(|l| l.0), Some(3), "{content}");
    assert!(err.to_string().contains("index.html:3:"), "{err}");
    assert_eq!(
        files(&f.output),
        before,
        "the last good site must stay untouched"
    );

    std::fs::write(
        templates.join("index.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{% for e in years %}\n{{ e.nope.deeper }}\n{% endfor %}\n{% endblock %}\n",
    )
    .unwrap();
    let err = build_into(&f, &f.output, None).unwrap_err();
    assert!(err.downcast_ref::<ContentError>().is_some(), "{err:#}");
    assert_eq!(files(&f.output), before);
}

/// Listings give events as cards, without the sources' quotes: a theme that shows one in a
/// listing is told so, at the template's line, and the event page may still show it.
#[test]
fn a_quote_in_a_listing_is_an_error_that_says_cards_have_none() {
    let f = fixture();
    let templates = f.root.join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("event_card.html"),
        "<article>{{ e.title }}\n{% for s in e.sources %}<q>{{ s.quote }}</q>{% endfor %}</article>\n",
    )
    .unwrap();
    let err = build_into(&f, &f.output, None).unwrap_err();
    let content = err
        .downcast_ref::<ContentError>()
        .unwrap_or_else(|| panic!("not a ContentError: {err:#}"));
    assert!(content.path.ends_with("event_card.html"), "{content}");
    assert_eq!(content.location.map(|l| l.0), Some(2), "{content}");
    let help = content.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("card, without its sources' quote"),
        "{content}"
    );

    // The same loop in the event page is fine: it has the whole event.
    std::fs::remove_file(templates.join("event_card.html")).unwrap();
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/event.html"),
    )
    .unwrap();
    std::fs::write(
        templates.join("event.html"),
        page.replace(
            "{% block main %}",
            "{% block main %}{% for s in e.sources %}<q>{{ s.quote }}</q>{% endfor %}",
        ),
    )
    .unwrap();
    build_into(&f, &f.output, None).unwrap();
    let closed = read(&f, "events/embassy-closed/index.html");
    assert!(
        closed.contains("<q>The embassy closed on Thursday.</q>"),
        "{closed}"
    );
}

#[test]
fn a_theme_overrides_templates_and_static_files() {
    let f = fixture();
    let theme = f.root.join("themes/default");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("static/img")).unwrap();
    std::fs::write(
        theme.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Lost, {{ site.title }}?</h1>{% endblock %}",
    )
    .unwrap();
    std::fs::write(theme.join("static/style.css"), "body{color:red}").unwrap();
    std::fs::write(theme.join("static/img/logo.svg"), "<svg/>").unwrap();
    build_into(&f, &f.output, None).unwrap();
    assert!(read(&f, "404.html").contains("<h1>Lost, Crisis &amp; Co?</h1>"));
    assert_eq!(read(&f, "static/style.css"), "body{color:red}");
    assert_eq!(read(&f, "static/img/logo.svg"), "<svg/>");
    assert!(
        read(&f, "index.html").contains("The embassy closed"),
        "other templates stay built in"
    );
}

#[test]
fn an_index_of_a_thousand_events_stays_under_600_kb() {
    let f = fixture();
    let many: Vec<Event> = (0..1000)
        .map(|i| {
            let mut e = event(
                &format!("event-{i}"),
                &format!("{}-{:02}-{:02}", 2000 + i / 100, i % 12 + 1, i % 28 + 1),
                &format!("Officials announced measure number {i} after a long meeting"),
            );
            e.summary = Some(
                "The council voted to extend the measure for another year, citing the **ongoing** crisis and pressure from residents."
                    .into(),
            );
            e.tags = vec!["Politics".into(), "Council".into()];
            e.entities = vec!["City Council".into(), "Jane Doe".into()];
            e.sources = vec![source("a", "The Daily Planet", "quote")];
            e
        })
        .collect();
    let options = BuildOptions {
        output: f.output.clone(),
        ..BuildOptions::default()
    };
    build(&f.root, &config(), &many, &[], &options).unwrap();
    let size: u64 = ["index.html", "static/style.css", "static/timeline.js"]
        .iter()
        .map(|p| std::fs::metadata(f.output.join(p)).unwrap().len())
        .sum();
    assert!(size < 600_000, "{size} bytes");
}

#[test]
fn refuses_an_output_folder_that_contains_the_site() {
    let f = fixture();
    std::fs::write(f.root.join("site.toml"), "").unwrap();
    let err = build_into(&f, &f.root, None).unwrap_err();
    assert!(err.to_string().contains("contains the site"), "{err}");
    assert!(f.root.join("site.toml").exists());
}

#[test]
fn an_incremental_rebuild_writes_what_a_full_build_writes() {
    incremental_rebuilds_match_full_builds(config());
}

/// One event a page: the edits below move events between timeline and year pages, add a page
/// and take one away.
#[test]
fn an_incremental_rebuild_of_a_paginated_site_writes_what_a_full_build_writes() {
    incremental_rebuilds_match_full_builds(Config {
        paginate_by: 1,
        ..config()
    });
}

/// Feeds of the two latest events: edits move events in and out of them.
#[test]
fn an_incremental_rebuild_with_short_feeds_writes_what_a_full_build_writes() {
    incremental_rebuilds_match_full_builds(Config {
        feed_limit: 2,
        ..config()
    });
}

fn incremental_rebuilds_match_full_builds(config: Config) {
    let f = fixture();
    let options = |output: &Path| BuildOptions {
        output: output.to_path_buf(),
        base_url: Some("https://example.org".into()),
        drafts: false,
    };
    let mut cache = BuildCache::default();
    let mut events = events();
    // Given as `serve` gives them: each with the hash of its content made when it was read.
    let mut incremental = |events: &[Event]| {
        let read: Vec<Fingerprinted> = events.iter().cloned().map(Fingerprinted::new).collect();
        build_cached(
            &f.root,
            &config,
            &read,
            &articles(),
            &options(&f.output),
            &mut cache,
        )
        .unwrap()
    };
    let first = incremental(&events);

    // A sequence of edits, each checked against a full build of the same events: a new title;
    // a new date (the event moves in the timeline and to another year); a tag renamed (a tag
    // page appears, one disappears) and an entity added; the event hidden; a new event whose
    // slug collides (and takes the slug of an untouched event); an event removed.
    type Edit = Box<dyn Fn(&mut Vec<Event>)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "title",
            Box::new(|e| e[3].title = "Talks were held <again>".into()),
        ),
        (
            "date",
            Box::new(|e| e[3].date = Edtf::parse("2014-05-06").unwrap()),
        ),
        (
            "tags",
            Box::new(|e| {
                e[2].tags = vec!["Protest".into(), "Unrest".into()];
                e[2].entities.push("US Embassy".into());
            }),
        ),
        ("hidden", Box::new(|e| e[0].hidden = true)),
        (
            "added",
            Box::new(|e| e.push(event("Talks", "2017-03-01", "Another talk"))),
        ),
        (
            "removed",
            Box::new(|e| {
                e.remove(4);
            }),
        ),
        // Edits that change what an untouched event shows: its tag's or entity's slug is taken
        // by a name that sorts first, then given back.
        (
            "tag slug taken",
            Box::new(|e| e[3].tags = vec!["PROTEST".into()]),
        ),
        ("tag slug freed", Box::new(|e| e[3].tags.clear())),
        (
            "entity slug taken",
            Box::new(|e| e[3].entities = vec!["ELYSEE PALACE".into()]),
        ),
        (
            "event slug freed",
            Box::new(|e| {
                e.pop();
            }),
        ),
    ];
    for (what, edit) in edits {
        edit(&mut events);
        let report = incremental(&events);
        assert!(
            report.written < first.written,
            "{what}: wrote {} of {} files",
            report.written,
            first.written
        );
        let full = f.root.join(format!("full-{what}"));
        build(&f.root, &config, &events, &articles(), &options(&full)).unwrap();
        let (a, b) = (files(&f.output), files(&full));
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{what}: different files"
        );
        for (path, bytes) in &a {
            assert!(
                bytes == &b[path],
                "{what}: {path} differs from a full build"
            );
        }
    }
    // Folders of removed pages are gone too, and no temporary files are left.
    let mut dirs = vec![f.output.clone()];
    while let Some(dir) = dirs.pop() {
        let entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap())
            .collect();
        assert!(!entries.is_empty(), "{} left empty", dir.display());
        for e in entries {
            assert!(!e.file_name().to_string_lossy().starts_with('.'));
            if e.path().is_dir() {
                dirs.push(e.path());
            }
        }
    }
}

#[test]
fn long_listings_are_split_into_linked_pages() {
    let f = fixture();
    let config = Config {
        paginate_by: 1,
        ..config()
    };
    let options = BuildOptions {
        output: f.output.clone(),
        base_url: Some("https://example.org/t".into()),
        drafts: false,
    };
    build(&f.root, &config, &events(), &articles(), &options).unwrap();

    // Four published events, one a page, in timeline order.
    let pages = [
        "index.html",
        "page/2/index.html",
        "page/3/index.html",
        "page/4/index.html",
    ];
    let titles: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            read(&f, p)
                .split("<article id=\"")
                .skip(1)
                .map(|card| card[..card.find('"').unwrap()].to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        titles,
        [["founding"], ["protest"], ["talks"], ["embassy-closed"]]
    );
    assert!(!f.output.join("page/5").exists() && !f.output.join("page/1").exists());

    let first = read(&f, "index.html");
    assert!(
        first.contains("1 event</span> on page 1 of 4, 4 in all"),
        "{first}"
    );
    assert!(first.contains(r#"<a rel="next" href="page/2/index.html">"#));
    assert!(!first.contains(r#"rel="prev""#));
    let second = read(&f, "page/2/index.html");
    assert!(second.contains(r#"<a rel="prev" href="../../index.html">"#));
    assert!(second.contains(r#"<a rel="next" href="../../page/3/index.html">"#));
    assert!(second.contains(r#"href="../../static/style.css""#));
    let last = read(&f, "page/4/index.html");
    assert!(!last.contains(r#"rel="next""#));

    // A year of two events is two pages, linked the same way; its listing counts both.
    let year = read(&f, "years/2017/index.html");
    assert!(year.contains("on page 1 of 2, 2 in all"), "{year}");
    assert!(year.contains(r#"<a rel="next" href="../../years/2017/page/2/index.html">"#));
    let year2 = read(&f, "years/2017/page/2/index.html");
    assert!(year2.contains(r#"<a rel="prev" href="../../../../years/2017/index.html">"#));
    let years = read(&f, "years/index.html");
    assert!(
        years.contains(r#"<a href="2017/index.html">2017</a> <span class="n">2</span>"#),
        "{years}"
    );

    // Every page is in the sitemap.
    let sitemap = read(&f, "sitemap.xml");
    for page in ["page/4/", "years/2017/page/2/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.org/t/{page}</loc>")),
            "{page}"
        );
    }

    // 0 puts everything on one page, without page links.
    let f = fixture();
    let config = Config {
        paginate_by: 0,
        ..config
    };
    build(
        &f.root,
        &config,
        &events(),
        &articles(),
        &BuildOptions {
            output: f.output.clone(),
            ..options
        },
    )
    .unwrap();
    let index = read(&f, "index.html");
    assert_eq!(index.matches("<article id=").count(), 4);
    assert!(!index.contains("pager") && !f.output.join("page").exists());
}
