//! Step 5 of the pipeline: lint a text for readability, wording (and later tone and structure).
//!
//! One engine for templates, rendered letters and any Dutch text. [`lint`]
//! analyses the text once ([`Document`]) and runs every [`Rule`] of
//! [`rules::all`] over it. Findings are data: a rule id, a category, a
//! severity, a byte [`Span`] into the source, a Dutch message and a
//! suggestion. How they look is decided in [`crate::report`].

pub mod claims;
pub(crate) mod clauses;
pub mod config;
pub mod fix;
pub(crate) mod formal_verbs;
pub mod letter_mark;
pub mod meta;
mod overlap;
pub mod rules;
pub mod span;
pub mod suppress;
pub mod tone;

pub use crate::event::letter_facts::EventFacts;
use crate::markdown::{Fences, fences};
use crate::readability::{Document, Metrics, ReadabilityConfig};
use crate::text::{Prose, from_markdown, from_plain_text, from_template};
use serde::{Deserialize, Serialize};
pub use span::{LineIndex, Span};

/// How bad a finding is; also the level at which `helder lint --fail-on` fails.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed: fails CI.
    Error,
}

/// What a finding is about (DESIGN.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Threatening or distrustful phrasing.
    Tone,
    /// How hard the text is to read.
    Readability,
    /// Formal words with a plain alternative.
    Wording,
    /// Words that are not in the Dutch word list.
    Spelling,
    /// What every letter must contain.
    Structure,
    /// The template itself: it cannot be rendered, has no examples, or a suppression is wrong.
    Template,
}

impl Category {
    /// The name in JSON and in `--explain` ("tone", "readability", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Tone => "tone",
            Category::Readability => "readability",
            Category::Wording => "wording",
            Category::Spelling => "spelling",
            Category::Structure => "structure",
            Category::Template => "template",
        }
    }
}

/// One entry of the catalogue of everything `helder lint` can report.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The id, kebab-case.
    pub id: &'static str,
    /// The category.
    pub category: Category,
    /// What it flags, why, and a bad and a good example.
    pub docs: RuleDocs,
    /// What the event must carry for the examples, for rules that check a letter against its event.
    pub facts: Option<ExampleFacts>,
}

/// The text rules and the template rules, in alphabetical order of id.
pub fn catalogue() -> Vec<RuleInfo> {
    let mut all: Vec<RuleInfo> = rules::all()
        .iter()
        .map(|rule| RuleInfo {
            id: rule.id(),
            category: rule.category(),
            docs: rule.docs(),
            facts: rule.example_facts(),
        })
        .chain(meta::ALL.iter().map(|rule| RuleInfo {
            id: rule.id,
            category: rule.category(),
            docs: rule.docs,
            facts: None,
        }))
        .collect();
    all.sort_by_key(|rule| rule.id);
    all
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id, kebab-case.
    pub rule: &'static str,
    /// The rule's category.
    pub category: Category,
    /// How bad it is.
    pub severity: Severity,
    /// Where in the source.
    pub span: Span,
    /// What is wrong, in Dutch.
    pub message: String,
    /// What to write instead, in Dutch.
    pub suggestion: Option<String>,
    /// The replacement `helder lint --fix` may apply, when one is unambiguous.
    pub fix: Option<Fix>,
}

/// An unambiguous replacement for the text of a finding's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The text that replaces the span.
    pub replacement: String,
    /// The text the span held when the fix was made: a fix is applied only
    /// where the file still holds it (a template's span is mapped from the letter).
    #[serde(skip)]
    pub original: String,
}

/// What a rule is, for `helder lint --explain` and for the rule's own tests.
#[derive(Debug, Clone, Copy)]
pub struct RuleDocs {
    /// What it flags.
    pub what: &'static str,
    /// Why it matters to the reader.
    pub why: &'static str,
    /// A text it flags.
    pub bad: &'static str,
    /// The same text, written so it passes.
    pub good: &'static str,
}

/// The event facts a rule's bad and good examples are checked with
/// ([`EventFacts`] as JSON), for rules that compare a letter with its event.
#[derive(Debug, Clone, Copy)]
pub struct ExampleFacts {
    /// The facts for the bad example.
    pub bad: &'static str,
    /// The facts for the good example (often the same).
    pub good: &'static str,
}

/// A lint rule.
pub trait Rule: Send + Sync {
    /// The rule's id, kebab-case (`long-sentence`).
    fn id(&self) -> &'static str;
    /// The rule's category.
    fn category(&self) -> Category;
    /// The rule's documentation and examples.
    fn docs(&self) -> RuleDocs;
    /// Adds the rule's findings for an analysed text.
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>);
    /// The event facts its examples need; `None` for a rule that reads text alone.
    fn example_facts(&self) -> Option<ExampleFacts> {
        None
    }
    /// Whether a finding is about the text as a whole (its level, a part it
    /// lacks) rather than about the words it points at; the span then only
    /// shows where to look, and a baseline fingerprint leaves the words out.
    /// By default the structure rules are (they check what a letter lacks);
    /// a structure rule that flags words says `false`.
    fn about_whole_text(&self) -> bool {
        self.category() == Category::Structure
    }
}

/// What kind of text is linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Markdown (a rendered letter, a `.md` file, stdin).
    Markdown,
    /// A letter template: front matter and Tera tags are masked.
    Template,
    /// Plain text: paragraphs separated by blank lines.
    PlainText,
}

/// The findings and metrics of one text.
#[derive(Debug, Clone)]
pub struct LintResult {
    /// Findings, in source order.
    pub findings: Vec<Finding>,
    /// The text's readability numbers.
    pub metrics: Metrics,
}

/// The prose of a source of some kind.
pub fn prose(source: &str, kind: SourceKind) -> Prose {
    match kind {
        SourceKind::Markdown => from_markdown(source),
        SourceKind::PlainText => from_plain_text(source),
        SourceKind::Template => from_template(&blank_front_matter(source)),
    }
}

/// A template with its `+++` front matter replaced by spaces, keeping offsets.
fn blank_front_matter(source: &str) -> String {
    let Fences::Closed(block) = fences(source) else {
        return source.to_string();
    };
    blank_before(source, block.body_start)
}

/// `source` with everything before byte `end` replaced by spaces, line breaks
/// kept: every byte becomes one space (a character of two bytes, two spaces),
/// so offsets stay.
fn blank_before(source: &str, end: usize) -> String {
    let head: String = source[..end]
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' { '\n' } else { ' ' };
            std::iter::repeat_n(fill, c.len_utf8())
        })
        .collect();
    format!("{head}{}", &source[end..])
}

/// Lints one text with every rule.
pub fn lint(source: &str, kind: SourceKind, config: &ReadabilityConfig) -> LintResult {
    lint_with(source, kind, config, None)
}

/// Lints the text of a letter: the structure rules check it as a letter,
/// some rules weigh words by the kind of letter (the letter about a fine may
/// name the fine once), a besluit must have an objection clause, and the rules
/// that compare a letter with its event read `facts`.
pub fn lint_letter(source: &str, facts: &EventFacts, config: &ReadabilityConfig) -> LintResult {
    lint_with(source, SourceKind::Markdown, config, Some(facts))
}

fn lint_with(
    source: &str,
    kind: SourceKind,
    config: &ReadabilityConfig,
    letter: Option<&EventFacts>,
) -> LintResult {
    // A letter `helder render` wrote as Markdown carries its mark after the
    // subject: its body is checked as the renderer checked it (without the event).
    let mark = (letter.is_none() && kind == SourceKind::Markdown)
        .then(|| letter_mark::LetterMark::find(source))
        .flatten();
    let prose = match &mark {
        Some((_, line)) => from_markdown(&blank_before(source, line.end)),
        None => prose(source, kind),
    };
    let mut doc = Document::new(source, prose, config);
    doc.is_template = kind == SourceKind::Template;
    if let Some(facts) = letter {
        // A rendered letter is a letter whatever its greeting (`letter.greeting`
        // may be "Hallo"): the structure rules check it.
        doc.is_letter = true;
        doc.event_type = Some(facts.event_type);
        doc.is_besluit = facts.is_besluit;
        doc.facts = Some(facts);
    } else if let Some((mark, _)) = mark {
        doc.is_letter = true;
        doc.event_type = Some(mark.event_type);
        doc.is_besluit = mark.is_besluit;
    }
    // Room for a finding in one word of eight: a long text's findings grow
    // once or not at all (each growth copies them whole).
    let mut findings = Vec::with_capacity(doc.words.len() / 8);
    for rule in rules::all() {
        rule.check(&doc, &mut findings);
    }
    overlap::one_finding_per_word(&mut findings);
    overlap::one_tone_finding_per_words(&mut findings);
    // Stable: findings at the same words keep the rules' order. The keys are
    // sorted, and the findings moved once: a finding is large, a text has thousands.
    findings.sort_by_cached_key(|f| (f.span.start, f.span.end, f.rule));
    LintResult {
        findings,
        metrics: doc.metrics().clone(),
    }
}
