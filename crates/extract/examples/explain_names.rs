//! Shows how the learned name pass reads a text: every candidate stretch the rules left,
//! with its scores (person, organisation, place, each against "other") before and after
//! the mentions of one name agree, and which stretches it takes.
//!
//! `cargo run --release -p diplomap-extract --example explain_names [WEIGHTS] < article.txt`
//!
//! WEIGHTS is another weights file than the shipped `data/names.bin`. The gazetteer is the
//! command line's: both tiers of places.

use std::io::Read;

use diplomap_extract::stages::perceptron::Weights;
use diplomap_extract::stages::{agree, choose, training_candidates, Scored};
use diplomap_extract::{Gazetteer, Tables};

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("explain_names: standard input: {e}");
        std::process::exit(1);
    }
    let bytes = match std::env::args().nth(1) {
        Some(path) => std::fs::read(&path).unwrap_or_else(|e| {
            eprintln!("explain_names: {path}: {e}");
            std::process::exit(1);
        }),
        None => include_bytes!("../data/names.bin").to_vec(),
    };
    let Some(weights) = Weights::parse(&bytes) else {
        eprintln!("explain_names: the weights do not load");
        std::process::exit(1);
    };
    let second_tier: &'static [u8] = include_bytes!("../data/places2.bin");
    let gazetteer = Gazetteer::with_second_tier(&Tables::builtin(), second_tier)
        .expect("the second tier in data/ is checked by the tests");
    let candidates = training_candidates(&text, &gazetteer);
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
    let own: Vec<_> = scored.iter().map(|s| s.2).collect();
    agree(&mut scored);
    let chosen = choose(
        scored.iter().map(|&(_, span, scores)| (span, scores)),
        weights.min_margin,
    );
    for ((_, span, agreed), own) in scored.iter().zip(own) {
        let taken = chosen
            .iter()
            .find(|(s, _)| s == span)
            .map(|(_, c)| format!("{c:?}"));
        println!(
            "{:<32} own {:>4?} agreed {:>4?} {}",
            &text[span.0..=span.1],
            &own[1..],
            &agreed[1..],
            taken.unwrap_or_default()
        );
    }
    println!("margin {}", weights.min_margin);
}
