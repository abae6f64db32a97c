//! One word of a sentence as the morphology layer gives it: where its token
//! is, which distinct form it has, its concepts and its separable verb.

use super::ConceptSet;

/// One word of a sentence, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenMorph {
    /// The index of the token in its block's token list (32 bits, like the
    /// other indices here: a text's words are many, and a smaller word is less
    /// memory to write and read again).
    pub(super) token: u32,
    /// The index of its form in [`super::DocumentMorphology::words`].
    pub(super) word: u32,
    /// The concepts of the word, with those of its separable verb.
    pub concepts: ConceptSet,
    /// The separable verb this word is part of ("zet" and "stop" in "zet … stop").
    pub separable: Option<&'static str>,
}

impl TokenMorph {
    /// The index of the token in its block's token list.
    pub fn token(&self) -> usize {
        self.token as usize
    }

    /// The index of its form in [`super::DocumentMorphology::words`].
    pub fn word(&self) -> usize {
        self.word as usize
    }
}

#[cfg(test)]
mod tests {
    use super::TokenMorph;

    #[test]
    fn a_word_of_the_morphology_takes_32_bytes() {
        // One a word of the text; two `usize` indices made it 40 bytes.
        assert!(std::mem::size_of::<TokenMorph>() <= 32);
    }
}
