//! Dutch formatting: money, dates, times, names, postcodes and postal address lines.
//!
//! Plain functions over plain data, shared by the template filters and by the
//! letter composer, so a name or an amount looks the same everywhere.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// The Dutch month names, January first, as letters and the date rules read them.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A word without the accents Dutch puts on a vowel for stress: "mág" → "mag",
/// "níet" → "niet" (á, é, í, ó, ú; other letters stay).
pub fn without_stress_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            other => other,
        })
        .collect()
}

/// A no-break space: keeps "€ 12,50" and "9.30 uur" on one line.
pub const NBSP: char = '\u{a0}';

/// Cents as Dutch money: 35038 → "€ 350,38", 123456 → "€ 1.234,56" (no-break space after €).
/// A negative amount gets a minus sign before the euro sign: −45000 → "− € 450,00".
pub fn euro(cents: i64) -> String {
    let sign = if cents < 0 { "−\u{a0}" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}€{NBSP}{},{:02}", thousands(abs / 100), abs % 100)
}

/// A whole number with Dutch thousands dots: 50000 → "50.000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    grouped
}

/// A number with one decimal and a Dutch decimal comma: 12.25 → "12,3".
pub fn decimal(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// The singular or the plural, by count: `plural(1, "fout", "fouten")` → "fout".
pub fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// The Dutch name of a weekday, in lower case.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "maandag",
        Weekday::Tue => "dinsdag",
        Weekday::Wed => "woensdag",
        Weekday::Thu => "donderdag",
        Weekday::Fri => "vrijdag",
        Weekday::Sat => "zaterdag",
        Weekday::Sun => "zondag",
    }
}

/// A long Dutch date: "23 november 2026", or "maandag 23 november 2026" with the weekday.
/// Day and month are joined by a no-break space, so "1 december" never breaks.
pub fn long_date(date: NaiveDate, with_weekday: bool) -> String {
    let month = MONTHS[date.month0() as usize];
    let plain = format!("{}{NBSP}{month} {}", date.day(), date.year());
    if with_weekday {
        format!("{} {plain}", weekday_name(date.weekday()))
    } else {
        plain
    }
}

/// A Dutch clock time: 09:30 → "9.30 uur" (no-break space before "uur").
pub fn clock_time(time: NaiveTime) -> String {
    format!("{}.{:02}{NBSP}uur", time.hour(), time.minute())
}

/// The parts of a person's name, as they come from an event.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameParts<'a> {
    /// "mevrouw" or "heer", when the person said so.
    pub salutation: Option<&'a str>,
    /// Initials, e.g. "S.J."
    pub initials: Option<&'a str>,
    /// First name.
    pub first_name: Option<&'a str>,
    /// Surname prefix (tussenvoegsel), e.g. "van der".
    pub prefix: Option<&'a str>,
    /// Surname without prefix.
    pub surname: &'a str,
}

impl NameParts<'_> {
    /// The surname with its prefix. Without initials or a first name before it,
    /// the prefix starts with a capital ("De Vries"); after them it does not ("S. de Vries").
    fn surname_with_prefix(&self, after_given_name: bool) -> String {
        match self.prefix {
            Some(prefix) if after_given_name => format!("{prefix} {}", self.surname),
            Some(prefix) => format!("{} {}", capitalize_first(prefix), self.surname),
            None => self.surname.to_string(),
        }
    }

    fn given(&self) -> Option<&str> {
        self.first_name.or(self.initials)
    }
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The name as used in running text: "Sam de Vries", "S. de Vries" or "De Vries".
pub fn full_name(name: &NameParts<'_>) -> String {
    match name.given() {
        Some(given) => format!("{given} {}", name.surname_with_prefix(true)),
        None => name.surname_with_prefix(false),
    }
}

/// The opening line: "Beste mevrouw Jansen", "Beste meneer Van der Berg",
/// "Beste S. Jansen" or "Beste Sam Yılmaz". Never guesses "mevrouw" or "heer".
/// Without a form of address it uses exactly the name of the address block
/// ([`address_name`]), so a greeting never says "Maria Elisabeth" above "M.E.".
pub fn salutation(greeting: &str, name: &NameParts<'_>) -> String {
    match name.salutation {
        Some(form) => {
            let form = match form {
                "heer" if greeting.eq_ignore_ascii_case("geachte") => "heer",
                "heer" => "meneer",
                other => other,
            };
            format!("{greeting} {form} {}", name.surname_with_prefix(false))
        }
        None => format!("{greeting} {}", address_name(name)),
    }
}

/// The first line of the address block: "Mevrouw S. de Vries", "De heer S. Jansen" or "S. de Vries".
/// Initials are preferred over a first name, as Dutch post does.
pub fn address_name(name: &NameParts<'_>) -> String {
    let given = name.initials.or(name.first_name);
    let rest = match given {
        Some(given) => format!("{given} {}", name.surname_with_prefix(true)),
        None => name.surname_with_prefix(false),
    };
    match name.salutation {
        Some("mevrouw") => format!("Mevrouw {rest}"),
        Some("heer") => format!("De heer {rest}"),
        _ => rest,
    }
}

/// A street line: "Kerkstraat 12", "Kerkstraat 12 A", "Kerkstraat 12-2".
pub fn street_line(street: &str, number: &str, addition: Option<&str>) -> String {
    match addition {
        Some(addition) if addition.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{street} {number}-{addition}")
        }
        Some(addition) => format!("{street} {number} {addition}"),
        None => format!("{street} {number}"),
    }
}

/// The last address line as Dutch post wants it: postcode, two spaces, city in capitals.
pub fn postcode_city_line(postcode: &str, city: &str) -> String {
    format!("{postcode}  {}", city.to_uppercase())
}

/// A postal address as it comes from an event.
#[derive(Debug, Clone, Copy)]
pub struct AddressParts<'a> {
    /// Street name.
    pub street: &'a str,
    /// House number.
    pub number: &'a str,
    /// House number addition.
    pub addition: Option<&'a str>,
    /// Postcode as given; written as "1234 AB" when it is a valid Dutch postcode.
    pub postcode: &'a str,
    /// Town or city.
    pub city: &'a str,
    /// The country of an address abroad.
    pub country: Option<&'a str>,
}

/// A Dutch postcode as "1234 AB", or `None` when it is not one.
/// The letter pairs SA, SD and SS are never issued.
pub fn normalize_postcode(raw: &str) -> Option<String> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let b = compact.as_bytes();
    if b.len() != 6 || !(b'1'..=b'9').contains(&b[0]) || !b[1..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let letters = compact[4..].to_ascii_uppercase();
    if !letters.bytes().all(|c| c.is_ascii_uppercase())
        || matches!(letters.as_str(), "SA" | "SD" | "SS")
    {
        return None;
    }
    Some(format!("{} {letters}", &compact[..4]))
}

/// Whether a country name means the Netherlands (then it is not written on the envelope).
pub fn is_the_netherlands(country: &str) -> bool {
    matches!(
        country.trim().to_lowercase().as_str(),
        "nederland" | "nl" | "nld" | "the netherlands" | "netherlands"
    )
}

/// The lines of the address block: name, street, "1234 AB  PLAATS"; for an
/// address abroad the postcode and place as written there, then the country in capitals.
pub fn address_lines(name: &NameParts<'_>, address: &AddressParts<'_>) -> Vec<String> {
    let mut lines = vec![
        address_name(name),
        street_line(address.street, address.number, address.addition),
    ];
    match address.country {
        Some(country) => {
            lines.push(format!(
                "{} {}",
                address.postcode.trim(),
                address.city.to_uppercase()
            ));
            lines.push(country.trim().to_uppercase());
        }
        None => {
            let postcode = normalize_postcode(address.postcode)
                .unwrap_or_else(|| address.postcode.to_string());
            lines.push(postcode_city_line(&postcode, address.city));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_are_normalised_and_checked() {
        assert_eq!(normalize_postcode("1234ab").as_deref(), Some("1234 AB"));
        assert_eq!(normalize_postcode(" 9999 ZZ ").as_deref(), Some("9999 ZZ"));
        assert_eq!(normalize_postcode("0123 AB"), None);
        assert_eq!(normalize_postcode("1234 SS"), None);
        assert_eq!(normalize_postcode("1234 A"), None);
        assert_eq!(normalize_postcode("12345 AB"), None);
    }

    #[test]
    fn euro_formats_cents() {
        assert_eq!(euro(35038), "€\u{a0}350,38");
        assert_eq!(euro(123456), "€\u{a0}1.234,56");
        assert_eq!(euro(100000000), "€\u{a0}1.000.000,00");
        assert_eq!(euro(5), "€\u{a0}0,05");
        assert_eq!(euro(0), "€\u{a0}0,00");
        assert_eq!(euro(-1250), "−\u{a0}€\u{a0}12,50");
    }

    #[test]
    fn numbers_are_dutch() {
        assert_eq!(thousands(50_000), "50.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(decimal(12.26), "12,3");
        assert_eq!(decimal(0.0), "0,0");
        assert_eq!(plural(1, "fout", "fouten"), "fout");
        assert_eq!(plural(0, "fout", "fouten"), "fouten");
    }

    #[test]
    fn an_address_abroad_ends_with_the_country() {
        let name = NameParts {
            salutation: Some("heer"),
            initials: Some("J."),
            first_name: None,
            prefix: None,
            surname: "Peeters",
        };
        let mut address = AddressParts {
            street: "Kerkstraat",
            number: "3",
            addition: None,
            postcode: "2000",
            city: "Antwerpen",
            country: Some("België"),
        };
        let lines = address_lines(&name, &address);
        assert_eq!(&lines[2..], ["2000 ANTWERPEN", "BELGIË"]);
        address.country = None;
        address.postcode = "6512kt";
        address.city = "Waalmonde";
        assert_eq!(address_lines(&name, &address)[2], "6512 KT  WAALMONDE");
        assert!(is_the_netherlands(" Nederland ") && !is_the_netherlands("Duitsland"));
    }

    #[test]
    fn dates_are_long_and_dutch() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(long_date(date, false), "23\u{a0}november 2026");
        assert_eq!(long_date(date, true), "maandag 23\u{a0}november 2026");
        let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(long_date(first, true), "vrijdag 1\u{a0}januari 2027");
    }

    #[test]
    fn times_use_a_dot_and_uur() {
        assert_eq!(
            clock_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
            "9.30\u{a0}uur"
        );
        assert_eq!(
            clock_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap()),
            "14.00\u{a0}uur"
        );
    }

    fn name<'a>(
        salutation: Option<&'a str>,
        initials: Option<&'a str>,
        first: Option<&'a str>,
        prefix: Option<&'a str>,
        surname: &'a str,
    ) -> NameParts<'a> {
        NameParts {
            salutation,
            initials,
            first_name: first,
            prefix,
            surname,
        }
    }

    #[test]
    fn salutations_never_guess() {
        assert_eq!(
            salutation(
                "Beste",
                &name(Some("mevrouw"), Some("S."), None, None, "Jansen")
            ),
            "Beste mevrouw Jansen"
        );
        assert_eq!(
            salutation(
                "Beste",
                &name(Some("heer"), None, None, Some("van der"), "Berg")
            ),
            "Beste meneer Van der Berg"
        );
        assert_eq!(
            salutation("Geachte", &name(Some("heer"), None, None, None, "Berg")),
            "Geachte heer Berg"
        );
        assert_eq!(
            salutation("Beste", &name(None, Some("S."), None, None, "Jansen")),
            "Beste S. Jansen"
        );
        assert_eq!(
            salutation(
                "Beste",
                &name(None, Some("S."), Some("Sam"), Some("de"), "Vries")
            ),
            "Beste S. de Vries",
            "the name of the address block"
        );
        assert_eq!(
            address_name(&name(None, Some("S."), Some("Sam"), Some("de"), "Vries")),
            "S. de Vries"
        );
        assert_eq!(
            salutation("Beste", &name(None, None, Some("Sam"), None, "Yılmaz")),
            "Beste Sam Yılmaz"
        );
        assert_eq!(
            salutation("Beste", &name(None, None, None, Some("de"), "Vries")),
            "Beste De Vries"
        );
    }

    #[test]
    fn address_names_follow_post_conventions() {
        assert_eq!(
            address_name(&name(
                Some("mevrouw"),
                Some("S.J."),
                Some("Sanne"),
                Some("van der"),
                "Berg"
            )),
            "Mevrouw S.J. van der Berg"
        );
        assert_eq!(
            address_name(&name(Some("heer"), None, None, Some("de"), "Vries")),
            "De heer De Vries"
        );
        assert_eq!(
            address_name(&name(None, None, Some("Sam"), None, "Yılmaz")),
            "Sam Yılmaz"
        );
    }

    #[test]
    fn address_lines_are_formatted() {
        assert_eq!(street_line("Kerkstraat", "12", None), "Kerkstraat 12");
        assert_eq!(
            street_line("Kerkstraat", "12", Some("A")),
            "Kerkstraat 12 A"
        );
        assert_eq!(
            street_line("Kerkstraat", "12", Some("2")),
            "Kerkstraat 12-2"
        );
        assert_eq!(
            postcode_city_line("1234 AB", "'s-Hertogenbosch"),
            "1234 AB  'S-HERTOGENBOSCH"
        );
    }
}
