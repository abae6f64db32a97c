//! Settings a template needs from `helder.toml` (DESIGN.md §4: IBAN, addresses,
//! the online objection page, the court, its fee, the college's name).
//!
//! They are optional in the file, but a template that uses one the file does
//! not fill is refused before any letter is made: [`missing`] names the
//! setting, the template or partial and the line.

use super::TemplateSet;
use crate::config::Config;
use regex::Regex;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A setting a template uses that `helder.toml` does not fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingSetting {
    /// The key in `helder.toml` ("court.name").
    pub setting: &'static str,
    /// The name the template uses ("court.name").
    pub used_as: &'static str,
    /// The template or partial.
    pub file: PathBuf,
    /// The 1-based line of the first use.
    pub line: usize,
}

impl MissingSetting {
    /// What is wrong and how to fix it, in Dutch.
    pub fn message(&self) -> String {
        format!(
            "{}:{}: dit sjabloon gebruikt {{{{ {} }}}}, maar helder.toml heeft geen {}. Vul die instelling in (zie helder.toml in de repository).",
            self.file.display(),
            self.line,
            self.used_as,
            self.setting
        )
    }
}

type IsSet = fn(&Config) -> bool;

/// Template name, settings key, and whether the settings fill it.
const SETTINGS: &[(&str, &str, IsSet)] = &[
    ("municipality.college", "municipality.college", |c| {
        c.municipality.college.is_some()
    }),
    ("municipality.iban_name", "municipality.iban", |c| {
        c.municipality.iban.is_some()
    }),
    ("municipality.iban", "municipality.iban", |c| {
        c.municipality.iban.is_some()
    }),
    (
        "municipality.objection_page",
        "municipality.objection-page",
        |c| c.municipality.objection_page.is_some(),
    ),
    (
        "municipality.upload_page",
        "municipality.upload-page",
        |c| c.municipality.upload_page.is_some(),
    ),
    (
        "municipality.papers_address",
        "[municipality.papers-address]",
        |c| c.municipality.papers_address.is_some(),
    ),
    (
        "municipality.objection_address",
        "[municipality.objection-address]",
        |c| c.municipality.objection_address.is_some(),
    ),
    ("court.name", "[court]", |c| c.court.is_some()),
    ("court.address", "[court]", |c| c.court.is_some()),
    ("court.fee_cents", "court.fee-cents", |c| {
        c.court
            .as_ref()
            .is_some_and(|court| !court.fee_cents.is_empty())
    }),
];

/// Every setting a template or partial of `set` uses that `config` does not fill, once per file.
pub fn missing(set: &TemplateSet, config: &Config) -> Vec<MissingSetting> {
    static TAG: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        Regex::new(r"(?s)\{\{-?(.*?)-?\}\}|\{%-?(.*?)-?%\}").expect("valid pattern")
    });
    let mut found = Vec::new();
    for (_, path, body) in set.sources() {
        for &(used_as, setting, is_set) in SETTINGS {
            if is_set(config) {
                continue;
            }
            let first_use = tag.captures_iter(body).find_map(|captures| {
                let inner = captures.get(1).or_else(|| captures.get(2))?;
                let at = inner.as_str().find(used_as)?;
                let after = inner.as_str()[at + used_as.len()..].chars().next();
                let whole = !after.is_some_and(|c| c.is_alphanumeric() || c == '_');
                whole.then_some(inner.start() + at)
            });
            if let Some(offset) = first_use {
                found.push(MissingSetting {
                    setting,
                    used_as,
                    file: path.to_path_buf(),
                    line: body[..offset].matches('\n').count() + 1,
                });
            }
        }
    }
    found
}
