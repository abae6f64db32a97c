//! Municipality settings from `helder.toml`.
//!
//! Unknown keys are refused, so a typo is an error and not silently ignored.
//! Paths in the file are relative to the file's own folder.

use crate::lint::config::{LintConfig, LintSettings};
use crate::policy::{Policy, PolicyError};
use crate::readability::ReadabilityConfig;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The settings file, as written by the municipality.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    municipality: Municipality,
    signature: Signature,
    #[serde(default)]
    letter: LetterSettings,
    #[serde(default)]
    policy: Option<PathBuf>,
    #[serde(default)]
    templates: Option<PathBuf>,
    #[serde(default)]
    lint: LintSettings,
    #[serde(default)]
    call_first: CallFirstSettings,
}

/// How call-first tasks work (`[call-first]` in helder.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct CallFirstSettings {
    /// Working days the contact person has to call.
    pub deadline_working_days: u32,
    /// Attempts without reaching the person before the letter goes out anyway
    /// (with an offer of a home visit or the neighbourhood team).
    pub no_contact_attempts: u32,
}

impl Default for CallFirstSettings {
    fn default() -> Self {
        CallFirstSettings {
            deadline_working_days: 2,
            no_contact_attempts: 2,
        }
    }
}

/// Who sends the letters.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Municipality {
    /// The official name, e.g. "Gemeente Waalmonde".
    pub name: String,
    /// The text of the letterhead (no image needed).
    pub logo_text: String,
    /// The department, e.g. "Werk en Inkomen".
    #[serde(default)]
    pub department: Option<String>,
    /// The postal (return) address.
    pub postal_address: PostalAddress,
    /// The general phone number.
    pub phone: String,
    /// The website, without https://.
    pub website: String,
    /// A general e-mail address.
    #[serde(default)]
    pub email: Option<String>,
}

/// The municipality's postal address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PostalAddress {
    /// "Postbus 1234" or a street and number.
    pub line: String,
    /// Postcode, e.g. "6500 AB".
    pub postcode: String,
    /// Town or city.
    pub city: String,
}

impl PostalAddress {
    /// The address on one line, as the return address above the window ("Postbus 4120, 6500 AB  WAALMONDE").
    pub fn one_line(&self) -> String {
        format!(
            "{}, {}  {}",
            self.line,
            self.postcode,
            self.city.to_uppercase()
        )
    }

    /// The address for running text ("Postbus 4120, 6500 AB Waalmonde"); the postcode never breaks.
    pub fn in_text(&self) -> String {
        format!(
            "{}, {} {}",
            self.line,
            self.postcode.replace(' ', "\u{a0}"),
            self.city
        )
    }
}

/// Who signs the letters.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Signature {
    /// Name of the person who signs.
    pub name: String,
    /// Their role, e.g. "teamleider Werk en Inkomen".
    pub role: String,
}

/// Settings for every letter.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct LetterSettings {
    /// The word a letter starts with: "Beste" by default.
    pub greeting: String,
    /// Top of the envelope window in the PDF, mm from the top of the page:
    /// 50 (PostNL's position, the default) or 60 for print providers that want it.
    pub window_top_mm: f32,
}

impl Default for LetterSettings {
    fn default() -> Self {
        LetterSettings {
            greeting: "Beste".to_string(),
            window_top_mm: 50.0,
        }
    }
}

/// Loaded, checked settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Who sends the letters.
    pub municipality: Municipality,
    /// Who signs them.
    pub signature: Signature,
    /// Settings for every letter.
    pub letter: LetterSettings,
    /// The folder with the letter templates.
    pub templates_dir: PathBuf,
    /// The call-first policy.
    pub policy: Policy,
    /// Limits of the readability rules and levels (`[lint.thresholds]`).
    pub readability: ReadabilityConfig,
    /// Rule levels, thresholds and per-path overrides (`[lint]`).
    pub lint: LintConfig,
    /// How call-first tasks work.
    pub call_first: CallFirstSettings,
}

/// Why the settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error(
        "instellingen {file}: het bestand kan niet worden gelezen ({cause}). Geef het juiste pad met --config, of maak een helder.toml zoals in README.md."
    )]
    Read {
        /// The file.
        file: String,
        /// The cause.
        cause: std::io::Error,
    },
    /// The file is not valid.
    #[error(
        "instellingen {file}: {problem}. Controleer de schrijfwijze; helder.toml in de repository is een voorbeeld."
    )]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong.
        problem: String,
    },
    /// The policy file is not valid.
    #[error(transparent)]
    Policy(#[from] PolicyError),
}

impl Config {
    /// Reads `helder.toml` (and the policy file it names).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
            file: file.clone(),
            cause,
        })?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Self::from_toml(&text, &file, &base)
    }

    /// Parses settings text; `base` is the folder relative paths start from.
    pub fn from_toml(text: &str, file: &str, base: &Path) -> Result<Config, ConfigError> {
        let data: ConfigFile = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            file: file.to_string(),
            problem: toml_problem(&e, text),
        })?;
        for (key, value) in [
            ("municipality.name", &data.municipality.name),
            ("municipality.logo-text", &data.municipality.logo_text),
            ("municipality.phone", &data.municipality.phone),
            ("municipality.website", &data.municipality.website),
            ("signature.name", &data.signature.name),
            ("signature.role", &data.signature.role),
            ("letter.greeting", &data.letter.greeting),
        ] {
            if value.trim().is_empty() {
                return Err(ConfigError::Invalid {
                    file: file.to_string(),
                    problem: format!("{key} is leeg"),
                });
            }
        }
        let policy = match &data.policy {
            Some(policy_path) => {
                let full = base.join(policy_path);
                let policy_file = full.display().to_string();
                let policy_text =
                    std::fs::read_to_string(&full).map_err(|cause| ConfigError::Read {
                        file: policy_file.clone(),
                        cause,
                    })?;
                Policy::from_toml(&policy_text, &policy_file)?
            }
            None => Policy::baseline(),
        };
        let templates_dir = base.join(
            data.templates
                .unwrap_or_else(|| PathBuf::from("letter-templates")),
        );
        if ![50.0, 60.0].contains(&data.letter.window_top_mm) {
            return Err(ConfigError::Invalid {
                file: file.to_string(),
                problem: format!(
                    "letter.window-top-mm is {}; dat moet 50 (PostNL) of 60 zijn",
                    data.letter.window_top_mm
                ),
            });
        }
        let lint =
            LintConfig::from_settings(data.lint, base).map_err(|problem| ConfigError::Invalid {
                file: file.to_string(),
                problem,
            })?;
        Ok(Config {
            readability: lint.thresholds().clone(),
            lint,
            municipality: data.municipality,
            signature: data.signature,
            letter: data.letter,
            templates_dir,
            policy,
            call_first: data.call_first,
        })
    }
}

fn toml_problem(e: &toml::de::Error, text: &str) -> String {
    match e.span() {
        Some(span) => {
            let line = crate::lint::LineIndex::new(text).line(span.start);
            format!("regel {line}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}
