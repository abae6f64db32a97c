//! Markdown, low in the house: the one parser setup and the escaping of values.
//!
//! Templates, the HTML, PDF and text renderers and the linter's prose
//! extraction must agree on what a paragraph is, so they all parse with
//! [`parser`]. Letters use CommonMark with tables (for amounts); no footnotes,
//! no smart quotes (they would change the quotes in a person's name).
//!
//! Every `{{ … }}` output in a template passes through [`escape_markdown`]
//! (Tera's auto-escape hook), so a value is always text, never markup: a name
//! like `Jansen](https://phish.example)`, `<script>` or `**vet**` shows up
//! exactly as written. Line breaks and tabs in a value become spaces, so a
//! value cannot start a new paragraph, list item or heading.

use pulldown_cmark::{Options, Parser};
use std::io::{self, Write};
use std::ops::Range;

/// The parser options for every Markdown text in helder.
pub fn options() -> Options {
    Options::ENABLE_TABLES
}

/// A pulldown-cmark parser over `text` with helder's options.
pub fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// Where a file's front matter is: TOML between a first line `+++` and the
/// next line that is `+++` (templates, and the Markdown files CI lints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fences {
    /// The file does not start with a line `+++`: no front matter.
    Missing,
    /// It starts with `+++`, but no line `+++` closes it.
    Unclosed,
    /// A closed front matter block.
    Closed(FrontMatterBlock),
}

/// A closed front matter block, in bytes of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterBlock {
    /// The TOML between the two `+++` lines.
    pub toml: Range<usize>,
    /// Where the body starts: after the closing `+++` line and its line break.
    pub body_start: usize,
    /// The 1-based line of the closing `+++`.
    pub closing_line: usize,
}

/// The one way helder finds front matter. A byte order mark before the first
/// `+++` is allowed; the offsets count it.
pub fn fences(source: &str) -> Fences {
    let start = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = source[start..].split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Fences::Missing;
    };
    if first.trim_end() != "+++" {
        return Fences::Missing;
    }
    let toml_start = start + first.len();
    let mut offset = toml_start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            return Fences::Closed(FrontMatterBlock {
                toml: toml_start..offset,
                body_start: offset + line.len(),
                closing_line: i + 2,
            });
        }
        offset += line.len();
    }
    Fences::Unclosed
}

/// Characters that can start or end Markdown markup anywhere in a line.
const ALWAYS_ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '#', '|', '~', '{', '}',
];

/// Characters that are markup only at the start of a line ("- item", "+ item", "=== ").
const ESCAPED_AT_START: &[char] = &['-', '+', '='];

/// Writes `value` escaped for CommonMark (Tera `EscapeFn`).
pub fn escape_markdown(value: &str, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(escaped(value).as_bytes())
}

/// `value` escaped for CommonMark.
pub fn escaped(value: &str) -> String {
    let mut result = String::with_capacity(value.len() + 8);
    let chars: Vec<char> = value
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let digits_at_start = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        // "1. " or "1) " at the start would begin a numbered list; "10.30 uur" would not.
        let ordered_list_marker = i == digits_at_start
            && digits_at_start > 0
            && matches!(c, '.' | ')')
            && chars.get(i + 1).is_none_or(|next| *next == ' ');
        if ALWAYS_ESCAPED.contains(&c)
            || (i == 0 && ESCAPED_AT_START.contains(&c))
            || ordered_list_marker
        {
            result.push('\\');
        }
        result.push(c);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_found_one_way() {
        let source = "\u{feff}+++\nsubject = \"x\"\n+++  \nBeste,\n";
        let Fences::Closed(block) = fences(source) else {
            panic!("closed front matter");
        };
        assert_eq!(&source[block.toml.clone()], "subject = \"x\"\n");
        assert_eq!(&source[block.body_start..], "Beste,\n");
        assert_eq!(block.closing_line, 3);
        assert_eq!(fences("+++\nsubject = 1\n"), Fences::Unclosed);
        assert_eq!(fences("Beste,\n+++\n"), Fences::Missing);
        assert_eq!(fences(""), Fences::Missing);
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escaped("Jansen](https://phish.example)"),
            "Jansen\\](https://phish.example)"
        );
        assert_eq!(escaped("<script>"), "\\<script\\>");
        assert_eq!(escaped("**vet**"), "\\*\\*vet\\*\\*");
        assert_eq!(escaped("{{ x }}"), "\\{\\{ x \\}\\}");
        assert_eq!(escaped("a\\b"), "a\\\\b");
        assert_eq!(escaped("&amp;"), "\\&amp;");
    }

    #[test]
    fn line_starts_are_neutralised() {
        assert_eq!(escaped("- lijst"), "\\- lijst");
        assert_eq!(escaped("1. eerste"), "1\\. eerste");
        assert_eq!(escaped("2024) jaar"), "2024\\) jaar");
        assert_eq!(escaped("3."), "3\\.");
        assert_eq!(escaped("10.30 uur"), "10.30 uur");
        assert_eq!(escaped("eerste\n# kop"), "eerste \\# kop");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        assert_eq!(escaped("Jansen-de Vries"), "Jansen-de Vries");
        assert_eq!(escaped("2026-11-23"), "2026-11-23");
        assert_eq!(escaped("O'Brien (zoon)"), "O'Brien (zoon)");
        assert_eq!(escaped("020 123 45 67"), "020 123 45 67");
    }
}
