//! Reads which of a crate's top-level modules each of its source files imports, and
//! names each import against an order of layers: the "Architecture Invariant" of
//! ARCHITECTURE.md, checked for the core (`crates/extract/tests/architecture.rs`) and
//! for the app (`crates/app-core/tests/architecture.rs`). Comments and test modules
//! (inline, or a module's `tests.rs`) are left out; the paths read are `crate::x`, `crate::{x, y}` and `super::x` where the
//! `super`s reach the crate root.

use std::path::{Path, PathBuf};

/// Every import against the order of `layers` (first to last) in `sources` (paths
/// relative to `src/`, and texts); the files in `roots`, which assemble the crate, may
/// import from any layer.
pub fn violations(sources: &[(String, String)], layers: &[&[&str]], roots: &[&str]) -> Vec<String> {
    let layer_of = |module: &str| layers.iter().position(|layer| layer.contains(&module));
    let mut broken = Vec::new();
    for (path, text) in sources {
        if roots.contains(&path.as_str()) || is_test_module(path) {
            continue;
        }
        let module = top_module(path);
        let Some(layer) = layer_of(module) else {
            broken.push(format!("{path} is in no layer"));
            continue;
        };
        let mut imported = crate_paths(&code_of(text), depth(path));
        imported.sort_unstable();
        imported.dedup();
        for other in imported {
            if other == module {
                continue;
            }
            match layer_of(other.as_str()) {
                Some(theirs) if theirs < layer => {}
                Some(theirs) if theirs == layer => {
                    broken.push(format!("{path} imports crate::{other} (its own layer)"))
                }
                // The crate root's own items (`crate::analyze`) are not for the layers.
                _ => broken.push(format!("{path} imports crate::{other} (a later layer)")),
            }
        }
    }
    broken
}

/// The module a source file belongs to: `entities` for `entities/numbers/money.rs`.
fn top_module(path: &str) -> &str {
    let first = path.split('/').next().unwrap_or(path);
    first.strip_suffix(".rs").unwrap_or(first)
}

/// How many `super::` lead from this file's module to the crate root.
fn depth(path: &str) -> usize {
    let parts = path.split('/').count();
    if path.ends_with("/mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The source without comments and without test modules (`#[cfg(test)] mod ... { }`).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let test_module = line.trim_start().starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "));
        if test_module {
            // Up to the brace that closes the module, at the indentation it opens at.
            let open = lines.next().unwrap_or_default();
            let indent = open.len() - open.trim_start().len();
            let close = format!("{}}}", " ".repeat(indent));
            lines.by_ref().find(|line| *line == close);
            continue;
        }
        code.push_str(line.split("//").next().unwrap_or(""));
        code.push('\n');
    }
    code
}

/// The crate's top-level modules a source names: `crate::x`, `crate::{x, y::z}`, and
/// `super::x` where the `super`s reach the crate root.
fn crate_paths(code: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    let root = "super::".repeat(depth);
    for prefix in ["crate::".to_string(), root] {
        if prefix.is_empty() {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find(&prefix) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + prefix.len()..];
            // Part of a longer path or name: `super::super::x` is found from its first.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                found.extend(group[..end].split(',').filter_map(first_name));
            } else {
                found.extend(first_name(rest));
            }
        }
    }
    found
}

/// The first name of a path: `gazetteer` of `gazetteer::Gazetteer;`.
fn first_name(path: &str) -> Option<String> {
    let path = path.trim_start();
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    (end > 0).then(|| path[..end].to_string())
}

/// Sources given as (path, text) pairs, for the tests of the reader itself.
pub fn named(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect()
}

/// Every source file under `src`: its path relative to `src` (with `/`) and its text.
pub fn sources(src: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(src).unwrap();
            let text = std::fs::read_to_string(path).unwrap();
            (relative.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// A module's tests kept in a file of their own (`#[cfg(test)] mod tests;`).
fn is_test_module(path: &str) -> bool {
    Path::new(path)
        .file_name()
        .is_some_and(|name| name == "tests.rs")
}
