//! The PDF layout of arbitrary text (subject and a paragraph): a PDF or an
//! error naming a character, never a panic.
#![no_main]
use helder::render::pdf::fonts::Weight;
use helder::render::pdf::layout::{StyledText, break_lines};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut styled = StyledText::default();
    styled.push(Weight::Regular, text);
    styled.line_break();
    styled.push(Weight::Bold, text);
    for width in [1.0f32, 50.0, 467.0] {
        if let Ok(lines) = break_lines(&styled, 11.0, width) {
            for line in lines {
                assert!(line.width.is_finite());
            }
        }
    }
});
