//! `helder lint`: Dutch text files, Markdown, stdin, and letter templates with their examples.
//!
//! A folder with templates (`*.md` files that start with `+++`) is checked as
//! a templates folder: each template is made into a letter with each of its
//! examples ([`crate::template_ci`]). Other `.md` and `.txt` files are
//! linted as text. `--changed-since REV` keeps only what changed since a git
//! revision (and the templates that use a changed partial or example).

use super::{DEFAULT_CONFIG, Outcome, Terminal};
use crate::cli::LintArgs;
use crate::config::Config;
use crate::lint::config::LintConfig;
use crate::lint::suppress::{self, CommentSyntax};
use crate::lint::{Severity, SourceKind};
use crate::report::baseline::{Baseline, BaselineOutcome};
use crate::report::{FileFinding, FileReport, ReportFormat};
use crate::template::PARTIALS_DIR;
use crate::template_ci::{self, Selection, absolute};
use anyhow::{Context, bail};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What to lint and how.
#[derive(Debug, Clone, Copy)]
pub struct LintRequest<'a> {
    /// Files, folders, or `-` for stdin.
    pub paths: &'a [PathBuf],
    /// The settings, when there is a helder.toml; templates need it to make letters.
    pub config: Option<&'a Config>,
    /// Only what changed since this git revision.
    pub changed_since: Option<&'a str>,
    /// The level that fails the run (exit 1); `None`: the one in `[lint]`.
    pub fail_on: Option<Severity>,
    /// Report only what is not in this baseline.
    pub baseline: Option<&'a Baseline>,
}

/// What one `helder lint` run found.
#[derive(Debug)]
pub struct LintRun {
    /// One report per file, in order.
    pub reports: Vec<FileReport>,
    /// Whether the run fails.
    pub outcome: Outcome,
    /// With a baseline: what was known and what was fixed.
    pub baseline: Option<BaselineOutcome>,
}

/// `helder lint`: explains a rule, or lints every input, writes the report in
/// the asked format, and says whether the run fails.
pub fn run(
    args: &LintArgs,
    config_path: Option<&Path>,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    if let Some(rule) = &args.explain {
        terminal.write(explain(rule)?.as_bytes());
        return Ok(Outcome::Success);
    }
    // Text needs no settings (then the defaults hold); templates do, to make letters.
    let config = match config_path {
        Some(path) => Some(Config::load(path)?),
        None if Path::new(DEFAULT_CONFIG).exists() => {
            Some(Config::load(Path::new(DEFAULT_CONFIG))?)
        }
        None => None,
    };
    // A baseline that cannot be used stops the run before any work.
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let request = LintRequest {
        paths: &args.paths,
        config: config.as_ref(),
        changed_since: args.changed_since.as_deref(),
        fail_on: args.fail_on,
        baseline: baseline.as_ref(),
    };
    let run = check(request)?;
    if args.fix {
        terminal.write(fix(&run.reports, args.dry_run)?.as_bytes());
        return Ok(Outcome::Success);
    }
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&run.reports);
        crate::fs::write_private(path, baseline.to_json().as_bytes()).with_context(|| {
            format!(
                "de baseline {} kan niet worden geschreven. Bestaat de map, en mag helder erin schrijven?",
                path.display()
            )
        })?;
        let findings: usize = run.reports.iter().map(|r| r.findings.len()).sum();
        terminal.warning(&format!(
            "baseline geschreven naar {}: {findings} {} in {} {}. Zet dit bestand in git; met --baseline {} faalt helder lint daarna alleen op wat nieuw is.",
            path.display(),
            crate::dutch::plural(findings, "bevinding", "bevindingen"),
            run.reports.len(),
            crate::dutch::plural(run.reports.len(), "bestand", "bestanden"),
            path.display(),
        ));
        return Ok(Outcome::Success);
    }
    terminal.write(
        args.format
            .render(&run.reports, terminal.color())
            .as_bytes(),
    );
    if args.format == ReportFormat::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
    {
        append_step_summary(
            Path::new(&path),
            &crate::report::step_summary(&run.reports, run.baseline.as_ref()),
        )?;
    }
    if let Some(outcome) = &run.baseline {
        terminal.warning(&baseline_note(outcome));
    }
    Ok(run.outcome)
}

/// Adds the job summary to the file GitHub Actions gives each step.
fn append_step_summary(path: &Path, summary: &str) -> anyhow::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| file.write_all(summary.as_bytes()))
        .with_context(|| {
            format!(
                "de samenvatting kan niet worden geschreven naar {} (GITHUB_STEP_SUMMARY)",
                path.display()
            )
        })
}

/// One line on stderr about the baseline: what was left out, what was fixed.
fn baseline_note(outcome: &BaselineOutcome) -> String {
    let known = outcome.known_total();
    let mut note = format!(
        "baseline: {known} bekende {} niet getoond",
        crate::dutch::plural(known, "bevinding", "bevindingen")
    );
    if outcome.fixed > 0 {
        note.push_str(&format!(
            "; {} opgelost. Schrijf de baseline opnieuw (--write-baseline) om dat vast te leggen",
            outcome.fixed
        ));
    }
    note.push('.');
    note
}

/// Applies the unambiguous fixes of every file (unless `dry_run`) and returns the
/// unified diff of all of them. A file is replaced atomically and keeps its permissions.
fn fix(reports: &[FileReport], dry_run: bool) -> anyhow::Result<String> {
    let mut diff = String::new();
    for report in reports.iter().filter(|r| r.path != "-") {
        let syntax = if report.kind == "template" {
            CommentSyntax::Tera
        } else {
            CommentSyntax::Html
        };
        let findings: Vec<_> = report.findings.iter().map(|f| f.finding.clone()).collect();
        let fixed = crate::lint::fix::apply(&report.source, &findings, syntax);
        if fixed.applied == 0 {
            continue;
        }
        diff.push_str(&crate::lint::fix::unified_diff(
            report.clean_path(),
            &report.source,
            &fixed.source,
        ));
        if !dry_run {
            let path = Path::new(&report.path);
            // The file must still be what was linted: an editor may have saved it meanwhile.
            let now = std::fs::read_to_string(path)
                .with_context(|| format!("{} kan niet worden gelezen", path.display()))?;
            if now != report.source {
                bail!(
                    "{} is veranderd terwijl helder het controleerde. Er is niets vervangen in dit bestand; start helder lint --fix opnieuw.",
                    path.display()
                );
            }
            crate::fs::replace_keeping_permissions(path, fixed.source.as_bytes())
                .with_context(|| format!("{} kan niet worden geschreven", path.display()))?;
        }
    }
    Ok(diff)
}

/// Lints every input, leaves out what the baseline knows, and says whether the run fails.
pub fn check(request: LintRequest<'_>) -> anyhow::Result<LintRun> {
    let default_lint = LintConfig::default();
    let lint_config = request.config.map_or(&default_lint, |c| &c.lint);
    let changed = match request.changed_since {
        Some(revision) => Some(changed_files(revision)?),
        None => None,
    };
    let mut texts: Vec<PathBuf> = Vec::new();
    // Templates folder → the files given in it (None: all of it).
    let mut template_dirs: BTreeMap<PathBuf, Option<BTreeSet<PathBuf>>> = BTreeMap::new();
    let mut reports = Vec::new();
    for input in request.paths {
        if input.as_os_str() == "-" {
            let mut source = String::new();
            std::io::stdin()
                .read_to_string(&mut source)
                .context("de invoer (stdin) kan niet worden gelezen als UTF-8-tekst")?;
            reports.push(text_report("-", source, SourceKind::Markdown, lint_config));
        } else if input.is_dir() {
            if is_templates_dir(input) {
                template_dirs.insert(input.clone(), None);
            } else {
                texts.extend(text_files(input)?);
            }
        } else if let Some(dir) = templates_dir_of(input) {
            let entry = template_dirs
                .entry(dir)
                .or_insert_with(|| Some(BTreeSet::new()));
            if let Some(files) = entry {
                files.insert(input.clone());
            }
        } else if input.exists() {
            texts.push(input.clone());
        } else {
            bail!(
                "{} kan niet worden gelezen: het bestaat niet. Geef een bestand, een map, of - voor de invoer.",
                input.display()
            );
        }
    }
    for path in texts {
        if changed
            .as_ref()
            .is_some_and(|c| !c.contains(&absolute(&path)))
        {
            continue;
        }
        reports.push(read_and_lint(&path, lint_config)?);
    }
    for (dir, given) in template_dirs {
        let Some(config) = request.config else {
            bail!(
                "om de sjablonen in {} te controleren maakt helder er brieven van, en daarvoor zijn de instellingen nodig. Start helder in de map met helder.toml, of geef --config PAD",
                dir.display()
            );
        };
        let selection = match (given, &changed) {
            (None, None) => Selection::All,
            (Some(files), None) => Selection::Only(files),
            (None, Some(changed)) => Selection::Only(changed.clone()),
            (Some(files), Some(changed)) => Selection::Only(
                files
                    .into_iter()
                    .filter(|f| changed.contains(&absolute(f)))
                    .collect(),
            ),
        };
        reports.extend(template_ci::check(&dir, config, &selection));
    }
    let baseline = request
        .baseline
        .map(|baseline| baseline.filter(&mut reports, lint_config));
    let fail_on = request.fail_on.unwrap_or(lint_config.fail_on);
    let failed = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| f.finding.severity >= fail_on);
    Ok(LintRun {
        reports,
        outcome: Outcome::failed_if(failed),
        baseline,
    })
}

fn read_and_lint(path: &Path, config: &LintConfig) -> anyhow::Result<FileReport> {
    let source = std::fs::read_to_string(path).with_context(|| {
        format!(
            "{} kan niet worden gelezen. Controleer het pad, en of het UTF-8-tekst is.",
            path.display()
        )
    })?;
    let kind = if path.extension().is_some_and(|e| e == "txt") {
        SourceKind::PlainText
    } else {
        SourceKind::Markdown
    };
    Ok(text_report(
        &path.display().to_string(),
        source,
        kind,
        config,
    ))
}

/// Lints one text file with its settings and its suppression comments.
fn text_report(path: &str, source: String, kind: SourceKind, config: &LintConfig) -> FileReport {
    let settings = config.for_path(Path::new(path));
    let result = crate::lint::lint(&source, kind, &settings.thresholds);
    let mut findings = result.findings;
    settings.apply(&mut findings);
    let mut meta = suppress::apply(&mut findings, &source, CommentSyntax::Html);
    settings.apply(&mut meta);
    findings.extend(meta);
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    FileReport {
        path: path.to_string(),
        kind: "text",
        source,
        findings: findings
            .into_iter()
            .map(|finding| FileFinding {
                finding,
                example: None,
            })
            .collect(),
        metrics: Some(result.metrics),
    }
}

/// Whether a folder holds letter templates: a `*.md` file in it starts with `+++`.
fn is_templates_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|entry| {
            let path = entry.path();
            path.extension().is_some_and(|e| e == "md") && is_template_file(&path)
        })
    })
}

fn is_template_file(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|s| {
        !matches!(
            crate::markdown::fences(&s),
            crate::markdown::Fences::Missing
        )
    })
}

/// The templates folder a template or partial file belongs to, if it is one.
fn templates_dir_of(path: &Path) -> Option<PathBuf> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if parent.file_name().is_some_and(|n| n == PARTIALS_DIR)
        && path.extension().is_some_and(|e| e == "md")
    {
        return parent.parent().map(Path::to_path_buf);
    }
    is_template_file(path).then(|| parent.to_path_buf())
}

fn text_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .with_context(|| format!("de map {} kan niet worden gelezen", current.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The files changed since `revision`: committed, staged, unstaged and new
/// (untracked, not ignored), as absolute paths.
fn changed_files(revision: &str) -> anyhow::Result<BTreeSet<PathBuf>> {
    let root = git(&["rev-parse", "--show-toplevel"])?;
    let root = PathBuf::from(root.trim());
    let mut files = BTreeSet::new();
    for args in [
        vec!["diff", "--name-only", "--no-renames", revision, "--"],
        vec!["ls-files", "--others", "--exclude-standard", "--full-name"],
    ] {
        let output = git(&args).with_context(|| {
            format!("git kan niet zeggen wat er veranderd is sinds {revision}. Bestaat die versie (git log)?")
        })?;
        for line in output.lines().filter(|l| !l.is_empty()) {
            files.insert(absolute(&root.join(line)));
        }
    }
    Ok(files)
}

fn git(args: &[&str]) -> anyhow::Result<String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .context("git kan niet worden gestart; --changed-since heeft git nodig")?;
    if !output.status.success() {
        bail!(
            "git {} gaf een fout: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The documentation of a rule for `--explain`; for `""`, the list of all rules.
pub fn explain(id: &str) -> anyhow::Result<String> {
    let rules = crate::lint::catalogue();
    if id.is_empty() {
        let mut out = String::from(
            "De regels van helder (meer over een regel: helder lint --explain REGEL):\n\n",
        );
        for rule in &rules {
            out.push_str(&format!(
                "{:<28} {:<12} {}\n",
                rule.id,
                rule.category.as_str(),
                rule.docs.what
            ));
        }
        return Ok(out);
    }
    let Some(rule) = rules.iter().find(|r| r.id == id) else {
        let closest = rules
            .iter()
            .map(|r| (strsim::levenshtein(r.id, id), r.id))
            .min()
            .filter(|(distance, _)| *distance <= 3);
        match closest {
            Some((_, near)) => bail!("de regel {id} bestaat niet. Bedoelt u {near}?"),
            None => bail!("de regel {id} bestaat niet. helder lint --explain toont alle regels"),
        }
    };
    let docs = rule.docs;
    let indent = |text: &str| {
        text.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Rules that compare a letter with its event show what the event carries.
    let facts = match rule.facts {
        None => String::new(),
        Some(facts) if facts.bad == facts.good => format!(
            "\n\nWat de gebeurtenis en helder.toml meegeven (bij beide voorbeelden):\n{}",
            indent(facts.bad)
        ),
        Some(facts) => format!(
            "\n\nWat de gebeurtenis en helder.toml meegeven, zo niet:\n{}\n\nzo wel:\n{}",
            indent(facts.bad),
            indent(facts.good)
        ),
    };
    Ok(format!(
        "{id} ({category})\n\n{what}\n\nWaarom: {why}\n\nZo niet:\n{bad}\n\nZo wel:\n{good}{facts}\n\nAnders instellen in helder.toml:\n    [lint.rules]\n    {id} = \"warning\"   # off, info, warning of error\n\nEen keer uitzetten, met een reden, op de regel erboven:\n    {{# helder-disable-next-line {id}: de reden #}}       (sjabloon)\n    <!-- helder-disable-next-line {id}: de reden -->      (Markdown)\n",
        id = rule.id,
        category = rule.category.as_str(),
        what = docs.what,
        why = docs.why,
        bad = indent(docs.bad),
        good = indent(docs.good),
    ))
}
