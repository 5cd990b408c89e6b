//! The core's imports go one way (ARCHITECTURE.md, "Architecture Invariant"): each module
//! of `src/` imports only from the layers before its own, so the stages read top to
//! bottom and no two modules import each other. This test reads the `crate::` paths of
//! every source file (comments and test modules left out) and names each import
//! against the order.

use std::path::{Path, PathBuf};

/// The layers of the core, first to last. A module may import from earlier layers only;
/// the crate root (`lib.rs`), which assembles them, from any.
const LAYERS: &[&[&str]] = &[
    // Result types, the tables' format and the step counter, used throughout.
    &["model", "table", "steps"],
    &["normalize"],
    &["tokens"],
    &["lexicon"],
    &["second_tier"],
    &["gazetteer"],
    &["context"],
    &["mention"],
    &["entities"],
    &["coref"],
    &["relations"],
    &["schema"],
    &["aggregate", "invariants"],
];

#[test]
fn every_import_of_the_core_follows_the_order_of_its_stages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(&src).unwrap();
            let text = std::fs::read_to_string(path).unwrap();
            (relative.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    assert!(sources.len() > 20, "the sources were not found in {src:?}");
    let broken = violations(&sources);
    assert!(
        broken.is_empty(),
        "imports against the order:\n{}",
        broken.join("\n")
    );
}

#[test]
fn an_import_back_up_or_a_circle_is_named() {
    let sources = |files: &[(&str, &str)]| -> Vec<(String, String)> {
        files
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect()
    };
    // The gazetteer reading the entity rules' word lists: an import back up.
    let up = sources(&[
        (
            "gazetteer.rs",
            "use crate::tokens::Tokens;\nuse crate::entities::word_classes;\n",
        ),
        ("entities/mod.rs", "use crate::gazetteer::Gazetteer;\n"),
    ]);
    assert_eq!(
        violations(&up),
        ["gazetteer.rs imports crate::entities (a later layer)"]
    );
    // Two modules of a layer importing each other, in any form of path.
    let circle = sources(&[
        ("lexicon/mod.rs", "fn f() { crate::model::Label::Org; }\n"),
        ("model.rs", "use crate::{table::rows, steps};\n"),
        (
            "steps.rs",
            "pub fn g() { super::model::Span::default(); }\n",
        ),
    ]);
    assert_eq!(
        violations(&circle),
        [
            "model.rs imports crate::steps (its own layer)",
            "model.rs imports crate::table (its own layer)",
            "steps.rs imports crate::model (its own layer)",
        ]
    );
    // Comments, documentation and test modules may name any module; the code after a
    // test module is read again.
    let quiet = sources(&[(
        "tokens.rs",
        "/// See [`crate::relations`].\n// crate::coref\nfn f() {}\n\
         #[cfg(test)]\nmod tests {\n    use crate::analyze;\n}\nuse crate::schema;\n",
    )]);
    assert_eq!(
        violations(&quiet),
        ["tokens.rs imports crate::schema (a later layer)"]
    );
    // A module in no layer is named too, so a new one must find its place.
    let unknown = sources(&[("extra.rs", "fn f() {}\n")]);
    assert_eq!(violations(&unknown), ["extra.rs is in no layer"]);
}

/// Every import against the order in `sources` (paths relative to `src/`, and texts).
fn violations(sources: &[(String, String)]) -> Vec<String> {
    let mut broken = Vec::new();
    for (path, text) in sources {
        if path == "lib.rs" {
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
            match layer_of(&other) {
                Some(theirs) if theirs < layer => {}
                Some(theirs) if theirs == layer => {
                    broken.push(format!("{path} imports crate::{other} (its own layer)"))
                }
                // The crate root's own items (`crate::analyze`) are not for the stages.
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

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
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
