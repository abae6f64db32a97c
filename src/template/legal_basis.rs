//! The legal basis of a decision in the order a lawyer reads it: the articles
//! of one law together, in number order ("artikel 9, 11, 17, 21, 45
//! Participatiewet"), the laws in the order the event first names them, and
//! each reference once.
//!
//! The case system gives `decision.legal_basis` as free text, one reference a
//! line, in whatever order its staff added them. A reference is read as
//! "artikel <number and parts> <Law>", where the law starts at the first word
//! with a capital after the number ("artikel 4:8 Algemene wet
//! bestuursrecht", "artikel 9 lid 1 onderdeel b Participatiewet"). A line in
//! another shape keeps its place among the laws.

use serde_json::Value;
use std::cmp::Ordering;

/// `items` (the strings of `decision.legal_basis`) grouped by law in order of
/// first mention, each group in article order, without repeated references.
/// A value that is not a string keeps its place as a group of its own.
pub(super) fn in_article_order(items: Vec<Value>) -> Vec<Value> {
    let mut seen: Vec<String> = Vec::new();
    let mut laws: Vec<String> = Vec::new();
    let mut keyed: Vec<(usize, Vec<Piece>, Value)> = Vec::new();
    for item in items {
        let (law, article) = match item.as_str() {
            Some(text) => {
                let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let lower = normal.to_lowercase();
                if seen.contains(&lower) {
                    continue;
                }
                seen.push(lower.clone());
                match reference(&normal) {
                    Some((article, law)) => (law.to_lowercase(), natural_key(&article)),
                    // Not in the usual shape: a group of its own, where it stands.
                    None => (format!("\u{0}{}", seen.len()), Vec::new()),
                }
            }
            None => (format!("\u{0}value {}", keyed.len()), Vec::new()),
        };
        let group = laws.iter().position(|l| *l == law).unwrap_or_else(|| {
            laws.push(law);
            laws.len() - 1
        });
        keyed.push((group, article, item));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| compare(&a.1, &b.1)));
    keyed.into_iter().map(|(_, _, item)| item).collect()
}

/// "artikel 54 lid 3 Participatiewet" → ("54 lid 3", "Participatiewet"); None
/// for a line that does not start with "artikel" and a number, or names no law.
fn reference(text: &str) -> Option<(String, String)> {
    let rest = text
        .strip_prefix("artikel ")
        .or_else(|| text.strip_prefix("Artikel "))?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let law_start = rest
        .char_indices()
        .find(|&(i, c)| c.is_uppercase() && (i == 0 || rest[..i].ends_with(' ')))?
        .0;
    let article = rest[..law_start]
        .trim_end()
        .trim_end_matches(" van de")
        .trim_end_matches(" van het")
        .trim_end_matches(',');
    Some((article.to_string(), rest[law_start..].to_string()))
}

/// One piece of an article reference: a number or the text between numbers.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Number(u64),
    Text(String),
}

/// "4:11 lid 2" → [4, ":", 11, " lid ", 2]: numbers compare as numbers.
fn natural_key(article: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = article;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits > 0 {
            pieces.push(Piece::Number(rest[..digits].parse().unwrap_or(u64::MAX)));
            rest = &rest[digits..];
        } else {
            let text = rest
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(rest.len());
            pieces.push(Piece::Text(rest[..text].to_lowercase()));
            rest = &rest[text..];
        }
    }
    pieces
}

/// Numbers before text ("9 lid 1" before "9a"), a shorter key before a longer one.
fn compare(a: &[Piece], b: &[Piece]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (x, y) {
            (Piece::Number(x), Piece::Number(y)) => x.cmp(y),
            (Piece::Text(x), Piece::Text(y)) => x.cmp(y),
            (Piece::Number(_), Piece::Text(_)) => Ordering::Less,
            (Piece::Text(_), Piece::Number(_)) => Ordering::Greater,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ordered(items: &[&str]) -> Vec<String> {
        in_article_order(items.iter().map(|s| json!(s)).collect())
            .into_iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn the_articles_of_one_law_stand_in_number_order() {
        assert_eq!(
            ordered(&[
                "artikel 11 Participatiewet",
                "artikel 21 Participatiewet",
                "artikel 45 Participatiewet",
                "artikel 9 Participatiewet",
                "artikel 17 Participatiewet",
            ]),
            [
                "artikel 9 Participatiewet",
                "artikel 11 Participatiewet",
                "artikel 17 Participatiewet",
                "artikel 21 Participatiewet",
                "artikel 45 Participatiewet",
            ]
        );
    }

    #[test]
    fn laws_keep_the_order_of_first_mention_and_their_parts_sort_within() {
        assert_eq!(
            ordered(&[
                "artikel 58 lid 1 Participatiewet",
                "artikel 4:84 Algemene wet bestuursrecht",
                "artikel 18a lid 1 Participatiewet",
                "artikel 4:8 Algemene wet bestuursrecht",
                "artikel 18 lid 2 Participatiewet",
                "artikel 9 lid 1 onderdeel b Participatiewet",
                "artikel 9 lid 1 onderdeel a Participatiewet",
            ]),
            [
                "artikel 9 lid 1 onderdeel a Participatiewet",
                "artikel 9 lid 1 onderdeel b Participatiewet",
                "artikel 18 lid 2 Participatiewet",
                "artikel 18a lid 1 Participatiewet",
                "artikel 58 lid 1 Participatiewet",
                "artikel 4:8 Algemene wet bestuursrecht",
                "artikel 4:84 Algemene wet bestuursrecht",
            ]
        );
    }

    #[test]
    fn a_repeated_reference_is_named_once() {
        assert_eq!(
            ordered(&[
                "artikel 17 Participatiewet",
                "Artikel 17  Participatiewet",
                "artikel 11 Participatiewet",
            ]),
            ["artikel 11 Participatiewet", "artikel 17 Participatiewet"]
        );
    }

    #[test]
    fn a_line_in_another_shape_keeps_its_place_among_the_laws() {
        assert_eq!(
            ordered(&[
                "artikel 21 Participatiewet",
                "de Verordening maatregelen Participatiewet",
                "artikel 6 van de Verordening maatregelen Participatiewet Waalmonde 2025",
                "artikel 9 Participatiewet",
            ]),
            [
                "artikel 9 Participatiewet",
                "artikel 21 Participatiewet",
                "de Verordening maatregelen Participatiewet",
                "artikel 6 van de Verordening maatregelen Participatiewet Waalmonde 2025",
            ]
        );
        assert_eq!(
            reference("artikel 6 van de Verordening maatregelen Participatiewet"),
            Some((
                "6".to_string(),
                "Verordening maatregelen Participatiewet".to_string()
            ))
        );
        assert_eq!(reference("Participatiewet, artikel 11"), None);
    }
}
