//! Event parsing and validation over arbitrary bytes: an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = helder::event::parse_events(text, "fuzz");
    }
});
