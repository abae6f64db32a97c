//! Recognising numbers that may be a BSN (burgerservicenummer).
//!
//! helder never accepts a BSN: events use the case id instead. Any nine
//! digits that pass the elfproef are treated as a possible BSN, however they
//! are written: `123456782`, `1234.56.782`, `123-45-6782`, `123 456 782`, with
//! no-break or thin spaces between the groups, with invisible characters
//! between the digits, or in full-width or Arabic-Indic digits.
//!
//! A text is read as groups of digits joined by one separator each; any run
//! of whole, neighbouring groups with nine digits together is a candidate.
//! So `BSN 123 456 782 12 maart` is found, and a phone number (ten digits,
//! `06 12 34 56 78`) is not.

use std::ops::Range;

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

/// Whether `text` holds nine digits, in any of the forms above, that pass the elfproef.
pub fn contains_possible_bsn(text: &str) -> bool {
    !possible_bsns(text).is_empty()
}

/// `text` with every possible BSN replaced by nine asterisks, for any message
/// that might repeat a value: a BSN never reaches a terminal or an error record.
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

/// `text` with the digits of every possible BSN masked, each by a character
/// of the same length in bytes (`*` for an ASCII digit), separators kept: byte
/// offsets and character columns into the text stay the same, so a source
/// snippet can be shown masked with the spans found in the original.
pub fn mask_keeping_offsets(text: &str) -> String {
    let ranges = possible_bsns(text);
    if ranges.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut position = 0;
    for range in ranges {
        out.push_str(&text[position..range.start]);
        for c in text[range.clone()].chars() {
            if digit_value(c).is_some() {
                out.push(match c.len_utf8() {
                    1 => '*',
                    2 => '×',
                    _ => '＊',
                });
            } else {
                out.push(c);
            }
        }
        position = range.end;
    }
    out.push_str(&text[position..]);
    out
}

/// The byte ranges of the possible BSNs in `text`, in order, not overlapping.
pub fn possible_bsns(text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for run in digit_runs(text) {
        for first in 0..run.len() {
            let mut count = 0;
            let mut last = None;
            for (k, group) in run.iter().enumerate().skip(first) {
                count += group.digits.len();
                if count >= 9 {
                    last = Some(k);
                    break;
                }
            }
            let Some(last) = last.filter(|_| count == 9) else {
                continue;
            };
            let window = &run[first..=last];
            if !is_bsn_grouping(&run, first, last) {
                continue;
            }
            let digits: Vec<u8> = window.iter().flat_map(|g| g.digits.clone()).collect();
            let array: [u8; 9] = digits.as_slice().try_into().unwrap_or([0; 9]);
            let range = run[first].range.start..run[last].range.end;
            if passes_elfproef(&array) && found.last().is_none_or(|r| r.end <= range.start) {
                found.push(range);
            }
        }
    }
    found
}

/// Whether groups `first..=last` of a run are written the way a BSN is.
///
/// Nine digits together always are. Groups joined by spaces or dots are, in
/// any grouping (`123 456 782`, `1234.56.782`). Groups joined by dashes are
/// only in a whole chain of dashes grouped like a BSN (`123-45-6782`,
/// `123-456-782`, `1234-56-782`), so a case id like `Z-2026-01841` is not.
fn is_bsn_grouping(run: &[Group], first: usize, last: usize) -> bool {
    if first == last {
        return true;
    }
    let dashed = |k: usize| run[k].joined_by.is_some_and(is_dash);
    let inner_dashes = (first + 1..=last).filter(|&k| dashed(k)).count();
    if inner_dashes == 0 {
        return true;
    }
    let whole_chain = inner_dashes == last - first
        && !dashed(first)
        && !(last + 1 < run.len() && dashed(last + 1));
    let sizes: Vec<usize> = run[first..=last].iter().map(|g| g.digits.len()).collect();
    whole_chain && matches!(sizes.as_slice(), [3, 2, 4] | [3, 3, 3] | [4, 2, 3])
}

/// A group of digits written together, with where it is and what joins it
/// to the group before (none for the first group of a run).
#[derive(Debug)]
struct Group {
    digits: Vec<u8>,
    range: Range<usize>,
    joined_by: Option<char>,
}

/// Runs of digit groups joined by single separators. A group that touches a
/// letter is part of a code (`Z123456782`, `123456782x`) and is left out.
fn digit_runs(text: &str) -> Vec<Vec<Group>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit_value(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        let touches_code_before = i > 0 && is_code_char(chars[i - 1].1);
        let mut run: Vec<Group> = Vec::new();
        let mut current = Group {
            digits: Vec::new(),
            range: chars[i].0..chars[i].0,
            joined_by: None,
        };
        let mut j = i;
        loop {
            match chars.get(j).map(|(_, c)| *c) {
                Some(c) if digit_value(c).is_some() => {
                    current.digits.extend(digit_value(c));
                    current.range.end = end_of(j + 1);
                    j += 1;
                }
                Some(c) if is_invisible(c) => j += 1,
                Some(c)
                    if is_separator(c)
                        && chars
                            .get(j + 1)
                            .is_some_and(|(_, next)| digit_value(*next).is_some()) =>
                {
                    run.push(std::mem::replace(
                        &mut current,
                        Group {
                            digits: Vec::new(),
                            range: end_of(j + 1)..end_of(j + 1),
                            joined_by: Some(c),
                        },
                    ));
                    j += 1;
                }
                _ => break,
            }
        }
        run.push(current);
        if touches_code_before {
            run.remove(0);
            if let Some(next) = run.first_mut() {
                next.joined_by = None;
            }
        }
        if chars.get(j).is_some_and(|(_, c)| is_code_char(*c)) {
            run.pop();
        }
        if !run.is_empty() {
            runs.push(run);
        }
        i = j.max(i + 1);
    }
    runs
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2013}' | '\u{FF0D}')
}

/// The value of a decimal digit: ASCII, full-width, Arabic-Indic or Extended Arabic-Indic.
fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

/// One character between groups of digits: a dot, a dash or a space of any width.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '-'
            | ' '
            | '\u{00A0}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{202F}'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{FF0E}'
            | '\u{FF0D}'
    )
}

/// Characters that take no room: read through, as if they were not there.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// A letter or a digit-like character that makes a number part of a code.
fn is_code_char(c: char) -> bool {
    c.is_alphanumeric() && digit_value(c).is_none() || c == '_'
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
    fn every_way_of_writing_one_is_found() {
        for form in [
            "123-45-6782",
            "123-456-782",
            "123 456 782",
            "123\u{a0}456\u{a0}782",
            "12\u{202f}34\u{202f}56\u{202f}782",
            "1\u{200b}23456782",
            "１２３４５６７８２",
            "١٢٣٤٥٦٧٨٢",
            "BSN: 123 456 782 12 maart",
            "(123456782)",
            "nummer123456782 los",
        ] {
            let found = contains_possible_bsn(form);
            assert_eq!(found, !form.starts_with("nummer"), "{form:?}");
        }
    }

    #[test]
    fn possible_bsns_are_masked_and_other_numbers_kept() {
        assert_eq!(
            mask_possible_bsns("regel 3: 123456782 en 1234.56.782, zaak Z-2026-01841, 14 0488"),
            "regel 3: ********* en *********, zaak Z-2026-01841, 14 0488"
        );
        let text = "nr 123\u{a0}456\u{a0}782 of １２３４５６７８２.";
        let masked = mask_keeping_offsets(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.chars().count(), text.chars().count());
        assert_eq!(masked, "nr ***\u{a0}***\u{a0}*** of ＊＊＊＊＊＊＊＊＊.");
    }

    #[test]
    fn elfproef_rejects_other_numbers() {
        assert!(!contains_possible_bsn("123456789"));
        assert!(!contains_possible_bsn("000000000"));
        // Ten digits (a phone number) is not a BSN, however it is grouped.
        assert!(!contains_possible_bsn("0612345678"));
        assert!(!contains_possible_bsn("06 12 34 56 78"));
        assert!(!contains_possible_bsn("020 123 45 67"));
        // Part of a longer code.
        assert!(!contains_possible_bsn("Z123456782"));
        assert!(!contains_possible_bsn("123456782x"));
        assert!(!contains_possible_bsn("ZAAK-2026-000123"));
        // Amounts, dates and case ids with nine digits in other groups.
        assert!(!contains_possible_bsn("€ 1.234,56 op 23-11-2026"));
        for id in 0..2000 {
            let case_id = format!("Z-2026-{id:05}");
            assert!(!contains_possible_bsn(&case_id), "{case_id}");
        }
    }
}
