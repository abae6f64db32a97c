//! SARIF 2.1.0, the format GitHub code scanning reads
//! (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>).
//!
//! One run, with every rule helder has in the tool's rule list (help text with
//! the bad and good example), and one result a finding; a finding with an
//! unambiguous replacement carries it as a SARIF `fix`. Columns count Unicode
//! characters (`columnKind`), as everywhere else in helder. Each result
//! carries helder's [fingerprint](super::fingerprint) in `partialFingerprints`
//! (key `helder/v1`), so GitHub code scanning follows a finding across
//! commits when lines above it move.

use super::fingerprint::{SCHEME, fingerprints};
use super::{FileReport, full_message};
use crate::lint::{RuleInfo, Severity, catalogue, meta};
use serde_json::{Value, json};

/// The schema the output follows.
pub(crate) const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The findings as one SARIF 2.1.0 log.
pub fn sarif(files: &[FileReport]) -> String {
    let rules = catalogue();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|file| {
            let rules = &rules;
            file.findings
                .iter()
                .zip(file.positions())
                .zip(fingerprints(file))
                .map(move |((item, at), fingerprint)| {
                    let finding = &item.finding;
                    let mut message = full_message(item);
                    if let Some(suggestion) = &finding.suggestion {
                        message.push(' ');
                        message.push_str(suggestion);
                    }
                    let mut result = json!({
                        "ruleId": finding.rule,
                        "level": level(finding.severity),
                        "message": { "text": message },
                        "locations": [{
                            "physicalLocation": {
                                "artifactLocation": { "uri": file.clean_path() },
                                "region": {
                                    "startLine": at.line,
                                    "startColumn": at.column,
                                    "endLine": at.end_line,
                                    "endColumn": at.end_column.max(if at.end_line == at.line { at.column + 1 } else { 1 }),
                                }
                            }
                        }],
                        "partialFingerprints": { SCHEME: fingerprint },
                    });
                    if let Some(index) = rules.iter().position(|r| r.id == finding.rule) {
                        result["ruleIndex"] = json!(index);
                    }
                    if let Some(example) = &item.example {
                        result["properties"] = json!({ "example": example });
                    }
                    // The replacement `helder lint --fix` would make, so editors and CI can offer it.
                    if let Some(fix) = &finding.fix {
                        result["fixes"] = json!([{
                            "description": { "text": format!("Vervang door \"{}\"", fix.replacement) },
                            "artifactChanges": [{
                                "artifactLocation": { "uri": file.clean_path() },
                                "replacements": [{
                                    "deletedRegion": {
                                        "startLine": at.line,
                                        "startColumn": at.column,
                                        "endLine": at.end_line,
                                        "endColumn": at.end_column,
                                    },
                                    "insertedContent": { "text": fix.replacement },
                                }],
                            }],
                        }]);
                    }
                    result
                })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "helder",
                    "version": env!("CARGO_PKG_VERSION"),
                    "language": "nl-NL",
                    "rules": rules.iter().map(rule).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(info: &RuleInfo) -> Value {
    let docs = info.docs;
    let text = format!(
        "{}\n\n{}\n\nZo niet: {}\n\nZo wel: {}",
        docs.what, docs.why, docs.bad, docs.good
    );
    let markdown = format!(
        "{}\n\n{}\n\n**Zo niet:**\n\n> {}\n\n**Zo wel:**\n\n> {}",
        docs.what,
        docs.why,
        docs.bad.replace('\n', "\n> "),
        docs.good.replace('\n', "\n> ")
    );
    let mut value = json!({
        "id": info.id,
        "name": info.id,
        "shortDescription": { "text": docs.what },
        "fullDescription": { "text": docs.why },
        "help": { "text": text, "markdown": markdown },
        "properties": { "tags": ["helder", info.category.as_str()] },
    });
    if let Some(meta) = meta::by_id(info.id) {
        value["defaultConfiguration"] = json!({ "level": level(meta.severity) });
    }
    value
}
