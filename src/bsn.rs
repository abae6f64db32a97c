//! Recognising numbers that may be a BSN (burgerservicenummer).
//!
//! helder never accepts a BSN: events use the case id instead. Any run of
//! exactly nine digits that passes the elfproef is treated as a possible BSN.

/// Whether nine digits pass the BSN elfproef:
/// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not all zero).
pub fn passes_elfproef(digits: &[u8; 9]) -> bool {
    if digits.iter().all(|d| *d == 0) {
        return false;
    }
    let mut sum: i64 = 0;
    for (i, d) in digits.iter().take(8).enumerate() {
        sum += i64::from(*d) * (9 - i as i64);
    }
    sum -= i64::from(digits[8]);
    sum % 11 == 0
}

/// Whether `text` contains a stand-alone run of nine digits that passes the
/// elfproef. Digits may be grouped with dots or single spaces ("1234.56.782").
pub fn contains_possible_bsn(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            // Collect digits, allowing single '.' or ' ' between digit groups.
            let mut digits = Vec::with_capacity(9);
            let mut j = i;
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    digits.push(b - b'0');
                    j += 1;
                } else if (b == b'.' || b == b' ')
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_digit()
                    && digits.len() < 9
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let ends_cleanly = j == bytes.len() || !bytes[j].is_ascii_alphanumeric();
            if digits.len() == 9 && ends_cleanly {
                let arr: [u8; 9] = digits.as_slice().try_into().unwrap_or([0; 9]);
                if passes_elfproef(&arr) {
                    return true;
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_accepts_a_valid_test_number() {
        // 9·1 + 8·2 + … + 2·8 − 2 = 154 = 14 · 11
        assert!(contains_possible_bsn("123456782"));
        assert!(contains_possible_bsn("BSN 1234.56.782 staat hier"));
        assert!(contains_possible_bsn("1234 56 782"));
    }

    #[test]
    fn elfproef_rejects_other_numbers() {
        assert!(!contains_possible_bsn("123456789"));
        assert!(!contains_possible_bsn("000000000"));
        // Ten digits (a phone number) is not a BSN.
        assert!(!contains_possible_bsn("0612345678"));
        // Part of a longer code.
        assert!(!contains_possible_bsn("Z123456782"));
        assert!(!contains_possible_bsn("ZAAK-2026-000123"));
    }
}
