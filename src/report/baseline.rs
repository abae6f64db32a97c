//! The baseline: the findings a team has accepted, so that CI fails only on
//! what is new (`helder lint PATH --write-baseline FILE`, then `--baseline FILE`).
//!
//! A baseline is a JSON file, meant to be committed beside the templates:
//!
//! ```json
//! {"version": 1, "fingerprint": "helder/v1",
//!  "files": {"letter-templates/recovery.md": {"level": "B2",
//!            "findings": [{"rule": "long-sentence", "fingerprint": "3f0c…"}]}}}
//! ```
//!
//! It holds paths, rule ids, levels and [fingerprints](super::fingerprint),
//! never a word of the text. A finding whose fingerprint is in the baseline
//! for its file is known and not reported; a text whose level is worse than
//! the baseline's gets a [`LEVEL_ABOVE_BASELINE`] finding. Fingerprints in the
//! baseline that no longer occur are fixed findings: writing the baseline
//! again makes them stay fixed (the ratchet).

use super::fingerprint::{SCHEME, fingerprints};
use super::{FileFinding, FileReport};
use crate::lint::config::LintConfig;
use crate::lint::meta::LEVEL_ABOVE_BASELINE;
use crate::lint::{Category, Finding, Severity, Span};
use crate::readability::Level;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The version of the file format.
const VERSION: u32 = 1;

/// Accepted findings and levels, by file path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    version: u32,
    fingerprint: String,
    files: BTreeMap<String, BaselineFile>,
}

/// What a baseline knows about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    findings: Vec<BaselineFinding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFinding {
    rule: String,
    fingerprint: String,
}

/// A baseline that cannot be used; `helder lint` stops (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file does not exist.
    #[error(
        "de baseline {} bestaat niet. Maak hem met: helder lint PAD --write-baseline {}",
        path.display(),
        path.display()
    )]
    Missing {
        /// The baseline file.
        path: PathBuf,
    },
    /// The file cannot be read.
    #[error("de baseline {} kan niet worden gelezen ({reason})", path.display())]
    Unreadable {
        /// The baseline file.
        path: PathBuf,
        /// Why not.
        reason: &'static str,
    },
    /// The file is not a baseline of this form.
    #[error(
        "de baseline {} is geen baseline van helder: {reason}. Maak hem opnieuw met --write-baseline",
        path.display()
    )]
    Invalid {
        /// The baseline file.
        path: PathBuf,
        /// What is wrong, from the JSON reader.
        reason: String,
    },
    /// The file was written by a version of helder that made fingerprints differently.
    #[error(
        "de baseline {} is verouderd: hij is gemaakt met {found}, deze helder maakt {expected}. Maak hem opnieuw met --write-baseline en controleer de nieuwe bevindingen",
        path.display()
    )]
    Stale {
        /// The baseline file.
        path: PathBuf,
        /// The version and scheme in the file.
        found: String,
        /// The version and scheme of this helder.
        expected: String,
    },
    /// The file names a rule this helder does not have.
    #[error(
        "de baseline {} is verouderd: hij noemt de regel {rule}, die deze helder niet kent. Maak hem opnieuw met --write-baseline",
        path.display()
    )]
    UnknownRule {
        /// The baseline file.
        path: PathBuf,
        /// The unknown rule id.
        rule: String,
    },
}

/// What comparing a run with the baseline found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaselineOutcome {
    /// Findings that were in the baseline (not reported), by file path.
    pub known: BTreeMap<String, usize>,
    /// Findings of the baseline that are gone, in the files of this run.
    pub fixed: usize,
    /// Files whose level is worse than in the baseline.
    pub worse: usize,
}

impl BaselineOutcome {
    /// All known findings.
    pub fn known_total(&self) -> usize {
        self.known.values().sum()
    }
}

impl Baseline {
    /// The baseline of a run: every finding of every file, and each file's level.
    pub fn of(files: &[FileReport]) -> Baseline {
        let files = files
            .iter()
            .map(|file| {
                let findings = file
                    .findings
                    .iter()
                    .zip(fingerprints(file))
                    .map(|(item, fingerprint)| BaselineFinding {
                        rule: item.finding.rule.to_string(),
                        fingerprint,
                    })
                    .collect();
                (
                    file.clean_path().to_string(),
                    BaselineFile {
                        level: file.metrics.as_ref().map(|m| m.level),
                        findings,
                    },
                )
            })
            .collect();
        Baseline {
            version: VERSION,
            fingerprint: SCHEME.to_string(),
            files,
        }
    }

    /// The baseline as it is written: pretty JSON, files sorted by path,
    /// findings in source order, so a change to it reads well in a review.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a baseline serialises") + "\n"
    }

    /// Reads and checks a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => BaselineError::Missing {
                path: path.to_path_buf(),
            },
            _ => BaselineError::Unreadable {
                path: path.to_path_buf(),
                reason: crate::fs::io_reason(&e),
            },
        })?;
        Baseline::parse(&text, path)
    }

    /// Parses and checks the text of a baseline file (`path` for messages).
    pub fn parse(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        // The version first, so an old or newer file is called stale rather than broken.
        #[derive(Deserialize)]
        struct Header {
            version: Option<u32>,
            fingerprint: Option<String>,
        }
        let header: Header = serde_json::from_str(text).map_err(|e| BaselineError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let (Some(version), Some(fingerprint)) = (header.version, header.fingerprint) else {
            return Err(BaselineError::Invalid {
                path: path.to_path_buf(),
                reason: "version of fingerprint ontbreekt".to_string(),
            });
        };
        if version != VERSION || fingerprint != SCHEME {
            return Err(BaselineError::Stale {
                path: path.to_path_buf(),
                found: format!("versie {version}, {fingerprint}"),
                expected: format!("versie {VERSION}, {SCHEME}"),
            });
        }
        let baseline: Baseline =
            serde_json::from_str(text).map_err(|e| BaselineError::Invalid {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?;
        let rules: BTreeSet<&str> = crate::lint::catalogue().iter().map(|r| r.id).collect();
        if let Some(rule) = baseline
            .files
            .values()
            .flat_map(|f| &f.findings)
            .find(|f| !rules.contains(f.rule.as_str()))
        {
            return Err(BaselineError::UnknownRule {
                path: path.to_path_buf(),
                rule: rule.rule.clone(),
            });
        }
        Ok(baseline)
    }

    /// Keeps in `files` only the findings that are not in the baseline, and
    /// adds a [`LEVEL_ABOVE_BASELINE`] finding to a file whose level got worse
    /// (at the level `config` gives that rule for the file).
    pub fn filter(&self, files: &mut [FileReport], config: &LintConfig) -> BaselineOutcome {
        let mut outcome = BaselineOutcome::default();
        for file in files.iter_mut() {
            let path = file.clean_path().to_string();
            let Some(known) = self.files.get(&path) else {
                continue;
            };
            let accepted: BTreeSet<&str> = known
                .findings
                .iter()
                .map(|f| f.fingerprint.as_str())
                .collect();
            let prints = fingerprints(file);
            let seen: BTreeSet<&str> = prints.iter().map(String::as_str).collect();
            outcome.fixed += accepted.difference(&seen).count();
            let before = file.findings.len();
            let mut keep = prints.iter().map(|p| !accepted.contains(p.as_str()));
            file.findings.retain(|_| keep.next().unwrap_or(true));
            outcome.known.insert(path, before - file.findings.len());
            if let (Some(now), Some(then)) = (file.metrics.as_ref().map(|m| m.level), known.level)
                && now > then
            {
                outcome.worse += 1;
                let mut level = vec![level_finding(now, then)];
                config.for_path(Path::new(&file.path)).apply(&mut level);
                for finding in level {
                    file.findings.insert(
                        0,
                        FileFinding {
                            finding,
                            example: None,
                        },
                    );
                }
            }
        }
        outcome
    }
}

fn level_finding(now: Level, then: Level) -> Finding {
    Finding {
        rule: LEVEL_ABOVE_BASELINE,
        category: Category::Readability,
        severity: Severity::Error,
        span: Span { start: 0, end: 0 },
        message: format!(
            "De tekst is moeilijker geworden: hij is nu op niveau {now}, in de baseline was dat {then}."
        ),
        suggestion: Some(
            "Kijk wat er veranderd is: lange zinnen, moeilijke woorden of lijdende zinnen. Maak de tekst weer zo eenvoudig als hij was."
                .to_string(),
        ),
        fix: None,
    }
}
