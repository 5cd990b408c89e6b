//! Relations across documents: one map for many articles. Pairs from every document
//! are merged, and each keeps what every document said about it — its types, direction,
//! weight, evidence sentences and amounts — so a reader can go back to the source.
//!
//! Works on the exchange format ([`crate::schema`]), so it serves both the app (its
//! documents) and the command line (`diplomap aggregate` over earlier results).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::schema::{AmountRecord, Document, RelationRecord, SpanRecord};

pub const CORPUS_SCHEMA: &str = "diplomap/1-corpus";

/// The relations of a set of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: String,
    /// How many documents were merged.
    pub documents: usize,
    /// One per unordered pair, sorted by `(a, b)`.
    pub relations: Vec<CorpusRelation>,
}

/// A pair of countries across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusRelation {
    pub a: String,
    pub b: String,
    /// Every type any document gives the pair, in the documents' order of types.
    pub types: Vec<String>,
    /// The sum of the documents' weights.
    pub weight: f64,
    /// What each document says, in input order.
    pub sources: Vec<DocumentEvidence>,
}

/// One document's part in a corpus relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentEvidence {
    /// The document's `id`, or its position in the input when it has none.
    pub document: serde_json::Value,
    pub types: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub weight: f64,
    /// That document's confidence in the relation (absent from older results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Sentence spans in that document (code points).
    pub evidence: Vec<SpanRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<AmountRecord>,
}

/// Merges the relations of `documents`, in their order.
pub fn aggregate<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Corpus {
    aggregate_relations(
        documents
            .into_iter()
            .map(|document| (document.id.as_ref(), document.relations.as_slice())),
    )
}

/// Merges relations given per document as its id (if any) and its relations.
pub fn aggregate_relations<'a>(
    documents: impl IntoIterator<Item = (Option<&'a serde_json::Value>, &'a [RelationRecord])>,
) -> Corpus {
    let mut pairs: BTreeMap<(String, String), CorpusRelation> = BTreeMap::new();
    let mut count = 0;
    for (position, (id, relations)) in documents.into_iter().enumerate() {
        count += 1;
        let id = id
            .cloned()
            .unwrap_or_else(|| serde_json::Value::from(position));
        for relation in relations {
            let merged = pairs
                .entry((relation.a.clone(), relation.b.clone()))
                .or_insert_with(|| CorpusRelation {
                    a: relation.a.clone(),
                    b: relation.b.clone(),
                    types: Vec::new(),
                    weight: 0.0,
                    sources: Vec::new(),
                });
            add(merged, id.clone(), relation);
        }
    }
    Corpus {
        schema: CORPUS_SCHEMA.to_string(),
        documents: count,
        relations: pairs.into_values().collect(),
    }
}

fn add(merged: &mut CorpusRelation, document: serde_json::Value, relation: &RelationRecord) {
    for kind in &relation.types {
        if !merged.types.contains(kind) {
            merged.types.push(kind.clone());
        }
    }
    merged.weight += relation.weight;
    merged.sources.push(DocumentEvidence {
        document,
        types: relation.types.clone(),
        source: relation.source.clone(),
        target: relation.target.clone(),
        weight: relation.weight,
        confidence: relation.confidence,
        evidence: relation.evidence.clone(),
        amounts: relation.amounts.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn document(id: &str, text: &str) -> Document {
        Document::new(text, &analyze(text), Some(serde_json::Value::from(id)))
    }

    #[test]
    fn pairs_from_several_documents_merge_with_their_sources() {
        let documents = [
            document(
                "first",
                "Berlin has granted $40 million to Kyiv for power stations.",
            ),
            document("second", "Nothing about countries here."),
            document(
                "third",
                "German and Ukrainian ministers signed a deal on grain in Kyiv.",
            ),
        ];
        let corpus = aggregate(&documents);
        assert_eq!(corpus.documents, 3);
        let pair = corpus
            .relations
            .iter()
            .find(|r| r.a == "DE" && r.b == "UA")
            .expect("a DE-UA pair");
        let ids: Vec<&serde_json::Value> = pair.sources.iter().map(|s| &s.document).collect();
        assert_eq!(ids, ["first", "third"]);
        assert!(
            pair.types.contains(&"economy".to_string())
                && pair.types.contains(&"agreement".to_string())
        );
        let total: f64 = pair.sources.iter().map(|s| s.weight).sum();
        assert_eq!(pair.weight, total);
        assert_eq!(pair.sources[0].amounts[0].value, 40e6);
    }

    #[test]
    fn documents_without_an_id_are_named_by_position() {
        let text = "Hanoi and Seoul signed a trade agreement.";
        let unnamed = Document::new(text, &analyze(text), None);
        let corpus = aggregate([&unnamed, &unnamed]);
        let sources = &corpus.relations[0].sources;
        assert_eq!(
            (&sources[0].document, &sources[1].document),
            (&serde_json::json!(0), &serde_json::json!(1))
        );
    }
}
