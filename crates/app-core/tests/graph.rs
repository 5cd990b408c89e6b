//! The relations map as nodes and edges.

use diplomap_app_core::graph::{
    cue_runs, map_data, passes, salience, strongest, unsure, DEFAULT_CONFIDENCE,
};
use diplomap_app_core::Analysed;
use diplomap_extract::RelationType;

#[path = "support/texts.rs"]
mod texts;
use texts::{code, MAP_ARTICLE};

#[test]
fn map_data_pairs_edges_with_their_sentences() {
    let analysed = Analysed::new(MAP_ARTICLE.to_string());
    let data = map_data(&analysed);
    let edge = data
        .edges
        .iter()
        .find(|edge| edge.a == code("KG") && edge.b == code("RU"))
        .unwrap_or_else(|| panic!("no KG-RU edge in {:?}", data.edges));
    assert_eq!(edge.direction, Some((code("RU"), code("KG"))));
    assert_eq!(edge.title(), "Russia \u{2192} Kyrgyzstan");
    assert!(edge.types.contains(&RelationType::Economy));
    assert_eq!(edge.evidence.len(), 1);
    assert_eq!(
        edge.evidence[0].1,
        "Moscow granted $30 million to Bishkek for a new hydropower plant."
    );
    assert_eq!(edge.amounts, vec!["30 million USD".to_string()]);
    let russia = data.node(code("RU")).unwrap();
    assert!(russia.related && russia.count >= 1);
    assert!(data.fit_codes().contains(&code("KG")));
    assert!(data
        .types()
        .iter()
        .any(|&(kind, _)| kind == RelationType::Economy));
}

#[test]
fn strongest_type_and_salience() {
    let types = [
        RelationType::Diplomacy,
        RelationType::Economy,
        RelationType::Tension,
    ];
    let mut hidden = std::collections::BTreeSet::new();
    assert_eq!(strongest(&types, &hidden), Some(RelationType::Tension));
    hidden.insert(RelationType::Tension);
    assert_eq!(strongest(&types, &hidden), Some(RelationType::Economy));
    hidden.extend([RelationType::Economy, RelationType::Diplomacy]);
    assert_eq!(strongest(&types, &hidden), None);

    assert_eq!(salience(0, 10), 0);
    assert_eq!(salience(1, 10), 1);
    assert_eq!(salience(10, 10), 4);
    assert_eq!(salience(6, 10), 3);
}

#[test]
fn edges_carry_confidence_and_their_cue_words_marked() {
    let analysed = Analysed::new(MAP_ARTICLE.to_string());
    let data = map_data(&analysed);
    let edge = data
        .edges
        .iter()
        .find(|edge| edge.a == code("KG") && edge.b == code("RU"))
        .unwrap();
    // Sure enough to be drawn at first (the app's component tests rely on it).
    assert!(
        (DEFAULT_CONFIDENCE..=1.0).contains(&edge.confidence),
        "{}",
        edge.confidence
    );
    // The sentence as runs: joined they are the sentence; the cue "granted" is economy.
    assert_eq!(edge.marked.len(), edge.evidence.len());
    let runs = &edge.marked[0];
    let joined: String = runs.iter().map(|(text, _)| text.as_str()).collect();
    assert_eq!(joined, edge.evidence[0].1);
    assert!(
        runs.contains(&("granted".to_string(), Some(RelationType::Economy))),
        "{runs:?}"
    );

    // The threshold: an edge passes from its confidence; below the default it is faint.
    let mut edge = edge.clone();
    edge.confidence = 0.55;
    assert!(passes(&edge, 0.5) && !passes(&edge, DEFAULT_CONFIDENCE) && unsure(&edge));
    edge.confidence = 0.9;
    assert!(passes(&edge, 0.8) && !unsure(&edge));
    // As the reader sees it: 0.897 is shown as 0.90 and kept at 0.9, 0.594 as 0.59.
    edge.confidence = 0.897;
    assert!(passes(&edge, 0.9));
    edge.confidence = 0.594;
    assert!(unsure(&edge) && !passes(&edge, DEFAULT_CONFIDENCE));
    edge.confidence = f64::NAN;
    assert!(passes(&edge, 0.9), "no confidence: always drawn");
}

#[test]
fn cue_runs_collapse_white_space_and_skip_cues_outside() {
    use diplomap_extract::Span;
    let text = "Moscow  granted\n aid; Kyiv struck.";
    let cues = [
        (RelationType::Economy, Span::new(108, 115)),
        (RelationType::Conflict, Span::new(127, 133)),
        (RelationType::Conflict, Span::new(500, 506)),
    ];
    let runs = cue_runs(Span::new(100, 100 + text.len()), text, &cues);
    assert_eq!(
        runs,
        vec![
            ("Moscow ".to_string(), None),
            ("granted".to_string(), Some(RelationType::Economy)),
            (" aid; Kyiv ".to_string(), None),
            ("struck".to_string(), Some(RelationType::Conflict)),
            (".".to_string(), None),
        ]
    );
}
