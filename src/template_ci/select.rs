//! Which templates a run checks: all, the given files, or what changed since
//! a git revision (with the templates that include a changed partial).

use super::{EXAMPLES_DIR, Selection};
use crate::template::{PARTIALS_DIR, TemplateSet};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The templates to check for a selection.
pub(super) fn selected_templates(
    dir: &Path,
    set: &TemplateSet,
    selection: &Selection,
) -> BTreeSet<PathBuf> {
    let Selection::Only(changed) = selection else {
        return set.iter().map(|t| t.path.clone()).collect();
    };
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| absolute(p)).collect();
    let changed_partials: BTreeSet<String> = set
        .sources()
        .filter(|(name, path, _)| {
            name.starts_with(PARTIALS_DIR) && changed.contains(&absolute(path))
        })
        .map(|(name, _, _)| name.to_string())
        .collect();
    set.iter()
        .filter(|t| {
            changed.contains(&absolute(&t.path))
                || t.front_matter
                    .examples
                    .iter()
                    .any(|e| changed.contains(&absolute(&dir.join(EXAMPLES_DIR).join(e))))
                || includes(set, &t.name)
                    .iter()
                    .any(|name| changed_partials.contains(name))
        })
        .map(|t| t.path.clone())
        .collect()
}

pub(super) fn uses_partial(set: &TemplateSet, selected: &BTreeSet<PathBuf>, partial: &str) -> bool {
    set.iter()
        .filter(|t| selected.contains(&t.path))
        .any(|t| includes(set, &t.name).iter().any(|n| n == partial))
}

/// Every partial a template includes, also through other partials.
pub(super) fn includes(set: &TemplateSet, name: &str) -> BTreeSet<String> {
    static INCLUDE: OnceLock<Regex> = OnceLock::new();
    let pattern = INCLUDE.get_or_init(|| {
        Regex::new(r#"\{%-?\s*include\s+["']([^"']+)["']"#).expect("valid pattern")
    });
    let sources: BTreeMap<&str, &str> = set.sources().map(|(n, _, s)| (n, s)).collect();
    let mut found = BTreeSet::new();
    let mut pending = vec![name.to_string()];
    while let Some(current) = pending.pop() {
        let Some(source) = sources.get(current.as_str()) else {
            continue;
        };
        for captures in pattern.captures_iter(source) {
            let included = captures[1].to_string();
            if found.insert(included.clone()) {
                pending.push(included);
            }
        }
    }
    found
}

/// The path with links resolved, or made absolute when it does not exist (yet).
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}
