//! The npm package's TypeScript declarations of the result schema (`npm/schema.d.ts`)
//! are generated from the core's own types by ts-rs, so they cannot drift from what
//! the core writes: this test fails when the file differs from what the types give.
//! `DIPLOMAP_WRITE_TYPES=1 cargo test -p diplomap-js --test typescript` rewrites it.

use diplomap_extract::aggregate::{Corpus, CorpusRelation, DocumentEvidence};
use diplomap_extract::schema::{AmountRecord, CueRecord, EntityRecord, RelationRecord, SpanRecord};
use diplomap_extract::{Document, Label, RelationType};
use ts_rs::{Config, TS};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/npm/schema.d.ts");

fn declaration<T: TS>(config: &Config) -> String {
    let docs = T::docs().map_or(String::new(), |docs| docs.trim_end().to_string() + "\n");
    format!("{docs}export {}\n", without_null(&T::decl(config)))
}

/// ts-rs types a field that serde skips when `None` (`skip_serializing_if` with
/// `default`) as `name?: T | null`, since a reader may meet a `null` there. The core
/// writes such a field only with a value, so the package declares `name?: T`.
fn without_null(declaration: &str) -> String {
    let mut out = String::with_capacity(declaration.len());
    for field in declaration.split_inclusive(", ") {
        match field.strip_suffix(" | null, ") {
            Some(head) if head.contains("?: ") => {
                out.push_str(head);
                out.push_str(", ");
            }
            _ => out.push_str(field),
        }
    }
    out
}

fn declarations() -> String {
    // Offsets and counts are `usize`: numbers in JSON, never bigints.
    let config = Config::new().with_large_int("number");
    let parts = [
        declaration::<Document>(&config),
        declaration::<EntityRecord>(&config),
        declaration::<SpanRecord>(&config),
        declaration::<RelationRecord>(&config),
        declaration::<AmountRecord>(&config),
        declaration::<CueRecord>(&config),
        declaration::<Label>(&config),
        declaration::<RelationType>(&config),
        declaration::<Corpus>(&config),
        declaration::<CorpusRelation>(&config),
        declaration::<DocumentEvidence>(&config),
        declaration::<serde_json::Value>(&config),
    ];
    format!(
        "// The result schema of docs/schema.md (diplomap/1 and diplomap/1-corpus), generated\n\
         // from the core's types by crates/js/tests/typescript.rs. Do not edit: run\n\
         // `DIPLOMAP_WRITE_TYPES=1 cargo test -p diplomap-js --test typescript`.\n\n{}",
        parts.join("\n")
    )
}

#[test]
fn the_packaged_types_are_those_of_the_core() {
    let generated = declarations();
    if std::env::var_os("DIPLOMAP_WRITE_TYPES").is_some() {
        std::fs::write(PATH, &generated).expect("write npm/schema.d.ts");
        return;
    }
    let packaged = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        packaged == generated,
        "crates/js/npm/schema.d.ts is not what the core's types give; regenerate it with \
         `DIPLOMAP_WRITE_TYPES=1 cargo test -p diplomap-js --test typescript`.\nGenerated:\n{generated}"
    );
}

/// The unions are derived from the enums' variant names; what the core writes is
/// `as_str`. They must agree.
#[test]
fn the_label_and_type_unions_are_the_names_the_core_writes() {
    let config = Config::new();
    let union = |names: Vec<&str>| {
        names
            .iter()
            .map(|name| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert_eq!(
        Label::inline(&config),
        union(Label::ALL.iter().map(|label| label.as_str()).collect())
    );
    assert_eq!(
        RelationType::inline(&config),
        union(RelationType::ALL.iter().map(|kind| kind.as_str()).collect())
    );
}
