//! Trains the relation model from annotated documents and writes its weights file.
//!
//! `cargo run --release -p diplomap-extract --example train_relations -- [GOLD] [--out PATH]`
//! (`make train-relations`). GOLD defaults to ../shared/dev/relations-dev.jsonl (beside the repository), PATH
//! to crates/extract/data/relation_weights.tsv. Deterministic: the same documents give
//! the same bytes.

#[path = "relation_gold/mod.rs"]
mod relation_gold;

use diplomap_extract::stages::relation_model::fit;

const DEFAULT_OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/relation_weights.tsv");

fn main() {
    let mut gold = relation_gold::DEFAULT_GOLD.to_string();
    let mut out = DEFAULT_OUT.to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().unwrap_or_else(|| usage()),
            _ if arg.starts_with('-') => usage(),
            _ => gold = arg,
        }
    }
    let documents = relation_gold::load(&gold).unwrap_or_else(|e| {
        eprintln!("train_relations: {e}");
        std::process::exit(1)
    });
    let examples: Vec<_> = documents.into_iter().map(|d| d.example).collect();
    let pairs: usize = examples.iter().map(|e| e.gold.len()).sum();
    let weights = fit(&examples);
    let name = std::path::Path::new(&gold)
        .file_name()
        .map_or(gold.clone(), |n| n.to_string_lossy().into_owned());
    let header = format!(
        "Weights of the relation model (crates/extract/src/relations/classifier.rs).\n\
         Made by `make train-relations` from {name}: {} documents, {pairs} related pairs.\n\
         Do not edit by hand: retrain (crates/extract/data/README.md).",
        examples.len()
    );
    if let Err(e) = std::fs::write(&out, weights.to_text(&header)) {
        eprintln!("train_relations: {out}: {e}");
        std::process::exit(1);
    }
    eprintln!(
        "train_relations: {} documents, {pairs} pairs -> {out}",
        examples.len()
    );
}

fn usage() -> ! {
    eprintln!("usage: train_relations [GOLD.jsonl] [--out WEIGHTS.tsv]");
    std::process::exit(2)
}
