//! `core-bench CORPUS.jsonl [MIN_MB]`: the core's single-threaded throughput natively, with
//! the loop the wasm build runs in Chromium. Reads {"text": ...} lines, analyses the corpus
//! in rounds until at least MIN_MB (default 20) megabytes of text were analysed, and prints
//! one JSON object: {"bytes", "seconds", "mb_per_s", "gazetteer_ms", "entities"}.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: core-bench CORPUS.jsonl [MIN_MB]");
    let min_mb: f64 = args
        .next()
        .map_or(20.0, |v| v.parse().expect("MIN_MB is a number"));
    let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text")?.as_str().map(str::to_string))
        .collect();
    let corpus_bytes: usize = texts.iter().map(String::len).sum();
    assert!(corpus_bytes > 0, "{path}: no text");

    let started = Instant::now();
    diplomap_wasm_bench::warm_up();
    let gazetteer_ms = started.elapsed().as_secs_f64() * 1e3;

    let started = Instant::now();
    let (mut bytes, mut entities) = (0usize, 0usize);
    while (bytes as f64) < min_mb * 1e6 {
        let (found, _, analysed) = diplomap_wasm_bench::analyze_texts(&texts);
        bytes += analysed;
        entities += found;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "bytes": bytes,
            "seconds": seconds,
            "mb_per_s": bytes as f64 / 1e6 / seconds,
            "gazetteer_ms": gazetteer_ms,
            "entities": entities,
        })
    );
}
