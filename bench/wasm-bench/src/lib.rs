//! The extraction core for the benchmark (`bench/run`). Compiled to wasm, it is loaded by
//! `bench/wasm/index.html` and timed in headless Chromium by `bench/browser.mjs`; compiled
//! natively, `core-bench` (src/main.rs) runs the same loop.

use wasm_bindgen::prelude::*;

/// Builds the gazetteer (once per process), so timings after it measure analysis only.
#[wasm_bindgen]
pub fn warm_up() -> usize {
    diplomap_extract::analyze("Warm-up: Moscow lent Kazakhstan $1 billion.")
        .entities
        .len()
}

/// Analyses every text once. Returns `[entities, relations, bytes]` so that no work can
/// be optimised away and the caller can check the byte count it timed.
#[wasm_bindgen]
pub fn analyze_all(texts: Vec<String>) -> Vec<f64> {
    let (entities, relations, bytes) = analyze_texts(&texts);
    vec![entities as f64, relations as f64, bytes as f64]
}

/// The loop shared by both builds.
pub fn analyze_texts(texts: &[String]) -> (usize, usize, usize) {
    let gazetteer = diplomap_extract::Gazetteer::shared();
    let mut totals = (0, 0, 0);
    for text in texts {
        let analysis = diplomap_extract::analyze_with(gazetteer, text);
        totals.0 += analysis.entities.len();
        totals.1 += analysis.relations.len();
        totals.2 += text.len();
    }
    totals
}
