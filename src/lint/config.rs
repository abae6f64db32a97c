//! `[lint]` in helder.toml: rule levels, thresholds and per-path overrides.
//!
//! ```toml
//! [lint]
//! fail-on = "error"            # the level that makes `helder lint` exit 1
//!
//! [lint.rules]
//! passive-voice = "warning"    # off, info, warning or error
//!
//! [lint.thresholds]            # the readability limits (see ReadabilityConfig)
//! long-sentence-error = 20
//!
//! [lint.spelling]              # the municipality's own words for the spelling check
//! extra-words = ["Waalmondepas", "wijkteam"]
//! extra-words-file = "woorden.txt"   # one word a line, `#` comments; relative to helder.toml
//!
//! [[lint.overrides]]
//! paths = ["letter-templates/administrative_fine.md"]
//! reason = "De wet noemt de boete; dat woord moet erin."
//! rules = { punishment-vocabulary = "info" }
//! thresholds = { long-sentence-warning = 18 }
//! ```
//!
//! Unknown keys and unknown rule ids are errors, so a typo never silently
//! turns a rule off. An override's paths are globs, relative to the folder of
//! helder.toml; later overrides win.

use super::{Finding, Severity, catalogue};
use crate::lexicon::ExtraWords;
use crate::problem::Problem;
use crate::readability::ReadabilityConfig;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How a rule is set: off, or the severity all its findings get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Findings are opmerkingen.
    Info,
    /// Findings are waarschuwingen.
    Warning,
    /// Findings are fouten.
    Error,
}

/// `[lint]` as written in helder.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintSettings {
    /// The level at which `helder lint` fails (exit 1); `--fail-on` wins.
    #[serde(default)]
    pub fail_on: Option<Severity>,
    /// Levels per rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Readability limits.
    #[serde(default)]
    pub thresholds: ReadabilityConfig,
    /// The municipality's own words for the spelling check.
    #[serde(default)]
    pub spelling: SpellingSettings,
    /// Settings for some files only.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// `[lint.spelling]`: words the spelling check accepts besides OpenTaal's word list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SpellingSettings {
    /// Words, in any case (the check ignores case).
    #[serde(default)]
    pub extra_words: Vec<String>,
    /// A file with one word a line and `#` comments, relative to the folder of helder.toml.
    #[serde(default)]
    pub extra_words_file: Option<PathBuf>,
}

impl SpellingSettings {
    /// The words of the list and of the file. The error names the key and the file.
    fn words(&self, base: &Path) -> Result<ExtraWords, Problem> {
        let mut words = self.extra_words.clone();
        if let Some(file) = &self.extra_words_file {
            let path = base.join(file);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Problem::new(
                    "lint.spelling.extra-words-file",
                    format!("{} kan niet worden gelezen ({e})", path.display()),
                    "Het pad is vanaf de map van helder.toml.",
                )
            })?;
            words.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string),
            );
        }
        if let Some(bad) = words.iter().find(|w| w.split_whitespace().count() > 1) {
            return Err(Problem::new(
                "lint.spelling",
                format!("\"{bad}\" is meer dan een woord"),
                "Zet elk woord apart in de lijst.",
            ));
        }
        Ok(ExtraWords::new(words))
    }
}

/// `[[lint.overrides]]`: settings for the files that match `paths`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs, relative to the folder of helder.toml.
    pub paths: Vec<String>,
    /// Why these files are different (for the next reader).
    #[serde(default)]
    pub reason: Option<String>,
    /// Levels per rule id, over the ones in `[lint.rules]`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Thresholds, over the ones in `[lint.thresholds]`: only the keys given.
    #[serde(default)]
    pub thresholds: Option<toml::Table>,
}

/// Checked `[lint]` settings, ready to apply to a path.
#[derive(Debug, Clone)]
pub struct LintConfig {
    /// The level at which `helder lint` fails, unless `--fail-on` says otherwise.
    pub fail_on: Severity,
    base: PathBuf,
    rules: BTreeMap<String, RuleLevel>,
    thresholds: ReadabilityConfig,
    overrides: Vec<CompiledOverride>,
}

#[derive(Debug, Clone)]
struct CompiledOverride {
    globs: GlobSet,
    rules: BTreeMap<String, RuleLevel>,
    thresholds: ReadabilityConfig,
    has_thresholds: bool,
}

impl Default for LintConfig {
    fn default() -> Self {
        LintConfig {
            fail_on: Severity::Error,
            base: PathBuf::new(),
            rules: BTreeMap::new(),
            thresholds: ReadabilityConfig::default(),
            overrides: Vec::new(),
        }
    }
}

/// The settings that hold for one file.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// Readability limits for this file.
    pub thresholds: ReadabilityConfig,
    levels: BTreeMap<String, RuleLevel>,
}

impl FileSettings {
    /// Drops findings of rules set to off and gives the others their configured severity.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        findings.retain_mut(|finding| match self.levels.get(finding.rule) {
            None => true,
            Some(RuleLevel::Off) => false,
            Some(level) => {
                finding.severity = match level {
                    RuleLevel::Info => Severity::Info,
                    RuleLevel::Warning => Severity::Warning,
                    _ => Severity::Error,
                };
                true
            }
        });
    }

    /// Whether a rule is off for this file.
    pub fn is_off(&self, rule: &str) -> bool {
        self.levels.get(rule) == Some(&RuleLevel::Off)
    }
}

impl LintConfig {
    /// Checks the settings: rule ids exist, globs parse, threshold keys exist.
    /// `base` is the folder of helder.toml. The error is Dutch and names the key.
    pub fn from_settings(mut settings: LintSettings, base: &Path) -> Result<LintConfig, Problem> {
        check_rule_ids(&settings.rules, "lint.rules")?;
        settings.thresholds.extra_words = settings.spelling.words(base)?;
        crate::readability::ranges::check(&settings.thresholds, "lint.thresholds")?;
        let mut overrides = Vec::new();
        for (i, entry) in settings.overrides.into_iter().enumerate() {
            let key = format!("lint.overrides[{}]", i + 1);
            check_rule_ids(&entry.rules, &format!("{key}.rules"))?;
            if entry.paths.is_empty() {
                return Err(Problem::new(
                    key,
                    "paths is leeg",
                    "Noem de bestanden, bijvoorbeeld paths = [\"letter-templates/warning.md\"]",
                ));
            }
            let mut builder = GlobSetBuilder::new();
            for pattern in &entry.paths {
                let glob = Glob::new(pattern.trim_start_matches("./")).map_err(|e| {
                    Problem::new(
                        format!("{key}.paths"),
                        format!("\"{pattern}\" is geen geldig patroon ({e})"),
                        GLOB_FIX,
                    )
                })?;
                builder.add(glob);
            }
            let globs = builder
                .build()
                .map_err(|e| Problem::new(format!("{key}.paths"), e.to_string(), GLOB_FIX))?;
            let has_thresholds = entry.thresholds.is_some();
            let thresholds = match entry.thresholds {
                Some(table) => merged(&settings.thresholds, table).map_err(|e| {
                    Problem::new(
                        format!("{key}.thresholds"),
                        e,
                        "Gebruik dezelfde namen en soorten waarden als in [lint.thresholds].",
                    )
                })?,
                None => settings.thresholds.clone(),
            };
            crate::readability::ranges::check(&thresholds, &format!("{key}.thresholds"))?;
            overrides.push(CompiledOverride {
                globs,
                rules: entry.rules,
                thresholds,
                has_thresholds,
            });
        }
        Ok(LintConfig {
            fail_on: settings.fail_on.unwrap_or(Severity::Error),
            base: base.to_path_buf(),
            rules: settings.rules,
            thresholds: settings.thresholds,
            overrides,
        })
    }

    /// The thresholds that hold where no override applies.
    pub fn thresholds(&self) -> &ReadabilityConfig {
        &self.thresholds
    }

    /// The settings for one file (as given on the command line).
    pub fn for_path(&self, path: &Path) -> FileSettings {
        let mut levels = self.rules.clone();
        let mut thresholds = self.thresholds.clone();
        let relative = self.relative(path);
        for entry in &self.overrides {
            if entry.globs.is_match(&relative) {
                levels.extend(entry.rules.iter().map(|(k, v)| (k.clone(), *v)));
                if entry.has_thresholds {
                    thresholds = entry.thresholds.clone();
                }
            }
        }
        FileSettings { thresholds, levels }
    }

    /// `path` relative to the folder of helder.toml, when it lies inside it.
    fn relative(&self, path: &Path) -> PathBuf {
        let clean: PathBuf = path
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        if let (Ok(full), Ok(base)) = (std::path::absolute(&clean), std::path::absolute(&self.base))
            && let Ok(inside) = full.strip_prefix(&base)
        {
            return inside.to_path_buf();
        }
        clean
    }
}

/// How to write a path pattern in an override.
const GLOB_FIX: &str =
    "Schrijf een patroon vanaf de map van helder.toml, bijvoorbeeld \"letter-templates/*.md\".";

fn check_rule_ids(rules: &BTreeMap<String, RuleLevel>, key: &str) -> Result<(), Problem> {
    let known: Vec<&'static str> = catalogue().iter().map(|r| r.id).collect();
    for id in rules.keys() {
        if !known.contains(&id.as_str()) {
            let closest = known
                .iter()
                .map(|k| (strsim::levenshtein(k, id), *k))
                .min()
                .filter(|(distance, _)| *distance <= 3);
            let fix = match closest {
                Some((_, k)) => format!("Bedoelt u {k}?"),
                None => "Zie `helder lint --explain` voor de lijst".to_string(),
            };
            return Err(Problem::new(
                key,
                format!("de regel {id} bestaat niet"),
                fix,
            ));
        }
    }
    Ok(())
}

/// `base` with the keys of `table` over it.
fn merged(base: &ReadabilityConfig, table: toml::Table) -> Result<ReadabilityConfig, String> {
    let mut full = toml::Table::try_from(base).map_err(|e| e.to_string())?;
    merge_into(&mut full, table);
    let mut merged: ReadabilityConfig = full
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    // Not a threshold, so not in the table: the words hold for every file.
    merged.extra_words = base.extra_words.clone();
    Ok(merged)
}

fn merge_into(target: &mut toml::Table, overlay: toml::Table) {
    for (key, value) in overlay {
        match (target.get_mut(&key), value) {
            (Some(toml::Value::Table(inner)), toml::Value::Table(over)) => merge_into(inner, over),
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Category, Span};

    fn config(text: &str) -> Result<LintConfig, String> {
        let settings: LintSettings = toml::from_str(text).map_err(|e| e.message().to_string())?;
        LintConfig::from_settings(settings, Path::new("/repo")).map_err(|e| e.to_string())
    }

    fn finding(rule: &'static str) -> Finding {
        Finding {
            rule,
            category: Category::Readability,
            severity: Severity::Warning,
            span: Span { start: 0, end: 1 },
            message: String::new(),
            fix: None,
            suggestion: None,
        }
    }

    #[test]
    fn rule_levels_change_severity_or_drop_the_finding() {
        let config = config("[rules]\npassive-voice = \"error\"\nlong-word = \"off\"\n").unwrap();
        let mut findings = vec![
            finding("passive-voice"),
            finding("long-word"),
            finding("long-sentence"),
        ];
        config
            .for_path(Path::new("/repo/letter-templates/a.md"))
            .apply(&mut findings);
        let kept: Vec<_> = findings.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            kept,
            vec![
                ("passive-voice", Severity::Error),
                ("long-sentence", Severity::Warning)
            ]
        );
    }

    #[test]
    fn an_override_applies_only_to_its_paths_and_keeps_other_thresholds() {
        let config = config(
            "[thresholds]\nlong-sentence-warning = 14\n[[overrides]]\npaths = [\"letter-templates/warning.md\"]\nrules = { long-word = \"off\" }\nthresholds = { long-sentence-error = 24 }\n",
        )
        .unwrap();
        let there = config.for_path(Path::new("/repo/letter-templates/warning.md"));
        assert!(there.is_off("long-word"));
        assert_eq!(there.thresholds.long_sentence_error, 24);
        assert_eq!(there.thresholds.long_sentence_warning, 14);
        let elsewhere = config.for_path(Path::new("/repo/letter-templates/recovery.md"));
        assert!(!elsewhere.is_off("long-word"));
        assert_eq!(elsewhere.thresholds.long_sentence_error, 20);
    }

    #[test]
    fn unknown_rules_and_threshold_keys_are_errors() {
        let error = config("[rules]\npasive-voice = \"off\"\n").unwrap_err();
        assert!(error.contains("Bedoelt u passive-voice?"), "{error}");
        let error =
            config("[[overrides]]\npaths = [\"*.md\"]\nthresholds = { long-sentense = 3 }\n")
                .unwrap_err();
        assert!(error.contains("lint.overrides[1].thresholds"), "{error}");
        assert!(config("[rules]\npassive-voice = \"loud\"\n").is_err());
        assert!(config("[unknown]\n").is_err());
        assert!(config("[spelling]\nextra-word = [\"x\"]\n").is_err());
    }

    #[test]
    fn extra_words_come_from_the_list_and_the_file_and_hold_in_overrides() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("woorden.txt"),
            "# eigen woorden\nwerkpleinloket\n\n",
        )
        .unwrap();
        let settings: LintSettings = toml::from_str(
            "[spelling]\nextra-words = [\"Waalmondepas\"]\nextra-words-file = \"woorden.txt\"\n[[overrides]]\npaths = [\"a.md\"]\nthresholds = { long-sentence-error = 24 }\n",
        )
        .unwrap();
        let config = LintConfig::from_settings(settings, dir.path()).unwrap();
        for path in ["a.md", "b.md"] {
            let words = config
                .for_path(&dir.path().join(path))
                .thresholds
                .extra_words;
            assert!(
                words.contains("waalmondepas") && words.contains("werkpleinloket"),
                "{path}"
            );
            assert_eq!(words.len(), 2);
        }
        let missing: LintSettings =
            toml::from_str("[spelling]\nextra-words-file = \"weg.txt\"\n").unwrap();
        let error = LintConfig::from_settings(missing, dir.path())
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("lint.spelling.extra-words-file:"),
            "{error}"
        );
        let two: LintSettings =
            toml::from_str("[spelling]\nextra-words = [\"twee woorden\"]\n").unwrap();
        assert!(LintConfig::from_settings(two, dir.path()).is_err());
    }
}
