//! Markdown front matter (YAML or TOML) on any text: no panic, and an error points at a line
//! of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match annals::article::front_matter::parse(std::path::Path::new("content/a.md"), text) {
        Ok(parsed) => assert!(text.ends_with(parsed.body)),
        Err(e) => {
            if let Some((line, column)) = e.location {
                assert!(line >= 1 && line <= text.lines().count().max(1), "{e}");
                assert!(column >= 1, "{e}");
            }
            let _ = e.to_string();
        }
    }
});
