//! The temporal tagger on any UTF-8 text: no panic; spans inside the text, on character
//! boundaries, sorted, not overlapping, and their `text` is the slice they claim.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dct = chrono::NaiveDate::from_ymd_opt(2017, 3, 2);
    for dct in [dct, None] {
        let mut previous_end = 0;
        for t in annals::time::tag(text, dct) {
            assert!(t.start < t.end && t.end <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start >= previous_end, "overlap or disorder at {t:?}");
            assert_eq!(&text[t.start..t.end], t.text);
            previous_end = t.end;
        }
    }
});
