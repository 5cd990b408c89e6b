//! The app's imports go one way (ARCHITECTURE.md, the app's "Architecture Invariant"):
//! components → state → the browser's services → `diplomap_app_core`, never back. This
//! crate cannot import the app at all (cargo forbids the circle); this test reads the
//! `crate::` paths of every source file of the app (`src/`, beside this crate) and names
//! each import against the order.

use std::path::Path;

#[path = "../../extract/tests/support/layers.rs"]
mod layers;

/// The layers of the app's `src/`, first to last. A module may import from earlier
/// layers only; `lib.rs` and `main.rs`, which assemble them, from any.
const LAYERS: &[&[&str]] = &[
    // The browser's services, holding no state of the page: the sample text, IndexedDB,
    // the analysis worker, reading and saving files.
    &["sample", "idb", "analyser", "io"],
    // The workspace's transactions in IndexedDB.
    &["store"],
    // The page's state: documents, analysis, settings, notices, persistence.
    &["state"],
    // One component per file; components may use each other.
    &["components"],
    // The page's layout.
    &["app"],
];

/// The files that assemble the crate.
const ROOTS: &[&str] = &["lib.rs", "main.rs"];

fn violations(sources: &[(String, String)]) -> Vec<String> {
    layers::violations(sources, LAYERS, ROOTS)
}

#[test]
fn every_import_of_the_app_goes_from_components_to_state_to_services() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let sources = layers::sources(&src);
    assert!(
        sources.iter().any(|(path, _)| path == "app.rs") && sources.len() > 20,
        "the app's sources were not found in {src:?}"
    );
    let broken = violations(&sources);
    assert!(
        broken.is_empty(),
        "imports against the order:\n{}",
        broken.join("\n")
    );
}

#[test]
fn a_component_importing_the_layout_or_state_importing_a_component_is_named() {
    let sources = layers::named;
    let back = sources(&[
        (
            "components/legend.rs",
            "use crate::app::App;\nuse crate::state::Article;\n",
        ),
        (
            "state/documents.rs",
            "use crate::components::drop_zone::DropZone;\nuse crate::{io::import, store};\n",
        ),
        ("store.rs", "fn f() { super::state::Article::restore(); }\n"),
        ("app.rs", "use crate::components::legend::Legend;\n"),
        (
            "components/relation_map/edges.rs",
            "use super::zoom::ZoomPan;\nuse super::super::super::app::App;\n",
        ),
    ]);
    assert_eq!(
        violations(&back),
        [
            "components/legend.rs imports crate::app (a later layer)",
            "state/documents.rs imports crate::components (a later layer)",
            "store.rs imports crate::state (a later layer)",
            "components/relation_map/edges.rs imports crate::app (a later layer)",
        ]
    );
    // A new module must find its place.
    let unknown = sources(&[("extra.rs", "fn f() {}\n")]);
    assert_eq!(violations(&unknown), ["extra.rs is in no layer"]);
}
