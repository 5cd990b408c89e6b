//! Shows why the relation model decides as it does on a text: every statement (a clause
//! naming two countries) with its features and score, then each pair's confidence and
//! type probabilities.
//!
//! `cargo run --release -p diplomap-extract --example explain_relations < article.txt`

use std::io::Read;

use diplomap_extract::stages::relation_model::Weights;
use diplomap_extract::stages::relation_model::{decide_at, statement_feature_names};

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("explain_relations: standard input: {e}");
        std::process::exit(1);
    }
    let Some(weights) = Weights::shipped() else {
        eprintln!("explain_relations: the shipped weights do not load");
        std::process::exit(1);
    };
    let reading = diplomap_extract::stages::read_relations(&text);
    let names = statement_feature_names();
    for statement in reading.statements() {
        let (a, b) = statement.pair;
        let score = weights.statement_score(&reading, statement);
        let sentence = &text[statement.sentence.start..statement.sentence.end];
        println!(
            "{a}-{b}  score {score:+.2}  sentence {}: {sentence}",
            statement.sentence_index
        );
        let features: Vec<&str> = reading
            .features(statement)
            .iter()
            .map(|(index, _)| names[usize::from(*index)].as_str())
            .collect();
        println!("    {}", features.join(" "));
    }
    println!();
    for relation in decide_at(&reading, weights, 0.0) {
        let types: Vec<String> = weights
            .type_probabilities(&reading, (relation.a, relation.b))
            .iter()
            .map(|(kind, p)| format!("{} {p:.2}", kind.as_str()))
            .collect();
        println!(
            "{}-{}  confidence {:.2}  types {:?}  ({})",
            relation.a,
            relation.b,
            relation.confidence,
            relation
                .types
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>(),
            types.join(", ")
        );
    }
}
