//! The shape of the house (issue 14; README "How it fits together"), checked
//! on `src/` by every test run, and by `.ci/architecture` in CI:
//!
//! - the library never imports the command layer: only `cmd/`, `cli.rs` and
//!   `main.rs` may name `crate::cmd` or `crate::cli`, and no library file names
//!   `helder::` (code of the binary);
//! - the top-level modules of `src/` never import each other in a circle;
//! - no source file has more than 700 lines, and `main.rs` no more than 120.
//!
//! The tests below plant each violation in a copy of `src/` and show that the
//! check finds it: it is not a check that cannot fail.

use crate::support::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A source file may have at most this many lines.
const MAX_LINES: usize = 700;
/// `main.rs` may have at most this many lines: it parses, dispatches and maps exit codes.
const MAX_MAIN_LINES: usize = 120;
/// The top-level modules that may use the command layer.
const EDGE: &[&str] = &["cmd", "cli", "main"];

/// Every problem with the shape of the source tree at `src`, one line each.
fn problems(src: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    // module → module it imports → the first place it does.
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for path in rust_files(src) {
        let text = std::fs::read_to_string(&path).unwrap();
        let place = path
            .strip_prefix(src.parent().unwrap())
            .unwrap()
            .display()
            .to_string();
        let lines = text.lines().count();
        if lines > MAX_LINES {
            problems.push(format!(
                "{place}: {lines} lines, more than {MAX_LINES}: split it along its seams"
            ));
        }
        let module = top_module(src, &path);
        if module == "main" && lines > MAX_MAIN_LINES {
            problems.push(format!("{place}: {lines} lines, more than {MAX_MAIN_LINES}: main.rs only parses, dispatches and maps exit codes"));
        }
        // Code before the file's test module, without comments.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for target in line.split("crate::").skip(1).map(module_name) {
                if !target.is_empty() && target != module {
                    edges
                        .entry(module.clone())
                        .or_default()
                        .entry(target.to_string())
                        .or_insert_with(|| format!("{place}:{}", number + 1));
                }
            }
            if !EDGE.contains(&module.as_str()) {
                let upward = ["crate::cmd", "crate::cli"].iter().any(|edge| {
                    line.split(edge)
                        .skip(1)
                        .any(|rest| module_name(rest).is_empty())
                });
                if upward {
                    problems.push(format!(
                        "{place}:{}: the library imports the command layer: {}",
                        number + 1,
                        line.trim()
                    ));
                }
                if line.contains("helder::") {
                    problems.push(format!(
                        "{place}:{}: library code names `helder::` (code of the binary): {}",
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    for circle in circles(&edges) {
        let mut steps = circle.clone();
        steps.push(circle[0].clone());
        let places: Vec<&str> = steps
            .windows(2)
            .map(|pair| edges[&pair[0]][&pair[1]].as_str())
            .collect();
        problems.push(format!(
            "modules in a circle: {} ({})",
            steps.join(" -> "),
            places.join(", ")
        ));
    }
    problems
}

/// The module name at the start of `rest` (after `crate::`): `event` of `event::Text`.
fn module_name(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// `event` for `src/event/parse.rs`, `dutch` for `src/dutch.rs`.
fn top_module(src: &Path, path: &Path) -> String {
    let first = path.strip_prefix(src).unwrap().components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_string()
}

/// One circle through each group of modules that import each other (Tarjan's
/// strongly connected components, then the shortest way back to the first).
fn circles(edges: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<Vec<String>> {
    #[derive(Default)]
    struct Search<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        groups: Vec<BTreeSet<&'a str>>,
    }
    fn visit<'a>(
        v: &'a str,
        edges: &'a BTreeMap<String, BTreeMap<String, String>>,
        s: &mut Search<'a>,
    ) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in edges.get(v).into_iter().flat_map(|m| m.keys()) {
            if !s.index.contains_key(w.as_str()) {
                visit(w, edges, s);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                group.insert(w);
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                s.groups.push(group);
            }
        }
    }
    let mut search = Search::default();
    for v in edges.keys() {
        if !search.index.contains_key(v.as_str()) {
            visit(v, edges, &mut search);
        }
    }
    let mut found = Vec::new();
    for group in &search.groups {
        let start = *group.iter().next().unwrap();
        let mut queue = std::collections::VecDeque::from([vec![start]]);
        let mut seen = BTreeSet::from([start]);
        'search: while let Some(path) = queue.pop_front() {
            for w in edges[*path.last().unwrap()].keys().map(String::as_str) {
                if w == start {
                    found.push(path.iter().map(|m| m.to_string()).collect());
                    break 'search;
                }
                if group.contains(w) && seen.insert(w) {
                    let mut longer = path.clone();
                    longer.push(w);
                    queue.push_back(longer);
                }
            }
        }
    }
    found
}

#[test]
#[allow(clippy::print_stdout)] // .ci/architecture shows these lines
fn the_house_has_no_circles_no_arrows_up_and_no_big_rooms() {
    let problems = problems(&root().join("src"));
    for problem in &problems {
        println!("architecture: {problem}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    println!(
        "architecture: ok (no circles, no import of cmd/ from the library, files within {MAX_LINES} lines, main.rs within {MAX_MAIN_LINES})"
    );
}

/// A copy of `src/` with `text` put at the start of `file`.
fn planted(file: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    crate::support::copy_dir(&root().join("src"), &src);
    let path = src.join(file);
    let old = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}{old}")).unwrap();
    (dir, src)
}

#[track_caller]
fn finds(file: &str, text: &str, expected: &str) {
    let (_dir, src) = planted(file, text);
    let problems = problems(&src);
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "planted in {file}, expected \"{expected}\", found: {problems:?}"
    );
}

#[test]
fn a_library_import_of_the_command_layer_is_found() {
    finds(
        "output.rs",
        "use crate::cmd::Outcome;\n",
        "the library imports the command layer",
    );
    finds(
        "batch/run.rs",
        "use crate::cli::BatchArgs;\n",
        "the library imports the command layer",
    );
    finds(
        "route.rs",
        "use helder::route::route;\n",
        "names `helder::`",
    );
}

#[test]
fn a_circle_of_modules_is_found() {
    finds(
        "dutch.rs",
        "use crate::event::Text;\n",
        "modules in a circle: dutch -> event -> dutch",
    );
}

#[test]
fn a_big_file_and_a_long_main_are_found() {
    finds("fs.rs", &"// padding\n".repeat(MAX_LINES + 1), "fs.rs: ");
    finds(
        "main.rs",
        &"// padding\n".repeat(MAX_MAIN_LINES),
        "more than 120",
    );
}
