//! Why krilla would not make a PDF, in Dutch, for the person who reads the
//! error record: what is wrong with the letter and what to do, never krilla's
//! Rust debug text, and a character named by its code (U+FEFF), never
//! written out (it may be an invisible or a control character).

use crate::render::RenderError;
use krilla::configure::ValidationError;
use krilla::error::KrillaError;

/// The Dutch message for an error of `Document::finish`.
pub fn finish_error(error: &KrillaError) -> RenderError {
    let reason = match error {
        KrillaError::Validation(errors) => {
            let mut reasons: Vec<String> =
                errors.iter().map(|(error, _)| validation(error)).collect();
            reasons.dedup();
            reasons.join("; ")
        }
        KrillaError::Font(..) => "het lettertype kan niet in de PDF worden opgenomen".to_string(),
        KrillaError::Limit(_) => "de brief is groter dan een PDF-bestand kan bevatten".to_string(),
        _ => "de opbouw van de PDF klopt niet".to_string(),
    };
    RenderError::new(
        format!("de PDF voldoet niet aan PDF/A-2a en PDF/UA-1 en is daarom niet gemaakt: {reason}"),
        "Controleer de tekst van de gebeurtenis en het sjabloon.",
    )
}

/// One validation error, in Dutch.
fn validation(error: &ValidationError) -> String {
    match error {
        ValidationError::InvalidCodepointMapping(_, _, c, _)
        | ValidationError::UnicodePrivateArea(_, _, c, _) => {
            format!("het teken {} kan niet in een PDF/A-brief", code(*c))
        }
        ValidationError::ContainsNotDefGlyph(..) | ValidationError::NoCodepointMapping(..) => {
            "een teken staat niet in het lettertype".to_string()
        }
        ValidationError::TooLongString
        | ValidationError::TooLongName
        | ValidationError::TooLongArray
        | ValidationError::TooLongDictionary
        | ValidationError::TooLargeFloat
        | ValidationError::TooManyIndirectObjects
        | ValidationError::TooHighQNestingLevel => {
            "een deel van de brief is te groot voor een PDF".to_string()
        }
        ValidationError::NoDocumentLanguage
        | ValidationError::NoDocumentTitle
        | ValidationError::MissingDocumentDate
        | ValidationError::MissingTagging
        | ValidationError::MissingHeadingTitle
        | ValidationError::MissingDocumentOutline
        | ValidationError::MissingAltText(_) => {
            "de PDF mist gegevens die een toegankelijke brief nodig heeft".to_string()
        }
        _ => "de PDF voldoet niet aan de regels voor archief en toegankelijkheid".to_string(),
    }
}

/// A character by its code only: `U+FEFF`.
pub fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}
