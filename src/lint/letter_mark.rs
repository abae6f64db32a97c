//! The mark in a rendered Markdown letter: the event type the letter was made
//! from and whether it is a besluit, as an HTML comment on a line of its own
//! between the subject heading and the body
//! (`<!-- helder-letter: administrative_fine besluit -->`).
//!
//! `helder render` lints a letter's body with its event beside it: the letter
//! about a fine may name the fine once ("U krijgt een bestuurlijke boete van
//! …"), a besluit must have its objection clause. `helder lint FILE.md` has only
//! the text; the mark tells it which letter the text is and where the body
//! starts, so it checks the body as the renderer did (the subject line is
//! checked with its template) instead of warning on the one word the decision
//! is about. The mark holds no personal data and is not shown when the
//! Markdown is read.

use crate::event::EventType;
use std::ops::Range;

/// How the mark starts.
const OPEN: &str = "<!-- helder-letter:";
/// How the mark ends.
const CLOSE: &str = "-->";
/// The word for a besluit, and for a letter that is not one.
const BESLUIT: &str = "besluit";
const NO_BESLUIT: &str = "geen-besluit";
/// The mark is looked for in the first lines only (a draft mark, the subject).
const HEAD_LINES: usize = 8;

/// Which letter a rendered Markdown text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterMark {
    /// The event type the letter was made from.
    pub event_type: EventType,
    /// Whether the letter is a besluit.
    pub is_besluit: bool,
}

impl LetterMark {
    /// The mark as one line, without a line break.
    pub fn line(&self) -> String {
        let besluit = if self.is_besluit { BESLUIT } else { NO_BESLUIT };
        format!("{OPEN} {} {besluit} {CLOSE}", self.event_type.as_str())
    }

    /// The mark in the first lines of `source`, on a line of its own, whole and
    /// naming a known event type; with the byte range of its line.
    pub fn find(source: &str) -> Option<(LetterMark, Range<usize>)> {
        let mut start = 0;
        for line in source.split_inclusive('\n').take(HEAD_LINES) {
            let range = start..start + line.len();
            start = range.end;
            if let Some(mark) = LetterMark::parse(line) {
                return Some((mark, range));
            }
        }
        None
    }

    /// The mark, when `line` is one.
    fn parse(line: &str) -> Option<LetterMark> {
        let body = line.trim().strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
        let mut words = body.split_whitespace();
        let event_type = EventType::from_name(words.next()?)?;
        let is_besluit = match words.next()? {
            BESLUIT => true,
            NO_BESLUIT => false,
            _ => return None,
        };
        words.next().is_none().then_some(LetterMark {
            event_type,
            is_besluit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Severity, SourceKind, lint};
    use crate::readability::ReadabilityConfig;

    fn marked(mark: LetterMark, body: &str) -> String {
        format!(
            "**CONCEPT — niet versturen**\n\n# Besluit: een bedrag\n\n{}\n\n{body}",
            mark.line()
        )
    }

    #[test]
    fn the_mark_reads_back_as_written() {
        for (event_type, is_besluit) in [
            (EventType::AdministrativeFine, true),
            (EventType::InterviewInvitation, false),
        ] {
            let mark = LetterMark {
                event_type,
                is_besluit,
            };
            let text = marked(mark, "Beste mevrouw Bakker,\n");
            let (found, range) = LetterMark::find(&text).unwrap();
            assert_eq!(found, mark);
            assert_eq!(text[range].trim_end(), mark.line());
        }
        assert_eq!(
            LetterMark {
                event_type: EventType::AdministrativeFine,
                is_besluit: true
            }
            .line(),
            "<!-- helder-letter: administrative_fine besluit -->"
        );
    }

    #[test]
    fn a_text_without_a_whole_mark_in_its_head_has_none() {
        let far = format!(
            "{}<!-- helder-letter: administrative_fine besluit -->\n",
            "Tekst.\n".repeat(HEAD_LINES)
        );
        for text in [
            "Beste mevrouw Bakker,\n\nTekst.\n",
            far.as_str(),
            // An unknown event type, a missing or unknown besluit word, a word too many.
            "<!-- helder-letter: parking_fine besluit -->\n\nTekst.\n",
            "<!-- helder-letter: administrative_fine -->\n\nTekst.\n",
            "<!-- helder-letter: administrative_fine ja -->\n\nTekst.\n",
            "<!-- helder-letter: administrative_fine besluit extra -->\n\nTekst.\n",
            // Not on a line of its own; another comment.
            "Tekst <!-- helder-letter: administrative_fine besluit -->\n",
            "<!-- helder-disable-next-line long-word: naam -->\nTekst.\n",
            "",
        ] {
            assert_eq!(LetterMark::find(text), None, "{text:?}");
        }
    }

    #[test]
    fn lint_weighs_a_marked_letter_as_the_letter_it_names() {
        let body = "Beste mevrouw Bakker,\n\nU krijgt een bestuurlijke boete van € 480,00.\n";
        let fine_words = |text: &str| {
            lint(text, SourceKind::Markdown, &ReadabilityConfig::default())
                .findings
                .into_iter()
                .filter(|f| f.rule == "punishment-vocabulary")
                .map(|f| (f.severity, &text[f.span.start..f.span.end]))
                .map(|(severity, word)| (severity, word.to_string()))
                .collect::<Vec<_>>()
        };
        let mark = |event_type| LetterMark {
            event_type,
            is_besluit: true,
        };
        // Without the mark the linter cannot know the letter is about a fine.
        assert_eq!(
            fine_words(body),
            vec![(Severity::Warning, "boete".to_string())]
        );
        // The letter about the fine, and the warning given instead of one, name it once.
        assert!(fine_words(&marked(mark(EventType::AdministrativeFine), body)).is_empty());
        assert!(fine_words(&marked(mark(EventType::Warning), body)).is_empty());
        // Any other letter may not speak of a fine at all; the span is in the source.
        assert_eq!(
            fine_words(&marked(mark(EventType::Recovery), body)),
            vec![(Severity::Error, "boete".to_string())]
        );
    }
}
