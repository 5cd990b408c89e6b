//! The extraction core for JavaScript. `make pkg` compiles this crate to wasm, runs
//! wasm-bindgen (`--target web`) and adds the package's own modules (`npm/`): they call
//! these two functions and hand JavaScript objects of the result schema
//! (docs/schema.md) to the caller.
//!
//! Results cross the boundary as JSON text: one `JSON.parse` on the JavaScript side is
//! faster than building the objects field by field through wasm-bindgen, and needs no
//! extra crate.

use diplomap_extract::aggregate::{Aggregator, Record};
use diplomap_extract::Document;
use wasm_bindgen::prelude::*;

/// The analysis of `text` as a `diplomap/1` document, in JSON. `id_json`, when given,
/// is the JSON of the document's `id` (any JSON value).
#[wasm_bindgen(js_name = analyzeToJson)]
pub fn analyze_to_json(text: &str, id_json: Option<String>) -> Result<String, JsError> {
    document_json(text, id_json.as_deref()).map_err(|why| JsError::new(&why))
}

/// One `diplomap/1-corpus`, in JSON, from `records`: each the JSON of a result of
/// `analyze` or of a corpus from an earlier call (they merge exactly, as in
/// `diplomap aggregate`).
#[wasm_bindgen(js_name = aggregateToJson)]
pub fn aggregate_to_json(records: Vec<String>) -> Result<String, JsError> {
    corpus_json(&records).map_err(|why| JsError::new(&why))
}

/// [`analyze_to_json`] with its error as a message.
pub fn document_json(text: &str, id_json: Option<&str>) -> Result<String, String> {
    let id = id_json
        .map(serde_json::from_str)
        .transpose()
        .map_err(|error| format!("the id is not JSON: {error}"))?;
    let analysis = diplomap_extract::analyze(text);
    Ok(to_json(&Document::new(text, &analysis, id)))
}

/// [`aggregate_to_json`] with its error as a message naming the record. The error
/// records the CLI writes for lines it could not read are skipped, as it skips them.
pub fn corpus_json(records: &[String]) -> Result<String, String> {
    let mut corpus = Aggregator::default();
    for (index, record) in records.iter().enumerate() {
        match Record::from_json(record.as_bytes()) {
            Ok(Record::Document { id, relations }) => corpus.add_document(id.as_ref(), &relations),
            Ok(Record::Corpus(part)) => corpus.add_corpus(part),
            Ok(Record::Error { .. }) => {}
            Err(problem) => return Err(format!("results[{index}]: {problem}")),
        }
    }
    Ok(to_json(&corpus.finish()))
}

fn to_json(value: &impl serde::Serialize) -> String {
    // The schema's types hold only strings, numbers, lists and JSON values: nothing
    // that can fail to serialise.
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_and_its_id_come_back_as_json() {
        let json = document_json(
            "Kazakhstan and Russia signed a trade agreement in Moscow.",
            Some(r#"{"n": 7}"#),
        )
        .unwrap();
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(document["schema"], "diplomap/1");
        assert_eq!(document["id"], serde_json::json!({"n": 7}));
        assert_eq!(document["relations"][0]["a"], "KZ");
    }

    #[test]
    fn aggregate_merges_documents_and_corpora() {
        let one = document_json("Hanoi and Seoul signed a trade agreement.", Some("1")).unwrap();
        let two = document_json("Hanoi and Seoul held talks.", Some("2")).unwrap();
        let both = corpus_json(&[one.clone(), two.clone()]).unwrap();
        let corpus: serde_json::Value = serde_json::from_str(&both).unwrap();
        assert_eq!(corpus["documents"], 2);
        assert_eq!(
            corpus["relations"][0]["sources"].as_array().unwrap().len(),
            2
        );
        // A corpus made in parts is the corpus made at once.
        let part = corpus_json(&[two]).unwrap();
        assert_eq!(corpus_json(&[part, one]).unwrap(), both);
    }

    #[test]
    fn a_bad_record_is_named_by_its_position() {
        let good = document_json("Hanoi and Seoul met.", None).unwrap();
        let error = corpus_json(&[good, r#"{"schema": "diplomap/1"}"#.into()]).unwrap_err();
        assert!(error.starts_with("results[1]: "), "{error}");
        assert!(corpus_json(&["[".into()]).is_err());
        assert!(document_json("Hanoi.", Some("{not json")).is_err());
    }
}
