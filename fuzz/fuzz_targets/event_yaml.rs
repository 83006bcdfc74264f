//! Event files on any text: no panic; an error points at a line of the file; an event that
//! parses is written by annals and reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("content/events/x.yaml");
    match annals::store::parse_event_text(path, text) {
        Ok(event) => {
            let written =
                annals::store::event_to_yaml(&event).unwrap_or_else(|e| panic!("{e}: {event:?}"));
            let back = annals::store::parse_event_text(path, &written).expect("reads back");
            assert_eq!(back, event, "{written}");
        }
        Err(e) => {
            if let Some((line, _)) = e.location {
                assert!(line >= 1 && line <= text.lines().count().max(1), "{e}");
            }
            let _ = e.to_string();
        }
    }
});
