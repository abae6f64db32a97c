//! Short words as whole numbers: the document looks up what it knows of each
//! word by this key, without hashing or comparing the word's text.

/// A word of up to 15 bytes as one number: its bytes, then its length in the
/// last byte, so two words have the same key exactly when they are the same
/// bytes. Longer words have none.
pub(super) fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    if len >= 16 {
        return None;
    }
    // Read as whole numbers, two loads that may overlap, not byte by byte
    // through memory: this runs for every word of a text.
    let le64 = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let le32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(|b| u64::from(u32::from_le_bytes(b)))
    };
    let (low, high) = if len >= 8 {
        // Bytes 8..len are the top of the last eight: shifted down.
        let rest = le64(len - 8)?
            .checked_shr(8 * (16 - len) as u32)
            .unwrap_or(0);
        (le64(0)?, rest)
    } else if len >= 4 {
        let rest = le32(len - 4)? >> (8 * (8 - len));
        (le32(0)? | (rest << 32), 0)
    } else {
        let low = bytes
            .iter()
            .rev()
            .fold(0u64, |key, &byte| (key << 8) | u64::from(byte));
        (low, 0)
    };
    Some(u128::from(low) | (u128::from(high) << 64) | ((len as u128) << 120))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key as its doc comment says it: the bytes, then the length in the last byte.
    fn short_key_byte_by_byte(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        let mut key = [0u8; 16];
        key.get_mut(..bytes.len())
            .filter(|_| bytes.len() < 16)?
            .copy_from_slice(bytes);
        key[15] = u8::try_from(bytes.len()).ok()?;
        Some(u128::from_le_bytes(key))
    }

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        let text = "abcdefghijklmnopqrstuvwxyzé\0ƫ";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if let Some(word) = text.get(start..end) {
                    assert_eq!(short_key(word), short_key_byte_by_byte(word), "{word:?}");
                }
            }
        }
    }

    #[test]
    fn short_keys_are_equal_exactly_when_the_words_are() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "uitkering",
            "uitkeringen",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "é",
            "e\u{301}",
            "ƫ",
            "ë",
            "aaaaaaaaaaaaaa\0",
        ];
        for a in words {
            assert_eq!(short_key(a).is_some(), a.len() < 16, "{a:?}");
            for b in words {
                if let (Some(x), Some(y)) = (short_key(a), short_key(b)) {
                    assert_eq!(x == y, a == b, "{a:?} {b:?}");
                }
            }
        }
    }
}
