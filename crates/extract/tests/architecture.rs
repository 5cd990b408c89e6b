//! The core's imports go one way (ARCHITECTURE.md, "Architecture Invariant"): each module
//! of `src/` imports only from the layers before its own, so the stages read top to
//! bottom and no two modules import each other. This test reads the `crate::` paths of
//! every source file (comments and test modules left out) and names each import
//! against the order.

use std::path::Path;

#[path = "support/layers.rs"]
mod layers;

/// The layers of the core, first to last. A module may import from earlier layers only;
/// the crate root (`lib.rs`), which assembles them, from any.
const LAYERS: &[&[&str]] = &[
    // Result types, the tables' format and the step counter, used throughout.
    &["model", "table", "steps"],
    &["normalize"],
    &["tokens"],
    &["lexicon"],
    &["vocabulary"],
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
    let sources = layers::sources(&src);
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
    let sources = layers::named;
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
    // A module's tests in a file of their own are a test module too.
    let tests_file = sources(&[("tokens/tests.rs", "use crate::analyze_with;\n")]);
    assert!(violations(&tests_file).is_empty());
    // A module in no layer is named too, so a new one must find its place.
    let unknown = sources(&[("extra.rs", "fn f() {}\n")]);
    assert_eq!(violations(&unknown), ["extra.rs is in no layer"]);
}

/// Every import against the order in `sources` (paths relative to `src/`, and texts).
fn violations(sources: &[(String, String)]) -> Vec<String> {
    layers::violations(sources, LAYERS, &["lib.rs"])
}
