//! The budget's calls in a template source: a tick at the start of every
//! `{% for %}` body, a size check after every `{% set %}`, and the refusal of
//! what a budget cannot follow (see [`super`]).

/// The name of the tick function in instrumented sources.
pub const TICK: &str = "__helder_tick";
/// The name of the size function in instrumented sources.
pub const SIZE: &str = "__helder_size";

/// A construct a letter template may not use, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Byte offset in the source.
    pub offset: usize,
    /// What it is and why, in Dutch.
    pub problem: String,
}

/// A source with budget calls added, and how to find places in the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Instrumented {
    /// What Tera compiles.
    pub source: String,
    /// Each added call: (offset in `source`, its length, offset in the
    /// original to show for it: the start of its tag).
    insertions: Vec<(usize, usize, usize)>,
}

impl Instrumented {
    /// How many characters the added calls put before `offset` (in the
    /// instrumented source) on its own line: what to take off a column.
    pub fn column_shift(&self, offset: usize) -> usize {
        self.insertions
            .iter()
            .filter(|&&(at, len, _)| {
                at + len <= offset && !self.source[at + len..offset].contains('\n')
            })
            .map(|&(_, len, _)| len)
            .sum()
    }

    /// The offset in the original source of an offset in the instrumented one.
    pub fn original(&self, offset: usize) -> usize {
        let mut shift = 0;
        for &(at, len, shown) in &self.insertions {
            if offset < at {
                break;
            }
            if offset < at + len {
                return shown;
            }
            shift += len;
        }
        offset - shift
    }
}

/// Adds the budget's calls to a template source, or says what it may not use.
pub fn instrument(source: &str) -> Result<Instrumented, Refused> {
    let mut out = String::with_capacity(source.len() + 64);
    let mut insertions = Vec::new();
    let mut pos = 0;
    for tag in tags(source) {
        let Tag { range, kind } = tag;
        let text = &source[range.clone()];
        out.push_str(&source[pos..range.end]);
        pos = range.end;
        if kind != TagKind::Statement {
            if kind == TagKind::Expression
                && let Some(at) = word_outside_strings(text, "for")
            {
                return Err(comprehension(range.start + at));
            }
            continue;
        }
        let inner = statement_inner(text);
        let mut words = words_outside_strings(inner);
        let keyword = words.next().map(|(_, w)| w).unwrap_or_default();
        match keyword {
            "for" => {
                if let Some((at, _)) = words.find(|(_, w)| *w == "for") {
                    let offset =
                        range.start + (inner.as_ptr() as usize - text.as_ptr() as usize) + at;
                    return Err(comprehension(offset));
                }
                let call = format!("{{{{ {TICK}() {}}}}}", trim_after(text));
                insertions.push((out.len(), call.len(), range.start));
                out.push_str(&call);
            }
            "set" | "set_global" => {
                let name = words.next().map(|(_, w)| w).unwrap_or_default();
                if !is_assignment(inner) {
                    return Err(Refused {
                        offset: range.start,
                        problem: "{% set %} … {% endset %} kan niet in een brief; schrijf {% set naam = waarde %}".to_string(),
                    });
                }
                if let Some(at) = word_outside_strings(inner, "for")
                    .filter(|&at| at > inner.find('=').unwrap_or(0))
                {
                    let offset =
                        range.start + (inner.as_ptr() as usize - text.as_ptr() as usize) + at;
                    return Err(comprehension(offset));
                }
                let call = format!("{{{{ {SIZE}(value={name}) {}}}}}", trim_after(text));
                insertions.push((out.len(), call.len(), range.start));
                out.push_str(&call);
            }
            "filter" | "component" | "extends" | "block" | "macro" | "call" => {
                return Err(Refused {
                    offset: range.start,
                    problem: format!(
                        "{{% {keyword} %}} kan niet in een brief; gebruik {{% include %}} voor gedeelde tekst"
                    ),
                });
            }
            _ => {
                if let Some(at) = word_outside_strings(inner, "for") {
                    let offset =
                        range.start + (inner.as_ptr() as usize - text.as_ptr() as usize) + at;
                    return Err(comprehension(offset));
                }
            }
        }
    }
    out.push_str(&source[pos..]);
    Ok(Instrumented {
        source: out,
        insertions,
    })
}

fn comprehension(offset: usize) -> Refused {
    Refused {
        offset,
        problem: "een lijst met for erin ([x for x in …]) kan niet in een brief; schrijf een {% for %}-lus".to_string(),
    }
}

/// `-` when a statement tag trims what follows it (`-%}`): the added call then does.
fn trim_after(tag: &str) -> &'static str {
    if tag.ends_with("-%}") { "-" } else { "" }
}

/// The text inside `{% … %}`, without the delimiters and trim marks.
fn statement_inner(tag: &str) -> &str {
    let inner = &tag[2..tag.len().saturating_sub(2).max(2)];
    inner.trim_start_matches('-').trim_end_matches('-')
}

/// Whether a `set` statement assigns (`set name = …`), outside strings.
fn is_assignment(inner: &str) -> bool {
    let mut quote = None;
    let bytes: Vec<char> = inner.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        match quote {
            Some(q) if *c == q && (i == 0 || bytes[i - 1] != '\\') => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(*c),
            None if *c == '=' => {
                let next = bytes.get(i + 1).copied();
                let before = if i > 0 { bytes[i - 1] } else { ' ' };
                return next != Some('=') && !matches!(before, '=' | '!' | '<' | '>');
            }
            None => {}
        }
    }
    false
}

/// The words (identifiers) of a tag's text outside its strings, with their offsets.
fn words_outside_strings(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut words = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        let is_word = c.is_alphanumeric() || c == '_';
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
        if matches!(c, '"' | '\'' | '`') {
            quote = Some(c);
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words.into_iter()
}

fn word_outside_strings(text: &str, word: &str) -> Option<usize> {
    words_outside_strings(text)
        .find(|(_, w)| *w == word)
        .map(|(at, _)| at)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Expression,
    Statement,
    Comment,
    Raw,
}

#[derive(Debug)]
struct Tag {
    range: std::ops::Range<usize>,
    kind: TagKind,
}

/// The Tera tags of a source, in order, strings inside tags respected; an
/// unclosed tag ends the scan (Tera reports it).
fn tags(source: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(offset) = source[pos..].find('{') {
        let start = pos + offset;
        let after = &source[start..];
        let (close, kind) = if after.starts_with("{{") {
            ("}}", TagKind::Expression)
        } else if after.starts_with("{%") {
            ("%}", TagKind::Statement)
        } else if after.starts_with("{#") {
            ("#}", TagKind::Comment)
        } else {
            pos = start + 1;
            continue;
        };
        let Some(end) = tag_end(source, start + 2, close, kind != TagKind::Comment) else {
            break;
        };
        if kind == TagKind::Statement && statement_inner(&source[start..end]).trim() == "raw" {
            let end_raw = find_endraw(source, end).unwrap_or(source.len());
            found.push(Tag {
                range: start..end_raw,
                kind: TagKind::Raw,
            });
            pos = end_raw;
            continue;
        }
        found.push(Tag {
            range: start..end,
            kind,
        });
        pos = end;
    }
    found
}

/// The end (exclusive) of a tag whose text starts at `from`, skipping strings.
fn tag_end(source: &str, from: usize, close: &str, strings: bool) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in source[from..].char_indices() {
        let at = from + i;
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if strings && matches!(c, '"' | '\'' | '`') {
            quote = Some(c);
        } else if source[at..].starts_with(close) {
            return Some(at + close.len());
        }
    }
    None
}

/// The end of the `{% endraw %}` tag after `from`.
fn find_endraw(source: &str, from: usize) -> Option<usize> {
    let mut pos = from;
    while let Some(offset) = source[pos..].find("{%") {
        let start = pos + offset;
        let end = source[start..].find("%}").map(|i| start + i + 2)?;
        if statement_inner(&source[start..end]).trim() == "endraw" {
            return Some(end);
        }
        pos = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructs_without_a_budget_are_refused() {
        for source in [
            "{% set l = [x for x in range(end=3)] %}",
            "{{ [x for x in range(end=3)] }}",
            "{% set x %}tekst{% endset %}",
            "{% filter upper %}tekst{% endfilter %}",
            "{% component kaart() %}x{% endcomponent %}",
        ] {
            assert!(instrument(source).is_err(), "{source}");
        }
        assert!(instrument("{{ \"for\" }} {% if before %}{% endif %}").is_ok());
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let source = "ab{% for i in x %}cd{% endfor %}";
        let instrumented = instrument(source).unwrap();
        let cd = instrumented.source.find("cd").unwrap();
        assert_eq!(instrumented.original(cd), source.find("cd").unwrap());
        let call = instrumented.source.find(TICK).unwrap();
        assert_eq!(instrumented.original(call), 2);
        assert_eq!(instrumented.original(1), 1);
    }
}
