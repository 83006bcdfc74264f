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
