//! The loader end to end on fixture sites.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn loads_every_kind_sorted_by_id_and_skips_the_rest() {
    let dir = site(&[
        (
            "content/2017/embassy.md",
            b"---\ntitle: Embassy hedges\ndate: March 2, 2017\nsource: The Moscow Times\nauthor: Jane Doe\ntags: [russia]\ndraft: true\n---\nThe embassy *said* so.\n\n- one\n- two\n",
        ),
        (
            "content/notes/20170303-plain.txt",
            b"Sessions recuses himself\n\nSessions said on Thursday he would step aside.\n",
        ),
        (
            "content/page.html",
            b"<html><head><title>Flynn resigns | Daily Planet</title><meta property=\"article:published_time\" content=\"2017-02-13T23:00:00-05:00\"></head><body><article><p>Flynn resigned &amp; left.</p></article></body></html>",
        ),
        (
            "content/c.jsonl",
            b"{\"id\": \"a1\", \"title\": \"A\", \"date\": \"2005-05-07\", \"text\": \"Tiger ships.\", \"source\": \"Wikinews\"}\n{\"id\": \"a2\", \"text\": \"Undated.\"}\n",
        ),
        ("content/events/2017.yaml", b"- date: 2017-03-02\n"),
        ("content/.draft.md", b"hidden"),
        ("content/.hidden/x.md", b"hidden"),
        ("content/photo.png", b"\x89PNG\r\n\x1a\n\0\0"),
        ("content/binary.txt", b"abc\0def"),
        ("content/latin1.txt", b"caf\xe9"),
    ]);
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2017/embassy",
            "c#a1",
            "c#a2",
            "notes/20170303-plain",
            "page"
        ]
    );

    let md = &loaded.articles[0];
    assert_eq!(md.path, Path::new("content/2017/embassy.md"));
    assert_eq!(md.title, "Embassy hedges");
    assert_eq!(md.published, day(2017, 3, 2));
    assert_eq!(md.published_text.as_deref(), Some("March 2, 2017"));
    assert_eq!(md.publisher.as_deref(), Some("The Moscow Times"));
    assert_eq!(md.author.as_deref(), Some("Jane Doe"));
    assert_eq!(md.tags, ["russia"]);
    assert!(md.draft);
    assert_eq!(md.text, "The embassy said so.\n\none\ntwo");

    let a1 = &loaded.articles[1];
    assert_eq!(a1.path, Path::new("content/c.jsonl"));
    assert_eq!(a1.published, day(2005, 5, 7));
    assert_eq!(a1.publisher.as_deref(), Some("Wikinews"));
    assert_eq!(a1.text, "Tiger ships.");
    assert_eq!(loaded.articles[2].published, None);

    let txt = &loaded.articles[3];
    assert_eq!(txt.title, "Sessions recuses himself");
    assert_eq!(txt.published, day(2017, 3, 3));
    assert_eq!(txt.published_text.as_deref(), Some("2017-03-03"));
    assert_eq!(txt.text, "Sessions said on Thursday he would step aside.");

    let page = &loaded.articles[4];
    assert_eq!(page.title, "Flynn resigns");
    // The day as written, not shifted to UTC.
    assert_eq!(page.published, day(2017, 2, 13));
    assert_eq!(
        page.published_text.as_deref(),
        Some("2017-02-13T23:00:00-05:00")
    );
    assert_eq!(page.text, "Flynn resigned & left.");

    assert_eq!(
        messages(&loaded),
        [
            "content/binary.txt: is not a text file (binary or not UTF-8); skipped",
            "content/c.jsonl: article `c#a2`: has no publication date: add `date: 2017-03-02` to its front matter, name the file 2017-03-02-title.txt, or run annals extract --date 2017-03-02 (its relative dates stay unanchored until then)",
            "content/latin1.txt: is not a text file (binary or not UTF-8); skipped",
        ]
    );
}

#[test]
fn dates_are_never_completed_from_now() {
    let dir = site(&[
        ("content/a.md", b"---\ndate: March 2\n---\nText.\n"),
        ("content/2017-03-02-b.md", b"---\ndate: March\n---\nText.\n"),
        ("content/c.md", b"---\ntitle: C\n---\nText.\n"),
        (
            "content/d.txt",
            b"Published: Thu, 02 Mar 2017 10:15:00 +0000\n\nTitle\n\nText.\n",
        ),
    ]);
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    let dates: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| (a.published, a.published_text.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            (day(2017, 3, 2), Some("2017-03-02")),
            (None, None),
            (None, None),
            (day(2017, 3, 2), Some("Thu, 02 Mar 2017 10:15:00 +0000")),
        ]
    );
    assert_eq!(
        messages(&loaded),
        [
            "content/2017-03-02-b.md: publication date `March` is not a full day; write it like 2017-03-02",
            "content/a.md: publication date `March 2` is not a full day; write it like 2017-03-02",
            "content/c.md: has no publication date: add `date: 2017-03-02` to its front matter, name the file 2017-03-02-title.txt, or run annals extract --date 2017-03-02 (its relative dates stay unanchored until then)",
        ]
    );
}

#[test]
fn front_matter_errors_point_into_the_file() {
    let dir = site(&[
        ("content/ok.md", b"Fine.\n"),
        ("content/bad.md", b"---\ntitle: x\ndate: [2017\n---\nbody\n"),
    ]);
    let err = load_dir(dir.path(), Path::new("content")).unwrap_err();
    let content = err.downcast_ref::<ContentError>().expect("a content error");
    assert_eq!(content.path, Path::new("content/bad.md"));
    assert_eq!(content.location, Some((3, 7)));
    assert_eq!(content.snippet.as_deref(), Some("date: [2017"));
}

#[test]
fn unknown_keys_warn() {
    let dir = site(&[("content/a.md", b"---\ndat: 2017-03-02\n---\nText.\n")]);
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    assert_eq!(
        messages(&loaded)[0],
        "content/a.md: unknown front matter key `dat` is ignored (did you mean `date`?)"
    );
}

#[test]
fn missing_and_empty_content_folders() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_dir(dir.path(), Path::new("content")).unwrap_err();
    assert!(
        err.to_string().starts_with(&format!(
            "the content folder `{}` does not exist",
            dir.path().join("content").display()
        )),
        "{err}"
    );
    assert!(err.downcast_ref::<ContentError>().is_some());
    fs::create_dir(dir.path().join("content")).unwrap();
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    assert!(loaded.articles.is_empty() && loaded.warnings.is_empty());
}

#[test]
fn duplicate_ids_are_an_error() {
    let dir = site(&[("content/a.md", b"A"), ("content/a.txt", b"A")]);
    let err = load_dir(dir.path(), Path::new("content")).unwrap_err();
    assert!(
        err.to_string().starts_with("two articles have the id `a`"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "secret").unwrap();
    let dir = site(&[("notes/2017-03-02-inside.md", b"inside")]);
    let content = dir.path().join("content");
    std::os::unix::fs::symlink(outside.path(), content.join("out")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("notes"), content.join("in")).unwrap();
    std::os::unix::fs::symlink(&content, content.join("loop")).unwrap();
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["in/2017-03-02-inside"]);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0]
            .message
            .starts_with("links outside the site")
    );
}

#[test]
fn load_file_reads_one_file() {
    let dir = site(&[("content/x/2017-03-02-a.txt", b"Title\n\nBody.")]);
    let file = dir.path().join("content/x/2017-03-02-a.txt");
    let articles = load_file(dir.path(), Path::new("content"), &file).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].id, "x/2017-03-02-a");
    assert_eq!(articles[0].path, Path::new("content/x/2017-03-02-a.txt"));
}

fn shared(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(path)
}

#[test]
#[ignore = "needs ../shared/data"]
fn the_seed_article_keeps_its_paragraphs_and_loses_its_chrome() {
    let dir = site(&[]);
    let seed = shared("seed/2017-03-02-russian-embassy-hedges.txt");
    fs::copy(
        &seed,
        dir.path()
            .join("content/2017-03-02-russian-embassy-hedges.txt"),
    )
    .unwrap();
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let article = &loaded.articles[0];
    assert_eq!(
        article.title,
        "Russian Embassy Hedges on Pre-Election Meetings With Trump Attorney General Sessions"
    );
    assert_eq!(article.published, day(2017, 3, 2));
    let source = fs::read_to_string(&seed).unwrap();
    let start = source.find("The Russian embassy in Washington").unwrap();
    let end = source.find("came to power.").unwrap() + "came to power.".len();
    let body = chrome::paragraphs(&source[start..end])
        .into_iter()
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(article.text, body);
    for chrome in [
        "Since July 1, 2024",
        "$10,000 a month",
        "every Friday",
        "Monthly",
        "Dear readers",
        "Support us",
        "Remind me later",
        "Read more",
    ] {
        assert!(!article.text.contains(chrome), "{chrome}");
    }
}

#[test]
#[ignore = "needs ../shared/data"]
fn the_semeval_trial_collection() {
    let dir = site(&[]);
    fs::copy(
        shared("timelines/semeval2015/trial/articles.jsonl"),
        dir.path().join("content/trial.jsonl"),
    )
    .unwrap();
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    assert_eq!(loaded.articles.len(), 30);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let tiger = loaded
        .articles
        .iter()
        .find(|a| a.id == "trial#1514")
        .unwrap();
    assert_eq!(tiger.title, "Reactions to Apple 's OS X Tiger");
    assert_eq!(tiger.published, day(2005, 5, 7));
    // `text` wins over `sentences` when a line has both.
    assert!(
        tiger
            .text
            .starts_with("In chatrooms and on bulletin boards")
    );
    assert!(
        loaded
            .articles
            .iter()
            .all(|a| a.published.is_some() && !a.text.is_empty())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn arbitrary_files_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        text in "[-+<>/=\"'&#;:\\[\\]{}a-z0-9 \n.×]{0,300}",
        ext in prop::sample::select(vec!["md", "txt", "html"]),
    ) {
        let dir = site(&[]);
        for (i, data) in [bytes.as_slice(), text.as_bytes()].into_iter().enumerate() {
            let file = dir.path().join(format!("content/f{i}.{ext}"));
            fs::write(&file, data).unwrap();
            let _ = load_file(dir.path(), Path::new("content"), &file);
        }
        let _ = load_dir(dir.path(), Path::new("content"));
    }
}

#[test]
fn markdown_title_from_the_first_heading_and_toml_front_matter() {
    let dir = site(&[(
        "content/a.md",
        b"+++\ndate = 2017-03-02T10:15:00Z\npublisher = \"P\"\n+++\n# Embassy hedges\n\nThe embassy said.\n\n## Reaction\n\nNone.\n",
    )]);
    let loaded = load_dir(dir.path(), Path::new("content")).unwrap();
    let a = &loaded.articles[0];
    assert_eq!(a.title, "Embassy hedges");
    assert_eq!(a.text, "The embassy said.\n\nReaction\n\nNone.");
    assert_eq!(a.published, day(2017, 3, 2));
    assert_eq!(a.published_text.as_deref(), Some("2017-03-02T10:15:00Z"));
    assert_eq!(a.publisher.as_deref(), Some("P"));
}
