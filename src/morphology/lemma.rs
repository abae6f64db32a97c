//! Lemmas: the dictionary form of a word ("gekort" → korten, "boetes" → boete).
//!
//! The table `readability/lemmas.tsv` is generated from the OpenTaal word list
//! by `readability/scripts/make_lemma_table.py` (see readability/README.md); it
//! holds the frequent forms and every form of a frequent verb. A word that is
//! not in it goes through a few suffix rules (plural, inflected adjective,
//! participle), each checked against the table and the frequency list, so a
//! rule never makes up a word helder does not know.

use crate::lexicon::lexicon;
use crate::lexicon::tables;

/// What kind of form a word is, as the lemma table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A form of a verb; the lemma is the infinitive ("gekort" → korten).
    Verb,
    /// A noun form; the lemma is the singular ("boetes" → boete).
    Noun,
    /// An adjective form ("hogere" → hoog).
    Adjective,
    /// A word that is its own lemma first, and a form of other lemmas too ("kort": short, and korten).
    Own,
    /// A participle mostly used as an adjective ("opgelegd"): its own lemma first, then the verb.
    Participle,
    /// Not in the table: the word itself, or what the suffix rules made of it.
    Unlisted,
}

/// The kind of a row of the compiled table (its letter in `lemmas.tsv`).
fn form_kind(letter: char) -> FormKind {
    match letter {
        'V' => FormKind::Verb,
        'N' => FormKind::Noun,
        'A' => FormKind::Adjective,
        'S' => FormKind::Own,
        _ => FormKind::Participle,
    }
}

/// One row of the lemma table.
#[derive(Debug, Clone, Copy)]
pub struct LemmaRow {
    /// The lemma.
    pub lemma: &'static str,
    /// What kind of form the word is.
    pub kind: FormKind,
    /// Other lemmas the form can have, comma-separated ("" when none).
    pub others: &'static str,
}

/// The lemma table, the verbs it knows and the nouns made from verbs: the
/// tables `build.rs` compiles from `lemmas.tsv` and `derivations.tsv`
/// ([`crate::lexicon::tables`], with the test that they equal the files).
#[derive(Debug)]
pub struct LemmaTable {
    _compiled: (),
}

impl LemmaTable {
    /// The compiled tables (nothing to parse: they are in the binary).
    pub fn load() -> Result<LemmaTable, String> {
        Ok(LemmaTable { _compiled: () })
    }

    /// The table's row for a lower-case form, if it has one.
    pub fn row(&self, form: &str) -> Option<LemmaRow> {
        tables::lemma_cells(form).map(|cells| LemmaRow {
            lemma: cells.lemma(),
            kind: form_kind(cells.kind()),
            others: cells.others(),
        })
    }

    /// Whether a lower-case word is the infinitive of a verb the table knows.
    pub fn is_verb(&self, infinitive: &str) -> bool {
        tables::VERBS.contains(infinitive)
    }

    /// The table's own copy of an infinitive it knows as a verb.
    pub fn verb(&self, infinitive: &str) -> Option<&'static str> {
        tables::VERBS.get(infinitive)
    }

    /// The verb a noun is made from ("verlaging" → verlagen), if the table knows it.
    pub fn verb_of_noun(&self, noun: &str) -> Option<&'static str> {
        tables::derived_verb(noun)
    }

    /// The lemma of a lower-case word and what kind of form it is.
    ///
    /// Not in the table: the suffix rules try a plural ("-en", "-s", "-'s"), an
    /// inflected adjective ("-e") and a participle ("ge…d", "ge…t"), and keep a
    /// guess only when the table or the frequency list knows it.
    pub fn lemma(&self, form: &str) -> (String, FormKind, &'static str) {
        if let Some(row) = self.row(form) {
            return (row.lemma.to_string(), row.kind, row.others);
        }
        if let Some(guess) = self.guess(form) {
            return guess;
        }
        (form.to_string(), FormKind::Unlisted, "")
    }

    fn known(&self, word: &str) -> bool {
        tables::VERBS.contains(word)
            || tables::LEMMA_FORMS.contains(word)
            || lexicon().frequency(word).is_some()
    }

    fn guess(&self, form: &str) -> Option<(String, FormKind, &'static str)> {
        if form.chars().count() < 5 {
            return None;
        }
        // A word helder knows as it is ("boete", "kant") is only taken for a
        // plural; the verb and adjective rules would strip a real word.
        let known = self.known(form);
        if let Some(stem) = form.strip_suffix("'s") {
            return self
                .known(stem)
                .then(|| (stem.to_string(), FormKind::Noun, ""));
        }
        // A participle: "ge" + stem + "d"/"t", also after a separable particle.
        // "ge" with a diaeresis after it ("opgeëist") is one even when the word is known.
        let diaeresis = || ["geë", "geï", "geü"].iter().any(|ge| form.contains(ge));
        if let Some(verb) = self.participle_verb(form).filter(|_| !known || diaeresis()) {
            return Some((verb, FormKind::Verb, ""));
        }
        // A finite form of a verb the table knows: "fraudeert", "fraudeerde(n)".
        for ending in ["t", "de", "te", "den", "ten"] {
            if known {
                break;
            }
            if let Some(stem) = form.strip_suffix(ending) {
                let verb = std::iter::once(stem.to_string())
                    .chain(singular_candidates_of_stem(stem))
                    .map(|s| format!("{s}en"))
                    .find(|v| tables::VERBS.contains(v.as_str()));
                if let Some(verb) = verb {
                    return Some((verb, FormKind::Verb, ""));
                }
            }
        }
        // A plural of a known word; for a word that is known itself, only when the
        // singular is about as common ("maatregelen" → maatregel, but "samen" stays).
        let common_enough = |candidate: &str| {
            !known
                || lexicon().frequency(candidate).map_or(0.0, |f| f.zipf) + 1.0
                    >= lexicon().frequency(form).map_or(0.0, |f| f.zipf)
        };
        if let Some(stem) = form.strip_suffix("en") {
            for candidate in singular_candidates(stem) {
                if self.known(&candidate)
                    && !tables::VERBS.contains(form)
                    && common_enough(&candidate)
                {
                    return Some((candidate, FormKind::Noun, ""));
                }
            }
        }
        if let Some(stem) = form.strip_suffix('s')
            && self.known(stem)
            && common_enough(stem)
        {
            return Some((stem.to_string(), FormKind::Noun, ""));
        }
        if let Some(stem) = form.strip_suffix('e').filter(|_| !known) {
            for candidate in singular_candidates(stem) {
                if lexicon().frequency(&candidate).is_some() {
                    return Some((candidate, FormKind::Adjective, ""));
                }
            }
        }
        None
    }

    /// The infinitive of an unlisted weak participle ("weggezet" → wegzetten), if the table knows the verb.
    fn participle_verb(&self, form: &str) -> Option<String> {
        let form = form.strip_suffix('e').unwrap_or(form);
        let (head, rest) = match form.find("ge") {
            Some(at) if at <= 8 => (&form[..at], &form[at + 2..]),
            _ => return None,
        };
        let stem = rest.strip_suffix(['d', 't'])?;
        // "ge" before a vowel takes a diaeresis: "opgeëist" → op + eis.
        let plain = without_diaeresis(stem);
        let stem = plain.as_deref().unwrap_or(stem);
        if stem.len() < 2 {
            return None;
        }
        let mut candidates = vec![format!("{head}{stem}en")];
        for singular in singular_candidates_of_stem(stem) {
            candidates.push(format!("{head}{singular}en"));
        }
        candidates
            .into_iter()
            .find(|c| tables::VERBS.contains(c.as_str()))
    }
}

/// The stem with the diaeresis of its first letter taken off ("ëis" → "eis"), if it has one.
fn without_diaeresis(stem: &str) -> Option<String> {
    let first = stem.chars().next()?;
    let plain = match first {
        'ë' => 'e',
        'ï' => 'i',
        'ü' => 'u',
        'ö' => 'o',
        'ä' => 'a',
        _ => return None,
    };
    Some(format!("{plain}{}", &stem[first.len_utf8()..]))
}

/// Singular forms a plural stem can come from: "boet" (boetes is -s), "straff" → straf, "huiz" → huis.
fn singular_candidates(stem: &str) -> Vec<String> {
    let mut out = vec![stem.to_string()];
    let bytes = stem.as_bytes();
    let n = bytes.len();
    // Only a letter a-z at the end can be doubled or follow a long vowel (and
    // slicing before a byte of a longer character would cut it in two).
    if n == 0 || !bytes[n - 1].is_ascii_alphabetic() {
        return out;
    }
    if n >= 2 && bytes[n - 1] == bytes[n - 2] && !b"aeiou".contains(&bytes[n - 1]) {
        out.push(stem[..n - 1].to_string());
    }
    if n >= 3
        && !b"aeiou".contains(&bytes[n - 1])
        && b"aeou".contains(&bytes[n - 2])
        && !b"aeiou".contains(&bytes[n - 3])
    {
        let vowel = bytes[n - 2] as char;
        out.push(format!("{}{vowel}{}", &stem[..n - 1], &stem[n - 1..]));
    }
    for candidate in out.clone() {
        if let Some(base) = candidate.strip_suffix('z') {
            out.push(format!("{base}s"));
        } else if let Some(base) = candidate.strip_suffix('v') {
            out.push(format!("{base}f"));
        }
    }
    out
}

/// Infinitive stems a participle stem can come from ("laagd" has stem "laag" → "lag").
fn singular_candidates_of_stem(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = stem.as_bytes();
    let n = bytes.len();
    // A long vowel in a closed syllable is short in the infinitive: "verlaag" → "verlag(en)".
    if n >= 3 && bytes[n - 2] == bytes[n - 3] && b"aeou".contains(&bytes[n - 2]) {
        out.push(format!("{}{}", &stem[..n - 2], &stem[n - 1..]));
    }
    // A short vowel doubles the consonant: "stop" → "stopp(en)".
    if n >= 2 && !b"aeiou".contains(&bytes[n - 1]) && b"aeiou".contains(&bytes[n - 2]) {
        out.push(format!("{stem}{}", &stem[n - 1..]));
    }
    if let Some(base) = stem.strip_suffix('f') {
        out.push(format!("{base}v"));
    }
    if let Some(base) = stem.strip_suffix('s') {
        out.push(format!("{base}z"));
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn stems_that_end_in_a_longer_character_are_not_cut_in_two() {
        // Found by the hardening property test: a 4-byte character whose last two bytes are equal.
        for stem in ["\u{11cb2}", "a\u{11cb2}", "ë", "straff", "huiz"] {
            let candidates = singular_candidates(stem);
            assert_eq!(candidates[0], stem);
        }
        assert!(singular_candidates("straff").contains(&"straf".to_string()));
        assert!(singular_candidates("huiz").contains(&"huis".to_string()));
    }

    use super::*;

    fn table() -> LemmaTable {
        LemmaTable::load().unwrap()
    }

    #[test]
    fn the_table_gives_verbs_nouns_and_adjectives_their_lemma() {
        let table = table();
        for (form, lemma, kind) in [
            ("gekort", "korten", FormKind::Verb),
            ("verlaagd", "verlagen", FormKind::Verb),
            ("stopgezet", "stopzetten", FormKind::Verb),
            ("ingetrokken", "intrekken", FormKind::Verb),
            ("heeft", "hebben", FormKind::Verb),
            ("boetes", "boete", FormKind::Noun),
            ("maanden", "maand", FormKind::Noun),
            ("kort", "kort", FormKind::Own),
        ] {
            let (found, found_kind, _) = table.lemma(form);
            assert_eq!((found.as_str(), found_kind), (lemma, kind), "{form}");
        }
    }

    #[test]
    fn unlisted_forms_go_through_checked_suffix_rules() {
        let table = table();
        assert_eq!(table.lemma("xqzvlorpen").0, "xqzvlorpen");
        assert_eq!(table.lemma("xqzvlorpen").1, FormKind::Unlisted);
    }

    #[test]
    fn a_participle_with_a_diaeresis_knows_its_verb() {
        let table = table();
        assert_eq!(table.lemma("opgeëist").0, "opeisen");
        assert_eq!(table.lemma("opgeëiste").0, "opeisen");
        assert_eq!(table.lemma("geëist").0, "eisen");
    }

    #[test]
    fn nouns_made_from_verbs_know_their_verb() {
        let table = table();
        assert_eq!(table.verb_of_noun("verlaging"), Some("verlagen"));
        assert_eq!(table.verb_of_noun("terugvordering"), Some("terugvorderen"));
        assert!(table.is_verb("stopzetten"));
        assert!(!table.is_verb("boete"));
    }
}
