//! Relations across documents: one map for many articles. Pairs from every document
//! are merged, and each keeps what every document said about it — its types, direction,
//! weight, evidence sentences and amounts — so a reader can go back to the source.
//!
//! A corpus is processed in parts (threads, files, a cluster's partitions), so corpora
//! merge: `merge([aggregate(A), aggregate(B)]) == aggregate(A ∪ B)` for any split, in
//! any order. That holds because a [`Corpus`] depends only on the set of its
//! documents' relations, never on the order they came in: each pair's sources are
//! sorted by document id ([`source_order`]), and its types and weight are derived from
//! those sorted sources when the corpus is finished ([`Aggregator::finish`]), so a
//! float sum is always added up in the same order, however the corpus was split.
//!
//! Works on the exchange format ([`crate::schema`]), so it serves both the app (its
//! documents) and the command line (`diplomap aggregate` over earlier results).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::schema::{AmountRecord, Document, RelationRecord, SpanRecord};

pub const CORPUS_SCHEMA: &str = "diplomap/1-corpus";

/// The relations of a set of documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Corpus {
    #[cfg_attr(feature = "typescript", ts(type = "\"diplomap/1-corpus\""))]
    pub schema: String,
    /// How many documents were merged.
    pub documents: usize,
    /// One per unordered pair, sorted by `(a, b)`.
    pub relations: Vec<CorpusRelation>,
}

/// A pair of countries across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CorpusRelation {
    pub a: String,
    pub b: String,
    /// Every type the sources give the pair, in the order they first appear in
    /// `sources`.
    #[cfg_attr(feature = "typescript", ts(as = "Vec<crate::model::RelationType>"))]
    pub types: Vec<String>,
    /// The sum of the sources' weights, added in the order of `sources`.
    pub weight: f64,
    /// What each document says, sorted by document id ([`source_order`]).
    pub sources: Vec<DocumentEvidence>,
}

/// One document's part in a corpus relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DocumentEvidence {
    /// The document's `id`, or its position in the input when it has none.
    pub document: Value,
    #[cfg_attr(feature = "typescript", ts(as = "Vec<crate::model::RelationType>"))]
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

/// Merges the relations of `documents`; one without an id is named by its position.
pub fn aggregate<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Corpus {
    aggregate_relations(
        documents
            .into_iter()
            .map(|document| (document.id.as_ref(), document.relations.as_slice())),
    )
}

/// Merges relations given per document as its id (if any) and its relations.
pub fn aggregate_relations<'a>(
    documents: impl IntoIterator<Item = (Option<&'a Value>, &'a [RelationRecord])>,
) -> Corpus {
    let mut corpus = Aggregator::default();
    for (id, relations) in documents {
        corpus.add_document(id, relations);
    }
    corpus.finish()
}

/// Merges partial corpora into one: the corpus of all their documents.
pub fn merge(corpora: impl IntoIterator<Item = Corpus>) -> Corpus {
    let mut merged = Aggregator::default();
    for corpus in corpora {
        merged.add_corpus(corpus);
    }
    merged.finish()
}

/// A corpus in the making: documents and partial corpora go in, in any order.
#[derive(Default)]
pub struct Aggregator {
    pairs: BTreeMap<(String, String), Vec<DocumentEvidence>>,
    documents: usize,
    /// Documents added one by one so far: the position that names one without an id.
    positions: usize,
}

impl Aggregator {
    /// Adds one document's relations. A document without an id is named by its
    /// position among the documents added one by one (not those inside corpora).
    pub fn add_document(&mut self, id: Option<&Value>, relations: &[RelationRecord]) {
        let document = id.cloned().unwrap_or_else(|| Value::from(self.positions));
        self.positions += 1;
        self.documents = self.documents.saturating_add(1);
        for relation in relations {
            self.pairs
                .entry((relation.a.clone(), relation.b.clone()))
                .or_default()
                .push(evidence_of(document.clone(), relation));
        }
    }

    /// Adds every document of a (partial) corpus. Its pairs' types and weights are not
    /// read: they are derived again from the sources.
    pub fn add_corpus(&mut self, corpus: Corpus) {
        self.documents = self.documents.saturating_add(corpus.documents);
        for relation in corpus.relations {
            self.pairs
                .entry((relation.a, relation.b))
                .or_default()
                .extend(relation.sources);
        }
    }

    pub fn finish(self) -> Corpus {
        let relations = self
            .pairs
            .into_iter()
            .map(|((a, b), mut sources)| {
                sources.sort_by(source_order);
                let mut types: Vec<String> = Vec::new();
                for kind in sources.iter().flat_map(|source| &source.types) {
                    if !types.contains(kind) {
                        types.push(kind.clone());
                    }
                }
                CorpusRelation {
                    a,
                    b,
                    types,
                    weight: sources.iter().map(|source| source.weight).sum(),
                    sources,
                }
            })
            .collect();
        Corpus {
            schema: CORPUS_SCHEMA.to_string(),
            documents: self.documents,
            relations,
        }
    }
}

fn evidence_of(document: Value, relation: &RelationRecord) -> DocumentEvidence {
    DocumentEvidence {
        document,
        types: relation.types.clone(),
        source: relation.source.clone(),
        target: relation.target.clone(),
        weight: relation.weight,
        confidence: relation.confidence,
        evidence: relation.evidence.clone(),
        amounts: relation.amounts.clone(),
    }
}

/// The order of a pair's sources: by document id — `null`, then booleans, numbers (by
/// value), strings (by their UTF-8 bytes), arrays and objects (by their JSON text) — and
/// two sources of one id (a document given twice) by their JSON text, so that the order
/// is total and no input order can show through.
pub fn source_order(x: &DocumentEvidence, y: &DocumentEvidence) -> Ordering {
    id_order(&x.document, &y.document).then_with(|| json_text(x).cmp(&json_text(y)))
}

fn id_order(x: &Value, y: &Value) -> Ordering {
    fn rank(value: &Value) -> u8 {
        match value {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (x, y) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => as_f64(x).total_cmp(&as_f64(y)),
            },
        },
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(_), Value::Array(_)) | (Value::Object(_), Value::Object(_)) => {
            json_text(x).cmp(&json_text(y))
        }
        _ => rank(x).cmp(&rank(y)),
    }
}

fn as_f64(number: &serde_json::Number) -> f64 {
    number.as_f64().unwrap_or(f64::NAN)
}

fn json_text(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// One line of `diplomap aggregate`'s input.
#[derive(Debug)]
pub enum Record {
    /// A result of `diplomap extract`: a document's id (if any) and relations.
    Document {
        id: Option<Value>,
        relations: Vec<RelationRecord>,
    },
    /// The record `extract` writes in place of a document it could not read.
    Error { id: Value },
    /// A partial corpus, from an earlier `aggregate`.
    Corpus(Corpus),
}

/// The fields of a line that tell the kinds of record apart; the rest (entities,
/// sentences) is skipped unread.
#[derive(Deserialize)]
struct RecordFields {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    error: Option<Value>,
    #[serde(default)]
    documents: Option<usize>,
    #[serde(default)]
    relations: Option<Value>,
}

impl Record {
    /// Reads one JSON record; the error says what is wrong with it, for the user.
    pub fn from_json(json: &[u8]) -> Result<Record, String> {
        let fields: RecordFields =
            serde_json::from_slice(json).map_err(|error| format!("not valid JSON: {error}"))?;
        if fields.error.is_some() {
            return Ok(Record::Error {
                id: fields.id.unwrap_or(Value::Null),
            });
        }
        let Some(relations) = fields.relations else {
            return Err("not an extraction result (no \"relations\")".to_string());
        };
        if fields.schema.as_deref() == Some(CORPUS_SCHEMA) {
            let documents = fields.documents.ok_or(format!(
                "not a valid corpus ({CORPUS_SCHEMA}): no \"documents\""
            ))?;
            let relations = serde_json::from_value(relations)
                .map_err(|error| format!("not a valid corpus ({CORPUS_SCHEMA}): {error}"))?;
            return Ok(Record::Corpus(Corpus {
                schema: CORPUS_SCHEMA.to_string(),
                documents,
                relations,
            }));
        }
        let relations = serde_json::from_value(relations)
            .map_err(|error| format!("not an extraction result: \"relations\": {error}"))?;
        Ok(Record::Document {
            id: fields.id,
            relations,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn document(id: &str, text: &str) -> Document {
        Document::new(text, &analyze(text), Some(Value::from(id)))
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
        let ids: Vec<&Value> = pair.sources.iter().map(|s| &s.document).collect();
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

    #[test]
    fn sources_are_sorted_by_document_id_whatever_the_input_order() {
        let text = "Hanoi and Seoul signed a trade agreement.";
        let ids = [
            serde_json::json!("b"),
            serde_json::json!(10),
            serde_json::json!("a"),
            serde_json::json!(9),
            serde_json::json!(null),
            serde_json::json!(2.5),
        ];
        let documents: Vec<Document> = ids
            .iter()
            .map(|id| Document::new(text, &analyze(text), Some(id.clone())))
            .collect();
        let corpus = aggregate(&documents);
        let order: Vec<&Value> = corpus.relations[0]
            .sources
            .iter()
            .map(|s| &s.document)
            .collect();
        assert_eq!(
            order,
            [&ids[4], &ids[5], &ids[3], &ids[1], &ids[2], &ids[0]],
            "null, then numbers by value, then strings"
        );
    }

    #[test]
    fn records_are_told_apart_and_bad_ones_explained() {
        let result = br#"{"schema":"diplomap/1","id":"x","entities":[{"start":0}],"sentences":[],"relations":[{"a":"DE","b":"FR","types":["economy"],"weight":1.0,"evidence":[{"start":0,"end":9}]}]}"#;
        assert!(matches!(
            Record::from_json(result),
            Ok(Record::Document { id: Some(_), relations }) if relations.len() == 1
        ));
        let corpus = serde_json::to_vec(&aggregate([&document(
            "y",
            "Hanoi and Seoul signed a trade agreement.",
        )]))
        .unwrap();
        assert!(matches!(Record::from_json(&corpus), Ok(Record::Corpus(c)) if c.documents == 1));
        assert!(matches!(
            Record::from_json(br#"{"id": 3, "error": "no \"text\" field"}"#),
            Ok(Record::Error { id }) if id == 3
        ));
        for (line, message) in [
            (&b"{"[..], "not valid JSON"),
            (br#"{"id": 1}"#, "not an extraction result (no \"relations\")"),
            (
                br#"{"relations": [{"a": "DE"}]}"#,
                "not an extraction result: \"relations\": missing field",
            ),
            (
                br#"{"schema": "diplomap/1-corpus", "relations": []}"#,
                "no \"documents\"",
            ),
            (
                br#"{"schema": "diplomap/1-corpus", "documents": 1, "relations": [{"a": "DE", "b": "FR"}]}"#,
                "not a valid corpus (diplomap/1-corpus): missing field",
            ),
        ] {
            let error = Record::from_json(line).unwrap_err();
            assert!(error.contains(message), "{error}");
        }
    }
}
