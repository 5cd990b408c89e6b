//! What every analysis guarantees, whatever the text: spans sorted, non-overlapping, on
//! character boundaries and inside the text; country codes well-formed; relations
//! between two different countries, ordered, typed, with evidence among the sentences,
//! a confidence in [0, 1], and cue words of their types inside their evidence.
//! Checked by the property tests and by the fuzzer (`make fuzz`).

use crate::model::Analysis;
use crate::schema::Document;

/// The first broken guarantee, if any.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let within = |start: usize, end: usize| {
        start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let mut previous_end = 0;
    for entity in &analysis.entities {
        let span = entity.span;
        if !within(span.start, span.end) || span.start < previous_end {
            return Err(format!(
                "entity span {span:?} is empty, outside, off a boundary or overlapping"
            ));
        }
        if entity
            .country
            .is_some_and(|code| !code.as_str().bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(format!("bad country code in {entity:?}"));
        }
        previous_end = span.end;
    }
    let mut previous_end = 0;
    for sentence in &analysis.sentences {
        if !within(sentence.start, sentence.end) || sentence.start < previous_end {
            return Err(format!(
                "sentence span {sentence:?} is empty, outside, off a boundary or overlapping"
            ));
        }
        previous_end = sentence.end;
    }
    for relation in &analysis.relations {
        let evidence_known = relation
            .evidence
            .iter()
            .all(|e| analysis.sentences.binary_search(e).is_ok());
        // Cue words are of the relation's types and stand in its evidence.
        let cues_known = relation.cues.iter().all(|cue| {
            relation.types.contains(&cue.kind)
                && relation.evidence.iter().any(|e| e.contains(cue.span))
        });
        if relation.a >= relation.b
            || relation.types.is_empty()
            || relation.evidence.is_empty()
            || !evidence_known
            || !(0.0..=1.0).contains(&relation.confidence)
            || !cues_known
        {
            return Err(format!("malformed relation {relation:?}"));
        }
    }
    // The exchange format converts every offset.
    let document = Document::new(text, analysis, None);
    let chars = text.chars().count();
    if document
        .entities
        .iter()
        .any(|e| e.start >= e.end || e.end > chars)
    {
        return Err("code-point offsets out of range".to_string());
    }
    Ok(())
}
