//! The relations map as nodes and edges.

use diplomap_app_core::graph::{label_place, map_data, salience, strongest};
use diplomap_app_core::map::Point;
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
fn strongest_type_salience_and_labels() {
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

    // A second label at the same spot moves out of the first one's way.
    let (_, first) = label_place(Point::new(0.0, 0.0), "Uzbekistan", 12.0, 6.0, &[]);
    let (second, rect) = label_place(Point::new(5.0, 0.0), "Kyrgyzstan", 12.0, 6.0, &[first]);
    assert!(
        rect.y > first.y + first.h - 1e-9
            || rect.x >= first.x + first.w
            || rect.x + rect.w <= first.x,
        "{second:?}"
    );
}
