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
    !possible_bsns(text).is_empty()
}

/// `text` with every possible BSN replaced by asterisks, for any message that
/// might repeat a value: a BSN never reaches a terminal or an error record.
pub fn mask_possible_bsns(text: &str) -> String {
    let ranges = possible_bsns(text);
    if ranges.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut position = 0;
    for range in ranges {
        out.push_str(&text[position..range.start]);
        out.push_str("*********");
        position = range.end;
    }
    out.push_str(&text[position..]);
    out
}

/// The byte ranges of stand-alone nine-digit runs that pass the elfproef.
fn possible_bsns(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
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
                    found.push(i..j);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
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
    fn possible_bsns_are_masked_and_other_numbers_kept() {
        assert_eq!(
            mask_possible_bsns("regel 3: 123456782 en 1234.56.782, zaak Z-2026-01841, 14 0488"),
            "regel 3: ********* en *********, zaak Z-2026-01841, 14 0488"
        );
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
