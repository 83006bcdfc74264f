//! `check` diagnostics.

use super::*;

fn article(id: &str, text: &str, published: (i32, u32, u32)) -> ArticleRef {
    ArticleRef {
        id: id.into(),
        text: text.into(),
        published: Some(day(published.0, published.1, published.2)),
    }
}

#[test]
fn check_finds_duplicates_missing_articles_lost_quotes_and_dates_after_publication() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.yaml"),
        "id: vote\ndate: 2017-03-01\ntitle: A\nsources:\n- article: a1\n  quote: Parliament   voted\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.yaml"),
        "title: \"Rapid: B\"\nid: vote\ndate: 2017-03-09\nsources:\n- article: a1\n  quote: Nobody said this.\n- article: gone\n  quote: x\n",
    )
    .unwrap();
    let store = load_today(d);
    let articles = [article(
        "a1",
        "On Wednesday Parliament\nvoted.",
        (2017, 3, 2),
    )];
    let found: Vec<String> = check(&store, &articles)
        .iter()
        .map(|diag| {
            let (line, column) = diag.error.location.unwrap();
            format!(
                "{:?} {}:{line}:{column} {}",
                diag.severity,
                diag.error.path.file_name().unwrap().to_string_lossy(),
                diag.error.message
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            format!(
                "Error b.yaml:2:1 duplicate event id `vote`: {} has it too",
                d.join("a.yaml").display()
            ),
            "Warning b.yaml:6:10 the quote is not in article `a1`".to_string(),
            "Error b.yaml:7:3 source names article `gone`, which does not exist".to_string(),
        ]
    );
}

#[test]
fn check_warns_about_an_event_after_all_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "id: a\ndate: 2017-03-05/2017-03-09\ntitle: A\nsources:\n- article: a1\n  quote: It happened.\n- article: a2\n  quote: Soon.\n",
    )
    .unwrap();
    let store = load_today(dir.path());
    let articles = [
        article("a1", "It happened.", (2017, 3, 1)),
        article("a2", "Soon.", (2017, 3, 4)),
    ];
    let diags = check(&store, &articles);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(diags[0].error.location, Some((2, 1)));
    assert_eq!(
        diags[0].error.message,
        "the event is dated 2017-03-05/2017-03-09 but its latest source was published 2017-03-04"
    );
    // A source published on the first day is fine.
    let articles = [
        article("a1", "It happened.", (2017, 3, 1)),
        article("a2", "Soon.", (2017, 3, 5)),
    ];
    assert!(check(&store, &articles).is_empty());
    // A source that announces it ("will") dates a plan, which may well lie ahead.
    std::fs::write(
        dir.path().join("a.yaml"),
        "id: a\ndate: 2017-03-05/2017-03-09\ntitle: A\nsources:\n- article: a1\n  quote: It will happen.\n- article: a2\n  quote: Soon.\n",
    )
    .unwrap();
    let store = load_today(dir.path());
    let articles = [
        article("a1", "It will happen.", (2017, 3, 1)),
        article("a2", "Soon.", (2017, 3, 4)),
    ];
    assert!(check(&store, &articles).is_empty());
}
