//! Template CI: make each template's letter with each of its example events,
//! lint the letter, and point every finding at the template file the author edits.
//!
//! A finding in literal text points at that text in the template or partial;
//! a finding in the output of a `{{ … }}` points at the expression and names
//! the example event. Text that no example shows (a branch of an `{% if %}`
//! no example takes) is still checked, as raw template text, and its findings
//! say so. Problems that stop a letter being made (syntax, unknown variables,
//! missing partials, front matter, unreadable examples) are findings too.
//! Rule levels and suppression comments are applied per file last.

mod place;
mod select;

use place::{body_to_file, front_matter_line, line_span, mention_span, place};
pub use select::absolute;
use select::{selected_templates, uses_partial};

use crate::compose::{ComposeError, ComposeOptions, build_letter};
use crate::config::Config;
use crate::event::{CaseEvent, parse_events};
use crate::lint::meta::{TEMPLATE_ERROR, TEMPLATE_WITHOUT_EXAMPLES};
use crate::lint::suppress::{self, CommentSyntax};
use crate::lint::{
    Category, Finding, LineIndex, LintResult, Severity, SourceKind, Span, lint, lint_letter,
};
use crate::problem::Problem;
use crate::readability::Metrics;
use crate::report::{FileFinding, FileReport};
use crate::template::context::{LetterFacts, build};
use crate::template::source_map::SourceMap;
use crate::template::{
    LetterTemplate, MappedSet, PARTIALS_DIR, TemplateError, TemplateSet, variables,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Rules about the letter as a whole: they point where the letter starts and name the example.
const LETTER_WIDE: &[&str] = &[
    "above-b1",
    "assistance-form-unstated",
    "decision-not-first",
    "decision-subject",
    "decision-without-reasons",
    "deduction-without-protected-income",
    "measure-without-obligation",
    "measure-without-size",
    "missing-action",
    "missing-contact",
    "missing-objection-clause",
    "money-owed-without-payment-details",
    "money-without-gross-net",
    "money-without-old-amount",
    "money-without-payment-day",
    "objection-decision-incomplete",
    "planned-measure-incomplete",
    "recovery-without-basis",
    "request-consequence-not-once",
    "request-without-where",
    "retroactive-without-explanation",
];

/// The folder of example events inside the templates folder.
pub const EXAMPLES_DIR: &str = "examples";

/// Which templates of a folder to check.
#[derive(Debug, Clone)]
pub enum Selection {
    /// All templates and partials.
    All,
    /// Only these files (templates, partials or examples): the templates
    /// among them, the templates that include a partial among them, and the
    /// templates whose examples are among them.
    Only(BTreeSet<PathBuf>),
}

/// One file's findings while they are gathered.
#[derive(Debug, Default)]
struct FileFindings {
    source: String,
    findings: Vec<FileFinding>,
    metrics: Option<Metrics>,
    /// Byte ranges of the file that some example showed in a letter.
    shown: Vec<Range<usize>>,
    /// Whether an example showed this file at all.
    rendered: bool,
}

/// Checks the templates of `dir` with their examples. Returns one report per
/// template and per partial (sorted by path).
pub fn check(dir: &Path, config: &Config, selection: &Selection) -> Vec<FileReport> {
    let (set, load_errors) = TemplateSet::load_lenient(dir, &config.letter.greeting);
    let mut files: BTreeMap<PathBuf, FileFindings> = BTreeMap::new();
    for error in &load_errors {
        add_template_error(&mut files, error, None);
    }
    let selected = selected_templates(dir, &set, selection);
    let mut misspelled = BTreeSet::new();
    for (name, path, body) in set.sources() {
        let wanted = if name.starts_with(PARTIALS_DIR) {
            matches!(selection, Selection::All) || uses_partial(&set, &selected, name)
        } else {
            selected.contains(path)
        };
        if wanted {
            check_names(&mut files, path, body, &mut misspelled);
        }
    }
    // A setting a template needs that helder.toml lacks: the letter cannot be made.
    for missing in crate::template::settings::missing(&set, config) {
        let wanted = selected.contains(&missing.file)
            || matches!(selection, Selection::All)
            || set.sources().any(|(name, path, _)| {
                path == missing.file
                    && name.starts_with(PARTIALS_DIR)
                    && uses_partial(&set, &selected, name)
            });
        if !wanted {
            continue;
        }
        let slot = entry(&mut files, &missing.file);
        let span = line_span(&slot.source, missing.line, None);
        push(
            &mut files,
            &missing.file.clone(),
            span,
            template_error_finding(
                format!(
                    "Dit sjabloon gebruikt {}, maar helder.toml heeft geen {}.",
                    missing.used_as, missing.setting
                ),
                "Vul die instelling in helder.toml in; helder.toml in de repository is een voorbeeld.".to_string(),
            ),
            None,
        );
    }
    let mapped = set.mapped();
    let templates: Vec<&LetterTemplate> =
        set.iter().filter(|t| selected.contains(&t.path)).collect();
    // Making and linting the letters is the work: every template with every
    // example, on all cores. What they found is applied below in template and
    // example order, so the report is the same whatever the number of threads.
    let jobs: Vec<(&LetterTemplate, &str)> = templates
        .iter()
        .flat_map(|t| {
            t.front_matter
                .examples
                .iter()
                .map(move |e| (*t, e.as_str()))
        })
        .collect();
    let runs: Vec<ExampleRun> = jobs
        .par_iter()
        .map(|(template, example)| {
            run_example(template, example, dir, config, &set, mapped.as_ref())
        })
        .collect();
    let mut runs = runs.into_iter();
    for template in templates {
        let count = template.front_matter.examples.len();
        check_template(
            template,
            runs.by_ref().take(count),
            mapped.as_ref(),
            &mut files,
            &misspelled,
        );
        check_subject(&mut files, template, config);
    }
    // The partials the selected templates use, even when no example showed them.
    for (name, path, _) in set.sources() {
        if name.starts_with(PARTIALS_DIR)
            && (matches!(selection, Selection::All) || uses_partial(&set, &selected, name))
        {
            entry(&mut files, path);
        }
    }
    check_unshown_text(&mut files, config);
    finish(files, config, dir, &selected, selection)
}

/// What making and linting one template's letter with one example gave.
enum ExampleRun {
    /// The example cannot be read (or is for another event type).
    Unreadable(Problem),
    /// The letter cannot be made.
    NotMade(ComposeError),
    /// The letter was made and linted.
    Linted(Box<LintedExample>),
}

/// A letter made from a template and one example, linted.
struct LintedExample {
    /// The example event's id.
    event_id: String,
    /// The letter's Markdown body.
    body: String,
    /// What the lint found.
    result: LintResult,
    /// Where each part of the body came from, when the marked rendering worked.
    map: Option<SourceMap>,
}

/// Makes the letter of `template` with one example and lints it. Reads only:
/// runs in parallel with the other templates and examples.
fn run_example(
    template: &LetterTemplate,
    example: &str,
    dir: &Path,
    config: &Config,
    set: &TemplateSet,
    mapped: Option<&MappedSet>,
) -> ExampleRun {
    let event = match read_example(dir, example, template) {
        Ok(event) => event,
        Err(problem) => return ExampleRun::Unreadable(problem),
    };
    let options = ComposeOptions {
        date: event.time.0.date_naive(),
        draft: false,
    };
    let letter = match build_letter(&event, config, set, options) {
        Ok(letter) => letter,
        Err(error) => return ExampleRun::NotMade(error),
    };
    let thresholds = config.lint.for_path(&template.path).thresholds;
    let facts = crate::compose::event_facts(&event, &letter, config);
    let result = lint_letter(&letter.body_markdown, &facts, &thresholds);
    let map = mapped.and_then(|mapped| {
        let context = build(
            &event,
            config,
            &LetterFacts {
                date: options.date,
                is_besluit: letter.is_besluit,
                draft: false,
                reference: event.data.case.zaak_id.as_str(),
            },
        );
        set.render_mapped(mapped, template, &context, &event.id)
            .ok()
            .and_then(|(_, map)| map)
    });
    ExampleRun::Linted(Box::new(LintedExample {
        event_id: event.id.as_str().to_string(),
        body: letter.body_markdown,
        result,
        map,
    }))
}

/// Adds what the letters of one template found (`runs`: one per example, in
/// the order of its examples) to the files they point at.
fn check_template(
    template: &LetterTemplate,
    runs: impl Iterator<Item = ExampleRun>,
    mapped: Option<&MappedSet>,
    files: &mut BTreeMap<PathBuf, FileFindings>,
    misspelled: &BTreeSet<(String, usize)>,
) {
    entry(files, &template.path);
    let examples_line = front_matter_line(&files[&template.path].source, "examples");
    if template.front_matter.examples.is_empty() {
        push(
            files,
            &template.path,
            line_span(&files[&template.path].source, examples_line.unwrap_or(1), None),
            Finding {
                rule: TEMPLATE_WITHOUT_EXAMPLES,
                category: Category::Template,
                severity: Severity::Warning,
                span: Span { start: 0, end: 0 },
                message: "Dit sjabloon heeft geen voorbeelden, dus helder kan de brief niet maken en alleen de losse tekst controleren.".to_string(),
                fix: None,
                suggestion: Some(format!(
                    "Maak een voorbeeld in {EXAMPLES_DIR}/ en zet bovenaan: examples = [\"{}-gewoon.json\"]",
                    template.front_matter.event_type
                )),
            },
            None,
        );
        return;
    }
    for (example, run) in template.front_matter.examples.iter().zip(runs) {
        let linted = match run {
            ExampleRun::Linted(linted) => linted,
            ExampleRun::Unreadable(problem) => {
                let source = &files[&template.path].source;
                let span = examples_line
                    .map(|line| mention_span(source, line, example))
                    .unwrap_or_else(|| line_span(source, 1, None));
                // The finding stands at the example's name in the template, which is its place.
                push(
                    files,
                    &template.path,
                    span,
                    template_error_finding(format!("{}.", problem.problem), problem.fix),
                    None,
                );
                continue;
            }
            ExampleRun::NotMade(ComposeError::Template(error)) => {
                // A misspelled name is already reported, for every example at once.
                if !error
                    .line
                    .is_some_and(|line| misspelled.contains(&(error.file.clone(), line)))
                {
                    add_template_error(files, &error, Some(example));
                }
                continue;
            }
            ExampleRun::NotMade(error) => {
                let span = line_span(&files[&template.path].source, 1, None);
                push(
                    files,
                    &template.path,
                    span,
                    template_error_finding(error.to_string(), String::new()),
                    Some(example),
                );
                continue;
            }
        };
        let LintedExample {
            event_id,
            body,
            result,
            map,
        } = *linted;
        let slot = files.get_mut(&template.path).expect("entry made above");
        // The file's numbers are those of its hardest letter.
        let harder = |m: &Metrics| {
            (result.metrics.level, result.metrics.avg_sentence_words)
                > (m.level, m.avg_sentence_words)
        };
        if slot.metrics.as_ref().is_none_or(harder) {
            slot.metrics = Some(result.metrics.clone());
        }
        let (Some(mapped), Some(map)) = (mapped, map) else {
            // Without a map every finding points at the template's first line.
            for finding in result.findings {
                let span = line_span(&files[&template.path].source, 1, None);
                push(files, &template.path, span, finding, Some(example));
            }
            continue;
        };
        let text = body.as_str();
        for (file, range) in map.literal_ranges(text.len(), mapped.pieces()) {
            let (path, body) = mapped.file(file);
            let slot = entry(files, path);
            slot.rendered = true;
            let start = body_to_file(body, &slot.source, range.start);
            let end = body_to_file(body, &slot.source, range.end);
            slot.shown.push(start..end);
        }
        for finding in result.findings {
            place(files, finding, &map, mapped, text, example, &event_id);
        }
    }
}

/// Reports every name in a template or partial that the context does not have
/// (also in `{% if %}` and `{% for %}`, where Tera would read it as empty),
/// and remembers (file, line) of each.
fn check_names(
    files: &mut BTreeMap<PathBuf, FileFindings>,
    path: &Path,
    body: &str,
    misspelled: &mut BTreeSet<(String, usize)>,
) {
    for unknown in variables::unknown_names(body) {
        let slot = entry(files, path);
        let span = Span {
            start: body_to_file(body, &slot.source, unknown.range.start),
            end: body_to_file(body, &slot.source, unknown.range.end),
        };
        let line = LineIndex::new(&slot.source).line_col(span.start).0;
        misspelled.insert((path.display().to_string(), line));
        let suggestion = match &unknown.closest {
            Some(closest) => format!("Bedoelt u {closest}?"),
            None => {
                "De namen die u kunt gebruiken staan in letter-templates/README.md.".to_string()
            }
        };
        push(
            files,
            path,
            span,
            template_error_finding(
                if unknown.in_statement {
                    format!(
                        "De naam {} bestaat niet. Het sjabloon leest hier een onbekende naam als leeg, en dan valt er zonder melding tekst uit de brief.",
                        unknown.name
                    )
                } else {
                    format!(
                        "De naam {} bestaat niet, dus van dit sjabloon kan geen brief gemaakt worden.",
                        unknown.name
                    )
                },
                suggestion,
            ),
            None,
        );
    }
}

/// Whether a finding judges words (spelling, wording, a difficult or long word),
/// not a whole letter: those rules also read the subject line.
fn judges_words(finding: &Finding) -> bool {
    matches!(finding.category, Category::Spelling | Category::Wording)
        || matches!(finding.rule, "difficult-word" | "long-word")
}

/// Checks the words of the subject, the letter's heading: the front matter holds
/// it, so no line of the body shows it. A finding points at its words there.
fn check_subject(
    files: &mut BTreeMap<PathBuf, FileFindings>,
    template: &LetterTemplate,
    config: &Config,
) {
    let slot = entry(files, &template.path);
    let Some(line) = front_matter_line(&slot.source, "subject") else {
        return;
    };
    let whole = line_span(&slot.source, line, None);
    let text = &slot.source[whole.start..whole.end];
    // subject = "…": the words between the quotes, as they stand in the file.
    let (Some(open), Some(close)) = (text.find('"'), text.rfind('"')) else {
        return;
    };
    if close <= open || text[open + 1..close].contains('\\') {
        return;
    }
    let subject = text[open + 1..close].to_string();
    let start = whole.start + open + 1;
    let thresholds = config.lint.for_path(&template.path).thresholds;
    let findings = lint(&subject, SourceKind::Template, &thresholds).findings;
    for finding in findings.into_iter().filter(judges_words) {
        let span = Span {
            start: start + finding.span.start,
            end: start + finding.span.end,
        };
        push(files, &template.path, span, finding, None);
    }
}

/// Checks text of the templates that no example showed, as raw template text.
fn check_unshown_text(files: &mut BTreeMap<PathBuf, FileFindings>, config: &Config) {
    // Each file on its own, on all cores; a file's findings keep their order.
    files.par_iter_mut().for_each(|(path, slot)| {
        if slot.source.is_empty() {
            return;
        }
        let thresholds = config.lint.for_path(path).thresholds;
        let result = lint(&slot.source, SourceKind::Template, &thresholds);
        for mut finding in result.findings {
            let whole_letter =
                finding.category == Category::Template || LETTER_WIDE.contains(&finding.rule);
            let shown = slot.shown.iter().any(|r| {
                r.start <= finding.span.start && finding.span.start < r.end.max(r.start + 1)
            });
            if whole_letter || shown {
                continue;
            }
            finding.message = format!(
                "{} Geen enkel voorbeeld laat deze tekst zien; voeg een voorbeeld toe dat hem wel laat zien.",
                finding.message
            );
            slot.findings.push(FileFinding {
                finding,
                example: None,
            });
        }
    });
}

fn finish(
    files: BTreeMap<PathBuf, FileFindings>,
    config: &Config,
    dir: &Path,
    selected: &BTreeSet<PathBuf>,
    selection: &Selection,
) -> Vec<FileReport> {
    let mut reports = Vec::new();
    for (path, mut slot) in files {
        // With --changed-since: the selected templates, the partials they use, and what changed.
        if let Selection::Only(changed) = selection
            && !selected.contains(&path)
            && !path.starts_with(dir.join(PARTIALS_DIR))
            && !changed.iter().any(|c| absolute(c) == absolute(&path))
        {
            continue;
        }
        let settings = config.lint.for_path(&path);
        let mut findings: Vec<Finding> = Vec::new();
        let mut examples = Vec::new();
        let mut seen = BTreeSet::new();
        for item in slot.findings.drain(..) {
            // One finding a place and rule, whatever the example.
            if seen.insert((item.finding.rule, item.finding.span)) {
                examples.push((item.finding.span, item.finding.rule, item.example));
                findings.push(item.finding);
            }
        }
        settings.apply(&mut findings);
        let mut meta = suppress::apply(&mut findings, &slot.source, CommentSyntax::Tera);
        settings.apply(&mut meta);
        let mut items: Vec<FileFinding> = findings
            .into_iter()
            .map(|finding| {
                let example = examples
                    .iter()
                    .find(|(span, rule, _)| *span == finding.span && *rule == finding.rule)
                    .and_then(|(_, _, example)| example.clone());
                FileFinding { finding, example }
            })
            .chain(meta.into_iter().map(|finding| FileFinding {
                finding,
                example: None,
            }))
            .collect();
        items.sort_by(|a, b| {
            (a.finding.span.start, a.finding.span.end, a.finding.rule).cmp(&(
                b.finding.span.start,
                b.finding.span.end,
                b.finding.rule,
            ))
        });
        reports.push(FileReport {
            path: path.display().to_string(),
            kind: "template",
            source: slot.source,
            findings: items,
            metrics: slot.metrics,
        });
    }
    reports
}

fn entry<'a>(files: &'a mut BTreeMap<PathBuf, FileFindings>, path: &Path) -> &'a mut FileFindings {
    files
        .entry(path.to_path_buf())
        .or_insert_with(|| FileFindings {
            source: std::fs::read_to_string(path).unwrap_or_default(),
            ..FileFindings::default()
        })
}

fn push(
    files: &mut BTreeMap<PathBuf, FileFindings>,
    path: &Path,
    span: Span,
    mut finding: Finding,
    example: Option<&str>,
) {
    finding.span = span;
    entry(files, path).findings.push(FileFinding {
        finding,
        example: example.map(str::to_string),
    });
}

fn template_error_finding(message: String, suggestion: String) -> Finding {
    Finding {
        rule: TEMPLATE_ERROR,
        category: Category::Template,
        severity: Severity::Error,
        span: Span { start: 0, end: 0 },
        message,
        fix: None,
        suggestion: (!suggestion.is_empty()).then_some(suggestion),
    }
}

fn add_template_error(
    files: &mut BTreeMap<PathBuf, FileFindings>,
    error: &TemplateError,
    example: Option<&str>,
) {
    let path = PathBuf::from(&error.file);
    let slot = entry(files, &path);
    let span = line_span(&slot.source, error.line.unwrap_or(1), error.column);
    let mut message = error.problem.clone();
    if let Some(first) = message.get(..1) {
        message = format!("{}{}.", first.to_uppercase(), &message[1..]);
    }
    if let Some(example) = example {
        message.push_str(&format!(" (Met voorbeeld {example}.)"));
    }
    push(
        files,
        &path,
        span,
        template_error_finding(message, error.fix.clone()),
        example,
    );
}

/// The file of an example a template names in its front matter: only a file
/// inside the templates folder, after resolving `..` and links (the rule
/// includes follow too), so no front matter can make helder read, and show,
/// a file from elsewhere. The error says why, in Dutch.
pub fn example_path(dir: &Path, name: &str) -> Result<PathBuf, Problem> {
    let path = dir.join(EXAMPLES_DIR).join(name);
    let outside = || {
        Problem::new(
            path.display().to_string(),
            format!("het voorbeeld {name} ligt buiten de map met sjablonen"),
            format!(
                "Een voorbeeld bij examples is een bestand in {EXAMPLES_DIR}/; helder leest niets daarbuiten."
            ),
        )
    };
    let named = Path::new(name);
    if named
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(outside());
    }
    match (std::fs::canonicalize(dir), std::fs::canonicalize(&path)) {
        (Ok(root), Ok(resolved)) if resolved.starts_with(&root) => Ok(resolved),
        (Ok(_), Ok(_)) => Err(outside()),
        // Not there: reading it says so.
        _ => Ok(path),
    }
}

/// Reads one example event and checks it is for the template's event type.
pub(crate) fn read_example(
    dir: &Path,
    name: &str,
    template: &LetterTemplate,
) -> Result<CaseEvent, Problem> {
    let path = example_path(dir, name)?;
    let place = path.display().to_string();
    let check_name = "Controleer de naam van het voorbeeld bovenaan, en het bestand in examples/.";
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Problem::new(
            &place,
            format!(
                "Het voorbeeld {name} kan niet worden gelezen ({})",
                crate::fs::io_reason(&e)
            ),
            check_name,
        )
    })?;
    let mut events = parse_events(&text, &place);
    if events.len() != 1 {
        return Err(Problem::new(
            &place,
            format!(
                "Het voorbeeld {name} bevat {} gebeurtenissen; een voorbeeld is er precies één",
                events.len()
            ),
            check_name,
        ));
    }
    let event = events.pop().expect("one event").map_err(|e| {
        Problem::new(
            &place,
            format!(
                "Het voorbeeld {name} klopt niet: {}",
                e.to_string().trim_end_matches('.')
            ),
            check_name,
        )
    })?;
    if event.event_type != template.front_matter.event_type {
        return Err(Problem::new(
            &place,
            format!(
                "Het voorbeeld {name} is een {}, maar dit sjabloon is voor {}",
                event.event_type, template.front_matter.event_type
            ),
            check_name,
        ));
    }
    Ok(event)
}
