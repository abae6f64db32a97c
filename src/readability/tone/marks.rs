//! Marks of a word form that the tone view and the tone rules test first: a
//! bit for each small list of words a test starts from ("niet", "als", "mag",
//! a form of "zien" …). They are found once for each distinct form of a text,
//! so a sentence or a word is tested with a bit instead of string comparisons,
//! and a sentence without a mark a test needs is skipped without a walk.
//!
//! A mark only says that a test *can* hold: every test still asks its own
//! question of the words; the mark is its cheap first step.

use super::{is_negation, starts_clause};
use crate::morphology::WordMorph;

/// "niet", "geen", "nooit" … ([`is_negation`]).
pub(crate) const NEGATION: u64 = 1;
/// A word that can break a clause: [`starts_clause`], "mocht", "mochten",
/// "die", "maar", "of", "dat", "dan", "en".
pub(crate) const CLAUSE_WORD: u64 = 1 << 1;
/// "als", "wanneer", "indien", "zodra", "mocht": a condition without a comma can open with it.
pub(crate) const CONDITION_OPEN: u64 = 1 << 2;
/// "mag", "mogen", "moogt", "mocht", "mochten", "hoeft", "hoef", "hoeven".
pub(crate) const MAY: u64 = 1 << 3;
/// "kan", "kunnen".
pub(crate) const CAN: u64 = 1 << 4;
/// "zomaar".
pub(crate) const ZOMAAR: u64 = 1 << 5;
/// "eerst", "wachten", "voordat".
pub(crate) const FIRST: u64 = 1 << 6;
/// "nodig".
pub(crate) const NEEDED: u64 = 1 << 7;
/// "hooguit", "maximaal", "hoogstens".
pub(crate) const CAP: u64 = 1 << 8;
/// "artikel", "art", "lid": a law article.
pub(crate) const LEGAL: u64 = 1 << 9;
/// A form that can be a consequence without a consequence concept: "lager",
/// "minder", "spel", "behandeling", "actie", "stap", a form with "zet",
/// "straat", "kwijt", "uit", "verlaten".
pub(crate) const CONSEQUENCE_FORM: u64 = 1 << 10;
/// A verb of paying out or handling ("betalen", "behandelen").
pub(crate) const PAYING: u64 = 1 << 11;
/// A form that can offer help or reassure without the concept help: one
/// that reassures, a right, or "rekening".
pub(crate) const HELP_FORM: u64 = REASSURING | RIGHT | REKENING;
/// A form that reassures by itself: "voorkomen", "bezwaar", "beroep",
/// "beschermen" and their nouns, "meewegen", "afwegen" (by lemma), or
/// "beschermd", "meegewogen", "afgewogen".
pub(crate) const REASSURING: u64 = 1 << 12;
/// A word of criticism (by lemma or compound head), or "te".
pub(crate) const CRITIQUE_FORM: u64 = 1 << 13;
/// "bezwaar", "beroep", "bezwaarschrift", "beroepschrift", "griffierecht" (by lemma).
pub(crate) const OBJECTION: u64 = 1 << 14;
/// A form of "zien".
pub(crate) const SEE: u64 = 1 << 15;
/// "zonder", "elk", "ieder", "onverwachts", "zomaar", "uitkomt": a visit can come without warning.
pub(crate) const UNWARNED: u64 = 1 << 16;
/// A lemma of the reader's data ("gegevens", "spaarrekening", "inkomsten").
pub(crate) const DATA: u64 = 1 << 17;
/// "of".
pub(crate) const OF: u64 = 1 << 18;
/// People around the reader, the internet, or a form of "houden": the reader asked about or tracked.
pub(crate) const AROUND: u64 = 1 << 19;
/// Disbelief: a form of "geloven" or "vertrouwen".
pub(crate) const DISBELIEF: u64 = 1 << 20;
/// A word distrust starts from: "kwade", "kwader", a form of "willen",
/// "echt", "werkelijk", a form of "nemen" ("of" counts with [`TRUTH`]).
pub(crate) const DISTRUST_WORD: u64 = 1 << 21;
/// "dat".
pub(crate) const THAT: u64 = 1 << 22;
/// An assumption: a form of "aannemen" or "nemen", "ervan", "er".
pub(crate) const ASSUME: u64 = 1 << 23;
/// A form that can ask for an account or a reason: "verklaren", "verantwoorden",
/// "uitleggen", "zien", the lemma "reden".
pub(crate) const ACCOUNT: u64 = 1 << 24;

/// Whether the form is, or can be, a form of this lemma (as [`super::ToneWord::reads_as`]).
fn reads_as(word: &WordMorph, lemma: &str) -> bool {
    word.lemma == lemma
        || (word.others.len() >= lemma.len() && word.others.split(',').any(|o| o == lemma))
}

/// A month name ("oktober"): a date can stand in the sentence.
pub(crate) const MONTH: u64 = 1 << 25;
/// "naam", or a form that starts with "door" ("doorgeven", "door").
pub(crate) const NAME_OR_ON: u64 = 1 << 26;
/// A verb of telling the organisation ("weten", "melden", "bellen" …; see the rule report-call).
pub(crate) const TELLS_US: u64 = 1 << 27;

/// A word that starts a condition clause ("als", "bij", "wie", "zonder" …).
pub(crate) const CONDITION: u64 = 1 << 28;
/// A question word ("wat", "hoe", "waarom" …).
pub(crate) const QUESTION_WORD: u64 = 1 << 29;
/// A subject after a verb that opens a condition ("u", "de", "er" …).
pub(crate) const SUBJECT: u64 = 1 << 30;

/// A form of "verlaten": a home left.
pub(crate) const LEAVE: u64 = 1 << 31;
/// A word of truth: a form of "kloppen", "waarheid", "eerlijk", "waar", "juist".
pub(crate) const TRUTH: u64 = 1 << 32;

/// A simple past form of a strong or irregular verb ("kwam", "was"; see the tone view's dated events).
pub(crate) const STRONG_PAST: u64 = 1 << 33;
/// A present form that makes a sentence about now or later ("wordt", "zal").
pub(crate) const PRESENT_AUXILIARY: u64 = 1 << 34;
/// A duty: a form of "moeten" ("moet", "moest"), or "verplicht".
pub(crate) const MUST: u64 = 1 << 35;
/// A right the reader can use: "recht", "kwijtschelding", "aanvragen" (by lemma), or "rechten".
pub(crate) const RIGHT: u64 = 1 << 36;
/// "rekening": help when "rekening houden met" follows.
pub(crate) const REKENING: u64 = 1 << 37;

/// A form that can name costs or an amount (see the rule rising-costs): a
/// lemma or compound head of [`COSTS`], a form ending in "kosten", "bedrag".
pub(crate) const COSTS_FORM: u64 = 1 << 38;
/// A form an ultimatum can start from (see the rule ultimatum): "geen", one
/// of [`LAST`], or a lemma of [`ULTIMATUMS`].
pub(crate) const ULTIMATUM_FORM: u64 = 1 << 39;

/// What the reader owes or pays, besides words ending in "kosten".
pub(crate) const COSTS: &[&str] = &[
    "kost",
    "kosten",
    "boete",
    "premie",
    "schuld",
    "huurschuld",
    "rente",
    "vordering",
    "achterstand",
    "huurachterstand",
    "betalingsachterstand",
    "aanmaning",
    "herinnering",
    "sommatie",
    "dwangbevel",
    "incasso",
];

/// What comes last: "laatste kans", "laatste waarschuwing".
pub(crate) const LAST: &[&str] = &["laatste", "allerlaatste"];

/// Words that are an ultimatum by themselves.
pub(crate) const ULTIMATUMS: &[&str] = &["sommatie", "ultimatum", "sommeren"];

/// Not a mark of a form: a word of the tone view that starts with a capital
/// letter in the text carries it with the marks of its form.
pub(crate) const CAPITALISED: u64 = 1 << 63;

/// The marks of one word form.
pub(crate) fn of(word: &WordMorph) -> u64 {
    let lower = word.form.as_str();
    let lemma = word.lemma.as_str();
    let mut marks = 0;
    let mut set = |mark: u64, holds: bool| {
        if holds {
            marks |= mark;
        }
    };
    set(NEGATION, is_negation(lower));
    set(
        CLAUSE_WORD,
        starts_clause(lower)
            || matches!(
                lower,
                "mocht" | "mochten" | "die" | "maar" | "of" | "dat" | "dan" | "en"
            ),
    );
    set(
        CONDITION_OPEN,
        matches!(lower, "als" | "wanneer" | "indien" | "zodra" | "mocht"),
    );
    set(
        MAY,
        matches!(
            lower,
            "mag"
                | "mogen"
                | "moogt"
                | "mocht"
                | "mochten"
                | "hoeft"
                | "hoef"
                | "hoeven"
                | "bevoegd"
                | "gerechtigd"
        ),
    );
    set(CAN, matches!(lower, "kan" | "kunnen"));
    set(ZOMAAR, lower == "zomaar");
    set(FIRST, matches!(lower, "eerst" | "wachten" | "voordat"));
    set(NEEDED, lower == "nodig");
    set(CAP, matches!(lower, "hooguit" | "maximaal" | "hoogstens"));
    set(LEGAL, matches!(lower, "artikel" | "art" | "lid"));
    set(
        CONSEQUENCE_FORM,
        matches!(lower, "lager" | "lagere" | "minder" | "spel")
            || matches!(lemma, "behandeling" | "actie" | "stap" | "stappen")
            || lower.contains("zet")
            || matches!(lower, "straat" | "kwijt" | "uit" | "verlaten"),
    );
    set(PAYING, super::consequence::paying_form(word));
    set(
        REASSURING,
        matches!(
            lemma,
            "voorkomen"
                | "bezwaar"
                | "beroep"
                | "bezwaarschrift"
                | "beroepschrift"
                | "beschermen"
                | "bescherming"
                | "meewegen"
                | "afwegen"
        ) || matches!(lower, "beschermd" | "meegewogen" | "afgewogen"),
    );
    set(
        RIGHT,
        matches!(
            lemma,
            "recht" | "kwijtschelding" | "aanvragen" | "mogelijkheid" | "gelegenheid"
        ) || lower == "rechten",
    );
    set(REKENING, lower == "rekening");
    set(
        CRITIQUE_FORM,
        super::reassurance::is_critique(lemma)
            || word
                .head
                .as_deref()
                .is_some_and(super::reassurance::is_critique)
            || lower == "te",
    );
    set(
        OBJECTION,
        matches!(
            lemma,
            "bezwaar" | "beroep" | "bezwaarschrift" | "beroepschrift" | "griffierecht"
        ),
    );
    set(SEE, reads_as(word, "zien"));
    set(
        UNWARNED,
        matches!(
            lower,
            "zonder" | "elk" | "ieder" | "onverwachts" | "zomaar" | "uitkomt"
        ),
    );
    set(
        DATA,
        [
            "gegeven",
            "gegevens",
            "bestand",
            "rekening",
            "afschrift",
            "inkomst",
            "inkomsten",
            "bankieren",
        ]
        .iter()
        .any(|d| lemma.ends_with(d)),
    );
    set(OF, lower == "of");
    set(
        AROUND,
        matches!(
            lemma,
            "buur" | "buren" | "buurman" | "buurvrouw" | "omgeving" | "huisgenoot" | "familie"
        ) || matches!(
            lower,
            "internet" | "facebook" | "instagram" | "online" | "media" | "marktplaats"
        ) || reads_as(word, "houden"),
    );
    set(
        DISBELIEF,
        (lower.starts_with("vertrouw") && reads_as(word, "vertrouwen"))
            || (lower.starts_with("gel") && reads_as(word, "geloven")),
    );
    set(
        DISTRUST_WORD,
        matches!(
            lower,
            "kwade"
                | "kwader"
                | "echt"
                | "écht"
                | "werkelijk"
                | "daadwerkelijk"
                | "neem"
                | "neemt"
                | "nemen"
                | "nam"
                | "namen"
                | "genomen"
        ) || ((lower.starts_with("wil") || lower.starts_with("wou")) && reads_as(word, "willen"))
            || reads_as(word, "nemen"),
    );
    set(THAT, lower == "dat");
    set(
        ASSUME,
        reads_as(word, "aannemen") || reads_as(word, "nemen") || matches!(lower, "ervan" | "er"),
    );
    set(
        ACCOUNT,
        lower.starts_with("verkla")
            || lower.starts_with("verant")
            || lower.starts_with("uitleg")
            || lower == "zien"
            || lemma == "reden",
    );
    set(MONTH, crate::dutch::MONTHS.contains(&lower));
    set(CONDITION, super::CONDITION_WORDS.contains(&lower));
    set(QUESTION_WORD, super::QUESTION_WORDS.contains(&lower));
    set(SUBJECT, super::SUBJECTS.contains(&lower));
    set(LEAVE, reads_as(word, "verlaten"));
    set(STRONG_PAST, super::dated::STRONG_PAST.contains(&lower));
    set(
        PRESENT_AUXILIARY,
        super::dated::PRESENT_AUXILIARIES.contains(&lower),
    );
    set(
        MUST,
        (lower.starts_with("moe") && reads_as(word, "moeten")) || lower == "verplicht",
    );
    set(
        TRUTH,
        reads_as(word, "kloppen") || matches!(lower, "waarheid" | "eerlijk" | "waar" | "juist"),
    );
    set(NAME_OR_ON, lower == "naam" || lower.starts_with("door"));
    set(
        TELLS_US,
        [
            "weten",
            "vertellen",
            "horen",
            "bellen",
            "mailen",
            "contact",
            "doorgeven",
            "melden",
        ]
        .iter()
        .any(|v| reads_as(word, v)),
    );
    set(
        COSTS_FORM,
        COSTS.contains(&lemma)
            || lower.ends_with("kosten")
            || word.head.as_deref().is_some_and(|h| COSTS.contains(&h))
            || lemma == "bedrag",
    );
    set(
        ULTIMATUM_FORM,
        lower == "geen" || LAST.contains(&lower) || ULTIMATUMS.contains(&lemma),
    );
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(form: &str) -> u64 {
        of(&crate::morphology::morphology().word(form))
    }

    #[test]
    fn a_form_carries_the_marks_of_the_tests_it_can_start() {
        for (form, mark) in [
            ("niet", NEGATION),
            ("omdat", CLAUSE_WORD),
            ("maar", CLAUSE_WORD),
            ("wanneer", CONDITION_OPEN),
            ("hoeft", MAY),
            ("bevoegd", MAY),
            ("maximaal", CAP),
            ("artikel", LEGAL),
            ("lagere", CONSEQUENCE_FORM),
            ("stopzetten", CONSEQUENCE_FORM),
            ("uitbetalen", PAYING),
            ("bezwaar", HELP_FORM),
            ("bescherming", REASSURING),
            ("rechten", RIGHT),
            ("rekening", REKENING),
            ("bezwaar", OBJECTION),
            ("kritiek", CRITIQUE_FORM),
            ("zagen", SEE),
            ("zonder", UNWARNED),
            ("loongegevens", DATA),
            ("buren", AROUND),
            ("geloven", DISBELIEF),
            ("wilden", DISTRUST_WORD),
            ("aannemen", ASSUME),
            ("verklaren", ACCOUNT),
            ("oktober", MONTH),
            ("doorgeven", NAME_OR_ON),
            ("mailen", TELLS_US),
            ("indien", CONDITION),
            ("waarom", QUESTION_WORD),
            ("er", SUBJECT),
            ("verliet", LEAVE),
            ("klopt", TRUTH),
            ("kwamen", STRONG_PAST),
            ("wordt", PRESENT_AUXILIARY),
            ("moest", MUST),
            ("incassokosten", COSTS_FORM),
            ("bedrag", COSTS_FORM),
            ("laatste", ULTIMATUM_FORM),
            ("geen", ULTIMATUM_FORM),
        ] {
            assert_ne!(marks_of(form) & mark, 0, "{form}");
        }
    }

    #[test]
    fn a_plain_word_carries_none_of_them() {
        for form in ["tafel", "groen", "brief"] {
            assert_eq!(marks_of(form), 0, "{form}");
        }
    }

    #[test]
    fn the_marks_agree_with_the_word_lists_they_stand_for() {
        let text = "Als u niet betaalt, dan wordt uw uitkering verlaagd. Wat doet u \
            wanneer de deurwaarder komt? Wij geloven u, want u hebt eerst gebeld.";
        for form in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
        {
            let marks = marks_of(&form);
            assert_eq!(marks & NEGATION != 0, is_negation(&form), "{form}");
            assert_eq!(
                marks & CONDITION != 0,
                super::super::CONDITION_WORDS.contains(&form.as_str()),
                "{form}"
            );
            assert_eq!(
                marks & SUBJECT != 0,
                super::super::SUBJECTS.contains(&form.as_str()),
                "{form}"
            );
            assert!(!starts_clause(&form) || marks & CLAUSE_WORD != 0, "{form}");
        }
    }
}
