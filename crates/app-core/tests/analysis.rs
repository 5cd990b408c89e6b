//! An analysed text, and the worker's encoding of its analysis.

use std::sync::Arc;

use diplomap_app_core::codec::{decode, encode};
use diplomap_app_core::Analysed;

#[path = "support/texts.rs"]
mod texts;
use texts::long_article;

#[test]
fn analysed_keeps_text_and_offsets_together() {
    let analysed = Arc::new(Analysed::new("Growth hit 4% in 2020.".into()));
    for entity in &analysed.analysis.entities {
        assert!(analysed
            .text
            .get(entity.span.start..entity.span.end)
            .is_some());
    }
}

#[test]
fn the_worker_encoding_round_trips_and_refuses_damage() {
    let analysis = Analysed::new(long_article(4000)).analysis;
    assert!(!analysis.relations.is_empty() && analysis.entities.iter().any(|e| e.value.is_some()));
    let bytes = encode(&analysis);
    assert_eq!(decode(&bytes), Some(analysis));
    for cut in [0, 3, 4, 9, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode(&longer), None);
    // Flipped bytes give an error or some analysis, never a panic.
    for at in (0..bytes.len()).step_by(7) {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0xA5;
        let _ = decode(&damaged);
    }
}
