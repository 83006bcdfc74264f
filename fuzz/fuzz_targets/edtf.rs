//! EDTF dates on any text: no panic; whatever parses prints as text that parses back to the
//! same date and prints the same again.
#![no_main]

use annals::time::Edtf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = Edtf::parse(text) {
        let shown = date.to_string();
        let again = Edtf::parse(&shown).unwrap_or_else(|e| panic!("{text:?} -> {shown:?}: {e}"));
        assert_eq!(again, date, "{text:?} -> {shown:?}");
        assert_eq!(again.to_string(), shown);
        let interval = date.interval();
        assert!(interval.first <= interval.last);
    }
});
