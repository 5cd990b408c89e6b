// TEMPORARY analysis tool (not committed): candidates of each JSONL doc with agreed scores.
use diplomap_extract::stages::perceptron::Weights;
use diplomap_extract::stages::{agree, choose, training_candidates, Scored};
use diplomap_extract::{Gazetteer, Tables};
use std::io::BufRead;
fn main() {
    let weights = Weights::parse(include_bytes!("../data/names.bin")).unwrap();
    let second_tier: &'static [u8] = include_bytes!("../data/places2.bin");
    let gazetteer = Gazetteer::with_second_tier(&Tables::builtin(), second_tier).unwrap();
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap();
        let id = v["id"].as_str().unwrap();
        let candidates = training_candidates(text, &gazetteer);
        let mut scored: Vec<Scored> = candidates
            .iter()
            .map(|c| {
                (
                    c.key,
                    (c.span.start, c.span.end - 1),
                    weights.scores(&c.features),
                )
            })
            .collect();
        agree(&mut scored);
        let chosen = choose(
            scored.iter().map(|&(_, span, scores)| (span, scores)),
            weights.min_margin,
        );
        for (_, span, agreed) in &scored {
            let cs = text[..span.0].chars().count();
            let ce = cs + text[span.0..=span.1].chars().count();
            let taken = chosen
                .iter()
                .find(|(s, _)| s == span)
                .map(|(_, c)| format!("{c:?}"))
                .unwrap_or_default();
            println!(
                "{}\t{}\t{}\t{}\t{:?}\t{}",
                id,
                cs,
                ce,
                &text[span.0..=span.1],
                agreed,
                taken
            );
        }
    }
}
