//! The relation model's weights file and its training: the shipped weights load and
//! cover every feature, the file format refuses what it cannot trust, and training is
//! deterministic (the same documents give the same bytes). The documents here are our
//! own; `make check-relations` retrains on the annotated set and compares with the
//! committed file.

use std::collections::BTreeMap;

use diplomap_extract::stages::read_relations;
use diplomap_extract::stages::relation_model::Weights;
use diplomap_extract::stages::relation_model::{decide_at, fit, statement_feature_names, Example};
use diplomap_extract::{CountryCode, RelationType};

use RelationType::*;

fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).unwrap()
}

/// A related pair of an annotated text, with its types.
type GoldPair = (&'static str, &'static str, &'static [RelationType]);

/// A small annotated set of our own: each text with the pairs it relates.
fn examples() -> Vec<Example> {
    let documents: &[(&str, &[GoldPair])] = &[
        (
            "Berlin has granted $40 million to Kyiv to repair power stations. \
             Officials in both capitals praised the speed of the transfer.",
            &[("DE", "UA", &[Economy])],
        ),
        (
            "Israeli jets struck targets in Lebanon overnight, the army said.",
            &[("IL", "LB", &[Conflict])],
        ),
        (
            "Brazil has a large coffee harvest this year. Vietnam exports rice to many markets.",
            &[],
        ),
        (
            "Hanoi and Seoul signed a free trade agreement on Tuesday. \
             Japan and Germany are among the largest economies in the world.",
            &[("KR", "VN", &[Agreement, Economy])],
        ),
        (
            "The French president visited Senegal for talks on migration. \
             He flew on to Paris through Madrid.",
            &[("FR", "SN", &[Diplomacy])],
        ),
        (
            "Washington imposed new sanctions on Caracas over the election. \
             Tourists from Canada and Mexico crowded the beaches of Cuba.",
            &[("US", "VE", &[Tension])],
        ),
        (
            "India operates a military base in Tajikistan near the border.",
            &[("IN", "TJ", &[Security])],
        ),
        (
            "Armenia joined the Eurasian Economic Union, a bloc dominated by Russia. \
             Chile and Peru both grow grapes.",
            &[("AM", "RU", &[Integration])],
        ),
        (
            "Chinese and Indian troops clashed on the disputed border again. \
             Spain and Portugal share a peninsula.",
            &[("CN", "IN", &[Conflict, Tension])],
        ),
        (
            "Moscow has lent $2 billion to Minsk for a nuclear plant.",
            &[("BY", "RU", &[Economy])],
        ),
    ];
    documents
        .iter()
        .map(|(text, pairs)| Example {
            reading: read_relations(text),
            gold: pairs
                .iter()
                .map(|(a, b, types)| {
                    let (a, b) = (code(a), code(b));
                    (if a < b { (a, b) } else { (b, a) }, types.to_vec())
                })
                .collect::<BTreeMap<_, _>>(),
        })
        .collect()
}

#[test]
fn the_shipped_weights_load_and_read_back_the_same() {
    let shipped = Weights::shipped().expect("data/relation_weights.tsv matches the features");
    let text = shipped.to_text("a header line");
    assert!(text.starts_with("# a header line\n"));
    assert_eq!(Weights::parse(&text).as_ref(), Ok(shipped));
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let first = fit(&examples()).to_text("");
    let second = fit(&examples()).to_text("");
    assert_eq!(first, second);
}

#[test]
fn a_model_trained_on_our_documents_ranks_their_pairs_above_the_others() {
    let examples = examples();
    let weights = Weights::parse(&fit(&examples).to_text("")).unwrap();
    let mut related = Vec::new();
    let mut unrelated = Vec::new();
    for example in &examples {
        for relation in decide_at(&example.reading, &weights, 0.0) {
            if example.gold.contains_key(&(relation.a, relation.b)) {
                related.push(relation.confidence);
            } else {
                unrelated.push(relation.confidence);
            }
        }
    }
    let annotated: usize = examples.iter().map(|e| e.gold.len()).sum();
    assert_eq!(
        related.len(),
        annotated,
        "every annotated pair is a candidate"
    );
    assert!(
        !unrelated.is_empty(),
        "co-mentioned pairs are candidates too"
    );
    let lowest_related = related.iter().copied().fold(f64::MAX, f64::min);
    let highest_unrelated = unrelated.iter().copied().fold(f64::MIN, f64::max);
    assert!(
        lowest_related > highest_unrelated,
        "related {related:?}, unrelated {unrelated:?}"
    );
}

/// The features of the statements of a pair in a text, by name.
fn statement_features(text: &str, a: &str, b: &str) -> Vec<String> {
    let names = statement_feature_names();
    let reading = read_relations(text);
    let pair = (code(a).min(code(b)), code(a).max(code(b)));
    reading
        .statements()
        .iter()
        .filter(|s| s.pair == pair)
        .flat_map(|s| reading.features(s))
        .map(|(index, _)| names[usize::from(*index)].clone())
        .collect()
}

#[test]
fn armed_action_in_a_place_is_a_state_acting_not_a_private_person() {
    let state = statement_features("Danish jets struck targets in Syria on Monday.", "DK", "SY");
    assert!(state.contains(&"armed-in-place".to_string()), "{state:?}");
    let victims = statement_features(
        "Thirty Britons were killed in the attacks in Paris last year.",
        "FR",
        "GB",
    );
    assert!(!victims.is_empty(), "the pair is a candidate");
    assert!(
        !victims.contains(&"armed-in-place".to_string()),
        "{victims:?}"
    );
}

#[test]
fn the_weights_file_refuses_what_it_cannot_trust() {
    let shipped = Weights::shipped().unwrap().to_text("");
    let first_weight = shipped.lines().next().unwrap();
    // A feature left out.
    let missing: String = shipped.lines().skip(1).map(|l| format!("{l}\n")).collect();
    assert!(Weights::parse(&missing).unwrap_err().contains("no weight"));
    // A feature given twice.
    let twice = format!("{shipped}{first_weight}\n");
    assert!(Weights::parse(&twice).unwrap_err().contains("twice"));
    // A feature the model does not have, and a weight that is no number.
    let unknown = format!("{shipped}statement\tno-such-feature\t1.0\n");
    assert!(Weights::parse(&unknown)
        .unwrap_err()
        .contains("unknown feature"));
    let bad = shipped.replacen(first_weight, &first_weight.replace('.', ","), 1);
    assert!(Weights::parse(&bad).unwrap_err().contains("bad weight"));
}
