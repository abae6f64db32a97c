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
    #[serde(default)]
    court: Option<Court>,
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

impl CallFirstSettings {
    /// The most working days a contact person may get for a call (twelve weeks).
    pub const MAX_DEADLINE_WORKING_DAYS: u32 = 60;

    /// Checks the ranges; the error names the key and the range, in Dutch.
    pub fn check(&self) -> Result<(), String> {
        let days = self.deadline_working_days;
        if !(1..=Self::MAX_DEADLINE_WORKING_DAYS).contains(&days) {
            return Err(format!(
                "call-first.deadline-working-days is {days}; dat moet een heel getal van 1 tot en met {} werkdagen zijn",
                Self::MAX_DEADLINE_WORKING_DAYS
            ));
        }
        Ok(())
    }
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
    /// Who decides: "burgemeester en wethouders van Waalmonde" (letters write "namens het college van …").
    #[serde(default)]
    pub college: Option<String>,
    /// The account people pay to, checked with mod 97 and kept in its printed form.
    #[serde(default)]
    pub iban: Option<String>,
    /// The name of the account holder; the municipality's name when not set.
    #[serde(default)]
    pub iban_name: Option<String>,
    /// The web page where people object online, without https://.
    #[serde(default)]
    pub objection_page: Option<String>,
    /// The web page where people upload papers, without https://.
    #[serde(default)]
    pub upload_page: Option<String>,
    /// Where people send papers.
    #[serde(default)]
    pub papers_address: Option<PostalAddress>,
    /// Where people send an objection.
    #[serde(default)]
    pub objection_address: Option<PostalAddress>,
}

/// The court for appeals and interim relief (`[court]` in helder.toml).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Court {
    /// "Rechtbank Gelderland".
    pub name: String,
    /// The court's postal address.
    pub postal_address: PostalAddress,
    /// The court fee (griffierecht) for a natural person in a social-security case,
    /// in cents, by the year of the letter's date.
    #[serde(default)]
    pub fee_cents: std::collections::BTreeMap<String, i64>,
}

impl Court {
    /// The court fee for a letter dated in `year`, if the settings have it.
    pub fn fee_for(&self, year: i32) -> Option<i64> {
        self.fee_cents.get(&year.to_string()).copied()
    }
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
    /// The court for appeals and interim relief, when set.
    pub court: Option<Court>,
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
    /// `[lint]` is not valid: the problem names the key and says how to fix it.
    #[error("instellingen {file}: {problem}")]
    Lint {
        /// The file.
        file: String,
        /// What is wrong, where in `[lint]`, and the fix.
        problem: crate::problem::Problem,
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
        let invalid = |problem: String| ConfigError::Invalid {
            file: file.to_string(),
            problem,
        };
        let mut municipality = data.municipality;
        if let Some(iban) = &municipality.iban {
            let printed = crate::iban::normalize(iban)
                .map_err(|why| invalid(format!("municipality.iban: {why}")))?;
            municipality.iban = Some(printed);
        }
        for (key, value) in [
            ("municipality.college", &municipality.college),
            ("municipality.iban-name", &municipality.iban_name),
        ] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                return Err(invalid(format!("{key} is leeg")));
            }
        }
        if let Some(college) = &municipality.college {
            let lower = college.trim().to_lowercase();
            if lower.starts_with("namens") || lower.starts_with("het college") {
                return Err(invalid("municipality.college begint met \"namens\" of \"het college\"; de brief schrijft die woorden zelf. Schrijf alleen wie het college is, bijvoorbeeld \"burgemeester en wethouders van Waalmonde\"".to_string()));
            }
        }
        for (key, page) in [
            ("municipality.objection-page", &municipality.objection_page),
            ("municipality.upload-page", &municipality.upload_page),
        ] {
            if let Some(page) = page
                && (page.trim().is_empty()
                    || page.contains(char::is_whitespace)
                    || !page.contains('.'))
            {
                return Err(invalid(format!(
                    "{key} is geen webadres; schrijf het zoals website, bijvoorbeeld \"www.waalmonde.nl/bezwaar\""
                )));
            }
        }
        let mut addresses = vec![
            (
                "municipality.postal-address",
                Some(&municipality.postal_address),
            ),
            (
                "municipality.papers-address",
                municipality.papers_address.as_ref(),
            ),
            (
                "municipality.objection-address",
                municipality.objection_address.as_ref(),
            ),
        ];
        if let Some(court) = &data.court {
            addresses.push(("court.postal-address", Some(&court.postal_address)));
            if court.name.trim().is_empty() {
                return Err(invalid("court.name is leeg".to_string()));
            }
            for (year, fee) in &court.fee_cents {
                let year_ok = year
                    .parse::<i32>()
                    .is_ok_and(|y| (2000..=2100).contains(&y));
                if !year_ok || !(1..=100_000).contains(fee) {
                    return Err(invalid(format!(
                        "court.fee-cents: {year} = {fee} klopt niet; schrijf per jaar het griffierecht in centen, bijvoorbeeld 2026 = 5400"
                    )));
                }
            }
        }
        for (key, address) in addresses.into_iter().filter_map(|(k, a)| a.map(|a| (k, a))) {
            if crate::dutch::normalize_postcode(&address.postcode).is_none() {
                return Err(invalid(format!(
                    "{key}: {} is geen Nederlandse postcode; schrijf vier cijfers en twee letters, bijvoorbeeld \"6500 AB\"",
                    address.postcode
                )));
            }
        }
        if data.call_first.no_contact_attempts < 2 {
            return Err(ConfigError::Invalid {
                file: file.to_string(),
                problem: format!(
                    "call-first.no-contact-attempts is {}; dat moet minstens 2 zijn, want één keer niet opnemen zegt nog niet dat iemand onbereikbaar is. Zet het op 2 of hoger",
                    data.call_first.no_contact_attempts
                ),
            });
        }
        data.call_first.check().map_err(invalid)?;
        let lint =
            LintConfig::from_settings(data.lint, base).map_err(|problem| ConfigError::Lint {
                file: file.to_string(),
                problem,
            })?;
        Ok(Config {
            readability: lint.thresholds().clone(),
            lint,
            municipality,
            signature: data.signature,
            letter: data.letter,
            templates_dir,
            policy,
            call_first: data.call_first,
            court: data.court,
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
