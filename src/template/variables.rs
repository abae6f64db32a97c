//! Every name a template uses must exist (DESIGN.md §4).
//!
//! Tera treats a misspelled name in `{% if %}` or `{% for %}` as false or
//! empty, so `{% if prior_contact.hread %}` silently drops a paragraph from
//! every letter. Rendering finds a misspelled `{{ … }}` only when an example
//! takes that branch. [`unknown_names`] reads every tag of a template and
//! checks each name against [`super::names`], the one list of the context's
//! shape.

use super::names;
use regex::Regex;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A name in a template that the context does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The name as written (`prior_contact.hread`).
    pub name: String,
    /// Where it is in the source.
    pub range: Range<usize>,
    /// The closest known name, if one is close.
    pub closest: Option<String>,
    /// Whether it is in a `{% … %}` tag (where Tera reads it as empty) rather than a `{{ … }}`.
    pub in_statement: bool,
}

/// Words of Tera's expression language that are not names.
const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "if", "else", "true", "false", "True", "False", "none", "None",
    "as",
];

/// Names Tera gives every template.
const BUILT_IN: &[&str] = &["loop", "__tera_context"];

/// The names used in a template source that the context does not have.
pub fn unknown_names(source: &str) -> Vec<UnknownName> {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        Regex::new(r"(?s)\{\{-?(.*?)-?\}\}|\{%-?(.*?)-?%\}").expect("valid pattern")
    });
    // Loop variables: name → the list path they walk (None: not a context list).
    let mut locals: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for captures in tag.captures_iter(source) {
        let (inner, is_statement) = match (captures.get(1), captures.get(2)) {
            (Some(inner), _) => (inner, false),
            (_, Some(inner)) => (inner, true),
            _ => continue,
        };
        let text = inner.as_str();
        let keyword = text.split_whitespace().next().unwrap_or_default();
        let expression_start;
        if is_statement {
            match keyword {
                "if" | "elif" => expression_start = text.find(keyword).unwrap_or(0) + keyword.len(),
                "for" => {
                    let Some(in_at) = text.find(" in ") else {
                        continue;
                    };
                    let variables: Vec<String> = text[text.find("for").unwrap_or(0) + 3..in_at]
                        .split(',')
                        .map(|v| v.trim().to_string())
                        .collect();
                    // A loop over an unknown list is reported once, at the list.
                    let list = first_path(&text[in_at + 4..])
                        .filter(|list| check(list, &locals).is_none());
                    for (i, variable) in variables.iter().enumerate() {
                        let walks = (variables.len() == 1 && i == 0)
                            .then(|| list.as_deref().and_then(|l| resolve(l, &locals)))
                            .flatten()
                            .map(|l| format!("{l}[]"));
                        locals.insert(variable.clone(), walks);
                    }
                    expression_start = in_at + 4;
                }
                "set" | "set_global" => {
                    if let Some(name) = text.split_whitespace().nth(1) {
                        locals.insert(name.trim_end_matches('=').to_string(), None);
                    }
                    expression_start = text.find('=').map_or(text.len(), |i| i + 1);
                }
                _ => continue,
            }
        } else {
            expression_start = 0;
        }
        let offset = inner.start() + expression_start;
        for (name, range) in paths(&text[expression_start..]) {
            if let Some(problem) = check(&name, &locals) {
                unknown.push(UnknownName {
                    name,
                    range: offset + range.start..offset + range.end,
                    closest: problem,
                    in_statement: is_statement,
                });
            }
        }
    }
    unknown
}

/// The name with a loop variable replaced by the list it walks; `None` for a `set` variable.
fn resolve(name: &str, locals: &BTreeMap<String, Option<String>>) -> Option<String> {
    let root = name.split(['.', '[']).next().unwrap_or_default();
    match locals.get(root) {
        Some(None) => None,
        Some(Some(list)) => Some(format!("{list}{}", &name[root.len()..])),
        None => Some(name.to_string()),
    }
}

/// `None` when the name is known; else the closest known name, if any (`Some(None)` when none is close).
fn check(name: &str, locals: &BTreeMap<String, Option<String>>) -> Option<Option<String>> {
    let mut parts = name.splitn(2, ['.', '[']);
    let root = parts.next().unwrap_or_default();
    let rest = &name[root.len()..];
    if BUILT_IN.contains(&root) {
        return None;
    }
    let full = match locals.get(root) {
        Some(None) => return None,
        Some(Some(list)) => format!("{list}{rest}"),
        None => name.to_string(),
    };
    let normalized = normalize(&full);
    let known = names::paths().any(|path| {
        *path == normalized
            || path.starts_with(&format!("{normalized}."))
            || path.starts_with(&format!("{normalized}["))
    });
    if known {
        return None;
    }
    let closest = candidates()
        .iter()
        .map(|candidate| (strsim::jaro_winkler(&normalized, candidate), candidate))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| {
            let shown = candidate.replace("[]", "[0]");
            match locals.get(root) {
                // Say it in the author's own loop variable.
                Some(Some(list)) => {
                    let list = list.replace("[]", "[0]");
                    shown
                        .strip_prefix(&list)
                        .map_or(shown.clone(), |tail| format!("{root}{tail}"))
                }
                _ => shown,
            }
        });
    Some(closest)
}

/// Every known path and every object or list on the way to one
/// (`prior_contact`, `documents_requested`), for "did you mean".
fn candidates() -> &'static Vec<String> {
    static CANDIDATES: OnceLock<Vec<String>> = OnceLock::new();
    CANDIDATES.get_or_init(|| {
        let mut all: Vec<String> = Vec::new();
        for path in names::paths() {
            for (i, c) in path.char_indices() {
                if c == '.' {
                    all.push(path[..i].to_string());
                }
            }
            all.push(path.to_string());
            if let Some(list) = path.strip_suffix("[]") {
                all.push(list.to_string());
            }
        }
        all.sort();
        all.dedup();
        all
    })
}

/// `deadlines[0].date` → `deadlines[].date`.
fn normalize(path: &str) -> String {
    static INDEX: OnceLock<Regex> = OnceLock::new();
    INDEX
        .get_or_init(|| Regex::new(r"\[[^\]]*\]").expect("valid pattern"))
        .replace_all(path, "[]")
        .into_owned()
}

fn first_path(expression: &str) -> Option<String> {
    paths(expression).into_iter().next().map(|(name, _)| name)
}

/// The dotted names in an expression, with their ranges: not in strings,
/// not filters, tests, functions or keyword arguments.
fn paths(expression: &str) -> Vec<(String, Range<usize>)> {
    static NAME: OnceLock<Regex> = OnceLock::new();
    let name = NAME.get_or_init(|| {
        Regex::new(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*")
            .expect("valid pattern")
    });
    let masked = mask_strings(expression);
    let mut found = Vec::new();
    for m in name.find_iter(&masked) {
        let before = masked[..m.start()].trim_end();
        let after = masked[m.end()..].trim_start();
        let text = m.as_str();
        let preceding_char = masked[..m.start()].chars().next_back();
        if KEYWORDS.contains(&text)
            || preceding_char.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
            || before.ends_with('|')
            || before.ends_with(" is")
            || before.ends_with(" is not")
            || after.starts_with('(')
            || (after.starts_with('=') && !after.starts_with("=="))
            || text.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        found.push((text.to_string(), m.range()));
    }
    found
}

/// The expression with string literals blanked (same length), so names in them are not read.
fn mask_strings(expression: &str) -> String {
    let mut out = String::with_capacity(expression.len());
    let mut quote: Option<char> = None;
    for c in expression.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            None if matches!(c, '"' | '\'' | '`') => {
                quote = Some(c);
                out.push(c);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str) -> Vec<(String, Option<String>)> {
        unknown_names(source)
            .into_iter()
            .map(|u| (u.name, u.closest))
            .collect()
    }

    #[test]
    fn a_misspelled_name_in_an_if_is_found_with_the_closest_name() {
        let source = "{% if prior_contact.hread %}Gehoord: {{ prior_contact.heard }}{% endif %}";
        let found = unknown_names(source);
        assert_eq!(found.len(), 1);
        assert_eq!(&source[found[0].range.clone()], "prior_contact.hread");
        assert_eq!(found[0].closest.as_deref(), Some("prior_contact.heard"));
    }

    #[test]
    fn loop_variables_walk_their_list() {
        assert!(names("{% for a in amounts %}{% set x = a.label %}{{ x }}{% endfor %}").is_empty());
        assert!(names("{% for a in amounts %}{{ a.label }} {{ a.amount_cents | euro }}{% if not loop.last %},{% endif %}{% endfor %}").is_empty());
        assert_eq!(
            names("{% for a in amounts %}{{ a.lable }}{% endfor %}"),
            vec![("a.lable".to_string(), Some("a.label".to_string()))]
        );
        assert_eq!(
            names("{% for d in documents %}{{ d }}{% endfor %}"),
            vec![(
                "documents".to_string(),
                Some("documents_requested".to_string())
            )]
        );
    }

    #[test]
    fn filters_tests_strings_and_arguments_are_not_names() {
        assert!(
            names(r#"{{ appointment.start | date(weekday=true) }} {% if prior_contact and prior_contact.outcome == "reached" %}{% endif %}{% if flags.reason is defined %}{% endif %}{{ deadlines[0].date | date }} {{ recipient | salutation }}"#)
                .is_empty()
        );
        assert!(names(r#"{% set n = "contact.nam" %}{{ n }}"#).is_empty());
    }

    #[test]
    fn a_whole_object_is_a_known_name_but_a_path_past_a_value_is_not() {
        assert!(names("{{ recipient | full_name }}").is_empty());
        assert_eq!(names("{{ contact.name.first }}").len(), 1);
    }
}
