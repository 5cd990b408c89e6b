//! What the page shows of the workspace: one document or "All documents", the
//! combination of every document's text and analysis, and where each sits in it. The
//! documents themselves, their limits and how they are kept are [`crate::documents`].

use std::collections::BTreeMap;

use diplomap_extract::{Analysis, Relation, Span};

use crate::analysed::Analysed;

/// Between two documents in the "All documents" text.
pub const SEPARATOR: &str = "\n\n";

/// What the page shows: one document, or the relations of all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Doc(u64),
    All,
}

/// Where one document sits in the "All documents" text (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct DocRange {
    pub id: u64,
    pub title: String,
    pub start: usize,
    pub end: usize,
}

/// The document a span of the combined text comes from.
pub fn range_of(ranges: &[DocRange], span: Span) -> Option<&DocRange> {
    ranges
        .iter()
        .find(|range| range.start <= span.start && span.start < range.end.max(range.start + 1))
}

/// Every document's text one after another, with their analyses shifted to match and
/// the relations of the same pair merged (types joined, weights added, evidence, amounts
/// and cue words kept, a direction only where all agree, the surest document's
/// confidence).
pub fn combine(parts: &[(u64, String, &Analysed)]) -> (Analysed, Vec<DocRange>) {
    let mut text = String::new();
    let mut analysis = Analysis::default();
    let mut ranges = Vec::new();
    let mut pairs: BTreeMap<(String, String), Relation> = BTreeMap::new();
    for (id, title, part) in parts {
        if !text.is_empty() {
            text.push_str(SEPARATOR);
        }
        let offset = text.len();
        text.push_str(&part.text);
        ranges.push(DocRange {
            id: *id,
            title: title.clone(),
            start: offset,
            end: text.len(),
        });
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        for entity in &part.analysis.entities {
            let mut entity = entity.clone();
            entity.span = shift(entity.span);
            analysis.entities.push(entity);
        }
        analysis
            .sentences
            .extend(part.analysis.sentences.iter().map(|span| shift(*span)));
        for relation in &part.analysis.relations {
            let mut relation = relation.clone();
            relation.evidence = relation.evidence.iter().map(|span| shift(*span)).collect();
            for amount in &mut relation.amounts {
                amount.span = shift(amount.span);
            }
            for cue in &mut relation.cues {
                cue.span = shift(cue.span);
            }
            let key = (relation.a.to_string(), relation.b.to_string());
            match pairs.get_mut(&key) {
                None => {
                    pairs.insert(key, relation);
                }
                Some(merged) => {
                    for kind in relation.types {
                        if !merged.types.contains(&kind) {
                            merged.types.push(kind);
                        }
                    }
                    merged.types.sort();
                    if merged.direction != relation.direction {
                        merged.direction = None;
                    }
                    merged.weight += relation.weight;
                    merged.confidence = merged.confidence.max(relation.confidence);
                    merged.evidence.extend(relation.evidence);
                    merged.amounts.extend(relation.amounts);
                    merged.cues.extend(relation.cues);
                }
            }
        }
    }
    analysis.relations = pairs.into_values().collect();
    (Analysed { text, analysis }, ranges)
}
