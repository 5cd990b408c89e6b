//! "All documents": every document's text and analysis combined.

use diplomap_app_core::workspace;
use diplomap_app_core::Analysed;

#[path = "support/texts.rs"]
mod texts;
use texts::{GRAIN, KYIV};

#[test]
fn all_documents_merge_relations_with_their_sources() {
    let first = Analysed::new(KYIV.to_string());
    let second = Analysed::new(GRAIN.to_string());
    let (combined, ranges) =
        workspace::combine(&[(1, "One".into(), &first), (2, "Two".into(), &second)]);
    assert_eq!(combined.text, format!("{KYIV}\n\n{GRAIN}"));
    assert_eq!(ranges[1].start, KYIV.len() + 2);
    let pair = combined
        .analysis
        .relations
        .iter()
        .find(|r| r.a.as_str() == "DE" && r.b.as_str() == "UA")
        .expect("DE-UA");
    assert_eq!(pair.evidence.len(), 2);
    let sources: Vec<u64> = pair
        .evidence
        .iter()
        .map(|span| workspace::range_of(&ranges, *span).unwrap().id)
        .collect();
    assert_eq!(sources, [1, 2]);
    let weights: f64 = [&first, &second]
        .iter()
        .flat_map(|a| {
            a.analysis
                .relations
                .iter()
                .filter(|r| r.a.as_str() == "DE" && r.b.as_str() == "UA")
        })
        .map(|r| r.weight)
        .sum();
    assert_eq!(pair.weight, weights);
    for entity in &combined.analysis.entities {
        assert!(combined
            .text
            .get(entity.span.start..entity.span.end)
            .is_some());
    }
    assert_eq!(
        &combined.text[pair.evidence[1].start..pair.evidence[1].end],
        GRAIN
    );
}
