//! Messages for unusual files, and property tests.

use std::path::Path;

use super::*;
use crate::store::load::parse_event;

#[test]
fn a_repeated_key_is_named_without_parser_jargon() {
    let err = parse_event(
        Path::new("ev/x.yaml"),
        "id: x\ndate: 2017\ntitle: A\ntitle: B\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "key `title` appears twice\n  --> ev/x.yaml:4:1\n  |\n4 | title: B\n  | ^\n  = help: keep one of them; YAML allows each key once per mapping"
    );
}

#[test]
fn a_flow_mapping_without_an_id_says_the_id_is_missing() {
    let err = parse_event(Path::new("ev/x.yaml"), "{date: 2017, title: A}\n").unwrap_err();
    assert_eq!(err.message, "the event has no `id`");
    let ok = parse_event(Path::new("ev/x.yaml"), "{id: x, date: 2017, title: A}\n").unwrap();
    assert_eq!(ok.title, "A");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_as_an_event_file_never_panics_load(text in "\\PC*|[a-z:\\- \\n\\[\\]{}#'\"|>~?0-9]{0,80}") {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.yaml"), &text).unwrap();
        if let Err(err) = load(dir.path()) {
            let err = err.downcast_ref::<crate::error::ContentError>();
            proptest::prop_assert!(err.is_some(), "a bad event file must be a content error");
            if let Some((line, _)) = err.and_then(|e| e.location) {
                proptest::prop_assert!(line >= 1 && line <= text.lines().count().max(1));
            }
        }
    }

    #[test]
    fn written_events_read_back_unchanged(title in "\\PC{1,120}", quote in "\\PC{1,200}") {
        let event = ev("x", "2017-03~", &title, vec![src("a1", "2017-03-02", &quote)]);
        let text = super::yaml_edit::to_yaml(&event).unwrap();
        proptest::prop_assert_eq!(parse_event(Path::new("x.yaml"), &text).unwrap(), event);
    }
}

#[test]
fn load_survives_arbitrary_bytes_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.yaml"), [0xff, 0xfe, b':', b'\n']).unwrap();
    let err = load(dir.path()).unwrap_err();
    assert!(err.downcast_ref::<crate::error::ContentError>().is_some());
}

fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        any::<String>(),
        "[ \\t\\r\\n\\x00\"':#&*!|>%@`{}\\[\\],?~-]{0,12}",
        "\\PC{0,40}",
        Just(String::new()),
        Just("null".to_string()),
        Just("~".to_string()),
        Just("yes".to_string()),
        Just("2017-03-02".to_string()),
        Just("0x1F".to_string()),
        Just("\u{feff}a".to_string()),
        Just(" padded ".to_string()),
        Just("\u{85}\u{2028}\u{2029}".to_string()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any text in any field of an event (control characters, NUL, bidi marks, YAML
    /// indicators, strings YAML would read as other types) is written and read back unchanged.
    #[test]
    fn any_event_written_reads_back_equal(
        id in any_text(),
        title in any_text(),
        summary in proptest::option::of(any_text()),
        tags in proptest::collection::vec(any_text(), 0..3),
        quote in any_text(),
        url in proptest::option::of(any_text()),
        phrase in proptest::option::of(any_text()),
        importance in proptest::option::of(proptest::prelude::any::<u8>()),
        hidden in proptest::prelude::any::<bool>(),
    ) {
        let mut event = ev("x", "2017-03~/2017-21", &title, vec![]);
        event.id = id;
        event.summary = summary;
        event.entities = tags.iter().rev().cloned().collect();
        event.tags = tags;
        event.importance = importance;
        event.hidden = hidden;
        let mut source = src("a1", "2017-03-02", &quote);
        source.url = url;
        source.phrase = phrase;
        event.sources = vec![source.clone()];
        let text = super::yaml_edit::to_yaml(&event);
        proptest::prop_assert!(text.is_ok(), "{:?}", text);
        let text = text.unwrap();
        let back = parse_event(Path::new("x.yaml"), &text);
        proptest::prop_assert_eq!(back.as_ref().ok(), Some(&event), "{}", text);

        // Appending a source to the written file never produces a file that reads back wrong:
        // the edit either reads back as the event with both sources, or is refused (the plan
        // then warns and leaves the file alone). Refusals are rare layouts, such as a quote
        // that is only line breaks, written as a `|+` block scalar.
        let path = Path::new("x.yaml");
        if let Ok(new_text) = crate::store::plan::appended(path, &text, &event, &event.sources, &source) {
            let back = parse_event(path, &new_text).unwrap();
            proptest::prop_assert_eq!(back.sources, vec![source.clone(), source]);
        }
    }
}

/// 100,000 nested flow sequences, or block mappings nested 2,000 deep: refused with a located
/// error (the first level that is not the string the field needs), not a stack overflow.
#[test]
fn deeply_nested_yaml_is_refused_with_a_location() {
    let flow = format!("id: x\ndate: 2017\ntitle: {}\n", "[".repeat(100_000));
    let mut block = String::from("id: x\ndate: 2017\ntitle: A\nsummary:\n");
    for depth in 1..2_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    for text in [flow, block] {
        let err = parse_event(Path::new("ev/x.yaml"), &text).unwrap_err();
        let (line, _) = err.location.expect("located");
        assert!(line >= 3 && line <= text.lines().count(), "{err}");
        let shown = err.to_string();
        assert!(shown.contains("ev/x.yaml:"), "{shown}");
        assert!(
            shown.len() < 2_000,
            "the snippet is cut: {} bytes",
            shown.len()
        );
    }
}
