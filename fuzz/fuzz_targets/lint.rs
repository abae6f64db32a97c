//! Prose extraction and every lint rule over arbitrary UTF-8, as Markdown,
//! plain text and template: no panic, and every span on a char boundary.
#![no_main]
use helder::lint::{SourceKind, lint};
use helder::readability::ReadabilityConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let config = ReadabilityConfig::default();
    for kind in [
        SourceKind::Markdown,
        SourceKind::PlainText,
        SourceKind::Template,
    ] {
        for finding in lint(text, kind, &config).findings {
            assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
            assert!(
                text.is_char_boundary(finding.span.start)
                    && text.is_char_boundary(finding.span.end)
            );
        }
    }
});
