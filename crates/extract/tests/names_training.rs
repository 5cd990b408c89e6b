//! The learned name classifier's training (examples/train_names.rs does it at scale):
//! deterministic, and its weights load. On a tiny corpus of our own sentences.

use diplomap_extract::stages::perceptron::{train, Class, Example, Settings, Weights};
use diplomap_extract::stages::training_candidates;
use diplomap_extract::Gazetteer;

/// Sentences with the names no rule takes, and what they are.
const CORPUS: &[(&str, &[(&str, Class)])] = &[
    (
        "Thanks for watching, Marguerite. Marguerite will be back tomorrow.",
        &[("Marguerite", Class::Person)],
    ),
    (
        "The Wanderers beat the Harriers, and the Wanderers now top the table.",
        &[("Wanderers", Class::Org), ("Harriers", Class::Org)],
    ),
    (
        "Boats sail from Quillport to Darnholm every morning.",
        &[("Quillport", Class::Place), ("Darnholm", Class::Place)],
    ),
    (
        "Later, Bertrand said the Wanderers had played well in Quillport.",
        &[
            ("Bertrand", Class::Person),
            ("Wanderers", Class::Org),
            ("Quillport", Class::Place),
        ],
    ),
];

fn examples() -> Vec<Example> {
    let gazetteer = Gazetteer::shared();
    CORPUS
        .iter()
        .flat_map(|(text, names)| {
            training_candidates(text, gazetteer)
                .into_iter()
                .map(move |candidate| {
                    let surface = &text[candidate.span.start..candidate.span.end];
                    let class = names
                        .iter()
                        .find(|(name, _)| *name == surface)
                        .map_or(Class::Other, |&(_, class)| class);
                    Example {
                        features: candidate.features,
                        class,
                    }
                })
        })
        .collect()
}

const SETTINGS: Settings = Settings {
    bits: 10,
    epochs: 6,
    min_margin: 0,
    min_count: 1,
};

#[test]
fn the_corpus_gives_candidates_of_every_class() {
    let examples = examples();
    for class in Class::ALL {
        assert!(
            examples.iter().any(|e| e.class == class),
            "no {class:?} among the candidates"
        );
    }
}

#[test]
fn training_is_deterministic() {
    let first = train(&examples(), SETTINGS).to_bytes();
    let second = train(&examples(), SETTINGS).to_bytes();
    assert_eq!(first, second);
    // Something was learned: not every weight is zero.
    assert!(first.iter().skip(11).any(|&b| b != 0));
}

#[test]
fn trained_weights_read_back_and_separate_what_they_learned() {
    let examples = examples();
    let weights = Weights::parse(&train(&examples, SETTINGS).to_bytes()).expect("weights parse");
    let correct = examples
        .iter()
        .filter(|e| {
            let scores = weights.scores(&e.features);
            let best = Class::ALL
                .into_iter()
                .max_by_key(|&c| (scores[c as usize], -(c as i32)))
                .unwrap();
            best == e.class
        })
        .count();
    assert!(
        correct * 10 >= examples.len() * 9,
        "{correct} of {}",
        examples.len()
    );
}

#[test]
fn the_shipped_weights_load() {
    let weights = Weights::parse(include_bytes!("../data/names.bin"));
    assert!(weights.is_some_and(|w| w.min_margin >= 0));
}
