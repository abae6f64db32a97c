//! `helder lint`: readability and wording of Dutch text files, templates or stdin.

use super::Outcome;
use crate::lint::{Severity, SourceKind, lint};
use crate::readability::ReadabilityConfig;
use crate::report::FileReport;
use anyhow::Context;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Lints every input: files, folders (their `.md` and `.txt` files, sorted) or `-` for stdin.
pub fn run(
    inputs: &[PathBuf],
    config: &ReadabilityConfig,
) -> anyhow::Result<(Vec<FileReport>, Outcome)> {
    let mut reports = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut source = String::new();
            std::io::stdin()
                .read_to_string(&mut source)
                .context("de invoer (stdin) kan niet worden gelezen als UTF-8-tekst")?;
            reports.push(report("-", source, SourceKind::Markdown, config));
        } else if input.is_dir() {
            for file in text_files(input)? {
                reports.push(read_and_lint(&file, config)?);
            }
        } else {
            reports.push(read_and_lint(input, config)?);
        }
    }
    let failed = reports
        .iter()
        .flat_map(|r| &r.result.findings)
        .any(|f| f.severity == Severity::Error);
    Ok((
        reports,
        if failed {
            Outcome::EventErrors
        } else {
            Outcome::Success
        },
    ))
}

fn read_and_lint(path: &Path, config: &ReadabilityConfig) -> anyhow::Result<FileReport> {
    let source = std::fs::read_to_string(path).with_context(|| {
        format!(
            "{} kan niet worden gelezen. Controleer het pad, en of het UTF-8-tekst is.",
            path.display()
        )
    })?;
    let kind = kind_of(path, &source);
    Ok(report(&path.display().to_string(), source, kind, config))
}

fn report(path: &str, source: String, kind: SourceKind, config: &ReadabilityConfig) -> FileReport {
    let result = lint(&source, kind, config);
    let kind = if kind == SourceKind::Template {
        "template"
    } else {
        "text"
    };
    FileReport {
        path: path.to_string(),
        kind,
        source,
        result,
    }
}

/// `.txt` is plain text; Markdown that starts with `+++` is a template; the rest is Markdown.
fn kind_of(path: &Path, source: &str) -> SourceKind {
    if path.extension().is_some_and(|e| e == "txt") {
        SourceKind::PlainText
    } else if source.starts_with("+++") {
        SourceKind::Template
    } else {
        SourceKind::Markdown
    }
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
