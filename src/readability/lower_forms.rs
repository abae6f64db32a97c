//! Every token of a document in lower case, made once as the document is
//! analysed ([`super::document::Document::lower`]).

use std::ops::Range;

/// Every token of a document in lower case, made once: a token that is already
/// lower-case ASCII (nearly every word) is its own lower case and costs nothing;
/// the others are written once into one text, so no rule lower-cases a word again.
#[derive(Debug)]
pub(super) struct LowerForms {
    /// The lower case of the tokens that are not already lower-case ASCII, one after the other.
    text: String,
    /// Per block, where its first token's entry is in `forms`.
    block_start: Vec<usize>,
    /// Per token: a byte range in the block text (`in_text`) or in `text`.
    forms: Vec<LowerForm>,
}

/// Where the lower case of one token is.
#[derive(Debug, Clone, Copy)]
struct LowerForm {
    start: u32,
    end: u32,
    in_text: bool,
}

impl LowerForms {
    /// Adds the tokens of the next block (while its text is still in the cache).
    pub(super) fn add_block(&mut self, text: &str, tokens: &[crate::text::segment::Token]) {
        self.block_start.push(self.forms.len());
        self.forms.reserve(tokens.len());
        for token in tokens {
            let word = &text[token.range()];
            let form = if word
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                LowerForm {
                    start: offset(token.range().start),
                    end: offset(token.range().end),
                    in_text: true,
                }
            } else {
                let start = self.text.len();
                if word.is_ascii() {
                    self.text.push_str(word);
                    self.text[start..].make_ascii_lowercase();
                } else {
                    // `str::to_lowercase`, exactly (a final sigma included).
                    self.text.push_str(&word.to_lowercase());
                }
                LowerForm {
                    start: offset(start),
                    end: offset(self.text.len()),
                    in_text: false,
                }
            };
            self.forms.push(form);
        }
    }
}

/// A byte offset as stored in [`LowerForm`]: blocks and texts over 4 GiB are cut off at the limit.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl LowerForms {
    /// Room for the tokens of a text of `bytes` bytes: a token of four bytes
    /// or more (a short word with its space, a mark), a capital in one word of eight.
    pub(super) fn with_capacity(bytes: usize) -> LowerForms {
        LowerForms {
            text: String::with_capacity(bytes / 8),
            block_start: Vec::new(),
            forms: Vec::with_capacity(bytes / 4),
        }
    }
}

impl LowerForms {
    /// Token `token` of block `block` (whose text is `text`) in lower case.
    pub(super) fn get<'a>(&'a self, text: &'a str, block: usize, token: usize) -> &'a str {
        self.read(text, self.forms[self.block_start[block] + token])
    }

    /// Tokens `tokens` of block `block` (whose text is `text`) in lower case, one after the other.
    pub(super) fn of_block<'a>(
        &'a self,
        text: &'a str,
        block: usize,
        tokens: Range<usize>,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let first = self.block_start[block];
        self.forms[first + tokens.start..first + tokens.end]
            .iter()
            .map(move |form| self.read(text, *form))
    }

    /// The text of one form: in the block text or in `text`.
    fn read<'a>(&'a self, block_text: &'a str, form: LowerForm) -> &'a str {
        let range = form.start as usize..form.end as usize;
        if form.in_text {
            &block_text[range]
        } else {
            &self.text[range]
        }
    }
}
