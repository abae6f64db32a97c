//! A word's morphology as the tone view holds it: an index into one table of
//! the text's distinct forms, shared by every word of the view. Cloning it
//! counts up one shared counter instead of the counter of each word's own
//! form (a cache line of its own for every distinct word). The table is behind
//! a thin pointer (an `Rc` of a `Vec`, not of a slice), so a word's entry
//! stays small: 16 bytes with the index. The view belongs to one document,
//! which one thread reads, so the counter is not atomic: counting up and down
//! once a word costs no locked instruction.

use crate::morphology::WordMorph;
use std::rc::Rc;
use std::sync::Arc;

/// The morphology of one word of the tone view (reads as a [`WordMorph`]).
#[derive(Debug, Clone)]
pub(crate) struct MorphRef {
    /// The text's distinct forms.
    table: Rc<Vec<Arc<WordMorph>>>,
    /// This word's form in `table`.
    index: u32,
}

impl MorphRef {
    /// The form `index` of `table`.
    pub(super) fn new(table: &Rc<Vec<Arc<WordMorph>>>, index: usize) -> MorphRef {
        MorphRef {
            table: Rc::clone(table),
            index: u32::try_from(index).expect("fewer than 2^32 distinct forms in one text"),
        }
    }
}

impl std::ops::Deref for MorphRef {
    type Target = WordMorph;

    fn deref(&self) -> &WordMorph {
        &self.table[self.index as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::super::ToneWord;

    #[test]
    fn a_word_of_the_view_takes_40_bytes() {
        // A text's words are the view's bulk: 64 bytes a word cost over half as
        // much again fresh memory (and page faults) for every text linted.
        assert!(std::mem::size_of::<ToneWord>() <= 40);
    }
}
