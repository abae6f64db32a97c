//! Special tokens: URLs, e-mail addresses, amounts, phone numbers, IBANs,
//! postcodes and numeric dates, found by a hand-written scanner.
//!
//! The scanner gives exactly the matches of the regular expression
//! [`PATTERN`] (bytes, ASCII classes, leftmost-first, one match after the
//! other, as `regex::bytes::Regex::find_iter` gives them): each alternative is
//! a function that tries its choices in the order a backtracking engine would,
//! and at each position the alternatives are tried in the pattern's order. The
//! tests compare the scanner with the compiled pattern on every fixture text
//! and on many generated texts. It tries only the positions where a match can
//! start, and nothing needs compiling when `helder` starts.

use std::ops::Range;

/// The pattern the scanner implements, alternative by alternative (kept for the tests and the docs).
pub const PATTERN: [&str; 8] = [
    r"(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'\x22]", // URL
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                      // e-mail
    r"€\s?-?\d{1,3}(?:\.\d{3})*(?:,(?:\d{2}|-))?",        // amount
    r"(?:\+\d{2}[\s-]?|\b0)\d{1,3}(?:[\s-]?\d{2,4}){2,4}\b", // phone
    r"\b14\s0\d{2,3}\b",                                  // municipal 14 + area code
    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", // IBAN
    r"\b[1-9]\d{3}\s?[A-Z]{2}\b",                         // postcode
    r"\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",   // numeric date
];

/// The special tokens of `text` that start and end on character boundaries,
/// in order: the byte ranges of [`PATTERN`]'s matches, one after the other.
///
/// Only the positions where a match can start are tried: where "http" or
/// "www." starts (a URL), the start of the run of `[\w.+-]` before an `@` (an
/// e-mail address), and a digit, a capital, `+` or the first byte of `€` (every
/// other alternative). Most blocks have none of them but a capital or two.
pub fn special_tokens(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut scanner = Scanner {
        bytes,
        email_fails_before: 0,
    };
    let has_at = memchr::memchr(b'@', bytes).is_some();
    let mut next_url = url_start(bytes, 0);
    let mut next_email = if has_at { email_start(bytes, 0) } else { len };
    let mut at = 0;
    while at < len {
        if next_url < at {
            next_url = url_start(bytes, at);
        }
        if next_email < at {
            next_email = email_start(bytes, at.max(scanner.email_fails_before));
        }
        let candidate = next_candidate(bytes, at, next_url.min(next_email));
        if candidate >= len {
            break;
        }
        match scanner.match_at(candidate, has_at) {
            Some(end) => {
                if text.is_char_boundary(candidate) && text.is_char_boundary(end) {
                    out.push(candidate..end);
                }
                at = end;
            }
            None => at = candidate + 1,
        }
    }
}

/// Where the next "http" or "www." at or after `from` starts (the length of the text if none does).
fn url_start(bytes: &[u8], from: usize) -> usize {
    let find = |needle: &[u8]| memchr::memmem::find(&bytes[from..], needle).map(|i| from + i);
    match (find(b"http"), find(b"www.")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(bytes.len()),
    }
}

/// Where the next e-mail address at or after `from` can start: the start (not
/// before `from`) of the run of `[\w.+-]` right before the next `@` that has one.
fn email_start(bytes: &[u8], from: usize) -> usize {
    let mut search = from;
    while let Some(i) = memchr::memchr(b'@', &bytes[search..]) {
        let at_sign = search + i;
        let mut start = at_sign;
        while start > from && is_local(bytes[start - 1]) {
            start -= 1;
        }
        if start < at_sign {
            return start;
        }
        search = at_sign + 1;
    }
    bytes.len()
}

/// The first position from `from` up to `limit` whose byte can start an
/// amount, a phone number, an IBAN, a postcode or a date: a digit, a capital,
/// `+` or the first byte of `€`; `limit` when there is none before it.
fn next_candidate(bytes: &[u8], from: usize, limit: usize) -> usize {
    let limit = limit.min(bytes.len());
    // `|`, not `||`: no branch per byte, so the compiler can test a chunk's bytes side by side.
    let starts = |b: u8| {
        (b.wrapping_sub(b'0') < 10) | (b.wrapping_sub(b'A') < 26) | (b == b'+') | (b == 0xE2)
    };
    let mut at = from;
    // Whole chunks first: without an early exit inside a chunk the test runs on many bytes at once.
    while at + 32 <= limit {
        if bytes[at..at + 32]
            .iter()
            .fold(false, |any, &b| any | starts(b))
        {
            break;
        }
        at += 32;
    }
    while at < limit && !starts(bytes[at]) {
        at += 1;
    }
    at
}

/// `[\w.+-]`: a byte of the local part of an e-mail address.
fn is_local(b: u8) -> bool {
    is_word(b) || matches!(b, b'.' | b'+' | b'-')
}

/// `\w` with ASCII classes.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `\s` with ASCII classes.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

struct Scanner<'a> {
    bytes: &'a [u8],
    /// Positions before this one start no e-mail address (they are in a run already tried).
    email_fails_before: usize,
}

impl Scanner<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn digit(&self, at: usize) -> bool {
        self.byte(at).is_some_and(|b| b.is_ascii_digit())
    }

    /// `\b`: a word byte on one side and not on the other (outside the text is not a word byte).
    fn boundary(&self, at: usize) -> bool {
        let before = at
            .checked_sub(1)
            .and_then(|i| self.byte(i))
            .is_some_and(is_word);
        let after = self.byte(at).is_some_and(is_word);
        before != after
    }

    /// The end of the leftmost-first match that starts at `at`, if one does.
    fn match_at(&mut self, at: usize, has_at: bool) -> Option<usize> {
        let first = self.bytes[at];
        if matches!(first, b'h' | b'w')
            && let Some(end) = self.url(at)
        {
            return Some(end);
        }
        if has_at && at >= self.email_fails_before && is_local(first) {
            match self.email(at) {
                Ok(end) => return Some(end),
                Err(run_end) => self.email_fails_before = run_end,
            }
        }
        if first == 0xE2 {
            return self.amount(at);
        }
        if first == b'+' {
            return self.phone(at);
        }
        if !first.is_ascii_alphanumeric() || !self.boundary(at) {
            return None;
        }
        if first.is_ascii_digit() {
            if first == b'0'
                && let Some(end) = self.phone(at)
            {
                return Some(end);
            }
            if first == b'1'
                && let Some(end) = self.fourteen(at)
            {
                return Some(end);
            }
            if first != b'0'
                && let Some(end) = self.postcode(at)
            {
                return Some(end);
            }
            return self.date(at);
        }
        if first.is_ascii_uppercase() {
            return self.iban(at);
        }
        None
    }

    /// `(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'"]`
    fn url(&self, at: usize) -> Option<usize> {
        let rest = &self.bytes[at..];
        let prefix = [&b"https://"[..], b"http://", b"www."]
            .into_iter()
            .find(|prefix| rest.starts_with(prefix))?;
        let start = at + prefix.len();
        let mut run_end = start;
        while let Some(b) = self.byte(run_end) {
            if is_space(b) || matches!(b, b'<' | b'>' | b'(' | b')') {
                break;
            }
            run_end += 1;
        }
        // The star gives back bytes until the last one may end a URL.
        (start + 1..=run_end).rev().find(|&end| {
            !matches!(
                self.bytes[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"'
            )
        })
    }

    /// `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`; on failure, where the run of the local part ends.
    fn email(&self, at: usize) -> Result<usize, usize> {
        let label = |b: u8| is_word(b) || b == b'-';
        let mut i = at;
        while self.byte(i).is_some_and(is_local) {
            i += 1;
        }
        let run_end = i;
        if i == at || self.byte(i) != Some(b'@') {
            return Err(run_end);
        }
        i += 1;
        let label_end = |mut j: usize| {
            while self.byte(j).is_some_and(label) {
                j += 1;
            }
            j
        };
        let first = label_end(i);
        if first == i {
            return Err(run_end);
        }
        let mut end = first;
        let mut labels = 0;
        while self.byte(end) == Some(b'.') {
            let next = label_end(end + 1);
            if next == end + 1 {
                break;
            }
            end = next;
            labels += 1;
        }
        if labels == 0 { Err(run_end) } else { Ok(end) }
    }

    /// `€\s?-?\d{1,3}(?:\.\d{3})*(?:,(?:\d{2}|-))?`
    fn amount(&self, at: usize) -> Option<usize> {
        if !self.bytes[at..].starts_with("€".as_bytes()) {
            return None;
        }
        let mut i = at + 3;
        if self.byte(i).is_some_and(is_space) {
            i += 1;
        }
        if self.byte(i) == Some(b'-') {
            i += 1;
        }
        let digits = self.digits(i, 3);
        if digits == 0 {
            return None;
        }
        i += digits;
        while self.byte(i) == Some(b'.') && self.digits(i + 1, 3) == 3 {
            i += 4;
        }
        if self.byte(i) == Some(b',') {
            if self.digits(i + 1, 2) == 2 {
                i += 3;
            } else if self.byte(i + 1) == Some(b'-') {
                i += 2;
            }
        }
        Some(i)
    }

    /// How many digits (up to `max`) follow `at`.
    fn digits(&self, at: usize, max: usize) -> usize {
        (0..max).take_while(|&k| self.digit(at + k)).count()
    }

    /// `(?:\+\d{2}[\s-]?|\b0)\d{1,3}(?:[\s-]?\d{2,4}){2,4}\b`
    fn phone(&self, at: usize) -> Option<usize> {
        let separator = |i: usize| self.byte(i).is_some_and(|b| is_space(b) || b == b'-');
        if self.byte(at) == Some(b'+') {
            if self.digits(at + 1, 2) == 2 {
                let after = at + 3;
                // `[\s-]?`: with the separator first, then without.
                if separator(after)
                    && let Some(end) = self.phone_number(after + 1)
                {
                    return Some(end);
                }
                if let Some(end) = self.phone_number(after) {
                    return Some(end);
                }
            }
            return None;
        }
        if self.byte(at) == Some(b'0') && self.boundary(at) {
            return self.phone_number(at + 1);
        }
        None
    }

    /// `\d{1,3}(?:[\s-]?\d{2,4}){2,4}\b` from `at`.
    fn phone_number(&self, at: usize) -> Option<usize> {
        (1..=self.digits(at, 3))
            .rev()
            .find_map(|n| self.phone_groups(at + n, 0))
    }

    /// `(?:[\s-]?\d{2,4}){2,4}\b` from `at`, `done` groups already matched.
    fn phone_groups(&self, at: usize, done: usize) -> Option<usize> {
        if done < 4 {
            let separated = self
                .byte(at)
                .is_some_and(|b| is_space(b) || b == b'-')
                .then_some(at + 1);
            for start in separated.into_iter().chain(std::iter::once(at)) {
                let found = (2..=self.digits(start, 4))
                    .rev()
                    .find_map(|n| self.phone_groups(start + n, done + 1));
                if found.is_some() {
                    return found;
                }
            }
        }
        (done >= 2 && self.boundary(at)).then_some(at)
    }

    /// `\b14\s0\d{2,3}\b` (the `\b` before already holds).
    fn fourteen(&self, at: usize) -> Option<usize> {
        if !self.bytes[at..].starts_with(b"14")
            || !self.byte(at + 2).is_some_and(is_space)
            || self.byte(at + 3) != Some(b'0')
        {
            return None;
        }
        (2..=self.digits(at + 4, 3))
            .rev()
            .map(|n| at + 4 + n)
            .find(|&end| self.boundary(end))
    }

    /// `\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b` (the `\b` before already holds).
    fn iban(&self, at: usize) -> Option<usize> {
        let upper = |i: usize| self.byte(i).is_some_and(|b| b.is_ascii_uppercase());
        if !(upper(at) && upper(at + 1) && self.digits(at + 2, 2) == 2) {
            return None;
        }
        self.iban_groups(at + 4, 0)
    }

    /// How many of `[A-Z0-9]` (up to `max`) follow `at`.
    fn alnum_upper(&self, at: usize, max: usize) -> usize {
        (0..max)
            .take_while(|&k| {
                self.byte(at + k)
                    .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            })
            .count()
    }

    /// `(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b` from `at`, `done` groups already matched.
    fn iban_groups(&self, at: usize, done: usize) -> Option<usize> {
        let starts = |at: usize| {
            (self.byte(at) == Some(b' '))
                .then_some(at + 1)
                .into_iter()
                .chain(std::iter::once(at))
        };
        if done < 7 {
            for start in starts(at) {
                if self.alnum_upper(start, 4) == 4
                    && let Some(end) = self.iban_groups(start + 4, done + 1)
                {
                    return Some(end);
                }
            }
        }
        if done < 3 {
            return None;
        }
        for start in starts(at) {
            if let Some(end) = (1..=self.alnum_upper(start, 3))
                .rev()
                .map(|n| start + n)
                .find(|&end| self.boundary(end))
            {
                return Some(end);
            }
        }
        self.boundary(at).then_some(at)
    }

    /// `\b[1-9]\d{3}\s?[A-Z]{2}\b` (the `\b` before already holds).
    fn postcode(&self, at: usize) -> Option<usize> {
        if !matches!(self.bytes[at], b'1'..=b'9') || self.digits(at + 1, 3) != 3 {
            return None;
        }
        let upper = |i: usize| self.byte(i).is_some_and(|b| b.is_ascii_uppercase());
        let after = at + 4;
        let spaced = self.byte(after).is_some_and(is_space).then_some(after + 1);
        spaced
            .into_iter()
            .chain(std::iter::once(after))
            .find(|&i| upper(i) && upper(i + 1) && self.boundary(i + 2))
            .map(|i| i + 2)
    }

    /// `\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b` (the `\b` before already holds).
    fn date(&self, at: usize) -> Option<usize> {
        let short = (1..=self.digits(at, 2)).rev().find_map(|day| {
            let month_at = at + day + 1;
            if self.byte(at + day) != Some(b'-') {
                return None;
            }
            (1..=self.digits(month_at, 2)).rev().find_map(|month| {
                let year_at = month_at + month + 1;
                (self.byte(month_at + month) == Some(b'-')
                    && self.digits(year_at, 4) == 4
                    && self.boundary(year_at + 4))
                .then_some(year_at + 4)
            })
        });
        short.or_else(|| {
            (self.digits(at, 4) == 4
                && self.byte(at + 4) == Some(b'-')
                && self.digits(at + 5, 2) == 2
                && self.byte(at + 7) == Some(b'-')
                && self.digits(at + 8, 2) == 2
                && self.boundary(at + 10))
            .then_some(at + 10)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern as the tokenizer compiled it before the scanner: ASCII
    /// classes and boundaries, the `€` as its three bytes.
    fn regex() -> regex::bytes::Regex {
        let joined = format!("(?-u:{})", PATTERN.join("|").replace('€', r"\xE2\x82\xAC"));
        regex::bytes::Regex::new(&joined).unwrap()
    }

    fn by_regex(regex: &regex::bytes::Regex, text: &str) -> Vec<Range<usize>> {
        regex
            .find_iter(text.as_bytes())
            .map(|m| m.range())
            .filter(|r| {
                !r.is_empty() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
            })
            .collect()
    }

    fn by_scanner(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        special_tokens(text, &mut out);
        out
    }

    #[test]
    fn the_scanner_finds_what_the_pattern_finds_in_every_fixture_text() {
        let regex = regex();
        let mut found = 0;
        for dir in [
            "tests/fixtures/texts",
            "tests/fixtures/tone",
            "letter-templates",
        ] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let expected = by_regex(&regex, &text);
                assert_eq!(by_scanner(&text), expected, "{}", path.display());
                found += expected.len();
                for line in text.lines() {
                    assert_eq!(by_scanner(line), by_regex(&regex, line), "{line}");
                }
            }
        }
        assert!(found > 50, "the fixtures hold special tokens: {found}");
    }

    #[test]
    fn the_scanner_finds_what_the_pattern_finds_in_tricky_texts() {
        let regex = regex();
        for text in [
            "Mail naar info@waalmonde.nl of kijk op www.waalmonde.nl/hulp en bel 0488 44 21 07 of 14 0488.",
            "Postcode 6512 KT, € 73,62 op 23-11-2026 naar NL91 BNGH 0285 1234 56.",
            "https://x.nl/a(b) http://y.nl/. www.. www.a, (https://z.nl/p?q=1!) 'www.q.nl'",
            "a.b+c-d@e-f.g.h. @x.y a@b a@b. a@.b .@a.b x@y.z@w.v jan@@x.nl _@_._",
            "€1 €-5 € 1.234.567,89 €12,- €1.23 € ,50 €\t7 €  8 €1.2345,678 €123456",
            "+31 6 12345678 +316-1234-5678 +3112 0612345678 06 1234 5678 0 12 34 56 78 90 12 01 2",
            "a0612345678 0612345678b 06-12-34-56 0-12-34 00 00 00 00 020-1234567 +31 20 123 45 67",
            "14 0488 14 048 14 04889 14\t0200 114 0488 14 0488a 14 04",
            "NL91BNGH0285123456 NL91 BNGH 0285 1234 56 NL91 BNGH 0285 NL91 BNGH 0285 12 NL91 ABCD EFGH IJKL MNOP QRST UVWX YZ12 345",
            "1234AB 1234 AB 0123 AB 1234ABC 1234 ab 12345 AB 9999\tZZ a1234 AB",
            "1-2-2026 01-02-2026 2026-01-02 2026-1-2 123-4-5678 1-2-20267 12-12-12345 2026-01-022",
            "é1234 AB ë0612345678 café@x.nl münchen.de www.münchen.de/ü €€1 ¢1 −1",
        ] {
            assert_eq!(by_scanner(text), by_regex(&regex, text), "{text}");
        }
    }

    /// Texts made of the pieces the alternatives are built from, in every kind
    /// of order: the scanner and the pattern agree on all of them.
    #[test]
    fn the_scanner_finds_what_the_pattern_finds_in_generated_texts() {
        const PIECES: &[&str] = &[
            "0", "1", "4", "9", "12", "14", "06", "2026", "0488", "1234", "-", " ", "  ", "\t",
            "\n", ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "<", ">", "@", "+", "_", "€",
            "€ ", "www.", "http://", "https://", "http", "ww", "NL", "AB", "KT", "X", "Z9", "a",
            "b", "h", "w", "nl", "info", "é", "ë", "€1", "14 0", "+31 ", "0 ", "/", "=", "é1",
        ];
        let regex = regex();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut text = String::new();
        let mut found = 0;
        for _ in 0..200_000 {
            text.clear();
            let pieces = 1 + next() % 16;
            for _ in 0..pieces {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let expected = by_regex(&regex, &text);
            found += expected.len();
            assert_eq!(by_scanner(&text), expected, "{text:?}");
        }
        assert!(found > 10_000, "the texts hold special tokens: {found}");
    }
}
