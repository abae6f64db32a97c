//! How a tone finding looks: the words of a sentence of the tone view
//! ([`crate::readability::tone`]), an error with a Dutch message and suggestion.

use crate::readability::Document;
use crate::readability::tone::ToneSentence;

/// A tone finding on words of a sentence: from the first to the last word given.
pub(crate) fn finding(
    doc: &Document<'_>,
    sentence: &ToneSentence,
    words: &[usize],
    rule: &'static str,
    message: &str,
    suggestion: &str,
) -> crate::lint::Finding {
    let first = words.iter().copied().min().unwrap_or(0);
    let last = words.iter().copied().max().unwrap_or(0);
    let range = if sentence.words.is_empty() {
        sentence.range.clone()
    } else {
        sentence.span(first, last)
    };
    crate::lint::Finding {
        rule,
        category: crate::lint::Category::Tone,
        severity: crate::lint::Severity::Error,
        span: doc.source_range(sentence.block, range).into(),
        message: message.to_string(),
        suggestion: Some(suggestion.to_string()),
        fix: None,
    }
}

/// Words for a person other than the reader who may have done something:
/// "Vermoedt u dat iemand fraude pleegt?", "uw buren".
const SOMEONE_ELSE: &[&str] = &[
    "iemand",
    "anderen",
    "ander",
    "buren",
    "buurman",
    "buurvrouw",
    "buurtbewoner",
    "buurtbewoners",
    "kennis",
    "kennissen",
];

/// Whether a sentence about fraud is about someone other than the reader: it
/// names another person, or asks for an anonymous report. Such a sentence
/// does not call the reader a fraudster, but tells every reader on a benefit
/// that people around them are watched and may be reported.
pub(crate) fn about_someone_else(sentence: &ToneSentence) -> bool {
    sentence
        .concepts
        .contains(crate::morphology::Concept::Anonymous)
        || sentence
            .words
            .iter()
            .any(|w| SOMEONE_ELSE.contains(&w.lower()))
}

/// Whether a sentence about fraud is not aimed at the reader: it is about
/// someone else ([`about_someone_else`]), or it stands outside a letter and
/// does not speak to the reader at all ("Wij letten op fraude."). In a letter
/// or a letter template every sentence is read as spoken to its reader.
pub(crate) fn not_aimed_at_reader(doc: &Document<'_>, sentence: &ToneSentence) -> bool {
    about_someone_else(sentence)
        || (!doc.is_template
            && !crate::readability::tone::is_letter(doc)
            && !sentence
                .words
                .iter()
                .any(|w| matches!(w.lower(), "u" | "uw" | "je" | "jij" | "jouw" | "jou")))
}

/// The message of a fraud or suspicion finding on a sentence not aimed at the reader.
pub(crate) const SUSPECTING_OTHERS: &str = "Deze zin gaat over fraude in het algemeen of door anderen. Wie een uitkering heeft, leest toch: de gemeente wantrouwt mensen zoals ik.";

/// Its suggestion: say what someone can do when something seems wrong, without fraud.
pub(crate) const SUSPECTING_OTHERS_SUGGESTION: &str = "Schrijf wat iemand kan doen als iets niet lijkt te kloppen, zonder het woord fraude: \"Denkt u dat er iets niet klopt? Bel ons, dan kijken wij ernaar.\"";
