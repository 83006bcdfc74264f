//! Every error message a user can meet, pinned as a snapshot of what the CLI prints (exit code,
//! standard output and standard error), with the temporary site folder shown as `[SITE]`.
//! Review a changed message by eye before accepting its `.snap` file.

mod common;

use common::Site;
use insta::assert_snapshot;

/// The exit code and both streams of `annals args` in `site`, with its path replaced.
fn run(site: &Site, args: &[&str]) -> String {
    run_with_input(site, args, None)
}

fn run_with_input(site: &Site, args: &[&str], input: Option<&[u8]>) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(site.dir.path())
        .env("NO_COLOR", "1")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run annals");
    if let Some(input) = input {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let mut text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().map_or("signal".into(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = site.dir.path();
    for path in [dir.canonicalize().unwrap(), dir.to_path_buf()] {
        text = text.replace(&path.display().to_string(), "[SITE]");
    }
    text
}

/// A site with `site.toml` and the given files.
fn site(files: &[(&str, &str)]) -> Site {
    let site = Site::copy_of("empty");
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

const ARTICLE: &str =
    "---\ntitle: Embassy closes\ndate: 2017-03-02\n---\nThe embassy closed on Thursday.\n";

fn event(id: &str, date: &str) -> String {
    format!("id: {id}\ndate: \"{date}\"\ntitle: Something happened\n")
}

#[test]
fn missing_site_toml() {
    let site = site(&[]);
    std::fs::remove_file(site.path("site.toml")).unwrap();
    assert_snapshot!(run(&site, &["build"]));
}

#[test]
fn unknown_key_in_site_toml_with_a_suggestion() {
    let site = site(&[("site.toml", "title = \"T\"\ndescripton = \"D\"\n")]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn bad_dct() {
    let site = site(&[("a.txt", "It happened yesterday.\n")]);
    assert_snapshot!(run(&site, &["tag", "a.txt", "--dct", "2017-13-45"]));
}

#[test]
fn invalid_utf8_to_tag() {
    let site = site(&[]);
    std::fs::write(site.path("bad.txt"), b"On Monday \xff\xfe it rained.\n").unwrap();
    assert_snapshot!(
        "invalid_utf8_file",
        run(&site, &["tag", "bad.txt", "--dct", "2017-03-02"])
    );
    assert_snapshot!(
        "invalid_utf8_stdin",
        run_with_input(
            &site,
            &["tag", "--dct", "2017-03-02"],
            Some(b"\xc3\x28 Monday")
        )
    );
}

#[test]
fn unreadable_file() {
    let site = site(&[]);
    assert_snapshot!(
        "missing_file",
        run(&site, &["tag", "missing.txt", "--dct", "2017-03-02"])
    );
    assert_snapshot!(
        "folder_as_file",
        run(&site, &["tag", "content", "--dct", "2017-03-02"])
    );
}

#[test]
fn front_matter_error_with_file_line_column() {
    let site = site(&[(
        "content/2017-03-02-a.md",
        "---\ntitle: Embassy closes\ndate: [2017-03-02\n---\nThe embassy closed on Thursday.\n",
    )]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn event_yaml_syntax_error() {
    let site = site(&[
        ("content/a.md", ARTICLE),
        (
            "content/events/x.yaml",
            "id: x\ndate: \"2017-03-02\"\ntitle: \"unclosed\nsummary: x\n",
        ),
    ]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn unknown_event_key_with_a_suggestion() {
    let site = site(&[(
        "content/events/x.yaml",
        "id: x\ndate: \"2017-03-02\"\ntitel: Something happened\n",
    )]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn impossible_date() {
    let site = site(&[("content/events/x.yaml", &event("x", "2017-02-30"))]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn interval_ending_before_it_starts() {
    let site = site(&[(
        "content/events/x.yaml",
        &event("x", "2017-03-05/2017-03-01"),
    )]);
    assert_snapshot!(run(&site, &["build"]));
}

#[test]
fn duplicate_ids_in_check() {
    let site = site(&[
        ("content/events/one.yaml", &event("same", "2017-03-02")),
        ("content/events/two.yaml", &event("same", "2017-03-03")),
    ]);
    assert_snapshot!(run(&site, &["check"]));
}

#[test]
fn empty_content_folder() {
    let site = site(&[]);
    assert_snapshot!("empty_content_extract", run(&site, &["extract"]));
    std::fs::remove_dir_all(site.path("content")).unwrap();
    assert_snapshot!("missing_content_extract", run(&site, &["extract"]));
}

#[test]
fn init_into_an_existing_site() {
    let site = site(&[]);
    assert_snapshot!(run(&site, &["init"]));
}

#[test]
fn template_error_names_the_theme_file_and_line() {
    let site = site(&[
        ("content/events/x.yaml", &event("x", "2017-03-02")),
        (
            "themes/default/templates/event.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ event.title }</h1>\n{% endblock %}\n",
        ),
    ]);
    assert_snapshot!(run(&site, &["build"]));
}

#[test]
fn a_broken_line_in_a_json_lines_collection() {
    let site = site(&[(
        "content/wire.jsonl",
        "{\"id\": \"one\", \"date\": \"2017-03-02\", \"text\": \"The mill closed on Monday.\"}\n{\"id\": \"two\", \"date\": 2017-03-03}\n",
    )]);
    assert_snapshot!(run(&site, &["extract", "--dry-run"]));
}

#[test]
fn a_broken_state_file() {
    let site = site(&[
        ("content/a.md", ARTICLE),
        (
            "content/events/.annals-state.json",
            "{\"version\": 1,\n  \"files\": [\n",
        ),
    ]);
    assert_snapshot!(run(&site, &["extract"]));
}

#[test]
fn a_date_flag_that_is_not_a_date() {
    let site = site(&[("content/a.txt", "The mill closed on Monday.\n")]);
    assert_snapshot!(run(&site, &["extract", "--date", "last tuesday"]));
}

#[test]
fn a_setting_with_a_value_it_cannot_take() {
    let site = site(&[(
        "site.toml",
        "title = \"T\"\n\n[extract]\nnumeric_dates = \"sideways\"\n",
    )]);
    assert_snapshot!(run(&site, &["extract"]));
}

#[test]
fn an_article_without_a_publication_date() {
    let site = site(&[("content/notes.txt", "The mill closed on Monday.\n")]);
    assert_snapshot!(run(&site, &["extract", "--dry-run"]));
}

#[test]
fn a_theme_that_does_not_exist() {
    let site = site(&[("site.toml", "title = \"T\"\ntheme = \"nightsky\"\n")]);
    assert_snapshot!(run(&site, &["build"]));
    site.write("themes/nightsky/templates/.keep", "");
    site.write("site.toml", "title = \"T\"\ntheme = \"nigthsky\"\n");
    assert_snapshot!("a_misspelt_theme", run(&site, &["build"]));
    site.write("site.toml", "title = \"T\"\ntheme = \"nightsky\"\n");
    assert!(run(&site, &["build"]).starts_with("exit: 0"));
}

#[test]
fn serve_on_a_port_already_taken() {
    let site = site(&[("content/events/x.yaml", &event("x", "2017-03-02"))]);
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let said = run(&site, &["serve", "--port", &port]).replace(&port, "[PORT]");
    assert_snapshot!(said);
}
