//! International bank account numbers (ISO 13616): the municipality's IBAN in
//! `helder.toml` is checked before any letter asks someone to pay to it.

/// Lengths of IBANs per country for the countries a Dutch municipality's bank
/// is likely to be in; other countries must have 15 to 34 characters.
const LENGTHS: &[(&str, usize)] = &[("NL", 18), ("BE", 16), ("DE", 22), ("LU", 20), ("FR", 27)];

/// The IBAN in its printed form ("NL91 BNGH 0285 1654 27"), or why it is not one (in Dutch).
pub fn normalize(raw: &str) -> Result<String, String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let bytes = compact.as_bytes();
    if bytes.len() < 4
        || !bytes[..2].iter().all(u8::is_ascii_uppercase)
        || !bytes[2..4].iter().all(u8::is_ascii_digit)
        || !bytes.iter().all(u8::is_ascii_alphanumeric)
    {
        return Err("een IBAN begint met twee letters van het land en twee cijfers, daarna alleen letters en cijfers".to_string());
    }
    let country = &compact[..2];
    let expected = LENGTHS
        .iter()
        .find(|(code, _)| *code == country)
        .map(|(_, length)| *length);
    let length_ok = match expected {
        Some(length) => compact.len() == length,
        None => (15..=34).contains(&compact.len()),
    };
    if !length_ok {
        return Err(match expected {
            Some(length) => format!(
                "een IBAN uit {country} heeft {length} tekens, dit heeft er {}",
                compact.len()
            ),
            None => format!(
                "een IBAN heeft 15 tot 34 tekens, dit heeft er {}",
                compact.len()
            ),
        });
    }
    // ISO 7064 mod 97-10: the first four characters go to the end, letters become 10…35.
    let rearranged = compact[4..].chars().chain(compact[..4].chars());
    let remainder = rearranged.fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value >= 10 {
            (acc * 100 + value) % 97
        } else {
            (acc * 10 + value) % 97
        }
    });
    if remainder != 1 {
        return Err(
            "het controlegetal van het IBAN klopt niet (mod 97); er is een tikfout".to_string(),
        );
    }
    let grouped: Vec<String> = compact
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect();
    Ok(grouped.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_iban_is_grouped_in_fours() {
        assert_eq!(
            normalize("nl91bngh0285165427").as_deref(),
            Ok("NL91 BNGH 0285 1654 27")
        );
        // The ISO 13616 example account of a German bank.
        assert_eq!(
            normalize("DE89 3704 0044 0532 0130 00").as_deref(),
            Ok("DE89 3704 0044 0532 0130 00")
        );
    }

    #[test]
    fn a_typo_fails_the_check_digits() {
        // Two digits swapped.
        let error = normalize("NL91 BNGH 0285 1645 27").unwrap_err();
        assert!(error.contains("mod 97"), "{error}");
        // One digit changed.
        assert!(normalize("NL91 BNGH 0285 1654 28").is_err());
    }

    #[test]
    fn the_length_and_the_shape_are_checked() {
        assert!(
            normalize("NL91 BNGH 0285 1654 2")
                .unwrap_err()
                .contains("18")
        );
        assert!(normalize("9191 BNGH 0285 1654 27").is_err());
        assert!(normalize("NL91-BNGH-0285-1654-27").is_err());
        assert!(normalize("").is_err());
    }
}
